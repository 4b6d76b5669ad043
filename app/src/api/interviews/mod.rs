//! Interviews and jury rankings: the coordinators' overview, a jury's
//! page (slots, scheduling, candidates, lists), a juror's interview sheet,
//! and the candidate's interviews (booking, moving, cancelling).

mod candidate;
mod jury;

pub use candidate::*;
pub use jury::*;
