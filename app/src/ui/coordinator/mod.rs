//! The programme team's pages.

mod outbox;
mod promotions;

pub use outbox::OutboxPage;
pub use promotions::{EditPromotionPage, NewPromotionPage, PromotionsPage, calendar_line};
