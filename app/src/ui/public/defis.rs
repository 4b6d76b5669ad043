//! `/defis`: the public catalogue of published défis (by promotion and
//! profile), and `/defis/{id}`: one défi's public sheet.

use crate::api::defis::{public_defi, public_defis};
use crate::api::promotions::list_promotions;
use crate::domain::profile::DEFAULT_PROFILES;
use crate::i18n::{Msg, fill};
use crate::model::defi::{DefiSheet, PublicSheet};
use crate::ui::Heading;
use crate::ui::form::SelectField;
use crate::ui::public::ErrorPage;
use crate::ui::{paris, profile_label, query, tr};
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
                                <h2>{crate::ui::say(Msg::DefisShown, &[("count", &list.len().to_string())])}</h2>
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
                    <p>{crate::ui::colon(Msg::ProfilesSought)} " " {s.slots.iter().map(|sl| profile_label(&sl.profile)).collect::<Vec<_>>().join(", ")}</p>
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
fn Sheet(s: PublicSheet) -> impl IntoView {
    let PublicSheet {
        sheet: s,
        details: d,
        apply_until,
    } = s;
    let id = s.id;
    // The commitments the host made, as statements; none, no section.
    let commitments: Vec<Msg> = [
        (d.data_accessible, Msg::FieldDataAccessible),
        (d.open_code, Msg::FieldOpenCode),
        (d.open_data, Msg::FieldOpenData),
        (d.off_site, Msg::FieldOffSite),
    ]
    .into_iter()
    .filter_map(|(on, m)| on.then_some(m))
    .collect();
    let text = |title: Msg, body: String| {
        (!body.trim().is_empty()).then(|| {
            view! {
                <h3>{tr(title)}</h3>
                <p class="prewrap">{body}</p>
            }
        })
    };
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
        {apply_until.map(|t| view! {
            <p>{fill(tr(Msg::ApplyUntil), &[("deadline", &paris(t))])}</p>
            <p><a class="button" href="/candidature">{tr(Msg::ApplyNow)}</a></p>
        })}
        <section aria-labelledby="besoin-titre">
            <h2 id="besoin-titre">{tr(Msg::NeedLegend)}</h2>
            {text(Msg::FieldContext, d.context)}
            {text(Msg::FieldUseCases, d.use_cases)}
            {text(Msg::FieldImpact, d.impact)}
        </section>
        <section aria-labelledby="donnees-titre">
            <h2 id="donnees-titre">{tr(Msg::DataLegend)}</h2>
            <p class="prewrap">{d.data_available}</p>
        </section>
        {(!commitments.is_empty()).then(|| view! {
            <section aria-labelledby="engagements-titre">
                <h2 id="engagements-titre">{tr(Msg::OpennessLegend)}</h2>
                <ul>{commitments.into_iter().map(|m| view! { <li>{tr(m)}</li> }).collect_view()}</ul>
            </section>
        })}
        <section aria-labelledby="equipe-accueil-titre">
            <h2 id="equipe-accueil-titre">{tr(Msg::HostTeamLegend)}</h2>
            <dl class="calendar">
                <dt>{tr(Msg::FieldLeads)}</dt>
                <dd class="prewrap">{d.leads}</dd>
                <dt>{tr(Msg::FieldMentor)}</dt>
                <dd>{d.mentor}</dd>
            </dl>
        </section>
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
        {d.pitch_deck.map(|a| view! {
            <h2>{tr(Msg::PitchDeckTitle)}</h2>
            <p><a href=format!("/defis/{id}/presentation")>
                {fill(tr(Msg::SheetDownloadDeck), &[("file", &a.name), ("size", &fill(tr(Msg::FileSizeKb), &[("size", &((a.size + 1023) / 1024).to_string())]))])}</a></p>
        })}
    }
}
