//! Défis as pages show them: rows of lists, the whole dossier (host and
//! coordinators), the public sheet.

use crate::domain::defi::{Decision, DefiState};
use crate::domain::defi_form::DefiForm;
use crate::domain::organisation::OrgKind;
use crate::domain::profile::ProfileCode;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefiRow {
    pub id: i64,
    pub title: String,
    pub organisation: String,
    pub organisation_kind: OrgKind,
    pub city: String,
    pub promotion_id: i64,
    pub promotion_name: String,
    pub state: DefiState,
    pub published: bool,
    pub profiles: Vec<ProfileCode>,
    pub submitted_at: Option<DateTime<Utc>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentView {
    pub name: String,
    pub size: i64,
    pub uploaded_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefiEventView {
    /// `submitted`, `published` or a `Decision` code.
    pub kind: String,
    pub message: String,
    pub at: DateTime<Utc>,
}

/// The whole dossier, for the organisation's members and coordinators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefiDossier {
    pub id: i64,
    pub promotion_id: i64,
    pub promotion_name: String,
    pub profiles: Vec<ProfileCode>,
    pub team_min: u32,
    pub team_max: u32,
    pub call_close: DateTime<Utc>,
    pub organisation_id: i64,
    pub organisation: String,
    pub organisation_kind: OrgKind,
    pub city: String,
    pub state: DefiState,
    pub form: DefiForm,
    pub version: i32,
    pub published: bool,
    pub submitted_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub pitch_deck: Option<AttachmentView>,
    /// Newest first.
    pub events: Vec<DefiEventView>,
    /// What the viewer may do, decided by the policy on the server.
    pub may_edit: bool,
    pub decisions: Vec<Decision>,
    pub may_publish: bool,
    /// Its hearing before the défi jury (Paris time, place), once
    /// scheduled.
    #[serde(default)]
    pub hearing: Option<(String, String)>,
}

impl DefiDossier {
    /// The latest request for information, shown to the host.
    pub fn info_request(&self) -> Option<&DefiEventView> {
        (self.state == DefiState::InfoRequested)
            .then(|| {
                self.events
                    .iter()
                    .find(|e| e.kind == Decision::AskInfo.code())
            })
            .flatten()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotView {
    pub profile: ProfileCode,
    pub mission: String,
    pub mandatory: bool,
}

/// The public sheet of a published défi.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefiSheet {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub organisation: String,
    pub organisation_kind: OrgKind,
    pub city: String,
    pub promotion_id: i64,
    pub promotion_name: String,
    pub slots: Vec<SlotView>,
}

/// What the public sheet shows beyond the catalogue's card: everything the
/// host wrote that is not internal. The obstacles and the legal and
/// ethical questions stay between the host and the coordinators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetDetails {
    pub context: String,
    pub use_cases: String,
    pub impact: String,
    pub data_available: String,
    pub data_accessible: bool,
    pub open_code: bool,
    pub open_data: bool,
    pub off_site: bool,
    pub leads: String,
    pub mentor: String,
    pub pitch_deck: Option<AttachmentView>,
}

/// A published défi's public page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicSheet {
    pub sheet: DefiSheet,
    pub details: SheetDetails,
    /// The closing time of the promotion's call for applications, while
    /// it is open (the sheet then says how to apply).
    pub apply_until: Option<DateTime<Utc>>,
}

impl DefiSheet {
    /// The défi has a slot for `profile` (a profile code); any profile
    /// when `None`.
    pub fn seeks(&self, profile: Option<&str>) -> bool {
        profile.is_none_or(|p| self.slots.iter().any(|s| s.profile.as_str() == p))
    }
}

/// Filters of the coordinators' list (all optional, combined with AND).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefiFilter {
    pub state: Option<DefiState>,
    pub kind: Option<OrgKind>,
    pub profile: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefiList {
    pub promotion_id: i64,
    pub promotion_name: String,
    pub profiles: Vec<ProfileCode>,
    pub rows: Vec<DefiRow>,
    /// Every state with its count in the promotion (before filtering).
    pub counts: Vec<(DefiState, u64)>,
}
