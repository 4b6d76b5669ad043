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
    let id = call.keep(id, crate::api::support::NOTHING).await?;
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
    use crate::api::support::{NOTHING, confirmed};
    let result = match confirmed(confirm.as_deref(), Msg::ConfirmWithdrawRequired) {
        Ok(()) => applications::withdraw(&call.state, &call.ctx.origin(), id).await,
        Err(e) => Err(e),
    };
    let to = format!("/candidature/{id}");
    call.answer(result, NOTHING, Some(Msg::ApplicationWithdrawn), &to)
        .await
}
