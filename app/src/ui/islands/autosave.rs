use leptos::prelude::*;

/// Texts the autosave status shows, in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AutosaveTexts {
    /// "Saved at {}"
    pub saved: String,
    pub saving: String,
    pub failed: String,
    pub conflict: String,
    pub invalid: String,
    pub not_editable: String,
    pub signed_out: String,
}

/// Saves the form `form_id` a few seconds after each change, by posting it
/// to `endpoint` as the no-JavaScript form would, and says when it last
/// saved. A failed save is announced at once (`role=alert`) and retried.
/// The upload form waits for unsaved changes to be saved before it leaves
/// the page.
/// Without JavaScript the status shows the last save, and the form's own
/// "save" button does the work.
#[island]
pub fn Autosave(
    form_id: String,
    endpoint: String,
    /// Other forms of the page (file uploads, ids separated by commas) that
    /// must not leave unsaved changes behind: their submission waits for a
    /// save.
    upload_form_id: String,
    texts: AutosaveTexts,
    initial: String,
) -> impl IntoView {
    let (status, set_status) = signal(initial);
    let (alert, set_alert) = signal(String::new());
    Effect::new(move |_| {
        super::browser::autosave(
            &form_id,
            &upload_form_id,
            endpoint.clone(),
            texts.clone(),
            set_status,
            set_alert,
        )
    });
    view! {
        <div class="autosave">
            <p class="autosave-status" role="status">{move || status.get()}</p>
            <p class="autosave-alert" role="alert" hidden=move || alert.get().is_empty()>{move || alert.get()}</p>
        </div>
    }
}
