//! The input format (also the `cohorte match` JSON format) and its
//! deserialisation with the JSON path of any error.

use serde::{Deserialize, Serialize};

fn two() -> u32 {
    2
}
fn three() -> u32 {
    3
}
fn yes() -> bool {
    true
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    pub defis: Vec<DefiIn>,
    pub candidates: Vec<CandidateIn>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefiIn {
    pub id: String,
    #[serde(default = "two")]
    pub min_team: u32,
    #[serde(default = "three")]
    pub max_team: u32,
    pub slots: Vec<SlotIn>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlotIn {
    pub profile: String,
    pub capacity: u32,
    #[serde(default = "yes")]
    pub mandatory: bool,
    /// The jury's ranked list of acceptable candidates, best first.
    #[serde(default)]
    pub ranking: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CandidateIn {
    pub id: String,
    pub profile: String,
    /// Défis in order of preference, best first.
    #[serde(default)]
    pub choices: Vec<String>,
    /// Also accepts, after their own choices, the défis whose jury listed
    /// them for their profile.
    #[serde(default)]
    pub open_to_others: bool,
}

/// A precise error: where in the JSON, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InputError {
    /// JSON path, e.g. `defis[0].slots[1].ranking[2]`; `.` for the document.
    pub path: String,
    pub message: String,
}

impl InputError {
    pub(crate) fn at(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for InputError {}

/// Parses the JSON format; a syntax or type error names its path.
pub fn parse_json(text: &str) -> Result<Input, InputError> {
    crate::domain::json::parse_with_path(text)
        .map_err(|(path, message)| InputError::at(path, message))
}
