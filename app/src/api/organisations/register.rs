//! The organisation form posts its fields flat (`Posted`).

use crate::domain::form::Posted;
use crate::model::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "enregistrer-organisation")]
pub async fn register_organisation(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::domain::organisation::OrganisationForm;
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::organisations};
    let call = super::super::support::allowed(Action::RegisterOrganisation).await?;
    let form = OrganisationForm::from_fields(|k| form.get(k));
    let result = match form.parse() {
        Ok(draft) => {
            organisations::register(
                &call.state.db,
                &call.ctx.origin(),
                call.viewer_id()?,
                &draft,
            )
            .await
        }
        Err(errors) => Err(AppError::fields(errors)),
    };
    let id = call.keep(result, &form.fields()).await?;
    call.done(Some(Msg::OrgRegistered), &format!("/organisation/{id}"))
        .await
}
