//! Host administrations' pages: their organisations, members and
//! invitations, their défi dossiers.

mod defi;
mod follow;
mod milestone;
mod organisations;
mod team;

pub use defi::DefiEditPage;
pub use follow::status_badge;
pub use milestone::MilestonePage;
pub use organisations::{
    InvitationPage, MyOrganisationsPage, OrganisationFields, OrganisationHomePage, kind_options,
};
pub use team::TeamPage;
