use crate::model::AppError;
use leptos::prelude::*;

/// Opens the person's dossier for a promotion, created if needed.
#[server(prefix = "/api", endpoint = "candidater")]
pub async fn start_application(promotion: i64) -> Result<(), AppError> {
    use crate::server::{policy::Action, service::applications};
    let call = super::super::support::allowed(Action::StartApplication).await?;
    let id = applications::start(
        &call.state.db,
        &call.ctx.origin(),
        promotion,
        call.viewer_id()?,
    )
    .await;
    let id = call.keep(id, &[] as &[(&str, String)]).await?;
    call.done(None, &format!("/candidature/{id}")).await
}

#[server(prefix = "/api", endpoint = "retirer-candidature")]
pub async fn withdraw_application(
    id: i64,
    #[server(default)] confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::applications};
    let call = super::super::support::call().await?;
    let (owner, state) = applications::owner(&call.state.db, id).await?;
    call.allow(Action::ViewApplication { owner, state })?;
    call.allow(Action::WithdrawApplication { owner, state })?;
    let result = if confirm.as_deref() == Some("on") {
        applications::withdraw(&call.state.db, &call.ctx.origin(), id).await
    } else {
        Err(AppError::field("confirm", Msg::ConfirmWithdrawRequired))
    };
    call.answer(
        result,
        &[] as &[(&str, String)],
        Some(Msg::ApplicationWithdrawn),
        &format!("/candidature/{id}"),
    )
    .await
}
