//! The two-step reveal on a shortlisted applicant's dossier: rank the
//! published défis that seek their profile, before the deadline. Nothing
//! shows when the promotion has no such step.

use crate::api::review::{RankDefis, get_reveal};
use crate::i18n::{Msg, fill};
use crate::model::review::RevealView;
use crate::ui::form::{ErrorSummary, action_error};
use crate::ui::table::DataTable;
use crate::ui::{kept, tr};
use leptos::prelude::*;

#[component]
pub fn RevealSection(id: i64) -> impl IntoView {
    let view = Resource::new_blocking(move || id, get_reveal);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                view.await.ok().map(|v| view! { <Reveal v/> })
            })}
        </Suspense>
    }
}

#[component]
fn Reveal(v: RevealView) -> impl IntoView {
    let action = ServerAction::<RankDefis>::new();
    let error = action_error(action);
    if !v.open {
        return view! {
            <section aria-labelledby="classement"><h2 id="classement">{tr(Msg::RevealTitle)}</h2>
                <p>{fill(tr(Msg::RevealOver), &[("deadline", &v.deadline)])}</p></section>
        }
        .into_any();
    }
    let options: Vec<(String, String)> =
        std::iter::once((String::new(), tr(Msg::NotChosen).to_owned()))
            .chain((1..=v.max_choices).map(|n| (n.to_string(), n.to_string())))
            .collect();
    let field_errors: Vec<String> = error
        .as_ref()
        .map(|e| e.all_for("choices"))
        .unwrap_or_default()
        .iter()
        .map(|f| f.text(crate::ui::locale()))
        .collect();
    let invalid = !field_errors.is_empty();
    let rows = v
        .offered
        .iter()
        .enumerate()
        .map(|(i, (id, title, organisation))| {
            let rank = kept(&format!("rank_{id}")).unwrap_or_else(|| {
                v.choices
                    .iter()
                    .position(|c| c == id)
                    .map(|p| (p + 1).to_string())
                    .unwrap_or_default()
            });
            let select_id = format!("classement-{id}");
            view! {
                <tr>
                    <th scope="row">
                        <label for=select_id.clone() class="plain-label">{title.clone()}</label>
                        <br/><span class="hint">{organisation.clone()}</span>
                    </th>
                    <td>
                        <input type="hidden" name=format!("offered[{i}]") value=id.to_string()/>
                        <select id=select_id name=format!("ranks[{i}]")>
                            {options.iter().map(|(o, t)| view! { <option value=o.clone() selected=*o == rank>{t.clone()}</option> }).collect_view()}
                        </select>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="classement">
            <h2 id="classement">{tr(Msg::RevealTitle)}</h2>
            <p>{fill(tr(Msg::RevealIntro), &[("max", &v.max_choices.to_string()), ("deadline", &v.deadline)])}</p>
            {v.done.then(|| view! { <p>{tr(Msg::RevealDone)}</p> })}
            <ErrorSummary error=error.clone()/>
            <ActionForm action=action>
                <input type="hidden" name="id" value=v.application_id.to_string()/>
                <fieldset id="champ-choices" tabindex="-1" class:field-invalid=invalid
                    aria-describedby=invalid.then_some("champ-choices-erreur")>
                    <legend>{tr(Msg::ChoicesLegend)}</legend>
                    {invalid.then(|| view! {
                        <div class="field-error" id="champ-choices-erreur">
                            {field_errors.into_iter().map(|m| view! { <p>{m}</p> }).collect_view()}
                        </div>
                    })}
                    <DataTable caption=tr(Msg::ChoicesLegend).to_owned() columns=vec![Msg::ColTitle, Msg::ColRank]>
                        {rows}
                    </DataTable>
                </fieldset>
                <button type="submit">{tr(Msg::RevealButton)}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}
