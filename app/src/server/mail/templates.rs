//! Email templates as files, one folder per message and language:
//! `templates/<message>/<fr|en>/{subject.txt, body.txt, body.html}`.
//! `.html` templates are escaped automatically; `.txt` ones are not.

use crate::i18n::Locale;
use minijinja::Environment;
use serde::Serialize;
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailTemplate {
    VerifyEmail,
    AccountExists,
    ResetPassword,
    MagicLink,
    Invitation,
    DefiSubmitted,
    DefiDecision,
    ApplicationSubmitted,
    ApplicationReminder,
    ApplicationUpdate,
    ReviewReminder,
    Interview,
    Hearing,
    Offer,
    OffersAlert,
    PlacementHr,
    FormationResult,
    Milestone,
    BulletinDigest,
}

impl MailTemplate {
    pub const ALL: [MailTemplate; 19] = [
        MailTemplate::VerifyEmail,
        MailTemplate::AccountExists,
        MailTemplate::ResetPassword,
        MailTemplate::MagicLink,
        MailTemplate::Invitation,
        MailTemplate::DefiSubmitted,
        MailTemplate::DefiDecision,
        MailTemplate::ApplicationSubmitted,
        MailTemplate::ApplicationReminder,
        MailTemplate::ApplicationUpdate,
        MailTemplate::ReviewReminder,
        MailTemplate::Interview,
        MailTemplate::Hearing,
        MailTemplate::Offer,
        MailTemplate::OffersAlert,
        MailTemplate::PlacementHr,
        MailTemplate::FormationResult,
        MailTemplate::Milestone,
        MailTemplate::BulletinDigest,
    ];

    /// The template stored under `name` (an outbox row's).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The message holds a personal single-use link (a token that signs in,
    /// verifies or joins): its body is never shown to coordinators, and is
    /// forgotten once it left or will never leave (a new link is asked for
    /// instead of a resend).
    /// Every template says (no wildcard): a new one must decide.
    pub fn carries_secret(self) -> bool {
        match self {
            MailTemplate::VerifyEmail
            | MailTemplate::ResetPassword
            | MailTemplate::MagicLink
            | MailTemplate::Invitation => true,
            MailTemplate::AccountExists
            | MailTemplate::DefiSubmitted
            | MailTemplate::DefiDecision
            | MailTemplate::ApplicationSubmitted
            | MailTemplate::ApplicationReminder
            | MailTemplate::ApplicationUpdate
            | MailTemplate::ReviewReminder
            | MailTemplate::Interview
            | MailTemplate::Hearing
            | MailTemplate::Offer
            | MailTemplate::OffersAlert
            | MailTemplate::PlacementHr
            | MailTemplate::FormationResult
            | MailTemplate::Milestone
            | MailTemplate::BulletinDigest => false,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            MailTemplate::VerifyEmail => "verify_email",
            MailTemplate::AccountExists => "account_exists",
            MailTemplate::ResetPassword => "reset_password",
            MailTemplate::MagicLink => "magic_link",
            MailTemplate::Invitation => "invitation",
            MailTemplate::DefiSubmitted => "defi_submitted",
            MailTemplate::DefiDecision => "defi_decision",
            MailTemplate::ApplicationSubmitted => "application_submitted",
            MailTemplate::ApplicationReminder => "application_reminder",
            MailTemplate::ApplicationUpdate => "application_update",
            MailTemplate::ReviewReminder => "review_reminder",
            MailTemplate::Interview => "interview",
            MailTemplate::Hearing => "hearing",
            MailTemplate::Offer => "offer",
            MailTemplate::OffersAlert => "offers_alert",
            MailTemplate::PlacementHr => "placement_hr",
            MailTemplate::FormationResult => "formation_result",
            MailTemplate::Milestone => "milestone",
            MailTemplate::BulletinDigest => "bulletin_digest",
        }
    }
}

macro_rules! template_files {
    ($($name:literal),* $(,)?) => {
        &[$(
            (concat!($name, "/fr/subject.txt"), include_str!(concat!("templates/", $name, "/fr/subject.txt"))),
            (concat!($name, "/fr/body.txt"), include_str!(concat!("templates/", $name, "/fr/body.txt"))),
            (concat!($name, "/fr/body.html"), include_str!(concat!("templates/", $name, "/fr/body.html"))),
            (concat!($name, "/en/subject.txt"), include_str!(concat!("templates/", $name, "/en/subject.txt"))),
            (concat!($name, "/en/body.txt"), include_str!(concat!("templates/", $name, "/en/body.txt"))),
            (concat!($name, "/en/body.html"), include_str!(concat!("templates/", $name, "/en/body.html"))),
        )*]
    };
}

const FILES: &[(&str, &str)] = template_files!(
    "verify_email",
    "account_exists",
    "reset_password",
    "magic_link",
    "invitation",
    "defi_submitted",
    "defi_decision",
    "application_submitted",
    "application_reminder",
    "application_update",
    "review_reminder",
    "interview",
    "hearing",
    "offer",
    "offers_alert",
    "placement_hr",
    "formation_result",
    "milestone",
    "bulletin_digest",
);

fn env() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        env.add_template("_layout.html", include_str!("templates/_layout.html"))
            .expect("layout template parses");
        for (name, source) in FILES {
            env.add_template(name, source)
                .expect("mail template parses");
        }
        env
    })
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

pub fn render(
    template: MailTemplate,
    locale: Locale,
    vars: impl Serialize,
) -> Result<Rendered, minijinja::Error> {
    let env = env();
    let base = format!("{}/{}", template.name(), locale.code());
    let vars = minijinja::Value::from_serialize(&vars);
    let subject = env
        .get_template(&format!("{base}/subject.txt"))?
        .render(&vars)?
        .trim()
        .to_owned();
    let text = env
        .get_template(&format!("{base}/body.txt"))?
        .render(&vars)?;
    let html_vars =
        minijinja::context! { lang => locale.code(), subject => subject.clone(), ..vars };
    let html = env
        .get_template(&format!("{base}/body.html"))?
        .render(html_vars)?;
    Ok(Rendered {
        subject,
        text,
        html,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_template_renders_in_both_languages() {
        let vars = json!({
            "name": "Camille",
            "inviter": "Camille",
            "link": "https://cohorte.example/x?jeton=abc",
            "sign_in_link": "https://cohorte.example/connexion",
            "reset_link": "https://cohorte.example/mot-de-passe-oublie",
        });
        for t in MailTemplate::ALL {
            for l in [Locale::Fr, Locale::En] {
                let r = render(t, l, &vars).unwrap();
                assert!(!r.subject.is_empty(), "{t:?} {l:?}");
                assert!(r.text.contains("Camille"), "{t:?} {l:?}");
                assert!(r.html.contains(&format!("lang=\"{}\"", l.code())));
                assert!(r.html.contains("Camille"));
            }
        }
    }

    #[test]
    fn html_escapes_and_text_does_not() {
        let vars = json!({"name": "<b>Léa & co</b>", "link": "https://x.example/?a=1&b=2"});
        let r = render(MailTemplate::MagicLink, Locale::Fr, &vars).unwrap();
        assert!(
            r.html.contains("&lt;b&gt;Léa &amp; co&lt;&#x2f;b&gt;")
                || r.html.contains("&lt;b&gt;Léa &amp; co&lt;/b&gt;")
        );
        assert!(r.text.contains("<b>Léa & co</b>"));
        assert!(r.text.contains("https://x.example/?a=1&b=2"));
    }
}
