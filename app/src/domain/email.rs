//! An email address as Cohorte stores it: trimmed, lower-cased, checked for a
//! plausible shape. Deliverability is proven by the verification link, not here.

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub const MAX_LEN: usize = 254;

    pub fn parse(raw: &str) -> Result<Self, Msg> {
        // Before copying anything: a megabyte is refused at once.
        if raw.len() > 4 * Self::MAX_LEN + 64 {
            return Err(Msg::EmailInvalid);
        }
        let value = raw.trim().to_lowercase();
        if value.is_empty() {
            return Err(Msg::EmailRequired);
        }
        if value.chars().count() > Self::MAX_LEN {
            return Err(Msg::EmailInvalid);
        }
        let Some((local, domain)) = value.rsplit_once('@') else {
            return Err(Msg::EmailInvalid);
        };
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local
                .chars()
                .any(|c| c.is_whitespace() || c == '<' || c == '>' || c == '"');
        if !(domain_ok && local_ok) {
            return Err(Msg::EmailInvalid);
        }
        Ok(Self(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_and_spaces() {
        let e = Email::parse("  Camille.Dupont@Example.GOUV.fr ").unwrap();
        assert_eq!(e.as_str(), "camille.dupont@example.gouv.fr");
    }

    #[test]
    fn accepts_plus_and_accents_in_domain() {
        assert!(Email::parse("a+cohorte@numérique.gouv.fr").is_ok());
    }

    #[test]
    fn refuses_empty() {
        assert_eq!(Email::parse("   "), Err(Msg::EmailRequired));
    }

    #[test]
    fn refuses_malformed() {
        for bad in [
            "camille",
            "camille@",
            "@example.fr",
            "camille@example",
            "camille@.example.fr",
            "camille@example..fr",
            "cam ille@example.fr",
            "camille@exa mple.fr",
            "<camille>@example.fr",
        ] {
            assert_eq!(Email::parse(bad), Err(Msg::EmailInvalid), "{bad}");
        }
    }

    #[test]
    fn refuses_overlong() {
        let long = format!("{}@example.fr", "a".repeat(250));
        assert_eq!(Email::parse(&long), Err(Msg::EmailInvalid));
    }
}
