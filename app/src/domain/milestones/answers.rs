//! Reading a milestone's posted form against its fields: every refused
//! field with its message, or the answers to store (a JSON object of
//! field name → text, or → list of ticked codes).

use super::{FieldKind, FieldSpec};
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One field's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    One(String),
    Many(Vec<String>),
}

pub type Answers = BTreeMap<String, Answer>;

/// The longest web address accepted.
pub const LINK_MAX: usize = 500;

/// Reads the form: `get` gives a field's value, `list` a checklist's
/// ticked values.
pub fn read(
    fields: &[FieldSpec],
    get: impl Fn(&str) -> Option<String>,
    list: impl Fn(&str) -> Vec<String>,
) -> Result<Answers, Vec<(String, Msg)>> {
    let mut out = Answers::new();
    let mut errors = Vec::new();
    for f in fields {
        if f.kind == FieldKind::File {
            // Sent by its own form (`server::service::files`).
            continue;
        }
        let raw = get(f.name).unwrap_or_default();
        let raw = raw.trim();
        let mut refuse = |m: Msg| errors.push((f.name.to_owned(), m));
        match &f.kind {
            FieldKind::Checklist { items } => {
                let ticked = list(f.name);
                if ticked.iter().any(|t| !items.iter().any(|(c, _)| c == t)) {
                    refuse(Msg::MilestoneUnknownChoice);
                    continue;
                }
                // In the checklist's order, once each.
                let ticked: Vec<String> = items
                    .iter()
                    .filter(|(c, _)| ticked.iter().any(|t| t == c))
                    .map(|(c, _)| (*c).to_owned())
                    .collect();
                out.insert(f.name.to_owned(), Answer::Many(ticked));
                continue;
            }
            _ if raw.is_empty() => {
                if f.required {
                    refuse(match f.kind {
                        FieldKind::Choice { .. } => Msg::MilestoneChooseOne,
                        _ => Msg::MilestoneRequired,
                    });
                }
                continue;
            }
            FieldKind::Text { max } => {
                if raw.chars().count() > *max {
                    refuse(Msg::MilestoneTooLong);
                    continue;
                }
            }
            FieldKind::Choice { options } => {
                if !options.iter().any(|(c, _)| *c == raw) {
                    refuse(Msg::MilestoneUnknownChoice);
                    continue;
                }
            }
            FieldKind::Number => {
                let n = raw
                    .replace(',', ".")
                    .replace([' ', '\u{a0}', '\u{202f}'], "");
                match n.parse::<f64>() {
                    Ok(v) if v.is_finite() && n.len() <= 20 => {
                        out.insert(f.name.to_owned(), Answer::One(n));
                    }
                    _ => refuse(Msg::MilestoneNotANumber),
                }
                continue;
            }
            FieldKind::File => continue,
            FieldKind::Link => {
                let ok = (raw.starts_with("https://") || raw.starts_with("http://"))
                    && raw.len() <= LINK_MAX
                    && raw.len() > "https://".len()
                    && !raw.chars().any(|c| c.is_whitespace() || c.is_control());
                if !ok {
                    refuse(Msg::MilestoneNotALink);
                    continue;
                }
            }
        }
        out.insert(f.name.to_owned(), Answer::One(raw.to_owned()));
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// A field's answer as one line of text (a checklist's ticked items
/// joined), labels given by `label`.
pub fn shown(field: &FieldSpec, answer: Option<&Answer>, label: impl Fn(Msg) -> String) -> String {
    match (answer, &field.kind) {
        (None, _) => String::new(),
        (Some(Answer::One(v)), FieldKind::Choice { options }) => options
            .iter()
            .find(|(c, _)| c == v)
            .map_or_else(|| v.clone(), |(_, m)| label(*m)),
        (Some(Answer::Many(v)), FieldKind::Checklist { items }) => items
            .iter()
            .filter(|(c, _)| v.iter().any(|t| t == c))
            .map(|(_, m)| label(*m))
            .collect::<Vec<_>>()
            .join(", "),
        (Some(Answer::One(v)), _) => v.clone(),
        (Some(Answer::Many(v)), _) => v.join(", "),
    }
}

/// The text of a one-value answer, if any.
pub fn one<'a>(answers: &'a Answers, name: &str) -> Option<&'a str> {
    match answers.get(name)? {
        Answer::One(v) => Some(v),
        Answer::Many(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{BULLETIN, REPORT, template};
    use super::*;

    fn posted(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let m: BTreeMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |k| m.get(k).cloned()
    }

    #[test]
    fn a_bulletin_is_read_or_refused_field_by_field() {
        let b = template(BULLETIN).unwrap();
        let a = read(
            &b.fields,
            posted(&[
                ("humeur", "4"),
                ("priorite", " Livrer la carte "),
                ("hauts_bas", "Bonne démo"),
            ]),
            |_| Vec::new(),
        )
        .unwrap();
        assert_eq!(one(&a, "humeur"), Some("4"));
        assert_eq!(one(&a, "priorite"), Some("Livrer la carte"));
        assert_eq!(one(&a, "aide"), None);
        let long = "é".repeat(super::super::bulletin::TEXT_MAX + 1);
        assert_eq!(
            read(
                &b.fields,
                posted(&[("humeur", "6"), ("hauts_bas", &long), ("aide", &long)]),
                |_| Vec::new()
            ),
            Err(vec![
                ("humeur".to_owned(), Msg::MilestoneUnknownChoice),
                ("priorite".to_owned(), Msg::MilestoneRequired),
                ("hauts_bas".to_owned(), Msg::MilestoneTooLong),
                ("aide".to_owned(), Msg::MilestoneTooLong),
            ])
        );
        let exact = "é".repeat(super::super::bulletin::TEXT_MAX);
        assert!(
            read(
                &b.fields,
                posted(&[("humeur", "3"), ("priorite", &exact), ("hauts_bas", "x")]),
                |_| Vec::new()
            )
            .is_ok()
        );
        assert_eq!(
            read(
                &b.fields,
                posted(&[("priorite", "x"), ("hauts_bas", "x")]),
                |_| Vec::new()
            ),
            Err(vec![("humeur".to_owned(), Msg::MilestoneChooseOne)])
        );
    }

    #[test]
    fn checklists_numbers_and_links_are_checked() {
        let end = template("fin").unwrap();
        let a = read(
            &end.fields,
            posted(&[("depot", "https://git.example/x")]),
            |k| {
                if k == "liste" {
                    vec!["passation".into(), "code".into(), "code".into()]
                } else {
                    Vec::new()
                }
            },
        )
        .unwrap();
        assert_eq!(
            a.get("liste"),
            Some(&Answer::Many(vec!["code".into(), "passation".into()]))
        );
        assert!(
            read(
                &end.fields,
                posted(&[("depot", "javascript:alert(1)")]),
                |_| Vec::new()
            )
            .is_err()
        );
        assert!(
            read(&end.fields, posted(&[("depot", "https://x y")]), |_| {
                Vec::new()
            })
            .is_err()
        );
        assert_eq!(
            read(&end.fields, posted(&[("depot", "https://x.fr")]), |_| vec![
                "autre".into()
            ]),
            Err(vec![("liste".to_owned(), Msg::MilestoneUnknownChoice)])
        );
        let ind = template("indicateurs").unwrap();
        let a = read(
            &ind.fields,
            posted(&[("indicateurs", "Délais"), ("valeur", "12,5")]),
            |_| Vec::new(),
        )
        .unwrap();
        assert_eq!(one(&a, "valeur"), Some("12.5"));
        assert_eq!(
            read(
                &ind.fields,
                posted(&[("indicateurs", "x"), ("valeur", "douze")]),
                |_| Vec::new()
            ),
            Err(vec![("valeur".to_owned(), Msg::MilestoneNotANumber)])
        );
        let report = template(REPORT).unwrap();
        let shown_status = shown(
            &report.fields[0],
            Some(&Answer::One("a_risque".into())),
            |m| m.name().to_owned(),
        );
        assert_eq!(shown_status, "ReportAtRisk");
    }
}
