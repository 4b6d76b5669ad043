//! Emailed single-use tokens: what each is for and how long it lives.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TokenPurpose {
    VerifyEmail,
    ResetPassword,
    MagicLink,
}

impl TokenPurpose {
    pub fn code(self) -> &'static str {
        match self {
            TokenPurpose::VerifyEmail => "verify_email",
            TokenPurpose::ResetPassword => "reset_password",
            TokenPurpose::MagicLink => "magic_link",
        }
    }

    /// Lifetime in minutes: magic links 10 minutes and reset links one hour
    /// (the numbers); a verification link two days, since people
    /// often open it the next day.
    pub fn lifetime_minutes(self) -> i64 {
        match self {
            TokenPurpose::VerifyEmail => 48 * 60,
            TokenPurpose::ResetPassword => 60,
            TokenPurpose::MagicLink => 10,
        }
    }

    /// Whether the token is still valid `elapsed_minutes` after issue.
    pub fn is_fresh(self, elapsed_seconds: i64) -> bool {
        (0..self.lifetime_minutes() * 60).contains(&elapsed_seconds)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_links_last_ten_minutes() {
        assert!(TokenPurpose::MagicLink.is_fresh(599));
        assert!(!TokenPurpose::MagicLink.is_fresh(600));
    }

    #[test]
    fn reset_links_last_one_hour() {
        assert!(TokenPurpose::ResetPassword.is_fresh(3599));
        assert!(!TokenPurpose::ResetPassword.is_fresh(3600));
    }

    #[test]
    fn a_token_from_the_future_is_not_fresh() {
        assert!(!TokenPurpose::VerifyEmail.is_fresh(-1));
    }
}
