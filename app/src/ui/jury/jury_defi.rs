//! `/jury/defis/{id}`: a défi's jury — its members, its interview slots
//! (declared by coordinators and the défi's leads), the candidates it
//! meets with their scores, and its ranked lists (`ranked`). A member in
//! conflict with a candidate does not see them here.

use super::ranked::RankedLists;
use crate::api::interviews::{AddSlot, ComposeJury, DeleteSlot, get_jury_page};
use crate::i18n::Msg;
use crate::model::AppError;
use crate::model::interviews::{CandidateRow, JuryPage, SlotRow};
use crate::ui::coordinator::profile_name;
use crate::ui::form::{ErrorSummary, Field, action_error};
use crate::ui::table::DataTable;
use crate::ui::{Heading, colon, decimal, kept, loaded_row, page, say, tr};
use leptos::prelude::*;

fn labels(field: &str) -> Option<Msg> {
    Some(match field {
        "debut" => Msg::FieldSlotStart,
        "duree" => Msg::FieldSlotMinutes,
        "lieu" => Msg::FieldSlotPlace,
        "quorum" => Msg::FieldQuorum,
        "candidat" => Msg::FieldCandidate,
        "jure" => Msg::FieldJuror,
        _ => return None,
    })
}

fn err(e: &Option<AppError>, field: &str) -> Option<Msg> {
    e.as_ref().and_then(|e| e.for_field(field))
}

#[component]
pub fn JuryDefiPage() -> impl IntoView {
    loaded_row(page().viewer.is_some(), get_jury_page, |j| {
        view! { <Jury j/> }
    })
}

#[component]
fn Jury(j: JuryPage) -> impl IntoView {
    let compose = ServerAction::<ComposeJury>::new();
    let error = action_error(compose);
    let id = j.defi_id;
    let members = if j.members.is_empty() {
        tr(Msg::NoNamedMember).to_owned()
    } else {
        j.members.join(", ")
    };
    view! {
        <Heading msg=Msg::JuryDefiTitle/>
        <p class="lead">{j.title.clone()} " — " {j.promotion.clone()}</p>
        <p>{colon(Msg::JuryMembers)} " " {members} "."</p>
        <p>{tr(Msg::CoordinatorsSit)}</p>
        {j.coordinator.then(|| view! {
            <p><a href=format!("/coordination/promotions/{}/entretiens", j.promotion_id)>{tr(Msg::BackToInterviews)}</a></p>
        })}
        <ErrorSummary error=error.clone() labels=labels/>
        {(j.coordinator && !j.invited.is_empty()).then(|| {
            let rows = j.invited.clone().into_iter().map(|(uid, name)| {
                let label = say(Msg::RemoveFromInterviewJury, &[("name", &name)]);
                view! {
                    <li>
                        <ActionForm action=compose attr:class="inline-form">
                            <input type="hidden" name="defi" value=id.to_string()/>
                            <input type="hidden" name="jure" value=uid.to_string()/>
                            {name.clone()} " "
                            <button type="submit" name="intent" value="retirer" class="secondary small" aria-label=label>{tr(Msg::TakeOff)}</button>
                        </ActionForm>
                    </li>
                }
            }).collect_view();
            view! {
                <h2>{tr(Msg::InvitedJurorsTitle)}</h2>
                <ul class="plain">{rows}</ul>
            }
        })}
        {(j.coordinator && !j.pool.is_empty()).then(|| {
            let options = j.pool.iter().map(|(uid, name)| view! { <option value=uid.to_string()>{name.clone()}</option> }).collect_view();
            view! {
                <ActionForm action=compose>
                    <input type="hidden" name="defi" value=id.to_string()/>
                    <div class="field">
                        <label for="champ-jure">{tr(Msg::FieldJuror)}</label>
                        <select id="champ-jure" name="jure">{options}</select>
                    </div>
                    <button type="submit" class="secondary">{tr(Msg::InviteToJury)}</button>
                </ActionForm>
            }
        })}
        <Slots id slots=j.slots.clone() manage=j.can_manage unscheduled=j.unscheduled/>
        <Candidates id rows=j.candidates.clone() coordinator=j.coordinator addable=j.addable.clone() compose error=error.clone()/>
        <RankedLists id lists=j.lists.clone() coordinator=j.coordinator/>
    }
}

#[component]
fn Slots(id: i64, slots: Vec<SlotRow>, manage: bool, unscheduled: u32) -> impl IntoView {
    let add = ServerAction::<AddSlot>::new();
    let delete = ServerAction::<DeleteSlot>::new();
    let error = action_error(add).or_else(|| action_error(delete));
    let rows = slots
        .into_iter()
        .map(|s| {
            let sid = s.id;
            let holder = s
                .holder
                .clone()
                .unwrap_or_else(|| tr(Msg::SlotFree).to_owned());
            let free = s.holder.is_none();
            let label = say(Msg::DeleteSlotAt, &[("when", &s.starts)]);
            view! {
                <tr>
                    <td>{s.starts.clone()}</td>
                    <td>{s.minutes}</td>
                    <td class="break-anywhere">{s.place.clone()}</td>
                    <td>{s.quorum}</td>
                    <td>{holder}</td>
                    <td>{s.scored_by.join(", ")}</td>
                    <td>{(manage && free).then(|| view! {
                        <ActionForm action=delete>
                            <input type="hidden" name="defi" value=id.to_string()/>
                            <input type="hidden" name="creneau" value=sid.to_string()/>
                            <button type="submit" class="secondary">{label}</button>
                        </ActionForm>
                    })}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section>
            <h2 id="creneaux">{tr(Msg::SlotsTitle)}</h2>
            <DataTable caption=tr(Msg::SlotsTitle).to_owned() focusable=true columns=vec![Msg::ColSlotStart, Msg::ColMinutes, Msg::ColPlace, Msg::ColQuorum, Msg::ColCandidate, Msg::ColScoredBy, Msg::ColActions]>
                {rows}
            </DataTable>
            {manage.then(|| view! {
                {(unscheduled > 0).then(|| view! {
                    <p>{say(Msg::UnscheduledCount, &[("count", &unscheduled.to_string())])} " "
                        <a href=format!("/jury/defis/{id}/planning")>{tr(Msg::PlanLink)}</a></p>
                })}
                <h3>{tr(Msg::AddSlotTitle)}</h3>
                <p>{tr(Msg::SlotsBookingHint)}</p>
                <ErrorSummary error=error.clone() labels=labels/>
                <ActionForm action=add>
                    <input type="hidden" name="defi" value=id.to_string()/>
                    <Field name="debut" label=Msg::FieldSlotStart kind="datetime-local" hint=Msg::DateTimeHint
                        value=kept("debut").unwrap_or_default() error=err(&error, "debut")/>
                    <Field name="duree" label=Msg::FieldSlotMinutes kind="number"
                        value=kept("duree").unwrap_or_else(|| "45".into()) error=err(&error, "duree")/>
                    <Field name="lieu" label=Msg::FieldSlotPlace hint=Msg::SlotPlaceHint maxlength=300
                        value=kept("lieu").unwrap_or_default() error=err(&error, "lieu")/>
                    <Field name="quorum" label=Msg::FieldQuorum kind="number" hint=Msg::QuorumHint
                        value=kept("quorum").unwrap_or_else(|| "2".into()) error=err(&error, "quorum")/>
                    <button type="submit">{tr(Msg::AddSlotButton)}</button>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
fn Candidates(
    id: i64,
    rows: Vec<CandidateRow>,
    coordinator: bool,
    addable: Vec<(i64, String, String)>,
    compose: ServerAction<ComposeJury>,
    error: Option<AppError>,
) -> impl IntoView {
    let body = rows
        .into_iter()
        .map(|c| {
            let name = if c.dossier_link {
                view! { <a href=format!("/coordination/candidatures/{}", c.application_id)>{c.name.clone()}</a> }.into_any()
            } else {
                view! { <span>{c.name.clone()}</span> }.into_any()
            };
            let score = match c.mean {
                Some(m) => say(
                    Msg::JuryScoreCell,
                    &[
                        ("mean", &decimal(m, 1)),
                        ("spread", &c.spread.unwrap_or(0).to_string()),
                        ("count", &c.sheets.to_string()),
                    ],
                ),
                None => tr(Msg::NotScoredYet).to_owned(),
            };
            let verdict = if c.sheets == 0 {
                String::new()
            } else {
                tr(if c.acceptable { Msg::Acceptable } else { Msg::NotAcceptable }).to_owned()
            };
            let mine = match c.my_sheet {
                Some(true) => tr(Msg::MySheetSent),
                Some(false) => tr(Msg::MySheetDraft),
                None => "",
            };
            let iid = c.interview_id;
            let remove_label = say(Msg::RemoveFromJury, &[("name", &c.name)]);
            let score_label = say(Msg::ScoreNamed, &[("name", &c.name)]);
            let active = c.state.is_some_and(|s| s.active()) || c.state == Some(crate::domain::interviews::status::InterviewState::Asked);
            view! {
                <tr>
                    <td>{name}</td>
                    <td>{profile_name(&c.profile)}</td>
                    <td>{c.state.map(|s| tr(s.label())).unwrap_or_default()}</td>
                    <td>{c.slot.clone().unwrap_or_default()}</td>
                    <td>{score} " " {verdict}</td>
                    <td>
                        {c.can_score.then(|| view! { <a href=format!("/jury/entretiens/{iid}")>{score_label}</a> " " {mine} })}
                        {(coordinator && active).then(|| view! {
                            <ActionForm action=compose>
                                <input type="hidden" name="defi" value=id.to_string()/>
                                <input type="hidden" name="entretien" value=iid.to_string()/>
                                <button type="submit" class="secondary">{remove_label}</button>
                            </ActionForm>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section>
            <h2 id="candidats">{tr(Msg::JuryCandidatesTitle)}</h2>
            <DataTable caption=tr(Msg::JuryCandidatesTitle).to_owned() focusable=true columns=vec![Msg::ColName, Msg::ColProfile, Msg::ColState, Msg::ColSlotStart, Msg::ColJuryScore, Msg::ColActions]>
                {body}
            </DataTable>
            {(coordinator && !addable.is_empty()).then(|| {
                let options = addable.iter().map(|(aid, name, profile)| view! {
                    <option value=aid.to_string()>{format!("{name} ({})", profile_name(profile))}</option>
                }).collect_view();
                let field_error = err(&error, "candidat");
                view! {
                    <h3>{tr(Msg::AddCandidateTitle)}</h3>
                    <p>{tr(Msg::AddCandidateHint)}</p>
                    <ActionForm action=compose>
                        <input type="hidden" name="defi" value=id.to_string()/>
                        <div class="field" class:field-invalid=field_error.is_some()>
                            <label for="champ-candidat">{tr(Msg::FieldCandidate)}</label>
                            {field_error.map(|e| view! { <p class="field-error" id="champ-candidat-erreur">{tr(e)}</p> })}
                            <select id="champ-candidat" name="candidat" aria-describedby=field_error.map(|_| "champ-candidat-erreur")>{options}</select>
                        </div>
                        <button type="submit" class="secondary">{tr(Msg::AddCandidateButton)}</button>
                    </ActionForm>
                }
            })}
        </section>
    }
}
