//! `/candidature`: the open calls for applications and the person's
//! dossiers; `/candidature/{id}`: the dossier — editable as a draft or when a
//! correction is requested (explicit save without JavaScript, autosave when
//! hydrated, CV and portfolio uploads, ranked choices with rank fields),
//! read-only with its status otherwise.

use crate::api::applications::{
    SaveApplication, StartApplication, WithdrawApplication, get_application, my_applications,
};
use crate::domain::application::ApplicationState;
use crate::domain::application_form::ApplicationForm;
use crate::i18n::{Msg, fill};
use crate::model::AppError;
use crate::model::application::ApplicationDossier;
use crate::model::defi::AttachmentView;
use crate::ui::Heading;
use crate::ui::form::{
    Checkbox, ErrorSummary, Place, action_error, declared_lines, declared_sections, kept_input_box,
    kept_lines,
};
use crate::ui::gated;
use crate::ui::islands::{Autosave, autosave::AutosaveTexts};
use crate::ui::loaded_row;
use crate::ui::public::ErrorPage;
use crate::ui::table::DataTable;
use crate::ui::upload::UploadForm;
use crate::ui::{kept, page, paris, profile_label, tr};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ApplicationsPage() -> impl IntoView {
    gated(page().viewer.is_some(), || {
        let calls = Resource::new_blocking(|| (), |_| my_applications());
        let start = ServerAction::<StartApplication>::new();
        let error = action_error(start);
        view! {
            <Heading msg=Msg::ApplicationsTitle/>
            <ErrorSummary error=error/>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match calls.await {
                        Ok(calls) if calls.is_empty() => view! { <p>{tr(Msg::NoOpenCallForApplications)}</p> }.into_any(),
                        Ok(calls) => calls.into_iter().map(|c| {
                            let closes = fill(tr(if c.open { Msg::CallClosesAt } else { Msg::CallClosedAt }), &[("deadline", &c.closes)]);
                            let promotion = c.promotion_id.to_string();
                            view! {
                                <section class="card">
                                    <h2 class="card-title">{c.promotion_name.clone()}</h2>
                                    <p>{closes}</p>
                                    {match c.application {
                                        Some((id, state)) => view! {
                                            <p>{tr(state.label())} " — "
                                                <a href=format!("/candidature/{id}")>{tr(Msg::OpenMyApplication)}</a></p>
                                        }.into_any(),
                                        None => view! {
                                            <ActionForm action=start>
                                                <input type="hidden" name="promotion" value=promotion/>
                                                <button type="submit">{tr(Msg::StartApplicationButton)}</button>
                                            </ActionForm>
                                        }.into_any(),
                                    }}
                                </section>
                            }
                        }).collect_view().into_any(),
                        Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                    }
                })}
            </Suspense>
        }
        .into_any()
    })
}

#[component]
pub fn ApplicationPage() -> impl IntoView {
    let action = ServerAction::<SaveApplication>::new();
    let withdraw = ServerAction::<WithdrawApplication>::new();
    let error = action_error(action).or_else(|| action_error(withdraw));
    loaded_row(
        page().viewer.is_some(),
        get_application,
        move |d| view! { <Dossier d action withdraw error=error.clone()/> },
    )
}

#[component]
fn Dossier(
    d: ApplicationDossier,
    action: ServerAction<SaveApplication>,
    withdraw: ServerAction<WithdrawApplication>,
    error: Option<AppError>,
) -> impl IntoView {
    let correction = d.correction_request().cloned();
    let state = d.state;
    view! {
        <Title text=fill(tr(Msg::ApplicationTitle), &[("promotion", &d.promotion_name)])/>
        <p><a href="/candidature">{tr(Msg::ApplicationsTitle)}</a></p>
        <h1>{fill(tr(Msg::ApplicationTitle), &[("promotion", &d.promotion_name)])}</h1>
        <p class="lead"><strong>{tr(state.label())}</strong></p>
        {d.submitted_at.map(|t| view! { <p>{fill(tr(Msg::ApplicationSubmittedAtLine), &[("date", &paris(t))])}</p> })}
        {correction.map(|e| view! {
            <div class="callout" role="note">
                <h2>{tr(Msg::CorrectionRequestedTitle)}</h2>
                <p class="prewrap">{e.message.clone()}</p>
            </div>
        })}
        {if d.may_edit {
            view! { <Editor d=d.clone() action error/> }.into_any()
        } else {
            view! {
                <ErrorSummary error=error/>
                <KeptInput/>
                <Timeline state/>
                {(state == ApplicationState::Shortlisted).then(|| view! { <super::reveal::RevealSection id=d.id/> })}
                <DossierDetails d=d.clone()/>
                {crate::domain::application::withdraw(state).is_ok().then(|| view! {
                    <section aria-labelledby="retrait-titre">
                        <h2 id="retrait-titre">{tr(Msg::WithdrawTitle)}</h2>
                        <ActionForm action=withdraw>
                            <input type="hidden" name="id" value=d.id.to_string()/>
                            <Checkbox name="confirm" label=Msg::WithdrawConfirm checked=false/>
                            <button type="submit" class="secondary">{tr(Msg::WithdrawButton)}</button>
                        </ActionForm>
                    </section>
                })}
            }
            .into_any()
        }}
    }
}

/// What the person typed in a save refused because the dossier stopped
/// being editable meanwhile: shown so that it is not lost.
#[component]
fn KeptInput() -> impl IntoView {
    let flash = page().flash;
    if !flash.values.contains_key("first_name") {
        return ().into_any();
    }
    let kept = ApplicationForm::from_fields(|k| flash.value(k));
    let lines = kept_lines(&kept);
    kept_input_box(Msg::KeptApplicationHint, lines)
}

/// Where the dossier stands among the steps of DESIGN.md §2: a list read
/// top to bottom, each step saying in words whether it is passed, the
/// current one, or to come (not by its colour alone).
#[component]
fn Timeline(state: ApplicationState) -> impl IntoView {
    let reached = ApplicationState::TIMELINE
        .iter()
        .position(|s| *s == state.timeline_step())
        .unwrap_or(0);
    view! {
        <h2>{tr(Msg::TimelineTitle)}</h2>
        <ol class="timeline">
            {ApplicationState::TIMELINE.iter().enumerate().map(|(i, s)| {
                let (class, said) = match i.cmp(&reached) {
                    std::cmp::Ordering::Less => ("done", Msg::StepDone),
                    std::cmp::Ordering::Equal => ("current", Msg::StepCurrent),
                    std::cmp::Ordering::Greater => ("todo", Msg::StepToCome),
                };
                view! {
                    <li class=class aria-current=(i == reached).then_some("step")>
                        <span class="timeline-step">{tr(s.label())}</span>
                        " " <span class="hint">{tr(said)}</span>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

/// The défis the dossier ranks, in its order, as "title — organisation".
fn chosen(d: &ApplicationDossier) -> Vec<String> {
    d.form
        .choices
        .iter()
        .filter_map(|c| d.offered.iter().find(|o| o.id == *c))
        .map(|o| format!("{} — {}", o.title, o.organisation))
        .collect()
}

/// Every field of a dossier, read-only (the applicant's submitted dossier,
/// coordinators' review page), in the order of the applicant's form, the
/// email after the name.
#[component]
pub fn DossierDetails(d: ApplicationDossier) -> impl IntoView {
    let f = d.form.clone();
    let profile_of = |_: &'static str, code: &str| {
        d.profiles
            .iter()
            .find(|p| p.as_str() == code)
            .map(profile_label)
    };
    let choices = chosen(&d);
    let mut lines = declared_lines(&f, &profile_of);
    let after_name = lines
        .iter()
        .position(|(m, _)| *m == Msg::FieldLastName)
        .map_or(0, |i| i + 1);
    lines.insert(after_name, (Msg::FieldEmail, d.email.clone()));
    view! {
        <h2>{tr(Msg::DossierTitle)}</h2>
        <dl class="calendar">
            {lines.into_iter().map(|(m, v)| {
                // An optional field left empty says so, rather than a blank.
                let value = if v.trim().is_empty() {
                    view! { <span class="hint">{tr(Msg::NotGiven)}</span> }.into_any()
                } else {
                    v.into_any()
                };
                view! { <dt>{tr(m)}</dt><dd class="prewrap">{value}</dd> }
            }).collect_view()}
        </dl>
        <h3>{tr(Msg::ChoicesLegend)}</h3>
        <ol>{choices.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ol>
        <h3>{tr(Msg::FilesTitle)}</h3>
        <Files id=d.id cv=d.cv.clone() portfolio=d.portfolio.clone()/>
    }
}

#[component]
fn Files(id: i64, cv: Option<AttachmentView>, portfolio: Option<AttachmentView>) -> impl IntoView {
    let line = move |kind: &'static str, a: Option<AttachmentView>| {
        a.map(|a| view! {
            <li><a href=format!("/candidature/{id}/{kind}")>{fill(tr(Msg::DownloadFile), &[("file", &a.name)])}</a>
                " — " {fill(tr(Msg::UploadedAt), &[("date", &paris(a.uploaded_at))])}</li>
        })
    };
    view! {
        <ul>
            {line("cv", cv)}
            {line("portfolio", portfolio)}
        </ul>
    }
}

#[component]
fn Editor(
    d: ApplicationDossier,
    action: ServerAction<SaveApplication>,
    error: Option<AppError>,
) -> impl IntoView {
    let flash = page().flash;
    let form = if flash.values.contains_key("first_name") {
        ApplicationForm::from_fields(kept)
    } else {
        d.form.clone()
    };
    let texts = AutosaveTexts::current(Msg::AutosaveDossierNotEditable);
    let upload_error = |kind: &str| -> Option<Msg> {
        flash
            .value(&format!("upload_error_{kind}"))
            .and_then(|v| serde_json::from_str(&v).ok())
    };
    let (cv_upload_error, portfolio_upload_error) = (upload_error("cv"), upload_error("portfolio"));
    let cv_error = error.as_ref().and_then(|e| e.for_field("cv"));
    let id = d.id;
    let version = d.version.to_string();
    let last_saved = fill(tr(Msg::LastSavedAt), &[("time", &paris(d.updated_at))]);
    let answer = d.state == ApplicationState::CorrectionRequested;
    let deadline = fill(
        tr(if d.personal_deadline {
            Msg::PersonalDeadlineLine
        } else {
            Msg::ApplicationDeadlineLine
        }),
        &[("deadline", &paris(d.deadline))],
    );
    let deadline_ms = d.deadline.timestamp_millis();
    let (cv, portfolio) = (d.cv.clone(), d.portfolio.clone());
    // A correction is answered whatever the call's dates.
    view! {
        {(!answer).then(|| view! {
            <p>{deadline}</p>
            <crate::ui::islands::Countdown deadline_ms now_ms=chrono::Utc::now().timestamp_millis()
                template=tr(Msg::CountdownLeft).to_owned() closed=tr(Msg::CountdownClosed).to_owned()/>
        })}
        <ErrorSummary error=error.clone() labels=ApplicationForm::summary_label/>
        <ActionForm action=action attr:id="candidature-form" attr:novalidate=true>
            <input type="hidden" name="id" value=id.to_string()/>
            <input type="hidden" name="version" value=version/>
            <ApplicationFields d form error/>
        </ActionForm>
        // The files have forms of their own (forms do not nest): they come
        // before the buttons that submit the dossier, which belong to its
        // form through their `form` attribute.
        <section aria-labelledby="fichiers-titre">
            <h2 id="fichiers-titre">{tr(Msg::FilesTitle)}</h2>
            <Files id cv portfolio/>
            {cv_error.map(|m| view! { <p class="field-error" id="champ-cv" tabindex="-1">{tr(m)}</p> })}
            <UploadForm action=format!("/candidature/{id}/cv") form_id="candidature-cv"
                input_id="champ-cv-fichier" label=tr(Msg::FieldCv) error=cv_upload_error/>
            <UploadForm action=format!("/candidature/{id}/portfolio") form_id="candidature-portfolio"
                input_id="champ-portfolio-fichier" label=tr(Msg::FieldPortfolio) error=portfolio_upload_error/>
        </section>
        <Autosave form_id="candidature-form".to_owned() endpoint="/api/enregistrer-candidature".to_owned()
            upload_form_id="candidature-cv,candidature-portfolio".to_owned() texts initial=last_saved/>
        <div class="actions">
            <button type="submit" form="candidature-form" name="intent" value="save" class="secondary">{tr(Msg::SaveDraft)}</button>
            <button type="submit" form="candidature-form" name="intent" value="submit">
                {tr(if answer { Msg::ResubmitApplication } else { Msg::SubmitApplication })}
            </button>
        </div>
    }
}

/// Every field of the dossier, with its error: the declared sections, with
/// the email (not editable here) after the name and the ranked choices.
#[component]
fn ApplicationFields(
    d: ApplicationDossier,
    form: ApplicationForm,
    error: Option<AppError>,
) -> impl IntoView {
    let rank_options = rank_options(d.max_choices);
    let choices_errors: Vec<String> = error
        .as_ref()
        .map(|e| e.all_for("choices"))
        .unwrap_or_default()
        .iter()
        .map(|f| f.text(crate::ui::locale()))
        .collect();
    let profile = form.profile.clone();
    let rows: Vec<AnyView> = d
        .offered
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let rank = kept(&format!("rank_{}", o.id)).unwrap_or_else(|| {
                form.choices
                    .iter()
                    .position(|c| *c == o.id)
                    .map(|p| (p + 1).to_string())
                    .unwrap_or_default()
            });
            let select_id = format!("rang-{}", o.id);
            let profiles = o.profiles.iter().map(profile_label).collect::<Vec<_>>().join(", ");
            // Whether the défi seeks the profile chosen above, in words
            // (`data-fit`: its profiles, for the browser to follow a change
            // of profile before the next save).
            let codes = o.profiles.iter().map(|p| p.as_str()).collect::<Vec<_>>().join(" ");
            let seeks = o.profiles.iter().any(|p| p.as_str() == profile);
            let (class, text) = match (profile.is_empty(), seeks) {
                (true, _) => ("fit", ""),
                (false, true) => ("fit fit-yes", tr(Msg::SeeksYourProfile)),
                (false, false) => ("fit fit-no", tr(Msg::SeeksNotYourProfile)),
            };
            let fit = view! { <br/><span class=class data-fit=codes>{text}</span> };
            // The title is the select's label (one Tab stop a row; the
            // sheets are linked once, above the table).
            view! {
                <tr>
                    <th scope="row">
                        <label for=select_id.clone() class="plain-label">{o.title.clone()}</label>
                        <br/><span class="hint">{o.organisation.clone()} " — " {profiles}</span>
                        {fit}
                    </th>
                    <td>
                        <input type="hidden" name=format!("offered[{i}]") value=o.id.to_string()/>
                        <select id=select_id name=format!("ranks[{i}]")
                            aria-label=fill(tr(Msg::RankOf), &[("title", &o.title)])>
                            {rank_options.iter().map(|(v, t)| view! { <option value=v.clone() selected=*v == rank>{t.clone()}</option> }).collect_view()}
                        </select>
                    </td>
                </tr>
            }
            .into_any()
        })
        .collect();
    let rows = std::cell::RefCell::new(Some(rows));
    let max_choices = d.max_choices;
    let invalid = !choices_errors.is_empty();
    let choices = move || {
        let rows = rows.borrow_mut().take();
        let errors = choices_errors.clone();
        view! {
            <fieldset id="champ-choices" tabindex="-1" class:field-invalid=invalid
                aria-describedby=invalid.then_some("champ-choices-erreur")
                data-fit-yes=tr(Msg::SeeksYourProfile) data-fit-no=tr(Msg::SeeksNotYourProfile)>
                <legend>{tr(Msg::ChoicesLegend)}</legend>
                <p class="hint">{fill(tr(Msg::ChoicesHint), &[("max", &max_choices.to_string())])}</p>
                <p><a href="/defis" target="_blank" rel="noopener">{tr(Msg::ReadTheSheets)}</a></p>
                {invalid.then(|| view! {
                    <div class="field-error" id="champ-choices-erreur">
                        {errors.into_iter().map(|m| view! { <p>{m}</p> }).collect_view()}
                    </div>
                })}
                <DataTable caption=tr(Msg::ChoicesLegend).to_owned()
                    columns=vec![Msg::ColTitle, Msg::ColRank]>{rows}</DataTable>
            </fieldset>
        }
        .into_any()
    };
    let profiles = d.profiles.clone();
    let given = move |_: &'static str| -> Vec<(String, String)> {
        profiles
            .iter()
            .map(|p| (p.as_str().to_owned(), profile_label(p)))
            .collect()
    };
    let email = d.email.clone();
    declared_sections(&form, error.as_ref(), &given, &|place| match place {
        Place::After("last_name") => Some(
            view! { <p>{crate::ui::colon(Msg::FieldEmail)} " " {email.clone()}</p> }.into_any(),
        ),
        Place::Section(Msg::ChoicesLegend) => Some(choices()),
        Place::After("consent") => Some(
            view! { <p><a href="/donnees-personnelles">{tr(Msg::PrivacyLink)}</a></p> }.into_any(),
        ),
        _ => None,
    })
}

/// A rank's options: "not chosen", then 1 to `max`.
pub(super) fn rank_options(max: u32) -> Vec<(String, String)> {
    std::iter::once((String::new(), tr(Msg::NotChosen).to_owned()))
        .chain((1..=max).map(|n| (n.to_string(), n.to_string())))
        .collect()
}
