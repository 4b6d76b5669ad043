//! Rate limits on the doors attackers knock at: sign-in, sign-up and the
//! requests that send an email. Keyed by client IP and by email address,
//! with `governor` (GCRA) in memory; each server process counts on its own.

use crate::model::AppError;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::num::NonZeroU32;
use std::time::Duration;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Door {
    SignInPerIp,
    SignInPerEmail,
    SignUpPerIp,
    EmailLinkPerIp,
    EmailLinkPerEmail,
}

pub struct RateLimits {
    sign_in_ip: DefaultKeyedRateLimiter<String>,
    sign_in_email: DefaultKeyedRateLimiter<String>,
    sign_up_ip: DefaultKeyedRateLimiter<String>,
    link_ip: DefaultKeyedRateLimiter<String>,
    link_email: DefaultKeyedRateLimiter<String>,
}

/// `burst` attempts at once, then one more every `every`.
fn quota(burst: u32, every: Duration) -> Quota {
    Quota::with_period(every)
        .expect("non-zero period")
        .allow_burst(NonZeroU32::new(burst).expect("non-zero burst"))
}

impl Default for RateLimits {
    fn default() -> Self {
        let min = |m: u64| Duration::from_secs(60 * m);
        Self {
            sign_in_ip: RateLimiter::keyed(quota(30, Duration::from_secs(20))),
            sign_in_email: RateLimiter::keyed(quota(10, min(1))),
            sign_up_ip: RateLimiter::keyed(quota(10, min(6))),
            link_ip: RateLimiter::keyed(quota(20, Duration::from_secs(30))),
            link_email: RateLimiter::keyed(quota(5, min(3))),
        }
    }
}

impl RateLimits {
    pub fn check(&self, door: Door, key: &str) -> Result<(), AppError> {
        let limiter = match door {
            Door::SignInPerIp => &self.sign_in_ip,
            Door::SignInPerEmail => &self.sign_in_email,
            Door::SignUpPerIp => &self.sign_up_ip,
            Door::EmailLinkPerIp => &self.link_ip,
            Door::EmailLinkPerEmail => &self.link_email,
        };
        limiter.check_key(&key.to_owned()).map_err(|_| {
            tracing::warn!(?door, "rate limit reached");
            AppError::RateLimited
        })
    }

    /// Forgets old keys; run periodically so memory stays bounded.
    pub fn shrink(&self) {
        for l in [
            &self.sign_in_ip,
            &self.sign_in_email,
            &self.sign_up_ip,
            &self.link_ip,
            &self.link_email,
        ] {
            l.retain_recent();
            l.shrink_to_fit();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_in_per_email_stops_after_ten_quick_attempts() {
        let limits = RateLimits::default();
        for _ in 0..10 {
            assert!(limits.check(Door::SignInPerEmail, "a@b.fr").is_ok());
        }
        assert_eq!(
            limits.check(Door::SignInPerEmail, "a@b.fr"),
            Err(AppError::RateLimited)
        );
        // Another address is not affected.
        assert!(limits.check(Door::SignInPerEmail, "c@d.fr").is_ok());
    }
}
