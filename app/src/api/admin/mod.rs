//! Admin: users, roles, account activation.

pub mod list_users;
pub mod roles;
pub mod set_disabled;

pub use list_users::{ListUsers, list_users};
pub use roles::{GrantRole, RevokeRole};
pub use set_disabled::SetAccountDisabled;
