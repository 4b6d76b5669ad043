//! Declared forms: tidying, checks, the no-JS round trip, page order.
use super::*;
use std::collections::BTreeMap;

const COLOURS: [(&str, Msg); 2] = [("oui", Msg::Yes), ("non", Msg::No)];

declare_form! {
    /// A form for the tests.
    pub struct Sample {
        IdentityLegend {
            name: text = Spec::line(Msg::FieldName, 5).required(),
            phone: text = Spec::line(Msg::FieldPhone, 30).format(Format::Phone),
        }
        ChoicesLegend {}
        DeclarationsLegend {
            answer: text = Spec::choice(Msg::FieldSupportRole, &COLOURS, Msg::ChooseOption),
            note: text = Spec::text(Msg::FieldMotivation, 20, 3).lines(2),
            consent: flag = Spec::declaration(Msg::ConsentLabel, Msg::ConsentRequired),
        }
    }
    extra {
        /// Handled by the form's own code.
        pub picks: Vec<i64>,
    }
}

#[test]
fn the_declaration_gives_names_in_page_order() {
    let names: Vec<&str> = Sample::specs().map(|s| s.name).collect();
    assert_eq!(names, ["name", "phone", "answer", "note", "consent"]);
    assert_eq!(Sample::spec("name").map(|s| s.max), Some(5));
    assert_eq!(Sample::spec("picks"), None);
}

#[test]
fn values_round_trip_through_what_is_posted() {
    let f = Sample {
        name: "Ada".into(),
        note: "deux\nlignes".into(),
        consent: true,
        ..Sample::default()
    };
    let kept: BTreeMap<String, String> = f.declared_values().into_iter().collect();
    assert_eq!(kept.get("consent").map(String::as_str), Some("on"));
    let mut back = Sample::default();
    back.read_declared(&|k| kept.get(k).cloned());
    assert_eq!(back, f);
}

#[test]
fn drafts_are_tidied_and_limited() {
    let mut f = Sample {
        name: "  Ada \r\n".into(),
        phone: "x".repeat(31),
        answer: "peut-être".into(),
        note: "a\nb\nc".into(),
        ..Sample::default()
    };
    let mut errors = Vec::new();
    f.tidy_declared(&mut errors);
    assert_eq!(f.name, "Ada");
    assert_eq!(
        errors,
        vec![
            ("phone".into(), Msg::TextTooLong),
            ("answer".into(), Msg::ChoiceInvalid),
            ("note".into(), Msg::TooManyLines),
        ]
    );
}

#[test]
fn submission_requires_and_checks_formats_in_page_order() {
    let f = Sample {
        phone: "appelez-moi".into(),
        ..Sample::default()
    };
    let mut errors = vec![("picks".to_owned(), Msg::ChoicesRequired)];
    f.check_declared(&mut errors);
    Sample::in_page_order(&mut errors, &[("picks", Msg::ChoicesLegend)]);
    assert_eq!(
        errors,
        vec![
            ("name".into(), Msg::FieldRequired),
            ("phone".into(), Msg::PhoneInvalid),
            ("picks".into(), Msg::ChoicesRequired),
            ("consent".into(), Msg::ConsentRequired),
        ]
    );
    assert_eq!(f.required_filled(), (0, 2));
}

#[test]
fn posted_values_read_single_values_and_lists() {
    let mut p = Posted::from_pairs([("id", "7"), ("name", "Ada")]);
    p.0.insert(
        "ranks".into(),
        PostedValue::Many(vec!["1".into(), "".into()]),
    );
    assert_eq!(p.number::<i64>("id"), Some(7));
    assert_eq!(p.number::<i64>("name"), None);
    assert_eq!(p.list("ranks"), ["1", ""]);
    assert_eq!(p.list("name"), ["Ada"]);
    assert_eq!(p.get("missing"), None);
}

#[test]
fn formats() {
    assert!(Format::Url.accepts("https://a.fr/x"));
    assert!(!Format::Url.accepts("a.fr"));
    assert!(!Format::Url.accepts("https://a.fr/ x"));
    assert!(Format::Phone.accepts("+33 6 12 34 56 78"));
    assert!(!Format::Phone.accepts("12345"));
}
