//! Applicants' pages: the open calls and their dossiers.

mod dossier;

pub use dossier::{ApplicationPage, ApplicationsPage, DossierDetails};
