//! Examples: the documented one, each feasibility message, bad input.

use super::*;

fn dossiers(n: usize, profile: &str) -> Vec<DossierIn> {
    (0..n)
        .map(|i| DossierIn {
            id: format!("a{i}"),
            profile: profile.into(),
        })
        .collect()
}

fn jurors(n: usize, profiles: &[&str], max_load: Option<u32>) -> Vec<JurorIn> {
    (0..n)
        .map(|i| JurorIn {
            id: format!("j{i}"),
            profiles: profiles.iter().map(|p| (*p).into()).collect(),
            max_load,
        })
        .collect()
}

fn input(d: Vec<DossierIn>, j: Vec<JurorIn>) -> Input {
    Input {
        reviews_per_dossier: 3,
        seed: 7,
        max_load: None,
        dossiers: d,
        jurors: j,
        conflicts: vec![],
        existing: vec![],
    }
}

fn pair(j: &str, d: &str) -> (String, String) {
    (j.into(), d.into())
}

#[test]
fn the_documented_example_assigns_three_distinct_jurors_and_keeps_the_existing_one() {
    let text = r#"{"reviews_per_dossier":3, "seed":7,
        "dossiers":[{"id":"a1","profile":"developer"}],
        "jurors":[{"id":"j1","profiles":["developer","data_engineer"],"max_load":12},
                  {"id":"j2","profiles":[]},{"id":"j3","profiles":[]},{"id":"j4","profiles":[]}],
        "conflicts":[["j3","a1"]], "existing":[["j2","a1"]]}"#;
    let out = run(&parse_json(text).unwrap()).unwrap();
    assert!(out.feasible);
    let mut got: Vec<&str> = out.assignments.iter().map(|p| p.juror.as_str()).collect();
    got.sort_unstable();
    assert_eq!(got, ["j1", "j2", "j4"]);
    assert_eq!(out.profile_covered, Some(1));
    let json = serde_json::to_value(&out).unwrap();
    assert_eq!(
        json["loads"],
        serde_json::json!({"j1":1,"j2":1,"j3":0,"j4":1})
    );
    assert_eq!(json["short"], serde_json::json!([]));
    assert!(json.get("reason").is_none());
}

#[test]
fn capacity_shortfall_names_the_load_to_reach_and_the_jurors_to_add() {
    let mut i = input(dossiers(300, "developer"), jurors(30, &["developer"], None));
    i.max_load = Some(24);
    let out = run(&i).unwrap();
    assert!(!out.feasible);
    assert!(out.assignments.is_empty());
    let r = out.reason.unwrap();
    assert_eq!(
        r.en,
        "900 reviews are needed and the 30 jurors can give at most 720: raise the maximum load to 30 or add 8 jurors; nothing was assigned."
    );
    assert!(r.fr.starts_with("900 avis sont nécessaires et les 30 juré·es peuvent en donner au plus 720 : portez la charge maximale à 30 ou ajoutez 8 juré·es"), "{}", r.fr);
    let json = serde_json::to_value(run(&i).unwrap()).unwrap();
    assert_eq!(json.as_object().unwrap().len(), 3, "{json}");
}

#[test]
fn jurors_with_their_own_maximum_are_not_raised_so_only_adding_helps() {
    let i = input(
        dossiers(10, "developer"),
        jurors(3, &["developer"], Some(5)),
    );
    let r = run(&i).unwrap().reason.unwrap();
    assert_eq!(
        r.en,
        "30 reviews are needed and the 3 jurors can give at most 15: add 2 jurors; nothing was assigned."
    );
}

#[test]
fn a_dossier_with_too_few_jurors_free_of_conflict_is_named() {
    let mut i = input(dossiers(2, "designer"), jurors(3, &[], None));
    i.conflicts = vec![pair("j0", "a1")];
    let r = run(&i).unwrap().reason.unwrap();
    assert!(
        r.en.starts_with("1 dossier cannot get 3 reviews: a1 (at most 2 jurors"),
        "{}",
        r.en
    );
    assert!(r.fr.contains("a1"));
}

#[test]
fn no_jurors_says_so() {
    let i = input(dossiers(1, "designer"), vec![]);
    let r = run(&i).unwrap().reason.unwrap();
    assert!(r.fr.starts_with("Aucun·e juré·e"));
}

#[test]
fn a_hall_violation_found_by_the_flow_names_the_dossiers_left_short() {
    // Enough capacity in total (5 for 4), and each dossier has a juror
    // free of conflict, but a0 and a1 both have only j0, who takes one.
    let mut i = input(dossiers(4, "designer"), jurors(3, &[], None));
    i.reviews_per_dossier = 1;
    i.jurors[0].max_load = Some(1);
    i.conflicts = vec![
        pair("j1", "a0"),
        pair("j2", "a0"),
        pair("j1", "a1"),
        pair("j2", "a1"),
    ];
    let out = run(&i).unwrap();
    assert!(!out.feasible);
    let r = out.reason.unwrap();
    assert!(
        r.en.starts_with("No assignment gives 1 reviews to every dossier"),
        "{}",
        r.en
    );
    assert!(r.en.contains("a0") || r.en.contains("a1"), "{}", r.en);
}

#[test]
fn a_peer_is_preferred_even_at_the_cost_of_balance() {
    // One developer juror: every developer dossier gets them.
    let mut j = jurors(4, &["designer"], None);
    j[2].profiles = vec!["developer".into()];
    let mut i = input(dossiers(6, "developer"), j);
    i.reviews_per_dossier = 1;
    let out = run(&i).unwrap();
    assert_eq!(out.profile_covered, Some(6));
    assert!(out.assignments.iter().all(|p| p.juror == "j2"));
}

#[test]
fn top_up_keeps_every_existing_assignment_and_only_adds() {
    let mut i = input(dossiers(5, "developer"), jurors(4, &["developer"], None));
    let first = run(&i).unwrap();
    i.dossiers
        .extend(dossiers(7, "developer").into_iter().skip(5));
    i.existing = first
        .assignments
        .iter()
        .map(|p| pair(&p.juror, &p.dossier))
        .collect();
    let second = run(&i).unwrap();
    assert!(second.feasible);
    for p in &first.assignments {
        assert!(second.assignments.contains(p));
    }
    assert_eq!(second.assignments.len(), 7 * 3);
}

#[test]
fn the_same_seed_gives_the_same_plan_and_another_seed_may_not() {
    let i = input(dossiers(40, "developer"), jurors(12, &["developer"], None));
    assert_eq!(run(&i).unwrap(), run(&i).unwrap());
    let plans: std::collections::HashSet<String> = (0..6)
        .map(|s| {
            let mut i = i.clone();
            i.seed = s;
            serde_json::to_string(&run(&i).unwrap().assignments).unwrap()
        })
        .collect();
    assert!(plans.len() > 1, "the seed changes the tie-breaking");
}

#[test]
fn bad_input_names_its_json_path() {
    let bad = |text: &str| parse_json(text).and_then(|i| run(&i)).unwrap_err();
    let base = |extra: &str| {
        format!(
            r#"{{"dossiers":[{{"id":"a1","profile":"dev"}}],"jurors":[{{"id":"j1"}},{{"id":"j2"}},{{"id":"j3"}}]{extra}}}"#
        )
    };
    assert_eq!(
        bad(&base(r#","conflicts":[["j1","zz"]]"#)).path,
        "conflicts[0][1]"
    );
    assert_eq!(
        bad(&base(r#","existing":[["jx","a1"]]"#)).path,
        "existing[0][0]"
    );
    let e = bad(&base(
        r#","conflicts":[["j1","a1"]],"existing":[["j1","a1"]]"#,
    ));
    assert_eq!(e.path, "existing[0]");
    assert!(e.message.contains("conflict"));
    assert_eq!(
        bad(&base(r#","existing":[["j1","a1"],["j1","a1"]]"#)).path,
        "existing[1]"
    );
    let e =
        bad(r#"{"dossiers":[{"id":"a1","profile":"d"},{"id":"a1","profile":"d"}],"jurors":[]}"#);
    assert_eq!(e.path, "dossiers[1].id");
    let e = bad(r#"{"dossiers":[],"jurors":[{"id":"j1"},{"id":"j1"}]}"#);
    assert_eq!(e.path, "jurors[1].id");
    let e = bad(r#"{"dossiers":[],"jurors":[{"id":"j1","max_load":-1}]}"#);
    assert_eq!(e.path, "jurors[0].max_load");
    assert_eq!(
        bad(r#"{"dossiers":[],"max_load":-2,"jurors":[]}"#).path,
        "max_load"
    );
    assert_eq!(
        bad(r#"{"dossiers":[], "jurors":[], "reviews_per_dossier":0}"#).path,
        "reviews_per_dossier"
    );
    assert_eq!(
        bad(r#"{"dossiers":[], "jurors":[], "extra":1}"#).path,
        "extra"
    );
    assert_eq!(bad(r#"{"dossiers":[], "jurors":[]"#).path, ".");
    assert_eq!(
        bad(r#"{"dossiers":[{"id":"a","profile":3}], "jurors":[]}"#).path,
        "dossiers[0].profile"
    );
}
