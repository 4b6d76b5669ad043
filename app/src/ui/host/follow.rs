//! A team's ten months on its page: this week's bulletin to fill, the
//! milestones (due, status, who fills them), the bulletins' history and
//! the host's reports. Moods only for the team and coordinators; the
//! rest of the promotion sees the bulletins only.

use crate::i18n::Msg;
use crate::model::milestones::{BulletinLine, FollowUp, MilestoneLine, ReportLine};
use crate::ui::table::DataTable;
use crate::ui::{say, tr};
use leptos::prelude::*;

/// A status with its words (never its colour alone).
pub fn status_badge(code: &str, words: &str) -> impl IntoView + use<> {
    view! { <span class=format!("status status-{code}")>{words.to_owned()}</span> }
}

#[component]
pub fn FollowUpSection(defi: i64, f: FollowUp) -> impl IntoView {
    let link = move |id: i64| format!("/equipes/{defi}/jalons/{id}");
    let now = f.bulletin_now.map(|id| {
        view! {
            <p class="callout"><a href=link(id)>{tr(Msg::FillThisWeeksBulletin)}</a></p>
        }
    });
    let manage = f.manage.then(|| {
        let p = f.promotion_id;
        view! {
            <p>
                <a href=format!("/coordination/promotions/{p}/suivi")>{tr(Msg::DashboardTitle)}</a>
                " · "
                <a href=format!("/coordination/promotions/{p}/frise")>{tr(Msg::PromotionTimelineTitle)}</a>
            </p>
        }
    });
    view! {
        <h2 id="suivi">{tr(Msg::FollowUpTitle)}</h2>
        {f.public_only.then(|| view! { <p>{tr(Msg::PublicWithinPromotion)}</p> })}
        {manage}
        {now}
        {(!f.public_only).then(|| view! { <Milestones defi rows=f.milestones.clone()/> })}
        {(!f.public_only).then(|| view! { <Reports defi rows=f.reports.clone()/> })}
        <Bulletins defi rows=f.bulletins.clone()/>
    }
}

#[component]
fn Milestones(defi: i64, rows: Vec<MilestoneLine>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <h3>{tr(Msg::MilestonesTitle)}</h3><p>{tr(Msg::NoMilestoneYet)}</p> }
            .into_any();
    }
    let body = rows
        .into_iter()
        .map(|m| {
            let note = m.moved.clone().or(m.waived.clone()).unwrap_or_default();
            view! {
                <tr>
                    <td><a href=format!("/equipes/{defi}/jalons/{}", m.id)>{m.title.clone()}</a></td>
                    <td>{m.filler.clone()}</td>
                    <td>{m.due.clone()}</td>
                    <td>{status_badge(&m.status_code, &m.status)}</td>
                    <td>{note}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3>{tr(Msg::MilestonesTitle)}</h3>
        <DataTable caption=tr(Msg::MilestonesTitle).to_owned() columns=vec![Msg::ColMilestone, Msg::MilestoneFilledBy, Msg::ColDue, Msg::ColMilestoneStatus, Msg::ColNote]>
            {body}
        </DataTable>
    }
    .into_any()
}

#[component]
fn Reports(defi: i64, rows: Vec<ReportLine>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <h3>{tr(Msg::ReportsTitle)}</h3><p>{tr(Msg::NoReportYet)}</p> }.into_any();
    }
    let body = rows
        .into_iter()
        .map(|r| {
            let code = r.code.clone();
            view! {
                <tr>
                    <td><a href=format!("/equipes/{defi}/jalons/{}", r.id)>{say(Msg::ReportOf, &[("due", &r.due)])}</a></td>
                    <td>{status_badge(&code, &r.status)}</td>
                    <td>{r.progress.clone()}</td>
                    <td>{r.replies.to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3>{tr(Msg::ReportsTitle)}</h3>
        <DataTable caption=tr(Msg::ReportsTitle).to_owned() columns=vec![Msg::ColReport, Msg::ReportStatus, Msg::ReportProgress, Msg::ColReplies]>
            {body}
        </DataTable>
    }
    .into_any()
}

#[component]
fn Bulletins(defi: i64, rows: Vec<BulletinLine>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <h3>{tr(Msg::BulletinsTitle)}</h3><p>{tr(Msg::NoBulletinYet)}</p> }
            .into_any();
    }
    let moods = rows.iter().any(|b| b.mood.is_some());
    let body = rows
        .into_iter()
        .map(|b| {
            let by = if b.filled {
                say(Msg::ByAuthorAt, &[("author", &b.author), ("at", &b.at)])
            } else {
                b.status.clone()
            };
            view! {
                <tr>
                    <td><a href=format!("/equipes/{defi}/jalons/{}", b.id)>{b.due.clone()}</a></td>
                    {moods.then(|| view! { <td>{b.mood.clone().unwrap_or_default()}</td> })}
                    <td>{b.priority.clone()}</td>
                    <td>{b.ups_downs.clone()}</td>
                    <td>{b.help.clone()}</td>
                    <td>{by}</td>
                </tr>
            }
        })
        .collect_view();
    let mut columns = vec![Msg::ColWeek];
    if moods {
        columns.push(Msg::ColMood);
    }
    columns.extend([
        Msg::BulletinPriority,
        Msg::BulletinUpsDowns,
        Msg::BulletinHelp,
        Msg::ColAuthor,
    ]);
    view! {
        <h3>{tr(Msg::BulletinsTitle)}</h3>
        <DataTable caption=tr(Msg::BulletinsTitle).to_owned() columns>
            {body}
        </DataTable>
    }
    .into_any()
}
