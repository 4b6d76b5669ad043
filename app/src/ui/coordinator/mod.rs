//! The programme team's pages.

mod applications;
mod defis;
mod drafts;
mod organisations;
mod outbox;
mod promotions;

pub use applications::{ApplicationBatchPage, ApplicationReviewPage, ApplicationsListPage};
pub use defis::{BatchPreviewPage, DefiReviewPage, PromotionDefisPage};
pub use drafts::DraftsPage;
pub use organisations::{EditOrganisationPage, OrganisationsPage};
pub use outbox::{OutboxMessagePage, OutboxPage};
pub use promotions::{EditPromotionPage, NewPromotionPage, PromotionsPage, calendar_line};
