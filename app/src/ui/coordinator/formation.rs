//! `/coordination/promotions/{id}/equipes`: team formation — what the
//! engine would miss, the button that runs it, and the runs saved (each
//! one explained on its own page).

use crate::api::formation::{RunMatching, get_formation_page};
use crate::i18n::Msg;
use crate::model::formation::FormationPage;
use crate::ui::form::{ErrorSummary, action_error};
use crate::ui::table::DataTable;
use crate::ui::{Heading, Loaded, page, row_page, say, tr};
use leptos::prelude::*;

#[component]
pub fn FormationPage() -> impl IntoView {
    row_page(page().can.manage_promotions, |id| {
        let resource = Resource::new_blocking(move || id, get_formation_page);
        view! {
            <Heading msg=Msg::FormationTitle/>
            <Loaded resource ok=|f| view! { <Formation f/> }/>
        }
    })
}

#[component]
fn Formation(f: FormationPage) -> impl IntoView {
    let id = f.promotion_id;
    let run = ServerAction::<RunMatching>::new();
    let error = action_error(run);
    let missing = !f.lists_missing.is_empty() || !f.rankings_missing.is_empty();
    let lists = f
        .lists_missing
        .iter()
        .map(
            |(d, p)| view! { <li>{say(Msg::ListMissingLine, &[("defi", d), ("profile", p)])}</li> },
        )
        .collect_view();
    let rankings = f
        .rankings_missing
        .iter()
        .map(|n| view! { <li>{n.clone()}</li> })
        .collect_view();
    let rows = f
        .runs
        .iter()
        .map(|r| {
            view! {
                <tr>
                    <td><a href=format!("/coordination/promotions/{id}/equipes/{}", r.number)>{say(Msg::RunNumber, &[("n", &r.number.to_string())])}</a></td>
                    <td>{r.at.clone()}</td>
                    <td>{r.by.clone()}</td>
                    <td>{say(Msg::PlacedOf, &[("placed", &r.placed.to_string()), ("of", &r.candidates.to_string())])}</td>
                    <td>{r.withdrawn}</td>
                    <td>{r.overrides}</td>
                    <td>{if r.validated { tr(Msg::RunValidatedLabel) } else { tr(Msg::RunDraftLabel) }}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="lead">{f.promotion.clone()}</p>
        <p>{tr(Msg::FormationIntro)}</p>
        <section>
            <h2>{tr(Msg::BeforeRunTitle)}</h2>
            <p>{say(Msg::RunInputSummary, &[("defis", &f.defis.to_string()), ("candidates", &f.candidates.to_string())])}</p>
            {if missing {
                view! {
                    <div class="notice notice-warning" role="status">
                        <h3>{tr(Msg::MissingBeforeRun)}</h3>
                        {(!f.lists_missing.is_empty()).then(|| view! {
                            <p>{tr(Msg::ListsMissingIntro)}</p>
                            <ul>{lists}</ul>
                        })}
                        {(!f.rankings_missing.is_empty()).then(|| view! {
                            <p>{tr(Msg::RankingsMissingIntro)}</p>
                            <ul>{rankings}</ul>
                        })}
                    </div>
                }.into_any()
            } else {
                view! { <p>{tr(Msg::NothingMissing)}</p> }.into_any()
            }}
            <ErrorSummary error=error/>
            {match f.validated {
                Some(n) => view! {
                    <p>{say(Msg::AlreadyValidatedRun, &[("n", &n.to_string())])}</p>
                    <p><a href=format!("/coordination/promotions/{id}/propositions")>{tr(Msg::OffersPageLink)}</a></p>
                }.into_any(),
                None => view! {
                    <ActionForm action=run>
                        <input type="hidden" name="promotion" value=id.to_string()/>
                        <button type="submit">{tr(Msg::RunEngine)}</button>
                    </ActionForm>
                }.into_any(),
            }}
            <p><a href=format!("/coordination/promotions/{id}/appariement.json") download="">{tr(Msg::MatchingInputLink)}</a></p>
        </section>
        <section>
            <h2>{tr(Msg::RunsTitle)}</h2>
            {if f.runs.is_empty() {
                view! { <p>{tr(Msg::NoRunYet)}</p> }.into_any()
            } else {
                view! {
                    <DataTable caption=tr(Msg::RunsTitle).to_owned() columns=vec![Msg::ColRun, Msg::ColWhen, Msg::ColBy, Msg::ColPlaced, Msg::ColWithdrawnDefis, Msg::ColOverrides, Msg::ColState]>
                        {rows}
                    </DataTable>
                }.into_any()
            }}
        </section>
        <p><a href=format!("/coordination/promotions/{id}/entretiens")>{tr(Msg::BackToInterviews)}</a></p>
    }
}
