//! Calendars over HTTP: a person's private feed (`/calendrier/{token}.ics`,
//! the token is the credential), a promotion's public feed
//! (`/promotions/{id}/calendrier.ics`), and the coordinators' download of
//! the matching engine's input (`…/appariement.json`).

use crate::files::send;
use crate::http::ServerState;
use app::model::AppError;
use app::server::policy::{self, Action};
use app::server::service::download::Download;
use app::server::service::interviews::{export, feeds};
use app::server::web::RequestContext;
use axum::Extension;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

fn calendar(result: Result<String, AppError>) -> Response {
    match result {
        Ok(text) => (
            [
                (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
                (header::CACHE_CONTROL, "private, no-store"),
            ],
            text,
        )
            .into_response(),
        Err(e) => crate::refusal::response(e),
    }
}

pub async fn private_feed(State(state): State<ServerState>, Path(file): Path<String>) -> Response {
    let Some(token) = file.strip_suffix(".ics") else {
        return crate::refusal::response(AppError::NotFound);
    };
    calendar(feeds::private(&state.app.db, &state.app.settings, token).await)
}

pub async fn public_feed(State(state): State<ServerState>, Path(id): Path<i64>) -> Response {
    calendar(feeds::public(&state.app.db, id).await)
}

pub async fn matching_input(
    State(state): State<ServerState>,
    Extension(ctx): Extension<RequestContext>,
    Path(id): Path<i64>,
) -> Response {
    if let Err(e) = policy::require(&ctx.actor, Action::ManageInterviews) {
        return crate::refusal::response(e);
    }
    match export::json(&state.app.db, id).await {
        Ok(text) => {
            send(Download::json(
                format!("appariement-promotion-{id}.json"),
                text,
            ))
            .await
        }
        Err(e) => crate::refusal::response(e),
    }
}
