//! What a call to a server function (`/api/…`) may carry: a body of at
//! most 1 MiB (the longest form, a dossier with every text at its
//! maximum, is far under it) and, unless multipart, at most 5,000 fields (a
//! batch of a thousand dossiers is one field each), each name and value
//! valid UTF-8 once decoded (browsers send nothing else; decoding bad
//! bytes would store replacement characters instead of what was sent).
//! Beyond, the plain "could not be read" page (413 or 400) before any
//! decoding: nothing is stored, and memory stays bounded whatever a
//! client sends.

use app::model::AppError;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

pub const MAX_BODY: usize = 1 << 20;
pub const MAX_FIELDS: usize = 5_000;

fn refused(status: StatusCode) -> Response {
    let mut res = crate::refusal::response(AppError::Malformed);
    *res.status_mut() = status;
    res
}

/// The middleware on `/api/{*fn_name}`.
pub async fn forms(req: Request, next: Next) -> Response {
    let (parts, body) = req.into_parts();
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_BODY) {
        return refused(StatusCode::PAYLOAD_TOO_LARGE);
    }
    let bytes = match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(b) => b,
        // Without a length, it went past the limit; with one, it was cut
        // short.
        Err(_) if declared.is_none() => return refused(StatusCode::PAYLOAD_TOO_LARGE),
        Err(_) => return refused(StatusCode::BAD_REQUEST),
    };
    // Leptos decodes a body as a form whatever its type says: every body
    // but a multipart one is checked.
    let multipart = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.to_ascii_lowercase().starts_with("multipart/"));
    if !multipart {
        if bytes.split(|b| *b == b'&').count() > MAX_FIELDS {
            return refused(StatusCode::PAYLOAD_TOO_LARGE);
        }
        if !decodes(&bytes) {
            return refused(StatusCode::BAD_REQUEST);
        }
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// Whether every name and value of a URL-encoded body is UTF-8 once
/// percent-decoded.
fn decodes(body: &[u8]) -> bool {
    body.split(|b| matches!(b, b'&' | b'='))
        .all(|part| percent_encoding::percent_decode(part).decode_utf8().is_ok())
}

#[cfg(test)]
mod tests {
    #[test]
    fn forms_must_decode_to_utf8() {
        assert!(super::decodes(b"name=Ad%C3%A9le&x=%E2%82%AC+1"));
        assert!(!super::decodes(b"name=Ada%FF"));
        assert!(!super::decodes(b"%C3=x"));
    }
}
