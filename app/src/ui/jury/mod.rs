//! The jurors' pages: `/jury` (their promotions, conflicts to declare,
//! dossiers to review, the next one), `/jury/promotions/{id}/conflits`
//! (the declaration) and `/jury/dossiers/{id}` (a dossier and its review);
//! the interviews: `/jury/defis/{id}` (a défi's jury), its `/planning`, and
//! `/jury/entretiens/{id}` (an interview sheet); the défi jury:
//! `/jury/auditions/{promotion}` and `/jury/auditions/defis/{id}`.

mod conflicts;
pub(crate) mod dossier;
mod hearings;
mod home;
mod jury_defi;
mod plan;
mod ranked;
mod sheet;

pub use conflicts::ConflictsPage;
pub use dossier::JuryDossierPage;
pub use hearings::{DefiSheetPage, MyHearingsPage};
pub use home::JuryHomePage;
pub use jury_defi::JuryDefiPage;
pub use plan::PlanPage;
pub(crate) use plan::plan_tables;
pub use sheet::InterviewSheetPage;
