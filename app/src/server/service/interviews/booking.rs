//! Holding a slot. A slot is claimed by one conditional update (`SET
//! application_id = … WHERE id = … AND application_id IS NULL`): of two
//! candidates booking the same slot at once, exactly one gets it, on
//! SQLite and PostgreSQL alike. Candidates book among their jury's free
//! slots, reschedule until 48 hours before and cancel until 4 hours
//! before (`Settings`); each change is sent to everyone as an iCalendar update.

use super::invitations::{self, Kind};
use super::slots_of;
use crate::domain::interviews::status::InterviewState;
use crate::domain::promotion::paris_display;
use crate::i18n::Msg;
use crate::model::AppError;
use crate::model::interviews::{MyInterview, MyInterviews};
use crate::server::AppState;
use crate::server::db::interviews::{interview, slot};
use crate::server::db::{application, defi};
use crate::server::service::Origin;
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::txn::Txn;
use crate::server::state::Settings;
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};
use serde_json::json;

/// Minutes kept between two interviews of one candidate.
pub const GAP_MINUTES: u32 = 30;

/// Claims `slot_id` of `defi` for `application`: false when it is taken
/// (or not this jury's).
pub async fn claim<C: ConnectionTrait>(
    db: &C,
    defi: i64,
    slot_id: i64,
    application: i64,
) -> Result<bool, AppError> {
    let done = slot::Entity::update_many()
        .col_expr(slot::Column::ApplicationId, Expr::value(application))
        .filter(slot::Column::Id.eq(slot_id))
        .filter(slot::Column::DefiId.eq(defi))
        .filter(slot::Column::ApplicationId.is_null())
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

async fn free<C: ConnectionTrait>(db: &C, slot_id: i64) -> Result<(), AppError> {
    slot::Entity::update_many()
        .col_expr(
            slot::Column::ApplicationId,
            Expr::value(Option::<i64>::None),
        )
        .filter(slot::Column::Id.eq(slot_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Writes the interview's new slot, state, sequence and UID only if it is
/// still as `old` was read (same slot, same sequence): of two changes of
/// one interview at once, the second is refused ("the slot was taken")
/// and its transaction, claim included, rolls back.
async fn rewrite<C: ConnectionTrait>(
    db: &C,
    old: &interview::Model,
    slot: Option<i64>,
    state: InterviewState,
    sequence: i32,
    uid: &str,
) -> Result<interview::Model, AppError> {
    let mut update = interview::Entity::update_many()
        .col_expr(interview::Column::SlotId, Expr::value(slot))
        .col_expr(interview::Column::State, Expr::value(state.code()))
        .col_expr(interview::Column::Sequence, Expr::value(sequence))
        .col_expr(interview::Column::Uid, Expr::value(uid))
        .col_expr(
            interview::Column::RemindedAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(interview::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(interview::Column::Id.eq(old.id))
        .filter(interview::Column::Sequence.eq(old.sequence))
        .filter(interview::Column::State.eq(old.state.clone()));
    update = match old.slot_id {
        Some(s) => update.filter(interview::Column::SlotId.eq(s)),
        None => update.filter(interview::Column::SlotId.is_null()),
    };
    if update.exec(db).await?.rows_affected != 1 {
        return Err(AppError::field("creneau", Msg::SlotGone));
    }
    interview::Entity::find_by_id(old.id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Frees the interview's slot, if it holds one, and sends the
/// cancellation; the interview is back to "proposed", sequence raised.
pub(crate) async fn release(
    txn: &Txn<'_>,
    settings: &Settings,
    i: interview::Model,
) -> Result<interview::Model, AppError> {
    let Some(slot_id) = i.slot_id else {
        return Ok(i);
    };
    let s = slot::Entity::find_by_id(slot_id)
        .one(txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let i = rewrite(
        txn,
        &i,
        None,
        InterviewState::Proposed,
        i.sequence + 1,
        &i.uid,
    )
    .await?;
    free(txn, slot_id).await?;
    invitations::send(txn, settings, &i, &s, Kind::Cancel).await?;
    Ok(i)
}

/// Puts interview `i` in slot `s` (already claimed) and sends the
/// invitation, or the update when it moved. After a cancellation, the
/// interview gets a new UID: calendars do not revive a cancelled event.
pub(crate) async fn place(
    txn: &Txn<'_>,
    settings: &Settings,
    i: interview::Model,
    s: &slot::Model,
) -> Result<interview::Model, AppError> {
    let moved = i.slot_id.is_some();
    let revived = i.slot_id.is_none() && i.sequence > 0;
    let uid = if revived {
        super::uid_again(i.defi_id, i.application_id, i.sequence)
    } else {
        i.uid.clone()
    };
    let sequence = if moved { i.sequence + 1 } else { i.sequence };
    let i = rewrite(
        txn,
        &i,
        Some(s.id),
        InterviewState::Scheduled,
        sequence,
        &uid,
    )
    .await?;
    invitations::send(
        txn,
        settings,
        &i,
        s,
        if moved { Kind::Update } else { Kind::Invite },
    )
    .await?;
    Ok(i)
}

/// The candidate's interview `id`, not found when it is not theirs.
async fn own<C: ConnectionTrait>(db: &C, user: i64, id: i64) -> Result<interview::Model, AppError> {
    let i = interview::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let a = application::Entity::find_by_id(i.application_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if a.user_id != Some(user) {
        return Err(AppError::NotFound);
    }
    Ok(i)
}

/// A candidate books only while shortlisted and before the jury locked
/// its list for their profile.
async fn still_open<C: ConnectionTrait>(db: &C, i: &interview::Model) -> Result<(), AppError> {
    use crate::domain::application::ApplicationState;
    use crate::server::db::interviews::list;
    let shortlisted = application::Entity::find_by_id(i.application_id)
        .one(db)
        .await?
        .is_some_and(|a| a.state == ApplicationState::Shortlisted.code());
    let locked = list::Entity::find()
        .filter(list::Column::DefiId.eq(i.defi_id))
        .filter(list::Column::Profile.eq(i.profile.clone()))
        .filter(list::Column::LockedAt.is_not_null())
        .one(db)
        .await?
        .is_some();
    if shortlisted && !locked {
        Ok(())
    } else {
        Err(AppError::Refused(Msg::NothingToBook))
    }
}

/// Whether `s` keeps the gap with the candidate's other interviews.
async fn keeps_gap<C: ConnectionTrait>(
    db: &C,
    application: i64,
    except: i64,
    s: &slot::Model,
) -> Result<bool, AppError> {
    let gap = Duration::minutes(i64::from(GAP_MINUTES));
    let ends = |x: &slot::Model| x.starts_at + Duration::minutes(i64::from(x.duration_minutes));
    let held = slot::Entity::find()
        .filter(slot::Column::ApplicationId.eq(application))
        .all(db)
        .await?;
    Ok(held
        .iter()
        .filter(|o| o.id != except)
        .all(|o| ends(o) + gap <= s.starts_at || ends(s) + gap <= o.starts_at))
}

/// A candidate books (or moves to) slot `slot_id` for interview `id`.
pub async fn book(
    state: &AppState,
    origin: &Origin,
    user: i64,
    id: i64,
    slot_id: i64,
) -> Result<(), AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    let i = own(&txn, user, id).await?;
    let now = Utc::now();
    still_open(&txn, &i).await?;
    match InterviewState::from_code(&i.state) {
        Some(InterviewState::Proposed) => {}
        Some(InterviewState::Scheduled) => {
            let current = slot::Entity::find_by_id(i.slot_id.unwrap_or_default())
                .one(&txn)
                .await?
                .ok_or(AppError::NotFound)?;
            if current.starts_at - now < Duration::hours(i64::from(state.settings.reschedule_hours))
            {
                return Err(AppError::Refused(Msg::TooLateToReschedule));
            }
        }
        _ => return Err(AppError::Refused(Msg::NothingToBook)),
    }
    let s = slot::Entity::find_by_id(slot_id)
        .one(&txn)
        .await?
        .filter(|s| s.defi_id == i.defi_id)
        .ok_or(AppError::field("creneau", Msg::SlotGone))?;
    if s.starts_at - now < Duration::hours(i64::from(state.settings.reschedule_hours)) {
        return Err(AppError::field("creneau", Msg::SlotTooSoon));
    }
    let jury = slots_of(&txn, i.defi_id).await?;
    if !offered(&jury, now, i64::from(state.settings.reschedule_hours)) {
        return Err(AppError::Refused(Msg::BookingNotOpen));
    }
    if !keeps_gap(&txn, i.application_id, i.slot_id.unwrap_or(-1), &s).await? {
        return Err(AppError::field("creneau", Msg::SlotClash));
    }
    // The old slot first (a dossier holds one slot of a jury at most); if
    // the new one is taken, the transaction rolls back and keeps it.
    let from = i.slot_id;
    if let Some(old) = from {
        free(&txn, old).await?;
    }
    if !claim(&txn, i.defi_id, s.id, i.application_id).await? {
        return Err(AppError::field("creneau", Msg::SlotGone));
    }
    let i = place(&txn, &state.settings, i, &s).await?;
    txn.finish(
        if from.is_some() {
            AuditAction::InterviewRescheduled
        } else {
            AuditAction::InterviewBooked
        },
        Target::Application(i.application_id),
        json!({ "interview": i.id, "slot": s.id, "from": from }),
    )
    .await
}

/// A candidate cancels their interview, until `CANCEL_HOURS` before.
pub async fn cancel(state: &AppState, origin: &Origin, user: i64, id: i64) -> Result<(), AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    let i = own(&txn, user, id).await?;
    let Some(slot_id) = i.slot_id else {
        return Err(AppError::Refused(Msg::NothingToCancel));
    };
    let s = slot::Entity::find_by_id(slot_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    if s.starts_at - Utc::now() < Duration::hours(i64::from(state.settings.cancel_hours)) {
        return Err(AppError::Refused(Msg::TooLateToCancel));
    }
    let i = release(&txn, &state.settings, i).await?;
    txn.finish(
        AuditAction::InterviewCancelled,
        Target::Application(i.application_id),
        json!({ "interview": i.id, "slot": slot_id }),
    )
    .await
}

/// A candidate answers a jury's proposal for a défi they did not rank.
pub async fn answer(
    db: &DatabaseConnection,
    origin: &Origin,
    user: i64,
    id: i64,
    yes: bool,
) -> Result<(), AppError> {
    let txn = Txn::begin(db, origin).await?;
    let i = own(&txn, user, id).await?;
    if i.state != InterviewState::Asked.code() {
        return Err(AppError::Refused(Msg::NothingToAnswer));
    }
    let application = i.application_id;
    let mut m: interview::ActiveModel = i.into();
    m.state = Set(if yes {
        InterviewState::Proposed
    } else {
        InterviewState::Removed
    }
    .code()
    .to_owned());
    m.updated_at = Set(Utc::now());
    m.update(&txn).await?;
    txn.finish(
        AuditAction::InterviewAnswered,
        Target::Application(application),
        json!({ "interview": id, "accepted": yes }),
    )
    .await
}

fn starts_after(s: &slot::Model, now: DateTime<Utc>, hours: i64) -> bool {
    s.starts_at - now >= Duration::hours(hours)
}

/// Candidates book among at least this many slots of a jury.
pub const MIN_OFFERED: usize = 3;

/// The jury offers enough slots ahead (held or free) for its candidates
/// to choose: booking opens with `MIN_OFFERED`.
fn offered(slots: &[slot::Model], now: DateTime<Utc>, hours: i64) -> bool {
    slots.iter().filter(|s| starts_after(s, now, hours)).count() >= MIN_OFFERED
}

/// The signed-in candidate's interviews and what they may do with each.
pub async fn mine(
    db: &DatabaseConnection,
    settings: &Settings,
    user: i64,
    feed: Option<String>,
) -> Result<MyInterviews, AppError> {
    let (move_h, cancel_h) = (
        i64::from(settings.reschedule_hours),
        i64::from(settings.cancel_hours),
    );
    let apps = super::applications_of_user(db, user).await?;
    let rows = interview::Entity::find()
        .filter(interview::Column::ApplicationId.is_in(apps))
        .filter(interview::Column::State.ne(InterviewState::Removed.code()))
        .all(db)
        .await?;
    let now = Utc::now();
    let mut items = Vec::new();
    for i in rows {
        let Some(d) = defi::Entity::find_by_id(i.defi_id).one(db).await? else {
            continue;
        };
        let slots = slots_of(db, d.id).await?;
        let held = i.slot_id.and_then(|id| slots.iter().find(|s| s.id == id));
        let st = InterviewState::from_code(&i.state);
        let may_move = match held {
            Some(s) => starts_after(s, now, move_h),
            None => st == Some(InterviewState::Proposed),
        };
        let free = if may_move && offered(&slots, now, move_h) {
            slots
                .iter()
                .filter(|s| s.application_id.is_none() && starts_after(s, now, move_h))
                .map(|s| {
                    (
                        s.id,
                        paris_display(s.starts_at),
                        s.duration_minutes.max(0) as u32,
                    )
                })
                .collect()
        } else {
            Vec::new()
        };
        items.push(MyInterview {
            interview_id: i.id,
            defi_id: d.id,
            title: d.title.clone(),
            state: st,
            when: held.map(|s| paris_display(s.starts_at)),
            minutes: held.map_or(0, |s| s.duration_minutes.max(0) as u32),
            place: held.map(|s| s.place.clone()).unwrap_or_default(),
            can_reschedule: held.is_some() && may_move,
            can_cancel: held.is_some_and(|s| starts_after(s, now, cancel_h)),
            free,
        });
    }
    Ok(MyInterviews {
        items,
        juries: Vec::new(),
        feed,
        reschedule_hours: settings.reschedule_hours,
        cancel_hours: settings.cancel_hours,
    })
}
