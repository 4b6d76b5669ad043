//! The page frame: skip link, header with navigation for the person's roles,
//! language switch, main landmark, notice, footer.

use super::{page, tr};
use crate::api::auth::SignOut;
use crate::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let ctx = page();
    let locale = ctx.locale;
    let other = locale.other();
    let viewer = ctx.viewer.clone();
    let notice = ctx.flash.notice;
    let sign_out = ServerAction::<SignOut>::new();
    let nav = match viewer {
        None => view! {
            <li><a href="/defis">{tr(Msg::NavDefis)}</a></li>
            <li><a href="/connexion">{tr(Msg::SignIn)}</a></li>
            <li><a href="/inscription">{tr(Msg::SignUp)}</a></li>
        }
        .into_any(),
        Some(_) => {
            let can = ctx.can;
            view! {
                <li><a href="/espace">{tr(Msg::MyArea)}</a></li>
                <li><a href="/defis">{tr(Msg::NavDefis)}</a></li>
                {can.apply.then(|| view! { <li><a href="/candidature">{tr(Msg::ApplicationsTitle)}</a></li> })}
                {can.host.then(|| view! { <li><a href="/organisation">{tr(Msg::NavMyOrganisation)}</a></li> })}
                {can.jury.then(|| view! { <li><a href="/jury">{tr(Msg::NavJury)}</a></li> })}
                {can.manage_promotions.then(|| view! { <li><a href="/coordination/promotions">{tr(Msg::NavPromotions)}</a></li> })}
                {can.manage_organisations.then(|| view! { <li><a href="/coordination/organisations">{tr(Msg::NavOrganisations)}</a></li> })}
                {can.list_users.then(|| view! { <li><a href="/admin/utilisateurs">{tr(Msg::NavUsers)}</a></li> })}
                {can.view_outbox.then(|| view! { <li><a href="/coordination/courriels">{tr(Msg::NavOutbox)}</a></li> })}
                <li>
                    <ActionForm action=sign_out>
                        <button type="submit" class="link-button">{tr(Msg::SignOut)}</button>
                    </ActionForm>
                </li>
            }
            .into_any()
        }
    };
    view! {
        <a class="skip-link" href="#contenu">{tr(Msg::SkipToContent)}</a>
        <header class="site-header">
            <div class="container header-row">
                <p class="brand"><a href="/">{tr(Msg::AppName)}</a></p>
                <nav aria-label=tr(Msg::MainNav)>
                    <ul class="nav-list">{nav}</ul>
                </nav>
                <form method="post" action="/langue" class="lang-switch">
                    <input type="hidden" name="lang" value=other.code()/>
                    <input type="hidden" name="retour" value=ctx.path.clone()/>
                    <button type="submit" lang=other.code() title=tr(Msg::SwitchLanguage)>
                        {other.t(Msg::LanguageName)}
                    </button>
                </form>
            </div>
        </header>
        <main id="contenu" class="container" tabindex="-1">
            {notice.map(|n| view! { <p class="notice" role="status">{tr(n)}</p> })}
            {children()}
        </main>
        <footer class="site-footer">
            <div class="container">
                <ul class="footer-links">
                    <li><a href="/accessibilite">{tr(Msg::FooterAccessibility)}</a></li>
                    <li><a href="/mentions-legales">{tr(Msg::FooterLegal)}</a></li>
                    <li><a href="/donnees-personnelles">{tr(Msg::FooterPrivacy)}</a></li>
                </ul>
            </div>
        </footer>
        <super::islands::Enhance/>
    }
}
