//! The défi jury of the call for défis: the coordinators' page and its
//! forms (`coordinator`), a juror's défis to hear, sheets and ranking
//! (`juror`).

pub mod coordinator;
pub mod juror;

pub use coordinator::*;
pub use juror::*;
