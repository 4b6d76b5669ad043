//! Sends what the outbox holds. A worker claims a batch by writing a lease
//! (owner + expiry) on the rows, which works the same on SQLite and on
//! PostgreSQL: two processes never claim the same row, and a row whose
//! worker died is claimed again once its lease expires. Delivery is
//! therefore at least once: a crash between sending and recording can
//! repeat one message, never lose it. Each message carries a Message-ID
//! made of its row's id and creation time (`message_id`), the same on
//! every attempt: a repeat is recognisable by the receiving server and
//! the reader's client, which suppress it (docs/reliability.md).
//!
//! When the server stops (`AppState::stopping`), the worker sends no
//! further message and gives back the leases of those it claimed.

use super::MailTemplate;
use crate::domain::retry;
use crate::server::AppState;
use crate::server::db::outbox_message::{Column, Entity as Outbox};
use chrono::{Duration, Utc};
use rand::Rng;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ColumnTrait, Condition, DbErr, EntityTrait, QueryFilter, QueryOrder};

const BATCH: u64 = 20;
/// A claimed message is held this long, renewed just before it is sent;
/// longer than one SMTP exchange can take (`transport::SMTP_TIMEOUT`), so
/// that nobody else sends it meanwhile, and short, so that a message
/// held by a server that died waits little.
const LEASE_SECONDS: i64 = 45;

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
        if state.stopping.is_cancelled() {
            break;
        }
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
        let id = message_id(&message, &state.settings.mail_from);
        let result = state
            .mailer
            .send(
                &state.settings.mail_from,
                &super::transport::Outgoing {
                    to: &message.recipient,
                    subject: &message.subject,
                    text: &message.body_text,
                    html: &message.body_html,
                    calendar: message.calendar.as_deref(),
                    message_id: &id,
                },
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
                tracing::warn!(
                    error = %without_addresses(&error),
                    outbox_id = message.id,
                    attempts,
                    "sending an email failed"
                );
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
    // What was claimed and not attempted (the server is stopping) is free
    // for the next worker at once, not after the lease.
    Outbox::update_many()
        .col_expr(Column::LeaseOwner, Expr::value(Option::<String>::None))
        .col_expr(
            Column::LeaseUntil,
            Expr::value(Option::<chrono::DateTime<Utc>>::None),
        )
        .filter(Column::LeaseOwner.eq(owner))
        .filter(Column::State.eq("queued"))
        .exec(db)
        .await?;
    Ok(count)
}

/// The message's Message-ID: `<cohorte.ID.CREATED@DOMAIN>`, DOMAIN the
/// sender's. The same on every attempt, so a message sent again after a
/// crash between sending and recording is the same message to its
/// recipient's server (the key a sink de-duplicates on).
pub fn message_id(message: &crate::server::db::outbox_message::Model, from: &str) -> String {
    let domain = from
        .rsplit_once('@')
        .map(|(_, d)| d.trim_end_matches('>').trim())
        .filter(|d| !d.is_empty())
        .unwrap_or("cohorte.localhost");
    format!(
        "<cohorte.{}.{}@{domain}>",
        message.id,
        message.created_at.timestamp()
    )
}

/// Sends until nothing is due.
pub async fn drain_all(state: &AppState) -> Result<usize, DbErr> {
    let mut total = 0;
    loop {
        let n = drain_once(state).await?;
        total += n;
        if n < BATCH as usize || state.stopping.is_cancelled() {
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
            _ = state.stopping.cancelled() => return,
        }
    }
}

/// `text` with every word holding an `@` replaced: a mail server's refusal
/// often quotes the recipient's address, and logs hold no personal data.
pub fn without_addresses(text: &str) -> String {
    text.split(' ')
        .map(|w| if w.contains('@') { "[adresse]" } else { w })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn refusals_lose_their_addresses() {
        assert_eq!(
            super::without_addresses("550 5.1.1 <ines@example.org>: unknown user"),
            "550 5.1.1 [adresse] unknown user"
        );
    }
}
