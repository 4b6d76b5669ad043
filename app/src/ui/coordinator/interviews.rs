//! `/coordination/promotions/{id}/entretiens`: the promotion's juries —
//! per défi and profile, the candidates proposed against the seats (EIG
//! met 2 to 3 per seat), the slots, the lists locked — the proposal of the
//! shortlisted candidates to the juries of the défis they ranked, and the
//! matching engine's input to download.

use crate::api::interviews::{ProposeInterviews, get_interviews_overview};
use crate::i18n::Msg;
use crate::model::interviews::{InterviewsOverview, JuryRow};
use crate::ui::coordinator::profile_name;
use crate::ui::form::{ErrorSummary, action_error};
use crate::ui::table::DataTable;
use crate::ui::{Heading, loaded_row, page, say, tr};
use leptos::prelude::*;

#[component]
pub fn InterviewsPage() -> impl IntoView {
    loaded_row(
        page().can.review_applications,
        get_interviews_overview,
        |o| view! { <Overview o/> },
    )
}

fn jury_row(j: &JuryRow) -> impl IntoView + use<> {
    let counts = j
        .profiles
        .iter()
        .map(|p| {
            let ratio = say(
                Msg::ProposedForSeats,
                &[
                    ("profile", &profile_name(&p.profile)),
                    ("proposed", &p.proposed.to_string()),
                    ("seats", &p.seats.to_string()),
                    ("scheduled", &p.scheduled.to_string()),
                ],
            );
            let few = p.proposed < 2 * p.seats;
            view! {
                <li>
                    {ratio}
                    {few.then(|| view! { " " <strong>{tr(Msg::FewCandidates)}</strong> })}
                    {p.locked.then(|| view! { " " {tr(Msg::ListLockedShort)} })}
                </li>
            }
        })
        .collect_view();
    let slots = say(
        Msg::SlotsCount,
        &[
            ("count", &j.slots.to_string()),
            ("free", &j.free_slots.to_string()),
        ],
    );
    view! {
        <tr>
            <td><a href=format!("/jury/defis/{}", j.defi_id)>{j.title.clone()}</a></td>
            <td><ul class="plain">{counts}</ul></td>
            <td>{slots}</td>
        </tr>
    }
}

#[component]
fn Overview(o: InterviewsOverview) -> impl IntoView {
    let propose = ServerAction::<ProposeInterviews>::new();
    let error = action_error(propose);
    let id = o.promotion_id;
    let rows = o.juries.iter().map(jury_row).collect_view();
    view! {
        <Heading msg=Msg::InterviewsTitle/>
        <p class="lead">{o.promotion.clone()}</p>
        <p>{say(Msg::ListsLockedCount, &[("locked", &o.locked.to_string()), ("expected", &o.expected.to_string())])}</p>
        <ErrorSummary error=error.clone()/>
        <ActionForm action=propose>
            <input type="hidden" name="promotion" value=id.to_string()/>
            <p>{say(Msg::ProposeIntro, &[("count", &o.shortlisted.len().to_string())])}</p>
            <button type="submit">{tr(Msg::ProposeButton)}</button>
        </ActionForm>
        {if o.juries.is_empty() {
            view! { <p>{tr(Msg::NoJuryYet)}</p> }.into_any()
        } else {
            view! {
                <DataTable caption=tr(Msg::JuriesTitle).to_owned() columns=vec![Msg::ColDefi, Msg::ColProposedSeats, Msg::ColSlots]>
                    {rows}
                </DataTable>
            }.into_any()
        }}
        <section>
            <h2 id="grille">{tr(Msg::InterviewGridTitle)}</h2>
            <super::GridEditor promotion=id kind="interview" grid=o.grid.clone() open=o.grid_open/>
        </section>
        <h2>{tr(Msg::MatchingInputTitle)}</h2>
        <p>{tr(Msg::MatchingInputIntro)}</p>
        <p><a href=format!("/coordination/promotions/{id}/appariement.json") download="">{tr(Msg::MatchingInputLink)}</a></p>
        <p><a href=format!("/coordination/promotions/{id}/equipes")>{tr(Msg::FormationTitle)}</a></p>
        <p><a href=format!("/coordination/promotions/{id}/preselection")>{tr(Msg::BackToPreselection)}</a></p>
    }
}
