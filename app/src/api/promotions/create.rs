//! The promotion form posts its fields flat (`Posted`).

use crate::domain::form::Posted;
use crate::model::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "creer-promotion")]
pub async fn create_promotion(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::domain::promotion_form::PromotionForm;
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::promotions};
    let call = super::super::support::allowed(Action::ManagePromotions).await?;
    let typed = PromotionForm::from_posted(&form);
    let result = match typed.parse() {
        Ok(draft) => promotions::create(&call.state.db, &call.ctx.origin(), &draft).await,
        Err(errors) => Err(AppError::fields(errors)),
    };
    let id = call.keep(result, &typed.fields()).await?;
    call.done(
        Some(Msg::PromotionCreated),
        &format!("/coordination/promotions/{id}"),
    )
    .await
}
