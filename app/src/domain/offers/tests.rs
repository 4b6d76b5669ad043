//! The cascade on hand-made cases and random instances; the audit on
//! tampered logs. Every log the cascade writes must pass the audit.

use super::*;
use crate::domain::matching;
use proptest::prelude::*;
use std::collections::HashMap;

fn slot(id: &str, capacity: u32, list: &[&str]) -> SlotEntry {
    SlotEntry {
        slot: id.into(),
        capacity,
        list: list.iter().map(|s| s.to_string()).collect(),
        closed_after: None,
    }
}

fn cand(id: &str, choices: &[&str]) -> CandidateEntry {
    CandidateEntry {
        id: id.into(),
        choices: choices.iter().map(|s| s.to_string()).collect(),
    }
}

fn at(step: u64) -> String {
    let t = chrono::DateTime::from_timestamp(1_814_515_200 + step as i64 * 60, 0).unwrap();
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Drives a market: writes each step's events to the log and checks, after
/// every step, the audit, the seats and the waitlist positions.
struct Sim {
    log: Log,
    step: u64,
    positions: HashMap<(usize, usize), usize>,
    gone: std::collections::HashSet<(usize, usize)>,
}

impl Sim {
    fn new(slots: Vec<SlotEntry>, candidates: Vec<CandidateEntry>) -> Self {
        Sim {
            log: Log {
                slots,
                candidates,
                events: Vec::new(),
            },
            step: 0,
            positions: HashMap::new(),
            gone: Default::default(),
        }
    }

    fn push(&mut self, kind: Kind, c: &str, s: Option<&str>) {
        let seq = self.log.events.len() as u64 + 1;
        self.log.events.push(Event {
            seq,
            at: at(self.step),
            kind,
            candidate: c.into(),
            slot: s.map(str::to_owned),
        });
    }

    /// One step: the answers given, then the cascade.
    fn step(&mut self, answers: &[(Kind, usize, Option<usize>)]) -> Vec<(usize, usize)> {
        self.step += 1;
        let market = Market::build(&self.log).unwrap();
        let mut st = State::replay(&market, &self.log.events).unwrap();
        let mut events = Vec::new();
        for &(kind, c, s) in answers {
            let release = if kind == Kind::Accept {
                st.released_by_accepting(c, s.unwrap())
            } else {
                Vec::new()
            };
            st.apply(kind, c, s).unwrap();
            events.push((kind, c, s));
            for r in release {
                st.apply(Kind::Release, c, Some(r)).unwrap();
                events.push((Kind::Release, c, Some(r)));
            }
        }
        let offers = st.next_offers(&|_| false);
        for &(c, s) in &offers {
            events.push((Kind::Offer, c, Some(s)));
        }
        for (kind, c, s) in events {
            let cid = market.candidate_ids[c].clone();
            let sid = s.map(|s| market.slot_ids[s].clone());
            self.push(kind, &cid, sid.as_deref());
        }
        let st = State::replay(&market, &self.log.events).unwrap();
        // A withdrawn défi sends those who had accepted it back on lists:
        // the one case where a position may rise.
        let withdrawn = self.log.slots.iter().any(|s| s.closed_after.is_some());
        for s in 0..market.slot_ids.len() {
            assert!(st.load[s] <= market.capacity[s], "a seat given twice");
            for c in (0..market.candidate_ids.len()).filter(|_| !withdrawn) {
                match st.position(c, s) {
                    Some(p) => {
                        assert!(!self.gone.contains(&(c, s)), "back on a waitlist");
                        if let Some(&before) = self.positions.get(&(c, s)) {
                            assert!(p <= before, "position rose from {before} to {p}");
                        }
                        self.positions.insert((c, s), p);
                    }
                    None => {
                        if self.positions.remove(&(c, s)).is_some() {
                            self.gone.insert((c, s));
                        }
                    }
                }
            }
        }
        let violations = verify(&self.log);
        assert!(violations.is_empty(), "{violations:?}\n{:#?}", self.log);
        offers
    }

    fn state<R>(&self, f: impl FnOnce(&State) -> R) -> R {
        let market = Market::build(&self.log).unwrap();
        let st = State::replay(&market, &self.log.events).unwrap();
        f(&st)
    }
}

#[test]
fn a_decline_goes_to_the_next_on_the_list_who_waits() {
    let mut sim = Sim::new(
        vec![
            slot("d1:dev", 1, &["a", "b", "c"]),
            slot("d2:dev", 1, &["b"]),
        ],
        vec![
            cand("a", &["d1"]),
            cand("b", &["d2", "d1"]),
            cand("c", &["d1"]),
        ],
    );
    // a gets d1, b gets d2 (their first choice); c waits second on d1,
    // behind b, who holds a seat they prefer.
    assert_eq!(sim.step(&[]), vec![(0, 0), (1, 1)]);
    sim.state(|st| {
        assert_eq!(st.position(2, 0), Some(2));
        assert_eq!(st.position(1, 0), Some(1));
    });
    // a declines: b holds d2, which they prefer, so c is offered d1.
    assert_eq!(sim.step(&[(Kind::Decline, 0, Some(0))]), vec![(2, 0)]);
    // b declines d2: d1 is taken by c (offered before b waited again).
    assert_eq!(sim.step(&[(Kind::Decline, 1, Some(1))]), vec![]);
    sim.state(|st| assert_eq!(st.position(1, 0), Some(1)));
    // c lets the offer expire: b, first on the waitlist, is offered d1.
    assert_eq!(sim.step(&[(Kind::Expire, 2, Some(0))]), vec![(1, 0)]);
}

#[test]
fn accepting_a_better_seat_releases_the_other_which_cascades() {
    let mut sim = Sim::new(
        vec![
            slot("d1:dev", 1, &["x", "a"]),
            slot("d2:dev", 1, &["a", "b"]),
        ],
        vec![
            cand("a", &["d1", "d2"]),
            cand("b", &["d2"]),
            cand("x", &["d1"]),
        ],
    );
    assert_eq!(sim.step(&[]), vec![(0, 1), (2, 0)]);
    assert_eq!(sim.step(&[(Kind::Accept, 0, Some(1))]), vec![]);
    // x declines d1: a, who accepted d2 but prefers d1, is offered it.
    assert_eq!(sim.step(&[(Kind::Decline, 2, Some(0))]), vec![(0, 0)]);
    // a accepts d1: d2 is released and goes to b.
    assert_eq!(sim.step(&[(Kind::Accept, 0, Some(0))]), vec![(1, 1)]);
    let log = &sim.log;
    let kinds: Vec<Kind> = log.events.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds[kinds.len() - 3..],
        [Kind::Accept, Kind::Release, Kind::Offer]
    );
}

#[test]
fn a_withdrawal_frees_every_seat_held() {
    let mut sim = Sim::new(
        vec![slot("d1:dev", 1, &["a", "b"]), slot("d2:ds", 1, &[])],
        vec![cand("a", &["d1"]), cand("b", &["d1"])],
    );
    sim.step(&[]);
    assert_eq!(sim.step(&[(Kind::Withdraw, 0, None)]), vec![(1, 0)]);
    sim.state(|st| {
        assert_eq!(st.exhausted(), vec![1], "d2's list is empty");
        assert!(st.clone().apply(Kind::Offer, 0, Some(0)).is_err());
    });
}

#[test]
fn a_withdrawn_defi_releases_its_seats_into_the_cascade() {
    let mut sim = Sim::new(
        vec![
            slot("d1:dev", 1, &["a", "b"]),
            slot("d2:dev", 1, &["a", "c"]),
        ],
        vec![
            cand("a", &["d1", "d2"]),
            cand("b", &["d1"]),
            cand("c", &["d2"]),
        ],
    );
    assert_eq!(sim.step(&[]), vec![(0, 0), (2, 1)]);
    assert_eq!(sim.step(&[(Kind::Accept, 0, Some(0))]), vec![]);
    // d1 is withdrawn: a's accepted seat is taken back; a goes back on
    // d2's list (which they rank below d1), but c holds d2.
    sim.log.slots[0].closed_after = Some(sim.log.events.len() as u64);
    assert_eq!(sim.step(&[(Kind::Release, 0, Some(0))]), vec![]);
    sim.state(|st| {
        assert_eq!(
            st.exhausted(),
            Vec::<usize>::new(),
            "a closed slot is not exhausted"
        )
    });
    // c declines d2: a is offered it; b never gets d1 again.
    assert_eq!(sim.step(&[(Kind::Decline, 2, Some(1))]), vec![(0, 1)]);
    let mut tampered = sim.log.clone();
    let seq = tampered.events.len() as u64 + 1;
    tampered.events.push(Event {
        seq,
        at: at(99),
        kind: Kind::Offer,
        candidate: "b".into(),
        slot: Some("d1:dev".into()),
    });
    assert_eq!(
        flagged(&tampered),
        [format!(
            "event {seq}: slot d1:dev: b is offered a seat of a withdrawn challenge"
        )]
    );
}

fn flagged(log: &Log) -> Vec<String> {
    verify(log).into_iter().map(|v| v.to_string()).collect()
}

fn base() -> Log {
    Log {
        slots: vec![slot("d1:dev", 1, &["a", "b"])],
        candidates: vec![cand("a", &["d1"]), cand("b", &["d1"])],
        events: Vec::new(),
    }
}

fn ev(seq: u64, step: u64, kind: Kind, c: &str, s: &str) -> Event {
    Event {
        seq,
        at: at(step),
        kind,
        candidate: c.into(),
        slot: Some(s.into()),
    }
}

#[test]
fn the_audit_finds_a_skipped_candidate() {
    let mut log = base();
    log.events = vec![ev(1, 0, Kind::Offer, "b", "d1:dev")];
    let found = flagged(&log);
    assert_eq!(
        found,
        ["event 1: slot d1:dev: b is offered the seat while a, ranked above, waits"]
    );
    assert_eq!(verify(&log)[0].defi(), Some("d1"));
}

#[test]
fn the_audit_finds_a_seat_given_twice_and_a_free_seat_left() {
    let mut log = base();
    log.events = vec![
        ev(1, 0, Kind::Offer, "a", "d1:dev"),
        ev(2, 0, Kind::Offer, "b", "d1:dev"),
    ];
    assert_eq!(
        flagged(&log),
        ["event 2: slot d1:dev: 2 people hold its 1 seat(s)"]
    );
    log.events = vec![
        ev(1, 0, Kind::Offer, "a", "d1:dev"),
        ev(2, 1, Kind::Decline, "a", "d1:dev"),
    ];
    assert_eq!(
        flagged(&log),
        ["slot d1:dev: a seat is left free while b waits"]
    );
}

#[test]
fn the_audit_finds_impossible_events() {
    let mut log = base();
    log.events = vec![
        ev(1, 0, Kind::Accept, "a", "d1:dev"),
        ev(2, 0, Kind::Offer, "a", "d1:dev"),
        ev(4, 0, Kind::Offer, "a", "d1:dev"),
        ev(4, 1, Kind::Release, "b", "d1:dev"),
    ];
    assert_eq!(
        flagged(&log),
        [
            "event 1: slot d1:dev: a answers without an open offer",
            "event 4: sequence number 3 expected",
            "event 4: slot d1:dev: a is offered a seat without waiting for it",
            "event 4: slot d1:dev: b releases a seat they do not hold",
        ]
    );
    log.events = vec![
        ev(1, 0, Kind::Offer, "a", "d1:dev"),
        Event {
            seq: 2,
            at: at(1),
            kind: Kind::Withdraw,
            candidate: "a".into(),
            slot: None,
        },
        ev(3, 1, Kind::Offer, "b", "d1:dev"),
        ev(4, 0, Kind::Offer, "a", "d1:dev"),
    ];
    let found = flagged(&log);
    assert!(found.contains(&"event 4: slot d1:dev: a has already withdrawn".to_owned()));
    assert!(found.iter().any(|f| f.starts_with("event 4: earlier than")));
}

#[test]
fn the_log_reads_the_documented_format() {
    let text = r#"{"slots":[{"slot":"d3:designer","capacity":1,"list":["c12","c7","c40"]}],
 "candidates":[{"id":"c7","choices":["d3","d1"]},{"id":"c12","choices":["d3"]},{"id":"c40","choices":["d3"]}],
 "events":[{"seq":1,"at":"2027-07-01T08:00:00Z","kind":"offer","candidate":"c12","slot":"d3:designer"},
           {"seq":2,"at":"2027-07-02T08:00:00Z","kind":"decline","candidate":"c12","slot":"d3:designer"},
           {"seq":3,"at":"2027-07-02T08:00:00Z","kind":"offer","candidate":"c7","slot":"d3:designer"}]}"#;
    let log = parse_json(text).unwrap();
    assert!(verify(&log).is_empty());
    let err = parse_json(r#"{"slots":[],"candidates":[],"events":[{"kind":"hop"}]}"#).unwrap_err();
    assert!(err.starts_with("events[0]"), "{err}");
}

#[test]
fn the_example_of_the_documentation_passes_the_audit() {
    let doc = include_str!("../../../../docs/offers.md");
    let start = doc.find("```json").expect("a JSON example") + "```json".len();
    let end = start + doc[start..].find("```").unwrap();
    let log = parse_json(&doc[start..end]).unwrap();
    assert!(!log.events.is_empty());
    assert_eq!(verify(&log), vec![]);
}

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

/// Answers drawn at random: (what, whom) picked among the open offers.
fn answers() -> impl Strategy<Value = Vec<(u8, usize)>> {
    proptest::collection::vec((0..5u8, any::<usize>()), 0..30)
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
