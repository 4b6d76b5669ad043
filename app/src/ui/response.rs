//! Setting the HTTP status or a redirect from a page render. Only the server
//! renders pages; in the browser build these do nothing.

#[cfg(feature = "ssr")]
mod imp {
    use leptos::prelude::use_context;

    pub fn set_status(code: u16) {
        if let (Some(res), Ok(code)) = (
            use_context::<leptos_axum::ResponseOptions>(),
            axum::http::StatusCode::from_u16(code),
        ) {
            res.set_status(code);
        }
    }

    pub fn redirect(path: &str) {
        leptos_axum::redirect(path);
    }

    /// `Retry-After` on a 503 page.
    pub fn retry_after(seconds: &'static str) {
        if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
            res.insert_header(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from_static(seconds),
            );
        }
    }
}

#[cfg(not(feature = "ssr"))]
mod imp {
    pub fn set_status(_code: u16) {}
    pub fn redirect(_path: &str) {}
    pub fn retry_after(_seconds: &'static str) {}
}

pub use imp::{redirect, retry_after, set_status};
