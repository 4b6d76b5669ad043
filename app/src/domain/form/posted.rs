//! What a form posts, by name: the flattened input of a server function.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One posted value: `name=value`, or a list (`name[0]=…`, `name[]=…`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PostedValue {
    One(String),
    Many(Vec<String>),
}

/// Everything a form posts, by name: the one input of a server function
/// that takes a whole form (`#[server(flatten)] form: Posted`), so that the
/// no-JavaScript form and the autosave post the same flat names. Only
/// declared names are read from it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Posted(pub BTreeMap<String, PostedValue>);

impl Posted {
    /// A single value (the first of a list).
    pub fn get(&self, name: &str) -> Option<String> {
        match self.0.get(name)? {
            PostedValue::One(v) => Some(v.clone()),
            PostedValue::Many(v) => v.first().cloned(),
        }
    }

    /// A list (a single value is a list of one).
    pub fn list(&self, name: &str) -> Vec<String> {
        match self.0.get(name) {
            Some(PostedValue::One(v)) => vec![v.clone()],
            Some(PostedValue::Many(v)) => v.clone(),
            None => Vec::new(),
        }
    }

    /// A whole number (an id, a version); `None` if absent or unreadable.
    pub fn number<T: std::str::FromStr>(&self, name: &str) -> Option<T> {
        self.get(name)?.trim().parse().ok()
    }

    pub fn from_pairs<K: Into<String>, V: Into<String>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        Self(
            pairs
                .into_iter()
                .map(|(k, v)| (k.into(), PostedValue::One(v.into())))
                .collect(),
        )
    }
}
