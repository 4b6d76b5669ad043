//! `/espace`, the signed-in person's home: what they have going on.

use crate::model::AppError;
use crate::model::application::AreaView;
use leptos::prelude::*;

/// The open calls with the person's dossiers, and the organisations they
/// belong to with their défis (drafts included: they are members).
#[server(prefix = "/api", endpoint = "mon-espace")]
pub async fn my_area() -> Result<AreaView, AppError> {
    use crate::server::policy::Action;
    use crate::server::service::{applications, defis, organisations};
    let call = super::support::allowed(Action::ViewOwnArea).await?;
    let db = &call.state.db;
    let calls = applications::calls_of(db, call.viewer_id()?).await?;
    let mut out = Vec::new();
    for o in organisations::of_roles(db, &call.roles()).await? {
        let rows = defis::rows_of_organisation(db, o.id, true).await?;
        out.push((o, rows));
    }
    Ok(AreaView {
        calls,
        organisations: out,
    })
}
