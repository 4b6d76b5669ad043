//! The reminder the day before: each scheduled interview starting within
//! 24 hours gets one message to the candidate and to the jury members
//! present, once (the interview's `reminded_at` is claimed by one
//! conditional update, so two servers never both send it). Moving the
//! interview clears it.

use super::invitations::{self, Kind};
use crate::domain::interviews::status::InterviewState;
use crate::model::AppError;
use crate::server::AppState;
use crate::server::db::interviews::{interview, slot};
use crate::server::service::Origin;
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::txn::Txn;
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;

pub async fn remind(state: &AppState, now: DateTime<Utc>) -> Result<usize, AppError> {
    let soon = slot::Entity::find()
        .filter(slot::Column::StartsAt.gt(now))
        .filter(slot::Column::StartsAt.lte(now + Duration::hours(24)))
        .filter(slot::Column::ApplicationId.is_not_null())
        .all(&state.db)
        .await?;
    let system = Origin::default();
    let mut sent = 0;
    for s in soon {
        let Some(i) = interview::Entity::find()
            .filter(interview::Column::SlotId.eq(s.id))
            .filter(interview::Column::State.eq(InterviewState::Scheduled.code()))
            .filter(interview::Column::RemindedAt.is_null())
            .one(&state.db)
            .await?
        else {
            continue;
        };
        let txn = Txn::with_outbox(state, &system).await?;
        let claimed = interview::Entity::update_many()
            .col_expr(interview::Column::RemindedAt, Expr::value(Some(now)))
            .filter(interview::Column::Id.eq(i.id))
            .filter(interview::Column::SlotId.eq(s.id))
            .filter(interview::Column::RemindedAt.is_null())
            .exec(&txn)
            .await?
            .rows_affected
            == 1;
        if !claimed {
            continue;
        }
        invitations::send(&txn, &state.settings, &i, &s, Kind::Reminder).await?;
        txn.finish(
            AuditAction::InterviewRemindersSent,
            Target::Defi(i.defi_id),
            json!({ "interview": i.id }),
        )
        .await?;
        sent += 1;
    }
    Ok(sent)
}
