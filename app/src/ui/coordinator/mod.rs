//! The programme team's pages.

mod applications;
mod assignment;
mod defis;
mod drafts;
mod follow;
mod formation;
mod formation_charts;
mod formation_run;
mod grid_editor;
mod hearings;
mod interviews;
mod offers;
mod organisations;
mod outbox;
mod preselection;
mod promotions;
pub(crate) mod shortlist;
mod timeline;

pub use applications::{ApplicationBatchPage, ApplicationReviewPage, ApplicationsListPage};
pub use assignment::AssignmentPage;
pub use defis::{BatchPreviewPage, DefiReviewPage, PromotionDefisPage};
pub use drafts::DraftsPage;
pub use follow::{DashboardPage, DashboardView, DashboardViewProps};
pub use formation::FormationPage;
pub use formation_run::RunPage;
pub use grid_editor::GridEditor;
pub use hearings::HearingsPage;
pub use interviews::InterviewsPage;
pub use offers::{OffersPage, offer_state};
pub use organisations::{EditOrganisationPage, OrganisationsPage};
pub use outbox::{OutboxMessagePage, OutboxPage};
pub use preselection::{PreselectionPage, profile_name};
pub use promotions::{EditPromotionPage, NewPromotionPage, PromotionsPage, calendar_line};
pub use shortlist::{ResultsPage, ShortlistPreviewPage};
pub use timeline::{TimelinePage, TimelineView, TimelineViewProps};
