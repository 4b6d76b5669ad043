//! One shape for every table of the product: a box that scrolls sideways
//! on a narrow screen (the page itself never does), a caption that names
//! the table for screen readers (shown when it says something the page
//! does not), one header per column; a table without links or fields has
//! a scrolling box keyboard users can reach (`focusable`).

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
    /// The table may hold no link or field: its box, which may scroll
    /// sideways, is then a named region in the tab order, so that keyboard
    /// users can scroll it (its caption must be unique on the page).
    #[prop(optional)]
    focusable: bool,
    children: Children,
) -> impl IntoView {
    let region = focusable.then(|| caption.clone());
    view! {
        <div class="table-wrap" tabindex=focusable.then_some("0") role=focusable.then_some("region") aria-label=region>
            <table>
                {if shown {
                    view! { <caption>{caption}</caption> }.into_any()
                } else {
                    view! { <caption class="visually-hidden">{caption}</caption> }.into_any()
                }}
                <thead><tr>
                    {columns.into_iter().map(|c| view! { <th scope="col">{tr(c)}</th> }).collect_view()}
                </tr></thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn render(shown: bool) -> String {
        let owner = Owner::new();
        owner.set();
        view! {
            <DataTable caption="Les promotions".to_owned() shown columns=vec![Msg::ColName, Msg::ColPhase]>
                <tr><td>"EIG 7"</td></tr>
            </DataTable>
        }
        .to_html()
        // Without the hydration markers: the markup as a reader gets it.
        .replace("<!>", "")
    }

    #[test]
    fn the_caption_is_for_screen_readers_unless_shown() {
        let hidden = render(false);
        assert!(
            hidden.contains(r#"<caption class="visually-hidden">Les promotions"#),
            "{hidden}"
        );
        let shown = render(true);
        assert!(shown.contains("<caption>Les promotions"), "{shown}");
        for html in [hidden, shown] {
            assert!(
                html.contains(r#"<div class="table-wrap"><table>"#),
                "{html}"
            );
            assert!(
                html.contains(r#"<th scope="col">Nom</th><th scope="col">Étape</th>"#),
                "{html}"
            );
            assert!(
                html.contains("<tbody><tr><td>EIG 7</td></tr></tbody>"),
                "{html}"
            );
        }
    }
}
