//! The ten months' pages: a team's follow-up (milestones, bulletins,
//! reports), one milestone's page (its form, history and thread), the
//! coordinators' dashboard and the promotion's timeline.

use serde::{Deserialize, Serialize};

/// One milestone instance in a list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MilestoneLine {
    pub id: i64,
    pub title: String,
    /// Who fills it.
    pub filler: String,
    pub due: String,
    pub status: String,
    pub status_code: String,
    pub moved: Option<String>,
    pub waived: Option<String>,
}

/// One week's bulletin of a team.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulletinLine {
    pub id: i64,
    pub due: String,
    pub filled: bool,
    pub status: String,
    /// Only for the team and coordinators.
    pub mood: Option<String>,
    pub priority: String,
    pub ups_downs: String,
    pub help: String,
    pub author: String,
    pub at: String,
}

/// One host report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportLine {
    pub id: i64,
    pub due: String,
    pub status: String,
    /// The status's code (`late`, `submitted`, …), for its style.
    pub code: String,
    pub filled: bool,
    /// At risk or blocked.
    pub alarming: bool,
    pub report: String,
    pub progress: String,
    pub replies: u32,
}

/// A team's follow-up, on its page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    /// The viewer is of the promotion but not of the team: only what is
    /// public within the promotion.
    pub public_only: bool,
    pub milestones: Vec<MilestoneLine>,
    /// This week's bulletin, to fill (a fellow of the team).
    pub bulletin_now: Option<i64>,
    pub bulletins: Vec<BulletinLine>,
    pub reports: Vec<ReportLine>,
    /// Coordinators: links to the dashboard.
    pub promotion_id: i64,
    pub manage: bool,
}

/// How a field of a milestone's form is shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldView {
    Text { max: u32 },
    Choice { options: Vec<(String, String)> },
    Checklist { items: Vec<(String, String)> },
    Number,
    Link,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormField {
    pub name: String,
    pub label: String,
    pub view: FieldView,
    pub required: bool,
    /// The saved value (a checklist's: its ticked codes).
    pub value: String,
    pub ticked: Vec<String>,
}

/// One saved version of the answers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Version {
    pub author: String,
    pub at: String,
    /// (label, answer).
    pub lines: Vec<(String, String)>,
}

/// A milestone's page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstancePage {
    pub id: i64,
    pub defi_id: i64,
    pub team: String,
    pub promotion_id: i64,
    pub title: String,
    pub filler: String,
    pub due: String,
    pub status: String,
    pub status_code: String,
    pub moved: Option<String>,
    pub waived: Option<String>,
    pub fields: Vec<FormField>,
    pub may_fill: bool,
    /// The form's file, when it asks for one.
    pub file: Option<MilestoneFile>,
    pub manage: bool,
    pub report: bool,
    pub may_reply: bool,
    /// Newest first.
    pub versions: Vec<Version>,
    /// (author, at, text), oldest first.
    pub replies: Vec<(String, String, String)>,
    /// The due time as the move form shows it (Paris).
    pub due_day: String,
    pub due_time: String,
}

/// One cell of the dashboard's grid.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    pub code: String,
    pub sign: String,
    pub label: String,
    /// The instance to open, when there is one to act on.
    pub instance: Option<i64>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardRow {
    pub defi_id: i64,
    pub team: String,
    pub cells: Vec<Cell>,
}

/// A report at risk or blocked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alert {
    pub defi_id: i64,
    pub team: String,
    pub instance: i64,
    pub status: String,
    pub at: String,
    pub text: String,
}

/// The coordinators' dashboard of a promotion.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    pub promotion_id: i64,
    pub promotion: String,
    pub teams: u32,
    pub late: u32,
    pub due_soon: u32,
    pub alerts_count: u32,
    pub bulletins_filled: u32,
    /// The week's bulletin's due time, if one is due this week.
    pub week: String,
    /// Mean mood of the week, when at least five teams told theirs.
    pub mood: Option<String>,
    pub columns: Vec<String>,
    pub rows: Vec<DashboardRow>,
    pub alerts: Vec<Alert>,
    /// (défi, team, help needed, when).
    pub help: Vec<(i64, String, String, String)>,
}

/// A mark on the timeline.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// Days from the start.
    pub day: i32,
    pub title: String,
    pub date: String,
    pub status: String,
    pub code: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineRow {
    pub team: String,
    pub from: i32,
    pub to: i32,
    pub starts: String,
    pub ends: String,
    pub marks: Vec<Mark>,
}

/// The promotion's timeline (Gantt).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeline {
    pub promotion_id: i64,
    pub promotion: String,
    pub starts: String,
    pub ends: String,
    pub days: i32,
    pub today: Option<i32>,
    /// (day, label) of each month's first day.
    pub months: Vec<(i32, String)>,
    pub events: Vec<Mark>,
    pub rows: Vec<TimelineRow>,
}

/// One milestone of a promotion's schedule, as coordinators edit it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanRow {
    pub id: i64,
    pub title: String,
    /// The rule in words.
    pub when: String,
    pub who: String,
    pub opens_days: i32,
    pub grace_days: i32,
    pub public: bool,
    /// The kinds of rule it may take (`schedule::kinds_for`).
    pub kinds: Vec<String>,
    /// The weekly bulletin: always read by the whole promotion (its digest).
    pub public_fixed: bool,
    /// An event of the promotion (nobody fills it): it neither opens nor
    /// alerts.
    pub event: bool,
    /// The form's values for the rule (`domain::milestones::schedule`).
    pub parts: Vec<(String, String)>,
}

/// A promotion's milestone schedule.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plans {
    pub promotion_id: i64,
    pub promotion: String,
    pub rows: Vec<PlanRow>,
}

/// A milestone's file: its field's label, the file sent last, whether the
/// viewer may send one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MilestoneFile {
    pub label: String,
    pub name: Option<String>,
    pub uploaded: Option<String>,
    pub may_upload: bool,
}
