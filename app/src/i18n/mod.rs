//! French and English texts. Every text the interface shows is a `Msg`,
//! declared once in the file of its feature (`shell.rs`, `accounts.rs`,
//! `defis.rs`, …) with its French and its English side by side:
//!
//! ```text
//! super::texts! {
//!     Defis;
//!     SaveDraft => "Enregistrer le brouillon", "Save the draft";
//! }
//! ```
//!
//! A key without both texts does not parse, and a key declared twice does
//! not compile (two `Msg` constants of one name), so the catalogue is
//! complete at compile time. Placeholders are named (`{deadline}`), filled
//! by [`fill`], so that a translation may order words as its language
//! wants. Chosen over a runtime-loaded catalogue (fluent, leptos_i18n) to
//! keep the browser bundle small and every key checked by the compiler.

mod accounts;
mod admin;
mod applications;
mod defis;
mod dossiers;
mod follow;
mod formation;
mod forms;
mod hearings;
mod interviews;
mod jury;
mod matching;
mod milestones;
mod offers;
mod organisations;
mod plans;
mod promotions;
mod review;
mod selection;
mod shell;

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    Fr,
    En,
}

impl Locale {
    pub fn code(self) -> &'static str {
        match self {
            Locale::Fr => "fr",
            Locale::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code.trim().to_ascii_lowercase().as_str() {
            "fr" => Some(Locale::Fr),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    pub fn other(self) -> Self {
        match self {
            Locale::Fr => Locale::En,
            Locale::En => Locale::Fr,
        }
    }

    pub fn t(self, msg: Msg) -> &'static str {
        let texts = msg.feature.texts();
        let i = usize::from(msg.index);
        match self {
            Locale::Fr => texts.fr[i],
            Locale::En => texts.en[i],
        }
    }
}

/// The features the texts are grouped by, one file each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Feature {
    Shell,
    Forms,
    Accounts,
    Admin,
    Promotions,
    Organisations,
    Defis,
    Selection,
    Applications,
    Dossiers,
    Matching,
    Review,
    Jury,
    Interviews,
    Hearings,
    Formation,
    Offers,
    Milestones,
    Follow,
    Plans,
}

impl Feature {
    const ALL: [Feature; 20] = [
        Feature::Shell,
        Feature::Forms,
        Feature::Accounts,
        Feature::Admin,
        Feature::Promotions,
        Feature::Organisations,
        Feature::Defis,
        Feature::Selection,
        Feature::Applications,
        Feature::Dossiers,
        Feature::Matching,
        Feature::Review,
        Feature::Jury,
        Feature::Interviews,
        Feature::Hearings,
        Feature::Formation,
        Feature::Offers,
        Feature::Milestones,
        Feature::Follow,
        Feature::Plans,
    ];

    fn texts(self) -> &'static Texts {
        match self {
            Feature::Shell => &shell::TEXTS,
            Feature::Forms => &forms::TEXTS,
            Feature::Accounts => &accounts::TEXTS,
            Feature::Admin => &admin::TEXTS,
            Feature::Promotions => &promotions::TEXTS,
            Feature::Organisations => &organisations::TEXTS,
            Feature::Defis => &defis::TEXTS,
            Feature::Selection => &selection::TEXTS,
            Feature::Applications => &applications::TEXTS,
            Feature::Dossiers => &dossiers::TEXTS,
            Feature::Matching => &matching::TEXTS,
            Feature::Review => &review::TEXTS,
            Feature::Jury => &jury::TEXTS,
            Feature::Interviews => &interviews::TEXTS,
            Feature::Hearings => &hearings::TEXTS,
            Feature::Formation => &formation::TEXTS,
            Feature::Offers => &offers::TEXTS,
            Feature::Milestones => &milestones::TEXTS,
            Feature::Follow => &follow::TEXTS,
            Feature::Plans => &plans::TEXTS,
        }
    }
}

/// One feature's texts, in the order of its declaration.
struct Texts {
    names: &'static [&'static str],
    fr: &'static [&'static str],
    en: &'static [&'static str],
}

/// Every text of the interface, by meaning: `Msg::SaveDraft`. The
/// constants are declared by `texts!` in each feature's file. On the wire
/// (errors, props, flashes) a text is its key's name.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Msg {
    feature: Feature,
    index: u16,
}

impl Msg {
    const fn new(feature: Feature, index: u16) -> Self {
        Msg { feature, index }
    }

    /// The key's name, as written in the code (`SaveDraft`).
    pub fn name(self) -> &'static str {
        self.feature.texts().names[usize::from(self.index)]
    }

    /// The key named `name`.
    pub fn from_name(name: &str) -> Option<Msg> {
        Msg::all().find(|m| m.name() == name)
    }

    /// All keys, for the completeness tests.
    pub fn all() -> impl Iterator<Item = Msg> {
        Feature::ALL.into_iter().flat_map(|feature| {
            (0..feature.texts().names.len())
                .map(move |i| Msg::new(feature, u16::try_from(i).expect("fewer than 65,536 texts")))
        })
    }
}

impl Serialize for Msg {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Msg {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Msg::from_name(&name)
            .ok_or_else(|| serde::de::Error::custom(format_args!("unknown text {name}")))
    }
}

impl std::fmt::Debug for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Declares one feature's texts: `Key => "français", "English";`.
macro_rules! texts {
    ($feature:ident; $($name:ident => $fr:literal, $en:literal;)*) => {
        /// The keys' positions in the tables below.
        #[repr(u16)]
        #[allow(
            clippy::enum_variant_names,
            reason = "the keys are the texts' names; in one feature they may share a prefix (Match…) and in the others not, so an expect would go unfulfilled"
        )]
        enum Key { $($name),* }

        #[expect(
            non_upper_case_globals,
            reason = "a text's key reads as a name (Msg::SaveDraft), as the enum variants it replaced"
        )]
        impl super::Msg {
            $(pub const $name: super::Msg =
                super::Msg::new(super::Feature::$feature, Key::$name as u16);)*
        }

        pub(super) static TEXTS: super::Texts = super::Texts {
            names: &[$(stringify!($name)),*],
            fr: &[$($fr),*],
            en: &[$($en),*],
        };
    };
}
use texts;

/// Fills the named placeholders of `template` (`{deadline}`) with
/// `values`, so that a translation may put them in any order. A
/// placeholder without a value stays as written (a visible mistake rather
/// than a silent blank); a lone `{` is kept.
pub fn fill<'a>(template: &'a str, values: &[(&str, &'a str)]) -> String {
    fill_with(template, |token| value_of(values, token))
}

impl Locale {
    /// `fill`, with the plural forms of this language: `{count|jour|jours}`
    /// is the form for the number that `count` holds (French: the singular
    /// below 2, "0 jour"; English: the singular for 1 only, "0 days"). A
    /// text with plural forms goes through here; `fill` alone leaves them
    /// as written, a visible mistake.
    pub fn fill<'a>(self, template: &'a str, values: &[(&str, &'a str)]) -> String {
        let singular = |n: i64| match self {
            Locale::Fr => n.abs() < 2,
            Locale::En => n.abs() == 1,
        };
        fill_with(template, |token| match token.split_once('|') {
            Some((name, forms)) => {
                let (one, other) = forms.split_once('|').filter(|(_, o)| !o.contains('|'))?;
                let n: i64 = value_of(values, name)?.parse().ok()?;
                Some(if singular(n) { one } else { other })
            }
            None => value_of(values, token),
        })
    }
}

/// The value of placeholder `name`, if it is a name and has one.
fn value_of<'a>(values: &[(&str, &'a str)], name: &str) -> Option<&'a str> {
    if !is_name(name) {
        return None;
    }
    values.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
}

/// `template` with each `{token}` replaced by what `resolve` says of it; a
/// token it does not know, and a lone `{`, stay as written.
fn fill_with<'a>(template: &'a str, resolve: impl Fn(&'a str) -> Option<&'a str>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    // Char patterns only: the islands fill texts too, and a `&str` pattern
    // would bring the two-way string searcher into the browser bundle.
    while let Some(i) = rest.find('{') {
        let (before, from) = rest.split_at(i);
        out.push_str(before);
        let found = from[1..].find('}').and_then(|end| {
            let value = resolve(&from[1..1 + end])?;
            Some((value, &from[end + 2..]))
        });
        match found {
            Some((value, after)) => {
                out.push_str(value);
                rest = after;
            }
            None => {
                out.push('{');
                rest = &from[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A placeholder's name: lowercase letters, digits and `_`.
fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The placeholder names of a text, in order.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some((_, after)) = rest.split_once('{') {
        match after.split_once('}') {
            Some((name, tail)) if is_name(name) => {
                names.push(name);
                rest = tail;
            }
            _ => rest = after,
        }
    }
    names
}

#[cfg(test)]
mod tests;
