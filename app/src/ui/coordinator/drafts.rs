//! `/coordination/promotions/{id}/brouillons`: who has a draft in the
//! promotion — identity, last save, completeness, never the content — with
//! a personal deadline or a reminder for each.

use crate::api::applications::{ExtendApplication, RemindDraft, promotion_drafts};
use crate::i18n::{Msg, fill};
use crate::model::application::DraftsList;
use crate::ui::form::{ErrorSummary, action_error};
use crate::ui::loaded_row;
use crate::ui::table::DataTable;
use crate::ui::{page, tr};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn DraftsPage() -> impl IntoView {
    loaded_row(
        page().can.review_applications,
        promotion_drafts,
        |l| view! { <Drafts l/> },
    )
}

#[component]
fn Drafts(l: DraftsList) -> impl IntoView {
    let extend = ServerAction::<ExtendApplication>::new();
    let remind = ServerAction::<RemindDraft>::new();
    let extend_error = action_error(extend);
    let remind_error = action_error(remind);
    let title = fill(tr(Msg::DraftsOf), &[("promotion", &l.promotion_name)]);
    view! {
        <Title text=title.clone()/>
        <p><a href=format!("/coordination/promotions/{}/candidatures", l.promotion_id)>{fill(tr(Msg::ApplicationsOf), &[("promotion", &l.promotion_name)])}</a></p>
        <h1>{title}</h1>
        <p>{fill(tr(Msg::DraftsIntro), &[("deadline", &l.closes)])}</p>
        <ErrorSummary error=extend_error prefix="delai-"/>
        <ErrorSummary error=remind_error prefix="rappel-"/>
        {if l.rows.is_empty() {
            view! { <p>{tr(Msg::NoDraft)}</p> }.into_any()
        } else {
            view! {
                <DataTable caption=crate::ui::say(Msg::DraftsCount, &[("count", &l.rows.len().to_string())]) shown=true
                    columns=vec![Msg::ColName, Msg::ColEmail, Msg::ColLastSaved, Msg::ColCompleteness, Msg::ColActions]>
                    {l.rows.into_iter().map(|r| {
                        let id = r.id.to_string();
                        let id2 = id.clone();
                        let field = format!("delai-{}", r.id);
                        let until_label = fill(tr(Msg::ExtendFor), &[("name", &r.name)]);
                        let remind_label = fill(tr(Msg::RemindFor), &[("name", &r.name)]);
                        view! {
                            <tr>
                                <th scope="row">{r.name.clone()}</th>
                                <td>{r.email}</td>
                                <td>{r.saved_at}</td>
                                <td>{fill(tr(Msg::CompletenessValue), &[("done", &r.done.to_string()), ("total", &r.of.to_string())])}</td>
                                <td>
                                    {r.personal_deadline.map(|d| view! { <p>{fill(tr(Msg::PersonalDeadlineShort), &[("deadline", &d)])}</p> })}
                                    <ActionForm action=extend attr:class="row-form">
                                        <input type="hidden" name="id" value=id2/>
                                        <input type="hidden" name="depuis" value="brouillons"/>
                                        <label for=field.clone()>{until_label}</label>
                                        <input type="datetime-local" id=field name="until" required=true/>
                                        <button type="submit" class="secondary">{tr(Msg::ExtendSubmit)}</button>
                                    </ActionForm>
                                    <ActionForm action=remind attr:class="row-form">
                                        <input type="hidden" name="id" value=id/>
                                        <button type="submit" class="secondary">{remind_label}</button>
                                    </ActionForm>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                        </DataTable>
            }.into_any()
        }}
    }
}
