//! The whole défi dossier, read-only: what coordinators review and what the
//! organisation sees once it is submitted.

use super::{paris, profile_label, tr};
use crate::domain::defi::Decision;
use crate::domain::defi_form::DefiForm;
use crate::domain::profile::ProfileCode;
use crate::i18n::{Msg, fill};
use crate::model::defi::{DefiDossier, DefiEventView};
use crate::ui::table::DataTable;
use leptos::prelude::*;

fn yes_no(v: bool) -> &'static str {
    tr(if v { Msg::Yes } else { Msg::No })
}

/// A paragraph per line break, so that what was typed keeps its shape.
fn paragraphs(text: &str) -> AnyView {
    if text.trim().is_empty() {
        return view! { <p class="muted">{tr(Msg::NotFilled)}</p> }.into_any();
    }
    text.split("\n\n")
        .map(|p| view! { <p class="prewrap">{p.to_owned()}</p> })
        .collect_view()
        .into_any()
}

#[component]
pub fn DossierView(d: DefiDossier) -> impl IntoView {
    let f: DefiForm = d.form.clone();
    let text = |label: Msg, text: String| view! { <h3>{tr(label)}</h3> {paragraphs(&text)} };
    let deck = d.pitch_deck.clone();
    let id = d.id;
    view! {
        <section aria-labelledby="dossier-titre" class="dossier">
            <h2 id="dossier-titre">{tr(Msg::DossierTitle)}</h2>
            {text(Msg::FieldDefiTitle, f.title.clone())}
            {text(Msg::FieldSummary, f.summary.clone())}
            {text(Msg::FieldContext, f.context.clone())}
            {text(Msg::FieldUseCases, f.use_cases.clone())}
            {text(Msg::FieldImpact, f.impact.clone())}
            {text(Msg::FieldDataAvailable, f.data_available.clone())}
            <p>{crate::ui::colon(Msg::FieldDataAccessible)} " " <strong>{yes_no(f.data_accessible)}</strong></p>
            {text(Msg::FieldObstacles, f.obstacles.clone())}
            {text(Msg::FieldLegalEthics, f.legal_ethics.clone())}
            <h3>{tr(Msg::OpennessLegend)}</h3>
            <ul>
                <li>{crate::ui::colon(Msg::FieldOpenCode)} " " <strong>{yes_no(f.open_code)}</strong></li>
                <li>{crate::ui::colon(Msg::FieldOpenData)} " " <strong>{yes_no(f.open_data)}</strong></li>
                <li>{crate::ui::colon(Msg::FieldOffSite)} " " <strong>{yes_no(f.off_site)}</strong></li>
            </ul>
            {text(Msg::FieldLeads, f.leads.clone())}
            {text(Msg::FieldMentor, f.mentor.clone())}
            <h3>{tr(Msg::SlotsLegend)}</h3>
            <SlotsTable form=f.clone()/>
            <h3>{tr(Msg::PitchDeckTitle)}</h3>
            {match deck {
                Some(a) => view! {
                    <p>
                        <a href=format!("/organisation/defis/{id}/presentation")>{fill(tr(Msg::DownloadFile), &[("file", &a.name)])}</a>
                        " (" {fill(tr(Msg::FileSizeKb), &[("size", &((a.size + 1023) / 1024).to_string())])} ")"
                    </p>
                }.into_any(),
                None => view! { <p class="muted">{tr(Msg::NoPitchDeck)}</p> }.into_any(),
            }}
        </section>
    }
}

#[component]
pub fn SlotsTable(form: DefiForm) -> impl IntoView {
    let used = form
        .used_slots()
        .into_iter()
        .map(|(n, s)| (n, s.clone()))
        .collect::<Vec<_>>();
    if used.is_empty() {
        return view! { <p class="muted">{tr(Msg::NotFilled)}</p> }.into_any();
    }
    view! {
        <DataTable caption=tr(Msg::SlotsLegend).to_owned()
            columns=vec![Msg::ColSlot, Msg::FieldSlotProfile, Msg::FieldSlotMission, Msg::FieldSlotMandatory]>
            {used.into_iter().map(|(n, s)| {
                let profile = ProfileCode::parse(&s.profile).map(|p| profile_label(&p)).unwrap_or_default();
                view! {
                    <tr>
                        <th scope="row">{n}</th>
                        <td>{profile}</td>
                        <td class="prewrap">{s.mission.clone()}</td>
                        <td>{yes_no(s.mandatory)}</td>
                    </tr>
                }
            }).collect_view()}
                </DataTable>
    }
    .into_any()
}

/// What happened to the défi, newest first, with the coordinators' messages.
#[component]
pub fn History(events: Vec<DefiEventView>) -> impl IntoView {
    (!events.is_empty()).then(|| {
        view! {
            <section aria-labelledby="historique-titre">
                <h2 id="historique-titre">{tr(Msg::HistoryTitle)}</h2>
                <ol class="history">
                    {events.into_iter().map(|e| {
                        let label = event_label(&e.kind);
                        view! {
                            <li>
                                <p><strong>{tr(label)}</strong> " — " {paris(e.at)}</p>
                                {(!e.message.is_empty()).then(|| view! { <blockquote class="prewrap">{e.message.clone()}</blockquote> })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </section>
        }
    })
}

pub fn event_label(kind: &str) -> Msg {
    match kind {
        "submitted" => Msg::EventSubmitted,
        "published" => Msg::EventPublished,
        other => Decision::from_code(other)
            .map(Decision::label)
            .unwrap_or(Msg::EventOther),
    }
}
