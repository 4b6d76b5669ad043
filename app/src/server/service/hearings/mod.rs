//! The défi jury of the call for défis (issue 13): the promotion's pool
//! jurors are assigned to the shortlisted défis by the review's assignment
//! engine (`assign`); each défi is heard in one of the promotion's hearing
//! slots, scheduled by the interviews' engine and sent as the same
//! iCalendar invitations (`schedule`); each juror marks the défis they
//! heard on the promotion's défi grid, then ranks them and may give one
//! their coup de cœur (`sheets`); the tally of the submitted sheets stands
//! beside the selection decisions. `grids` holds the promotion's grids.

pub mod assign;
pub mod calendar;
pub mod grids;
pub mod page;
pub mod schedule;
pub mod sheets;

use crate::domain::defi::DefiState;
use crate::model::AppError;
use crate::server::db::hearings::juror as panel;
use crate::server::db::{defi, role_grant, user};
use crate::server::policy::{Action, Actor};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::{HashMap, HashSet};

/// The défis the jury hears (shortlisted) or heard (decided since).
pub const HEARD: [DefiState; 3] = [
    DefiState::Shortlisted,
    DefiState::Selected,
    DefiState::NotSelected,
];

/// A promotion's défis in `states`, by id.
pub async fn defis_of<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
    states: &[DefiState],
) -> Result<Vec<defi::Model>, AppError> {
    Ok(defi::Entity::find()
        .filter(defi::Column::PromotionId.eq(promotion))
        .filter(defi::Column::State.is_in(states.iter().map(|s| s.code())))
        .order_by_asc(defi::Column::Id)
        .all(db)
        .await?)
}

/// The members (any host role) of each organisation of `orgs`: a juror
/// never hears their own organisation's défi.
pub async fn members_of<C: ConnectionTrait>(
    db: &C,
    orgs: impl IntoIterator<Item = i64>,
) -> Result<HashMap<i64, HashSet<i64>>, AppError> {
    let mut out: HashMap<i64, HashSet<i64>> = HashMap::new();
    for g in role_grant::Entity::find()
        .filter(role_grant::Column::ScopeId.is_in(orgs))
        .filter(role_grant::Column::Role.is_in(["host_lead", "host_mentor", "host_hr"]))
        .all(db)
        .await?
    {
        if let Some(org) = g.scope_id {
            out.entry(org).or_default().insert(g.user_id);
        }
    }
    Ok(out)
}

/// The users of the promotion's pool (in it, holding the role, account
/// enabled), by id.
pub async fn pool<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
) -> Result<HashMap<i64, user::Model>, AppError> {
    use crate::server::db::review::juror;
    let holders: HashSet<i64> = role_grant::Entity::find()
        .filter(role_grant::Column::Role.eq("reviewer"))
        .filter(role_grant::Column::ScopeId.eq(promotion))
        .all(db)
        .await?
        .into_iter()
        .map(|g| g.user_id)
        .collect();
    let ids: Vec<i64> = juror::Entity::find()
        .filter(juror::Column::PromotionId.eq(promotion))
        .filter(juror::Column::RemovedAt.is_null())
        .all(db)
        .await?
        .into_iter()
        .map(|j| j.user_id)
        .filter(|u| holders.contains(u))
        .collect();
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .filter(user::Column::DisabledAt.is_null())
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect())
}

/// The (défi, juror) pairs of `defis` in the order assigned, without
/// members of the défi's organisation (they never hear it).
async fn pairs<C: ConnectionTrait>(
    db: &C,
    defis: &[defi::Model],
) -> Result<Vec<(i64, i64)>, AppError> {
    let members = members_of(db, defis.iter().map(|d| d.organisation_id)).await?;
    let org: HashMap<i64, i64> = defis.iter().map(|d| (d.id, d.organisation_id)).collect();
    Ok(panel::Entity::find()
        .filter(panel::Column::DefiId.is_in(org.keys().copied()))
        .order_by_asc(panel::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .filter(|p| {
            !org.get(&p.defi_id)
                .and_then(|o| members.get(o))
                .is_some_and(|m| m.contains(&p.user_id))
        })
        .map(|p| (p.defi_id, p.user_id))
        .collect())
}

/// Who hears each of `defis`: the assigned jurors still in the pool and
/// not members of the défi's organisation, in the order assigned.
pub async fn panels<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
    defis: &[defi::Model],
) -> Result<HashMap<i64, Vec<user::Model>>, AppError> {
    let pool = pool(db, promotion).await?;
    let mut out: HashMap<i64, Vec<user::Model>> = HashMap::new();
    for (d, u) in pairs(db, defis).await? {
        if let Some(u) = pool.get(&u) {
            out.entry(d).or_default().push(u.clone());
        }
    }
    Ok(out)
}

/// Who was assigned to each of `defis`, whatever became of them since
/// (left the pool, account disabled): what they submitted stays in the
/// tally. Members of the défi's organisation never count.
pub async fn assigned<C: ConnectionTrait>(
    db: &C,
    defis: &[defi::Model],
) -> Result<HashMap<i64, HashSet<i64>>, AppError> {
    let mut out: HashMap<i64, HashSet<i64>> = HashMap::new();
    for (d, u) in pairs(db, defis).await? {
        out.entry(d).or_default().insert(u);
    }
    Ok(out)
}

/// Takes défi `defi`'s row if it is still shortlisted (an update that
/// changes nothing; PostgreSQL holds the row until the commit, so a
/// decision waits for this transaction): false when it is not.
pub async fn lock_shortlisted<C: ConnectionTrait>(db: &C, defi: i64) -> Result<bool, AppError> {
    let touched = defi::Entity::update_many()
        .col_expr(
            defi::Column::Version,
            sea_orm::sea_query::Expr::col(defi::Column::Version),
        )
        .filter(defi::Column::Id.eq(defi))
        .filter(defi::Column::State.eq(DefiState::Shortlisted.code()))
        .exec(db)
        .await?;
    Ok(touched.rows_affected == 1)
}

/// What the policy needs about a person and a défi to hear.
pub struct Access {
    pub defi: defi::Model,
    pub assigned: bool,
    pub conflicted: bool,
}

impl Access {
    pub fn open(&self) -> bool {
        self.defi.state == DefiState::Shortlisted.code()
    }
    pub fn read(&self) -> Action {
        Action::ReadHeardDefi {
            promotion: self.defi.promotion_id,
            assigned: self.assigned,
            conflicted: self.conflicted,
        }
    }
    pub fn score(&self) -> Action {
        Action::ScoreDefi {
            promotion: self.defi.promotion_id,
            assigned: self.assigned,
            conflicted: self.conflicted,
            open: self.open(),
        }
    }
}

pub async fn access<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    defi_id: i64,
) -> Result<Access, AppError> {
    let d = defi::Entity::find_by_id(defi_id)
        .one(db)
        .await?
        .filter(|d| HEARD.iter().any(|s| s.code() == d.state))
        .ok_or(AppError::NotFound)?;
    let Some(v) = actor.viewer() else {
        return Ok(Access {
            defi: d,
            assigned: false,
            conflicted: false,
        });
    };
    let conflicted = actor.member_of(d.organisation_id).is_some();
    let assigned = panels(db, d.promotion_id, std::slice::from_ref(&d))
        .await?
        .get(&d.id)
        .is_some_and(|p| p.iter().any(|u| u.id == v.id));
    Ok(Access {
        defi: d,
        assigned,
        conflicted,
    })
}
