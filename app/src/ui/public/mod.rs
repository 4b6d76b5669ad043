//! Pages anyone can open: home, accounts, static pages, not found.

mod accounts;
mod defis;
mod home;
mod promotion;
mod static_pages;

pub use accounts::{
    ForgotPage, MagicLinkPage, NewPasswordPage, SignInPage, SignUpPage, SignUpSent, VerifyPage,
};
pub use defis::{CatalogPage, DefiCards, SheetPage};
pub use home::Home;
pub use promotion::PromotionPage;
pub use static_pages::{AccessibilityPage, ErrorPage, LegalPage, NotFound, PrivacyPage};
