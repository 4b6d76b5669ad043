//! Use-cases. Each owns its transaction: it changes state, writes the audit
//! entry and queues the emails in that same transaction, then wakes the
//! outbox worker after commit.

pub mod accounts;
pub mod admin;
pub mod applications;
pub mod attachments;
pub mod audit;
pub mod catalogue;
pub mod defis;
pub mod drafts;
pub mod exports;
pub mod memberships;
pub mod organisations;
pub mod outbox;
pub mod passwords;
pub mod privacy;
pub mod promotions;
pub mod retention;
pub mod selection;
pub mod sweeper;
pub mod tokens;
pub mod users;

/// Who asked, from where: what the audit log records.
#[derive(Clone, Debug, Default)]
pub struct Origin {
    pub actor_id: Option<i64>,
    pub ip: Option<String>,
}
