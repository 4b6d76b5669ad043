//! `/coordination/promotions/{id}/jalons`: the promotion's milestone
//! schedule (when each milestone falls due, who fills it, when it opens,
//! when coordinators are alerted), and `…/jalons/{modèle}`: changing one,
//! which re-plans every team's upcoming unanswered instances.

use crate::api::milestones::{EditPlan, get_plans};
use crate::domain::milestones::schedule::{
    self, DAY, GRACE, KIND, NUMBER, OPENS, PUBLIC, RANK, TIME,
};
use crate::i18n::Msg;
use crate::model::milestones::{PlanRow, Plans};
use crate::ui::form::{Checkbox, ErrorSummary, Field, SelectField, action_error};
use crate::ui::{Heading, Loaded, colon, gated, kept, loaded_row, num_param, page, say, tr};
use leptos::prelude::*;

/// What the error summary calls each field.
fn label_of(name: &str) -> Option<Msg> {
    Some(match name {
        KIND => Msg::FieldScheduleKind,
        NUMBER => Msg::FieldScheduleNumber,
        RANK => Msg::FieldScheduleRank,
        DAY => Msg::FieldScheduleDay,
        TIME => Msg::FieldPlanTime,
        OPENS => Msg::FieldOpensDays,
        GRACE => Msg::FieldGraceDays,
        _ => return None,
    })
}

fn days(msg: Msg, n: i32) -> String {
    say(msg, &[("days", &n.to_string())])
}

#[component]
pub fn PlansPage() -> impl IntoView {
    view! {
        <Heading msg=Msg::PlansTitle/>
        {loaded_row(page().can.manage_promotions, get_plans, |p| view! { <PlansView p/> })}
    }
}

#[component]
fn PlansView(p: Plans) -> impl IntoView {
    let id = p.promotion_id;
    let rows = p
        .rows
        .iter()
        .map(|r| {
            let edit = say(Msg::EditPlan, &[("title", &r.title)]);
            view! {
                <tr>
                    <th scope="row">{r.title.clone()}</th>
                    <td>{r.when.clone()}</td>
                    <td>{r.who.clone()}</td>
                    <td>{if r.event { "—".to_owned() } else { days(Msg::DaysBefore, r.opens_days) }}</td>
                    <td>{if r.event { "—".to_owned() } else { days(Msg::DaysAfter, r.grace_days) }}</td>
                    <td>{tr(if r.public { Msg::Yes } else { Msg::No })}</td>
                    <td><a href=format!("/coordination/promotions/{id}/jalons/{}", r.id)>{edit}</a></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="lead">{p.promotion.clone()}</p>
        <p><a href=format!("/coordination/promotions/{id}/suivi")>{tr(Msg::DashboardTitle)}</a></p>
        <p>{tr(Msg::PlansIntro)}</p>
        <div class="table-wrap">
            <table>
                <caption class="visually-hidden">{tr(Msg::PlansTitle)}</caption>
                <thead><tr>
                    <th scope="col">{tr(Msg::ColMilestone)}</th>
                    <th scope="col">{tr(Msg::ColRule)}</th>
                    <th scope="col">{tr(Msg::ColWho)}</th>
                    <th scope="col">{tr(Msg::ColOpens)}</th>
                    <th scope="col">{tr(Msg::ColGrace)}</th>
                    <th scope="col">{tr(Msg::ColPublic)}</th>
                    <th scope="col"><span class="visually-hidden">{tr(Msg::EditPlanTitle)}</span></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
pub fn PlanEditPage() -> impl IntoView {
    gated(page().can.manage_promotions, || {
        match (num_param("id"), num_param("modele")) {
            (Some(promotion), Some(id)) => {
                let resource = Resource::new_blocking(move || promotion, get_plans);
                view! {
                    <Heading msg=Msg::EditPlanTitle/>
                    <Loaded resource ok=move |p: Plans| {
                        match p.rows.iter().find(|r| r.id == id).cloned() {
                            Some(row) => view! { <PlanForm promotion=p.promotion_id name=p.promotion row/> }.into_any(),
                            None => view! { <crate::ui::public::NotFound/> }.into_any(),
                        }
                    }/>
                }
                .into_any()
            }
            _ => view! { <crate::ui::public::NotFound/> }.into_any(),
        }
    })
}

#[component]
fn PlanForm(promotion: i64, name: String, row: PlanRow) -> impl IntoView {
    let action = ServerAction::<EditPlan>::new();
    let error = action_error(action);
    let failed = error.is_some();
    let saved = |k: &str| {
        row.parts
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let value = |k: &str, stored: String| {
        if failed {
            kept(k).unwrap_or_default()
        } else {
            stored
        }
    };
    let f = |k: &str| error.as_ref().and_then(|e| e.for_field(k));
    let opts = |pairs: Vec<(String, Msg)>| {
        std::iter::once((String::new(), "—".to_owned()))
            .chain(pairs.into_iter().map(|(c, m)| (c, tr(m).to_owned())))
            .collect::<Vec<_>>()
    };
    let kinds = opts(
        schedule::KINDS
            .iter()
            .filter(|(c, _)| row.kinds.iter().any(|k| k == c))
            .map(|(c, m)| ((*c).to_owned(), *m))
            .collect(),
    );
    let days_opts = opts(
        schedule::WEEKDAYS
            .iter()
            .map(|(c, _, m)| ((*c).to_owned(), *m))
            .collect(),
    );
    let ranks = opts(
        schedule::RANKS
            .iter()
            .map(|(n, m)| (n.to_string(), *m))
            .collect(),
    );
    let public = if failed {
        kept(PUBLIC).is_some_and(|v| !v.is_empty())
    } else {
        row.public
    };
    let (v_kind, v_number, v_rank, v_day, v_time) = (
        value(KIND, saved(KIND)),
        value(NUMBER, saved(NUMBER)),
        value(RANK, saved(RANK)),
        value(DAY, saved(DAY)),
        value(TIME, saved(TIME)),
    );
    let (v_opens, v_grace) = (
        value(OPENS, row.opens_days.to_string()),
        value(GRACE, row.grace_days.to_string()),
    );
    let (e_kind, e_number, e_rank, e_day, e_time, e_opens, e_grace) = (
        f(KIND),
        f(NUMBER),
        f(RANK),
        f(DAY),
        f(TIME),
        f(OPENS),
        f(GRACE),
    );
    let (template, promotion_value) = (row.id.to_string(), promotion.to_string());
    view! {
        <p class="lead">{row.title.clone()}" — "{name}</p>
        <p><a href=format!("/coordination/promotions/{promotion}/jalons")>{tr(Msg::BackToPlans)}</a></p>
        <ul class="facts">
            <li>{colon(Msg::ColRule)}" "{row.when.clone()}</li>
            <li>{colon(Msg::ColWho)}" "{row.who.clone()}</li>
        </ul>
        <p>{tr(Msg::PlanReplanHint)}</p>
        <ErrorSummary error=error.clone() labels=label_of/>
        <ActionForm action=action>
            <input type="hidden" name="promotion" value=promotion_value/>
            <input type="hidden" name="modele" value=template/>
            <SelectField name=KIND label=Msg::FieldScheduleKind options=kinds value=v_kind error=e_kind/>
            <Field name=NUMBER label=Msg::FieldScheduleNumber kind="text" hint=Msg::ScheduleNumberHint value=v_number error=e_number/>
            <SelectField name=RANK label=Msg::FieldScheduleRank options=ranks hint=Msg::ScheduleRankHint value=v_rank error=e_rank/>
            <SelectField name=DAY label=Msg::FieldScheduleDay options=days_opts hint=Msg::ScheduleDayHint value=v_day error=e_day/>
            <Field name=TIME label=Msg::FieldPlanTime kind="time" hint=Msg::ParisTimeHint value=v_time error=e_time/>
            {if row.event {
                // An event neither opens nor alerts: its days stay as they are.
                view! {
                    <input type="hidden" name=OPENS value=v_opens/>
                    <input type="hidden" name=GRACE value=v_grace/>
                }
                .into_any()
            } else {
                view! {
                    <Field name=OPENS label=Msg::FieldOpensDays kind="text" hint=Msg::WindowHint value=v_opens error=e_opens/>
                    <Field name=GRACE label=Msg::FieldGraceDays kind="text" hint=Msg::WindowHint value=v_grace error=e_grace/>
                }
                .into_any()
            }}
            {if row.public_fixed {
                view! { <p>{tr(Msg::BulletinAlwaysPublic)}</p> }.into_any()
            } else {
                view! { <Checkbox name=PUBLIC label=Msg::FieldPlanPublic hint=Msg::PlanPublicHint checked=public/> }.into_any()
            }}
            <button type="submit">{tr(Msg::SavePlan)}</button>
        </ActionForm>
    }
}
