//! What forms call their fields and their options, in the reader's
//! language: the error summary's names for the forms that are not
//! declared, and the drop-down lists' options.

use crate::i18n::Msg;

/// A drop-down list's options: "Choose…" (empty, so that a required list
/// asks for a choice), then each code with its label in the reader's
/// language.
pub fn choose_options<'a>(
    items: impl IntoIterator<Item = (&'a str, crate::i18n::Msg)>,
) -> Vec<(String, String)> {
    use crate::ui::tr;
    std::iter::once((String::new(), tr(crate::i18n::Msg::ChooseOption).to_owned()))
        .chain(
            items
                .into_iter()
                .map(|(code, label)| (code.to_owned(), tr(label).to_owned())),
        )
        .collect()
}

/// What the forms that are not declared call their fields.
pub fn common_label(field: &str) -> Option<Msg> {
    Some(match field {
        "email" => Msg::FieldEmail,
        "name" => Msg::FieldName,
        "password" => Msg::FieldPassword,
        "until" => Msg::FieldUntil,
        "decision" | "review" => Msg::FieldDecision,
        "months" => Msg::FieldRetention,
        _ => return None,
    })
}
