use crate::model::AppError;
use crate::model::application::DraftsList;
use leptos::prelude::*;

/// Who has a draft in a promotion: identity, last save, completeness.
#[server(prefix = "/api", endpoint = "brouillons-promotion")]
pub async fn promotion_drafts(promotion: i64) -> Result<DraftsList, AppError> {
    use crate::server::{policy::Action, service::drafts};
    let call = super::super::support::allowed(Action::ReviewApplications).await?;
    drafts::list(&call.state.db, promotion).await
}

/// Reminds the author of a draft of the deadline.
#[server(prefix = "/api", endpoint = "relancer-brouillon")]
pub async fn remind_draft(id: i64) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::applications, service::drafts};
    let call = super::super::support::allowed(Action::ReviewApplications).await?;
    let (_, state) = applications::owner(&call.state.db, id).await?;
    call.allow(Action::RemindDraft { state })?;
    let promotion = drafts::remind(&call.state, &call.ctx.origin(), id).await?;
    call.done(
        Some(Msg::DraftReminded),
        &format!("/coordination/promotions/{promotion}/brouillons"),
    )
    .await
}
