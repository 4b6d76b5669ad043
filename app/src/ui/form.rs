//! Form pieces: a labelled field with its hint and error, the error summary
//! at the top of a form, and a declared form's sections and read-only lines
//! (`domain::form`).

pub use super::field_names::{choose_options, common_label};
use super::tr;
use crate::domain::form::{Declared, Kind, Spec};
use crate::i18n::Msg;
use crate::model::AppError;
use leptos::prelude::*;

/// The error the server function of `action` refused the last post with:
/// the one the flash carries for it (once: a reload no longer shows it).
/// Never the action's own value: in islands mode forms post as plain
/// HTML, so on the server that value could only come from the page's
/// address (Leptos reads `?__err=` there), and a crafted link would put
/// any text in the page's alert.
pub fn action_error<S>(_action: ServerAction<S>) -> Option<AppError>
where
    S: leptos::server_fn::ServerFn<Error = AppError> + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
    S: Clone,
{
    super::page()
        .flash
        .error_of(<S as leptos::server_fn::ServerFn>::PATH)
}

/// The summary at the top of a form: announced (`role=alert`) and
/// focused when the page opens after a refused post (`autofocus`, with or
/// without JavaScript), each entry naming its field and linking to it.
#[component]
pub fn ErrorSummary(
    error: Option<AppError>,
    /// Id prefix of the form's fields (see `Field`).
    #[prop(into, default = "champ-".to_owned())]
    prefix: String,
    /// What the form calls each field (a declared form's `label_of`);
    /// by default the fields every form shares (`common_label`).
    #[prop(optional)]
    labels: Option<fn(&str) -> Option<Msg>>,
) -> impl IntoView {
    let labels = labels.unwrap_or(common_label);
    error.map(|e| {
        let fields: Vec<_> = match &e {
            AppError::Validation(errors) => errors.clone(),
            _ => Vec::new(),
        };
        view! {
            <div class="error-summary" role="alert" tabindex="-1" autofocus=true>
                <p>{tr(e.summary())}</p>
                {(!fields.is_empty()).then(|| view! {
                    <ul>
                        {fields.into_iter().map(|f| {
                            let message = f.text(super::locale());
                            let text = match labels(&f.field) {
                                Some(label) => crate::ui::say(
                                    Msg::SummaryEntry,
                                    &[("field", tr(label)), ("message", &message)],
                                ),
                                None => message,
                            };
                            view! { <li><a href=format!("#{prefix}{}", f.field)>{text}</a></li> }
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
    #[prop(into, default = "champ-".to_owned())] prefix: String,
    label: Msg,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] hint: Option<Msg>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional, into)] value: Option<String>,
    #[prop(optional_no_strip)] error: Option<Msg>,
    #[prop(optional)] required: bool,
    /// The longest value (`maxlength`).
    #[prop(optional)]
    maxlength: Option<usize>,
    /// States the limit and counts the characters (`CharCounter`).
    #[prop(optional)]
    counted: bool,
) -> impl IntoView {
    let ids = FieldIds::new(&prefix, name, hint, error);
    let counter = maxlength.filter(|_| counted).map(|max| {
        view! {
            <super::islands::CharCounter id=ids.id.clone() max=max
                count_template=tr(Msg::CharCount).to_owned()/>
        }
    });
    let described = if counter.is_some() {
        Some(super::islands::with_limit(ids.described.clone(), &ids.id))
    } else {
        ids.described.clone()
    };
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
                maxlength=maxlength
                aria-invalid=error.map(|_| "true")
                aria-describedby=described
            />
            {counter}
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
                // A count helps while choosing a password (its minimum),
                // not while typing one's own.
                count_template=if autocomplete == "new-password" { tr(Msg::PasswordCount).to_owned() } else { String::new() }
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
    /// Id prefix, as `Field`'s.
    #[prop(into, default = "champ-".to_owned())]
    prefix: String,
    label: Msg,
    #[prop(optional)] hint: Option<Msg>,
    #[prop(optional, into)] value: String,
    #[prop(optional_no_strip)] error: Option<Msg>,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(default = 4)] rows: u32,
    #[prop(optional)] disabled: bool,
) -> impl IntoView {
    let ids = FieldIds::new(&prefix, name, hint, error);
    let described = match maxlength {
        Some(_) => Some(super::islands::with_limit(ids.described.clone(), &ids.id)),
        None => ids.described.clone(),
    };
    let counter = maxlength.map(|max| {
        view! {
            <super::islands::CharCounter id=ids.id.clone() max=max
                count_template=tr(Msg::CharCount).to_owned()/>
        }
    });
    view! {
        <div class="field" class:field-invalid=error.is_some()>
            {ids.head(label, hint, error)}
            <textarea
                id=ids.id.clone()
                name=name
                rows=rows
                maxlength=maxlength
                disabled=disabled
                aria-invalid=error.map(|_| "true")
                aria-describedby=described
            >
                {value}
            </textarea>
            {counter}
        </div>
    }
}

/// A labelled drop-down list; `options` are (value, text) pairs, the first
/// one usually an empty "choose" option.
#[component]
pub fn SelectField(
    name: &'static str,
    /// Id prefix, as `Field`'s.
    #[prop(into, default = "champ-".to_owned())]
    prefix: String,
    label: Msg,
    options: Vec<(String, String)>,
    #[prop(optional, into)] value: String,
    #[prop(optional)] hint: Option<Msg>,
    #[prop(optional_no_strip)] error: Option<Msg>,
    #[prop(optional)] required: bool,
    #[prop(optional)] disabled: bool,
) -> impl IntoView {
    let ids = FieldIds::new(&prefix, name, hint, error);
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

/// A required checkbox with its error under it (a declaration).
#[component]
pub fn DeclarationBox(
    name: &'static str,
    label: Msg,
    checked: bool,
    error: Option<Msg>,
) -> impl IntoView {
    let id = format!("champ-{name}");
    let error_id = format!("{id}-erreur");
    view! {
        <div class="checkbox" class:field-invalid=error.is_some()>
            <input type="checkbox" id=id.clone() name=name value="on" checked=checked
                aria-invalid=error.map(|_| "true") aria-describedby=error.map(|_| error_id.clone())/>
            <label for=id>{tr(label)}</label>
            {error.map(|m| view! { <p class="field-error" id=error_id>{tr(m)}</p> })}
        </div>
    }
}

/// Where a page puts its own content among a declared form's sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// After this field, inside its section.
    After(&'static str),
    /// A section without declared fields: the page renders all of it.
    Section(Msg),
}

/// A declared form's sections, each a `<fieldset>` with its legend, each
/// field's control from its declaration (label, hint, limit and counter,
/// error tied to it). `given(name)` lists the options of a drop-down list
/// whose codes the page knows (without the empty first option); `extra`
/// adds the page's own content where it asks.
pub fn declared_sections<F: Declared>(
    form: &F,
    error: Option<&AppError>,
    given: &dyn Fn(&'static str) -> Vec<(String, String)>,
    extra: &dyn Fn(Place) -> Option<AnyView>,
) -> AnyView {
    F::SECTIONS
        .iter()
        .map(|section| {
            if section.fields.is_empty() {
                return extra(Place::Section(section.legend)).unwrap_or_else(|| ().into_any());
            }
            let controls: Vec<AnyView> = section
                .fields
                .iter()
                .flat_map(|s| {
                    let error = error.and_then(|e| e.for_field(s.name));
                    [
                        Some(control(s, form, error, given)),
                        extra(Place::After(s.name)),
                    ]
                })
                .flatten()
                .collect();
            view! {
                <fieldset>
                    <legend>{tr(section.legend)}</legend>
                    {controls}
                </fieldset>
            }
            .into_any()
        })
        .collect_view()
        .into_any()
}

/// One declared field's control.
fn control<F: Declared>(
    s: &'static Spec,
    form: &F,
    error: Option<Msg>,
    given: &dyn Fn(&'static str) -> Vec<(String, String)>,
) -> AnyView {
    let value = form.field(s.name).map(|f| f.raw()).unwrap_or_default();
    let checked = form.field(s.name).and_then(|f| f.flag()).unwrap_or(false);
    let (name, label, hint) = (s.name, s.label, s.hint);
    match s.kind {
        Kind::Line {
            input,
            autocomplete,
        } => Field(FieldProps {
            name,
            prefix: "champ-".to_owned(),
            label,
            kind: input,
            hint,
            autocomplete,
            value: Some(value),
            error,
            required: s.html_required,
            maxlength: Some(s.max),
            counted: s.counted,
        })
        .into_any(),
        Kind::Text { rows } => TextArea(TextAreaProps {
            name,
            prefix: "champ-".to_owned(),
            label,
            hint,
            value,
            error,
            maxlength: Some(s.max),
            rows,
            disabled: false,
        })
        .into_any(),
        Kind::Choice { options, empty } => {
            let listed = if options.is_empty() {
                given(name)
            } else {
                options
                    .iter()
                    .map(|(code, m)| ((*code).to_owned(), tr(*m).to_owned()))
                    .collect()
            };
            let options = std::iter::once((String::new(), tr(empty).to_owned()))
                .chain(listed)
                .collect();
            SelectField(SelectFieldProps {
                name,
                prefix: "champ-".to_owned(),
                label,
                options,
                value,
                hint,
                error,
                required: s.html_required,
                disabled: false,
            })
            .into_any()
        }
        Kind::Check => Checkbox(CheckboxProps {
            name,
            label,
            checked,
            hint,
            disabled: false,
        })
        .into_any(),
        Kind::Declaration => DeclarationBox(DeclarationBoxProps {
            name,
            label,
            checked,
            error,
        })
        .into_any(),
    }
}

/// A declared form's fields read-only, as (label, text) lines in the page's
/// order, in the reader's language (`Declared::readable`).
pub fn declared_lines<F: Declared>(
    form: &F,
    given: &dyn Fn(&'static str, &str) -> Option<String>,
) -> Vec<(Msg, String)> {
    form.readable(super::locale(), given)
}

/// A declared form's text fields as (label, value) lines: what a refused
/// save carried, to show it back.
pub fn kept_lines<F: Declared>(kept: &F) -> Vec<(String, String)> {
    F::specs()
        .filter(|s| matches!(s.kind, Kind::Line { .. } | Kind::Text { .. }))
        .map(|s| (tr(s.label).to_owned(), kept.text(s.name).to_owned()))
        .collect()
}

/// What a save refused (the row stopped being editable meanwhile) carried,
/// shown read-only so that nothing typed is lost; empty lines left out.
pub fn kept_input_box(hint: Msg, mut lines: Vec<(String, String)>) -> AnyView {
    lines.retain(|(_, v)| !v.trim().is_empty());
    view! {
        <details class="callout" open=true>
            <summary>{tr(Msg::KeptInputTitle)}</summary>
            <p>{tr(hint)}</p>
            <dl>
                {lines.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd class="prewrap">{v}</dd> }).collect_view()}
            </dl>
        </details>
    }
    .into_any()
}
