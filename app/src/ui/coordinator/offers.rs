//! `/coordination/promotions/{id}/propositions`: the offers of the
//! validated run — the audit of the log (and the défis it stopped), the
//! lists run out with the options, every offer, the placements with the
//! contract's follow-up, and the log to download.

use crate::api::formation::{ResumeOffers, UpdatePlacement, WidenList, get_offers_page};
use crate::i18n::Msg;
use crate::model::AppError;
use crate::model::formation::{ExhaustedRow, OffersPage, PlacementRow};
use crate::ui::form::{ErrorSummary, Field, action_error};
use crate::ui::table::DataTable;
use crate::ui::{Heading, Loaded, kept, page, row_page, say, tr};
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
        let titles: Vec<String> = o.blocked.iter().map(|(_, t)| t.clone()).collect();
        // No défi stopped: the anomalies were examined, or name none.
        let verdict = if titles.is_empty() {
            tr(Msg::AuditExamined).to_owned()
        } else {
            say(Msg::AuditFaulted, &[("defis", &titles.join(", "))])
        };
        let resume =
            (!o.blocked.is_empty()).then(|| view! { <Resume id blocked=o.blocked.clone()/> });
        view! {
            <div class="notice notice-warning" role="alert">
                <p>{verdict}</p>
                <ul>{items}</ul>
            </div>
            {resume}
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

/// A form per défi the audit stopped: the reason, then its offers resume.
#[component]
fn Resume(id: i64, blocked: Vec<(i64, String)>) -> impl IntoView {
    let resume = ServerAction::<ResumeOffers>::new();
    let error = action_error(resume);
    let failed = error
        .as_ref()
        .and(kept("defi"))
        .and_then(|v| v.parse::<i64>().ok());
    let summary_prefix = failed.map(|d| format!("reprise-{d}-")).unwrap_or_default();
    let forms = blocked
        .into_iter()
        .map(|(defi, title)| {
            let mine = failed == Some(defi);
            let field_error = if mine { err(&error, "motif") } else { None };
            let typed = kept("motif").filter(|_| mine).unwrap_or_default();
            view! {
                <ActionForm action=resume>
                    <input type="hidden" name="promotion" value=id.to_string()/>
                    <input type="hidden" name="defi" value=defi.to_string()/>
                    <h3>{say(Msg::ResumeOffersFor, &[("defi", &title)])}</h3>
                    <crate::ui::form::TextArea name="motif" prefix=format!("reprise-{defi}-") label=Msg::FieldResumeReason hint=Msg::ResumeReasonHint maxlength=1000 value=typed error=field_error/>
                    <button type="submit" class="secondary">{tr(Msg::ResumeOffersButton)}</button>
                </ActionForm>
            }
        })
        .collect_view();
    view! {
        <p>{tr(Msg::ResumeOffersIntro)}</p>
        <ErrorSummary error=error.clone() prefix=summary_prefix/>
        {forms}
    }
}

#[component]
fn Exhausted(id: i64, rows: Vec<ExhaustedRow>) -> impl IntoView {
    let widen = ServerAction::<WidenList>::new();
    let error = action_error(widen);
    // The slot whose form was refused: its field shows the error.
    let failed = error.as_ref().and(kept("poste"));
    let prefix = |slot: &str| format!("elargir-{}-", slot.replace(':', "-"));
    let summary_prefix = failed.as_deref().map(prefix).unwrap_or_default();
    let empty = rows.is_empty();
    let items = rows
        .into_iter()
        .map(|x| {
            let mine = failed.as_deref() == Some(x.slot.as_str());
            let field_error = if mine { err(&error, "candidat") } else { None };
            let chosen = kept("candidat").filter(|_| mine).unwrap_or_default();
            let ids = prefix(&x.slot);
            let options: Vec<(String, String)> = std::iter::once((String::new(), tr(Msg::ChooseOption).to_owned()))
                .chain(x.could_join.iter().map(|(i, n)| (i.to_string(), n.clone())))
                .collect();
            let form = (!x.could_join.is_empty()).then(|| view! {
                <ActionForm action=widen>
                    <input type="hidden" name="promotion" value=id.to_string()/>
                    <input type="hidden" name="poste" value=x.slot.clone()/>
                    <crate::ui::form::SelectField name="candidat" prefix=ids.clone() label=Msg::FieldWidenWith options=options value=chosen error=field_error/>
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
            <ErrorSummary error=error.clone() prefix=summary_prefix/>
            {empty.then(|| view! { <p>{tr(Msg::NoListExhausted)}</p> })}
            <ul class="plain">{items}</ul>
        </section>
    }
}

#[component]
fn Placements(id: i64, rows: Vec<PlacementRow>) -> impl IntoView {
    let update = ServerAction::<UpdatePlacement>::new();
    let error = action_error(update);
    // The placement whose form was refused: its fields show the errors
    // and keep what was typed.
    let failed = error
        .as_ref()
        .and(kept("placement"))
        .and_then(|v| v.parse::<i64>().ok());
    let summary_prefix = failed
        .map(|p| format!("placement-{p}-"))
        .unwrap_or_default();
    let empty = rows.is_empty();
    let items = rows
        .into_iter()
        .map(|p| {
            let mine = failed == Some(p.id);
            let field = |name: &str| if mine { err(&error, name) } else { None };
            let value = |name: &str, saved: &Option<String>| {
                // What was typed, when the refused form typed it.
                kept(name).filter(|v| mine && !v.is_empty()).or_else(|| saved.clone()).unwrap_or_default()
            };
            let (pieces, pieces_error) = (value("pieces", &p.documents_sent_on), field("pieces"));
            let (contrat, contrat_error) = (value("contrat", &p.contract_received_on), field("contrat"));
            let ids = format!("placement-{}-", p.id);
            let confirm_error = field("confirm");
            let interrupt = p.may_interrupt.then(|| {
                let box_id = format!("placement-{}-confirm", p.id);
                view! {
                    <ActionForm action=update>
                        <input type="hidden" name="promotion" value=id.to_string()/>
                        <input type="hidden" name="placement" value=p.id.to_string()/>
                        <input type="hidden" name="vers" value="interrupted"/>
                        <div class="checkbox" class:field-invalid=confirm_error.is_some()>
                            <input type="checkbox" id=box_id.clone() name="confirm" value="on"
                                aria-invalid=confirm_error.map(|_| "true")
                                aria-describedby=confirm_error.map(|_| format!("{box_id}-erreur"))/>
                            <label for=box_id.clone()>{tr(Msg::InterruptConfirm)}</label>
                            {confirm_error.map(|m| view! { <p class="field-error" id=format!("{box_id}-erreur")>{tr(m)}</p> })}
                        </div>
                        <button type="submit" class="secondary">{tr(Msg::InterruptPlacement)}</button>
                    </ActionForm>
                }
            });
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
                        <Field name="pieces" prefix=ids.clone() kind="date" label=Msg::FieldDocumentsSent value=pieces error=pieces_error/>
                        <Field name="contrat" prefix=ids.clone() kind="date" label=Msg::FieldContractReceived value=contrat error=contrat_error/>
                        <button type="submit">{tr(Msg::SaveDates)}</button>
                        {next}
                    </ActionForm>
                    {interrupt}
                </li>
            }
        })
        .collect_view();
    view! {
        <section>
            <h2 id="placements">{tr(Msg::PlacementsTitle)}</h2>
            <ErrorSummary error=error.clone() prefix=summary_prefix/>
            {empty.then(|| view! { <p>{tr(Msg::NoPlacementYet)}</p> })}
            <ul class="plain">{items}</ul>
        </section>
    }
}

fn err(e: &Option<AppError>, field: &str) -> Option<Msg> {
    e.as_ref().and_then(|e| e.for_field(field))
}
