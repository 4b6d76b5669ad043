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
}

#[cfg(not(feature = "ssr"))]
mod imp {
    pub fn set_status(_code: u16) {}
    pub fn redirect(_path: &str) {}
}

pub use imp::{redirect, set_status};
