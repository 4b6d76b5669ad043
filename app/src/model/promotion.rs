//! Promotions as pages show them.

use crate::domain::profile::ProfileCode;
use crate::domain::promotion::{Calendar, Phase};
use crate::domain::promotion_form::PromotionForm;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromotionView {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub calendar: Calendar,
    pub phase: Phase,
    pub team_min: u32,
    pub team_max: u32,
    pub max_choices: u32,
    pub profiles: Vec<ProfileCode>,
    pub defis_call_open: bool,
    pub applications_call_open: bool,
    /// Months the dossiers are kept after the programme ends.
    pub retention_months: u32,
}

impl PromotionView {
    /// The edit form, filled with the current values (Paris time).
    pub fn to_form(&self) -> PromotionForm {
        use crate::domain::promotion::paris_input_value as v;
        PromotionForm {
            name: self.name.clone(),
            description: self.description.clone(),
            defis_open: v(self.calendar.defis_open),
            defis_close: v(self.calendar.defis_close),
            applications_open: v(self.calendar.applications_open),
            applications_close: v(self.calendar.applications_close),
            start_date: self.calendar.start.format("%Y-%m-%d").to_string(),
            duration_months: self.calendar.duration_months.to_string(),
            team_min: self.team_min.to_string(),
            team_max: self.team_max.to_string(),
            max_choices: self.max_choices.to_string(),
            profiles: self
                .profiles
                .iter()
                .map(|p| p.as_str().to_owned())
                .collect(),
        }
    }
}

/// What the retention purge of a promotion will erase, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurgePreview {
    /// Paris time.
    pub expiry: String,
    pub dossiers: u64,
    pub files: u64,
    pub closed: bool,
    /// Paris time; the purge waits until then after a change of dates.
    pub not_before: Option<String>,
}
