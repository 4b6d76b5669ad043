//! The message templates of a coordinator's decision form: each one with
//! a "use this template" action that puts it in the message and picks its
//! decision. Without JavaScript the action is a link to the same page
//! with `?modele=<code>`, which renders the form filled (`chosen`); once
//! hydrated, `Enhance` fills the form in place (nothing else typed is
//! lost) from the link's `data-*` attributes.

use super::{page, tr};
use crate::i18n::Msg;
use leptos::prelude::*;

/// A template: the decision's code (its option in the form), its label,
/// its text.
pub type Template = (&'static str, Msg, Msg);

/// The template the page was asked to use (`?modele=`), as the decision's
/// code and the message's text in the reader's language.
pub fn chosen(templates: &[Template]) -> Option<(String, String)> {
    let asked = super::query("modele")?;
    templates
        .iter()
        .find(|(code, _, _)| *code == asked)
        .map(|(code, _, text)| ((*code).to_owned(), tr(*text).to_owned()))
}

/// The page's address asking for template `code`, at the message field.
fn link(code: &str) -> String {
    let path = page().path;
    let (base, query) = path.split_once('?').unwrap_or((&path, ""));
    let mut pairs: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("modele="))
        .collect();
    let asked = format!("modele={code}");
    pairs.push(&asked);
    format!("{base}?{}#champ-message", pairs.join("&"))
}

/// The templates, each with its text and the action that uses it;
/// `select` is the name of the form's decision drop-down list.
#[component]
pub fn Templates(templates: Vec<Template>, select: &'static str) -> impl IntoView {
    view! {
        <details class="templates">
            <summary>{tr(Msg::TemplatesTitle)}</summary>
            <p class="hint">{tr(Msg::TemplatesHint)}</p>
            <dl>
                {templates.into_iter().map(|(code, label, text)| view! {
                    <dt>{tr(label)}</dt>
                    <dd>
                        <p class="prewrap">{tr(text)}</p>
                        <a href=link(code) class="button secondary" data-template=tr(text)
                            data-template-select=select data-template-code=code>
                            {crate::ui::say(Msg::UseTemplate, &[("decision", tr(label))])}
                        </a>
                    </dd>
                }).collect_view()}
            </dl>
        </details>
    }
}
