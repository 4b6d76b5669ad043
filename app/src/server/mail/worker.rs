//! Sends what the outbox holds. A worker claims a batch by writing a lease
//! (owner + expiry) on the rows, which works the same on SQLite and on
//! PostgreSQL: two processes never claim the same row, and a row whose
//! worker died is claimed again once its lease expires. Delivery is
//! therefore at least once: a crash between sending and recording can
//! repeat one message, never lose it.

use crate::domain::retry;
use crate::server::AppState;
use crate::server::db::outbox_message::{self, Column, Entity as Outbox};
use chrono::{Duration, Utc};
use rand::Rng;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, DbErr, EntityTrait, QueryFilter,
    QueryOrder,
};

const BATCH: u64 = 20;
const LEASE_SECONDS: i64 = 120;

/// Claims due messages and sends them; returns how many were attempted.
pub async fn drain_once(state: &AppState) -> Result<usize, DbErr> {
    let db = &state.db;
    let now = Utc::now();
    let owner = format!("w{:016x}", rand::rng().random::<u64>());
    let due = Condition::all()
        .add(Column::State.eq("queued"))
        .add(Column::NextAttemptAt.lte(now))
        .add(
            Condition::any()
                .add(Column::LeaseUntil.is_null())
                .add(Column::LeaseUntil.lt(now)),
        );
    let ids = Query::select()
        .column(Column::Id)
        .from(Outbox)
        .cond_where(due.clone())
        .order_by(Column::Id, sea_orm::Order::Asc)
        .limit(BATCH)
        .to_owned();
    // The outer filter repeats `due` so that PostgreSQL re-checks it on rows
    // another worker updated meanwhile.
    Outbox::update_many()
        .col_expr(Column::LeaseOwner, Expr::value(owner.clone()))
        .col_expr(
            Column::LeaseUntil,
            Expr::value(now + Duration::seconds(LEASE_SECONDS)),
        )
        .filter(Column::Id.in_subquery(ids))
        .filter(due)
        .exec(db)
        .await?;
    let claimed = Outbox::find()
        .filter(Column::LeaseOwner.eq(owner))
        .filter(Column::State.eq("queued"))
        .order_by_asc(Column::Id)
        .all(db)
        .await?;
    let count = claimed.len();
    for message in claimed {
        let result = state
            .mailer
            .send(
                &state.settings.mail_from,
                &message.recipient,
                &message.subject,
                &message.body_text,
                &message.body_html,
            )
            .await;
        let attempts = message.attempts + 1;
        let mut row: outbox_message::ActiveModel = message.into();
        row.attempts = Set(attempts);
        row.lease_owner = Set(None);
        row.lease_until = Set(None);
        match result {
            Ok(()) => {
                row.state = Set("sent".into());
                row.sent_at = Set(Some(Utc::now()));
                row.last_error = Set(None);
            }
            Err(error) => {
                tracing::warn!(%error, attempts, "sending an email failed");
                row.last_error = Set(Some(error.chars().take(500).collect()));
                if retry::gives_up(attempts) {
                    row.state = Set("failed".into());
                } else {
                    row.next_attempt_at =
                        Set(Utc::now() + Duration::seconds(retry::retry_delay_seconds(attempts)));
                }
            }
        }
        row.update(db).await?;
    }
    Ok(count)
}

/// Sends until nothing is due.
pub async fn drain_all(state: &AppState) -> Result<usize, DbErr> {
    let mut total = 0;
    loop {
        let n = drain_once(state).await?;
        total += n;
        if n < BATCH as usize {
            return Ok(total);
        }
    }
}

/// The worker loop: wakes when a service queued mail, and every few seconds
/// for retries. Never blocks a request.
pub async fn run(state: AppState) {
    loop {
        if let Err(e) = drain_all(&state).await {
            tracing::error!(error = %e, "outbox worker");
        }
        tokio::select! {
            _ = state.outbox_wake.notified() => {}
            _ = tokio::time::sleep(std::time::Duration::from_secs(5)) => {}
        }
    }
}
