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

pub mod grid;
pub mod ranking;
pub mod status;

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
    /// The end of the slot (the end of time for a slot that would end
    /// past what dates can hold).
    fn ends(&self) -> DateTime<Utc> {
        self.starts
            .checked_add_signed(Duration::minutes(i64::from(self.minutes)))
            .unwrap_or(DateTime::<Utc>::MAX_UTC)
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

/// What a run proposes: nothing is stored until a coordinator applies it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// (request, slot) placed by this run, by candidate then jury.
    pub placed: Vec<(Request, i64)>,
    /// Requests left without a slot, with the reason.
    pub unplaced: Vec<(Request, Unplaced)>,
}

/// The longest notice a run takes, in working days (about a year).
pub const MAX_NOTICE: u32 = 260;

/// The first day an interview may take place: `notice` working days after
/// today in Paris (at most `MAX_NOTICE`).
pub fn first_day(rules: &Rules) -> chrono::NaiveDate {
    let today = rules
        .now
        .with_timezone(&chrono_tz::Europe::Paris)
        .date_naive();
    add_working_days(today, rules.notice.min(MAX_NOTICE))
}

/// Whether two interviews keep `gap` minutes between them.
fn apart(a: &Slot, b: &Slot, gap: u32) -> bool {
    let gap = Duration::minutes(i64::from(gap));
    let after = |x: &Slot| {
        x.ends()
            .checked_add_signed(gap)
            .unwrap_or(DateTime::<Utc>::MAX_UTC)
    };
    after(a) <= b.starts || after(b) <= a.starts
}

struct State<'a> {
    slots: &'a [Slot],
    gap: u32,
    /// Slot index → request index holding it.
    holder: Vec<Option<usize>>,
    /// Request index → slot index.
    at: Vec<Option<usize>>,
    requests: Vec<Request>,
    /// The interviews each candidate already has outside this run.
    fixed: HashMap<i64, Vec<Slot>>,
}

impl State<'_> {
    /// Whether request `r` may take slot `s` next to the candidate's other
    /// interviews (those of this run except `r` itself, and the fixed ones).
    fn fits(&self, r: usize, s: usize) -> bool {
        let c = self.requests[r].candidate;
        let slot = &self.slots[s];
        let fixed = self.fixed.get(&c).into_iter().flatten();
        let placed = self
            .requests
            .iter()
            .enumerate()
            .filter(|(i, q)| *i != r && q.candidate == c)
            .filter_map(|(i, _)| self.at[i])
            .map(|o| &self.slots[o]);
        fixed
            .chain(placed)
            .all(|o| o.id != slot.id && apart(slot, o, self.gap))
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

/// Places `requests` in `slots` under `rules`, keeping the `existing`
/// interviews (candidate, slot), whether or not their slots are among
/// `slots`. Duplicate requests count once; a slot id given twice is
/// offered once; a slot an existing interview holds is not offered; a
/// request for a jury the candidate already has an interview with is
/// already met (neither placed nor unplaced).
pub fn schedule(
    slots: &[Slot],
    requests: &[Request],
    existing: &[(i64, Slot)],
    rules: &Rules,
) -> Plan {
    let first = first_day(rules);
    let mut fixed: HashMap<i64, Vec<Slot>> = HashMap::new();
    for (c, s) in existing {
        fixed.entry(*c).or_default().push(s.clone());
    }
    let held: std::collections::HashSet<i64> = existing.iter().map(|(_, s)| s.id).collect();
    let mut ids = std::collections::HashSet::new();
    let taken: Vec<bool> = slots
        .iter()
        .map(|s| held.contains(&s.id) || !ids.insert(s.id))
        .collect();
    let mut requests: Vec<Request> = requests.to_vec();
    requests.sort_unstable();
    requests.dedup();
    // A candidate already interviewed by a jury needs no other slot there.
    requests.retain(|r| {
        !fixed
            .get(&r.candidate)
            .is_some_and(|own| own.iter().any(|s| s.jury == r.jury))
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
            } else if !options[r].is_empty() && options[r].iter().all(|&s| !state.fits(r, s)) {
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
