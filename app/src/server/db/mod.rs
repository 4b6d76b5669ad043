//! sea-orm entities and the connection. Queries that more than one service
//! needs live next to their entity.

pub mod application;
pub mod application_choice;
pub mod application_event;
pub mod attachment;
pub mod audit_entry;
pub mod auth_token;
pub mod connect;
pub mod declared;
pub mod defi;
pub mod defi_event;
pub mod defi_slot;
pub mod formation;
pub mod guarded;
pub mod hearings;
pub mod interviews;
pub mod invitation;
pub mod job_lease;
pub mod milestones;
pub mod organisation;
pub mod outbox_message;
pub mod promotion;
pub mod review;
pub mod role_grant;
pub mod session;
pub mod session_store;
pub mod user;

pub use connect::{connect, transient, write_txn};
