use crate::api::review::{SaveReview, get_jury_dossier};
use crate::domain::review::rubric::{COMMENT_MAX, VERDICT_FIELD, comment_field, score_field};
use crate::domain::review::{Criterion, ScoreSheet, Verdict};
use crate::i18n::Msg;
use crate::model::AppError;
use crate::model::review::{JuryDossier, OtherReview};
use crate::ui::form::{ErrorSummary, action_error};
use crate::ui::{Heading, kept, loaded_row, page, say, tr};
use leptos::prelude::*;

#[component]
pub fn JuryDossierPage() -> impl IntoView {
    loaded_row(
        page().can.jury,
        get_jury_dossier,
        |d| view! { <Dossier d/> },
    )
}

#[component]
fn Dossier(d: JuryDossier) -> impl IntoView {
    let action = ServerAction::<SaveReview>::new();
    let error = action_error(action);
    let lines = d
        .lines
        .iter()
        .map(|(label, v)| {
            let value = if v.trim().is_empty() {
                tr(Msg::NotGiven).to_owned()
            } else {
                v.clone()
            };
            view! { <dt>{label.clone()}</dt><dd class="prewrap">{value}</dd> }
        })
        .collect_view();
    let state = if d.submitted {
        Msg::ReviewDone
    } else {
        Msg::ReviewToDo
    };
    view! {
        <Heading msg=Msg::JuryDossierTitle/>
        <p class="lead">{d.label.clone()} " — " {tr(state)}</p>
        <p><a href="/jury">{tr(Msg::BackToJury)}</a></p>
        {d.blind.then(|| view! { <p class="notice">{tr(Msg::BlindNotice)}</p> })}
        <section aria-labelledby="contenu-dossier">
            <h2 id="contenu-dossier">{tr(Msg::DossierContent)}</h2>
            <dl class="readonly">{lines}</dl>
            {d.cv.clone().map(|(_, name)| view! {
                <p><a href=format!("/candidature/{}/cv", d.application_id)>{say(Msg::DownloadCvNamed, &[("name", &name)])}</a></p>
            })}
        </section>
        <ScoreForm d=d.clone() error=error/>
        <Others d/>
    }
}

fn err(error: &Option<AppError>, field: &str) -> Option<Msg> {
    error.as_ref().and_then(|e| e.for_field(field))
}

#[component]
fn ScoreForm(d: JuryDossier, error: Option<AppError>) -> impl IntoView {
    let action = ServerAction::<SaveReview>::new();
    let sheet: &ScoreSheet = &d.sheet;
    // What was typed comes back after a refused post; else the saved sheet.
    let typed = |field: &str, saved: String| kept(field).unwrap_or(saved);
    let disabled = !d.open;
    let criteria = d
        .criteria
        .iter()
        .map(|c| {
            let mark = sheet.marks.get(&c.id).cloned().unwrap_or_default();
            let sf = score_field(c.id);
            let cf = comment_field(c.id);
            let current = typed(&sf, mark.score.map(|s| s.to_string()).unwrap_or_default());
            let comment = typed(&cf, mark.comment.clone());
            let score_error = err(&error, &sf);
            let comment_error = err(&error, &cf);
            let legend = if c.independent {
                say(Msg::CriterionLegendIndependent, &[("name", &c.name), ("min", &c.min.to_string()), ("max", &c.max.to_string())])
            } else {
                say(Msg::CriterionLegend, &[("name", &c.name), ("min", &c.min.to_string()), ("max", &c.max.to_string())])
            };
            let radios = (c.min..=c.max)
                .map(|v| {
                    let rid = format!("champ-{sf}-{v}");
                    let checked = current == v.to_string();
                    view! {
                        <span class="radio-inline">
                            <input type="radio" id=rid.clone() name=sf.clone() value=v.to_string() checked=checked disabled=disabled/>
                            <label for=rid>{v}</label>
                        </span>
                    }
                })
                .collect_view();
            let comment_id = format!("champ-{cf}");
            let help_id = format!("aide-{sf}");
            view! {
                <fieldset id=format!("champ-{sf}") class="criterion" class:field-invalid=score_error.is_some()
                    aria-describedby=if score_error.is_some() { format!("{help_id} {sf}-erreur") } else { help_id.clone() }>
                    <legend>{legend} {(c.required && !c.independent).then(|| view! { " " <span class="hint">{tr(Msg::RequiredMark)}</span> })}</legend>
                    <p class="hint" id=help_id.clone()>{c.help.clone()}</p>
                    {score_error.map(|e| view! { <p class="field-error" id=format!("{sf}-erreur")>{tr(e)}</p> })}
                    <div class="radio-row">{radios}</div>
                    <div class="field" class:field-invalid=comment_error.is_some()>
                        <label for=comment_id.clone()>{say(Msg::CommentOn, &[("name", &c.name)])}</label>
                        {comment_error.map(|e| view! { <p class="field-error" id=format!("{cf}-erreur")>{tr(e)}</p> })}
                        <textarea id=comment_id name=cf.clone() rows="3" maxlength=COMMENT_MAX disabled=disabled
                            aria-invalid=comment_error.map(|_| "true")
                            aria-describedby=comment_error.map(|_| format!("{cf}-erreur"))>{comment}</textarea>
                    </div>
                </fieldset>
            }
        })
        .collect_view();
    let verdict = typed(
        VERDICT_FIELD,
        sheet
            .verdict
            .map(|v| v.code().to_owned())
            .unwrap_or_default(),
    );
    let verdict_error = err(&error, VERDICT_FIELD);
    let verdicts = Verdict::ALL
        .iter()
        .map(|v| {
            let rid = format!("champ-avis-{}", v.code());
            view! {
                <span class="radio-inline">
                    <input type="radio" id=rid.clone() name=VERDICT_FIELD value=v.code() checked=verdict == v.code() disabled=disabled/>
                    <label for=rid>{tr(v.label())}</label>
                </span>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="mon-avis">
            <h2 id="mon-avis">{tr(Msg::MyReview)}</h2>
            {(!d.open).then(|| view! { <p class="notice">{tr(Msg::ReviewClosed)}</p> })}
            {d.submitted.then(|| view! { <p>{tr(Msg::ReviewEditableUntilClose)}</p> })}
            <ErrorSummary error=error.clone()/>
            <ActionForm action=action>
                <input type="hidden" name="application" value=d.application_id.to_string()/>
                {criteria}
                <fieldset id="champ-avis" class:field-invalid=verdict_error.is_some()
                    aria-describedby=verdict_error.map(|_| "avis-erreur")>
                    <legend>{tr(Msg::OverallVerdict)}</legend>
                    {verdict_error.map(|e| view! { <p class="field-error" id="avis-erreur">{tr(e)}</p> })}
                    <div class="radio-row">{verdicts}</div>
                </fieldset>
                {(!d.submitted).then(|| view! {
                    <button type="submit" name="intent" value="draft" class="secondary" disabled=disabled>{tr(Msg::SaveReviewDraft)}</button>
                    " "
                })}
                <button type="submit" name="intent" value="submit" disabled=disabled>
                    {tr(if d.submitted { Msg::UpdateReview } else { Msg::SubmitReview })}
                </button>
            </ActionForm>
            {d.next.map(|n| view! { <p><a href=format!("/jury/dossiers/{n}")>{tr(Msg::NextDossier)}</a></p> })}
        </section>
    }
}

#[component]
fn Others(d: JuryDossier) -> impl IntoView {
    if d.others_hidden {
        return view! { <p>{tr(Msg::OthersHidden)}</p> }.into_any();
    }
    if d.others.is_empty() {
        return view! { <p>{tr(Msg::NoOtherReview)}</p> }.into_any();
    }
    view! {
        <section aria-labelledby="autres-avis">
            <h2 id="autres-avis">{tr(Msg::OtherReviews)}</h2>
            <ReviewList criteria=d.criteria.clone() reviews=d.others.clone()/>
        </section>
    }
    .into_any()
}

/// Reviews as cards: who (a name, or "Juré·e 2"), the total, the verdict,
/// each criterion's mark and comment, and the review's standing.
#[component]
pub fn ReviewList(criteria: Vec<Criterion>, reviews: Vec<OtherReview>) -> impl IntoView {
    let items = reviews
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let who = o
                .juror
                .clone()
                .unwrap_or_else(|| say(Msg::JurorN, &[("n", &(i + 1).to_string())]));
            let verdict = o
                .verdict
                .as_deref()
                .and_then(Verdict::from_code)
                .map(|v| tr(v.label()))
                .unwrap_or_default();
            let standing = if o.conflicted {
                Some(Msg::ReviewConflicted)
            } else if o.removed {
                Some(Msg::ReviewByRemovedJuror)
            } else {
                None
            };
            let marks = criteria
                .iter()
                .map(|c| {
                    let m = o.sheet.marks.get(&c.id).cloned().unwrap_or_default();
                    view! {
                        <li>{say(Msg::LabelColon, &[("label", &c.name)])} " " {m.score.map(|s| s.to_string()).unwrap_or_else(|| "—".into())}
                            {(!m.comment.is_empty()).then(|| view! { <br/><span class="prewrap">{m.comment.clone()}</span> })}</li>
                    }
                })
                .collect_view();
            view! {
                <li>
                    <p><strong>{who}</strong> " — " {say(Msg::TotalIs, &[("total", &crate::ui::decimal(o.total, 1))])} " — " {verdict}</p>
                    {standing.map(|m| view! { <p class="hint"><strong>{tr(m)}</strong></p> })}
                    <ul>{marks}</ul>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="card-list">{items}</ul> }
}
