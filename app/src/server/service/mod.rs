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
pub mod formation;
pub mod hearings;
pub mod interviews;
pub mod leases;
pub mod memberships;
pub mod milestones;
pub mod organisations;
pub mod outbox;
pub mod passwords;
pub mod privacy;
pub mod promotions;
pub mod retention;
pub mod review;
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

/// One row by its id, or `NotFound`: every use-case's lookup of the row it
/// acts on (`row::<defi::Entity, _>(db, id)`).
pub(crate) async fn row<E, C>(db: &C, id: i64) -> Result<E::Model, crate::model::AppError>
where
    E: sea_orm::EntityTrait,
    <E::PrimaryKey as sea_orm::PrimaryKeyTrait>::ValueType: From<i64>,
    C: sea_orm::ConnectionTrait,
{
    E::find_by_id(id)
        .one(db)
        .await?
        .ok_or(crate::model::AppError::NotFound)
}

/// The rows whose `column` is one of `ids`, by their id (`key`): the
/// names and organisations a list shows, loaded in one query.
pub(crate) async fn by_ids<E, C>(
    db: &C,
    column: E::Column,
    ids: Vec<i64>,
    key: impl Fn(&E::Model) -> i64,
) -> Result<std::collections::HashMap<i64, E::Model>, crate::model::AppError>
where
    E: sea_orm::EntityTrait,
    C: sea_orm::ConnectionTrait,
{
    use sea_orm::{ColumnTrait, QueryFilter};
    if ids.is_empty() {
        return Ok(Default::default());
    }
    Ok(E::find()
        .filter(column.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (key(&m), m))
        .collect())
}

/// Whether another row than `except` already has this value in a column
/// that must stay unique (an organisation's or a promotion's name): the
/// form says so on its field rather than failing on the index.
pub(crate) async fn taken<E, C>(
    db: &C,
    column: E::Column,
    value: &str,
    except: Option<i64>,
) -> Result<bool, crate::model::AppError>
where
    E: sea_orm::EntityTrait,
    C: sea_orm::ConnectionTrait,
{
    use sea_orm::{ColumnTrait, Iterable, PrimaryKeyToColumn, QueryFilter};
    let mut q = E::find().filter(column.eq(value));
    if let (Some(id), Some(key)) = (except, E::PrimaryKey::iter().next()) {
        q = q.filter(key.into_column().ne(id));
    }
    Ok(q.one(db).await?.is_some())
}
