//! Every request gets an id: the one the proxy sent in `x-request-id`
//! (behind a trusted proxy, a plain token), a new random one otherwise. The id names the
//! request's span (every line logged while it runs carries it, the
//! panic's too) and comes back in the response's `x-request-id`, so that
//! an operator finds the lines a person reports. One line per request is
//! logged when it ends: method, path, status, milliseconds.
//!
//! Logs hold no personal data: the path is logged without its query
//! string (searches, single-use links) and with any segment that holds a
//! long hexadecimal secret (calendar feeds, links) masked; bodies, forms,
//! cookies and headers are never logged.

use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;

/// The header that carries the request's id, both ways.
pub const REQUEST_ID: &str = "x-request-id";

/// An id sent by a proxy is kept when it is 1 to 64 letters, digits, `-`
/// or `_` (anything else could forge log lines).
fn acceptable(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The path as logged: no query, secrets masked.
pub fn loggable_path(path: &str) -> String {
    path.split('/')
        .map(|segment| {
            let longest_hex = segment
                .split(|c: char| !c.is_ascii_hexdigit())
                .map(str::len)
                .max()
                .unwrap_or(0);
            if longest_hex >= 16 { "…" } else { segment }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The middleware (outermost but for nothing); `trusted`: behind a proxy
/// (`COHORTE_TRUST_PROXY`), whose id is kept — a client's never is.
pub async fn identify(State(trusted): State<bool>, mut req: Request, next: Next) -> Response {
    let id = req
        .headers()
        .get(REQUEST_ID)
        .filter(|_| trusted)
        .and_then(|v| v.to_str().ok())
        .filter(|id| acceptable(id))
        .map(str::to_owned)
        .unwrap_or_else(|| app::server::service::tokens::random_secret(8));
    let value = HeaderValue::from_str(&id).expect("an id of plain characters");
    req.headers_mut().insert(REQUEST_ID, value.clone());
    let method = req.method().clone();
    let path = loggable_path(req.uri().path());
    let span = tracing::info_span!("request", id = %id, %method, path = %path);
    let started = std::time::Instant::now();
    let mut res = next.run(req).instrument(span.clone()).await;
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    let status = res.status().as_u16();
    span.in_scope(|| {
        if status >= 500 {
            tracing::warn!(status, ms, "answered");
        } else {
            tracing::info!(status, ms, "answered");
        }
    });
    res.headers_mut().insert(REQUEST_ID, value);
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_lose_their_secrets_and_ids_must_be_plain() {
        assert_eq!(
            loggable_path("/calendrier/3f9a0c1d2e4b5a6978a0b1c2d3e4f5a6.ics"),
            "/calendrier/…"
        );
        assert_eq!(
            loggable_path("/coordination/promotions/12/jalons"),
            "/coordination/promotions/12/jalons"
        );
        assert!(acceptable("b1946ac9-2f0c-4a7e"));
        assert!(!acceptable("ines@example.org"));
        assert!(!acceptable("a\nforged line"));
        assert!(!acceptable(&"a".repeat(65)));
    }
}
