//! What every server function starts with: the state, the request context,
//! the session; and how it keeps typed values across an error redirect.

use crate::api::defis::SavedDraft;
use crate::domain::form::Posted;
use crate::i18n::Msg;
use crate::model::AppError;
use crate::model::page::Flash;
use crate::server::policy::{self, Action};
use crate::server::web::RequestContext;
use crate::server::{AppState, auth_session};
use axum::Extension;
use tower_sessions::Session;

/// Nothing to keep across an error redirect (nothing was typed).
pub const NOTHING: &[(&str, &str)] = &[];

/// The "I understand" box of an irreversible action: ticked, or `missing`
/// on its field.
pub fn confirmed(confirm: Option<&str>, missing: Msg) -> Result<(), AppError> {
    match confirm {
        Some("on") => Ok(()),
        _ => Err(AppError::field("confirm", missing)),
    }
}

pub struct Call {
    pub state: AppState,
    pub ctx: RequestContext,
    pub session: Session,
    /// A browser form post (it accepts HTML), as opposed to a script that
    /// reads the JSON answer (the autosave island): only form posts get a
    /// notice or kept values for the next page.
    pub form_post: bool,
}

pub async fn call() -> Result<Call, AppError> {
    let Extension(state) = leptos_axum::extract::<Extension<AppState>>().await?;
    let Extension(ctx) = leptos_axum::extract::<Extension<RequestContext>>().await?;
    let session = leptos_axum::extract::<Session>().await?;
    let headers = leptos_axum::extract::<axum::http::HeaderMap>().await?;
    let form_post = headers
        .get(axum::http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    Ok(Call {
        state,
        ctx,
        session,
        form_post,
    })
}

/// The call of a server function whose first check is `action`.
pub async fn allowed(action: Action) -> Result<Call, AppError> {
    let call = call().await?;
    call.allow(action)?;
    Ok(call)
}

impl Call {
    pub fn allow(&self, action: Action) -> Result<(), AppError> {
        policy::require(&self.ctx.actor, action)
    }

    /// The signed-in person's roles (none for a visitor).
    pub fn roles(&self) -> Vec<crate::domain::Role> {
        self.ctx
            .actor
            .viewer()
            .map(|v| v.roles.clone())
            .unwrap_or_default()
    }

    /// The signed-in person's id (the policy has already required one).
    pub fn viewer_id(&self) -> Result<i64, AppError> {
        self.ctx
            .actor
            .viewer()
            .map(|v| v.id)
            .ok_or(AppError::Forbidden)
    }

    /// On error, keeps `values` (never passwords) for the page the browser
    /// is sent back to, each cut to its field's limit: what a session
    /// holds for a visitor stays small whatever is posted. A refusal for
    /// going too fast keeps nothing (nothing in the form needs fixing).
    pub async fn keep<T, K: AsRef<str>, V: AsRef<str>>(
        &self,
        result: Result<T, AppError>,
        values: &[(K, V)],
    ) -> Result<T, AppError> {
        self.keep_noting(result, values, None).await
    }

    /// `keep`, with a notice for the page too (what was done all the same).
    pub async fn keep_noting<T, K: AsRef<str>, V: AsRef<str>>(
        &self,
        result: Result<T, AppError>,
        values: &[(K, V)],
        notice: Option<Msg>,
    ) -> Result<T, AppError> {
        if matches!(&result, Err(e) if *e != AppError::RateLimited) && self.form_post {
            auth_session::set_flash(&self.session, flash_of(values, notice)).await?;
        }
        result
    }

    /// Carries `values` to the next page whatever the outcome (a preview:
    /// what was typed comes back in the session, never in the URL).
    pub async fn carry<K: AsRef<str>, V: AsRef<str>>(
        &self,
        values: &[(K, V)],
    ) -> Result<(), AppError> {
        if self.form_post {
            auth_session::set_flash(&self.session, flash_of(values, None)).await?;
        }
        Ok(())
    }

    /// A form post's whole answer: on error, what was typed is kept
    /// (`keep`); on success, `notice` is left for the page at `to` and the
    /// browser goes there (`done`).
    pub async fn answer<T, K: AsRef<str>, V: AsRef<str>>(
        &self,
        result: Result<T, AppError>,
        values: &[(K, V)],
        notice: Option<Msg>,
        to: &str,
    ) -> Result<(), AppError> {
        self.keep(result, values).await?;
        self.done(notice, to).await
    }

    /// A notice for the next page, then a redirect there.
    pub async fn done(&self, notice: Option<Msg>, to: &str) -> Result<(), AppError> {
        if notice.is_some() && self.form_post {
            auth_session::set_flash(
                &self.session,
                Flash {
                    notice,
                    ..Flash::default()
                },
            )
            .await?;
        }
        leptos_axum::redirect(to);
        Ok(())
    }
}

/// The longest value a field accepts, in characters: what is kept for it
/// across an error redirect is cut there.
fn kept_limit(field: &str) -> usize {
    use crate::domain::application_form::ApplicationForm;
    use crate::domain::defi_form::{DefiForm, MISSION_MAX};
    use crate::domain::form::Declared;
    use crate::domain::{Email, PersonName};
    match field {
        "email" | "magic_email" => Email::MAX_LEN,
        // A person's, a promotion's or an organisation's name: the longest.
        "name" => PersonName::MAX_LEN
            .max(crate::domain::promotion_form::NAME_MAX)
            .max(crate::domain::organisation::ORG_NAME_MAX),
        "message" => crate::domain::defi::MESSAGE_MAX,
        "reponse" => crate::domain::milestones::REPLY_MAX,
        f => DefiForm::spec(f)
            .or_else(|| ApplicationForm::spec(f))
            .map(|s| s.max)
            .or_else(|| crate::domain::milestones::text_max(f))
            .unwrap_or(MISSION_MAX),
    }
}

/// The draft a form saves: its `id` (missing or unreadable: not found) and
/// the `version` it was loaded at (unreadable: a conflict, never a save
/// without the check that protects someone else's save).
pub fn draft_target(form: &Posted) -> Result<(i64, Option<i32>), AppError> {
    let id = form.number("id").ok_or(AppError::NotFound)?;
    let version = match form.get("version").filter(|v| !v.trim().is_empty()) {
        None => None,
        Some(v) => Some(v.trim().parse().map_err(|_| AppError::Conflict)?),
    };
    Ok((id, version))
}

/// What a draft save answers the autosave island: the new version and the
/// time of the save ("HH:MM", Paris time).
pub fn saved_draft(version: i32, at: chrono::DateTime<chrono::Utc>) -> SavedDraft {
    let saved_at = crate::domain::promotion::paris_display(at)
        .split(' ')
        .nth(1)
        .unwrap_or_default()
        .to_owned();
    SavedDraft {
        version,
        saved_at,
        refused: None,
    }
}

/// The flash that carries `values` (each cut to its field's limit) and
/// `notice` to the next page.
fn flash_of<K: AsRef<str>, V: AsRef<str>>(values: &[(K, V)], notice: Option<Msg>) -> Flash {
    Flash {
        notice,
        values: values
            .iter()
            .map(|(k, v)| {
                let k = k.as_ref();
                (k.to_owned(), bounded(k, v.as_ref()).to_owned())
            })
            .collect(),
        ..Flash::default()
    }
}

/// `value` cut to `field`'s limit, on a character boundary.
fn bounded<'a>(field: &str, value: &'a str) -> &'a str {
    match value.char_indices().nth(kept_limit(field)) {
        Some((end, _)) => &value[..end],
        None => value,
    }
}

/// A coordinator's verdict posted with a message: a défi's decision, a
/// dossier's review (and next, a shortlist's or an offer's).
pub trait Verdict: Copy + Sized {
    /// The form field it is posted in.
    const FIELD: &'static str;
    fn from_code(code: &str) -> Option<Self>;
    /// The message sent when the coordinator writes none.
    fn template(self) -> Msg;
}

impl Verdict for crate::domain::defi::Decision {
    const FIELD: &'static str = "decision";
    fn from_code(code: &str) -> Option<Self> {
        Self::from_code(code)
    }
    fn template(self) -> Msg {
        Self::template(self)
    }
}

impl Verdict for crate::domain::application::Review {
    const FIELD: &'static str = "review";
    fn from_code(code: &str) -> Option<Self> {
        Self::from_code(code)
    }
    fn template(self) -> Msg {
        Self::template(self)
    }
}

/// A verdict and its message, checked together. An empty message means
/// the verdict's template, in the coordinator's language.
pub fn verdict_and_message<V: Verdict>(
    locale: crate::i18n::Locale,
    code: &str,
    message: &str,
) -> Result<(V, String), AppError> {
    use crate::domain::defi::parse_message;
    use crate::model::error::Checks;
    let mut checks = Checks::default();
    let v = checks.check(V::FIELD, V::from_code(code).ok_or(Msg::DecisionRequired));
    let message = match v {
        Some(v) if message.trim().is_empty() => locale.t(v.template()).to_owned(),
        _ => message.to_owned(),
    };
    let m = checks.check("message", parse_message(&message));
    checks.finish()?;
    match (v, m) {
        (Some(v), Some(m)) => Ok((v, m)),
        _ => Err(AppError::Unexpected),
    }
}

impl Call {
    /// A verdict form's whole handling: the verdict and its message are
    /// checked, `apply`-ed when valid, and answered as `answer` does (what
    /// was typed kept across an error redirect; `notice` at `to`).
    pub async fn verdict<V: Verdict, T, F: std::future::Future<Output = Result<T, AppError>>>(
        &self,
        (code, message): (String, String),
        apply: impl FnOnce(V, String) -> F,
        notice: Msg,
        to: &str,
    ) -> Result<(), AppError> {
        let result = match verdict_and_message::<V>(self.ctx.locale, &code, &message) {
            Ok((v, m)) => apply(v, m).await,
            Err(e) => Err(e),
        };
        let kept = [(V::FIELD, code), ("message", message)];
        self.answer(result, &kept, Some(notice), to).await
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn kept_values_are_cut_to_their_field_limit() {
        let huge = "é".repeat(2_000_000);
        assert_eq!(super::bounded("email", &huge).chars().count(), 254);
        assert_eq!(super::bounded("motivation", &huge).chars().count(), 3000);
        assert_eq!(super::bounded("unknown", &huge).chars().count(), 1000);
        assert_eq!(super::bounded("email", "a@b.fr"), "a@b.fr");
        // An organisation's name may be longer than a person's.
        assert_eq!(super::bounded("name", &huge).chars().count(), 160);
    }

    #[test]
    fn a_draft_is_named_by_its_id_and_guarded_by_its_version() {
        use super::draft_target;
        use crate::domain::form::Posted;
        use crate::model::AppError;
        let posted = |pairs: &[(&str, &str)]| Posted::from_pairs(pairs.iter().copied());
        assert_eq!(
            draft_target(&posted(&[("id", "4"), ("version", "2")])),
            Ok((4, Some(2)))
        );
        assert_eq!(
            draft_target(&posted(&[("id", "4"), ("version", "")])),
            Ok((4, None))
        );
        assert_eq!(
            draft_target(&posted(&[("version", "2")])),
            Err(AppError::NotFound)
        );
        assert_eq!(
            draft_target(&posted(&[("id", "4"), ("version", "deux")])),
            Err(AppError::Conflict)
        );
    }
}
