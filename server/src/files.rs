//! File uploads and downloads: a défi's pitch deck, an applicant's CV and
//! portfolio. Plain multipart forms,
//! so they work without JavaScript; every access goes through the policy,
//! and a défi the person may not see is "not found".

use crate::http::ServerState;
use app::domain::upload::{PDF_MAX_BYTES, check_pdf, display_name};
use app::i18n::Msg;
use app::model::AppError;
use app::model::page::Flash;
use app::server::auth_session;
use app::server::policy::{Action, require};
use app::server::service::{applications, defis};
use app::server::web::RequestContext;
use axum::Extension;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{MethodRouter, get};
use tower_sessions::Session;

/// What the upload route accepts at most: the file plus the form's overhead.
/// Anything larger is cut off and answered with "file too large".
const BODY_LIMIT: usize = PDF_MAX_BYTES + 64 * 1024;

pub fn application_file_routes() -> MethodRouter<ServerState> {
    get(download_application_file)
        .post(upload_application_file)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
}

fn application_kind(kind: &str) -> Option<&'static str> {
    match kind {
        "cv" => Some(applications::CV),
        "portfolio" => Some(applications::PORTFOLIO),
        _ => None,
    }
}

async fn upload_application_file(
    State(state): State<ServerState>,
    Extension(ctx): Extension<RequestContext>,
    session: Session,
    Path((id, kind)): Path<(i64, String)>,
    mut multipart: Multipart,
) -> Response {
    let Some(kind) = application_kind(&kind) else {
        return refusal(AppError::NotFound);
    };
    let (owner, app_state) = match applications::owner(&state.app.db, id).await {
        Ok(o) => o,
        Err(e) => return refusal(e),
    };
    if let Err(e) = require(
        &ctx.actor,
        Action::ViewApplication {
            owner,
            state: app_state,
        },
    ) {
        return refusal(e);
    }
    let result = async {
        require(
            &ctx.actor,
            Action::EditApplication {
                owner,
                state: app_state,
            },
        )
        .map_err(|_| AppError::Refused(Msg::ApplicationNotEditable))?;
        let (name, bytes) = read_file(&mut multipart).await?;
        check_pdf(&bytes).map_err(|m| AppError::field("pitch_deck", m))?;
        applications::attach(
            &state.app.db,
            &ctx.origin(),
            &state.app.settings.data_dir,
            id,
            kind,
            &display_name(&name),
            &bytes,
        )
        .await
    }
    .await;
    answer_upload(
        &session,
        result,
        Msg::FileSaved,
        &format!("upload_error_{kind}"),
    )
    .await;
    Redirect::to(&format!("/candidature/{id}")).into_response()
}

async fn download_application_file(
    State(state): State<ServerState>,
    Extension(ctx): Extension<RequestContext>,
    Path((id, kind)): Path<(i64, String)>,
) -> Response {
    let Some(kind) = application_kind(&kind) else {
        return refusal(AppError::NotFound);
    };
    let (owner, app_state) = match applications::owner(&state.app.db, id).await {
        Ok(o) => o,
        Err(e) => return refusal(e),
    };
    if let Err(e) = require(
        &ctx.actor,
        Action::ViewApplication {
            owner,
            state: app_state,
        },
    ) {
        return refusal(e);
    }
    match applications::attachment_file(&state.app.db, &state.app.settings.data_dir, id, kind).await
    {
        Ok((path, name)) => send_pdf(&path, &name).await,
        Err(e) => refusal(e),
    }
}

/// Leaves the upload's outcome for the page the browser goes back to.
async fn answer_upload(session: &Session, result: Result<(), AppError>, saved: Msg, key: &str) {
    let flash = match result {
        Ok(()) => Flash {
            notice: Some(saved),
            ..Flash::default()
        },
        Err(e) => {
            let msg = e.for_field("pitch_deck").unwrap_or(e.summary());
            Flash {
                notice: None,
                values: [(
                    key.to_owned(),
                    serde_json::to_string(&msg).unwrap_or_default(),
                )]
                .into(),
            }
        }
    };
    let _ = auth_session::set_flash(session, flash).await;
}

pub fn pitch_deck_routes() -> MethodRouter<ServerState> {
    get(download_pitch_deck)
        .post(upload_pitch_deck)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
}

fn refusal(e: AppError) -> Response {
    crate::refusal::response(e)
}

async fn upload_pitch_deck(
    State(state): State<ServerState>,
    Extension(ctx): Extension<RequestContext>,
    session: Session,
    Path(id): Path<i64>,
    mut multipart: Multipart,
) -> Response {
    let back = format!("/organisation/defis/{id}");
    let access = match defis::access(&state.app.db, id).await {
        Ok(a) => a,
        Err(e) => return refusal(e),
    };
    if let Err(e) = require(
        &ctx.actor,
        Action::ViewDefiDossier {
            organisation: access.organisation,
            state: access.state,
        },
    ) {
        return refusal(e);
    }
    let result = async {
        require(
            &ctx.actor,
            Action::EditDefi {
                organisation: access.organisation,
                state: access.state,
            },
        )
        .map_err(|_| AppError::Refused(Msg::DefiNotEditable))?;
        let (name, bytes) = read_file(&mut multipart).await?;
        check_pdf(&bytes).map_err(|m| AppError::field("pitch_deck", m))?;
        defis::attach_pitch_deck(
            &state.app.db,
            &ctx.origin(),
            &state.app.settings.data_dir,
            id,
            &display_name(&name),
            &bytes,
        )
        .await
    }
    .await;
    answer_upload(&session, result, Msg::PitchDeckSaved, "upload_error").await;
    Redirect::to(&back).into_response()
}

/// The `file` field: its name and bytes. A body over the limit is "too
/// large"; a form without a file is "choose a file".
async fn read_file(multipart: &mut Multipart) -> Result<(String, Vec<u8>), AppError> {
    let too_large = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::field("pitch_deck", Msg::FileTooLarge)
        } else {
            AppError::field("pitch_deck", Msg::FileRequired)
        }
    };
    while let Some(field) = multipart.next_field().await.map_err(too_large)? {
        if field.name() != Some("file") {
            continue;
        }
        let name = field.file_name().unwrap_or_default().to_owned();
        let bytes = field.bytes().await.map_err(too_large)?;
        return Ok((name, bytes.to_vec()));
    }
    Err(AppError::field("pitch_deck", Msg::FileRequired))
}

async fn download_pitch_deck(
    State(state): State<ServerState>,
    Extension(ctx): Extension<RequestContext>,
    Path(id): Path<i64>,
) -> Response {
    let access = match defis::access(&state.app.db, id).await {
        Ok(a) => a,
        Err(e) => return refusal(e),
    };
    if let Err(e) = require(
        &ctx.actor,
        Action::ViewDefiDossier {
            organisation: access.organisation,
            state: access.state,
        },
    ) {
        return refusal(e);
    }
    match defis::pitch_deck_file(&state.app.db, &state.app.settings.data_dir, id).await {
        Ok((path, name)) => send_pdf(&path, &name).await,
        Err(e) => refusal(e),
    }
}

/// A stored PDF as a download, with its original name (RFC 6266: an ASCII
/// fallback and the UTF-8 name); never cached by shared caches.
async fn send_pdf(path: &std::path::Path, name: &str) -> Response {
    let bytes = match tokio::fs::read(path).await {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, path = %path.display(), "stored file missing");
            return refusal(AppError::NotFound);
        }
    };
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        Body::from(bytes),
    )
        .into_response()
}
