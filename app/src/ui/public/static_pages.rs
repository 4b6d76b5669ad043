use crate::i18n::Msg;
use crate::ui::Heading;
use crate::ui::{response, tr};
use leptos::prelude::*;

/// A page of text; `contact` adds the programme team's address (the
/// `COHORTE_CONTACT` setting).
#[component]
fn TextPage(title: Msg, body: Msg, #[prop(optional)] contact: bool) -> impl IntoView {
    let address = crate::ui::page().contact;
    view! {
        <Heading msg=title/>
        <p>{tr(body)}</p>
        {contact.then(|| view! {
            <p>{tr(Msg::ContactLine)} " " <a href=format!("mailto:{address}")>{address.clone()}</a></p>
        })}
    }
}

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! { <TextPage title=Msg::AccessibilityTitle body=Msg::AccessibilityBody contact=true/> }
}

#[component]
pub fn LegalPage() -> impl IntoView {
    view! { <TextPage title=Msg::LegalTitle body=Msg::LegalBody contact=true/> }
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! { <TextPage title=Msg::PrivacyTitle body=Msg::PrivacyBody/> }
}

/// Also what a person sees for a row they may not see.
#[component]
pub fn NotFound() -> impl IntoView {
    response::set_status(404);
    view! {
        <Heading msg=Msg::ErrNotFoundTitle/>
        <p>{tr(Msg::ErrNotFoundBody)}</p>
        <p><a href="/">{tr(Msg::BackHome)}</a></p>
    }
}

/// What a page shows when its data could not be read, the one conversion
/// of an `AppError` for pages: not found (404) for what does not exist or
/// may not be seen, the sign-in page for a visitor who must sign in, and
/// for anything else a plain page with status 500 — a database error never
/// shows as "not found" (the details are in the server log).
#[component]
pub fn ErrorPage(error: crate::model::AppError) -> impl IntoView {
    use crate::model::AppError;
    match error {
        AppError::NotFound => view! { <NotFound/> }.into_any(),
        AppError::Forbidden => crate::ui::refuse(),
        AppError::Unavailable => {
            response::set_status(503);
            response::retry_after("30");
            view! {
                <Heading msg=Msg::ErrUnavailableTitle/>
                <p>{tr(Msg::ErrUnavailable)}</p>
                <p><a href="/">{tr(Msg::BackHome)}</a></p>
            }
            .into_any()
        }
        _ => {
            response::set_status(500);
            view! {
                <Heading msg=Msg::ErrUnexpectedTitle/>
                <p>{tr(Msg::ErrUnexpected)}</p>
                <p><a href="/">{tr(Msg::BackHome)}</a></p>
            }
            .into_any()
        }
    }
}
