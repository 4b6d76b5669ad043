//! Promotions: public reading, coordinators' creation and edits.

pub mod create;
pub mod read;
pub mod update;

pub use create::CreatePromotion;
pub use read::{get_promotion, list_promotions};
pub use update::UpdatePromotion;
