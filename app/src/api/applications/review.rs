use crate::model::AppError;
use crate::model::application::{ApplicationQuery, ApplicationTable};
use crate::model::batch::BatchLine;
use leptos::prelude::*;

/// A promotion's dossiers for coordinators: filtered, sorted, one page.
#[server(prefix = "/api", endpoint = "candidatures-promotion")]
pub async fn promotion_applications(
    promotion: i64,
    query: ApplicationQuery,
) -> Result<ApplicationTable, AppError> {
    use crate::server::{policy::Action, service::selection};
    let call = super::super::support::allowed(Action::ReviewApplications).await?;
    selection::table(&call.state, promotion, &query).await
}

#[server(prefix = "/api", endpoint = "examiner-candidature")]
pub async fn review_application(id: i64, review: String, message: String) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::applications, service::selection};
    let call = super::super::support::allowed(Action::ReviewApplications).await?;
    let (_, state) = applications::owner(&call.state.db, id).await?;
    call.allow(Action::ReviewApplication { state })?;
    let (state, origin) = (&call.state, call.ctx.origin());
    let apply = |r, m: String| async move { selection::review(state, &origin, id, r, &m).await };
    let to = format!("/coordination/candidatures/{id}");
    call.verdict((review, message), apply, Msg::DecisionRecorded, &to)
        .await
}

/// A personal deadline; from the drafts list (`depuis=brouillons`) the
/// browser goes back there, else to the dossier.
#[server(prefix = "/api", endpoint = "prolonger-candidature")]
pub async fn extend_application(
    id: i64,
    until: String,
    #[server(default)] depuis: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::promotion::parse_paris;
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::applications, service::selection};
    let call = super::super::support::allowed(Action::ReviewApplications).await?;
    let (_, state) = applications::owner(&call.state.db, id).await?;
    call.allow(Action::ExtendApplicationDeadline { state })?;
    let back = match depuis.as_deref() {
        Some("brouillons") => {
            let promotion = applications::find(&call.state.db, id).await?.promotion_id;
            format!("/coordination/promotions/{promotion}/brouillons")
        }
        _ => format!("/coordination/candidatures/{id}"),
    };
    let result = match parse_paris(&until) {
        Ok(t) => selection::extend_deadline(&call.state, &call.ctx.origin(), id, t).await,
        Err(m) => Err(AppError::field("until", m)),
    };
    call.answer(
        result,
        &[("until", until)],
        Some(Msg::DeadlineExtended),
        &back,
    )
    .await
}

/// Who would receive what: nothing is sent.
#[server(prefix = "/api", endpoint = "apercu-candidatures")]
pub async fn preview_application_batch(
    promotion: i64,
    query: ApplicationQuery,
    review: String,
    message: String,
) -> Result<Vec<BatchLine>, AppError> {
    use crate::server::{policy::Action, service::selection};
    let call = super::super::support::allowed(Action::ReviewApplications).await?;
    let (r, m) = super::super::support::verdict_and_message(call.ctx.locale, &review, &message)?;
    selection::preview_batch(&call.state, promotion, &query, r, &m).await
}

#[server(prefix = "/api", endpoint = "examiner-candidatures")]
pub async fn review_applications(
    promotion: i64,
    #[server(default)] ids: Vec<i64>,
    review: String,
    message: String,
) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::selection};
    let call = super::super::support::allowed(Action::ReviewApplications).await?;
    let (state, origin) = (&call.state, call.ctx.origin());
    let apply = |r, m: String| async move {
        if ids.is_empty() {
            return Err(AppError::Refused(Msg::NoApplicationChosen));
        }
        selection::review_batch(state, &origin, &ids, r, &m).await
    };
    let to = format!("/coordination/promotions/{promotion}/candidatures");
    call.verdict((review, message), apply, Msg::BatchRecorded, &to)
        .await
}
