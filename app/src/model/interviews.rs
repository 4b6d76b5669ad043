//! What crosses the wire for interviews and jury rankings.

use crate::domain::interviews::grid::InterviewSheet;
use crate::domain::interviews::status::InterviewState;
use crate::domain::review::Criterion;
use serde::{Deserialize, Serialize};

/// The coordinators' interviews page of a promotion.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InterviewsOverview {
    pub promotion_id: i64,
    pub promotion: String,
    pub juries: Vec<JuryRow>,
    /// Candidates shortlisted: who may be proposed.
    pub shortlisted: Vec<(i64, String, String)>,
    /// Lists locked / lists expected.
    pub locked: u32,
    pub expected: u32,
    /// The promotion's interview grid; it changes until a sheet exists.
    pub grid: Vec<Criterion>,
    pub grid_open: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct JuryRow {
    pub defi_id: i64,
    pub title: String,
    pub profiles: Vec<ProfileCount>,
    pub slots: u32,
    pub free_slots: u32,
}

/// Per profile of a défi: seats, candidates proposed, lists.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ProfileCount {
    pub profile: String,
    pub seats: u32,
    pub proposed: u32,
    pub scheduled: u32,
    pub locked: bool,
}

/// A défi's jury page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct JuryPage {
    pub defi_id: i64,
    pub title: String,
    pub promotion_id: i64,
    pub promotion: String,
    /// Declares slots, runs the scheduling (coordinators and leads).
    pub can_manage: bool,
    /// Adds and removes candidates and jurors, reopens lists.
    pub coordinator: bool,
    pub members: Vec<String>,
    /// The pool's jurors invited to this jury (id, name): coordinators
    /// may take them off.
    #[serde(default)]
    pub invited: Vec<(i64, String)>,
    /// The promotion's juror pool not yet on this jury (id, name).
    pub pool: Vec<(i64, String)>,
    pub slots: Vec<SlotRow>,
    pub candidates: Vec<CandidateRow>,
    pub lists: Vec<ListView>,
    /// Candidates with no slot yet.
    pub unscheduled: u32,
    /// Shortlisted candidates coordinators may add (id, name, profile).
    pub addable: Vec<(i64, String, String)>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SlotRow {
    pub id: i64,
    /// Paris time.
    pub starts: String,
    pub day: String,
    pub minutes: u32,
    pub place: String,
    pub quorum: u32,
    pub holder: Option<String>,
    pub interview_id: Option<i64>,
    /// Who has scored this interview.
    pub scored_by: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CandidateRow {
    pub interview_id: i64,
    pub application_id: i64,
    pub name: String,
    pub profile: String,
    pub state: Option<InterviewState>,
    pub origin: String,
    pub slot: Option<String>,
    pub sheets: u32,
    pub mean: Option<f64>,
    pub spread: Option<i32>,
    pub acceptable: bool,
    /// The viewer may score (present juror, interview started, no conflict).
    pub can_score: bool,
    pub my_sheet: Option<bool>,
    /// The viewer may read the dossier (coordinators).
    pub dossier_link: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListView {
    pub profile: String,
    pub locked_at: Option<String>,
    pub rows: Vec<ListRow>,
    /// Why it cannot be locked yet (names short of the quorum).
    pub short_of_quorum: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListRow {
    pub application_id: i64,
    pub name: String,
    pub mean: Option<f64>,
    pub spread: Option<i32>,
    pub acceptable: bool,
    pub sheets: u32,
    pub rank: Option<u32>,
}

/// A scheduling run shown before it is applied.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PlanView {
    pub defi_id: i64,
    pub title: String,
    pub notice: u32,
    pub gap: u32,
    /// (candidate, slot in Paris time).
    pub placed: Vec<(String, String)>,
    /// (candidate, reason).
    pub unplaced: Vec<(String, crate::i18n::Msg)>,
    /// What the apply form sends back: the plan must not have changed.
    pub fingerprint: String,
}

/// A juror's interview sheet page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScorePage {
    pub interview_id: i64,
    pub defi_id: i64,
    pub title: String,
    pub candidate: String,
    pub profile: String,
    pub when: String,
    pub grid: Vec<Criterion>,
    pub sheet: InterviewSheet,
    pub submitted: bool,
    pub locked: bool,
}

/// A candidate's interviews.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MyInterviews {
    pub items: Vec<MyInterview>,
    /// The juries the person sits on (défi id, title).
    pub juries: Vec<(i64, String)>,
    pub feed: Option<String>,
    pub reschedule_hours: u32,
    pub cancel_hours: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MyInterview {
    pub interview_id: i64,
    pub defi_id: i64,
    pub title: String,
    pub state: Option<InterviewState>,
    pub when: Option<String>,
    pub minutes: u32,
    pub place: String,
    pub can_reschedule: bool,
    pub can_cancel: bool,
    /// Free slots the candidate may book (id, Paris time, minutes).
    pub free: Vec<(i64, String, u32)>,
}
