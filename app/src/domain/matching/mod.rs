//! Team formation: placing candidates into the slots of défis.
//!
//! Pure code, no I/O: the server, the `cohorte match` command and the
//! coordinators' pages all call [`run`]. The algorithm is candidate-proposing
//! deferred acceptance over slots (stable, candidate-optimal,
//! strategy-proof for candidates), followed by a quota repair that withdraws
//! défis unable to form a team, one at a time, until every remaining défi is
//! viable. The same input always gives the same output, and every candidate
//! gets a plain-language explanation of their result (French law requires
//! that an algorithmic individual decision can be explained to the person).

mod check;
mod engine;
mod explain;
mod input;
mod problem;
mod report;

pub use check::{BlockingPair, Seat, acceptable, blocking_pairs};
pub use input::{CandidateIn, DefiIn, Input, InputError, SlotIn, parse_json};
pub use report::{Assignment, Explanation, Outcome, Unfilled, Withdrawn};

/// The engine's name and version, saved with every run.
pub const ENGINE_VERSION: &str = concat!("cohorte-match ", env!("CARGO_PKG_VERSION"));

/// The outcome as `cohorte match` prints it (and a run saves it): pretty
/// JSON and a final newline, byte for byte.
pub fn output_json(outcome: &Outcome) -> String {
    let mut text = serde_json::to_string_pretty(outcome).expect("an outcome serialises");
    text.push('\n');
    text
}

/// Validates the input and computes the placement.
pub fn run(input: &Input) -> Result<Outcome, InputError> {
    let problem = problem::Problem::build(input)?;
    let state = engine::solve(&problem);
    Ok(report::build(&problem, &state))
}

#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;
