//! Who hears which défi: the review's assignment engine, with the
//! shortlisted défis as its dossiers and the promotion's pool as its
//! jurors. A juror never hears their own organisation's défi; the pairs
//! that exist are kept; the plan is shown before anything changes, and
//! applying it adds only the missing pairs (a juror added to a défi
//! already scheduled gets its invitation).

use super::schedule;
use super::{defis_of, members_of, pool};
use crate::domain::assignment::{self, DossierIn, Input, JurorIn, Outcome};
use crate::domain::defi::DefiState;
use crate::i18n::Locale;
use crate::model::AppError;
use crate::model::review::AssignPlan;
use crate::server::AppState;
use crate::server::db::defi;
use crate::server::db::hearings::juror as panel;
use crate::server::service::Origin;
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::interviews::invitations::Kind;
use crate::server::service::review::assign::plan_view;
use crate::server::service::txn::Txn;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ModelTrait, QueryFilter,
    QueryOrder, Set,
};
use serde_json::json;
use std::collections::{HashMap, HashSet};

/// Jurors per défi by default.
pub const DEFAULT_PER_DEFI: u32 = 3;
/// The engine's profile for every défi and juror (any juror may hear any
/// défi).
const PROFILE: &str = "defi";

fn d(id: i64) -> String {
    format!("défi n° {id}")
}
fn j(id: i64) -> String {
    format!("j{id}")
}
fn id_of(s: &str) -> i64 {
    s.trim_start_matches("défi n° ")
        .trim_start_matches('j')
        .parse()
        .unwrap_or_default()
}

struct Built {
    input: Input,
    names: HashMap<String, String>,
    defis: Vec<defi::Model>,
}

async fn build<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
    per_defi: u32,
) -> Result<Built, AppError> {
    // A défi already heard gets no more jurors (they would score a
    // hearing they did not attend).
    let now = Utc::now();
    let heard: Vec<i64> = super::schedule::slots_of(db, promotion)
        .await?
        .into_iter()
        .filter(|s| s.starts_at <= now)
        .filter_map(|s| s.defi_id)
        .collect();
    let defis: Vec<defi::Model> = defis_of(db, promotion, &[DefiState::Shortlisted])
        .await?
        .into_iter()
        .filter(|d| !heard.contains(&d.id))
        .collect();
    let pool = pool(db, promotion).await?;
    let mut jurors: Vec<i64> = pool.keys().copied().collect();
    jurors.sort_unstable();
    let members = members_of(db, defis.iter().map(|x| x.organisation_id)).await?;
    let own = |u: i64, x: &defi::Model| {
        members
            .get(&x.organisation_id)
            .is_some_and(|m| m.contains(&u))
    };
    let mut conflicts = Vec::new();
    for &u in &jurors {
        for x in defis.iter().filter(|x| own(u, x)) {
            conflicts.push((j(u), d(x.id)));
        }
    }
    let existing = panel::Entity::find()
        .filter(panel::Column::DefiId.is_in(defis.iter().map(|x| x.id)))
        .order_by_asc(panel::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .filter(|p| pool.contains_key(&p.user_id))
        .filter(|p| {
            defis
                .iter()
                .find(|x| x.id == p.defi_id)
                .is_some_and(|x| !own(p.user_id, x))
        })
        .map(|p| (j(p.user_id), d(p.defi_id)))
        .collect();
    Ok(Built {
        input: Input {
            reviews_per_dossier: per_defi,
            seed: promotion as u64,
            max_load: None,
            dossiers: defis
                .iter()
                .map(|x| DossierIn {
                    id: d(x.id),
                    profile: PROFILE.to_owned(),
                })
                .collect(),
            jurors: jurors
                .iter()
                .map(|&u| JurorIn {
                    id: j(u),
                    profiles: vec![PROFILE.to_owned()],
                    max_load: None,
                })
                .collect(),
            conflicts,
            existing,
        },
        names: pool.values().map(|u| (j(u.id), u.name.clone())).collect(),
        defis,
    })
}

fn solve(b: &Built) -> Result<Outcome, AppError> {
    assignment::run(&b.input).map_err(|e| {
        tracing::error!(error = %e, "the hearing assignment input built from the database is invalid");
        AppError::Unexpected
    })
}

/// The plan, without changing anything.
pub async fn plan<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
    per_defi: u32,
    locale: Locale,
) -> Result<AssignPlan, AppError> {
    let b = build(db, promotion, per_defi).await?;
    let out = solve(&b)?;
    Ok(plan_view(promotion, &b.input, &b.names, &out, locale))
}

/// Computes the plan again in the transaction and adds its new pairs;
/// each juror added to a défi whose hearing is scheduled gets the
/// invitation. Returns how many pairs were added (0 without a plan).
pub async fn apply(
    state: &AppState,
    origin: &Origin,
    promotion: i64,
    per_defi: u32,
    shown: &str,
) -> Result<usize, AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    crate::server::service::promotions::get(&txn, promotion).await?;
    let b = build(&txn, promotion, per_defi).await?;
    let out = solve(&b)?;
    let existing: HashSet<&(String, String)> = b.input.existing.iter().collect();
    if !out.feasible {
        return Err(AppError::Refused(crate::i18n::Msg::HearingPlanInfeasible));
    }
    if plan_view(promotion, &b.input, &b.names, &out, Locale::Fr).fingerprint != shown {
        return Err(AppError::Refused(crate::i18n::Msg::PlanChanged));
    }
    let now = Utc::now();
    let mut added = Vec::new();
    {
        for p in &out.assignments {
            if existing.contains(&(p.juror.clone(), p.dossier.clone())) {
                continue;
            }
            let (user, defi_id) = (id_of(&p.juror), id_of(&p.dossier));
            // A pair left by a juror who was out of the pool is kept.
            let known = panel::Entity::find()
                .filter(panel::Column::DefiId.eq(defi_id))
                .filter(panel::Column::UserId.eq(user))
                .one(&txn)
                .await?
                .is_some();
            if !known {
                panel::ActiveModel {
                    defi_id: Set(defi_id),
                    user_id: Set(user),
                    created_at: Set(now),
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
            }
            added.push((user, defi_id));
        }
    }
    for &(user, defi_id) in &added {
        let Some(x) = b.defis.iter().find(|x| x.id == defi_id) else {
            continue;
        };
        let email = crate::server::db::user::Entity::find_by_id(user)
            .one(&txn)
            .await?
            .map(|u| u.email)
            .unwrap_or_default();
        schedule::attendee_changed(&txn, state, x, &email, Kind::Invite).await?;
    }
    txn.finish(
        AuditAction::HearingsAssigned,
        Target::Promotion(promotion),
        json!({ "per_defi": per_defi, "added": added.len(), "feasible": out.feasible }),
    )
    .await?;
    Ok(added.len())
}

/// Takes a juror off a défi's hearing; they get the CANCEL of a hearing
/// to come. Their sheet, if any, stays (and no longer counts).
pub async fn remove(
    state: &AppState,
    origin: &Origin,
    defi_id: i64,
    user: i64,
) -> Result<(), AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    let x = defi::Entity::find_by_id(defi_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    if x.state != DefiState::Shortlisted.code() {
        return Err(AppError::Refused(crate::i18n::Msg::HearingClosed));
    }
    // What a juror submitted stays in the tally: once they sent their
    // sheet, or the hearing took place, they stay on it.
    let sent = crate::server::db::hearings::score::Entity::find()
        .filter(crate::server::db::hearings::score::Column::DefiId.eq(defi_id))
        .filter(crate::server::db::hearings::score::Column::UserId.eq(user))
        .filter(crate::server::db::hearings::score::Column::SubmittedAt.is_not_null())
        .one(&txn)
        .await?
        .is_some();
    let heard = schedule::slots_of(&txn, x.promotion_id)
        .await?
        .iter()
        .any(|s| s.defi_id == Some(defi_id) && s.starts_at <= Utc::now());
    if sent || heard {
        return Err(AppError::Refused(crate::i18n::Msg::HearingJurorStays));
    }
    let row = panel::Entity::find()
        .filter(panel::Column::DefiId.eq(defi_id))
        .filter(panel::Column::UserId.eq(user))
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let email = crate::server::db::user::Entity::find_by_id(user)
        .one(&txn)
        .await?
        .map(|u| u.email)
        .unwrap_or_default();
    // Told before the pair goes: the recipients are the panel's.
    schedule::attendee_changed(&txn, state, &x, &email, Kind::Cancel).await?;
    row.delete(&txn).await?;
    txn.finish(
        AuditAction::HearingJurorRemoved,
        Target::Defi(defi_id),
        json!({ "user": user }),
    )
    .await
}
