//! Review of applications (pre-selection): the stage's settings and rubric,
//! a juror's score sheet, the aggregates coordinators shortlist from, and
//! the conflicts of interest Cohorte detects by itself. Pure rules; the
//! services persist them.

pub mod aggregate;
pub mod conflicts;
pub mod redact;
pub mod rubric;
pub mod stage;

pub use rubric::{Criterion, CriterionDraft, ScoreSheet, Verdict};
pub use stage::{SeeReviews, StageSettings};
