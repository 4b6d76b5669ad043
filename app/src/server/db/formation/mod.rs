//! Team formation: runs of the engine, overrides, offers with their log of
//! events, placements.

pub mod event;
pub mod offer;
pub mod placement;
pub mod run;
pub mod run_override;
