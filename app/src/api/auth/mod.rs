//! Accounts: sign-up, verification, sign-in, links, reset, sign-out.

pub mod magic_link;
pub mod reset_password;
pub mod sign_in;
pub mod sign_out;
pub mod sign_up;
pub mod verify_email;

pub use magic_link::{RequestMagicLink, UseMagicLink};
pub use reset_password::{RequestPasswordReset, ResetPassword};
pub use sign_in::SignIn;
pub use sign_out::SignOut;
pub use sign_up::SignUp;
pub use verify_email::{GetPendingName, VerifyEmail, get_pending_name};

/// Sends a sign-in or a reset link to `email` (the same answer whether the
/// account exists or not; a sign-in link carries where the person was
/// going), then back to the form at `back` with `notice`;
/// the address is kept in `field` across an error redirect.
#[cfg(feature = "ssr")]
async fn request_link(
    action: crate::server::policy::Action,
    purpose: (crate::domain::TokenPurpose, Option<&str>),
    (field, email): (&str, &str),
    notice: crate::i18n::Msg,
    back: &str,
) -> Result<(), crate::model::AppError> {
    use crate::server::service::accounts;
    let call = super::support::allowed(action).await?;
    let result = accounts::request_link(&call.state, &call.ctx.origin(), email, purpose).await;
    call.answer(result, &[(field, email)], Some(notice), back)
        .await
}
