//! The one conversion of an `AppError` into an HTTP response for what is
//! not a page (files, exports): not found → 404, sign-in needed → the
//! sign-in page, anything unexpected → 500. Each comes with a short plain
//! page in French and English; internals were logged where they happened
//! and never reach the response. Pages use the same rules (`ErrorPage`).

use app::i18n::Locale;
use app::model::AppError;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};

/// The status of an error's answer (a refused script call, a file).
pub fn status(e: &AppError) -> StatusCode {
    match e {
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::RateLimited => StatusCode::TOO_MANY_REQUESTS,
        AppError::Conflict => StatusCode::CONFLICT,
        AppError::Validation(_) | AppError::Refused(_) => StatusCode::BAD_REQUEST,
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
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_error_has_its_status() {
        assert_eq!(response(AppError::NotFound).status(), 404);
        assert_eq!(response(AppError::Unexpected).status(), 500);
        assert_eq!(response(AppError::RateLimited).status(), 429);
        let r = response(AppError::Forbidden);
        assert!(r.status().is_redirection());
        assert_eq!(r.headers()["location"], "/connexion");
    }
}
