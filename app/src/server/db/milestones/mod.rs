//! The ten months: milestone templates and instances, answers' history,
//! replies on reports, the scheduler's claims.

pub mod answer;
pub mod instance;
pub mod notice;
pub mod reply;
pub mod template;
