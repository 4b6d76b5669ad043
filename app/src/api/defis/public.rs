use crate::model::AppError;
use crate::model::defi::{DefiSheet, PublicSheet};
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

/// One published sheet, whole (what is not internal), and whether one may
/// apply now; an unpublished défi is not found, for everyone.
#[server(prefix = "/api", endpoint = "defi-public")]
pub async fn public_defi(id: i64) -> Result<PublicSheet, AppError> {
    use crate::server::policy::Action;
    use crate::server::service::defis;
    let call = super::super::support::call().await?;
    // Only published sheets are in the catalogue.
    let published = call.state.catalogue.get(&call.state.db).await?;
    let sheet = published.sheet(id);
    call.allow(Action::ViewDefiSheet {
        published: sheet.is_some(),
    })
    .map_err(|_| AppError::NotFound)?;
    let sheet = sheet.ok_or(AppError::NotFound)?;
    let apply_until = published
        .promotion(sheet.promotion_id)
        .filter(|p| p.applications_call_open)
        .map(|p| p.calendar.applications_close);
    let details = defis::public_details(&call.state.db, id).await?;
    Ok(PublicSheet {
        sheet,
        details,
        apply_until,
    })
}
