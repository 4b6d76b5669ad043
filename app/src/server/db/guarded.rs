//! Guarded writes, for any entity with a version and a state: an update
//! that applies only if the row is still at the version it was read at
//! (else a conflict: someone saved meanwhile), and a lock that holds the
//! row until commit only while it is in one of the states that allow the
//! change.

use crate::model::AppError;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait,
    IntoActiveModel, QueryFilter,
};

/// What a versioned save answers: the new version and when it was saved.
#[derive(Clone, Copy, Debug)]
pub struct Saved {
    pub version: i32,
    pub at: chrono::DateTime<Utc>,
}

/// Writes `row` as version `read + 1` only if it is still at `read`
/// (`version` is the entity's version column); a row changed meanwhile is
/// a conflict and nothing is written.
pub async fn update_versioned<E, A, C>(
    db: &C,
    mut row: A,
    version: E::Column,
    read: i32,
) -> Result<(), AppError>
where
    E: EntityTrait,
    A: ActiveModelTrait<Entity = E> + ActiveModelBehavior + Send,
    E::Model: IntoActiveModel<A>,
    C: ConnectionTrait,
{
    row.try_set(version, (read + 1).into())?;
    match E::update(row)
        .validate()?
        .filter(version.eq(read))
        .exec_without_returning(db)
        .await
    {
        Ok(_) => Ok(()),
        Err(DbErr::RecordNotUpdated) => Err(AppError::Conflict),
        Err(e) => Err(e.into()),
    }
}

/// The row `id` (in column `id_column`) touched (`updated_at` set to now)
/// if its `state` is one of `allowed`: an update, not a read, so it holds
/// the row until commit and a concurrent submission waits (PostgreSQL).
/// `false` when the row is not (or no longer) in such a state.
pub async fn lock_in_state<E, C>(
    db: &C,
    (id_column, id): (E::Column, i64),
    (state, allowed): (E::Column, Vec<&'static str>),
    updated_at: E::Column,
) -> Result<bool, AppError>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    let touched = E::update_many()
        .col_expr(updated_at, Expr::value(Utc::now()))
        .filter(id_column.eq(id))
        .filter(state.is_in(allowed))
        .exec(db)
        .await?;
    Ok(touched.rows_affected == 1)
}
