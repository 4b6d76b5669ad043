//! Personal data: what is kept and until when, account deletion, and the
//! promotions' retention setting.

use crate::model::AppError;
use leptos::prelude::*;

/// Each promotion the person applied to, with the date its dossiers are
/// erased (Paris time).
#[server(prefix = "/api", endpoint = "mes-donnees")]
pub async fn my_data_retention() -> Result<Vec<(String, String)>, AppError> {
    use crate::domain::promotion::paris_display;
    use crate::server::{policy::Action, service::privacy};
    let call = super::support::allowed(Action::ExportOwnData).await?;
    Ok(privacy::retention_of(&call.state.db, call.viewer_id()?)
        .await?
        .into_iter()
        .map(|(name, at)| (name, paris_display(at)))
        .collect())
}

#[server(prefix = "/api", endpoint = "supprimer-compte")]
pub async fn delete_account(#[server(default)] confirm: Option<String>) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{auth_session, policy::Action, service::privacy};
    let call = super::support::allowed(Action::DeleteOwnAccount).await?;
    let confirmed = super::support::confirmed(confirm.as_deref(), Msg::ConfirmDeleteRequired);
    call.keep(confirmed, super::support::NOTHING).await?;
    privacy::delete_account(
        &call.state,
        &call.ctx.origin(),
        &call.state.settings.data_dir,
        call.viewer_id()?,
    )
    .await?;
    auth_session::end(&call.session).await?;
    call.done(Some(Msg::AccountDeleted), "/").await
}

#[server(prefix = "/api", endpoint = "conservation-promotion")]
pub async fn set_retention(promotion: i64, months: String) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::privacy};
    let call = super::support::allowed(Action::ManagePromotions).await?;
    let result = match months
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|m| (1..=120).contains(m))
    {
        Some(m) => privacy::set_retention(&call.state.db, &call.ctx.origin(), promotion, m).await,
        None => Err(AppError::field("months", Msg::RetentionInvalid)),
    };
    call.answer(
        result,
        &[("months", months)],
        Some(Msg::RetentionSaved),
        &format!("/coordination/promotions/{promotion}"),
    )
    .await
}

/// What the retention purge of a promotion will erase, and when.
#[server(prefix = "/api", endpoint = "apercu-effacement")]
pub async fn get_purge_preview(
    promotion: i64,
) -> Result<crate::model::promotion::PurgePreview, AppError> {
    use crate::server::{policy::Action, service::retention};
    let call = super::support::allowed(Action::ManagePromotions).await?;
    retention::preview(&call.state.db, promotion).await
}

/// A coordinator closes a promotion: its dossiers may then be purged once
/// their retention ends.
#[server(prefix = "/api", endpoint = "clore-promotion")]
pub async fn close_promotion(
    promotion: i64,
    #[server(default)] confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::retention};
    let call = super::support::allowed(Action::ManagePromotions).await?;
    use crate::api::support::{NOTHING, confirmed};
    let result = match confirmed(confirm.as_deref(), Msg::ConfirmCloseRequired) {
        Ok(()) => retention::close(&call.state.db, &call.ctx.origin(), promotion).await,
        Err(e) => Err(e),
    };
    let to = format!("/coordination/promotions/{promotion}");
    call.answer(result, NOTHING, Some(Msg::PromotionClosed), &to)
        .await
}
