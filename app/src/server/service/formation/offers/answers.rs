//! What starts and moves the offers: the validation of a run, a
//! candidate's answer or withdrawal, the deadline passing, a list widened
//! by the coordinators; and the reminders before a deadline.

use super::{Answer, Flags, c, lock, log_of, market, notify, slot, step};
use crate::domain::offers::Kind;
use crate::i18n::Msg;
use crate::model::AppError;
use crate::server::AppState;
use crate::server::db::application;
use crate::server::db::formation::{offer, run};
use crate::server::service::Origin;
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::formation::{
    effective, key_id, overrides_of, parsed, run_of, validated,
};
use crate::server::service::txn::Txn;
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::json;

/// Validates a run: the embargo ends, the market is frozen, every placed
/// candidate is offered their seat, seats an override freed go down their
/// lists, and every other candidate hears where they stand. Returns the
/// number of offers made.
pub async fn validate(
    state: &AppState,
    origin: &Origin,
    promotion: i64,
    number: i32,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    lock(&txn, promotion).await?;
    let r = run_of(&txn, promotion, number).await?;
    if let Some(v) = validated(&txn, promotion).await? {
        return Err(AppError::Refused(if v.id == r.id {
            Msg::RunAlreadyValidated
        } else {
            Msg::OtherRunValidated
        }));
    }
    // The run must read what the database holds now: a dossier or a défi
    // that changed state, a list reopened since, make it stale.
    let now_input = crate::server::service::interviews::export::input(&txn, promotion).await?;
    let (input, output) = parsed(&r)?;
    if now_input != input {
        return Err(AppError::Refused(Msg::RunStale));
    }
    let overrides = overrides_of(&txn, r.id).await?;
    let log = market(&r, &overrides)?;
    run::Entity::update_many()
        .col_expr(run::Column::ValidatedAt, Expr::value(Some(now)))
        .col_expr(run::Column::ValidatedBy, Expr::value(origin.actor_id))
        .col_expr(
            run::Column::Market,
            Expr::value(Some(
                serde_json::to_string(&log).map_err(|_| AppError::Unexpected)?,
            )),
        )
        .filter(run::Column::Id.eq(r.id))
        .exec(&txn)
        .await?;
    let (placed, _) = effective(&input, &output, &overrides);
    let answers: Vec<Answer> = placed
        .iter()
        .filter_map(|p| {
            Some((
                Kind::Offer,
                key_id(&p.candidate)?,
                Some(slot(key_id(&p.defi)?, &p.profile)),
            ))
        })
        .collect();
    let events = step(&txn, state, promotion, &answers, now).await?;
    let offered: Vec<&str> = events.iter().map(|e| e.candidate.as_str()).collect();
    for x in &input.candidates {
        let Some(app) = key_id(&x.id) else { continue };
        if !offered.contains(&c(app).as_str()) {
            super::super::placements::not_placed(&txn, state, promotion, app).await?;
        }
    }
    txn.finish(
        AuditAction::MatchValidated,
        Target::Promotion(promotion),
        json!({ "run": number, "offers": events.len(), "overrides": overrides.len() }),
    )
    .await?;
    Ok(events.iter().filter(|e| e.kind == Kind::Offer).count())
}

/// The person who may answer an offer (its dossier's author).
pub async fn owner(
    db: &sea_orm::DatabaseConnection,
    offer_id: i64,
) -> Result<Option<i64>, AppError> {
    let Some(o) = offer::Entity::find_by_id(offer_id).one(db).await? else {
        return Ok(None);
    };
    Ok(application::Entity::find_by_id(o.application_id)
        .one(db)
        .await?
        .and_then(|a| a.user_id))
}

/// The candidate accepts or declines an open offer before its deadline.
pub async fn answer(
    state: &AppState,
    origin: &Origin,
    offer_id: i64,
    accept: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    let o = offer::Entity::find_by_id(offer_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    lock(&txn, o.promotion_id).await?;
    let o = offer::Entity::find_by_id(offer_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    if o.state != "open" {
        return Err(AppError::Refused(Msg::OfferClosed));
    }
    if o.deadline_at < now {
        return Err(AppError::Refused(Msg::OfferPastDeadline));
    }
    let kind = if accept { Kind::Accept } else { Kind::Decline };
    step(
        &txn,
        state,
        o.promotion_id,
        &[(kind, o.application_id, Some(slot(o.defi_id, &o.profile)))],
        now,
    )
    .await?;
    txn.commit().await
}

/// The candidate leaves the process from their offers page: their dossier
/// is withdrawn, as from its own page (every seat they hold and every list
/// they wait on goes on); refused once the contract is signed.
pub async fn withdraw(
    state: &AppState,
    origin: &Origin,
    user: i64,
    promotion: i64,
) -> Result<(), AppError> {
    let a = application::Entity::find()
        .filter(application::Column::PromotionId.eq(promotion))
        .filter(application::Column::UserId.eq(user))
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::server::service::applications::withdraw(state, origin, a.id).await
}

/// Offers past their deadline expire (no answer is a refusal) and their
/// seats go down the lists; one transaction per promotion. Returns how
/// many expired.
pub async fn expire_due(state: &AppState, now: DateTime<Utc>) -> Result<usize, AppError> {
    let due = offer::Entity::find()
        .filter(offer::Column::State.eq("open"))
        .filter(offer::Column::DeadlineAt.lt(now))
        .order_by_asc(offer::Column::PromotionId)
        .all(&state.db)
        .await?;
    let mut promotions: Vec<i64> = due.iter().map(|o| o.promotion_id).collect();
    promotions.dedup();
    let system = Origin::default();
    let mut expired = 0;
    for p in promotions {
        let txn = Txn::with_outbox(state, &system).await?;
        lock(&txn, p).await?;
        // Read again under the lock: an answer may have come meanwhile.
        let answers: Vec<Answer> = offer::Entity::find()
            .filter(offer::Column::PromotionId.eq(p))
            .filter(offer::Column::State.eq("open"))
            .filter(offer::Column::DeadlineAt.lt(now))
            .order_by_asc(offer::Column::Id)
            .all(&txn)
            .await?
            .into_iter()
            .map(|o| {
                (
                    Kind::Expire,
                    o.application_id,
                    Some(slot(o.defi_id, &o.profile)),
                )
            })
            .collect();
        if answers.is_empty() {
            continue;
        }
        // One promotion's failure does not stop the others' expiry.
        let n = answers.len();
        let done = match step(&txn, state, p, &answers, now).await {
            Ok(_) => txn.commit().await,
            Err(e) => Err(e),
        };
        match done {
            Ok(()) => expired += n,
            Err(e) => tracing::error!(promotion = p, error = %e, "expiring offers"),
        }
    }
    Ok(expired)
}

/// Reminders of open offers: 24 hours before the deadline, then at 8:00
/// Paris time on its last day; each claimed once by a conditional update.
pub async fn remind_due(state: &AppState, now: DateTime<Utc>) -> Result<usize, AppError> {
    use chrono_tz::Europe::Paris;
    let open = offer::Entity::find()
        .filter(offer::Column::State.eq("open"))
        .filter(offer::Column::DeadlineAt.gt(now))
        .all(&state.db)
        .await?;
    let system = Origin::default();
    let mut sent = 0;
    for o in open {
        let last_morning = crate::domain::promotion::paris_midnight(
            o.deadline_at.with_timezone(&Paris).date_naive(),
        ) + Duration::hours(8);
        let claim = if o.reminded_morning_at.is_none() && now >= last_morning {
            Some(offer::Column::RemindedMorningAt)
        } else if o.reminded_before_at.is_none()
            && now >= o.deadline_at - Duration::hours(24)
            && now < last_morning
        {
            Some(offer::Column::RemindedBeforeAt)
        } else {
            None
        };
        let Some(column) = claim else { continue };
        let txn = Txn::with_outbox(state, &system).await?;
        let claimed = offer::Entity::update_many()
            .col_expr(column, Expr::value(Some(now)))
            .filter(offer::Column::Id.eq(o.id))
            .filter(offer::Column::State.eq("open"))
            .filter(column.is_null())
            .exec(&txn)
            .await?
            .rows_affected
            == 1;
        if !claimed {
            continue;
        }
        notify::offer(&txn, state, &o, notify::OfferMail::Reminder).await?;
        txn.finish(
            AuditAction::OfferReminded,
            Target::Application(o.application_id),
            json!({ "offer": o.id, "deadline": o.deadline_at.to_rfc3339() }),
        )
        .await?;
        sent += 1;
    }
    Ok(sent)
}

/// Widens a slot's list: a shortlisted candidate of its profile is added
/// at its end (those already on it keep their places), and takes the défi
/// among their choices, last; the cascade then runs.
pub async fn widen(
    state: &AppState,
    origin: &Origin,
    promotion: i64,
    seat: &str,
    application_id: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    lock(&txn, promotion).await?;
    let (r, mut log) = log_of(&txn, promotion).await?.ok_or(AppError::NotFound)?;
    let (_, profile) = super::seat_of(seat).ok_or(AppError::NotFound)?;
    let a = application::Entity::find_by_id(application_id)
        .one(&txn)
        .await?
        .filter(|a| a.promotion_id == promotion)
        .filter(|a| a.anonymised_at.is_none())
        .filter(|a| {
            crate::domain::application::ApplicationState::from_code(&a.state)
                .is_some_and(|s| s.may_widen_a_list())
        })
        .ok_or_else(|| AppError::field("candidat", Msg::WidenUnknownCandidate))?;
    if a.profile != profile {
        return Err(AppError::field("candidat", Msg::WidenWrongProfile));
    }
    let who = c(a.id);
    let defi = crate::domain::offers::defi_of(seat).to_owned();
    let s = log
        .slots
        .iter_mut()
        .find(|s| s.slot == seat)
        .ok_or(AppError::NotFound)?;
    if s.list.contains(&who) {
        return Err(AppError::field("candidat", Msg::WidenAlreadyListed));
    }
    s.list.push(who.clone());
    match log.candidates.iter_mut().find(|x| x.id == who) {
        Some(x) if !x.choices.contains(&defi) => x.choices.push(defi),
        Some(_) => {}
        None => log.candidates.push(crate::domain::offers::CandidateEntry {
            id: who.clone(),
            choices: vec![defi],
        }),
    }
    super::save_market(&txn, r.id, &log).await?;
    let mut flags = Flags::of(&r);
    flags.alerted.retain(|x| x != seat);
    flags.save(&txn, r.id).await?;
    step(&txn, state, promotion, &[], now).await?;
    txn.finish(
        AuditAction::OffersListWidened,
        Target::Application(a.id),
        json!({ "slot": seat, "promotion": promotion }),
    )
    .await
}

/// The longest reason for resuming a défi's offers, in characters.
pub const RESUME_REASON_MAX: usize = 1000;

/// A coordinator resumes the offers of a défi the audit stopped, with the
/// reason (what they checked); the violations already reported no longer
/// stop it, and the cascade goes on at once.
pub async fn resume(
    state: &AppState,
    origin: &Origin,
    promotion: i64,
    defi: i64,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(AppError::field("motif", Msg::ResumeReasonRequired));
    }
    if reason.chars().count() > RESUME_REASON_MAX {
        return Err(AppError::field("motif", Msg::OverrideReasonTooLong));
    }
    let txn = Txn::with_outbox(state, origin).await?;
    lock(&txn, promotion).await?;
    let (r, _) = log_of(&txn, promotion).await?.ok_or(AppError::NotFound)?;
    let mut flags = Flags::of(&r);
    let name = super::d(defi);
    if !flags.blocked.contains(&name) {
        return Err(AppError::Refused(Msg::ResumeNotStopped));
    }
    flags.blocked.retain(|x| x != &name);
    flags.save(&txn, r.id).await?;
    step(&txn, state, promotion, &[], now).await?;
    txn.finish(
        AuditAction::OffersResumed,
        Target::Defi(defi),
        json!({ "promotion": promotion, "reason": reason }),
    )
    .await
}
