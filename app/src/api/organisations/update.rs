use crate::model::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "modifier-organisation")]
pub async fn update_organisation(
    id: i64,
    name: String,
    kind: String,
    city: String,
) -> Result<(), AppError> {
    use crate::domain::organisation::OrganisationForm;
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::organisations};
    let call = super::super::support::allowed(Action::ManageOrganisations).await?;
    let form = OrganisationForm { name, kind, city };
    let result = match form.parse() {
        Ok(draft) => organisations::update(&call.state.db, &call.ctx.origin(), id, &draft).await,
        Err(errors) => Err(AppError::fields(errors)),
    };
    call.answer(
        result,
        &form.fields(),
        Some(Msg::OrgSaved),
        "/coordination/organisations",
    )
    .await
}
