//! The server's log: plain lines by default, one JSON object per line
//! with `COHORTE_LOG_FORMAT=json` (for a log collector). The level comes
//! from `COHORTE_LOG` (default `info`, the database drivers at `warn`).
//! What is logged holds no personal data (`requests`): ids, paths without
//! queries, statuses, durations, errors.

use tracing_subscriber::EnvFilter;

fn filter() -> EnvFilter {
    EnvFilter::try_from_env("COHORTE_LOG").unwrap_or_else(|_| "info,sqlx=warn,sea_orm=warn".into())
}

/// Installs the process's subscriber; `format` is `json` or anything
/// else for plain lines.
pub fn init(format: Option<&str>) {
    let builder = tracing_subscriber::fmt().with_env_filter(filter());
    if format == Some("json") {
        builder
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .init();
    } else {
        builder.init();
    }
}

/// A JSON subscriber writing to `file` (the integration tests' log, which
/// `scripts/check-logs.sh` searches for the fixtures' personal data).
pub fn init_json_file(file: std::fs::File) {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter())
        .json()
        .with_current_span(true)
        .with_span_list(false)
        .with_writer(std::sync::Mutex::new(file))
        .try_init();
}
