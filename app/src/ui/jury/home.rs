use crate::api::review::get_jury_home;
use crate::i18n::Msg;
use crate::model::review::JuryPromotion;
use crate::ui::coordinator::profile_name;
use crate::ui::table::DataTable;
use crate::ui::{Heading, Loaded, gated, page, say, tr};
use leptos::prelude::*;

#[component]
pub fn JuryHomePage() -> impl IntoView {
    gated(page().can.jury, || {
        let home = Resource::new_blocking(|| (), |_| get_jury_home());
        view! {
            <Heading msg=Msg::JuryHomeTitle/>
            <Loaded resource=home ok=|h| if h.promotions.is_empty() {
                view! { <p>{tr(Msg::JuryNothing)}</p> }.into_any()
            } else {
                h.promotions.into_iter().map(|p| view! { <Promotion p/> }).collect_view().into_any()
            }/>
        }
    })
}

#[component]
fn Promotion(p: JuryPromotion) -> impl IntoView {
    let id = p.promotion_id;
    let window = match (&p.opens_at, &p.closes_at) {
        (Some(o), Some(c)) => say(Msg::StageWindow, &[("opens", o), ("closes", c)]),
        (None, _) => tr(Msg::StageNotScheduled).to_owned(),
        (Some(o), None) => say(Msg::StageOpensAt, &[("opens", o)]),
    };
    let body = if !p.declared {
        view! {
            <p>{tr(Msg::DeclareFirst)}</p>
            <p><a class="button" href=format!("/jury/promotions/{id}/conflits")>{tr(Msg::DeclareConflicts)}</a></p>
        }
        .into_any()
    } else if p.dossiers.is_empty() {
        view! {
            <p>{tr(Msg::JuryNoDossierYet)}</p>
            <p><a href=format!("/jury/promotions/{id}/conflits")>{tr(Msg::ReviewConflicts)}</a></p>
        }
        .into_any()
    } else {
        let progress = say(
            Msg::JuryProgress,
            &[
                ("done", &p.done.to_string()),
                ("total", &p.dossiers.len().to_string()),
            ],
        );
        let rows = p
            .dossiers
            .iter()
            .map(|d| {
                let state = if d.done {
                    Msg::ReviewDone
                } else if d.started {
                    Msg::ReviewStarted
                } else {
                    Msg::ReviewToDo
                };
                view! {
                    <tr>
                        <td><a href=format!("/jury/dossiers/{}", d.application_id)>{d.label.clone()}</a></td>
                        <td>{profile_name(&d.profile)}</td>
                        <td>{tr(state)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <p><progress max=p.dossiers.len().to_string() value=p.done.to_string() aria-hidden="true"></progress>
                " " {progress}</p>
            {p.next.map(|n| view! {
                <p><a class="button" href=format!("/jury/dossiers/{n}")>{tr(Msg::NextDossier)}</a></p>
            })}
            <DataTable caption=say(Msg::JuryDossiersOf, &[("promotion", &p.name)]) columns=vec![Msg::ColDossier, Msg::ColProfile, Msg::ColState]>
                {rows}
            </DataTable>
            <p><a href=format!("/jury/promotions/{id}/conflits")>{tr(Msg::ReviewConflicts)}</a></p>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby=format!("promotion-{id}")>
            <h2 id=format!("promotion-{id}")>{p.name.clone()}</h2>
            <p>{window} " " {tr(if p.open { Msg::StageOpenNow } else { Msg::StageClosedNow })}</p>
            {(p.pending > 0).then(|| view! {
                <div class="notice">
                    <p>{say(Msg::PendingConflicts, &[("count", &p.pending.to_string())])}</p>
                    <p><a class="button" href=format!("/jury/promotions/{id}/conflits")>{tr(Msg::ReviewConflicts)}</a></p>
                </div>
            })}
            {(p.hearings > 0).then(|| view! {
                <p><a href=format!("/jury/auditions/{id}")>{say(Msg::MyHearingsLink, &[("count", &p.hearings.to_string())])}</a></p>
            })}
            {body}
        </section>
    }
}
