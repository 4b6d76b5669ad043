//! Password rules from the ANSSI and NIST advice the issue follows: long
//! enough (12 characters), not one of the most common passwords, no
//! composition rules. Hashing happens on the server; this type only proves
//! that a candidate password is acceptable.

use crate::i18n::Msg;

/// Common passwords of 12 characters or more (shorter ones are refused by the
/// length rule already). Lower-cased; compared case-insensitively.
const COMMON: &str = include_str!("common_passwords.txt");

#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

impl Password {
    pub const MIN_LEN: usize = 12;
    pub const MAX_LEN: usize = 128;

    /// `context` holds words the password must not merely repeat (the
    /// person's email and name).
    pub fn parse(raw: &str, context: &[&str]) -> Result<Self, Msg> {
        let len = raw.chars().count();
        if len == 0 {
            return Err(Msg::PasswordRequired);
        }
        if len < Self::MIN_LEN {
            return Err(Msg::PasswordTooShort);
        }
        if len > Self::MAX_LEN {
            return Err(Msg::PasswordTooLong);
        }
        let lower = raw.to_lowercase();
        let first = lower.chars().next().unwrap_or_default();
        let one_char = lower.chars().all(|c| c == first);
        let common = COMMON.lines().any(|l| l.trim() == lower);
        let repeats_context = context
            .iter()
            .map(|w| w.trim().to_lowercase())
            .filter(|w| w.chars().count() >= 4)
            .any(|w| lower == w || lower.starts_with(&w) && len - w.chars().count() < 4);
        if one_char || common || is_sequence(&lower) || repeats_context {
            return Err(Msg::PasswordTooCommon);
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// "123456789012", "abcdefghijkl": each character follows the previous one.
fn is_sequence(s: &str) -> bool {
    let codes: Vec<u32> = s.chars().map(u32::from).collect();
    codes.windows(2).all(|w| w[1] == w[0] + 1) || codes.windows(2).all(|w| w[0] == w[1] + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_a_long_passphrase_without_composition_rules() {
        assert!(Password::parse("cheval batterie agrafe", &[]).is_ok());
    }

    #[test]
    fn refuses_short_and_empty() {
        assert_eq!(Password::parse("", &[]), Err(Msg::PasswordRequired));
        assert_eq!(
            Password::parse("court-11car", &[]),
            Err(Msg::PasswordTooShort)
        );
    }

    #[test]
    fn counts_characters_not_bytes() {
        // 11 characters, 14 bytes.
        assert_eq!(
            Password::parse("ééééééabcde", &[]),
            Err(Msg::PasswordTooShort)
        );
    }

    #[test]
    fn refuses_overlong() {
        assert_eq!(
            Password::parse(&"ab".repeat(65), &[]),
            Err(Msg::PasswordTooLong)
        );
    }

    #[test]
    fn refuses_common_sequences_and_repeats() {
        for bad in [
            "motdepasse123",
            "Password1234",
            "azertyuiop123",
            "123456789012",
            "aaaaaaaaaaaa",
            "abcdefghijklm",
        ] {
            assert_eq!(
                Password::parse(bad, &[]),
                Err(Msg::PasswordTooCommon),
                "{bad}"
            );
        }
    }

    #[test]
    fn refuses_the_email_itself() {
        assert_eq!(
            Password::parse("camille@example.fr", &["camille@example.fr"]),
            Err(Msg::PasswordTooCommon)
        );
        assert_eq!(
            Password::parse("camille@example.fr1", &["camille@example.fr"]),
            Err(Msg::PasswordTooCommon)
        );
    }

    #[test]
    fn debug_hides_the_secret() {
        let p = Password::parse("cheval batterie agrafe", &[]).unwrap();
        assert_eq!(format!("{p:?}"), "Password(***)");
    }
}
