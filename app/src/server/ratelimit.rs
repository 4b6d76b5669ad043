//! Rate limits on the doors attackers knock at: sign-in, sign-up, the
//! requests that send an email, and invitations. `governor` (GCRA) in
//! memory; each server process counts on its own.
//!
//! Nothing is ever keyed by an email address alone with a refusal: that
//! would let a stranger lock a person out of their account (say, in the
//! last hours before a deadline) by trying their address. Attempts on an
//! address are refused per (address, client); across all clients an
//! address only has a ceiling that *slows* answers down, so its owner,
//! from their own connection, still gets in. Over the ceiling, attempts on
//! the address are also taken one at a time (each waits its turn, then
//! `SLOW_DOWN`): many clients together get no more than one attempt per
//! `SLOW_DOWN` on one address.

use crate::model::AppError;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

/// Limits keyed by one thing (a client address, an organisation, an
/// account); going over is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Door {
    SignInPerIp,
    SignUpPerIp,
    EmailLinkPerIp,
    /// Invitation emails sent by the members of one organisation.
    InvitePerOrganisation,
    /// Invitation emails sent by one account, whatever the organisation.
    InvitePerAccount,
}

/// Doors keyed by an email address someone typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmailDoor {
    SignIn,
    /// Sign-up, magic link, password reset: each sends an email.
    EmailLink,
}

/// How long an answer waits once an address is over its ceiling.
pub const SLOW_DOWN: Duration = Duration::from_secs(2);

struct PerEmail {
    /// (address, client): refused when over.
    client: DefaultKeyedRateLimiter<String>,
    /// address alone: slowed down when over, never refused.
    ceiling: DefaultKeyedRateLimiter<String>,
}

/// Held for the whole attempt on an address over its ceiling.
pub type Turn = Option<tokio::sync::OwnedMutexGuard<()>>;

pub struct RateLimits {
    /// One queue per address over its ceiling.
    turns: std::sync::Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
    sign_in_ip: DefaultKeyedRateLimiter<String>,
    sign_up_ip: DefaultKeyedRateLimiter<String>,
    link_ip: DefaultKeyedRateLimiter<String>,
    invite_org: DefaultKeyedRateLimiter<String>,
    invite_account: DefaultKeyedRateLimiter<String>,
    sign_in: PerEmail,
    link: PerEmail,
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
            turns: Default::default(),
            sign_in_ip: RateLimiter::keyed(quota(30, Duration::from_secs(20))),
            // Generous: a whole administration may sign up from behind one
            // proxy before a deadline; each address is protected on its own.
            sign_up_ip: RateLimiter::keyed(quota(30, Duration::from_secs(30))),
            link_ip: RateLimiter::keyed(quota(20, Duration::from_secs(30))),
            invite_org: RateLimiter::keyed(quota(30, min(2))),
            invite_account: RateLimiter::keyed(quota(20, min(3))),
            sign_in: PerEmail {
                client: RateLimiter::keyed(quota(10, min(1))),
                ceiling: RateLimiter::keyed(quota(60, Duration::from_secs(10))),
            },
            link: PerEmail {
                client: RateLimiter::keyed(quota(5, min(3))),
                ceiling: RateLimiter::keyed(quota(20, min(3))),
            },
        }
    }
}

fn refused(door: impl std::fmt::Debug) -> AppError {
    tracing::warn!(?door, "rate limit reached");
    AppError::RateLimited
}

impl RateLimits {
    pub fn check(&self, door: Door, key: &str) -> Result<(), AppError> {
        let limiter = match door {
            Door::SignInPerIp => &self.sign_in_ip,
            Door::SignUpPerIp => &self.sign_up_ip,
            Door::EmailLinkPerIp => &self.link_ip,
            Door::InvitePerOrganisation => &self.invite_org,
            Door::InvitePerAccount => &self.invite_account,
        };
        limiter
            .check_key(&key.to_owned())
            .map_err(|_| refused(door))
    }

    /// Counts an attempt on `email` from `client`: refused when that
    /// client has tried this address too often; `Ok(true)` when the
    /// address is over its ceiling across all clients, and the caller
    /// should slow down (see [`RateLimits::check_email`]).
    pub fn count_email(
        &self,
        door: EmailDoor,
        email: &str,
        client: &str,
    ) -> Result<bool, AppError> {
        let limits = match door {
            EmailDoor::SignIn => &self.sign_in,
            EmailDoor::EmailLink => &self.link,
        };
        limits
            .client
            .check_key(&format!("{email}\u{0}{client}"))
            .map_err(|_| refused(door))?;
        Ok(limits.ceiling.check_key(&email.to_owned()).is_err())
    }

    /// [`RateLimits::count_email`]; when the address is over its ceiling,
    /// waits for its turn and then [`SLOW_DOWN`], and returns the turn:
    /// the caller holds it until the attempt is over.
    pub async fn check_email(
        &self,
        door: EmailDoor,
        email: &str,
        client: &str,
    ) -> Result<Turn, AppError> {
        if !self.count_email(door, email, client)? {
            return Ok(None);
        }
        tracing::warn!(?door, "address over its ceiling: slowing down");
        let queue = {
            let mut turns = self.turns.lock().unwrap_or_else(|p| p.into_inner());
            turns
                .entry(format!("{door:?}\u{0}{email}"))
                .or_default()
                .clone()
        };
        let turn = queue.lock_owned().await;
        tokio::time::sleep(SLOW_DOWN).await;
        Ok(Some(turn))
    }

    /// Forgets old keys; run periodically so memory stays bounded.
    pub fn shrink(&self) {
        self.turns
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .retain(|_, q| Arc::strong_count(q) > 1);
        for l in [
            &self.sign_in_ip,
            &self.sign_up_ip,
            &self.link_ip,
            &self.invite_org,
            &self.invite_account,
            &self.sign_in.client,
            &self.sign_in.ceiling,
            &self.link.client,
            &self.link.ceiling,
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
    fn a_stranger_cannot_lock_the_owner_out() {
        let limits = RateLimits::default();
        for _ in 0..10 {
            assert_eq!(
                limits.count_email(EmailDoor::SignIn, "a@b.fr", "6.6.6.6"),
                Ok(false)
            );
        }
        // The stranger's client is stopped…
        assert_eq!(
            limits.count_email(EmailDoor::SignIn, "a@b.fr", "6.6.6.6"),
            Err(AppError::RateLimited)
        );
        // …the owner, from their own address, is not.
        assert_eq!(
            limits.count_email(EmailDoor::SignIn, "a@b.fr", "10.0.0.1"),
            Ok(false)
        );
        // Another address is not affected either.
        assert_eq!(
            limits.count_email(EmailDoor::SignIn, "c@d.fr", "6.6.6.6"),
            Ok(false)
        );
    }

    #[test]
    fn many_clients_on_one_address_only_slow_it_down() {
        let limits = RateLimits::default();
        let mut slowed = 0;
        for i in 0..100 {
            let client = format!("10.0.{}.{}", i / 250, i % 250);
            match limits.count_email(EmailDoor::SignIn, "a@b.fr", &client) {
                Ok(true) => slowed += 1,
                Ok(false) => {}
                Err(e) => panic!("refused at {i}: {e:?}"),
            }
        }
        assert_eq!(slowed, 40, "the ceiling is 60 at once");
    }
}
