use crate::model::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "inscription")]
pub async fn sign_up(
    email: String,
    name: String,
    #[server(default)] suite: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{policy::Action, service::accounts};
    let call = super::super::support::allowed(Action::SignUp).await?;
    let input = accounts::SignUp {
        email: &email,
        name: &name,
        locale: call.ctx.locale,
        next: suite.as_deref(),
    };
    let result = accounts::sign_up(&call.state, &call.ctx.origin(), input).await;
    call.answer(
        result,
        &[("email", &email), ("name", &name)],
        None,
        "/inscription/envoye",
    )
    .await
}
