//! The programme team's pages.

mod outbox;

pub use outbox::OutboxPage;
