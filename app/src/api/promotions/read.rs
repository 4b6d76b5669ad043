use crate::model::{AppError, promotion::PromotionView};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "promotions")]
pub async fn list_promotions() -> Result<Vec<PromotionView>, AppError> {
    use crate::server::{policy::Action, service::promotions};
    let call = super::super::support::call().await?;
    call.allow(Action::ViewPromotions)?;
    promotions::list(&call.state.db).await
}

#[server(prefix = "/api", endpoint = "promotion")]
pub async fn get_promotion(id: i64) -> Result<PromotionView, AppError> {
    use crate::server::{policy::Action, service::promotions};
    let call = super::super::support::call().await?;
    call.allow(Action::ViewPromotions)?;
    promotions::get(&call.state.db, id).await
}
