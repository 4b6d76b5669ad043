use leptos::prelude::*;

/// A textarea with a live character counter once hydrated
/// ([`super::Enhance`]). Without JavaScript the limit is stated in the
/// field's hint and enforced by `maxlength` and the server; the counter
/// stays hidden since it could not follow the typing.
#[component]
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
    let count_id = format!("{id}-compte");
    let described = match describedby {
        Some(d) => format!("{d} {count_id}"),
        None => count_id.clone(),
    };
    view! {
        <textarea
            id=id.clone()
            name=name
            rows=rows
            maxlength=max
            disabled=disabled
            aria-invalid=invalid.then_some("true")
            aria-describedby=described
        >
            {value}
        </textarea>
        <p class="hint counter" id=count_id aria-live="polite" hidden=true
            data-counter=id data-max=max.to_string() data-template=count_template></p>
    }
}
