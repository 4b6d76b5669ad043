//! `/equipes/{défi}/jalons/{n}`: one milestone of a team — its due time
//! and status, its form for those who fill it (the last edit wins, every
//! version kept below), for a report its thread, and for coordinators the
//! boxes to move its due date or waive it.

use crate::api::milestones::{
    FillMilestone, MoveMilestone, ReplyOnReport, WaiveMilestone, get_milestone,
};
use crate::i18n::Msg;
use crate::model::AppError;
use crate::model::milestones::{FieldView, FormField, InstancePage, MilestoneFile};
use crate::ui::form::{ErrorSummary, Field, TextArea, action_error};
use crate::ui::upload::UploadForm;
use crate::ui::{Heading, Loaded, colon, gated, kept, num_param, page, say, tr};
use leptos::prelude::*;

/// What the error summary calls each field of these forms.
fn label_of(name: &str) -> Option<Msg> {
    match name {
        "reponse" => Some(Msg::FieldReply),
        "jour" => Some(Msg::FieldDueDay),
        "heure" => Some(Msg::FieldDueTime),
        "raison" => Some(Msg::FieldMoveReason),
        "motif" => Some(Msg::FieldWaiveReason),
        _ => crate::domain::milestones::label_of(name),
    }
}

#[component]
pub fn MilestonePage() -> impl IntoView {
    gated(page().viewer.is_some(), || {
        match (num_param("id"), num_param("jalon")) {
            (Some(defi), Some(id)) => {
                let resource =
                    Resource::new_blocking(move || (defi, id), |(d, i)| get_milestone(d, i));
                view! {
                    <Heading msg=Msg::MilestonePageTitle/>
                    <Loaded resource ok=|m| view! { <Milestone m/> }/>
                }
                .into_any()
            }
            _ => view! { <crate::ui::public::NotFound/> }.into_any(),
        }
    })
}

#[component]
fn Milestone(m: InstancePage) -> impl IntoView {
    let back = format!("/equipes/{}", m.defi_id);
    let status = format!("status status-{}", m.status_code);
    view! {
        <p class="lead">{m.title.clone()}</p>
        <p><a href=back>{say(Msg::BackToTeam, &[("team", &m.team)])}</a></p>
        <ul class="facts">
            <li>{colon(Msg::ColTeam)}" "{m.team.clone()}</li>
            <li>{colon(Msg::MilestoneFilledBy)}" "{m.filler.clone()}</li>
            <li>{colon(Msg::ColDue)}" "{m.due.clone()}" "{tr(Msg::ParisTime)}</li>
            <li>{colon(Msg::ColMilestoneStatus)}" "<span class=status>{m.status.clone()}</span></li>
            {m.moved.clone().map(|r| view! { <li>{colon(Msg::MilestoneMovedBecause)}" "{r}</li> })}
            {m.waived.clone().map(|r| view! { <li>{colon(Msg::MilestoneWaivedBecause)}" "{r}</li> })}
        </ul>
        {m.may_fill.then(|| view! { <FillForm m=m.clone()/> })}
        {m.file.clone().map(|f| view! { <FileBox m=m.clone() f/> })}
        <Versions m=m.clone()/>
        {m.report.then(|| view! { <Thread m=m.clone()/> })}
        {m.manage.then(|| view! { <Manage m=m.clone()/> })}
    }
}

/// The milestone's file: the last one sent, and for who fills it the
/// form to send one (a refusal comes back next to it).
#[component]
fn FileBox(m: InstancePage, f: MilestoneFile) -> impl IntoView {
    let error: Option<Msg> = page()
        .flash
        .value("upload_error_milestone")
        .and_then(|v| serde_json::from_str(&v).ok());
    let href = format!("/equipes/{}/jalons/{}/fichier", m.defi_id, m.id);
    let current = match (f.name.clone(), f.uploaded.clone()) {
        (Some(name), Some(at)) => view! {
            <p>
                <a href=href.clone()>{say(Msg::DownloadFile, &[("file", &name)])}</a>
                " — "{say(Msg::UploadedAt, &[("date", &at)])}
            </p>
        }
        .into_any(),
        _ => view! { <p>{tr(Msg::NoMilestoneFile)}</p> }.into_any(),
    };
    view! {
        <section aria-labelledby="jalon-fichier-titre">
            <h2 id="jalon-fichier-titre">{tr(Msg::MilestoneFileTitle)}</h2>
            {current}
            {if f.may_upload {
                view! {
                    <UploadForm action=href.clone() form_id="jalon-fichier" input_id="champ-fiche-fichier"
                        label=f.label.clone() error hint_text=Msg::MilestonePdfHint/>
                }
                .into_any()
            } else {
                // Refused because it closed meanwhile: said here all the same.
                error.map(|m| view! { <p class="field-error" id="jalon-fichier" role="alert">{tr(m)}</p> }).into_any()
            }}
        </section>
    }
}

/// One field of the form, with its error and the value to show.
fn control(f: &FormField, error: Option<&AppError>, refused: bool) -> AnyView {
    let id = format!("champ-{}", f.name);
    let message = error.and_then(|e| e.for_field(&f.name));
    let err_id = format!("{id}-erreur");
    let hint_id = format!("{id}-aide");
    let value = if refused {
        kept(&f.name).unwrap_or_default()
    } else {
        f.value.clone()
    };
    let error_p = message.map(|m| view! { <p class="field-error" id=err_id.clone()>{tr(m)}</p> });
    let invalid = message.map(|_| "true");
    let label = if f.required {
        f.label.clone()
    } else {
        say(Msg::OptionalField, &[("label", &f.label)])
    };
    match &f.view {
        FieldView::Text { max } => {
            let described = match message {
                Some(_) => format!("{hint_id} {err_id}"),
                None => hint_id.clone(),
            };
            let rows = if *max > 300 { 6 } else { 3 };
            view! {
                <div class="field" class:field-invalid=message.is_some()>
                    <label for=id.clone()>{label}</label>
                    <p class="hint" id=hint_id>{say(Msg::MaxChars, &[("max", &max.to_string())])}</p>
                    {error_p}
                    <textarea id=id name=f.name.clone() rows=rows maxlength=*max aria-invalid=invalid aria-describedby=described>{value}</textarea>
                </div>
            }
            .into_any()
        }
        FieldView::Choice { options } => {
            let name = f.name.clone();
            let radios = options
                .iter()
                .map(|(code, text)| {
                    let rid = format!("{id}-{code}");
                    let checked = *code == value;
                    view! {
                        <div class="radio">
                            <input type="radio" id=rid.clone() name=name.clone() value=code.clone() checked=checked/>
                            <label for=rid>{text.clone()}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset id=id class:field-invalid=message.is_some() aria-describedby=message.map(|_| err_id.clone())>
                    <legend>{label}</legend>
                    {error_p}
                    {radios}
                </fieldset>
            }
            .into_any()
        }
        FieldView::Checklist { items } => {
            let ticked: Vec<String> = if refused {
                value.lines().map(str::to_owned).collect()
            } else {
                f.ticked.clone()
            };
            let name = f.name.clone();
            let boxes = items
                .iter()
                .map(|(code, text)| {
                    let cid = format!("{id}-{code}");
                    let checked = ticked.contains(code);
                    view! {
                        <div class="checkbox">
                            <input type="checkbox" id=cid.clone() name=name.clone() value=code.clone() checked=checked/>
                            <label for=cid>{text.clone()}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset id=id class:field-invalid=message.is_some() aria-describedby=message.map(|_| err_id.clone())>
                    <legend>{f.label.clone()}</legend>
                    {error_p}
                    {boxes}
                </fieldset>
            }
            .into_any()
        }
        FieldView::Number | FieldView::Link => {
            let (kind, mode, hint) = match f.view {
                FieldView::Number => ("text", Some("decimal"), Msg::NumberHint),
                _ => ("url", None, Msg::LinkHint),
            };
            let described = match message {
                Some(_) => format!("{hint_id} {err_id}"),
                None => hint_id.clone(),
            };
            view! {
                <div class="field" class:field-invalid=message.is_some()>
                    <label for=id.clone()>{label}</label>
                    <p class="hint" id=hint_id>{tr(hint)}</p>
                    {error_p}
                    <input id=id name=f.name.clone() type=kind inputmode=mode value=value aria-invalid=invalid aria-describedby=described/>
                </div>
            }
            .into_any()
        }
    }
}

#[component]
fn FillForm(m: InstancePage) -> impl IntoView {
    let fill = ServerAction::<FillMilestone>::new();
    let error = action_error(fill);
    let refused = error.is_some();
    let controls = m
        .fields
        .iter()
        .map(|f| control(f, error.as_ref(), refused))
        .collect_view();
    let (defi, id) = (m.defi_id.to_string(), m.id.to_string());
    let button = if m.versions.is_empty() {
        Msg::MilestoneSubmit
    } else {
        Msg::MilestoneUpdate
    };
    view! {
        <section aria-labelledby="remplir">
            <h2 id="remplir">{tr(if m.versions.is_empty() { Msg::MilestoneFillTitle } else { Msg::MilestoneEditTitle })}</h2>
            {(!m.versions.is_empty()).then(|| view! { <p>{tr(Msg::LastEditWins)}</p> })}
            <ErrorSummary error=error.clone() labels=label_of/>
            <ActionForm action=fill>
                <input type="hidden" name="defi" value=defi/>
                <input type="hidden" name="jalon" value=id/>
                {controls}
                <button type="submit">{tr(button)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn Versions(m: InstancePage) -> impl IntoView {
    if m.versions.is_empty() {
        return view! { <p>{tr(Msg::NothingSubmittedYet)}</p> }.into_any();
    }
    let list = m
        .versions
        .iter()
        .enumerate()
        .map(|(n, v)| {
            let lines = v
                .lines
                .iter()
                .map(|(label, value)| view! { <dt>{label.clone()}</dt><dd>{if value.is_empty() { "—".to_owned() } else { value.clone() }}</dd> })
                .collect_view();
            let head = say(
                if n == 0 { Msg::VersionLatest } else { Msg::VersionEarlier },
                &[("author", &v.author), ("at", &v.at)],
            );
            view! {
                <article class="version">
                    <h3>{head}</h3>
                    <dl>{lines}</dl>
                </article>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="versions">
            <h2 id="versions">{tr(Msg::VersionsTitle)}</h2>
            {list}
        </section>
    }
    .into_any()
}

#[component]
fn Thread(m: InstancePage) -> impl IntoView {
    let reply = ServerAction::<ReplyOnReport>::new();
    let error = action_error(reply);
    let field_error = error.as_ref().and_then(|e| e.for_field("reponse"));
    let typed = if error.is_some() {
        kept("reponse").unwrap_or_default()
    } else {
        String::new()
    };
    let replies = m
        .replies
        .iter()
        .map(|(author, at, body)| view! {
            <li><p><strong>{author.clone()}</strong>", "{at.clone()}</p><p class="prewrap">{body.clone()}</p></li>
        })
        .collect_view();
    let (defi, id) = (m.defi_id.to_string(), m.id.to_string());
    view! {
        <section aria-labelledby="fil-titre" id="fil">
            <h2 id="fil-titre">{tr(Msg::ThreadTitle)}</h2>
            {if m.replies.is_empty() {
                view! { <p>{tr(Msg::NoReplyYet)}</p> }.into_any()
            } else {
                view! { <ol class="thread">{replies}</ol> }.into_any()
            }}
            {m.may_reply.then(|| view! {
                <ErrorSummary error=error.clone() prefix="fil-" labels=label_of/>
                <ActionForm action=reply>
                    <input type="hidden" name="defi" value=defi.clone()/>
                    <input type="hidden" name="jalon" value=id.clone()/>
                    <TextArea name="reponse" prefix="fil-" label=Msg::FieldReply hint=Msg::ReplyHint maxlength=2000 value=typed.clone() error=field_error/>
                    <button type="submit">{tr(Msg::SendReply)}</button>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
fn Manage(m: InstancePage) -> impl IntoView {
    let moving = ServerAction::<MoveMilestone>::new();
    let waiving = ServerAction::<WaiveMilestone>::new();
    let move_error = action_error(moving);
    let waive_error = action_error(waiving);
    let f = |e: &Option<AppError>, n: &str| e.as_ref().and_then(|e| e.for_field(n));
    let keep = |e: &Option<AppError>, n: &str, saved: &str| {
        if e.is_some() {
            kept(n).unwrap_or_default()
        } else {
            saved.to_owned()
        }
    };
    let (day, time) = (
        keep(&move_error, "jour", &m.due_day),
        keep(&move_error, "heure", &m.due_time),
    );
    let why = keep(&move_error, "raison", "");
    let motif = keep(&waive_error, "motif", "");
    let (defi, id) = (m.defi_id.to_string(), m.id.to_string());
    let (e_day, e_time, e_why, e_motif) = (
        f(&move_error, "jour"),
        f(&move_error, "heure"),
        f(&move_error, "raison"),
        f(&waive_error, "motif"),
    );
    let waive_form = m.waived.is_none().then(|| {
        let (defi, id) = (defi.clone(), id.clone());
        view! {
            <h3>{tr(Msg::WaiveTitle)}</h3>
            <ErrorSummary error=waive_error.clone() prefix="dispenser-" labels=label_of/>
            <ActionForm action=waiving>
                <input type="hidden" name="defi" value=defi/>
                <input type="hidden" name="jalon" value=id/>
                <TextArea name="motif" prefix="dispenser-" label=Msg::FieldWaiveReason maxlength=1000 value=motif error=e_motif/>
                <button type="submit" class="secondary">{tr(Msg::WaiveButton)}</button>
            </ActionForm>
        }
    });
    view! {
        <section aria-labelledby="gerer" class="box">
            <h2 id="gerer">{tr(Msg::ManageMilestoneTitle)}</h2>
            <h3>{tr(Msg::MoveDueTitle)}</h3>
            <ErrorSummary error=move_error.clone() prefix="deplacer-" labels=label_of/>
            <ActionForm action=moving>
                <input type="hidden" name="defi" value=defi/>
                <input type="hidden" name="jalon" value=id/>
                <Field name="jour" prefix="deplacer-" label=Msg::FieldDueDay kind="date" value=day error=e_day required=true/>
                <Field name="heure" prefix="deplacer-" label=Msg::FieldDueTime kind="time" hint=Msg::ParisTimeHint value=time error=e_time required=true/>
                <TextArea name="raison" prefix="deplacer-" label=Msg::FieldMoveReason maxlength=1000 value=why error=e_why/>
                <button type="submit" class="secondary">{tr(Msg::MoveDueButton)}</button>
            </ActionForm>
            {waive_form}
        </section>
    }
}
