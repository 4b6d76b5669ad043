//! The organisation form posts its fields flat (`Posted`), with its `id`.

use crate::domain::form::Posted;
use crate::model::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "modifier-organisation")]
pub async fn update_organisation(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::domain::organisation::OrganisationForm;
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::organisations};
    let call = super::super::support::allowed(Action::ManageOrganisations).await?;
    let id: i64 = form.number("id").ok_or(AppError::NotFound)?;
    let form = OrganisationForm::from_fields(|k| form.get(k));
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
