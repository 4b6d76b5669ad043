//! Profiles a promotion offers (the list is per promotion; these are the
//! defaults from the EIG programme).

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

/// A profile code: lower-case letters, digits and underscores, 2 to 40
/// characters (`developer`, `data_scientist`…).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ProfileCode(String);

impl ProfileCode {
    pub fn parse(raw: &str) -> Result<Self, Msg> {
        let v = raw.trim();
        let ok = (2..=40).contains(&v.len())
            && v.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            && v.as_bytes()[0].is_ascii_lowercase();
        if ok {
            Ok(Self(v.to_owned()))
        } else {
            Err(Msg::ProfileInvalid)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The programme's name for a default profile; `None` for a custom one.
    pub fn label(&self) -> Option<Msg> {
        DEFAULT_PROFILES
            .iter()
            .find(|(code, _)| *code == self.0)
            .map(|&(_, msg)| msg)
    }
}

pub const DEFAULT_PROFILES: [(&str, Msg); 6] = [
    ("developer", Msg::ProfileDeveloper),
    ("data_scientist", Msg::ProfileDataScientist),
    ("data_engineer", Msg::ProfileDataEngineer),
    ("designer", Msg::ProfileDesigner),
    ("digital_law", Msg::ProfileDigitalLaw),
    ("geomatician", Msg::ProfileGeomatician),
];

pub fn default_profiles() -> Vec<ProfileCode> {
    DEFAULT_PROFILES
        .iter()
        .map(|(code, _)| ProfileCode((*code).to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_codes_with_labels() {
        for p in default_profiles() {
            assert_eq!(ProfileCode::parse(p.as_str()).as_ref(), Ok(&p));
            assert!(p.label().is_some());
        }
    }

    #[test]
    fn codes_are_checked() {
        assert!(ProfileCode::parse("ux_researcher").is_ok());
        for bad in ["", "x", "Data", "data scientist", "1dev", "dév"] {
            assert_eq!(ProfileCode::parse(bad), Err(Msg::ProfileInvalid), "{bad}");
        }
        assert_eq!(ProfileCode::parse("ux_researcher").unwrap().label(), None);
    }
}
