//! The blocking pairs of any placement of an input (the engine's, or one
//! a coordinator changed), computed from the input and the placement only:
//! a candidate and a défi who would both rather be together.

use super::input::Input;
use std::collections::HashMap;

/// A candidate placed (`defi`), by the input's ids.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seat {
    pub candidate: String,
    pub defi: String,
}

/// A candidate and a défi that would both rather be together.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BlockingPair {
    pub candidate: String,
    pub defi: String,
}

/// The candidate's acceptable défis, best first: their choices whose jury
/// listed them, then (open to others) the other défis listing them, by
/// position on the list, then by id.
pub fn acceptable(input: &Input, candidate: &str) -> Vec<String> {
    let Some(c) = input.candidates.iter().find(|c| c.id == candidate) else {
        return Vec::new();
    };
    let listed: HashMap<&str, usize> = input
        .defis
        .iter()
        .filter_map(|d| {
            let slot = d.slots.iter().find(|s| s.profile == c.profile)?;
            let at = slot.ranking.iter().position(|x| x == candidate)?;
            Some((d.id.as_str(), at))
        })
        .collect();
    let mut out: Vec<String> = c
        .choices
        .iter()
        .filter(|d| listed.contains_key(d.as_str()))
        .cloned()
        .collect();
    if c.open_to_others {
        let mut others: Vec<(usize, &str)> = listed
            .iter()
            .filter(|(d, _)| !c.choices.iter().any(|x| x == *d))
            .map(|(d, at)| (*at, *d))
            .collect();
        others.sort();
        out.extend(others.into_iter().map(|(_, d)| d.to_owned()));
    }
    out
}

/// Every blocking pair of `seats`, ignoring the `withdrawn` défis: the
/// candidate prefers the défi to their seat (or has none), and the défi's
/// slot for their profile has a free seat or holds someone its jury ranked
/// lower.
pub fn blocking_pairs(input: &Input, seats: &[Seat], withdrawn: &[String]) -> Vec<BlockingPair> {
    let profile_of: HashMap<&str, &str> = input
        .candidates
        .iter()
        .map(|c| (c.id.as_str(), c.profile.as_str()))
        .collect();
    let seat_of: HashMap<&str, &str> = seats
        .iter()
        .map(|s| (s.candidate.as_str(), s.defi.as_str()))
        .collect();
    let mut out = Vec::new();
    for c in &input.candidates {
        let options = acceptable(input, &c.id);
        let mine = seat_of
            .get(c.id.as_str())
            .and_then(|d| options.iter().position(|o| o == d))
            .unwrap_or(options.len());
        for d in &options[..mine] {
            if withdrawn.contains(d) {
                continue;
            }
            let Some(defi) = input.defis.iter().find(|x| &x.id == d) else {
                continue;
            };
            let Some(slot) = defi.slots.iter().find(|s| s.profile == c.profile) else {
                continue;
            };
            let rank = |id: &str| slot.ranking.iter().position(|x| x == id);
            let holders: Vec<&str> = seats
                .iter()
                .filter(|s| {
                    &s.defi == d
                        && profile_of.get(s.candidate.as_str()) == Some(&slot.profile.as_str())
                })
                .map(|s| s.candidate.as_str())
                .collect();
            let me = rank(&c.id);
            let free = (holders.len() as u32) < slot.capacity;
            let worse = holders.iter().any(|h| rank(h).is_none_or(|r| Some(r) > me));
            if free || worse {
                out.push(BlockingPair {
                    candidate: c.id.clone(),
                    defi: d.clone(),
                });
            }
        }
    }
    out
}
