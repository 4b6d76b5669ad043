//! Properties on random instances, checked against a brute force over
//! every matching.

use super::*;
use proptest::prelude::*;

fn instance(max_candidates: usize, max_defis: usize) -> impl Strategy<Value = Input> {
    let profiles = ["dev", "ds", "design"];
    (1..=max_defis, 1..=max_candidates)
        .prop_flat_map(move |(nd, nc)| {
            let cands = proptest::collection::vec(
                (
                    0..3usize,
                    proptest::collection::vec(0..nd, 0..=3),
                    any::<bool>(),
                ),
                nc,
            );
            let defis = proptest::collection::vec(
                (
                    1..=3u32,
                    proptest::collection::vec(
                        (0..3usize, 1..=2u32, any::<bool>(), any::<u64>()),
                        1..=3,
                    ),
                ),
                nd,
            );
            (cands, defis)
        })
        .prop_map(move |(cands, defis)| {
            let candidates: Vec<CandidateIn> = cands
                .iter()
                .enumerate()
                .map(|(i, (p, choices, open))| {
                    let mut seen = Vec::new();
                    for &d in choices {
                        if !seen.contains(&d) {
                            seen.push(d);
                        }
                    }
                    CandidateIn {
                        id: format!("c{i}"),
                        profile: profiles[*p].into(),
                        choices: seen.iter().map(|d| format!("d{d}")).collect(),
                        open_to_others: *open,
                    }
                })
                .collect();
            let defis = defis
                .iter()
                .enumerate()
                .map(|(di, (min, slots))| {
                    let mut used = Vec::new();
                    let mut out = Vec::new();
                    let mut seats = 0;
                    for &(p, cap, mandatory, seed) in slots {
                        if used.contains(&p) || seats + cap > 3 {
                            continue;
                        }
                        used.push(p);
                        seats += cap;
                        // A seeded shuffle of the acceptable candidates of
                        // this profile; some are left off the list.
                        let mut listed: Vec<(u64, String)> = candidates
                            .iter()
                            .filter(|c| c.profile == profiles[p])
                            .map(|c| {
                                (
                                    seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ hash(&c.id),
                                    c.id.clone(),
                                )
                            })
                            .filter(|(h, _)| h % 4 != 0)
                            .collect();
                        listed.sort();
                        out.push(SlotIn {
                            profile: profiles[p].into(),
                            capacity: cap,
                            mandatory,
                            ranking: listed.into_iter().map(|(_, id)| id).collect(),
                        });
                    }
                    DefiIn {
                        id: format!("d{di}"),
                        min_team: (*min).min(3),
                        max_team: 3,
                        slots: out,
                    }
                })
                .collect();
            Input { defis, candidates }
        })
}

fn hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// Brute force over every matching of the market without the withdrawn
/// défis: the stable ones, each as a candidate → (défi) map.
fn stable_matchings(input: &Input, withdrawn: &[String]) -> Vec<Vec<Option<String>>> {
    let problem = problem::Problem::build(input).unwrap();
    let options: Vec<Vec<Option<usize>>> = problem
        .prefs
        .iter()
        .map(|prefs| {
            let mut o: Vec<Option<usize>> = prefs
                .iter()
                .filter(|p| !withdrawn.contains(&problem.defis[problem.slots[p.slot].defi].id))
                .map(|p| Some(p.slot))
                .collect();
            o.push(None);
            o
        })
        .collect();
    let mut result = Vec::new();
    let mut pick = vec![0usize; options.len()];
    loop {
        let chosen: Vec<Option<usize>> = pick.iter().zip(&options).map(|(&i, o)| o[i]).collect();
        let mut load = vec![0u32; problem.slots.len()];
        for s in chosen.iter().flatten() {
            load[*s] += 1;
        }
        let feasible = load
            .iter()
            .zip(&problem.slots)
            .all(|(&l, s)| l <= s.capacity);
        if feasible {
            let blocking = (0..options.len()).any(|c| {
                let mine = chosen[c]
                    .map(|s| options[c].iter().position(|&o| o == Some(s)).unwrap())
                    .unwrap_or(options[c].len() - 1);
                options[c][..mine].iter().flatten().any(|&s| {
                    let rank = problem.listed_position(c, s).unwrap();
                    load[s] < problem.slots[s].capacity
                        || (0..options.len()).any(|o| {
                            chosen[o] == Some(s) && problem.listed_position(o, s).unwrap() > rank
                        })
                })
            });
            if !blocking {
                result.push(
                    chosen
                        .iter()
                        .map(|s| s.map(|s| problem.defis[problem.slots[s].defi].id.clone()))
                        .collect(),
                );
            }
        }
        // Next combination.
        let mut i = 0;
        loop {
            if i == pick.len() {
                return result;
            }
            pick[i] += 1;
            if pick[i] < options[i].len() {
                break;
            }
            pick[i] = 0;
            i += 1;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn outcomes_are_stable_feasible_and_acceptable(input in instance(12, 5)) {
        let o = run(&input).unwrap();
        prop_assert_eq!(o.blocking_pairs, 0);
        let withdrawn: Vec<&str> = o.withdrawn_defis.iter().map(|w| w.defi.as_str()).collect();
        for d in &input.defis {
            let team: Vec<&Assignment> = o.assignments.iter().filter(|a| a.defi == d.id).collect();
            if withdrawn.contains(&d.id.as_str()) {
                prop_assert!(team.is_empty());
                continue;
            }
            prop_assert!(team.len() as u32 >= d.min_team && team.len() as u32 <= d.max_team);
            for s in &d.slots {
                let here: Vec<&&Assignment> = team.iter().filter(|a| a.profile == s.profile).collect();
                prop_assert!(here.len() as u32 <= s.capacity);
                if s.mandatory {
                    prop_assert_eq!(here.len() as u32, s.capacity);
                }
                for a in here {
                    prop_assert!(s.ranking.contains(&a.candidate), "acceptable to the jury");
                    let c = input.candidates.iter().find(|c| c.id == a.candidate).unwrap();
                    prop_assert_eq!(&c.profile, &s.profile);
                    prop_assert!(c.choices.contains(&d.id) || c.open_to_others, "acceptable to the candidate");
                }
            }
        }
        let total: u64 = o.rank_histogram.values().sum();
        prop_assert_eq!(total as usize, input.candidates.len());
        prop_assert_eq!(o.assignments.len() + o.unassigned.len(), input.candidates.len());
        prop_assert_eq!(o.explanations.len(), input.candidates.len());
    }

    /// The check computed from the placement alone agrees with the
    /// engine: no blocking pair; and taking someone out of a défi whose
    /// list has them leaves a blocking pair (them, or the next listed)
    /// unless the slot has nobody else to take.
    #[test]
    fn the_independent_check_agrees(input in instance(12, 5)) {
        let o = run(&input).unwrap();
        let withdrawn: Vec<String> = o.withdrawn_defis.iter().map(|w| w.defi.clone()).collect();
        let seats: Vec<Seat> = o.assignments.iter()
            .map(|a| Seat { candidate: a.candidate.clone(), defi: a.defi.clone() })
            .collect();
        prop_assert_eq!(blocking_pairs(&input, &seats, &withdrawn), vec![]);
        if let Some(first) = seats.first() {
            let rest = &seats[1..];
            let pairs = blocking_pairs(&input, rest, &withdrawn);
            // The candidate taken out still wants the seat they had.
            let pair = BlockingPair { candidate: first.candidate.clone(), defi: first.defi.clone() };
            prop_assert!(pairs.contains(&pair));
        }
    }

    #[test]
    fn the_same_input_gives_the_same_output(input in instance(12, 5)) {
        let a = serde_json::to_string(&run(&input).unwrap()).unwrap();
        let b = serde_json::to_string(&run(&input).unwrap()).unwrap();
        prop_assert_eq!(a, b);
    }

    /// Among all stable matchings of the final market (brute force), no
    /// candidate could do better than what they got.
    #[test]
    fn candidates_get_their_best_stable_defi(input in instance(5, 3)) {
        let o = run(&input).unwrap();
        let withdrawn: Vec<String> = o.withdrawn_defis.iter().map(|w| w.defi.clone()).collect();
        let stable = stable_matchings(&input, &withdrawn);
        prop_assert!(!stable.is_empty());
        let problem = problem::Problem::build(&input).unwrap();
        for (ci, c) in input.candidates.iter().enumerate() {
            let position = |defi: &Option<String>| -> usize {
                match defi {
                    None => usize::MAX,
                    Some(d) => problem.prefs[ci].iter().position(|p| &problem.defis[problem.slots[p.slot].defi].id == d).unwrap(),
                }
            };
            let got = o.assignments.iter().find(|a| a.candidate == c.id).map(|a| a.defi.clone());
            for m in &stable {
                prop_assert!(position(&got) <= position(&m[ci]), "{} got {:?}, a stable matching gives {:?}", c.id, got, m[ci]);
            }
        }
    }
}
