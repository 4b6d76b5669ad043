//! The interview grid (DESIGN §8): five criteria marked 0–4, summed to
//! /20, a comment, and "acceptable for this slot: yes or no". A juror's
//! sheet is a draft until submitted; the jury's score of a candidate is
//! the mean of its submitted totals, shown with their spread.

use crate::domain::review::Criterion;
use crate::domain::review::rubric::{COMMENT_MAX, Mark, score_field};
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const ACCEPTABLE_FIELD: &str = "acceptable";
pub const COMMENT_FIELD: &str = "commentaire";

/// The default grid: ids 1 to 5, 0–4 each.
pub fn default_grid() -> Vec<Criterion> {
    [
        (
            "Moteur, vision et initiative",
            "Ce qui pousse la personne, ce qu'elle imagine pour le défi, ce qu'elle a déjà lancé.",
        ),
        (
            "Compréhension du défi",
            "Le problème, ses usagers, les données et les contraintes de l'administration.",
        ),
        (
            "Sens de l'intérêt général",
            "Motivation pour le service public, attention aux usagers de toute maturité numérique.",
        ),
        (
            "Capacité à travailler dans une administration",
            "Coopération entre services, patience, diplomatie, cadre juridique.",
        ),
        (
            "Adéquation compétences et profil",
            "Les compétences du profil demandé, démontrées.",
        ),
    ]
    .into_iter()
    .zip(1..)
    .map(|((name, help), id)| Criterion {
        id,
        name: name.into(),
        help: help.into(),
        min: 0,
        max: 4,
        weight: 1,
        required: true,
        independent: false,
    })
    .collect()
}

/// A juror's interview sheet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewSheet {
    pub marks: BTreeMap<i64, Mark>,
    pub comment: String,
    pub acceptable: Option<bool>,
}

/// The yes/no question that ends a sheet: its field, its two posted
/// values, and the message when it is missing.
#[derive(Clone, Copy, Debug)]
pub struct Verdict {
    pub field: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub required: Msg,
}

/// "Acceptable for this slot: yes or no" (interviews).
pub const ACCEPTABLE: Verdict = Verdict {
    field: ACCEPTABLE_FIELD,
    yes: "oui",
    no: "non",
    required: Msg::AcceptableRequired,
};

impl InterviewSheet {
    /// Reads a posted interview sheet (see `parse_with`).
    pub fn parse(
        grid: &[Criterion],
        get: impl Fn(&str) -> Option<String>,
        submit: bool,
    ) -> Result<Self, Vec<(String, Msg)>> {
        Self::parse_with(grid, get, submit, ACCEPTABLE)
    }

    /// Reads a posted sheet: a draft keeps what is valid and refuses what
    /// is malformed; a submission needs every mark and the `verdict`
    /// (kept in `acceptable`). Every problem at once, by field.
    pub fn parse_with(
        grid: &[Criterion],
        get: impl Fn(&str) -> Option<String>,
        submit: bool,
        verdict: Verdict,
    ) -> Result<Self, Vec<(String, Msg)>> {
        let mut errors = Vec::new();
        let mut marks = BTreeMap::new();
        for c in grid {
            let raw = get(&score_field(c.id)).unwrap_or_default();
            let score = match raw.trim() {
                "" => {
                    if submit {
                        errors.push((score_field(c.id), Msg::ScoreRequired));
                    }
                    None
                }
                s => match s.parse::<i32>() {
                    Ok(v) if (c.min..=c.max).contains(&v) => Some(v),
                    _ => {
                        errors.push((score_field(c.id), Msg::ScoreOffScale));
                        None
                    }
                },
            };
            marks.insert(
                c.id,
                Mark {
                    score,
                    comment: String::new(),
                },
            );
        }
        let comment = get(COMMENT_FIELD).unwrap_or_default();
        if comment.chars().count() > COMMENT_MAX {
            errors.push((COMMENT_FIELD.to_owned(), Msg::CommentTooLong));
        }
        let posted = get(verdict.field).unwrap_or_default();
        let acceptable = if posted == verdict.yes {
            Some(true)
        } else if posted == verdict.no {
            Some(false)
        } else {
            if submit || !posted.is_empty() {
                errors.push((verdict.field.to_owned(), verdict.required));
            }
            None
        };
        if errors.is_empty() {
            Ok(Self {
                marks,
                comment: comment.trim().to_owned(),
                acceptable,
            })
        } else {
            Err(errors)
        }
    }

    /// The sum of the marks given (out of 20 on the default grid).
    pub fn total(&self) -> i32 {
        self.marks.values().filter_map(|m| m.score).sum()
    }
}

/// The jury's view of one candidate: from its submitted sheets.
#[derive(Clone, Debug, PartialEq)]
pub struct JuryScore {
    pub sheets: u32,
    pub mean: Option<f64>,
    /// Highest total minus lowest.
    pub spread: Option<i32>,
    /// A strict majority of the sheets said yes.
    pub acceptable: bool,
}

pub fn jury_score(totals_and_verdicts: &[(i32, bool)]) -> JuryScore {
    let n = totals_and_verdicts.len();
    let yes = totals_and_verdicts.iter().filter(|(_, a)| *a).count();
    let totals = totals_and_verdicts.iter().map(|(t, _)| *t);
    JuryScore {
        sheets: n as u32,
        mean: (n > 0).then(|| {
            totals_and_verdicts
                .iter()
                .map(|(t, _)| f64::from(*t))
                .sum::<f64>()
                / n as f64
        }),
        spread: totals.clone().max().zip(totals.min()).map(|(a, b)| a - b),
        acceptable: 2 * yes > n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posted<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn a_full_sheet_sums_to_twenty_at_most() {
        let grid = default_grid();
        let s = InterviewSheet::parse(
            &grid,
            posted(&[
                ("note_1", "4"),
                ("note_2", "4"),
                ("note_3", "3"),
                ("note_4", "4"),
                ("note_5", "0"),
                ("acceptable", "oui"),
                ("commentaire", " Très clair. "),
            ]),
            true,
        )
        .unwrap();
        assert_eq!(s.total(), 15);
        assert_eq!(s.acceptable, Some(true));
        assert_eq!(s.comment, "Très clair.");
        let max: i32 = grid.iter().map(|c| c.max).sum();
        assert_eq!(max, 20);
    }

    #[test]
    fn a_submission_needs_every_mark_and_the_verdict_a_draft_does_not() {
        let grid = default_grid();
        let errors = InterviewSheet::parse(&grid, posted(&[("note_1", "2")]), true).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            ["note_2", "note_3", "note_4", "note_5", "acceptable"]
        );
        let draft = InterviewSheet::parse(&grid, posted(&[("note_1", "2")]), false).unwrap();
        assert_eq!(draft.total(), 2);
        assert_eq!(draft.acceptable, None);
    }

    #[test]
    fn marks_off_the_scale_are_refused_even_in_a_draft() {
        let grid = default_grid();
        for bad in ["5", "-1", "2.5", "deux"] {
            let errors =
                InterviewSheet::parse(&grid, posted(&[("note_3", bad)]), false).unwrap_err();
            assert_eq!(errors, vec![("note_3".to_owned(), Msg::ScoreOffScale)]);
        }
    }

    #[test]
    fn the_jury_score_is_the_mean_with_the_spread_and_a_majority_verdict() {
        let s = jury_score(&[(12, true), (16, true), (14, false)]);
        assert_eq!(s.mean, Some(14.0));
        assert_eq!(s.spread, Some(4));
        assert!(s.acceptable);
        assert!(!jury_score(&[(12, true), (16, false)]).acceptable);
        let none = jury_score(&[]);
        assert_eq!(
            (none.mean, none.spread, none.acceptable),
            (None, None, false)
        );
    }
}
