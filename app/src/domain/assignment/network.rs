//! The flow network of a plan: which pairs it holds (candidates, then
//! pricing) and how it is built and read back.

use super::flow::{Network, Solved};
use super::input::Problem;

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

/// The jurors each dossier's flow may use. Starting with a few per dossier
/// (spread over the pool, peers first) keeps the network small; the
/// potentials of the solved flow then price every pair left out, and any
/// pair that could lower the cost is added before solving again, so the
/// final plan is optimal on the whole pool (LP duality: a flow with
/// potentials under which no arc, in or out, has a negative reduced cost
/// is a minimum-cost flow).
pub(super) struct Candidates {
    lists: Vec<Vec<u32>>,
    pub complete: bool,
}

/// Candidate jurors per dossier to start with: peers, then others. (One
/// each in tests, so that the brute-force comparison goes through the
/// pricing rounds.)
#[cfg(not(test))]
const FIRST_PEERS: usize = 4;
#[cfg(not(test))]
const FIRST_OTHERS: usize = 4;
#[cfg(test)]
const FIRST_PEERS: usize = 1;
#[cfg(test)]
const FIRST_OTHERS: usize = 1;

pub(super) struct Flow<'p> {
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
    pub fn new(p: &'p Problem<'p>, missing: &'p [usize], load: &'p [usize], needed: usize) -> Self {
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
    pub fn first_candidates(&self) -> Candidates {
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

    pub fn all_candidates(&self) -> Candidates {
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
    pub fn solve(&self, c: &Candidates) -> (Solved, Vec<(usize, u32, u32)>) {
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
    pub fn price(&self, solved: &Solved, c: &mut Candidates) -> bool {
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
