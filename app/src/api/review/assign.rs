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

/// Adds (`add` = "on") or removes one (juror, dossier) pair by hand: the
/// juror chosen from the pool, the dossier by its number.
#[server(prefix = "/api", endpoint = "affecter-dossier")]
pub async fn set_pair(
    #[server(flatten)] form: crate::domain::form::Posted,
) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::review::assign};
    let call = crate::api::support::allowed(Action::ManageReview).await?;
    let promotion = form.number::<i64>("promotion").ok_or(AppError::NotFound)?;
    let typed = form.get("application").unwrap_or_default();
    let (db, origin) = (&call.state.db, call.ctx.origin());
    let result = match (
        form.number::<i64>("juror"),
        typed.trim().trim_start_matches("n°").trim().parse::<i64>(),
    ) {
        (None, _) => Err(AppError::field("juror", Msg::ChooseJuror)),
        (_, Err(_)) => Err(AppError::field("application", Msg::DossierNumberInvalid)),
        (Some(juror), Ok(application)) => {
            if form.get("add").as_deref() == Some("on") {
                assign::add_pair(db, &origin, promotion, juror, application).await
            } else {
                assign::remove_pair(db, &origin, promotion, juror, application).await
            }
        }
    };
    call.answer(
        result,
        &[
            ("application".to_owned(), typed),
            ("juror".to_owned(), form.get("juror").unwrap_or_default()),
        ],
        Some(Msg::AssignmentChanged),
        &format!("/coordination/promotions/{promotion}/preselection/affectation"),
    )
    .await
}
