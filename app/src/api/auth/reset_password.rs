use crate::model::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "mot-de-passe-oublie")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::policy::Action;
    let purpose = (crate::domain::TokenPurpose::ResetPassword, None);
    let (action, back) = (Action::RequestPasswordReset, "/mot-de-passe-oublie");
    super::request_link(action, purpose, ("email", &email), Msg::ResetSent, back).await
}

#[server(prefix = "/api", endpoint = "nouveau-mot-de-passe")]
pub async fn reset_password(jeton: String, password: String) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{auth_session, policy::Action, service::accounts};
    let call = super::super::support::allowed(Action::UseEmailedToken).await?;
    accounts::reset_password(&call.state, &call.ctx.origin(), &jeton, &password).await?;
    // Every session of the account has ended, this one included.
    auth_session::end(&call.session).await?;
    call.done(Some(Msg::PasswordChanged), "/connexion").await
}
