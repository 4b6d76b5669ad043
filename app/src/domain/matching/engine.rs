//! Deferred acceptance with quota repair.
//!
//! Candidates propose to their options in order; a slot holds the best
//! candidates (by its jury's ranking) up to its capacity and rejects the
//! rest. When no one is left to propose, every défi that cannot reach its
//! minimum team or fill a mandatory slot is a candidate for withdrawal; one
//! is withdrawn (fewest filled seats, then fewest acceptable candidates, then
//! id), its candidates go on proposing, and so on. Continuing from the
//! current holds is a valid run of deferred acceptance on the smaller
//! market, because a slot's holds only ever improve: the result is the one a
//! run from scratch without that défi would give.

use super::problem::Problem;
use std::collections::BinaryHeap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WithdrawReason {
    /// Could not reach the minimum team size (filled seats, minimum).
    TooSmall { filled: u32, min: u32 },
    /// A mandatory slot (by index) stayed unfilled.
    MandatoryUnfilled { slot: usize },
}

pub(crate) struct State {
    /// Per slot: the candidates it holds, as (rank, candidate), worst on top.
    pub held: Vec<BinaryHeap<(u32, usize)>>,
    /// Per candidate: index into their preference list of where they are.
    pub assigned: Vec<Option<usize>>,
    pub active: Vec<bool>,
    /// Withdrawn défis, in the order they were withdrawn.
    pub withdrawn: Vec<(usize, WithdrawReason)>,
}

impl State {
    pub fn filled(&self, p: &Problem, defi: usize) -> u32 {
        p.defis[defi]
            .slots
            .clone()
            .map(|s| self.held[s].len() as u32)
            .sum()
    }

    /// Why `defi` is not viable, or `None` when it is.
    pub fn flaw(&self, p: &Problem, defi: usize) -> Option<WithdrawReason> {
        let d = &p.defis[defi];
        let filled = self.filled(p, defi);
        if filled < d.min {
            return Some(WithdrawReason::TooSmall { filled, min: d.min });
        }
        d.slots
            .clone()
            .find(|&s| p.slots[s].mandatory && (self.held[s].len() as u32) < p.slots[s].capacity)
            .map(|slot| WithdrawReason::MandatoryUnfilled { slot })
    }
}

pub(crate) fn solve(p: &Problem) -> State {
    let n = p.candidates.len();
    let mut st = State {
        held: p
            .slots
            .iter()
            .map(|s| BinaryHeap::with_capacity((s.capacity as usize).min(s.ranking_len) + 1))
            .collect(),
        assigned: vec![None; n],
        active: vec![true; p.defis.len()],
        withdrawn: Vec::new(),
    };
    let mut next = vec![0usize; n];
    // Reversed so that candidates propose in input order (the result does
    // not depend on it; the trace is easier to follow).
    let mut free: Vec<usize> = (0..n).rev().collect();
    loop {
        propose(p, &mut st, &mut next, &mut free);
        let worst = (0..p.defis.len())
            .filter(|&d| st.active[d])
            .filter_map(|d| st.flaw(p, d).map(|why| (d, why)))
            .min_by(|&(a, _), &(b, _)| {
                st.filled(p, a)
                    .cmp(&st.filled(p, b))
                    .then(p.defis[a].acceptable.cmp(&p.defis[b].acceptable))
                    .then_with(|| p.defis[a].id.cmp(&p.defis[b].id))
            });
        let Some((defi, why)) = worst else {
            return st;
        };
        st.active[defi] = false;
        st.withdrawn.push((defi, why));
        for s in p.defis[defi].slots.clone() {
            for (_, c) in std::mem::take(&mut st.held[s]) {
                st.assigned[c] = None;
                free.push(c);
            }
        }
    }
}

fn propose(p: &Problem, st: &mut State, next: &mut [usize], free: &mut Vec<usize>) {
    while let Some(c) = free.pop() {
        let prefs = &p.prefs[c];
        while next[c] < prefs.len() {
            let i = next[c];
            next[c] += 1;
            let pref = prefs[i];
            let slot = &p.slots[pref.slot];
            if !st.active[slot.defi] {
                continue;
            }
            let held = &mut st.held[pref.slot];
            if (held.len() as u32) < slot.capacity {
                held.push((pref.rank, c));
                st.assigned[c] = Some(i);
                break;
            }
            let &(worst_rank, worst) = held.peek().expect("a full slot holds someone");
            if pref.rank < worst_rank {
                held.pop();
                held.push((pref.rank, c));
                st.assigned[c] = Some(i);
                st.assigned[worst] = None;
                free.push(worst);
                break;
            }
        }
    }
}
