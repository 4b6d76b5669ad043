//! CSRF protection for every state-changing request, server functions
//! included: browsers say where a request comes from (`Sec-Fetch-Site`, and
//! `Origin` on every POST), and a cross-site one is refused with 403. A
//! request with neither header does not come from a browser, so it carries
//! no ambient credentials worth forging. Checking these headers is what the
//! issue asks and needs no token in forms, which keeps pages cacheable and
//! forms working without JavaScript; it is a few lines, so no crate.

use axum::extract::{Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// `base` is the public origin (`COHORTE_BASE_URL`), which a browser sends
/// as `Origin` even when a proxy rewrote `Host`.
pub fn is_allowed(
    method: &Method,
    fetch_site: Option<&str>,
    origin: Option<&str>,
    host: Option<&str>,
    base: &str,
) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return true;
    }
    if let Some(site) = fetch_site {
        return matches!(site, "same-origin" | "none");
    }
    match (origin, host) {
        (Some("null"), _) => false,
        (Some(origin), _) if origin.eq_ignore_ascii_case(base) => true,
        (Some(origin), Some(host)) => origin
            .split_once("://")
            .is_some_and(|(_, authority)| authority.eq_ignore_ascii_case(host)),
        (Some(_), None) => false,
        (None, _) => true,
    }
}

pub async fn guard(State(base): State<std::sync::Arc<str>>, req: Request, next: Next) -> Response {
    let h = req.headers();
    let get = |name: &str| h.get(name).and_then(|v| v.to_str().ok());
    let allowed = is_allowed(
        req.method(),
        get("sec-fetch-site"),
        get(header::ORIGIN.as_str()),
        get(header::HOST.as_str()),
        &base,
    );
    if allowed {
        next.run(req).await
    } else {
        tracing::warn!(
            method = %req.method(),
            path = %crate::requests::loggable_path(req.uri().path()),
            "cross-site request refused"
        );
        (StatusCode::FORBIDDEN, "Requête refusée : elle ne vient pas de ce site. / Request refused: it does not come from this site.").into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_methods_pass() {
        assert!(is_allowed(
            &Method::GET,
            Some("cross-site"),
            Some("https://evil.example"),
            Some("a"),
            "https://cohorte.example"
        ));
    }

    #[test]
    fn fetch_metadata_decides_when_present() {
        assert!(is_allowed(
            &Method::POST,
            Some("same-origin"),
            None,
            None,
            "https://cohorte.example"
        ));
        assert!(is_allowed(
            &Method::POST,
            Some("none"),
            None,
            None,
            "https://cohorte.example"
        ));
        assert!(!is_allowed(
            &Method::POST,
            Some("cross-site"),
            None,
            None,
            "https://cohorte.example"
        ));
        assert!(!is_allowed(
            &Method::POST,
            Some("same-site"),
            None,
            None,
            "https://cohorte.example"
        ));
    }

    #[test]
    fn origin_must_match_host() {
        assert!(is_allowed(
            &Method::POST,
            None,
            Some("http://127.0.0.1:3000"),
            Some("127.0.0.1:3000"),
            "https://cohorte.example"
        ));
        assert!(!is_allowed(
            &Method::POST,
            None,
            Some("https://evil.example"),
            Some("127.0.0.1:3000"),
            "https://cohorte.example"
        ));
        assert!(!is_allowed(
            &Method::POST,
            None,
            Some("null"),
            Some("127.0.0.1:3000"),
            "https://cohorte.example"
        ));
    }

    #[test]
    fn the_public_origin_passes_behind_a_proxy() {
        assert!(is_allowed(
            &Method::POST,
            None,
            Some("https://cohorte.example"),
            Some("10.0.0.5:3000"),
            "https://cohorte.example"
        ));
    }

    #[test]
    fn non_browser_clients_pass() {
        assert!(is_allowed(
            &Method::POST,
            None,
            None,
            Some("127.0.0.1:3000"),
            "https://cohorte.example"
        ));
    }
}
