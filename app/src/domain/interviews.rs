//! Interview scheduling: the candidates proposed to a jury get one of its
//! slots each. Rules:
//! - a slot holds one interview;
//! - a slot starts at least `notice` French working days after today
//!   (Paris time; `working_days`);
//! - two interviews of one candidate keep at least `gap` minutes between
//!   the end of one and the start of the next (their existing interviews
//!   included);
//! - existing interviews are kept as they are.
//!
//! The plan is deterministic: requests are placed scarcest first (fewest
//! possible slots, then by ids), each in its earliest possible slot; when
//! none is free, an augmenting path (Kuhn's algorithm) moves interviews
//! already placed to other slots of their own jury, never breaking a
//! candidate's gap. Without gap constraints between requests (one request
//! per candidate), this places as many interviews as any plan can (the
//! tests check it against brute force); with them the problem is hard in
//! general, and the plan is valid but may leave out one a cleverer search
//! would place: the plan names every request left out and why.

use super::working_days::add_working_days;
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;

/// A jury's slot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slot {
    pub id: i64,
    pub jury: i64,
    pub starts: DateTime<Utc>,
    pub minutes: u32,
}

impl Slot {
    fn ends(&self) -> DateTime<Utc> {
        self.starts + Duration::minutes(i64::from(self.minutes))
    }
}

/// A candidate to interview by a jury.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Request {
    pub candidate: i64,
    pub jury: i64,
}

/// The rules of a scheduling run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rules {
    /// The moment of the run: notice counts from its Paris date.
    pub now: DateTime<Utc>,
    /// Working days between today and an interview's day (default 5).
    pub notice: u32,
    /// Minutes between two interviews of one candidate.
    pub gap: u32,
}

/// Why a request has no slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unplaced {
    /// The jury has no slot far enough ahead (notice).
    NoSlotAfterNotice,
    /// Every slot left would be too close to another interview of the
    /// candidate.
    Clash,
    /// More candidates than slots the rules allow.
    Full,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// (request, slot) placed by this run, by candidate then jury.
    pub placed: Vec<(Request, i64)>,
    /// Requests left without a slot, with the reason.
    pub unplaced: Vec<(Request, Unplaced)>,
}

/// The first day an interview may take place: `notice` working days after
/// today in Paris.
pub fn first_day(rules: &Rules) -> chrono::NaiveDate {
    let today = rules
        .now
        .with_timezone(&chrono_tz::Europe::Paris)
        .date_naive();
    add_working_days(today, rules.notice)
}

fn apart(a: &Slot, b: &Slot, gap: u32) -> bool {
    let gap = Duration::minutes(i64::from(gap));
    a.ends() + gap <= b.starts || b.ends() + gap <= a.starts
}

struct State<'a> {
    slots: &'a [Slot],
    gap: u32,
    /// Slot index → request index holding it.
    holder: Vec<Option<usize>>,
    /// Request index → slot index.
    at: Vec<Option<usize>>,
    requests: Vec<Request>,
    /// Slot indices each candidate already holds outside this run.
    fixed: HashMap<i64, Vec<usize>>,
}

impl State<'_> {
    /// Whether request `r` may take slot `s` next to the candidate's other
    /// interviews (those of this run except `r` itself, and the fixed ones).
    fn fits(&self, r: usize, s: usize) -> bool {
        let c = self.requests[r].candidate;
        let slot = &self.slots[s];
        let fixed = self.fixed.get(&c).into_iter().flatten().copied();
        let placed = self
            .requests
            .iter()
            .enumerate()
            .filter(|(i, q)| *i != r && q.candidate == c)
            .filter_map(|(i, _)| self.at[i]);
        fixed
            .chain(placed)
            .all(|o| o != s && apart(slot, &self.slots[o], self.gap))
    }

    /// Kuhn's augmenting path from request `r` over `options`.
    fn augment(&mut self, r: usize, options: &[Vec<usize>], seen: &mut [bool]) -> bool {
        for &s in &options[r] {
            if seen[s] || !self.fits(r, s) {
                continue;
            }
            seen[s] = true;
            let moved = match self.holder[s] {
                None => true,
                Some(other) => {
                    // Free the slot while the other request looks elsewhere.
                    self.holder[s] = None;
                    self.at[other] = None;
                    if self.augment(other, options, seen) {
                        true
                    } else {
                        self.holder[s] = Some(other);
                        self.at[other] = Some(s);
                        false
                    }
                }
            };
            if moved {
                self.holder[s] = Some(r);
                self.at[r] = Some(s);
                return true;
            }
        }
        false
    }
}

/// Places `requests` in `slots` under `rules`, keeping `existing`
/// (candidate, slot) interviews. Duplicate requests count once; a slot
/// already taken by an existing interview is not offered.
pub fn schedule(
    slots: &[Slot],
    requests: &[Request],
    existing: &[(i64, i64)],
    rules: &Rules,
) -> Plan {
    let first = first_day(rules);
    let index: HashMap<i64, usize> = slots.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
    let mut fixed: HashMap<i64, Vec<usize>> = HashMap::new();
    let mut taken = vec![false; slots.len()];
    for (c, s) in existing {
        if let Some(&i) = index.get(s) {
            fixed.entry(*c).or_default().push(i);
            taken[i] = true;
        }
    }
    let mut requests: Vec<Request> = requests.to_vec();
    requests.sort_unstable();
    requests.dedup();
    // A candidate already interviewed by a jury needs no other slot there.
    requests.retain(|r| {
        !fixed
            .get(&r.candidate)
            .is_some_and(|own| own.iter().any(|&i| slots[i].jury == r.jury))
    });
    // Each request's possible slots, earliest first.
    let mut by_time: Vec<usize> = (0..slots.len()).collect();
    by_time.sort_by_key(|&i| (slots[i].starts, slots[i].id));
    let after_notice = |i: usize| {
        slots[i]
            .starts
            .with_timezone(&chrono_tz::Europe::Paris)
            .date_naive()
            >= first
    };
    let options: Vec<Vec<usize>> = requests
        .iter()
        .map(|r| {
            by_time
                .iter()
                .copied()
                .filter(|&i| slots[i].jury == r.jury && !taken[i] && after_notice(i))
                .collect()
        })
        .collect();
    let mut state = State {
        slots,
        gap: rules.gap,
        holder: vec![None; slots.len()],
        at: vec![None; requests.len()],
        requests: requests.clone(),
        fixed,
    };
    // Scarcest first; ties by (candidate, jury).
    let mut order: Vec<usize> = (0..requests.len()).collect();
    order.sort_by_key(|&r| (options[r].len(), requests[r]));
    let mut unplaced = Vec::new();
    for r in order {
        let mut seen = vec![false; slots.len()];
        if !state.augment(r, &options, &mut seen) {
            let any_after_notice = slots
                .iter()
                .enumerate()
                .any(|(i, s)| s.jury == requests[r].jury && after_notice(i));
            let reason = if !any_after_notice {
                Unplaced::NoSlotAfterNotice
            } else if options[r].iter().all(|&s| !state.fits(r, s)) {
                Unplaced::Clash
            } else {
                Unplaced::Full
            };
            unplaced.push((requests[r], reason));
        }
    }
    let mut placed: Vec<(Request, i64)> = requests
        .iter()
        .enumerate()
        .filter_map(|(r, q)| state.at[r].map(|s| (*q, slots[s].id)))
        .collect();
    placed.sort_unstable();
    unplaced.sort_unstable_by_key(|(r, _)| *r);
    Plan { placed, unplaced }
}

#[cfg(test)]
mod tests;
