//! `/coordination/promotions/{id}/preselection/resultats`: every reviewed
//! dossier with its aggregates, filtered and sorted by a plain GET form,
//! ticked (by hand or "the first N of each profile") and sent to the
//! shortlist's preview (`…/apercu`), then confirmed there.

use super::preselection::profile_name;
use crate::api::review::{ConfirmShortlist, get_review_results, preview_shortlist};
use crate::i18n::Msg;
use crate::model::review::{Results, ResultsQuery};
use crate::ui::batch::{BatchPreview, Posted};
use crate::ui::form::{Checkbox, ErrorSummary, Field, SelectField, action_error};
use crate::ui::table::DataTable;
use crate::ui::{Heading, Loaded, page, query, row_page, say, tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

fn query_from_url() -> ResultsQuery {
    ResultsQuery {
        profile: query("profil").filter(|p| !p.is_empty()),
        disagreement: query("desaccord").is_some_and(|v| v == "on"),
        sort: query("tri").unwrap_or_default(),
        top: query("premiers")
            .and_then(|n| n.trim().parse().ok())
            .filter(|n| *n > 0),
    }
}

pub fn number(x: Option<f64>) -> String {
    x.map(|v| crate::ui::decimal(v, 2))
        .unwrap_or_else(|| "—".into())
}

/// A dossier's aggregates in one sentence (its page).
pub fn summary(a: &crate::domain::review::aggregate::Aggregate) -> String {
    let flag = if a.disagreement {
        format!(" ({})", tr(Msg::Disagreement))
    } else {
        String::new()
    };
    say(
        Msg::AggregateSummary,
        &[
            ("reviews", &a.reviews.to_string()),
            ("mean", &number(a.mean)),
            ("median", &number(a.median)),
            ("sd", &number(a.sd)),
            ("flag", &flag),
            ("normalised", &number(a.normalised)),
            ("coups", &a.coups_de_coeur.to_string()),
            ("unfavourable", &a.unfavourable.to_string()),
        ],
    )
}

/// A row's review columns (both tables): reviews, normalised total, mean,
/// median, spread (with the disagreement flag), coups de cœur, unfavourable verdicts.
#[component]
pub fn ReviewCells(a: crate::domain::review::aggregate::Aggregate) -> impl IntoView {
    let spread = if a.disagreement {
        format!("{} ({})", number(a.sd), tr(Msg::Disagreement))
    } else {
        number(a.sd)
    };
    view! {
        <td>{a.reviews}</td>
        <td>{number(a.normalised)}</td>
        <td>{number(a.mean)}</td>
        <td>{number(a.median)}</td>
        <td>{spread}</td>
        <td>{a.coups_de_coeur}</td>
        <td>{a.unfavourable}</td>
    }
}

#[component]
pub fn ResultsPage() -> impl IntoView {
    row_page(page().can.review_applications, |promotion| {
        let q = query_from_url();
        let shown = q.clone();
        let results = Resource::new_blocking(
            move || (promotion, q.clone()),
            |(p, q)| get_review_results(p, q),
        );
        view! {
            <Heading msg=Msg::ResultsTitle/>
            <p><a href=format!("/coordination/promotions/{promotion}/preselection")>{tr(Msg::BackToPreselection)}</a></p>
            <p>{tr(Msg::ResultsIntro)}</p>
            <Loaded resource=results ok=move |r| view! { <ResultsBody r q=shown.clone()/> }/>
        }
    })
}

#[component]
fn ResultsBody(r: Results, q: ResultsQuery) -> impl IntoView {
    let id = r.promotion_id;
    let mut profiles: Vec<String> = r.rows.iter().map(|x| x.profile.clone()).collect();
    profiles.sort();
    profiles.dedup();
    let profile_options: Vec<(String, String)> =
        std::iter::once((String::new(), tr(Msg::AllProfiles).to_owned()))
            .chain(profiles.iter().map(|p| (p.clone(), profile_name(p))))
            .collect();
    let sorts: Vec<(String, String)> = [
        ("", Msg::SortNormalised),
        ("moyenne", Msg::SortMean),
        ("mediane", Msg::SortMedian),
        ("ecart", Msg::SortSpread),
        ("avis", Msg::SortReviews),
        ("coups", Msg::SortCoups),
        ("nom", Msg::SortName),
    ]
    .iter()
    .map(|(c, m)| ((*c).to_owned(), tr(*m).to_owned()))
    .collect();
    let mut columns = vec![
        Msg::ColChoose,
        Msg::ColName,
        Msg::ColProfile,
        Msg::ColState,
        Msg::ColReviews,
        Msg::ColNormalised,
        Msg::ColMean,
        Msg::ColMedian,
        Msg::ColSpread,
    ];
    columns.extend([Msg::ColCoups, Msg::ColUnfavourable]);
    let criteria_heads = r.criteria.clone();
    let rows = r
        .rows
        .iter()
        .map(|x| {
            let a = &x.aggregate;
            let box_id = format!("choisir-{}", x.id);
            let per = x
                .criteria
                .iter()
                .zip(&criteria_heads)
                .map(|(m, name)| format!("{name} {}", number(*m)))
                .collect::<Vec<_>>()
                .join(" · ");
            view! {
                <tr>
                    <td>
                        <input type="checkbox" id=box_id.clone() name="ids[]" value=x.id.to_string() checked=x.selected form="choix"/>
                        <label for=box_id class="visually-hidden">{say(Msg::ChooseNamed, &[("name", &x.name)])}</label>
                    </td>
                    <td><a href=format!("/coordination/candidatures/{}", x.id)>{say(Msg::JurorNumbered, &[("name", &x.name), ("id", &x.id.to_string())])}</a>
                        {(!per.is_empty() && a.reviews > 0).then(|| view! { <br/><span class="hint">{per.clone()}</span> })}</td>
                    <td>{profile_name(&x.profile)}</td>
                    <td>{tr(x.state.label())}</td>
                    <ReviewCells a=a.clone()/>
                </tr>
            }
        })
        .collect_view();
    let kept_query = [
        q.profile.clone().map(|p| format!("profil={p}")),
        q.disagreement.then(|| "desaccord=on".to_owned()),
        (!q.sort.is_empty()).then(|| format!("tri={}", q.sort)),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("&");
    let csv = format!("/coordination/promotions/{id}/preselection/resultats.csv?{kept_query}");
    view! {
        <form method="get" action=format!("/coordination/promotions/{id}/preselection/resultats") class="filters">
            <SelectField name="profil" label=Msg::FieldProfile options=profile_options value=q.profile.clone().unwrap_or_default()/>
            <SelectField name="tri" label=Msg::FieldSort options=sorts value=q.sort.clone()/>
            <Checkbox name="desaccord" label=Msg::OnlyDisagreements checked=q.disagreement/>
            <Field name="premiers" label=Msg::FieldTopPerProfile kind="number" hint=Msg::TopPerProfileHint
                value=q.top.map(|n| n.to_string()).unwrap_or_default()/>
            <button type="submit" class="secondary">{tr(Msg::Filter)}</button>
        </form>
        <form method="post" action=csv>
            <button type="submit" class="secondary">{tr(Msg::ExportResultsCsv)}</button>
        </form>
        <p>{say(Msg::ResultsCount, &[("count", &r.rows.len().to_string())])}</p>
        <DataTable caption=tr(Msg::ResultsTitle).to_owned() columns>
            {rows}
        </DataTable>
        <form id="choix" method="get" action=format!("/coordination/promotions/{id}/preselection/apercu")>
            <button type="submit" name="decision" value="retenir">{tr(Msg::ShortlistChosen)}</button>
            " "
            <button type="submit" name="decision" value="ecarter" class="secondary">{tr(Msg::RejectChosen)}</button>
        </form>
    }
}

/// The shortlist's preview: who is told what, then the confirmation.
#[component]
pub fn ShortlistPreviewPage() -> impl IntoView {
    row_page(page().can.review_applications, |promotion| {
        let decision = query("decision").unwrap_or_default();
        let ids: Vec<i64> = leptos_router::hooks::use_query_map()
            .with_untracked(|m| m.get_all("ids[]").unwrap_or_default())
            .iter()
            .filter_map(|v| v.parse().ok())
            .collect();
        let lines = Resource::new_blocking(
            {
                let (ids, decision) = (ids.clone(), decision.clone());
                move || (promotion, ids.clone(), decision.clone())
            },
            |(p, ids, d)| preview_shortlist(p, ids, d),
        );
        let error = action_error(ServerAction::<ConfirmShortlist>::new());
        let label = tr(if decision == "retenir" {
            Msg::ShortlistChosen
        } else {
            Msg::RejectChosen
        })
        .to_owned();
        let hidden = vec![("promotion", promotion.to_string()), ("decision", decision)];
        view! {
            <ErrorSummary error=None/>
            <BatchPreview back=format!("/coordination/promotions/{promotion}/preselection/resultats") error lines label
                summary=Msg::ShortlistBatchSummary heading=Msg::ColName message_heading=Msg::FieldMessageToApplicant empty=Msg::NoApplicationChosen fields=&["ids"]
                url=ConfirmShortlist::url() hidden posted=Posted::Applicable/>
        }
    })
}
