use crate::model::AppError;
use crate::model::batch::BatchLine;
use crate::model::review::{Results, ResultsQuery};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "resultats-preselection")]
pub async fn get_review_results(promotion: i64, query: ResultsQuery) -> Result<Results, AppError> {
    use crate::server::{policy::Action, service::review::setup, service::review::shortlist};
    let call = crate::api::support::allowed(Action::ManageReview).await?;
    setup::ensure(&call.state.db, &call.ctx.origin(), promotion).await?;
    shortlist::results(&call.state.db, promotion, &query).await
}

/// Who would be told what if the chosen dossiers were shortlisted
/// (`decision` = "retenir") or not ("ecarter"): nothing changes.
#[server(prefix = "/api", endpoint = "apercu-preselection")]
pub async fn preview_shortlist(
    promotion: i64,
    ids: Vec<i64>,
    decision: String,
) -> Result<Vec<BatchLine>, AppError> {
    use crate::server::{policy::Action, service::review::shortlist};
    let call = crate::api::support::allowed(Action::ManageReview).await?;
    shortlist::preview(
        &call.state,
        promotion,
        &ids,
        decision == "retenir",
        call.ctx.locale,
    )
    .await
}

#[server(prefix = "/api", endpoint = "preselectionner")]
pub async fn confirm_shortlist(
    promotion: i64,
    #[server(default)] ids: Vec<i64>,
    decision: String,
) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::review::shortlist};
    let call = crate::api::support::allowed(Action::ManageReview).await?;
    let result = if ids.is_empty() {
        Err(AppError::Refused(Msg::NoApplicationChosen))
    } else {
        shortlist::confirm(
            &call.state,
            &call.ctx.origin(),
            promotion,
            &ids,
            decision == "retenir",
        )
        .await
    };
    call.answer(
        result,
        crate::api::support::NOTHING,
        Some(Msg::ShortlistDone),
        &format!("/coordination/promotions/{promotion}/preselection/resultats"),
    )
    .await
}

/// Dossier `id`'s reviews for coordinators (`None` without a review stage).
#[server(prefix = "/api", endpoint = "avis-dossier")]
pub async fn get_dossier_reviews(
    id: i64,
) -> Result<Option<crate::model::review::DossierReviews>, AppError> {
    use crate::server::{policy::Action, service::review::standing};
    let call = crate::api::support::allowed(Action::ManageReview).await?;
    standing::of_dossier(&call.state.db, id).await
}
