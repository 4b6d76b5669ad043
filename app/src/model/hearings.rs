//! What crosses the wire for the défi jury of the call for défis.

use crate::domain::interviews::grid::InterviewSheet;
use crate::domain::review::Criterion;
use crate::model::interviews::PlanView;
use crate::model::review::AssignPlan;
use serde::{Deserialize, Serialize};

/// The coordinators' page of a promotion's défi jury.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HearingsPage {
    pub promotion_id: i64,
    pub promotion: String,
    /// Jurors per défi asked of the assignment engine.
    pub jurors_per_defi: u32,
    /// Défis shortlisted, waiting for their hearing or the decision.
    pub shortlisted: u32,
    /// The assignment engine's plan (nothing changed until applied).
    pub assign: AssignPlan,
    /// Who hears which défi.
    pub panels: Vec<Panel>,
    pub slots: Vec<HearingSlotRow>,
    /// The scheduling run's preview, when one was asked for.
    pub plan: Option<PlanView>,
    /// The tally behind the selection decisions, best mean first.
    pub tally: Vec<TallyRow>,
    pub grid: Vec<Criterion>,
    /// No sheet yet: the grid may still change.
    pub grid_open: bool,
}

/// The jurors assigned to hear one défi.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Panel {
    pub defi_id: i64,
    pub title: String,
    pub organisation: String,
    /// Not decided yet: its jurors may still change.
    pub open: bool,
    /// (user id, name).
    pub jurors: Vec<(i64, String)>,
}

/// A hearing slot as the coordinators' page lists it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HearingSlotRow {
    pub id: i64,
    /// Paris time.
    pub when: String,
    pub minutes: i32,
    pub place: String,
    /// Started already: kept as the record, no action.
    pub past: bool,
    /// The défi heard then.
    pub defi: Option<(i64, String)>,
}

/// One défi's line of the tally.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TallyRow {
    pub defi_id: i64,
    pub title: String,
    pub organisation: String,
    pub state: crate::domain::defi::DefiState,
    /// Paris time, once scheduled.
    pub hearing: Option<String>,
    pub assigned: u32,
    pub sheets: u32,
    pub mean: Option<f64>,
    pub spread: Option<i32>,
    pub favourable: u32,
    pub unfavourable: u32,
    pub mean_rank: Option<f64>,
    pub coups: u32,
}

/// A juror's défis to hear in one promotion.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MyHearings {
    pub promotion_id: i64,
    pub promotion: String,
    pub defis: Vec<HeardDefi>,
    /// Every défi has a submitted sheet: the ranking may be fixed.
    pub may_rank: bool,
    /// Some défi is still open to sheets (before the decisions).
    pub open: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeardDefi {
    pub defi_id: i64,
    pub title: String,
    pub organisation: String,
    /// Paris time and place, once scheduled.
    pub hearing: Option<(String, String)>,
    /// No sheet, a draft, or submitted.
    pub sheet: SheetState,
    pub total: Option<i32>,
    pub rank: Option<u32>,
    pub coup: bool,
    /// Still shortlisted: its sheet and rank may change.
    #[serde(default)]
    pub open: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SheetState {
    #[default]
    None,
    Draft,
    Submitted,
}

/// A juror's sheet on one défi.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DefiSheetPage {
    pub dossier: crate::model::defi::DefiDossier,
    pub hearing: Option<(String, String)>,
    pub grid: Vec<Criterion>,
    pub sheet: InterviewSheet,
    pub submitted: bool,
    /// Sheets may still change (the défi is not decided yet).
    pub open: bool,
}
