use super::*;
use chrono::TimeZone;
use proptest::prelude::*;

/// Monday 7 December 2026, 09:00 Paris (08:00 UTC).
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 7, 8, 0, 0).unwrap()
}

/// A slot of `jury` on day `day` of December 2026 at `hour` (UTC), 45 min.
fn slot(id: i64, jury: i64, day: u32, hour: u32) -> Slot {
    Slot {
        id,
        jury,
        starts: Utc.with_ymd_and_hms(2026, 12, day, hour, 0, 0).unwrap(),
        minutes: 45,
    }
}

fn rules(notice: u32, gap: u32) -> Rules {
    Rules {
        now: now(),
        notice,
        gap,
    }
}

fn req(candidate: i64, jury: i64) -> Request {
    Request { candidate, jury }
}

/// Whether two interviews keep `gap` minutes, computed on timestamps
/// (independently of the module's `apart`).
fn spaced(a: &Slot, b: &Slot, gap: u32) -> bool {
    let end = |s: &Slot| s.starts.timestamp() + 60 * i64::from(s.minutes + gap);
    end(a) <= b.starts.timestamp() || end(b) <= a.starts.timestamp()
}

/// Every rule holds in `plan`.
fn check(slots: &[Slot], existing: &[(i64, Slot)], rules: &Rules, plan: &Plan) {
    let by_id: HashMap<i64, &Slot> = slots.iter().map(|s| (s.id, s)).collect();
    let mut used: Vec<i64> = existing.iter().map(|(_, s)| s.id).collect();
    used.extend(plan.placed.iter().map(|(_, s)| *s));
    let n = used.len();
    used.sort_unstable();
    used.dedup();
    assert_eq!(used.len(), n, "a slot holds one interview");
    let first = first_day(rules);
    let mut of: HashMap<i64, Vec<&Slot>> = HashMap::new();
    for (c, s) in existing {
        of.entry(*c).or_default().push(s);
    }
    for (r, s) in &plan.placed {
        let s = by_id[s];
        assert_eq!(s.jury, r.jury);
        assert!(
            s.starts
                .with_timezone(&chrono_tz::Europe::Paris)
                .date_naive()
                >= first
        );
        of.entry(r.candidate).or_default().push(s);
    }
    for list in of.values() {
        for (i, a) in list.iter().enumerate() {
            for b in &list[i + 1..] {
                assert!(spaced(a, b, rules.gap), "{a:?} {b:?}");
            }
        }
    }
}

#[test]
fn notice_counts_french_working_days() {
    // Monday 7 December, 5 working days: Monday 14 December at the earliest.
    assert_eq!(
        first_day(&rules(5, 0)),
        chrono::NaiveDate::from_ymd_opt(2026, 12, 14).unwrap()
    );
    let slots = [slot(1, 1, 11, 9), slot(2, 1, 14, 9)];
    let plan = schedule(&slots, &[req(10, 1), req(11, 1)], &[], &rules(5, 0));
    assert_eq!(plan.placed, [(req(10, 1), 2)]);
    assert_eq!(plan.unplaced, [(req(11, 1), Unplaced::Full)]);
    // Across Christmas: from Thursday 24 December, 5 working days skip
    // the 25th, two weekends and 1 January: Monday 4 January 2027.
    let late = Rules {
        now: Utc.with_ymd_and_hms(2026, 12, 24, 8, 0, 0).unwrap(),
        notice: 5,
        gap: 0,
    };
    assert_eq!(
        first_day(&late),
        chrono::NaiveDate::from_ymd_opt(2027, 1, 4).unwrap()
    );
    let plan = schedule(&slots, &[req(10, 1)], &[], &late);
    assert_eq!(plan.unplaced, [(req(10, 1), Unplaced::NoSlotAfterNotice)]);
}

#[test]
fn a_candidates_interviews_keep_their_gap_and_existing_ones_stay() {
    // Two juries, same morning: 9:00 and 9:45 (UTC) slots of 45 minutes.
    let slots = [
        slot(1, 1, 15, 9),
        slot(2, 2, 15, 9),
        slot(3, 2, 15, 10),
        slot(4, 2, 15, 12),
    ];
    let rules = rules(5, 60);
    let plan = schedule(&slots, &[req(7, 1), req(7, 2)], &[], &rules);
    check(&slots, &[], &rules, &plan);
    // 9:00–9:45 at jury 1, then at least 10:45: the 12:00 slot.
    assert_eq!(plan.placed, [(req(7, 1), 1), (req(7, 2), 4)]);
    // An existing interview is kept and its slot is not offered.
    let existing = [(7, slots[0].clone())];
    let plan = schedule(&slots, &[req(8, 2), req(7, 2)], &existing, &rules);
    check(&slots, &existing, &rules, &plan);
    assert!(plan.placed.contains(&(req(7, 2), 4)), "{plan:?}");
    // Already interviewed by jury 1: no second slot there.
    let plan = schedule(&slots, &[req(7, 1)], &existing, &rules);
    assert_eq!(plan, Plan::default());
    // An existing interview outside the slots given still counts.
    let elsewhere = [(7, slot(99, 9, 15, 9))];
    let plan = schedule(&slots[1..], &[req(7, 2)], &elsewhere, &rules);
    assert_eq!(plan.placed, [(req(7, 2), 4)]);
    // Exactly the gap apart is enough: 9:00-9:45, then 10:45.
    let tight = [slot(1, 1, 15, 9), slot(2, 2, 15, 10)];
    let tight = [
        tight[0].clone(),
        Slot {
            starts: tight[1].starts + Duration::minutes(45),
            ..tight[1].clone()
        },
    ];
    let plan = schedule(&tight, &[req(7, 1), req(7, 2)], &[], &rules);
    assert_eq!(plan.placed.len(), 2, "{plan:?}");
    let closer = [
        tight[0].clone(),
        Slot {
            starts: tight[1].starts - Duration::minutes(1),
            ..tight[1].clone()
        },
    ];
    let plan = schedule(&closer, &[req(7, 1), req(7, 2)], &[], &rules);
    assert_eq!(plan.placed.len(), 1, "{plan:?}");
}

#[test]
fn a_clash_and_a_full_jury_are_named() {
    let slots = [slot(1, 1, 15, 9), slot(2, 2, 15, 9)];
    let plan = schedule(&slots, &[req(7, 1), req(7, 2)], &[], &rules(5, 0));
    assert_eq!(plan.placed.len(), 1);
    assert_eq!(plan.unplaced[0].1, Unplaced::Clash);
    // Every slot held by existing interviews: full, not a clash.
    let plan = schedule(
        &slots[..1],
        &[req(8, 1)],
        &[(7, slots[0].clone())],
        &rules(5, 0),
    );
    assert_eq!(plan.unplaced, [(req(8, 1), Unplaced::Full)]);
}

#[test]
fn earlier_requests_move_to_make_room() {
    // Candidate 1 could take slot 1 or 2; candidate 2 only slot 1 (its
    // other interview takes slot 2's time): both are placed.
    let slots = [slot(1, 1, 15, 9), slot(2, 1, 15, 14), slot(3, 2, 15, 14)];
    let rules = rules(5, 0);
    let existing = [(2, slots[2].clone())];
    let plan = schedule(&slots, &[req(1, 1), req(2, 1)], &existing, &rules);
    check(&slots, &existing, &rules, &plan);
    assert_eq!(plan.placed, [(req(1, 1), 2), (req(2, 1), 1)]);
}

/// The most requests any valid plan places (brute force).
fn best(slots: &[Slot], requests: &[Request], rules: &Rules) -> usize {
    let first = first_day(rules);
    fn go(
        i: usize,
        slots: &[Slot],
        requests: &[Request],
        rules: &Rules,
        first: chrono::NaiveDate,
        chosen: &mut Vec<Option<usize>>,
    ) -> usize {
        if i == requests.len() {
            return chosen.iter().flatten().count();
        }
        chosen.push(None);
        let mut top = go(i + 1, slots, requests, rules, first, chosen);
        chosen.pop();
        for (s, slot) in slots.iter().enumerate() {
            let ok = slot.jury == requests[i].jury
                && slot
                    .starts
                    .with_timezone(&chrono_tz::Europe::Paris)
                    .date_naive()
                    >= first
                && chosen.iter().enumerate().all(|(j, c)| match c {
                    Some(o) => {
                        *o != s
                            && (requests[j].candidate != requests[i].candidate
                                || apart(slot, &slots[*o], rules.gap))
                    }
                    None => true,
                });
            if ok {
                chosen.push(Some(s));
                top = top.max(go(i + 1, slots, requests, rules, first, chosen));
                chosen.pop();
            }
        }
        top
    }
    go(0, slots, requests, rules, first, &mut Vec::new())
}

fn instance() -> impl Strategy<Value = (Vec<Slot>, Vec<Request>)> {
    (
        proptest::collection::vec((1i64..4, 9u32..18, 8u32..11), 1..6),
        proptest::collection::vec((1i64..5, 1i64..4), 1..6),
    )
        .prop_map(|(slots, requests)| {
            let slots = slots
                .into_iter()
                .enumerate()
                .map(|(i, (jury, day, hour))| slot(i as i64 + 1, jury, day, hour))
                .collect();
            let requests = requests.into_iter().map(|(c, j)| req(c, j)).collect();
            (slots, requests)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn plans_are_valid_deterministic_and_never_beat_the_brute_force(
        (slots, requests) in instance(),
        gap in 0u32..120,
    ) {
        let rules = rules(5, gap);
        let plan = schedule(&slots, &requests, &[], &rules);
        check(&slots, &[], &rules, &plan);
        // The first slot held by an existing interview of candidate 1.
        let existing = [(1, slots[0].clone())];
        let with = schedule(&slots, &requests, &existing, &rules);
        check(&slots, &existing, &rules, &with);
        let mut unique = requests.clone();
        unique.sort_unstable();
        unique.dedup();
        prop_assert_eq!(plan.placed.len() + plan.unplaced.len(), unique.len());
        prop_assert!(plan.placed.len() <= best(&slots, &unique, &rules));
        // The order of the input does not change the plan.
        let mut shuffled = requests.clone();
        shuffled.rotate_left(requests.len() / 2);
        shuffled.reverse();
        prop_assert_eq!(&schedule(&slots, &shuffled, &[], &rules), &plan);
        let mut slots_moved = slots.clone();
        slots_moved.reverse();
        prop_assert_eq!(&schedule(&slots_moved, &requests, &[], &rules), &plan);
    }

    #[test]
    fn with_one_request_per_candidate_no_plan_places_more(
        (slots, requests) in instance(),
    ) {
        // One request per candidate: a pure matching, which Kuhn solves.
        let mut unique: Vec<Request> = requests
            .iter()
            .enumerate()
            .map(|(i, r)| req(i as i64 + 1, r.jury))
            .collect();
        unique.sort_unstable();
        let rules = rules(5, 30);
        let plan = schedule(&slots, &unique, &[], &rules);
        prop_assert_eq!(plan.placed.len(), best(&slots, &unique, &rules));
    }
}
