//! Host administrations' pages: their organisations, members and
//! invitations, their défi dossiers.

mod defi;
mod organisations;
mod team;

pub use defi::DefiEditPage;
pub use organisations::{
    InvitationPage, MyOrganisationsPage, OrganisationFields, OrganisationHomePage, kind_options,
};
pub use team::TeamPage;
