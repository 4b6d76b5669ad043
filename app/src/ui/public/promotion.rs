//! `/promotions/{id}`: what a visitor needs to know about a promotion —
//! description, calendar, what is open now, the profiles sought.

use crate::api::defis::public_defis;
use crate::api::promotions::get_promotion;
use crate::i18n::{Msg, fill};
use crate::model::promotion::PromotionView;
use crate::ui::coordinator::calendar_line;
use crate::ui::public::DefiCards;
use crate::ui::public::{ErrorPage, NotFound};
use crate::ui::tr;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PromotionPage() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()));
    let Some(id) = id else {
        return view! { <NotFound/> }.into_any();
    };
    let promotion = Resource::new_blocking(move || id, get_promotion);
    let defis = Resource::new_blocking(move || id, |id| public_defis(Some(id), None));
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match promotion.await {
                    Ok(p) => {
                        let list = defis.await.unwrap_or_default();
                        view! {
                            <PromotionSheet p/>
                            <h2>{tr(Msg::PromotionDefis)}</h2>
                            {if list.is_empty() {
                                view! { <p>{tr(Msg::NoPublishedDefi)}</p> }.into_any()
                            } else {
                                view! { <DefiCards list/> }.into_any()
                            }}
                        }
                        .into_any()
                    }
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn PromotionSheet(p: PromotionView) -> impl IntoView {
    let open: Vec<Msg> = [
        p.defis_call_open.then_some(Msg::CallForDefisLabel),
        p.applications_call_open
            .then_some(Msg::CallForApplicationsLabel),
    ]
    .into_iter()
    .flatten()
    .collect();
    view! {
        <Title text=p.name.clone()/>
        <h1>{p.name.clone()}</h1>
        <p class="lead">{p.description.clone()}</p>
        <p><strong>{tr(p.phase.label())}</strong></p>
        <h2>{tr(Msg::OpenNow)}</h2>
        {if open.is_empty() {
            view! { <p>{tr(Msg::NothingOpenNow)}</p> }.into_any()
        } else {
            view! { <ul>{open.into_iter().map(|m| view! { <li>{tr(m)}</li> }).collect_view()}</ul> }.into_any()
        }}
        {p.applications_call_open.then(|| view! {
            <p>{fill(tr(Msg::CallClosesAt), &[("deadline", &crate::domain::promotion::paris_display(p.calendar.applications_close))])}</p>
            <crate::ui::islands::Countdown
                deadline_ms=p.calendar.applications_close.timestamp_millis()
                now_ms=chrono::Utc::now().timestamp_millis()
                template=tr(Msg::CountdownLeft).to_owned()
                closed=tr(Msg::CountdownClosed).to_owned()/>
            <p><a class="button" href="/candidature">{tr(Msg::StartApplicationButton)}</a></p>
        })}
        <h2>{tr(Msg::PromotionCalendarTitle)}</h2>
        <dl class="calendar">
            <dt>{tr(Msg::CallForDefisLabel)}</dt>
            <dd>{calendar_line(p.calendar.defis_open, p.calendar.defis_close)}</dd>
            <dt>{tr(Msg::CallForApplicationsLabel)}</dt>
            <dd>{calendar_line(p.calendar.applications_open, p.calendar.applications_close)}</dd>
            <dt>{tr(Msg::StartLabel)}</dt>
            <dd>{p.calendar.start.format("%d/%m/%Y").to_string()}</dd>
            <dt>{tr(Msg::DurationLabel)}</dt>
            <dd>{fill(tr(Msg::MonthsCount), &[("count", &p.calendar.duration_months.to_string())])}</dd>
        </dl>
        <p><a href=format!("/promotions/{}/calendrier.ics", p.id)>{tr(Msg::PromotionCalendarLink)}</a></p>
        <h2>{tr(Msg::ProfilesOffered)}</h2>
        <ul>
            {p.profiles.iter().map(|code| {
                let label = code.label().map(tr).map(str::to_owned).unwrap_or_else(|| code.as_str().to_owned());
                view! { <li>{label}</li> }
            }).collect_view()}
        </ul>
    }
}
