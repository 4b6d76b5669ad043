//! The one conversion of an `AppError` into an HTTP response for what is
//! not a page (files, exports, a refused server function's answer): not found → 404, sign-in needed → the
//! sign-in page, anything unexpected → 500. Each comes with a short plain
//! page in French and English; internals were logged where they happened
//! and never reach the response. Pages use the same rules (`ErrorPage`).

use app::i18n::Locale;
use app::model::AppError;
use app::server::auth_session;
use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use tower_sessions::Session;

/// The status of an error's answer (a refused script call, a file).
pub fn status(e: &AppError) -> StatusCode {
    match e {
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::RateLimited => StatusCode::TOO_MANY_REQUESTS,
        AppError::Conflict => StatusCode::CONFLICT,
        AppError::Validation(_) | AppError::Refused(_) | AppError::Malformed => {
            StatusCode::BAD_REQUEST
        }
        AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        AppError::Unexpected => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

pub fn response(e: AppError) -> Response {
    if e == AppError::Forbidden {
        return Redirect::to("/connexion").into_response();
    }
    let status = status(&e);
    // The request's language is not known here: both, from the texts.
    let msg = e.summary();
    let (fr, en) = (Locale::Fr.t(msg), Locale::En.t(msg));
    let mut res = (
        status,
        Html(format!(
            "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>Cohorte</title></head><body><main><h1>Cohorte</h1><p>{fr}</p>\
             <p lang=\"en\">{en}</p><p><a href=\"/\">Accueil / Home</a></p></main></body></html>"
        )),
    )
        .into_response();
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if status == StatusCode::SERVICE_UNAVAILABLE {
        res.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static(RETRY_AFTER));
    }
    res
}

/// Seconds a client should wait before trying again after a 503.
pub const RETRY_AFTER: &str = "30";

/// A refused server function's answer. A form post's redirect carries the
/// error in its URL (Leptos' `?__path=…&__err=…`): it moves to the flash,
/// so the page shows it once and a reload does not, and to a
/// `Cohorte-Refusal` header (its JSON) for scripts. A script's call (the
/// autosave) gets the error's own status instead of 500: 400 for bad
/// input, 409 for a conflict, 404, 429 (`refusal::status`).
pub async fn refused(mut res: Response, session: &Session, production: bool) -> Response {
    use app::model::AppError;
    use app::model::page::PostedError;
    use leptos::server_fn::error::{FromServerFnError, ServerFnUrlError};
    let posted = res
        .headers()
        .get(header::LOCATION)
        .and_then(|l| l.to_str().ok())
        .and_then(|l| {
            let url = url::Url::parse(l).ok()?;
            let (mut path, mut err) = (None, None);
            let mut kept = Vec::new();
            for (k, v) in url.query_pairs() {
                match &*k {
                    "__path" => path = Some(v.into_owned()),
                    "__err" => err = Some(v.into_owned()),
                    _ => kept.push((k.into_owned(), v.into_owned())),
                }
            }
            let error = ServerFnUrlError::<AppError>::decode_err(&err?);
            let mut clean = url.clone();
            clean.set_query(None);
            if !kept.is_empty() {
                clean.query_pairs_mut().extend_pairs(kept);
            }
            Some((clean.to_string(), PostedError { path: path?, error }))
        });
    if let Some((clean, posted)) = posted {
        if let Ok(v) = HeaderValue::from_str(&clean) {
            res.headers_mut().insert(header::LOCATION, v);
        }
        if let Ok(v) = HeaderValue::from_str(&String::from_utf8_lossy(&posted.error.ser())) {
            res.headers_mut().insert("cohorte-refusal", v);
        }
        auth_session::add_posted_error(session, res.headers_mut(), posted, production).await;
        return res;
    }
    if res.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, 64 * 1024)
        .await
        .unwrap_or_default();
    parts.status = status(&AppError::de(bytes.clone()));
    if parts.status == StatusCode::SERVICE_UNAVAILABLE {
        parts
            .headers
            .insert(header::RETRY_AFTER, HeaderValue::from_static(RETRY_AFTER));
    }
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_error_has_its_status() {
        assert_eq!(response(AppError::NotFound).status(), 404);
        assert_eq!(response(AppError::Unexpected).status(), 500);
        assert_eq!(response(AppError::RateLimited).status(), 429);
        let busy = response(AppError::Unavailable);
        assert_eq!(busy.status(), 503);
        assert_eq!(busy.headers()["retry-after"], RETRY_AFTER);
        let r = response(AppError::Forbidden);
        assert!(r.status().is_redirection());
        assert_eq!(r.headers()["location"], "/connexion");
    }
}
