//! Host organisations: what kind of administration, where, and the form that
//! registers or corrects one.

use super::form::{Declared, Spec, declare_form};
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrgKind {
    /// État, administration centrale ou déconcentrée.
    State,
    /// Opérateur de l'État.
    Operator,
    /// Collectivité territoriale.
    LocalAuthority,
    /// Établissement de santé.
    Health,
    Other,
}

impl OrgKind {
    pub const ALL: [OrgKind; 5] = [
        OrgKind::State,
        OrgKind::Operator,
        OrgKind::LocalAuthority,
        OrgKind::Health,
        OrgKind::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OrgKind::State => "etat",
            OrgKind::Operator => "operateur",
            OrgKind::LocalAuthority => "collectivite",
            OrgKind::Health => "sante",
            OrgKind::Other => "autre",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> Msg {
        match self {
            OrgKind::State => Msg::OrgKindState,
            OrgKind::Operator => Msg::OrgKindOperator,
            OrgKind::LocalAuthority => Msg::OrgKindLocal,
            OrgKind::Health => Msg::OrgKindHealth,
            OrgKind::Other => Msg::OrgKindOther,
        }
    }
}

pub const ORG_NAME_MAX: usize = 160;
pub const CITY_MAX: usize = 80;

/// The kinds as the form's drop-down list offers them.
const KIND_OPTIONS: &[(&str, Msg)] = &[
    ("etat", Msg::OrgKindState),
    ("operateur", Msg::OrgKindOperator),
    ("collectivite", Msg::OrgKindLocal),
    ("sante", Msg::OrgKindHealth),
    ("autre", Msg::OrgKindOther),
];

declare_form! {
    /// What a host types to register an organisation, or a coordinator to
    /// correct one. Saved whole: what is required, the browser asks for too.
    pub struct OrganisationForm {
        OrganisationLegend {
            name: text = Spec::line(Msg::FieldOrgName, ORG_NAME_MAX)
                .autocomplete("organization")
                .always(Msg::OrgNameRequired),
            kind: text = Spec::choice(Msg::FieldOrgKind, KIND_OPTIONS, Msg::ChooseOption)
                .always(Msg::OrgKindRequired),
            city: text = Spec::line(Msg::FieldCity, CITY_MAX)
                .autocomplete("address-level2")
                .always(Msg::CityRequired),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationDraft {
    pub name: String,
    pub kind: OrgKind,
    pub city: String,
}

fn one_line(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl OrganisationForm {
    /// Every field by its form name, to carry what was typed across an
    /// error redirect.
    pub fn fields(&self) -> Vec<(String, String)> {
        self.declared_values()
    }

    /// The inverse of `fields`.
    pub fn from_fields(get: impl Fn(&str) -> Option<String>) -> Self {
        let mut form = Self::default();
        form.read_declared(&get);
        form
    }

    /// Every problem at once, each tied to its field.
    pub fn parse(&self) -> Result<OrganisationDraft, Vec<(&'static str, Msg)>> {
        let mut errors = Vec::new();
        let name = one_line(&self.name);
        if name.is_empty() {
            errors.push(("name", Msg::OrgNameRequired));
        } else if name.chars().count() > ORG_NAME_MAX {
            errors.push(("name", Msg::OrgNameTooLong));
        }
        let kind = OrgKind::from_code(self.kind.trim());
        if kind.is_none() {
            errors.push(("kind", Msg::OrgKindRequired));
        }
        let city = one_line(&self.city);
        if city.is_empty() {
            errors.push(("city", Msg::CityRequired));
        } else if city.chars().count() > CITY_MAX {
            errors.push(("city", Msg::CityTooLong));
        }
        match kind {
            Some(kind) if errors.is_empty() => Ok(OrganisationDraft { name, kind, city }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip() {
        for k in OrgKind::ALL {
            assert_eq!(OrgKind::from_code(k.code()), Some(k));
        }
        let offered: Vec<(&str, Msg)> =
            OrgKind::ALL.iter().map(|k| (k.code(), k.label())).collect();
        assert_eq!(
            offered, KIND_OPTIONS,
            "the form offers every kind, in order"
        );
        assert_eq!(OrgKind::from_code("ministere"), None);
    }

    #[test]
    fn a_good_form_parses_and_tidies_spaces() {
        let f = OrganisationForm {
            name: "  Ville   de Lyon ".into(),
            kind: "collectivite".into(),
            city: " Lyon".into(),
        };
        assert_eq!(
            f.parse(),
            Ok(OrganisationDraft {
                name: "Ville de Lyon".into(),
                kind: OrgKind::LocalAuthority,
                city: "Lyon".into()
            })
        );
    }

    #[test]
    fn every_bad_field_is_reported() {
        let f = OrganisationForm {
            name: " ".into(),
            kind: "x".into(),
            city: "a".repeat(CITY_MAX + 1),
        };
        assert_eq!(
            f.parse(),
            Err(vec![
                ("name", Msg::OrgNameRequired),
                ("kind", Msg::OrgKindRequired),
                ("city", Msg::CityTooLong)
            ])
        );
    }
}
