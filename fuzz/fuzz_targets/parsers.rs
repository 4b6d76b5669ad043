//! Every domain parser of what people type: addresses, names, passwords,
//! dates and times, profiles, due rules, and the declared forms read from
//! any posted text. Each gives a value or a message; a value it accepts is
//! one it would accept again.
#![no_main]

use app::domain::form::Declared;
use app::domain::{
    Email, Password, PersonName, application_form, defi_form, organisation, promotion,
    promotion_form,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(e) = Email::parse(text) {
        assert_eq!(
            Email::parse(e.as_str()).map(|a| a.as_str().to_owned()),
            Ok(e.as_str().to_owned())
        );
    }
    if let Ok(n) = PersonName::parse(text) {
        assert!(PersonName::parse(n.as_str()).is_ok());
    }
    let _ = Password::parse(text, &["ada@example.fr", "Ada Lovelace"]);
    let _ = promotion::parse_paris(text);
    let _ = promotion::parse_date(text);
    let _ = app::domain::profile::ProfileCode::parse(text);
    if let Some(rule) = app::domain::milestones::rule::DueRule::parse(text) {
        assert_eq!(
            app::domain::milestones::rule::DueRule::parse(&rule.code()),
            Some(rule)
        );
    }
    // The declared forms, every field holding the text.
    let get = |_: &str| Some(text.to_owned());
    let mut errors = Vec::new();
    let mut form = application_form::ApplicationForm::from_fields(get);
    form.tidy_declared(&mut errors);
    form.check_declared(&mut errors);
    let _ = application_form::ApplicationForm::from_fields(get).parse_draft(&[], &[1, 2], 3);
    let _ = defi_form::DefiForm::from_fields(get).parse_draft(&[]);
    let mut org = organisation::OrganisationForm::default();
    org.read_declared(&get);
    let _ = org.parse();
    let mut p = promotion_form::PromotionForm::default();
    p.read_declared(&get);
    let _ = p.parse();
});
