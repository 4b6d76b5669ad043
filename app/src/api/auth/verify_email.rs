use crate::model::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "verification")]
pub async fn verify_email(jeton: String, password: String) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{auth_session, policy::Action, service::accounts};
    let call = super::super::support::call().await?;
    call.allow(Action::UseEmailedToken)?;
    let user_id =
        accounts::verify_email(&call.state, &call.ctx.origin(), &jeton, &password).await?;
    auth_session::start(&call.session, user_id).await?;
    call.done(Some(Msg::EmailVerified), "/espace").await
}
