//! The name a person gives at sign-up, shown to coordinators and in emails.

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonName(String);

impl PersonName {
    pub const MAX_LEN: usize = 120;

    pub fn parse(raw: &str) -> Result<Self, Msg> {
        // Collapse inner runs of spaces so "Camille   Dupont" is stored once.
        let value = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if value.is_empty() {
            return Err(Msg::NameRequired);
        }
        if value.chars().count() > Self::MAX_LEN {
            return Err(Msg::NameTooLong);
        }
        if value
            .chars()
            .any(|c| c.is_control() || c == '<' || c == '>')
        {
            return Err(Msg::NameInvalid);
        }
        Ok(Self(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_spaces() {
        assert_eq!(
            PersonName::parse("  Camille   Dupont ").unwrap().as_str(),
            "Camille Dupont"
        );
    }

    #[test]
    fn keeps_accents_and_hyphens() {
        assert!(PersonName::parse("Élise Le Goff-Nguyễn").is_ok());
    }

    #[test]
    fn refuses_empty_long_and_markup() {
        assert_eq!(PersonName::parse(" "), Err(Msg::NameRequired));
        assert_eq!(PersonName::parse(&"a".repeat(121)), Err(Msg::NameTooLong));
        assert_eq!(PersonName::parse("<script>"), Err(Msg::NameInvalid));
    }
}
