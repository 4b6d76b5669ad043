//! `cohorte match`: the documented JSON in, the result JSON out; bad input
//! gets a precise error, status 2 and nothing on stdout.

fn run(input: &str) -> (i32, String, String) {
    crate::helpers::run_cli("match", input)
}

#[test]
fn the_documented_example_runs() {
    let input = r#"{"defis":[{"id":"d1","min_team":2,"max_team":3,
        "slots":[{"profile":"developer","capacity":1,"mandatory":true,"ranking":["c3","c1"]},
                 {"profile":"designer","capacity":1,"ranking":["c2"]}]}],
        "candidates":[{"id":"c1","profile":"developer","choices":["d1"],"open_to_others":false},
                      {"id":"c2","profile":"designer","choices":["d1"]},
                      {"id":"c3","profile":"developer","choices":["d1"]}]}"#;
    let (code, stdout, stderr) = run(input);
    assert_eq!(code, 0, "{stderr}");
    let out: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(out["blocking_pairs"], 0);
    assert_eq!(out["unassigned"], serde_json::json!(["c1"]));
    assert_eq!(out["assignments"].as_array().unwrap().len(), 2);
    assert_eq!(out["rank_histogram"]["1"], 2);
    assert!(
        out["explanations"]["c1"]["fr"]
            .as_str()
            .unwrap()
            .contains("vous étiez 2e sur 2")
    );
    // Same input, byte-identical output.
    assert_eq!(run(input).1, stdout);
}

#[test]
fn bad_input_exits_2_with_the_json_path() {
    let (code, stdout, stderr) = run(
        r#"{"defis":[{"id":"d1","slots":[{"profile":"developer","capacity":1,"ranking":["ghost"]}]}],"candidates":[]}"#,
    );
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains("defis[0].slots[0].ranking[0]"), "{stderr}");
    assert!(stderr.contains("unknown candidate \"ghost\""), "{stderr}");
    let (code, stdout, _) = run("{not json");
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
}
