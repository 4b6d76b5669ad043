//! Per-request context, loaded once by a middleware and read by page renders
//! and server functions alike: who is asking, in which language, from where.

use super::policy::Actor;
use super::service::Origin;
use super::{AppState, auth_session, service::users};
use crate::i18n::Locale;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::SocketAddr;
use tower_sessions::Session;

pub const LANG_COOKIE: &str = "cohorte_lang";

#[derive(Clone, Debug)]
pub struct RequestContext {
    pub actor: Actor,
    pub locale: Locale,
    pub ip: Option<String>,
    /// When the request arrived: deadlines are judged at this time, not
    /// when a busy server gets to write.
    pub received_at: chrono::DateTime<chrono::Utc>,
}

impl RequestContext {
    pub fn origin(&self) -> Origin {
        Origin {
            actor_id: self.actor.viewer().map(|v| v.id),
            ip: self.ip.clone(),
        }
    }
}

/// The language: the cookie set by the switch, else French.
pub fn locale_from(headers: &HeaderMap) -> Locale {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == LANG_COOKIE)
        .and_then(|(_, v)| Locale::from_code(v))
        .unwrap_or_default()
}

/// The address as rate limits and the audit log see it. An IPv6 client
/// controls its whole /64, so it counts as one.
fn rate_key(ip: std::net::IpAddr) -> String {
    match ip {
        std::net::IpAddr::V4(v4) => v4.to_string(),
        std::net::IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

/// Axum middleware; needs the session layer outside it.
pub async fn load_context(
    State(state): State<AppState>,
    session: Session,
    mut req: Request,
    next: Next,
) -> Response {
    let received_at = chrono::Utc::now();
    let locale = locale_from(req.headers());
    let forwarded = state
        .settings
        .trust_proxy
        .then(|| {
            req.headers()
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.rsplit(',').next())
                .and_then(|ip| ip.trim().parse::<std::net::IpAddr>().ok())
        })
        .flatten();
    let ip = forwarded
        .or_else(|| {
            req.extensions()
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0.ip())
        })
        .map(rate_key);
    // A database error must not turn the person into a visitor.
    let unavailable = || {
        let msg = crate::model::AppError::Unexpected.summary();
        (
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            format!("{} / {}", Locale::Fr.t(msg), Locale::En.t(msg)),
        )
            .into_response()
    };
    let mut actor = Actor::Anonymous;
    let Ok(signed_in) = auth_session::user_id(&session).await else {
        return unavailable();
    };
    if let Some(id) = signed_in {
        // The store read the person with the session; a session it did
        // not load (none today) is read here.
        let viewer = match auth_session::viewer(&session, id).await {
            Some(loaded) => Ok(loaded),
            None => users::viewer(&state.db, id).await,
        };
        match viewer {
            Ok(Some(viewer)) => {
                auth_session::touch(&session).await;
                actor = Actor::Person(viewer);
            }
            // Account gone or disabled: the session ends here.
            Ok(None) => {
                let _ = auth_session::end(&session).await;
            }
            Err(_) => return unavailable(),
        }
    }
    req.extensions_mut().insert(RequestContext {
        actor,
        locale,
        ip,
        received_at,
    });
    req.extensions_mut().insert(state);
    next.run(req).await
}
