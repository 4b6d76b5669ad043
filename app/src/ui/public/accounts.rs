//! Sign-up, sign-in, emailed links and password reset pages. Emailed links
//! open a page whose button confirms by POST: a GET never changes anything
//! (mail scanners open links).

use crate::api::auth::{
    RequestMagicLink, RequestPasswordReset, ResetPassword, SignIn, SignUp, UseMagicLink,
    VerifyEmail, get_pending_name,
};
use crate::domain::next;
use crate::i18n::Msg;
use crate::model::AppError;
use crate::ui::Heading;
use crate::ui::form::{ErrorSummary, Field, PasswordField, action_error};
use crate::ui::{page, response, tr};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

fn err_for(e: &Option<AppError>, field: &str) -> Option<Msg> {
    e.as_ref().and_then(|e| e.for_field(field))
}

/// Signed-in people have nothing to do on these pages: they go where they
/// were going, or to their area.
fn send_home_if_signed_in() {
    if page().viewer.is_some() {
        response::redirect(next::or_area(going().as_deref()));
    }
}

/// Where the person was going (`?suite=`), if it is a page of this site.
fn going() -> Option<String> {
    crate::ui::query(next::PARAM).filter(|n| next::safe(n).is_some())
}

/// The hidden field that carries where the person was going to the server.
fn carry(going: &Option<String>) -> impl IntoView + use<> {
    going
        .clone()
        .map(|n| view! { <input type="hidden" name=next::PARAM value=n/> })
}

#[component]
pub fn SignUpPage() -> impl IntoView {
    send_home_if_signed_in();
    let action = ServerAction::<SignUp>::new();
    let error = action_error(action);
    let kept = page().flash;
    let going = going();
    let sign_in = format!("/connexion{}", next::query(going.as_deref()));
    let carried = carry(&going);
    view! {
        <Heading msg=Msg::SignUpTitle/>
        <p>{tr(Msg::SignUpIntro)}</p>
        {going.is_some().then(|| view! { <p>{tr(Msg::SignUpToContinue)}</p> })}
        <ErrorSummary error=error.clone()/>
        <ActionForm action=action>
            {carried}
            <Field name="email" label=Msg::FieldEmail kind="email" autocomplete="email"
                required=true value=kept.value("email").unwrap_or_default() error=err_for(&error, "email")/>
            <Field name="name" label=Msg::FieldName autocomplete="name"
                required=true value=kept.value("name").unwrap_or_default() error=err_for(&error, "name")/>
            <button type="submit">{tr(Msg::SignUpSubmit)}</button>
        </ActionForm>
        <p><a href=sign_in>{tr(Msg::HaveAccount)}</a></p>
    }
}

#[component]
pub fn SignUpSent() -> impl IntoView {
    view! {
        <Heading msg=Msg::SignUpSentTitle/>
        <p>{tr(Msg::SignUpSentBody)}</p>
    }
}

/// The token from the emailed link (`?jeton=`).
fn token() -> String {
    use_query_map().with_untracked(|q| q.get("jeton").unwrap_or_default())
}

#[component]
fn ConfirmFrame(
    title: Msg,
    body: Msg,
    error: Option<AppError>,
    children: Children,
) -> impl IntoView {
    view! {
        <Title text=tr(title)/>
        <h1>{tr(title)}</h1>
        <ErrorSummary error=error/>
        <p>{tr(body)}</p>
        {children()}
    }
}

/// The owner of the address chooses the account's password and confirms
/// (or corrects) its name: whoever opened the account typed those.
#[component]
pub fn VerifyPage() -> impl IntoView {
    let action = ServerAction::<VerifyEmail>::new();
    let error = action_error(action);
    let kept = page().flash.value("name");
    let pending = Resource::new_blocking(token, get_pending_name);
    view! {
        <ConfirmFrame title=Msg::VerifyTitle body=Msg::VerifyBody error=error.clone()>
            <Suspense fallback=|| ()>
                {move || {
                    let error = error.clone();
                    let kept = kept.clone();
                    Suspend::new(async move {
                        match pending.await {
                            Ok((name, email)) => view! {
                                <ActionForm action=action>
                                    <input type="hidden" name="jeton" value=token()/>
                                    {carry(&going())}
                                    // Not sent: it tells password managers which
                                    // account the new password is for.
                                    <div class="field">
                                        <label for="champ-compte">{tr(Msg::FieldEmail)}</label>
                                        <input id="champ-compte" type="email" value=email readonly=true autocomplete="username"/>
                                    </div>
                                    <Field name="name" label=Msg::FieldName autocomplete="name" required=true
                                        hint=Msg::VerifyNameHint value=kept.unwrap_or(name)
                                        error=err_for(&error, "name")/>
                                    <PasswordField name="password" label=Msg::FieldPassword autocomplete="new-password"
                                        hint=Msg::PasswordHint error=err_for(&error, "password")/>
                                    <button type="submit">{tr(Msg::VerifySubmit)}</button>
                                </ActionForm>
                            }.into_any(),
                            // A refused post already says why, above.
                            Err(e) => error.is_none().then(|| view! { <p>{tr(e.summary())}</p> }).into_any(),
                        }
                    })
                }}
            </Suspense>
        </ConfirmFrame>
    }
}

#[component]
pub fn MagicLinkPage() -> impl IntoView {
    let action = ServerAction::<UseMagicLink>::new();
    view! {
        <ConfirmFrame title=Msg::MagicConfirmTitle body=Msg::MagicConfirmBody error=action_error(action)>
            <ActionForm action=action>
                <input type="hidden" name="jeton" value=token()/>
                {carry(&going())}
                <button type="submit">{tr(Msg::MagicConfirmSubmit)}</button>
            </ActionForm>
        </ConfirmFrame>
    }
}

#[component]
pub fn SignInPage() -> impl IntoView {
    send_home_if_signed_in();
    let action = ServerAction::<SignIn>::new();
    let magic = ServerAction::<RequestMagicLink>::new();
    let error = action_error(action);
    let magic_error = action_error(magic);
    let kept = page().flash;
    let email = kept.value("email").unwrap_or_default();
    let magic_email = kept.value("magic_email").unwrap_or_default();
    let going = going();
    let sign_up = format!("/inscription{}", next::query(going.as_deref()));
    let (carried, carried_too) = (carry(&going), carry(&going));
    view! {
        <Heading msg=Msg::SignInTitle/>
        {going.is_some().then(|| view! { <p class="notice">{tr(Msg::SignInToContinue)}</p> })}
        <ErrorSummary error=error.clone()/>
        <ActionForm action=action>
            {carried}
            <Field name="email" label=Msg::FieldEmail kind="email" autocomplete="username"
                required=true value=email error=err_for(&error, "email")/>
            <PasswordField name="password" label=Msg::FieldPassword autocomplete="current-password"
                error=err_for(&error, "password")/>
            <button type="submit">{tr(Msg::SignInSubmit)}</button>
        </ActionForm>
        <p><a href="/mot-de-passe-oublie">{tr(Msg::ForgotPassword)}</a></p>
        <p><a href=sign_up>{tr(Msg::NoAccount)}</a></p>
        <section aria-labelledby="titre-lien" class="panel">
            <h2 id="titre-lien">{tr(Msg::MagicTitle)}</h2>
            <p>{tr(Msg::MagicIntro)}</p>
            <ErrorSummary error=magic_error.clone() prefix="lien-"/>
            <ActionForm action=magic>
                {carried_too}
                <Field name="email" prefix="lien-" label=Msg::FieldEmail kind="email" autocomplete="email"
                    required=true value=magic_email error=err_for(&magic_error, "email")/>
                <button type="submit" class="secondary">{tr(Msg::MagicSubmit)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn ForgotPage() -> impl IntoView {
    let action = ServerAction::<RequestPasswordReset>::new();
    let error = action_error(action);
    let kept = page().flash;
    view! {
        <Heading msg=Msg::ResetTitle/>
        <p>{tr(Msg::ResetIntro)}</p>
        <ErrorSummary error=error.clone()/>
        <ActionForm action=action>
            <Field name="email" label=Msg::FieldEmail kind="email" autocomplete="email"
                required=true value=kept.value("email").unwrap_or_default() error=err_for(&error, "email")/>
            <button type="submit">{tr(Msg::ResetSubmit)}</button>
        </ActionForm>
    }
}

#[component]
pub fn NewPasswordPage() -> impl IntoView {
    let action = ServerAction::<ResetPassword>::new();
    let error = action_error(action);
    view! {
        <Heading msg=Msg::NewPasswordTitle/>
        <ErrorSummary error=error.clone()/>
        <ActionForm action=action>
            <input type="hidden" name="jeton" value=token()/>
            <PasswordField name="password" label=Msg::FieldNewPassword autocomplete="new-password"
                hint=Msg::PasswordHint error=err_for(&error, "password")/>
            <button type="submit">{tr(Msg::NewPasswordSubmit)}</button>
        </ActionForm>
    }
}
