//! Properties on random instances: small ones checked against a brute force
//! over every possible assignment, larger ones against the invariants.

use super::*;
use proptest::prelude::*;
use std::collections::{HashMap, HashSet};

fn instance(max_d: usize, max_j: usize) -> impl Strategy<Value = Input> {
    (
        1..=max_d,
        1..=max_j,
        1..=3u32,
        any::<u64>(),
        proptest::option::of(1..=4u32),
    )
        .prop_flat_map(|(nd, nj, n, seed, global)| {
            let dossiers = proptest::collection::vec(0..2usize, nd);
            let jurors = proptest::collection::vec(
                (
                    any::<[bool; 2]>(),
                    proptest::option::weighted(0.3, 0..=4u32),
                ),
                nj,
            );
            let pairs = proptest::collection::vec((0..nj, 0..nd, 0..6u8), 0..=nd * nj);
            (Just((n, seed, global)), dossiers, jurors, pairs)
        })
        .prop_map(|((n, seed, global), dossiers, jurors, pairs)| {
            let profiles = ["dev", "design"];
            let mut conflicts = Vec::new();
            let mut existing = Vec::new();
            let mut seen = HashSet::new();
            let mut per_dossier = HashMap::new();
            for (j, d, kind) in pairs {
                if !seen.insert((j, d)) {
                    continue;
                }
                let p = (format!("j{j}"), format!("a{d}"));
                match kind {
                    0 | 1 => conflicts.push(p),
                    2 => {
                        let c = per_dossier.entry(d).or_insert(0u32);
                        if *c < n {
                            *c += 1;
                            existing.push(p);
                        }
                    }
                    _ => {}
                }
            }
            Input {
                reviews_per_dossier: n,
                seed,
                max_load: global,
                dossiers: dossiers
                    .iter()
                    .enumerate()
                    .map(|(i, &p)| DossierIn {
                        id: format!("a{i}"),
                        profile: profiles[p].into(),
                    })
                    .collect(),
                jurors: jurors
                    .iter()
                    .enumerate()
                    .map(|(i, (ps, max))| JurorIn {
                        id: format!("j{i}"),
                        profiles: profiles
                            .iter()
                            .zip(ps)
                            .filter(|(_, on)| **on)
                            .map(|(p, _)| (*p).to_owned())
                            .collect(),
                        max_load: *max,
                    })
                    .collect(),
                conflicts,
                existing,
            }
        })
}

/// (dossiers not covered by a peer, Σ load·(load−1)/2) of a plan.
fn score(i: &Input, plan: &[(usize, usize)]) -> (usize, u64) {
    let mut load = vec![0u64; i.jurors.len()];
    let mut covered = vec![false; i.dossiers.len()];
    for &(j, d) in plan {
        load[j] += 1;
        if i.jurors[j].profiles.contains(&i.dossiers[d].profile) {
            covered[d] = true;
        }
    }
    (
        covered.iter().filter(|c| !**c).count(),
        load.iter().map(|l| l * l.saturating_sub(1) / 2).sum(),
    )
}

fn index(i: &Input, pairs: &[(String, String)]) -> Vec<(usize, usize)> {
    pairs
        .iter()
        .map(|(j, d)| {
            (
                i.jurors.iter().position(|x| &x.id == j).unwrap(),
                i.dossiers.iter().position(|x| &x.id == d).unwrap(),
            )
        })
        .collect()
}

/// The best score over every assignment, or None when none exists.
fn brute_force(i: &Input) -> Option<(usize, u64)> {
    let n = i.reviews_per_dossier as usize;
    let conflicts: HashSet<(usize, usize)> = index(i, &i.conflicts).into_iter().collect();
    let existing = index(i, &i.existing);
    let max: Vec<usize> = i
        .jurors
        .iter()
        .map(|j| j.max_load.or(i.max_load).map_or(usize::MAX, |m| m as usize))
        .collect();
    struct Limits<'a> {
        conflicts: &'a HashSet<(usize, usize)>,
        max: &'a [usize],
        existing_load: &'a [usize],
    }
    fn go(
        i: &Input,
        d: usize,
        n: usize,
        plan: &mut Vec<(usize, usize)>,
        limits: &Limits,
        best: &mut Option<(usize, u64)>,
    ) {
        let Limits {
            conflicts,
            max,
            existing_load,
        } = limits;
        if d == i.dossiers.len() {
            let mut load = vec![0usize; max.len()];
            for &(j, _) in plan.iter() {
                load[j] += 1;
            }
            // Existing loads may exceed a maximum; new ones may not.
            let fine = (0..max.len()).all(|j| load[j] <= max[j].max(existing_load[j]));
            if !fine {
                return;
            }
            let s = score(i, plan);
            if best.is_none_or(|b| s < b) {
                *best = Some(s);
            }
            return;
        }
        let have: Vec<usize> = plan
            .iter()
            .filter(|(_, x)| *x == d)
            .map(|(j, _)| *j)
            .collect();
        let need = n.saturating_sub(have.len());
        let free: Vec<usize> = (0..max.len())
            .filter(|j| !have.contains(j) && !conflicts.contains(&(*j, d)))
            .collect();
        // Every subset of `free` of size `need`.
        let k = free.len();
        for mask in 0u32..(1 << k) {
            if mask.count_ones() as usize != need {
                continue;
            }
            let before = plan.len();
            for (b, &j) in free.iter().enumerate() {
                if mask & (1 << b) != 0 {
                    plan.push((j, d));
                }
            }
            go(i, d + 1, n, plan, limits, best);
            plan.truncate(before);
        }
    }
    let mut existing_load = vec![0; max.len()];
    for &(j, _) in &existing {
        existing_load[j] += 1;
    }
    let mut best = None;
    let mut plan = existing;
    let limits = Limits {
        conflicts: &conflicts,
        max: &max,
        existing_load: &existing_load,
    };
    go(i, 0, n, &mut plan, &limits, &mut best);
    best
}

/// Invariants of a feasible plan.
fn check(i: &Input, out: &Outcome) -> Result<(), TestCaseError> {
    let n = i.reviews_per_dossier as usize;
    let plan = index(
        i,
        &out.assignments
            .iter()
            .map(|p| (p.juror.clone(), p.dossier.clone()))
            .collect::<Vec<_>>(),
    );
    let distinct: HashSet<_> = plan.iter().collect();
    prop_assert_eq!(distinct.len(), plan.len(), "distinct pairs");
    for e in index(i, &i.existing) {
        prop_assert!(plan.contains(&e), "existing kept");
    }
    for c in index(i, &i.conflicts) {
        prop_assert!(!plan.contains(&c), "no conflicted pair");
    }
    let existing_count = |d: usize| {
        i.existing
            .iter()
            .filter(|(_, x)| *x == i.dossiers[d].id)
            .count()
    };
    for d in 0..i.dossiers.len() {
        let got = plan.iter().filter(|(_, x)| *x == d).count();
        prop_assert_eq!(got, n.max(existing_count(d)), "exactly n reviewers");
    }
    for (j, juror) in i.jurors.iter().enumerate() {
        let load = plan.iter().filter(|(x, _)| *x == j).count();
        let existing = i.existing.iter().filter(|(x, _)| *x == juror.id).count();
        if let Some(m) = juror.max_load.or(i.max_load) {
            prop_assert!(
                load <= (m as usize).max(existing),
                "load within its maximum"
            );
        }
        let (_, l) = &out.loads.as_ref().unwrap().0[j];
        prop_assert_eq!(*l as usize, load);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    /// Feasible exactly when some assignment exists, and then optimal:
    /// maximal profile coverage, then the most even loads.
    #[test]
    fn matches_the_brute_force(i in instance(4, 4)) {
        let out = run(&i).unwrap();
        let best = brute_force(&i);
        prop_assert_eq!(out.feasible, best.is_some(), "{:?}", out.reason);
        if let Some(best) = best {
            check(&i, &out)?;
            let plan = index(&i, &out.assignments.iter().map(|p| (p.juror.clone(), p.dossier.clone())).collect::<Vec<_>>());
            prop_assert_eq!(score(&i, &plan), best);
            prop_assert_eq!(out.profile_covered.unwrap() as usize, i.dossiers.len() - best.0);
        } else {
            prop_assert!(out.assignments.is_empty());
            prop_assert!(out.reason.is_some());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Larger instances: the invariants, and loads within one of each other
    /// when every juror is a peer and no maximum binds.
    #[test]
    fn larger_instances_keep_the_invariants(i in instance(60, 15)) {
        let out = run(&i).unwrap();
        if out.feasible {
            check(&i, &out)?;
        }
    }

    /// The pricing rounds (one candidate of each kind per dossier in
    /// tests) reach the optimum of the whole network: same feasibility,
    /// same coverage, same load cost.
    #[test]
    fn pricing_reaches_the_optimum_of_every_pair(i in instance(60, 15)) {
        let p = super::input::Problem::build(&i).unwrap();
        let (priced, full) = (super::solve::solve_from(&p, false), super::solve::solve_from(&p, true));
        prop_assert_eq!(priced.feasible, full.feasible);
        if priced.feasible {
            let pairs = |o: &Outcome| index(&i, &o.assignments.iter().map(|x| (x.juror.clone(), x.dossier.clone())).collect::<Vec<_>>());
            prop_assert_eq!(score(&i, &pairs(&priced)), score(&i, &pairs(&full)));
        }
    }

    #[test]
    fn loads_balance_within_one_when_nothing_prevents_it(
        nd in 1..200usize, nj in 3..30usize, n in 1..=3u32, seed in any::<u64>()
    ) {
        let i = Input {
            reviews_per_dossier: n,
            seed,
            max_load: None,
            dossiers: (0..nd).map(|d| DossierIn { id: format!("a{d}"), profile: "dev".into() }).collect(),
            jurors: (0..nj).map(|j| JurorIn { id: format!("j{j}"), profiles: vec!["dev".into()], max_load: None }).collect(),
            conflicts: vec![],
            existing: vec![],
        };
        let out = run(&i).unwrap();
        prop_assert!(out.feasible);
        check(&i, &out)?;
        let loads: Vec<u32> = out.loads.unwrap().0.iter().map(|(_, l)| *l).collect();
        let (lo, hi) = (loads.iter().min().unwrap(), loads.iter().max().unwrap());
        prop_assert!(hi - lo <= 1, "{:?}", loads);
    }
}
