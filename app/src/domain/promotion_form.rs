//! What a coordinator types to create or edit a promotion, parsed once into
//! a `PromotionDraft` that cannot be invalid.

use super::form::{Declared, Spec, declare_form};
use super::profile::ProfileCode;
use super::promotion::{Calendar, parse_date, parse_paris};
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

declare_form! {
    /// The raw form, field by field (the names are the form's `name`s),
    /// section by section as the coordinator sees it. Saved whole in one
    /// go: what is required, the browser asks for too.
    pub struct PromotionForm {
        PromotionLegend {
            name: text = Spec::line(Msg::FieldPromotionName, NAME_MAX).always(Msg::PromotionNameRequired),
            description: text = Spec::text(Msg::FieldDescription, DESCRIPTION_MAX, 4).hint(Msg::DescriptionHint),
        }
        CalendarLegend {
            defis_open: text = date_time(Msg::FieldDefisOpen),
            defis_close: text = date_time(Msg::FieldDefisClose),
            applications_open: text = date_time(Msg::FieldApplicationsOpen),
            applications_close: text = date_time(Msg::FieldApplicationsClose),
            start_date: text = Spec::line(Msg::FieldStartDate, 10).input("date").always(Msg::DateRequired),
            duration_months: text = number_field(Msg::FieldDuration, Msg::DurationInvalid),
        }
        TeamLegend {
            team_min: text = number_field(Msg::FieldTeamMin, Msg::TeamSizeInvalid),
            team_max: text = number_field(Msg::FieldTeamMax, Msg::TeamSizeInvalid),
            max_choices: text = number_field(Msg::FieldMaxChoices, Msg::MaxChoicesInvalid),
        }
        ProfilesLegend {}
    }
    extra {
        /// The profile codes ticked, rendered and checked by this file's
        /// code and the page.
        pub profiles: Vec<String>,
    }
}

const fn date_time(label: Msg) -> Spec {
    Spec::line(label, 16)
        .input("datetime-local")
        .hint(Msg::DateTimeHint)
        .always(Msg::DateRequired)
}

const fn number_field(label: Msg, invalid: Msg) -> Spec {
    Spec::line(label, 3).input("number").always(invalid)
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromotionDraft {
    pub name: String,
    pub description: String,
    pub calendar: Calendar,
    pub team_min: u32,
    pub team_max: u32,
    pub max_choices: u32,
    pub profiles: Vec<ProfileCode>,
}

pub const NAME_MAX: usize = 120;
pub const DESCRIPTION_MAX: usize = 600;

fn number(raw: &str, range: std::ops::RangeInclusive<u32>, err: Msg) -> Result<u32, Msg> {
    raw.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or(err)
}

impl PromotionForm {
    /// Every field by its form name (the profiles joined by commas), to
    /// carry what was typed across an error redirect.
    pub fn fields(&self) -> Vec<(String, String)> {
        let mut out = self.declared_values();
        out.push(("profiles".to_owned(), self.profiles.join(",")));
        out
    }

    /// The inverse of `fields`.
    pub fn from_fields(get: impl Fn(&str) -> Option<String>) -> Self {
        let mut form = Self {
            profiles: get("profiles")
                .unwrap_or_default()
                .split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            ..Self::default()
        };
        form.read_declared(&get);
        form
    }
}

impl PromotionForm {
    /// What the form posts: its fields flat, the profiles ticked as a list.
    pub fn from_posted(posted: &super::form::Posted) -> Self {
        Self {
            profiles: posted
                .list("profiles")
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect(),
            ..Self::from_fields(|k| posted.get(k))
        }
    }
}

fn take<T>(
    errors: &mut Vec<(&'static str, Msg)>,
    field: &'static str,
    r: Result<T, Msg>,
) -> Option<T> {
    r.map_err(|m| errors.push((field, m))).ok()
}

impl PromotionForm {
    /// Every problem at once, each tied to its field.
    pub fn parse(&self) -> Result<PromotionDraft, Vec<(&'static str, Msg)>> {
        let mut errors: Vec<(&'static str, Msg)> = Vec::new();
        let name = self.name.split_whitespace().collect::<Vec<_>>().join(" ");
        let name = take(
            &mut errors,
            "name",
            if name.is_empty() {
                Err(Msg::PromotionNameRequired)
            } else if name.chars().count() > NAME_MAX {
                Err(Msg::PromotionNameTooLong)
            } else {
                Ok(name)
            },
        );
        let description = self.description.trim().to_owned();
        let description = take(
            &mut errors,
            "description",
            if description.chars().count() > DESCRIPTION_MAX {
                Err(Msg::DescriptionTooLong)
            } else {
                Ok(description)
            },
        );
        let defis_open = take(&mut errors, "defis_open", parse_paris(&self.defis_open));
        let defis_close = take(&mut errors, "defis_close", parse_paris(&self.defis_close));
        let applications_open = take(
            &mut errors,
            "applications_open",
            parse_paris(&self.applications_open),
        );
        let applications_close = take(
            &mut errors,
            "applications_close",
            parse_paris(&self.applications_close),
        );
        let start = take(&mut errors, "start_date", parse_date(&self.start_date));
        // The four numbers: each between 1 and its maximum.
        let mut num =
            |field, raw: &str, max, msg| take(&mut errors, field, number(raw, 1..=max, msg));
        let duration = num(
            "duration_months",
            &self.duration_months,
            36,
            Msg::DurationInvalid,
        );
        let team_min = num("team_min", &self.team_min, 10, Msg::TeamSizeInvalid);
        let team_max = num("team_max", &self.team_max, 10, Msg::TeamSizeInvalid);
        let max_choices = num("max_choices", &self.max_choices, 10, Msg::MaxChoicesInvalid);
        let mut profiles: Vec<ProfileCode> = Vec::new();
        for raw in &self.profiles {
            if let Some(p) = take(&mut errors, "profiles", ProfileCode::parse(raw))
                && !profiles.contains(&p)
            {
                profiles.push(p);
            }
        }
        if profiles.is_empty() && !errors.iter().any(|(f, _)| *f == "profiles") {
            errors.push(("profiles", Msg::ProfilesRequired));
        }
        if let (Some(min), Some(max)) = (team_min, team_max)
            && min > max
        {
            errors.push(("team_max", Msg::TeamMaxBelowMin));
        }
        let calendar = match (
            defis_open,
            defis_close,
            applications_open,
            applications_close,
            start,
            duration,
        ) {
            (Some(a), Some(b), Some(c), Some(d), Some(start), Some(duration_months)) => {
                let cal = Calendar {
                    defis_open: a,
                    defis_close: b,
                    applications_open: c,
                    applications_close: d,
                    start,
                    duration_months,
                };
                errors.extend(cal.problems());
                Some(cal)
            }
            _ => None,
        };
        match (
            errors.is_empty(),
            name,
            description,
            calendar,
            team_min,
            team_max,
            max_choices,
        ) {
            (
                true,
                Some(name),
                Some(description),
                Some(calendar),
                Some(team_min),
                Some(team_max),
                Some(max_choices),
            ) => Ok(PromotionDraft {
                name,
                description,
                calendar,
                team_min,
                team_max,
                max_choices,
                profiles,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> PromotionForm {
        PromotionForm {
            name: " EIG 7  — 2027 ".into(),
            description: "Dixième promotion.".into(),
            defis_open: "2027-02-01T09:00".into(),
            defis_close: "2027-04-15T23:59".into(),
            applications_open: "2027-03-01T09:00".into(),
            applications_close: "2027-05-07T23:59".into(),
            start_date: "2027-09-15".into(),
            duration_months: "10".into(),
            team_min: "2".into(),
            team_max: "3".into(),
            max_choices: "3".into(),
            profiles: vec!["developer".into(), "designer".into(), "developer".into()],
        }
    }

    #[test]
    fn a_complete_form_parses() {
        let d = form().parse().unwrap();
        assert_eq!(d.name, "EIG 7 — 2027");
        assert_eq!(d.profiles.len(), 2, "duplicates dropped");
        assert_eq!(d.calendar.duration_months, 10);
    }

    #[test]
    fn every_problem_is_reported_on_its_field() {
        let mut f = form();
        f.name = "  ".into();
        f.defis_close = "2027-01-15T10:00".into();
        f.applications_close = "2027-09-20T10:00".into();
        f.team_min = "3".into();
        f.team_max = "2".into();
        f.max_choices = "0".into();
        f.profiles = vec![];
        let errors = f.parse().unwrap_err();
        for expected in [
            ("name", Msg::PromotionNameRequired),
            ("defis_close", Msg::WindowClosesBeforeOpen),
            ("applications_close", Msg::ApplicationsCloseAfterStart),
            ("team_max", Msg::TeamMaxBelowMin),
            ("max_choices", Msg::MaxChoicesInvalid),
            ("profiles", Msg::ProfilesRequired),
        ] {
            assert!(errors.contains(&expected), "{expected:?} in {errors:?}");
        }
    }

    #[test]
    fn fields_round_trip() {
        let f = form();
        let fields = f.fields();
        let back = PromotionForm::from_fields(|k| {
            fields
                .iter()
                .find(|(name, _)| *name == k)
                .map(|(_, v)| v.clone())
        });
        assert_eq!(back, f);
    }

    #[test]
    fn unparsable_values_are_refused() {
        let mut f = form();
        f.start_date = "15/09/2027".into();
        f.duration_months = "dix".into();
        f.profiles = vec!["Data Scientist".into()];
        let errors = f.parse().unwrap_err();
        assert!(errors.contains(&("start_date", Msg::DateInvalid)));
        assert!(errors.contains(&("duration_months", Msg::DurationInvalid)));
        assert!(errors.contains(&("profiles", Msg::ProfileInvalid)));
    }
}
