//! Exports of a promotion's dossiers for coordinators: the filtered
//! selection as CSV (UTF-8 with BOM, for spreadsheets) and as a ZIP of the
//! CVs, streamed from a temporary file; a person's own data as a ZIP.
//! Every export is audited before it is sent, so each is started by a POST
//! (CSRF-checked), never by a GET that a link on another site could
//! trigger.

use crate::http::ServerState;
use app::model::application::ApplicationQuery;
use app::model::application::ApplicationRow;
use app::server::policy::{Action, allows, require};
use app::server::service::{exports, selection};
use app::server::web::RequestContext;
use axum::Extension;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::HashMap;

fn refused(ctx: &RequestContext) -> Option<Response> {
    require(&ctx.actor, Action::ExportApplications)
        .err()
        .map(crate::refusal::response)
}

/// The rows the policy lets leave in an export (never a draft, even if a
/// query were to return one).
fn exportable(ctx: &RequestContext, mut rows: Vec<ApplicationRow>) -> Vec<ApplicationRow> {
    rows.retain(|r| allows(&ctx.actor, Action::ExportApplication { state: r.state }));
    rows
}

fn attachment(content_type: &str, name: &str, bytes: Vec<u8>) -> Response {
    attachment_body(content_type, name, Body::from(bytes))
}

fn attachment_body(content_type: &str, name: &str, body: Body) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}

pub async fn applications_csv(
    State(state): State<ServerState>,
    Extension(ctx): Extension<RequestContext>,
    Path(promotion): Path<i64>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    if let Some(r) = refused(&ctx) {
        return r;
    }
    let q = ApplicationQuery::from_params(|k| params.get(k).cloned());
    let result = async {
        let rows = exportable(&ctx, selection::all_rows(&state.app, promotion, &q).await?);
        let max = rows
            .iter()
            .map(|r| r.choices.len())
            .max()
            .unwrap_or(0)
            .max(3);
        let bytes = exports::csv(&rows, ctx.locale, max)?;
        exports::audit_export(&state.app, &ctx.origin(), promotion, "csv", &q, rows.len()).await?;
        Ok::<_, app::model::AppError>(bytes)
    }
    .await;
    match result {
        Ok(bytes) => attachment(
            "text/csv; charset=utf-8",
            &format!("candidatures-{promotion}.csv"),
            bytes,
        ),
        Err(e) => crate::refusal::response(e),
    }
}

pub async fn applications_cvs(
    State(state): State<ServerState>,
    Extension(ctx): Extension<RequestContext>,
    Path(promotion): Path<i64>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    if let Some(r) = refused(&ctx) {
        return r;
    }
    let q = ApplicationQuery::from_params(|k| params.get(k).cloned());
    let result = async {
        let rows = exportable(&ctx, selection::all_rows(&state.app, promotion, &q).await?);
        let file = exports::cv_zip(&state.app.db, &state.app.settings.data_dir, &rows).await?;
        exports::audit_export(
            &state.app,
            &ctx.origin(),
            promotion,
            "cv_zip",
            &q,
            rows.len(),
        )
        .await?;
        Ok::<_, app::model::AppError>(file)
    }
    .await;
    match result {
        Ok(file) => {
            let stream = tokio_util::io::ReaderStream::new(tokio::fs::File::from_std(file));
            attachment_body(
                "application/zip",
                &format!("cv-{promotion}.zip"),
                Body::from_stream(stream),
            )
        }
        Err(e) => crate::refusal::response(e),
    }
}

/// `/espace/mes-donnees.zip`: everything about the signed-in person.
pub async fn my_data(
    State(state): State<ServerState>,
    Extension(ctx): Extension<RequestContext>,
) -> Response {
    if require(&ctx.actor, Action::ExportOwnData).is_err() {
        return Redirect::to("/connexion").into_response();
    }
    let Some(me) = ctx.actor.viewer().map(|v| v.id) else {
        return Redirect::to("/connexion").into_response();
    };
    match app::server::service::privacy::export(
        &state.app.db,
        &ctx.origin(),
        &state.app.settings.data_dir,
        me,
    )
    .await
    {
        Ok(bytes) => attachment("application/zip", "mes-donnees-cohorte.zip", bytes),
        Err(e) => crate::refusal::response(e),
    }
}
