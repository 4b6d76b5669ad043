//! Feasibility, the flow network and the plan.

use super::input::Problem;
use super::network::Flow;
use crate::i18n::{Locale, Msg};
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

pub(super) fn solve(p: &Problem) -> Outcome {
    solve_from(p, false)
}

/// `solve`, starting from every (dossier, juror) pair when `complete`
/// (tests compare both: the pricing must reach the same optimum).
pub(super) fn solve_from(p: &Problem, complete: bool) -> Outcome {
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
            l.fill(
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
                Some(load) => l.fill(
                    l.t(Msg::AssignRaiseOrAdd),
                    &[("load", &load.to_string()), ("add", &add.to_string())],
                ),
                None => l.fill(l.t(Msg::AssignAdd), &[("add", &add.to_string())]),
            };
            l.fill(
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
    let mut candidates = if complete {
        flow.all_candidates()
    } else {
        flow.first_candidates()
    };
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
            l.fill(
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
