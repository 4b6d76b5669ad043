//! `/espace/propositions`: a candidate's result once the teams are
//! validated — the seats offered with their deadline (accept or decline;
//! no answer by then is a refusal), where they wait and their position
//! (it never rises), the explanation of their result, their placement,
//! the talent pool, and giving everything up.

use crate::api::formation::{AnswerOffer, SetTalentPool, WithdrawFromOffers, get_my_offers};
use crate::i18n::Msg;
use crate::model::formation::MyResult;
use crate::ui::coordinator::offer_state;
use crate::ui::form::{ErrorSummary, action_error};
use crate::ui::{Heading, Loaded, gated, page, say, tr};
use leptos::prelude::*;

#[component]
pub fn MyOffersPage() -> impl IntoView {
    gated(page().viewer.is_some(), || {
        let data = Resource::new_blocking(|| (), |_| get_my_offers());
        view! {
            <Heading msg=Msg::MyOffersTitle/>
            <Loaded resource=data ok=|m| view! { <Mine m/> }/>
        }
    })
}

#[component]
fn Mine(m: Vec<MyResult>) -> impl IntoView {
    let answer = ServerAction::<AnswerOffer>::new();
    let withdraw = ServerAction::<WithdrawFromOffers>::new();
    let pool = ServerAction::<SetTalentPool>::new();
    let error = action_error(answer)
        .or_else(|| action_error(withdraw))
        .or_else(|| action_error(pool));
    if m.is_empty() {
        return view! { <p>{tr(Msg::NoResultYet)}</p> }.into_any();
    }
    let confirm_error = error.as_ref().and_then(|e| e.for_field("confirm"));
    let blocks = m
        .into_iter()
        .map(|r| {
            let withdrawn = r.withdrawn;
            let offers = r
                .offers
                .clone()
                .into_iter()
                .map(|o| {
                    let open = o.state == "open" && !withdrawn;
                    let (accept_label, decline_label) = (
                        say(Msg::AcceptOfferFor, &[("defi", &o.defi)]),
                        say(Msg::DeclineOfferFor, &[("defi", &o.defi)]),
                    );
                    let (id, deadline) = (o.id, o.deadline.clone());
                    let actions = open.then(move || view! {
                        <p>{say(Msg::AnswerBefore, &[("deadline", &deadline)])}</p>
                        <ActionForm action=answer attr:class="inline-form">
                            <input type="hidden" name="proposition" value=id.to_string()/>
                            <button type="submit" name="intent" value="accepter" aria-label=accept_label>{tr(Msg::AcceptOffer)}</button>
                            " "
                            <button type="submit" name="intent" value="decliner" class="secondary" aria-label=decline_label>{tr(Msg::DeclineOffer)}</button>
                        </ActionForm>
                    });
                    view! {
                        <li class="card">
                            <h3>{o.defi.clone()}</h3>
                            <p>{o.organisation.clone()}</p>
                            <p>{say(Msg::OfferStateLine, &[("state", offer_state(&o.state))])}</p>
                            {actions}
                        </li>
                    }
                })
                .collect_view();
            let waiting = r
                .waiting
                .iter()
                .map(|(d, n)| view! { <li>{say(Msg::WaitingLine, &[("defi", d), ("position", &n.to_string())])}</li> })
                .collect_view();
            let placement = r.placement.clone().map(|p| view! {
                <h3>{tr(Msg::YourPlacement)}</h3>
                <p>{say(Msg::PlacementLine, &[("defi", &p.defi), ("start", &p.starts_on), ("end", &p.ends_on), ("state", &p.state)])}</p>
                <p><a href=format!("/equipes/{}", p.defi_id)>{tr(Msg::TeamPageLink)}</a></p>
            });
            let placed = r.placement.is_some();
            let pool_form = (!placed && !r.withdrawn).then(|| {
                let (label, value) = if r.talent_pool == Some(true) {
                    (Msg::LeaveTalentPool, "non")
                } else {
                    (Msg::JoinTalentPool, "oui")
                };
                view! {
                    <h3>{tr(Msg::TalentPoolTitle)}</h3>
                    <p>{tr(if r.talent_pool == Some(true) { Msg::InTalentPool } else { Msg::TalentPoolIntro })}</p>
                    <ActionForm action=pool>
                        <input type="hidden" name="promotion" value=r.promotion_id.to_string()/>
                        <button type="submit" name="vivier" value=value class="secondary">{tr(label)}</button>
                    </ActionForm>
                }
            });
            let leave = (!r.withdrawn && r.may_withdraw).then(|| view! {
                <h3>{tr(Msg::GiveUpTitle)}</h3>
                <p>{tr(Msg::GiveUpIntro)}</p>
                <ActionForm action=withdraw>
                    <input type="hidden" name="promotion" value=r.promotion_id.to_string()/>
                    // One box per promotion on the page: ids of their own.
                    <div class="checkbox" class:field-invalid=confirm_error.is_some()>
                        <input type="checkbox" id=format!("renoncer-{}", r.promotion_id) name="confirm" value="on"
                            aria-invalid=confirm_error.map(|_| "true")
                            aria-describedby=confirm_error.map(|_| format!("renoncer-{}-erreur", r.promotion_id))/>
                        <label for=format!("renoncer-{}", r.promotion_id)>{tr(Msg::GiveUpConfirm)}</label>
                        {confirm_error.map(|m| view! { <p class="field-error" id=format!("renoncer-{}-erreur", r.promotion_id)>{tr(m)}</p> })}
                    </div>
                    <button type="submit" class="secondary">{tr(Msg::GiveUpButton)}</button>
                </ActionForm>
            });
            view! {
                <section>
                    <h2>{r.promotion.clone()}</h2>
                    {r.withdrawn.then(|| view! { <p class="notice" role="status">{tr(Msg::YouWithdrew)}</p> })}
                    {placement}
                    {(!r.offers.is_empty()).then(|| view! {
                        <h3>{tr(Msg::YourOffers)}</h3>
                        <p>{tr(Msg::NoAnswerIsDecline)}</p>
                        <ul class="plain cards">{offers}</ul>
                    })}
                    {(!r.waiting.is_empty()).then(|| view! {
                        <h3>{tr(Msg::YourWaitingLists)}</h3>
                        <p>{tr(Msg::WaitingIntro)}</p>
                        <ul>{waiting}</ul>
                    })}
                    <h3>{tr(Msg::HowDecided)}</h3>
                    <p class="pre-line">{r.explanation.clone()}</p>
                    {pool_form}
                    {leave}
                </section>
            }
        })
        .collect_view();
    view! {
        <ErrorSummary error=error.clone()/>
        {blocks}
    }
    .into_any()
}
