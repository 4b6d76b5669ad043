//! The formats submission checks on a field's non-empty value.

use crate::i18n::Msg;

/// A format submission checks on a non-empty value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `http://` or `https://`, no spaces.
    Url,
    /// Digits, spaces and `+.-()`, at least six digits.
    Phone,
}

impl Format {
    pub fn accepts(self, v: &str) -> bool {
        match self {
            Format::Url => {
                (v.starts_with("https://") || v.starts_with("http://"))
                    && !v.contains(char::is_whitespace)
            }
            Format::Phone => {
                v.chars()
                    .all(|c| c.is_ascii_digit() || " +.-()".contains(c))
                    && v.chars().filter(char::is_ascii_digit).count() >= 6
            }
        }
    }

    pub fn error(self) -> Msg {
        match self {
            Format::Url => Msg::UrlInvalid,
            Format::Phone => Msg::PhoneInvalid,
        }
    }
}
