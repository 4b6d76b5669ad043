//! The review of applications: stages, criteria, jurors, conflicts,
//! assignments, reviews and the reminders sent.

pub mod assignment;
pub mod conflict;
pub mod criterion;
pub mod juror;
pub mod reminder;
pub mod sheet;
pub mod stage;
