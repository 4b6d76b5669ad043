//! `/coordination/courriels`: every email the platform queued, with its
//! state, so that coordinators know what reached people.

use crate::api::outbox::list_outbox;
use crate::i18n::Msg;
use crate::model::user::OutboxRow;
use crate::ui::Heading;
use crate::ui::Loaded;
use crate::ui::table::DataTable;
use crate::ui::tr;
use leptos::prelude::*;

fn state_label(state: &str) -> Msg {
    match state {
        "sent" => Msg::MailSent,
        "failed" => Msg::MailFailed,
        "sending" => Msg::MailSending,
        _ => Msg::MailQueued,
    }
}

#[component]
pub fn OutboxPage() -> impl IntoView {
    let rows = Resource::new_blocking(|| (), |_| list_outbox());
    view! {
        <Loaded resource=rows ok=|rows| view! { <OutboxTable rows/> }/>
    }
}

#[component]
fn OutboxTable(rows: Vec<OutboxRow>) -> impl IntoView {
    view! {
        <Heading msg=Msg::OutboxTitle/>
        <p>{tr(Msg::OutboxIntro)}</p>
        {if rows.is_empty() {
            view! { <p>{tr(Msg::OutboxEmpty)}</p> }.into_any()
        } else {
            view! {
                <DataTable caption=tr(Msg::OutboxTitle).to_owned()
                    columns=vec![Msg::ColCreated, Msg::ColRecipient, Msg::ColSubject, Msg::ColState, Msg::ColAttempts, Msg::ColNextAttempt, Msg::ColLastError]>
                        {rows.into_iter().map(|r| view! {
                    <tr>
                        <td>{r.created_at}</td>
                        <td>{r.recipient}</td>
                        <th scope="row">{r.subject}</th>
                        <td><span class=format!("badge badge-{}", r.state)>{tr(state_label(&r.state))}</span></td>
                        <td>{r.attempts}</td>
                        <td>{r.next_attempt_at.unwrap_or_default()}</td>
                        <td>{r.last_error.unwrap_or_default()}</td>
                    </tr>
                        }).collect_view()}
                    </DataTable>
            }.into_any()
        }}
    }
}
