//! `/coordination/promotions`: the list, and the form that creates
//! (`/coordination/promotions/nouvelle`) or edits (`…/{id}`) a promotion.

use crate::api::promotions::{CreatePromotion, UpdatePromotion, get_promotion, list_promotions};
use crate::domain::profile::{DEFAULT_PROFILES, ProfileCode};
use crate::domain::promotion::paris_display;
use crate::domain::promotion_form::PromotionForm;
use crate::i18n::{Msg, fill};
use crate::model::AppError;
use crate::model::promotion::PromotionView;
use crate::ui::Heading;
use crate::ui::Loaded;
use crate::ui::form::{ErrorSummary, Place, action_error, declared_sections};
use crate::ui::gated;
use crate::ui::loaded_row;
use crate::ui::table::DataTable;
use crate::ui::{page, tr};
use leptos::prelude::*;

fn is_coordinator() -> bool {
    page().can.manage_promotions
}

#[component]
pub fn PromotionsPage() -> impl IntoView {
    gated(is_coordinator(), || {
        let rows = Resource::new_blocking(|| (), |_| list_promotions());
        view! {
            <Heading msg=Msg::PromotionsTitle/>
            <p>{tr(Msg::PromotionsIntro)}</p>
            <p><a class="button" href="/coordination/promotions/nouvelle">{tr(Msg::NewPromotion)}</a></p>
            <Loaded resource=rows ok=|rows| if rows.is_empty() {
                view! { <p>{tr(Msg::PromotionsNone)}</p> }.into_any()
            } else {
                view! { <PromotionsTable rows/> }.into_any()
            }/>
        }
        .into_any()
    })
}

#[component]
fn PromotionsTable(rows: Vec<PromotionView>) -> impl IntoView {
    view! {
        <DataTable caption=tr(Msg::PromotionsTitle).to_owned()
            columns=vec![Msg::ColName, Msg::ColPhase, Msg::ColStart, Msg::ColActions]>
            {rows.into_iter().map(|p| view! {
                <tr>
                    <th scope="row">{p.name.clone()}</th>
                    <td>{tr(p.phase.label())}</td>
                    <td>{p.calendar.start.format("%d/%m/%Y").to_string()}</td>
                    <td>
                        <a href=format!("/coordination/promotions/{}", p.id)>{fill(tr(Msg::Edit), &[("name", &p.name)])}</a>
                        " · "
                        <a href=format!("/coordination/promotions/{}/defis", p.id)>{fill(tr(Msg::DefisOf), &[("promotion", &p.name)])}</a>
                        " · "
                        <a href=format!("/coordination/promotions/{}/candidatures", p.id)>{fill(tr(Msg::ApplicationsOf), &[("promotion", &p.name)])}</a>
                        " · "
                        <a href=format!("/coordination/promotions/{}/equipes", p.id)>{fill(tr(Msg::TeamsOf), &[("promotion", &p.name)])}</a>
                        " · "
                        <a href=format!("/coordination/promotions/{}/suivi", p.id)>{fill(tr(Msg::FollowUpOf), &[("promotion", &p.name)])}</a>
                        " · "
                        <a href=format!("/promotions/{}", p.id)>{tr(Msg::ViewPublicPage)}</a>
                    </td>
                </tr>
            }).collect_view()}
                </DataTable>
    }
}

#[component]
pub fn NewPromotionPage() -> impl IntoView {
    gated(is_coordinator(), || {
        let action = ServerAction::<CreatePromotion>::new();
        let error = action_error(action);
        let form = kept_or(default_form());
        view! {
            <Heading msg=Msg::NewPromotionTitle/>
            <ErrorSummary error=error.clone() labels={<PromotionForm as crate::domain::form::Declared>::label_of}/>
            <ActionForm action=action>
                <PromotionFields form error/>
            </ActionForm>
        }
        .into_any()
    })
}

#[component]
pub fn EditPromotionPage() -> impl IntoView {
    let action = ServerAction::<UpdatePromotion>::new();
    let error = action_error(action);
    loaded_row(is_coordinator(), get_promotion, move |p| {
        let (id, error) = (p.id, error.clone());
        let form = kept_or(p.to_form());
        view! {
            <Heading msg=Msg::EditPromotionTitle/>
            <p><a href=format!("/promotions/{id}")>{tr(Msg::ViewPublicPage)}</a></p>
            <ErrorSummary error=error.clone() labels={<PromotionForm as crate::domain::form::Declared>::label_of}/>
            <ActionForm action=action>
                <input type="hidden" name="id" value=id.to_string()/>
                <PromotionFields form error/>
            </ActionForm>
            <RetentionForm id months=p.retention_months/>
        }
        .into_any()
    })
}

fn default_form() -> PromotionForm {
    PromotionForm {
        duration_months: "10".into(),
        team_min: "2".into(),
        team_max: "3".into(),
        max_choices: "3".into(),
        profiles: DEFAULT_PROFILES
            .iter()
            .map(|(c, _)| (*c).to_owned())
            .collect(),
        ..PromotionForm::default()
    }
}

/// What the coordinator typed before an error, else `form`.
fn kept_or(form: PromotionForm) -> PromotionForm {
    let kept = page().flash;
    if kept.values.is_empty() {
        return form;
    }
    PromotionForm::from_fields(|k| kept.value(k))
}

#[component]
fn PromotionFields(form: PromotionForm, error: Option<AppError>) -> impl IntoView {
    let profiles_error = error.as_ref().and_then(|e| e.for_field("profiles"));
    let checked = form.profiles.clone();
    // Offer the defaults, plus any custom profile the promotion already has.
    let mut offered: Vec<(String, String)> = DEFAULT_PROFILES
        .iter()
        .map(|(code, msg)| ((*code).to_owned(), tr(*msg).to_owned()))
        .collect();
    for code in &checked {
        if !offered.iter().any(|(c, _)| c == code) && ProfileCode::parse(code).is_ok() {
            offered.push((code.clone(), code.clone()));
        }
    }
    let profiles = view! {
        <fieldset id="champ-profiles" class:field-invalid=profiles_error.is_some()
            aria-describedby=profiles_error.map(|_| "champ-profiles-erreur")>
            <legend>{tr(Msg::ProfilesLegend)}</legend>
            {profiles_error.map(|m| view! { <p class="field-error" id="champ-profiles-erreur">{tr(m)}</p> })}
            {offered.into_iter().enumerate().map(|(i, (code, label))| {
                let id = format!("profil-{code}");
                view! {
                    <div class="checkbox">
                        <input type="checkbox" id=id.clone() name=format!("profiles[{i}]") value=code.clone()
                            checked=checked.contains(&code)/>
                        <label for=id>{label}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
    .into_any();
    let profiles = std::cell::RefCell::new(Some(profiles));
    let sections = declared_sections(
        &form,
        error.as_ref(),
        &|_| Vec::new(),
        &|place| match place {
            Place::Section(Msg::ProfilesLegend) => profiles.borrow_mut().take(),
            _ => None,
        },
    );
    view! {
        {sections}
        <button type="submit">{tr(Msg::SavePromotion)}</button>
    }
}

/// How long the promotion's dossiers are kept after it ends.
#[component]
fn RetentionForm(id: i64, months: u32) -> impl IntoView {
    let action = ServerAction::<crate::api::privacy::SetRetention>::new();
    let close = ServerAction::<crate::api::privacy::ClosePromotion>::new();
    let error = action_error(action);
    let months_error = error.as_ref().and_then(|e| e.for_field("months"));
    let close_error = action_error(close);
    let preview = Resource::new_blocking(move || id, crate::api::privacy::get_purge_preview);
    view! {
        <section aria-labelledby="conservation-titre">
            <h2 id="conservation-titre">{tr(Msg::RetentionTitle)}</h2>
            <ActionForm action=action>
                <input type="hidden" name="promotion" value=id.to_string()/>
                <crate::ui::form::Field name="months" prefix="conservation-" label=Msg::FieldRetention kind="number"
                    hint=Msg::RetentionHint value=months.to_string() error=months_error/>
                <button type="submit" class="secondary">{tr(Msg::Save)}</button>
            </ActionForm>
            <Suspense fallback=|| ()>
                {move || {
                let close_error = close_error.clone();
                Suspend::new(async move {
                    let p = match preview.await {
                        Ok(p) => p,
                        Err(e) => return view! { <p class="error">{tr(e.summary())}</p> }.into_any(),
                    };
                    view! {
                        <p>{crate::ui::say(Msg::PurgePreviewLine, &[("date", &p.expiry), ("dossiers", &p.dossiers.to_string()), ("files", &p.files.to_string())])}</p>
                        {p.not_before.clone().map(|t| view! { <p>{fill(tr(Msg::PurgePostponed), &[("date", &t)])}</p> })}
                        {if p.closed {
                            view! { <p><strong>{tr(Msg::PromotionIsClosed)}</strong></p> }.into_any()
                        } else {
                            view! {
                                <p>{tr(Msg::PromotionNotClosed)}</p>
                                <crate::ui::form::ErrorSummary error=close_error.clone() prefix="cloture-"/>
                                <ActionForm action=close>
                                    <input type="hidden" name="promotion" value=id.to_string()/>
                                    <p class="field">
                                        <input type="checkbox" id="cloture-confirm" name="confirm" required=true
                                            aria-invalid=close_error.as_ref().and_then(|e| e.for_field("confirm")).map(|_| "true")/>
                                        " "
                                        <label for="cloture-confirm">{tr(Msg::ConfirmClose)}</label>
                                    </p>
                                    <button type="submit" class="secondary">{tr(Msg::ClosePromotion)}</button>
                                </ActionForm>
                            }.into_any()
                        }}
                    }.into_any()
                })
                }}
            </Suspense>
        </section>
    }
}

/// Used by the public page too.
pub fn calendar_line(
    from: chrono::DateTime<chrono::Utc>,
    to: chrono::DateTime<chrono::Utc>,
) -> String {
    fill(
        tr(Msg::FromTo),
        &[("from", &paris_display(from)), ("to", &paris_display(to))],
    )
}
