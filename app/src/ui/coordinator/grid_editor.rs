//! A promotion's grid (the interview grid or the défi jury's): its
//! criteria as a table, editable row by row until a juror writes a sheet
//! on it (a blank row adds a criterion; a row emptied is dropped).

use crate::api::hearings::SaveGrid;
use crate::domain::hearings::{GRID_MAX, grid_field};
use crate::domain::review::Criterion;
use crate::i18n::Msg;
use crate::ui::form::{ErrorSummary, action_error};
use crate::ui::table::DataTable;
use crate::ui::{kept, say, tr};
use leptos::prelude::*;

/// What the error summary calls a row's fields.
fn labels(field: &str) -> Option<Msg> {
    Some(match field.rsplit('_').next()? {
        "nom" => Msg::FieldCriterionName,
        "aide" => Msg::FieldCriterionHelp,
        "min" => Msg::FieldCriterionMin,
        "max" => Msg::FieldCriterionMax,
        _ => return None,
    })
}

/// `kind`: "defi" or "interview" (what the form posts).
#[component]
pub fn GridEditor(
    promotion: i64,
    kind: &'static str,
    grid: Vec<Criterion>,
    open: bool,
) -> impl IntoView {
    if !open {
        let rows = grid
            .iter()
            .map(|c| view! { <tr><td>{c.name.clone()}</td><td>{c.help.clone()}</td><td>{format!("{}–{}", c.min, c.max)}</td></tr> })
            .collect_view();
        return view! {
            <p>{tr(Msg::GridLockedIntro)}</p>
            <DataTable caption=tr(Msg::GridCaption).to_owned() focusable=true columns=vec![Msg::ColCriterion, Msg::ColHelp, Msg::ColScale]>
                {rows}
            </DataTable>
        }
        .into_any();
    }
    let save = ServerAction::<SaveGrid>::new();
    let error = action_error(save);
    let max_total: i32 = grid.iter().map(|c| c.max).sum();
    let (default_min, default_max) = grid.first().map_or((1, 4), |c| (c.min, c.max));
    let rows = grid.len().min(GRID_MAX) + usize::from(grid.len() < GRID_MAX);
    let body = (0..rows)
        .map(|i| {
            let c = grid.get(i);
            let value = |part: &str, current: String| kept(&grid_field(i, part)).unwrap_or(current);
            let input = |part: &'static str, label: Msg, current: String, number: bool| {
                let name = grid_field(i, part);
                let id = format!("champ-{name}");
                let e = error.as_ref().and_then(|e| e.for_field(&name));
                let error_id = format!("{id}-erreur");
                view! {
                    <div class="field" class:field-invalid=e.is_some()>
                        <label for=id.clone()>{tr(label)}</label>
                        {e.map(|m| view! { <p class="field-error" id=error_id.clone()>{tr(m)}</p> })}
                        <input id=id name=name type=if number { "number" } else { "text" }
                            class=number.then_some("narrow")
                            value=value(part, current)
                            aria-invalid=e.map(|_| "true")
                            aria-describedby=e.map(|_| error_id.clone())/>
                    </div>
                }
            };
            let legend = if c.is_some() {
                say(Msg::CriterionNumber, &[("n", &(i + 1).to_string())])
            } else {
                tr(Msg::CriterionNew).to_owned()
            };
            view! {
                <fieldset class="criterion">
                    <legend>{legend}</legend>
                    {input("nom", Msg::FieldCriterionName, c.map(|c| c.name.clone()).unwrap_or_default(), false)}
                    {input("aide", Msg::FieldCriterionHelp, c.map(|c| c.help.clone()).unwrap_or_default(), false)}
                    {input("min", Msg::FieldCriterionMin, c.map_or(default_min, |c| c.min).to_string(), true)}
                    {input("max", Msg::FieldCriterionMax, c.map_or(default_max, |c| c.max).to_string(), true)}
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <p>{say(Msg::GridIntro, &[("total", &max_total.to_string())])}</p>
        <ErrorSummary error=error.clone() labels=labels/>
        <ActionForm action=save>
            <input type="hidden" name="promotion" value=promotion.to_string()/>
            <input type="hidden" name="grille" value=kind/>
            <input type="hidden" name="lignes" value=rows.to_string()/>
            {body}
            <button type="submit">{tr(Msg::SaveGridButton)}</button>
        </ActionForm>
    }
    .into_any()
}
