use crate::model::AppError;
use crate::model::review::AssignPlan;
use leptos::prelude::*;

/// The plan the engine proposes now: nothing changes.
#[server(prefix = "/api", endpoint = "plan-affectation")]
pub async fn get_assign_plan(promotion: i64) -> Result<AssignPlan, AppError> {
    use crate::server::{policy::Action, service::review::assign, service::review::setup};
    let call = crate::api::support::allowed(Action::ManageReview).await?;
    setup::ensure(&call.state.db, &call.ctx.origin(), promotion).await?;
    assign::plan(&call.state.db, promotion, call.ctx.locale).await
}

/// Applies the plan (computed again at this moment).
#[server(prefix = "/api", endpoint = "appliquer-affectation")]
pub async fn apply_assignment(promotion: i64) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::review::assign};
    let call = crate::api::support::allowed(Action::ManageReview).await?;
    let result = assign::apply(
        &call.state.db,
        &call.ctx.origin(),
        promotion,
        call.ctx.locale,
    )
    .await;
    call.answer(
        result,
        crate::api::support::NOTHING,
        Some(Msg::AssignmentApplied),
        &format!("/coordination/promotions/{promotion}/preselection/affectation"),
    )
    .await
}

/// Adds (`add` = "on") or removes one (juror, dossier) pair by hand.
#[server(prefix = "/api", endpoint = "affecter-dossier")]
pub async fn set_pair(
    promotion: i64,
    juror: i64,
    application: i64,
    add: Option<String>,
) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::review::assign};
    let call = crate::api::support::allowed(Action::ManageReview).await?;
    let (db, origin) = (&call.state.db, call.ctx.origin());
    let result = if add.as_deref() == Some("on") {
        assign::add_pair(db, &origin, promotion, juror, application).await
    } else {
        assign::remove_pair(db, &origin, promotion, juror, application).await
    };
    call.answer(
        result,
        crate::api::support::NOTHING,
        Some(Msg::AssignmentChanged),
        &format!("/coordination/promotions/{promotion}/preselection/affectation"),
    )
    .await
}
