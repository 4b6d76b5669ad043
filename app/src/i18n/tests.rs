//! The catalogue's checks.
use super::*;

#[test]
fn every_text_exists_in_both_languages() {
    for m in Msg::all() {
        assert!(!Locale::Fr.t(m).is_empty(), "{m:?} fr");
        assert!(!Locale::En.t(m).is_empty(), "{m:?} en");
    }
}

/// Both languages use the same names (in any order), and no text
/// keeps a nameless `{}`.
#[test]
fn placeholders_match_between_languages() {
    for m in Msg::all() {
        let (fr, en) = (Locale::Fr.t(m), Locale::En.t(m));
        assert!(!fr.contains("{}") && !en.contains("{}"), "{m:?}");
        let mut a = placeholders(fr);
        let mut b = placeholders(en);
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b, "{m:?}");
    }
}

#[test]
fn plural_forms_follow_each_language() {
    let t = "{count} {count|jour|jours}";
    let fr = |n: &str| Locale::Fr.fill(t, &[("count", n)]);
    assert_eq!(
        (fr("0"), fr("1"), fr("2"), fr("29")),
        (
            "0 jour".into(),
            "1 jour".into(),
            "2 jours".into(),
            "29 jours".into()
        )
    );
    let t = "{count} {count|day|days} left";
    let en = |n: &str| Locale::En.fill(t, &[("count", n)]);
    assert_eq!(
        (en("0"), en("1"), en("2")),
        (
            "0 days left".into(),
            "1 day left".into(),
            "2 days left".into()
        )
    );
    // Without its number, a plural form stays as written.
    assert_eq!(Locale::Fr.fill("{n|a|b}", &[]), "{n|a|b}");
}

/// No page writes a colon of its own: French puts a space before it,
/// English does not, so a label's colon is a translated text
/// (`ui::colon`). Checked over the views' source, and English texts
/// never have the French space.
#[test]
fn colons_follow_the_language() {
    fn sources(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push((
                    path.display().to_string(),
                    std::fs::read_to_string(&path).unwrap(),
                ));
            }
        }
    }
    let mut files = Vec::new();
    sources(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui"),
        &mut files,
    );
    for (path, text) in files {
        for (n, line) in text.lines().enumerate() {
            assert!(
                !line.contains("\" : \"") && !line.contains("\" :\""),
                "{path}:{}: a colon written in a view: {line}",
                n + 1
            );
        }
    }
    for m in Msg::all() {
        let en = Locale::En.t(m);
        assert!(!en.contains(" :") || en.contains("http"), "{m:?}: {en}");
    }
}

/// Every text with plural forms names the number it counts, in both
/// languages, and no text keeps a lazy "(s)".
#[test]
fn plurals_are_written_out() {
    for m in Msg::all() {
        for (locale, text) in [(Locale::Fr, Locale::Fr.t(m)), (Locale::En, Locale::En.t(m))] {
            assert!(!text.contains("(s)"), "{m:?} {locale:?}: {text}");
            let names = placeholders(text);
            let mut rest = text;
            while let Some((_, after)) = rest.split_once('{') {
                let token = after.split('}').next().unwrap_or_default();
                if let Some((name, _)) = token.split_once('|') {
                    assert!(
                        names.contains(&name),
                        "{m:?} {locale:?}: {name} counts nothing"
                    );
                }
                rest = after;
            }
        }
    }
}

/// The messages both the host's défi and the applicant's dossier show
/// name neither: a dossier's error never speaks of a défi.
#[test]
fn shared_form_messages_name_no_one_form() {
    for m in [
        Msg::FieldRequired,
        Msg::FileNotPdf,
        Msg::MessageRequired,
        Msg::TextTooLong,
    ] {
        for text in [Locale::Fr.t(m), Locale::En.t(m)] {
            let lower = text.to_lowercase();
            for word in [
                "défi",
                "challenge",
                "présentation",
                "presentation",
                "organisation",
                "candidature",
                "application",
            ] {
                assert!(!lower.contains(word), "{m:?}: {text}");
            }
        }
    }
}

/// A text travels as its key's name (errors and props read the same
/// before and after the texts were split per feature).
#[test]
fn a_text_travels_as_its_name() {
    let json = serde_json::to_string(&Msg::BadCredentials).unwrap();
    assert_eq!(json, "\"BadCredentials\"");
    assert_eq!(
        serde_json::from_str::<Msg>(&json).unwrap(),
        Msg::BadCredentials
    );
    assert!(serde_json::from_str::<Msg>("\"NoSuchText\"").is_err());
    assert_eq!(format!("{:?}", Msg::SaveDraft), "SaveDraft");
    let names: std::collections::HashSet<_> = Msg::all().map(Msg::name).collect();
    assert_eq!(names.len(), Msg::all().count(), "every name is one text");
}

#[test]
fn fill_replaces_by_name() {
    let v = [("n", "3"), ("total", "12")];
    assert_eq!(fill("{n} sur {total}", &v), "3 sur 12");
    assert_eq!(fill("{total}, dont {n}", &v), "12, dont 3");
    assert_eq!(fill("rien", &v), "rien");
    assert_eq!(fill("{autre} {n} {", &v), "{autre} 3 {");
    assert_eq!(fill("{N} {} {n}{n}", &v), "{N} {} 33");
    assert_eq!(placeholders("a {x} {} {Y} {y_2}"), ["x", "y_2"]);
}

#[test]
fn locale_codes() {
    assert_eq!(Locale::from_code("EN"), Some(Locale::En));
    assert_eq!(Locale::from_code("de"), None);
    assert_eq!(Locale::Fr.other(), Locale::En);
}
