//! The jurors' pages: `/jury` (their promotions, conflicts to declare,
//! dossiers to review, the next one), `/jury/promotions/{id}/conflits`
//! (the declaration) and `/jury/dossiers/{id}` (a dossier and its review).

mod conflicts;
pub(crate) mod dossier;
mod home;

pub use conflicts::ConflictsPage;
pub use dossier::JuryDossierPage;
pub use home::JuryHomePage;
