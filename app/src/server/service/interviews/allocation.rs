//! Who meets which jury: shortlisted candidates are proposed to the
//! juries of the défis they ranked whose slots ask for their profile;
//! coordinators add or remove a candidate, and may ask one to meet a défi
//! they did not rank (they must accept). The overview counts, per défi and
//! profile, the candidates proposed against the seats.

use super::{jury_defi, uid};
use crate::domain::application::ApplicationState;
use crate::domain::defi::DefiState;
use crate::domain::interviews::status::{InterviewState, Origin};
use crate::i18n::Msg;
use crate::model::AppError;
use crate::model::interviews::{InterviewsOverview, JuryRow, ProfileCount};
use crate::server::AppState;
use crate::server::db::interviews::{interview, list};
use crate::server::db::{application, application_choice, defi, defi_slot, promotion};
use crate::server::service::Origin as RequestOrigin;
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::hearings::grids::{GridKind, grid_of, in_use};
use crate::server::service::txn::Txn;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use serde_json::json;
use std::collections::{BTreeMap, HashMap};

/// The selected défis of a promotion, by id.
pub async fn juries_of<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
) -> Result<Vec<defi::Model>, AppError> {
    Ok(defi::Entity::find()
        .filter(defi::Column::PromotionId.eq(promotion))
        .filter(defi::Column::State.eq(DefiState::Selected.code()))
        .order_by_asc(defi::Column::Id)
        .all(db)
        .await?)
}

/// Profiles each défi asks for, with their number of seats.
pub async fn seats_of<C: ConnectionTrait>(
    db: &C,
    defis: &[i64],
) -> Result<HashMap<i64, BTreeMap<String, u32>>, AppError> {
    let mut out: HashMap<i64, BTreeMap<String, u32>> = HashMap::new();
    for s in defi_slot::Entity::find()
        .filter(defi_slot::Column::DefiId.is_in(defis.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .filter(|s| !s.profile.trim().is_empty())
    {
        *out.entry(s.defi_id)
            .or_default()
            .entry(s.profile)
            .or_default() += 1;
    }
    Ok(out)
}

async fn insert<C: ConnectionTrait>(
    db: &C,
    defi: i64,
    a: &application::Model,
    origin: Origin,
    state: InterviewState,
) -> Result<(), AppError> {
    let now = Utc::now();
    interview::ActiveModel {
        defi_id: Set(defi),
        application_id: Set(a.id),
        profile: Set(a.profile.clone()),
        origin: Set(origin.code().to_owned()),
        state: Set(state.code().to_owned()),
        slot_id: Set(None),
        uid: Set(uid(defi, a.id)),
        sequence: Set(0),
        reminded_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Proposes every shortlisted candidate to the juries of the défis they
/// ranked (their latest ranking) for their profile. Candidates already
/// proposed, added or removed by hand are left as they are. Returns how
/// many were proposed.
pub async fn propose(
    db: &DatabaseConnection,
    origin: &RequestOrigin,
    promotion_id: i64,
) -> Result<u32, AppError> {
    let txn = Txn::begin(db, origin).await?;
    promotion::Entity::find_by_id(promotion_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let defis = juries_of(&txn, promotion_id).await?;
    let ids: Vec<i64> = defis.iter().map(|d| d.id).collect();
    let seats = seats_of(&txn, &ids).await?;
    let shortlisted = application::Entity::find()
        .filter(application::Column::PromotionId.eq(promotion_id))
        .filter(application::Column::State.eq(ApplicationState::Shortlisted.code()))
        .order_by_asc(application::Column::Id)
        .all(&txn)
        .await?;
    let choices = application_choice::Entity::find()
        .filter(application_choice::Column::ApplicationId.is_in(shortlisted.iter().map(|a| a.id)))
        .order_by_asc(application_choice::Column::Rank)
        .all(&txn)
        .await?;
    let existing: std::collections::HashSet<(i64, i64)> = interview::Entity::find()
        .filter(interview::Column::DefiId.is_in(ids.iter().copied()))
        .all(&txn)
        .await?
        .into_iter()
        .map(|i| (i.defi_id, i.application_id))
        .collect();
    let mut count = 0;
    for a in &shortlisted {
        for c in choices.iter().filter(|c| c.application_id == a.id) {
            let asks = seats
                .get(&c.defi_id)
                .is_some_and(|p| p.contains_key(&a.profile));
            if asks && !existing.contains(&(c.defi_id, a.id)) {
                insert(&txn, c.defi_id, a, Origin::Ranked, InterviewState::Proposed).await?;
                count += 1;
            }
        }
    }
    txn.finish(
        AuditAction::InterviewsProposed,
        Target::Promotion(promotion_id),
        json!({ "proposed": count }),
    )
    .await?;
    Ok(count)
}

/// Adds a shortlisted candidate to a jury: proposed at once when they
/// ranked the défi, otherwise asked first (they must accept).
pub async fn add(
    state: &AppState,
    origin: &RequestOrigin,
    defi_id: i64,
    application_id: i64,
) -> Result<(), AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    let d = jury_defi(&txn, defi_id).await?;
    let a = application::Entity::find_by_id(application_id)
        .one(&txn)
        .await?
        .filter(|a| a.promotion_id == d.promotion_id)
        .ok_or(AppError::field("candidat", Msg::CandidateNotShortlisted))?;
    if a.state != ApplicationState::Shortlisted.code() {
        return Err(AppError::field("candidat", Msg::CandidateNotShortlisted));
    }
    let seats = seats_of(&txn, &[d.id]).await?;
    if !seats.get(&d.id).is_some_and(|p| p.contains_key(&a.profile)) {
        return Err(AppError::field("candidat", Msg::ProfileNotAsked));
    }
    let ranked = application_choice::Entity::find()
        .filter(application_choice::Column::ApplicationId.eq(a.id))
        .filter(application_choice::Column::DefiId.eq(d.id))
        .one(&txn)
        .await?
        .is_some();
    let (origin_kind, st) = if ranked {
        (Origin::Added, InterviewState::Proposed)
    } else {
        (Origin::Open, InterviewState::Asked)
    };
    match interview::Entity::find()
        .filter(interview::Column::DefiId.eq(d.id))
        .filter(interview::Column::ApplicationId.eq(a.id))
        .one(&txn)
        .await?
    {
        Some(i) if i.state != InterviewState::Removed.code() => {
            return Err(AppError::field("candidat", Msg::AlreadyBeforeJury));
        }
        Some(i) => {
            let mut m: interview::ActiveModel = i.into();
            m.origin = Set(origin_kind.code().to_owned());
            m.state = Set(st.code().to_owned());
            m.updated_at = Set(Utc::now());
            m.update(&txn).await?;
        }
        None => insert(&txn, d.id, &a, origin_kind, st).await?,
    }
    // Asked: the candidate hears of it by email, and answers in their area.
    if st == InterviewState::Asked {
        let locale = match a.user_id {
            Some(u) => crate::server::db::user::Entity::find_by_id(u)
                .one(&txn)
                .await?
                .and_then(|u| crate::i18n::Locale::from_code(&u.locale))
                .unwrap_or_default(),
            None => crate::i18n::Locale::Fr,
        };
        txn.queue(
            crate::server::mail::MailTemplate::Interview,
            locale,
            &a.email,
            json!({
                "name": a.first_name,
                "kind": "asked",
                "defi": d.title,
                "link": state.link("/espace/entretiens"),
            }),
        )
        .await?;
    }
    txn.finish(
        AuditAction::InterviewAdded,
        Target::Defi(d.id),
        json!({ "application": a.id, "origin": origin_kind.code() }),
    )
    .await
}

/// Takes a candidate off a jury; an interview already scheduled is
/// cancelled (its slot is free again and everyone gets the cancellation).
pub async fn remove(
    state: &AppState,
    origin: &RequestOrigin,
    interview_id: i64,
) -> Result<(), AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    let i = interview::Entity::find_by_id(interview_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    jury_defi(&txn, i.defi_id).await?;
    if i.state == InterviewState::Removed.code() {
        return Err(AppError::Refused(Msg::AlreadyRemoved));
    }
    let i = super::booking::release(&txn, &state.settings, i).await?;
    let defi = i.defi_id;
    let mut m: interview::ActiveModel = i.into();
    m.state = Set(InterviewState::Removed.code().to_owned());
    m.updated_at = Set(Utc::now());
    m.update(&txn).await?;
    txn.finish(
        AuditAction::InterviewRemoved,
        Target::Defi(defi),
        json!({ "interview": interview_id }),
    )
    .await
}

/// The coordinators' overview of a promotion's juries.
pub async fn overview(
    db: &DatabaseConnection,
    promotion_id: i64,
) -> Result<InterviewsOverview, AppError> {
    let p = promotion::Entity::find_by_id(promotion_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let defis = juries_of(db, promotion_id).await?;
    let ids: Vec<i64> = defis.iter().map(|d| d.id).collect();
    let seats = seats_of(db, &ids).await?;
    let locked: HashMap<(i64, String), bool> = list::Entity::find()
        .filter(list::Column::DefiId.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|l| ((l.defi_id, l.profile), l.locked_at.is_some()))
        .collect();
    let mut juries = Vec::new();
    let (mut n_locked, mut expected) = (0, 0);
    // Every jury's interviews and slots in two queries.
    let all_interviews = interview::Entity::find()
        .filter(interview::Column::DefiId.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let all_slots = crate::server::db::interviews::slot::Entity::find()
        .filter(crate::server::db::interviews::slot::Column::DefiId.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    for d in &defis {
        let interviews: Vec<&interview::Model> = all_interviews
            .iter()
            .filter(|i| i.defi_id == d.id)
            .collect();
        let slots: Vec<_> = all_slots.iter().filter(|s| s.defi_id == d.id).collect();
        let profiles = seats
            .get(&d.id)
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .map(|(profile, seats)| {
                let of = |s: InterviewState| {
                    interviews
                        .iter()
                        .filter(|i| i.profile == profile && i.state == s.code())
                        .count() as u32
                };
                let is_locked = locked
                    .get(&(d.id, profile.clone()))
                    .copied()
                    .unwrap_or(false);
                expected += 1;
                n_locked += u32::from(is_locked);
                ProfileCount {
                    seats,
                    proposed: of(InterviewState::Proposed) + of(InterviewState::Scheduled),
                    scheduled: of(InterviewState::Scheduled),
                    locked: is_locked,
                    profile,
                }
            })
            .collect();
        juries.push(JuryRow {
            defi_id: d.id,
            title: d.title.clone(),
            profiles,
            slots: slots.len() as u32,
            free_slots: slots.iter().filter(|s| s.application_id.is_none()).count() as u32,
        });
    }
    let shortlisted = application::Entity::find()
        .filter(application::Column::PromotionId.eq(promotion_id))
        .filter(application::Column::State.eq(ApplicationState::Shortlisted.code()))
        .order_by_asc(application::Column::LastName)
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, format!("{} {}", a.first_name, a.last_name), a.profile))
        .collect();
    Ok(InterviewsOverview {
        promotion_id,
        promotion: p.name,
        juries,
        shortlisted,
        locked: n_locked,
        expected,
        grid: grid_of(db, promotion_id, GridKind::Interview).await?,
        grid_open: !in_use(db, promotion_id, GridKind::Interview).await?,
    })
}
