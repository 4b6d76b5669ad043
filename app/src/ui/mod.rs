//! Components and pages, grouped by who uses them. Pages are rendered on the
//! server; only `islands` run in the browser.

pub mod account;
pub mod admin;
pub mod applicant;
pub mod batch;
pub mod coordinator;
pub mod defi_view;
pub mod field_names;
pub mod form;
pub mod host;
pub mod islands;
pub mod jury;
pub mod layout;
pub mod public;
pub mod response;
pub mod table;
pub mod templates;
pub mod upload;

use crate::i18n::{Locale, Msg};
use crate::model::page::PageContext;
use leptos::prelude::*;

/// The request's context (empty outside a server render).
pub fn page() -> PageContext {
    use_context::<PageContext>().unwrap_or_default()
}

pub fn locale() -> Locale {
    page().locale
}

/// The text for `msg` in the reader's language.
pub fn tr(msg: Msg) -> &'static str {
    locale().t(msg)
}

/// The text for `msg` in the reader's language, its placeholders filled
/// with `values` and its plural forms chosen by that language's rule
/// (`Locale::fill`).
pub fn say(msg: Msg, values: &[(&str, &str)]) -> String {
    let locale = locale();
    locale.fill(locale.t(msg), values)
}

/// `msg` followed by a colon as the reader's language writes it ("Profil :"
/// in French, "Profile:" in English), for a label before its value.
pub fn colon(msg: Msg) -> String {
    say(Msg::LabelColon, &[("label", tr(msg))])
}

/// `x` with `places` decimals as the reader writes it: "12,50" in French,
/// "12.50" in English.
pub fn decimal(x: f64, places: usize) -> String {
    let s = format!("{x:.places$}");
    match locale() {
        Locale::Fr => s.replace('.', ","),
        Locale::En => s,
    }
}

/// Anonymous people are sent to sign in, and brought back here after
/// (`?suite=`); signed-in people who may not open the page see "not found".
pub fn refuse() -> AnyView {
    let page = page();
    if page.viewer.is_none() {
        let next = crate::domain::next::query(Some(&page.path));
        response::redirect(&format!("/connexion{next}"));
        ().into_any()
    } else {
        view! { <public::NotFound/> }.into_any()
    }
}

/// The gate every restricted page goes through: who may not open it is
/// refused (`refuse`), everyone else sees what `body` builds.
pub fn gated<V: IntoView + 'static>(allowed: bool, body: impl FnOnce() -> V) -> AnyView {
    if allowed { body().into_any() } else { refuse() }
}

/// The gate of a page about one row (`:id` in the path): who may not open
/// it is refused, a path whose id is not a number is "not found", and
/// everyone else sees what `body` builds for that id.
pub fn row_page<V: IntoView + 'static>(allowed: bool, body: impl FnOnce(i64) -> V) -> AnyView {
    gated(allowed, || match id_param() {
        Some(id) => body(id).into_any(),
        None => view! { <public::NotFound/> }.into_any(),
    })
}

/// A page about one row (`row_page`) showing what `fetch`, its server
/// function, loads for the id: with `ok`, or the error page (`Loaded`).
pub fn loaded_row<T, Fut, G, F, V>(allowed: bool, fetch: G, ok: F) -> AnyView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    Fut: std::future::Future<Output = Result<T, crate::model::AppError>> + Send + 'static,
    G: Fn(i64) -> Fut + Send + Sync + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    row_page(allowed, move |id| {
        let resource = Resource::new_blocking(move || id, fetch);
        view! { <Loaded resource ok/> }
    })
}

/// A page's title: the browser tab's and its one `<h1>`, the same words.
#[component]
pub fn Heading(msg: Msg) -> impl IntoView {
    use leptos_meta::Title;
    view! {
        <Title text=tr(msg)/>
        <h1>{tr(msg)}</h1>
    }
}

/// The `:id` route parameter, when it is a number.
pub fn id_param() -> Option<i64> {
    num_param("id")
}

/// A route parameter (`:jalon`, `:modele`…), when it is a number.
pub fn num_param(name: &str) -> Option<i64> {
    leptos_router::hooks::use_params_map()
        .with_untracked(|p| p.get(name).and_then(|v| v.parse::<i64>().ok()))
}

/// A query parameter, when present and not empty.
pub fn query(name: &str) -> Option<String> {
    leptos_router::hooks::use_query_map()
        .with_untracked(|q| q.get(name))
        .filter(|v| !v.trim().is_empty())
}

/// What the person typed before an error redirect, for `field`.
pub fn kept(field: &str) -> Option<String> {
    page().flash.value(field)
}

/// A UTC time in Paris time, "dd/mm/yyyy hh:mm".
pub fn paris(t: chrono::DateTime<chrono::Utc>) -> String {
    crate::domain::promotion::paris_display(t)
}

/// The label of a profile code (its code for a custom one).
pub fn profile_label(code: &crate::domain::profile::ProfileCode) -> String {
    code.label()
        .map(tr)
        .map(str::to_owned)
        .unwrap_or_else(|| code.as_str().to_owned())
}

/// Shows what `resource` loads, with `ok`, once it is there (the server
/// waits for it before it sends the page), or the error page: not found,
/// sign in, or the plain page of an unexpected error.
#[component]
pub fn Loaded<T, F, V>(
    resource: Resource<Result<T, crate::model::AppError>>,
    ok: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let ok = ok.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(value) => ok(value).into_any(),
                        Err(e) => view! { <public::ErrorPage error=e/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
