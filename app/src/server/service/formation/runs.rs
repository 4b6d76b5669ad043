//! Runs of the matching engine: what is missing before running, the run
//! itself (input built from the database, saved with the output exactly as
//! `cohorte match` prints it), and overrides with a reason.

use super::{Placed, effective, overrides_of, parsed, run_of, runs_of};
use crate::domain::matching::{self, BlockingPair, Input, Seat};
use crate::i18n::Msg;
use crate::model::AppError;
use crate::server::db::formation::{run, run_override};
use crate::server::db::interviews::list;
use crate::server::service::Origin;
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::interviews::allocation::{juries_of, seats_of};
use crate::server::service::interviews::export;
use crate::server::service::txn::Txn;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;
use std::collections::HashSet;

/// The longest reason an override may carry.
pub const REASON_MAX: usize = 1000;

/// What the engine would miss: seats of selected défis without a locked
/// list, as (défi id, profile); shortlisted candidates who ranked no
/// selected défi, by input key.
pub struct Readiness {
    pub lists_missing: Vec<(i64, String)>,
    pub rankings_missing: Vec<String>,
    pub input: Input,
}

pub async fn readiness<C: ConnectionTrait>(db: &C, promotion: i64) -> Result<Readiness, AppError> {
    let input = export::input(db, promotion).await?;
    let defis = juries_of(db, promotion).await?;
    let ids: Vec<i64> = defis.iter().map(|d| d.id).collect();
    let seats = seats_of(db, &ids).await?;
    let locked: HashSet<(i64, String)> = list::Entity::find()
        .filter(list::Column::DefiId.is_in(ids.iter().copied()))
        .filter(list::Column::LockedAt.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .map(|l| (l.defi_id, l.profile))
        .collect();
    let mut lists_missing = Vec::new();
    for d in &defis {
        for profile in seats.get(&d.id).into_iter().flat_map(|s| s.keys()) {
            if !locked.contains(&(d.id, profile.clone())) {
                lists_missing.push((d.id, profile.clone()));
            }
        }
    }
    let rankings_missing = input
        .candidates
        .iter()
        .filter(|c| c.choices.is_empty() && !c.open_to_others)
        .map(|c| c.id.clone())
        .collect();
    Ok(Readiness {
        lists_missing,
        rankings_missing,
        input,
    })
}

/// Runs the engine on the promotion as it stands and saves the run;
/// returns its number.
pub async fn run(
    db: &sea_orm::DatabaseConnection,
    origin: &Origin,
    promotion: i64,
) -> Result<i32, AppError> {
    let txn = Txn::begin(db, origin).await?;
    crate::server::service::promotions::get(&txn, promotion).await?;
    // One run at a time (their numbers), and none once the offers are out.
    super::offers::lock(&txn, promotion).await?;
    if super::validated(&txn, promotion).await?.is_some() {
        return Err(AppError::Refused(Msg::RunValidatedNoChange));
    }
    let input = export::input(&txn, promotion).await?;
    let outcome = matching::run(&input).map_err(|e| {
        tracing::error!(error = %e, "the matching input built from the database is invalid");
        AppError::Unexpected
    })?;
    let number = runs_of(&txn, promotion)
        .await?
        .last()
        .map_or(1, |r| r.number + 1);
    run::ActiveModel {
        promotion_id: Set(promotion),
        number: Set(number),
        input: Set(serde_json::to_string_pretty(&input).map_err(|_| AppError::Unexpected)?),
        output: Set(matching::output_json(&outcome)),
        engine_version: Set(matching::ENGINE_VERSION.to_owned()),
        created_by: Set(origin.actor_id),
        created_at: Set(Utc::now()),
        validated_at: Set(None),
        validated_by: Set(None),
        market: Set(None),
        blocked: Set("[]".to_owned()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.finish(
        AuditAction::MatchRun,
        Target::Promotion(promotion),
        json!({
            "run": number,
            "placed": outcome.assignments.len(),
            "candidates": input.candidates.len(),
            "engine": matching::ENGINE_VERSION,
        }),
    )
    .await?;
    Ok(number)
}

/// A change asked of a run: `candidate` (input key) to `defi` (input key),
/// or out of any placement when `defi` is empty.
#[derive(Clone, Debug, Default)]
pub struct Change {
    pub candidate: String,
    pub defi: String,
    pub reason: String,
}

fn seats(placed: &[Placed]) -> Vec<Seat> {
    placed
        .iter()
        .map(|p| Seat {
            candidate: p.candidate.clone(),
            defi: p.defi.clone(),
        })
        .collect()
}

/// The blocking pairs the change would create, or why it cannot be made
/// (with the field at fault: `candidat`, `defi`, `motif`).
pub fn check(
    r: &run::Model,
    overrides: &[run_override::Model],
    change: &Change,
) -> Result<Vec<BlockingPair>, AppError> {
    let refuse = |field: &str, msg: Msg| Err(AppError::field(field, msg));
    if r.validated_at.is_some() {
        return Err(AppError::Refused(Msg::RunValidatedNoChange));
    }
    let (input, output) = parsed(r)?;
    let Some(c) = input.candidates.iter().find(|c| c.id == change.candidate) else {
        return refuse("candidat", Msg::OverrideUnknownCandidate);
    };
    let (now, _) = effective(&input, &output, overrides);
    let withdrawn: Vec<String> = output
        .withdrawn_defis
        .iter()
        .map(|w| w.defi.clone())
        .collect();
    let current = now.iter().find(|p| p.candidate == c.id);
    let mut next: Vec<Placed> = now
        .iter()
        .filter(|p| p.candidate != c.id)
        .cloned()
        .collect();
    if change.defi.is_empty() {
        if current.is_none() {
            return refuse("defi", Msg::OverrideNotPlaced);
        }
    } else {
        let Some(d) = input.defis.iter().find(|d| d.id == change.defi) else {
            return refuse("defi", Msg::OverrideUnknownDefi);
        };
        if withdrawn.contains(&d.id) {
            return refuse("defi", Msg::OverrideWithdrawnDefi);
        }
        if current.is_some_and(|p| p.defi == d.id) {
            return refuse("defi", Msg::OverrideSamePlace);
        }
        if !matching::acceptable(&input, &c.id).contains(&d.id) {
            return refuse("defi", Msg::OverrideNotAcceptable);
        }
        let Some(slot) = d.slots.iter().find(|s| s.profile == c.profile) else {
            return refuse("defi", Msg::OverrideNotAcceptable);
        };
        let held = next
            .iter()
            .filter(|p| p.defi == d.id && p.profile == c.profile)
            .count() as u32;
        if held >= slot.capacity {
            return refuse("defi", Msg::OverrideSlotFull);
        }
        next.push(Placed {
            candidate: c.id.clone(),
            defi: d.id.clone(),
            profile: c.profile.clone(),
            choice: None,
        });
    }
    let reason = change.reason.trim();
    if reason.is_empty() {
        return refuse("motif", Msg::OverrideReasonRequired);
    }
    if reason.chars().count() > REASON_MAX {
        return refuse("motif", Msg::OverrideReasonTooLong);
    }
    let before = matching::blocking_pairs(&input, &seats(&now), &withdrawn);
    Ok(matching::blocking_pairs(&input, &seats(&next), &withdrawn)
        .into_iter()
        .filter(|p| !before.contains(p))
        .collect())
}

/// Saves an override after the same checks as its preview.
pub async fn add_override(
    db: &sea_orm::DatabaseConnection,
    origin: &Origin,
    promotion: i64,
    number: i32,
    change: &Change,
) -> Result<(), AppError> {
    let txn = Txn::begin(db, origin).await?;
    // The promotion's row first, as a validation takes it: an override
    // never lands on a run validated meanwhile.
    super::offers::lock(&txn, promotion).await?;
    let r = run_of(&txn, promotion, number).await?;
    // Serialises with a validation of the same run.
    run::Entity::update_many()
        .col_expr(
            run::Column::Blocked,
            sea_orm::sea_query::Expr::col(run::Column::Blocked),
        )
        .filter(run::Column::Id.eq(r.id))
        .exec(&txn)
        .await?;
    let r = run_of(&txn, promotion, number).await?;
    let overrides = overrides_of(&txn, r.id).await?;
    let created = check(&r, &overrides, change)?;
    run_override::ActiveModel {
        run_id: Set(r.id),
        candidate: Set(change.candidate.clone()),
        defi: Set((!change.defi.is_empty()).then(|| change.defi.clone())),
        reason: Set(change.reason.trim().to_owned()),
        created_by: Set(origin.actor_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.finish(
        AuditAction::MatchOverridden,
        Target::Promotion(promotion),
        json!({
            "run": number,
            "candidate": change.candidate,
            "defi": change.defi,
            "reason": change.reason.trim(),
            "blocking_pairs_created": created.len(),
        }),
    )
    .await
}
