//! File uploads and downloads over HTTP: a défi's pitch deck, an
//! applicant's CV and portfolio, a team's milestone file. Plain multipart forms, so they work
//! without JavaScript. Which file, who may touch it and what is stored is
//! the service's (`app::server::service::files`); here are only the
//! multipart body, the answer, and [`send`], which every download of the
//! product goes through.

use crate::http::ServerState;
use app::domain::upload::PDF_MAX_BYTES;
use app::i18n::Msg;
use app::model::AppError;
use app::model::page::Flash;
use app::server::auth_session;
use app::server::service::download::{Download, DownloadBody};
use app::server::service::files::{self, Attached, UploadRefused};
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
    get(
        |state: State<ServerState>,
         ctx: Extension<RequestContext>,
         Path((id, kind)): Path<(i64, String)>| async move {
            match Attached::of_application(id, &kind) {
                Some(target) => download(state, ctx, target).await,
                None => refusal(AppError::NotFound),
            }
        },
    )
    .post(
        |state: State<ServerState>,
         ctx: Extension<RequestContext>,
         session: Session,
         Path((id, kind)): Path<(i64, String)>,
         multipart: Multipart| async move {
            match Attached::of_application(id, &kind) {
                Some(target) => upload(state, ctx, session, target, multipart).await,
                None => refusal(AppError::NotFound),
            }
        },
    )
    .layer(DefaultBodyLimit::max(BODY_LIMIT))
}

/// A défi's presentation, from its public sheet: anyone may read it once
/// the défi is published (before, only those who may see the dossier).
pub async fn public_pitch_deck(
    state: State<ServerState>,
    ctx: Extension<RequestContext>,
    Path(id): Path<i64>,
) -> Response {
    download(state, ctx, Attached::PitchDeck(id)).await
}

pub fn pitch_deck_routes() -> MethodRouter<ServerState> {
    get(
        |state: State<ServerState>, ctx: Extension<RequestContext>, Path(id): Path<i64>| async move {
            download(state, ctx, Attached::PitchDeck(id)).await
        },
    )
    .post(
        |state: State<ServerState>,
         ctx: Extension<RequestContext>,
         session: Session,
         Path(id): Path<i64>,
         multipart: Multipart| async move {
            upload(state, ctx, session, Attached::PitchDeck(id), multipart).await
        },
    )
    .layer(DefaultBodyLimit::max(BODY_LIMIT))
}

/// A team's milestone file (its form's file field), from the milestone's
/// page.
pub fn milestone_file_routes() -> MethodRouter<ServerState> {
    let target = |(defi, instance): (i64, i64)| Attached::Milestone { defi, instance };
    get(
        move |state: State<ServerState>,
              ctx: Extension<RequestContext>,
              Path(ids): Path<(i64, i64)>| async move {
            download(state, ctx, target(ids)).await
        },
    )
    .post(
        move |state: State<ServerState>,
              ctx: Extension<RequestContext>,
              session: Session,
              Path(ids): Path<(i64, i64)>,
              multipart: Multipart| async move {
            upload(state, ctx, session, target(ids), multipart).await
        },
    )
    .layer(DefaultBodyLimit::max(BODY_LIMIT))
}

fn refusal(e: AppError) -> Response {
    crate::refusal::response(e)
}

/// Stores the posted file, then goes back to the form's page with the
/// outcome (saved, or the reason next to the file field).
async fn upload(
    State(state): State<ServerState>,
    Extension(ctx): Extension<RequestContext>,
    session: Session,
    target: Attached,
    mut multipart: Multipart,
) -> Response {
    let read = async || read_file(&mut multipart).await;
    let (flash, back) =
        match files::upload(&state.app, &ctx.actor, &ctx.origin(), target, read).await {
            Err(UploadRefused::Hidden(e)) => return refusal(e),
            // An upload that could not be read, or a database busy for a
            // moment: a plain 400 or 503 page, nothing stored.
            Err(UploadRefused::Shown(e @ (AppError::Malformed | AppError::Unavailable))) => {
                return refusal(e);
            }
            Ok(()) => (
                Flash {
                    notice: Some(target.saved()),
                    ..Flash::default()
                },
                target.page(),
            ),
            Err(UploadRefused::Shown(e)) => {
                let msg = e.for_field("pitch_deck").unwrap_or(e.summary());
                let flash = Flash {
                    values: [(
                        target.error_key().to_owned(),
                        serde_json::to_string(&msg).unwrap_or_default(),
                    )]
                    .into(),
                    ..Flash::default()
                };
                (flash, target.field_on_page())
            }
        };
    let _ = auth_session::set_flash(&session, flash).await;
    Redirect::to(&back).into_response()
}

async fn download(
    State(state): State<ServerState>,
    Extension(ctx): Extension<RequestContext>,
    target: Attached,
) -> Response {
    match files::download(&state.app, &ctx.actor, target).await {
        Ok(d) => send(d).await,
        Err(e) => refusal(e),
    }
}

/// The `file` field: its name and bytes. A body over the limit is "too
/// large"; a form without a file is "choose a file".
async fn read_file(multipart: &mut Multipart) -> Result<(String, Vec<u8>), AppError> {
    // An upload cut short or not multipart at all is `Malformed` (400,
    // nothing stored), not a field's message.
    let too_large = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::field("pitch_deck", Msg::FileTooLarge)
        } else {
            AppError::Malformed
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

/// Sends a download: its type, its name (RFC 6266), never kept by shared
/// caches; a stored or temporary file is streamed, so memory stays bounded
/// whatever its size.
pub async fn send(d: Download) -> Response {
    let disposition = d.disposition();
    let file = match d.body {
        DownloadBody::Bytes(bytes) => Ok(bytes),
        DownloadBody::Stored(path) => match tokio::fs::File::open(&path).await {
            Ok(f) => Err(f),
            Err(e) => {
                tracing::error!(error = %e, path = %path.display(), "stored file missing");
                return refusal(AppError::NotFound);
            }
        },
        DownloadBody::Temporary(file) => Err(tokio::fs::File::from_std(file)),
    };
    // The length is sent too, so that the browser shows the size and the
    // progress of a streamed file.
    let (length, body) = match file {
        Ok(bytes) => (Some(bytes.len() as u64), Body::from(bytes)),
        Err(f) => (
            f.metadata().await.ok().map(|m| m.len()),
            Body::from_stream(tokio_util::io::ReaderStream::new(f)),
        ),
    };
    let mut res = (
        [
            (header::CONTENT_TYPE, d.content_type.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        body,
    )
        .into_response();
    if let Some(n) = length {
        res.headers_mut().insert(header::CONTENT_LENGTH, n.into());
    }
    res
}
