//! A jury's page and its ranked lists: one per (défi, profile), proposed
//! in score order, fixed with rank fields, locked once every candidate
//! interviewed has been scored by the slot's quorum; frozen then, until a
//! coordinator reopens it with a reason. A member in conflict with a
//! candidate does not see them anywhere on the page.

use super::allocation::seats_of;
use super::{Seat, conflicts_of_user, interviews_of, jury_defi, members, seat, slots_of};
use crate::domain::interviews::grid::{InterviewSheet, jury_score};
use crate::domain::interviews::ranking::{self, Ranked};
use crate::domain::interviews::status::InterviewState;
use crate::domain::promotion::paris_display;
use crate::i18n::Msg;
use crate::model::AppError;
use crate::model::interviews::{CandidateRow, JuryPage, ListRow, ListView, SlotRow};
use crate::server::db::interviews::{interview, list, score};
use crate::server::db::review::juror;
use crate::server::db::{application, promotion, user};
use crate::server::policy::Actor;
use crate::server::service::Origin;
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::txn::Txn;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};
use serde_json::json;
use std::collections::{HashMap, HashSet};

/// One candidate's standing with the jury.
pub struct Standing {
    pub interview: interview::Model,
    pub name: String,
    pub ranked: Ranked,
    pub spread: Option<i32>,
    pub sheets: u32,
    /// Submitted sheets' authors.
    pub scorers: Vec<i64>,
}

/// The jury's candidates with their scores, those `hidden` left out.
pub async fn standings<C: ConnectionTrait>(
    db: &C,
    defi: i64,
    hidden: &HashSet<i64>,
) -> Result<Vec<Standing>, AppError> {
    let interviews: Vec<interview::Model> = interviews_of(db, defi)
        .await?
        .into_iter()
        .filter(|i| !hidden.contains(&i.application_id))
        .collect();
    let sheets = score::Entity::find()
        .filter(score::Column::InterviewId.is_in(interviews.iter().map(|i| i.id)))
        .filter(score::Column::SubmittedAt.is_not_null())
        .all(db)
        .await?;
    let names: HashMap<i64, String> = application::Entity::find()
        .filter(application::Column::Id.is_in(interviews.iter().map(|i| i.application_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, format!("{} {}", a.first_name, a.last_name)))
        .collect();
    Ok(interviews
        .into_iter()
        .map(|i| {
            let mine: Vec<&score::Model> =
                sheets.iter().filter(|s| s.interview_id == i.id).collect();
            let pairs: Vec<(i32, bool)> = mine
                .iter()
                .map(|s| {
                    let sheet: InterviewSheet = serde_json::from_str(&s.scores).unwrap_or_default();
                    (sheet.total(), s.acceptable == Some(true))
                })
                .collect();
            let js = jury_score(&pairs);
            Standing {
                name: names.get(&i.application_id).cloned().unwrap_or_default(),
                ranked: Ranked {
                    candidate: i.application_id,
                    mean: js.mean,
                    acceptable: js.acceptable,
                },
                spread: js.spread,
                sheets: js.sheets,
                scorers: mine.iter().map(|s| s.user_id).collect(),
                interview: i,
            }
        })
        .collect())
}

/// The dossiers `actor` may not see on this jury.
pub(crate) async fn hidden_for<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    promotion: i64,
    defi: i64,
) -> Result<HashSet<i64>, AppError> {
    let Some(v) = actor.viewer() else {
        return Ok(HashSet::new());
    };
    let ids: Vec<i64> = interviews_of(db, defi)
        .await?
        .iter()
        .map(|i| i.application_id)
        .collect();
    conflicts_of_user(db, promotion, v.id, &ids).await
}

/// The list of (défi, profile), if saved.
async fn list_of<C: ConnectionTrait>(
    db: &C,
    defi: i64,
    profile: &str,
) -> Result<Option<list::Model>, AppError> {
    Ok(list::Entity::find()
        .filter(list::Column::DefiId.eq(defi))
        .filter(list::Column::Profile.eq(profile))
        .one(db)
        .await?)
}

/// The jury's page as `actor` may see it; not found for a non-member.
pub async fn page(
    db: &DatabaseConnection,
    actor: &Actor,
    defi_id: i64,
) -> Result<JuryPage, AppError> {
    let d = jury_defi(db, defi_id).await?;
    let my_seat = seat(db, actor, &d).await?.ok_or(AppError::NotFound)?;
    let me = actor.viewer().map(|v| v.id).unwrap_or_default();
    let p = promotion::Entity::find_by_id(d.promotion_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let hidden = hidden_for(db, actor, d.promotion_id, d.id).await?;
    let standings = standings(db, d.id, &hidden).await?;
    let slots = slots_of(db, d.id).await?;
    let team = members(db, &d).await?;
    let names: HashMap<i64, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(standings.iter().flat_map(|s| s.scorers.iter().copied())))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let my_sheets: HashMap<i64, bool> = score::Entity::find()
        .filter(score::Column::UserId.eq(me))
        .filter(score::Column::InterviewId.is_in(standings.iter().map(|s| s.interview.id)))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.interview_id, s.submitted_at.is_some()))
        .collect();
    let now = Utc::now();
    let by_slot: HashMap<i64, &Standing> = standings
        .iter()
        .filter_map(|s| s.interview.slot_id.map(|id| (id, s)))
        .collect();
    let slot_rows = slots
        .iter()
        .filter(|s| s.application_id.is_none_or(|a| !hidden.contains(&a)))
        .map(|s| {
            let st = by_slot.get(&s.id);
            SlotRow {
                id: s.id,
                starts: paris_display(s.starts_at),
                day: s
                    .starts_at
                    .with_timezone(&chrono_tz::Europe::Paris)
                    .format("%d/%m/%Y")
                    .to_string(),
                minutes: s.duration_minutes.max(0) as u32,
                place: s.place.clone(),
                quorum: s.quorum.max(0) as u32,
                holder: st.map(|x| x.name.clone()),
                interview_id: st.map(|x| x.interview.id),
                scored_by: st
                    .map(|x| {
                        x.scorers
                            .iter()
                            .filter_map(|u| names.get(u).cloned())
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect();
    let lists_saved: HashMap<String, list::Model> = list::Entity::find()
        .filter(list::Column::DefiId.eq(d.id))
        .all(db)
        .await?
        .into_iter()
        .map(|l| (l.profile.clone(), l))
        .collect();
    let started = |i: &interview::Model| {
        i.slot_id
            .and_then(|id| slots.iter().find(|s| s.id == id))
            .is_some_and(|s| s.starts_at <= now)
    };
    let candidates = standings
        .iter()
        .filter(|s| {
            s.interview.state != InterviewState::Removed.code() || my_seat == Seat::Coordinator
        })
        .map(|s| {
            let locked = lists_saved
                .get(&s.interview.profile)
                .is_some_and(|l| l.locked_at.is_some());
            CandidateRow {
                interview_id: s.interview.id,
                application_id: s.interview.application_id,
                name: s.name.clone(),
                profile: s.interview.profile.clone(),
                state: InterviewState::from_code(&s.interview.state),
                origin: s.interview.origin.clone(),
                slot: s
                    .interview
                    .slot_id
                    .and_then(|id| slots.iter().find(|x| x.id == id))
                    .map(|x| paris_display(x.starts_at)),
                sheets: s.sheets,
                mean: s.ranked.mean,
                spread: s.spread,
                acceptable: s.ranked.acceptable,
                can_score: started(&s.interview)
                    && s.interview.state == InterviewState::Scheduled.code()
                    && !locked,
                my_sheet: my_sheets.get(&s.interview.id).copied(),
                dossier_link: my_seat == Seat::Coordinator,
            }
        })
        .collect();
    let seats = seats_of(db, &[d.id]).await?;
    let mut lists = Vec::new();
    for profile in seats.get(&d.id).cloned().unwrap_or_default().into_keys() {
        let saved = lists_saved.get(&profile);
        lists.push(list_view(&standings, &slots, saved, &profile));
    }
    let coordinator = my_seat == Seat::Coordinator;
    let addable = if coordinator {
        let asked = seats.get(&d.id).cloned().unwrap_or_default();
        let before: HashSet<i64> = standings
            .iter()
            .filter(|s| s.interview.state != InterviewState::Removed.code())
            .map(|s| s.interview.application_id)
            .collect();
        application::Entity::find()
            .filter(application::Column::PromotionId.eq(d.promotion_id))
            .filter(
                application::Column::State
                    .eq(crate::domain::application::ApplicationState::Shortlisted.code()),
            )
            .all(db)
            .await?
            .into_iter()
            .filter(|a| asked.contains_key(&a.profile) && !before.contains(&a.id))
            .map(|a| (a.id, format!("{} {}", a.first_name, a.last_name), a.profile))
            .collect()
    } else {
        Vec::new()
    };
    let on_jury: HashSet<i64> = team.iter().map(|(u, _)| u.id).collect();
    let pool = if coordinator {
        let jurors = juror::Entity::find()
            .filter(juror::Column::PromotionId.eq(d.promotion_id))
            .filter(juror::Column::RemovedAt.is_null())
            .all(db)
            .await?;
        let users = user::Entity::find()
            .filter(user::Column::Id.is_in(jurors.iter().map(|j| j.user_id)))
            .all(db)
            .await?;
        users
            .into_iter()
            .filter(|u| !on_jury.contains(&u.id))
            .map(|u| (u.id, u.name))
            .collect()
    } else {
        Vec::new()
    };
    Ok(JuryPage {
        defi_id: d.id,
        title: d.title.clone(),
        promotion_id: p.id,
        promotion: p.name,
        can_manage: coordinator || my_seat == Seat::Host,
        coordinator,
        members: team.iter().map(|(u, _)| u.name.clone()).collect(),
        invited: team
            .iter()
            .filter(|(_, s)| *s == Seat::Juror)
            .map(|(u, _)| (u.id, u.name.clone()))
            .collect(),
        pool,
        slots: slot_rows,
        candidates,
        lists,
        unscheduled: standings
            .iter()
            .filter(|s| s.interview.state == InterviewState::Proposed.code())
            .count() as u32,
        addable,
    })
}

/// Candidates of `profile` the jury met (or will meet), and whether each
/// has the quorum of sheets.
fn of_profile<'a>(standings: &'a [Standing], profile: &str) -> Vec<&'a Standing> {
    standings
        .iter()
        .filter(|s| {
            s.interview.profile == profile && s.interview.state == InterviewState::Scheduled.code()
        })
        .collect()
}

fn short_of_quorum(
    rows: &[&Standing],
    slots: &[crate::server::db::interviews::slot::Model],
) -> Vec<String> {
    rows.iter()
        .filter(|s| {
            let quorum = s
                .interview
                .slot_id
                .and_then(|id| slots.iter().find(|x| x.id == id))
                .map_or(1, |x| x.quorum.max(1) as u32);
            s.sheets < quorum
        })
        .map(|s| s.name.clone())
        .collect()
}

fn list_view(
    standings: &[Standing],
    slots: &[crate::server::db::interviews::slot::Model],
    saved: Option<&list::Model>,
    profile: &str,
) -> ListView {
    let rows = of_profile(standings, profile);
    let ranked: Vec<Ranked> = rows.iter().map(|s| s.ranked.clone()).collect();
    let ranks: HashMap<i64, Option<u32>> = match saved {
        Some(l) => {
            // Positions among the rows this person sees: a hidden
            // candidate leaves no gap that would betray them.
            let visible: HashSet<i64> = rows.iter().map(|s| s.ranked.candidate).collect();
            let ids: Vec<i64> = l
                .ids()
                .into_iter()
                .filter(|c| visible.contains(c))
                .collect();
            rows.iter()
                .map(|s| {
                    let c = s.ranked.candidate;
                    (c, ids.iter().position(|x| *x == c).map(|p| p as u32 + 1))
                })
                .collect()
        }
        None => ranking::proposed(&ranked).into_iter().collect(),
    };
    let mut out: Vec<ListRow> = rows
        .iter()
        .map(|s| ListRow {
            application_id: s.ranked.candidate,
            name: s.name.clone(),
            mean: s.ranked.mean,
            spread: s.spread,
            acceptable: s.ranked.acceptable,
            sheets: s.sheets,
            rank: ranks.get(&s.ranked.candidate).copied().flatten(),
        })
        .collect();
    out.sort_by_key(|r| (r.rank.is_none(), r.rank, r.application_id));
    ListView {
        profile: profile.to_owned(),
        locked_at: saved.and_then(|l| l.locked_at).map(paris_display),
        rows: out,
        short_of_quorum: short_of_quorum(&rows, slots),
    }
}

/// Saves the ranks (`lock`: and locks the list). Refused when locked, on a
/// tie, an unacceptable candidate ranked, or (to lock) a candidate short
/// of the quorum.
pub async fn save(
    db: &DatabaseConnection,
    origin: &Origin,
    actor: &Actor,
    defi_id: i64,
    profile: &str,
    get: impl Fn(&str) -> Option<String>,
    lock: bool,
) -> Result<(), AppError> {
    let txn = Txn::begin(db, origin).await?;
    let d = jury_defi(&txn, defi_id).await?;
    let standings = standings(&txn, d.id, &HashSet::new()).await?;
    let rows = of_profile(&standings, profile);
    if rows.is_empty() {
        return Err(AppError::NotFound);
    }
    // A member in conflict with someone on this list does not see them,
    // so cannot rank them: the list is fixed by the others.
    let hidden = hidden_for(&txn, actor, d.promotion_id, d.id).await?;
    if rows.iter().any(|s| hidden.contains(&s.ranked.candidate)) {
        return Err(AppError::Refused(Msg::ListConflicted));
    }
    let saved = list_of(&txn, d.id, profile).await?;
    if saved.as_ref().is_some_and(|l| l.locked_at.is_some()) {
        return Err(AppError::Refused(Msg::ListLocked));
    }
    let ranked: Vec<Ranked> = rows.iter().map(|s| s.ranked.clone()).collect();
    let ids = ranking::parse(&ranked, get).map_err(AppError::fields)?;
    if lock {
        let slots = slots_of(&txn, d.id).await?;
        if !short_of_quorum(&rows, &slots).is_empty() {
            return Err(AppError::Refused(Msg::ListShortOfQuorum));
        }
    }
    let now = Utc::now();
    let entries = serde_json::to_string(&ids).map_err(|_| AppError::Unexpected)?;
    let by = actor.viewer().map(|v| v.id);
    match saved {
        Some(l) => {
            // Only while unlocked: a lock that commits meanwhile wins.
            let mut update = list::Entity::update_many()
                .col_expr(list::Column::Entries, Expr::value(entries))
                .col_expr(list::Column::UpdatedAt, Expr::value(now))
                .filter(list::Column::Id.eq(l.id))
                .filter(list::Column::LockedAt.is_null());
            if lock {
                update = update
                    .col_expr(list::Column::LockedAt, Expr::value(Some(now)))
                    .col_expr(list::Column::LockedBy, Expr::value(by));
            }
            if update.exec(&txn).await?.rows_affected != 1 {
                return Err(AppError::Refused(Msg::ListLocked));
            }
        }
        None => {
            list::ActiveModel {
                defi_id: Set(d.id),
                profile: Set(profile.to_owned()),
                entries: Set(entries),
                locked_at: Set(lock.then_some(now)),
                locked_by: Set(if lock { by } else { None }),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
    }
    txn.finish(
        if lock {
            AuditAction::RankedListLocked
        } else {
            AuditAction::RankedListSaved
        },
        Target::Defi(d.id),
        json!({ "profile": profile, "list": ids }),
    )
    .await
}

/// A coordinator reopens a locked list, with a reason.
pub async fn reopen(
    db: &DatabaseConnection,
    origin: &Origin,
    defi_id: i64,
    profile: &str,
    reason: &str,
) -> Result<(), AppError> {
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 1000 {
        return Err(AppError::field("raison", Msg::ReasonRequired));
    }
    let txn = Txn::begin(db, origin).await?;
    let l = list_of(&txn, defi_id, profile)
        .await?
        .filter(|l| l.locked_at.is_some())
        .ok_or(AppError::Refused(Msg::ListNotLocked))?;
    let mut m: list::ActiveModel = l.into();
    m.locked_at = Set(None);
    m.locked_by = Set(None);
    m.updated_at = Set(Utc::now());
    m.update(&txn).await?;
    txn.finish(
        AuditAction::RankedListReopened,
        Target::Defi(defi_id),
        json!({ "profile": profile, "reason": reason }),
    )
    .await
}
