//! The défi dossier as the host types it: parsed leniently for a draft (only
//! limits are enforced, so nothing typed is refused for being unfinished) and
//! checked completely at submission.

use super::profile::ProfileCode;
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

/// Text fields, their maximum length in characters, and whether submission
/// requires them. The same table drives the server checks and the counters.
pub const TEXT_FIELDS: [(&str, usize, bool); 10] = [
    ("title", 120, true),
    ("summary", 280, true),
    ("context", 3000, true),
    ("use_cases", 3000, true),
    ("impact", 2000, true),
    ("data_available", 2000, true),
    ("obstacles", 2000, false),
    ("legal_ethics", 2000, false),
    ("leads", 300, true),
    ("mentor", 160, true),
];

pub const MISSION_MAX: usize = 1000;
pub const SLOT_ROWS: usize = 3;

pub fn limit(field: &str) -> usize {
    TEXT_FIELDS
        .iter()
        .find(|(f, _, _)| *f == field)
        .map(|(_, max, _)| *max)
        .unwrap_or(MISSION_MAX)
}

/// One row of the slots table, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotForm {
    pub profile: String,
    pub mission: String,
    pub mandatory: bool,
}

impl SlotForm {
    pub fn is_empty(&self) -> bool {
        self.profile.trim().is_empty() && self.mission.trim().is_empty()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefiForm {
    pub title: String,
    pub summary: String,
    pub context: String,
    pub use_cases: String,
    pub impact: String,
    pub data_available: String,
    pub data_accessible: bool,
    pub obstacles: String,
    pub legal_ethics: String,
    pub open_code: bool,
    pub open_data: bool,
    pub off_site: bool,
    pub leads: String,
    pub mentor: String,
    pub slots: [SlotForm; SLOT_ROWS],
}

fn tidy(raw: &str) -> String {
    raw.trim().replace("\r\n", "\n")
}

fn on(v: &str) -> bool {
    matches!(v, "on" | "true" | "1" | "oui")
}

impl DefiForm {
    pub fn text(&self, field: &str) -> &str {
        match field {
            "title" => &self.title,
            "summary" => &self.summary,
            "context" => &self.context,
            "use_cases" => &self.use_cases,
            "impact" => &self.impact,
            "data_available" => &self.data_available,
            "obstacles" => &self.obstacles,
            "legal_ethics" => &self.legal_ethics,
            "leads" => &self.leads,
            "mentor" => &self.mentor,
            _ => "",
        }
    }

    /// Every field by its form name, to carry what was typed across an error
    /// redirect. Checkboxes are "on" or "".
    pub fn fields(&self) -> Vec<(String, String)> {
        let b = |v: bool| if v { "on".to_owned() } else { String::new() };
        let mut out: Vec<(String, String)> = TEXT_FIELDS
            .iter()
            .map(|(f, _, _)| ((*f).to_owned(), self.text(f).to_owned()))
            .collect();
        out.push(("data_accessible".into(), b(self.data_accessible)));
        out.push(("open_code".into(), b(self.open_code)));
        out.push(("open_data".into(), b(self.open_data)));
        out.push(("off_site".into(), b(self.off_site)));
        for (i, s) in self.slots.iter().enumerate() {
            let n = i + 1;
            out.push((format!("slot{n}_profile"), s.profile.clone()));
            out.push((format!("slot{n}_mission"), s.mission.clone()));
            out.push((format!("slot{n}_mandatory"), b(s.mandatory)));
        }
        out
    }

    /// The inverse of `fields`.
    pub fn from_fields(get: impl Fn(&str) -> Option<String>) -> Self {
        let v = |k: &str| get(k).unwrap_or_default();
        let b = |k: &str| on(&v(k));
        let slot = |n: usize| SlotForm {
            profile: v(&format!("slot{n}_profile")),
            mission: v(&format!("slot{n}_mission")),
            mandatory: b(&format!("slot{n}_mandatory")),
        };
        Self {
            title: v("title"),
            summary: v("summary"),
            context: v("context"),
            use_cases: v("use_cases"),
            impact: v("impact"),
            data_available: v("data_available"),
            data_accessible: b("data_accessible"),
            obstacles: v("obstacles"),
            legal_ethics: v("legal_ethics"),
            open_code: b("open_code"),
            open_data: b("open_data"),
            off_site: b("off_site"),
            leads: v("leads"),
            mentor: v("mentor"),
            slots: [slot(1), slot(2), slot(3)],
        }
    }

    /// What a draft save accepts: texts within their limits, profiles from
    /// the promotion's list. Empty fields are fine.
    pub fn parse_draft(&self, profiles: &[ProfileCode]) -> Result<DefiForm, Vec<(String, Msg)>> {
        let mut errors: Vec<(String, Msg)> = Vec::new();
        let mut clean = self.clone();
        for (field, max, _) in TEXT_FIELDS {
            let value = tidy(self.text(field));
            if value.chars().count() > max {
                errors.push((field.to_owned(), Msg::TextTooLong));
            }
            *clean.text_mut(field) = value;
        }
        if clean.title.contains('\n') || clean.summary.lines().count() > 2 {
            let field = if clean.title.contains('\n') {
                "title"
            } else {
                "summary"
            };
            errors.push((field.to_owned(), Msg::TooManyLines));
        }
        for (i, slot) in clean.slots.iter_mut().enumerate() {
            let n = i + 1;
            slot.profile = slot.profile.trim().to_owned();
            slot.mission = tidy(&slot.mission);
            if !slot.profile.is_empty() && !profiles.iter().any(|p| p.as_str() == slot.profile) {
                errors.push((format!("slot{n}_profile"), Msg::SlotProfileUnknown));
            }
            if slot.mission.chars().count() > MISSION_MAX {
                errors.push((format!("slot{n}_mission"), Msg::TextTooLong));
            }
        }
        if errors.is_empty() {
            Ok(clean)
        } else {
            Err(errors)
        }
    }

    fn text_mut(&mut self, field: &str) -> &mut String {
        match field {
            "title" => &mut self.title,
            "summary" => &mut self.summary,
            "context" => &mut self.context,
            "use_cases" => &mut self.use_cases,
            "impact" => &mut self.impact,
            "data_available" => &mut self.data_available,
            "obstacles" => &mut self.obstacles,
            "legal_ethics" => &mut self.legal_ethics,
            "leads" => &mut self.leads,
            _ => &mut self.mentor,
        }
    }

    /// The slots actually used, in order, with their row number.
    pub fn used_slots(&self) -> Vec<(usize, &SlotForm)> {
        self.slots
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.is_empty())
            .map(|(i, s)| (i + 1, s))
            .collect()
    }

    /// What submission requires on top of a valid draft: every required text,
    /// between `team_min` and `team_max` complete slots, at least one of them
    /// mandatory. Every problem at once, tied to its field.
    pub fn check_complete(&self, team_min: u32, team_max: u32) -> Result<(), Vec<(String, Msg)>> {
        let mut errors: Vec<(String, Msg)> = Vec::new();
        for (field, _, required) in TEXT_FIELDS {
            if required && self.text(field).trim().is_empty() {
                errors.push((field.to_owned(), Msg::FieldRequired));
            }
        }
        let used = self.used_slots();
        for (n, s) in &used {
            if s.profile.is_empty() {
                errors.push((format!("slot{n}_profile"), Msg::SlotProfileRequired));
            }
            if s.mission.trim().is_empty() {
                errors.push((format!("slot{n}_mission"), Msg::SlotMissionRequired));
            }
        }
        let count = used.len() as u32;
        if count < team_min || count > team_max {
            errors.push(("slots".into(), Msg::SlotCountInvalid));
        } else if !used.iter().any(|(_, s)| s.mandatory) {
            errors.push(("slots".into(), Msg::SlotMandatoryRequired));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::default_profiles;

    pub fn complete() -> DefiForm {
        let slot = |p: &str, m: bool| SlotForm {
            profile: p.into(),
            mission: "Construire l'outil avec les agents.".into(),
            mandatory: m,
        };
        DefiForm {
            title: "Mieux orienter les usagers".into(),
            summary: "Un outil pour orienter.\nEt mesurer.".into(),
            context: "Contexte.".into(),
            use_cases: "Cas d'usage.".into(),
            impact: "Impact.".into(),
            data_available: "Données.".into(),
            leads: "Marie Curie".into(),
            mentor: "Pierre Curie".into(),
            slots: [
                slot("developer", true),
                slot("designer", false),
                SlotForm::default(),
            ],
            ..DefiForm::default()
        }
    }

    #[test]
    fn a_complete_dossier_passes() {
        let f = complete().parse_draft(&default_profiles()).unwrap();
        assert_eq!(f.check_complete(2, 3), Ok(()));
        assert_eq!(f.used_slots().len(), 2);
    }

    #[test]
    fn an_empty_draft_saves_but_does_not_submit() {
        let f = DefiForm::default()
            .parse_draft(&default_profiles())
            .unwrap();
        let errors = f.check_complete(2, 3).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "title",
                "summary",
                "context",
                "use_cases",
                "impact",
                "data_available",
                "leads",
                "mentor",
                "slots"
            ]
        );
    }

    #[test]
    fn limits_and_profiles_are_enforced_on_drafts() {
        let mut f = complete();
        f.title = "x".repeat(121);
        f.slots[2] = SlotForm {
            profile: "astronaut".into(),
            mission: "m".repeat(MISSION_MAX + 1),
            mandatory: false,
        };
        let errors = f.parse_draft(&default_profiles()).unwrap_err();
        assert_eq!(
            errors,
            vec![
                ("title".into(), Msg::TextTooLong),
                ("slot3_profile".into(), Msg::SlotProfileUnknown),
                ("slot3_mission".into(), Msg::TextTooLong),
            ]
        );
    }

    #[test]
    fn slots_are_counted_and_need_a_mandatory_one() {
        let mut f = complete();
        f.slots[1] = SlotForm::default();
        assert_eq!(
            f.check_complete(2, 3),
            Err(vec![("slots".into(), Msg::SlotCountInvalid)])
        );
        let mut f = complete();
        f.slots[0].mandatory = false;
        assert_eq!(
            f.check_complete(2, 3),
            Err(vec![("slots".into(), Msg::SlotMandatoryRequired)])
        );
        let mut f = complete();
        f.slots[2] = SlotForm {
            profile: String::new(),
            mission: "Une mission sans profil".into(),
            mandatory: true,
        };
        assert_eq!(
            f.check_complete(2, 3),
            Err(vec![("slot3_profile".into(), Msg::SlotProfileRequired)])
        );
    }

    #[test]
    fn summary_is_two_lines_at_most() {
        let mut f = complete();
        f.summary = "a\nb\nc".into();
        assert_eq!(
            f.parse_draft(&default_profiles()),
            Err(vec![("summary".into(), Msg::TooManyLines)])
        );
    }

    #[test]
    fn fields_round_trip() {
        let f = complete();
        let map: std::collections::HashMap<String, String> = f.fields().into_iter().collect();
        assert_eq!(DefiForm::from_fields(|k| map.get(k).cloned()), f);
    }
}
