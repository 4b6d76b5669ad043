//! The browser side of a decision form's message templates
//! (`ui::templates`): a template's link fills the form in place, its
//! decision chosen and its text in the message, instead of opening the
//! page with `?modele=` (what it does without JavaScript).

use super::browser::{data, each};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::HtmlTextAreaElement;

/// Wires every template link of the page.
pub fn wire() {
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
