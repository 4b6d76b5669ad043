use crate::model::AppError;
use crate::model::organisation::InvitationPreview;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "inviter-membre")]
pub async fn invite_member(organisation: i64, email: String, role: String) -> Result<(), AppError> {
    use crate::domain::{Email, HostRole};
    use crate::i18n::Msg;
    use crate::model::error::Checks;
    use crate::server::ratelimit::Door;
    use crate::server::{policy::Action, service::organisations};
    let call = super::super::support::allowed(Action::InviteMember { organisation }).await?;
    let mut checks = Checks::default();
    let parsed_email = checks.check("email", Email::parse(&email));
    let parsed_role = checks.check(
        "role",
        HostRole::from_code(&role).ok_or(Msg::HostRoleRequired),
    );
    // Invitations send emails: limited per organisation and per account.
    let limited = call
        .state
        .limits
        .check(Door::InvitePerOrganisation, &organisation.to_string())
        .and_then(|()| {
            call.state
                .limits
                .check(Door::InvitePerAccount, &call.viewer_id()?.to_string())
        });
    let result = match (limited, checks.finish(), parsed_email, parsed_role) {
        (Err(e), ..) => Err(e),
        (Ok(()), Ok(()), Some(e), Some(r)) => {
            let inviter = call
                .ctx
                .actor
                .viewer()
                .map(|v| v.name.clone())
                .unwrap_or_default();
            organisations::invite(
                &call.state,
                &call.ctx.origin(),
                organisation,
                &e,
                r,
                &inviter,
                call.ctx.locale,
            )
            .await
        }
        (Ok(()), Err(e), _, _) => Err(e),
        _ => Err(AppError::Unexpected),
    };
    call.answer(
        result,
        &[("email", email), ("role", role)],
        Some(Msg::InvitationSent),
        &format!("/organisation/{organisation}"),
    )
    .await
}

#[server(prefix = "/api", endpoint = "invitation")]
pub async fn get_invitation_preview(token: String) -> Result<InvitationPreview, AppError> {
    use crate::server::{policy::Action, service::organisations};
    let call = super::super::support::allowed(Action::UseEmailedToken).await?;
    organisations::preview(&call.state.db, &token, call.ctx.locale).await
}

#[server(prefix = "/api", endpoint = "accepter-invitation")]
pub async fn accept_invitation(token: String) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::organisations};
    let call = super::super::support::allowed(Action::AcceptInvitation).await?;
    let viewer = call.ctx.actor.viewer().ok_or(AppError::Forbidden)?.clone();
    let to = organisations::accept(&call.state.db, &call.ctx.origin(), &token, &viewer).await?;
    call.done(Some(Msg::InvitationAccepted), &to).await
}
