use crate::model::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "connexion")]
pub async fn sign_in(
    email: String,
    password: String,
    #[server(default)] suite: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{auth_session, policy::Action, service::accounts};
    let call = super::super::support::allowed(Action::SignIn).await?;
    let (origin, next) = (call.ctx.origin(), suite.as_deref());
    let result = accounts::sign_in(&call.state, &origin, (&email, &password), next).await;
    let user_id = call.keep(result, &[("email", &email)]).await?;
    auth_session::start(&call.session, user_id).await?;
    call.done(None, crate::domain::next::or_area(suite.as_deref()))
        .await
}
