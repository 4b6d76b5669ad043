//! `/healthz`: the process answers and reaches its database (for a load
//! balancer). `/readyz`: ready to serve — the database answers, its
//! migrations are all applied, the scheduled work runs (it beat within the
//! last three minutes). Each check on a line of plain text; 503 when one
//! fails. Nothing personal is said.

use crate::http::ServerState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use migrations::{Migrator, MigratorTrait};
use std::sync::atomic::Ordering;

/// How long the scheduled work may stay silent (it beats every minute).
const BEAT_WITHIN_SECONDS: i64 = 180;

pub async fn health(State(st): State<ServerState>) -> Response {
    match st.app.db.ping().await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

pub async fn ready(State(st): State<ServerState>) -> Response {
    let db = &st.app.db;
    let database = db.ping().await.is_ok();
    let migrations = match Migrator::get_pending_migrations(db).await {
        Ok(pending) if pending.is_empty() => "current".to_owned(),
        Ok(pending) => format!("{} pending", pending.len()),
        Err(_) => "unknown".to_owned(),
    };
    let beat = st.app.beat.load(Ordering::Relaxed);
    let age = chrono::Utc::now().timestamp() - beat;
    let worker = beat > 0 && age <= BEAT_WITHIN_SECONDS;
    let ok = database && migrations == "current" && worker;
    let body = format!(
        "database: {}\nmigrations: {migrations}\nscheduled work: {}\n",
        if database { "ok" } else { "unreachable" },
        match (beat > 0, worker) {
            (false, _) => "not started".to_owned(),
            (true, true) => format!("ran {age} s ago"),
            (true, false) => format!("silent for {age} s"),
        }
    );
    if !ok {
        tracing::warn!(database, migrations, worker, "not ready");
    }
    let status = if ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, body).into_response()
}
