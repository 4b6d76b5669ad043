use crate::model::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "attribuer-role")]
pub async fn grant_role(user_id: i64, role: String) -> Result<(), AppError> {
    use crate::domain::{Role, role::GRANTABLE_BY_ADMIN};
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::admin};
    let call = super::super::support::allowed(Action::ManageRoles { target: user_id }).await?;
    let role = Role::from_parts(&role, None)
        .filter(|r| GRANTABLE_BY_ADMIN.contains(r))
        .ok_or(AppError::field("role", Msg::ErrForbidden))?;
    admin::grant_role(&call.state.db, &call.ctx.origin(), user_id, role).await?;
    call.done(Some(Msg::RoleGranted), "/admin/utilisateurs")
        .await
}

#[server(prefix = "/api", endpoint = "retirer-role")]
pub async fn revoke_role(user_id: i64, role: String) -> Result<(), AppError> {
    use crate::domain::{Role, role::GRANTABLE_BY_ADMIN};
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::admin};
    let call = super::super::support::allowed(Action::ManageRoles { target: user_id }).await?;
    let role = Role::from_parts(&role, None)
        .filter(|r| GRANTABLE_BY_ADMIN.contains(r))
        .ok_or(AppError::NotFound)?;
    admin::revoke_role(&call.state.db, &call.ctx.origin(), user_id, role).await?;
    call.done(Some(Msg::RoleRevoked), "/admin/utilisateurs")
        .await
}
