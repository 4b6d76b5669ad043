//! What coordinators shortlist from: per dossier, the number of reviews,
//! the weighted total's mean and median, each criterion's mean, the
//! standard deviation with a disagreement flag, the counts of *coups de
//! cœur* and unfavourable verdicts, and a normalised total in which each
//! juror's totals are centred on their own mean and scaled by their own
//! spread (z-scores), so that a harsh or lenient juror does not decide alone.

use super::rubric::{Criterion, ScoreSheet, Verdict, total_range};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// A submitted review.
#[derive(Clone, Debug, PartialEq)]
pub struct Submitted {
    pub juror: i64,
    pub dossier: i64,
    pub sheet: ScoreSheet,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Aggregate {
    pub reviews: u32,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    /// Population standard deviation of the totals.
    pub sd: Option<f64>,
    pub disagreement: bool,
    /// Criterion id → mean of its marks.
    pub criteria: BTreeMap<i64, f64>,
    pub coups_de_coeur: u32,
    pub unfavourable: u32,
    /// Mean of the reviews' z-scores (each against its juror's own totals).
    pub normalised: Option<f64>,
}

fn mean(xs: &[f64]) -> Option<f64> {
    (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
}

fn sd(xs: &[f64]) -> Option<f64> {
    let m = mean(xs)?;
    Some((xs.iter().map(|x| (x - m).powi(2)).sum::<f64>() / xs.len() as f64).sqrt())
}

fn median(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

/// Aggregates every dossier's submitted reviews. `threshold` is the
/// stage's disagreement threshold, a percentage of the total's range.
pub fn aggregate(
    criteria: &[Criterion],
    reviews: &[Submitted],
    threshold: u32,
) -> HashMap<i64, Aggregate> {
    let totals: Vec<f64> = reviews.iter().map(|r| r.sheet.total(criteria)).collect();
    // Each juror's mean and spread over all their reviews.
    let mut by_juror: HashMap<i64, Vec<f64>> = HashMap::new();
    for (r, t) in reviews.iter().zip(&totals) {
        by_juror.entry(r.juror).or_default().push(*t);
    }
    let juror_stats: HashMap<i64, (f64, f64)> = by_juror
        .iter()
        .map(|(j, ts)| (*j, (mean(ts).unwrap_or(0.0), sd(ts).unwrap_or(0.0))))
        .collect();
    let (lo, hi) = total_range(criteria);
    let limit = (hi - lo) * f64::from(threshold) / 100.0;
    let mut grouped: HashMap<i64, Vec<usize>> = HashMap::new();
    for (i, r) in reviews.iter().enumerate() {
        grouped.entry(r.dossier).or_default().push(i);
    }
    grouped
        .into_iter()
        .map(|(dossier, idx)| {
            let ts: Vec<f64> = idx.iter().map(|&i| totals[i]).collect();
            let zs: Vec<f64> = idx
                .iter()
                .map(|&i| {
                    let (m, s) = juror_stats[&reviews[i].juror];
                    // A juror who gives everyone the same total says
                    // nothing about who is better: a neutral 0.
                    if s > 0.0 { (totals[i] - m) / s } else { 0.0 }
                })
                .collect();
            let mut per_criterion = BTreeMap::new();
            for c in criteria {
                let marks: Vec<f64> = idx
                    .iter()
                    .filter_map(|&i| reviews[i].sheet.marks.get(&c.id).and_then(|m| m.score))
                    .map(f64::from)
                    .collect();
                if let Some(m) = mean(&marks) {
                    per_criterion.insert(c.id, m);
                }
            }
            let verdicts = |v: Verdict| {
                idx.iter()
                    .filter(|&&i| reviews[i].sheet.verdict == Some(v))
                    .count() as u32
            };
            let spread = sd(&ts);
            (
                dossier,
                Aggregate {
                    reviews: idx.len() as u32,
                    mean: mean(&ts),
                    median: median(&ts),
                    sd: spread,
                    disagreement: ts.len() > 1 && spread.is_some_and(|s| s > limit),
                    criteria: per_criterion,
                    coups_de_coeur: verdicts(Verdict::CoupDeCoeur),
                    unfavourable: verdicts(Verdict::Unfavourable),
                    normalised: mean(&zs),
                },
            )
        })
        .collect()
}

/// The value an aggregate sort `key` reads ("normalise", "moyenne",
/// "mediane", "ecart", "avis", "coups"); `None` for another key.
pub fn sort_value(key: &str) -> Option<fn(&Aggregate) -> Option<f64>> {
    Some(match key {
        "normalise" => |a: &Aggregate| a.normalised,
        "moyenne" => |a: &Aggregate| a.mean,
        "mediane" => |a: &Aggregate| a.median,
        "ecart" => |a: &Aggregate| a.sd,
        "avis" => |a: &Aggregate| Some(f64::from(a.reviews)),
        "coups" => |a: &Aggregate| Some(f64::from(a.coups_de_coeur)),
        _ => return None,
    })
}

/// Orders two dossiers `(id, value)`: by value (highest first when
/// `descending`), those without a value last either way, ties by id.
pub fn compare(
    x: (i64, Option<f64>),
    y: (i64, Option<f64>),
    descending: bool,
) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    match (x.1, y.1) {
        (Some(a), Some(b)) => {
            let o = a.total_cmp(&b);
            if descending { o.reverse() } else { o }.then(x.0.cmp(&y.0))
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => x.0.cmp(&y.0),
    }
}

#[cfg(test)]
mod tests {
    use super::super::rubric::Mark;
    use super::*;

    fn criteria() -> Vec<Criterion> {
        (1..=2)
            .map(|id| Criterion {
                id,
                name: format!("c{id}"),
                help: String::new(),
                min: 1,
                max: 5,
                weight: id as i32,
                required: true,
                independent: false,
            })
            .collect()
    }

    fn review(juror: i64, dossier: i64, a: i32, b: i32, v: Verdict) -> Submitted {
        let mut marks = BTreeMap::new();
        marks.insert(
            1,
            Mark {
                score: Some(a),
                comment: String::new(),
            },
        );
        marks.insert(
            2,
            Mark {
                score: Some(b),
                comment: String::new(),
            },
        );
        Submitted {
            juror,
            dossier,
            sheet: ScoreSheet {
                marks,
                verdict: Some(v),
            },
        }
    }

    /// A hand-computed example. Totals (c1 + 2·c2): juror 1 gives dossier
    /// 10 → 4+2·5 = 14 and dossier 11 → 2+2·2 = 6 (mean 10, sd 4); juror 2
    /// gives 10 → 3+2·3 = 9 and 11 → 1+2·1 = 3 (mean 6, sd 3); juror 3
    /// gives 10 → 5+2·5 = 15 only (sd 0: z 0).
    #[test]
    fn aggregates_match_a_hand_computed_example() {
        let c = criteria();
        let reviews = vec![
            review(1, 10, 4, 5, Verdict::CoupDeCoeur),
            review(2, 10, 3, 3, Verdict::Neutral),
            review(3, 10, 5, 5, Verdict::CoupDeCoeur),
            review(1, 11, 2, 2, Verdict::Unfavourable),
            review(2, 11, 1, 1, Verdict::Unfavourable),
        ];
        let a = aggregate(&c, &reviews, 20);
        let d10 = &a[&10];
        assert_eq!(d10.reviews, 3);
        assert!((d10.mean.unwrap() - 38.0 / 3.0).abs() < 1e-9);
        assert_eq!(d10.median, Some(14.0));
        // sd of 14, 9, 15: mean 12.667, variance (1.778+13.444+5.444)/3 = 6.889
        assert!((d10.sd.unwrap() - 6.888_888_9f64.sqrt()).abs() < 1e-6);
        // Range 3..15 = 12; 20 % = 2.4 < 2.62: the reviews disagree.
        assert!(d10.disagreement);
        assert!((d10.criteria[&1] - 4.0).abs() < 1e-9);
        assert!((d10.criteria[&2] - 13.0 / 3.0).abs() < 1e-9);
        assert_eq!((d10.coups_de_coeur, d10.unfavourable), (2, 0));
        // z: juror 1 (14−10)/4 = 1, juror 2 (9−6)/3 = 1, juror 3 0 → 2/3.
        assert!((d10.normalised.unwrap() - 2.0 / 3.0).abs() < 1e-9);
        let d11 = &a[&11];
        assert_eq!(d11.median, Some(4.5));
        assert!((d11.normalised.unwrap() + 1.0).abs() < 1e-9);
        assert_eq!(d11.unfavourable, 2);
        // 6 and 3: sd 1.5 < 2.4, no disagreement.
        assert!(!d11.disagreement);
    }

    #[test]
    fn dossiers_without_reviews_sort_last_in_both_directions() {
        let a = Aggregate {
            reviews: 2,
            mean: Some(10.0),
            ..Default::default()
        };
        let b = Aggregate {
            reviews: 3,
            mean: Some(14.0),
            ..Default::default()
        };
        let none = Aggregate::default();
        let mean = sort_value("moyenne").unwrap();
        let mut rows = [(3, &none), (1, &a), (2, &b)];
        rows.sort_by(|x, y| compare((x.0, mean(x.1)), (y.0, mean(y.1)), true));
        assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), [2, 1, 3]);
        rows.sort_by(|x, y| compare((x.0, mean(x.1)), (y.0, mean(y.1)), false));
        assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), [1, 2, 3]);
        let reviews = sort_value("avis").unwrap();
        assert_eq!(reviews(&none), Some(0.0));
        assert!(sort_value("name").is_none());
    }
}
