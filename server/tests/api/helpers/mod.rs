//! What the integration tests share: the application under test
//! ([`TestApp`], one server and one database per test), a browser without
//! JavaScript ([`Browser`]), the people tests play ([`personas`]), the rows
//! they start from ([`fixtures`]) and the interface texts they look for
//! ([`texts`]).

mod app;
mod browser;
mod cli;
mod fixtures;
mod personas;
mod smtp;
mod texts;

pub use app::{TestApp, site_root};
pub use browser::{Browser, Landing, error_fields, error_in, location, refusal, token_in};
pub use cli::{cohorte, run_cli};
pub use fixtures::{PASSWORD, PDF, open_applications, open_call, open_promotion};
pub use personas::register;
pub use smtp::Sink;
pub use texts::{Msg, en, fill, fr, fr_parts, shows};
