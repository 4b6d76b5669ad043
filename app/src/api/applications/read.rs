use crate::model::AppError;
use crate::model::application::ApplicationDossier;
use leptos::prelude::*;

pub use crate::model::application::OpenCallView;

/// Open calls, and the person's dossiers in them.
#[server(prefix = "/api", endpoint = "mes-candidatures")]
pub async fn my_applications() -> Result<Vec<OpenCallView>, AppError> {
    use crate::server::{policy::Action, service::applications};
    let call = super::super::support::allowed(Action::StartApplication).await?;
    applications::calls_of(&call.state.db, call.viewer_id()?).await
}

#[server(prefix = "/api", endpoint = "candidature")]
pub async fn get_application(id: i64) -> Result<ApplicationDossier, AppError> {
    use crate::server::{policy::Action, service::applications};
    let call = super::super::support::call().await?;
    let found = applications::find_with_choices(&call.state.db, id).await?;
    let (owner, state) = (found.0.user_id, applications::state_of(&found.0)?);
    call.allow(Action::ViewApplication { owner, state })?;
    let mut d = applications::dossier(&call.state, found).await?;
    d.may_edit =
        crate::server::policy::allows(&call.ctx.actor, Action::EditApplication { owner, state });
    d.may_extend =
        crate::server::policy::allows(&call.ctx.actor, Action::ExtendApplicationDeadline { state });
    Ok(d)
}
