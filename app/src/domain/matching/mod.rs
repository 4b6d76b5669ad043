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

mod engine;
mod explain;
mod input;
mod problem;
mod report;

pub use input::{CandidateIn, DefiIn, Input, InputError, SlotIn, parse_json};
pub use report::{Assignment, Explanation, Outcome, Unfilled, Withdrawn};

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
