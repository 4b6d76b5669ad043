use crate::model::AppError;
use crate::model::defi::DefiSheet;
use leptos::prelude::*;

/// Published sheets, by promotion and profile.
#[server(prefix = "/api", endpoint = "defis-publics")]
pub async fn public_defis(
    promotion: Option<i64>,
    profile: Option<String>,
) -> Result<Vec<DefiSheet>, AppError> {
    use crate::server::policy::Action;
    let call = super::super::support::allowed(Action::ViewDefiSheet { published: true }).await?;
    let profile = profile.filter(|p| !p.is_empty());
    Ok(call
        .state
        .catalogue
        .get(&call.state.db)
        .await?
        .sheets(promotion, profile.as_deref()))
}

/// One published sheet; an unpublished défi is not found, for everyone.
#[server(prefix = "/api", endpoint = "defi-public")]
pub async fn public_defi(id: i64) -> Result<DefiSheet, AppError> {
    use crate::server::policy::Action;
    let call = super::super::support::call().await?;
    // Only published sheets are in the catalogue.
    let sheet = call.state.catalogue.get(&call.state.db).await?.sheet(id);
    call.allow(Action::ViewDefiSheet {
        published: sheet.is_some(),
    })
    .map_err(|_| AppError::NotFound)?;
    sheet.ok_or(AppError::NotFound)
}
