//! The browser side of [`super::Enhance`]: finds the page's enhanced
//! elements by their `data-*` attributes and wires them with the DOM.
//! The autosave listens to the form's changes, posts it with `fetch` a few
//! seconds after the last one, and reports.

use super::autosave::AutosaveTexts;
use crate::api::defis::SavedDraft;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Element, FormData, HtmlElement, HtmlFormElement, HtmlInputElement, HtmlTextAreaElement,
    RequestInit, UrlSearchParams,
};

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
    /// `role=status`: the last save.
    status: Element,
    /// `role=alert`: a save that failed, hidden when empty.
    alert: Element,
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

impl Saver {
    fn say(&self, text: &str) {
        self.status.set_text_content(Some(text));
    }

    fn warn(&self, text: &str) {
        self.alert.set_text_content(Some(text));
        let _ = self
            .alert
            .toggle_attribute_with_force("hidden", text.is_empty());
    }
}

/// Every element of the page matching `selector`.
pub(super) fn each(selector: &str, mut wire: impl FnMut(HtmlElement)) {
    let Ok(found) = document().query_selector_all(selector) else {
        return;
    };
    for i in 0..found.length() {
        if let Some(el) = found.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
            wire(el);
        }
    }
}

/// The page's language (`<html lang>`), for the plural forms of the texts
/// the browser fills.
fn page_locale() -> crate::i18n::Locale {
    document()
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|code| crate::i18n::Locale::from_code(&code))
        .unwrap_or_default()
}

pub(super) fn data(el: &HtmlElement, key: &str) -> String {
    el.get_attribute(&format!("data-{key}")).unwrap_or_default()
}

/// The text of a textarea or an input.
fn value_of(field: &HtmlElement) -> String {
    if let Some(area) = field.dyn_ref::<HtmlTextAreaElement>() {
        area.value()
    } else if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
        input.value()
    } else {
        String::new()
    }
}

/// Calls `f` at each `input` event of `target`, and once now.
fn on_input(target: &Element, f: impl Fn() + 'static) {
    f();
    let listener = Closure::<dyn Fn()>::new(f);
    let _ = target.add_event_listener_with_callback("input", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Wires every enhanced element of the page (see `super`).
pub fn enhance() {
    // A field's live character count (a textarea, or a counted line):
    // shown at once, said once the typing pauses (`CharCounter`).
    each("[data-counter]", |p| {
        let Some(field) = by_id::<HtmlElement>(&data(&p, "counter")) else {
            return;
        };
        let status = document()
            .query_selector(&format!(
                "[data-counter-status=\"{}\"]",
                data(&p, "counter")
            ))
            .ok()
            .flatten();
        let (template, max) = (data(&p, "template"), data(&p, "max"));
        let limit: usize = max.parse().unwrap_or(usize::MAX);
        let source = field.clone();
        let shown = p.clone();
        let typed = Rc::new(Cell::new(0u32));
        on_input(&field, move || {
            let n = value_of(&source).chars().count();
            let text = page_locale().fill(&template, &[("count", &n.to_string()), ("max", &max)]);
            shown.set_text_content(Some(&text));
            let class = if n > limit {
                "hint counter counter-over"
            } else {
                "hint counter"
            };
            shown.set_class_name(class);
            // The first call is the page's value: nothing to say yet.
            let generation = typed.get() + 1;
            typed.set(generation);
            if let (Some(status), true) = (status.clone(), generation > 1) {
                let typed = typed.clone();
                set_timeout(
                    move || {
                        if typed.get() == generation {
                            status.set_text_content(Some(&text));
                        }
                    },
                    Duration::from_millis(1200),
                );
            }
        });
        p.set_hidden(false);
    });
    super::forms_dom::wire();
    // A password's count and its show/hide button.
    each("[data-password-count]", |p| {
        let Some(input) = by_id::<HtmlInputElement>(&data(&p, "password-count")) else {
            return;
        };
        let template = data(&p, "template");
        let source = input.clone();
        let shown = p.clone();
        on_input(&input, move || {
            let n = source.value().chars().count();
            shown.set_text_content(Some(
                &page_locale().fill(&template, &[("count", &n.to_string())]),
            ));
        });
        p.set_hidden(false);
    });
    each("[data-password]", |button| {
        let Some(input) = by_id::<HtmlInputElement>(&data(&button, "password")) else {
            return;
        };
        let (show, hide) = (data(&button, "show"), data(&button, "hide"));
        let toggle = button.clone();
        let listener = Closure::<dyn Fn()>::new(move || {
            let visible = input.type_() == "password";
            input.set_type(if visible { "text" } else { "password" });
            toggle.set_text_content(Some(if visible { &hide } else { &show }));
            let _ = toggle.set_attribute("aria-pressed", if visible { "true" } else { "false" });
        });
        let _ = button.add_event_listener_with_callback("click", listener.as_ref().unchecked_ref());
        listener.forget();
        button.set_hidden(false);
    });
    // The time left before a deadline, on the server's clock (the
    // browser's may be wrong).
    each("[data-countdown]", |p| {
        let (Ok(deadline), Ok(server_now)) = (
            data(&p, "countdown").parse::<i64>(),
            data(&p, "now").parse::<i64>(),
        ) else {
            return;
        };
        let skew = server_now - now_ms();
        let (template, closed) = (data(&p, "template"), data(&p, "closed"));
        let shown = p.clone();
        let tick = move || {
            let text = super::countdown::left(
                deadline - (now_ms() + skew),
                (page_locale(), &template),
                &closed,
            );
            shown.set_text_content(Some(&text));
        };
        tick();
        set_interval(tick, Duration::from_secs(30));
        p.set_hidden(false);
    });
    each("[data-autosave]", |host| {
        let texts = AutosaveTexts {
            saved: data(&host, "saved"),
            saving: data(&host, "saving"),
            failed: data(&host, "failed"),
            conflict: data(&host, "conflict"),
            invalid: data(&host, "invalid"),
            not_editable: data(&host, "not-editable"),
            signed_out: data(&host, "signed-out"),
        };
        let (Ok(Some(status)), Ok(Some(alert))) = (
            host.query_selector("[role=status]"),
            host.query_selector("[role=alert]"),
        ) else {
            return;
        };
        autosave(
            &data(&host, "autosave"),
            &data(&host, "upload"),
            data(&host, "endpoint"),
            texts,
            status,
            alert,
        );
    });
}

pub(super) fn by_id<T: JsCast>(id: &str) -> Option<T> {
    document().get_element_by_id(id)?.dyn_into::<T>().ok()
}

fn autosave(
    form_id: &str,
    upload_form_id: &str,
    endpoint: String,
    texts: AutosaveTexts,
    status: Element,
    alert: Element,
) {
    let Some(form) = by_id::<HtmlFormElement>(form_id) else {
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
    saver.say(&saver.texts.saving);
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
                saver.say(&crate::i18n::fill(
                    &saver.texts.saved,
                    &[("time", &saved.saved_at)],
                ));
                // Saved but for a part the server refused (the dossier's
                // ranks): say what, until a save takes everything.
                saver.warn(saved.refused.as_deref().unwrap_or_default());
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
                saver.warn(&saver.texts.conflict);
            }
            Outcome::Refused(Refusal::Invalid) => saver.warn(&saver.texts.invalid),
            Outcome::Refused(Refusal::SignedOut) => {
                saver.stopped.set(true);
                saver.warn(&saver.texts.signed_out);
            }
            Outcome::Refused(Refusal::Other) => {
                saver.stopped.set(true);
                saver.warn(&saver.texts.not_editable);
            }
            Outcome::Offline => {
                saver.warn(&saver.texts.failed);
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
fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}
