//! `/jury/entretiens/{id}`: a juror's interview sheet — five criteria
//! marked 0 to 4 (out of 20), a comment, and whether the person is
//! acceptable for this seat; a draft is kept as typed.

use crate::api::interviews::{SaveInterviewSheet, get_score_page};
use crate::domain::interviews::grid::InterviewSheet;
use crate::domain::interviews::grid::{ACCEPTABLE_FIELD, COMMENT_FIELD};
use crate::domain::review::Criterion;
use crate::domain::review::rubric::{COMMENT_MAX, score_field};
use crate::i18n::Msg;
use crate::model::AppError;
use crate::model::interviews::ScorePage;
use crate::ui::coordinator::profile_name;
use crate::ui::form::{ErrorSummary, TextArea, action_error};
use crate::ui::{Heading, kept, loaded_row, page, say, tr};
use leptos::prelude::*;

#[component]
pub fn InterviewSheetPage() -> impl IntoView {
    loaded_row(page().viewer.is_some(), get_score_page, |s| {
        view! { <Sheet s/> }
    })
}

#[component]
fn Sheet(s: ScorePage) -> impl IntoView {
    let save = ServerAction::<SaveInterviewSheet>::new();
    let error = action_error(save);
    let err = |f: &str| error.as_ref().and_then(|e| e.for_field(f));
    let comment_error = err(COMMENT_FIELD);
    let criteria = criteria_fields(&s.grid, &s.sheet, &error);
    let acceptable = kept(ACCEPTABLE_FIELD).unwrap_or_else(|| match s.sheet.acceptable {
        Some(true) => "oui".into(),
        Some(false) => "non".into(),
        None => String::new(),
    });
    let acceptable_error = err(ACCEPTABLE_FIELD);
    let comment = kept(COMMENT_FIELD).unwrap_or_else(|| s.sheet.comment.clone());
    let total = s.sheet.marks.values().filter_map(|m| m.score).sum::<i32>();
    view! {
        <Heading msg=Msg::InterviewSheetTitle/>
        <p class="lead">{s.candidate.clone()} " — " {profile_name(&s.profile)}</p>
        <p>{say(Msg::InterviewSheetFor, &[("defi", &s.title), ("when", &s.when)])}</p>
        {s.submitted.then(|| view! { <p class="notice">{say(Msg::SheetSentTotal, &[("total", &total.to_string())])}</p> })}
        <ErrorSummary error=error.clone()/>
        <ActionForm action=save>
            <input type="hidden" name="entretien" value=s.interview_id.to_string()/>
            {criteria}
            <fieldset class:field-invalid=acceptable_error.is_some() aria-describedby=acceptable_error.map(|_| "acceptable-erreur")>
                <legend>{tr(Msg::AcceptableQuestion)}</legend>
                {acceptable_error.map(|e| view! { <p class="field-error" id="acceptable-erreur">{tr(e)}</p> })}
                <div class="radio">
                    <input type="radio" id="champ-acceptable" name=ACCEPTABLE_FIELD value="oui" checked=acceptable == "oui"/>
                    <label for="champ-acceptable">{tr(Msg::AcceptableYes)}</label>
                </div>
                <div class="radio">
                    <input type="radio" id="champ-acceptable-non" name=ACCEPTABLE_FIELD value="non" checked=acceptable == "non"/>
                    <label for="champ-acceptable-non">{tr(Msg::AcceptableNo)}</label>
                </div>
            </fieldset>
            <TextArea name=COMMENT_FIELD label=Msg::FieldInterviewComment value=comment maxlength=COMMENT_MAX error=comment_error/>
            {(!s.submitted).then(|| view! {
                <button type="submit" class="secondary">{tr(Msg::SaveSheetDraft)}</button>
                " "
            })}
            <button type="submit" name="intent" value="submit">{tr(Msg::SubmitSheet)}</button>
        </ActionForm>
        <p><a href=format!("/jury/defis/{}", s.defi_id)>{tr(Msg::BackToJury)}</a></p>
    }
}

/// One select per criterion of `grid` (its mark, or none yet), kept as
/// posted after a refusal, each error tied to its field: the interview
/// sheet's and the défi sheet's.
pub(super) fn criteria_fields(
    grid: &[Criterion],
    sheet: &InterviewSheet,
    error: &Option<AppError>,
) -> impl IntoView + use<> {
    let err = |f: &str| error.as_ref().and_then(|e| e.for_field(f));
    grid.iter()
        .map(|c| {
            let field = score_field(c.id);
            let id = format!("champ-{field}");
            let current = kept(&field).unwrap_or_else(|| {
                sheet
                    .marks
                    .get(&c.id)
                    .and_then(|m| m.score)
                    .map(|x| x.to_string())
                    .unwrap_or_default()
            });
            let field_error = err(&field);
            let hint_id = format!("{id}-aide");
            let error_id = format!("{id}-erreur");
            let described = match field_error {
                Some(_) => format!("{hint_id} {error_id}"),
                None => hint_id.clone(),
            };
            let options = std::iter::once((String::new(), tr(Msg::NoMarkYet).to_owned()))
                .chain((c.min..=c.max).map(|v| (v.to_string(), v.to_string())))
                .map(|(v, t)| {
                    let selected = v == current;
                    view! { <option value=v selected=selected>{t}</option> }
                })
                .collect_view();
            view! {
                <div class="field" class:field-invalid=field_error.is_some()>
                    <label for=id.clone()>{say(Msg::CriterionOutOf, &[("name", &c.name), ("max", &c.max.to_string())])}</label>
                    <p class="hint" id=hint_id>{c.help.clone()}</p>
                    {field_error.map(|e| view! { <p class="field-error" id=error_id.clone()>{tr(e)}</p> })}
                    <select id=id name=field aria-invalid=field_error.map(|_| "true") aria-describedby=described>{options}</select>
                </div>
            }
        })
        .collect_view()
}
