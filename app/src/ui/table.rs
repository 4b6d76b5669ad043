//! One shape for every table of the product: a box that scrolls sideways
//! on a narrow screen (the page itself never does), a caption that names
//! the table for screen readers (shown when it says something the page
//! does not), one header per column.

use super::tr;
use crate::i18n::Msg;
use leptos::prelude::*;

/// A table whose rows are its children (`<tr>`s). `columns` are the
/// header cells, in order (a caller leaves out a column it does not show).
#[component]
pub fn DataTable(
    caption: String,
    /// Show the caption (else it is for screen readers only).
    #[prop(optional)]
    shown: bool,
    columns: Vec<Msg>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table>
                <caption class:visually-hidden=!shown>{caption}</caption>
                <thead><tr>
                    {columns.into_iter().map(|c| view! { <th scope="col">{tr(c)}</th> }).collect_view()}
                </tr></thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
