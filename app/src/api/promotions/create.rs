//! One field per form input: the no-JavaScript form posts them flat.
#![allow(
    clippy::too_many_arguments,
    reason = "a server function takes one argument per form field"
)]

use crate::model::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "creer-promotion")]
pub async fn create_promotion(
    name: String,
    description: String,
    defis_open: String,
    defis_close: String,
    applications_open: String,
    applications_close: String,
    start_date: String,
    duration_months: String,
    team_min: String,
    team_max: String,
    max_choices: String,
    #[server(default)] profiles: Vec<String>,
) -> Result<(), AppError> {
    use crate::domain::promotion_form::PromotionForm;
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::promotions};
    let call = super::super::support::call().await?;
    call.allow(Action::ManagePromotions)?;
    let form = PromotionForm {
        name,
        description,
        defis_open,
        defis_close,
        applications_open,
        applications_close,
        start_date,
        duration_months,
        team_min,
        team_max,
        max_choices,
        profiles,
    };
    let result = match form.parse() {
        Ok(draft) => promotions::create(&call.state.db, &call.ctx.origin(), &draft).await,
        Err(errors) => Err(AppError::fields(errors)),
    };
    let id = call.keep(result, &form.fields()).await?;
    call.done(
        Some(Msg::PromotionCreated),
        &format!("/coordination/promotions/{id}"),
    )
    .await
}
