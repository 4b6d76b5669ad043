//! Minimum-cost flow by the primal-dual method: a Dijkstra on reduced costs
//! (Johnson potentials) finds the length of the shortest augmenting paths,
//! then a blocking flow (Dinic's levels and current-arc pointers) pushes
//! every unit that can travel at that length before the next Dijkstra. Exact
//! for integer costs; the number of Dijkstras is the number of distinct
//! path lengths, not the number of units.
//!
//! One extension: an arc can be *convex* (its n-th unit costs `cost + n`),
//! which is how a juror's rising load is priced without one arc per unit.
//! Costs must be non-negative when the graph is built (they are here), so
//! the first potentials are zero.

use super::queue::Queue;

const INF: i64 = i64::MAX / 4;

#[derive(Clone, Debug)]
struct Arc {
    to: u32,
    rev: u32,
    cap: i32,
    /// For a convex arc: the cost of its first unit (forward), or minus it
    /// (backward).
    cost: i64,
    convex: bool,
    forward: bool,
}

/// A flow network under construction, then solved once.
pub(super) struct Network {
    nodes: usize,
    pending: Vec<(u32, u32, i32, i64, bool)>,
}

impl Network {
    pub fn new(nodes: usize) -> Self {
        Self {
            nodes,
            pending: Vec::new(),
        }
    }

    /// Adds an arc and returns its number (arcs are numbered in the order
    /// they are added; [`Solved::flow`] reads them back).
    pub fn arc(&mut self, from: usize, to: usize, cap: i32, cost: i64) -> usize {
        debug_assert!(cost >= 0 && cap >= 0);
        self.pending
            .push((from as u32, to as u32, cap, cost, false));
        self.pending.len() - 1
    }

    /// An arc whose k-th unit (from 0) costs `cost + k`.
    pub fn convex_arc(&mut self, from: usize, to: usize, cap: i32, cost: i64) -> usize {
        debug_assert!(cost >= 0 && cap >= 0);
        self.pending.push((from as u32, to as u32, cap, cost, true));
        self.pending.len() - 1
    }

    /// Sends up to `limit` units from `source` to `sink` at minimum cost.
    pub fn solve(self, source: usize, sink: usize, limit: i64) -> Solved {
        let mut g = Graph::build(self.nodes, &self.pending);
        let (flow, pi) = g.run(source, sink, limit);
        Solved { g, flow, pi }
    }
}

pub(super) struct Solved {
    g: Graph,
    /// Units sent.
    pub flow: i64,
    /// Final potentials: every residual arc has a non-negative reduced
    /// cost `cost + pi[from] - pi[to]`, which certifies optimality.
    pi: Vec<i64>,
}

impl Solved {
    /// Whether an arc left out of the network, of the given cost, would
    /// have a negative reduced cost (then the flow may not be optimal with
    /// it added).
    pub fn would_improve(&self, from: usize, to: usize, cost: i64) -> bool {
        cost + self.pi[from] - self.pi[to] < 0
    }

    /// The final potential of a node.
    pub fn potential(&self, node: usize) -> i64 {
        self.pi[node]
    }

    /// Units on the arc numbered `id` by [`Network::arc`].
    pub fn flow(&self, id: usize) -> i32 {
        let a = &self.g.arcs[self.g.position[id] as usize];
        self.g.arcs[a.rev as usize].cap
    }

    /// The total cost of the flow (for tests).
    #[cfg(test)]
    pub fn cost(&self) -> i64 {
        let mut total = 0;
        for a in self.g.arcs.iter().filter(|a| a.forward) {
            let f = i64::from(self.g.arcs[a.rev as usize].cap);
            total += if a.convex {
                a.cost * f + f * (f - 1) / 2
            } else {
                a.cost * f
            };
        }
        total
    }
}

struct Graph {
    /// Arcs of node v are `arcs[start[v]..start[v + 1]]`.
    start: Vec<u32>,
    arcs: Vec<Arc>,
    /// Where the forward arc added as number i sits in `arcs`.
    position: Vec<u32>,
}

impl Graph {
    fn build(nodes: usize, pending: &[(u32, u32, i32, i64, bool)]) -> Self {
        let mut degree = vec![0u32; nodes + 1];
        for &(from, to, ..) in pending {
            degree[from as usize] += 1;
            degree[to as usize] += 1;
        }
        let mut start = vec![0u32; nodes + 1];
        for v in 0..nodes {
            start[v + 1] = start[v] + degree[v];
        }
        let mut fill = start.clone();
        let blank = Arc {
            to: 0,
            rev: 0,
            cap: 0,
            cost: 0,
            convex: false,
            forward: false,
        };
        let mut arcs = vec![blank; pending.len() * 2];
        let mut position = Vec::with_capacity(pending.len());
        for &(from, to, cap, cost, convex) in pending {
            let i = fill[from as usize];
            fill[from as usize] += 1;
            let j = fill[to as usize];
            fill[to as usize] += 1;
            arcs[i as usize] = Arc {
                to,
                rev: j,
                cap,
                cost,
                convex,
                forward: true,
            };
            arcs[j as usize] = Arc {
                to: from,
                rev: i,
                cap: 0,
                cost: -cost,
                convex,
                forward: false,
            };
            position.push(i);
        }
        Self {
            start,
            arcs,
            position,
        }
    }

    /// The cost of the next unit on arc `a` (residual).
    #[inline(always)]
    fn cost(&self, a: usize) -> i64 {
        let arc = &self.arcs[a];
        if !arc.convex {
            arc.cost
        } else if arc.forward {
            arc.cost + i64::from(self.arcs[arc.rev as usize].cap)
        } else {
            arc.cost - i64::from(arc.cap - 1)
        }
    }

    fn run(&mut self, s: usize, t: usize, limit: i64) -> (i64, Vec<i64>) {
        let n = self.start.len() - 1;
        let mut pi = vec![0i64; n];
        let mut dist = vec![INF; n];
        let mut level = vec![u32::MAX; n];
        let mut next = vec![0u32; n];
        let mut queue = Vec::with_capacity(n);
        let mut heap = Queue::new();
        let mut path: Vec<u32> = Vec::new();
        let mut flow = 0i64;
        while flow < limit {
            // Shortest distances on reduced costs.
            dist.fill(INF);
            dist[s] = 0;
            heap.push(0, s as u32);
            while let Some((d, v)) = heap.pop() {
                let v = v as usize;
                if d > dist[v] {
                    continue;
                }
                if v == t {
                    // Nodes not settled yet are at least as far as the
                    // sink: the update below gives them the sink's
                    // distance, which is what they would get anyway.
                    break;
                }
                for a in self.start[v] as usize..self.start[v + 1] as usize {
                    let arc = &self.arcs[a];
                    if arc.cap == 0 {
                        continue;
                    }
                    let w = arc.to as usize;
                    let nd = d + self.cost(a) + pi[v] - pi[w];
                    // A node no nearer than the sink's tentative distance
                    // ends at the sink's distance anyway (see below).
                    if nd < dist[w] && (nd < dist[t] || w == t) {
                        dist[w] = nd;
                        heap.push(nd, w as u32);
                    }
                }
            }
            if dist[t] >= INF {
                break;
            }
            let dt = dist[t];
            for v in 0..n {
                pi[v] += dist[v].min(dt);
            }
            heap.clear();
            // Blocking flows on the arcs of zero reduced cost.
            loop {
                level.fill(u32::MAX);
                level[s] = 0;
                queue.clear();
                queue.push(s as u32);
                let mut head = 0;
                while head < queue.len() {
                    let v = queue[head] as usize;
                    head += 1;
                    if level[v] >= level[t] {
                        // Deeper nodes cannot be on a shortest path to t.
                        break;
                    }
                    for a in self.start[v] as usize..self.start[v + 1] as usize {
                        let w = self.arcs[a].to as usize;
                        if self.arcs[a].cap > 0
                            && level[w] == u32::MAX
                            && self.cost(a) + pi[v] - pi[w] == 0
                        {
                            level[w] = level[v] + 1;
                            queue.push(w as u32);
                        }
                    }
                }
                if level[t] == u32::MAX {
                    break;
                }
                next[..n].copy_from_slice(&self.start[..n]);
                loop {
                    let pushed =
                        self.augment(s, t, limit - flow, &level, &mut next, &pi, &mut path);
                    if pushed == 0 {
                        break;
                    }
                    flow += pushed;
                    if flow >= limit {
                        return (flow, pi);
                    }
                }
            }
        }
        (flow, pi)
    }

    /// One augmenting path along increasing levels, iteratively (paths can
    /// be thousands of arcs long). Convex arcs carry one unit at a time,
    /// since their next unit costs more.
    #[expect(
        clippy::too_many_arguments,
        reason = "the phase's buffers, passed to avoid an allocation per path"
    )]
    fn augment(
        &mut self,
        s: usize,
        t: usize,
        limit: i64,
        level: &[u32],
        next: &mut [u32],
        pi: &[i64],
        path: &mut Vec<u32>,
    ) -> i64 {
        path.clear();
        let mut v = s;
        loop {
            if v == t {
                let mut push = limit;
                for &a in path.iter() {
                    let arc = &self.arcs[a as usize];
                    let room = if arc.convex { 1 } else { i64::from(arc.cap) };
                    push = push.min(room);
                }
                for &a in path.iter() {
                    let p = push as i32;
                    self.arcs[a as usize].cap -= p;
                    let r = self.arcs[a as usize].rev as usize;
                    self.arcs[r].cap += p;
                }
                return push;
            }
            let end = self.start[v + 1];
            let mut advanced = false;
            while next[v] < end {
                let a = next[v] as usize;
                let w = self.arcs[a].to as usize;
                if self.arcs[a].cap > 0
                    && level[w] == level[v] + 1
                    && self.cost(a) + pi[v] - pi[w] == 0
                {
                    path.push(a as u32);
                    v = w;
                    advanced = true;
                    break;
                }
                next[v] += 1;
            }
            if !advanced {
                // Dead end: retreat and skip the arc that led here.
                match path.pop() {
                    None => return 0,
                    Some(a) => {
                        let from = self.arcs[self.arcs[a as usize].rev as usize].to as usize;
                        next[from] += 1;
                        v = from;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// An independent minimum-cost flow: one unit at a time along a
    /// Bellman–Ford shortest path, convex arcs expanded into unit arcs.
    fn reference(
        nodes: usize,
        arcs: &[(usize, usize, i32, i64, bool)],
        s: usize,
        t: usize,
    ) -> (i64, i64) {
        let mut edges: Vec<(usize, usize, i32, i64)> = Vec::new();
        for &(a, b, cap, cost, convex) in arcs {
            if convex {
                for k in 0..cap {
                    edges.push((a, b, 1, cost + i64::from(k)));
                    edges.push((b, a, 0, -(cost + i64::from(k))));
                }
            } else {
                edges.push((a, b, cap, cost));
                edges.push((b, a, 0, -cost));
            }
        }
        let (mut flow, mut total) = (0, 0);
        loop {
            let mut dist = vec![INF; nodes];
            let mut via = vec![usize::MAX; nodes];
            dist[s] = 0;
            for _ in 0..nodes {
                for (e, &(a, b, cap, cost)) in edges.iter().enumerate() {
                    if cap > 0 && dist[a] < INF && dist[a] + cost < dist[b] {
                        dist[b] = dist[a] + cost;
                        via[b] = e;
                    }
                }
            }
            if dist[t] >= INF {
                return (flow, total);
            }
            let mut v = t;
            while v != s {
                let e = via[v];
                edges[e].2 -= 1;
                edges[e ^ 1].2 += 1;
                v = edges[e].0;
            }
            flow += 1;
            total += dist[t];
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn the_flow_and_its_cost_match_an_independent_solver(
            nodes in 2..7usize,
            raw in proptest::collection::vec((0..7usize, 0..7usize, 0..4i32, prop_oneof![0..6i64, 500..530i64], any::<bool>()), 0..14)
        ) {
            let arcs: Vec<_> = raw
                .into_iter()
                .map(|(a, b, cap, cost, convex)| (a % nodes, b % nodes, cap, cost, convex))
                .filter(|(a, b, ..)| a != b)
                .collect();
            let mut net = Network::new(nodes);
            for &(a, b, cap, cost, convex) in &arcs {
                if convex {
                    net.convex_arc(a, b, cap, cost);
                } else {
                    net.arc(a, b, cap, cost);
                }
            }
            let solved = net.solve(0, 1, i64::MAX);
            let (flow, cost) = reference(nodes, &arcs, 0, 1);
            prop_assert_eq!(solved.flow, flow);
            prop_assert_eq!(solved.cost(), cost);
        }
    }
}
