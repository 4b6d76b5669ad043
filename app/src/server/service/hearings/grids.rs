//! A promotion's grids: the interview grid and the défi jury's grid. The
//! default of DESIGN §8 applies until a coordinator changes one; a grid
//! changes only while no juror has written a sheet on it.

use crate::domain::review::Criterion;
use crate::i18n::Msg;
use crate::model::AppError;
use crate::server::db::hearings::grid;
use crate::server::service::Origin;
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::txn::Txn;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QuerySelect, Set,
};
use serde_json::json;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridKind {
    Interview,
    Defi,
}

impl GridKind {
    pub fn code(self) -> &'static str {
        match self {
            GridKind::Interview => "interview",
            GridKind::Defi => "defi",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [GridKind::Interview, GridKind::Defi]
            .into_iter()
            .find(|k| k.code() == code)
    }

    fn default_grid(self) -> Vec<Criterion> {
        match self {
            GridKind::Interview => crate::domain::interviews::grid::default_grid(),
            GridKind::Defi => crate::domain::hearings::default_grid(),
        }
    }
}

/// The promotion's grid of `kind`.
pub async fn grid_of<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
    kind: GridKind,
) -> Result<Vec<Criterion>, AppError> {
    let row = grid::Entity::find()
        .filter(grid::Column::PromotionId.eq(promotion))
        .filter(grid::Column::Kind.eq(kind.code()))
        .one(db)
        .await?;
    Ok(match row {
        Some(r) => serde_json::from_str(&r.criteria).map_err(|e| {
            tracing::error!(error = %e, promotion, "a stored grid does not read");
            AppError::Unexpected
        })?,
        None => kind.default_grid(),
    })
}

/// Some juror has written a sheet (even a draft) on the promotion's grid
/// of `kind`.
pub async fn in_use<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
    kind: GridKind,
) -> Result<bool, AppError> {
    use crate::server::db::defi;
    let defis: Vec<i64> = defi::Entity::find()
        .select_only()
        .column(defi::Column::Id)
        .filter(defi::Column::PromotionId.eq(promotion))
        .into_tuple()
        .all(db)
        .await?;
    Ok(match kind {
        GridKind::Defi => {
            use crate::server::db::hearings::score;
            score::Entity::find()
                .filter(score::Column::DefiId.is_in(defis))
                .one(db)
                .await?
                .is_some()
        }
        GridKind::Interview => {
            use crate::server::db::interviews::{interview, score};
            let interviews: Vec<i64> = interview::Entity::find()
                .select_only()
                .column(interview::Column::Id)
                .filter(interview::Column::DefiId.is_in(defis))
                .into_tuple()
                .all(db)
                .await?;
            score::Entity::find()
                .filter(score::Column::InterviewId.is_in(interviews))
                .one(db)
                .await?
                .is_some()
        }
    })
}

/// Replaces the promotion's grid of `kind` (read from the editor's
/// `rows` rows); refused once a sheet exists.
pub async fn save(
    db: &DatabaseConnection,
    origin: &Origin,
    promotion: i64,
    kind: GridKind,
    rows: usize,
    get: impl Fn(&str) -> Option<String>,
) -> Result<(), AppError> {
    let criteria = crate::domain::hearings::parse_grid(rows, get).map_err(AppError::fields)?;
    let txn = Txn::begin(db, origin).await?;
    crate::server::service::promotions::get(&txn, promotion).await?;
    lock_promotion(&txn, promotion).await?;
    if in_use(&txn, promotion, kind).await? {
        return Err(AppError::Refused(Msg::GridInUse));
    }
    let text = serde_json::to_string(&criteria).map_err(|_| AppError::Unexpected)?;
    let now = Utc::now();
    match grid::Entity::find()
        .filter(grid::Column::PromotionId.eq(promotion))
        .filter(grid::Column::Kind.eq(kind.code()))
        .one(&txn)
        .await?
    {
        Some(r) => {
            let mut m: grid::ActiveModel = r.into();
            m.criteria = Set(text);
            m.updated_at = Set(now);
            m.update(&txn).await?;
        }
        None => {
            grid::ActiveModel {
                promotion_id: Set(promotion),
                kind: Set(kind.code().to_owned()),
                criteria: Set(text),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
    }
    txn.finish(
        AuditAction::GridChanged,
        Target::Promotion(promotion),
        json!({ "kind": kind.code(), "criteria": criteria.iter().map(|c| &c.name).collect::<Vec<_>>() }),
    )
    .await
}

/// Takes the promotion's row for this transaction (an update that changes
/// nothing; PostgreSQL holds the row until the commit, SQLite's write
/// transaction is alone anyway): a grid change and a first sheet on it
/// are serialised.
pub async fn lock_promotion<C: ConnectionTrait>(db: &C, promotion: i64) -> Result<(), AppError> {
    use crate::server::db::promotion as p;
    p::Entity::update_many()
        .col_expr(
            p::Column::UpdatedAt,
            sea_orm::sea_query::Expr::col(p::Column::UpdatedAt),
        )
        .filter(p::Column::Id.eq(promotion))
        .exec(db)
        .await?;
    Ok(())
}
