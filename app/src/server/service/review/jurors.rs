//! The jury pool of a promotion: coordinators invite jurors by email (the
//! organisation members' invitations, with the role `reviewer` for the
//! promotion), the invited address accepts once, coordinators set a
//! juror's peer profiles and maximum load, and remove a juror: the role
//! goes at once (roles are read on every request), their submitted reviews
//! stay (marked as from a removed juror), their other assignments go.

use super::create_stage;
use crate::domain::{Email, Role};
use crate::i18n::{Locale, Msg};
use crate::model::AppError;
use crate::server::AppState;
use crate::server::db::review::{assignment, juror, sheet};
use crate::server::db::{promotion, role_grant, user};
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::organisations::{Joins, send_invitation};
use crate::server::service::txn::Txn;
use crate::server::service::{Origin, admin::insert_grant, users};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;

/// Invites `email` to the promotion's jury; a new invitation to the same
/// address replaces a pending one.
pub async fn invite(
    state: &AppState,
    origin: &Origin,
    promotion_id: i64,
    email: &Email,
    inviter: &str,
    locale: Locale,
) -> Result<(), AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    let p = promotion::Entity::find_by_id(promotion_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    create_stage(&txn, promotion_id).await?;
    if let Some(u) = users::by_email(&txn, email.as_str()).await?
        && super::juror_of(&txn, promotion_id, u.id).await?.is_some()
    {
        return Err(AppError::field("email", Msg::AlreadyJuror));
    }
    send_invitation(
        state,
        &txn,
        Joins::Jury {
            promotion: promotion_id,
            name: &p.name,
        },
        email,
        inviter,
        locale,
    )
    .await?;
    txn.finish(
        AuditAction::ReviewJurorInvited,
        Target::Promotion(promotion_id),
        json!({ "email": email.as_str() }),
    )
    .await
}

/// The invited person joins the jury (called by the invitation's
/// acceptance, in its transaction): the role, and a juror row (a removed
/// juror invited again comes back).
pub(crate) async fn join(txn: &Txn<'_>, promotion_id: i64, user_id: i64) -> Result<(), AppError> {
    let role = Role::Reviewer {
        promotion: promotion_id,
    };
    if !users::roles_of(txn, user_id).await?.contains(&role) {
        insert_grant(txn, txn.origin(), user_id, role).await?;
    }
    match juror::Entity::find()
        .filter(juror::Column::PromotionId.eq(promotion_id))
        .filter(juror::Column::UserId.eq(user_id))
        .one(txn)
        .await?
    {
        Some(j) => {
            let mut a: juror::ActiveModel = j.into();
            a.removed_at = Set(None);
            a.update(txn).await?;
        }
        None => {
            // An alumnus (placed in another promotion) reviews as a
            // peer of their own profile, if this promotion seeks it;
            // coordinators can change it.
            use crate::domain::application::ApplicationState as S;
            use crate::server::db::application as app;
            let sought = match crate::server::db::promotion::Entity::find_by_id(promotion_id)
                .one(txn)
                .await?
            {
                Some(p) => crate::server::service::promotions::profiles_of(&p),
                None => Vec::new(),
            };
            let mut own: Vec<String> = app::Entity::find()
                .filter(app::Column::UserId.eq(user_id))
                .filter(app::Column::PromotionId.ne(promotion_id))
                .filter(app::Column::State.is_in([
                    S::Placed.code(),
                    S::Active.code(),
                    S::Completed.code(),
                ]))
                .all(txn)
                .await?
                .into_iter()
                .map(|a| a.profile)
                .filter(|p| sought.iter().any(|s| s.as_str() == p))
                .collect();
            own.sort();
            own.dedup();
            juror::ActiveModel {
                promotion_id: Set(promotion_id),
                user_id: Set(user_id),
                profiles: Set(own.join(",")),
                created_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(txn)
            .await?;
        }
    }
    let profiles = juror::Entity::find()
        .filter(juror::Column::PromotionId.eq(promotion_id))
        .filter(juror::Column::UserId.eq(user_id))
        .one(txn)
        .await?
        .map(|j| j.profiles)
        .unwrap_or_default();
    txn.audit(
        AuditAction::ReviewJurorJoined,
        Target::Promotion(promotion_id),
        json!({ "user": user_id, "profiles": profiles }),
    )
    .await
}

/// Sets a juror's peer profiles (codes of the promotion), their own
/// maximum load, and the organisation they work for.
pub async fn update(
    db: &sea_orm::DatabaseConnection,
    origin: &Origin,
    promotion_id: i64,
    juror_id: i64,
    profiles: Vec<String>,
    max_load: Option<u32>,
    organisation: Option<i64>,
) -> Result<(), AppError> {
    let txn = Txn::begin(db, origin).await?;
    let j = juror::Entity::find_by_id(juror_id)
        .filter(juror::Column::PromotionId.eq(promotion_id))
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut a: juror::ActiveModel = j.into();
    a.profiles = Set(profiles.join(","));
    a.max_load = Set(max_load.map(|m| m as i32));
    a.organisation_id = Set(organisation);
    a.update(&txn).await?;
    txn.finish(
        AuditAction::ReviewJurorUpdated,
        Target::Promotion(promotion_id),
        json!({ "juror": juror_id, "profiles": profiles, "max_load": max_load, "organisation": organisation }),
    )
    .await
}

/// Removes a juror: the role goes, the assignments without a submitted
/// review go (a top-up refills them), submitted reviews stay.
///
/// Their interviews and hearings to come leave their calendar: each gets
/// its CANCEL (sent while they are still on the jury, so that they are
/// among its recipients).
pub async fn remove(
    state: &crate::server::AppState,
    origin: &Origin,
    promotion_id: i64,
    juror_id: i64,
) -> Result<(), AppError> {
    use crate::server::service::interviews::invitations::Kind;
    let txn = Txn::with_outbox(state, origin).await?;
    let j = juror::Entity::find_by_id(juror_id)
        .filter(juror::Column::PromotionId.eq(promotion_id))
        .filter(juror::Column::RemovedAt.is_null())
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let email = user::Entity::find_by_id(j.user_id)
        .one(&txn)
        .await?
        .map(|u| u.email)
        .unwrap_or_default();
    let defis = crate::server::db::defi::Entity::find()
        .filter(crate::server::db::defi::Column::PromotionId.eq(promotion_id))
        .all(&txn)
        .await?;
    let juries: Vec<i64> = crate::server::db::interviews::defi_juror::Entity::find()
        .filter(crate::server::db::interviews::defi_juror::Column::UserId.eq(j.user_id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|x| x.defi_id)
        .collect();
    let panels = crate::server::service::hearings::panels(&txn, promotion_id, &defis).await?;
    for d in &defis {
        if juries.contains(&d.id) {
            crate::server::service::interviews::slots::tell_juror(
                &txn,
                state,
                d,
                j.user_id,
                Kind::Cancel,
            )
            .await?;
        }
        if panels
            .get(&d.id)
            .is_some_and(|p| p.iter().any(|u| u.id == j.user_id))
        {
            crate::server::service::hearings::schedule::attendee_changed(
                &txn,
                state,
                d,
                &email,
                Kind::Cancel,
            )
            .await?;
        }
    }
    role_grant::Entity::delete_many()
        .filter(role_grant::Column::UserId.eq(j.user_id))
        .filter(role_grant::Column::Role.eq("reviewer"))
        .filter(role_grant::Column::ScopeId.eq(promotion_id))
        .exec(&txn)
        .await?;
    let submitted: Vec<i64> = sheet::Entity::find()
        .filter(sheet::Column::JurorId.eq(juror_id))
        .filter(sheet::Column::SubmittedAt.is_not_null())
        .all(&txn)
        .await?
        .iter()
        .map(|s| s.application_id)
        .collect();
    let dropped = assignment::Entity::delete_many()
        .filter(assignment::Column::JurorId.eq(juror_id))
        .filter(assignment::Column::ApplicationId.is_not_in(submitted))
        .exec(&txn)
        .await?
        .rows_affected;
    let mut a: juror::ActiveModel = j.into();
    a.removed_at = Set(Some(Utc::now()));
    a.update(&txn).await?;
    txn.finish(
        AuditAction::ReviewJurorRemoved,
        Target::Promotion(promotion_id),
        json!({ "juror": juror_id, "email": email, "assignments_dropped": dropped }),
    )
    .await
}

/// Puts an existing account on the jury directly, with its peer profiles
/// (the demo seed and operators' scripts; people are otherwise invited).
/// `declared`: their conflicts count as declared (none). Returns the
/// juror's id.
pub async fn enrol(
    db: &sea_orm::DatabaseConnection,
    origin: &Origin,
    promotion_id: i64,
    user_id: i64,
    profiles: &[&str],
    declared: bool,
) -> Result<i64, AppError> {
    let txn = Txn::begin(db, origin).await?;
    create_stage(&txn, promotion_id).await?;
    join(&txn, promotion_id, user_id).await?;
    let j = super::juror_of(&txn, promotion_id, user_id)
        .await?
        .ok_or(AppError::Unexpected)?;
    let mut a: juror::ActiveModel = j.clone().into();
    a.profiles = Set(profiles.join(","));
    if declared {
        a.conflicts_declared_at = Set(Some(Utc::now()));
    }
    a.update(&txn).await?;
    txn.commit().await?;
    Ok(j.id)
}
