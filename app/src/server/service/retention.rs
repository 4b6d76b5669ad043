//! When a promotion's dossiers may be erased: only once a coordinator has
//! closed the promotion, after its retention period, and never on the day
//! a change of dates or retention moved that moment into the past. Before
//! closing, coordinators see what the purge will erase.

use super::Origin;
use super::audit::{AuditAction, Target};
use super::privacy::expiry;
use super::txn::Txn;
use crate::domain::promotion::paris_display;
use crate::model::AppError;
use crate::model::promotion::PurgePreview;
use crate::server::db::{application, attachment, promotion};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
};
use serde_json::json;

/// The purge may erase `p` at `now`.
pub fn purge_allowed(p: &promotion::Model, now: DateTime<Utc>) -> bool {
    p.closed_at.is_some() && expiry(p) <= now && p.purge_not_before.is_none_or(|t| t <= now)
}

/// After a change of `before` into `after`: when the change moved the
/// purge from the future into the past, the purge waits a day.
pub fn guard_after_change(
    before: &promotion::Model,
    after: &promotion::Model,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    (expiry(before) > now && expiry(after) <= now).then(|| now + Duration::days(1))
}

/// Records the guard of `guard_after_change` on the promotion, if any.
pub async fn apply_guard(
    db: &Txn<'_>,
    _origin: &Origin,
    before: &promotion::Model,
    after: promotion::Model,
) -> Result<(), AppError> {
    let Some(until) = guard_after_change(before, &after, Utc::now()) else {
        return Ok(());
    };
    let id = after.id;
    let mut row: promotion::ActiveModel = after.into();
    row.purge_not_before = Set(Some(until));
    row.update(db).await?;
    db.audit(
        AuditAction::PromotionPurgePostponed,
        Target::Promotion(id),
        json!({ "not_before": until }),
    )
    .await?;
    Ok(())
}

pub async fn preview<C: ConnectionTrait>(db: &C, id: i64) -> Result<PurgePreview, AppError> {
    let p = crate::server::service::row::<promotion::Entity, _>(db, id).await?;
    let dossiers = application::Entity::find()
        .filter(application::Column::PromotionId.eq(id))
        .count(db)
        .await?;
    let ids: Vec<i64> = application::Entity::find()
        .select_only()
        .column(application::Column::Id)
        .filter(application::Column::PromotionId.eq(id))
        .into_tuple()
        .all(db)
        .await?;
    let mut files = 0;
    for chunk in ids.chunks(5_000) {
        files += attachment::Entity::find()
            .filter(attachment::Column::OwnerType.eq("application"))
            .filter(attachment::Column::OwnerId.is_in(chunk.to_vec()))
            .count(db)
            .await?;
    }
    Ok(PurgePreview {
        expiry: paris_display(expiry(&p)),
        dossiers,
        files,
        closed: p.closed_at.is_some(),
        not_before: p.purge_not_before.map(paris_display),
    })
}

/// A coordinator closes the promotion: from then on, the daily purge may
/// erase its dossiers once their retention has ended. Audited with what
/// the purge will erase.
pub async fn close(db: &DatabaseConnection, origin: &Origin, id: i64) -> Result<(), AppError> {
    let txn = Txn::begin(db, origin).await?;
    let what = preview(&txn, id).await?;
    let p = crate::server::service::row::<promotion::Entity, _>(&txn, id).await?;
    if p.closed_at.is_some() {
        return Ok(());
    }
    let now = Utc::now();
    // Closing a promotion whose retention has already ended does not
    // erase it the same day: a mistaken click can still be undone.
    let not_before = (expiry(&p) <= now).then(|| now + Duration::days(1));
    let mut row: promotion::ActiveModel = p.into();
    row.closed_at = Set(Some(now));
    if not_before.is_some() {
        row.purge_not_before = Set(not_before);
    }
    row.updated_at = Set(now);
    row.update(&txn).await?;
    txn.finish(
        AuditAction::PromotionClosed,
        Target::Promotion(id),
        json!({ "purge_at": what.expiry, "dossiers": what.dossiers, "files": what.files }),
    )
    .await?;
    super::catalogue::changed();
    Ok(())
}
