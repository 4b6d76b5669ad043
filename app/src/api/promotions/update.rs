//! The promotion form posts its fields flat (`Posted`), with its `id`.

use crate::domain::form::Posted;
use crate::model::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "modifier-promotion")]
pub async fn update_promotion(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::domain::promotion_form::PromotionForm;
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::promotions};
    let call = super::super::support::allowed(Action::ManagePromotions).await?;
    let id: i64 = form.number("id").ok_or(AppError::NotFound)?;
    let typed = PromotionForm::from_posted(&form);
    let result = match typed.parse() {
        Ok(draft) => promotions::update(&call.state.db, &call.ctx.origin(), id, &draft).await,
        Err(errors) => Err(AppError::fields(errors)),
    };
    call.answer(
        result,
        &typed.fields(),
        Some(Msg::PromotionSaved),
        &format!("/coordination/promotions/{id}"),
    )
    .await
}
