//! The reviewer assignment in the product: the engine's input is built from
//! the database (dossiers to review, active jurors with their profiles and
//! loads, every conflict, the assignments that exist), the plan is shown
//! before anything changes, and applying it adds only the missing pairs.
//! The same code tops dossiers up after a conflict or a removal.

use super::{ASSIGNABLE_STATES, dossiers, ranked_organisations, settings};
use crate::domain::assignment::{self, DossierIn, Input, JurorIn, Outcome};
use crate::i18n::{Locale, Msg};
use crate::model::AppError;
use crate::model::review::AssignPlan;
use crate::server::db::review::{assignment as pair, juror, sheet};
use crate::server::db::user;
use crate::server::service::Origin;
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::txn::Txn;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use serde_json::json;
use std::collections::{HashMap, HashSet};

/// The engine's input, the names behind its ids, and the stored pairs
/// that a conflict declared since has made invalid (dropped by the next
/// change, never given to the engine).
struct Built {
    input: Input,
    names: HashMap<String, String>,
    stale: Vec<(i64, i64)>,
}

/// A dossier's id for the engine: what its explanations show ("n° 12").
fn d(id: i64) -> String {
    format!("n° {id}")
}
fn j(id: i64) -> String {
    format!("j{id}")
}
fn id_of(s: &str) -> i64 {
    s.trim_start_matches("n° ")
        .trim_start_matches('j')
        .parse()
        .unwrap_or_default()
}

async fn build<C: ConnectionTrait>(db: &C, promotion: i64) -> Result<Built, AppError> {
    let stage = super::stage_of(db, promotion).await?;
    let set = settings(&stage);
    let apps = dossiers(db, promotion, &ASSIGNABLE_STATES).await?;
    let ids: Vec<i64> = apps.iter().map(|a| a.id).collect();
    let ranked = ranked_organisations(db, &ids).await?;
    // Active jurors who still hold the role (a deleted account lost it).
    let holders: HashSet<i64> = crate::server::db::role_grant::Entity::find()
        .filter(crate::server::db::role_grant::Column::Role.eq("reviewer"))
        .filter(crate::server::db::role_grant::Column::ScopeId.eq(promotion))
        .all(db)
        .await?
        .into_iter()
        .map(|g| g.user_id)
        .collect();
    let jurors: Vec<juror::Model> = juror::Entity::find()
        .filter(juror::Column::PromotionId.eq(promotion))
        .filter(juror::Column::RemovedAt.is_null())
        .order_by_asc(juror::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .filter(|x| holders.contains(&x.user_id))
        .collect();
    let users: HashMap<i64, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(jurors.iter().map(|j| j.user_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let app_set: HashSet<i64> = ids.iter().copied().collect();
    let mut conflicts = Vec::new();
    let of = super::conflicts_of(db, &jurors, &ranked).await?;
    for x in &jurors {
        let mut mine: Vec<i64> = of.get(&x.id).into_iter().flatten().copied().collect();
        mine.sort_unstable();
        for a in mine {
            if app_set.contains(&a) {
                conflicts.push((j(x.id), d(a)));
            }
        }
    }
    let conflicted: HashSet<(String, String)> = conflicts.iter().cloned().collect();
    let (existing, stale): (Vec<_>, Vec<_>) = pair::Entity::find()
        .filter(pair::Column::JurorId.is_in(jurors.iter().map(|x| x.id)))
        .filter(pair::Column::ApplicationId.is_in(ids.iter().copied()))
        .order_by_asc(pair::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.juror_id, p.application_id))
        .partition(|(x, a)| !conflicted.contains(&(j(*x), d(*a))));
    let existing = existing.into_iter().map(|(x, a)| (j(x), d(a))).collect();
    let names = jurors
        .iter()
        .map(|x| (j(x.id), users.get(&x.user_id).cloned().unwrap_or_default()))
        .collect();
    Ok(Built {
        input: Input {
            reviews_per_dossier: set.reviews_per_dossier,
            seed: promotion as u64,
            max_load: set.max_load,
            dossiers: apps
                .iter()
                .map(|a| DossierIn {
                    id: d(a.id),
                    profile: a.profile.clone(),
                })
                .collect(),
            jurors: jurors
                .iter()
                .map(|x| JurorIn {
                    id: j(x.id),
                    profiles: x.profile_codes(),
                    max_load: x.max_load.map(|m| m.max(0) as u32),
                })
                .collect(),
            conflicts,
            existing,
        },
        names,
        stale,
    })
}

fn solve(b: &Built) -> Result<Outcome, AppError> {
    assignment::run(&b.input).map_err(|e| {
        tracing::error!(error = %e, "the assignment input built from the database is invalid");
        AppError::Unexpected
    })
}

/// The plan, without changing anything.
pub async fn plan(
    db: &DatabaseConnection,
    promotion: i64,
    locale: Locale,
) -> Result<AssignPlan, AppError> {
    let b = build(db, promotion).await?;
    let out = solve(&b)?;
    Ok(plan_view(promotion, &b.input, &b.names, &out, locale))
}

/// The engine's plan as the coordinators' pages show it (the review's
/// and the défi jury's): loads before and after, pairs to add, why there
/// is none, the pool by name, and the fingerprint of the pairs to add
/// (an apply form sends it back).
pub(crate) fn plan_view(
    promotion: i64,
    input: &Input,
    names: &HashMap<String, String>,
    out: &Outcome,
    locale: Locale,
) -> AssignPlan {
    let existing: HashSet<(&str, &str)> = input
        .existing
        .iter()
        .map(|(x, y)| (x.as_str(), y.as_str()))
        .collect();
    let mut before: HashMap<&str, u32> = HashMap::new();
    for (x, _) in &input.existing {
        *before.entry(x.as_str()).or_default() += 1;
    }
    let peers: HashSet<&str> = input
        .jurors
        .iter()
        .flat_map(|x| x.profiles.iter().map(String::as_str))
        .collect();
    let added: Vec<String> = {
        let mut v: Vec<String> = out
            .assignments
            .iter()
            .filter(|p| !existing.contains(&(p.juror.as_str(), p.dossier.as_str())))
            .map(|p| format!("{}:{}", p.juror, p.dossier))
            .collect();
        v.sort();
        v
    };
    let mut jurors: Vec<(i64, String)> = names
        .iter()
        .filter_map(|(x, n)| Some((x.trim_start_matches('j').parse().ok()?, n.clone())))
        .collect();
    jurors.sort_by(|a, b| {
        a.1.to_lowercase()
            .cmp(&b.1.to_lowercase())
            .then(a.0.cmp(&b.0))
    });
    AssignPlan {
        promotion_id: promotion,
        feasible: out.feasible,
        reason: out.reason.as_ref().map(|r| match locale {
            Locale::Fr => r.fr.clone(),
            Locale::En => r.en.clone(),
        }),
        loads: out
            .loads
            .as_ref()
            .map(|l| {
                l.0.iter()
                    .map(|(x, n)| {
                        (
                            names.get(x).cloned().unwrap_or_default(),
                            before.get(x.as_str()).copied().unwrap_or(0),
                            *n,
                        )
                    })
                    .collect()
            })
            .unwrap_or_default(),
        to_add: added.len() as u32,
        existing: existing.len() as u32,
        dossiers: input.dossiers.len() as u32,
        profile_covered: out.profile_covered.unwrap_or(0),
        without_peer: input
            .dossiers
            .iter()
            .filter(|x| !peers.contains(x.profile.as_str()))
            .count() as u32,
        fingerprint: {
            use sha2::{Digest, Sha256};
            hex::encode(Sha256::digest(added.join(",").as_bytes()))
        },
        jurors,
    }
}

/// Computes the plan again in the transaction and adds its new pairs
/// (only for the dossiers `only` names, when given: a top-up after a
/// conflict touches nothing else); drops pairs a conflict made invalid.
/// Returns how many pairs were added (0 when there is no plan).
pub(crate) async fn top_up_in(
    txn: &Txn<'_>,
    promotion: i64,
    only: Option<&HashSet<i64>>,
) -> Result<usize, AppError> {
    let b = build(txn, promotion).await?;
    for (x, a) in &b.stale {
        pair::Entity::delete_many()
            .filter(pair::Column::JurorId.eq(*x))
            .filter(pair::Column::ApplicationId.eq(*a))
            .exec(txn)
            .await?;
    }
    let out = solve(&b)?;
    if !out.feasible {
        return Ok(0);
    }
    let existing: HashSet<&(String, String)> = b.input.existing.iter().collect();
    let now = Utc::now();
    let mut added = 0;
    for p in &out.assignments {
        if existing.contains(&(p.juror.clone(), p.dossier.clone()))
            || only.is_some_and(|o| !o.contains(&id_of(&p.dossier)))
        {
            continue;
        }
        pair::ActiveModel {
            juror_id: Set(id_of(&p.juror)),
            application_id: Set(id_of(&p.dossier)),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        added += 1;
    }
    Ok(added)
}

/// Applies the plan (the coordinator saw it): refused with its reason when
/// there is none, nothing changed.
pub async fn apply(
    db: &DatabaseConnection,
    origin: &Origin,
    promotion: i64,
    locale: Locale,
) -> Result<usize, AppError> {
    let txn = Txn::begin(db, origin).await?;
    let b = build(&txn, promotion).await?;
    let out = solve(&b)?;
    if !out.feasible {
        let _ = locale;
        return Err(AppError::Refused(Msg::AssignInfeasible));
    }
    let added = top_up_in(&txn, promotion, None).await?;
    txn.finish(
        AuditAction::ReviewAssigned,
        Target::Promotion(promotion),
        json!({ "added": added, "existing": b.input.existing.len(), "profile_covered": out.profile_covered }),
    )
    .await?;
    Ok(added)
}

/// Adds one (juror, dossier) pair by hand, with the engine's checks: not
/// conflicted, not already there, under the juror's maximum.
pub async fn add_pair(
    db: &DatabaseConnection,
    origin: &Origin,
    promotion: i64,
    juror_id: i64,
    application: i64,
) -> Result<(), AppError> {
    let txn = Txn::begin(db, origin).await?;
    let b = build(&txn, promotion).await?;
    let (jx, dx) = (j(juror_id), d(application));
    let Some(jin) = b.input.jurors.iter().find(|x| x.id == jx) else {
        return Err(AppError::NotFound);
    };
    if !b.input.dossiers.iter().any(|x| x.id == dx) {
        return Err(AppError::field("application", Msg::DossierNumberUnknown));
    }
    if b.input.conflicts.contains(&(jx.clone(), dx.clone())) {
        return Err(AppError::Refused(Msg::PairConflicted));
    }
    if b.input.existing.contains(&(jx.clone(), dx.clone())) {
        return Err(AppError::Refused(Msg::PairExists));
    }
    let load = b.input.existing.iter().filter(|(x, _)| *x == jx).count() as u32;
    if jin.max_load.or(b.input.max_load).is_some_and(|m| load >= m) {
        return Err(AppError::Refused(Msg::PairOverLoad));
    }
    pair::ActiveModel {
        juror_id: Set(juror_id),
        application_id: Set(application),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.finish(
        AuditAction::ReviewAssigned,
        Target::Application(application),
        json!({ "juror": juror_id, "by_hand": true }),
    )
    .await
}

/// Removes one pair by hand; refused once its review was submitted.
pub async fn remove_pair(
    db: &DatabaseConnection,
    origin: &Origin,
    promotion: i64,
    juror_id: i64,
    application: i64,
) -> Result<(), AppError> {
    let txn = Txn::begin(db, origin).await?;
    juror::Entity::find_by_id(juror_id)
        .filter(juror::Column::PromotionId.eq(promotion))
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    if sheet::Entity::find()
        .filter(sheet::Column::JurorId.eq(juror_id))
        .filter(sheet::Column::ApplicationId.eq(application))
        .filter(sheet::Column::SubmittedAt.is_not_null())
        .one(&txn)
        .await?
        .is_some()
    {
        return Err(AppError::Refused(Msg::PairReviewed));
    }
    let gone = pair::Entity::delete_many()
        .filter(pair::Column::JurorId.eq(juror_id))
        .filter(pair::Column::ApplicationId.eq(application))
        .exec(&txn)
        .await?
        .rows_affected;
    if gone == 0 {
        // Nothing to remove: this juror has no such dossier.
        return Err(AppError::field("application", Msg::PairNotAssigned));
    }
    txn.finish(
        AuditAction::ReviewUnassigned,
        Target::Application(application),
        json!({ "juror": juror_id }),
    )
    .await
}
