//! Reviewer assignment: which jurors read which dossiers.
//!
//! Pure code, no I/O: the coordinators' assignment page and the `cohorte
//! assign` command both call [`run`]. Every dossier gets exactly
//! `reviews_per_dossier` distinct jurors; no juror goes above their
//! maximum load; a conflicted pair is never assigned; as many dossiers as
//! the pool allows get at least one juror of their own profile; then the
//! loads are as even as the maximums allow; assignments that already
//! exist are kept. Before solving, a feasibility check explains in plain
//! words what is missing (the binding constraint) and nothing is assigned.
//!
//! The solve is an exact minimum-cost flow (as HotCRP's autoassign):
//! source → dossier (its missing reviews) → juror → sink, where a juror's
//! n-th review costs n (so loads balance) and every review but the first
//! one of a peer juror on a dossier costs a penalty larger than any load
//! difference (so profile coverage comes first). The seed shuffles the
//! order in which equally good jurors are tried: the same input and seed
//! always give the same plan.

mod flow;
mod input;
mod network;
mod queue;
mod solve;

pub use input::{DossierIn, Input, InputError, JurorIn, parse_json};
pub use solve::{Outcome, Pair, Reason};

/// Validates the input, checks feasibility and computes the plan.
pub fn run(input: &Input) -> Result<Outcome, InputError> {
    let problem = input::Problem::build(input)?;
    Ok(solve::solve(&problem))
}

#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;
