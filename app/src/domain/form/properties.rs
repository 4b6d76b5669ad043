//! Property tests of every form declared with `declare_form!` (the
//! dossier, the défi, the organisation, the promotion): any text in any
//! field (any Unicode, any length, line ends of every kind) is either
//! refused by that field's name with a message of its own, or kept
//! exactly as typed (trimmed, line ends as `\n`). Never a panic, never
//! another field blamed.

use super::{Declared, FieldErrors};
use crate::domain::application_form::ApplicationForm;
use crate::domain::defi_form::DefiForm;
use crate::domain::organisation::OrganisationForm;
use crate::domain::promotion_form::PromotionForm;
use crate::i18n::Msg;
use proptest::prelude::*;

fn texts() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,300}",
        // Long texts, past every limit (the longest is 5,000 characters).
        proptest::collection::vec(any::<char>(), 0..7000).prop_map(String::from_iter),
        // Lines of every kind.
        proptest::collection::vec("[a-zé ]{0,20}(\r\n|\n|\r|)", 0..40).prop_map(|v| v.concat()),
    ]
}

/// `form` with field `name` (the `i`-th declared) read from `raw`.
fn one_field<F: Declared>(i: usize, raw: &str) -> Result<(), TestCaseError> {
    let specs: Vec<_> = F::specs().collect();
    let spec = specs[i % specs.len()];
    let mut form = F::default();
    form.read_declared(&|n: &str| (n == spec.name).then(|| raw.to_owned()));
    let mut errors = FieldErrors::new();
    form.tidy_declared(&mut errors);
    prop_assert!(errors.iter().all(|(f, _)| f == spec.name), "{errors:?}");
    if spec.is_box() {
        prop_assert_eq!(form.field(spec.name).unwrap().flag(), Some(!raw.is_empty()));
    } else if let Some((_, msg)) = errors.first() {
        prop_assert!(
            [Msg::TextTooLong, Msg::TooManyLines, Msg::ChoiceInvalid].contains(msg),
            "{msg:?}"
        );
    } else {
        prop_assert_eq!(form.text(spec.name), raw.trim().replace("\r\n", "\n"));
    }
    // What submission checks does not panic either.
    let mut more = FieldErrors::new();
    form.check_declared(&mut more);
    prop_assert!(more.iter().all(|(f, _)| F::spec(f).is_some()));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn the_dossier_refuses_by_name_or_keeps_any_text(i in 0usize..100, raw in texts()) {
        one_field::<ApplicationForm>(i, &raw)?;
    }

    #[test]
    fn the_defi_refuses_by_name_or_keeps_any_text(i in 0usize..100, raw in texts()) {
        one_field::<DefiForm>(i, &raw)?;
    }

    #[test]
    fn the_organisation_refuses_by_name_or_keeps_any_text(i in 0usize..100, raw in texts()) {
        one_field::<OrganisationForm>(i, &raw)?;
    }

    #[test]
    fn the_promotion_refuses_by_name_or_keeps_any_text(i in 0usize..100, raw in texts()) {
        one_field::<PromotionForm>(i, &raw)?;
    }
}
