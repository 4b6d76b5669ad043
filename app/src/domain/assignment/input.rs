//! The input format (also the `cohorte assign` JSON format), its
//! deserialisation with the JSON path of any error, and its checks.

use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

fn three() -> u32 {
    3
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// Reviews every dossier must end with (existing ones included).
    #[serde(default = "three")]
    pub reviews_per_dossier: u32,
    /// Breaks ties between equally good plans; the same seed gives the same
    /// plan.
    #[serde(default)]
    pub seed: u64,
    /// Maximum load of a juror without their own (none: unlimited).
    #[serde(default)]
    pub max_load: Option<u32>,
    pub dossiers: Vec<DossierIn>,
    pub jurors: Vec<JurorIn>,
    /// `[juror, dossier]` pairs that must never be assigned.
    #[serde(default)]
    pub conflicts: Vec<(String, String)>,
    /// `[juror, dossier]` pairs already assigned: kept as they are.
    #[serde(default)]
    pub existing: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DossierIn {
    pub id: String,
    pub profile: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JurorIn {
    pub id: String,
    /// The profiles this juror can judge as a peer.
    #[serde(default)]
    pub profiles: Vec<String>,
    /// Overrides the global maximum load.
    #[serde(default)]
    pub max_load: Option<u32>,
}

/// A precise error: where in the JSON, and what is wrong (the same as
/// the matching engine's).
pub use crate::domain::matching::InputError;

/// Parses the JSON format; a syntax or type error (a negative load is one)
/// names its path.
pub fn parse_json(text: &str) -> Result<Input, InputError> {
    crate::domain::json::parse_with_path(text)
        .map_err(|(path, message)| InputError::at(path, message))
}

/// The input as indices, checked.
pub(super) struct Problem<'a> {
    pub input: &'a Input,
    pub n: u32,
    /// Per juror: maximum load (`u32::MAX` when unlimited).
    pub max_load: Vec<u32>,
    /// Per dossier: its conflicted jurors, sorted.
    pub conflicted: Vec<Vec<u32>>,
    /// Per dossier: its existing reviewers, in input order.
    pub existing: Vec<Vec<u32>>,
    /// Per dossier: the index of its profile; per juror: the profiles'
    /// indices, sorted.
    pub dossier_profile: Vec<u32>,
    pub juror_profiles: Vec<Vec<u32>>,
}

impl<'a> Problem<'a> {
    pub fn build(input: &'a Input) -> Result<Self, InputError> {
        if input.reviews_per_dossier == 0 {
            return Err(InputError::at("reviews_per_dossier", "must be at least 1"));
        }
        let mut dossiers = HashMap::with_capacity(input.dossiers.len());
        for (i, d) in input.dossiers.iter().enumerate() {
            if d.id.trim().is_empty() {
                return Err(InputError::at(format!("dossiers[{i}].id"), "empty id"));
            }
            if dossiers.insert(d.id.as_str(), i as u32).is_some() {
                return Err(InputError::at(
                    format!("dossiers[{i}].id"),
                    format!("duplicate dossier id \"{}\"", d.id),
                ));
            }
        }
        let mut jurors = HashMap::with_capacity(input.jurors.len());
        for (i, j) in input.jurors.iter().enumerate() {
            if j.id.trim().is_empty() {
                return Err(InputError::at(format!("jurors[{i}].id"), "empty id"));
            }
            if jurors.insert(j.id.as_str(), i as u32).is_some() {
                return Err(InputError::at(
                    format!("jurors[{i}].id"),
                    format!("duplicate juror id \"{}\"", j.id),
                ));
            }
        }
        let pair = |list: &str, k: usize, (j, d): &(String, String)| {
            let juror = *jurors.get(j.as_str()).ok_or_else(|| {
                InputError::at(format!("{list}[{k}][0]"), format!("unknown juror \"{j}\""))
            })?;
            let dossier = *dossiers.get(d.as_str()).ok_or_else(|| {
                InputError::at(
                    format!("{list}[{k}][1]"),
                    format!("unknown dossier \"{d}\""),
                )
            })?;
            Ok::<_, InputError>((juror, dossier))
        };
        let nd = input.dossiers.len();
        let mut conflicted = vec![Vec::new(); nd];
        let mut conflict_set = HashSet::new();
        for (k, p) in input.conflicts.iter().enumerate() {
            let (j, d) = pair("conflicts", k, p)?;
            if conflict_set.insert((j, d)) {
                conflicted[d as usize].push(j);
            }
        }
        for c in &mut conflicted {
            c.sort_unstable();
        }
        let mut existing = vec![Vec::new(); nd];
        let mut existing_set = HashSet::new();
        for (k, p) in input.existing.iter().enumerate() {
            let (j, d) = pair("existing", k, p)?;
            if conflict_set.contains(&(j, d)) {
                return Err(InputError::at(
                    format!("existing[{k}]"),
                    format!(
                        "juror \"{}\" has a conflict with dossier \"{}\": this assignment cannot exist",
                        p.0, p.1
                    ),
                ));
            }
            if !existing_set.insert((j, d)) {
                return Err(InputError::at(
                    format!("existing[{k}]"),
                    "this pair is listed twice",
                ));
            }
            existing[d as usize].push(j);
        }
        let mut profiles: HashMap<&str, u32> = HashMap::new();
        let mut intern = |p: &'a str| {
            let next = profiles.len() as u32;
            *profiles.entry(p).or_insert(next)
        };
        let dossier_profile = input
            .dossiers
            .iter()
            .map(|d| intern(d.profile.as_str()))
            .collect();
        let juror_profiles = input
            .jurors
            .iter()
            .map(|j| {
                let mut ps: Vec<u32> = j.profiles.iter().map(|p| intern(p.as_str())).collect();
                ps.sort_unstable();
                ps.dedup();
                ps
            })
            .collect();
        let max_load = input
            .jurors
            .iter()
            .map(|j| j.max_load.or(input.max_load).unwrap_or(u32::MAX))
            .collect();
        Ok(Self {
            input,
            n: input.reviews_per_dossier,
            max_load,
            conflicted,
            existing,
            dossier_profile,
            juror_profiles,
        })
    }

    pub fn jurors(&self) -> usize {
        self.input.jurors.len()
    }

    pub fn dossiers(&self) -> usize {
        self.input.dossiers.len()
    }

    /// Whether juror `j` judges dossier `d`'s profile as a peer.
    pub fn peer(&self, j: usize, d: usize) -> bool {
        self.juror_profiles[j]
            .binary_search(&self.dossier_profile[d])
            .is_ok()
    }
}
