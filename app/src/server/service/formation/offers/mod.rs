//! The offers of a validated run. The log of events (table `offer_events`)
//! is the truth: the cascade replays it to know who holds what, appends the
//! step's events, and the audit (`domain::offers::verify`, written apart)
//! checks the whole log after every step. The `offers` rows mirror the log
//! for pages, deadlines and reminders.
//!
//! Every step takes the promotion's row first, so two answers never
//! interleave (a seat is never given twice, on PostgreSQL as on SQLite);
//! the unique (promotion, seq) index is the last guard.

pub mod answers;
pub(crate) mod dossiers;
pub(crate) mod notify;
mod record;
mod withdrawal;

pub(crate) use withdrawal::{defi_withdrawn, keep_seat, left};

use super::{key_id, parsed, validated};
use crate::domain::matching;
use crate::domain::offers::{self, CandidateEntry, Event, Kind, Log, Market, SlotEntry, State};
use crate::model::AppError;
use crate::server::AppState;
use crate::server::db::formation::{event, run};
use crate::server::db::promotion;
use crate::server::service::txn::Txn;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};

/// Working days to answer an offer (the deadline is 23:59 Paris time on
/// the last one).
pub const ANSWER_DAYS: u32 = 3;

/// The deadline of an offer made at `now`: the end of the third French
/// working day after it, Paris time.
pub fn deadline(now: DateTime<Utc>) -> DateTime<Utc> {
    use chrono_tz::Europe::Paris;
    let today = now.with_timezone(&Paris).date_naive();
    let last = crate::domain::working_days::add_working_days(today, ANSWER_DAYS);
    let end = last.and_hms_opt(23, 59, 0).expect("23:59 exists");
    crate::domain::promotion::paris_midnight(last)
        + (end - last.and_hms_opt(0, 0, 0).expect("midnight exists"))
}

/// A candidate's pseudonymous id in the log.
pub fn c(application: i64) -> String {
    format!("c{application}")
}

/// A défi's pseudonymous id in the log.
pub fn d(defi: i64) -> String {
    format!("d{defi}")
}

/// A seat's slot in the log.
pub fn slot(defi: i64, profile: &str) -> String {
    offers::slot_name(&d(defi), profile)
}

/// (défi id, profile) of a slot of the log.
pub fn seat_of(slot: &str) -> Option<(i64, String)> {
    let (defi, profile) = slot.split_once(':')?;
    Some((defi.strip_prefix('d')?.parse().ok()?, profile.to_owned()))
}

/// (c42 → 42)
pub fn application_of(candidate: &str) -> Option<i64> {
    candidate.strip_prefix('c')?.parse().ok()
}

/// What stops or was said: défis whose offers stop after a failed audit,
/// slots already reported exhausted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flags {
    #[serde(default)]
    pub blocked: Vec<String>,
    #[serde(default)]
    pub alerted: Vec<String>,
    /// Violations the coordinators were told of (they are told of the
    /// others only).
    #[serde(default)]
    pub reported: Vec<String>,
}

impl Flags {
    pub fn of(r: &run::Model) -> Flags {
        serde_json::from_str(&r.blocked).unwrap_or_default()
    }

    /// Writes the flags on the run `run_id`.
    pub(crate) async fn save<C: ConnectionTrait>(
        &self,
        db: &C,
        run_id: i64,
    ) -> Result<(), AppError> {
        run::Entity::update_many()
            .col_expr(
                run::Column::Blocked,
                Expr::value(serde_json::to_string(self).map_err(|_| AppError::Unexpected)?),
            )
            .filter(run::Column::Id.eq(run_id))
            .exec(db)
            .await?;
        Ok(())
    }
}

/// The market of a run, frozen at validation: every slot of the défis not
/// withdrawn with the jury's list, and each candidate's acceptable défis.
/// An overridden candidate's seat is the programme team's decision, not
/// the lists': they are taken off every list and, when moved, put first on
/// the list of the défi they are moved to.
pub fn market(
    r: &run::Model,
    overrides: &[crate::server::db::formation::run_override::Model],
) -> Result<Log, AppError> {
    let (input, output) = parsed(r)?;
    let withdrawn: Vec<&str> = output
        .withdrawn_defis
        .iter()
        .map(|w| w.defi.as_str())
        .collect();
    let pc = |k: &str| key_id(k).map(c).unwrap_or_default();
    let mut slots: Vec<(String, SlotEntry)> = Vec::new();
    for x in input
        .defis
        .iter()
        .filter(|x| !withdrawn.contains(&x.id.as_str()))
    {
        let id = key_id(&x.id).unwrap_or_default();
        for s in &x.slots {
            slots.push((
                s.profile.clone(),
                SlotEntry {
                    slot: slot(id, &s.profile),
                    capacity: s.capacity,
                    list: s.ranking.iter().map(|k| pc(k)).collect(),
                    closed_after: None,
                },
            ));
        }
    }
    let profile_of = |cand: &str| {
        input
            .candidates
            .iter()
            .find(|x| x.id == cand)
            .map(|x| x.profile.clone())
            .unwrap_or_default()
    };
    // The programme team decides for an overridden candidate: off every
    // list, and first on the list of the défi they are moved to.
    for o in overrides {
        let who = pc(&o.candidate);
        for (_, s) in slots.iter_mut() {
            s.list.retain(|x| x != &who);
        }
        if let Some(to) = &o.defi {
            let name = slot(key_id(to).unwrap_or_default(), &profile_of(&o.candidate));
            for (_, s) in slots.iter_mut().filter(|(_, s)| s.slot == name) {
                s.list.insert(0, who.clone());
            }
        }
    }
    let candidates = input
        .candidates
        .iter()
        .map(|x| CandidateEntry {
            id: pc(&x.id),
            choices: matching::acceptable(&input, &x.id)
                .iter()
                .map(|k| key_id(k).map(d).unwrap_or_default())
                .collect(),
        })
        .collect();
    Ok(Log {
        slots: slots.into_iter().map(|(_, s)| s).collect(),
        candidates,
        events: Vec::new(),
    })
}

/// Writes the market (`log`, its events left out: they are rows of their
/// own) on the run `run_id`.
pub(crate) async fn save_market<C: ConnectionTrait>(
    db: &C,
    run_id: i64,
    log: &Log,
) -> Result<(), AppError> {
    let market = Log {
        events: Vec::new(),
        ..log.clone()
    };
    run::Entity::update_many()
        .col_expr(
            run::Column::Market,
            Expr::value(Some(
                serde_json::to_string(&market).map_err(|_| AppError::Unexpected)?,
            )),
        )
        .filter(run::Column::Id.eq(run_id))
        .exec(db)
        .await?;
    Ok(())
}

/// The validated run and its log so far (pseudonymous ids).
pub async fn log_of<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
) -> Result<Option<(run::Model, Log)>, AppError> {
    let Some(r) = validated(db, promotion).await? else {
        return Ok(None);
    };
    let mut log: Log = match &r.market {
        Some(m) => serde_json::from_str(m).map_err(|_| AppError::Unexpected)?,
        None => return Ok(None),
    };
    log.events = event::Entity::find()
        .filter(event::Column::PromotionId.eq(promotion))
        .order_by_asc(event::Column::Seq)
        .all(db)
        .await?
        .into_iter()
        .map(|e| {
            Ok(Event {
                seq: e.seq as u64,
                at: stamp(e.at),
                kind: Kind::parse(&e.kind).ok_or(AppError::Unexpected)?,
                candidate: c(e.application_id),
                slot: e
                    .defi_id
                    .map(|x| slot(x, e.profile.as_deref().unwrap_or_default())),
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(Some((r, log)))
}

/// A time as the log writes it: UTC, to the millisecond.
pub fn stamp(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// Takes the promotion's row: steps of one promotion never interleave.
pub(crate) async fn lock<C: ConnectionTrait>(db: &C, promotion: i64) -> Result<(), AppError> {
    let n = promotion::Entity::update_many()
        .col_expr(
            promotion::Column::UpdatedAt,
            Expr::col(promotion::Column::UpdatedAt),
        )
        .filter(promotion::Column::Id.eq(promotion))
        .exec(db)
        .await?
        .rows_affected;
    if n == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// An answer to apply: (what, application, seat as a log slot).
pub type Answer = (Kind, i64, Option<String>);

/// One step: the answers, what accepting releases, then the cascade's
/// offers; all written with the same time, audited, emailed; then the
/// audit of the whole log, which blocks the défis it faults. Returns the
/// events written.
pub(crate) async fn step(
    txn: &Txn<'_>,
    state: &AppState,
    promotion: i64,
    answers: &[Answer],
    now: DateTime<Utc>,
) -> Result<Vec<Event>, AppError> {
    let (r, mut log) = log_of(txn, promotion).await?.ok_or(AppError::NotFound)?;
    let market = Market::build(&log).map_err(|e| {
        tracing::error!(error = %e, "the offers' market is invalid");
        AppError::Unexpected
    })?;
    let mut st = State::replay(&market, &log.events).map_err(|e| {
        tracing::error!(error = %e, "the offers log does not replay");
        AppError::Unexpected
    })?;
    let mut made: Vec<(Kind, usize, Option<usize>)> = Vec::new();
    for (kind, app, seat) in answers {
        let who = market.candidate(&c(*app)).ok_or(AppError::NotFound)?;
        let s = match seat {
            Some(x) => Some(market.slot(x).ok_or(AppError::NotFound)?),
            None => None,
        };
        let releases = match (kind, s) {
            (Kind::Accept, Some(s)) => st.released_by_accepting(who, s),
            _ => Vec::new(),
        };
        st.apply(*kind, who, s)
            .map_err(|_| AppError::Refused(crate::i18n::Msg::OfferClosed))?;
        made.push((*kind, who, s));
        for r in releases {
            st.apply(Kind::Release, who, Some(r))
                .map_err(|_| AppError::Unexpected)?;
            made.push((Kind::Release, who, Some(r)));
        }
    }
    let mut flags = Flags::of(&r);
    let stopped = flags.blocked.clone();
    let blocked = |s: usize| {
        stopped
            .iter()
            .any(|b| b == offers::defi_of(&market.slot_ids[s]))
    };
    for (who, s) in st.next_offers(&blocked) {
        made.push((Kind::Offer, who, Some(s)));
    }
    // A step's time is strictly after the last one's (to the millisecond,
    // as the log writes it): two steps never read as one.
    let now = match log
        .events
        .last()
        .and_then(|e| DateTime::parse_from_rfc3339(&e.at).ok())
    {
        Some(last) if now.timestamp_millis() <= last.timestamp_millis() => {
            last.to_utc() + chrono::Duration::milliseconds(1)
        }
        _ => now,
    };
    let at = stamp(now);
    let mut written = Vec::new();
    for (kind, who, s) in made {
        let seq = log.events.len() as u64 + 1;
        let e = Event {
            seq,
            at: at.clone(),
            kind,
            candidate: market.candidate_ids[who].clone(),
            slot: s.map(|s| market.slot_ids[s].clone()),
        };
        let closed = s.is_some_and(|s| market.closed[s]);
        record::record(txn, state, promotion, &e, closed, now).await?;
        log.events.push(e.clone());
        written.push(e);
    }
    let mut touched: Vec<usize> = written
        .iter()
        .filter_map(|e| market.candidate(&e.candidate))
        .collect();
    touched.sort_unstable();
    touched.dedup();
    dossiers::follow(txn, &st, &touched).await?;
    let violations = offers::verify(&log);
    let mut changed = false;
    // The whole log is audited each time: coordinators are told of the
    // violations they were not told of yet, and the défis at fault stop. A
    // violation already reported does not stop a défi again once a
    // coordinator resumed its offers (`answers::resume`).
    let new: Vec<offers::Violation> = violations
        .iter()
        .filter(|v| !flags.reported.contains(&v.to_string()))
        .cloned()
        .collect();
    let faulted: Vec<String> = new
        .iter()
        .filter_map(|v| v.defi().map(str::to_owned))
        .filter(|x| !flags.blocked.contains(x))
        .collect();
    if !faulted.is_empty() || !new.is_empty() {
        flags.blocked.extend(faulted.iter().cloned());
        flags.blocked.sort();
        flags.blocked.dedup();
        flags.reported.extend(new.iter().map(|v| v.to_string()));
        changed = true;
        if !new.is_empty() {
            notify::audit_failed(txn, state, promotion, &new, &flags.blocked).await?;
        }
    }
    for s in st.exhausted() {
        let name = &market.slot_ids[s];
        if flags.alerted.contains(name) || blocked(s) {
            continue;
        }
        flags.alerted.push(name.clone());
        changed = true;
        notify::exhausted(txn, state, promotion, &r, name, &st).await?;
    }
    if changed {
        flags.save(txn, r.id).await?;
    }
    Ok(written)
}
