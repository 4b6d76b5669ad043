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
