//! The défi jury of the call for défis (DESIGN §8): each juror hears the
//! shortlisted défis they are assigned to, marks each on the défi grid
//! (five criteria 1–4 by default, summed to /20) with a favourable or
//! unfavourable opinion and a comment, then ranks the défis they heard and
//! may give one of them their *coup de cœur*. The coordinators' selection
//! decisions read the tally of the submitted sheets.

use crate::domain::interviews::grid::{InterviewSheet, Verdict, jury_score};
use crate::domain::interviews::ranking::{self, Ranked, rank_field};
use crate::domain::review::Criterion;
use crate::i18n::Msg;

pub const OPINION_FIELD: &str = "avis";
pub const COUP_FIELD: &str = "coup_de_coeur";
/// The value of "no coup de cœur".
pub const NO_COUP: &str = "aucun";

/// "Favourable or unfavourable" (kept in the sheet's `acceptable`).
pub const OPINION: Verdict = Verdict {
    field: OPINION_FIELD,
    yes: "favorable",
    no: "defavorable",
    required: Msg::OpinionRequired,
};

/// The default défi grid: ids 1 to 5, 1–4 each.
pub fn default_grid() -> Vec<Criterion> {
    [
        (
            "Potentiel et impact",
            "Le problème pour les usagers et l'administration, ce que le défi changerait s'il réussit.",
        ),
        (
            "Qualité de l'équipe publique",
            "Les porteurs et le mentor : disponibles, engagés, en mesure d'ouvrir les portes.",
        ),
        (
            "Innovation",
            "Ce que le défi tente qui n'a pas été fait, par la donnée, le code ou le design.",
        ),
        (
            "Clarté et cohérence des profils",
            "Les profils demandés répondent au défi et leurs missions sont claires.",
        ),
        (
            "Motivation et garanties",
            "Accès aux données, poste de travail, soutien de la hiérarchie, suite prévue.",
        ),
    ]
    .into_iter()
    .zip(1..)
    .map(|((name, help), id)| Criterion {
        id,
        name: name.into(),
        help: help.into(),
        min: 1,
        max: 4,
        weight: 1,
        required: true,
        independent: false,
    })
    .collect()
}

/// A juror's sheet on a défi: marks, comment, and the opinion
/// (`acceptable`: favourable).
pub type DefiSheet = InterviewSheet;

/// Reads a posted défi sheet: a draft keeps what is valid; a submission
/// needs every mark and the opinion.
pub fn parse_sheet(
    grid: &[Criterion],
    get: impl Fn(&str) -> Option<String>,
    submit: bool,
) -> Result<DefiSheet, Vec<(String, Msg)>> {
    InterviewSheet::parse_with(grid, get, submit, OPINION)
}

/// A juror's ranking of the défis they heard, best first, and their coup
/// de cœur if they gave one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ranking {
    pub order: Vec<i64>,
    pub coup: Option<i64>,
}

/// Reads a posted ranking of `defis`: every one gets a rank from 1, no
/// two the same; the coup de cœur, if any, is one of them.
pub fn parse_ranking(
    defis: &[i64],
    get: impl Fn(&str) -> Option<String>,
) -> Result<Ranking, Vec<(String, Msg)>> {
    let rows: Vec<Ranked> = defis
        .iter()
        .map(|&d| Ranked {
            candidate: d,
            mean: None,
            acceptable: true,
        })
        .collect();
    let (order, mut errors) = match ranking::parse(&rows, &get) {
        Ok(order) => (order, Vec::new()),
        // Défis, not people, share a rank here.
        Err(errors) => (
            Vec::new(),
            errors
                .into_iter()
                .map(|(f, m)| {
                    (
                        f,
                        if m == Msg::RankTie {
                            Msg::DefiRankTie
                        } else {
                            m
                        },
                    )
                })
                .collect(),
        ),
    };
    for &d in defis {
        let field = rank_field(d);
        let blank = get(&field).is_none_or(|v| v.trim().is_empty());
        if blank {
            errors.push((field, Msg::DefiRankRequired));
        }
    }
    let coup = match get(COUP_FIELD).unwrap_or_default().trim() {
        "" | NO_COUP => None,
        v => match v.parse::<i64>() {
            Ok(d) if defis.contains(&d) => Some(d),
            _ => {
                errors.push((COUP_FIELD.to_owned(), Msg::CoupInvalid));
                None
            }
        },
    };
    if errors.is_empty() {
        Ok(Ranking { order, coup })
    } else {
        // In the order of the form.
        errors.sort_by_key(|(f, _)| {
            defis
                .iter()
                .position(|&d| rank_field(d) == *f)
                .unwrap_or(usize::MAX)
        });
        Err(errors)
    }
}

/// One submitted sheet, as the tally reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SheetRow {
    pub total: i32,
    pub favourable: bool,
    /// The défi's rank among those this juror heard, once they ranked.
    pub rank: Option<u32>,
    pub coup: bool,
}

/// What the défi jury's submitted sheets say of one défi.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    pub sheets: u32,
    pub mean: Option<f64>,
    /// Highest total minus lowest.
    pub spread: Option<i32>,
    pub favourable: u32,
    pub unfavourable: u32,
    /// The mean of the ranks given (1 is best).
    pub mean_rank: Option<f64>,
    pub coups: u32,
}

pub fn tally(rows: &[SheetRow]) -> Tally {
    let score = jury_score(
        &rows
            .iter()
            .map(|r| (r.total, r.favourable))
            .collect::<Vec<_>>(),
    );
    let ranks: Vec<u32> = rows.iter().filter_map(|r| r.rank).collect();
    let favourable = rows.iter().filter(|r| r.favourable).count() as u32;
    Tally {
        sheets: score.sheets,
        mean: score.mean,
        spread: score.spread,
        favourable,
        unfavourable: score.sheets - favourable,
        mean_rank: (!ranks.is_empty())
            .then(|| ranks.iter().map(|&r| f64::from(r)).sum::<f64>() / ranks.len() as f64),
        coups: rows.iter().filter(|r| r.coup).count() as u32,
    }
}

/// The most criteria a grid holds.
pub const GRID_MAX: usize = 10;

/// The form names of row `i` of the grid editor.
pub fn grid_field(i: usize, part: &str) -> String {
    format!("critere_{i}_{part}")
}

/// Reads the grid editor's `rows` rows: a row with neither name nor help
/// is dropped; every other one must be a valid criterion (name, help, a
/// scale). Ids are the positions from 1. Every problem by field.
pub fn parse_grid(
    rows: usize,
    get: impl Fn(&str) -> Option<String>,
) -> Result<Vec<Criterion>, Vec<(String, Msg)>> {
    use crate::domain::review::rubric::CriterionDraft;
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for i in 0..rows.min(GRID_MAX + 1) {
        let field = |part: &str| get(&grid_field(i, part)).unwrap_or_default();
        let (name, help) = (field("nom"), field("aide"));
        if name.trim().is_empty() && help.trim().is_empty() {
            continue;
        }
        match CriterionDraft::parse(&name, &help, &field("min"), &field("max"), "1", true, false) {
            Ok(c) => out.push(Criterion {
                id: out.len() as i64 + 1,
                name: c.name,
                help: c.help,
                min: c.min,
                max: c.max,
                weight: 1,
                required: true,
                independent: false,
            }),
            Err(es) => errors.extend(es.into_iter().map(|(part, m)| {
                let part = match part {
                    "name" => "nom",
                    "help" => "aide",
                    other => other,
                };
                (grid_field(i, part), m)
            })),
        }
    }
    if out.is_empty() && errors.is_empty() {
        errors.push((grid_field(0, "nom"), Msg::GridEmpty));
    }
    if out.len() > GRID_MAX {
        errors.push((grid_field(GRID_MAX, "nom"), Msg::GridTooLong));
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
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
    fn the_defi_grid_marks_one_to_four_to_twenty() {
        let grid = default_grid();
        assert_eq!(grid.len(), 5);
        assert_eq!(grid.iter().map(|c| c.max).sum::<i32>(), 20);
        let errors = parse_sheet(&grid, posted(&[("note_1", "0")]), false).unwrap_err();
        assert_eq!(errors, vec![("note_1".to_owned(), Msg::ScoreOffScale)]);
        let s = parse_sheet(
            &grid,
            posted(&[
                ("note_1", "4"),
                ("note_2", "3"),
                ("note_3", "1"),
                ("note_4", "4"),
                ("note_5", "2"),
                ("avis", "defavorable"),
            ]),
            true,
        )
        .unwrap();
        assert_eq!((s.total(), s.acceptable), (14, Some(false)));
    }

    #[test]
    fn a_submission_needs_the_opinion_and_a_wrong_one_is_refused_even_in_a_draft() {
        let grid = default_grid();
        let marks = [
            ("note_1", "1"),
            ("note_2", "1"),
            ("note_3", "1"),
            ("note_4", "1"),
            ("note_5", "1"),
        ];
        let errors = parse_sheet(&grid, posted(&marks), true).unwrap_err();
        assert_eq!(errors, vec![("avis".to_owned(), Msg::OpinionRequired)]);
        let errors = parse_sheet(&grid, posted(&[("avis", "peut-être")]), false).unwrap_err();
        assert_eq!(errors, vec![("avis".to_owned(), Msg::OpinionRequired)]);
        assert_eq!(
            parse_sheet(&grid, posted(&[]), false).unwrap().acceptable,
            None
        );
    }

    #[test]
    fn every_defi_heard_is_ranked_without_ties_and_one_coup_at_most() {
        let ok = parse_ranking(
            &[7, 3, 9],
            posted(&[
                ("rang_7", "2"),
                ("rang_3", "3"),
                ("rang_9", "1"),
                ("coup_de_coeur", "3"),
            ]),
        )
        .unwrap();
        assert_eq!(ok.order, vec![9, 7, 3]);
        assert_eq!(ok.coup, Some(3));
        let none = parse_ranking(&[7], posted(&[("rang_7", "1"), ("coup_de_coeur", "aucun")]));
        assert_eq!(none.unwrap().coup, None);

        let errors = parse_ranking(
            &[7, 3, 9],
            posted(&[("rang_7", "1"), ("rang_3", "1"), ("coup_de_coeur", "12")]),
        )
        .unwrap_err();
        assert_eq!(
            errors,
            vec![
                ("rang_7".to_owned(), Msg::DefiRankTie),
                ("rang_3".to_owned(), Msg::DefiRankTie),
                ("rang_9".to_owned(), Msg::DefiRankRequired),
                ("coup_de_coeur".to_owned(), Msg::CoupInvalid),
            ]
        );
    }

    #[test]
    fn the_tally_counts_opinions_ranks_and_coups() {
        let row = |total, favourable, rank, coup| SheetRow {
            total,
            favourable,
            rank,
            coup,
        };
        let t = tally(&[
            row(16, true, Some(1), true),
            row(12, false, Some(2), false),
            row(14, true, None, false),
        ]);
        assert_eq!(t.sheets, 3);
        assert_eq!(t.mean, Some(14.0));
        assert_eq!(t.spread, Some(4));
        assert_eq!((t.favourable, t.unfavourable, t.coups), (2, 1, 1));
        assert_eq!(t.mean_rank, Some(1.5));
        assert_eq!(tally(&[]), Tally::default());
    }
    #[test]
    fn the_grid_editor_drops_blank_rows_and_names_every_wrong_field() {
        let g = parse_grid(
            3,
            posted(&[
                ("critere_0_nom", " Impact "),
                ("critere_0_aide", "Pour les usagers"),
                ("critere_0_min", "1"),
                ("critere_0_max", "4"),
                ("critere_2_nom", "Équipe"),
                ("critere_2_min", "0"),
                ("critere_2_max", "5"),
            ]),
        )
        .unwrap();
        assert_eq!(g.len(), 2);
        assert_eq!((g[0].id, g[0].name.as_str(), g[0].max), (1, "Impact", 4));
        assert_eq!((g[1].id, g[1].min, g[1].max), (2, 0, 5));
        let errors = parse_grid(
            2,
            posted(&[
                ("critere_0_aide", "sans nom"),
                ("critere_0_min", "1"),
                ("critere_0_max", "4"),
                ("critere_1_nom", "Échelle"),
                ("critere_1_min", "4"),
                ("critere_1_max", "2"),
            ]),
        )
        .unwrap_err();
        assert_eq!(
            errors,
            vec![
                ("critere_0_nom".to_owned(), Msg::CriterionNameInvalid),
                ("critere_1_max".to_owned(), Msg::ScaleInvalid),
            ]
        );
        assert_eq!(
            parse_grid(1, posted(&[])).unwrap_err(),
            vec![("critere_0_nom".to_owned(), Msg::GridEmpty)]
        );
    }
}
