//! What every page render knows about its request.

use crate::i18n::{Locale, Msg};
use crate::model::AppError;
use crate::model::user::Viewer;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One-shot data carried across a form post's redirect: a notice to show
/// ("role granted") and, after an error, what the person had typed, so that
/// nothing is lost without JavaScript; and why the post was refused.
/// Never holds passwords.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flash {
    pub notice: Option<Msg>,
    pub values: HashMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<PostedError>,
}

/// The error a form post was refused with, and the server function that
/// refused it (its path), for the page the browser is sent back to. It
/// travels in the flash rather than in the URL (Leptos' `?__err=`), so a
/// reload or a shared link does not show it again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostedError {
    pub path: String,
    pub error: AppError,
}

impl Flash {
    pub fn value(&self, field: &str) -> Option<String> {
        self.values.get(field).cloned()
    }

    /// The error the server function at `path` was refused with.
    pub fn error_of(&self, path: &str) -> Option<AppError> {
        self.error
            .as_ref()
            .filter(|e| e.path == path)
            .map(|e| e.error.clone())
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
    /// Sits on at least one promotion's jury.
    pub jury: bool,
    /// Applies to the programme: signed in without a programme role (a
    /// host or coordinator with a dossier finds it in their area).
    pub apply: bool,
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
