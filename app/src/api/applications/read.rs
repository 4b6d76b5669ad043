use crate::model::AppError;
use crate::model::application::ApplicationDossier;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A promotion whose call for applications is open, with the person's
/// dossier in it if any.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenCallView {
    pub promotion_id: i64,
    pub promotion_name: String,
    /// Paris time.
    pub closes: String,
    pub application: Option<(i64, crate::domain::application::ApplicationState)>,
}

/// Open calls, and the person's dossiers in them.
#[server(prefix = "/api", endpoint = "mes-candidatures")]
pub async fn my_applications() -> Result<Vec<OpenCallView>, AppError> {
    use crate::domain::promotion::paris_display;
    use crate::server::{policy::Action, service::applications};
    let call = super::super::support::allowed(Action::StartApplication).await?;
    let me = call.viewer_id()?;
    let mut out = Vec::new();
    for p in applications::open_calls(&call.state.db).await? {
        let mine = applications::of_user(&call.state.db, p.id, me).await?;
        out.push(OpenCallView {
            promotion_id: p.id,
            promotion_name: p.name,
            closes: paris_display(p.applications_close_at),
            application: match mine {
                Some(a) => Some((a.id, applications::state_of(&a)?)),
                None => None,
            },
        });
    }
    // The person's dossiers in calls that are closed (or extended for them).
    for (a, p) in applications::all_of_user(&call.state.db, me).await? {
        if out.iter().all(|c| c.promotion_id != p.id) {
            out.push(OpenCallView {
                promotion_id: p.id,
                promotion_name: p.name,
                closes: paris_display(p.applications_close_at),
                application: Some((a.id, applications::state_of(&a)?)),
            });
        }
    }
    Ok(out)
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
