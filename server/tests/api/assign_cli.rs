//! `cohorte assign`: the documented JSON in, the plan out; an infeasible
//! input is a result (status 0); bad input gets the JSON path of the
//! error, status 2 and nothing on stdout.

fn run(input: &str) -> (i32, String, String) {
    crate::helpers::run_cli("assign", input)
}

#[test]
fn the_documented_example_runs_and_is_reproducible() {
    let input = r#"{"reviews_per_dossier":3, "seed":7,
        "dossiers":[{"id":"a1","profile":"developer"},{"id":"a2","profile":"designer"}],
        "jurors":[{"id":"j1","profiles":["developer","data_engineer"],"max_load":12},
                  {"id":"j2","profiles":["designer"]},{"id":"j3","profiles":[]},
                  {"id":"j4","profiles":[]}],
        "conflicts":[["j1","a2"]], "existing":[["j2","a1"]]}"#;
    let (code, stdout, stderr) = run(input);
    assert_eq!(code, 0, "{stderr}");
    let out: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(out["feasible"], true);
    let pairs = out["assignments"].as_array().unwrap();
    assert_eq!(pairs.len(), 6);
    assert!(pairs.contains(&serde_json::json!({"juror":"j2","dossier":"a1"})));
    assert!(!pairs.contains(&serde_json::json!({"juror":"j1","dossier":"a2"})));
    assert_eq!(out["profile_covered"], 2);
    assert_eq!(out["short"], serde_json::json!([]));
    assert_eq!(
        out["loads"].as_object().unwrap().keys().collect::<Vec<_>>(),
        ["j1", "j2", "j3", "j4"]
    );
    assert_eq!(run(input).1, stdout, "same input, byte-identical output");
}

#[test]
fn an_infeasible_input_is_explained_with_status_0() {
    let input = r#"{"reviews_per_dossier":2,"max_load":1,
        "dossiers":[{"id":"a1","profile":"dev"},{"id":"a2","profile":"dev"}],
        "jurors":[{"id":"j1"},{"id":"j2"}]}"#;
    let (code, stdout, _) = run(input);
    assert_eq!(code, 0);
    let out: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(out["feasible"], false);
    assert_eq!(out["assignments"], serde_json::json!([]));
    assert!(
        out["reason"]["fr"]
            .as_str()
            .unwrap()
            .starts_with("4 avis sont nécessaires")
    );
    assert!(
        out["reason"]["en"]
            .as_str()
            .unwrap()
            .contains("raise the maximum load to 2")
    );
}

#[test]
fn bad_input_exits_2_with_the_json_path() {
    for (input, path) in [
        (
            r#"{"dossiers":[{"id":"a1","profile":"d"}],"jurors":[{"id":"j1"}],"conflicts":[["j1","a9"]]}"#,
            "conflicts[0][1]",
        ),
        (
            r#"{"dossiers":[],"jurors":[{"id":"j1","max_load":-3}]}"#,
            "jurors[0].max_load",
        ),
        (
            r#"{"dossiers":[{"id":"a1","profile":"d"}],"jurors":[{"id":"j1"}],"conflicts":[["j1","a1"]],"existing":[["j1","a1"]]}"#,
            "existing[0]",
        ),
        (
            r#"{"dossiers":[{"id":"a1","profile":"d"},{"id":"a1","profile":"d"}],"jurors":[]}"#,
            "dossiers[1].id",
        ),
        ("{not json", "."),
    ] {
        let (code, stdout, stderr) = run(input);
        assert_eq!(code, 2, "{input}");
        assert!(stdout.is_empty(), "{input}");
        assert!(stderr.contains(path), "{input}: {stderr}");
    }
}
