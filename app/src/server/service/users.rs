//! Reading people and their roles.

use crate::domain::Role;
use crate::model::AppError;
use crate::model::user::{AccountStatus, UserRow, Viewer};
use crate::server::db::{role_grant, user};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use std::collections::HashMap;

pub async fn roles_of<C: ConnectionTrait>(db: &C, user_id: i64) -> Result<Vec<Role>, AppError> {
    let grants = role_grant::Entity::find()
        .filter(role_grant::Column::UserId.eq(user_id))
        .order_by_asc(role_grant::Column::Id)
        .all(db)
        .await?;
    Ok(grants
        .iter()
        .filter_map(|g| Role::from_parts(&g.role, g.scope_id))
        .collect())
}

/// `roles_of` for many people in one query (those without a grant are
/// absent).
pub async fn roles_of_many<C: ConnectionTrait>(
    db: &C,
    users: &[i64],
) -> Result<std::collections::HashMap<i64, Vec<Role>>, AppError> {
    let mut out: std::collections::HashMap<i64, Vec<Role>> = Default::default();
    for g in role_grant::Entity::find()
        .filter(role_grant::Column::UserId.is_in(users.iter().copied()))
        .order_by_asc(role_grant::Column::Id)
        .all(db)
        .await?
    {
        if let Some(r) = Role::from_parts(&g.role, g.scope_id) {
            out.entry(g.user_id).or_default().push(r);
        }
    }
    Ok(out)
}

pub async fn by_email<C: ConnectionTrait>(
    db: &C,
    email: &str,
) -> Result<Option<user::Model>, AppError> {
    Ok(user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await?)
}

pub async fn by_id<C: ConnectionTrait>(db: &C, id: i64) -> Result<Option<user::Model>, AppError> {
    Ok(user::Entity::find_by_id(id).one(db).await?)
}

/// The signed-in person for a session's user id; `None` when the account is
/// gone or disabled, which ends the session. One query (the account and
/// its grants joined): it runs for every signed-in request.
pub async fn viewer<C: ConnectionTrait>(db: &C, id: i64) -> Result<Option<Viewer>, AppError> {
    use sea_orm::FromQueryResult;
    use sea_orm::sea_query::{Expr, Query};
    let mut stmt = Query::select();
    stmt.from(user::Entity)
        .and_where(Expr::col((user::Entity, user::Column::Id)).eq(id));
    with_viewer_columns(&mut stmt);
    let rows = ViewerRow::find_by_statement(db.get_database_backend().build(&stmt))
        .all(db)
        .await?;
    Ok(viewer_of(id, &rows))
}

/// One row of a person joined with one of their grants (`role` null when
/// they have none; `name` and `email` null when the person is gone).
#[derive(Debug, sea_orm::FromQueryResult)]
pub(crate) struct ViewerRow {
    pub name: Option<String>,
    pub email: Option<String>,
    pub disabled: Option<bool>,
    pub role: Option<String>,
    pub scope_id: Option<i64>,
}

/// Adds to a query that has `users` in scope the columns of
/// [`ViewerRow`], one row per grant. The session store uses it too: the
/// session and its person come in one query on every signed-in request.
pub(crate) fn with_viewer_columns(stmt: &mut sea_orm::sea_query::SelectStatement) {
    use sea_orm::sea_query::{Expr, JoinType, Order};
    stmt.column((user::Entity, user::Column::Name))
        .column((user::Entity, user::Column::Email))
        .expr_as(
            Expr::col((user::Entity, user::Column::DisabledAt)).is_not_null(),
            "disabled",
        )
        .column((role_grant::Entity, role_grant::Column::Role))
        .column((role_grant::Entity, role_grant::Column::ScopeId))
        .join(
            JoinType::LeftJoin,
            role_grant::Entity,
            Expr::col((role_grant::Entity, role_grant::Column::UserId))
                .equals((user::Entity, user::Column::Id)),
        )
        .order_by((role_grant::Entity, role_grant::Column::Id), Order::Asc);
}

/// The person `id` of `rows` ([`with_viewer_columns`]); `None` when the
/// account is gone or disabled.
pub(crate) fn viewer_of(id: i64, rows: &[ViewerRow]) -> Option<Viewer> {
    let first = rows.first()?;
    if first.name.is_none() || first.disabled != Some(false) {
        return None;
    }
    Some(Viewer {
        id,
        name: first.name.clone()?,
        email: first.email.clone()?,
        roles: rows
            .iter()
            .filter_map(|r| Role::from_parts(r.role.as_deref()?, r.scope_id))
            .collect(),
    })
}

fn status(u: &user::Model) -> AccountStatus {
    if u.disabled_at.is_some() {
        AccountStatus::Disabled
    } else if u.email_verified_at.is_none() {
        AccountStatus::Unverified
    } else {
        AccountStatus::Active
    }
}

/// Users whose name or email contains `query` (all when empty), by name.
pub async fn search<C: ConnectionTrait>(
    db: &C,
    query: &str,
    limit: u64,
) -> Result<Vec<UserRow>, AppError> {
    let q = query.trim().to_lowercase();
    let mut select = user::Entity::find()
        .order_by_asc(user::Column::Name)
        .limit(limit);
    if !q.is_empty() {
        let pattern = format!("%{q}%");
        select = select.filter(
            Condition::any()
                .add(user::Column::Email.like(pattern.clone()))
                .add(
                    sea_orm::sea_query::Expr::expr(sea_orm::sea_query::Func::lower(
                        sea_orm::sea_query::Expr::col(user::Column::Name),
                    ))
                    .like(pattern),
                ),
        );
    }
    let users = select.all(db).await?;
    let ids: Vec<i64> = users.iter().map(|u| u.id).collect();
    let mut roles: HashMap<i64, Vec<Role>> = HashMap::new();
    for g in role_grant::Entity::find()
        .filter(role_grant::Column::UserId.is_in(ids))
        .order_by_asc(role_grant::Column::Id)
        .all(db)
        .await?
    {
        if let Some(r) = Role::from_parts(&g.role, g.scope_id) {
            roles.entry(g.user_id).or_default().push(r);
        }
    }
    Ok(users
        .into_iter()
        .map(|u| UserRow {
            id: u.id,
            status: status(&u),
            roles: roles.remove(&u.id).unwrap_or_default(),
            name: u.name,
            email: u.email,
        })
        .collect())
}
