//! What every page render knows about its request.

use crate::i18n::{Locale, Msg};
use crate::model::user::Viewer;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One-shot data carried across a form post's redirect: a notice to show
/// ("role granted") and, after an error, what the person had typed, so that
/// nothing is lost without JavaScript. Never holds passwords.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flash {
    pub notice: Option<Msg>,
    pub values: HashMap<String, String>,
}

impl Flash {
    pub fn value(&self, field: &str) -> Option<String> {
        self.values.get(field).cloned()
    }
}

/// What the policy allows the person to open, decided on the server so
/// that pages and navigation never test roles themselves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Capabilities {
    pub list_users: bool,
    pub view_outbox: bool,
    pub manage_promotions: bool,
    pub decide_defis: bool,
    pub review_applications: bool,
    pub manage_organisations: bool,
    /// Belongs to at least one host organisation.
    pub host: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageContext {
    pub can: Capabilities,
    pub viewer: Option<Viewer>,
    pub locale: Locale,
    pub flash: Flash,
    /// Path and query of the page, for the language switch's way back.
    pub path: String,
    /// The programme team's address (the legal and accessibility pages).
    pub contact: String,
}
