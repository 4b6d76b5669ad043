//! What admins do to accounts: grant and revoke instance roles, disable and
//! re-enable accounts. The policy has already allowed the action.

use super::audit::{AuditAction, Target};
use super::txn::Txn;
use super::{Origin, accounts, users};
use crate::domain::Role;
use crate::model::AppError;
use crate::server::db::{role_grant, user};
use chrono::Utc;
use sea_orm::DatabaseConnection;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;

pub async fn grant_role(
    db: &DatabaseConnection,
    origin: &Origin,
    target: i64,
    role: Role,
) -> Result<(), AppError> {
    let txn = Txn::begin(db, origin).await?;
    users::by_id(&txn, target)
        .await?
        .ok_or(AppError::NotFound)?;
    if users::roles_of(&txn, target).await?.contains(&role) {
        // Granting twice is harmless: nothing changes, nothing is recorded.
        return Ok(());
    }
    insert_grant(&txn, origin, target, role).await?;
    txn.commit().await?;
    Ok(())
}

/// Records the grant and its audit entry; `origin` without an actor is the
/// operator at the command line.
pub(crate) async fn insert_grant(
    db: &Txn<'_>,
    origin: &Origin,
    user_id: i64,
    role: Role,
) -> Result<(), AppError> {
    role_grant::ActiveModel {
        user_id: Set(user_id),
        role: Set(role.code().to_owned()),
        scope_id: Set(role.scope()),
        granted_by: Set(origin.actor_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let by = if origin.actor_id.is_some() {
        "admin"
    } else {
        "operator"
    };
    db.audit(
        AuditAction::RoleGranted,
        Target::User(user_id),
        json!({ "role": role.code(), "scope": role.scope(), "by": by }),
    )
    .await?;
    Ok(())
}

pub async fn revoke_role(
    db: &DatabaseConnection,
    origin: &Origin,
    target: i64,
    role: Role,
) -> Result<(), AppError> {
    let txn = Txn::begin(db, origin).await?;
    let mut delete = role_grant::Entity::delete_many()
        .filter(role_grant::Column::UserId.eq(target))
        .filter(role_grant::Column::Role.eq(role.code()));
    delete = match role.scope() {
        Some(scope) => delete.filter(role_grant::Column::ScopeId.eq(scope)),
        None => delete.filter(role_grant::Column::ScopeId.is_null()),
    };
    let res = delete.exec(&txn).await?;
    if res.rows_affected == 0 {
        return Err(AppError::NotFound);
    }
    txn.finish(
        AuditAction::RoleRevoked,
        Target::User(target),
        json!({ "role": role.code(), "scope": role.scope() }),
    )
    .await?;
    Ok(())
}

/// Disabling ends every session of the account at once.
pub async fn set_disabled(
    db: &DatabaseConnection,
    origin: &Origin,
    target: i64,
    disabled: bool,
) -> Result<(), AppError> {
    let txn = Txn::begin(db, origin).await?;
    let u = users::by_id(&txn, target)
        .await?
        .ok_or(AppError::NotFound)?;
    if u.disabled_at.is_some() == disabled {
        return Ok(());
    }
    let mut row: user::ActiveModel = u.into();
    row.disabled_at = Set(disabled.then(Utc::now));
    row.updated_at = Set(Utc::now());
    row.update(&txn).await?;
    let ended = if disabled {
        accounts::end_sessions(&txn, target).await?
    } else {
        0
    };
    let action = if disabled {
        AuditAction::UserDisabled
    } else {
        AuditAction::UserEnabled
    };
    txn.finish(
        action,
        Target::User(target),
        json!({ "sessions_ended": ended }),
    )
    .await?;
    Ok(())
}

/// Creates a verified account, or finds the existing one, and makes sure it
/// holds `roles`. Used by `create-admin` and the demo seed. A new password
/// replaces the old one only when `replace_password` is set.
pub async fn ensure_account(
    db: &DatabaseConnection,
    origin: &Origin,
    email: &crate::domain::Email,
    name: &crate::domain::PersonName,
    password_hash: String,
    replace_password: bool,
    roles: &[Role],
) -> Result<(i64, bool), AppError> {
    let txn = Txn::begin(db, origin).await?;
    let now = Utc::now();
    let (id, created) = match users::by_email(&txn, email.as_str()).await? {
        Some(u) => {
            let id = u.id;
            if replace_password {
                let mut row: user::ActiveModel = u.into();
                row.password_hash = Set(Some(password_hash));
                row.updated_at = Set(now);
                row.update(&txn).await?;
                let ended = accounts::end_sessions(&txn, id).await?;
                txn.audit(
                    AuditAction::UserPasswordReplacedByOperator,
                    Target::User(id),
                    json!({ "sessions_ended": ended }),
                )
                .await?;
            }
            (id, false)
        }
        None => {
            let u = user::ActiveModel {
                email: Set(email.as_str().to_owned()),
                name: Set(name.as_str().to_owned()),
                password_hash: Set(Some(password_hash)),
                locale: Set("fr".into()),
                email_verified_at: Set(Some(now)),
                disabled_at: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            txn.audit(
                AuditAction::UserCreatedByOperator,
                Target::User(u.id),
                json!({}),
            )
            .await?;
            (u.id, true)
        }
    };
    let held = users::roles_of(&txn, id).await?;
    let missing: Vec<Role> = roles
        .iter()
        .copied()
        .filter(|r| !held.contains(r))
        .collect();
    for &role in &missing {
        insert_grant(&txn, origin, id, role).await?;
    }
    // An account already as asked: nothing changed, nothing to commit
    // (the transaction is dropped, rolled back).
    if created || replace_password || !missing.is_empty() {
        txn.commit().await?;
    }
    Ok((id, created))
}
