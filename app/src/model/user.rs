//! What pages show about people.

use crate::domain::Role;
use serde::{Deserialize, Serialize};

/// The signed-in person, as pages see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub roles: Vec<Role>,
}

impl Viewer {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccountStatus {
    Active,
    Unverified,
    Disabled,
}

/// One row of the admin's users table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub status: AccountStatus,
    pub roles: Vec<Role>,
}

/// One row of the outbox page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxRow {
    pub id: i64,
    pub created_at: String,
    pub recipient: String,
    pub subject: String,
    pub state: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub next_attempt_at: Option<String>,
}

/// What the outbox page lists: messages in a state, to a recipient
/// (part of the address), newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxFilter {
    /// `queued`, `sending`, `sent` or `failed`.
    pub state: Option<String>,
    pub recipient: Option<String>,
}

/// The outbox page: the rows the filter selects (at most a page of them)
/// and how many it selects in all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxList {
    pub rows: Vec<OutboxRow>,
    pub total: u64,
}

/// One message as coordinators may see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMessage {
    pub row: OutboxRow,
    pub sent_at: Option<String>,
    /// The text body: `None` when it holds a single-use link (never shown)
    /// or was forgotten once sent.
    pub body: Option<String>,
    /// Why the body is not shown.
    pub body_hidden: Option<crate::i18n::Msg>,
    /// A failed message whose body is kept may be queued again.
    pub may_resend: bool,
}
