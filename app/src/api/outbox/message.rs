use crate::model::AppError;
use crate::model::user::OutboxMessage;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "courriel")]
pub async fn get_outbox_message(id: i64) -> Result<OutboxMessage, AppError> {
    use crate::server::{policy::Action, service::outbox};
    let call = crate::api::support::allowed(Action::ViewOutbox).await?;
    outbox::message(&call.state.db, id).await
}
