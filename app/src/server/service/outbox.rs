//! Queuing email into the outbox (inside the caller's transaction) and the
//! coordinators' view of it.

use crate::i18n::{Locale, Msg};
use crate::model::AppError;
use crate::model::user::{OutboxFilter, OutboxList, OutboxMessage, OutboxRow};
use crate::server::db::outbox_message::{self, Column, Entity as Outbox};
use crate::server::mail::{MailTemplate, templates};
use chrono::Utc;
use chrono_tz::Europe::Paris;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DatabaseConnection, EntityTrait,
    QueryOrder, QuerySelect,
};
use serde::Serialize;

pub async fn queue<C: ConnectionTrait>(
    db: &C,
    template: MailTemplate,
    locale: Locale,
    recipient: &str,
    vars: impl Serialize,
) -> Result<(), AppError> {
    queue_with(db, template, locale, recipient, vars, None).await
}

/// `queue`, with an iCalendar attachment.
pub async fn queue_with<C: ConnectionTrait>(
    db: &C,
    template: MailTemplate,
    locale: Locale,
    recipient: &str,
    vars: impl Serialize,
    calendar: Option<String>,
) -> Result<(), AppError> {
    let rendered = templates::render(template, locale, vars).map_err(|e| {
        tracing::error!(error = %e, template = template.name(), "mail template");
        AppError::Unexpected
    })?;
    let now = Utc::now();
    outbox_message::ActiveModel {
        template: Set(template.name().to_owned()),
        locale: Set(locale.code().to_owned()),
        recipient: Set(recipient.to_owned()),
        subject: Set(rendered.subject),
        body_text: Set(rendered.text),
        body_html: Set(rendered.html),
        state: Set("queued".to_owned()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        last_error: Set(None),
        lease_until: Set(None),
        lease_owner: Set(None),
        created_at: Set(now),
        sent_at: Set(None),
        calendar: Set(calendar),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

fn paris(t: chrono::DateTime<Utc>) -> String {
    t.with_timezone(&Paris).format("%d/%m/%Y %H:%M").to_string()
}

/// A message's state as read from its row, `sending` for a queued message
/// a worker holds now.
fn row_of(m: &outbox_message::Model) -> OutboxRow {
    let sending = m.state == "queued" && m.lease_until.is_some_and(|l| l > Utc::now());
    OutboxRow {
        id: m.id,
        created_at: paris(m.created_at),
        recipient: m.recipient.clone(),
        subject: m.subject.clone(),
        next_attempt_at: (m.state == "queued").then(|| paris(m.next_attempt_at)),
        state: if sending {
            "sending".to_owned()
        } else {
            m.state.clone()
        },
        attempts: m.attempts,
        last_error: m.last_error.clone(),
    }
}

/// The most recent messages the filter selects (state, a part of the
/// recipient's address), newest first, at most `limit`, and how many it
/// selects in all.
pub async fn list(
    db: &DatabaseConnection,
    filter: &OutboxFilter,
    limit: u64,
) -> Result<OutboxList, AppError> {
    use sea_orm::{ColumnTrait, PaginatorTrait, QueryFilter};
    let mut q = Outbox::find();
    match filter.state.as_deref() {
        Some("sending") => {
            q = q
                .filter(Column::State.eq("queued"))
                .filter(Column::LeaseUntil.gt(Utc::now()));
        }
        Some("queued") => {
            q = q.filter(Column::State.eq("queued")).filter(
                sea_orm::Condition::any()
                    .add(Column::LeaseUntil.is_null())
                    .add(Column::LeaseUntil.lte(Utc::now())),
            );
        }
        Some(state) => q = q.filter(Column::State.eq(state)),
        None => {}
    }
    if let Some(r) = filter
        .recipient
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
    {
        q = q.filter(Column::Recipient.contains(r.to_lowercase()));
    }
    let total = q.clone().count(db).await?;
    let rows = q.order_by_desc(Column::Id).limit(limit).all(db).await?;
    Ok(OutboxList {
        rows: rows.iter().map(row_of).collect(),
        total,
    })
}

/// One message: its envelope, and its body unless it holds a single-use
/// link or was forgotten once sent.
pub async fn message(db: &DatabaseConnection, id: i64) -> Result<OutboxMessage, AppError> {
    let m = super::row::<Outbox, _>(db, id).await?;
    let secret = MailTemplate::from_name(&m.template).is_none_or(MailTemplate::carries_secret);
    let (body, body_hidden) = if secret {
        (None, Some(Msg::MailBodySecret))
    } else if m.body_text.is_empty() {
        (None, Some(Msg::MailBodyForgotten))
    } else {
        (Some(m.body_text.clone()), None)
    };
    Ok(OutboxMessage {
        may_resend: m.state == "failed" && body.is_some(),
        sent_at: m.sent_at.map(paris),
        row: row_of(&m),
        body,
        body_hidden,
    })
}

/// Queues a failed message again (its body was kept: it holds no
/// single-use link), as new: its attempts start over. Audited; wakes the
/// worker.
pub async fn resend(
    state: &crate::server::AppState,
    origin: &super::Origin,
    id: i64,
) -> Result<(), AppError> {
    use super::audit::{AuditAction, Target};
    use sea_orm::{ColumnTrait, QueryFilter, sea_query::Expr};
    let txn = super::txn::Txn::begin(&state.db, origin).await?;
    let m = super::row::<Outbox, _>(&txn, id).await?;
    let secret = MailTemplate::from_name(&m.template).is_none_or(MailTemplate::carries_secret);
    if m.state != "failed" || secret || m.body_text.is_empty() {
        return Err(AppError::Refused(Msg::MailNotResendable));
    }
    // Only if still failed: two coordinators resending at once queue it once.
    let done = Outbox::update_many()
        .col_expr(Column::State, Expr::value("queued"))
        .col_expr(Column::Attempts, Expr::value(0))
        .col_expr(Column::NextAttemptAt, Expr::value(Utc::now()))
        .col_expr(
            Column::LeaseUntil,
            Expr::value(Option::<chrono::DateTime<Utc>>::None),
        )
        .col_expr(Column::LeaseOwner, Expr::value(Option::<String>::None))
        .filter(Column::Id.eq(id))
        .filter(Column::State.eq("failed"))
        .exec(&txn)
        .await?;
    if done.rows_affected != 1 {
        return Err(AppError::Conflict);
    }
    txn.finish(
        AuditAction::MailResent,
        Target::Mail(id),
        serde_json::json!({ "template": m.template, "attempts_before": m.attempts }),
    )
    .await?;
    state.outbox_wake.notify_one();
    Ok(())
}

/// How long the text of a message that failed for good is kept for a
/// resend; then only its envelope stays, as for a sent message.
pub const FAILED_TEXT_DAYS: i64 = 30;

/// Forgets the text of the failed messages to `recipient` (the account is
/// deleted: nothing of the person stays to resend), in the caller's
/// transaction.
pub async fn forget_failed_to<C: ConnectionTrait>(db: &C, recipient: &str) -> Result<(), AppError> {
    use sea_orm::{ColumnTrait, QueryFilter, sea_query::Expr};
    Outbox::update_many()
        .col_expr(Column::BodyText, Expr::value(""))
        .col_expr(Column::BodyHtml, Expr::value(""))
        .filter(Column::State.eq("failed"))
        .filter(Column::Recipient.eq(recipient))
        .exec(db)
        .await?;
    Ok(())
}

/// Forgets the text of the messages that failed for good more than
/// `FAILED_TEXT_DAYS` ago (the daily job); returns how many.
pub async fn forget_old_failures(
    db: &DatabaseConnection,
    now: chrono::DateTime<Utc>,
) -> Result<u64, AppError> {
    use sea_orm::{ColumnTrait, QueryFilter, sea_query::Expr};
    let done = Outbox::update_many()
        .col_expr(Column::BodyText, Expr::value(""))
        .col_expr(Column::BodyHtml, Expr::value(""))
        .filter(Column::State.eq("failed"))
        .filter(Column::BodyText.ne(""))
        // The last attempt's time: the worker gives up without moving it,
        // and a resend sets it anew.
        .filter(Column::NextAttemptAt.lt(now - chrono::Duration::days(FAILED_TEXT_DAYS)))
        .exec(db)
        .await?;
    Ok(done.rows_affected)
}
