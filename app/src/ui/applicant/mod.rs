//! Applicants' pages: the open calls and their dossiers.

mod dossier;
mod reveal;

pub use dossier::{ApplicationPage, ApplicationsPage, DossierDetails};
