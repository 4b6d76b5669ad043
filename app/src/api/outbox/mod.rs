//! The outbox as coordinators see it: the list, a message, a resend.

mod list;
mod message;
mod resend;

pub use list::list_outbox;
pub use message::get_outbox_message;
pub use resend::ResendMail;
