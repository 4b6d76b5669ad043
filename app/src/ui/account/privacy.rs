//! `/espace/donnees`: what Cohorte keeps about the person and until when;
//! download it all; delete the account.

use crate::api::privacy::{DeleteAccount, my_data_retention};
use crate::i18n::{Msg, fill};
use crate::ui::Heading;
use crate::ui::form::{Checkbox, ErrorSummary, action_error};
use crate::ui::gated;
use crate::ui::{page, tr};
use leptos::prelude::*;

#[component]
pub fn MyDataPage() -> impl IntoView {
    gated(page().viewer.is_some(), || {
        let retention = Resource::new_blocking(|| (), |_| my_data_retention());
        let delete = ServerAction::<DeleteAccount>::new();
        let error = action_error(delete);
        view! {
            <Heading msg=Msg::MyDataTitle/>
            <p>{tr(Msg::MyDataIntro)}</p>
            <form method="post" action="/espace/mes-donnees.zip">
                <button type="submit">{tr(Msg::DownloadMyData)}</button>
            </form>
            <h2>{tr(Msg::DeleteAccountTitle)}</h2>
            <p>{tr(Msg::RetentionExplained)}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let lines = retention.await.unwrap_or_default();
                    (!lines.is_empty()).then(|| view! {
                        <ul>{lines.into_iter().map(|(name, until)| view! { <li>{fill(tr(Msg::RetentionLine), &[("what", &name), ("until", &until)])}</li> }).collect_view()}</ul>
                    })
                })}
            </Suspense>
            <ErrorSummary error=error/>
            <ActionForm action=delete>
                <Checkbox name="confirm" label=Msg::DeleteAccountConfirm checked=false/>
                <button type="submit" class="danger">{tr(Msg::DeleteAccountButton)}</button>
            </ActionForm>
        }
        .into_any()
    })
}
