//! Pure rules shared by the server and the browser: value types that cannot
//! hold an invalid value, roles, tokens. No I/O and no `cfg` here; each file
//! carries its own unit tests.

pub mod application;
pub mod application_form;
pub mod assignment;
pub mod defi;
pub mod defi_form;
pub mod email;
pub mod form;
pub mod hearings;
pub mod ics;
pub mod interviews;
pub mod json;
pub mod matching;
pub mod milestones;
pub mod next;
pub mod offers;
pub mod organisation;
pub mod password;
pub mod person_name;
pub mod placement;
pub mod profile;
pub mod promotion;
pub mod promotion_form;
pub mod retry;
pub mod review;
pub mod role;
pub mod spreadsheet;
pub mod token;
pub mod upload;
pub mod working_days;

pub use email::Email;
pub use password::Password;
pub use person_name::PersonName;
pub use role::{HostRole, Role};
pub use token::TokenPurpose;
