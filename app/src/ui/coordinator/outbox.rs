//! `/coordination/courriels`: every email the platform queued, with its
//! state, filtered by state and recipient, so that coordinators know what
//! reached people; `/coordination/courriels/{id}`: one message (its text
//! unless it holds a single-use link), and a resend for a failed one.

use crate::api::outbox::{ResendMail, get_outbox_message, list_outbox};
use crate::i18n::Msg;
use crate::model::user::{OutboxFilter, OutboxList, OutboxMessage, OutboxRow};
use crate::ui::form::{ErrorSummary, Field, SelectField, action_error};
use crate::ui::table::DataTable;
use crate::ui::{Heading, Loaded, gated, loaded_row, page, query, say, tr};
use leptos::prelude::*;
use leptos_meta::Title;

const STATES: [&str; 4] = ["queued", "sending", "sent", "failed"];

fn state_label(state: &str) -> Msg {
    match state {
        "sent" => Msg::MailSent,
        "failed" => Msg::MailFailed,
        "sending" => Msg::MailSending,
        _ => Msg::MailQueued,
    }
}

fn badge(state: &str) -> impl IntoView + use<> {
    view! { <span class=format!("badge badge-{state}")>{tr(state_label(state))}</span> }
}

#[component]
pub fn OutboxPage() -> impl IntoView {
    gated(page().can.view_outbox, || {
        let filter = OutboxFilter {
            state: query("etat").filter(|s| STATES.contains(&s.as_str())),
            recipient: query("destinataire"),
        };
        let shown = filter.clone();
        let rows = Resource::new_blocking(move || filter.clone(), list_outbox);
        view! {
            <Heading msg=Msg::OutboxTitle/>
            <p>{tr(Msg::OutboxIntro)}</p>
            <Filters filter=shown.clone()/>
            <Loaded resource=rows ok=move |list| view! { <OutboxTable list filtered=shown != OutboxFilter::default()/> }/>
        }
    })
}

/// The filters, as a plain GET form (the page's address says them).
#[component]
fn Filters(filter: OutboxFilter) -> impl IntoView {
    let states: Vec<(String, String)> =
        std::iter::once((String::new(), tr(Msg::AllStates).to_owned()))
            .chain(
                STATES
                    .iter()
                    .map(|s| ((*s).to_owned(), tr(state_label(s)).to_owned())),
            )
            .collect();
    view! {
        <form method="get" action="/coordination/courriels" class="filters">
            <SelectField name="etat" label=Msg::ColState options=states value=filter.state.unwrap_or_default()/>
            <Field name="destinataire" label=Msg::FilterRecipient value=filter.recipient.unwrap_or_default()/>
            <button type="submit" class="secondary">{tr(Msg::Filter)}</button>
        </form>
    }
}

#[component]
fn OutboxTable(list: OutboxList, filtered: bool) -> impl IntoView {
    if list.rows.is_empty() {
        let empty = if filtered {
            Msg::OutboxNoMatch
        } else {
            Msg::OutboxEmpty
        };
        return view! { <p>{tr(empty)}</p> }.into_any();
    }
    let caption = say(
        Msg::OutboxShown,
        &[
            ("shown", &list.rows.len().to_string()),
            ("count", &list.total.to_string()),
        ],
    );
    view! {
        <DataTable caption
            columns=vec![Msg::ColCreated, Msg::ColRecipient, Msg::ColSubject, Msg::ColState, Msg::ColAttempts, Msg::ColNextAttempt, Msg::ColLastError]>
            {list.rows.into_iter().map(|r: OutboxRow| view! {
                <tr>
                    <td>{r.created_at}</td>
                    <td>{r.recipient}</td>
                    <th scope="row"><a href=format!("/coordination/courriels/{}", r.id)>{r.subject}</a></th>
                    <td>{badge(&r.state)}</td>
                    <td>{r.attempts}</td>
                    <td>{r.next_attempt_at.unwrap_or_default()}</td>
                    <td>{r.last_error.unwrap_or_default()}</td>
                </tr>
            }).collect_view()}
        </DataTable>
    }
    .into_any()
}

#[component]
pub fn OutboxMessagePage() -> impl IntoView {
    let resend = ServerAction::<ResendMail>::new();
    let error = action_error(resend);
    loaded_row(page().can.view_outbox, get_outbox_message, move |m| {
        view! { <Message m resend error=error.clone()/> }
    })
}

#[component]
fn Message(
    m: OutboxMessage,
    resend: ServerAction<ResendMail>,
    error: Option<crate::model::AppError>,
) -> impl IntoView {
    let title = say(Msg::MailTitle, &[("id", &m.row.id.to_string())]);
    let r = m.row.clone();
    view! {
        <Title text=title.clone()/>
        <p><a href="/coordination/courriels">{tr(Msg::MailBackToList)}</a></p>
        <h1>{title}</h1>
        <ErrorSummary error=error/>
        <dl class="calendar">
            <dt>{tr(Msg::ColSubject)}</dt><dd>{r.subject}</dd>
            <dt>{tr(Msg::ColRecipient)}</dt><dd>{r.recipient}</dd>
            <dt>{tr(Msg::ColState)}</dt><dd>{badge(&r.state)}</dd>
            <dt>{tr(Msg::ColCreated)}</dt><dd>{r.created_at}</dd>
            {m.sent_at.map(|t| view! { <dt>{tr(Msg::MailSentAt)}</dt><dd>{t}</dd> })}
            <dt>{tr(Msg::ColAttempts)}</dt><dd>{r.attempts}</dd>
            {r.next_attempt_at.map(|t| view! { <dt>{tr(Msg::ColNextAttempt)}</dt><dd>{t}</dd> })}
            {r.last_error.map(|e| view! { <dt>{tr(Msg::ColLastError)}</dt><dd>{e}</dd> })}
        </dl>
        <h2>{tr(Msg::MailBodyTitle)}</h2>
        {match (m.body, m.body_hidden) {
            (Some(body), _) => view! { <pre class="mail-body">{body}</pre> }.into_any(),
            (None, hidden) => view! { <p>{hidden.map(tr)}</p> }.into_any(),
        }}
        {m.may_resend.then(|| view! {
            <ActionForm action=resend>
                <input type="hidden" name="id" value=m.row.id.to_string()/>
                <p class="hint">{tr(Msg::MailResendHint)}</p>
                <button type="submit">{tr(Msg::MailResend)}</button>
            </ActionForm>
        })}
    }
}
