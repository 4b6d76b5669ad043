//! The défi dossier as the host types it: parsed leniently for a draft (only
//! limits are enforced, so nothing typed is refused for being unfinished) and
//! checked completely at submission.

use super::form::{Declared, FieldErrors, FieldValue, Spec, declare_form};
use super::profile::ProfileCode;
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

pub const MISSION_MAX: usize = 1000;
pub const SLOT_ROWS: usize = 3;

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

declare_form! {
    /// The défi dossier, section by section as the host sees it.
    pub struct DefiForm {
        DefiLegend {
            title: text = Spec::line(Msg::FieldDefiTitle, 120).required().counted().hint(Msg::TitleHint),
            summary: text = Spec::text(Msg::FieldSummary, 280, 2).lines(2).required().hint(Msg::SummaryHint),
        }
        NeedLegend {
            context: text = Spec::text(Msg::FieldContext, 3000, 6).required().hint(Msg::ContextHint),
            use_cases: text = Spec::text(Msg::FieldUseCases, 3000, 6).required().hint(Msg::UseCasesHint),
            impact: text = Spec::text(Msg::FieldImpact, 2000, 4).required(),
        }
        DataLegend {
            data_available: text = Spec::text(Msg::FieldDataAvailable, 2000, 4).required().hint(Msg::DataHint),
            data_accessible: flag = Spec::check(Msg::FieldDataAccessible),
        }
        AttentionLegend {
            obstacles: text = Spec::text(Msg::FieldObstacles, 2000, 4),
            legal_ethics: text = Spec::text(Msg::FieldLegalEthics, 2000, 4).hint(Msg::LegalEthicsHint),
        }
        OpennessLegend {
            open_code: flag = Spec::check(Msg::FieldOpenCode),
            open_data: flag = Spec::check(Msg::FieldOpenData),
            off_site: flag = Spec::check(Msg::FieldOffSite),
        }
        HostTeamLegend {
            leads: text = Spec::text(Msg::FieldLeads, 300, 2).required().hint(Msg::LeadsHint),
            mentor: text = Spec::line(Msg::FieldMentor, 160).required().hint(Msg::MentorHint),
        }
        SlotsLegend {}
    }
    extra {
        /// The profiles sought, rendered and checked by this file's code.
        pub slots: [SlotForm; SLOT_ROWS],
    }
}

/// Where the slots' errors stand on the page.
const SLOTS_PLACE: [(&str, Msg); 1] = [("slot", Msg::SlotsLegend)];

fn tidy(raw: &str) -> String {
    raw.trim().replace("\r\n", "\n")
}

impl DefiForm {
    /// What the défi page calls field `name` (the error summary's
    /// entries): a declared field's label, the slots, the presentation.
    pub fn summary_label(name: &str) -> Option<Msg> {
        Self::label_of(name).or(if name.starts_with("slot") {
            Some(Msg::SlotsLegend)
        } else if name == "pitch_deck" {
            Some(Msg::FieldPitchDeck)
        } else {
            None
        })
    }

    /// Every field by its form name, to carry what was typed across an error
    /// redirect. Checkboxes are "on" or "".
    pub fn fields(&self) -> Vec<(String, String)> {
        let mut out = self.declared_values();
        for (i, s) in self.slots.iter().enumerate() {
            let n = i + 1;
            out.push((format!("slot{n}_profile"), s.profile.clone()));
            out.push((format!("slot{n}_mission"), s.mission.clone()));
            out.push((format!("slot{n}_mandatory"), s.mandatory.raw()));
        }
        out
    }

    /// The inverse of `fields`; also what a save posts.
    pub fn from_fields(get: impl Fn(&str) -> Option<String>) -> Self {
        let v = |k: &str| get(k).unwrap_or_default();
        let slot = |n: usize| SlotForm {
            profile: v(&format!("slot{n}_profile")),
            mission: v(&format!("slot{n}_mission")),
            mandatory: !v(&format!("slot{n}_mandatory")).is_empty(),
        };
        let mut form = Self {
            slots: [slot(1), slot(2), slot(3)],
            ..Self::default()
        };
        form.read_declared(&get);
        form
    }

    /// What a draft save accepts: texts within their limits, profiles from
    /// the promotion's list. Empty fields are fine.
    pub fn parse_draft(&self, profiles: &[ProfileCode]) -> Result<DefiForm, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut clean = self.clone();
        clean.tidy_declared(&mut errors);
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
    pub fn check_complete(&self, team_min: u32, team_max: u32) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        self.check_declared(&mut errors);
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
        Self::in_page_order(&mut errors, &SLOTS_PLACE);
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
