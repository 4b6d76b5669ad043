//! Sign-up, email verification, sign-in (password or emailed link) and
//! password reset. The HTTP session itself is handled by the caller
//! (`auth_session`); these functions decide and record.

use super::audit::{AuditAction, Target};
use super::txn::Txn;
use super::{Origin, passwords, tokens, users};
use crate::domain::next::also;
use crate::domain::{Email, Password, PersonName, TokenPurpose};
use crate::i18n::{Locale, Msg};
use crate::model::AppError;
use crate::model::error::Checks;
use crate::server::AppState;
use crate::server::db::{session, user};
use crate::server::mail::MailTemplate;
use crate::server::ratelimit::{Door, EmailDoor};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};
use serde_json::json;

/// Sign-up asks no password: the person chooses it on the page the
/// verification link opens. Someone who signs up with another person's
/// address therefore never holds a password that works once the owner
/// confirms the address (pre-account takeover).
pub struct SignUp<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub locale: Locale,
    /// Where the person was going (`domain::next`), carried by the link.
    pub next: Option<&'a str>,
}

/// What the verification page posts.
pub struct Verification<'a> {
    pub token: &'a str,
    pub name: &'a str,
    pub password: &'a str,
    /// The page's language, which the account's emails take from then on.
    pub locale: Locale,
}

fn ip_key(origin: &Origin) -> &str {
    origin.ip.as_deref().unwrap_or("unknown")
}

pub(crate) fn locale_of(u: &user::Model) -> Locale {
    Locale::from_code(&u.locale).unwrap_or_default()
}

/// Creates an account without a password and emails a verification link.
/// When the address is already taken, the owner gets an email instead (a
/// new verification link if the address was never confirmed) and the
/// answer is the same, so that sign-up does not reveal who has an account.
pub async fn sign_up(state: &AppState, origin: &Origin, input: SignUp<'_>) -> Result<(), AppError> {
    // Before any validation: a flood of bad posts is stopped as cheaply.
    state.limits.check(Door::SignUpPerIp, ip_key(origin))?;
    let mut checks = Checks::default();
    let email = checks.check("email", Email::parse(input.email));
    let name = checks.check("name", PersonName::parse(input.name));
    checks.finish()?;
    let (Some(email), Some(name)) = (email, name) else {
        return Err(AppError::Unexpected);
    };
    let _turn = state
        .limits
        .check_email(EmailDoor::EmailLink, email.as_str(), ip_key(origin))
        .await?;

    let txn = Txn::with_outbox(state, origin).await?;
    let existing = users::by_email(&txn, email.as_str()).await?;
    if let Some(existing) = existing
        .as_ref()
        .filter(|u| u.email_verified_at.is_none() && u.disabled_at.is_none())
    {
        send_verification(state, &txn, existing, input.next).await?;
        txn.audit(
            AuditAction::AuthSignUpUnverified,
            Target::User(existing.id),
            json!({}),
        )
        .await?;
    } else if let Some(existing) = existing {
        txn.queue(
            MailTemplate::AccountExists,
            locale_of(&existing),
            &existing.email,
            json!({
                "name": existing.name,
                // Back where they were going, once signed in.
                "sign_in_link": state.link(&format!("/connexion{}", crate::domain::next::query(input.next))),
                "reset_link": state.link("/mot-de-passe-oublie"),
            }),
        )
        .await?;
        txn.audit(
            AuditAction::AuthSignUpExisting,
            Target::User(existing.id),
            json!({}),
        )
        .await?;
    } else {
        let now = Utc::now();
        let created = user::ActiveModel {
            email: Set(email.as_str().to_owned()),
            name: Set(name.as_str().to_owned()),
            password_hash: Set(None),
            locale: Set(input.locale.code().to_owned()),
            email_verified_at: Set(None),
            disabled_at: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        send_verification(state, &txn, &created, input.next).await?;
        txn.audit(
            AuditAction::AuthSignUp,
            Target::User(created.id),
            json!({ "locale": input.locale.code() }),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// The verification link; `next`, where the person was going, is carried
/// by the link to the page it opens.
async fn send_verification(
    state: &AppState,
    db: &Txn<'_>,
    u: &user::Model,
    next: Option<&str>,
) -> Result<(), AppError> {
    let token = tokens::issue(db, u.id, TokenPurpose::VerifyEmail).await?;
    let link = state.link(&format!("/verification?jeton={token}{}", also(next)));
    let vars = json!({ "name": u.name, "link": link });
    db.queue(MailTemplate::VerifyEmail, locale_of(u), &u.email, vars)
        .await
}

async fn mark_verified<C: ConnectionTrait>(db: &C, u: &user::Model) -> Result<(), AppError> {
    if u.email_verified_at.is_none() {
        let mut row: user::ActiveModel = u.clone().into();
        row.email_verified_at = Set(Some(Utc::now()));
        row.updated_at = Set(Utc::now());
        row.update(db).await?;
    }
    Ok(())
}

/// Spends a token of `purpose` and returns its active account, or refuses.
async fn spend_for_sign_in<C: ConnectionTrait>(
    db: &C,
    token: &str,
    purpose: TokenPurpose,
) -> Result<user::Model, AppError> {
    let user_id = tokens::spend(db, token, purpose).await?;
    let u = users::by_id(db, user_id)
        .await?
        .ok_or(AppError::Refused(Msg::TokenInvalid))?;
    if u.disabled_at.is_some() {
        return Err(AppError::Refused(Msg::AccountDisabled));
    }
    Ok(u)
}

/// Checks the password someone chose from an emailed link of `purpose`
/// (valid, not merely their address or name) and hashes it; the link is
/// not spent yet, so a refusal lets them try again. `name`, when given, is
/// the name they confirm with it (checked in the same pass, so every
/// mistake is shown at once).
async fn chosen_password(
    state: &AppState,
    token: &str,
    purpose: TokenPurpose,
    password: &str,
    name: Option<&str>,
) -> Result<(String, Option<PersonName>), AppError> {
    let user_id = tokens::peek(&state.db, token, purpose).await?;
    let u = users::by_id(&state.db, user_id)
        .await?
        .ok_or(AppError::Refused(Msg::TokenInvalid))?;
    let mut checks = Checks::default();
    let name = name.and_then(|n| checks.check("name", PersonName::parse(n)));
    let known = name.as_ref().map_or(u.name.as_str(), |n| n.as_str());
    let password = checks.check("password", Password::parse(password, &[&u.email, known]));
    checks.finish()?;
    let Some(password) = password else {
        return Err(AppError::Unexpected);
    };
    Ok((passwords::hash(password.expose().to_owned()).await?, name))
}

/// The name an emailed verification link's account was opened with, for
/// the verification page to show (the link is not spent): whoever typed
/// it, the mailbox owner confirms or corrects it there.
/// Also the address, for password managers to file the password under.
pub async fn pending_name(state: &AppState, token: &str) -> Result<(String, String), AppError> {
    let user_id = tokens::peek(&state.db, token, TokenPurpose::VerifyEmail).await?;
    let u = users::by_id(&state.db, user_id)
        .await?
        .ok_or(AppError::Refused(Msg::TokenInvalid))?;
    if u.disabled_at.is_some() {
        return Err(AppError::Refused(Msg::AccountDisabled));
    }
    Ok((u.name, u.email))
}

/// Puts `hash` in force for the account `row` (which may carry other
/// changes) and marks the address proven (the link came to it).
async fn set_password<C: ConnectionTrait>(
    db: &C,
    u: &user::Model,
    mut row: user::ActiveModel,
    hash: String,
) -> Result<(), AppError> {
    row.password_hash = Set(Some(hash));
    row.email_verified_at = Set(Some(u.email_verified_at.unwrap_or_else(Utc::now)));
    row.updated_at = Set(Utc::now());
    row.update(db).await?;
    Ok(())
}

/// Confirms the address with the password and the name its owner
/// chooses now, which replace whatever the account held: only the mailbox
/// owner's choices are ever in force (someone else may have opened the
/// account with their address). Emails then go out in the language of the
/// page they verified on. Every other session of the account ends. The
/// person is then signed in by the caller.
pub async fn verify_email(
    state: &AppState,
    origin: &Origin,
    input: Verification<'_>,
) -> Result<i64, AppError> {
    let (hash, name) = chosen_password(
        state,
        input.token,
        TokenPurpose::VerifyEmail,
        input.password,
        Some(input.name),
    )
    .await?;
    let Some(name) = name else {
        return Err(AppError::Unexpected);
    };
    let txn = Txn::with_outbox(state, origin).await?;
    let u = spend_for_sign_in(&txn, input.token, TokenPurpose::VerifyEmail).await?;
    let renamed = u.name != name.as_str();
    let mut row: user::ActiveModel = u.clone().into();
    row.name = Set(name.as_str().to_owned());
    row.locale = Set(input.locale.code().to_owned());
    set_password(&txn, &u, row, hash).await?;
    end_sessions(&txn, u.id).await?;
    txn.audit(
        AuditAction::AuthEmailVerified,
        Target::User(u.id),
        json!({ "renamed": renamed }),
    )
    .await?;
    signed_in_by_link(txn, u.id, "verification_link").await
}

/// The last step of a sign-in by an emailed link: recorded, committed.
async fn signed_in_by_link(txn: Txn<'_>, id: i64, method: &str) -> Result<i64, AppError> {
    let details = json!({ "method": method });
    txn.finish(AuditAction::AuthSignIn, Target::User(id), details)
        .await?;
    Ok(id)
}

/// Checks an email and password. Unknown email and wrong password get the
/// same answer after the same work (a decoy hash is verified). An account
/// not verified yet gets its link again, carrying `next` (where the
/// person was going).
pub async fn sign_in(
    state: &AppState,
    origin: &Origin,
    (email, password): (&str, &str),
    next: Option<&str>,
) -> Result<i64, AppError> {
    state.limits.check(Door::SignInPerIp, ip_key(origin))?;
    let mut checks = Checks::default();
    let email = checks.check("email", Email::parse(email));
    if password.is_empty() {
        checks.check::<()>("password", Err(Msg::PasswordRequired));
    } else if password.len() > 4 * Password::MAX_LEN {
        // Never hash a megabyte: no real password is that long.
        checks.check::<()>("password", Err(Msg::BadCredentials));
    }
    checks.finish()?;
    let Some(email) = email else {
        return Err(AppError::Unexpected);
    };
    let _turn = state
        .limits
        .check_email(EmailDoor::SignIn, email.as_str(), ip_key(origin))
        .await?;

    let found = users::by_email(&state.db, email.as_str()).await?;
    let stored = found.as_ref().and_then(|u| u.password_hash.clone());
    let ok = passwords::verify(password.to_owned(), stored).await;
    let txn = Txn::with_outbox(state, origin).await?;
    let result = match found {
        Some(u) if ok => {
            if u.disabled_at.is_some() {
                Err((
                    AuditAction::AuthSignInRefusedDisabled,
                    Some(u.id),
                    AppError::Refused(Msg::AccountDisabled),
                ))
            } else if u.email_verified_at.is_none() {
                // Resent at most as often as any emailed link.
                if state
                    .limits
                    .count_email(EmailDoor::EmailLink, &u.email, ip_key(origin))
                    == Ok(false)
                {
                    send_verification(state, &txn, &u, next).await?;
                }
                Err((
                    AuditAction::AuthSignInRefusedUnverified,
                    Some(u.id),
                    AppError::Refused(Msg::EmailNotVerified),
                ))
            } else {
                Ok(u.id)
            }
        }
        Some(u) => Err((
            AuditAction::AuthSignInFailed,
            Some(u.id),
            AppError::Refused(Msg::BadCredentials),
        )),
        None => Err((
            AuditAction::AuthSignInFailed,
            None,
            AppError::Refused(Msg::BadCredentials),
        )),
    };
    match result {
        Ok(id) => {
            txn.audit_as(
                Some(id),
                AuditAction::AuthSignIn,
                Target::User(id),
                json!({ "method": "password" }),
            )
            .await?;
            txn.commit().await?;
            Ok(id)
        }
        Err((action, target, err)) => {
            let details = if target.is_none() {
                json!({ "email": email.as_str() })
            } else {
                json!({})
            };
            txn.finish(action, target.map(Target::User), details)
                .await?;
            Err(err)
        }
    }
}

/// Emails a link of `purpose` (magic sign-in or password reset) when an
/// active account has this address; answers the same either way.
pub async fn request_link(
    state: &AppState,
    origin: &Origin,
    email: &str,
    (purpose, next): (TokenPurpose, Option<&str>),
) -> Result<(), AppError> {
    state.limits.check(Door::EmailLinkPerIp, ip_key(origin))?;
    let mut checks = Checks::default();
    let email = checks.check("email", Email::parse(email));
    checks.finish()?;
    let Some(email) = email else {
        return Err(AppError::Unexpected);
    };
    let _turn = state
        .limits
        .check_email(EmailDoor::EmailLink, email.as_str(), ip_key(origin))
        .await?;
    let txn = Txn::with_outbox(state, origin).await?;
    let found = users::by_email(&txn, email.as_str()).await?;
    let (template, path, action) = match purpose {
        TokenPurpose::MagicLink => (
            MailTemplate::MagicLink,
            "/connexion/lien",
            AuditAction::AuthMagicLinkRequested,
        ),
        TokenPurpose::ResetPassword => (
            MailTemplate::ResetPassword,
            "/mot-de-passe-oublie/nouveau",
            AuditAction::AuthResetRequested,
        ),
        TokenPurpose::VerifyEmail => return Err(AppError::Unexpected),
    };
    // Only to accounts whose address is proven: otherwise someone who
    // signed up with another person's address (and a password of their
    // choosing) would see the account verified by its owner's first link.
    // A reset link is fine either way, since it replaces the password.
    let eligible = |u: &&user::Model| {
        u.disabled_at.is_none()
            && (purpose == TokenPurpose::ResetPassword || u.email_verified_at.is_some())
    };
    if let Some(u) = found.as_ref().filter(eligible) {
        let token = tokens::issue(&txn, u.id, purpose).await?;
        txn.queue(
            template,
            locale_of(u),
            &u.email,
            json!({ "name": u.name, "link": state.link(&format!("{path}?jeton={token}{}", also(next))) }),
        )
        .await?;
    }
    let details = if found.is_none() {
        json!({ "email": email.as_str(), "unknown": true })
    } else {
        json!({})
    };
    txn.finish(action, found.as_ref().map(|u| Target::User(u.id)), details)
        .await?;
    Ok(())
}

/// Signs in with an emailed link; it also proves the address.
pub async fn use_magic_link(
    state: &AppState,
    origin: &Origin,
    token: &str,
) -> Result<i64, AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    let u = spend_for_sign_in(&txn, token, TokenPurpose::MagicLink).await?;
    mark_verified(&txn, &u).await?;
    signed_in_by_link(txn, u.id, "magic_link").await
}

/// Sets a new password from a reset link, and ends every session of the
/// account (whoever knew the old password is out).
pub async fn reset_password(
    state: &AppState,
    origin: &Origin,
    token: &str,
    password: &str,
) -> Result<(), AppError> {
    let (hash, _) =
        chosen_password(state, token, TokenPurpose::ResetPassword, password, None).await?;
    let txn = Txn::with_outbox(state, origin).await?;
    let u = spend_for_sign_in(&txn, token, TokenPurpose::ResetPassword).await?;
    set_password(&txn, &u, u.clone().into(), hash).await?;
    end_sessions(&txn, u.id).await?;
    tokens::spend_all(&txn, u.id).await?;
    txn.finish(
        AuditAction::AuthPasswordReset,
        Target::User(u.id),
        json!({}),
    )
    .await?;
    Ok(())
}

pub async fn end_sessions<C: ConnectionTrait>(db: &C, user_id: i64) -> Result<u64, AppError> {
    Ok(session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user_id))
        .exec(db)
        .await?
        .rows_affected)
}

pub async fn record_sign_out(state: &AppState, origin: &Origin) -> Result<(), AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    txn.finish(
        AuditAction::AuthSignOut,
        origin.actor_id.map(Target::User),
        json!({}),
    )
    .await?;
    Ok(())
}
