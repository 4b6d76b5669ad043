//! The HTTP side of being signed in: session keys, start and end, the
//! absolute timeout, and the one-shot flash.

use crate::model::page::Flash;
use crate::server::db::session_store::USER_KEY;
use chrono::Utc;
use tower_sessions::Session;

const SINCE_KEY: &str = "since";
const FLASH_KEY: &str = "flash";

/// Idle timeout: the session ends after this long without a request.
pub const IDLE_MINUTES: i64 = 120;
/// Absolute timeout: the session ends this long after sign-in, active or not.
pub const ABSOLUTE_HOURS: i64 = 12;

fn fail(e: tower_sessions::session::Error) -> crate::model::AppError {
    tracing::error!(error = %e, "session store");
    crate::model::AppError::Unexpected
}

/// Signs `user_id` in under a fresh session id (no fixation).
pub async fn start(session: &Session, user_id: i64) -> Result<(), crate::model::AppError> {
    session.cycle_id().await.map_err(fail)?;
    session.insert(USER_KEY, user_id).await.map_err(fail)?;
    session
        .insert(SINCE_KEY, Utc::now().timestamp())
        .await
        .map_err(fail)?;
    Ok(())
}

/// Ends the session server-side and removes the cookie.
pub async fn end(session: &Session) -> Result<(), crate::model::AppError> {
    session.flush().await.map_err(fail)
}

/// The signed-in user id, if the session has one that has not passed its
/// absolute lifetime (an expired one is flushed).
pub async fn user_id(session: &Session) -> Option<i64> {
    let id: i64 = session.get(USER_KEY).await.ok().flatten()?;
    let since: i64 = session.get(SINCE_KEY).await.ok().flatten().unwrap_or(0);
    if Utc::now().timestamp() - since > ABSOLUTE_HOURS * 3600 {
        let _ = session.flush().await;
        return None;
    }
    Some(id)
}

pub async fn set_flash(session: &Session, flash: Flash) -> Result<(), crate::model::AppError> {
    session.insert(FLASH_KEY, flash).await.map_err(fail)
}

pub async fn take_flash(session: &Session) -> Flash {
    session
        .remove::<Flash>(FLASH_KEY)
        .await
        .ok()
        .flatten()
        .unwrap_or_default()
}
