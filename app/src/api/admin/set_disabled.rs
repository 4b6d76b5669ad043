use crate::model::AppError;
use leptos::prelude::*;

/// `disabled` is "1" to disable, "0" to re-enable.
#[server(prefix = "/api", endpoint = "activation-compte")]
pub async fn set_account_disabled(user_id: i64, disabled: String) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::admin};
    let call =
        super::super::support::allowed(Action::SetAccountDisabled { target: user_id }).await?;
    let disabled = disabled == "1";
    admin::set_disabled(&call.state.db, &call.ctx.origin(), user_id, disabled).await?;
    let notice = if disabled {
        Msg::AccountDisabledDone
    } else {
        Msg::AccountEnabledDone
    };
    call.done(Some(notice), "/admin/utilisateurs").await
}
