//! What crosses the wire for the review of applications.

use crate::domain::review::{Criterion, ScoreSheet};
use serde::{Deserialize, Serialize};

/// The coordinators' pre-selection page of a promotion.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StagePage {
    pub promotion_id: i64,
    pub promotion: String,
    /// The settings as the form shows them (Paris time).
    pub opens_at: String,
    pub closes_at: String,
    pub blind: bool,
    pub see_reviews: String,
    pub see_names: bool,
    pub reviews_per_dossier: u32,
    pub max_load: String,
    pub disagreement_threshold: u32,
    pub reveal: bool,
    pub reveal_deadline: String,
    pub open: bool,
    pub criteria: Vec<Criterion>,
    /// A mark was given: the rubric can no longer change.
    pub frozen: bool,
    pub jurors: Vec<JurorRow>,
    pub invited: Vec<String>,
    /// Dossiers to review (submitted or in review).
    pub dossiers: u32,
    pub assignments: u32,
    pub reviews_submitted: u32,
    pub profiles: Vec<String>,
    /// Every organisation (id, name): where a juror may work.
    pub organisations: Vec<(i64, String)>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JurorRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub profiles: Vec<String>,
    pub max_load: Option<i32>,
    /// The administration the juror works for (conflict detection).
    pub organisation: Option<i64>,
    pub assigned: u32,
    pub submitted: u32,
    pub declared: bool,
    pub removed: bool,
}

/// A proposed assignment, before it is applied.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignPlan {
    pub promotion_id: i64,
    pub feasible: bool,
    /// Why there is no plan, in the reader's language.
    pub reason: Option<String>,
    /// Juror, existing load, load after the plan.
    pub loads: Vec<(String, u32, u32)>,
    pub to_add: u32,
    pub existing: u32,
    pub dossiers: u32,
    pub profile_covered: u32,
    /// Dossiers whose profile no juror of the pool has.
    pub without_peer: u32,
    /// What the apply form sends back (the défi jury's assignment): the
    /// plan must not have changed.
    #[serde(default)]
    pub fingerprint: String,
    /// The pool's jurors (id, name) by name, for the by-hand form.
    #[serde(default)]
    pub jurors: Vec<(i64, String)>,
}

/// A juror's home.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JuryHome {
    pub promotions: Vec<JuryPromotion>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JuryPromotion {
    pub promotion_id: i64,
    pub name: String,
    pub declared: bool,
    /// Likely conflicts detected on dossiers that came after the
    /// declaration, to confirm or reject (`conflicts::pending`).
    #[serde(default)]
    pub pending: u32,
    /// Défis of the call for défis this juror hears.
    #[serde(default)]
    pub hearings: u32,
    pub open: bool,
    pub opens_at: Option<String>,
    pub closes_at: Option<String>,
    pub dossiers: Vec<JuryDossierRow>,
    pub done: u32,
    /// The next dossier to review: the least-reviewed of those to do.
    pub next: Option<i64>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JuryDossierRow {
    pub application_id: i64,
    /// "Dossier n° 12" in blind mode, else the applicant's name.
    pub label: String,
    pub profile: String,
    pub done: bool,
    pub started: bool,
}

/// What a juror declares conflicts on: names only, never content.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictsPage {
    pub promotion_id: i64,
    pub promotion: String,
    /// Which list of applicants was shown (its lines are numbered).
    pub fingerprint: String,
    pub declared: bool,
    pub applicants: Vec<ConflictLine>,
    pub organisations: Vec<ConflictLine>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictLine {
    /// The line's number (applicants) or the organisation's id.
    pub id: i64,
    pub name: String,
    /// The declared kind's code, if any.
    pub kind: Option<String>,
    /// Why Cohorte thinks there may be a conflict (`Detected` codes).
    pub detected: Vec<String>,
}

/// A dossier as a juror reads it, with their sheet.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct JuryDossier {
    pub application_id: i64,
    pub promotion_id: i64,
    pub label: String,
    pub blind: bool,
    /// (label, value) lines the stage allows, in the reader's language.
    pub lines: Vec<(String, String)>,
    /// The CV's attachment id and file name (never in blind mode).
    pub cv: Option<(i64, String)>,
    pub criteria: Vec<Criterion>,
    pub sheet: ScoreSheet,
    pub submitted: bool,
    pub open: bool,
    pub others: Vec<OtherReview>,
    pub others_hidden: bool,
    pub next: Option<i64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OtherReview {
    /// Another juror's name, when the stage shows names.
    pub juror: Option<String>,
    /// By a juror since removed from the pool (the review still counts).
    #[serde(default)]
    pub removed: bool,
    /// By a juror now in conflict with the dossier: not counted (only
    /// coordinators see it).
    #[serde(default)]
    pub conflicted: bool,
    pub total: f64,
    pub verdict: Option<String>,
    pub sheet: ScoreSheet,
}

/// A dossier's reviews as coordinators read them: every submitted one,
/// with its juror's name and standing, and the aggregates.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DossierReviews {
    pub criteria: Vec<Criterion>,
    pub reviews: Vec<OtherReview>,
    pub aggregate: crate::domain::review::aggregate::Aggregate,
}

/// The aggregates table's filters and sort (the page's query string).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultsQuery {
    pub profile: Option<String>,
    /// Only the dossiers whose reviews disagree.
    pub disagreement: bool,
    /// normalise (default), moyenne, mediane, ecart, avis, coups, nom.
    pub sort: String,
    /// Tick the first N of each profile in this order.
    pub top: Option<u32>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Results {
    pub promotion_id: i64,
    pub criteria: Vec<String>,
    pub rows: Vec<ResultRow>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub profile: String,
    pub state: crate::domain::application::ApplicationState,
    pub aggregate: crate::domain::review::aggregate::Aggregate,
    /// Per criterion (in the rubric's order), its mean.
    pub criteria: Vec<Option<f64>>,
    /// Ticked by "first N per profile".
    #[serde(default)]
    pub selected: bool,
}

/// The two-step reveal, as a shortlisted applicant sees it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevealView {
    pub application_id: i64,
    /// Paris time.
    pub deadline: String,
    pub open: bool,
    pub max_choices: u32,
    /// The published défis that seek the applicant's profile.
    pub offered: Vec<(i64, String, String)>,
    /// The current ranking, best first.
    pub choices: Vec<i64>,
    /// The applicant ranked since being shortlisted.
    pub done: bool,
}
