//! The interface texts tests look for, through the translations
//! (`app::i18n`) rather than as literals: a reworded text changes its
//! translation, not the tests.

use app::i18n::Locale;
pub use app::i18n::Msg;

/// A French text with its placeholders filled and its plural forms chosen
/// (the French texts the tests read).
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    Locale::Fr.fill(template, values)
}

/// The French text of `msg` (the default language).
pub fn fr(msg: Msg) -> &'static str {
    Locale::Fr.t(msg)
}

/// The English text of `msg`.
pub fn en(msg: Msg) -> &'static str {
    Locale::En.t(msg)
}

/// The fixed parts of the French text of `msg`, around its `{name}`
/// placeholders, in order.
pub fn fr_parts(msg: Msg) -> Vec<&'static str> {
    let mut parts = Vec::new();
    let mut rest = fr(msg);
    while let Some((before, after)) = rest.split_once('{') {
        parts.push(before);
        rest = after.split_once('}').map_or("", |(_, a)| a);
    }
    parts.push(rest);
    parts
}

/// Whether the HTML `html` shows `text`, its apostrophes as typed or
/// escaped (`&#x27;`).
pub fn shows(html: &str, text: &str) -> bool {
    html.contains(text) || html.contains(&text.replace('\'', "&#x27;"))
}
