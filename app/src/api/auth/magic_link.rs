use crate::model::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "lien-de-connexion")]
pub async fn request_magic_link(
    email: String,
    #[server(default)] suite: Option<String>,
) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::policy::Action;
    let purpose = (crate::domain::TokenPurpose::MagicLink, suite.as_deref());
    // Back to the sign-in page, still on the way to where the person was
    // going (a password sign-in from there goes there too).
    let back = format!("/connexion{}", crate::domain::next::query(suite.as_deref()));
    let action = Action::RequestMagicLink;
    super::request_link(
        action,
        purpose,
        ("magic_email", &email),
        Msg::MagicSent,
        &back,
    )
    .await
}

#[server(prefix = "/api", endpoint = "connexion-par-lien")]
pub async fn use_magic_link(
    jeton: String,
    #[server(default)] suite: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{auth_session, policy::Action, service::accounts};
    let call = super::super::support::allowed(Action::UseEmailedToken).await?;
    let user_id = accounts::use_magic_link(&call.state, &call.ctx.origin(), &jeton).await?;
    auth_session::start(&call.session, user_id).await?;
    call.done(None, crate::domain::next::or_area(suite.as_deref()))
        .await
}
