//! Components and pages, grouped by who uses them. Pages are rendered on the
//! server; only `islands` run in the browser.

pub mod account;
pub mod admin;
pub mod coordinator;
pub mod form;
pub mod islands;
pub mod layout;
pub mod public;
pub mod response;

use crate::i18n::{Locale, Msg};
use crate::model::page::PageContext;
use leptos::prelude::*;

/// The request's context (empty outside a server render).
pub fn page() -> PageContext {
    use_context::<PageContext>().unwrap_or_default()
}

pub fn locale() -> Locale {
    page().locale
}

/// The text for `msg` in the reader's language.
pub fn tr(msg: Msg) -> &'static str {
    locale().t(msg)
}
