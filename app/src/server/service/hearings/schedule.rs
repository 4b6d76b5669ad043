//! The hearings of a promotion's défi jury: slots declared by coordinators,
//! the shortlisted défis placed in them by the interviews' scheduling
//! engine (notice in French working days; shown first, applied only as
//! shown), each hearing sent as an iCalendar invitation to the défi's
//! host leads and mentors and to the jurors who hear it; a hearing
//! cancelled sends a CANCEL.

use super::{defis_of, panels};
use crate::domain::defi::DefiState;
use crate::domain::interviews::{self as engine, Request, Rules, Slot};
use crate::domain::promotion::paris_display;
use crate::i18n::{Locale, Msg};
use crate::model::AppError;
use crate::model::interviews::PlanView;
use crate::server::AppState;
use crate::server::db::hearings::slot;
use crate::server::db::{defi, user};
use crate::server::mail::MailTemplate;
use crate::server::service::Origin;
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::interviews::invitations::{self, Kind, Meeting, Recipient};
use crate::server::service::interviews::slots::{SlotDraft, check, fingerprint, reason};
use crate::server::service::txn::Txn;
use chrono::{Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder,
};
use serde_json::json;
use std::collections::HashMap;

/// A promotion's hearing slots, earliest first.
pub async fn slots_of<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
) -> Result<Vec<slot::Model>, AppError> {
    Ok(slot::Entity::find()
        .filter(slot::Column::PromotionId.eq(promotion))
        .order_by_asc(slot::Column::StartsAt)
        .order_by_asc(slot::Column::Id)
        .all(db)
        .await?)
}

/// Declares a hearing slot; every problem by field.
pub async fn add(
    db: &DatabaseConnection,
    origin: &Origin,
    promotion: i64,
    draft: &SlotDraft,
) -> Result<(), AppError> {
    let mut errors = Vec::new();
    let (starts, minutes, place) = check(draft, &mut errors);
    if !errors.is_empty() {
        return Err(AppError::fields(errors));
    }
    let txn = Txn::begin(db, origin).await?;
    crate::server::service::promotions::get(&txn, promotion).await?;
    // One hearing at a time: its jurors and hosts cannot be in two rooms.
    let ends = |from: chrono::DateTime<Utc>, m: i32| from + Duration::minutes(i64::from(m));
    let overlaps = slots_of(&txn, promotion).await?.iter().any(|o| {
        o.starts_at < ends(starts, minutes) && starts < ends(o.starts_at, o.duration_minutes)
    });
    if overlaps {
        return Err(AppError::field("debut", Msg::HearingSlotOverlap));
    }
    let s = slot::free(promotion, starts, minutes, &place)
        .insert(&txn)
        .await?;
    txn.finish(
        AuditAction::HearingSlotAdded,
        Target::Promotion(promotion),
        json!({ "slot": s.id, "starts": s.starts_at, "minutes": minutes }),
    )
    .await
}

/// Deletes a free hearing slot (a held one must be cancelled first).
pub async fn delete(
    db: &DatabaseConnection,
    origin: &Origin,
    promotion: i64,
    slot_id: i64,
) -> Result<(), AppError> {
    let txn = Txn::begin(db, origin).await?;
    slot::Entity::find_by_id(slot_id)
        .one(&txn)
        .await?
        .filter(|s| s.promotion_id == promotion)
        .ok_or(AppError::NotFound)?;
    let gone = slot::Entity::delete_many()
        .filter(slot::Column::Id.eq(slot_id))
        .filter(slot::Column::DefiId.is_null())
        .exec(&txn)
        .await?;
    if gone.rows_affected != 1 {
        return Err(AppError::Refused(Msg::HearingSlotHeld));
    }
    txn.finish(
        AuditAction::HearingSlotDeleted,
        Target::Promotion(promotion),
        json!({ "slot": slot_id }),
    )
    .await
}

/// The UID of défi `defi`'s hearing in slot `slot`, placed when the slot's
/// sequence was `generation`: the same for every message about it; a
/// hearing cancelled then placed again gets another (calendars do not
/// revive a cancelled event).
pub fn uid(defi: i64, slot: i64, generation: i32) -> String {
    format!("audition-{defi}-{slot}-{generation}@cohorte")
}

pub(super) fn meeting<'a>(s: &'a slot::Model, d: &'a defi::Model) -> Meeting<'a> {
    Meeting {
        template: MailTemplate::Hearing,
        uid: &s.uid,
        sequence: s.sequence,
        starts: s.starts_at,
        minutes: s.duration_minutes,
        place: &s.place,
        title: &d.title,
        summary: Msg::IcsHearingSummary,
        path: "/espace",
    }
}

/// Who is told of défi `d`'s hearing: its host leads and mentors (their
/// link: the défi's page) and the jurors who hear it (their hearings).
async fn recipients<C: ConnectionTrait>(
    db: &C,
    d: &defi::Model,
) -> Result<Vec<Recipient>, AppError> {
    let hosts = crate::server::service::interviews::hosts_of(db, d.organisation_id).await?;
    let mut out: Vec<Recipient> = Vec::new();
    let person = |u: &user::Model, path: String| Recipient {
        email: u.email.clone(),
        name: u.name.clone(),
        locale: Locale::from_code(&u.locale).unwrap_or_default(),
        path,
    };
    for u in user::Entity::find()
        .filter(user::Column::Id.is_in(hosts))
        .filter(user::Column::DisabledAt.is_null())
        .order_by_asc(user::Column::Id)
        .all(db)
        .await?
    {
        out.push(person(&u, format!("/organisation/defis/{}", d.id)));
    }
    let panel = panels(db, d.promotion_id, std::slice::from_ref(d)).await?;
    for u in panel.get(&d.id).into_iter().flatten() {
        if !out.iter().any(|r| r.email == u.email) {
            out.push(person(u, format!("/jury/auditions/{}", d.promotion_id)));
        }
    }
    Ok(out)
}

/// Sends the message of `kind` about `d`'s hearing in `s` to `only`
/// (when given) or to everyone concerned; the calendar names everyone.
pub(super) async fn tell(
    txn: &Txn<'_>,
    state: &AppState,
    s: &slot::Model,
    d: &defi::Model,
    kind: Kind,
    only: Option<&str>,
) -> Result<(), AppError> {
    let everyone = recipients(txn, d).await?;
    let attendees: Vec<String> = everyone.iter().map(|r| r.email.clone()).collect();
    let people: Vec<Recipient> = everyone
        .into_iter()
        .filter(|r| only.is_none_or(|o| o == r.email))
        .collect();
    invitations::send_meeting(
        txn,
        &state.settings,
        &meeting(s, d),
        kind,
        &people,
        attendees,
    )
    .await
}

/// The run on the promotion's present state: shortlisted défis without a
/// hearing, placed in its free slots.
async fn run<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
    notice: u32,
) -> Result<(engine::Plan, Vec<defi::Model>, Vec<slot::Model>), AppError> {
    let defis = defis_of(db, promotion, &[DefiState::Shortlisted]).await?;
    let slots = slots_of(db, promotion).await?;
    let heard: Vec<i64> = slots.iter().filter_map(|s| s.defi_id).collect();
    let free: Vec<Slot> = slots
        .iter()
        .filter(|s| s.defi_id.is_none())
        .map(|s| Slot {
            id: s.id,
            jury: promotion,
            starts: s.starts_at,
            minutes: s.duration_minutes.max(0) as u32,
        })
        .collect();
    let requests: Vec<Request> = defis
        .iter()
        .filter(|d| !heard.contains(&d.id))
        .map(|d| Request {
            candidate: d.id,
            jury: promotion,
        })
        .collect();
    let plan = engine::schedule(
        &free,
        &requests,
        &[],
        &Rules {
            now: Utc::now(),
            notice,
            gap: 0,
        },
    );
    Ok((plan, defis, slots))
}

/// The plan, as shown before it is applied.
pub async fn preview<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
    notice: u32,
) -> Result<PlanView, AppError> {
    let (plan, defis, slots) = run(db, promotion, notice).await?;
    let title: HashMap<i64, String> = defis.iter().map(|d| (d.id, d.title.clone())).collect();
    let when: HashMap<i64, String> = slots
        .iter()
        .map(|s| (s.id, paris_display(s.starts_at)))
        .collect();
    let name = |d: i64| title.get(&d).cloned().unwrap_or_default();
    Ok(PlanView {
        defi_id: 0,
        title: String::new(),
        notice,
        gap: 0,
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
        fingerprint: fingerprint(&plan),
    })
}

/// Applies the plan shown (same fingerprint): each défi claims its slot by
/// a conditional update, and its hearing is sent.
pub async fn apply(
    state: &AppState,
    origin: &Origin,
    promotion: i64,
    notice: u32,
    shown: &str,
) -> Result<u32, AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    let (plan, defis, slots) = run(&txn, promotion, notice).await?;
    if fingerprint(&plan) != shown {
        return Err(AppError::Refused(Msg::PlanChanged));
    }
    let mut placed = 0;
    for (r, slot_id) in &plan.placed {
        let d = defis
            .iter()
            .find(|d| d.id == r.candidate)
            .ok_or(AppError::Refused(Msg::PlanChanged))?;
        // The défi is still shortlisted, and stays so until the commit (a
        // decision meanwhile waits, then cancels this hearing).
        if !super::lock_shortlisted(&txn, d.id).await? {
            return Err(AppError::Refused(Msg::PlanChanged));
        }
        let generation = slots
            .iter()
            .find(|s| s.id == *slot_id)
            .map_or(0, |s| s.sequence);
        let claimed = slot::Entity::update_many()
            .col_expr(slot::Column::DefiId, Expr::value(d.id))
            .col_expr(
                slot::Column::Uid,
                Expr::value(uid(d.id, *slot_id, generation)),
            )
            .col_expr(
                slot::Column::Sequence,
                sea_orm::sea_query::ExprTrait::add(Expr::col(slot::Column::Sequence), 1),
            )
            .col_expr(
                slot::Column::RemindedAt,
                Expr::value(Option::<chrono::DateTime<Utc>>::None),
            )
            .filter(slot::Column::Id.eq(*slot_id))
            .filter(slot::Column::DefiId.is_null())
            .exec(&txn)
            .await?;
        if claimed.rows_affected != 1 {
            return Err(AppError::Refused(Msg::PlanChanged));
        }
        let s = slot::Entity::find_by_id(*slot_id)
            .one(&txn)
            .await?
            .ok_or(AppError::Refused(Msg::PlanChanged))?;
        tell(&txn, state, &s, d, Kind::Invite, None).await?;
        placed += 1;
    }
    txn.finish(
        AuditAction::HearingsScheduled,
        Target::Promotion(promotion),
        json!({ "placed": placed, "unplaced": plan.unplaced.len(), "notice": notice }),
    )
    .await?;
    Ok(placed)
}

/// Cancels the hearing held in `slot_id` (the slot becomes free again) and
/// sends the CANCEL to everyone concerned.
pub async fn cancel(
    state: &AppState,
    origin: &Origin,
    promotion: i64,
    slot_id: i64,
) -> Result<(), AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    let s = slot::Entity::find_by_id(slot_id)
        .one(&txn)
        .await?
        .filter(|s| s.promotion_id == promotion)
        .ok_or(AppError::NotFound)?;
    let Some(defi_id) = s.defi_id else {
        return Err(AppError::Refused(Msg::NothingToCancel));
    };
    if s.starts_at <= Utc::now() {
        return Err(AppError::Refused(Msg::HearingPast));
    }
    let d = defi::Entity::find_by_id(defi_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    free(&txn, state, &s, &d).await?;
    txn.finish(
        AuditAction::HearingCancelled,
        Target::Defi(defi_id),
        json!({ "slot": slot_id }),
    )
    .await
}

/// Frees `s`, held by `d`, in the caller's transaction: the CANCEL goes
/// to everyone concerned (SEQUENCE raised, same UID).
async fn free(
    txn: &Txn<'_>,
    state: &AppState,
    s: &slot::Model,
    d: &defi::Model,
) -> Result<(), AppError> {
    let cancelled = slot::Model {
        sequence: s.sequence + 1,
        ..s.clone()
    };
    // Told first: the recipients are read from the hearing as it stands.
    tell(txn, state, &cancelled, d, Kind::Cancel, None).await?;
    let freed = slot::Entity::update_many()
        .col_expr(slot::Column::DefiId, Expr::value(Option::<i64>::None))
        .col_expr(slot::Column::Sequence, Expr::value(s.sequence + 1))
        .filter(slot::Column::Id.eq(s.id))
        .filter(slot::Column::DefiId.eq(d.id))
        .filter(slot::Column::Sequence.eq(s.sequence))
        .exec(txn)
        .await?;
    if freed.rows_affected != 1 {
        return Err(AppError::Refused(Msg::PlanChanged));
    }
    Ok(())
}

/// The défi's hearing, when it is still to come.
async fn to_come(txn: &Txn<'_>, defi: i64) -> Result<Option<slot::Model>, AppError> {
    Ok(slot::Entity::find()
        .filter(slot::Column::DefiId.eq(defi))
        .filter(slot::Column::StartsAt.gt(Utc::now()))
        .one(txn)
        .await?)
}

/// A défi leaves the jury's hands (rejected, withdrawn, sent back for
/// information): its hearing to come is cancelled in the decision's
/// transaction. Returns whether there was one.
pub(crate) async fn release_for(
    txn: &Txn<'_>,
    state: &AppState,
    d: &defi::Model,
) -> Result<bool, AppError> {
    let Some(s) = to_come(txn, d.id).await? else {
        return Ok(false);
    };
    free(txn, state, &s, d).await?;
    Ok(true)
}

/// A change of who attends `d`'s hearing to come (a juror added or taken
/// off): its SEQUENCE is raised, and `email` gets the message of `kind`.
/// Nothing when the défi has no hearing to come.
pub(crate) async fn attendee_changed(
    txn: &Txn<'_>,
    state: &AppState,
    d: &defi::Model,
    email: &str,
    kind: Kind,
) -> Result<(), AppError> {
    let Some(s) = to_come(txn, d.id).await? else {
        return Ok(());
    };
    slot::Entity::update_many()
        .col_expr(slot::Column::Sequence, Expr::value(s.sequence + 1))
        .filter(slot::Column::Id.eq(s.id))
        .exec(txn)
        .await?;
    let s = slot::Model {
        sequence: s.sequence + 1,
        ..s
    };
    tell(txn, state, &s, d, kind, Some(email)).await
}

/// The reminder the day before: each hearing starting within 24 hours
/// gets one message to everyone concerned, once (the slot's
/// `reminded_at` is claimed by one conditional update, so two servers
/// never both send it; placing a défi in the slot clears it).
pub async fn remind(state: &AppState, now: chrono::DateTime<Utc>) -> Result<usize, AppError> {
    let soon = slot::Entity::find()
        .filter(slot::Column::StartsAt.gt(now))
        .filter(slot::Column::StartsAt.lte(now + Duration::hours(24)))
        .filter(slot::Column::DefiId.is_not_null())
        .filter(slot::Column::RemindedAt.is_null())
        .all(&state.db)
        .await?;
    let system = Origin::default();
    let mut sent = 0;
    for s in soon {
        let Some(defi_id) = s.defi_id else {
            continue;
        };
        let Some(d) = defi::Entity::find_by_id(defi_id).one(&state.db).await? else {
            continue;
        };
        let txn = Txn::with_outbox(state, &system).await?;
        let claimed = slot::Entity::update_many()
            .col_expr(slot::Column::RemindedAt, Expr::value(Some(now)))
            .filter(slot::Column::Id.eq(s.id))
            .filter(slot::Column::DefiId.eq(defi_id))
            .filter(slot::Column::RemindedAt.is_null())
            .exec(&txn)
            .await?
            .rows_affected
            == 1;
        if !claimed {
            continue;
        }
        tell(&txn, state, &s, &d, Kind::Reminder, None).await?;
        txn.finish(
            AuditAction::HearingRemindersSent,
            Target::Defi(defi_id),
            json!({ "slot": s.id }),
        )
        .await?;
        sent += 1;
    }
    Ok(sent)
}
