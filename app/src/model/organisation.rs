//! Host organisations as pages show them.

use crate::domain::HostRole;
use crate::domain::organisation::{OrgKind, OrganisationForm};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationView {
    pub id: i64,
    pub name: String,
    pub kind: OrgKind,
    pub city: String,
}

impl OrganisationView {
    pub fn to_form(&self) -> OrganisationForm {
        OrganisationForm {
            name: self.name.clone(),
            kind: self.kind.code().to_owned(),
            city: self.city.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberView {
    pub user_id: i64,
    /// False for the organisation's only lead, who cannot be removed.
    pub removable: bool,
    pub name: String,
    pub email: String,
    pub role: HostRole,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationView {
    pub id: i64,
    pub email: String,
    pub role: HostRole,
    /// Paris time, for display.
    pub expires: String,
}

/// A promotion whose call for défis is open: where a new défi can go.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenCall {
    pub promotion_id: i64,
    pub promotion_name: String,
    /// Paris time.
    pub closes: String,
}

/// Everything the organisation's page shows its members.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationPage {
    pub organisation: OrganisationView,
    pub members: Vec<MemberView>,
    pub invitations: Vec<InvitationView>,
    pub defis: Vec<super::defi::DefiRow>,
    /// For its members: how many submitted dossiers ranked each published
    /// défi (counts only).
    pub interest: Option<Vec<(i64, u32)>>,
    pub open_calls: Vec<OpenCall>,
    /// For its members: its défis that have a team (id, title, promotion),
    /// to follow their ten months.
    pub teams: Vec<(i64, String, String)>,
    /// The viewer may invite members (a lead, or a coordinator).
    pub may_invite: bool,
}

/// What the invitation link's page shows before the person accepts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationPreview {
    /// The organisation's name, or "the jury of promotion …".
    pub organisation: String,
    pub role: HostRole,
    /// An invitation to a promotion's jury (`role` is then meaningless).
    pub juror: bool,
    pub email: String,
}
