//! `/defis`: the public catalogue of published défis (by promotion and
//! profile), and `/defis/{id}`: one défi's public sheet.

use crate::api::defis::{public_defi, public_defis};
use crate::api::promotions::list_promotions;
use crate::domain::profile::DEFAULT_PROFILES;
use crate::i18n::{Msg, fill};
use crate::model::defi::DefiSheet;
use crate::ui::Heading;
use crate::ui::form::SelectField;
use crate::ui::public::ErrorPage;
use crate::ui::{profile_label, query, tr};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CatalogPage() -> impl IntoView {
    let promotion = query("promotion").and_then(|p| p.parse::<i64>().ok());
    let profile = query("profil");
    let sheets = Resource::new_blocking(
        {
            let profile = profile.clone();
            move || (promotion, profile.clone())
        },
        |(promotion, profile)| public_defis(promotion, profile),
    );
    let promotions = Resource::new_blocking(|| (), |_| list_promotions());
    view! {
        <Heading msg=Msg::CatalogTitle/>
        <p class="lead">{tr(Msg::CatalogIntro)}</p>
        <Suspense fallback=|| ()>
            {move || {
                let profile = profile.clone();
                Suspend::new(async move {
                    let promos = promotions.await.unwrap_or_default();
                    let promo_options: Vec<(String, String)> = std::iter::once((String::new(), tr(Msg::AllPromotions).to_owned()))
                        .chain(promos.iter().map(|p| (p.id.to_string(), p.name.clone())))
                        .collect();
                    let profile_options: Vec<(String, String)> = std::iter::once((String::new(), tr(Msg::AllProfiles).to_owned()))
                        .chain(DEFAULT_PROFILES.iter().map(|(c, m)| ((*c).to_owned(), tr(*m).to_owned())))
                        .collect();
                    let list = sheets.await;
                    view! {
                        <form method="get" class="filters">
                            <SelectField name="promotion" label=Msg::FilterPromotion options=promo_options
                                value=promotion.map(|p| p.to_string()).unwrap_or_default()/>
                            <SelectField name="profil" label=Msg::FilterProfile options=profile_options
                                value=profile.clone().unwrap_or_default()/>
                            <button type="submit" class="secondary">{tr(Msg::Filter)}</button>
                        </form>
                        {match list {
                            Ok(list) if list.is_empty() => view! { <p>{tr(Msg::CatalogEmpty)}</p> }.into_any(),
                            Ok(list) => view! {
                                <h2>{fill(tr(Msg::DefisShown), &[("count", &list.len().to_string())])}</h2>
                                <DefiCards list/>
                            }.into_any(),
                            Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                        }}
                    }
                    .into_any()
                })
            }}
        </Suspense>
    }
}

/// Published défis as cards (also on the promotion's page).
#[component]
pub fn DefiCards(list: Vec<DefiSheet>) -> impl IntoView {
    view! {
        <ul class="card-list defis">
            {list.into_iter().map(|s| view! {
                <li class="card">
                    <h3 class="card-title"><a href=format!("/defis/{}", s.id)>{s.title.clone()}</a></h3>
                    <p class="hint">{s.organisation.clone()} " — " {s.city.clone()} " — " {s.promotion_name.clone()}</p>
                    <p class="prewrap">{s.summary.clone()}</p>
                    <p>{tr(Msg::ProfilesSought)} " : " {s.slots.iter().map(|sl| profile_label(&sl.profile)).collect::<Vec<_>>().join(", ")}</p>
                </li>
            }).collect_view()}
        </ul>
    }
}

#[component]
pub fn SheetPage() -> impl IntoView {
    // Public: everyone may open a published sheet.
    crate::ui::loaded_row(true, public_defi, |s| view! { <Sheet s/> })
}

#[component]
fn Sheet(s: DefiSheet) -> impl IntoView {
    view! {
        <Title text=s.title.clone()/>
        <p><a href="/defis">{tr(Msg::CatalogTitle)}</a></p>
        <h1>{s.title.clone()}</h1>
        <p class="lead prewrap">{s.summary.clone()}</p>
        <dl class="calendar">
            <dt>{tr(Msg::HostOrganisation)}</dt>
            <dd>{s.organisation.clone()} " (" {tr(s.organisation_kind.label())} ")"</dd>
            <dt>{tr(Msg::FieldCity)}</dt>
            <dd>{s.city.clone()}</dd>
            <dt>{tr(Msg::ColPromotion)}</dt>
            <dd><a href=format!("/promotions/{}", s.promotion_id)>{s.promotion_name.clone()}</a></dd>
        </dl>
        <h2>{tr(Msg::TeamSought)}</h2>
        <ul class="card-list">
            {s.slots.into_iter().map(|slot| view! {
                <li class="card">
                    <h3 class="card-title">{profile_label(&slot.profile)}
                        " — " {tr(if slot.mandatory { Msg::SlotMandatory } else { Msg::SlotOptional })}</h3>
                    <p class="prewrap">{slot.mission.clone()}</p>
                </li>
            }).collect_view()}
        </ul>
    }
}
