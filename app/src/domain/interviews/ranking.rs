//! A jury's ranked list for one (défi, profile): proposed in score order,
//! then fixed by the jury with a rank per candidate. Only acceptable
//! candidates may be ranked; two candidates may not share a rank (the jury
//! breaks every tie itself); a blank rank leaves the candidate off the
//! list.

use crate::i18n::Msg;

/// A candidate the jury interviewed, as the list sees them.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    pub candidate: i64,
    pub mean: Option<f64>,
    pub acceptable: bool,
}

pub fn rank_field(candidate: i64) -> String {
    format!("rang_{candidate}")
}

/// The proposed ranks: acceptable candidates by mean, best first; equal
/// means share a rank (1, 1, 3), which the jury must then break.
/// Unacceptable candidates get none.
pub fn proposed(rows: &[Ranked]) -> Vec<(i64, Option<u32>)> {
    let mut order: Vec<&Ranked> = rows.iter().filter(|r| r.acceptable).collect();
    order.sort_by(|a, b| {
        b.mean
            .unwrap_or(f64::NEG_INFINITY)
            .total_cmp(&a.mean.unwrap_or(f64::NEG_INFINITY))
            .then(a.candidate.cmp(&b.candidate))
    });
    let mut out = Vec::with_capacity(rows.len());
    let mut rank = 0;
    for (i, r) in order.iter().enumerate() {
        if i == 0 || order[i - 1].mean != r.mean {
            rank = i as u32 + 1;
        }
        out.push((r.candidate, Some(rank)));
    }
    out.extend(
        rows.iter()
            .filter(|r| !r.acceptable)
            .map(|r| (r.candidate, None)),
    );
    out
}

/// Reads the posted ranks into the list (candidate ids, best first), or
/// every problem by field.
pub fn parse(
    rows: &[Ranked],
    get: impl Fn(&str) -> Option<String>,
) -> Result<Vec<i64>, Vec<(String, Msg)>> {
    let mut errors = Vec::new();
    let mut ranked: Vec<(u32, i64)> = Vec::new();
    for r in rows {
        let field = rank_field(r.candidate);
        let raw = get(&field).unwrap_or_default();
        let raw = raw.trim();
        if raw.is_empty() {
            continue;
        }
        match raw.parse::<u32>() {
            Ok(n) if n >= 1 => {
                if r.acceptable {
                    ranked.push((n, r.candidate));
                } else {
                    errors.push((field, Msg::RankNotAcceptable));
                }
            }
            _ => errors.push((field, Msg::RankInvalid)),
        }
    }
    ranked.sort();
    for pair in ranked.windows(2) {
        if pair[0].0 == pair[1].0 {
            for c in [pair[0].1, pair[1].1] {
                let field = rank_field(c);
                if !errors.iter().any(|(f, _)| *f == field) {
                    errors.push((field, Msg::RankTie));
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(ranked.into_iter().map(|(_, c)| c).collect())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(candidate: i64, mean: Option<f64>, acceptable: bool) -> Ranked {
        Ranked {
            candidate,
            mean,
            acceptable,
        }
    }

    fn posted<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn proposed_ranks_follow_the_scores_and_share_a_rank_on_ties() {
        let rows = [
            row(1, Some(12.0), true),
            row(2, Some(15.5), true),
            row(3, Some(12.0), true),
            row(4, Some(18.0), false),
            row(5, Some(9.0), true),
        ];
        assert_eq!(
            proposed(&rows),
            vec![
                (2, Some(1)),
                (1, Some(2)),
                (3, Some(2)),
                (5, Some(4)),
                (4, None)
            ]
        );
    }

    #[test]
    fn the_list_follows_the_ranks_typed_gaps_allowed_blank_left_off() {
        let rows = [
            row(1, Some(12.0), true),
            row(2, Some(15.5), true),
            row(3, None, true),
        ];
        let list = parse(
            &rows,
            posted(&[("rang_1", "1"), ("rang_2", " 5 "), ("rang_3", "")]),
        )
        .unwrap();
        assert_eq!(list, vec![1, 2]);
    }

    #[test]
    fn a_tie_is_refused_on_both_fields() {
        let rows = [
            row(1, Some(12.0), true),
            row(2, Some(12.0), true),
            row(3, None, true),
        ];
        let errors = parse(
            &rows,
            posted(&[("rang_1", "2"), ("rang_2", "2"), ("rang_3", "1")]),
        )
        .unwrap_err();
        assert_eq!(
            errors,
            vec![
                ("rang_1".to_owned(), Msg::RankTie),
                ("rang_2".to_owned(), Msg::RankTie)
            ]
        );
    }

    #[test]
    fn an_unacceptable_candidate_cannot_be_ranked_and_ranks_are_positive_numbers() {
        let rows = [row(1, Some(12.0), false), row(2, Some(12.0), true)];
        let errors = parse(&rows, posted(&[("rang_1", "1"), ("rang_2", "0")])).unwrap_err();
        assert_eq!(
            errors,
            vec![
                ("rang_1".to_owned(), Msg::RankNotAcceptable),
                ("rang_2".to_owned(), Msg::RankInvalid)
            ]
        );
    }

    #[test]
    fn unknown_fields_cannot_add_a_candidate() {
        let rows = [row(1, Some(12.0), true)];
        let list = parse(&rows, posted(&[("rang_1", "1"), ("rang_99", "2")])).unwrap();
        assert_eq!(list, vec![1]);
    }
}
