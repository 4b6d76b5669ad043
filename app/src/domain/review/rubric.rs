//! The rubric (criteria with a scale, a weight, required or not, counted
//! or "independent"), the stage's settings, and a juror's score sheet.

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const NAME_MAX: usize = 120;
pub const HELP_MAX: usize = 500;
pub const COMMENT_MAX: usize = 2000;

/// A criterion of the promotion's rubric, as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    pub id: i64,
    pub name: String,
    pub help: String,
    pub min: i32,
    pub max: i32,
    pub weight: i32,
    pub required: bool,
    /// Shown and scored, but not counted in the total.
    pub independent: bool,
}

/// A criterion as a coordinator writes it, checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionDraft {
    pub name: String,
    pub help: String,
    pub min: i32,
    pub max: i32,
    pub weight: i32,
    pub required: bool,
    pub independent: bool,
}

impl CriterionDraft {
    /// Checks a posted criterion; every wrong field at once.
    pub fn parse(
        name: &str,
        help: &str,
        min: &str,
        max: &str,
        weight: &str,
        required: bool,
        independent: bool,
    ) -> Result<Self, Vec<(&'static str, Msg)>> {
        let mut errors = Vec::new();
        let name = name.trim();
        if name.is_empty() || name.chars().count() > NAME_MAX {
            errors.push(("name", Msg::CriterionNameInvalid));
        }
        if help.chars().count() > HELP_MAX {
            errors.push(("help", Msg::CriterionHelpTooLong));
        }
        let int = |raw: &str, range: std::ops::RangeInclusive<i32>| {
            raw.trim().parse::<i32>().ok().filter(|n| range.contains(n))
        };
        let (lo, hi) = (int(min, 0..=100), int(max, 1..=100));
        match (lo, hi) {
            (Some(lo), Some(hi)) if lo < hi => {}
            (None, _) => errors.push(("min", Msg::ScaleInvalid)),
            _ => errors.push(("max", Msg::ScaleInvalid)),
        }
        let weight_ok = int(weight, 1..=10);
        if weight_ok.is_none() {
            errors.push(("weight", Msg::WeightInvalid));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            name: name.to_owned(),
            help: help.trim().to_owned(),
            min: lo.unwrap_or_default(),
            max: hi.unwrap_or_default(),
            weight: weight_ok.unwrap_or(1),
            required,
            independent,
        })
    }
}

/// DESIGN §8: three criteria scored 1–5 with a comment each.
pub fn default_rubric() -> Vec<CriterionDraft> {
    [
        (
            "Compétences techniques",
            "Maîtrise des outils et méthodes du profil, réalisations concrètes.",
        ),
        (
            "Travail en équipe",
            "Expériences de coopération, capacité à travailler avec des métiers différents.",
        ),
        (
            "Sens de l'intérêt général",
            "Motivation pour le service public et compréhension de ses usagers.",
        ),
    ]
    .into_iter()
    .map(|(name, help)| CriterionDraft {
        name: name.into(),
        help: help.into(),
        min: 1,
        max: 5,
        weight: 1,
        required: true,
        independent: false,
    })
    .collect()
}

/// The juror's overall opinion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    CoupDeCoeur,
    Neutral,
    Unfavourable,
}

impl Verdict {
    pub const ALL: [Verdict; 3] = [
        Verdict::CoupDeCoeur,
        Verdict::Neutral,
        Verdict::Unfavourable,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Verdict::CoupDeCoeur => "coup_de_coeur",
            Verdict::Neutral => "neutral",
            Verdict::Unfavourable => "unfavourable",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.code() == code)
    }

    pub fn label(self) -> Msg {
        match self {
            Verdict::CoupDeCoeur => Msg::VerdictCoupDeCoeur,
            Verdict::Neutral => Msg::VerdictNeutral,
            Verdict::Unfavourable => Msg::VerdictUnfavourable,
        }
    }
}

/// One criterion's mark and comment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<i32>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

/// A juror's sheet for one dossier: marks by criterion id, and a verdict.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreSheet {
    pub marks: BTreeMap<i64, Mark>,
    pub verdict: Option<Verdict>,
}

/// The form names of a criterion's score and comment.
pub fn score_field(id: i64) -> String {
    format!("note_{id}")
}
pub fn comment_field(id: i64) -> String {
    format!("commentaire_{id}")
}
pub const VERDICT_FIELD: &str = "avis";

impl ScoreSheet {
    /// Reads a posted sheet. A draft keeps whatever is valid and refuses
    /// only what is malformed (a mark off the scale, a comment too long);
    /// a submission also requires every required criterion and the
    /// verdict. Every problem is reported at once, by field.
    pub fn parse(
        criteria: &[Criterion],
        get: impl Fn(&str) -> Option<String>,
        submit: bool,
    ) -> Result<Self, Vec<(String, Msg)>> {
        let mut errors = Vec::new();
        let mut marks = BTreeMap::new();
        for c in criteria {
            let raw = get(&score_field(c.id)).unwrap_or_default();
            let score = if raw.trim().is_empty() {
                if submit && c.required {
                    errors.push((score_field(c.id), Msg::ScoreRequired));
                }
                None
            } else {
                match raw.trim().parse::<i32>() {
                    Ok(s) if (c.min..=c.max).contains(&s) => Some(s),
                    _ => {
                        errors.push((score_field(c.id), Msg::ScoreOffScale));
                        None
                    }
                }
            };
            let comment = get(&comment_field(c.id)).unwrap_or_default();
            if comment.chars().count() > COMMENT_MAX {
                errors.push((comment_field(c.id), Msg::CommentTooLong));
            }
            marks.insert(
                c.id,
                Mark {
                    score,
                    comment: comment.trim().to_owned(),
                },
            );
        }
        let raw = get(VERDICT_FIELD).unwrap_or_default();
        let verdict = if raw.is_empty() {
            if submit {
                errors.push((VERDICT_FIELD.to_owned(), Msg::VerdictRequired));
            }
            None
        } else {
            let v = Verdict::from_code(&raw);
            if v.is_none() {
                errors.push((VERDICT_FIELD.to_owned(), Msg::VerdictRequired));
            }
            v
        };
        if errors.is_empty() {
            Ok(Self { marks, verdict })
        } else {
            Err(errors)
        }
    }

    /// Σ weight × score over the counted criteria; when an optional one is
    /// left blank, the marks given are scaled up to the whole weight, so
    /// that a blank does not count as a zero.
    pub fn total(&self, criteria: &[Criterion]) -> f64 {
        let counted = criteria.iter().filter(|c| !c.independent);
        let (mut sum, mut scored, mut all) = (0.0, 0.0, 0.0);
        for c in counted {
            let w = f64::from(c.weight);
            all += w;
            if let Some(s) = self.marks.get(&c.id).and_then(|m| m.score) {
                sum += w * f64::from(s);
                scored += w;
            }
        }
        if scored > 0.0 {
            sum * all / scored
        } else {
            0.0
        }
    }
}

/// The lowest and highest totals the rubric allows.
pub fn total_range(criteria: &[Criterion]) -> (f64, f64) {
    criteria
        .iter()
        .filter(|c| !c.independent)
        .fold((0.0, 0.0), |(lo, hi), c| {
            (
                lo + f64::from(c.weight * c.min),
                hi + f64::from(c.weight * c.max),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rubric() -> Vec<Criterion> {
        default_rubric()
            .into_iter()
            .enumerate()
            .map(|(i, d)| Criterion {
                id: i as i64 + 1,
                name: d.name,
                help: d.help,
                min: d.min,
                max: d.max,
                weight: d.weight,
                required: d.required,
                independent: i == 2,
            })
            .collect()
    }

    #[test]
    fn a_draft_keeps_what_is_valid_and_a_submission_requires_everything() {
        let c = rubric();
        let get = |k: &str| match k {
            "note_1" => Some("4".to_owned()),
            "commentaire_1" => Some(" solide ".to_owned()),
            _ => None,
        };
        let draft = ScoreSheet::parse(&c, get, false).unwrap();
        assert_eq!(draft.marks[&1].score, Some(4));
        assert_eq!(draft.marks[&1].comment, "solide");
        assert_eq!(draft.verdict, None);
        let errors = ScoreSheet::parse(&c, get, true).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["note_2", "note_3", "avis"]);
    }

    #[test]
    fn a_mark_off_the_scale_is_refused_even_in_a_draft() {
        let c = rubric();
        let errors =
            ScoreSheet::parse(&c, |k| (k == "note_2").then(|| "6".into()), false).unwrap_err();
        assert_eq!(errors, vec![("note_2".to_owned(), Msg::ScoreOffScale)]);
    }

    #[test]
    fn the_total_is_weighted_and_leaves_out_independent_criteria() {
        let mut c = rubric();
        c[0].weight = 2;
        let sheet = ScoreSheet::parse(
            &c,
            |k| match k {
                "note_1" => Some("4".into()),
                "note_2" => Some("3".into()),
                "note_3" => Some("5".into()),
                "avis" => Some("neutral".into()),
                _ => None,
            },
            true,
        )
        .unwrap();
        assert_eq!(sheet.total(&c), 11.0);
        assert_eq!(total_range(&c), (3.0, 15.0));
        // An optional criterion left blank: the marks given, scaled to the
        // whole weight (4×2 of 2, out of 3 → 12), not a zero.
        c[1].required = false;
        let mut blank = sheet.clone();
        blank.marks.get_mut(&2).unwrap().score = None;
        assert_eq!(blank.total(&c), 12.0);
    }

    #[test]
    fn a_criterion_needs_a_name_an_ordered_scale_and_a_weight() {
        let e = CriterionDraft::parse("", "", "5", "1", "0", true, false).unwrap_err();
        assert_eq!(
            e,
            vec![
                ("name", Msg::CriterionNameInvalid),
                ("max", Msg::ScaleInvalid),
                ("weight", Msg::WeightInvalid)
            ]
        );
    }
}
