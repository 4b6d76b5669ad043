//! Email: templates rendered into the outbox inside the caller's transaction,
//! and a worker that sends what is queued through lettre.

pub mod templates;
pub mod transport;
pub mod worker;

pub use templates::{MailTemplate, Rendered};
pub use transport::{Mailer, StubMail};
