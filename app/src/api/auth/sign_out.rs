use crate::model::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "deconnexion")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{auth_session, policy::Action, service::accounts};
    let call = super::super::support::allowed(Action::SignOut).await?;
    accounts::record_sign_out(&call.state, &call.ctx.origin()).await?;
    auth_session::end(&call.session).await?;
    call.done(Some(Msg::SignedOut), "/connexion").await
}
