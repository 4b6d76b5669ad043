use leptos::prelude::*;

/// The limit of a field and its live character count once hydrated
/// ([`super::Enhance`]), placed after the field's control (`id`). The
/// limit is a hint the control names in its `aria-describedby`
/// (`<id>-limite`, see `limit_id`): a screen reader says it once, with the
/// label. The live count is for the eye (`aria-hidden`): a live region
/// that changed at every key would be read at every key, on top of the
/// description. What a screen reader hears while typing is the polite
/// status beside it, written once the typing pauses. Without JavaScript
/// the count stays hidden (it could not follow the typing); the limit is
/// enforced by `maxlength` and the server.
#[component]
pub fn CharCounter(
    id: String,
    max: usize,
    /// "{count} characters of {max}"
    count_template: String,
) -> impl IntoView {
    view! {
        <p class="hint" id=limit_id(&id)>
            {crate::i18n::fill(crate::ui::tr(crate::i18n::Msg::MaxChars), &[("max", &max.to_string())])}
        </p>
        <p class="hint counter" id=format!("{id}-compte") aria-hidden="true" hidden=true
            data-counter=id.clone() data-max=max.to_string() data-template=count_template></p>
        <p class="visually-hidden" role="status" data-counter-status=id></p>
    }
}

/// The id of the limit's hint of the field `id`.
pub fn limit_id(id: &str) -> String {
    format!("{id}-limite")
}

/// `described` (the hint and error ids, if any) and the limit's hint.
pub fn with_limit(described: Option<String>, id: &str) -> String {
    match described {
        Some(d) => format!("{d} {}", limit_id(id)),
        None => limit_id(id),
    }
}
