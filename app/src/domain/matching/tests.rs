//! Hand-made cases (the properties on random instances: `properties.rs`).

use super::*;

fn defi(id: &str, min: u32, max: u32, slots: Vec<SlotIn>) -> DefiIn {
    DefiIn {
        id: id.into(),
        min_team: min,
        max_team: max,
        slots,
    }
}

fn slot(profile: &str, capacity: u32, mandatory: bool, ranking: &[&str]) -> SlotIn {
    SlotIn {
        profile: profile.into(),
        capacity,
        mandatory,
        ranking: ranking.iter().map(|s| s.to_string()).collect(),
    }
}

fn cand(id: &str, profile: &str, choices: &[&str]) -> CandidateIn {
    CandidateIn {
        id: id.into(),
        profile: profile.into(),
        choices: choices.iter().map(|s| s.to_string()).collect(),
        open_to_others: false,
    }
}

fn placed(o: &Outcome) -> Vec<(String, String)> {
    o.assignments
        .iter()
        .map(|a| (a.candidate.clone(), a.defi.clone()))
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn a_full_team_is_formed() {
    let input = Input {
        defis: vec![defi(
            "d1",
            2,
            3,
            vec![
                slot("developer", 1, true, &["c1"]),
                slot("designer", 1, true, &["c2"]),
            ],
        )],
        candidates: vec![
            cand("c1", "developer", &["d1"]),
            cand("c2", "designer", &["d1"]),
        ],
    };
    let o = run(&input).unwrap();
    assert_eq!(placed(&o), pairs(&[("c1", "d1"), ("c2", "d1")]));
    assert_eq!(o.blocking_pairs, 0);
    assert_eq!(o.rank_histogram["1"], 2);
    assert!(o.unfilled_slots.is_empty());
}

/// Serving candidates greedily in their order gives a→d1, b→d2, which d1's
/// jury and b would both undo. Deferred acceptance does not.
#[test]
fn greedy_instability_is_avoided() {
    let input = Input {
        defis: vec![
            defi("d1", 1, 3, vec![slot("developer", 1, true, &["b", "a"])]),
            defi("d2", 1, 3, vec![slot("developer", 1, true, &["a", "b"])]),
        ],
        candidates: vec![
            cand("a", "developer", &["d1", "d2"]),
            cand("b", "developer", &["d1", "d2"]),
        ],
    };
    let o = run(&input).unwrap();
    assert_eq!(placed(&o), pairs(&[("a", "d2"), ("b", "d1")]));
    assert_eq!(o.blocking_pairs, 0);
    let a = &o.explanations["a"];
    assert!(a.fr.contains("votre 2e choix"), "{}", a.fr);
    assert!(
        a.fr.contains("vous étiez 2e sur 2 ; places : 1"),
        "{}",
        a.fr
    );
    assert!(a.en.contains("you were 2nd of 2; seats: 1"), "{}", a.en);
}

/// The classic three-by-three cycle where proposing order matters for
/// naive algorithms: the candidate-optimal stable matching gives everyone
/// their first choice.
#[test]
fn candidate_optimal_in_a_cycle() {
    let input = Input {
        defis: vec![
            defi("x", 1, 3, vec![slot("dev", 1, true, &["b", "c", "a"])]),
            defi("y", 1, 3, vec![slot("dev", 1, true, &["c", "a", "b"])]),
            defi("z", 1, 3, vec![slot("dev", 1, true, &["a", "b", "c"])]),
        ],
        candidates: vec![
            cand("a", "dev", &["x", "y", "z"]),
            cand("b", "dev", &["y", "z", "x"]),
            cand("c", "dev", &["z", "x", "y"]),
        ],
    };
    let o = run(&input).unwrap();
    assert_eq!(placed(&o), pairs(&[("a", "x"), ("b", "y"), ("c", "z")]));
    assert_eq!(o.rank_histogram["1"], 3);
}

#[test]
fn a_defi_that_cannot_form_a_team_is_withdrawn_and_its_candidates_move_on() {
    let input = Input {
        defis: vec![
            defi(
                "d1",
                2,
                3,
                vec![
                    slot("developer", 1, true, &["c1"]),
                    slot("designer", 1, true, &[]),
                ],
            ),
            defi(
                "d2",
                2,
                3,
                vec![
                    slot("developer", 1, true, &["c1"]),
                    slot("designer", 1, true, &["c2"]),
                ],
            ),
        ],
        candidates: vec![
            cand("c1", "developer", &["d1", "d2"]),
            cand("c2", "designer", &["d2"]),
        ],
    };
    let o = run(&input).unwrap();
    assert_eq!(placed(&o), pairs(&[("c1", "d2"), ("c2", "d2")]));
    assert_eq!(o.withdrawn_defis.len(), 1);
    assert_eq!(o.withdrawn_defis[0].defi, "d1");
    assert!(
        o.withdrawn_defis[0].reason.contains("équipe de 2"),
        "{:?}",
        o.withdrawn_defis
    );
    let e = &o.explanations["c1"];
    assert!(
        e.fr.contains("ce défi a été retiré : il ne pouvait pas former une équipe de 2"),
        "{}",
        e.fr
    );
    assert!(
        e.en.contains("this challenge was withdrawn: it could not form a team of 2"),
        "{}",
        e.en
    );
    assert!(
        o.unfilled_slots.is_empty(),
        "withdrawn défis have no unfilled slots"
    );
}

#[test]
fn an_unfilled_mandatory_slot_withdraws_the_defi() {
    let input = Input {
        defis: vec![defi(
            "d1",
            2,
            3,
            vec![
                slot("developer", 2, false, &["c1", "c2"]),
                slot("designer", 1, true, &[]),
            ],
        )],
        candidates: vec![
            cand("c1", "developer", &["d1"]),
            cand("c2", "developer", &["d1"]),
        ],
    };
    let o = run(&input).unwrap();
    assert!(o.assignments.is_empty());
    assert!(
        o.withdrawn_defis[0]
            .reason
            .contains("poste obligatoire de designer")
    );
    assert_eq!(o.rank_histogram["none"], 2);
}

#[test]
fn an_optional_slot_may_stay_empty() {
    let input = Input {
        defis: vec![defi(
            "d1",
            2,
            3,
            vec![
                slot("developer", 2, true, &["c1", "c2"]),
                slot("designer", 1, false, &[]),
            ],
        )],
        candidates: vec![
            cand("c1", "developer", &["d1"]),
            cand("c2", "developer", &["d1"]),
        ],
    };
    let o = run(&input).unwrap();
    assert_eq!(o.assignments.len(), 2);
    assert_eq!(
        o.unfilled_slots,
        vec![Unfilled {
            defi: "d1".into(),
            profile: "designer".into(),
            missing: 1
        }]
    );
}

#[test]
fn withdrawal_order_fewest_filled_then_fewest_acceptable_then_id() {
    // Both d1 and d2 are short; d2 has fewer acceptable candidates, so it
    // goes first; its candidate then completes d1.
    let input = Input {
        defis: vec![
            defi(
                "d1",
                2,
                2,
                vec![
                    slot("dev", 1, true, &["a", "b"]),
                    slot("ds", 1, true, &["c"]),
                ],
            ),
            defi(
                "d2",
                2,
                2,
                vec![slot("dev", 1, true, &["b"]), slot("ds", 1, true, &[])],
            ),
        ],
        candidates: vec![
            cand("a", "dev", &[]),
            cand("b", "dev", &["d2", "d1"]),
            cand("c", "ds", &["d1"]),
        ],
    };
    let o = run(&input).unwrap();
    assert_eq!(
        o.withdrawn_defis
            .iter()
            .map(|w| w.defi.as_str())
            .collect::<Vec<_>>(),
        ["d2"]
    );
    assert_eq!(placed(&o), pairs(&[("b", "d1"), ("c", "d1")]));
}

#[test]
fn open_to_others_takes_a_defi_whose_jury_proposed_them() {
    let mut c2 = cand("c2", "developer", &["d1"]);
    c2.open_to_others = true;
    let input = Input {
        defis: vec![
            defi("d1", 1, 3, vec![slot("developer", 1, true, &["c1", "c2"])]),
            defi("d2", 1, 3, vec![slot("developer", 1, true, &["c2"])]),
        ],
        candidates: vec![cand("c1", "developer", &["d1"]), c2],
    };
    let o = run(&input).unwrap();
    assert_eq!(placed(&o), pairs(&[("c1", "d1"), ("c2", "d2")]));
    assert_eq!(o.assignments[1].choice_rank, None);
    assert_eq!(o.rank_histogram["other"], 1);
    assert!(
        o.explanations["c2"]
            .fr
            .contains("ouvert·e à d'autres défis")
    );
}

#[test]
fn explanations_name_each_reason() {
    let input = Input {
        defis: vec![
            defi("sans-poste", 1, 3, vec![slot("designer", 1, true, &[])]),
            defi("hors-liste", 1, 3, vec![slot("developer", 1, true, &[])]),
            defi(
                "pourvu",
                1,
                3,
                vec![slot("developer", 1, true, &["z", "c"])],
            ),
        ],
        candidates: vec![
            cand("c", "developer", &["sans-poste", "hors-liste", "pourvu"]),
            cand("z", "developer", &["pourvu"]),
        ],
    };
    let o = run(&input).unwrap();
    let fr = &o.explanations["c"].fr;
    assert!(
        fr.starts_with("Résultat : vous n'êtes affecté·e à aucun défi."),
        "{fr}"
    );
    assert!(
        fr.contains(
            "« sans-poste » (votre 1er choix) : ce défi ne prévoit pas de poste de développeur·se."
        ),
        "{fr}"
    );
    assert!(
        fr.contains(
            "vous n'étiez pas sur la liste du jury de ce défi pour le profil développeur·se."
        ),
        "{fr}"
    );
    assert!(fr.contains("(vous étiez 2e sur 2 ; places : 1)"), "{fr}");
    let en = &o.explanations["c"].en;
    assert!(en.contains("this challenge has no developer seat."), "{en}");
}

#[test]
fn bad_input_names_its_json_path() {
    let cases = [
        (
            r#"{"defis":[],"candidates":[{"id":"c1","profile":"dev"},{"id":"c1","profile":"dev"}]}"#,
            "candidates[1].id",
        ),
        (
            r#"{"defis":[{"id":"d","slots":[{"profile":"dev","capacity":0}]}],"candidates":[]}"#,
            "defis[0].slots[0].capacity",
        ),
        (
            r#"{"defis":[{"id":"d","min_team":3,"max_team":2,"slots":[]}],"candidates":[]}"#,
            "defis[0].min_team",
        ),
        (
            r#"{"defis":[{"id":"d","slots":[{"profile":"dev","capacity":4}]}],"candidates":[]}"#,
            "defis[0].slots",
        ),
        (
            r#"{"defis":[{"id":"d","slots":[{"profile":"dev","capacity":1,"ranking":["zz"]}]}],"candidates":[]}"#,
            "defis[0].slots[0].ranking[0]",
        ),
        (
            r#"{"defis":[{"id":"d","slots":[{"profile":"dev","capacity":1,"ranking":["c"]}]}],"candidates":[{"id":"c","profile":"ds"}]}"#,
            "defis[0].slots[0].ranking[0]",
        ),
        (
            r#"{"defis":[],"candidates":[{"id":"c","profile":"ds","choices":["nope"]}]}"#,
            "candidates[0].choices[0]",
        ),
        (
            r#"{"defis":[{"id":"d","slots":[]},{"id":"d","slots":[]}],"candidates":[]}"#,
            "defis[1].id",
        ),
        (
            r#"{"defis":[{"id":"d","slots":[{"profile":"dev","capacity":"one"}]}],"candidates":[]}"#,
            "defis[0].slots[0].capacity",
        ),
        (
            r#"{"defis":[],"candidates":[{"id":"c","profil":"dev"}]}"#,
            "candidates[0]",
        ),
    ];
    for (json, path) in cases {
        let err = parse_json(json).and_then(|i| run(&i)).unwrap_err();
        assert!(err.path.starts_with(path), "{json}: got {err}");
    }
    let err = parse_json("{\"defis\": [").unwrap_err();
    assert!(!err.message.is_empty());
    assert!(parse_json("{} trailing").is_err());
}
