//! Selecting défis: the promotion's list with filters, counts and batch
//! decisions (`/coordination/promotions/{id}/defis`), the preview of a batch
//! before anything is sent (`…/apercu`), and one défi's review page
//! (`/coordination/defis/{id}`).

use crate::api::defis::{
    DecideDefi, DecideDefis, PublishDefis, get_defi_dossier, preview_defi_batch, promotion_defis,
};
use crate::domain::defi::{Decision, DefiState};
use crate::domain::organisation::OrgKind;
use crate::i18n::{Msg, fill};
use crate::model::defi::{DefiFilter, DefiList};
use crate::ui::Loaded;
use crate::ui::batch::BatchPreview;
use crate::ui::batch::Posted;
use crate::ui::defi_view::{DossierView, History};
use crate::ui::form::{ErrorSummary, SelectField, TextArea, action_error};
use crate::ui::host::kind_options;
use crate::ui::loaded_row;
use crate::ui::row_page;
use crate::ui::table::DataTable;
use crate::ui::templates::Templates;
use crate::ui::{kept, page, paris, profile_label, query, tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

fn allowed() -> bool {
    page().can.decide_defis
}

fn decision_options(decisions: &[Decision]) -> Vec<(String, String)> {
    crate::ui::form::choose_options(decisions.iter().map(|d| (d.code(), d.label())))
}

/// What the decision form's error summary calls its fields.
fn decision_label(field: &str) -> Option<Msg> {
    match field {
        "message" => Some(Msg::FieldMessage),
        other => crate::ui::form::common_label(other),
    }
}

/// The decisions' message templates.
fn templates(decisions: &[Decision]) -> Vec<crate::ui::templates::Template> {
    decisions
        .iter()
        .map(|d| (d.code(), d.label(), d.template()))
        .collect()
}

#[component]
pub fn PromotionDefisPage() -> impl IntoView {
    row_page(allowed(), |id| {
        let filter = DefiFilter {
            state: query("etat").and_then(|s| DefiState::from_code(&s)),
            kind: query("type").and_then(|k| OrgKind::from_code(&k)),
            profile: query("profil"),
        };
        let list = Resource::new_blocking(
            {
                let filter = filter.clone();
                move || (id, filter.clone())
            },
            |(id, filter)| promotion_defis(id, filter),
        );
        view! {
            <Loaded resource=list ok=move |l| view! { <DefiListView l filter=filter.clone()/> }/>
        }
        .into_any()
    })
}

#[component]
fn DefiListView(l: DefiList, filter: DefiFilter) -> impl IntoView {
    let publish = ServerAction::<PublishDefis>::new();
    let publish_error = action_error(publish);
    let to_publish = l
        .rows
        .iter()
        .filter(|r| r.state == DefiState::Selected && !r.published)
        .count();
    let state_options: Vec<(String, String)> =
        std::iter::once((String::new(), tr(Msg::AllStates).to_owned()))
            .chain(
                DefiState::ALL
                    .into_iter()
                    .filter(|s| s.visible_to_coordinators())
                    .map(|s| (s.code().to_owned(), tr(s.label()).to_owned())),
            )
            .collect();
    let mut kinds = kind_options();
    kinds[0].1 = tr(Msg::AllKinds).to_owned();
    let profiles: Vec<(String, String)> =
        std::iter::once((String::new(), tr(Msg::AllProfiles).to_owned()))
            .chain(
                l.profiles
                    .iter()
                    .map(|p| (p.as_str().to_owned(), profile_label(p))),
            )
            .collect();
    let promotion = l.promotion_id;
    let batch_decisions = vec![
        Decision::Shortlist,
        Decision::Select,
        Decision::NotSelect,
        Decision::Reject,
    ];
    let template = crate::ui::templates::chosen(&templates(&batch_decisions));
    view! {
        <Title text=fill(tr(Msg::PromotionDefisTitle), &[("promotion", &l.promotion_name)])/>
        <h1>{fill(tr(Msg::PromotionDefisTitle), &[("promotion", &l.promotion_name)])}</h1>
        <h2>{tr(Msg::CountsTitle)}</h2>
        <ul class="counts">
            {l.counts.iter().map(|(s, n)| view! {
                <li><a href=format!("?etat={}", s.code())>{crate::ui::colon(s.label())} " " <strong>{*n}</strong></a></li>
            }).collect_view()}
        </ul>
        <form method="get" class="filters">
            <SelectField name="etat" label=Msg::FilterState options=state_options
                value=filter.state.map(|s| s.code().to_owned()).unwrap_or_default()/>
            <SelectField name="type" label=Msg::FilterKind options=kinds
                value=filter.kind.map(|k| k.code().to_owned()).unwrap_or_default()/>
            <SelectField name="profil" label=Msg::FilterProfile options=profiles
                value=filter.profile.clone().unwrap_or_default()/>
            <button type="submit" class="secondary">{tr(Msg::Filter)}</button>
        </form>
        <ErrorSummary error=publish_error/>
        {(to_publish > 0).then(|| view! {
            <ActionForm action=publish>
                <input type="hidden" name="promotion" value=promotion.to_string()/>
                <button type="submit">{crate::ui::say(Msg::PublishSelected, &[("count", &to_publish.to_string())])}</button>
            </ActionForm>
        })}
        {if l.rows.is_empty() {
            view! { <p>{tr(Msg::NoDefiMatches)}</p> }.into_any()
        } else {
            view! {
                <form method="get" action=format!("/coordination/promotions/{promotion}/defis/apercu")>
                    <DataTable caption=crate::ui::say(Msg::DefisShown, &[("count", &l.rows.len().to_string())]) shown=true
                        columns=vec![Msg::ColChoose, Msg::ColTitle, Msg::ColOrganisation, Msg::ColProfiles, Msg::ColState, Msg::ColSubmitted]>
                        {l.rows.iter().map(|r| {
                            let check = format!("choix-{}", r.id);
                            view! {
                                <tr>
                                    <td>
                                        <input type="checkbox" id=check.clone() name="ids" value=r.id.to_string()/>
                                        <label for=check class="visually-hidden">{fill(tr(Msg::ChooseDefi), &[("title", &r.title)])}</label>
                                    </td>
                                    <th scope="row"><a href=format!("/coordination/defis/{}", r.id)>{r.title.clone()}</a></th>
                                    <td>{r.organisation.clone()} <br/><span class="hint">{tr(r.organisation_kind.label())} " — " {r.city.clone()}</span></td>
                                    <td>{r.profiles.iter().map(profile_label).collect::<Vec<_>>().join(", ")}</td>
                                    <td>{tr(r.state.label())}{r.published.then(|| format!(" · {}", tr(Msg::Published)))}</td>
                                    <td>{r.submitted_at.map(paris).unwrap_or_default()}</td>
                                </tr>
                            }
                        }).collect_view()}
                            </DataTable>
                    <fieldset>
                        <legend>{tr(Msg::BatchLegend)}</legend>
                        <SelectField name="decision" label=Msg::FieldDecision options=decision_options(&batch_decisions) required=true
                            value=template.clone().map(|t| t.0).unwrap_or_default()/>
                        <TextArea name="message" label=Msg::FieldMessage hint=Msg::MessageHint rows=6
                            value=template.clone().map(|t| t.1).unwrap_or_default()/>
                        <Templates templates=templates(&batch_decisions) select="decision"/>
                        <button type="submit">{tr(Msg::PreviewBatch)}</button>
                    </fieldset>
                </form>
            }.into_any()
        }}
    }
}

#[component]
pub fn BatchPreviewPage() -> impl IntoView {
    row_page(allowed(), |promotion| {
        let ids: Vec<i64> = leptos_router::hooks::use_query_map().with_untracked(|q| {
            q.get_all("ids")
                .unwrap_or_default()
                .iter()
                .filter_map(|v| v.parse().ok())
                .collect()
        });
        let decision = query("decision").unwrap_or_default();
        let message = query("message").unwrap_or_default();
        let lines = Resource::new_blocking(
            {
                let (ids, decision, message) = (ids.clone(), decision.clone(), message.clone());
                move || (ids.clone(), decision.clone(), message.clone())
            },
            |(ids, decision, message)| preview_defi_batch(ids, decision, message),
        );
        let error = action_error(ServerAction::<DecideDefis>::new());
        let back = format!("/coordination/promotions/{promotion}/defis");
        let label = Decision::from_code(&decision)
            .map(|d| tr(d.label()))
            .unwrap_or_default()
            .to_owned();
        let hidden = vec![
            ("promotion", promotion.to_string()),
            ("decision", decision),
            ("message", message),
        ];
        view! {
            <BatchPreview back error lines label
                summary=Msg::BatchSummary heading=Msg::ColTitle message_heading=Msg::FieldMessage empty=Msg::NoDefiChosen fields=&["decision", "message"]
                url=DecideDefis::url() hidden posted=Posted::Chosen(ids)/>
        }
        .into_any()
    })
}

#[component]
pub fn DefiReviewPage() -> impl IntoView {
    let decide = ServerAction::<DecideDefi>::new();
    let publish = ServerAction::<PublishDefis>::new();
    let error = action_error(decide);
    let publish_error = action_error(publish);
    loaded_row(allowed(), get_defi_dossier, move |d| {
        let error = error.clone();
        let publish_error = publish_error.clone();
        let decision_error = error.as_ref().and_then(|e| e.for_field("decision"));
        let message_error = error.as_ref().and_then(|e| e.for_field("message"));
        let decisions = d.decisions.clone();
        let template = crate::ui::templates::chosen(&templates(&decisions));
        let events = d.events.clone();
        view! {
            <Title text=d.form.title.clone()/>
            <p><a href=format!("/coordination/promotions/{}/defis", d.promotion_id)>{fill(tr(Msg::PromotionDefisTitle), &[("promotion", &d.promotion_name)])}</a></p>
            <h1>{d.form.title.clone()}</h1>
            <p class="lead">
                <a href=format!("/organisation/{}", d.organisation_id)>{d.organisation.clone()}</a>
                " — " {tr(d.organisation_kind.label())} ", " {d.city.clone()} " — "
                <strong>{tr(d.state.label())}</strong>
                {d.published.then(|| view! { " — " <a href=format!("/defis/{}", d.id)>{tr(Msg::SeePublicSheet)}</a> })}
            </p>
            {d.submitted_at.map(|t| view! { <p>{fill(tr(Msg::SubmittedAtLine), &[("date", &paris(t))])}</p> })}
            <ErrorSummary error=publish_error/>
            // A refused decision after which none is possible any more
            // (another coordinator decided meanwhile) still says why.
            {decisions.is_empty().then(|| view! { <ErrorSummary error=error.clone() labels=decision_label/> })}
            {d.may_publish.then(|| view! {
                <ActionForm action=publish>
                    <input type="hidden" name="promotion" value=d.promotion_id.to_string()/>
                    <input type="hidden" name="defi" value=d.id.to_string()/>
                    <button type="submit">{tr(Msg::PublishOne)}</button>
                </ActionForm>
            })}
            <DossierView d=d.clone()/>
            // Read first, then decide: the form follows the dossier.
            {(!decisions.is_empty()).then(|| view! {
                <section aria-labelledby="decision-titre">
                    <h2 id="decision-titre">{tr(Msg::DecisionTitle)}</h2>
                    <ErrorSummary error=error.clone() labels=decision_label/>
                    <ActionForm action=decide>
                        <input type="hidden" name="id" value=d.id.to_string()/>
                        <SelectField name="decision" label=Msg::FieldDecision options=decision_options(&decisions)
                            value=kept("decision").or_else(|| template.clone().map(|t| t.0)).unwrap_or_default()
                            required=true error=decision_error/>
                        <TextArea name="message" label=Msg::FieldMessage hint=Msg::MessageHint rows=6
                            value=kept("message").or_else(|| template.clone().map(|t| t.1)).unwrap_or_default()
                            error=message_error/>
                        <Templates templates=templates(&decisions) select="decision"/>
                        <button type="submit">{tr(Msg::SendDecision)}</button>
                    </ActionForm>
                </section>
            })}
            <History events/>
        }
        .into_any()
    })
}
