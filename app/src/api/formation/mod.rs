//! Team formation: the coordinators' runs, overrides, validation and
//! offers; the candidates' answers; the teams' pages.

mod candidate;
mod coordinator;

pub use candidate::*;
pub use coordinator::*;
