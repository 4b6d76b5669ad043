//! `/coordination/courriels`: every email the platform queued, with its
//! state, so that coordinators know what reached people.

use crate::api::outbox::list_outbox;
use crate::i18n::Msg;
use crate::model::AppError;
use crate::model::user::OutboxRow;
use crate::ui::public::ErrorPage;
use crate::ui::{response, tr};
use leptos::prelude::*;
use leptos_meta::Title;

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
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match rows.await {
                    Err(AppError::Forbidden) => {
                        response::redirect("/connexion");
                        ().into_any()
                    }
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                    Ok(rows) => view! { <OutboxTable rows/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn OutboxTable(rows: Vec<OutboxRow>) -> impl IntoView {
    view! {
        <Title text=tr(Msg::OutboxTitle)/>
        <h1>{tr(Msg::OutboxTitle)}</h1>
        <p>{tr(Msg::OutboxIntro)}</p>
        {if rows.is_empty() {
            view! { <p>{tr(Msg::OutboxEmpty)}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                <table>
                    <caption class="visually-hidden">{tr(Msg::OutboxTitle)}</caption>
                    <thead><tr>
                        <th scope="col">{tr(Msg::ColCreated)}</th>
                        <th scope="col">{tr(Msg::ColRecipient)}</th>
                        <th scope="col">{tr(Msg::ColSubject)}</th>
                        <th scope="col">{tr(Msg::ColState)}</th>
                        <th scope="col">{tr(Msg::ColAttempts)}</th>
                        <th scope="col">{tr(Msg::ColNextAttempt)}</th>
                        <th scope="col">{tr(Msg::ColLastError)}</th>
                    </tr></thead>
                    <tbody>
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
                    </tbody>
                </table>
                </div>
            }.into_any()
        }}
    }
}
