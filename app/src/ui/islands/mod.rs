//! The only parts of the interface that run in the browser. Each renders a
//! complete, working element on the server; hydration adds to it.

pub mod autosave;
// What touches the browser's DOM directly; a no-op on the server.
#[cfg_attr(feature = "hydrate", path = "browser.rs")]
#[cfg_attr(not(feature = "hydrate"), path = "browser_stub.rs")]
mod browser;
mod countdown;
mod counter;
mod password;

pub use autosave::Autosave;
pub use countdown::Countdown;
pub use counter::CountedTextArea;
pub use password::PasswordInput;
