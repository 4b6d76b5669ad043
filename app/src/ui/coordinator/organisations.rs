//! `/coordination/organisations`: every host organisation, and the form that
//! corrects one (`…/{id}`).

use crate::api::organisations::{UpdateOrganisation, all_organisations, get_organisation};
use crate::domain::organisation::OrganisationForm;
use crate::i18n::{Msg, fill};
use crate::ui::Heading;
use crate::ui::form::{ErrorSummary, action_error};
use crate::ui::gated;
use crate::ui::host::OrganisationFields;
use crate::ui::loaded_row;
use crate::ui::public::ErrorPage;
use crate::ui::table::DataTable;
use crate::ui::{kept, page, tr};
use leptos::prelude::*;

#[component]
pub fn OrganisationsPage() -> impl IntoView {
    gated(page().can.manage_organisations, || {
        let rows = Resource::new_blocking(|| (), |_| all_organisations());
        view! {
            <Heading msg=Msg::OrganisationsTitle/>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match rows.await {
                        Ok(rows) if rows.is_empty() => view! { <p>{tr(Msg::NoOrganisationYet)}</p> }.into_any(),
                        Ok(rows) => view! {
                            <DataTable caption=tr(Msg::OrganisationsTitle).to_owned()
                                columns=vec![Msg::ColName, Msg::FieldOrgKind, Msg::FieldCity, Msg::ColActions]>
                                {rows.into_iter().map(|o| view! {
                                    <tr>
                                        <th scope="row"><a href=format!("/organisation/{}", o.id)>{o.name.clone()}</a></th>
                                        <td>{tr(o.kind.label())}</td>
                                        <td>{o.city.clone()}</td>
                                        <td><a href=format!("/coordination/organisations/{}", o.id)>{fill(tr(Msg::Correct), &[("field", &o.name)])}</a></td>
                                    </tr>
                                }).collect_view()}
                                    </DataTable>
                        }.into_any(),
                        Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                    }
                })}
            </Suspense>
        }
        .into_any()
    })
}

#[component]
pub fn EditOrganisationPage() -> impl IntoView {
    let action = ServerAction::<UpdateOrganisation>::new();
    let error = action_error(action);
    loaded_row(
        page().can.manage_organisations,
        get_organisation,
        move |o| {
            let (id, error) = (o.id, error.clone());
            let form = if page().flash.values.contains_key("name") {
                OrganisationForm::from_fields(kept)
            } else {
                o.to_form()
            };
            view! {
                <Heading msg=Msg::EditOrganisationTitle/>
                <p><a href=format!("/organisation/{id}")>{o.name.clone()}</a></p>
                <ErrorSummary error=error.clone() labels={<OrganisationForm as crate::domain::form::Declared>::label_of}/>
                <ActionForm action=action>
                    <input type="hidden" name="id" value=id.to_string()/>
                    <OrganisationFields form error/>
                    <button type="submit">{tr(Msg::Save)}</button>
                </ActionForm>
            }
            .into_any()
        },
    )
}
