//! `/coordination/promotions/{id}/frise`: the promotion's timeline as a
//! server-rendered SVG — each team's placement from its start to its end,
//! its milestones as marks (shape and words tell their state, not colour
//! alone), the promotion's events, today's line — with the same data as
//! tables (its text alternative). It prints on one A4 landscape page.

use crate::api::milestones::get_timeline;
use crate::i18n::Msg;
use crate::model::milestones::{Mark, Timeline};
use crate::ui::table::DataTable;
use crate::ui::{Heading, loaded_row, page, say, tr};
use leptos::prelude::*;

#[component]
pub fn TimelinePage() -> impl IntoView {
    view! {
        <Heading msg=Msg::PromotionTimelineTitle/>
        {loaded_row(page().can.manage_promotions, get_timeline, |t| view! { <TimelineView t/> })}
    }
}

const LABEL: f64 = 260.0;
const WIDTH: f64 = 1000.0;
const ROW: f64 = 30.0;
const TOP: f64 = 46.0;

fn x(day: i32, days: i32) -> f64 {
    LABEL + (WIDTH - LABEL - 10.0) * f64::from(day.max(0)) / f64::from(days.max(1))
}

/// A mark: a filled diamond when done, a hollow one when late, a circle
/// otherwise.
fn mark(m: &Mark, days: i32, y: f64) -> impl IntoView + use<> {
    let cx = x(m.day, days);
    let title = format!("{} — {} — {}", m.title, m.date, m.status);
    let class = format!("mark mark-{}", m.code);
    match m.code.as_str() {
        "submitted" | "submitted_late" | "waived" | "late" | "escalated" => {
            let points = format!("{cx},{} {},{y} {cx},{} {},{y}", y - 7.0, cx + 7.0, y + 7.0, cx - 7.0);
            view! { <polygon points=points class=class><title>{title}</title></polygon> }.into_any()
        }
        _ => view! { <circle cx=cx.to_string() cy=y.to_string() r="5" class=class><title>{title}</title></circle> }.into_any(),
    }
}

/// The page's body (public for the benchmark).
#[component]
pub fn TimelineView(t: Timeline) -> impl IntoView {
    let p = t.promotion_id;
    let height = TOP + ROW * t.rows.len() as f64 + 20.0;
    let months = t
        .months
        .iter()
        .map(|(day, label)| {
            let mx = x(*day, t.days);
            view! {
                <g>
                    <line x1=mx.to_string() x2=mx.to_string() y1="28" y2=(height - 10.0).to_string() class="tl-month"/>
                    <text x=(mx + 3.0).to_string() y="22" class="tl-label">{label.clone()}</text>
                </g>
            }
        })
        .collect_view();
    let events = t
        .events
        .iter()
        .map(|e| {
            let ex = x(e.day, t.days);
            view! {
                <line x1=ex.to_string() x2=ex.to_string() y1="30" y2=(height - 10.0).to_string() class="tl-event">
                    <title>{format!("{} — {}", e.title, e.date)}</title>
                </line>
            }
        })
        .collect_view();
    let rows = t
        .rows
        .iter()
        .enumerate()
        .map(|(n, r)| {
            let y = TOP + ROW * n as f64;
            let (x1, x2) = (x(r.from, t.days), x(r.to, t.days));
            let marks = r.marks.iter().map(|m| mark(m, t.days, y + ROW / 2.0)).collect_view();
            let name: String = if r.team.chars().count() > 36 {
                format!("{}…", r.team.chars().take(35).collect::<String>())
            } else {
                r.team.clone()
            };
            view! {
                <g>
                    <text x="0" y=(y + ROW / 2.0 + 4.0).to_string() class="tl-label">{name}<title>{r.team.clone()}</title></text>
                    <rect x=x1.to_string() y=(y + 8.0).to_string() width=(x2 - x1).max(1.0).to_string() height=(ROW - 16.0).to_string() class="tl-bar"/>
                    {marks}
                </g>
            }
        })
        .collect_view();
    let today = t.today.map(|d| {
        let tx = x(d, t.days);
        view! {
            <g>
                <line x1=tx.to_string() x2=tx.to_string() y1="26" y2=(height - 6.0).to_string() class="tl-today"/>
                <text x=(tx + 3.0).to_string() y=(height - 2.0).to_string() class="tl-label">{tr(Msg::Today)}</text>
            </g>
        }
    });
    let table_rows = t
        .rows
        .iter()
        .map(|r| {
            let list = r
                .marks
                .iter()
                .map(|m| view! { <li>{format!("{} — {} — {}", m.date, m.title, m.status)}</li> })
                .collect_view();
            view! { <tr><td>{r.team.clone()}</td><td>{r.starts.clone()}</td><td>{r.ends.clone()}</td><td><ul class="marks">{list}</ul></td></tr> }
        })
        .collect_view();
    let event_rows = t
        .events
        .iter()
        .map(|e| view! { <tr><td>{e.title.clone()}</td><td>{e.date.clone()}</td></tr> })
        .collect_view();
    view! {
        <p class="lead">{say(Msg::TimelineLead, &[("promotion", &t.promotion), ("start", &t.starts), ("end", &t.ends)])}</p>
        <p class="no-print"><a href=format!("/coordination/promotions/{p}/suivi")>{tr(Msg::DashboardTitle)}</a></p>
        <figure class="timeline">
            <svg viewBox=format!("0 0 {WIDTH} {height}") width="100%" role="img" aria-labelledby="frise-titre" preserveAspectRatio="xMinYMin meet">
                <title id="frise-titre">{say(Msg::TimelineSvgTitle, &[("promotion", &t.promotion)])}</title>
                {months}
                {events}
                {rows}
                {today}
            </svg>
            <figcaption>{tr(Msg::TimelineCaption)}</figcaption>
        </figure>
        <h2>{tr(Msg::TimelineTableTitle)}</h2>
        <DataTable caption=tr(Msg::TimelineTableTitle).to_owned() focusable=true columns=vec![Msg::ColTeam, Msg::ColStarts, Msg::ColEnds, Msg::MilestonesTitle]>
            {table_rows}
        </DataTable>
        <h2>{tr(Msg::EventsTitle)}</h2>
        <DataTable caption=tr(Msg::EventsTitle).to_owned() focusable=true columns=vec![Msg::ColEvent, Msg::ColDue]>
            {event_rows}
        </DataTable>
    }
}
