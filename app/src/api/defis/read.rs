use crate::model::AppError;
use crate::model::defi::{DefiDossier, DefiFilter, DefiList};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "defi")]
pub async fn get_defi_dossier(id: i64) -> Result<DefiDossier, AppError> {
    use crate::server::{policy::Action, service::defis};
    let call = super::super::support::call().await?;
    let a = defis::access(&call.state.db, id).await?;
    call.allow(Action::ViewDefiDossier {
        organisation: a.organisation,
        state: a.state,
    })?;
    defis::dossier(&call.state.db, id, &call.ctx.actor).await
}

/// A promotion's défis for coordinators, filtered.
#[server(prefix = "/api", endpoint = "defis-promotion")]
pub async fn promotion_defis(promotion: i64, filter: DefiFilter) -> Result<DefiList, AppError> {
    use crate::server::{policy::Action, service::defis};
    let call = super::super::support::allowed(Action::DecideDefis).await?;
    defis::list(&call.state.db, promotion, &filter).await
}
