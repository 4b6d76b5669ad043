//! The défi jury of the call for défis, as a juror lives it:
//! `/jury/auditions/{promotion}` lists the défis they hear (hearing, sheet
//! state) and, once every sheet is submitted, ranks them with an optional
//! coup de cœur; `/jury/auditions/defis/{id}` shows a défi's dossier and
//! the juror's sheet on the promotion's défi grid.

use super::sheet::criteria_fields;
use crate::api::hearings::{RankHeardDefis, SaveDefiSheet, get_defi_sheet_page, get_my_hearings};
use crate::domain::hearings::{COUP_FIELD, NO_COUP, OPINION, OPINION_FIELD};
use crate::domain::interviews::grid::COMMENT_FIELD;
use crate::domain::interviews::ranking::rank_field;
use crate::domain::review::rubric::COMMENT_MAX;
use crate::i18n::Msg;
use crate::model::hearings::{DefiSheetPage, HeardDefi, MyHearings, SheetState};
use crate::ui::defi_view::DossierView;
use crate::ui::form::{ErrorSummary, TextArea, action_error};
use crate::ui::table::DataTable;
use crate::ui::{Heading, colon, kept, loaded_row, page, say, tr};
use leptos::prelude::*;

#[component]
pub fn MyHearingsPage() -> impl IntoView {
    loaded_row(page().can.jury, get_my_hearings, |h| {
        view! { <Mine h/> }
    })
}

fn defi_row(d: &HeardDefi) -> impl IntoView + use<> {
    let state = match d.sheet {
        SheetState::None => tr(Msg::SheetToDo).to_owned(),
        SheetState::Draft => tr(Msg::ReviewStarted).to_owned(),
        SheetState::Submitted => say(
            Msg::SheetTotalOutOf,
            &[("total", &d.total.unwrap_or_default().to_string())],
        ),
    };
    let hearing = d.hearing.clone().map_or_else(
        || tr(Msg::NotScheduled).to_owned(),
        |(when, place)| format!("{when} — {place}"),
    );
    let rank = match (d.rank, d.coup) {
        (Some(r), true) => say(Msg::RankWithCoup, &[("rank", &r.to_string())]),
        (Some(r), false) => r.to_string(),
        (None, _) => "—".to_owned(),
    };
    view! {
        <tr>
            <td><a href=format!("/jury/auditions/defis/{}", d.defi_id)>{d.title.clone()}</a></td>
            <td>{d.organisation.clone()}</td>
            <td>{hearing}</td>
            <td>{state}</td>
            <td>{rank}</td>
        </tr>
    }
}

#[component]
fn Mine(h: MyHearings) -> impl IntoView {
    let rows = h.defis.iter().map(defi_row).collect_view();
    view! {
        <Heading msg=Msg::MyHearingsTitle/>
        <p class="lead">{h.promotion.clone()}</p>
        <p>{tr(Msg::MyHearingsIntro)}</p>
        {if h.defis.is_empty() {
            view! { <p>{tr(Msg::NoHearingForYou)}</p> }.into_any()
        } else {
            view! {
                <DataTable caption=tr(Msg::MyHearingsTitle).to_owned() columns=vec![Msg::ColDefi, Msg::ColOrganisation, Msg::ColHearing, Msg::ColState, Msg::ColYourRank]>
                    {rows}
                </DataTable>
            }.into_any()
        }}
        <Ranking h/>
        <p><a href="/jury">{tr(Msg::BackToJuryHome)}</a></p>
    }
}

#[component]
fn Ranking(h: MyHearings) -> impl IntoView {
    let rank = ServerAction::<RankHeardDefis>::new();
    let error = action_error(rank);
    let intro = if !h.open {
        Msg::RankingClosed
    } else if h.may_rank {
        Msg::RankingIntro
    } else {
        Msg::RankingAfterSheets
    };
    let ranked = h.defis.iter().any(|d| d.rank.is_some());
    let coup = kept(COUP_FIELD).unwrap_or_else(|| {
        h.defis
            .iter()
            .find(|d| d.coup)
            .map_or_else(|| NO_COUP.to_owned(), |d| d.defi_id.to_string())
    });
    let coup_error = error.as_ref().and_then(|e| e.for_field(COUP_FIELD));
    // A coup de cœur given to a défi decided since stays where it is.
    let given = h
        .defis
        .iter()
        .find(|d| !d.open && d.coup)
        .map(|d| d.title.clone());
    let ranks = h
        .defis
        .iter()
        .filter(|d| d.open)
        .map(|d| {
            let field = rank_field(d.defi_id);
            let id = format!("champ-{field}");
            let e = error.as_ref().and_then(|x| x.for_field(&field));
            let error_id = format!("{id}-erreur");
            let value = kept(&field)
                .unwrap_or_else(|| d.rank.map(|r| r.to_string()).unwrap_or_default());
            view! {
                <div class="field" class:field-invalid=e.is_some()>
                    <label for=id.clone()>{say(Msg::RankOfDefi, &[("defi", &d.title)])}</label>
                    {e.map(|m| view! { <p class="field-error" id=error_id.clone()>{tr(m)}</p> })}
                    <input id=id name=field type="number" min="1" class="narrow" value=value
                        aria-invalid=e.map(|_| "true") aria-describedby=e.map(|_| error_id.clone())/>
                </div>
            }
        })
        .collect_view();
    let choices = std::iter::once((NO_COUP.to_owned(), tr(Msg::NoCoupDeCoeur).to_owned()))
        .chain(
            h.defis
                .iter()
                .filter(|d| d.open)
                .map(|d| (d.defi_id.to_string(), d.title.clone())),
        )
        .map(|(value, label)| {
            // The first choice ("none") carries the field's id.
            let id = if value == NO_COUP {
                format!("champ-{COUP_FIELD}")
            } else {
                format!("champ-coup-{value}")
            };
            let checked = value == coup;
            view! {
                <div class="radio">
                    <input type="radio" id=id.clone() name=COUP_FIELD value=value checked=checked/>
                    <label for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <section>
            <h2 id="classement">{tr(Msg::RankingTitle)}</h2>
            <p>{tr(intro)}</p>
            {(ranked && h.open).then(|| view! { <p>{tr(Msg::RankingSaved)}</p> })}
            {(h.open && h.may_rank).then(|| view! {
                <ErrorSummary error=error.clone()/>
                <ActionForm action=rank>
                    <input type="hidden" name="promotion" value=h.promotion_id.to_string()/>
                    {ranks}
                    {match given.clone() {
                        Some(title) => view! { <p>{say(Msg::CoupGivenTo, &[("defi", &title)])}</p> }.into_any(),
                        None => view! {
                            <fieldset class:field-invalid=coup_error.is_some() aria-describedby=coup_error.map(|_| "coup-erreur")>
                                <legend>{tr(Msg::CoupDeCoeurQuestion)}</legend>
                                {coup_error.map(|e| view! { <p class="field-error" id="coup-erreur">{tr(e)}</p> })}
                                {choices}
                            </fieldset>
                        }.into_any(),
                    }}
                    <button type="submit">{tr(Msg::SaveRanking)}</button>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
pub fn DefiSheetPage() -> impl IntoView {
    loaded_row(page().can.jury, get_defi_sheet_page, |s| {
        view! { <Sheet s/> }
    })
}

#[component]
fn Sheet(s: DefiSheetPage) -> impl IntoView {
    let save = ServerAction::<SaveDefiSheet>::new();
    let error = action_error(save);
    let err = |f: &str| error.as_ref().and_then(|e| e.for_field(f));
    let criteria = criteria_fields(&s.grid, &s.sheet, &error);
    let opinion = kept(OPINION_FIELD).unwrap_or_else(|| match s.sheet.acceptable {
        Some(true) => OPINION.yes.into(),
        Some(false) => OPINION.no.into(),
        None => String::new(),
    });
    let opinion_error = err(OPINION_FIELD);
    let comment_error = err(COMMENT_FIELD);
    let comment = kept(COMMENT_FIELD).unwrap_or_else(|| s.sheet.comment.clone());
    let total = s.sheet.marks.values().filter_map(|m| m.score).sum::<i32>();
    let max: i32 = s.grid.iter().map(|c| c.max).sum();
    let id = s.dossier.id;
    let promotion = s.dossier.promotion_id;
    // The first choice carries the field's id: the error summary leads
    // there.
    let radio = move |value: &'static str, label: Msg| {
        let rid = if value == OPINION.yes {
            format!("champ-{OPINION_FIELD}")
        } else {
            format!("champ-{OPINION_FIELD}-{value}")
        };
        view! {
            <div class="radio">
                <input type="radio" id=rid.clone() name=OPINION_FIELD value=value checked=opinion.as_str() == value/>
                <label for=rid>{tr(label)}</label>
            </div>
        }
    };
    view! {
        <Heading msg=Msg::DefiSheetTitle/>
        <p class="lead">{s.dossier.form.title.clone()} " — " {s.dossier.organisation.clone()}</p>
        {s.hearing.clone().map(|(when, place)| view! {
            <p>{colon(Msg::ColHearing)} " " {when} " — " {place}</p>
        })}
        {s.submitted.then(|| view! { <p class="notice">{say(Msg::DefiSheetSent, &[("total", &total.to_string()), ("max", &max.to_string())])}</p> })}
        {(!s.open).then(|| view! { <p class="notice">{tr(Msg::HearingClosed)}</p> })}
        <section>
            <h2>{tr(Msg::YourSheet)}</h2>
            <ErrorSummary error=error.clone()/>
            <ActionForm action=save>
                <input type="hidden" name="defi" value=id.to_string()/>
                {criteria}
                <fieldset class:field-invalid=opinion_error.is_some() aria-describedby=opinion_error.map(|_| "avis-erreur")>
                    <legend>{tr(Msg::OpinionQuestion)}</legend>
                    {opinion_error.map(|e| view! { <p class="field-error" id="avis-erreur">{tr(e)}</p> })}
                    {radio(OPINION.yes, Msg::OpinionFavourable)}
                    {radio(OPINION.no, Msg::OpinionUnfavourable)}
                </fieldset>
                <TextArea name=COMMENT_FIELD label=Msg::FieldInterviewComment value=comment maxlength=COMMENT_MAX error=comment_error/>
                {s.open.then(|| view! {
                    {(!s.submitted).then(|| view! {
                        <button type="submit" class="secondary">{tr(Msg::SaveSheetDraft)}</button>
                        " "
                    })}
                    <button type="submit" name="intent" value="submit">{tr(Msg::SubmitSheet)}</button>
                })}
            </ActionForm>
        </section>
        <DossierView d=s.dossier.clone()/>
        <p><a href=format!("/jury/auditions/{promotion}")>{tr(Msg::BackToMyHearings)}</a></p>
    }
}
