use crate::i18n::Msg;
use crate::ui::{page, tr};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn Home() -> impl IntoView {
    let signed_in = page().viewer.is_some();
    view! {
        <Title text=""/>
        <h1>{tr(Msg::HomeTitle)}</h1>
        <p class="lead">{tr(Msg::HomeIntro)}</p>
        <h2>{tr(Msg::HomeHowTitle)}</h2>
        <ol>
            <li>{tr(Msg::HomeHow1)}</li>
            <li>{tr(Msg::HomeHow2)}</li>
            <li>{tr(Msg::HomeHow3)}</li>
        </ol>
        <p>{tr(Msg::HomeNoCall)}</p>
        {(!signed_in).then(|| view! {
            <p><a class="button" href="/inscription">{tr(Msg::HomeCtaSignUp)}</a></p>
        })}
    }
}
