//! Applicants' pages: the open calls and their dossiers.

mod dossier;
mod interviews;
mod offers;
mod reveal;

pub use dossier::{ApplicationPage, ApplicationsPage, DossierDetails};
pub use interviews::MyInterviewsPage;
pub use offers::MyOffersPage;
