//! The coordinators' pages of team formation: what is missing, the runs,
//! and one run explained (teams, unfilled seats, withdrawn défis, blocking
//! pairs, the histogram, explanations, fairness, comparison, overrides).

use super::runs::{Change, check, readiness};
use super::{Names, Placed, effective, names, overrides_of, parsed, run_of, runs_of};
use crate::domain::matching::{self, Seat};
use crate::domain::promotion::paris_display;
use crate::i18n::{Locale, Msg};
use crate::model::AppError;
use crate::model::formation::*;
use crate::server::db::user;
use sea_orm::{ConnectionTrait, EntityTrait};
use std::collections::{BTreeMap, HashMap};

pub use super::results::*;

/// The programme's name for a profile code.
pub fn profile_label(l: Locale, code: &str) -> String {
    crate::domain::profile::ProfileCode::parse(code)
        .ok()
        .and_then(|p| p.label())
        .map_or(code.to_owned(), |m| l.t(m).to_owned())
}

async fn user_name<C: ConnectionTrait>(db: &C, id: Option<i64>) -> Result<String, AppError> {
    Ok(match id {
        Some(id) => user::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|u| u.name)
            .unwrap_or_default(),
        None => String::new(),
    })
}

pub async fn formation_page<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
    l: Locale,
) -> Result<FormationPage, AppError> {
    let p = crate::server::service::promotions::get(db, promotion).await?;
    let ready = readiness(db, promotion).await?;
    let names = names(db, promotion).await?;
    let mut runs = Vec::new();
    let mut validated = None;
    for r in runs_of(db, promotion).await? {
        let (input, output) = parsed(&r)?;
        let overrides = overrides_of(db, r.id).await?;
        let (placed, _) = effective(&input, &output, &overrides);
        if r.validated_at.is_some() {
            validated = Some(r.number);
        }
        runs.push(RunRow {
            number: r.number,
            at: paris_display(r.created_at),
            by: user_name(db, r.created_by).await?,
            placed: placed.len() as u32,
            candidates: input.candidates.len() as u32,
            withdrawn: output.withdrawn_defis.len() as u32,
            overrides: overrides.len() as u32,
            validated: r.validated_at.is_some(),
        });
    }
    runs.reverse();
    Ok(FormationPage {
        promotion_id: promotion,
        promotion: p.name,
        lists_missing: ready
            .lists_missing
            .iter()
            .map(|(d, profile)| (names.defi(&super::defi_key(*d)), profile_label(l, profile)))
            .collect(),
        rankings_missing: ready
            .rankings_missing
            .iter()
            .map(|c| names.candidate(c))
            .collect(),
        defis: ready.input.defis.len() as u32,
        candidates: ready.input.candidates.len() as u32,
        runs,
        validated,
    })
}

/// A count as shown in the fairness report: below 5 it is hidden.
fn masked(n: u32) -> Option<u32> {
    (n >= 5).then_some(n)
}

fn fairness(
    l: Locale,
    input: &matching::Input,
    placed: &[Placed],
    names: &Names,
) -> Vec<FairnessTable> {
    let placed_of: HashMap<&str, &Placed> =
        placed.iter().map(|p| (p.candidate.as_str(), p)).collect();
    let table = |title: Msg, key: &dyn Fn(&str) -> Option<String>| {
        let mut rows: BTreeMap<String, (u32, u32)> = BTreeMap::new();
        for c in &input.candidates {
            let Some(k) = key(&c.id) else { continue };
            let e = rows.entry(k).or_default();
            e.1 += 1;
            if placed_of.contains_key(c.id.as_str()) {
                e.0 += 1;
            }
        }
        FairnessTable {
            title: l.t(title).to_owned(),
            rows: rows
                .into_iter()
                .map(|(k, (p, n))| (k, masked(p), masked(n)))
                .collect(),
        }
    };
    let profile = |c: &str| {
        input
            .candidates
            .iter()
            .find(|x| x.id == c)
            .map(|x| profile_label(l, &x.profile))
    };
    let gender = |c: &str| {
        let g = names.genders.get(c).map(String::as_str).unwrap_or_default();
        let known = crate::domain::application_form::GENDERS
            .iter()
            .find(|(code, _)| *code == g);
        Some(l.t(known.map_or(Msg::NotSaid, |(_, m)| *m)).to_owned())
    };
    let region = |c: &str| {
        let p = placed_of.get(c)?;
        let city = names.cities.get(&p.defi).cloned().unwrap_or_default();
        Some(if city.is_empty() {
            l.t(Msg::RegionUnknown).to_owned()
        } else {
            city
        })
    };
    let rank = |c: &str| {
        Some(match placed_of.get(c) {
            Some(p) => match p.choice {
                Some(k) => crate::i18n::fill(l.t(Msg::ChoiceRankN), &[("n", &k.to_string())]),
                None => l.t(Msg::ChoiceOther).to_owned(),
            },
            None => l.t(Msg::ChoiceNone).to_owned(),
        })
    };
    vec![
        table(Msg::FairnessByProfile, &profile),
        table(Msg::FairnessByGender, &gender),
        table(Msg::FairnessByRegion, &region),
        table(Msg::FairnessByChoice, &rank),
    ]
}

/// One run, for coordinators; `compare` another run's number, `preview`
/// an override to show before it is saved.
pub async fn run_page<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
    number: i32,
    l: Locale,
    compare: Option<i32>,
    preview: Option<Change>,
) -> Result<RunPage, AppError> {
    let p = crate::server::service::promotions::get(db, promotion).await?;
    let r = run_of(db, promotion, number).await?;
    let (input, output) = parsed(&r)?;
    let overrides = overrides_of(db, r.id).await?;
    let names = names(db, promotion).await?;
    let (placed, reasons) = effective(&input, &output, &overrides);
    let withdrawn: Vec<String> = output
        .withdrawn_defis
        .iter()
        .map(|w| w.defi.clone())
        .collect();
    let seats: Vec<Seat> = placed
        .iter()
        .map(|s| Seat {
            candidate: s.candidate.clone(),
            defi: s.defi.clone(),
        })
        .collect();
    let blocking = matching::blocking_pairs(&input, &seats, &withdrawn)
        .into_iter()
        .map(|b| (names.candidate(&b.candidate), names.defi(&b.defi)))
        .collect();
    let teams = input
        .defis
        .iter()
        .filter(|d| !withdrawn.contains(&d.id))
        .map(|d| TeamDraft {
            defi_key: d.id.clone(),
            title: names.defi(&d.id),
            organisation: names.organisations.get(&d.id).cloned().unwrap_or_default(),
            slots: d
                .slots
                .iter()
                .map(|s| SlotDraft {
                    profile: profile_label(l, &s.profile),
                    capacity: s.capacity,
                    people: placed
                        .iter()
                        .filter(|x| x.defi == d.id && x.profile == s.profile)
                        .map(|x| {
                            (
                                names.candidate(&x.candidate),
                                reasons.contains_key(&x.candidate),
                            )
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let mut unfilled = Vec::new();
    for d in input.defis.iter().filter(|d| !withdrawn.contains(&d.id)) {
        for s in &d.slots {
            let held = placed
                .iter()
                .filter(|x| x.defi == d.id && x.profile == s.profile)
                .count() as u32;
            if held < s.capacity {
                unfilled.push((
                    names.defi(&d.id),
                    profile_label(l, &s.profile),
                    s.capacity - held,
                ));
            }
        }
    }
    let explanations = input
        .candidates
        .iter()
        .map(|c| {
            (
                names.candidate(&c.id),
                explanation(l, &output, &reasons, &names, &placed, &c.id),
            )
        })
        .collect();
    let mut override_rows = Vec::new();
    for o in &overrides {
        override_rows.push(OverrideRow {
            candidate: names.candidate(&o.candidate),
            defi: o.defi.as_deref().map(|d| names.defi(d)),
            reason: o.reason.clone(),
            by: user_name(db, o.created_by).await?,
            at: paris_display(o.created_at),
        });
    }
    let all_runs = runs_of(db, promotion).await?;
    let other_validated = all_runs
        .iter()
        .find(|x| x.validated_at.is_some() && x.id != r.id)
        .map(|x| x.number);
    let compared = match compare.filter(|n| *n != number) {
        Some(n) => {
            let o = run_of(db, promotion, n).await?;
            let (oi, oo) = parsed(&o)?;
            let (theirs, _) = effective(&oi, &oo, &overrides_of(db, o.id).await?);
            let at = |list: &[Placed], c: &str| {
                list.iter()
                    .find(|x| x.candidate == c)
                    .map(|x| names.defi(&x.defi))
            };
            let mut who: Vec<String> = input.candidates.iter().map(|c| c.id.clone()).collect();
            for c in &oi.candidates {
                if !who.contains(&c.id) {
                    who.push(c.id.clone());
                }
            }
            let none = l.t(Msg::NotPlaced).to_owned();
            Some(Comparison {
                other: n,
                moves: who
                    .iter()
                    .filter_map(|c| {
                        let (a, b) = (at(&placed, c), at(&theirs, c));
                        (a != b).then(|| {
                            (
                                names.candidate(c),
                                a.unwrap_or_else(|| none.clone()),
                                b.unwrap_or_else(|| none.clone()),
                            )
                        })
                    })
                    .collect(),
            })
        }
        None => None,
    };
    let preview = preview.map(|change| {
        let (blocking, refused, refusal) = match check(&r, &overrides, &change) {
            Ok(pairs) => (
                pairs
                    .iter()
                    .map(|b| (names.candidate(&b.candidate), names.defi(&b.defi)))
                    .collect(),
                None,
                None,
            ),
            Err(e) => (Vec::new(), Some(refusal_text(l, &e)), Some(e)),
        };
        OverridePreview {
            candidate: names.candidate(&change.candidate),
            defi: (!change.defi.is_empty()).then(|| names.defi(&change.defi)),
            candidate_key: change.candidate,
            defi_key: change.defi,
            reason: change.reason,
            blocking,
            refused,
            refusal,
        }
    });
    Ok(RunPage {
        promotion_id: promotion,
        promotion: p.name,
        number,
        at: paris_display(r.created_at),
        by: user_name(db, r.created_by).await?,
        engine_version: r.engine_version.clone(),
        validated_at: r.validated_at.map(paris_display),
        other_validated,
        teams,
        unfilled,
        withdrawn: output
            .withdrawn_defis
            .iter()
            .map(|w| {
                (
                    names.defi(&w.defi),
                    if l == Locale::Fr {
                        w.reason.clone()
                    } else {
                        w.reason_en.clone()
                    },
                )
            })
            .collect(),
        unassigned: input
            .candidates
            .iter()
            .filter(|c| !placed.iter().any(|x| x.candidate == c.id))
            .map(|c| names.candidate(&c.id))
            .collect(),
        blocking,
        histogram: histogram(l, &input, &placed),
        explanations,
        overrides: override_rows,
        fairness: fairness(l, &input, &placed, &names),
        others: all_runs
            .iter()
            .map(|x| x.number)
            .filter(|n| *n != number)
            .collect(),
        compared,
        candidates: input
            .candidates
            .iter()
            .map(|c| (c.id.clone(), names.candidate(&c.id)))
            .collect(),
        defis: input
            .defis
            .iter()
            .filter(|d| !withdrawn.contains(&d.id))
            .map(|d| (d.id.clone(), names.defi(&d.id)))
            .collect(),
        preview,
    })
}

/// The first message of an error, in the reader's language.
fn refusal_text(l: Locale, e: &AppError) -> String {
    match e {
        AppError::Refused(m) => l.t(*m).to_owned(),
        AppError::Validation(errors) => errors.first().map(|f| f.text(l)).unwrap_or_default(),
        _ => l.t(Msg::ErrNotFoundBody).to_owned(),
    }
}

/// Placements by choice rank, after overrides: "1", "2", …, other, none.
fn histogram(l: Locale, input: &matching::Input, placed: &[Placed]) -> Vec<(String, u64)> {
    let deepest = input
        .candidates
        .iter()
        .map(|c| c.choices.len())
        .max()
        .unwrap_or(0)
        .max(3);
    let mut counts = vec![0u64; deepest + 2];
    for c in &input.candidates {
        let i = match placed.iter().find(|p| p.candidate == c.id) {
            Some(p) => p.choice.map_or(deepest, |k| k as usize - 1),
            None => deepest + 1,
        };
        counts[i.min(deepest + 1)] += 1;
    }
    counts
        .into_iter()
        .enumerate()
        .map(|(i, n)| {
            let label = if i < deepest {
                crate::i18n::fill(l.t(Msg::ChoiceRankN), &[("n", &(i + 1).to_string())])
            } else if i == deepest {
                l.t(Msg::ChoiceOther).to_owned()
            } else {
                l.t(Msg::ChoiceNone).to_owned()
            };
            (label, n)
        })
        .collect()
}

/// The engine's explanation of a candidate's result, titles for keys.
/// When an override concerns them, its line (the seat the programme team
/// gave them, or none, and the reason) replaces the engine's result line;
/// the engine's reasons for their choices follow.
pub fn explanation(
    l: Locale,
    output: &matching::Outcome,
    reasons: &HashMap<String, String>,
    names: &Names,
    placed: &[Placed],
    candidate: &str,
) -> String {
    let text = output
        .explanations
        .get(candidate)
        .map(|e| {
            if l == Locale::Fr {
                e.fr.clone()
            } else {
                e.en.clone()
            }
        })
        .unwrap_or_default();
    let text = names.titled(&text);
    let Some(reason) = reasons.get(candidate) else {
        return text;
    };
    let decided = match placed.iter().find(|p| p.candidate == candidate) {
        Some(p) => crate::i18n::fill(
            l.t(Msg::PlacedByDecision),
            &[("defi", &names.defi(&p.defi)), ("reason", reason)],
        ),
        None => crate::i18n::fill(l.t(Msg::UnplacedByDecision), &[("reason", reason)]),
    };
    let rest: Vec<&str> = text.lines().skip(1).collect();
    std::iter::once(decided.as_str())
        .chain(rest)
        .collect::<Vec<_>>()
        .join("\n")
}
