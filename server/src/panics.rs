//! A request whose handler panics answers the plain "unexpected error"
//! page (500, as every other unexpected error: `refusal`) instead of
//! dropping the connection; the server goes on serving. The panic is
//! logged in the request's span, with the request's id, which comes back
//! in `x-request-id` (`requests`), so that an operator can find the log
//! line a person reports; its place is logged by `hook`, its message
//! neither logged (it may quote what someone typed) nor sent.
//! Chosen: tower-http's `CatchPanicLayer` (the stack's own).

use app::model::AppError;
use axum::response::Response;
use std::any::Any;
use tower_http::catch_panic::CatchPanicLayer;

fn answer(_panic: Box<dyn Any + Send + 'static>) -> Response {
    // The message may quote what a person typed: only the fact is logged
    // here, in the request's span; `hook` logged where it happened.
    tracing::error!("a request panicked");
    crate::refusal::response(AppError::Unexpected)
}

/// The process's panic hook: the panic's place (file, line), never its
/// message, logged in the current span (a request's id) instead of the
/// default hook's message on standard error.
pub fn hook() {
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        tracing::error!(at = %at, "panic");
    }));
}

/// The layer, outermost in the router.
pub fn layer() -> CatchPanicLayer<fn(Box<dyn Any + Send + 'static>) -> Response> {
    CatchPanicLayer::custom(answer as fn(Box<dyn Any + Send + 'static>) -> Response)
}

#[cfg(test)]
mod tests {
    use axum::Router;
    use axum::body::{Body, to_bytes};
    use axum::http::{Request, StatusCode};
    use axum::routing::get;
    use tower::ServiceExt;

    #[tokio::test]
    async fn a_panic_answers_the_plain_error_page_without_its_internals() {
        let router: Router = Router::new()
            .route(
                "/",
                get(|| async {
                    if true {
                        panic!("secret internal detail");
                    }
                    "never"
                }),
            )
            .route("/ok", get(|| async { "fine" }))
            .layer(super::layer())
            .layer(axum::middleware::from_fn_with_state(
                false,
                crate::requests::identify,
            ));
        let res = router
            .clone()
            .oneshot(Request::get("/").body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(res.headers()[crate::requests::REQUEST_ID].len(), 16);
        let body = to_bytes(res.into_body(), 100_000).await.unwrap();
        let text = String::from_utf8_lossy(&body);
        assert!(!text.contains("secret internal detail"), "{text}");
        assert!(text.contains("<h1>Cohorte</h1>"), "{text}");
        // The router goes on serving.
        let res = router
            .oneshot(Request::get("/ok").body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
    }
}
