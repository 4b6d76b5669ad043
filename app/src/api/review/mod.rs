//! The review of applications: the coordinators' pre-selection (settings,
//! rubric, jurors, assignment, results, shortlist) and the jurors' side
//! (home, conflicts, dossiers, reviews).

mod assign;
mod jury;
mod reveal;
mod setup;
mod shortlist;

pub use assign::*;
pub use jury::*;
pub use reveal::*;
pub use setup::*;
pub use shortlist::*;
