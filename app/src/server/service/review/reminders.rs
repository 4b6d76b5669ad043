//! Reminders to jurors with reviews still to do, three days and one day
//! before the stage closes: each at most once per juror (a unique row
//! claims it, also across several processes), each visible in the outbox.

use super::settings;
use crate::model::AppError;
use crate::server::AppState;
use crate::server::db::review::{juror, reminder, stage};
use crate::server::db::{promotion, user};
use crate::server::mail::MailTemplate;
use crate::server::service::Origin;
use crate::server::service::accounts::locale_of;
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::txn::Txn;
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;

/// Claims the reminder `kind` for `owner` (a juror, or a dossier for the
/// reveal's): true the first time only, also across several processes
/// (the unique (owner, kind) row).
pub(crate) async fn claim(
    txn: &Txn<'_>,
    owner: i64,
    kind: &str,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let inserted = reminder::Entity::insert(reminder::ActiveModel {
        juror_id: Set(owner),
        kind: Set(kind.to_owned()),
        created_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([reminder::Column::JurorId, reminder::Column::Kind])
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(txn)
    .await?;
    Ok(inserted == 1)
}

/// Which reminder is due at `now` for a stage closing at `closes`.
pub fn due(closes: DateTime<Utc>, now: DateTime<Utc>) -> Option<&'static str> {
    if now >= closes {
        None
    } else if closes - now <= Duration::days(1) {
        Some("1d")
    } else if closes - now <= Duration::days(3) {
        Some("3d")
    } else {
        None
    }
}

/// Sends the reminders due at `now`; returns how many were queued.
pub async fn remind_jurors(state: &AppState, now: DateTime<Utc>) -> Result<usize, AppError> {
    let stages = stage::Entity::find()
        .filter(stage::Column::ClosesAt.gt(now))
        .filter(stage::Column::ClosesAt.lte(now + Duration::days(3)))
        .all(&state.db)
        .await?;
    let system = Origin::default();
    let mut sent = 0;
    for s in stages {
        let Some(closes) = s.closes_at else { continue };
        let Some(kind) = due(closes, now) else {
            continue;
        };
        if !settings(&s).open_at(now) {
            continue;
        }
        let p = promotion::Entity::find_by_id(s.promotion_id)
            .one(&state.db)
            .await?
            .ok_or(AppError::NotFound)?;
        let jurors = juror::Entity::find()
            .filter(juror::Column::PromotionId.eq(s.promotion_id))
            .filter(juror::Column::RemovedAt.is_null())
            .all(&state.db)
            .await?;
        for j in jurors {
            let home = super::scoring::home(&state.db, j.user_id, Default::default()).await?;
            let Some(mine) = home
                .promotions
                .iter()
                .find(|x| x.promotion_id == s.promotion_id)
            else {
                continue;
            };
            // Not declared yet: every dossier is still to do.
            let remaining = if mine.declared {
                mine.dossiers.iter().filter(|d| !d.done).count()
            } else {
                crate::server::db::review::assignment::Entity::find()
                    .filter(crate::server::db::review::assignment::Column::JurorId.eq(j.id))
                    .all(&state.db)
                    .await?
                    .len()
            };
            if remaining == 0 {
                continue;
            }
            let txn = Txn::with_outbox(state, &system).await?;
            let claimed = claim(&txn, j.id, kind, now).await?;
            if !claimed {
                continue;
            }
            let Some(u) = user::Entity::find_by_id(j.user_id).one(&txn).await? else {
                continue;
            };
            let locale = locale_of(&u);
            txn.queue(
                MailTemplate::ReviewReminder,
                locale,
                &u.email,
                json!({
                    "name": u.name,
                    "promotion": p.name,
                    "remaining": remaining,
                    "closes": crate::domain::promotion::paris_display(closes),
                    "link": state.link("/jury"),
                }),
            )
            .await?;
            txn.finish(
                AuditAction::ReviewRemindersSent,
                Target::Promotion(s.promotion_id),
                json!({ "juror": j.id, "kind": kind, "remaining": remaining }),
            )
            .await?;
            sent += 1;
        }
    }
    Ok(sent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_days_then_one_day_before_the_closing() {
        let closes = Utc::now() + Duration::days(10);
        assert_eq!(due(closes, closes - Duration::days(4)), None);
        assert_eq!(due(closes, closes - Duration::hours(71)), Some("3d"));
        assert_eq!(due(closes, closes - Duration::hours(23)), Some("1d"));
        assert_eq!(due(closes, closes), None);
    }
}
