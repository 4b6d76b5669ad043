//! Feasibility, the flow network and the plan.

use super::flow::Network;
use super::input::Problem;
use crate::i18n::{Locale, Msg, fill};
use serde::{Serialize, Serializer};

/// A plan, or why there is none.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub feasible: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    /// Every assignment of the plan, the existing ones included, by dossier
    /// then juror in the input's order; empty when infeasible.
    pub assignments: Vec<Pair>,
    /// Each juror's load in the plan, in the input's order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loads: Option<Loads>,
    /// Dossiers with at least one juror of their profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile_covered: Option<u32>,
    /// Dossiers that end with fewer reviews than asked: always empty in a
    /// feasible plan (the field says so explicitly).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short: Option<Vec<String>>,
}

/// The binding constraint, in plain words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub fr: String,
    pub en: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Pair {
    pub juror: String,
    pub dossier: String,
}

/// Loads in the jurors' order, written as a JSON object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loads(pub Vec<(String, u32)>);

impl Serialize for Loads {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

fn reason(text: impl Fn(Locale) -> String) -> Outcome {
    Outcome {
        feasible: false,
        reason: Some(Reason {
            fr: text(Locale::Fr),
            en: text(Locale::En),
        }),
        assignments: Vec::new(),
        loads: None,
        profile_covered: None,
        short: None,
    }
}

/// At most five ids, then an ellipsis.
fn names(p: &Problem, dossiers: &[usize]) -> String {
    let mut s: Vec<&str> = dossiers
        .iter()
        .take(5)
        .map(|&d| p.input.dossiers[d].id.as_str())
        .collect();
    if dossiers.len() > 5 {
        s.push("…");
    }
    s.join(", ")
}

/// splitmix64: a small, well-mixed generator for reproducible draws.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// Shuffles `0..n` from the seed (Fisher–Yates).
fn shuffled(n: usize, seed: u64) -> Vec<u32> {
    let mut rng = SplitMix(seed);
    let mut v: Vec<u32> = (0..n as u32).collect();
    for i in (1..n).rev() {
        let j = (rng.next() % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
    v
}

pub(super) fn solve(p: &Problem) -> Outcome {
    let (nd, nj, n) = (p.dossiers(), p.jurors(), p.n as usize);
    let missing: Vec<usize> = (0..nd)
        .map(|d| n.saturating_sub(p.existing[d].len()))
        .collect();
    let needed: usize = missing.iter().sum();
    let mut load: Vec<usize> = vec![0; nj];
    for e in &p.existing {
        for &j in e {
            load[j as usize] += 1;
        }
    }
    if needed > 0 && nj == 0 {
        return reason(|l| l.t(Msg::AssignNoJurors).to_owned());
    }
    // 1. Dossiers with too few jurors free of conflict.
    let short: Vec<usize> = (0..nd)
        .filter(|&d| missing[d] > 0 && nj - p.conflicted[d].len() < n)
        .collect();
    if !short.is_empty() {
        let have = short
            .iter()
            .map(|&d| nj - p.conflicted[d].len())
            .max()
            .unwrap_or(0);
        return reason(|l| {
            fill(
                l.t(Msg::AssignDossierShort),
                &[
                    ("count", &short.len().to_string()),
                    ("n", &n.to_string()),
                    ("names", &names(p, &short)),
                    ("have", &have.to_string()),
                ],
            )
        });
    }
    // 2. Total capacity: what each juror can still take.
    let mut open_to = vec![0usize; nj];
    let open = (0..nd).filter(|&d| missing[d] > 0).count();
    for j in open_to.iter_mut() {
        *j = open;
    }
    for d in (0..nd).filter(|&d| missing[d] > 0) {
        for &j in p.conflicted[d].iter().chain(&p.existing[d]) {
            open_to[j as usize] -= 1;
        }
    }
    let capacity_at = |raise: Option<usize>| -> usize {
        (0..nj)
            .map(|j| {
                let own = p.input.jurors[j].max_load.is_some();
                let max = match raise {
                    Some(l) if !own => l,
                    _ => p.max_load[j] as usize,
                };
                max.saturating_sub(load[j]).min(open_to[j])
            })
            .sum()
    };
    let capacity = capacity_at(None);
    if needed > capacity {
        let deficit = needed - capacity;
        let per_new = p
            .input
            .max_load
            .map_or(open, |m| (m as usize).min(open))
            .max(1);
        let add = deficit.div_ceil(per_new);
        let raisable = p.input.jurors.iter().any(|j| j.max_load.is_none());
        let raise = (raisable && capacity_at(Some(open)) >= needed).then(|| {
            // The smallest maximum that is enough (capacity grows with it).
            let (mut lo, mut hi) = (1usize, open);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if capacity_at(Some(mid)) >= needed {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            lo
        });
        return reason(|l| {
            let fix = match raise {
                Some(load) => fill(
                    l.t(Msg::AssignRaiseOrAdd),
                    &[("load", &load.to_string()), ("add", &add.to_string())],
                ),
                None => fill(l.t(Msg::AssignAdd), &[("add", &add.to_string())]),
            };
            fill(
                l.t(Msg::AssignCapacity),
                &[
                    ("needed", &needed.to_string()),
                    ("jurors", &nj.to_string()),
                    ("capacity", &capacity.to_string()),
                    ("fix", &fix),
                ],
            )
        });
    }
    // 3. The flow, first on a few candidate jurors per dossier, priced
    // against every other pair (see `Candidates`).
    let flow = Flow::new(p, &missing, &load, needed);
    let mut candidates = flow.first_candidates();
    let (solved, links) = loop {
        let (solved, links) = flow.solve(&candidates);
        if (solved.flow as usize) < needed {
            if candidates.complete {
                break (solved, links);
            }
            candidates = flow.all_candidates();
            continue;
        }
        let priced = candidates.complete || !flow.price(&solved, &mut candidates);
        if priced {
            break (solved, links);
        }
    };
    let existing_total: usize = load.iter().sum();
    let mut chosen: Vec<Vec<u32>> = p.existing.clone();
    for &(id, d, j) in &links {
        if solved.flow(id) > 0 {
            chosen[d as usize].push(j);
        }
    }
    if (solved.flow as usize) < needed {
        let unserved: Vec<usize> = (0..nd).filter(|&d| chosen[d].len() < n).collect();
        return reason(|l| {
            fill(
                l.t(Msg::AssignUnreachable),
                &[
                    ("n", &n.to_string()),
                    ("count", &unserved.len().to_string()),
                    ("names", &names(p, &unserved)),
                ],
            )
        });
    }
    let mut assignments = Vec::with_capacity(existing_total + needed);
    let mut loads = vec![0u32; nj];
    let mut covered = 0;
    for (d, js) in chosen.iter_mut().enumerate() {
        js.sort_unstable();
        if js.iter().any(|&j| p.peer(j as usize, d)) {
            covered += 1;
        }
        for &j in js.iter() {
            loads[j as usize] += 1;
            assignments.push(Pair {
                juror: p.input.jurors[j as usize].id.clone(),
                dossier: p.input.dossiers[d].id.clone(),
            });
        }
    }
    Outcome {
        feasible: true,
        reason: None,
        assignments,
        loads: Some(Loads(
            p.input
                .jurors
                .iter()
                .zip(loads)
                .map(|(j, l)| (j.id.clone(), l))
                .collect(),
        )),
        profile_covered: Some(covered),
        short: Some(Vec::new()),
    }
}

/// The jurors each dossier's flow may use. Starting with a few per dossier
/// (spread over the pool, peers first) keeps the network small; the
/// potentials of the solved flow then price every pair left out, and any
/// pair that could lower the cost is added before solving again, so the
/// final plan is optimal on the whole pool (LP duality: a flow with
/// potentials under which no arc, in or out, has a negative reduced cost
/// is a minimum-cost flow).
struct Candidates {
    lists: Vec<Vec<u32>>,
    complete: bool,
}

/// Candidate jurors per dossier to start with: peers, then others. (One
/// each in tests, so that the brute-force comparison goes through the
/// pricing rounds.)
#[cfg(not(test))]
const FIRST_PEERS: usize = 4;
#[cfg(not(test))]
const FIRST_OTHERS: usize = 4;
#[cfg(test)]
const FIRST_PEERS: usize = 4;
#[cfg(test)]
const FIRST_OTHERS: usize = 4;

struct Flow<'p> {
    p: &'p Problem<'p>,
    missing: &'p [usize],
    load: &'p [usize],
    needed: usize,
    /// Per dossier: whether an existing juror is already a peer.
    covered: Vec<bool>,
    order: Vec<u32>,
    penalty: i64,
}

impl<'p> Flow<'p> {
    fn new(p: &'p Problem<'p>, missing: &'p [usize], load: &'p [usize], needed: usize) -> Self {
        let reach = (load.iter().sum::<usize>() + needed) as i64;
        Self {
            p,
            missing,
            load,
            needed,
            covered: (0..p.dossiers())
                .map(|d| p.existing[d].iter().any(|&j| p.peer(j as usize, d)))
                .collect(),
            order: shuffled(p.jurors(), p.input.seed),
            // More than any difference of the loads' total cost.
            penalty: reach * reach / 2 + 1,
        }
    }

    fn nd(&self) -> usize {
        self.p.dossiers()
    }

    fn dossier(&self, d: usize) -> usize {
        2 + d
    }
    fn hub(&self, d: usize) -> usize {
        2 + self.nd() + d
    }
    fn juror(&self, j: usize) -> usize {
        2 + 2 * self.nd() + j
    }

    /// The jurors free for dossier `d` (no conflict, not already on it), in
    /// the seed's order, starting at a place that depends on `d`.
    fn free(&self, d: usize) -> impl Iterator<Item = usize> + '_ {
        let nj = self.p.jurors();
        let turn = ((self.p.input.seed.rotate_left(17) ^ (d as u64).wrapping_mul(0x9E37_79B9))
            % nj as u64) as usize;
        (0..nj)
            .map(move |k| self.order[(k + turn) % nj] as usize)
            .filter(move |&j| {
                !self.p.conflicted[d].contains(&(j as u32))
                    && !self.p.existing[d].contains(&(j as u32))
            })
    }

    /// A few jurors per dossier, drawn at random (from the seed) among its
    /// free peers and its free others. Random draws make the small network
    /// an expander: the augmenting paths stay short, where contiguous
    /// windows of one order would chain dossiers into long paths.
    fn first_candidates(&self) -> Candidates {
        let nj = self.p.jurors();
        let mut peers_of: Vec<Vec<u32>> = Vec::new();
        let mut others_of: Vec<Vec<u32>> = Vec::new();
        let lists = (0..self.nd())
            .map(|d| {
                if self.missing[d] == 0 {
                    return Vec::new();
                }
                let profile = self.p.dossier_profile[d] as usize;
                if peers_of.len() <= profile {
                    peers_of.resize(profile + 1, Vec::new());
                    others_of.resize(profile + 1, Vec::new());
                }
                if peers_of[profile].is_empty() && others_of[profile].is_empty() {
                    for &j in &self.order {
                        if self.p.peer(j as usize, d) {
                            peers_of[profile].push(j);
                        } else {
                            others_of[profile].push(j);
                        }
                    }
                }
                let mut rng =
                    SplitMix(self.p.input.seed ^ (d as u64).wrapping_mul(0xA24B_AED4_963E_E407));
                let mut list = Vec::with_capacity(FIRST_PEERS + FIRST_OTHERS);
                for (pool, want) in [
                    (&peers_of[profile], FIRST_PEERS),
                    (&others_of[profile], FIRST_OTHERS),
                ] {
                    let before = list.len();
                    let free = |j: u32| {
                        !self.p.conflicted[d].contains(&j) && !self.p.existing[d].contains(&j)
                    };
                    if pool.len() <= 2 * want {
                        list.extend(pool.iter().copied().filter(|&j| free(j)).take(want));
                        continue;
                    }
                    for _ in 0..8 * want {
                        if list.len() - before == want {
                            break;
                        }
                        let j = pool[(rng.next() % pool.len() as u64) as usize];
                        if free(j) && !list[before..].contains(&j) {
                            list.push(j);
                        }
                    }
                }
                debug_assert!(list.iter().all(|&j| (j as usize) < nj));
                list
            })
            .collect();
        Candidates {
            lists,
            complete: false,
        }
    }

    fn all_candidates(&self) -> Candidates {
        let lists = (0..self.nd())
            .map(|d| {
                if self.missing[d] == 0 {
                    Vec::new()
                } else {
                    self.free(d).map(|j| j as u32).collect()
                }
            })
            .collect();
        Candidates {
            lists,
            complete: true,
        }
    }

    /// The arc a pair travels: from the dossier or its peer hub, and cost.
    fn arc_of(&self, d: usize, j: usize) -> (usize, i64) {
        if self.covered[d] {
            (self.dossier(d), 0)
        } else if self.p.peer(j, d) {
            (self.hub(d), 0)
        } else {
            (self.dossier(d), self.penalty)
        }
    }

    /// Source → dossier (its missing reviews) → [peer hub] → juror → sink,
    /// with the candidates' pairs only. Returns the pairs' arc numbers.
    fn solve(&self, c: &Candidates) -> (super::flow::Solved, Vec<(usize, u32, u32)>) {
        let (nd, nj) = (self.nd(), self.p.jurors());
        let (source, sink) = (0, 1);
        let mut net = Network::new(2 + 2 * nd + nj);
        let mut links = Vec::new();
        for d in 0..nd {
            if self.missing[d] == 0 {
                continue;
            }
            let m = self.missing[d] as i32;
            net.arc(source, self.dossier(d), m, 0);
            if !self.covered[d] {
                net.arc(self.dossier(d), self.hub(d), 1, 0);
                if m > 1 {
                    net.arc(self.dossier(d), self.hub(d), m - 1, self.penalty);
                }
            }
            for &j in &c.lists[d] {
                let (from, cost) = self.arc_of(d, j as usize);
                let id = net.arc(from, self.juror(j as usize), 1, cost);
                links.push((id, d as u32, j));
            }
        }
        for j in 0..nj {
            let room = (self.p.max_load[j] as usize)
                .saturating_sub(self.load[j])
                .min(self.needed);
            if room > 0 {
                net.convex_arc(self.juror(j), sink, room as i32, self.load[j] as i64);
            }
        }
        (net.solve(source, sink, self.needed as i64), links)
    }

    /// Adds every left-out pair that could lower the cost; says whether
    /// there was one. A pair (d, j) could when `cost + π(from) < π(j)`:
    /// with the jurors sorted by potential, only the first few of each
    /// kind (peers, others) need looking at per dossier.
    fn price(&self, solved: &super::flow::Solved, c: &mut Candidates) -> bool {
        let mut by_potential: Vec<u32> = (0..self.p.jurors() as u32).collect();
        by_potential.sort_by_key(|&j| std::cmp::Reverse(solved.potential(self.juror(j as usize))));
        let mut added = false;
        for d in 0..self.nd() {
            if self.missing[d] == 0 {
                continue;
            }
            let mut more = Vec::new();
            let mut kinds_done = 0;
            let (mut peers_done, mut others_done) = (self.covered[d], false);
            for &j in &by_potential {
                let j = j as usize;
                let peer = !self.covered[d] && self.p.peer(j, d);
                if (peer && peers_done) || (!peer && others_done) {
                    continue;
                }
                let (from, cost) = self.arc_of(d, j);
                if !solved.would_improve(from, self.juror(j), cost) {
                    // Every juror after this one has a lower potential.
                    if peer {
                        peers_done = true;
                    } else {
                        others_done = true;
                    }
                    kinds_done += 1;
                    if kinds_done == 2 || (self.covered[d] && !peer) {
                        break;
                    }
                    continue;
                }
                let j = j as u32;
                if !c.lists[d].contains(&j)
                    && !self.p.conflicted[d].contains(&j)
                    && !self.p.existing[d].contains(&j)
                {
                    more.push(j);
                }
            }
            added |= !more.is_empty();
            c.lists[d].extend(more);
        }
        added
    }
}
