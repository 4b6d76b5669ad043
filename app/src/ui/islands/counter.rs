use leptos::prelude::*;

/// A textarea with a live character counter. Without JavaScript the limit
/// is stated in the field's hint and enforced by `maxlength` and the server;
/// the counter stays hidden since it could not follow the typing.
#[island]
pub fn CountedTextArea(
    id: String,
    name: String,
    value: String,
    max: usize,
    rows: u32,
    describedby: Option<String>,
    invalid: bool,
    disabled: bool,
    /// "{} characters of {}"
    count_template: String,
) -> impl IntoView {
    let (hydrated, set_hydrated) = signal(false);
    let (count, set_count) = signal(value.chars().count());
    Effect::new(move |_| set_hydrated.set(true));
    let count_id = format!("{id}-compte");
    let described = match describedby {
        Some(d) => format!("{d} {count_id}"),
        None => count_id.clone(),
    };
    view! {
        <textarea
            id=id
            name=name
            rows=rows
            maxlength=max
            disabled=disabled
            aria-invalid=invalid.then_some("true")
            aria-describedby=described
            on:input=move |ev| set_count.set(event_target_value(&ev).chars().count())
        >
            {value}
        </textarea>
        <p class="hint counter" id=count_id aria-live="polite" hidden=move || !hydrated.get()
            class:counter-over=move || { count.get() > max }>
            {move || {
                crate::i18n::fill(&count_template, &[&count.get().to_string(), &max.to_string()])
            }}
        </p>
    }
}
