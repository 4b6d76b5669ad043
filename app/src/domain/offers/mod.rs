//! Offers after a validated team formation: the log of what happened, the
//! cascade that says who is offered a freed seat, and an audit of a log
//! written apart from the cascade. Pure code, no I/O.

mod cascade;
mod log;
mod verify;

pub use cascade::{Held, Market, State};
pub use log::{CandidateEntry, Event, Kind, Log, SlotEntry, defi_of, parse_json, slot_name};
pub use verify::{Violation, verify};

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_random;
