//! The `cohorte` binary's library: configuration, the HTTP application
//! (router and layers) and the command-line actions. Split from `main.rs`
//! so that integration tests start the very same application.

pub mod assets;
pub mod calendars;
pub mod cli;
pub mod config;
pub mod csrf;
pub mod exports;
pub mod files;
pub mod formation;
pub mod health;
pub mod http;
pub mod limits;
pub mod logs;
pub mod operations;
pub mod panics;
pub mod refusal;
pub mod requests;
pub mod seed;
pub mod seed_applications;
pub mod seed_defis;
pub mod seed_follow;
pub mod seed_formation;
pub mod seed_hearings;
pub mod seed_interviews;
pub mod seed_review;
