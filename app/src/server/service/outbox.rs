//! Queuing email into the outbox (inside the caller's transaction) and the
//! coordinators' view of it.

use crate::i18n::Locale;
use crate::model::{AppError, user::OutboxRow};
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
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

fn paris(t: chrono::DateTime<Utc>) -> String {
    t.with_timezone(&Paris).format("%d/%m/%Y %H:%M").to_string()
}

/// The most recent messages, newest first.
pub async fn recent(db: &DatabaseConnection, limit: u64) -> Result<Vec<OutboxRow>, AppError> {
    let rows = Outbox::find()
        .order_by_desc(Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|m| OutboxRow {
            id: m.id,
            created_at: paris(m.created_at),
            recipient: m.recipient,
            subject: m.subject,
            next_attempt_at: (m.state == "queued").then(|| paris(m.next_attempt_at)),
            state: m.state,
            attempts: m.attempts,
            last_error: m.last_error,
        })
        .collect())
}
