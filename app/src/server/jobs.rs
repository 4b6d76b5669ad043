//! Scheduled work that runs inside `cohorte serve`: the outbox worker, the
//! reminders to applicants whose dossier is still a draft 48 hours before
//! the deadline and to jurors 3 days and 1 day before the pre-selection
//! closes and to interviews' and hearings' people the day before, the
//! ten months' scheduler (milestones' openings, the Friday bulletin's
//! reminders and digest, escalations; every minute), the
//! offers past their deadline (expired, their seats cascade) and the
//! offers' reminders, the daily purge of dossiers past their retention and of
//! files no row references (`sweeper`) and of the text of messages that
//! failed for good a month ago (`outbox`), and a
//! periodic clean-up of expired sessions, spent tokens
//! and idle rate-limit keys.
//!
//! Every process sharing the database runs this; each pass runs under a
//! lease (`service::leases`), so that one process at a time does a given
//! kind of work.

use super::AppState;
use super::db::session_store::DbSessionStore;
use super::mail::worker;
use super::service::{
    applications, formation, hearings, interviews, leases, milestones, outbox, privacy, review,
    sweeper, tokens,
};
use chrono::{DateTime, Duration, Utc};

/// Starts the worker and the scheduled work; each task ends once
/// `state.stopping` is cancelled (after the pass it is in).
/// Starts the worker and the scheduled work; each task ends once
/// `state.stopping` is cancelled (after the pass it is in).
pub fn spawn(state: AppState) -> Vec<tokio::task::JoinHandle<()>> {
    let worker = tokio::spawn(worker::run(state.clone()));
    // The ten months' scheduler, every minute: the Friday reminders and
    // digest are due at 10:00, 14:00 and 15:00 sharp.
    let ten_months = state.clone();
    let scheduler = tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            tokio::select! {
                _ = tick.tick() => {}
                _ = ten_months.stopping.cancelled() => return,
            }
            let now = Utc::now();
            ten_months
                .beat
                .store(now.timestamp(), std::sync::atomic::Ordering::Relaxed);
            // In a task of its own: a pass that panics is logged, and the
            // next minute runs as usual.
            let s = ten_months.clone();
            if tokio::spawn(async move { minute(&s, now).await })
                .await
                .is_err()
            {
                tracing::error!("the minute's pass panicked");
            }
        }
    });
    let periodic = tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(15 * 60));
        let mut last_purge: Option<DateTime<Utc>> = None;
        loop {
            tokio::select! {
                _ = tick.tick() => {}
                _ = state.stopping.cancelled() => return,
            }
            let now = Utc::now();
            // The retention purge, once a day (and at start-up).
            let purge = last_purge.is_none_or(|at| now - at >= Duration::days(1));
            if purge {
                last_purge = Some(now);
            }
            let s = state.clone();
            if tokio::spawn(async move { quarter_hour(&s, now, purge).await })
                .await
                .is_err()
            {
                tracing::error!("the quarter-hour's pass panicked");
            }
        }
    });
    vec![worker, scheduler, periodic]
}

/// The minute's work, under its lease: the ten months' scheduler.
pub async fn minute(state: &AppState, now: DateTime<Utc>) {
    let ran = leases::exclusive(
        &state.db,
        "minute",
        Duration::minutes(2),
        milestones::scheduler::tick(state, now),
    )
    .await;
    match ran {
        Ok(Some(Err(e))) => tracing::warn!(error = %e, "the milestones' scheduler"),
        Err(e) => tracing::warn!(error = %e, "the minute's lease"),
        Ok(_) => {}
    }
}

/// The quarter-hour's work, under its lease: expired sessions and
/// tokens, reminders, offers past their deadline; with `purge`, the
/// retention purge, old failed messages and orphan files.
pub async fn quarter_hour(state: &AppState, now: DateTime<Utc>, purge: bool) {
    state.limits.shrink();
    let ran = leases::exclusive(
        &state.db,
        "quarter_hour",
        Duration::minutes(10),
        quarter_hour_pass(state, now, purge),
    )
    .await;
    if let Err(e) = ran {
        tracing::warn!(error = %e, "the quarter-hour's lease");
    }
}

async fn quarter_hour_pass(state: &AppState, now: DateTime<Utc>, purge: bool) {
    let store = DbSessionStore::new(state.db.clone());
    if let Err(e) = store.delete_expired().await {
        tracing::warn!(error = %e, "deleting expired sessions");
    }
    let _ = tokens::delete_stale(&state.db).await;
    if let Err(e) = applications::remind_drafts(state, now).await {
        tracing::warn!(error = %e, "sending deadline reminders");
    }
    if let Err(e) = review::reminders::remind_jurors(state, now).await {
        tracing::warn!(error = %e, "sending jurors' reminders");
    }
    if let Err(e) = review::reveal::remind(state, now).await {
        tracing::warn!(error = %e, "sending the reveal's reminders");
    }
    if let Err(e) = interviews::reminders::remind(state, now).await {
        tracing::warn!(error = %e, "sending the interviews' reminders");
    }
    if let Err(e) = hearings::schedule::remind(state, now).await {
        tracing::warn!(error = %e, "sending the hearings' reminders");
    }
    if let Err(e) = formation::offers::answers::expire_due(state, now).await {
        tracing::warn!(error = %e, "expiring the offers past their deadline");
    }
    if let Err(e) = formation::offers::answers::remind_due(state, now).await {
        tracing::warn!(error = %e, "sending the offers' reminders");
    }
    if !purge {
        return;
    }
    match privacy::purge_expired(&state.db, &state.settings.data_dir, now).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(dossiers = n, "expired dossiers purged"),
        Err(e) => tracing::warn!(error = %e, "purging expired dossiers"),
    }
    if let Err(e) = outbox::forget_old_failures(&state.db, now).await {
        tracing::warn!(error = %e, "forgetting old failed messages");
    }
    match sweeper::sweep(&state.db, &state.settings.data_dir, now).await {
        Ok(files) if !files.is_empty() => {
            tracing::info!(files = files.len(), "orphan files removed")
        }
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "removing orphan files"),
    }
}
