//! Interviews: défis' external jurors, interviews (a dossier proposed to a
//! défi's jury), slots, scores, ranked lists and calendar feeds.

pub mod defi_juror;
pub mod feed;
pub mod interview;
pub mod list;
pub mod score;
pub mod slot;
