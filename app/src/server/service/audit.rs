//! The append-only audit log. Entries are written inside the transaction of
//! the change they describe, so one never exists without the other.

use super::Origin;
use crate::server::db::audit_entry;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DbErr};
use serde_json::Value;

pub struct Entry<'a> {
    pub action: &'a str,
    pub target: Option<(&'a str, i64)>,
    /// Details as a JSON object; never a password or a token.
    pub details: Value,
}

pub async fn record<C: ConnectionTrait>(
    db: &C,
    origin: &Origin,
    entry: Entry<'_>,
) -> Result<(), DbErr> {
    audit_entry::ActiveModel {
        at: Set(Utc::now()),
        actor_id: Set(origin.actor_id),
        action: Set(entry.action.to_owned()),
        target_type: Set(entry.target.map(|(t, _)| t.to_owned())),
        target_id: Set(entry.target.map(|(_, id)| id)),
        details: Set(entry.details.to_string()),
        ip: Set(origin.ip.clone()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
