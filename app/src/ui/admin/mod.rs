//! Instance administration.

mod users;

pub use users::UsersPage;
