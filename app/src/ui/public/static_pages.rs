use crate::i18n::Msg;
use crate::ui::{response, tr};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
fn TextPage(title: Msg, body: Msg) -> impl IntoView {
    view! {
        <Title text=tr(title)/>
        <h1>{tr(title)}</h1>
        <p>{tr(body)}</p>
    }
}

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! { <TextPage title=Msg::AccessibilityTitle body=Msg::AccessibilityBody/> }
}

#[component]
pub fn LegalPage() -> impl IntoView {
    view! { <TextPage title=Msg::LegalTitle body=Msg::LegalBody/> }
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
        <Title text=tr(Msg::ErrNotFoundTitle)/>
        <h1>{tr(Msg::ErrNotFoundTitle)}</h1>
        <p>{tr(Msg::ErrNotFoundBody)}</p>
        <p><a href="/">{tr(Msg::BackHome)}</a></p>
    }
}
