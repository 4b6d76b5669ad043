//! Applications as pages show them.

use crate::domain::application::ApplicationState;
use crate::domain::application_form::ApplicationForm;
use crate::domain::profile::ProfileCode;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A published défi the applicant can rank.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferedDefi {
    pub id: i64,
    pub title: String,
    pub organisation: String,
    pub city: String,
    pub profiles: Vec<ProfileCode>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationEventView {
    pub kind: String,
    pub message: String,
    pub at: DateTime<Utc>,
}

/// The applicant's dossier with everything its page needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationDossier {
    pub id: i64,
    pub promotion_id: i64,
    pub promotion_name: String,
    pub profiles: Vec<ProfileCode>,
    pub max_choices: u32,
    pub call_open: DateTime<Utc>,
    /// The call's closing time, or the applicant's later personal deadline.
    pub deadline: DateTime<Utc>,
    pub personal_deadline: bool,
    pub offered: Vec<OfferedDefi>,
    pub state: ApplicationState,
    pub email: String,
    pub form: ApplicationForm,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub cv: Option<super::defi::AttachmentView>,
    pub portfolio: Option<super::defi::AttachmentView>,
    /// Newest first.
    pub events: Vec<ApplicationEventView>,
    pub may_edit: bool,
    /// The viewer may grant a personal deadline (coordinators, while the
    /// applicant still has to submit).
    #[serde(default)]
    pub may_extend: bool,
}

impl ApplicationDossier {
    /// The latest correction request, shown to the applicant.
    pub fn correction_request(&self) -> Option<&ApplicationEventView> {
        (self.state == ApplicationState::CorrectionRequested)
            .then(|| self.events.iter().find(|e| e.kind == "request_correction"))
            .flatten()
    }
}

/// One row of the coordinators' table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApplicationRow {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub profile: String,
    pub experience: String,
    /// Titles of the chosen défis, in order.
    pub choices: Vec<String>,
    pub state: ApplicationState,
    pub submitted_at: Option<DateTime<Utc>>,
    pub support_role: String,
    pub personal_deadline: Option<DateTime<Utc>>,
    /// The review's aggregates, when the promotion has a review stage.
    #[serde(default)]
    pub review: Option<crate::domain::review::aggregate::Aggregate>,
}

/// The coordinators' filters (combined with AND), sort and page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationQuery {
    pub state: Option<ApplicationState>,
    pub profile: Option<String>,
    pub defi: Option<i64>,
    /// "oui" or "non".
    pub support: Option<String>,
    /// Searched in first and last names.
    pub q: Option<String>,
    /// Only dossiers whose reviews disagree (a review stage's aggregates).
    #[serde(default)]
    pub disagreement: bool,
    /// name, profile, experience, state, submitted, or an aggregate's key
    /// (`domain::review::aggregate::sort_value`).
    pub sort: Option<String>,
    pub desc: bool,
    /// From 1.
    pub page: u64,
}

impl ApplicationQuery {
    /// The query string of these filters (and sort), for links and exports.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<(String, String)> = Vec::new();
        if let Some(s) = self.state {
            parts.push(("etat".into(), s.code().into()));
        }
        if let Some(p) = &self.profile {
            parts.push(("profil".into(), p.clone()));
        }
        if let Some(d) = self.defi {
            parts.push(("defi".into(), d.to_string()));
        }
        if let Some(s) = &self.support {
            parts.push(("appui".into(), s.clone()));
        }
        if let Some(q) = &self.q {
            parts.push(("q".into(), q.clone()));
        }
        if self.disagreement {
            parts.push(("desaccord".into(), "on".into()));
        }
        if let Some(s) = &self.sort {
            parts.push(("tri".into(), s.clone()));
        }
        if self.desc {
            parts.push(("ordre".into(), "desc".into()));
        }
        parts
            .into_iter()
            .map(|(k, v)| format!("{k}={}", encode(&v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The inverse of `to_query`, from the page's query parameters.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        let nonempty = |k: &str| get(k).filter(|v| !v.trim().is_empty());
        ApplicationQuery {
            state: nonempty("etat").and_then(|s| ApplicationState::from_code(&s)),
            profile: nonempty("profil"),
            defi: nonempty("defi").and_then(|d| d.parse().ok()),
            support: nonempty("appui").filter(|s| s == "oui" || s == "non"),
            q: nonempty("q").map(|q| q.trim().to_owned()),
            disagreement: get("desaccord").as_deref() == Some("on"),
            sort: nonempty("tri"),
            desc: get("ordre").as_deref() == Some("desc"),
            page: nonempty("page")
                .and_then(|p| p.parse().ok())
                .unwrap_or(1)
                .max(1),
        }
    }
}

use crate::domain::next::encode;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApplicationTable {
    pub promotion_id: i64,
    pub promotion_name: String,
    pub profiles: Vec<ProfileCode>,
    /// Published défis, for the filter.
    pub defis: Vec<(i64, String)>,
    pub rows: Vec<ApplicationRow>,
    /// Rows matching the filters (all pages).
    pub total: u64,
    pub page: u64,
    pub pages: u64,
    /// Every state with its count in the promotion (drafts excluded).
    pub counts: Vec<(ApplicationState, u64)>,
    /// The promotion has a review stage: the rows carry its aggregates.
    #[serde(default)]
    pub reviewed: bool,
    /// The review's criteria (id, name), for the per-criterion means.
    #[serde(default)]
    pub criteria: Vec<(i64, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_round_trip_through_the_url() {
        let q = ApplicationQuery {
            state: Some(ApplicationState::Submitted),
            profile: Some("developer".into()),
            defi: Some(7),
            support: Some("oui".into()),
            q: Some("Éloïse Dupont".into()),
            disagreement: true,
            sort: Some("name".into()),
            desc: true,
            page: 1,
        };
        let s = q.to_query();
        assert!(s.contains("q=%C3%89lo%C3%AFse%20Dupont"), "{s}");
        let map: std::collections::HashMap<String, String> = s
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| {
                let bytes: Vec<u8> = {
                    let mut out = Vec::new();
                    let b = v.as_bytes();
                    let mut i = 0;
                    while i < b.len() {
                        if b[i] == b'%' {
                            out.push(u8::from_str_radix(&v[i + 1..i + 3], 16).unwrap());
                            i += 3;
                        } else {
                            out.push(b[i]);
                            i += 1;
                        }
                    }
                    out
                };
                (k.to_owned(), String::from_utf8(bytes).unwrap())
            })
            .collect();
        assert_eq!(ApplicationQuery::from_params(|k| map.get(k).cloned()), q);
    }
}

/// A draft as coordinators see it: who, when last saved, how complete —
/// never what it says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    /// Paris time.
    pub saved_at: String,
    /// Items that submission requires which are there, out of `of`.
    pub done: usize,
    pub of: usize,
    /// Paris time.
    pub personal_deadline: Option<String>,
}

/// A promotion's drafts, most recently saved first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftsList {
    pub promotion_id: i64,
    pub promotion_name: String,
    /// The call's closing time, Paris time.
    pub closes: String,
    pub rows: Vec<DraftRow>,
}

/// A promotion whose call for applications is open, with the person's
/// dossier in it if any (or a promotion where the person has a dossier).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenCallView {
    pub promotion_id: i64,
    pub promotion_name: String,
    /// Paris time.
    pub closes: String,
    /// The call is open now (else the person has a dossier in it).
    pub open: bool,
    pub application: Option<(i64, crate::domain::application::ApplicationState)>,
}

/// What `/espace` shows the signed-in person: the open calls and their
/// dossiers, and for hosts their organisations with their défis.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaView {
    pub calls: Vec<OpenCallView>,
    pub organisations: Vec<(
        crate::model::organisation::OrganisationView,
        Vec<crate::model::defi::DefiRow>,
    )>,
}
