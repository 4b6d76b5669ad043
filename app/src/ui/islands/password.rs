use leptos::prelude::*;

/// A password input with a live character count and a show/hide toggle
/// once hydrated ([`super::Enhance`]). Without JavaScript it is a plain
/// password input (the toggle and the count stay hidden, since they could
/// not work).
#[component]
pub fn PasswordInput(
    id: String,
    name: String,
    autocomplete: String,
    describedby: Option<String>,
    invalid: bool,
    show_label: String,
    hide_label: String,
    /// "{count} {count|character|characters} of 12 minimum"; empty: no count.
    count_template: String,
) -> impl IntoView {
    let count_id = format!("{id}-compte");
    let label = show_label.clone();
    view! {
        <div class="password-input">
            <input
                id=id.clone()
                name=name
                type="password"
                autocomplete=autocomplete
                required=true
                aria-invalid=invalid.then_some("true")
                aria-describedby=describedby
            />
            <button type="button" class="secondary small" hidden=true aria-pressed="false"
                data-password=id.clone() data-show=show_label data-hide=hide_label>
                {label}
            </button>
            // No count without its text (signing in: no minimum to reach).
            {(!count_template.is_empty()).then(|| view! {
                <p class="hint" id=count_id aria-live="polite" hidden=true
                    data-password-count=id data-template=count_template></p>
            })}
        </div>
    }
}
