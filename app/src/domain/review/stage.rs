//! The stage's settings: when jurors can review, blind or not, who sees
//! what, reviews per dossier, loads, the disagreement threshold.

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

/// When jurors see the other reviews of a dossier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SeeReviews {
    Never,
    /// Once they have submitted their own.
    AfterOwn,
    Always,
}

impl SeeReviews {
    pub const ALL: [SeeReviews; 3] = [SeeReviews::Never, SeeReviews::AfterOwn, SeeReviews::Always];

    pub fn code(self) -> &'static str {
        match self {
            SeeReviews::Never => "never",
            SeeReviews::AfterOwn => "after",
            SeeReviews::Always => "always",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> Msg {
        match self {
            SeeReviews::Never => Msg::SeeReviewsNever,
            SeeReviews::AfterOwn => Msg::SeeReviewsAfter,
            SeeReviews::Always => Msg::SeeReviewsAlways,
        }
    }

    /// Whether a juror who has (or has not) submitted sees the others.
    pub fn shows(self, submitted_own: bool) -> bool {
        match self {
            SeeReviews::Never => false,
            SeeReviews::AfterOwn => submitted_own,
            SeeReviews::Always => true,
        }
    }
}

/// The stage's settings, as stored and edited.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageSettings {
    pub opens_at: Option<chrono::DateTime<chrono::Utc>>,
    pub closes_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Identity hidden from jurors.
    pub blind: bool,
    pub see_reviews: SeeReviews,
    /// Jurors see the other jurors' names.
    pub see_names: bool,
    pub reviews_per_dossier: u32,
    /// Global maximum load (none: unlimited).
    pub max_load: Option<u32>,
    /// A dossier's reviews disagree when the standard deviation of their
    /// totals is above this share (in %) of the total's range.
    pub disagreement_threshold: u32,
    /// Two-step reveal (EIG 5): shortlisted candidates rank the published
    /// défis again, until this deadline (none: no such step).
    pub reveal_deadline: Option<chrono::DateTime<chrono::Utc>>,
}

impl StageSettings {
    /// Whether jurors can review at `now`.
    pub fn open_at(&self, now: chrono::DateTime<chrono::Utc>) -> bool {
        self.opens_at.is_some_and(|o| o <= now) && self.closes_at.is_none_or(|c| now < c)
    }

    /// Checks a posted settings form by its field names (dates in Paris
    /// time; the boxes `blind` and `see_names` post "on" when ticked).
    pub fn parse(get: impl Fn(&str) -> Option<String>) -> Result<Self, Vec<(&'static str, Msg)>> {
        let g = |k: &str| get(k).unwrap_or_default();
        let (opens_at, closes_at, see_reviews) = (g("opens_at"), g("closes_at"), g("see_reviews"));
        let (reviews_per_dossier, max_load, threshold) = (
            g("reviews_per_dossier"),
            g("max_load"),
            g("disagreement_threshold"),
        );
        let (blind, see_names) = (get("blind").is_some(), get("see_names").is_some());
        let (reveal, reveal_deadline) = (get("reveal").is_some(), g("reveal_deadline"));
        let mut errors = Vec::new();
        let date = |raw: &str, field: &'static str, errors: &mut Vec<_>| {
            if raw.trim().is_empty() {
                return None;
            }
            super::super::promotion::parse_paris(raw)
                .map_err(|m| errors.push((field, m)))
                .ok()
        };
        let opens = date(&opens_at, "opens_at", &mut errors);
        let closes = date(&closes_at, "closes_at", &mut errors);
        if let (Some(o), Some(c)) = (opens, closes)
            && c <= o
        {
            errors.push(("closes_at", Msg::StageClosesBeforeOpening));
        }
        let reveal_at = date(&reveal_deadline, "reveal_deadline", &mut errors);
        if reveal && reveal_at.is_none() && !errors.iter().any(|(f, _)| *f == "reveal_deadline") {
            errors.push(("reveal_deadline", Msg::RevealDeadlineRequired));
        }
        let see = SeeReviews::from_code(&see_reviews);
        if see.is_none() {
            errors.push(("see_reviews", Msg::ChoiceRequired));
        }
        let n = reviews_per_dossier
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=10).contains(n));
        if n.is_none() {
            errors.push(("reviews_per_dossier", Msg::ReviewsPerDossierInvalid));
        }
        let load = if max_load.trim().is_empty() {
            Some(None)
        } else {
            max_load
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=1000).contains(n))
                .map(Some)
        };
        if load.is_none() {
            errors.push(("max_load", Msg::MaxLoadInvalid));
        }
        let t = threshold
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=100).contains(n));
        if t.is_none() {
            errors.push(("disagreement_threshold", Msg::ThresholdInvalid));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            opens_at: opens,
            closes_at: closes,
            blind,
            see_reviews: see.unwrap_or(SeeReviews::AfterOwn),
            see_names,
            reviews_per_dossier: n.unwrap_or(3),
            max_load: load.flatten(),
            disagreement_threshold: t.unwrap_or(20),
            reveal_deadline: if reveal { reveal_at } else { None },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_refuse_a_closing_before_the_opening_and_bad_numbers() {
        let form = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        let e = StageSettings::parse(form(&[
            ("opens_at", "2027-05-10T09:00"),
            ("closes_at", "2027-05-01T09:00"),
            ("blind", "on"),
            ("see_reviews", "sometimes"),
            ("reviews_per_dossier", "0"),
            ("max_load", "-1"),
            ("disagreement_threshold", "300"),
        ]))
        .unwrap_err();
        let fields: Vec<&str> = e.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            [
                "closes_at",
                "see_reviews",
                "reviews_per_dossier",
                "max_load",
                "disagreement_threshold"
            ]
        );
        let ok = StageSettings::parse(form(&[
            ("opens_at", "2027-05-01T09:00"),
            ("closes_at", "2027-05-20T18:00"),
            ("see_reviews", "after"),
            ("reviews_per_dossier", "3"),
            ("disagreement_threshold", "20"),
        ]))
        .unwrap();
        assert_eq!(ok.max_load, None);
        assert!(!ok.blind && !ok.see_names);
        assert_eq!(ok.reveal_deadline, None);
        let e = StageSettings::parse(form(&[
            ("reveal", "on"),
            ("see_reviews", "after"),
            ("reviews_per_dossier", "3"),
            ("disagreement_threshold", "20"),
        ]))
        .unwrap_err();
        assert_eq!(e, [("reveal_deadline", Msg::RevealDeadlineRequired)]);
        assert!(ok.open_at(ok.opens_at.unwrap()));
        assert!(!ok.open_at(ok.closes_at.unwrap()));
    }
}
