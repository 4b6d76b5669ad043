use crate::model::AppError;
use leptos::prelude::*;

/// Queues a failed message again; back to its page with a notice.
#[server(prefix = "/api", endpoint = "renvoyer-courriel")]
pub async fn resend_mail(id: i64) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::outbox};
    let call = crate::api::support::allowed(Action::ResendMail).await?;
    let result = outbox::resend(&call.state, &call.ctx.origin(), id).await;
    call.answer(
        result,
        crate::api::support::NOTHING,
        Some(Msg::MailResentNotice),
        &format!("/coordination/courriels/{id}"),
    )
    .await
}
