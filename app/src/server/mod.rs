//! Everything that runs only on the server: database, services, policy,
//! mail and scheduled work. Gated once, here, by `feature = "ssr"`.

pub mod auth_session;
pub mod db;
pub mod jobs;
pub mod mail;
pub mod policy;
pub mod ratelimit;
pub mod service;
pub mod state;
pub mod web;

pub use state::{AppState, Settings};

use crate::model::AppError;

impl From<sea_orm::DbErr> for AppError {
    fn from(e: sea_orm::DbErr) -> Self {
        if db::transient(&e) {
            tracing::warn!(error = %e, "database busy or unreachable");
            AppError::Unavailable
        } else {
            tracing::error!(error = %e, "database error");
            AppError::Unexpected
        }
    }
}
