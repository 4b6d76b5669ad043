//! A jury's ranked lists, one per profile of the défi: the candidates it
//! met in score order, a rank field each (no JavaScript needed), saved or
//! locked; a locked list is frozen, and a coordinator may reopen it with a
//! reason.

use crate::api::interviews::{ReopenList, SaveRankedList};
use crate::domain::interviews::ranking::rank_field;
use crate::i18n::Msg;
use crate::model::interviews::ListView;
use crate::ui::coordinator::profile_name;
use crate::ui::form::{ErrorSummary, action_error};
use crate::ui::table::DataTable;
use crate::ui::{decimal, kept, say, tr};
use leptos::prelude::*;

#[component]
pub fn RankedLists(id: i64, lists: Vec<ListView>, coordinator: bool) -> impl IntoView {
    let save = ServerAction::<SaveRankedList>::new();
    let reopen = ServerAction::<ReopenList>::new();
    let error = action_error(save).or_else(|| action_error(reopen));
    let lists = lists
        .into_iter()
        .map(|l| {
            let anchor = format!("liste-{}", l.profile);
            let title = say(Msg::RankedListOf, &[("profile", &profile_name(&l.profile))]);
            let locked = l.locked_at.is_some();
            let error = error.clone();
            let rows = l
                .rows
                .iter()
                .map(|r| {
                    let field = rank_field(r.application_id);
                    let input_id = format!("champ-{field}");
                    let value = kept(&field).unwrap_or_else(|| r.rank.map(|x| x.to_string()).unwrap_or_default());
                    let field_error = error.as_ref().and_then(|e| e.for_field(&field));
                    let error_id = format!("{input_id}-erreur");
                    let label = say(Msg::RankOfPerson, &[("name", &r.name)]);
                    let mean = r.mean.map(|m| decimal(m, 1)).unwrap_or_else(|| "—".into());
                    // A locked list, or someone who cannot be ranked: the
                    // rank as text, no field.
                    let cell = if locked || !r.acceptable {
                        let text = r.rank.map(|x| x.to_string()).unwrap_or_else(|| "—".into());
                        view! { <td>{say(Msg::RankOfPersonIs, &[("name", &r.name), ("rank", &text)])}</td> }.into_any()
                    } else {
                        view! {
                            <td>
                                <label for=input_id.clone()>{label}</label>
                                {field_error.map(|e| view! { <p class="field-error" id=error_id.clone()>{tr(e)}</p> })}
                                <input id=input_id type="number" min="1" name=field value=value class="narrow"
                                    aria-invalid=field_error.map(|_| "true")
                                    aria-describedby=field_error.map(|_| error_id.clone())/>
                            </td>
                        }.into_any()
                    };
                    view! {
                        <tr>
                            {cell}
                            <td>{mean}</td>
                            <td>{r.spread.map(|s| s.to_string()).unwrap_or_default()}</td>
                            <td>{if r.sheets == 0 { tr(Msg::NotScoredYet) } else { tr(if r.acceptable { Msg::Acceptable } else { Msg::NotAcceptable }) }}</td>
                        </tr>
                    }
                })
                .collect_view();
            let profile = l.profile.clone();
            let short = (!l.short_of_quorum.is_empty()).then(|| {
                view! { <p class="notice">{say(Msg::ShortOfQuorumNames, &[("names", &l.short_of_quorum.join(", "))])}</p> }
            });
            view! {
                <section>
                    <h3 id=anchor>{title}</h3>
                    {l.locked_at.clone().map(|at| view! { <p class="notice">{say(Msg::ListLockedAt, &[("when", &at)])}</p> })}
                    {if l.rows.is_empty() {
                        view! { <p>{tr(Msg::NobodyInterviewedYet)}</p> }.into_any()
                    } else {
                        view! {
                            <ActionForm action=save>
                                <input type="hidden" name="defi" value=id.to_string()/>
                                <input type="hidden" name="profil" value=profile.clone()/>
                                <DataTable caption=say(Msg::RankedListOf, &[("profile", &profile_name(&profile))]) focusable=true columns=vec![Msg::ColRank, Msg::ColMean, Msg::ColSpread, Msg::ColAcceptable]>
                                    {rows}
                                </DataTable>
                                {(!locked).then(|| view! {
                                    <p class="hint">{tr(Msg::RankHint)}</p>
                                    {short}
                                    <button type="submit" class="secondary">{tr(Msg::SaveRanks)}</button>
                                    " "
                                    <button type="submit" name="intent" value="verrouiller">{tr(Msg::LockList)}</button>
                                })}
                            </ActionForm>
                        }.into_any()
                    }}
                    {(locked && coordinator).then(|| {
                        let field = format!("raison-{}", l.profile);
                        let input_id = format!("champ-{field}");
                        let error_id = format!("{input_id}-erreur");
                        let reason_error = error.as_ref().and_then(|e| e.for_field(&field));
                        view! {
                        <ActionForm action=reopen>
                            <input type="hidden" name="defi" value=id.to_string()/>
                            <input type="hidden" name="profil" value=l.profile.clone()/>
                            <div class="field" class:field-invalid=reason_error.is_some()>
                                <label for=input_id.clone()>{tr(Msg::FieldReopenReason)}</label>
                                {reason_error.map(|e| view! { <p class="field-error" id=error_id.clone()>{tr(e)}</p> })}
                                <input id=input_id name="raison" maxlength="1000"
                                    value=kept(&field).unwrap_or_default()
                                    aria-invalid=reason_error.map(|_| "true")
                                    aria-describedby=reason_error.map(|_| error_id.clone())/>
                            </div>
                            <button type="submit" class="secondary">{tr(Msg::ReopenList)}</button>
                        </ActionForm>
                        }
                    })}
                </section>
            }
        })
        .collect_view();
    view! {
        <section>
            <h2 id="listes">{tr(Msg::RankedListsTitle)}</h2>
            <p>{tr(Msg::RankedListsIntro)}</p>
            <ErrorSummary error=error.clone()/>
            {lists}
        </section>
    }
}
