//! On the server, islands render only: nothing to wire.

use super::autosave::AutosaveTexts;
use leptos::prelude::WriteSignal;

pub fn autosave(
    _form_id: &str,
    _upload_form_id: &str,
    _endpoint: String,
    _texts: AutosaveTexts,
    _status: WriteSignal<String>,
    _alert: WriteSignal<String>,
) {
}

/// The browser's clock; none on the server.
pub fn now_ms() -> Option<i64> {
    None
}
