use crate::model::AppError;
use crate::model::organisation::{OrganisationPage, OrganisationView};
use leptos::prelude::*;

/// The organisations the signed-in person belongs to.
#[server(prefix = "/api", endpoint = "mes-organisations")]
pub async fn my_organisations() -> Result<Vec<OrganisationView>, AppError> {
    use crate::server::{policy::Action, service::organisations};
    let call = super::super::support::allowed(Action::RegisterOrganisation).await?;
    organisations::of_roles(&call.state.db, &call.roles()).await
}

#[server(prefix = "/api", endpoint = "organisation")]
pub async fn get_organisation_page(id: i64) -> Result<OrganisationPage, AppError> {
    use crate::server::policy::{Action, allows};
    use crate::server::service::organisations;
    let call =
        super::super::support::allowed(Action::ViewOrganisation { organisation: id }).await?;
    let may_invite = allows(&call.ctx.actor, Action::InviteMember { organisation: id });
    // Drafts are for the organisation's members only.
    let member = allows(
        &call.ctx.actor,
        Action::ViewDefiDossier {
            organisation: id,
            state: crate::domain::defi::DefiState::Draft,
        },
    );
    organisations::page(&call.state.db, id, member, may_invite).await
}

/// Every organisation (coordinators).
#[server(prefix = "/api", endpoint = "organisations")]
pub async fn all_organisations() -> Result<Vec<OrganisationView>, AppError> {
    use crate::server::{policy::Action, service::organisations};
    let call = super::super::support::allowed(Action::ManageOrganisations).await?;
    organisations::list_all(&call.state.db).await
}

/// One organisation, for the coordinators' correction form.
#[server(prefix = "/api", endpoint = "organisation-fiche")]
pub async fn get_organisation(id: i64) -> Result<OrganisationView, AppError> {
    use crate::server::{policy::Action, service::organisations};
    let call = super::super::support::allowed(Action::ManageOrganisations).await?;
    Ok(organisations::view(
        &organisations::find(&call.state.db, id).await?,
    ))
}
