//! The run page's figures: the choice-rank histogram as a server-rendered
//! SVG chart with the same counts as a table (its text alternative), and
//! the fairness tables where a count below 5 reads "< 5".

use crate::i18n::Msg;
use crate::model::formation::FairnessTable;
use crate::ui::table::DataTable;
use crate::ui::{say, tr};
use leptos::prelude::*;

/// Horizontal bars, one per choice rank; the table below says the same.
#[component]
pub fn RankChart(bars: Vec<(String, u64)>) -> impl IntoView {
    let max = bars.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let (row, label_w, bar_w) = (28u64, 150u64, 180u64);
    let height = row * bars.len() as u64 + 8;
    let width = label_w + bar_w + 40;
    let items = bars
        .iter()
        .enumerate()
        .map(|(i, (label, n))| {
            let y = 4 + row * i as u64;
            let w = (bar_w * n / max).max(if *n > 0 { 2 } else { 0 });
            view! {
                <g>
                    <text x="0" y=(y + 18).to_string() class="chart-label">{label.clone()}</text>
                    <rect x=label_w.to_string() y=(y + 4).to_string() width=w.to_string() height="18" class="chart-bar"/>
                    <text x=(label_w + w + 6).to_string() y=(y + 18).to_string() class="chart-value">{n.to_string()}</text>
                </g>
            }
        })
        .collect_view();
    let rows = bars
        .iter()
        .map(|(label, n)| view! { <tr><td>{label.clone()}</td><td>{*n}</td></tr> })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {width} {height}") width="100%" role="img" aria-labelledby="histogramme-titre" preserveAspectRatio="xMinYMin meet">
                <title id="histogramme-titre">{tr(Msg::RankChartTitle)}</title>
                {items}
            </svg>
            <figcaption>{tr(Msg::RankChartCaption)}</figcaption>
        </figure>
        <DataTable caption=tr(Msg::RankChartTitle).to_owned() focusable=true columns=vec![Msg::ColChoice, Msg::ColPeople]>
            {rows}
        </DataTable>
    }
}

fn count(n: Option<u32>) -> String {
    n.map_or_else(|| tr(Msg::FewerThanFive).to_owned(), |n| n.to_string())
}

#[component]
pub fn FairnessTables(tables: Vec<FairnessTable>) -> impl IntoView {
    tables
        .into_iter()
        .map(|t| {
            let rows = t
                .rows
                .iter()
                .map(|(label, placed, all)| {
                    view! { <tr><td>{label.clone()}</td><td>{count(*placed)}</td><td>{count(*all)}</td></tr> }
                })
                .collect_view();
            view! {
                <DataTable caption=t.title.clone() shown=true focusable=true columns=vec![Msg::ColGroup, Msg::ColPlaced, Msg::ColCandidates]>
                    {rows}
                </DataTable>
            }
        })
        .collect_view()
}

/// "2 of 3 seats".
pub fn seats_text(held: usize, capacity: u32) -> String {
    say(
        Msg::SeatsHeld,
        &[
            ("held", &held.to_string()),
            ("capacity", &capacity.to_string()),
        ],
    )
}
