//! The cascade ("ordre d'appel"): who is offered a seat next.
//!
//! A seat that is free goes to the first candidate on its slot's list who
//! is still on that waitlist and holds no seat they prefer. A candidate is
//! on a slot's waitlist while they have not been offered it, have not
//! refused it (declined, let expire, released), have not withdrawn, and
//! have never accepted a seat they prefer: each of these only ever becomes
//! true, so a waitlist only shrinks and the position a candidate sees never
//! rises — save when a défi is withdrawn: those who had accepted its seats
//! go back on the lists of the défis they ranked below it (and above it,
//! when they had renounced them while keeping that seat). A candidate
//! holding a seat keeps the waitlists of the seats they prefer; accepting
//! one releases the others; a signed contract renounces them.
//!
//! The state is the replay of the log's events; [`State::next_offers`]
//! gives the offers to make now. `verify` checks the same log with code of
//! its own.

use super::log::{Event, Kind, Log, defi_of};
use std::collections::{HashMap, HashSet};

/// The market indexed: slots and candidates by position.
#[derive(Clone, Debug)]
pub struct Market {
    pub slot_ids: Vec<String>,
    pub capacity: Vec<u32>,
    /// Per slot, whether its défi was withdrawn (no more offers).
    pub closed: Vec<bool>,
    /// Per slot, its list as candidate indices, best first.
    pub lists: Vec<Vec<usize>>,
    pub candidate_ids: Vec<String>,
    /// Per candidate, their acceptable slots (listed, défi chosen) in
    /// order of preference.
    pub prefs: Vec<Vec<usize>>,
    slot_index: HashMap<String, usize>,
    candidate_index: HashMap<String, usize>,
    /// (candidate, slot) → index in the candidate's preferences.
    pref_of: HashMap<(usize, usize), usize>,
    /// (candidate, slot) → 0-based position on the slot's list.
    listed: HashMap<(usize, usize), usize>,
}

impl Market {
    /// Indexes the log's slots and candidates; a repeated or unknown id,
    /// or a candidate listed twice for one défi, is refused.
    pub fn build(log: &Log) -> Result<Market, String> {
        let mut candidate_index = HashMap::new();
        for (i, c) in log.candidates.iter().enumerate() {
            if candidate_index.insert(c.id.clone(), i).is_some() {
                return Err(format!("candidates[{i}]: duplicate candidate {:?}", c.id));
            }
        }
        let mut slot_index = HashMap::new();
        let mut lists = Vec::with_capacity(log.slots.len());
        let mut listed = HashMap::new();
        // (candidate, défi) → slot listing them.
        let mut by_defi: HashMap<(usize, &str), usize> = HashMap::new();
        for (si, s) in log.slots.iter().enumerate() {
            if slot_index.insert(s.slot.clone(), si).is_some() {
                return Err(format!("slots[{si}]: duplicate slot {:?}", s.slot));
            }
            let mut list = Vec::with_capacity(s.list.len());
            for (pos, id) in s.list.iter().enumerate() {
                let Some(&c) = candidate_index.get(id) else {
                    return Err(format!("slots[{si}].list[{pos}]: unknown candidate {id:?}"));
                };
                if listed.insert((c, si), pos).is_some() {
                    return Err(format!("slots[{si}].list[{pos}]: {id:?} is listed twice"));
                }
                if by_defi.insert((c, defi_of(&s.slot)), si).is_some() {
                    return Err(format!(
                        "slots[{si}].list[{pos}]: {id:?} is listed on two slots of one défi"
                    ));
                }
                list.push(c);
            }
            lists.push(list);
        }
        let mut prefs = Vec::with_capacity(log.candidates.len());
        let mut pref_of = HashMap::new();
        for (ci, c) in log.candidates.iter().enumerate() {
            let mut mine = Vec::new();
            for d in &c.choices {
                if let Some(&s) = by_defi.get(&(ci, d.as_str()))
                    && !mine.contains(&s)
                {
                    pref_of.insert((ci, s), mine.len());
                    mine.push(s);
                }
            }
            prefs.push(mine);
        }
        Ok(Market {
            slot_ids: log.slots.iter().map(|s| s.slot.clone()).collect(),
            capacity: log.slots.iter().map(|s| s.capacity).collect(),
            closed: log.slots.iter().map(|s| s.closed_after.is_some()).collect(),
            lists,
            candidate_ids: log.candidates.iter().map(|c| c.id.clone()).collect(),
            prefs,
            slot_index,
            candidate_index,
            pref_of,
            listed,
        })
    }

    pub fn slot(&self, id: &str) -> Option<usize> {
        self.slot_index.get(id).copied()
    }

    pub fn candidate(&self, id: &str) -> Option<usize> {
        self.candidate_index.get(id).copied()
    }

    /// Where the slot comes in the candidate's preferences (0 = first);
    /// `None` when they would not take it.
    pub fn preference(&self, candidate: usize, slot: usize) -> Option<usize> {
        self.pref_of.get(&(candidate, slot)).copied()
    }

    /// 0-based position on the slot's list.
    pub fn listed_at(&self, candidate: usize, slot: usize) -> Option<usize> {
        self.listed.get(&(candidate, slot)).copied()
    }
}

/// A seat held: open (to answer) or accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Held {
    pub slot: usize,
    pub accepted: bool,
}

/// Where the offers stand after some events.
#[derive(Clone, Debug)]
pub struct State<'m> {
    pub market: &'m Market,
    pub held: Vec<Vec<Held>>,
    pub load: Vec<u32>,
    offered: HashSet<(usize, usize)>,
    refused: HashSet<(usize, usize)>,
    pub withdrawn: Vec<bool>,
    /// Per candidate, whether they left every waitlist (keeping their
    /// accepted seat).
    pub renounced: Vec<bool>,
    /// Per candidate, the slots they ever accepted.
    accepted: Vec<Vec<usize>>,
}

impl<'m> State<'m> {
    pub fn new(market: &'m Market) -> Self {
        let n = market.candidate_ids.len();
        State {
            market,
            held: vec![Vec::new(); n],
            load: vec![0; market.slot_ids.len()],
            offered: HashSet::new(),
            refused: HashSet::new(),
            withdrawn: vec![false; n],
            renounced: vec![false; n],
            accepted: vec![Vec::new(); n],
        }
    }

    /// Replays events in order; the first one that cannot happen is an
    /// error naming its sequence number.
    pub fn replay(market: &'m Market, events: &[Event]) -> Result<Self, String> {
        let mut st = State::new(market);
        for e in events {
            let c = market
                .candidate(&e.candidate)
                .ok_or_else(|| format!("event {}: unknown candidate {:?}", e.seq, e.candidate))?;
            let s = match &e.slot {
                Some(id) => Some(
                    market
                        .slot(id)
                        .ok_or_else(|| format!("event {}: unknown slot {id:?}", e.seq))?,
                ),
                None => None,
            };
            st.apply(e.kind, c, s)
                .map_err(|why| format!("event {}: {why}", e.seq))?;
        }
        Ok(st)
    }

    fn holds(&self, c: usize, s: usize) -> Option<Held> {
        self.held[c].iter().copied().find(|h| h.slot == s)
    }

    fn drop_seat(&mut self, c: usize, s: usize) {
        self.held[c].retain(|h| h.slot != s);
        self.load[s] -= 1;
        // A renouncement holds while its seat is kept: the seat taken back
        // (its défi withdrawn), the person waits again and may renounce
        // again once a new contract is signed.
        if !self.held[c].iter().any(|h| h.accepted) {
            self.renounced[c] = false;
        }
    }

    /// Applies one event, or says why it cannot happen.
    pub fn apply(&mut self, kind: Kind, c: usize, s: Option<usize>) -> Result<(), String> {
        if self.withdrawn[c] {
            return Err("the candidate has withdrawn".into());
        }
        if kind == Kind::Withdraw {
            for h in std::mem::take(&mut self.held[c]) {
                self.load[h.slot] -= 1;
            }
            self.withdrawn[c] = true;
            return Ok(());
        }
        if kind == Kind::Renounce {
            if s.is_some() {
                return Err("a renouncement names no slot".into());
            }
            if !self.held[c].iter().any(|h| h.accepted) {
                return Err("the candidate holds no accepted seat".into());
            }
            if self.renounced[c] {
                return Err("the candidate has already left their waitlists".into());
            }
            self.renounced[c] = true;
            return Ok(());
        }
        let s = s.ok_or("no slot")?;
        let held = self.holds(c, s);
        match kind {
            Kind::Offer => {
                if !self.waited(c, s) {
                    return Err("the candidate is not on this waitlist".into());
                }
                if self.load[s] >= self.market.capacity[s] {
                    return Err("every seat of the slot is taken".into());
                }
                self.held[c].push(Held {
                    slot: s,
                    accepted: false,
                });
                self.load[s] += 1;
                self.offered.insert((c, s));
            }
            Kind::Accept => {
                if held
                    != Some(Held {
                        slot: s,
                        accepted: false,
                    })
                {
                    return Err("no open offer to accept".into());
                }
                for h in &mut self.held[c] {
                    if h.slot == s {
                        h.accepted = true;
                    }
                }
                self.accepted[c].push(s);
            }
            Kind::Decline | Kind::Expire => {
                if held
                    != Some(Held {
                        slot: s,
                        accepted: false,
                    })
                {
                    return Err("no open offer to answer".into());
                }
                self.drop_seat(c, s);
                self.refused.insert((c, s));
            }
            Kind::Release => {
                if held.is_none() {
                    return Err("no seat to release".into());
                }
                self.drop_seat(c, s);
                self.refused.insert((c, s));
            }
            Kind::Withdraw | Kind::Renounce => unreachable!("handled above"),
        }
        Ok(())
    }

    /// On the slot's waitlist: would take it, not offered it yet, has not
    /// refused it, has not withdrawn nor left the waitlists, has accepted
    /// nothing they prefer; and
    /// the slot's défi is not withdrawn.
    pub fn waiting(&self, c: usize, s: usize) -> bool {
        !self.market.closed[s] && self.waited(c, s)
    }

    /// `waiting`, whatever became of the slot's défi since (a replay of
    /// what happened before it was withdrawn).
    fn waited(&self, c: usize, s: usize) -> bool {
        let Some(p) = self.market.preference(c, s) else {
            return false;
        };

        // A seat accepted on a défi withdrawn since does not count: its
        // holder goes back to the lists below it.
        let accepted_better = self.accepted[c].iter().any(|&t| {
            !self.market.closed[t] && self.market.preference(c, t).is_some_and(|b| b < p)
        });
        !self.withdrawn[c]
            && !self.renounced[c]
            && !self.offered.contains(&(c, s))
            && !self.refused.contains(&(c, s))
            && !accepted_better
    }

    /// Waiting, and holding no seat they prefer: the next seat is theirs
    /// if they come first.
    pub fn eligible(&self, c: usize, s: usize) -> bool {
        self.waiting(c, s) && {
            let p = self.market.preference(c, s);
            !self.held[c]
                .iter()
                .any(|h| self.market.preference(c, h.slot) < p)
        }
    }

    /// 1-based position on the slot's waitlist (those still on it ahead of
    /// the candidate, plus one); `None` when not on it.
    pub fn position(&self, c: usize, s: usize) -> Option<usize> {
        if !self.waiting(c, s) {
            return None;
        }
        let at = self.market.listed_at(c, s)?;
        Some(
            1 + self.market.lists[s][..at]
                .iter()
                .filter(|&&d| self.waiting(d, s))
                .count(),
        )
    }

    /// The offers to make now, as (candidate, slot), already applied to
    /// the state. In rounds: every free seat goes to the first eligible
    /// candidate of its list; a candidate sought by several slots in one
    /// round is offered their preferred one, the others look further down
    /// their lists in the next round. `blocked` slots make no offer.
    pub fn next_offers(&mut self, blocked: &dyn Fn(usize) -> bool) -> Vec<(usize, usize)> {
        let mut made = Vec::new();
        loop {
            let mut sought: HashMap<usize, usize> = HashMap::new();
            for s in 0..self.market.slot_ids.len() {
                if blocked(s) || self.market.closed[s] || self.load[s] >= self.market.capacity[s] {
                    continue;
                }
                let free = (self.market.capacity[s] - self.load[s]) as usize;
                let firsts = self.market.lists[s]
                    .iter()
                    .copied()
                    .filter(|&c| self.eligible(c, s))
                    .take(free);
                for c in firsts {
                    let better = sought.get(&c).is_none_or(|&t| {
                        self.market.preference(c, s) < self.market.preference(c, t)
                    });
                    if better {
                        sought.insert(c, s);
                    }
                }
            }
            if sought.is_empty() {
                return made;
            }
            let mut round: Vec<(usize, usize)> = sought.into_iter().collect();
            round.sort_unstable();
            for (c, s) in round {
                self.apply(Kind::Offer, c, Some(s))
                    .expect("an eligible candidate can be offered a free seat");
                made.push((c, s));
            }
        }
    }

    /// Whether the candidate refused a seat themselves (declined, let
    /// expire, released for a better one): a seat taken back with its
    /// défi is not their refusal.
    pub fn refused_any(&self, c: usize) -> bool {
        self.refused
            .iter()
            .any(|&(x, s)| x == c && !self.market.closed[s])
    }

    /// What accepting `s` releases: every other seat the candidate holds.
    pub fn released_by_accepting(&self, c: usize, s: usize) -> Vec<usize> {
        self.held[c]
            .iter()
            .filter(|h| h.slot != s)
            .map(|h| h.slot)
            .collect()
    }

    /// Per slot, the candidates holding it (accepted or not).
    pub fn holders(&self, s: usize) -> impl Iterator<Item = (usize, Held)> + '_ {
        self.held
            .iter()
            .enumerate()
            .flat_map(move |(c, hs)| hs.iter().filter(move |h| h.slot == s).map(move |h| (c, *h)))
    }

    /// Slots left with a free seat and nobody on the waitlist who could
    /// take it: their défi may now be short.
    pub fn exhausted(&self) -> Vec<usize> {
        (0..self.market.slot_ids.len())
            .filter(|&s| {
                !self.market.closed[s]
                    && self.load[s] < self.market.capacity[s]
                    && !self.market.lists[s].iter().any(|&c| self.waiting(c, s))
            })
            .collect()
    }
}
