//! `/coordination/promotions/{id}/preselection/affectation`: the plan the
//! engine proposes (or, in plain words, why there is none), applied only
//! on confirmation; and a pair added or removed by hand.

use crate::api::review::{ApplyAssignment, SetPair, get_assign_plan};
use crate::i18n::Msg;
use crate::model::review::AssignPlan;
use crate::ui::form::{ErrorSummary, Field, SelectField, action_error};
use crate::ui::table::DataTable;
use crate::ui::{Heading, kept, loaded_row, page, say, tr};
use leptos::prelude::*;

/// What the error summary calls the by-hand form's fields.
fn pair_label(field: &str) -> Option<Msg> {
    match field {
        "juror" => Some(Msg::FieldJurorChosen),
        "application" => Some(Msg::FieldDossierNumber),
        _ => None,
    }
}

#[component]
pub fn AssignmentPage() -> impl IntoView {
    loaded_row(page().can.review_applications, get_assign_plan, |p| {
        view! { <Plan p/> }
    })
}

#[component]
fn Plan(p: AssignPlan) -> impl IntoView {
    let apply = ServerAction::<ApplyAssignment>::new();
    let pair = ServerAction::<SetPair>::new();
    let error = action_error(apply).or_else(|| action_error(pair));
    let juror_error = error.as_ref().and_then(|e| e.for_field("juror"));
    let application_error = error.as_ref().and_then(|e| e.for_field("application"));
    let jurors: Vec<(String, String)> =
        std::iter::once((String::new(), tr(Msg::ChooseOption).to_owned()))
            .chain(
                p.jurors
                    .iter()
                    .map(|(id, name)| (id.to_string(), name.clone())),
            )
            .collect();
    let id = p.promotion_id;
    let body = if let Some(reason) = p.reason.clone() {
        view! {
            <div class="notice notice-warning" role="status">
                <h2>{tr(Msg::AssignNoPlan)}</h2>
                <p>{reason}</p>
            </div>
        }
        .into_any()
    } else {
        let summary = say(
            Msg::AssignPlanSummary,
            &[
                ("add", &p.to_add.to_string()),
                ("existing", &p.existing.to_string()),
                ("dossiers", &p.dossiers.to_string()),
                ("covered", &p.profile_covered.to_string()),
            ],
        );
        let rows = p
            .loads
            .iter()
            .map(|(name, before, after)| {
                view! { <tr><td>{name.clone()}</td><td>{*before}</td><td>{*after}</td></tr> }
            })
            .collect_view();
        view! {
            <h2>{tr(Msg::AssignPlanTitle)}</h2>
            <p>{summary}</p>
            {(p.without_peer > 0).then(|| view! {
                <p>{say(Msg::AssignWithoutPeer, &[("count", &p.without_peer.to_string())])}</p>
            })}
            <DataTable caption=tr(Msg::AssignLoadsCaption).to_owned() shown=true columns=vec![Msg::ColJuror, Msg::ColLoadNow, Msg::ColLoadAfter]>
                {rows}
            </DataTable>
            <ActionForm action=apply>
                <input type="hidden" name="promotion" value=id.to_string()/>
                <button type="submit" disabled=p.to_add == 0>{tr(Msg::AssignApply)}</button>
            </ActionForm>
        }
        .into_any()
    };
    view! {
        <Heading msg=Msg::AssignTitle/>
        <p><a href=format!("/coordination/promotions/{id}/preselection")>{tr(Msg::BackToPreselection)}</a></p>
        <p>{tr(Msg::AssignIntro)}</p>
        <ErrorSummary error=error labels=pair_label/>
        {body}
        <h2>{tr(Msg::AssignByHand)}</h2>
        <p>{tr(Msg::AssignByHandIntro)}</p>
        <ActionForm action=pair>
            <input type="hidden" name="promotion" value=id.to_string()/>
            <SelectField name="juror" label=Msg::FieldJurorChosen options=jurors required=true
                value=kept("juror").unwrap_or_default() error=juror_error/>
            <Field name="application" label=Msg::FieldDossierNumber
                value=kept("application").unwrap_or_default() error=application_error/>
            <fieldset>
                <legend>{tr(Msg::AssignPairAction)}</legend>
                <div class="checkbox">
                    <input type="radio" id="champ-add-oui" name="add" value="on" checked=true/>
                    <label for="champ-add-oui">{tr(Msg::AssignAddPair)}</label>
                </div>
                <div class="checkbox">
                    <input type="radio" id="champ-add-non" name="add" value="off"/>
                    <label for="champ-add-non">{tr(Msg::AssignRemovePair)}</label>
                </div>
            </fieldset>
            <button type="submit" class="secondary">{tr(Msg::AssignChangePair)}</button>
        </ActionForm>
    }
}
