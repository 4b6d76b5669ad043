//! The one application error.
//!
//! Policy: every server function returns `Result<_, AppError>`. Variants say
//! what went wrong in the programme's terms; the UI turns each into a plain
//! sentence (`Msg`) in the reader's language. Anything internal (database,
//! mail, I/O) becomes `Unexpected` after it has been logged on the server, so
//! no technical detail ever reaches a page.

use crate::i18n::Msg;
use leptos::prelude::{FromServerFnError, ServerFnErrorErr};
use leptos::server_fn::codec::JsonEncoding;
use serde::{Deserialize, Serialize};

/// A message tied to one form field, by the field's `name`; `about` names
/// what the message is about when the field holds several things (which
/// chosen défi), filling the text's `{about}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: Msg,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
}

impl FieldError {
    /// The message in `locale`, `{about}` filled.
    pub fn text(&self, locale: crate::i18n::Locale) -> String {
        locale.fill(
            locale.t(self.message),
            &[("about", self.about.as_deref().unwrap_or_default())],
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Bad input: one message per field; nothing was changed.
    #[error("validation failed on {0:?}")]
    Validation(Vec<FieldError>),
    /// A refusal that concerns the whole form (wrong password, spent link).
    #[error("refused: {0:?}")]
    Refused(Msg),
    /// The thing does not exist, or the person may not see it.
    #[error("not found")]
    NotFound,
    /// The person may see the thing but not do this to it.
    #[error("forbidden")]
    Forbidden,
    /// The state changed underneath the request.
    #[error("conflict")]
    Conflict,
    #[error("rate limited")]
    RateLimited,
    /// The database is busy or unreachable for a moment (locked by a long
    /// writer, restarting): nothing was changed, the person tries again.
    /// 503 with `Retry-After`.
    #[error("unavailable")]
    Unavailable,
    /// The request itself could not be read (a form with missing or
    /// undecodable parts, an upload cut short, far too many fields):
    /// nothing was changed. 400.
    #[error("malformed request")]
    Malformed,
    /// Anything else; the details are in the server log only.
    #[error("unexpected error")]
    Unexpected,
}

impl AppError {
    pub fn field(field: &str, message: Msg) -> Self {
        AppError::Validation(vec![FieldError {
            field: field.to_owned(),
            message,
            about: None,
        }])
    }

    /// Several field errors at once (as domain parsers return them).
    pub fn fields<F: Into<String>>(errors: impl IntoIterator<Item = (F, Msg)>) -> Self {
        AppError::Validation(
            errors
                .into_iter()
                .map(|(field, message)| FieldError {
                    field: field.into(),
                    message,
                    about: None,
                })
                .collect(),
        )
    }

    /// Field errors (as `fields`) where `about(field, message)` names what
    /// an entry is about (see `FieldError::about`).
    pub fn naming<F: Into<String>>(
        errors: impl IntoIterator<Item = (F, Msg)>,
        mut about: impl FnMut(&str, Msg) -> Option<String>,
    ) -> Self {
        AppError::Validation(
            errors
                .into_iter()
                .map(|(field, message)| {
                    let field = field.into();
                    FieldError {
                        about: about(&field, message),
                        field,
                        message,
                    }
                })
                .collect(),
        )
    }

    /// Every error about `field`, in order.
    pub fn all_for(&self, field: &str) -> Vec<FieldError> {
        match self {
            AppError::Validation(errors) => errors
                .iter()
                .filter(|e| e.field == field)
                .cloned()
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The message for `field`, if the error is about it.
    pub fn for_field(&self, field: &str) -> Option<Msg> {
        match self {
            AppError::Validation(errors) => {
                errors.iter().find(|e| e.field == field).map(|e| e.message)
            }
            _ => None,
        }
    }

    /// The sentence shown at the top of the form.
    pub fn summary(&self) -> Msg {
        match self {
            AppError::Validation(_) => Msg::ErrFormHasErrors,
            AppError::Refused(msg) => *msg,
            AppError::NotFound => Msg::ErrNotFoundBody,
            AppError::Forbidden => Msg::ErrForbidden,
            AppError::Conflict => Msg::ErrConflict,
            AppError::RateLimited => Msg::ErrRateLimited,
            AppError::Unavailable => Msg::ErrUnavailable,
            AppError::Malformed => Msg::ErrMalformed,
            AppError::Unexpected => Msg::ErrUnexpected,
        }
    }
}

/// Collects field errors while parsing a form, so that every bad field is
/// reported at once rather than one per submission.
#[derive(Default)]
pub struct Checks(Vec<FieldError>);

impl Checks {
    pub fn check<T>(&mut self, field: &str, parsed: Result<T, Msg>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(message) => {
                self.0.push(FieldError {
                    field: field.to_owned(),
                    message,
                    about: None,
                });
                None
            }
        }
    }

    pub fn finish(self) -> Result<(), AppError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(AppError::Validation(self.0))
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        // The kind only: a decoding error quotes what the person typed,
        // and logs hold no personal data.
        let kind = match &value {
            ServerFnErrorErr::Registration(_) => "registration",
            ServerFnErrorErr::UnsupportedRequestMethod(_) => "method",
            ServerFnErrorErr::Request(_) => "request",
            ServerFnErrorErr::ServerError(_) => "server",
            ServerFnErrorErr::MiddlewareError(_) => "middleware",
            ServerFnErrorErr::Deserialization(_) => "decoding",
            ServerFnErrorErr::Serialization(_) => "encoding",
            ServerFnErrorErr::Args(_) => "arguments",
            ServerFnErrorErr::MissingArg(_) => "missing argument",
            ServerFnErrorErr::Response(_) => "response",
        };
        // What the client sent could not be decoded: its fault, a 400.
        if matches!(
            value,
            ServerFnErrorErr::Deserialization(_)
                | ServerFnErrorErr::Args(_)
                | ServerFnErrorErr::MissingArg(_)
        ) {
            leptos::logging::warn!("server function: {kind}");
            return AppError::Malformed;
        }
        leptos::logging::error!("server function failure: {kind}");
        AppError::Unexpected
    }
}

impl From<ServerFnErrorErr> for AppError {
    fn from(value: ServerFnErrorErr) -> Self {
        Self::from_server_fn_error(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_collect_every_field() {
        let mut c = Checks::default();
        assert_eq!(c.check("a", Ok::<_, Msg>(1)), Some(1));
        assert_eq!(c.check::<()>("email", Err(Msg::EmailInvalid)), None);
        assert_eq!(c.check::<()>("password", Err(Msg::PasswordTooShort)), None);
        let err = c.finish().unwrap_err();
        assert_eq!(err.for_field("email"), Some(Msg::EmailInvalid));
        assert_eq!(err.for_field("password"), Some(Msg::PasswordTooShort));
        assert_eq!(err.for_field("name"), None);
        assert_eq!(err.summary(), Msg::ErrFormHasErrors);
    }

    #[test]
    fn round_trips_through_the_wire_encoding() {
        let err = AppError::field("email", Msg::EmailRequired);
        let back = AppError::de(err.ser());
        assert_eq!(back, err);
    }
}
