//! The application dossier as the applicant types it: parsed leniently for
//! a draft (limits only, so that an unfinished dossier always saves) and
//! checked completely at submission, every problem tied to its field.

use super::profile::ProfileCode;
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

/// Text fields, their maximum length, and whether submission requires them.
pub const TEXT_FIELDS: [(&str, usize, bool); 9] = [
    ("first_name", 80, true),
    ("last_name", 80, true),
    ("phone", 30, false),
    ("skills", 1000, true),
    ("experience_text", 3000, true),
    ("motivation", 3000, true),
    ("portfolio_url", 300, false),
    ("code_url", 300, false),
    ("mobility", 300, false),
];

pub fn limit(field: &str) -> usize {
    TEXT_FIELDS
        .iter()
        .find(|(f, _, _)| *f == field)
        .map_or(300, |(_, max, _)| *max)
}

pub const CIVILITIES: [(&str, Msg); 3] = [
    ("mme", Msg::CivilityMme),
    ("m", Msg::CivilityM),
    ("autre", Msg::CivilityOther),
];

pub const EXPERIENCE_BANDS: [(&str, Msg); 4] = [
    ("lt2", Msg::ExperienceLt2),
    ("2to5", Msg::Experience2to5),
    ("5to10", Msg::Experience5to10),
    ("gt10", Msg::ExperienceGt10),
];

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationForm {
    pub civility: String,
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    pub profile: String,
    pub experience: String,
    pub skills: String,
    pub experience_text: String,
    pub motivation: String,
    pub portfolio_url: String,
    pub code_url: String,
    pub mobility: String,
    pub remote: bool,
    /// "oui", "non" or "" (not answered).
    pub support_role: String,
    /// Défi ids in the applicant's order of preference.
    pub choices: Vec<i64>,
    pub decl_civil_servant: bool,
    pub decl_student: bool,
    pub decl_jury: bool,
    pub consent: bool,
}

impl ApplicationForm {
    pub fn text(&self, field: &str) -> &str {
        match field {
            "first_name" => &self.first_name,
            "last_name" => &self.last_name,
            "phone" => &self.phone,
            "skills" => &self.skills,
            "experience_text" => &self.experience_text,
            "motivation" => &self.motivation,
            "portfolio_url" => &self.portfolio_url,
            "code_url" => &self.code_url,
            "mobility" => &self.mobility,
            _ => "",
        }
    }

    fn text_mut(&mut self, field: &str) -> Option<&mut String> {
        Some(match field {
            "first_name" => &mut self.first_name,
            "last_name" => &mut self.last_name,
            "phone" => &mut self.phone,
            "skills" => &mut self.skills,
            "experience_text" => &mut self.experience_text,
            "motivation" => &mut self.motivation,
            "portfolio_url" => &mut self.portfolio_url,
            "code_url" => &mut self.code_url,
            "mobility" => &mut self.mobility,
            _ => return None,
        })
    }

    /// Every field by its form name, to keep what was typed across an error
    /// redirect. Choices are "id,id,id"; checkboxes "on" or "".
    pub fn fields(&self) -> Vec<(String, String)> {
        let b = |v: bool| if v { "on".to_owned() } else { String::new() };
        let mut out: Vec<(String, String)> = TEXT_FIELDS
            .iter()
            .map(|(f, _, _)| ((*f).to_owned(), self.text(f).to_owned()))
            .collect();
        out.extend([
            ("civility".to_owned(), self.civility.clone()),
            ("profile".to_owned(), self.profile.clone()),
            ("experience".to_owned(), self.experience.clone()),
            ("support_role".to_owned(), self.support_role.clone()),
            ("remote".to_owned(), b(self.remote)),
            ("decl_civil_servant".to_owned(), b(self.decl_civil_servant)),
            ("decl_student".to_owned(), b(self.decl_student)),
            ("decl_jury".to_owned(), b(self.decl_jury)),
            ("consent".to_owned(), b(self.consent)),
            (
                "choices".to_owned(),
                self.choices
                    .iter()
                    .map(i64::to_string)
                    .collect::<Vec<_>>()
                    .join(","),
            ),
        ]);
        out
    }

    pub fn from_fields(get: impl Fn(&str) -> Option<String>) -> Self {
        let v = |k: &str| get(k).unwrap_or_default();
        let b = |k: &str| v(k) == "on";
        let mut f = ApplicationForm {
            civility: v("civility"),
            profile: v("profile"),
            experience: v("experience"),
            support_role: v("support_role"),
            remote: b("remote"),
            decl_civil_servant: b("decl_civil_servant"),
            decl_student: b("decl_student"),
            decl_jury: b("decl_jury"),
            consent: b("consent"),
            choices: v("choices")
                .split(',')
                .filter_map(|c| c.trim().parse().ok())
                .collect(),
            ..ApplicationForm::default()
        };
        for (field, _, _) in TEXT_FIELDS {
            if let Some(slot) = f.text_mut(field) {
                *slot = v(field);
            }
        }
        f
    }

    /// What a draft save accepts: texts within their limits, known codes,
    /// choices among `offered` défis and at most `max_choices`.
    pub fn parse_draft(
        &self,
        profiles: &[ProfileCode],
        offered: &[i64],
        max_choices: usize,
    ) -> Result<ApplicationForm, Vec<(String, Msg)>> {
        let mut errors: Vec<(String, Msg)> = Vec::new();
        let mut clean = self.clone();
        for (field, max, _) in TEXT_FIELDS {
            let value = self.text(field).trim().replace("\r\n", "\n");
            if value.chars().count() > max {
                errors.push((field.to_owned(), Msg::TextTooLong));
            }
            if let Some(slot) = clean.text_mut(field) {
                *slot = value;
            }
        }
        let known =
            |v: &str, list: &[(&str, Msg)]| v.is_empty() || list.iter().any(|(c, _)| *c == v);
        if !known(&clean.civility, &CIVILITIES) {
            errors.push(("civility".into(), Msg::ChoiceInvalid));
        }
        if !known(&clean.experience, &EXPERIENCE_BANDS) {
            errors.push(("experience".into(), Msg::ChoiceInvalid));
        }
        if !clean.profile.is_empty() && !profiles.iter().any(|p| p.as_str() == clean.profile) {
            errors.push(("profile".into(), Msg::ChoiceInvalid));
        }
        if !matches!(clean.support_role.as_str(), "" | "oui" | "non") {
            errors.push(("support_role".into(), Msg::ChoiceInvalid));
        }
        if clean.choices.len() > max_choices {
            errors.push(("choices".into(), Msg::TooManyChoices));
        } else if clean.choices.iter().any(|c| !offered.contains(c)) {
            errors.push(("choices".into(), Msg::ChoiceInvalid));
        } else if clean
            .choices
            .iter()
            .enumerate()
            .any(|(i, c)| clean.choices[..i].contains(c))
        {
            errors.push(("choices".into(), Msg::ChoiceTwice));
        }
        if errors.is_empty() {
            Ok(clean)
        } else {
            Err(errors)
        }
    }

    /// How much of what submission requires is there, as (done, of): what
    /// coordinators see of a draft, without its content.
    pub fn completeness(&self, has_cv: bool) -> (usize, usize) {
        let mut items: Vec<bool> = TEXT_FIELDS
            .iter()
            .filter(|(_, _, required)| *required)
            .map(|(field, _, _)| !self.text(field).trim().is_empty())
            .collect();
        items.extend([
            !self.profile.is_empty(),
            !self.experience.is_empty(),
            !self.support_role.is_empty(),
            !self.choices.is_empty(),
            has_cv,
            self.decl_civil_servant,
            self.decl_student,
            self.decl_jury,
            self.consent,
        ]);
        (items.iter().filter(|done| **done).count(), items.len())
    }

    /// What submission requires on top of a valid draft. `has_cv` says
    /// whether a CV is attached; `seeks_profile(défi)` whether the défi has a
    /// slot for the chosen profile.
    pub fn check_complete(
        &self,
        has_cv: bool,
        seeks_profile: impl Fn(i64, &str) -> bool,
    ) -> Result<(), Vec<(String, Msg)>> {
        let mut errors: Vec<(String, Msg)> = Vec::new();
        for (field, _, required) in TEXT_FIELDS {
            if required && self.text(field).is_empty() {
                errors.push((field.to_owned(), Msg::FieldRequired));
            }
        }
        for field in ["portfolio_url", "code_url"] {
            let v = self.text(field);
            let web = v.starts_with("https://") || v.starts_with("http://");
            if !v.is_empty() && (!web || v.contains(char::is_whitespace)) {
                errors.push((field.to_owned(), Msg::UrlInvalid));
            }
        }
        let phone = &self.phone;
        if !phone.is_empty()
            && (!phone
                .chars()
                .all(|c| c.is_ascii_digit() || " +.-()".contains(c))
                || phone.chars().filter(char::is_ascii_digit).count() < 6)
        {
            errors.push(("phone".into(), Msg::PhoneInvalid));
        }
        if self.profile.is_empty() {
            errors.push(("profile".into(), Msg::ProfileRequired));
        }
        if self.experience.is_empty() {
            errors.push(("experience".into(), Msg::FieldRequired));
        }
        if self.support_role.is_empty() {
            errors.push(("support_role".into(), Msg::FieldRequired));
        }
        if self.choices.is_empty() {
            errors.push(("choices".into(), Msg::ChoicesRequired));
        } else if !self.profile.is_empty()
            && self
                .choices
                .iter()
                .any(|&d| !seeks_profile(d, &self.profile))
        {
            errors.push(("choices".into(), Msg::ChoiceWithoutProfile));
        }
        if !has_cv {
            errors.push(("cv".into(), Msg::CvRequired));
        }
        for field in ["decl_civil_servant", "decl_student", "decl_jury"] {
            let ticked = match field {
                "decl_civil_servant" => self.decl_civil_servant,
                "decl_student" => self.decl_student,
                _ => self.decl_jury,
            };
            if !ticked {
                errors.push((field.to_owned(), Msg::DeclarationRequired));
            }
        }
        if !self.consent {
            errors.push(("consent".into(), Msg::ConsentRequired));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// The ranks typed next to each offered défi ("1", "2", "" …) as the
/// ordered list of chosen défis: ranks must be 1, 2, … without gaps or
/// repeats.
pub fn order_choices(rows: &[(i64, String)]) -> Result<Vec<i64>, Msg> {
    let mut ranked: Vec<(u32, i64)> = Vec::new();
    for (defi, rank) in rows {
        let rank = rank.trim();
        if rank.is_empty() {
            continue;
        }
        let n: u32 = rank.parse().map_err(|_| Msg::RanksInvalid)?;
        ranked.push((n, *defi));
    }
    ranked.sort_unstable();
    for (i, (n, _)) in ranked.iter().enumerate() {
        if *n as usize != i + 1 {
            return Err(Msg::RanksInvalid);
        }
    }
    Ok(ranked.into_iter().map(|(_, d)| d).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::default_profiles;

    fn complete() -> ApplicationForm {
        ApplicationForm {
            first_name: "Ada".into(),
            last_name: "Lovelace".into(),
            phone: "+33 6 12 34 56 78".into(),
            profile: "developer".into(),
            experience: "5to10".into(),
            skills: "Rust, SQL".into(),
            experience_text: "Dix ans de code.".into(),
            motivation: "Servir le public.".into(),
            code_url: "https://git.example/ada".into(),
            support_role: "non".into(),
            choices: vec![3, 1],
            decl_civil_servant: true,
            decl_student: true,
            decl_jury: true,
            consent: true,
            ..ApplicationForm::default()
        }
    }

    #[test]
    fn a_complete_dossier_passes() {
        let f = complete()
            .parse_draft(&default_profiles(), &[1, 2, 3], 3)
            .unwrap();
        assert_eq!(f.check_complete(true, |_, _| true), Ok(()));
    }

    #[test]
    fn an_empty_draft_saves_and_submission_lists_everything() {
        let f = ApplicationForm::default()
            .parse_draft(&default_profiles(), &[1], 3)
            .unwrap();
        let errors = f.check_complete(false, |_, _| true).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            [
                "first_name",
                "last_name",
                "skills",
                "experience_text",
                "motivation",
                "profile",
                "experience",
                "support_role",
                "choices",
                "cv",
                "decl_civil_servant",
                "decl_student",
                "decl_jury",
                "consent"
            ]
        );
    }

    #[test]
    fn drafts_enforce_limits_codes_and_choices() {
        let mut f = complete();
        f.motivation = "m".repeat(3001);
        f.profile = "astronaut".into();
        f.choices = vec![1, 2, 3, 4];
        let errors = f
            .parse_draft(&default_profiles(), &[1, 2, 3, 4], 3)
            .unwrap_err();
        assert_eq!(
            errors,
            vec![
                ("motivation".into(), Msg::TextTooLong),
                ("profile".into(), Msg::ChoiceInvalid),
                ("choices".into(), Msg::TooManyChoices),
            ]
        );
        let mut f = complete();
        f.choices = vec![1, 1];
        assert_eq!(
            f.parse_draft(&default_profiles(), &[1, 2], 3),
            Err(vec![("choices".into(), Msg::ChoiceTwice)])
        );
        f.choices = vec![9];
        assert_eq!(
            f.parse_draft(&default_profiles(), &[1, 2], 3),
            Err(vec![("choices".into(), Msg::ChoiceInvalid)])
        );
    }

    #[test]
    fn completeness_counts_what_submission_requires() {
        let f = complete();
        assert_eq!(f.completeness(true), (14, 14));
        assert_eq!(f.completeness(false), (13, 14));
        assert_eq!(ApplicationForm::default().completeness(false), (0, 14));
        assert!(f.check_complete(true, |_, _| true).is_ok());
    }

    #[test]
    fn formats_and_profiles_are_checked_at_submission() {
        let mut f = complete();
        f.code_url = "git.example/ada".into();
        f.phone = "call me".into();
        let errors = f.check_complete(true, |d, _| d != 1).unwrap_err();
        assert_eq!(
            errors,
            vec![
                ("code_url".into(), Msg::UrlInvalid),
                ("phone".into(), Msg::PhoneInvalid),
                ("choices".into(), Msg::ChoiceWithoutProfile),
            ]
        );
    }

    #[test]
    fn ranks_order_the_choices() {
        let rows = |r: &[(i64, &str)]| {
            r.iter()
                .map(|(d, s)| (*d, (*s).to_owned()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            order_choices(&rows(&[(5, "2"), (7, ""), (9, "1")])),
            Ok(vec![9, 5])
        );
        assert_eq!(order_choices(&rows(&[(5, ""), (7, "")])), Ok(vec![]));
        assert_eq!(
            order_choices(&rows(&[(5, "1"), (7, "1")])),
            Err(Msg::RanksInvalid)
        );
        assert_eq!(order_choices(&rows(&[(5, "2")])), Err(Msg::RanksInvalid));
        assert_eq!(order_choices(&rows(&[(5, "x")])), Err(Msg::RanksInvalid));
    }

    #[test]
    fn fields_round_trip() {
        let f = complete();
        let map: std::collections::HashMap<String, String> = f.fields().into_iter().collect();
        assert_eq!(ApplicationForm::from_fields(|k| map.get(k).cloned()), f);
    }
}
