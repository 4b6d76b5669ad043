use leptos::prelude::*;

/// A password input with a live character count and a show/hide toggle.
/// Without JavaScript it is a plain password input (the toggle and the count
/// stay hidden, since they could not work).
#[island]
pub fn PasswordInput(
    id: String,
    name: String,
    autocomplete: String,
    describedby: Option<String>,
    invalid: bool,
    show_label: String,
    hide_label: String,
    /// "{} characters of 12 minimum"
    count_template: String,
) -> impl IntoView {
    let (hydrated, set_hydrated) = signal(false);
    let (visible, set_visible) = signal(false);
    let (count, set_count) = signal(0usize);
    Effect::new(move |_| set_hydrated.set(true));
    let count_id = format!("{id}-compte");
    view! {
        <div class="password-input">
            <input
                id=id
                name=name
                type=move || if visible.get() { "text" } else { "password" }
                autocomplete=autocomplete
                required=true
                aria-invalid=invalid.then_some("true")
                aria-describedby=describedby
                on:input=move |ev| set_count.set(event_target_value(&ev).chars().count())
            />
            <button
                type="button"
                class="secondary small"
                hidden=move || !hydrated.get()
                aria-pressed=move || if visible.get() { "true" } else { "false" }
                on:click=move |_| set_visible.update(|v| *v = !*v)
            >
                {move || if visible.get() { hide_label.clone() } else { show_label.clone() }}
            </button>
            <p class="hint" id=count_id aria-live="polite" hidden=move || !hydrated.get()>
                {move || crate::i18n::fill(&count_template, &[&count.get().to_string()])}
            </p>
        </div>
    }
}
