use crate::model::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "lien-de-connexion")]
pub async fn request_magic_link(email: String) -> Result<(), AppError> {
    use crate::domain::TokenPurpose;
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::accounts};
    let call = super::super::support::allowed(Action::RequestMagicLink).await?;
    let result = accounts::request_link(
        &call.state,
        &call.ctx.origin(),
        &email,
        TokenPurpose::MagicLink,
    )
    .await;
    call.answer(
        result,
        &[("magic_email", &email)],
        Some(Msg::MagicSent),
        "/connexion",
    )
    .await
}

#[server(prefix = "/api", endpoint = "connexion-par-lien")]
pub async fn use_magic_link(jeton: String) -> Result<(), AppError> {
    use crate::server::{auth_session, policy::Action, service::accounts};
    let call = super::super::support::allowed(Action::UseEmailedToken).await?;
    let user_id = accounts::use_magic_link(&call.state, &call.ctx.origin(), &jeton).await?;
    auth_session::start(&call.session, user_id).await?;
    call.done(None, "/espace").await
}
