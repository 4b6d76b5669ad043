//! `/espace/entretiens`: a person's interviews — book one of the jury's
//! free slots, move it until 48 hours before, cancel it until 4 hours
//! before, answer a jury's proposal — their private calendar address, and
//! the juries they sit on.

use crate::api::interviews::{
    AnswerJury, BookInterview, CancelInterview, RenewFeed, get_my_interviews,
};
use crate::domain::interviews::status::InterviewState;
use crate::i18n::Msg;
use crate::model::interviews::{MyInterview, MyInterviews};
use crate::ui::form::{ErrorSummary, action_error};
use crate::ui::{Heading, Loaded, colon, gated, page, say, tr};
use leptos::prelude::*;

#[component]
pub fn MyInterviewsPage() -> impl IntoView {
    gated(page().viewer.is_some(), || {
        let data = Resource::new_blocking(|| (), |_| get_my_interviews());
        view! {
            <Heading msg=Msg::MyInterviewsTitle/>
            <Loaded resource=data ok=|m| view! { <Mine m/> }/>
        }
    })
}

#[component]
fn Mine(m: MyInterviews) -> impl IntoView {
    let book = ServerAction::<BookInterview>::new();
    let cancel = ServerAction::<CancelInterview>::new();
    let answer = ServerAction::<AnswerJury>::new();
    let renew = ServerAction::<RenewFeed>::new();
    let error = action_error(book)
        .or_else(|| action_error(cancel))
        .or_else(|| action_error(answer));
    let rules = say(
        Msg::InterviewWindows,
        &[
            ("move", &m.reschedule_hours.to_string()),
            ("cancel", &m.cancel_hours.to_string()),
        ],
    );
    let items = m
        .items
        .iter()
        .cloned()
        .map(|i| view! { <Item i book cancel answer/> })
        .collect_view();
    view! {
        <ErrorSummary error=error.clone()/>
        {if m.items.is_empty() {
            view! { <p>{tr(Msg::NoInterviewYet)}</p> }.into_any()
        } else {
            view! { <p>{rules}</p> {items} }.into_any()
        }}
        {(!m.juries.is_empty()).then(|| view! {
            <section aria-labelledby="mes-jurys">
                <h2 id="mes-jurys">{tr(Msg::MyJuriesTitle)}</h2>
                <ul>
                    {m.juries.iter().map(|(id, title)| view! {
                        <li><a href=format!("/jury/defis/{id}")>{title.clone()}</a></li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        <section aria-labelledby="calendrier">
            <h2 id="calendrier">{tr(Msg::MyCalendarTitle)}</h2>
            <p>{tr(Msg::MyCalendarIntro)}</p>
            {m.feed.clone().map(|url| view! {
                <p class="break-anywhere">{colon(Msg::MyCalendarAddress)} " " <a href=url.clone()>{url.clone()}</a></p>
            })}
            <ActionForm action=renew>
                <button type="submit" class="secondary">{tr(if m.feed.is_some() { Msg::RenewCalendar } else { Msg::CreateCalendar })}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn Item(
    i: MyInterview,
    book: ServerAction<BookInterview>,
    cancel: ServerAction<CancelInterview>,
    answer: ServerAction<AnswerJury>,
) -> impl IntoView {
    let id = i.interview_id;
    let heading = format!("entretien-{id}");
    let state = i.state.map(|s| tr(s.label())).unwrap_or_default();
    let asked = i.state == Some(InterviewState::Asked);
    let when = i.when.clone().map(|w| {
        say(
            Msg::InterviewWhen,
            &[
                ("when", &w),
                ("minutes", &i.minutes.to_string()),
                ("place", &i.place),
            ],
        )
    });
    let has_slot = i.when.is_some();
    let labelled = heading.clone();
    let free = i.free.clone();
    let choose = (!free.is_empty()).then(|| {
        let legend = if has_slot {
            Msg::MoveToSlot
        } else {
            Msg::ChooseSlot
        };
        let options = free
            .iter()
            .map(|(sid, w, minutes)| {
                let input_id = format!("creneau-{id}-{sid}");
                let text = say(Msg::SlotOption, &[("when", w), ("minutes", &minutes.to_string())]);
                view! {
                    <div class="radio">
                        <input type="radio" id=input_id.clone() name="creneau" value=sid.to_string() required=true/>
                        <label for=input_id>{text}</label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <ActionForm action=book>
                <input type="hidden" name="entretien" value=id.to_string()/>
                <fieldset>
                    <legend>{tr(legend)}</legend>
                    {options}
                </fieldset>
                <button type="submit">{tr(if has_slot { Msg::MoveInterview } else { Msg::BookSlot })}</button>
            </ActionForm>
        }
    });
    let no_slot = (i.free.is_empty() && i.when.is_none() && !asked)
        .then(|| view! { <p>{tr(Msg::NoFreeSlot)}</p> });
    view! {
        <section aria-labelledby=labelled class="card">
            <h2 id=heading>{i.title.clone()}</h2>
            <p>{state}</p>
            {when.map(|w| view! { <p>{w}</p> })}
            {asked.then(|| view! {
                <p>{tr(Msg::JuryAsksYou)}</p>
                <ActionForm action=answer>
                    <input type="hidden" name="entretien" value=id.to_string()/>
                    <button type="submit" name="reponse" value="oui">{tr(Msg::AcceptJury)}</button>
                    " "
                    <button type="submit" name="reponse" value="non" class="secondary">{tr(Msg::DeclineJury)}</button>
                </ActionForm>
            })}
            {choose}
            {no_slot}
            {i.can_cancel.then(|| view! {
                <ActionForm action=cancel>
                    <input type="hidden" name="entretien" value=id.to_string()/>
                    <button type="submit" class="secondary">{tr(Msg::CancelInterviewButton)}</button>
                </ActionForm>
            })}
        </section>
    }
}
