//! Application dossiers, applicant side: start, save (autosave too),
//! submit, withdraw, read.

pub mod drafts;
pub mod read;
pub mod review;
pub mod save;
pub mod start;

pub use drafts::{RemindDraft, promotion_drafts};
pub use read::{OpenCallView, get_application, my_applications};
pub use review::{
    ExtendApplication, ReviewApplication, ReviewApplications, preview_application_batch,
    promotion_applications,
};
pub use save::SaveApplication;
pub use start::{StartApplication, WithdrawApplication};
