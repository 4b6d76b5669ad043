use crate::domain::form::Posted;
use crate::model::AppError;
use crate::model::interviews::MyInterviews;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "mes-entretiens")]
pub async fn get_my_interviews() -> Result<MyInterviews, AppError> {
    use crate::server::{
        policy::Action,
        service::interviews::{booking, feeds},
    };
    let call = crate::api::support::allowed(Action::BookInterview).await?;
    let user = call.viewer_id()?;
    let feed = feeds::token_of(&call.state.db, user)
        .await?
        .map(|t| format!("{}/calendrier/{t}.ics", call.state.settings.base_url));
    let mut page = booking::mine(&call.state.db, &call.state.settings, user, feed).await?;
    page.juries = feeds::juries_of_user(&call.state.db, user).await?;
    Ok(page)
}

/// Books `creneau` for `entretien` (or moves it there).
#[server(prefix = "/api", endpoint = "reserver-entretien")]
pub async fn book_interview(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::interviews::booking};
    let call = crate::api::support::allowed(Action::BookInterview).await?;
    let id = form.number::<i64>("entretien").ok_or(AppError::NotFound)?;
    let result = match form.number::<i64>("creneau") {
        Some(slot) => {
            booking::book(&call.state, &call.ctx.origin(), call.viewer_id()?, id, slot).await
        }
        None => Err(AppError::field("creneau", Msg::ChoiceRequired)),
    };
    call.answer(
        result,
        crate::api::support::NOTHING,
        Some(Msg::InterviewBooked),
        "/espace/entretiens",
    )
    .await
}

#[server(prefix = "/api", endpoint = "annuler-entretien")]
pub async fn cancel_interview(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::interviews::booking};
    let call = crate::api::support::allowed(Action::BookInterview).await?;
    let id = form.number::<i64>("entretien").ok_or(AppError::NotFound)?;
    let result = booking::cancel(&call.state, &call.ctx.origin(), call.viewer_id()?, id).await;
    call.answer(
        result,
        crate::api::support::NOTHING,
        Some(Msg::InterviewCancelledNotice),
        "/espace/entretiens",
    )
    .await
}

/// Accepts (`reponse=oui`) or declines a jury's proposal.
#[server(prefix = "/api", endpoint = "repondre-jury")]
pub async fn answer_jury(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::interviews::booking};
    let call = crate::api::support::allowed(Action::BookInterview).await?;
    let id = form.number::<i64>("entretien").ok_or(AppError::NotFound)?;
    let yes = form.get("reponse").as_deref() == Some("oui");
    let result = booking::answer(
        &call.state.db,
        &call.ctx.origin(),
        call.viewer_id()?,
        id,
        yes,
    )
    .await;
    call.answer(
        result,
        crate::api::support::NOTHING,
        Some(Msg::AnswerSaved),
        "/espace/entretiens",
    )
    .await
}

/// A new private calendar address (the old one stops working).
#[server(prefix = "/api", endpoint = "nouvelle-adresse-calendrier")]
pub async fn renew_feed(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::interviews::feeds};
    let call = crate::api::support::allowed(Action::BookInterview).await?;
    let result = feeds::renew(&call.state.db, &call.ctx.origin(), call.viewer_id()?).await;
    let back = form
        .get("retour")
        .filter(|r| r == "/jury/entretiens")
        .unwrap_or_else(|| "/espace/entretiens".to_owned());
    call.answer(
        result,
        crate::api::support::NOTHING,
        Some(Msg::FeedRenewed),
        &back,
    )
    .await
}
