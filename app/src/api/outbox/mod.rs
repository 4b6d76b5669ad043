//! The outbox as coordinators see it.

use crate::model::{AppError, user::OutboxRow};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "courriels")]
pub async fn list_outbox() -> Result<Vec<OutboxRow>, AppError> {
    use crate::server::{policy::Action, service::outbox};
    let call = super::support::allowed(Action::ViewOutbox).await?;
    outbox::recent(&call.state.db, 200).await
}
