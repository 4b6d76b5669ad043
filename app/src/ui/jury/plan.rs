//! `/jury/defis/{id}/planning`: the scheduling run shown before it is
//! applied — who gets which slot, who gets none and why — with the notice
//! in working days; applying sends the invitations.

use crate::api::interviews::{ApplyPlan, get_plan};
use crate::i18n::Msg;
use crate::model::interviews::PlanView;
use crate::ui::form::{ErrorSummary, action_error};
use crate::ui::table::DataTable;
use crate::ui::{Heading, Loaded, page, query, row_page, say, tr};
use leptos::prelude::*;

#[component]
pub fn PlanPage() -> impl IntoView {
    row_page(page().viewer.is_some(), |id| {
        let notice = query("preavis").and_then(|n| n.trim().parse::<u32>().ok());
        let plan = Resource::new_blocking(move || (id, notice), |(id, n)| get_plan(id, n));
        view! {
            <Heading msg=Msg::PlanTitle/>
            <Loaded resource=plan ok=|p| view! { <Plan p/> }/>
        }
    })
}

#[component]
fn Plan(p: PlanView) -> impl IntoView {
    let apply = ServerAction::<ApplyPlan>::new();
    let error = action_error(apply);
    let id = p.defi_id;
    view! {
        <p class="lead">{p.title.clone()}</p>
        <p>{say(Msg::PlanRules, &[("notice", &p.notice.to_string()), ("gap", &p.gap.to_string())])}</p>
        <form method="get" action=format!("/jury/defis/{id}/planning")>
            <div class="field">
                <label for="champ-preavis">{tr(Msg::FieldNotice)}</label>
                <input id="champ-preavis" name="preavis" type="number" min="0" max="260" value=p.notice.to_string() class="narrow"/>
            </div>
            <button type="submit" class="secondary">{tr(Msg::RecomputePlan)}</button>
        </form>
        <ErrorSummary error=error.clone()/>
        {plan_tables(&p, Msg::ColName, Msg::PlanPlaced, Msg::PlanPlacesNobody)}
        {(!p.placed.is_empty()).then(|| view! {
            <ActionForm action=apply>
                <input type="hidden" name="defi" value=id.to_string()/>
                <input type="hidden" name="preavis" value=p.notice.to_string()/>
                <input type="hidden" name="empreinte" value=p.fingerprint.clone()/>
                <button type="submit">{tr(Msg::ApplyPlanButton)}</button>
            </ActionForm>
        })}
        <p><a href=format!("/jury/defis/{id}")>{tr(Msg::BackToJury)}</a></p>
    }
}

/// A scheduling run's two tables: who (`who`: the column of names) gets
/// which slot, and who gets none with the reason; `nobody` when the run
/// places no one.
pub(crate) fn plan_tables(
    p: &PlanView,
    who: Msg,
    placed: Msg,
    nobody: Msg,
) -> impl IntoView + use<> {
    let rows = p
        .placed
        .iter()
        .map(|(name, when)| view! { <tr><td>{name.clone()}</td><td>{when.clone()}</td></tr> })
        .collect_view();
    let unplaced = p
        .unplaced
        .iter()
        .map(|(name, why)| view! { <tr><td>{name.clone()}</td><td>{tr(*why)}</td></tr> })
        .collect_view();
    view! {
        {if p.placed.is_empty() {
            view! { <p>{tr(nobody)}</p> }.into_any()
        } else {
            view! {
                <DataTable caption=tr(placed).to_owned() shown=true focusable=true columns=vec![who, Msg::ColSlotStart]>
                    {rows}
                </DataTable>
            }.into_any()
        }}
        {(!p.unplaced.is_empty()).then(|| view! {
            <DataTable caption=tr(Msg::PlanUnplaced).to_owned() shown=true focusable=true columns=vec![who, Msg::ColReason]>
                {unplaced}
            </DataTable>
        })}
    }
}
