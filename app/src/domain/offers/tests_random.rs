//! The cascade on random markets: every log it writes passes the audit,
//! and truthful answers end where the theory says.

use super::tests::Sim;
use super::*;
use crate::domain::matching;
use proptest::prelude::*;

/// A random market: défis with a dev and/or design slot, candidates with
/// a profile and choices, lists drawn from the candidates of the profile.
fn market() -> impl Strategy<Value = (Vec<SlotEntry>, Vec<CandidateEntry>, Vec<String>)> {
    let profiles = ["dev", "design"];
    (1..=4usize, 1..=8usize)
        .prop_flat_map(|(nd, nc)| {
            (
                proptest::collection::vec((0..2usize, proptest::collection::vec(0..nd, 0..=3)), nc),
                proptest::collection::vec((any::<bool>(), 1..=2u32, 1..=2u32, any::<u64>()), nd),
            )
        })
        .prop_map(move |(cands, defis)| {
            let candidates: Vec<CandidateEntry> = cands
                .iter()
                .enumerate()
                .map(|(i, (_, choices))| {
                    let mut seen: Vec<String> = Vec::new();
                    for d in choices {
                        let d = format!("d{d}");
                        if !seen.contains(&d) {
                            seen.push(d);
                        }
                    }
                    CandidateEntry {
                        id: format!("c{i}"),
                        choices: seen,
                    }
                })
                .collect();
            let profile: Vec<String> = cands.iter().map(|(p, _)| profiles[*p].to_owned()).collect();
            let mut slots = Vec::new();
            for (di, &(both, cap_dev, cap_design, seed)) in defis.iter().enumerate() {
                for (pi, p) in profiles.iter().enumerate() {
                    if pi == 1 && !both {
                        continue;
                    }
                    let mut listed: Vec<(u64, String)> = candidates
                        .iter()
                        .zip(&profile)
                        .filter(|(_, pr)| pr.as_str() == *p)
                        .map(|(c, _)| {
                            let h = c.id.bytes().fold(seed ^ pi as u64, |h, b| {
                                (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
                            });
                            (h, c.id.clone())
                        })
                        .filter(|(h, _)| h % 5 != 0)
                        .collect();
                    listed.sort();
                    slots.push(SlotEntry {
                        slot: slot_name(&format!("d{di}"), p),
                        capacity: if pi == 0 { cap_dev } else { cap_design.min(1) },
                        list: listed.into_iter().map(|(_, c)| c).collect(),
                        closed_after: None,
                    });
                }
            }
            (slots, candidates, profile)
        })
}

/// Answers drawn at random: (what, whom) picked among the open offers
/// (4: a withdrawal, 5: a renouncement).
fn answers() -> impl Strategy<Value = Vec<(u8, usize)>> {
    proptest::collection::vec((0..6u8, any::<usize>()), 0..30)
}

/// Every candidate accepts their best open offer if it beats what they
/// hold; the answers of one step.
fn truthful(st: &State) -> Vec<(Kind, usize, Option<usize>)> {
    let m = st.market;
    let mut out = Vec::new();
    for (c, held) in st.held.iter().enumerate() {
        let best = held.iter().min_by_key(|h| m.preference(c, h.slot));
        if let Some(h) = best
            && !h.accepted
        {
            out.push((Kind::Accept, c, Some(h.slot)));
        }
    }
    out
}

/// The accepted seat of each candidate, by id.
fn accepted(st: &State) -> Vec<Option<String>> {
    st.held
        .iter()
        .map(|h| {
            h.iter()
                .find(|h| h.accepted)
                .map(|h| st.market.slot_ids[h.slot].clone())
        })
        .collect()
}

fn no_blocking_pair(st: &State) -> bool {
    let m = st.market;
    (0..m.candidate_ids.len()).all(|c| {
        let mine = st.held[c]
            .iter()
            .find(|h| h.accepted)
            .and_then(|h| m.preference(c, h.slot))
            .unwrap_or(usize::MAX);
        m.prefs[c].iter().take(mine).all(|&s| {
            let rank = m.listed_at(c, s).unwrap();
            let holders: Vec<usize> = st.holders(s).map(|(d, _)| d).collect();
            (holders.len() as u32) >= m.capacity[s]
                && holders.iter().all(|&d| m.listed_at(d, s).unwrap() < rank)
        })
    })
}

/// The candidate-proposing deferred acceptance of the matching engine,
/// on the same market (teams of one, nothing mandatory).
fn engine(log: &Log, profile: &[String]) -> Vec<Option<String>> {
    let mut defis: Vec<matching::DefiIn> = Vec::new();
    for s in &log.slots {
        let d = defi_of(&s.slot).to_owned();
        let slot = matching::SlotIn {
            profile: s.slot.split_once(':').unwrap().1.into(),
            capacity: s.capacity,
            mandatory: false,
            ranking: s.list.clone(),
        };
        match defis.iter_mut().find(|x| x.id == d) {
            Some(x) => x.slots.push(slot),
            None => defis.push(matching::DefiIn {
                id: d,
                min_team: 1,
                max_team: 3,
                slots: vec![slot],
            }),
        }
    }
    let candidates = log
        .candidates
        .iter()
        .zip(profile)
        .map(|(c, p)| matching::CandidateIn {
            id: c.id.clone(),
            profile: p.clone(),
            choices: c.choices.clone(),
            open_to_others: false,
        })
        .collect();
    let out = matching::run(&matching::Input { defis, candidates }).unwrap();
    log.candidates
        .iter()
        .map(|c| {
            out.assignments
                .iter()
                .find(|a| a.candidate == c.id)
                .map(|a| slot_name(&a.defi, &a.profile))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Random answers: after every step the audit passes, no seat is held
    /// twice and no waitlist position rises (checked by `Sim::step`).
    #[test]
    fn random_answers_keep_every_rule((slots, candidates, _) in market(), plan in answers()) {
        let mut sim = Sim::new(slots, candidates);
        sim.step(&[]);
        for (what, pick) in plan {
            let open: Vec<(usize, usize, bool)> = sim.state(|st| {
                st.held.iter().enumerate()
                    .flat_map(|(c, hs)| hs.iter().map(move |h| (c, h.slot, h.accepted)))
                    .collect()
            });
            let people = sim.log.candidates.len();
            let answer = match what {
                4 => {
                    let c = pick % people;
                    if sim.state(|st| st.withdrawn[c]) { continue; }
                    (Kind::Withdraw, c, None)
                }
                5 => {
                    // Someone keeping an accepted seat leaves their waitlists.
                    let keeping: Vec<usize> = sim.state(|st| {
                        (0..people)
                            .filter(|&c| !st.withdrawn[c] && !st.renounced[c])
                            .filter(|&c| st.held[c].iter().any(|h| h.accepted))
                            .collect()
                    });
                    if keeping.is_empty() { continue; }
                    (Kind::Renounce, keeping[pick % keeping.len()], None)
                }
                _ => {
                    let waiting: Vec<&(usize, usize, bool)> = open.iter().filter(|o| !o.2).collect();
                    if waiting.is_empty() { continue; }
                    let &&(c, s, _) = &waiting[pick % waiting.len()];
                    let kind = [Kind::Accept, Kind::Decline, Kind::Expire, Kind::Accept][what as usize];
                    (kind, c, Some(s))
                }
            };
            sim.step(&[answer]);
        }
    }

    /// From no seat at all, candidates who take their best offer each time
    /// end in a stable matching; from the engine's matching, nothing moves
    /// and accepting gives exactly the engine's result.
    #[test]
    fn truthful_answers_end_stable((slots, candidates, profile) in market()) {
        let mut sim = Sim::new(slots.clone(), candidates.clone());
        sim.step(&[]);
        for _ in 0..100 {
            let answers = sim.state(truthful);
            if answers.is_empty() { break; }
            sim.step(&answers);
        }
        prop_assert!(sim.state(|st| st.held.iter().flatten().all(|h| h.accepted)));
        prop_assert!(sim.state(no_blocking_pair));

        let da = engine(&sim.log, &profile);
        let mut from_da = Sim::new(slots, candidates);
        let market = Market::build(&from_da.log).unwrap();
        for (c, s) in da.iter().enumerate() {
            if let Some(s) = s {
                let sid = market.slot_ids[market.slot(s).unwrap()].clone();
                let cid = market.candidate_ids[c].clone();
                from_da.push(Kind::Offer, &cid, Some(&sid));
            }
        }
        prop_assert!(from_da.step(&[]).is_empty(), "the engine's matching leaves no one waiting for a free seat");
        let answers = from_da.state(truthful);
        from_da.step(&answers);
        prop_assert_eq!(from_da.state(accepted), da);
    }
}
