//! Team formation's downloads for coordinators: a run's input exactly as
//! the engine read it (`cohorte match` gives the saved output again, byte
//! for byte), and a promotion's offers log (pseudonymous, the input of
//! `cohorte verify-offers --log`).

use crate::files::send;
use crate::http::ServerState;
use app::model::AppError;
use app::server::policy::{self, Action};
use app::server::service::download::Download;
use app::server::service::formation::{offers, run_of};
use app::server::web::RequestContext;
use axum::Extension;
use axum::extract::{Path, State};
use axum::response::Response;

pub async fn run_input(
    State(state): State<ServerState>,
    Extension(ctx): Extension<RequestContext>,
    Path((id, run)): Path<(i64, i32)>,
) -> Response {
    if let Err(e) = policy::require(&ctx.actor, Action::ManageFormation) {
        return crate::refusal::response(e);
    }
    match run_of(&state.app.db, id, run).await {
        Ok(r) => {
            send(Download::json(
                format!("equipes-promotion-{id}-execution-{run}.json"),
                r.input,
            ))
            .await
        }
        Err(e) => crate::refusal::response(e),
    }
}

pub async fn offers_log(
    State(state): State<ServerState>,
    Extension(ctx): Extension<RequestContext>,
    Path(id): Path<i64>,
) -> Response {
    if let Err(e) = policy::require(&ctx.actor, Action::ManageFormation) {
        return crate::refusal::response(e);
    }
    let log = match offers::log_of(&state.app.db, id).await {
        Ok(Some((_, log))) => log,
        Ok(None) => return crate::refusal::response(AppError::NotFound),
        Err(e) => return crate::refusal::response(e),
    };
    match serde_json::to_string_pretty(&log) {
        Ok(text) => {
            send(Download::json(
                format!("propositions-promotion-{id}.json"),
                text,
            ))
            .await
        }
        Err(_) => crate::refusal::response(AppError::Unexpected),
    }
}
