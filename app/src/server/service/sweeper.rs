//! Files that no row references. An upload writes its file before its row,
//! and an erasure removes the row before the file: a crash between the two
//! leaves an orphan under `files/`. The sweeper removes files that no
//! attachment names once they are older than a grace period (so that an
//! upload in progress, whose row is not committed yet, is never touched),
//! and records what it removed in the audit log.

use super::audit::AuditAction;
use super::txn::Txn;
use super::{Origin, attachments};
use crate::model::AppError;
use crate::server::db::attachment;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};
use serde_json::json;
use std::path::Path;

/// How old an unreferenced file must be before it is removed.
pub const GRACE: Duration = Duration::hours(24);

/// Removes the orphans older than `GRACE` at `now`; returns their names.
pub async fn sweep(
    db: &DatabaseConnection,
    data_dir: &Path,
    now: DateTime<Utc>,
) -> Result<Vec<String>, AppError> {
    let dir = attachments::files_dir(data_dir);
    let mut candidates = Vec::new();
    let Ok(mut entries) = tokio::fs::read_dir(&dir).await else {
        return Ok(Vec::new());
    };
    while let Ok(Some(e)) = entries.next_entry().await {
        let Ok(meta) = e.metadata().await else {
            continue;
        };
        let modified: Option<DateTime<Utc>> = meta.modified().ok().map(Into::into);
        if meta.is_file()
            && modified.is_some_and(|m| now - m >= GRACE)
            && let Some(name) = e.file_name().to_str()
        {
            candidates.push(name.to_owned());
        }
    }
    if candidates.is_empty() {
        return Ok(Vec::new());
    }
    let mut orphans = Vec::new();
    for chunk in candidates.chunks(1_000) {
        let referenced: Vec<String> = attachment::Entity::find()
            .select_only()
            .column(attachment::Column::StoredName)
            .filter(attachment::Column::StoredName.is_in(chunk.to_vec()))
            .into_tuple()
            .all(db)
            .await?;
        orphans.extend(chunk.iter().filter(|n| !referenced.contains(n)).cloned());
    }
    if orphans.is_empty() {
        return Ok(orphans);
    }
    // Recorded first: if the removal is interrupted, the next sweep
    // finishes it and records again.
    let system = Origin::default();
    let txn = Txn::begin(db, &system).await?;
    txn.finish(
        AuditAction::FilesOrphansRemoved,
        None,
        json!({ "files": orphans, "grace_hours": GRACE.num_hours() }),
    )
    .await?;
    for name in &orphans {
        if let Err(e) = tokio::fs::remove_file(dir.join(name)).await {
            tracing::warn!(error = %e, file = %name, "removing an orphan file");
        }
    }
    Ok(orphans)
}
