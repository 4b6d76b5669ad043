//! The server's integration tests, one binary (in the shape of zero2prod's
//! `tests/api/`): one module per area, `helpers` for what they share. Each
//! test starts its own server on its own database, so tests run side by
//! side in one process.

mod accounts;
mod applications;
mod assign_cli;
mod defis;
mod faults;
mod formation;
mod formation_after;
mod hearings;
mod helpers;
mod interviews;
mod malformed;
mod match_cli;
mod milestone_files;
mod milestones;
mod milestones_views;
mod operations;
mod outbox;
mod plans;
mod promotions;
mod review;
mod scale_out;
mod security;
mod trust;
