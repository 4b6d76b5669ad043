use crate::model::AppError;
use leptos::prelude::*;

/// A lead removes a member (leads manage membership: the same policy
/// action as inviting).
#[server(prefix = "/api", endpoint = "retirer-membre")]
pub async fn remove_member(organisation: i64, user: i64) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::memberships};
    let call = super::super::support::allowed(Action::InviteMember { organisation }).await?;
    let result =
        memberships::remove_member(&call.state, &call.ctx.origin(), organisation, user).await;
    call.answer(
        result,
        crate::api::support::NOTHING,
        Some(Msg::MemberRemoved),
        &format!("/organisation/{organisation}"),
    )
    .await
}

#[server(prefix = "/api", endpoint = "annuler-invitation")]
pub async fn cancel_invitation(organisation: i64, invitation: i64) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::memberships};
    let call = super::super::support::allowed(Action::InviteMember { organisation }).await?;
    memberships::cancel_invitation(&call.state, &call.ctx.origin(), organisation, invitation)
        .await?;
    call.done(
        Some(Msg::InvitationCancelled),
        &format!("/organisation/{organisation}"),
    )
    .await
}
