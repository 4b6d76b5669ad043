//! The offers log: the lists as they stood when the offers began, each
//! candidate's acceptable défis in order of preference, and every event in
//! the order it happened. It is the export coordinators download, the input
//! of `cohorte verify-offers --log`, and (from the database) what the
//! cascade replays. The format is documented in `docs/offers.md`.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Log {
    pub slots: Vec<SlotEntry>,
    pub candidates: Vec<CandidateEntry>,
    #[serde(default)]
    pub events: Vec<Event>,
}

/// A slot of a défi, named `{défi}:{profile}`, with its seats and the
/// jury's list, best first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlotEntry {
    pub slot: String,
    pub capacity: u32,
    pub list: Vec<String>,
    /// The défi was withdrawn after this event: no offer on the slot
    /// after it (its holders' seats are released in the next step).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_after: Option<u64>,
}

/// A candidate and the défis they would take, best first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CandidateEntry {
    pub id: String,
    pub choices: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A seat offered to a candidate.
    Offer,
    /// The candidate took the seat.
    Accept,
    /// The candidate said no.
    Decline,
    /// No answer by the deadline: a refusal.
    Expire,
    /// The candidate left the process: every seat and list they held.
    Withdraw,
    /// A held seat given up because the candidate accepted another.
    Release,
    /// The candidate keeps the seat they accepted and leaves every
    /// waitlist (their contract is signed): no better seat is offered to
    /// them any more. No slot.
    Renounce,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Offer,
        Kind::Accept,
        Kind::Decline,
        Kind::Expire,
        Kind::Withdraw,
        Kind::Release,
        Kind::Renounce,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Offer => "offer",
            Kind::Accept => "accept",
            Kind::Decline => "decline",
            Kind::Expire => "expire",
            Kind::Withdraw => "withdraw",
            Kind::Release => "release",
            Kind::Renounce => "renounce",
        }
    }

    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Whether the candidate gives the seat up for good.
    pub fn refuses(self) -> bool {
        matches!(self, Kind::Decline | Kind::Expire | Kind::Release)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub seq: u64,
    /// RFC 3339, UTC. Events with the same time are one step (made in one
    /// transaction): offers are checked against the state at its end.
    pub at: String,
    pub kind: Kind,
    pub candidate: String,
    /// The seat concerned; for a withdrawal, the seat held if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slot: Option<String>,
}

/// A slot's name: `{défi}:{profile}`.
pub fn slot_name(defi: &str, profile: &str) -> String {
    format!("{defi}:{profile}")
}

/// The défi part of a slot's name.
pub fn defi_of(slot: &str) -> &str {
    slot.split_once(':').map_or(slot, |(d, _)| d)
}

/// Parses a log; a syntax or type error names its JSON path.
pub fn parse_json(text: &str) -> Result<Log, String> {
    crate::domain::json::parse_with_path(text)
        .map_err(|(path, message)| format!("{path}: {message}"))
}
