//! `/coordination/promotions/{id}/preselection`: the promotion's
//! pre-selection — where it stands, its settings (dates, blind mode, who
//! sees what), its rubric (frozen after the first mark, said so), and its
//! jurors (invite, peer profiles and maximum load, remove).

use crate::api::review::{
    DeleteCriterion, InviteJuror, RemoveJuror, SaveCriterion, SaveReviewSettings, UpdateJuror,
    get_review_stage,
};
use crate::domain::review::{Criterion, SeeReviews};
use crate::i18n::Msg;
use crate::model::AppError;
use crate::model::review::{JurorRow, StagePage};
use crate::ui::form::{Checkbox, ErrorSummary, Field, SelectField, action_error};
use crate::ui::table::DataTable;
use crate::ui::{Heading, colon, kept, loaded_row, page, say, tr};
use leptos::prelude::*;

pub fn profile_name(code: &str) -> String {
    crate::domain::profile::ProfileCode::parse(code)
        .ok()
        .and_then(|p| p.label())
        .map(|m| tr(m).to_owned())
        .unwrap_or_else(|| code.to_owned())
}

fn settings_label(field: &str) -> Option<Msg> {
    Some(match field {
        "opens_at" => Msg::FieldStageOpens,
        "closes_at" => Msg::FieldStageCloses,
        "see_reviews" => Msg::FieldSeeReviews,
        "reviews_per_dossier" => Msg::FieldReviewsPerDossier,
        "max_load" => Msg::FieldMaxLoad,
        "disagreement_threshold" => Msg::FieldThreshold,
        "reveal_deadline" => Msg::FieldRevealDeadline,
        "name" => Msg::FieldCriterionName,
        "help" => Msg::FieldCriterionHelp,
        "min" => Msg::FieldScaleMin,
        "max" => Msg::FieldScaleMax,
        "weight" => Msg::FieldWeight,
        "email" => Msg::FieldEmail,
        _ => return None,
    })
}

fn err(e: &Option<AppError>, field: &str) -> Option<Msg> {
    e.as_ref().and_then(|e| e.for_field(field))
}

#[component]
pub fn PreselectionPage() -> impl IntoView {
    loaded_row(page().can.review_applications, get_review_stage, |s| {
        view! { <Stage s/> }
    })
}

#[component]
fn Stage(s: StagePage) -> impl IntoView {
    let id = s.promotion_id;
    let summary = say(
        Msg::PreselectionSummary,
        &[
            ("dossiers", &s.dossiers.to_string()),
            (
                "jurors",
                &s.jurors.iter().filter(|j| !j.removed).count().to_string(),
            ),
            ("assignments", &s.assignments.to_string()),
            ("reviews", &s.reviews_submitted.to_string()),
        ],
    );
    let state = if s.open {
        Msg::StageOpenNow
    } else {
        Msg::StageClosedNow
    };
    view! {
        <Heading msg=Msg::PreselectionTitle/>
        <p class="lead">{s.promotion.clone()}</p>
        <p>{summary} " " {tr(state)}</p>
        <ul class="actions-list">
            <li><a href=format!("/coordination/promotions/{id}/preselection/affectation")>{tr(Msg::AssignTitle)}</a></li>
            <li><a href=format!("/coordination/promotions/{id}/preselection/resultats")>{tr(Msg::ResultsTitle)}</a></li>
            <li><a href=format!("/coordination/promotions/{id}/entretiens")>{tr(Msg::InterviewsLink)}</a></li>
            <li><a href=format!("/coordination/promotions/{id}/equipes")>{tr(Msg::FormationTitle)}</a></li>
            <li><a href=format!("/coordination/promotions/{id}/candidatures")>{tr(Msg::BackToDossiers)}</a></li>
        </ul>
        <Settings s=s.clone()/>
        <Rubric id criteria=s.criteria.clone() frozen=s.frozen/>
        <Jurors id jurors=s.jurors.clone() invited=s.invited.clone() profiles=s.profiles.clone() organisations=s.organisations.clone()/>
    }
}

#[component]
fn Settings(s: StagePage) -> impl IntoView {
    let action = ServerAction::<SaveReviewSettings>::new();
    let error = action_error(action);
    let value = |f: &str, v: String| kept(f).unwrap_or(v);
    let see = SeeReviews::ALL
        .iter()
        .map(|x| (x.code().to_owned(), tr(x.label()).to_owned()))
        .collect::<Vec<_>>();
    view! {
        <section aria-labelledby="reglages">
            <h2 id="reglages">{tr(Msg::StageSettingsTitle)}</h2>
            <ErrorSummary error=error.clone() labels=settings_label/>
            <ActionForm action=action>
                <input type="hidden" name="promotion" value=s.promotion_id.to_string()/>
                <Field name="opens_at" label=Msg::FieldStageOpens kind="datetime-local" hint=Msg::DateTimeHint
                    value=value("opens_at", s.opens_at.clone()) error=err(&error, "opens_at")/>
                <Field name="closes_at" label=Msg::FieldStageCloses kind="datetime-local" hint=Msg::DateTimeHint
                    value=value("closes_at", s.closes_at.clone()) error=err(&error, "closes_at")/>
                <Checkbox name="blind" label=Msg::FieldBlind checked=s.blind hint=Msg::BlindHint/>
                <SelectField name="see_reviews" label=Msg::FieldSeeReviews options=see
                    value=value("see_reviews", s.see_reviews.clone()) error=err(&error, "see_reviews")/>
                <Checkbox name="see_names" label=Msg::FieldSeeNames checked=s.see_names/>
                <Field name="reviews_per_dossier" label=Msg::FieldReviewsPerDossier kind="number"
                    value=value("reviews_per_dossier", s.reviews_per_dossier.to_string()) error=err(&error, "reviews_per_dossier")/>
                <Field name="max_load" label=Msg::FieldMaxLoad kind="number" hint=Msg::MaxLoadHint
                    value=value("max_load", s.max_load.clone()) error=err(&error, "max_load")/>
                <Field name="disagreement_threshold" label=Msg::FieldThreshold kind="number" hint=Msg::ThresholdHint
                    value=value("disagreement_threshold", s.disagreement_threshold.to_string()) error=err(&error, "disagreement_threshold")/>
                <Checkbox name="reveal" label=Msg::FieldReveal checked=s.reveal hint=Msg::RevealHint/>
                <Field name="reveal_deadline" label=Msg::FieldRevealDeadline kind="datetime-local" hint=Msg::DateTimeHint
                    value=value("reveal_deadline", s.reveal_deadline.clone()) error=err(&error, "reveal_deadline")/>
                <button type="submit">{tr(Msg::SaveSettings)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn Rubric(id: i64, criteria: Vec<Criterion>, frozen: bool) -> impl IntoView {
    let save = ServerAction::<SaveCriterion>::new();
    let delete = ServerAction::<DeleteCriterion>::new();
    let error = action_error(save).or_else(|| action_error(delete));
    let rows = criteria
        .into_iter()
        .map(|c| {
            let scale = format!("{}–{}", c.min, c.max);
            let counted = if c.independent {
                tr(Msg::CriterionIndependent)
            } else if c.required {
                tr(Msg::CriterionRequired)
            } else {
                tr(Msg::CriterionOptional)
            };
            let cid = c.id;
            let name = c.name.clone();
            view! {
                <tr>
                    <td>{c.name.clone()}<br/><span class="hint">{c.help.clone()}</span></td>
                    <td>{scale}</td>
                    <td>{c.weight}</td>
                    <td>{counted}</td>
                    <td>{(!frozen).then(|| view! {
                        <ActionForm action=delete>
                            <input type="hidden" name="promotion" value=id.to_string()/>
                            <input type="hidden" name="id" value=cid.to_string()/>
                            <button type="submit" class="secondary">{say(Msg::DeleteNamed, &[("name", &name)])}</button>
                        </ActionForm>
                    })}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="grille">
            <h2 id="grille">{tr(Msg::RubricTitle)}</h2>
            {frozen.then(|| view! { <p class="notice">{tr(Msg::RubricFrozen)}</p> })}
            <DataTable caption=tr(Msg::RubricTitle).to_owned() columns=vec![Msg::ColCriterion, Msg::ColScale, Msg::ColWeight, Msg::ColCounted, Msg::ColActions]>
                {rows}
            </DataTable>
            <p>{tr(Msg::VerdictExplained)}</p>
            {(!frozen).then(|| view! {
                <h3>{tr(Msg::AddCriterion)}</h3>
                <ErrorSummary error=error.clone() labels=settings_label/>
                <ActionForm action=save>
                    <input type="hidden" name="promotion" value=id.to_string()/>
                    <Field name="name" label=Msg::FieldCriterionName value=kept("name").unwrap_or_default() error=err(&error, "name") maxlength=120/>
                    <Field name="help" label=Msg::FieldCriterionHelp value=kept("help").unwrap_or_default() error=err(&error, "help") maxlength=500/>
                    <Field name="min" label=Msg::FieldScaleMin kind="number" value=kept("min").unwrap_or_else(|| "1".into()) error=err(&error, "min")/>
                    <Field name="max" label=Msg::FieldScaleMax kind="number" value=kept("max").unwrap_or_else(|| "5".into()) error=err(&error, "max")/>
                    <Field name="weight" label=Msg::FieldWeight kind="number" value=kept("weight").unwrap_or_else(|| "1".into()) error=err(&error, "weight")/>
                    <Checkbox name="required" label=Msg::FieldRequiredCriterion checked=true/>
                    <Checkbox name="independent" label=Msg::FieldIndependent checked=false hint=Msg::IndependentHint/>
                    <button type="submit">{tr(Msg::AddCriterion)}</button>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
fn Jurors(
    id: i64,
    jurors: Vec<JurorRow>,
    invited: Vec<String>,
    profiles: Vec<String>,
    organisations: Vec<(i64, String)>,
) -> impl IntoView {
    let invite = ServerAction::<InviteJuror>::new();
    let update = ServerAction::<UpdateJuror>::new();
    let remove = ServerAction::<RemoveJuror>::new();
    let error = action_error(invite)
        .or_else(|| action_error(update))
        .or_else(|| action_error(remove));
    let rows = jurors
        .into_iter()
        .map(|j| {
            let jid = j.id;
            let state = if j.removed {
                tr(Msg::JurorRemovedState)
            } else if j.declared {
                tr(Msg::JurorDeclaredState)
            } else {
                tr(Msg::JurorUndeclaredState)
            };
            let progress = say(Msg::JurorProgress, &[("done", &j.submitted.to_string()), ("total", &j.assigned.to_string())]);
            let boxes = profiles
                .iter()
                .map(|p| {
                    let box_id = format!("profil-{jid}-{p}");
                    view! {
                        <div class="checkbox">
                            <input type="checkbox" id=box_id.clone() name="profiles[]" value=p.clone() checked=j.profiles.contains(p)/>
                            <label for=box_id>{profile_name(p)}</label>
                        </div>
                    }
                })
                .collect_view();
            let load_id = format!("champ-max_load_{jid}");
            let org_id = format!("champ-organisation_{jid}");
            let load_error = err(&error, &format!("max_load_{jid}"));
            let load_error_id = format!("{load_id}-erreur");
            let load_value = kept(&format!("max_load_{jid}"))
                .unwrap_or_else(|| j.max_load.map(|m| m.to_string()).unwrap_or_default());
            let orgs = std::iter::once((String::new(), tr(Msg::NoOrganisationDeclared).to_owned()))
                .chain(organisations.iter().map(|(o, n)| (o.to_string(), n.clone())))
                .map(|(v, t)| {
                    let selected = j.organisation.map(|o| o.to_string()) == Some(v.clone())
                        || (j.organisation.is_none() && v.is_empty());
                    view! { <option value=v selected=selected>{t}</option> }
                })
                .collect_view();
            let legend = say(Msg::PeerProfilesOf, &[("name", &j.name)]);
            let save_text = say(Msg::SaveNamed, &[("name", &j.name)]);
            let remove_text = say(Msg::RemoveNamed, &[("name", &j.name)]);
            let summary = say(Msg::EditJurorNamed, &[("name", &j.name)]);
            view! {
                <tr>
                    <td>{say(Msg::JurorNumbered, &[("name", &j.name), ("id", &jid.to_string())])}<br/><span class="hint">{j.email.clone()}</span></td>
                    <td>{state}</td>
                    <td>{progress}</td>
                    <td>{(!j.removed).then(move || view! {
                        <details open=load_error.is_some()>
                        <summary>{summary}</summary>
                        <ActionForm action=update>
                            <input type="hidden" name="promotion" value=id.to_string()/>
                            <input type="hidden" name="juror" value=jid.to_string()/>
                            <fieldset>
                                <legend>{legend}</legend>
                                {boxes}
                            </fieldset>
                            <div class="field" class:field-invalid=load_error.is_some()>
                                <label for=load_id.clone()>{tr(Msg::FieldOwnMaxLoad)}</label>
                                {load_error.map(|e| view! { <p class="field-error" id=load_error_id.clone()>{tr(e)}</p> })}
                                <input id=load_id type="number" name="max_load" min="1" max="1000" value=load_value
                                    aria-invalid=load_error.map(|_| "true")
                                    aria-describedby=load_error.map(|_| load_error_id.clone())/>
                            </div>
                            <div class="field">
                                <label for=org_id.clone()>{tr(Msg::FieldJurorOrganisation)}</label>
                                <select id=org_id name="organisation">{orgs}</select>
                            </div>
                            <button type="submit" class="secondary">{save_text}</button>
                        </ActionForm>
                        </details>
                        <ActionForm action=remove>
                            <input type="hidden" name="promotion" value=id.to_string()/>
                            <input type="hidden" name="juror" value=jid.to_string()/>
                            <button type="submit" class="secondary">{remove_text}</button>
                        </ActionForm>
                    })}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="jures">
            <h2 id="jures">{tr(Msg::JurorsTitle)}</h2>
            <p>{tr(Msg::JurorsIntro)}</p>
            <ErrorSummary error=error.clone() labels=settings_label/>
            <DataTable caption=tr(Msg::JurorsTitle).to_owned() columns=vec![Msg::ColName, Msg::ColState, Msg::ColProgress, Msg::ColActions]>
                {rows}
            </DataTable>
            {(!invited.is_empty()).then(|| view! {
                <p>{colon(Msg::PendingInvitations)} " " {invited.join(", ")}</p>
            })}
            <h3>{tr(Msg::InviteJurorTitle)}</h3>
            <ActionForm action=invite>
                <input type="hidden" name="promotion" value=id.to_string()/>
                <Field name="email" label=Msg::FieldEmail kind="email" autocomplete="off"
                    value=kept("email").unwrap_or_default() error=err(&error, "email")/>
                <button type="submit">{tr(Msg::InviteJurorButton)}</button>
            </ActionForm>
        </section>
    }
}
