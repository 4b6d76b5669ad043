//! Form pieces: a labelled field with its hint and error, the error summary
//! at the top of a form.

use super::tr;
use crate::i18n::{Msg, fill};
use crate::model::AppError;
use leptos::prelude::*;

/// The error a server action left (after a no-JS redirect, or a hydrated
/// call), read once at render.
pub fn action_error<S>(action: ServerAction<S>) -> Option<AppError>
where
    S: leptos::server_fn::ServerFn<Error = AppError> + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
    S: Clone,
{
    action.value().get_untracked().and_then(Result::err)
}

/// The summary at the top of a form, focused by the browser via `role=alert`.
#[component]
pub fn ErrorSummary(
    error: Option<AppError>,
    /// Id prefix of the form's fields (see `Field`).
    #[prop(default = "champ-")]
    prefix: &'static str,
) -> impl IntoView {
    error.map(|e| {
        let fields: Vec<_> = match &e {
            AppError::Validation(errors) => errors.clone(),
            _ => Vec::new(),
        };
        view! {
            <div class="error-summary" role="alert">
                <p>{tr(e.summary())}</p>
                {(!fields.is_empty()).then(|| view! {
                    <ul>
                        {fields.into_iter().map(|f| view! {
                            <li><a href=format!("#{prefix}{}", f.field)>{tr(f.message)}</a></li>
                        }).collect_view()}
                    </ul>
                })}
            </div>
        }
    })
}

/// The ids that tie a field's label, hint and error to its control.
struct FieldIds {
    id: String,
    hint: String,
    error: String,
    /// `aria-describedby`: the hint and the error, when present.
    described: Option<String>,
}

impl FieldIds {
    fn new(prefix: &str, name: &str, hint: Option<Msg>, error: Option<Msg>) -> Self {
        let id = format!("{prefix}{name}");
        let hint_id = format!("{id}-aide");
        let error_id = format!("{id}-erreur");
        let described = [
            hint.map(|_| hint_id.clone()),
            error.map(|_| error_id.clone()),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
        Self {
            id,
            hint: hint_id,
            error: error_id,
            described: (!described.is_empty()).then_some(described),
        }
    }

    /// The label, then the hint and the error above the control.
    fn head(&self, label: Msg, hint: Option<Msg>, error: Option<Msg>) -> impl IntoView + use<> {
        let (id, hint_id, error_id) = (self.id.clone(), self.hint.clone(), self.error.clone());
        view! {
            <label for=id>{tr(label)}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{tr(h)}</p> })}
            {error.map(|e| view! { <p class="field-error" id=error_id>{tr(e)}</p> })}
        }
    }
}

/// A labelled input. The id is `<prefix><name>` (`champ-email` by default;
/// a second form on the same page uses another prefix so ids stay unique);
/// the hint and error are tied to it with `aria-describedby`.
#[component]
pub fn Field(
    name: &'static str,
    #[prop(default = "champ-")] prefix: &'static str,
    label: Msg,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] hint: Option<Msg>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional, into)] value: Option<String>,
    #[prop(optional_no_strip)] error: Option<Msg>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let ids = FieldIds::new(prefix, name, hint, error);
    view! {
        <div class="field" class:field-invalid=error.is_some()>
            {ids.head(label, hint, error)}
            <input
                id=ids.id.clone()
                name=name
                type=kind
                value=value
                autocomplete=autocomplete
                required=required
                aria-invalid=error.map(|_| "true")
                aria-describedby=ids.described.clone()
            />
        </div>
    }
}

/// A labelled password field, with a show/hide button and a count once
/// hydrated (`islands::PasswordInput`).
#[component]
pub fn PasswordField(
    name: &'static str,
    label: Msg,
    autocomplete: &'static str,
    #[prop(optional)] hint: Option<Msg>,
    #[prop(optional_no_strip)] error: Option<Msg>,
) -> impl IntoView {
    let ids = FieldIds::new("champ-", name, hint, error);
    view! {
        <div class="field" class:field-invalid=error.is_some()>
            {ids.head(label, hint, error)}
            <super::islands::PasswordInput
                id=ids.id.clone()
                name=name.to_owned()
                autocomplete=autocomplete.to_owned()
                describedby=ids.described.clone()
                invalid=error.is_some()
                show_label=tr(Msg::ShowPassword).to_owned()
                hide_label=tr(Msg::HidePassword).to_owned()
                count_template=tr(Msg::PasswordCount).to_owned()
            />
        </div>
    }
}

/// A labelled multi-line text field, tied to its hint and error like `Field`.
/// With a `maxlength`, the hint states the limit and, once hydrated, a live
/// counter follows the typing.
#[component]
pub fn TextArea(
    name: &'static str,
    label: Msg,
    #[prop(optional)] hint: Option<Msg>,
    #[prop(optional, into)] value: String,
    #[prop(optional_no_strip)] error: Option<Msg>,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(default = 4)] rows: u32,
    #[prop(optional)] disabled: bool,
) -> impl IntoView {
    let ids = FieldIds::new("champ-", name, hint, error);
    let control = match maxlength {
        Some(max) => view! {
            <super::islands::CountedTextArea
                id=ids.id.clone()
                name=name.to_owned()
                value=value
                max=max
                rows=rows
                describedby=ids.described.clone()
                invalid=error.is_some()
                disabled=disabled
                count_template=tr(Msg::CharCount).to_owned()
            />
            <p class="hint">{fill(tr(Msg::MaxChars), &[&max.to_string()])}</p>
        }
        .into_any(),
        None => view! {
            <textarea
                id=ids.id.clone()
                name=name
                rows=rows
                disabled=disabled
                aria-invalid=error.map(|_| "true")
                aria-describedby=ids.described.clone()
            >
                {value}
            </textarea>
        }
        .into_any(),
    };
    view! {
        <div class="field" class:field-invalid=error.is_some()>
            {ids.head(label, hint, error)}
            {control}
        </div>
    }
}

/// A labelled drop-down list; `options` are (value, text) pairs, the first
/// one usually an empty "choose" option.
#[component]
pub fn SelectField(
    name: &'static str,
    label: Msg,
    options: Vec<(String, String)>,
    #[prop(optional, into)] value: String,
    #[prop(optional)] hint: Option<Msg>,
    #[prop(optional_no_strip)] error: Option<Msg>,
    #[prop(optional)] required: bool,
    #[prop(optional)] disabled: bool,
) -> impl IntoView {
    let ids = FieldIds::new("champ-", name, hint, error);
    view! {
        <div class="field" class:field-invalid=error.is_some()>
            {ids.head(label, hint, error)}
            <select
                id=ids.id.clone()
                name=name
                required=required
                disabled=disabled
                aria-invalid=error.map(|_| "true")
                aria-describedby=ids.described.clone()
            >
                {options.into_iter().map(|(v, text)| {
                    let selected = v == value;
                    view! { <option value=v selected=selected>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// A labelled checkbox posting "on" when ticked.
#[component]
pub fn Checkbox(
    name: &'static str,
    label: Msg,
    checked: bool,
    #[prop(optional)] hint: Option<Msg>,
    #[prop(optional)] disabled: bool,
) -> impl IntoView {
    let id = format!("champ-{name}");
    let hint_id = format!("{id}-aide");
    view! {
        <div class="checkbox">
            <input type="checkbox" id=id.clone() name=name value="on" checked=checked disabled=disabled
                aria-describedby=hint.map(|_| hint_id.clone())/>
            <label for=id>{tr(label)}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{tr(h)}</p> })}
        </div>
    }
}
