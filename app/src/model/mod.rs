//! Serde types that cross the wire between server functions and pages.
//! Never database rows.

pub mod application;
pub mod batch;
pub mod defi;
pub mod error;
pub mod formation;
pub mod hearings;
pub mod interviews;
pub mod milestones;
pub mod organisation;
pub mod page;
pub mod promotion;
pub mod review;
pub mod user;

pub use error::{AppError, FieldError};
