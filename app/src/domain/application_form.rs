//! The application dossier as the applicant types it: parsed leniently for
//! a draft (limits only, so that an unfinished dossier always saves) and
//! checked completely at submission, every problem tied to its field.

use super::form::{Declared, FieldErrors, Format, Spec, declare_form};
use super::profile::ProfileCode;
use crate::i18n::Msg;

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

pub const GENDERS: [(&str, Msg); 3] = [
    ("femme", Msg::GenderWoman),
    ("homme", Msg::GenderMan),
    ("autre", Msg::GenderOther),
];

pub const YES_NO: [(&str, Msg); 2] = [("oui", Msg::Yes), ("non", Msg::No)];

declare_form! {
    /// The application dossier, section by section as the applicant sees it.
    pub struct ApplicationForm {
        IdentityLegend {
            civility: text = Spec::choice(Msg::FieldCivility, &CIVILITIES, Msg::NotSaid),
            first_name: text = Spec::line(Msg::FieldFirstName, 80).required().autocomplete("given-name"),
            last_name: text = Spec::line(Msg::FieldLastName, 80).required().autocomplete("family-name"),
            phone: text = Spec::line(Msg::FieldPhone, 30).input("tel").autocomplete("tel").format(Format::Phone),
            gender: text = Spec::choice(Msg::FieldGender, &GENDERS, Msg::NotSaid).hint(Msg::GenderHint),
        }
        ProfileLegend {
            profile: text = Spec::given(Msg::FieldProfile, Msg::ChooseOption).required_with(Msg::ProfileRequired),
            experience: text = Spec::choice(Msg::FieldExperience, &EXPERIENCE_BANDS, Msg::ChooseOption).required(),
            skills: text = Spec::text(Msg::FieldSkills, 1000, 3).required(),
            experience_text: text = Spec::text(Msg::FieldExperienceText, 3000, 6).required(),
            motivation: text = Spec::text(Msg::FieldMotivation, 3000, 6).required(),
            portfolio_url: text = Spec::line(Msg::FieldPortfolioUrl, 300).input("url").format(Format::Url),
            code_url: text = Spec::line(Msg::FieldCodeUrl, 300).input("url").format(Format::Url),
        }
        MobilityLegend {
            mobility: text = Spec::line(Msg::FieldMobility, 300).hint(Msg::MobilityHint),
            remote: flag = Spec::check(Msg::FieldRemote),
            support_role: text = Spec::choice(Msg::FieldSupportRole, &YES_NO, Msg::ChooseOption)
                .required()
                .hint(Msg::SupportRoleHint),
        }
        ChoicesLegend {}
        DeclarationsLegend {
            decl_civil_servant: flag = Spec::declaration(Msg::DeclCivilServant, Msg::DeclarationRequired),
            decl_student: flag = Spec::declaration(Msg::DeclStudent, Msg::DeclarationRequired),
            decl_jury: flag = Spec::declaration(Msg::DeclJury, Msg::DeclarationRequired),
            consent: flag = Spec::declaration(Msg::ConsentLabel, Msg::ConsentRequired),
        }
    }
    extra {
        /// Défi ids in the applicant's order of preference.
        pub choices: Vec<i64>,
    }
}

/// Where the choices' and the CV's errors stand on the page.
const PLACES: [(&str, Msg); 1] = [("choices", Msg::ChoicesLegend)];

impl ApplicationForm {
    /// What the dossier page calls field `name` (the error summary's
    /// entries): a declared field's label, the choices, the files.
    pub fn summary_label(name: &str) -> Option<Msg> {
        Self::label_of(name).or(match name {
            "choices" => Some(Msg::ChoicesLegend),
            "cv" => Some(Msg::FieldCv),
            "portfolio" => Some(Msg::FieldPortfolio),
            _ => None,
        })
    }

    /// Every field by its form name, to keep what was typed across an error
    /// redirect. Choices are "id,id,id"; checkboxes "on" or "".
    pub fn fields(&self) -> Vec<(String, String)> {
        let mut out = self.declared_values();
        out.push((
            "choices".to_owned(),
            self.choices
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(","),
        ));
        out
    }

    pub fn from_fields(get: impl Fn(&str) -> Option<String>) -> Self {
        let mut f = ApplicationForm {
            choices: get("choices")
                .unwrap_or_default()
                .split(',')
                .filter_map(|c| c.trim().parse().ok())
                .collect(),
            ..ApplicationForm::default()
        };
        f.read_declared(&get);
        f
    }

    /// What a draft save accepts: texts within their limits, known codes,
    /// choices among `offered` défis and at most `max_choices`.
    pub fn parse_draft(
        &self,
        profiles: &[ProfileCode],
        offered: &[i64],
        max_choices: usize,
    ) -> Result<ApplicationForm, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut clean = self.clone();
        clean.tidy_declared(&mut errors);
        if !clean.profile.is_empty() && !profiles.iter().any(|p| p.as_str() == clean.profile) {
            errors.push(("profile".into(), Msg::ChoiceInvalid));
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

    /// `parse_draft`, except that choices the draft cannot hold (a défi
    /// withdrawn since the page opened, too many) do not refuse the rest:
    /// the draft without its choices, and the choices' error (the caller
    /// keeps the stored ranking and says why).
    pub fn parse_draft_keeping_choices(
        &self,
        profiles: &[ProfileCode],
        offered: &[i64],
        max_choices: usize,
    ) -> Result<(ApplicationForm, Option<Msg>), FieldErrors> {
        match self.parse_draft(profiles, offered, max_choices) {
            Ok(clean) => Ok((clean, None)),
            Err(errors) if errors.iter().all(|(f, _)| f == "choices") => {
                let without = ApplicationForm {
                    choices: Vec::new(),
                    ..self.clone()
                };
                let clean = without.parse_draft(profiles, offered, max_choices)?;
                Ok((clean, errors.first().map(|e| e.1)))
            }
            Err(errors) => Err(errors),
        }
    }

    /// How much of what submission requires is there, as (done, of): what
    /// coordinators see of a draft, without its content.
    pub fn completeness(&self, has_cv: bool) -> (usize, usize) {
        let (done, of) = self.required_filled();
        let others = [!self.choices.is_empty(), has_cv];
        (
            done + others.iter().filter(|d| **d).count(),
            of + others.len(),
        )
    }

    /// What submission requires on top of a valid draft, in the page's
    /// order. `has_cv` says whether a CV is attached; `seeks_profile(défi)`
    /// whether the défi has a slot for the chosen profile: one error per
    /// chosen défi that has none, in the order of the choices (the service
    /// names each, `AppError::naming`).
    pub fn check_complete(
        &self,
        has_cv: bool,
        seeks_profile: impl Fn(i64, &str) -> bool,
    ) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        self.check_declared(&mut errors);
        if self.choices.is_empty() {
            errors.push(("choices".into(), Msg::ChoicesRequired));
        }
        errors.extend(
            self.unfit_choices(seeks_profile)
                .map(|_| ("choices".into(), Msg::ChoiceWithoutProfile)),
        );
        if !has_cv {
            errors.push(("cv".into(), Msg::CvRequired));
        }
        Self::sort_errors(&mut errors);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// `errors` in the page's order (stable: entries of one field keep
    /// theirs), as the error summary lists them.
    pub fn sort_errors(errors: &mut FieldErrors) {
        Self::in_page_order(errors, &PLACES);
    }

    /// The chosen défis that do not seek the chosen profile, in the order
    /// of the choices (none while no profile is chosen).
    pub fn unfit_choices(
        &self,
        seeks_profile: impl Fn(i64, &str) -> bool,
    ) -> impl Iterator<Item = i64> {
        let profile = self.profile.clone();
        self.choices
            .clone()
            .into_iter()
            .filter(move |&d| !profile.is_empty() && !seeks_profile(d, &profile))
    }
}

/// The ranks typed next to each offered défi ("1", "2", "" …) as the
/// ordered list of chosen défis: ranks must be 1, 2, … without gaps or
/// repeats. When they are not, the error says which rule is broken.
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
    if ranked.windows(2).any(|w| w[0].0 == w[1].0) {
        return Err(Msg::RanksRepeated);
    }
    for (i, (n, _)) in ranked.iter().enumerate() {
        if *n as usize != i + 1 {
            return Err(Msg::RanksGap);
        }
    }
    Ok(ranked.into_iter().map(|(_, d)| d).collect())
}

/// The défis given any rank, in the table's order: what the applicant
/// chose while the ranks themselves are wrong (to check the rest).
pub fn ranked_any(rows: &[(i64, String)]) -> Vec<i64> {
    rows.iter()
        .filter(|(_, rank)| !rank.trim().is_empty())
        .map(|(d, _)| *d)
        .collect()
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
            // The page's order, as the error summary lists them; the CV is
            // attached below the form.
            [
                "first_name",
                "last_name",
                "profile",
                "experience",
                "skills",
                "experience_text",
                "motivation",
                "support_role",
                "choices",
                "decl_civil_servant",
                "decl_student",
                "decl_jury",
                "consent",
                "cv"
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
    fn choices_the_draft_cannot_hold_leave_the_rest_saved() {
        let mut f = complete();
        f.choices = vec![9];
        let (clean, refused) = f
            .parse_draft_keeping_choices(&default_profiles(), &[1, 2], 3)
            .unwrap();
        assert_eq!(
            (clean.choices.len(), refused),
            (0, Some(Msg::ChoiceInvalid))
        );
        assert_eq!(clean.motivation, f.motivation);
        f.profile = "astronaut".into();
        assert!(
            f.parse_draft_keeping_choices(&default_profiles(), &[1, 2], 3)
                .is_err(),
            "another field's error still refuses the draft"
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
        f.choices = vec![3, 1, 2];
        // Every problem at once, in the page's order; one entry per chosen
        // défi without the profile, in the order of the choices.
        let errors = f.check_complete(false, |d, _| d == 1).unwrap_err();
        assert_eq!(
            errors,
            vec![
                ("phone".into(), Msg::PhoneInvalid),
                ("code_url".into(), Msg::UrlInvalid),
                ("choices".into(), Msg::ChoiceWithoutProfile),
                ("choices".into(), Msg::ChoiceWithoutProfile),
                ("cv".into(), Msg::CvRequired),
            ]
        );
        assert_eq!(f.unfit_choices(|d, _| d == 1).collect::<Vec<_>>(), [3, 2]);
        f.profile.clear();
        assert_eq!(f.unfit_choices(|_, _| false).count(), 0);
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
            Err(Msg::RanksRepeated)
        );
        assert_eq!(order_choices(&rows(&[(5, "2")])), Err(Msg::RanksGap));
        assert_eq!(
            order_choices(&rows(&[(5, "1"), (7, "3")])),
            Err(Msg::RanksGap)
        );
        assert_eq!(
            ranked_any(&rows(&[(5, "1"), (7, ""), (9, "1")])),
            vec![5, 9]
        );
        assert_eq!(order_choices(&rows(&[(5, "x")])), Err(Msg::RanksInvalid));
    }

    #[test]
    fn fields_round_trip() {
        let f = complete();
        let map: std::collections::HashMap<String, String> = f.fields().into_iter().collect();
        assert_eq!(ApplicationForm::from_fields(|k| map.get(k).cloned()), f);
    }
}
