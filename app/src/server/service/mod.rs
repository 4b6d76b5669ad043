//! Use-cases. Each owns its transaction, a `txn::Txn`: it changes state,
//! writes the typed audit entry and queues the emails in that same
//! transaction, and the outbox worker is woken after commit when an email
//! was queued.

pub mod accounts;
pub mod admin;
pub mod applications;
pub mod attachments;
pub mod audit;
pub mod catalogue;
pub mod defis;
pub mod download;
pub mod drafts;
pub mod exports;
pub mod files;
pub mod memberships;
pub mod organisations;
pub mod outbox;
pub mod passwords;
pub mod privacy;
pub mod promotions;
pub mod retention;
pub mod selection;
pub mod sweeper;
pub mod tokens;
pub mod txn;
pub mod users;

/// Who asked, from where: what the audit log records.
#[derive(Clone, Debug, Default)]
pub struct Origin {
    pub actor_id: Option<i64>,
    pub ip: Option<String>,
}

/// A batch's lookup of one target: a row that no longer exists is skipped
/// (`None`); any other error stops the batch, never a silent skip.
pub(crate) fn found<T>(
    lookup: Result<T, crate::model::AppError>,
) -> Result<Option<T>, crate::model::AppError> {
    match lookup {
        Ok(row) => Ok(Some(row)),
        Err(crate::model::AppError::NotFound) => Ok(None),
        Err(e) => Err(e),
    }
}
