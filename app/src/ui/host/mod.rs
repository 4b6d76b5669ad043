//! Host administrations' pages: their organisations, members and
//! invitations, their défi dossiers.

mod defi;
mod organisations;

pub use defi::DefiEditPage;
pub use organisations::{
    InvitationPage, MyOrganisationsPage, OrganisationFields, OrganisationHomePage, kind_options,
};
