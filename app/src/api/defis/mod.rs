//! Défis: the host's dossier (create, save, submit), coordinators' decisions
//! and publishing, the public catalogue.

pub mod create;
pub mod decide;
pub mod public;
pub mod read;
pub mod save;

pub use create::CreateDefi;
pub use decide::{DecideDefi, DecideDefis, PublishDefis, preview_defi_batch};
pub use public::{public_defi, public_defis};
pub use read::{get_defi_dossier, promotion_defis};
pub use save::{SaveDefi, SavedDraft};
