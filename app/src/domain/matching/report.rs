//! The outcome: assignments, what is left unfilled, and a check computed
//! apart from the algorithm (blocking pairs, choice-rank histogram).

use super::engine::State;
use super::explain;
use super::problem::Problem;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    pub candidate: String,
    pub defi: String,
    pub profile: String,
    /// Which of the candidate's choices it was (1 = first); `null` for a
    /// défi taken because the candidate was open to others.
    pub choice_rank: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Withdrawn {
    pub defi: String,
    /// In French, as the coordinators read it.
    pub reason: String,
    pub reason_en: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unfilled {
    pub defi: String,
    pub profile: String,
    pub missing: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Explanation {
    pub fr: String,
    pub en: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub assignments: Vec<Assignment>,
    pub unassigned: Vec<String>,
    pub withdrawn_defis: Vec<Withdrawn>,
    pub unfilled_slots: Vec<Unfilled>,
    pub blocking_pairs: u64,
    /// "1", "2", … (choice ranks), "other", "none".
    pub rank_histogram: BTreeMap<String, u64>,
    pub explanations: BTreeMap<String, Explanation>,
}

pub(crate) fn build(p: &Problem, st: &State) -> Outcome {
    let mut assignments = Vec::new();
    let mut unassigned = Vec::new();
    let deepest = p
        .candidates
        .iter()
        .map(|c| c.choices.len())
        .max()
        .unwrap_or(0)
        .max(3);
    let mut histogram: BTreeMap<String, u64> = (1..=deepest).map(|k| (k.to_string(), 0)).collect();
    histogram.insert("other".into(), 0);
    histogram.insert("none".into(), 0);
    for (ci, c) in p.candidates.iter().enumerate() {
        let key = match st.assigned[ci] {
            Some(i) => {
                let pref = p.prefs[ci][i];
                let slot = &p.slots[pref.slot];
                assignments.push(Assignment {
                    candidate: c.id.clone(),
                    defi: p.defis[slot.defi].id.clone(),
                    profile: slot.profile.clone(),
                    choice_rank: pref.choice,
                });
                pref.choice.map_or("other".to_owned(), |k| k.to_string())
            }
            None => {
                unassigned.push(c.id.clone());
                "none".to_owned()
            }
        };
        *histogram.entry(key).or_default() += 1;
    }
    let withdrawn_defis = st
        .withdrawn
        .iter()
        .map(|&(d, why)| {
            let (fr, en) = explain::withdraw_reason(p, why);
            Withdrawn {
                defi: p.defis[d].id.clone(),
                reason: fr,
                reason_en: en,
            }
        })
        .collect();
    let unfilled_slots = p
        .slots
        .iter()
        .enumerate()
        .filter(|(_, s)| st.active[s.defi])
        .filter_map(|(i, s)| {
            let missing = s.capacity - st.held[i].len() as u32;
            (missing > 0).then(|| Unfilled {
                defi: p.defis[s.defi].id.clone(),
                profile: s.profile.clone(),
                missing,
            })
        })
        .collect();
    let explanations = p
        .candidates
        .iter()
        .enumerate()
        .map(|(ci, c)| (c.id.clone(), explain::candidate(p, st, ci)))
        .collect();
    Outcome {
        assignments,
        unassigned,
        withdrawn_defis,
        unfilled_slots,
        blocking_pairs: blocking_pairs(p, st),
        rank_histogram: histogram,
        explanations,
    }
}

/// Pairs (candidate, slot of a viable défi) that would both rather be
/// together: the candidate prefers the slot to what they got, and the slot
/// has a free seat or holds someone its jury ranked lower. Computed from the
/// final holds only, not from the algorithm's steps.
pub(crate) fn blocking_pairs(p: &Problem, st: &State) -> u64 {
    let worst: Vec<Option<u32>> = st
        .held
        .iter()
        .map(|h| h.iter().map(|&(r, _)| r).max())
        .collect();
    let mut count = 0;
    for (ci, prefs) in p.prefs.iter().enumerate() {
        let better = st.assigned[ci].unwrap_or(prefs.len());
        for pref in &prefs[..better] {
            let slot = &p.slots[pref.slot];
            if !st.active[slot.defi] {
                continue;
            }
            let free_seat = (st.held[pref.slot].len() as u32) < slot.capacity;
            if free_seat || worst[pref.slot].is_some_and(|w| w > pref.rank) {
                count += 1;
            }
        }
    }
    count
}
