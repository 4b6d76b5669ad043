//! The browser side of the autosave island: listens to the form's changes,
//! posts it with `fetch` a few seconds after the last one, and reports.

use super::autosave::AutosaveTexts;
use crate::api::defis::SavedDraft;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_futures::JsFuture;
use web_sys::{FormData, HtmlFormElement, HtmlInputElement, RequestInit, UrlSearchParams};

/// Seconds of quiet after a change before saving.
const DEBOUNCE: Duration = Duration::from_secs(2);
/// Seconds before retrying a save that could not reach the server.
const RETRY: Duration = Duration::from_secs(10);

enum Outcome {
    Saved(SavedDraft),
    Refused(Refusal),
    Offline,
}

/// What kind of `AppError` the server answered, read from its JSON without
/// deserialising the messages: parsing `Msg` (hundreds of variant names)
/// would put every message name in the browser bundle.
enum Refusal {
    Conflict,
    Invalid,
    SignedOut,
    Other,
}

impl Refusal {
    /// `"Conflict"`, `{"Validation":[…]}`, `{"Refused":"…"}`: the variant
    /// is the first string of the JSON.
    fn of(body: &str) -> Option<Self> {
        let rest = body.trim_start();
        let rest = rest.strip_prefix('{').unwrap_or(rest).trim_start();
        let kind = rest.strip_prefix('"')?.split('"').next()?;
        Some(match kind {
            "Conflict" => Refusal::Conflict,
            "Validation" => Refusal::Invalid,
            "Forbidden" => Refusal::SignedOut,
            _ => Refusal::Other,
        })
    }
}

struct Saver {
    form: HtmlFormElement,
    endpoint: String,
    texts: AutosaveTexts,
    status: WriteSignal<String>,
    alert: WriteSignal<String>,
    /// Bumped at each change; a timer only fires for the latest one.
    generation: Cell<u64>,
    in_flight: Cell<bool>,
    again: Cell<bool>,
    stopped: Cell<bool>,
    /// Changes not yet sent to the server.
    dirty: Cell<bool>,
    /// The upload form, held until the unsaved changes are saved.
    upload_after: RefCell<Option<HtmlFormElement>>,
    /// A submission held until the save in flight is done (its button).
    submit_after: RefCell<Option<Option<web_sys::HtmlElement>>>,
}

pub fn autosave(
    form_id: &str,
    upload_form_id: &str,
    endpoint: String,
    texts: AutosaveTexts,
    status: WriteSignal<String>,
    alert: WriteSignal<String>,
) {
    let Some(form) = document()
        .get_element_by_id(form_id)
        .and_then(|e| e.dyn_into::<HtmlFormElement>().ok())
    else {
        return;
    };
    let saver = Rc::new(Saver {
        form: form.clone(),
        endpoint,
        texts,
        status,
        alert,
        generation: Cell::new(0),
        in_flight: Cell::new(false),
        again: Cell::new(false),
        stopped: Cell::new(false),
        dirty: Cell::new(false),
        upload_after: RefCell::new(None),
        submit_after: RefCell::new(None),
    });
    let on_change = {
        let saver = saver.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            saver.dirty.set(true);
            schedule(&saver, DEBOUNCE)
        })
    };
    for kind in ["input", "change"] {
        let _ = form.add_event_listener_with_callback(kind, on_change.as_ref().unchecked_ref());
    }
    on_change.forget();
    // An explicit submission (save or submit button) cancels pending saves;
    // if a save is on its way, the submission waits for it, so that it
    // carries the version that save produced (else it would be refused as a
    // conflict with itself).
    let on_submit = {
        let saver = saver.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            if saver.in_flight.get() {
                ev.prevent_default();
                let submitter = ev
                    .dyn_ref::<web_sys::SubmitEvent>()
                    .and_then(|e| e.submitter());
                saver.submit_after.replace(Some(submitter));
            } else {
                saver.stopped.set(true);
            }
        })
    };
    let _ = form.add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref());
    on_submit.forget();
    for upload in upload_form_id.split(',').filter_map(|id| {
        document()
            .get_element_by_id(id.trim())
            .and_then(|e| e.dyn_into::<HtmlFormElement>().ok())
    }) {
        let on_upload = {
            let saver = saver.clone();
            let upload = upload.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
                if (saver.dirty.get() || saver.in_flight.get()) && !saver.stopped.get() {
                    ev.prevent_default();
                    saver.upload_after.replace(Some(upload.clone()));
                    save(saver.clone());
                }
            })
        };
        let _ =
            upload.add_event_listener_with_callback("submit", on_upload.as_ref().unchecked_ref());
        on_upload.forget();
    }
}

fn schedule(saver: &Rc<Saver>, after: Duration) {
    let generation = saver.generation.get() + 1;
    saver.generation.set(generation);
    let saver = saver.clone();
    set_timeout(
        move || {
            if saver.generation.get() == generation {
                save(saver);
            }
        },
        after,
    );
}

fn save(saver: Rc<Saver>) {
    if saver.stopped.get() {
        return;
    }
    if saver.in_flight.get() {
        saver.again.set(true);
        return;
    }
    saver.in_flight.set(true);
    saver.dirty.set(false);
    saver.status.set(saver.texts.saving.clone());
    leptos::task::spawn_local(async move {
        let outcome = post(&saver).await;
        saver.in_flight.set(false);
        let held = saver.submit_after.take();
        if !matches!(outcome, Outcome::Saved(_)) {
            saver.dirty.set(true);
        }
        // A held upload goes once the text is safe (after the follow-up save
        // when more was typed meanwhile), or at once if it cannot be saved:
        // the server then answers the upload as it would have.
        let more_to_save = matches!(outcome, Outcome::Saved(_)) && saver.again.get();
        if !more_to_save && let Some(upload) = saver.upload_after.take() {
            saver.stopped.set(true);
            saver.again.set(false);
            let _ = upload.request_submit();
        }
        match outcome {
            Outcome::Saved(saved) => {
                if let Some(input) = saver
                    .form
                    .query_selector("input[name=version]")
                    .ok()
                    .flatten()
                    .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
                {
                    input.set_value(&saved.version.to_string());
                }
                saver
                    .status
                    .set(crate::i18n::fill(&saver.texts.saved, &[&saved.saved_at]));
                saver.alert.set(String::new());
                if let Some(submitter) = held {
                    saver.stopped.set(true);
                    let _ = saver.form.request_submit_with_submitter(submitter.as_ref());
                } else if saver.again.replace(false) {
                    save(saver);
                }
            }
            _ if held.is_some() => {
                // The person asked to save: let the server answer them.
                saver.stopped.set(true);
                let submitter = held.flatten();
                let _ = saver.form.request_submit_with_submitter(submitter.as_ref());
            }
            Outcome::Refused(Refusal::Conflict) => {
                // Someone saved in another tab or on another computer: stop
                // rather than overwrite; the person decides.
                saver.stopped.set(true);
                saver.alert.set(saver.texts.conflict.clone());
            }
            Outcome::Refused(Refusal::Invalid) => saver.alert.set(saver.texts.invalid.clone()),
            Outcome::Refused(Refusal::SignedOut) => {
                saver.stopped.set(true);
                saver.alert.set(saver.texts.signed_out.clone());
            }
            Outcome::Refused(Refusal::Other) => {
                saver.stopped.set(true);
                saver.alert.set(saver.texts.not_editable.clone());
            }
            Outcome::Offline => {
                saver.alert.set(saver.texts.failed.clone());
                schedule(&saver, RETRY);
            }
        }
    });
}

async fn post(saver: &Saver) -> Outcome {
    let Ok(data) = FormData::new_with_form(&saver.form) else {
        return Outcome::Offline;
    };
    data.delete("intent");
    let Ok(params) = UrlSearchParams::new_with_str_sequence_sequence(&data) else {
        return Outcome::Offline;
    };
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_body(&params.to_string().into());
    let Ok(headers) = web_sys::Headers::new() else {
        return Outcome::Offline;
    };
    let _ = headers.set("Content-Type", "application/x-www-form-urlencoded");
    let _ = headers.set("Accept", "application/json");
    init.set_headers(&headers);
    let Ok(response) =
        JsFuture::from(window().fetch_with_str_and_init(&saver.endpoint, &init)).await
    else {
        return Outcome::Offline;
    };
    let Ok(response) = response.dyn_into::<web_sys::Response>() else {
        return Outcome::Offline;
    };
    let Ok(text) = response.text() else {
        return Outcome::Offline;
    };
    let Ok(body) = JsFuture::from(text).await else {
        return Outcome::Offline;
    };
    let body = body.as_string().unwrap_or_default();
    if response.ok() {
        match super::autosave::saved_of(&body) {
            Some(saved) => Outcome::Saved(saved),
            None => Outcome::Offline,
        }
    } else {
        match Refusal::of(&body) {
            Some(r) => Outcome::Refused(r),
            None => Outcome::Offline,
        }
    }
}

/// The browser's clock, in milliseconds since the Unix epoch.
pub fn now_ms() -> Option<i64> {
    Some(js_sys::Date::now() as i64)
}
