//! Interviews and jury rankings (issue 13): each selected défi has a jury
//! (its host leads and mentors, the coordinators, the external jurors
//! invited to it); shortlisted candidates are proposed to the juries of
//! the défis they ranked (`allocation`); the jury's slots are filled by a
//! scheduling run or booked by candidates (`slots`, `booking`), each
//! change sent as an iCalendar invitation (`invitations`); jurors score on
//! the interview grid (`scoring`) and the jury fixes and locks one ranked
//! list per (défi, profile) (`lists`), which `export` turns into the
//! matching engine's input. `feeds` serves the calendars.

pub mod allocation;
pub mod booking;
pub mod export;
pub mod feeds;
pub mod invitations;
pub mod lists;
pub mod reminders;
pub mod scoring;
pub mod slots;

use crate::domain::defi::DefiState;
use crate::domain::{HostRole, Role};
use crate::model::AppError;
use crate::server::db::interviews::{defi_juror, interview, slot};
use crate::server::db::{defi, role_grant, user};
use crate::server::policy::Actor;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashSet;

/// How a person sits on a défi's jury.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seat {
    Coordinator,
    /// A lead or mentor of the host organisation.
    Host,
    /// An external juror invited to this défi.
    Juror,
}

/// A défi that has a jury: a selected one.
pub async fn jury_defi<C: ConnectionTrait>(db: &C, id: i64) -> Result<defi::Model, AppError> {
    let d = defi::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if d.state != DefiState::Selected.code() {
        return Err(AppError::NotFound);
    }
    Ok(d)
}

/// The person's seat on `d`'s jury, if any (a coordinator's first).
pub async fn seat<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    d: &defi::Model,
) -> Result<Option<Seat>, AppError> {
    let Some(v) = actor.viewer() else {
        return Ok(None);
    };
    if v.has(Role::Coordinator) {
        return Ok(Some(Seat::Coordinator));
    }
    if matches!(
        actor.member_of(d.organisation_id),
        Some(HostRole::Lead | HostRole::Mentor)
    ) {
        return Ok(Some(Seat::Host));
    }
    // An invited juror sits only while in the promotion's pool: removed
    // from it, they lose the seat (and their conflicts stay in force).
    let invited = defi_juror::Entity::find()
        .filter(defi_juror::Column::DefiId.eq(d.id))
        .filter(defi_juror::Column::UserId.eq(v.id))
        .one(db)
        .await?
        .is_some();
    let in_pool = invited
        && crate::server::service::review::juror_of(db, d.promotion_id, v.id)
            .await?
            .is_some();
    Ok(in_pool.then_some(Seat::Juror))
}

/// The leads and mentors of organisation `org` (who sit on its défis'
/// juries and attend their hearings), in the order they joined.
pub async fn hosts_of<C: ConnectionTrait>(db: &C, org: i64) -> Result<Vec<i64>, AppError> {
    Ok(role_grant::Entity::find()
        .filter(role_grant::Column::ScopeId.eq(org))
        .filter(role_grant::Column::Role.is_in(["host_lead", "host_mentor"]))
        .order_by_asc(role_grant::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|g| g.user_id)
        .collect())
}

/// The jury's named members: host leads and mentors, then the invited
/// jurors (coordinators sit on every jury and are not listed one by one).
pub async fn members<C: ConnectionTrait>(
    db: &C,
    d: &defi::Model,
) -> Result<Vec<(user::Model, Seat)>, AppError> {
    let hosts = hosts_of(db, d.organisation_id).await?;
    let pool: HashSet<i64> = crate::server::db::review::juror::Entity::find()
        .filter(crate::server::db::review::juror::Column::PromotionId.eq(d.promotion_id))
        .filter(crate::server::db::review::juror::Column::RemovedAt.is_null())
        .all(db)
        .await?
        .into_iter()
        .map(|j| j.user_id)
        .collect();
    let jurors: Vec<i64> = defi_juror::Entity::find()
        .filter(defi_juror::Column::DefiId.eq(d.id))
        .order_by_asc(defi_juror::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|j| j.user_id)
        .filter(|u| pool.contains(u))
        .collect();
    let users = user::Entity::find()
        .filter(user::Column::Id.is_in(hosts.iter().chain(&jurors).copied()))
        .all(db)
        .await?;
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (id, seat) in hosts
        .iter()
        .map(|i| (*i, Seat::Host))
        .chain(jurors.iter().map(|i| (*i, Seat::Juror)))
    {
        if seen.insert(id)
            && let Some(u) = users.iter().find(|u| u.id == id && u.disabled_at.is_none())
        {
            out.push((u.clone(), seat));
        }
    }
    Ok(out)
}

/// The dossiers of `promotion` that `user` may never see as a juror
/// (conflicts declared or detected in the review stage, also once removed
/// from the pool); none for a person who never was in it.
pub async fn conflicts_of_user<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
    user: i64,
    dossiers: &[i64],
) -> Result<HashSet<i64>, AppError> {
    use crate::server::service::review;
    // A removed juror's conflicts still count (their seat is gone, but
    // nothing they might see again should include those dossiers).
    let Some(j) = crate::server::db::review::juror::Entity::find()
        .filter(crate::server::db::review::juror::Column::PromotionId.eq(promotion))
        .filter(crate::server::db::review::juror::Column::UserId.eq(user))
        .one(db)
        .await?
    else {
        return Ok(HashSet::new());
    };
    let ranked = review::ranked_organisations(db, dossiers).await?;
    Ok(review::conflicts_of(db, std::slice::from_ref(&j), &ranked)
        .await?
        .remove(&j.id)
        .unwrap_or_default())
}

/// A défi's interviews, by id.
pub async fn interviews_of<C: ConnectionTrait>(
    db: &C,
    defi: i64,
) -> Result<Vec<interview::Model>, AppError> {
    Ok(interview::Entity::find()
        .filter(interview::Column::DefiId.eq(defi))
        .order_by_asc(interview::Column::Id)
        .all(db)
        .await?)
}

/// A défi's slots, earliest first.
pub async fn slots_of<C: ConnectionTrait>(db: &C, defi: i64) -> Result<Vec<slot::Model>, AppError> {
    Ok(slot::Entity::find()
        .filter(slot::Column::DefiId.eq(defi))
        .order_by_asc(slot::Column::StartsAt)
        .order_by_asc(slot::Column::Id)
        .all(db)
        .await?)
}

/// The UID of the interview of `application` with `defi`'s jury: the same
/// for every message about it.
pub fn uid(defi: i64, application: i64) -> String {
    format!("entretien-{defi}-{application}@cohorte")
}

/// The UID of the same interview booked again after a cancellation (the
/// `generation`-th time): calendars do not revive a cancelled event.
pub fn uid_again(defi: i64, application: i64, generation: i32) -> String {
    format!("entretien-{defi}-{application}-{generation}@cohorte")
}

/// The ids of the dossiers `user` wrote.
pub async fn applications_of_user<C: ConnectionTrait>(
    db: &C,
    user: i64,
) -> Result<Vec<i64>, AppError> {
    Ok(crate::server::db::application::Entity::find()
        .filter(crate::server::db::application::Column::UserId.eq(user))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect())
}
