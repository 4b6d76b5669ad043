//! The preview of a batch action before anything is sent: a summary, then
//! each line with who receives what, or why it is left out. One component
//! for every batch (défi decisions, dossier reviews; shortlists and offers
//! next), fed by the services' `BatchLine`s.

use crate::i18n::{Msg, fill};
use crate::model::AppError;
use crate::model::batch::{BatchLine, applicable, shared_message};
use crate::ui::Heading;
use crate::ui::form::ErrorSummary;
use crate::ui::table::DataTable;
use crate::ui::tr;
use leptos::prelude::*;

/// A batch preview page: its title, the way `back` to the list, the
/// errors of the confirmation (`error`), then the preview of `lines` (the
/// preview server function's answer). `summary` is a text with three
/// places: `{action}` (the action's `label`), `{applies}` (how many lines
/// it changes), `{total}` (how many lines there are). `fields` are the
/// request fields whose errors are shown. The confirmation posts `hidden`
/// and the targets (`posted`) to the server function at `url` (the batch
/// action's `ServerFn::url()`).
#[component]
pub fn BatchPreview(
    back: String,
    error: Option<AppError>,
    lines: Resource<Result<Vec<BatchLine>, AppError>>,
    summary: Msg,
    label: String,
    /// The heading of the lines' first column (a title, a name).
    heading: Msg,
    /// What the message is called (to the organisation, to the applicant).
    message_heading: Msg,
    /// Shown when nothing was chosen.
    empty: Msg,
    fields: &'static [&'static str],
    url: &'static str,
    hidden: Vec<(&'static str, String)>,
    posted: Posted,
) -> impl IntoView {
    let confirm = move |applies: Vec<i64>| {
        let ids = match &posted {
            Posted::Applicable => applies.clone(),
            Posted::Chosen(ids) => ids.clone(),
        };
        let hidden = hidden
            .iter()
            .map(|(name, value)| view! { <input type="hidden" name=*name value=value.clone()/> })
            .collect_view();
        // A plain form, as `ActionForm` renders it: the page is not an
        // island, so the browser posts it.
        view! {
            <form action=url method="post">
                {hidden}
                {hidden_ids(&ids)}
                <button type="submit" disabled=applies.is_empty()>{tr(Msg::ConfirmBatch)}</button>
            </form>
        }
        .into_any()
    };
    view! {
        <Heading msg=Msg::BatchPreviewTitle/>
        <p><a href=back>{tr(Msg::BackToList)}</a></p>
        <ErrorSummary error=error/>
        <Suspense fallback=|| ()>
            {move || {
                let texts = Texts { summary, label: label.clone(), heading, message_heading, empty };
                let confirm = confirm.clone();
                Suspend::new(async move { preview(lines.await, texts, fields, confirm) })
            }}
        </Suspense>
    }
}

/// Which targets the confirmation posts.
#[derive(Clone, Debug)]
pub enum Posted {
    /// Those the action applies to.
    Applicable,
    /// Every chosen one: the batch skips those the action does not fit,
    /// and its audit entry records what was asked.
    Chosen(Vec<i64>),
}

/// What a preview says, from the props of `BatchPreview`.
struct Texts {
    summary: Msg,
    label: String,
    heading: Msg,
    message_heading: Msg,
    empty: Msg,
}

fn preview(
    result: Result<Vec<BatchLine>, AppError>,
    t: Texts,
    fields: &'static [&'static str],
    confirm: impl Fn(Vec<i64>) -> AnyView,
) -> AnyView {
    let Texts {
        summary,
        label,
        heading,
        message_heading,
        empty,
    } = t;
    let lines = match result {
        Ok(lines) => lines,
        Err(e) => {
            return view! {
                <div class="error-summary" role="alert">
                    <p>{tr(e.summary())}</p>
                    {fields.iter().filter_map(|f| e.for_field(f)).map(|m| view! { <p>{tr(m)}</p> }).collect_view()}
                </div>
            }
            .into_any();
        }
    };
    if lines.is_empty() {
        return view! { <p>{tr(empty)}</p> }.into_any();
    }
    let applies = applicable(&lines);
    let counted = crate::ui::say(
        summary,
        &[
            ("action", &label),
            ("applies", &applies.len().to_string()),
            ("total", &lines.len().to_string()),
        ],
    );
    let shared = shared_message(&lines).map(str::to_owned);
    let body = match shared {
        Some(message) => shared_view(message, lines, heading, message_heading),
        None => personalised_view(lines),
    };
    view! {
        <p>{counted}</p>
        {body}
        {confirm(applies)}
    }
    .into_any()
}

fn skipped(why: Msg) -> String {
    format!("{} {}", tr(Msg::BatchSkipped), tr(why))
}

fn recipients(l: &BatchLine) -> String {
    if l.recipients.is_empty() {
        tr(Msg::NoRecipient).to_owned()
    } else {
        l.recipients.join(", ")
    }
}

/// One message for everyone: shown once, then the lines as a table.
fn shared_view(
    message: String,
    lines: Vec<BatchLine>,
    heading: Msg,
    message_heading: Msg,
) -> AnyView {
    let detailed = lines.iter().any(|l| !l.detail.is_empty());
    let stated = lines
        .iter()
        .any(|l| l.status.is_some() || l.refused.is_some());
    view! {
        <h2>{tr(message_heading)}</h2>
        <blockquote class="prewrap">{message}</blockquote>
        <DataTable caption=tr(Msg::Recipients).to_owned() shown=true
            columns=[Some(heading), detailed.then_some(Msg::ColOrganisation), Some(Msg::ColEmail), stated.then_some(Msg::ColState)].into_iter().flatten().collect()>
            {lines.into_iter().map(|l| {
                let to = recipients(&l);
                let state = [l.status.map(|s| tr(s).to_owned()), l.refused.map(skipped)]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" — ");
                view! {
                    <tr>
                        <th scope="row">{l.label}</th>
                        {detailed.then(|| view! { <td>{l.detail.clone()}</td> })}
                        <td>{to}</td>
                        {stated.then(|| view! { <td>{state}</td> })}
                    </tr>
                }
            }).collect_view()}
        </DataTable>
    }
    .into_any()
}

/// Messages that differ per line (personalised): each line with its own.
fn personalised_view(lines: Vec<BatchLine>) -> AnyView {
    view! {
        <ul class="preview-list">
            {lines.into_iter().map(|l| {
                let to = recipients(&l);
                view! {
                    <li>
                        <h2>{l.label}</h2>
                        {(!l.detail.is_empty()).then(|| view! { <p>{l.detail.clone()}</p> })}
                        {l.status.map(|s| view! { <p>{tr(s)}</p> })}
                        {match l.refused {
                            Some(why) => view! { <p class="field-error">{skipped(why)}</p> }.into_any(),
                            None => view! {
                                <p>{fill(tr(Msg::RecipientsLine), &[("recipients", &to)])}</p>
                                <blockquote class="prewrap">{l.message}</blockquote>
                            }.into_any(),
                        }}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The targets as the `ids[i]` fields a batch server function reads.
fn hidden_ids(ids: &[i64]) -> impl IntoView + use<> {
    ids.iter()
        .enumerate()
        .map(|(i, id)| view! { <input type="hidden" name=format!("ids[{i}]") value=id.to_string()/> })
        .collect_view()
}
