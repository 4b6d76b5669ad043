//! `/coordination/promotions/{id}/suivi`: the coordinators' dashboard of
//! the ten months — counts, the teams × milestones grid (each cell says
//! its state in words and with a sign, never by colour alone), the
//! reports at risk or blocked, the help asked in the last bulletins.

use crate::api::milestones::get_dashboard;
use crate::i18n::Msg;
use crate::model::milestones::Dashboard;
use crate::ui::{Heading, colon, loaded_row, page, say, tr};
use leptos::prelude::*;

#[component]
pub fn DashboardPage() -> impl IntoView {
    view! {
        <Heading msg=Msg::DashboardTitle/>
        {loaded_row(page().can.manage_promotions, get_dashboard, |d| view! { <DashboardView d/> })}
    }
}

/// The page's body (public for the benchmark).
#[component]
pub fn DashboardView(d: Dashboard) -> impl IntoView {
    let p = d.promotion_id;
    if d.rows.is_empty() {
        return view! {
            <p class="lead">{d.promotion.clone()}</p>
            <p>{tr(Msg::NoTeamYet)}</p>
        }
        .into_any();
    }
    let head = d
        .columns
        .iter()
        .map(|c| view! { <th scope="col">{c.clone()}</th> })
        .collect_view();
    let rows = d
        .rows
        .iter()
        .map(|r| {
            let defi = r.defi_id;
            let cells = r
                .cells
                .iter()
                .map(|c| {
                    let text = format!("{} {}", c.sign, c.label);
                    let inner = match c.instance {
                        Some(id) => {
                            view! { <a href=format!("/equipes/{defi}/jalons/{id}")>{text}</a> }
                                .into_any()
                        }
                        None => view! { <span>{text}</span> }.into_any(),
                    };
                    view! { <td class=format!("cell cell-{}", c.code)>{inner}</td> }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row"><a href=format!("/equipes/{defi}")>{r.team.clone()}</a></th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let alerts = d
        .alerts
        .iter()
        .map(|a| view! {
            <li>
                <p><strong>{a.team.clone()}</strong>" — "<span class="status status-late">{a.status.clone()}</span>", "{a.at.clone()}</p>
                <p>{a.text.clone()}</p>
                <p><a href=format!("/equipes/{}/jalons/{}#fil", a.defi_id, a.instance)>{say(Msg::ReadAndReply, &[("team", &a.team)])}</a></p>
            </li>
        })
        .collect_view();
    let help = d
        .help
        .iter()
        .map(|(defi, team, text, at)| view! {
            <li><a href=format!("/equipes/{defi}")>{team.clone()}</a>" ("{at.clone()}") : "{text.clone()}</li>
        })
        .collect_view();
    let week = if d.week.is_empty() {
        String::new()
    } else {
        say(
            Msg::BulletinsThisWeek,
            &[
                ("filled", &d.bulletins_filled.to_string()),
                ("teams", &d.teams.to_string()),
                ("due", &d.week),
            ],
        )
    };
    view! {
        <p class="lead">{d.promotion.clone()}</p>
        <p><a href=format!("/coordination/promotions/{p}/frise")>{tr(Msg::PromotionTimelineTitle)}</a></p>
        <p><a href=format!("/coordination/promotions/{p}/jalons")>{tr(Msg::PlansLink)}</a></p>
        <form method="post" action=format!("/coordination/promotions/{p}/bulletins.csv")>
            <button type="submit" class="secondary">{tr(Msg::DownloadBulletins)}</button>
        </form>
        <ul class="facts" aria-label=tr(Msg::DashboardCounts)>
            <li>{colon(Msg::CountTeams)}" "{d.teams}</li>
            <li>{colon(Msg::CountLate)}" "{d.late}</li>
            <li>{colon(Msg::CountDueSoon)}" "{d.due_soon}</li>
            <li>{colon(Msg::CountAlerts)}" "{d.alerts_count}</li>
            {(!week.is_empty()).then(|| view! { <li>{week.clone()}</li> })}
            {d.mood.clone().map(|m| view! { <li>{say(Msg::MeanMood, &[("mood", &m)])}</li> })}
        </ul>
        <h2>{tr(Msg::AlertsTitle)}</h2>
        {if d.alerts.is_empty() {
            view! { <p>{tr(Msg::NoAlert)}</p> }.into_any()
        } else {
            view! { <ul class="alerts">{alerts}</ul> }.into_any()
        }}
        <h2>{tr(Msg::GridTitle)}</h2>
        <p>{tr(Msg::GridLegend)}</p>
        <div class="table-wrap">
            <table class="grid">
                <caption class="visually-hidden">{tr(Msg::GridTitle)}</caption>
                <thead><tr><th scope="col">{tr(Msg::ColTeam)}</th>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <h2>{tr(Msg::HelpNeededTitle)}</h2>
        {if d.help.is_empty() {
            view! { <p>{tr(Msg::NoHelpNeeded)}</p> }.into_any()
        } else {
            view! { <ul>{help}</ul> }.into_any()
        }}
    }
    .into_any()
}
