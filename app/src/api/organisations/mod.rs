//! Host organisations: registration, members and invitations, coordinators'
//! corrections.

pub mod invite;
pub mod members;
pub mod read;
pub mod register;
pub mod update;

pub use invite::{AcceptInvitation, InviteMember, get_invitation_preview};
pub use members::{CancelInvitation, RemoveMember};
pub use read::{all_organisations, get_organisation, get_organisation_page, my_organisations};
pub use register::RegisterOrganisation;
pub use update::UpdateOrganisation;
