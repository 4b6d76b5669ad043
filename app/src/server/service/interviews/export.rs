//! The matching engine's input, built from the database: every selected
//! défi with its seats by profile and each profile's locked list (a list
//! not locked counts as empty: the engine then leaves its seats unfilled),
//! and every shortlisted candidate with their latest ranking of the défis
//! (the two-step reveal's when there was one). `cohorte match` reads it as
//! it is.

use super::allocation::{juries_of, seats_of};
use crate::domain::application::ApplicationState;
use crate::domain::interviews::status::{InterviewState, Origin as Why};
use crate::domain::matching::{CandidateIn, DefiIn, Input, SlotIn};
use crate::model::AppError;
use crate::server::db::interviews::{interview, list};
use crate::server::db::{application, application_choice, defi_slot, promotion};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::{HashMap, HashSet};

/// A défi's id in the input.
pub fn defi_key(id: i64) -> String {
    format!("defi-{id}")
}

/// A candidate's id in the input.
pub fn candidate_key(id: i64) -> String {
    format!("candidat-{id}")
}

pub async fn input<C: ConnectionTrait>(db: &C, promotion_id: i64) -> Result<Input, AppError> {
    let p = promotion::Entity::find_by_id(promotion_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let defis = juries_of(db, promotion_id).await?;
    let ids: Vec<i64> = defis.iter().map(|d| d.id).collect();
    let seats = seats_of(db, &ids).await?;
    let mandatory: HashSet<(i64, String)> = defi_slot::Entity::find()
        .filter(defi_slot::Column::DefiId.is_in(ids.iter().copied()))
        .filter(defi_slot::Column::Mandatory.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.defi_id, s.profile))
        .collect();
    let lists: HashMap<(i64, String), Vec<i64>> = list::Entity::find()
        .filter(list::Column::DefiId.is_in(ids.iter().copied()))
        .filter(list::Column::LockedAt.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .map(|l| ((l.defi_id, l.profile.clone()), l.ids()))
        .collect();
    let shortlisted = application::Entity::find()
        .filter(application::Column::PromotionId.eq(promotion_id))
        .filter(application::Column::State.eq(ApplicationState::Shortlisted.code()))
        // A deleted account's dossier is kept anonymised: nobody to place.
        .filter(application::Column::AnonymisedAt.is_null())
        .order_by_asc(application::Column::Id)
        .all(db)
        .await?;
    let known: HashSet<i64> = shortlisted.iter().map(|a| a.id).collect();
    let defis_in = defis
        .iter()
        .map(|d| DefiIn {
            id: defi_key(d.id),
            min_team: p.team_min.max(1) as u32,
            max_team: p.team_max.max(1) as u32,
            slots: seats
                .get(&d.id)
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(|(profile, capacity)| SlotIn {
                    ranking: lists
                        .get(&(d.id, profile.clone()))
                        .map(|l| {
                            l.iter()
                                .filter(|c| known.contains(c))
                                .map(|c| candidate_key(*c))
                                .collect()
                        })
                        .unwrap_or_default(),
                    mandatory: mandatory.contains(&(d.id, profile.clone())),
                    capacity,
                    profile,
                })
                .collect(),
        })
        .collect();
    let choices = application_choice::Entity::find()
        .filter(application_choice::Column::ApplicationId.is_in(known.iter().copied()))
        .order_by_asc(application_choice::Column::Rank)
        .all(db)
        .await?;
    let selected: HashSet<i64> = ids.iter().copied().collect();
    // Accepting a jury's proposal for a défi they did not rank is saying
    // yes to other défis.
    let open: HashSet<i64> = interview::Entity::find()
        .filter(interview::Column::DefiId.is_in(ids.iter().copied()))
        .filter(interview::Column::Origin.eq(Why::Open.code()))
        .filter(interview::Column::State.is_in([
            InterviewState::Proposed.code(),
            InterviewState::Scheduled.code(),
        ]))
        .all(db)
        .await?
        .into_iter()
        .map(|i| i.application_id)
        .collect();
    let candidates = shortlisted
        .iter()
        .map(|a| CandidateIn {
            id: candidate_key(a.id),
            profile: a.profile.clone(),
            choices: choices
                .iter()
                .filter(|c| c.application_id == a.id && selected.contains(&c.defi_id))
                .map(|c| defi_key(c.defi_id))
                .collect(),
            open_to_others: open.contains(&a.id),
        })
        .collect();
    Ok(Input {
        defis: defis_in,
        candidates,
    })
}

/// The input as `cohorte match` reads it.
pub async fn json<C: ConnectionTrait>(db: &C, promotion_id: i64) -> Result<String, AppError> {
    let input = input(db, promotion_id).await?;
    serde_json::to_string_pretty(&input).map_err(|_| AppError::Unexpected)
}
