//! What every request and job shares.

use super::mail::Mailer;
use super::ratelimit::RateLimits;
use sea_orm::DatabaseConnection;
use std::path::PathBuf;
use std::sync::Arc;
use tokio::sync::Notify;

/// Settings the application needs at run time (the binary reads them from
/// the environment).
#[derive(Clone, Debug)]
pub struct Settings {
    /// Public URL, without a trailing slash, used in emailed links.
    pub base_url: String,
    pub production: bool,
    pub data_dir: PathBuf,
    /// Sender of every email, e.g. `Cohorte <ne-pas-repondre@example.org>`.
    pub mail_from: String,
    /// The programme team's address, given on the legal notice and the
    /// accessibility statement (`COHORTE_CONTACT`).
    pub contact: String,
    /// Behind a reverse proxy: take the client address from the last
    /// `X-Forwarded-For` entry (the one the proxy appended).
    pub trust_proxy: bool,
    /// Hours before an interview until which a candidate may move it
    /// (`COHORTE_RESCHEDULE_HOURS`, default 48) or cancel it
    /// (`COHORTE_CANCEL_HOURS`, default 4).
    pub reschedule_hours: u32,
    pub cancel_hours: u32,
}

#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub settings: Arc<Settings>,
    pub limits: Arc<RateLimits>,
    pub mailer: Mailer,
    /// Wakes the outbox worker after a transaction queued mail.
    pub outbox_wake: Arc<Notify>,
    /// Promotions and published sheets, as visitors' pages read them.
    pub catalogue: Arc<super::service::catalogue::Cache>,
    /// When the scheduled work last ran (Unix seconds; 0: not started):
    /// `/readyz` reads it.
    pub beat: Arc<std::sync::atomic::AtomicI64>,
    /// Cancelled when the server is asked to stop (SIGTERM, Ctrl-C): the
    /// HTTP server stops accepting and finishes what is in flight, the
    /// outbox worker sends no further message and gives its leases back,
    /// the scheduled work ends its current pass and stops.
    pub stopping: tokio_util::sync::CancellationToken,
}

impl AppState {
    pub fn new(db: DatabaseConnection, settings: Settings, mailer: Mailer) -> Self {
        Self {
            db,
            settings: Arc::new(settings),
            limits: Arc::new(RateLimits::default()),
            mailer,
            outbox_wake: Arc::new(Notify::new()),
            catalogue: Arc::default(),
            beat: Arc::default(),
            stopping: tokio_util::sync::CancellationToken::new(),
        }
    }

    pub fn link(&self, path_and_query: &str) -> String {
        format!("{}{}", self.settings.base_url, path_and_query)
    }
}
