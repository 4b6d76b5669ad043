//! tower-sessions store on sea-orm, so that sessions live in the application
//! database (SQLite or PostgreSQL) without a second sqlx version (the
//! published sqlx store is on sqlx 0.8, sea-orm 2 on 0.9).

use super::session::{self, Entity as Sessions};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};

/// Key under which the signed-in person's id is kept in the session.
pub const USER_KEY: &str = "uid";

/// Key under which [`DbSessionStore::load`] leaves the signed-in person as
/// the database has them now (`null`: gone or disabled), read in the same
/// query as the session. Never written back: [`row`] leaves it out.
pub const VIEWER_KEY: &str = "_viewer";

#[derive(Clone, Debug)]
pub struct DbSessionStore {
    db: DatabaseConnection,
}

impl DbSessionStore {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    /// Removes expired rows; run periodically by the jobs loop.
    pub async fn delete_expired(&self) -> Result<u64, sea_orm::DbErr> {
        let res = Sessions::delete_many()
            .filter(session::Column::ExpiresAt.lt(Utc::now()))
            .exec(&self.db)
            .await?;
        Ok(res.rows_affected)
    }
}

fn backend(e: impl std::fmt::Display) -> session_store::Error {
    session_store::Error::Backend(e.to_string())
}

fn to_chrono(t: time::OffsetDateTime) -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp(t.unix_timestamp(), t.nanosecond()).unwrap_or_default()
}

fn to_time(t: DateTime<Utc>) -> time::OffsetDateTime {
    time::OffsetDateTime::from_unix_timestamp(t.timestamp())
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
}

fn row(record: &Record) -> Result<session::ActiveModel, session_store::Error> {
    let kept: std::collections::HashMap<&String, &serde_json::Value> = record
        .data
        .iter()
        .filter(|(k, _)| k.as_str() != VIEWER_KEY)
        .collect();
    let data =
        serde_json::to_string(&kept).map_err(|e| session_store::Error::Encode(e.to_string()))?;
    let user_id = record.data.get(USER_KEY).and_then(|v| v.as_i64());
    Ok(session::ActiveModel {
        id: Set(record.id.to_string()),
        user_id: Set(user_id),
        data: Set(data),
        expires_at: Set(to_chrono(record.expiry_date)),
    })
}

#[async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        // Ids are 128 random bits; still, never overwrite someone's session.
        loop {
            let taken = Sessions::find_by_id(record.id.to_string())
                .one(&self.db)
                .await
                .map_err(backend)?
                .is_some();
            if !taken {
                break;
            }
            record.id = Id::default();
        }
        Sessions::insert(row(record)?)
            .exec(&self.db)
            .await
            .map_err(backend)?;
        Ok(())
    }

    /// Updates an existing row only: a session deleted meanwhile (sign-out,
    /// password reset, disabled account) must not be written back by a
    /// request that loaded it before. New sessions go through `create`.
    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let row = row(record)?;
        Sessions::update_many()
            .set(row)
            .filter(session::Column::Id.eq(record.id.to_string()))
            .exec(&self.db)
            .await
            .map_err(backend)?;
        Ok(())
    }

    /// The session and, when someone is signed in, their account and
    /// grants, in one query (it runs on every signed-in request).
    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        use crate::server::db::user;
        use crate::server::service::users::{ViewerRow, viewer_of, with_viewer_columns};
        use sea_orm::sea_query::{Expr, JoinType, Query};
        use sea_orm::{ExprTrait, FromQueryResult};
        #[derive(FromQueryResult)]
        struct Joined {
            data: String,
            expires_at: DateTime<Utc>,
            user_id: Option<i64>,
            name: Option<String>,
            email: Option<String>,
            disabled: Option<bool>,
            role: Option<String>,
            scope_id: Option<i64>,
        }
        let mut stmt = Query::select();
        stmt.column((Sessions, session::Column::Data))
            .column((Sessions, session::Column::ExpiresAt))
            .column((Sessions, session::Column::UserId))
            .from(Sessions)
            .join(
                JoinType::LeftJoin,
                user::Entity,
                Expr::col((user::Entity, user::Column::Id))
                    .equals((Sessions, session::Column::UserId)),
            )
            .and_where(Expr::col((Sessions, session::Column::Id)).eq(id.to_string()))
            .and_where(Expr::col((Sessions, session::Column::ExpiresAt)).gt(Utc::now()));
        with_viewer_columns(&mut stmt);
        let rows = Joined::find_by_statement(self.db.get_database_backend().build(&stmt))
            .all(&self.db)
            .await
            .map_err(backend)?;
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        let mut data: std::collections::HashMap<String, serde_json::Value> =
            serde_json::from_str(&first.data)
                .map_err(|e| session_store::Error::Decode(e.to_string()))?;
        // Only this load ever puts the person there.
        data.remove(VIEWER_KEY);
        if let Some(uid) = first.user_id {
            let viewer_rows: Vec<ViewerRow> = rows
                .iter()
                .map(|r| ViewerRow {
                    name: r.name.clone(),
                    email: r.email.clone(),
                    disabled: r.disabled,
                    role: r.role.clone(),
                    scope_id: r.scope_id,
                })
                .collect();
            let viewer = serde_json::to_value(viewer_of(uid, &viewer_rows))
                .map_err(|e| session_store::Error::Encode(e.to_string()))?;
            data.insert(VIEWER_KEY.to_owned(), viewer);
        }
        Ok(Some(Record {
            id: *id,
            data,
            expiry_date: to_time(first.expires_at),
        }))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        Sessions::delete_by_id(id.to_string())
            .exec(&self.db)
            .await
            .map_err(backend)?;
        Ok(())
    }
}
