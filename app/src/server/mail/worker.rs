//! Sends what the outbox holds. A worker claims a batch by writing a lease
//! (owner + expiry) on the rows, which works the same on SQLite and on
//! PostgreSQL: two processes never claim the same row, and a row whose
//! worker died is claimed again once its lease expires. Delivery is
//! therefore at least once: a crash between sending and recording can
//! repeat one message, never lose it.

use super::MailTemplate;
use crate::domain::retry;
use crate::server::AppState;
use crate::server::db::outbox_message::{Column, Entity as Outbox};
use chrono::{Duration, Utc};
use rand::Rng;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ColumnTrait, Condition, DbErr, EntityTrait, QueryFilter, QueryOrder};

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
        .filter(Column::LeaseOwner.eq(owner.clone()))
        .filter(Column::State.eq("queued"))
        .order_by_asc(Column::Id)
        .all(db)
        .await?;
    let mut count = 0;
    for message in claimed {
        // Renew the lease just before sending: if it expired (a slow SMTP
        // server) and another worker took the row, leave it to them.
        let renewed = Outbox::update_many()
            .col_expr(
                Column::LeaseUntil,
                Expr::value(Utc::now() + Duration::seconds(LEASE_SECONDS)),
            )
            .filter(Column::Id.eq(message.id))
            .filter(Column::LeaseOwner.eq(owner.clone()))
            .filter(Column::State.eq("queued"))
            .exec(db)
            .await?;
        if renewed.rows_affected != 1 {
            continue;
        }
        count += 1;
        let result = state
            .mailer
            .send(
                &state.settings.mail_from,
                &message.recipient,
                &message.subject,
                &message.body_text,
                &message.body_html,
                message.calendar.as_deref(),
            )
            .await;
        let attempts = message.attempts + 1;
        let mut update = Outbox::update_many()
            .col_expr(Column::Attempts, Expr::value(attempts))
            .col_expr(Column::LeaseOwner, Expr::value(Option::<String>::None))
            .col_expr(
                Column::LeaseUntil,
                Expr::value(Option::<chrono::DateTime<Utc>>::None),
            );
        // Bodies may hold single-use links: once the message has left (or
        // will never leave), only its envelope is kept.
        let forget_body = |u: sea_orm::UpdateMany<Outbox>| {
            u.col_expr(Column::BodyText, Expr::value(""))
                .col_expr(Column::BodyHtml, Expr::value(""))
        };
        match result {
            Ok(()) => {
                update = forget_body(update)
                    .col_expr(Column::State, Expr::value("sent"))
                    .col_expr(Column::SentAt, Expr::value(Some(Utc::now())))
                    .col_expr(Column::LastError, Expr::value(Option::<String>::None));
            }
            Err(error) => {
                tracing::warn!(%error, attempts, "sending an email failed");
                let error: String = error.chars().take(500).collect();
                update = update.col_expr(Column::LastError, Expr::value(Some(error)));
                update = if retry::gives_up(attempts) {
                    // Kept for a coordinator's resend, unless it holds a
                    // single-use link (the person asks for a new one).
                    let failed = update.col_expr(Column::State, Expr::value("failed"));
                    if MailTemplate::from_name(&message.template)
                        .is_none_or(MailTemplate::carries_secret)
                    {
                        forget_body(failed)
                    } else {
                        failed
                    }
                } else {
                    update.col_expr(
                        Column::NextAttemptAt,
                        Expr::value(
                            Utc::now() + Duration::seconds(retry::retry_delay_seconds(attempts)),
                        ),
                    )
                };
            }
        }
        update
            .filter(Column::Id.eq(message.id))
            .filter(Column::LeaseOwner.eq(owner.clone()))
            .exec(db)
            .await?;
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
