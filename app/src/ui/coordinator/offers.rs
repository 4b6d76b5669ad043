//! `/coordination/promotions/{id}/propositions`: the offers of the
//! validated run — the audit of the log (and the défis it stopped), the
//! lists run out with the options, every offer, the placements with the
//! contract's follow-up, and the log to download.

use crate::api::formation::{UpdatePlacement, WidenList, get_offers_page};
use crate::i18n::Msg;
use crate::model::formation::{ExhaustedRow, OffersPage, PlacementRow};
use crate::ui::form::{ErrorSummary, action_error};
use crate::ui::table::DataTable;
use crate::ui::{Heading, Loaded, page, row_page, say, tr};
use leptos::prelude::*;

#[component]
pub fn OffersPage() -> impl IntoView {
    row_page(page().can.manage_promotions, |id| {
        let resource = Resource::new_blocking(move || id, get_offers_page);
        view! {
            <Heading msg=Msg::OffersTitle/>
            <Loaded resource ok=|o| view! { <Offers o/> }/>
        }
    })
}

/// The words of an offer's state.
pub fn offer_state(code: &str) -> &'static str {
    tr(match code {
        "open" => Msg::OfferOpen,
        "accepted" => Msg::OfferAccepted,
        "declined" => Msg::OfferDeclined,
        "expired" => Msg::OfferExpired,
        "released" => Msg::OfferReleased,
        "cancelled" => Msg::OfferCancelled,
        _ => Msg::OfferWithdrawn,
    })
}

#[component]
fn Offers(o: OffersPage) -> impl IntoView {
    let id = o.promotion_id;
    let Some(run) = o.run else {
        return view! {
            <p class="lead">{o.promotion.clone()}</p>
            <p>{tr(Msg::NoOffersYet)}</p>
            <p><a href=format!("/coordination/promotions/{id}/equipes")>{tr(Msg::BackToFormation)}</a></p>
        }
        .into_any();
    };
    let audit = if o.violations.is_empty() {
        view! { <p class="notice notice-success" role="status">{say(Msg::AuditSound, &[("events", &o.events.to_string())])}</p> }.into_any()
    } else {
        let items = o
            .violations
            .iter()
            .map(|v| view! { <li>{v.clone()}</li> })
            .collect_view();
        view! {
            <div class="notice notice-warning" role="alert">
                <p>{say(Msg::AuditFaulted, &[("defis", &o.blocked.join(", "))])}</p>
                <ul>{items}</ul>
            </div>
        }
        .into_any()
    };
    let rows = o
        .rows
        .iter()
        .map(|r| view! {
            <tr><td>{r.candidate.clone()}</td><td>{r.defi.clone()}</td><td>{r.profile.clone()}</td><td>{offer_state(&r.state)}</td><td>{r.offered.clone()}</td><td>{r.deadline.clone()}</td></tr>
        })
        .collect_view();
    view! {
        <p class="lead">{o.promotion.clone()} " — " {say(Msg::RunNumber, &[("n", &run.to_string())])}</p>
        <p>{tr(Msg::OffersIntro)}</p>
        <section>
            <h2 id="verification">{tr(Msg::AuditTitle)}</h2>
            {audit}
            <p><a href=format!("/coordination/promotions/{id}/propositions/journal.json") download="">{tr(Msg::OffersLogDownload)}</a></p>
            <p class="hint">{tr(Msg::OffersLogHint)}</p>
        </section>
        <Exhausted id rows=o.exhausted.clone()/>
        <section>
            <h2 id="propositions">{tr(Msg::OffersListTitle)}</h2>
            <DataTable caption=tr(Msg::OffersListTitle).to_owned() focusable=true columns=vec![Msg::ColCandidate, Msg::ColDefi, Msg::ColProfile, Msg::ColState, Msg::ColOffered, Msg::ColDeadline]>
                {rows}
            </DataTable>
        </section>
        <Placements id rows=o.placements.clone()/>
        <p><a href=format!("/coordination/promotions/{id}/equipes")>{tr(Msg::BackToFormation)}</a></p>
    }
    .into_any()
}

#[component]
fn Exhausted(id: i64, rows: Vec<ExhaustedRow>) -> impl IntoView {
    let widen = ServerAction::<WidenList>::new();
    let error = action_error(widen);
    let empty = rows.is_empty();
    let items = rows
        .into_iter()
        .map(|x| {
            let options: Vec<(String, String)> = std::iter::once((String::new(), tr(Msg::ChooseOption).to_owned()))
                .chain(x.could_join.iter().map(|(i, n)| (i.to_string(), n.clone())))
                .collect();
            let form = (!x.could_join.is_empty()).then(|| view! {
                <ActionForm action=widen>
                    <input type="hidden" name="promotion" value=id.to_string()/>
                    <input type="hidden" name="poste" value=x.slot.clone()/>
                    <div class="field">
                        <label for=format!("elargir-{}", x.slot)>{tr(Msg::FieldWidenWith)}</label>
                        <select id=format!("elargir-{}", x.slot) name="candidat">
                            {options.into_iter().map(|(v, t)| view! { <option value=v>{t}</option> }).collect_view()}
                        </select>
                    </div>
                    <button type="submit" class="secondary">{tr(Msg::WidenButton)}</button>
                </ActionForm>
            });
            view! {
                <li>
                    <p><strong>{say(Msg::ExhaustedLine, &[("defi", &x.defi), ("profile", &x.profile)])}</strong></p>
                    {x.short.then(|| view! { <p>{tr(Msg::ExhaustedShort)}</p> })}
                    <p>{tr(Msg::ExhaustedOptions)}</p>
                    <p><a href=format!("/coordination/defis/{}", x.defi_id)>{tr(Msg::ExhaustedDefiLink)}</a></p>
                    {form}
                </li>
            }
        })
        .collect_view();
    view! {
        <section>
            <h2 id="epuisees">{tr(Msg::ExhaustedTitle)}</h2>
            <ErrorSummary error=error.clone()/>
            {empty.then(|| view! { <p>{tr(Msg::NoListExhausted)}</p> })}
            <ul class="plain">{items}</ul>
        </section>
    }
}

#[component]
fn Placements(id: i64, rows: Vec<PlacementRow>) -> impl IntoView {
    let update = ServerAction::<UpdatePlacement>::new();
    let error = action_error(update);
    let empty = rows.is_empty();
    let items = rows
        .into_iter()
        .map(|p| {
            let next = p.next.clone().map(|to| {
                let label = crate::domain::placement::PlacementState::parse(&to).map(|s| tr(s.label())).unwrap_or_default();
                view! { <button type="submit" name="vers" value=to class="secondary">{say(Msg::PlacementMoveTo, &[("state", label)])}</button> }
            });
            view! {
                <li>
                    <h3>{p.candidate.clone()} " — " <a href=format!("/equipes/{}", p.defi_id)>{p.defi.clone()}</a></h3>
                    <p>{say(Msg::PlacementStateLine, &[("state", &p.state)])}</p>
                    <ActionForm action=update>
                        <input type="hidden" name="promotion" value=id.to_string()/>
                        <input type="hidden" name="placement" value=p.id.to_string()/>
                        <div class="field">
                            <label for=format!("pieces-{}", p.id)>{tr(Msg::FieldDocumentsSent)}</label>
                            <input type="date" id=format!("pieces-{}", p.id) name="pieces" value=p.documents_sent_on.clone().unwrap_or_default()/>
                        </div>
                        <div class="field">
                            <label for=format!("contrat-{}", p.id)>{tr(Msg::FieldContractReceived)}</label>
                            <input type="date" id=format!("contrat-{}", p.id) name="contrat" value=p.contract_received_on.clone().unwrap_or_default()/>
                        </div>
                        <button type="submit">{tr(Msg::SaveDates)}</button>
                        {next}
                    </ActionForm>
                </li>
            }
        })
        .collect_view();
    view! {
        <section>
            <h2 id="placements">{tr(Msg::PlacementsTitle)}</h2>
            <ErrorSummary error=error.clone()/>
            {empty.then(|| view! { <p>{tr(Msg::NoPlacementYet)}</p> })}
            <ul class="plain">{items}</ul>
        </section>
    }
}
