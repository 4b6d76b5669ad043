//! Exports over HTTP: the filtered selection of a promotion's dossiers as
//! CSV and as a ZIP of the CVs, a person's own data as a ZIP. What leaves,
//! who may take it and the audit entry are the services' (`exports`,
//! `privacy`); each export is audited, so each is started by a POST
//! (CSRF-checked), never by a GET that a link on another site could
//! trigger.

use crate::files::send;
use crate::http::ServerState;
use app::model::application::ApplicationQuery;
use app::server::service::{exports, privacy};
use app::server::web::RequestContext;
use axum::Extension;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use std::collections::HashMap;

async fn answer(
    result: Result<app::server::service::download::Download, app::model::AppError>,
) -> Response {
    match result {
        Ok(d) => send(d).await,
        Err(e) => crate::refusal::response(e),
    }
}

pub async fn applications_csv(
    State(state): State<ServerState>,
    Extension(ctx): Extension<RequestContext>,
    Path(promotion): Path<i64>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let q = ApplicationQuery::from_params(|k| params.get(k).cloned());
    let (actor, origin) = (&ctx.actor, &ctx.origin());
    answer(exports::applications_csv(&state.app, actor, origin, ctx.locale, promotion, &q).await)
        .await
}

pub async fn applications_cvs(
    State(state): State<ServerState>,
    Extension(ctx): Extension<RequestContext>,
    Path(promotion): Path<i64>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let q = ApplicationQuery::from_params(|k| params.get(k).cloned());
    let (actor, origin) = (&ctx.actor, &ctx.origin());
    answer(exports::applications_cvs(&state.app, actor, origin, promotion, &q).await).await
}

/// `/espace/mes-donnees.zip`: everything about the signed-in person.
pub async fn my_data(
    State(state): State<ServerState>,
    Extension(ctx): Extension<RequestContext>,
) -> Response {
    answer(privacy::my_data(&state.app, &ctx.actor, &ctx.origin()).await).await
}
