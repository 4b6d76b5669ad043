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

use super::AppState;
use super::db::session_store::DbSessionStore;
use super::mail::worker;
use super::service::{
    applications, formation, hearings, interviews, milestones, outbox, privacy, review, sweeper,
    tokens,
};

pub fn spawn(state: AppState) {
    tokio::spawn(worker::run(state.clone()));
    // The ten months' scheduler, every minute: the Friday reminders and
    // digest are due at 10:00, 14:00 and 15:00 sharp.
    let ten_months = state.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            tick.tick().await;
            let now = chrono::Utc::now();
            ten_months
                .beat
                .store(now.timestamp(), std::sync::atomic::Ordering::Relaxed);
            if let Err(e) = milestones::scheduler::tick(&ten_months, now).await {
                tracing::warn!(error = %e, "the milestones' scheduler");
            }
        }
    });
    tokio::spawn(async move {
        let store = DbSessionStore::new(state.db.clone());
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(15 * 60));
        let mut last_purge: Option<chrono::DateTime<chrono::Utc>> = None;
        loop {
            tick.tick().await;
            if let Err(e) = store.delete_expired().await {
                tracing::warn!(error = %e, "deleting expired sessions");
            }
            let _ = tokens::delete_stale(&state.db).await;
            state.limits.shrink();
            if let Err(e) = applications::remind_drafts(&state, chrono::Utc::now()).await {
                tracing::warn!(error = %e, "sending deadline reminders");
            }
            if let Err(e) = review::reminders::remind_jurors(&state, chrono::Utc::now()).await {
                tracing::warn!(error = %e, "sending jurors' reminders");
            }
            if let Err(e) = review::reveal::remind(&state, chrono::Utc::now()).await {
                tracing::warn!(error = %e, "sending the reveal's reminders");
            }
            if let Err(e) = interviews::reminders::remind(&state, chrono::Utc::now()).await {
                tracing::warn!(error = %e, "sending the interviews' reminders");
            }
            if let Err(e) = hearings::schedule::remind(&state, chrono::Utc::now()).await {
                tracing::warn!(error = %e, "sending the hearings' reminders");
            }
            if let Err(e) = formation::offers::answers::expire_due(&state, chrono::Utc::now()).await
            {
                tracing::warn!(error = %e, "expiring the offers past their deadline");
            }
            if let Err(e) = formation::offers::answers::remind_due(&state, chrono::Utc::now()).await
            {
                tracing::warn!(error = %e, "sending the offers' reminders");
            }
            // The retention purge, once a day (and at start-up).
            let now = chrono::Utc::now();
            if last_purge.is_none_or(|at| now - at >= chrono::Duration::days(1)) {
                last_purge = Some(now);
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
        }
    });
}
