//! Exports over HTTP: the filtered selection of a promotion's dossiers as
//! CSV and as a ZIP of the CVs, a person's own data as a ZIP. What leaves,
//! who may take it and the audit entry are the services' (`exports`,
//! `privacy`); each export is audited, so each is started by a POST
//! (CSRF-checked), never by a GET that a link on another site could
//! trigger.

use crate::files::send;
use crate::http::ServerState;
use app::model::AppError;
use app::model::application::ApplicationQuery;
use app::server::service::download::Download;
use app::server::service::exports::{self, Export, Separator};
use app::server::service::privacy;
use app::server::web::RequestContext;
use axum::Extension;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::{MethodRouter, post};
use std::collections::HashMap;

async fn answer(result: Result<Download, AppError>) -> Response {
    match result {
        Ok(d) => send(d).await,
        Err(e) => crate::refusal::response(e),
    }
}

/// `/coordination/promotions/{promotion}/candidatures.csv` and `…/cv.zip`:
/// the selection the query string describes, in `format`.
pub fn selection_route(format: Export) -> MethodRouter<ServerState> {
    post(
        move |State(state): State<ServerState>,
              Extension(ctx): Extension<RequestContext>,
              Path(promotion): Path<i64>,
              Query(params): Query<HashMap<String, String>>| async move {
            let q = ApplicationQuery::from_params(|k| params.get(k).cloned());
            let (actor, origin, locale) = (&ctx.actor, &ctx.origin(), ctx.locale);
            let format = match format {
                Export::Csv(_) => Export::Csv(Separator::from_param(
                    params.get("separateur").map(String::as_str),
                    locale,
                )),
                other => other,
            };
            answer(exports::export(&state.app, actor, origin, locale, promotion, &q, format).await)
                .await
        },
    )
}

/// `/coordination/promotions/{promotion}/preselection/resultats.csv`: the
/// pre-selection's results with their aggregates, as the page filters them.
pub async fn review_results(
    State(state): State<ServerState>,
    Extension(ctx): Extension<RequestContext>,
    Path(promotion): Path<i64>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let q = app::model::review::ResultsQuery {
        profile: params.get("profil").filter(|p| !p.is_empty()).cloned(),
        disagreement: params.get("desaccord").is_some_and(|v| v == "on"),
        sort: params.get("tri").cloned().unwrap_or_default(),
        top: None,
    };
    answer(
        app::server::service::review::shortlist::csv(
            &state.app,
            &ctx.actor,
            &ctx.origin(),
            promotion,
            &q,
            ctx.locale,
        )
        .await,
    )
    .await
}

/// `/coordination/promotions/{promotion}/bulletins.csv`: the weekly
/// bulletins of a promotion (coordinators).
pub async fn bulletins(
    State(state): State<ServerState>,
    Extension(ctx): Extension<RequestContext>,
    Path(promotion): Path<i64>,
) -> Response {
    answer(
        app::server::service::milestones::board::export_bulletins(
            &state.app,
            &ctx.actor,
            &ctx.origin(),
            promotion,
            chrono::Utc::now(),
            ctx.locale,
        )
        .await,
    )
    .await
}

/// `/espace/mes-donnees.zip`: everything about the signed-in person.
pub async fn my_data(
    State(state): State<ServerState>,
    Extension(ctx): Extension<RequestContext>,
) -> Response {
    answer(privacy::my_data(&state.app, &ctx.actor, &ctx.origin()).await).await
}
