//! The HTTP side of being signed in: session keys, start and end, the
//! absolute timeout, and the one-shot flash.
//!
//! A visitor who is not signed in never gets a session row: their flash
//! (a notice, what they typed in a sign-in or sign-up form, each value
//! already cut to its field's limit) travels in a short-lived cookie of
//! its own, so anonymous requests, however many and however large, cannot
//! grow the database.

use crate::model::page::Flash;
use crate::model::user::Viewer;
use crate::server::db::session_store::{USER_KEY, VIEWER_KEY};
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

/// How often a signed-in session is written back to extend its idle
/// expiry (and its cookie's).
const TOUCH_SECONDS: i64 = 60;
const SEEN_KEY: &str = "seen";

/// Marks the session active, at most once a minute: the write extends the
/// idle timeout without a database write on every request.
pub async fn touch(session: &Session) {
    let now = Utc::now().timestamp();
    let seen: i64 = session.get(SEEN_KEY).await.ok().flatten().unwrap_or(0);
    if now - seen >= TOUCH_SECONDS {
        let _ = session.insert(SEEN_KEY, now).await;
    }
}

/// The signed-in user id, if the session has one that has not passed its
/// absolute lifetime (an expired one is flushed). An error is the session
/// store's (the database): the caller must not take the person for a
/// visitor.
pub async fn user_id(session: &Session) -> Result<Option<i64>, crate::model::AppError> {
    let Some(id) = session.get::<i64>(USER_KEY).await.map_err(fail)? else {
        return Ok(None);
    };
    let since: i64 = session.get(SINCE_KEY).await.ok().flatten().unwrap_or(0);
    if Utc::now().timestamp() - since > ABSOLUTE_HOURS * 3600 {
        let _ = session.flush().await;
        return Ok(None);
    }
    Ok(Some(id))
}

/// The person `id` as the session store read them with the session
/// (`Some(None)`: the account is gone or disabled); `None` when the store
/// did not (the session was not loaded from the database).
pub async fn viewer(session: &Session, id: i64) -> Option<Option<Viewer>> {
    let loaded: Option<Viewer> = session.get(VIEWER_KEY).await.ok().flatten()?;
    Some(loaded.filter(|v| v.id == id))
}

/// Cookie holding an anonymous visitor's flash (hex of its JSON).
pub const FLASH_COOKIE: &str = "cohorte_flash";

pub async fn set_flash(session: &Session, flash: Flash) -> Result<(), crate::model::AppError> {
    let signed_in = session.get::<i64>(USER_KEY).await.ok().flatten().is_some();
    let response = leptos::prelude::use_context::<leptos_axum::ResponseOptions>();
    match response {
        Some(res) if !signed_in => {
            let production = leptos::prelude::use_context::<crate::server::AppState>()
                .is_some_and(|s| s.settings.production);
            if let Some(v) = flash_cookie(&flash, production) {
                res.append_header(axum::http::header::SET_COOKIE, v);
            }
            Ok(())
        }
        _ => session.insert(FLASH_KEY, flash).await.map_err(fail),
    }
}

/// The `Set-Cookie` value carrying a visitor's flash.
fn flash_cookie(flash: &Flash, production: bool) -> Option<axum::http::HeaderValue> {
    let json = serde_json::to_vec(flash)
        .map_err(|e| tracing::error!(error = %e, "flash"))
        .ok()?;
    let secure = if production { "; Secure" } else { "" };
    let cookie = format!(
        "{FLASH_COOKIE}={}; Path=/; Max-Age=120; HttpOnly; SameSite=Lax{secure}",
        hex::encode(json)
    );
    axum::http::HeaderValue::from_str(&cookie).ok()
}

/// Adds why a form post was refused to the flash its response leaves,
/// next to what `set_flash` kept of the form (if anything): in the
/// session for a signed-in person, in the response's flash cookie for a
/// visitor (`headers` are the response's).
pub async fn add_posted_error(
    session: &Session,
    headers: &mut axum::http::HeaderMap,
    error: crate::model::page::PostedError,
    production: bool,
) {
    use axum::http::header::SET_COOKIE;
    if session.get::<i64>(USER_KEY).await.ok().flatten().is_some() {
        let mut flash: Flash = session
            .get(FLASH_KEY)
            .await
            .ok()
            .flatten()
            .unwrap_or_default();
        flash.error = Some(error);
        if let Err(e) = session.insert(FLASH_KEY, flash).await {
            tracing::error!(error = %e, "session store");
        }
        return;
    }
    let prefix = format!("{FLASH_COOKIE}=");
    let mut others = Vec::new();
    let mut flash = Flash::default();
    for v in headers.get_all(SET_COOKIE) {
        match v.to_str().ok().and_then(|c| c.strip_prefix(&prefix)) {
            Some(c) => {
                flash = c
                    .split(';')
                    .next()
                    .and_then(|h| hex::decode(h).ok())
                    .and_then(|b| serde_json::from_slice(&b).ok())
                    .unwrap_or_default();
            }
            None => others.push(v.clone()),
        }
    }
    flash.error = Some(error);
    headers.remove(SET_COOKIE);
    for v in others.into_iter().chain(flash_cookie(&flash, production)) {
        headers.append(SET_COOKIE, v);
    }
}

/// The flash left for this page, from the session or the anonymous
/// cookie; `true` when the cookie must be cleared on the response.
pub async fn take_flash(session: &Session, headers: &axum::http::HeaderMap) -> (Flash, bool) {
    // `remove` marks the session changed (a database write) even when the
    // key is absent: read first, remove only what is there.
    if session
        .get::<Flash>(FLASH_KEY)
        .await
        .ok()
        .flatten()
        .is_some()
        && let Some(flash) = session.remove::<Flash>(FLASH_KEY).await.ok().flatten()
    {
        return (flash, false);
    }
    // The cookie is a visitor's only: a signed-in person's flash lives in
    // their session, so a cookie planted by someone else is ignored.
    if session.get::<i64>(USER_KEY).await.ok().flatten().is_some() {
        return (Flash::default(), false);
    }
    let cookie = headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == FLASH_COOKIE)
        .map(|(_, v)| v.to_owned());
    match cookie {
        None => (Flash::default(), false),
        Some(v) => {
            let flash = hex::decode(v)
                .ok()
                .and_then(|b| serde_json::from_slice::<Flash>(&b).ok())
                .unwrap_or_default();
            (flash, true)
        }
    }
}

/// The `Set-Cookie` value that removes the anonymous flash cookie.
pub fn clear_flash_cookie(production: bool) -> String {
    let secure = if production { "; Secure" } else { "" };
    format!("{FLASH_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{secure}")
}
