//! The cascade on hand-made cases and random instances; the audit on
//! tampered logs. Every log the cascade writes must pass the audit.

use super::*;
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
pub(super) struct Sim {
    pub(super) log: Log,
    step: u64,
    positions: HashMap<(usize, usize), usize>,
    gone: std::collections::HashSet<(usize, usize)>,
}

impl Sim {
    pub(super) fn new(slots: Vec<SlotEntry>, candidates: Vec<CandidateEntry>) -> Self {
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

    pub(super) fn push(&mut self, kind: Kind, c: &str, s: Option<&str>) {
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
    pub(super) fn step(&mut self, answers: &[(Kind, usize, Option<usize>)]) -> Vec<(usize, usize)> {
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

    pub(super) fn state<R>(&self, f: impl FnOnce(&State) -> R) -> R {
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
fn after_renouncing_a_better_seat_goes_to_the_next_on_its_list() {
    let mut sim = Sim::new(
        vec![
            slot("d1:dev", 1, &["x", "a", "b"]),
            slot("d2:dev", 1, &["a"]),
        ],
        vec![
            cand("a", &["d1", "d2"]),
            cand("b", &["d1"]),
            cand("x", &["d1"]),
        ],
    );
    assert_eq!(sim.step(&[]), vec![(0, 1), (2, 0)]);
    // Renouncing needs an accepted seat.
    sim.state(|st| assert!(st.clone().apply(Kind::Renounce, 0, None).is_err()));
    sim.step(&[(Kind::Accept, 0, Some(1))]);
    sim.state(|st| assert_eq!(st.position(0, 0), Some(1)));
    // a's contract is signed: they leave d1's waitlist and keep d2.
    assert_eq!(sim.step(&[(Kind::Renounce, 0, None)]), vec![]);
    sim.state(|st| {
        assert_eq!(st.position(0, 0), None);
        assert_eq!(st.position(1, 0), Some(1));
        assert!(st.clone().apply(Kind::Renounce, 0, None).is_err(), "once");
    });
    // x declines d1: b is offered it, not a.
    assert_eq!(sim.step(&[(Kind::Decline, 2, Some(0))]), vec![(1, 0)]);

    // A log offering d1 to a after their renouncement is refused.
    let mut tampered = sim.log.clone();
    let last = tampered.events.last_mut().unwrap();
    last.candidate = "a".into();
    let v = verify(&tampered);
    assert!(v.iter().any(|v| v.en.contains("without waiting")), "{v:?}");
    // A renouncement without an accepted seat is a violation.
    let mut early = Sim::new(vec![slot("d1:dev", 1, &["a"])], vec![cand("a", &["d1"])]);
    early.step(&[]);
    early.push(Kind::Renounce, "a", None);
    let v = verify(&early.log);
    assert!(
        v.iter().any(|v| v.en.contains("leaves their waitlists")),
        "{v:?}"
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

#[test]
fn a_renouncement_ends_with_its_seat_taken_back() {
    let mut sim = Sim::new(
        vec![
            slot("d1:dev", 1, &["x", "a"]),
            slot("d2:dev", 1, &["a"]),
            slot("d3:dev", 1, &["y", "a"]),
        ],
        vec![
            cand("a", &["d1", "d2", "d3"]),
            cand("x", &["d1"]),
            cand("y", &["d3"]),
        ],
    );
    assert_eq!(sim.step(&[]), vec![(0, 1), (1, 0), (2, 2)]);
    sim.step(&[(Kind::Accept, 0, Some(1))]);
    sim.step(&[(Kind::Renounce, 0, None)]);
    sim.state(|st| assert_eq!(st.position(0, 0), None));
    // d2 is withdrawn: a's signed seat is taken back; a waits on d1 again
    // (and on d3, below it), and no renouncement holds any more.
    sim.log.slots[1].closed_after = Some(sim.log.events.len() as u64);
    assert_eq!(sim.step(&[(Kind::Release, 0, Some(1))]), vec![]);
    sim.state(|st| {
        assert!(!st.renounced[0]);
        assert_eq!(st.position(0, 0), Some(1));
        assert_eq!(st.position(0, 2), Some(1));
    });
    // y declines d3: a takes it and keeps waiting on d1 until a new
    // contract is signed; then they renounce again.
    assert_eq!(sim.step(&[(Kind::Decline, 2, Some(2))]), vec![(0, 2)]);
    sim.step(&[(Kind::Accept, 0, Some(2))]);
    sim.state(|st| assert_eq!(st.position(0, 0), Some(1)));
    sim.step(&[(Kind::Renounce, 0, None)]);
    sim.state(|st| assert_eq!(st.position(0, 0), None));
    // A second renouncement while the first holds is a violation.
    let mut twice = sim.log.clone();
    let seq = twice.events.len() as u64 + 1;
    twice.events.push(Event {
        seq,
        at: at(99),
        kind: Kind::Renounce,
        candidate: "a".into(),
        slot: None,
    });
    assert_eq!(
        flagged(&twice),
        [format!("event {seq}: a has already left their waitlists")]
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

#[test]
fn the_audit_finds_a_seat_taken_back_and_an_offer_to_someone_better_off() {
    let mut log = Log {
        slots: vec![slot("d1:dev", 1, &["a", "b"]), slot("d2:dev", 1, &["a"])],
        candidates: vec![cand("a", &["d1", "d2"]), cand("b", &["d1"])],
        events: vec![
            ev(1, 0, Kind::Offer, "a", "d1:dev"),
            ev(2, 0, Kind::Offer, "a", "d2:dev"),
        ],
    };
    assert_eq!(
        flagged(&log),
        ["event 2: slot d2:dev: a is offered a seat while holding one they prefer"]
    );
    log.events = vec![
        ev(1, 0, Kind::Offer, "a", "d1:dev"),
        ev(2, 1, Kind::Accept, "a", "d1:dev"),
        ev(3, 2, Kind::Release, "a", "d1:dev"),
        ev(4, 2, Kind::Offer, "b", "d1:dev"),
    ];
    assert_eq!(
        flagged(&log),
        [
            "event 3: slot d1:dev: a loses a seat without having accepted another",
            // An impossible event changes nothing: a still holds the seat.
            "event 4: slot d1:dev: 2 people hold its 1 seat(s)"
        ]
    );
}
