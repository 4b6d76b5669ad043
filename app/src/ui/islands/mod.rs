//! What runs in the browser. Every enhanced element is complete and
//! working as the server renders it (a plain textarea, a password input, a
//! closing date, a form with its save button) and says what it needs in
//! `data-*` attributes; one island without props, [`Enhance`], placed in
//! the layout of every page, finds those elements once hydrated and adds
//! the behaviour (`browser.rs`): a live character count, a show/hide
//! button, a countdown, the autosave.
//!
//! Why one island without props: the props of an island travel as JSON,
//! so any island with props puts a JSON parser and serialiser in the
//! browser bundle, with the float formatting their error messages print
//! (serde_json and f64 formatting were 64 KB of the 462 KB of code before
//! `wasm-opt`; docs/benchmarks.md). Texts and numbers are read from the
//! attributes instead.

pub mod autosave;
// What touches the browser's DOM directly; a no-op on the server.
#[cfg_attr(feature = "hydrate", path = "browser.rs")]
#[cfg_attr(not(feature = "hydrate"), path = "browser_stub.rs")]
mod browser;
mod countdown;
mod counter;
// Form helpers once hydrated (see `browser`).
#[cfg(feature = "hydrate")]
mod forms_dom;
mod password;

pub use autosave::Autosave;
pub use countdown::Countdown;
pub use counter::{CharCounter, with_limit};
pub use password::PasswordInput;

use leptos::prelude::*;

/// Wires every enhanced element of the page once hydrated (nothing on the
/// server, nothing to render).
#[island]
pub fn Enhance() -> impl IntoView {
    browser::enhance();
}
