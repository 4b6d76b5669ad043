//! Applications as pages show them.

use crate::domain::application::ApplicationState;
use crate::domain::application_form::ApplicationForm;
use crate::domain::profile::ProfileCode;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A published défi the applicant can rank.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferedDefi {
    pub id: i64,
    pub title: String,
    pub organisation: String,
    pub city: String,
    pub profiles: Vec<ProfileCode>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationEventView {
    pub kind: String,
    pub message: String,
    pub at: DateTime<Utc>,
}

/// The applicant's dossier with everything its page needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationDossier {
    pub id: i64,
    pub promotion_id: i64,
    pub promotion_name: String,
    pub profiles: Vec<ProfileCode>,
    pub max_choices: u32,
    pub call_open: DateTime<Utc>,
    /// The call's closing time, or the applicant's later personal deadline.
    pub deadline: DateTime<Utc>,
    pub personal_deadline: bool,
    pub offered: Vec<OfferedDefi>,
    pub state: ApplicationState,
    pub email: String,
    pub form: ApplicationForm,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub cv: Option<super::defi::AttachmentView>,
    pub portfolio: Option<super::defi::AttachmentView>,
    /// Newest first.
    pub events: Vec<ApplicationEventView>,
    pub may_edit: bool,
}

impl ApplicationDossier {
    /// The latest correction request, shown to the applicant.
    pub fn correction_request(&self) -> Option<&ApplicationEventView> {
        (self.state == ApplicationState::CorrectionRequested)
            .then(|| self.events.iter().find(|e| e.kind == "request_correction"))
            .flatten()
    }
}
