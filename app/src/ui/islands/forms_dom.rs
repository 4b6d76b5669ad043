//! Form helpers in the browser, wired by [`super::Enhance`]: a decision
//! form's message templates (`ui::templates`: a template's link fills the
//! form in place, its decision chosen and its text in the message,
//! instead of opening the page with `?modele=`, what it does without
//! JavaScript), and the dossier's marks of the défis that seek the
//! profile chosen, which follow a change of profile before the next save.

use super::browser::{by_id, data, each};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::HtmlElement;
use web_sys::HtmlTextAreaElement;

/// Wires the page's template links and profile marks.
pub fn wire() {
    // The dossier's choices say which défis seek the profile chosen, as
    // soon as it changes (the server wrote them for the saved one).
    if let (Some(profile), Some(choices)) = (
        by_id::<web_sys::HtmlSelectElement>("champ-profile"),
        by_id::<HtmlElement>("champ-choices"),
    ) {
        let (yes, no) = (data(&choices, "fit-yes"), data(&choices, "fit-no"));
        let source = profile.clone();
        let listener = Closure::<dyn Fn()>::new(move || {
            let chosen = source.value();
            each("[data-fit]", |mark| {
                let seeks = data(&mark, "fit").split(' ').any(|p| p == chosen);
                let (class, text) = match (chosen.is_empty(), seeks) {
                    (true, _) => ("fit", ""),
                    (false, true) => ("fit fit-yes", yes.as_str()),
                    (false, false) => ("fit fit-no", no.as_str()),
                };
                mark.set_class_name(class);
                mark.set_text_content(Some(text));
            });
        });
        let _ =
            profile.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
        listener.forget();
    }

    each("[data-template]", |link| {
        let target = link.clone();
        let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
            let Some(form) = target.closest("form").ok().flatten() else {
                return;
            };
            let select = form
                .query_selector(&format!(
                    "select[name=\"{}\"]",
                    data(&target, "template-select")
                ))
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok());
            let message = form
                .query_selector("textarea[name=message]")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok());
            let (Some(select), Some(message)) = (select, message) else {
                return;
            };
            ev.prevent_default();
            select.set_value(&data(&target, "template-code"));
            message.set_value(&data(&target, "template"));
            if let Ok(input) = web_sys::Event::new("input") {
                let _ = message.dispatch_event(&input);
            }
            let _ = message.focus();
        });
        let _ = link.add_event_listener_with_callback("click", listener.as_ref().unchecked_ref());
        listener.forget();
    });
}
