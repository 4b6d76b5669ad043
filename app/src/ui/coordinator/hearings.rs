//! `/coordination/promotions/{id}/auditions`: the défi jury of the call
//! for défis — the tally of the sheets beside the selection decisions,
//! who hears which shortlisted défi (the assignment engine's plan, applied
//! on confirmation; a juror taken off by hand), the hearing slots and the
//! scheduling run (shown, then applied: the invitations leave), and the
//! promotion's défi grid.

use super::grid_editor::GridEditor;
use crate::api::hearings::{
    AddHearingSlot, ApplyHearingPlan, AssignHearings, DeleteHearingSlot, RemoveHearingJuror,
    get_hearings_page,
};
use crate::i18n::Msg;
use crate::model::AppError;
use crate::model::hearings::{HearingSlotRow, HearingsPage, Panel, TallyRow};
use crate::model::interviews::PlanView;
use crate::model::review::AssignPlan;
use crate::ui::form::{ErrorSummary, Field, action_error};
use crate::ui::jury::plan_tables;
use crate::ui::table::DataTable;
use crate::ui::{Heading, Loaded, decimal, kept, page, query, row_page, say, tr};
use leptos::prelude::*;

fn labels(field: &str) -> Option<Msg> {
    Some(match field {
        "debut" => Msg::FieldSlotStart,
        "duree" => Msg::FieldSlotMinutes,
        "lieu" => Msg::FieldSlotPlace,
        _ => return None,
    })
}

fn err(e: &Option<AppError>, field: &str) -> Option<Msg> {
    e.as_ref().and_then(|e| e.for_field(field))
}

#[component]
pub fn HearingsPage() -> impl IntoView {
    row_page(page().can.decide_defis, |id| {
        let number = |k: &str| query(k).and_then(|n| n.trim().parse::<u32>().ok());
        let (per_defi, notice) = (number("par_defi"), number("preavis"));
        let resource = Resource::new_blocking(
            move || (id, per_defi, notice),
            |(id, p, n)| get_hearings_page(id, p, n),
        );
        view! {
            <Heading msg=Msg::HearingsTitle/>
            <Loaded resource ok=|h| view! { <Hearings h/> }/>
        }
    })
}

#[component]
fn Hearings(h: HearingsPage) -> impl IntoView {
    let id = h.promotion_id;
    view! {
        <p class="lead">{h.promotion.clone()}</p>
        <p>{tr(Msg::HearingsIntro)}</p>
        <nav aria-label=tr(Msg::HearingsSections)>
            <ul class="plain">
                <li><a href="#synthese">{tr(Msg::TallyTitle)}</a></li>
                <li><a href="#jures">{tr(Msg::HearingPanelsTitle)}</a></li>
                <li><a href="#creneaux">{tr(Msg::HearingSlotsTitle)}</a></li>
                <li><a href="#grille">{tr(Msg::DefiGridTitle)}</a></li>
            </ul>
        </nav>
        <Tally rows=h.tally.clone()/>
        <Panels id panels=h.panels.clone() plan=(h.shortlisted > 0).then(|| h.assign.clone()) per_defi=h.jurors_per_defi/>
        <Slots id slots=h.slots.clone() plan=h.plan.clone()/>
        <section>
            <h2 id="grille">{tr(Msg::DefiGridTitle)}</h2>
            <GridEditor promotion=id kind="defi" grid=h.grid.clone() open=h.grid_open/>
        </section>
        <p><a href=format!("/coordination/promotions/{id}/defis")>{tr(Msg::BackToPromotionDefis)}</a></p>
    }
}

fn tally_row(t: TallyRow) -> impl IntoView {
    let mean = match (t.mean, t.spread) {
        (Some(m), Some(s)) => say(
            Msg::MeanWithSpread,
            &[("mean", &decimal(m, 1)), ("spread", &s.to_string())],
        ),
        _ => "—".to_owned(),
    };
    let rank = t
        .mean_rank
        .map_or_else(|| "—".to_owned(), |r| decimal(r, 1));
    view! {
        <tr>
            <td><a href=format!("/coordination/defis/{}", t.defi_id)>{t.title.clone()}</a></td>
            <td>{t.organisation.clone()}</td>
            <td>{tr(t.state.label())}</td>
            <td>{t.hearing.clone().unwrap_or_else(|| tr(Msg::NotScheduled).to_owned())}</td>
            <td>{say(Msg::SheetsOfAssigned, &[("sheets", &t.sheets.to_string()), ("assigned", &t.assigned.to_string())])}</td>
            <td>{mean}</td>
            <td>{say(Msg::OpinionsCount, &[("yes", &t.favourable.to_string()), ("no", &t.unfavourable.to_string())])}</td>
            <td>{rank}</td>
            <td>{t.coups}</td>
        </tr>
    }
}

#[component]
fn Tally(rows: Vec<TallyRow>) -> impl IntoView {
    let empty = rows.is_empty();
    let body = rows.into_iter().map(tally_row).collect_view();
    view! {
        <section>
            <h2 id="synthese">{tr(Msg::TallyTitle)}</h2>
            <p>{tr(Msg::TallyIntro)}</p>
            {if empty {
                view! { <p>{tr(Msg::NoDefiHeard)}</p> }.into_any()
            } else {
                view! {
                    <DataTable caption=tr(Msg::TallyTitle).to_owned() columns=vec![Msg::ColDefi, Msg::ColOrganisation, Msg::ColState, Msg::ColHearing, Msg::ColSheets, Msg::ColMeanOutOf20, Msg::ColOpinions, Msg::ColMeanRank, Msg::ColCoups]>
                        {body}
                    </DataTable>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn Panels(id: i64, panels: Vec<Panel>, plan: Option<AssignPlan>, per_defi: u32) -> impl IntoView {
    let assign = ServerAction::<AssignHearings>::new();
    let remove = ServerAction::<RemoveHearingJuror>::new();
    let error = action_error(assign).or_else(|| action_error(remove));
    let rows = panels
        .into_iter()
        .map(|p| {
            let jurors = if p.jurors.is_empty() {
                view! { <p>{tr(Msg::NoJurorYet)}</p> }.into_any()
            } else if !p.open {
                let names: Vec<String> = p.jurors.iter().map(|(_, n)| n.clone()).collect();
                view! { <p>{names.join(", ")}</p> }.into_any()
            } else {
                let title = p.title.clone();
                p.jurors
                    .clone()
                    .into_iter()
                    .map(|(uid, name)| {
                        let label = say(Msg::TakeOffHearing, &[("name", &name), ("defi", &title)]);
                        view! {
                            <ActionForm action=remove attr:class="inline-form">
                                <input type="hidden" name="promotion" value=id.to_string()/>
                                <input type="hidden" name="defi" value=p.defi_id.to_string()/>
                                <input type="hidden" name="jure" value=uid.to_string()/>
                                {name.clone()} " "
                                <button type="submit" class="secondary small" aria-label=label>{tr(Msg::TakeOff)}</button>
                            </ActionForm>
                        }
                    })
                    .collect_view()
                    .into_any()
            };
            view! {
                <tr>
                    <td>{p.title.clone()}</td>
                    <td>{p.organisation.clone()}</td>
                    <td>{jurors}</td>
                </tr>
            }
        })
        .collect_view();
    let body = match plan {
        None => view! { <p>{tr(Msg::NothingShortlisted)}</p> }.into_any(),
        Some(plan) => plan_view(id, plan, per_defi, assign),
    };
    view! {
        <section>
            <h2 id="jures">{tr(Msg::HearingPanelsTitle)}</h2>
            <p>{tr(Msg::HearingPanelsIntro)}</p>
            <ErrorSummary error=error/>
            <DataTable caption=tr(Msg::HearingPanelsTitle).to_owned() columns=vec![Msg::ColDefi, Msg::ColOrganisation, Msg::ColJurors]>
                {rows}
            </DataTable>
            {body}
        </section>
    }
}

/// The assignment engine's plan, with the jurors per défi to ask for.
fn plan_view(
    id: i64,
    plan: AssignPlan,
    per_defi: u32,
    assign: ServerAction<AssignHearings>,
) -> AnyView {
    let body = if let Some(reason) = plan.reason.clone() {
        view! {
            <div class="notice notice-warning" role="status">
                <h3>{tr(Msg::AssignNoPlan)}</h3>
                <p>{reason}</p>
            </div>
        }
        .into_any()
    } else {
        let loads = plan
            .loads
            .iter()
            .map(|(name, before, after)| view! { <tr><td>{name.clone()}</td><td>{*before}</td><td>{*after}</td></tr> })
            .collect_view();
        view! {
            <p>{say(Msg::HearingPlanSummary, &[("add", &plan.to_add.to_string()), ("existing", &plan.existing.to_string()), ("defis", &plan.dossiers.to_string())])}</p>
            <DataTable caption=tr(Msg::HearingLoadsCaption).to_owned() shown=true focusable=true columns=vec![Msg::ColJuror, Msg::ColDefisNow, Msg::ColDefisAfter]>
                {loads}
            </DataTable>
            <ActionForm action=assign>
                <input type="hidden" name="promotion" value=id.to_string()/>
                <input type="hidden" name="par_defi" value=per_defi.to_string()/>
                <input type="hidden" name="empreinte" value=plan.fingerprint.clone()/>
                <button type="submit" disabled=plan.to_add == 0>{tr(Msg::AssignApply)}</button>
            </ActionForm>
        }
        .into_any()
    };
    view! {
            <h3>{tr(Msg::AssignPlanTitle)}</h3>
            <form method="get" action=format!("/coordination/promotions/{id}/auditions#jures")>
                <div class="field">
                    <label for="champ-par_defi">{tr(Msg::FieldJurorsPerDefi)}</label>
                    <input id="champ-par_defi" name="par_defi" type="number" min="1" max="10" value=per_defi.to_string() class="narrow"/>
                </div>
                <button type="submit" class="secondary">{tr(Msg::RecomputePlan)}</button>
            </form>
            {body}
    }
    .into_any()
}

fn slot_row(id: i64, s: HearingSlotRow, delete: ServerAction<DeleteHearingSlot>) -> impl IntoView {
    if s.past {
        let defi = s
            .defi
            .as_ref()
            .map_or_else(|| tr(Msg::SlotFree).to_owned(), |(_, t)| t.clone());
        return view! {
            <tr>
                <td>{s.when.clone()}</td>
                <td>{s.minutes}</td>
                <td>{s.place.clone()}</td>
                <td>{defi}</td>
                <td>{if s.defi.is_some() { tr(Msg::HearingHeld) } else { "—" }}</td>
            </tr>
        }
        .into_any();
    }
    let (defi, label, intent) = match &s.defi {
        Some((_, title)) => (
            title.clone(),
            say(Msg::CancelHearingOf, &[("defi", title), ("when", &s.when)]),
            "annuler",
        ),
        None => (
            tr(Msg::SlotFree).to_owned(),
            say(Msg::DeleteSlotAt, &[("when", &s.when)]),
            "supprimer",
        ),
    };
    view! {
        <tr>
            <td>{s.when.clone()}</td>
            <td>{s.minutes}</td>
            <td>{s.place.clone()}</td>
            <td>{defi}</td>
            <td>
                <ActionForm action=delete>
                    <input type="hidden" name="promotion" value=id.to_string()/>
                    <input type="hidden" name="creneau" value=s.id.to_string()/>
                    <button type="submit" name="intent" value=intent class="secondary">{label}</button>
                </ActionForm>
            </td>
        </tr>
    }
    .into_any()
}

#[component]
fn Slots(id: i64, slots: Vec<HearingSlotRow>, plan: Option<PlanView>) -> impl IntoView {
    let add = ServerAction::<AddHearingSlot>::new();
    let delete = ServerAction::<DeleteHearingSlot>::new();
    let apply = ServerAction::<ApplyHearingPlan>::new();
    let error = action_error(add)
        .or_else(|| action_error(delete))
        .or_else(|| action_error(apply));
    let empty = slots.is_empty();
    let rows = slots
        .into_iter()
        .map(|s| slot_row(id, s, delete))
        .collect_view();
    view! {
        <section>
            <h2 id="creneaux">{tr(Msg::HearingSlotsTitle)}</h2>
            <ErrorSummary error=error.clone() labels=labels/>
            {if empty {
                view! { <p>{tr(Msg::NoHearingSlot)}</p> }.into_any()
            } else {
                view! {
                    <DataTable caption=tr(Msg::HearingSlotsTitle).to_owned() columns=vec![Msg::ColSlotStart, Msg::ColMinutes, Msg::ColPlace, Msg::ColDefi, Msg::ColActions]>
                        {rows}
                    </DataTable>
                }.into_any()
            }}
            <h3>{tr(Msg::AddSlotTitle)}</h3>
            <ActionForm action=add>
                <input type="hidden" name="promotion" value=id.to_string()/>
                <Field name="debut" label=Msg::FieldSlotStart kind="datetime-local" hint=Msg::DateTimeHint
                    value=kept("debut").unwrap_or_default() error=err(&error, "debut")/>
                <Field name="duree" label=Msg::FieldSlotMinutes kind="number"
                    value=kept("duree").unwrap_or_else(|| "30".into()) error=err(&error, "duree")/>
                <Field name="lieu" label=Msg::FieldSlotPlace hint=Msg::SlotPlaceHint maxlength=300
                    value=kept("lieu").unwrap_or_default() error=err(&error, "lieu")/>
                <button type="submit">{tr(Msg::AddSlotButton)}</button>
            </ActionForm>
            {plan.map(|p| view! { <HearingPlan id p apply/> })}
        </section>
    }
}

#[component]
fn HearingPlan(id: i64, p: PlanView, apply: ServerAction<ApplyHearingPlan>) -> impl IntoView {
    view! {
        <h3>{tr(Msg::HearingPlanTitle)}</h3>
        <p>{say(Msg::HearingPlanRules, &[("notice", &p.notice.to_string())])}</p>
        <form method="get" action=format!("/coordination/promotions/{id}/auditions#creneaux")>
            <div class="field">
                <label for="champ-preavis">{tr(Msg::FieldNotice)}</label>
                <input id="champ-preavis" name="preavis" type="number" min="0" max="260" value=p.notice.to_string() class="narrow"/>
            </div>
            <button type="submit" class="secondary">{tr(Msg::RecomputePlan)}</button>
        </form>
        {if p.placed.is_empty() && p.unplaced.is_empty() {
            view! { <p>{tr(Msg::EveryDefiHeard)}</p> }.into_any()
        } else {
            plan_tables(&p, Msg::ColDefi, Msg::HearingPlanPlaced, Msg::HearingPlanNobody).into_any()
        }}
        {(!p.placed.is_empty()).then(|| view! {
            <ActionForm action=apply>
                <input type="hidden" name="promotion" value=id.to_string()/>
                <input type="hidden" name="preavis" value=p.notice.to_string()/>
                <input type="hidden" name="empreinte" value=p.fingerprint.clone()/>
                <button type="submit">{tr(Msg::ApplyPlanButton)}</button>
            </ActionForm>
        })}
    }
}
