use crate::model::{AppError, promotion::PromotionView};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "promotions")]
pub async fn list_promotions() -> Result<Vec<PromotionView>, AppError> {
    use crate::server::policy::Action;
    let call = super::super::support::allowed(Action::ViewPromotions).await?;
    Ok(call.state.catalogue.get(&call.state.db).await?.promotions())
}

#[server(prefix = "/api", endpoint = "promotion")]
pub async fn get_promotion(id: i64) -> Result<PromotionView, AppError> {
    use crate::server::policy::Action;
    let call = super::super::support::allowed(Action::ViewPromotions).await?;
    call.state
        .catalogue
        .get(&call.state.db)
        .await?
        .promotion(id)
        .ok_or(AppError::NotFound)
}
