//! Ending membership of a host organisation: a lead removes a member or
//! cancels a pending invitation. A removed member loses access at once
//! (roles are read from the database on every request, so their pages,
//! files and the organisation's emails stop with the next request); an
//! organisation always keeps at least one lead.

use super::audit::{AuditAction, Target};
use super::txn::Txn;
use super::{Origin, organisations};
use crate::domain::HostRole;
use crate::i18n::Msg;
use crate::model::AppError;
use crate::server::AppState;
use crate::server::db::{invitation, organisation, role_grant};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use serde_json::json;

const HOST_ROLES: [&str; 3] = ["host_lead", "host_mentor", "host_hr"];

/// Removes `user` from organisation `org` (every host role they hold
/// there). Refused when they are its last lead.
pub async fn remove_member(
    state: &AppState,
    origin: &Origin,
    org: i64,
    user: i64,
) -> Result<(), AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    // Two leads removing each other at once must not leave none: the
    // organisation row is locked (SQLite's write transaction already is).
    organisation::Entity::find_by_id(org)
        .lock_exclusive()
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let members = organisations::members(&txn, org).await?;
    let Some((removed, role)) = members.iter().find(|(u, _)| u.id == user) else {
        return Err(AppError::NotFound);
    };
    let leads = members.iter().filter(|(_, r)| *r == HostRole::Lead).count();
    if *role == HostRole::Lead && leads <= 1 {
        return Err(AppError::Refused(Msg::LastLead));
    }
    role_grant::Entity::delete_many()
        .filter(role_grant::Column::UserId.eq(user))
        .filter(role_grant::Column::ScopeId.eq(org))
        .filter(role_grant::Column::Role.is_in(HOST_ROLES))
        .exec(&txn)
        .await?;
    // No way back in: pending invitations they sent, or addressed to them,
    // go too.
    invitation::Entity::delete_many()
        .filter(invitation::Column::OrganisationId.eq(org))
        .filter(invitation::Column::AcceptedAt.is_null())
        .filter(
            sea_orm::Condition::any()
                .add(invitation::Column::InvitedBy.eq(user))
                .add(invitation::Column::Email.eq(removed.email.clone())),
        )
        .exec(&txn)
        .await?;
    txn.finish(
        AuditAction::OrganisationMemberRemoved,
        Target::Organisation(org),
        json!({ "user": user, "email": removed.email, "role": role.code() }),
    )
    .await?;
    Ok(())
}

/// Cancels a pending invitation of organisation `org`: its link stops
/// working at once.
pub async fn cancel_invitation(
    state: &AppState,
    origin: &Origin,
    org: i64,
    invitation_id: i64,
) -> Result<(), AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    let Some(i) = invitation::Entity::find_by_id(invitation_id)
        .filter(invitation::Column::OrganisationId.eq(org))
        .filter(invitation::Column::AcceptedAt.is_null())
        .one(&txn)
        .await?
    else {
        return Err(AppError::NotFound);
    };
    invitation::Entity::delete_by_id(i.id).exec(&txn).await?;
    txn.finish(
        AuditAction::OrganisationInvitationCancelled,
        Target::Organisation(org),
        json!({ "email": i.email, "role": i.role }),
    )
    .await?;
    Ok(())
}
