use crate::model::AppError;
use leptos::prelude::*;

/// The name the account was opened with and its address, shown on the
/// verification page for its owner to confirm or correct the name (the
/// link is not spent).
#[server(prefix = "/api", endpoint = "verification-nom")]
pub async fn get_pending_name(jeton: String) -> Result<(String, String), AppError> {
    use crate::server::{policy::Action, service::accounts};
    let call = super::super::support::allowed(Action::UseEmailedToken).await?;
    accounts::pending_name(&call.state, &jeton).await
}

#[server(prefix = "/api", endpoint = "verification")]
pub async fn verify_email(
    jeton: String,
    name: String,
    password: String,
    #[server(default)] suite: Option<String>,
) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{auth_session, policy::Action, service::accounts};
    let call = super::super::support::allowed(Action::UseEmailedToken).await?;
    let input = accounts::Verification {
        token: &jeton,
        name: &name,
        password: &password,
        locale: call.ctx.locale,
    };
    let result = accounts::verify_email(&call.state, &call.ctx.origin(), input).await;
    let user_id = call.keep(result, &[("name", &name)]).await?;
    auth_session::start(&call.session, user_id).await?;
    let to = crate::domain::next::or_area(suite.as_deref());
    call.done(Some(Msg::EmailVerified), to).await
}
