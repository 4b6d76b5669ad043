//! Private files (pitch decks, CVs, portfolios): written under the data
//! directory with a random name, recorded with their owner, replaced
//! atomically, removed from disk only after the database agrees.

use super::audit::{AuditAction, Target};
use super::txn::Txn;
use super::{Origin, tokens};
use crate::i18n::Msg;
use crate::model::AppError;
use crate::server::db::attachment;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder,
};
use serde_json::json;
use std::path::{Path, PathBuf};

/// What a file belongs to, and which of its files it is.
#[derive(Clone, Copy, Debug)]
pub struct Slot<'a> {
    pub owner_type: &'a str,
    pub owner_id: i64,
    pub kind: &'a str,
}

pub fn files_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("files")
}

/// The current file of `slot`, if any.
pub async fn current<C: ConnectionTrait>(
    db: &C,
    slot: Slot<'_>,
) -> Result<Option<attachment::Model>, AppError> {
    Ok(attachment::Entity::find()
        .filter(attachment::Column::OwnerType.eq(slot.owner_type))
        .filter(attachment::Column::OwnerId.eq(slot.owner_id))
        .filter(attachment::Column::Kind.eq(slot.kind))
        .order_by_desc(attachment::Column::Id)
        .one(db)
        .await?)
}

/// The current file of each kind of an owner (one query): the newest row
/// of each kind.
pub async fn current_of<C: ConnectionTrait>(
    db: &C,
    owner_type: &str,
    owner_id: i64,
) -> Result<std::collections::HashMap<String, attachment::Model>, AppError> {
    let mut current = std::collections::HashMap::new();
    // Ascending ids: the last row seen of a kind is its current file.
    for a in attachment::Entity::find()
        .filter(attachment::Column::OwnerType.eq(owner_type))
        .filter(attachment::Column::OwnerId.eq(owner_id))
        .order_by_asc(attachment::Column::Id)
        .all(db)
        .await?
    {
        current.insert(a.kind.clone(), a);
    }
    Ok(current)
}

/// Stores `bytes` (already checked) as the file of `slot`, replacing the
/// previous one. `allowed` runs inside the transaction, to refuse when the
/// owner may no longer change (a submitted dossier).
pub async fn store(
    db: &DatabaseConnection,
    origin: &Origin,
    data_dir: &Path,
    slot: Slot<'_>,
    original_name: &str,
    bytes: &[u8],
    allowed: impl AsyncFnOnce(&Txn<'_>) -> Result<(), AppError>,
) -> Result<(), AppError> {
    let dir = files_dir(data_dir);
    let stored = format!("{}.pdf", tokens::random_secret(16));
    let path = dir.join(&stored);
    // Written in full and flushed to the disk before the row points to
    // it; a write that fails (disk full) leaves nothing behind and says so
    // next to the file field.
    let write = async {
        use tokio::io::AsyncWriteExt;
        tokio::fs::create_dir_all(&dir).await?;
        let mut file = tokio::fs::File::create(&path).await?;
        file.write_all(bytes).await?;
        // tokio reports a failed write (ENOSPC) at the next flush, and
        // `sync_all` alone would not: without it a truncated file was
        // kept as if whole.
        file.flush().await?;
        file.sync_all().await
    };
    if let Err(e) = write.await {
        tracing::error!(error = %e, kind = ?e.kind(), "storing an upload");
        let _ = tokio::fs::remove_file(&path).await;
        return Err(AppError::field("pitch_deck", Msg::FileNotStored));
    }
    let result = async {
        let txn = Txn::begin(db, origin).await?;
        allowed(&txn).await?;
        let old = current(&txn, slot).await?;
        if let Some(old) = &old {
            attachment::Entity::delete_by_id(old.id).exec(&txn).await?;
        }
        attachment::ActiveModel {
            owner_type: Set(slot.owner_type.to_owned()),
            owner_id: Set(slot.owner_id),
            kind: Set(slot.kind.to_owned()),
            stored_name: Set(stored.clone()),
            original_name: Set(original_name.to_owned()),
            size: Set(bytes.len() as i64),
            uploaded_by: Set(origin.actor_id),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        txn.finish(
            AuditAction::AttachmentUploaded,
            Target::owner(slot.owner_type, slot.owner_id),
            json!({ "kind": slot.kind, "name": original_name, "size": bytes.len() }),
        )
        .await?;
        Ok(old)
    }
    .await;
    match result {
        Ok(old) => {
            if let Some(old) = old {
                let _ = tokio::fs::remove_file(dir.join(old.stored_name)).await;
            }
            Ok(())
        }
        // A refusal happened before anything was written: the new file
        // goes. A database failure may have struck at the commit, after the
        // row was saved: the file stays (the sweeper removes it after a day
        // if no row points to it).
        Err(e) => {
            if !matches!(e, AppError::Unavailable | AppError::Unexpected) {
                let _ = tokio::fs::remove_file(&path).await;
            }
            Err(e)
        }
    }
}

/// The stored file of `slot`: its path and its name for the download.
pub async fn file<C: ConnectionTrait>(
    db: &C,
    data_dir: &Path,
    slot: Slot<'_>,
) -> Result<(PathBuf, String), AppError> {
    let a = current(db, slot).await?.ok_or(AppError::NotFound)?;
    Ok((files_dir(data_dir).join(&a.stored_name), a.original_name))
}
