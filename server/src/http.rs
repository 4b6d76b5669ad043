//! The HTTP application: routes, page rendering with per-request context,
//! server functions, static files, and the layers around them (trace,
//! compression, security headers, CSRF, sessions, request context).

use crate::config::Config;
use crate::csrf;
use app::model::page::PageContext;
use app::server::AppState;
use app::server::auth_session::{self, IDLE_MINUTES};
use app::server::db::session_store::DbSessionStore;
use app::server::web::{self, LANG_COOKIE, RequestContext};
use app::{App, shell};
use axum::body::Body;
use axum::extract::{FromRef, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use serde::Deserialize;
use std::sync::Arc;
use tower::ServiceExt;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, Session, SessionManagerLayer};

type PageFuture = std::pin::Pin<Box<dyn Future<Output = Response> + Send + 'static>>;

/// Renders a page of the route table (built once: Leptos' handlers are
/// closures over the route list).
type RouteRenderer = Arc<dyn Fn(State<ServerState>, Request) -> PageFuture + Send + Sync>;

/// Renders the application's 404 page.
type FallbackRenderer = Arc<dyn Fn(Request) -> PageFuture + Send + Sync>;

#[derive(Clone)]
pub struct ServerState {
    pub leptos: LeptosOptions,
    pub app: AppState,
    pub production: bool,
    pages: RouteRenderer,
    not_found: FallbackRenderer,
}

/// What a render needs of its request, put in the request's extensions
/// for the context closure (which Leptos runs with the request's parts).
#[derive(Clone)]
struct RenderContext {
    page: PageContext,
    nonce: String,
}

/// The contexts every page render provides: the application, and from the
/// request the page context and the response's nonce (the context added
/// here comes after Leptos' own nonce, so that the header can name ours).
fn page_context(app: AppState) -> impl Fn() + Clone + Send + Sync + 'static {
    move || {
        provide_context(app.clone());
        if let Some(r) = use_context::<axum::http::request::Parts>()
            .and_then(|p| p.extensions.get::<RenderContext>().cloned())
        {
            provide_context(r.page);
            provide_context(leptos::nonce::Nonce::from_value(r.nonce));
        }
    }
}

impl FromRef<ServerState> for LeptosOptions {
    fn from_ref(s: &ServerState) -> Self {
        s.leptos.clone()
    }
}

pub fn leptos_options(config: &Config, fingerprint: Option<&str>) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name(crate::assets::output_name(fingerprint))
        .site_root(config.site_root.to_string_lossy().to_string())
        .site_pkg_dir("pkg")
        .site_addr(config.addr)
        .build()
}

/// The route table, generated once per process. Generating it renders the
/// app with resource loading suppressed by a flag of the whole process
/// (leptos_server's `SuppressResourceLoad`): a page that another router of
/// the same process rendered meanwhile (the integration tests start many)
/// would wait forever on its first resource (leptos-rs/leptos#4773). Once
/// the first router has it, no page can be rendering during a generation.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

pub fn router(config: &Config, app: AppState) -> Router {
    let pkg_dir = config.site_root.join("pkg");
    let fingerprint = crate::assets::fingerprint(&pkg_dir);
    let leptos = leptos_options(config, fingerprint.as_deref());
    let routes = route_list();
    let pages: RouteRenderer = {
        let options = leptos.clone();
        let handler = leptos_axum::render_route_with_context(
            routes.clone(),
            page_context(app.clone()),
            move || shell(options.clone()),
        );
        Arc::new(move |st, req| handler(st, req))
    };
    let not_found: FallbackRenderer = {
        let options = leptos.clone();
        let handler =
            leptos_axum::render_app_to_stream_with_context(page_context(app.clone()), move || {
                shell(options.clone())
            });
        Arc::new(move |req| {
            let fut = handler(req);
            Box::pin(async move { fut.await.into_response() })
        })
    };
    let state = ServerState {
        leptos,
        app: app.clone(),
        production: config.production,
        pages,
        not_found,
    };
    let sessions = SessionManagerLayer::new(DbSessionStore::new(app.db.clone()))
        .with_name(if config.production {
            "__Host-cohorte"
        } else {
            "cohorte"
        })
        .with_secure(config.production)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(time::Duration::minutes(IDLE_MINUTES)))
        // Saved when changed only: `load_context` touches a signed-in
        // session once a minute, which extends its idle expiry. Saving on
        // every request wrote to the database for every page view.
        .with_always_save(false);
    let pages = Router::new()
        .route("/healthz", get(crate::health::health))
        .route("/readyz", get(crate::health::ready))
        .route("/langue", post(set_language))
        .route(
            "/api/{*fn_name}",
            post(server_fn)
                .get(server_fn)
                .layer(axum::middleware::from_fn(crate::limits::forms)),
        )
        .route(
            "/organisation/defis/{id}/presentation",
            crate::files::pitch_deck_routes(),
        )
        .route(
            "/defis/{id}/presentation",
            get(crate::files::public_pitch_deck),
        )
        .route(
            "/candidature/{id}/{kind}",
            crate::files::application_file_routes(),
        )
        .route(
            "/equipes/{defi}/jalons/{id}/fichier",
            crate::files::milestone_file_routes(),
        )
        .route(
            "/coordination/promotions/{id}/candidatures.csv",
            crate::exports::selection_route(app::server::service::exports::Export::Csv(
                // The locale's, unless the query string asks for another.
                app::server::service::exports::Separator::Comma,
            )),
        )
        .route(
            "/coordination/promotions/{id}/cv.zip",
            crate::exports::selection_route(app::server::service::exports::Export::CvZip),
        )
        .route(
            "/coordination/promotions/{id}/preselection/resultats.csv",
            post(crate::exports::review_results),
        )
        .route("/espace/mes-donnees.zip", post(crate::exports::my_data))
        .route(
            "/coordination/promotions/{id}/bulletins.csv",
            post(crate::exports::bulletins),
        )
        .route("/calendrier/{file}", get(crate::calendars::private_feed))
        .route(
            "/promotions/{id}/calendrier.ics",
            get(crate::calendars::public_feed),
        )
        .route(
            "/coordination/promotions/{id}/appariement.json",
            get(crate::calendars::matching_input),
        )
        .route(
            "/coordination/promotions/{id}/equipes/{run}/entree.json",
            get(crate::formation::run_input),
        )
        .route(
            "/coordination/promotions/{id}/propositions/journal.json",
            get(crate::formation::offers_log),
        )
        .leptos_routes_with_handler(routes, get(page))
        .fallback(static_or_not_found)
        .with_state(state)
        .layer(axum::middleware::from_fn_with_state(app, web::load_context))
        .layer(sessions)
        .layer(axum::middleware::from_fn_with_state(
            std::sync::Arc::<str>::from(public_origin(&config.base_url)),
            csrf::guard,
        ));
    // Built files (wasm, JS, CSS) need no session, person or CSRF check:
    // they are served before those layers, without touching the database.
    let hsts = config.production.then(|| {
        SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        )
    });
    // Built files under hashed names, kept a year (`assets`).
    let pkg = Router::new()
        .route("/pkg/{*file}", get(crate::assets::serve))
        .with_state(crate::assets::PkgFiles::new(
            pkg_dir,
            fingerprint.as_deref(),
        ));
    pkg.merge(pages)
        // Pages set their own policy with the response's nonce (`render`);
        // anything else (files, exports, JSON, redirects) runs nothing.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'; base-uri 'none'"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static(PERMISSIONS_POLICY),
        ))
        .layer(tower::util::option_layer(hsts))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        // Same-origin referrers are what sends a no-JS form back to its page.
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        // PDFs and ZIPs are compressed already; compressing them again would
        // cost CPU and drop their Content-Length (no size, no progress).
        .layer(
            CompressionLayer::new().compress_when(
                DefaultPredicate::new()
                    .and(NotForContentType::const_new("application/pdf"))
                    .and(NotForContentType::const_new("application/zip")),
            ),
        )
        // A handler's panic answers the plain error page (`panics`).
        .layer(crate::panics::layer())
        // Every request's id, span and one log line (`requests`).
        .layer(axum::middleware::from_fn_with_state(
            config.trust_proxy,
            crate::requests::identify,
        ))
}

/// Browser features no page of Cohorte uses.
const PERMISSIONS_POLICY: &str =
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()";

/// The Content-Security-Policy of a page: scripts only with this
/// response's nonce (the hydration script) and what it loads
/// (`strict-dynamic`: the JS glue and the wasm), no inline style, no
/// framing, forms post only here.
fn page_csp(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// A fresh nonce: 128 random bits, in hex.
fn new_nonce() -> String {
    app::server::service::tokens::random_secret(16)
}

/// `https://host:port` of a base URL (which may carry a path).
fn public_origin(base_url: &str) -> String {
    match base_url.split_once("://") {
        Some((scheme, rest)) => {
            format!("{scheme}://{}", rest.split('/').next().unwrap_or_default())
        }
        None => base_url.to_owned(),
    }
}

/// A local path a form may send people back to: starts with one slash and
/// holds only characters of a URL path and query (no spaces, tabs,
/// backslashes), so it can never become another site.
fn is_local_path(p: &str) -> bool {
    p.starts_with('/')
        && !p.starts_with("//")
        && p.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/-._~%!$&'()*+,;=:@?".contains(&b))
}

/// Renders a page with the request's context (person, language, flash).
async fn page(State(st): State<ServerState>, session: Session, req: Request) -> Response {
    render(st, session, req, true).await
}

/// `known_route` is false for paths outside the route table, which render
/// the application's 404 page.
async fn render(
    st: ServerState,
    session: Session,
    mut req: Request,
    known_route: bool,
) -> Response {
    let ctx = req
        .extensions()
        .get::<RequestContext>()
        .cloned()
        .expect("load_context runs before every route");
    let (flash, clear_flash) = auth_session::take_flash(&session, req.headers()).await;
    let path = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "/".into());
    let page = PageContext {
        can: app::server::policy::capabilities(&ctx.actor),
        viewer: ctx.actor.viewer().cloned(),
        locale: ctx.locale,
        flash,
        path,
        contact: st.app.settings.contact.clone(),
    };
    let st_production = st.production;
    // Leptos makes a nonce per render; ours replaces it, so that the
    // header can name it.
    let nonce = new_nonce();
    let csp = page_csp(&nonce);
    req.extensions_mut().insert(RenderContext {
        page,
        nonce: nonce.clone(),
    });
    let mut res = if known_route {
        (st.pages.clone())(State(st), req).await
    } else {
        (st.not_found.clone())(req).await
    };
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(v) = HeaderValue::from_str(&csp) {
        res.headers_mut().insert(header::CONTENT_SECURITY_POLICY, v);
    }
    if clear_flash
        && let Ok(v) = HeaderValue::from_str(&auth_session::clear_flash_cookie(st_production))
    {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    without_nonce_in_crossorigin(res, &nonce).await
}

/// Leptos 0.8.23 writes the nonce into the `crossorigin` attribute of the
/// JS and wasm preload links (leptos issue #4843, fixed upstream by PR
/// #4844, not released as of 0.8.23, the newest on the registry): invalid
/// HTML, and reported to break hydration in Firefox. Until a release
/// carries the fix, the attribute is rewritten to `crossorigin` (the
/// anonymous mode the links mean). The page is small and already fully
/// rendered by then; the rewrite touches only that exact attribute.
async fn without_nonce_in_crossorigin(res: Response, nonce: &str) -> Response {
    let (parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 16 * 1024 * 1024).await else {
        tracing::error!("page body could not be read");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let bad = format!("crossorigin=\"{nonce}\"");
    let html = String::from_utf8_lossy(&bytes);
    let body = if html.contains(&bad) {
        Body::from(html.replace(&bad, "crossorigin"))
    } else {
        Body::from(bytes)
    };
    let mut res = Response::from_parts(parts, body);
    res.headers_mut().remove(header::CONTENT_LENGTH);
    res
}

async fn server_fn(State(st): State<ServerState>, session: Session, req: Request) -> Response {
    let app = st.app.clone();
    let res =
        leptos_axum::handle_server_fns_with_context(move || provide_context(app.clone()), req)
            .await
            .into_response();
    crate::refusal::refused(res, &session, st.production).await
}

/// Other files of the site root (favicon) first; anything else is a page,
/// which the router answers with the 404 page.
async fn static_or_not_found(
    State(st): State<ServerState>,
    session: Session,
    req: Request,
) -> Response {
    let (parts, body) = req.into_parts();
    let probe = Request::from_parts(parts.clone(), Body::empty());
    let res = ServeDir::new(st.leptos.site_root.as_ref())
        .oneshot(probe)
        .await
        .map(IntoResponse::into_response)
        .unwrap_or_else(|e| match e {});
    if res.status() != StatusCode::NOT_FOUND {
        return res;
    }
    render(st, session, Request::from_parts(parts, body), false).await
}

#[derive(Deserialize)]
struct LanguageForm {
    lang: String,
    retour: Option<String>,
}

async fn set_language(State(st): State<ServerState>, Form(form): Form<LanguageForm>) -> Response {
    let locale = app::i18n::Locale::from_code(&form.lang).unwrap_or_default();
    // Only a local path: never an open redirect.
    let back = form
        .retour
        .filter(|r| is_local_path(r))
        .unwrap_or_else(|| "/".into());
    let secure = if st.production { "; Secure" } else { "" };
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{secure}",
        locale.code()
    );
    let mut res = Redirect::to(&back).into_response();
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_ways_back() {
        assert!(is_local_path("/connexion"));
        assert!(is_local_path("/admin/utilisateurs?q=marie%20c"));
        for bad in [
            "//evil.example",
            "/\t/evil.example",
            "/\\evil.example",
            "https://evil.example",
            "",
            "/a b",
        ] {
            assert!(!is_local_path(bad), "{bad:?}");
        }
    }

    #[test]
    fn public_origin_drops_the_path() {
        assert_eq!(
            public_origin("https://cohorte.example/app"),
            "https://cohorte.example"
        );
        assert_eq!(
            public_origin("http://127.0.0.1:3000"),
            "http://127.0.0.1:3000"
        );
    }
}
