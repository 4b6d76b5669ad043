//! What crosses the wire for team formation: runs, offers, teams.

use serde::{Deserialize, Serialize};

/// The coordinators' "Constitution des équipes" page of a promotion.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormationPage {
    pub promotion_id: i64,
    pub promotion: String,
    /// Seats of selected défis whose jury has not locked a list:
    /// (défi title, profile label).
    pub lists_missing: Vec<(String, String)>,
    /// Shortlisted candidates who ranked no selected défi.
    pub rankings_missing: Vec<String>,
    pub defis: u32,
    pub candidates: u32,
    pub runs: Vec<RunRow>,
    /// The run whose offers went out, if any.
    pub validated: Option<i32>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunRow {
    pub number: i32,
    /// Paris time.
    pub at: String,
    pub by: String,
    pub placed: u32,
    pub candidates: u32,
    pub withdrawn: u32,
    pub overrides: u32,
    pub validated: bool,
}

/// One run: its result, explained, and what a coordinator may do with it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunPage {
    pub promotion_id: i64,
    pub promotion: String,
    pub number: i32,
    pub at: String,
    pub by: String,
    pub engine_version: String,
    pub validated_at: Option<String>,
    /// Another run of the promotion is validated: this one cannot be.
    pub other_validated: Option<i32>,
    pub teams: Vec<TeamDraft>,
    pub unfilled: Vec<(String, String, u32)>,
    /// (défi title, reason).
    pub withdrawn: Vec<(String, String)>,
    pub unassigned: Vec<String>,
    /// (candidate name, défi title): must be none unless an override made
    /// them.
    pub blocking: Vec<(String, String)>,
    /// (label, count) by choice rank: "1", "2", …, other, none.
    pub histogram: Vec<(String, u64)>,
    /// (candidate name, explanation in the reader's language).
    pub explanations: Vec<(String, String)>,
    pub overrides: Vec<OverrideRow>,
    pub fairness: Vec<FairnessTable>,
    /// Other runs to compare with.
    pub others: Vec<i32>,
    pub compared: Option<Comparison>,
    /// (input key, name) of every candidate, for the override form.
    pub candidates: Vec<(String, String)>,
    /// (input key, title) of every défi.
    pub defis: Vec<(String, String)>,
    pub preview: Option<OverridePreview>,
}

/// A défi's team in a run, slot by slot.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamDraft {
    pub defi_key: String,
    pub title: String,
    pub organisation: String,
    pub slots: Vec<SlotDraft>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotDraft {
    pub profile: String,
    pub capacity: u32,
    /// (name, placed by an override).
    pub people: Vec<(String, bool)>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverrideRow {
    pub candidate: String,
    /// The défi's title, or `None` for a placement removed.
    pub defi: Option<String>,
    pub reason: String,
    pub by: String,
    pub at: String,
}

/// Counts of one dimension; a count below 5 is `None` ("< 5").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FairnessTable {
    pub title: String,
    /// (label, placed, candidates).
    pub rows: Vec<(String, Option<u32>, Option<u32>)>,
}

/// Who moves between two runs: (name, défi in this run, défi in the other).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    pub other: i32,
    pub moves: Vec<(String, String, String)>,
}

/// An override shown before it is saved.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverridePreview {
    pub candidate_key: String,
    pub candidate: String,
    pub defi_key: String,
    pub defi: Option<String>,
    pub reason: String,
    /// Blocking pairs the change would create: (candidate, défi).
    pub blocking: Vec<(String, String)>,
    /// Why the change cannot be made, when it cannot.
    pub refused: Option<String>,
    /// The same refusal, for the form: its fields show it.
    #[serde(default)]
    pub refusal: Option<crate::model::AppError>,
}

/// A candidate's result in one promotion, once the run is validated.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyResult {
    pub promotion_id: i64,
    pub promotion: String,
    pub offers: Vec<OfferView>,
    /// (défi title, position on its waitlist: 1 is next).
    pub waiting: Vec<(String, u32)>,
    /// The engine's explanation, with the programme team's decision when
    /// an override concerned them.
    pub explanation: String,
    pub placement: Option<PlacementView>,
    pub talent_pool: Option<bool>,
    pub withdrawn: bool,
    /// The person may still give up (until their contract is signed).
    #[serde(default)]
    pub may_withdraw: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferView {
    pub id: i64,
    pub defi_id: i64,
    pub defi: String,
    pub organisation: String,
    /// open, accepted, declined, expired, released, withdrawn.
    pub state: String,
    /// Paris time.
    pub deadline: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacementView {
    pub defi_id: i64,
    pub defi: String,
    pub state: String,
    pub starts_on: String,
    pub ends_on: String,
}

/// The coordinators' view of a promotion's offers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffersPage {
    pub promotion_id: i64,
    pub promotion: String,
    pub run: Option<i32>,
    pub rows: Vec<OfferRow>,
    /// The audit of the log: empty when sound.
    pub violations: Vec<String>,
    /// Défis whose offers stop (id, title).
    pub blocked: Vec<(i64, String)>,
    pub exhausted: Vec<ExhaustedRow>,
    pub events: u32,
    pub placements: Vec<PlacementRow>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferRow {
    pub candidate: String,
    pub defi: String,
    pub profile: String,
    pub state: String,
    pub offered: String,
    pub deadline: String,
}

/// A list that ran out with a seat free, and who could widen it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExhaustedRow {
    pub slot: String,
    pub defi_id: i64,
    pub defi: String,
    pub profile: String,
    /// Below its minimum team or missing a mandatory profile.
    pub short: bool,
    /// (application id, name): shortlisted candidates of the profile not
    /// on the list yet.
    pub could_join: Vec<(i64, String)>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacementRow {
    pub id: i64,
    pub candidate: String,
    pub defi_id: i64,
    pub defi: String,
    pub state: String,
    pub next: Option<String>,
    /// It may still be interrupted (not ended, not interrupted).
    #[serde(default)]
    pub may_interrupt: bool,
    pub documents_sent_on: Option<String>,
    pub contract_received_on: Option<String>,
}

/// A défi's team page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamPage {
    pub defi_id: i64,
    pub title: String,
    pub organisation: String,
    pub promotion: String,
    pub starts_on: String,
    pub ends_on: String,
    /// (name, profile, email, placement state).
    pub fellows: Vec<(String, String, String, String)>,
    /// (name, role, email).
    pub hosts: Vec<(String, String, String)>,
    pub leads: String,
    pub mentor: String,
    pub seats: u32,
    pub complete: bool,
    /// The ten months: milestones, bulletins, reports.
    pub follow: crate::model::milestones::FollowUp,
}
