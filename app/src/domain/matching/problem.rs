//! The validated, indexed problem: ids become indices, rankings become
//! positions, and each candidate gets their full preference list over slots.

use super::input::{Input, InputError};
use std::collections::HashMap;

pub(crate) struct Defi {
    pub id: String,
    pub min: u32,
    /// Indices into `Problem::slots`.
    pub slots: std::ops::Range<usize>,
    /// Distinct candidates who could take one of its seats: listed by its
    /// jury and willing (they chose it, or are open to others). A
    /// tie-break when choosing which défi to withdraw.
    pub acceptable: usize,
}

pub(crate) struct Slot {
    pub defi: usize,
    pub profile: String,
    pub capacity: u32,
    pub mandatory: bool,
    pub ranking_len: usize,
}

pub(crate) struct Candidate {
    pub id: String,
    pub profile: String,
    /// Interned profile, for cheap lookups.
    pub profile_id: u32,
    pub choices: Vec<usize>,
    pub open_to_others: bool,
}

/// One acceptable option of a candidate, in their order of preference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pref {
    pub slot: usize,
    /// 0-based position of the candidate in the slot's ranking.
    pub rank: u32,
    /// 1-based position of the défi in the candidate's choices; `None` for
    /// a défi added because the candidate is open to others.
    pub choice: Option<u32>,
}

pub(crate) struct Problem {
    pub defis: Vec<Defi>,
    pub slots: Vec<Slot>,
    pub candidates: Vec<Candidate>,
    pub prefs: Vec<Vec<Pref>>,
    /// (défi, profile) → slot.
    pub slot_of: HashMap<(usize, u32), usize>,
    /// Per candidate, (slot, 0-based position) for every slot listing them,
    /// sorted by slot.
    pub listed_at: Vec<Vec<(usize, u32)>>,
}

impl Problem {
    pub fn listed_position(&self, candidate: usize, slot: usize) -> Option<u32> {
        let listed = &self.listed_at[candidate];
        listed
            .binary_search_by_key(&slot, |&(s, _)| s)
            .ok()
            .map(|i| listed[i].1)
    }

    /// The slot of `defi` for the candidate's profile, if it has one.
    pub fn slot_for(&self, defi: usize, candidate: usize) -> Option<usize> {
        self.slot_of
            .get(&(defi, self.candidates[candidate].profile_id))
            .copied()
    }

    pub fn build<'a>(input: &'a Input) -> Result<Self, InputError> {
        let mut profiles: HashMap<&str, u32> = HashMap::new();
        let mut intern = |name: &'a str| -> u32 {
            let next = profiles.len() as u32;
            *profiles.entry(name).or_insert(next)
        };
        let cand_profile: Vec<u32> = input
            .candidates
            .iter()
            .map(|c| intern(&c.profile))
            .collect();
        let slot_profile: Vec<Vec<u32>> = input
            .defis
            .iter()
            .map(|d| d.slots.iter().map(|s| intern(&s.profile)).collect())
            .collect();
        let candidate_index = index(
            input.candidates.iter().map(|c| c.id.as_str()),
            ("candidates", "candidate"),
            |i| {
                if input.candidates[i].profile.is_empty() {
                    return Err(InputError::at(
                        format!("candidates[{i}].profile"),
                        "the profile is empty",
                    ));
                }
                Ok(())
            },
        )?;
        let ids = input.defis.iter().map(|d| d.id.as_str());
        let defi_index = index(ids, ("defis", "défi"), |_| Ok(()))?;

        let mut defis = Vec::with_capacity(input.defis.len());
        let mut slots = Vec::new();
        let mut slot_of = HashMap::new();
        let mut listed_at: Vec<Vec<(usize, u32)>> = vec![Vec::new(); input.candidates.len()];
        for (di, d) in input.defis.iter().enumerate() {
            if d.min_team == 0 {
                return Err(InputError::at(
                    format!("defis[{di}].min_team"),
                    "must be at least 1",
                ));
            }
            if d.min_team > d.max_team {
                return Err(InputError::at(
                    format!("defis[{di}].min_team"),
                    format!(
                        "min_team {} is greater than max_team {}",
                        d.min_team, d.max_team
                    ),
                ));
            }
            let seats: u64 = d.slots.iter().map(|s| u64::from(s.capacity)).sum();
            if seats > u64::from(d.max_team) {
                return Err(InputError::at(
                    format!("defis[{di}].slots"),
                    format!("{seats} seats in all, more than max_team {}", d.max_team),
                ));
            }
            let start = slots.len();
            for (si, s) in d.slots.iter().enumerate() {
                let path = || format!("defis[{di}].slots[{si}]");
                if s.capacity == 0 {
                    return Err(InputError::at(
                        format!("{}.capacity", path()),
                        "capacity must be at least 1",
                    ));
                }
                if s.profile.is_empty() {
                    return Err(InputError::at(
                        format!("{}.profile", path()),
                        "the profile is empty",
                    ));
                }
                let slot = slots.len();
                if slot_of.insert((di, slot_profile[di][si]), slot).is_some() {
                    return Err(InputError::at(
                        format!("{}.profile", path()),
                        format!("défi {:?} already has a {:?} slot", d.id, s.profile),
                    ));
                }
                for (pos, cid) in s.ranking.iter().enumerate() {
                    let rpath = || format!("{}.ranking[{pos}]", path());
                    let Some(&c) = candidate_index.get(cid.as_str()) else {
                        return Err(InputError::at(
                            rpath(),
                            format!("unknown candidate {cid:?}"),
                        ));
                    };
                    let cand = &input.candidates[c];
                    if cand_profile[c] != slot_profile[di][si] {
                        return Err(InputError::at(
                            rpath(),
                            format!(
                                "candidate {cid:?} has profile {:?}, not {:?}",
                                cand.profile, s.profile
                            ),
                        ));
                    }
                    if listed_at[c].last().is_some_and(|&(sl, _)| sl == slot) {
                        return Err(InputError::at(
                            rpath(),
                            format!("candidate {cid:?} is listed twice"),
                        ));
                    }
                    listed_at[c].push((slot, pos as u32));
                }
                slots.push(super::problem::Slot {
                    defi: di,
                    profile: s.profile.clone(),
                    capacity: s.capacity,
                    mandatory: s.mandatory,
                    ranking_len: s.ranking.len(),
                });
            }
            defis.push(Defi {
                id: d.id.clone(),
                min: d.min_team,
                slots: start..slots.len(),
                acceptable: 0,
            });
        }

        let mut candidates = Vec::with_capacity(input.candidates.len());
        let mut prefs = Vec::with_capacity(input.candidates.len());
        for (ci, c) in input.candidates.iter().enumerate() {
            let mut choices = Vec::with_capacity(c.choices.len());
            for (k, did) in c.choices.iter().enumerate() {
                let path = || format!("candidates[{ci}].choices[{k}]");
                let Some(&d) = defi_index.get(did.as_str()) else {
                    return Err(InputError::at(path(), format!("unknown défi {did:?}")));
                };
                if choices.contains(&d) {
                    return Err(InputError::at(
                        path(),
                        format!("défi {did:?} is chosen twice"),
                    ));
                }
                choices.push(d);
            }
            candidates.push(Candidate {
                id: c.id.clone(),
                profile: c.profile.clone(),
                profile_id: cand_profile[ci],
                choices,
                open_to_others: c.open_to_others,
            });
        }
        let mut problem = Problem {
            defis,
            slots,
            candidates,
            prefs: Vec::new(),
            slot_of,
            listed_at,
        };
        for ci in 0..problem.candidates.len() {
            prefs.push(problem.preferences(ci, input));
        }
        // Each candidate has at most one slot per défi in their list.
        for list in &prefs {
            for pref in list {
                problem.defis[problem.slots[pref.slot].defi].acceptable += 1;
            }
        }
        problem.prefs = prefs;
        Ok(problem)
    }

    /// The candidate's options, best first: their chosen défis where the
    /// jury listed them, then (if open to others) the other défis listing
    /// them, by position in those lists, then by défi id.
    fn preferences(&self, ci: usize, input: &Input) -> Vec<Pref> {
        let c = &self.candidates[ci];
        let mut out = Vec::with_capacity(c.choices.len());
        for (k, &d) in c.choices.iter().enumerate() {
            if let Some(slot) = self.slot_for(d, ci)
                && let Some(rank) = self.listed_position(ci, slot)
            {
                out.push(Pref {
                    slot,
                    rank,
                    choice: Some(k as u32 + 1),
                });
            }
        }
        if c.open_to_others {
            let mut others: Vec<Pref> = self.listed_at[ci]
                .iter()
                .filter(|&&(slot, _)| !c.choices.contains(&self.slots[slot].defi))
                .map(|&(slot, rank)| Pref {
                    slot,
                    rank,
                    choice: None,
                })
                .collect();
            others.sort_by(|a, b| {
                a.rank.cmp(&b.rank).then_with(|| {
                    input.defis[self.slots[a.slot].defi]
                        .id
                        .cmp(&input.defis[self.slots[b.slot].defi].id)
                })
            });
            out.extend(others);
        }
        out
    }
}

/// Each id's position in its list (`list`, of `what`s): an empty or a
/// repeated id is refused, with its path in the input; `then` checks the
/// rest of each entry, in the same pass (the first problem is reported).
fn index<'a>(
    ids: impl Iterator<Item = &'a str>,
    (list, what): (&str, &str),
    then: impl Fn(usize) -> Result<(), InputError>,
) -> Result<HashMap<&'a str, usize>, InputError> {
    let mut found = HashMap::new();
    for (i, id) in ids.enumerate() {
        let path = || format!("{list}[{i}].id");
        if id.is_empty() {
            return Err(InputError::at(path(), "the id is empty"));
        }
        if found.insert(id, i).is_some() {
            return Err(InputError::at(
                path(),
                format!("duplicate {what} id {id:?}"),
            ));
        }
        then(i)?;
    }
    Ok(found)
}
