use crate::model::{AppError, user::UserRow};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "utilisateurs")]
pub async fn list_users(q: String) -> Result<Vec<UserRow>, AppError> {
    use crate::server::{policy::Action, service::users};
    let call = super::super::support::allowed(Action::ListUsers).await?;
    users::search(&call.state.db, &q, 500).await
}
