use crate::model::AppError;
use crate::model::defi::DefiSheet;
use leptos::prelude::*;

/// Published sheets, by promotion and profile.
#[server(prefix = "/api", endpoint = "defis-publics")]
pub async fn public_defis(
    promotion: Option<i64>,
    profile: Option<String>,
) -> Result<Vec<DefiSheet>, AppError> {
    use crate::server::{policy::Action, service::defis};
    let call = super::super::support::call().await?;
    call.allow(Action::ViewDefiSheet { published: true })?;
    let profile = profile.filter(|p| !p.is_empty());
    defis::catalogue(&call.state.db, promotion, profile.as_deref()).await
}

/// One published sheet; an unpublished défi is not found, for everyone.
#[server(prefix = "/api", endpoint = "defi-public")]
pub async fn public_defi(id: i64) -> Result<DefiSheet, AppError> {
    use crate::server::{policy::Action, service::defis};
    let call = super::super::support::call().await?;
    let a = defis::access(&call.state.db, id).await?;
    if call
        .allow(Action::ViewDefiSheet {
            published: a.published,
        })
        .is_err()
    {
        return Err(AppError::NotFound);
    }
    defis::sheet(&call.state.db, id).await
}
