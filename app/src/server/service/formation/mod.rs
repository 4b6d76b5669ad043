//! Team formation in the product (DESIGN §7): runs of the matching engine
//! built from the database and saved as the engine read and wrote them,
//! overrides with a reason, the validation that ends the embargo and sends
//! the offers, the cascade of offers with its audit after every step, and
//! the placements accepted offers become.

pub mod offers;
pub mod page;
pub mod placements;
mod results;
pub mod runs;

use crate::domain::matching::{Input, Outcome};
use crate::model::AppError;
use crate::server::db::formation::{run, run_override};
use crate::server::db::{application, defi, organisation};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

pub use crate::server::service::interviews::export::{candidate_key, defi_key};

/// The id behind an input key (`candidat-12`, `defi-3`).
pub fn key_id(key: &str) -> Option<i64> {
    key.rsplit_once('-').and_then(|(_, id)| id.parse().ok())
}

/// A run of the promotion, or not found.
pub async fn run_of<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
    number: i32,
) -> Result<run::Model, AppError> {
    run::Entity::find()
        .filter(run::Column::PromotionId.eq(promotion))
        .filter(run::Column::Number.eq(number))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// The promotion's runs, first first.
pub async fn runs_of<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
) -> Result<Vec<run::Model>, AppError> {
    Ok(run::Entity::find()
        .filter(run::Column::PromotionId.eq(promotion))
        .order_by_asc(run::Column::Number)
        .all(db)
        .await?)
}

/// The validated run of the promotion, if any.
pub async fn validated<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
) -> Result<Option<run::Model>, AppError> {
    Ok(run::Entity::find()
        .filter(run::Column::PromotionId.eq(promotion))
        .filter(run::Column::ValidatedAt.is_not_null())
        .one(db)
        .await?)
}

/// A run's input and output, as saved.
pub fn parsed(r: &run::Model) -> Result<(Input, Outcome), AppError> {
    let input = serde_json::from_str(&r.input).map_err(|_| AppError::Unexpected)?;
    let output = serde_json::from_str(&r.output).map_err(|_| AppError::Unexpected)?;
    Ok((input, output))
}

pub async fn overrides_of<C: ConnectionTrait>(
    db: &C,
    run: i64,
) -> Result<Vec<run_override::Model>, AppError> {
    Ok(run_override::Entity::find()
        .filter(run_override::Column::RunId.eq(run))
        .order_by_asc(run_override::Column::Id)
        .all(db)
        .await?)
}

/// A seat of the placement a run proposes once its overrides are applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    pub candidate: String,
    pub defi: String,
    pub profile: String,
    /// 1 = first choice; `None` for a défi taken as open to others or
    /// given by an override.
    pub choice: Option<u32>,
}

/// The placement of a run with its overrides applied in order; and, per
/// candidate an override concerns, its reason.
pub fn effective(
    input: &Input,
    output: &Outcome,
    overrides: &[run_override::Model],
) -> (Vec<Placed>, HashMap<String, String>) {
    let mut seats: Vec<Placed> = output
        .assignments
        .iter()
        .map(|a| Placed {
            candidate: a.candidate.clone(),
            defi: a.defi.clone(),
            profile: a.profile.clone(),
            choice: a.choice_rank,
        })
        .collect();
    let mut reasons = HashMap::new();
    for o in overrides {
        seats.retain(|s| s.candidate != o.candidate);
        if let Some(d) = &o.defi
            && let Some(c) = input.candidates.iter().find(|c| c.id == o.candidate)
        {
            let choice = c.choices.iter().position(|x| x == d).map(|k| k as u32 + 1);
            seats.push(Placed {
                candidate: o.candidate.clone(),
                defi: d.clone(),
                profile: c.profile.clone(),
                choice,
            });
        }
        reasons.insert(o.candidate.clone(), o.reason.clone());
    }
    // In the order the engine lists candidates.
    let order: HashMap<&str, usize> = input
        .candidates
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    seats.sort_by_key(|s| order.get(s.candidate.as_str()).copied());
    (seats, reasons)
}

/// Names of the promotion's people and défis, by input key.
pub struct Names {
    pub candidates: HashMap<String, String>,
    pub defis: HashMap<String, String>,
    pub organisations: HashMap<String, String>,
    /// Défi key → the host's city.
    pub cities: HashMap<String, String>,
    /// Candidate key → gender as given ("" when not given).
    pub genders: HashMap<String, String>,
}

impl Names {
    pub fn candidate(&self, key: &str) -> String {
        self.candidates
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_owned())
    }

    pub fn defi(&self, key: &str) -> String {
        self.defis
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_owned())
    }

    /// The text with every défi key replaced by the défi's title (the
    /// longest keys first: `defi-12` before `defi-1`).
    pub fn titled(&self, text: &str) -> String {
        let mut keys: Vec<&String> = self.defis.keys().collect();
        keys.sort_by_key(|k| std::cmp::Reverse(k.len()));
        let mut out = text.to_owned();
        for k in keys {
            out = out.replace(k.as_str(), &self.defis[k]);
        }
        out
    }
}

pub async fn names<C: ConnectionTrait>(db: &C, promotion: i64) -> Result<Names, AppError> {
    let apps = application::Entity::find()
        .filter(application::Column::PromotionId.eq(promotion))
        .all(db)
        .await?;
    let defis = defi::Entity::find()
        .filter(defi::Column::PromotionId.eq(promotion))
        .all(db)
        .await?;
    let orgs: HashMap<i64, organisation::Model> = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(defis.iter().map(|d| d.organisation_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    Ok(Names {
        candidates: apps
            .iter()
            .map(|a| {
                (
                    candidate_key(a.id),
                    format!("{} {}", a.first_name, a.last_name),
                )
            })
            .collect(),
        genders: apps
            .iter()
            .map(|a| (candidate_key(a.id), a.gender.clone()))
            .collect(),
        defis: defis
            .iter()
            .map(|d| (defi_key(d.id), d.title.clone()))
            .collect(),
        organisations: defis
            .iter()
            .map(|d| {
                let name = orgs.get(&d.organisation_id).map(|o| o.name.clone());
                (defi_key(d.id), name.unwrap_or_default())
            })
            .collect(),
        cities: defis
            .iter()
            .map(|d| {
                let city = orgs.get(&d.organisation_id).map(|o| o.city.clone());
                (defi_key(d.id), city.unwrap_or_default())
            })
            .collect(),
    })
}

/// What team formation holds about one dossier, for its author's data
/// export: the offers (défi, profile, state, dates), the placement and the
/// talent-pool choice.
pub(crate) async fn personal_data<C: ConnectionTrait>(
    db: &C,
    a: &application::Model,
) -> Result<serde_json::Value, AppError> {
    use crate::server::db::formation::{offer, placement};
    let offers: Vec<serde_json::Value> = offer::Entity::find()
        .filter(offer::Column::ApplicationId.eq(a.id))
        .order_by_asc(offer::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|o| {
            serde_json::json!({
                "defi": o.defi_id, "profile": o.profile, "state": o.state,
                "offered_at": o.offered_at, "deadline_at": o.deadline_at,
                "answered_at": o.answered_at,
            })
        })
        .collect();
    let placement = placement::Entity::find()
        .filter(placement::Column::ApplicationId.eq(a.id))
        .one(db)
        .await?
        .map(|p| {
            serde_json::json!({
                "defi": p.defi_id, "profile": p.profile, "state": p.state,
                "starts_on": p.starts_on, "ends_on": p.ends_on,
                "documents_sent_on": p.documents_sent_on,
                "contract_received_on": p.contract_received_on,
            })
        });
    Ok(serde_json::json!({
        "offers": offers,
        "placement": placement,
        "talent_pool": a.talent_pool,
    }))
}

/// Erases what team formation kept about a promotion, with its dossiers at
/// the end of its retention: the runs (their input and explanations name
/// candidates by key), the overrides and their reasons, the offers, their
/// log, the placements and the ten months (`milestones::forget_promotion`).
/// Returns the stored names of the files to remove after commit.
pub(crate) async fn forget_promotion<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
) -> Result<Vec<String>, AppError> {
    use crate::server::db::formation::{event, offer, placement};
    let runs: Vec<i64> = run::Entity::find()
        .filter(run::Column::PromotionId.eq(promotion))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect();
    run_override::Entity::delete_many()
        .filter(run_override::Column::RunId.is_in(runs))
        .exec(db)
        .await?;
    run::Entity::delete_many()
        .filter(run::Column::PromotionId.eq(promotion))
        .exec(db)
        .await?;
    event::Entity::delete_many()
        .filter(event::Column::PromotionId.eq(promotion))
        .exec(db)
        .await?;
    offer::Entity::delete_many()
        .filter(offer::Column::PromotionId.eq(promotion))
        .exec(db)
        .await?;
    placement::Entity::delete_many()
        .filter(placement::Column::PromotionId.eq(promotion))
        .exec(db)
        .await?;
    super::milestones::forget_promotion(db, promotion).await
}
