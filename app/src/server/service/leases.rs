//! Scheduled work runs in every `cohorte serve` process; when several
//! share one database, each kind of work (the minute's scheduler, the
//! quarter-hour's pass) is run by one of them at a time. The process
//! about to run it takes the kind's row in `job_leases` for a while (a
//! conditional UPDATE: taken when free or expired, the same on SQLite and
//! PostgreSQL), runs, and gives it back; a process that died holding it
//! leaves it to the others once the lease expires. Each job also claims
//! what it sends in the transaction that queues it (a reminder's column,
//! a notice's unique key), so a pass that runs again after a lease
//! expired mid-pass still sends nothing twice.

use crate::server::db::job_lease::{ActiveModel, Column, Entity};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
};

/// A lease taken: give it back with [`Lease::release`].
#[derive(Debug)]
pub struct Lease {
    name: &'static str,
    owner: String,
}

/// Takes `name` until `now + ttl` when no other process holds it; `None`
/// when one does.
pub async fn take<C: ConnectionTrait>(
    db: &C,
    name: &'static str,
    ttl: Duration,
    now: DateTime<Utc>,
) -> Result<Option<Lease>, DbErr> {
    Entity::insert(ActiveModel {
        name: Set(name.to_owned()),
        owner: Set(None),
        until: Set(None),
    })
    .on_conflict(OnConflict::column(Column::Name).do_nothing().to_owned())
    .exec_without_returning(db)
    .await?;
    let owner = super::tokens::random_secret(8);
    let taken = Entity::update_many()
        .col_expr(Column::Owner, Expr::value(Some(owner.clone())))
        .col_expr(Column::Until, Expr::value(Some(now + ttl)))
        .filter(Column::Name.eq(name))
        .filter(
            Condition::any()
                .add(Column::Until.is_null())
                .add(Column::Until.lt(now)),
        )
        .exec(db)
        .await?;
    Ok((taken.rows_affected == 1).then_some(Lease { name, owner }))
}

impl Lease {
    /// Frees the lease (if it is still this process's).
    pub async fn release<C: ConnectionTrait>(self, db: &C) -> Result<(), DbErr> {
        Entity::update_many()
            .col_expr(Column::Owner, Expr::value(Option::<String>::None))
            .col_expr(Column::Until, Expr::value(Option::<DateTime<Utc>>::None))
            .filter(Column::Name.eq(self.name))
            .filter(Column::Owner.eq(self.owner))
            .exec(db)
            .await?;
        Ok(())
    }
}

/// Runs `work` under the lease `name` (held at most `ttl`), or does
/// nothing (`None`) when another process holds it. The lease is given
/// back when the work ends; if giving it back fails, it expires. (A pass
/// that panics leaves it to expire too: the caller runs each pass in a
/// task of its own, `jobs`.)
pub async fn exclusive<T>(
    db: &sea_orm::DatabaseConnection,
    name: &'static str,
    ttl: Duration,
    work: impl Future<Output = T>,
) -> Result<Option<T>, DbErr> {
    let Some(lease) = take(db, name, ttl, Utc::now()).await? else {
        return Ok(None);
    };
    let out = work.await;
    if let Err(e) = lease.release(db).await {
        tracing::warn!(error = %e, lease = name, "giving a lease back (it will expire)");
    }
    Ok(Some(out))
}
