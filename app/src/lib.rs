#![recursion_limit = "256"]
//! Cohorte: the shell, the application root and the route table.

pub mod api;
pub mod domain;
pub mod i18n;
pub mod model;
#[cfg(feature = "ssr")]
pub mod server;
pub mod ui;

use leptos::prelude::*;
use leptos_meta::{Link, Meta, MetaTags, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};
use ui::{account, admin, applicant, coordinator, host, jury, layout::Layout, public};

pub fn shell(options: LeptosOptions) -> impl IntoView {
    let locale = use_context::<model::page::PageContext>()
        .unwrap_or_default()
        .locale;
    // The output name carries the build's hash (server `assets`): the
    // stylesheet is named like the JS and wasm.
    let stylesheet = format!("/{}/{}.css", options.site_pkg_dir, options.output_name);
    view! {
        <!DOCTYPE html>
        <html lang=locale.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <link rel="stylesheet" href=stylesheet/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml"/>
        <Meta name="description" content=ui::tr(i18n::Msg::Tagline)/>
        <Title formatter=|t: String| if t.is_empty() { "Cohorte".to_owned() } else { format!("{t} — Cohorte") }/>
        <Router>
            <Layout>
                <Routes fallback=public::NotFound>
                    <Route path=path!("") view=public::Home ssr=SsrMode::Async/>
                    <Route path=path!("inscription") view=public::SignUpPage ssr=SsrMode::Async/>
                    <Route path=path!("inscription/envoye") view=public::SignUpSent ssr=SsrMode::Async/>
                    <Route path=path!("verification") view=public::VerifyPage ssr=SsrMode::Async/>
                    <Route path=path!("connexion") view=public::SignInPage ssr=SsrMode::Async/>
                    <Route path=path!("connexion/lien") view=public::MagicLinkPage ssr=SsrMode::Async/>
                    <Route path=path!("mot-de-passe-oublie") view=public::ForgotPage ssr=SsrMode::Async/>
                    <Route path=path!("mot-de-passe-oublie/nouveau") view=public::NewPasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("accessibilite") view=public::AccessibilityPage ssr=SsrMode::Async/>
                    <Route path=path!("mentions-legales") view=public::LegalPage ssr=SsrMode::Async/>
                    <Route path=path!("donnees-personnelles") view=public::PrivacyPage ssr=SsrMode::Async/>
                    <Route path=path!("espace") view=account::AreaPage ssr=SsrMode::Async/>
                    <Route path=path!("espace/donnees") view=account::MyDataPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/utilisateurs") view=admin::UsersPage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/courriels") view=coordinator::OutboxPage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/courriels/:id") view=coordinator::OutboxMessagePage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/promotions") view=coordinator::PromotionsPage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/promotions/nouvelle") view=coordinator::NewPromotionPage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/promotions/:id") view=coordinator::EditPromotionPage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/promotions/:id/defis") view=coordinator::PromotionDefisPage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/promotions/:id/defis/apercu") view=coordinator::BatchPreviewPage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/defis/:id") view=coordinator::DefiReviewPage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/promotions/:id/candidatures") view=coordinator::ApplicationsListPage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/promotions/:id/brouillons") view=coordinator::DraftsPage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/promotions/:id/candidatures/apercu") view=coordinator::ApplicationBatchPage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/candidatures/:id") view=coordinator::ApplicationReviewPage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/promotions/:id/preselection") view=coordinator::PreselectionPage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/promotions/:id/preselection/affectation") view=coordinator::AssignmentPage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/promotions/:id/preselection/resultats") view=coordinator::ResultsPage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/promotions/:id/preselection/apercu") view=coordinator::ShortlistPreviewPage ssr=SsrMode::Async/>
                    <Route path=path!("jury") view=jury::JuryHomePage ssr=SsrMode::Async/>
                    <Route path=path!("jury/promotions/:id/conflits") view=jury::ConflictsPage ssr=SsrMode::Async/>
                    <Route path=path!("jury/dossiers/:id") view=jury::JuryDossierPage ssr=SsrMode::Async/>
                    <Route path=path!("jury/defis/:id") view=jury::JuryDefiPage ssr=SsrMode::Async/>
                    <Route path=path!("jury/defis/:id/planning") view=jury::PlanPage ssr=SsrMode::Async/>
                    <Route path=path!("jury/entretiens/:id") view=jury::InterviewSheetPage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/promotions/:id/entretiens") view=coordinator::InterviewsPage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/promotions/:id/auditions") view=coordinator::HearingsPage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/promotions/:id/equipes") view=coordinator::FormationPage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/promotions/:id/equipes/:run") view=coordinator::RunPage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/promotions/:id/propositions") view=coordinator::OffersPage ssr=SsrMode::Async/>
                    <Route path=path!("espace/propositions") view=applicant::MyOffersPage ssr=SsrMode::Async/>
                    <Route path=path!("equipes/:id") view=host::TeamPage ssr=SsrMode::Async/>
                    <Route path=path!("equipes/:id/jalons/:jalon") view=host::MilestonePage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/promotions/:id/suivi") view=coordinator::DashboardPage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/promotions/:id/frise") view=coordinator::TimelinePage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/promotions/:id/jalons") view=coordinator::PlansPage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/promotions/:id/jalons/:modele") view=coordinator::PlanEditPage ssr=SsrMode::Async/>
                    <Route path=path!("jury/auditions/:id") view=jury::MyHearingsPage ssr=SsrMode::Async/>
                    <Route path=path!("jury/auditions/defis/:id") view=jury::DefiSheetPage ssr=SsrMode::Async/>
                    <Route path=path!("espace/entretiens") view=applicant::MyInterviewsPage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/organisations") view=coordinator::OrganisationsPage ssr=SsrMode::Async/>
                    <Route path=path!("coordination/organisations/:id") view=coordinator::EditOrganisationPage ssr=SsrMode::Async/>
                    <Route path=path!("organisation") view=host::MyOrganisationsPage ssr=SsrMode::Async/>
                    <Route path=path!("organisation/:id") view=host::OrganisationHomePage ssr=SsrMode::Async/>
                    <Route path=path!("organisation/defis/:id") view=host::DefiEditPage ssr=SsrMode::Async/>
                    <Route path=path!("invitation") view=host::InvitationPage ssr=SsrMode::Async/>
                    <Route path=path!("promotions/:id") view=public::PromotionPage ssr=SsrMode::Async/>
                    <Route path=path!("defis") view=public::CatalogPage ssr=SsrMode::Async/>
                    <Route path=path!("candidature") view=applicant::ApplicationsPage ssr=SsrMode::Async/>
                    <Route path=path!("candidature/:id") view=applicant::ApplicationPage ssr=SsrMode::Async/>
                    <Route path=path!("defis/:id") view=public::SheetPage ssr=SsrMode::Async/>
                </Routes>
            </Layout>
        </Router>
    }
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // Panic messages in the console help while developing; the release
    // bundle leaves out the formatting they need (RGESN: a smaller bundle).
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
