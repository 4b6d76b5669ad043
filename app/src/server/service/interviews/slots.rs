//! A jury's slots and the scheduling run: declared by coordinators or the
//! défi's leads; the run (`domain::interviews::schedule`) places the
//! candidates without a slot, is shown first, and is applied only as
//! shown (its fingerprint must match).

use super::{interviews_of, jury_defi, slots_of};
use crate::domain::interviews::status::InterviewState;
use crate::domain::interviews::{self as engine, Request, Rules, Slot, Unplaced};
use crate::domain::promotion::{paris_display, parse_paris};
use crate::i18n::Msg;
use crate::model::AppError;
use crate::model::interviews::PlanView;
use crate::server::AppState;
use crate::server::db::application;
use crate::server::db::interviews::{defi_juror, interview, slot};
use crate::server::service::Origin;
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::txn::Txn;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ModelTrait, QueryFilter, Set,
};
use serde_json::json;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// Working days' notice by default (French public holidays counted).
pub const DEFAULT_NOTICE: u32 = 5;

/// A slot as typed in the form.
pub struct SlotDraft {
    pub starts: String,
    pub minutes: String,
    pub place: String,
    pub quorum: String,
}

/// A slot's start (in the future), duration and place as typed, each
/// problem pushed by field (`debut`, `duree`, `lieu`): the interviews'
/// and the hearings' slots.
pub fn check(
    draft: &SlotDraft,
    errors: &mut Vec<(&'static str, Msg)>,
) -> (chrono::DateTime<Utc>, i32, String) {
    let starts = parse_paris(&draft.starts)
        .map_err(|m| errors.push(("debut", m)))
        .ok();
    if starts.is_some_and(|s| s <= Utc::now()) {
        errors.push(("debut", Msg::SlotInPast));
    }
    let minutes = match draft.minutes.trim().parse::<i32>() {
        Ok(m) if (10..=480).contains(&m) => m,
        _ => {
            errors.push(("duree", Msg::SlotMinutesInvalid));
            0
        }
    };
    let place = draft.place.trim();
    if place.is_empty() || place.chars().count() > 300 {
        errors.push(("lieu", Msg::SlotPlaceRequired));
    }
    (starts.unwrap_or_default(), minutes, place.to_owned())
}

/// Declares a slot; every problem by field.
pub async fn add(
    db: &sea_orm::DatabaseConnection,
    origin: &Origin,
    defi_id: i64,
    draft: &SlotDraft,
) -> Result<(), AppError> {
    let mut errors = Vec::new();
    let (starts, minutes, place) = check(draft, &mut errors);
    let quorum = match draft.quorum.trim().parse::<i32>() {
        Ok(q) if (1..=20).contains(&q) => q,
        _ => {
            errors.push(("quorum", Msg::QuorumInvalid));
            0
        }
    };
    if !errors.is_empty() {
        return Err(AppError::fields(errors));
    }
    let txn = Txn::begin(db, origin).await?;
    let d = jury_defi(&txn, defi_id).await?;
    let s = slot::ActiveModel {
        defi_id: Set(d.id),
        starts_at: Set(starts),
        duration_minutes: Set(minutes),
        place: Set(place),
        quorum: Set(quorum),
        application_id: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.finish(
        AuditAction::InterviewSlotAdded,
        Target::Defi(d.id),
        json!({ "slot": s.id, "starts": s.starts_at, "minutes": minutes, "quorum": quorum }),
    )
    .await
}

/// Deletes a free slot (a held one must be cancelled first).
pub async fn delete(
    db: &sea_orm::DatabaseConnection,
    origin: &Origin,
    defi_id: i64,
    slot_id: i64,
) -> Result<(), AppError> {
    let txn = Txn::begin(db, origin).await?;
    let s = slot::Entity::find_by_id(slot_id)
        .one(&txn)
        .await?
        .filter(|s| s.defi_id == defi_id)
        .ok_or(AppError::NotFound)?;
    // Only while free: a booking that commits meanwhile keeps its slot.
    let gone = slot::Entity::delete_many()
        .filter(slot::Column::Id.eq(s.id))
        .filter(slot::Column::ApplicationId.is_null())
        .exec(&txn)
        .await?;
    if gone.rows_affected != 1 {
        return Err(AppError::Refused(Msg::SlotHeld));
    }
    txn.finish(
        AuditAction::InterviewSlotDeleted,
        Target::Defi(defi_id),
        json!({ "slot": slot_id }),
    )
    .await
}

/// Invites a juror of the promotion's pool to the défi's jury, or takes
/// them off it; they get the invitations of the interviews already
/// scheduled (those without a conflict), or their cancellations.
pub async fn set_juror(
    state: &AppState,
    origin: &Origin,
    defi_id: i64,
    user: i64,
    on: bool,
) -> Result<(), AppError> {
    use super::invitations::Kind;
    let txn = Txn::with_outbox(state, origin).await?;
    let d = jury_defi(&txn, defi_id).await?;
    if on {
        crate::server::service::review::juror_of(&txn, d.promotion_id, user)
            .await?
            .ok_or(AppError::field("jure", Msg::NotInJurorPool))?;
    }
    let existing = defi_juror::Entity::find()
        .filter(defi_juror::Column::DefiId.eq(d.id))
        .filter(defi_juror::Column::UserId.eq(user))
        .one(&txn)
        .await?;
    match (on, existing) {
        (true, None) => {
            defi_juror::ActiveModel {
                defi_id: Set(d.id),
                user_id: Set(user),
                created_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        (false, Some(j)) => {
            j.delete(&txn).await?;
        }
        _ => return Ok(()),
    }
    let kind = if on { Kind::Invite } else { Kind::Cancel };
    tell_juror(&txn, state, &d, user, kind).await?;
    txn.finish(
        if on {
            AuditAction::DefiJurorAdded
        } else {
            AuditAction::DefiJurorRemoved
        },
        Target::Defi(d.id),
        json!({ "user": user }),
    )
    .await
}

/// Sends juror `user` the message of `kind` (invitation or cancellation)
/// for every interview to come of `d`'s jury they may see.
pub(crate) async fn tell_juror(
    txn: &Txn<'_>,
    state: &AppState,
    d: &crate::server::db::defi::Model,
    user: i64,
    kind: super::invitations::Kind,
) -> Result<(), AppError> {
    use super::invitations::{self, Recipient};
    let u = crate::server::db::user::Entity::find_by_id(user)
        .one(txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let me = [Recipient {
        email: u.email.clone(),
        name: u.name.clone(),
        locale: crate::i18n::Locale::from_code(&u.locale).unwrap_or_default(),
        path: format!("/jury/defis/{}", d.id),
    }];
    let interviews = interviews_of(txn, d.id).await?;
    let hidden = super::conflicts_of_user(
        txn,
        d.promotion_id,
        user,
        &interviews
            .iter()
            .map(|i| i.application_id)
            .collect::<Vec<_>>(),
    )
    .await?;
    let slots = slots_of(txn, d.id).await?;
    let now = Utc::now();
    for i in interviews
        .iter()
        .filter(|i| !hidden.contains(&i.application_id))
    {
        let Some(s) = i.slot_id.and_then(|id| slots.iter().find(|s| s.id == id)) else {
            continue;
        };
        if s.starts_at <= now {
            continue;
        }
        invitations::send_to(
            txn,
            &state.settings,
            i,
            s,
            kind,
            &d.title,
            &me,
            vec![u.email.clone()],
        )
        .await?;
    }
    Ok(())
}

/// The run on the défi's present state.
async fn run<C: ConnectionTrait>(
    db: &C,
    defi_id: i64,
    notice: u32,
) -> Result<(engine::Plan, Vec<interview::Model>, Vec<slot::Model>), AppError> {
    let interviews = interviews_of(db, defi_id).await?;
    let slots = slots_of(db, defi_id).await?;
    let waiting: Vec<&interview::Model> = interviews
        .iter()
        .filter(|i| i.state == InterviewState::Proposed.code())
        .collect();
    let candidates: Vec<i64> = waiting.iter().map(|i| i.application_id).collect();
    // The candidates' interviews with other juries count (gap rule).
    let held = slot::Entity::find()
        .filter(slot::Column::ApplicationId.is_in(candidates.iter().copied()))
        .all(db)
        .await?;
    let to_slot = |s: &slot::Model| Slot {
        id: s.id,
        jury: s.defi_id,
        starts: s.starts_at,
        minutes: s.duration_minutes.max(0) as u32,
    };
    let free: Vec<Slot> = slots
        .iter()
        .filter(|s| s.application_id.is_none())
        .map(to_slot)
        .collect();
    let existing: Vec<(i64, Slot)> = held
        .iter()
        .filter_map(|s| s.application_id.map(|a| (a, to_slot(s))))
        .collect();
    let requests: Vec<Request> = waiting
        .iter()
        .map(|i| Request {
            candidate: i.application_id,
            jury: defi_id,
        })
        .collect();
    let plan = engine::schedule(
        &free,
        &requests,
        &existing,
        &Rules {
            now: Utc::now(),
            notice,
            gap: super::booking::GAP_MINUTES,
        },
    );
    Ok((plan, interviews, slots))
}

pub(crate) fn fingerprint(plan: &engine::Plan) -> String {
    let text: Vec<String> = plan
        .placed
        .iter()
        .map(|(r, s)| format!("{}:{}", r.candidate, s))
        .collect();
    hex::encode(Sha256::digest(text.join(",").as_bytes()))
}

pub(crate) fn reason(u: Unplaced) -> Msg {
    match u {
        Unplaced::NoSlotAfterNotice => Msg::UnplacedNotice,
        Unplaced::Clash => Msg::UnplacedClash,
        Unplaced::Full => Msg::UnplacedFull,
    }
}

/// The plan, as shown before it is applied.
pub async fn preview(
    db: &sea_orm::DatabaseConnection,
    actor: &crate::server::policy::Actor,
    defi_id: i64,
    notice: u32,
) -> Result<PlanView, AppError> {
    let d = jury_defi(db, defi_id).await?;
    let (mut plan, _, slots) = run(db, defi_id, notice).await?;
    let fingerprint = fingerprint(&plan);
    // A lead in conflict with a candidate does not see them here either.
    let hidden = super::lists::hidden_for(db, actor, d.promotion_id, d.id).await?;
    plan.placed.retain(|(r, _)| !hidden.contains(&r.candidate));
    plan.unplaced
        .retain(|(r, _)| !hidden.contains(&r.candidate));
    let ids: Vec<i64> = plan
        .placed
        .iter()
        .map(|(r, _)| r.candidate)
        .chain(plan.unplaced.iter().map(|(r, _)| r.candidate))
        .collect();
    let names: HashMap<i64, String> = application::Entity::find()
        .filter(application::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, format!("{} {}", a.first_name, a.last_name)))
        .collect();
    let when: HashMap<i64, String> = slots
        .iter()
        .map(|s| (s.id, paris_display(s.starts_at)))
        .collect();
    let name = |c: i64| names.get(&c).cloned().unwrap_or_default();
    Ok(PlanView {
        defi_id,
        title: d.title,
        notice,
        gap: super::booking::GAP_MINUTES,
        placed: plan
            .placed
            .iter()
            .map(|(r, s)| (name(r.candidate), when.get(s).cloned().unwrap_or_default()))
            .collect(),
        unplaced: plan
            .unplaced
            .iter()
            .map(|(r, u)| (name(r.candidate), reason(*u)))
            .collect(),
        fingerprint,
    })
}

/// Applies the plan shown (same fingerprint), sending each invitation.
pub async fn apply(
    state: &AppState,
    origin: &Origin,
    defi_id: i64,
    notice: u32,
    shown: &str,
) -> Result<u32, AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    jury_defi(&txn, defi_id).await?;
    let (plan, interviews, slots) = run(&txn, defi_id, notice).await?;
    if fingerprint(&plan) != shown {
        return Err(AppError::Refused(Msg::PlanChanged));
    }
    let mut placed = 0;
    for (r, slot_id) in &plan.placed {
        let (Some(i), Some(s)) = (
            interviews.iter().find(|i| i.application_id == r.candidate),
            slots.iter().find(|s| s.id == *slot_id),
        ) else {
            return Err(AppError::Refused(Msg::PlanChanged));
        };
        if !super::booking::claim(&txn, defi_id, s.id, r.candidate).await? {
            return Err(AppError::Refused(Msg::PlanChanged));
        }
        super::booking::place(&txn, &state.settings, i.clone(), s).await?;
        placed += 1;
    }
    txn.finish(
        AuditAction::InterviewsScheduled,
        Target::Defi(defi_id),
        json!({ "placed": placed, "unplaced": plan.unplaced.len(), "notice": notice }),
    )
    .await?;
    Ok(placed)
}
