use crate::model::AppError;
use crate::model::user::{OutboxFilter, OutboxList};
use leptos::prelude::*;

/// The last 200 messages the filter selects, and how many it selects.
#[server(prefix = "/api", endpoint = "courriels")]
pub async fn list_outbox(filter: OutboxFilter) -> Result<OutboxList, AppError> {
    use crate::server::{policy::Action, service::outbox};
    let call = crate::api::support::allowed(Action::ViewOutbox).await?;
    outbox::list(&call.state.db, &filter, 200).await
}
