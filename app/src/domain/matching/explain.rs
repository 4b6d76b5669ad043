//! Plain-language explanations, in French and English, of why each
//! candidate got what they got, and why a défi was withdrawn.

use super::engine::{State, WithdrawReason};
use super::problem::Problem;
use super::report::Explanation;
use crate::i18n::{Locale, Msg, fill};

/// A text in both languages, filled per language.
fn both(text: impl Fn(Locale) -> String) -> (String, String) {
    (text(Locale::Fr), text(Locale::En))
}

/// The programme's words for a profile (the promotion's catalogue, in the
/// lower case a sentence needs); other codes are shown as given.
fn profile_name(l: Locale, code: &str) -> String {
    match crate::domain::profile::ProfileCode::parse(code)
        .ok()
        .and_then(|p| p.label())
    {
        Some(msg) => l.t(msg).to_lowercase(),
        None => code.to_owned(),
    }
}

fn ordinal(l: Locale, n: u32) -> String {
    match l {
        Locale::Fr if n == 1 => "1er".into(),
        Locale::Fr => format!("{n}e"),
        Locale::En => {
            let suffix = match (n % 10, n % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{n}{suffix}")
        }
    }
}

pub(crate) fn withdraw_reason(p: &Problem, why: WithdrawReason) -> (String, String) {
    match why {
        WithdrawReason::TooSmall { filled, min } => both(|l| {
            fill(
                l.t(Msg::MatchTooSmall),
                &[("min", &min.to_string()), ("filled", &filled.to_string())],
            )
        }),
        WithdrawReason::MandatoryUnfilled { slot } => both(|l| {
            fill(
                l.t(Msg::MatchMandatoryUnfilled),
                &[("profile", &profile_name(l, &p.slots[slot].profile))],
            )
        }),
    }
}

pub(crate) fn candidate(p: &Problem, st: &State, ci: usize) -> Explanation {
    let c = &p.candidates[ci];
    let profile = |l: Locale| profile_name(l, &c.profile);
    let result = st.assigned[ci].map(|i| p.prefs[ci][i]);
    let mut lines: Vec<(String, String)> = Vec::new();
    lines.push(match result {
        Some(pref) => {
            let d = &p.defis[p.slots[pref.slot].defi].id;
            let (msg, rank) = match pref.choice {
                Some(k) => (Msg::MatchResultChoice, k),
                None => (Msg::MatchResultOpen, pref.rank + 1),
            };
            both(|l| {
                fill(
                    l.t(msg),
                    &[
                        ("defi", d.as_str()),
                        ("profile", &profile(l)),
                        ("rank", &ordinal(l, rank)),
                    ],
                )
            })
        }
        None => both(|l| l.t(Msg::MatchResultNone).to_owned()),
    });
    let above = match result.and_then(|r| r.choice) {
        Some(k) => k as usize - 1,
        None => c.choices.len(),
    };
    for (k, &d) in c.choices.iter().take(above).enumerate() {
        let name = &p.defis[d].id;
        // The most structural reason first: no seat for the profile, then
        // not on the jury's list, then a withdrawn défi, then a full seat.
        let slot = p.slot_for(d, ci);
        let listed = slot.and_then(|s| p.listed_position(ci, s).map(|rank| (s, rank)));
        let withdrawn = st
            .withdrawn
            .iter()
            .find(|(w, _)| *w == d)
            .map(|&(_, why)| why);
        let reason = withdrawn.map(|why| withdraw_reason(p, why));
        let why = |l: Locale| match (slot, listed, &reason) {
            (None, _, _) => fill(l.t(Msg::MatchNoSeat), &[("profile", &profile(l))]),
            (Some(_), None, _) => fill(l.t(Msg::MatchNotListed), &[("profile", &profile(l))]),
            (Some(_), Some(_), Some((fr, en))) => fill(
                l.t(Msg::MatchWithdrawn),
                &[(
                    "reason",
                    if l == Locale::Fr {
                        fr.as_str()
                    } else {
                        en.as_str()
                    },
                )],
            ),
            (Some(_), Some((slot, rank)), None) => fill(
                l.t(Msg::MatchOutranked),
                &[
                    ("profile", &profile(l)),
                    ("rank", &ordinal(l, rank + 1)),
                    ("of", &p.slots[slot].ranking_len.to_string()),
                    ("seats", &p.slots[slot].capacity.to_string()),
                ],
            ),
        };
        lines.push(both(|l| {
            fill(
                l.t(Msg::MatchChoiceLine),
                &[
                    ("defi", name.as_str()),
                    ("rank", &ordinal(l, k as u32 + 1)),
                    ("why", &why(l)),
                ],
            )
        }));
    }
    if result.is_none() && c.choices.is_empty() && !c.open_to_others {
        lines.push(both(|l| l.t(Msg::MatchNoChoice).to_owned()));
    }
    let (fr, en): (Vec<String>, Vec<String>) = lines.into_iter().unzip();
    Explanation {
        fr: fr.join("\n"),
        en: en.join("\n"),
    }
}
