use crate::api::review::{DeclareConflicts, get_conflicts};
use crate::domain::review::conflicts::{ConflictKind, Detected};
use crate::i18n::Msg;
use crate::model::review::{ConflictLine, ConflictsPage as Page};
use crate::ui::form::{ErrorSummary, action_error};
use crate::ui::table::DataTable;
use crate::ui::{Heading, loaded_row, page, say, tr};
use leptos::prelude::*;

/// One line's choice: no conflict, or a kind. A detection not yet
/// declared is proposed (pre-selected) for confirmation.
fn kind_select(prefix: &str, line: &ConflictLine) -> impl IntoView + use<> {
    let name = format!("{prefix}_{}", line.id);
    let id = format!("champ-{name}");
    let proposed = line.kind.clone().or_else(|| {
        line.detected
            .first()
            .and_then(|d| Detected::from_code(d))
            .map(|d| d.kind().code().to_owned())
    });
    let options = std::iter::once((String::new(), tr(Msg::NoConflict).to_owned()))
        .chain(
            ConflictKind::ALL
                .iter()
                .map(|k| (k.code().to_owned(), tr(k.label()).to_owned())),
        )
        .map(|(v, t)| {
            let selected =
                proposed.as_deref() == Some(v.as_str()) || (proposed.is_none() && v.is_empty());
            view! { <option value=v selected=selected>{t}</option> }
        })
        .collect_view();
    let why = line
        .detected
        .iter()
        .filter_map(|d| Detected::from_code(d))
        .map(|d| tr(d.label()))
        .collect::<Vec<_>>()
        .join(" ; ");
    let detected = line.detected.first().cloned();
    let hint_id = format!("{id}-aide");
    view! {
        <tr>
            <td><label for=id.clone()>{line.name.clone()}</label>
                {(!why.is_empty()).then(|| view! { <p class="hint" id=hint_id.clone()>{say(Msg::DetectedWhy, &[("why", &why)])}</p> })}</td>
            <td>
                <select id=id name=name aria-describedby=(!why.is_empty()).then(|| hint_id.clone())>{options}</select>
                {(prefix == "conflit").then(|| detected.map(|d| view! {
                    <input type="hidden" name=format!("detecte_{}", line.id) value=d/>
                }))}
            </td>
        </tr>
    }
}

#[component]
pub fn ConflictsPage() -> impl IntoView {
    loaded_row(
        page().can.jury,
        get_conflicts,
        |p| view! { <Declaration p/> },
    )
}

#[component]
fn Declaration(p: Page) -> impl IntoView {
    let action = ServerAction::<DeclareConflicts>::new();
    let error = action_error(action);
    let detected = p
        .applicants
        .iter()
        .filter(|a| !a.detected.is_empty())
        .count();
    let applicants = p
        .applicants
        .iter()
        .map(|l| kind_select("conflit", l))
        .collect_view();
    let organisations = p
        .organisations
        .iter()
        .map(|l| kind_select("organisation", l))
        .collect_view();
    view! {
        <Heading msg=Msg::ConflictsTitle/>
        <p class="lead">{p.promotion.clone()}</p>
        <p>{tr(Msg::ConflictsIntro)}</p>
        <ul>
            {ConflictKind::ALL.iter().map(|k| view! { <li>{tr(k.label())}</li> }).collect_view()}
        </ul>
        {(detected > 0).then(|| view! {
            <p class="notice">{say(Msg::ConflictsDetected, &[("count", &detected.to_string())])}</p>
        })}
        <ErrorSummary error/>
        <ActionForm action=action>
            <input type="hidden" name="promotion" value=p.promotion_id.to_string()/>
            <input type="hidden" name="liste" value=p.fingerprint.clone()/>
            <h2>{tr(Msg::ConflictsApplicants)}</h2>
            <DataTable caption=tr(Msg::ConflictsApplicants).to_owned() columns=vec![Msg::ColName, Msg::ColConflict]>
                {applicants}
            </DataTable>
            <h2>{tr(Msg::ConflictsOrganisations)}</h2>
            <p>{tr(Msg::ConflictsOrganisationsIntro)}</p>
            <DataTable caption=tr(Msg::ConflictsOrganisations).to_owned() columns=vec![Msg::ColName, Msg::ColConflict]>
                {organisations}
            </DataTable>
            <button type="submit">{tr(if p.declared { Msg::UpdateConflicts } else { Msg::DeclareConflictsButton })}</button>
        </ActionForm>
    }
}
