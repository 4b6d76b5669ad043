//! The built files under `/pkg` (JS glue, wasm, CSS) with names that carry
//! a hash of their content, so that browsers keep them a year without
//! asking again (`immutable`) and an upgrade can never run an old bundle
//! against a new page: pages are `no-store`, so they always name the
//! files of the running release.
//!
//! The hash is taken once at start-up from the files themselves (SHA-256
//! of every file's name and bytes), with each file's size and modification
//! time: a file replaced while the server runs (a build or a deploy before
//! the restart) no longer matches, and goes out `no-cache` rather than
//! kept a year under a name made from other content.
//! Pages name `/pkg/cohorte.<hash>.js`, `.wasm` and `.css` (the output
//! name Leptos' hydration script is given); a request for such a name is
//! answered with the file without the hash. The plain names still work,
//! revalidated on every use (`no-cache`); a hash of another release is not
//! found.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower::ServiceExt;
use tower_http::services::ServeDir;

/// Built files are named after this (cargo-leptos' `output-name`).
pub const OUTPUT_NAME: &str = "cohorte";

/// A year, as browsers and caches read `immutable` files.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Sixteen hex digits of SHA-256 over the files of `pkg_dir` (names and
/// contents, in name order); `None` when there are none (a server started
/// before anything was built serves plain names).
pub fn fingerprint(pkg_dir: &Path) -> Option<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(pkg_dir)
        .ok()?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path())
        .collect();
    if files.is_empty() {
        return None;
    }
    files.sort();
    let mut hash = Sha256::new();
    for f in &files {
        let bytes = std::fs::read(f).ok()?;
        hash.update(f.file_name()?.as_encoded_bytes());
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(&bytes);
    }
    Some(
        hash.finalize()[..8]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
    )
}

/// The output name pages use: `cohorte.<hash>`, or `cohorte` without a
/// fingerprint.
pub fn output_name(fingerprint: Option<&str>) -> String {
    match fingerprint {
        Some(h) => format!("{OUTPUT_NAME}.{h}"),
        None => OUTPUT_NAME.to_owned(),
    }
}

/// What identifies a file's content without reading it again.
type Stamp = (u64, Option<std::time::SystemTime>);

fn stamp(m: &std::fs::Metadata) -> Stamp {
    (m.len(), m.modified().ok())
}

#[derive(Clone)]
pub struct PkgFiles {
    dir: PathBuf,
    /// `.<hash>` as it appears in names.
    marker: Option<String>,
    /// Each file's stamp when the hash was taken.
    stamps: std::collections::HashMap<String, Stamp>,
}

impl PkgFiles {
    pub fn new(dir: PathBuf, fingerprint: Option<&str>) -> Arc<Self> {
        let stamps = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let m = e.metadata().ok()?;
                Some((e.file_name().into_string().ok()?, stamp(&m)))
            })
            .collect();
        Arc::new(Self {
            dir,
            marker: fingerprint.map(|h| format!(".{h}")),
            stamps,
        })
    }

    /// The file is still the one the hash was taken from.
    async fn unchanged(&self, name: &str) -> bool {
        match (
            self.stamps.get(name),
            tokio::fs::metadata(self.dir.join(name)).await,
        ) {
            (Some(before), Ok(now)) => *before == stamp(&now),
            _ => false,
        }
    }

    /// The file name on disk for a requested name, and whether it was the
    /// hashed name of this release.
    fn resolve<'a>(&self, name: &'a str) -> (std::borrow::Cow<'a, str>, bool) {
        match &self.marker {
            Some(m) if name.starts_with(OUTPUT_NAME) && name.contains(m.as_str()) => {
                (name.replacen(m.as_str(), "", 1).into(), true)
            }
            _ => (name.into(), false),
        }
    }
}

/// `GET /pkg/{file}`.
pub async fn serve(State(files): State<Arc<PkgFiles>>, req: Request) -> Response {
    let (mut parts, _) = req.into_parts();
    let name = parts
        .uri
        .path()
        .strip_prefix("/pkg/")
        .unwrap_or_default()
        .to_owned();
    let (real, hashed) = files.resolve(&name);
    let hashed = hashed && files.unchanged(&real).await;
    let Ok(uri) = format!("/{real}").parse() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    parts.uri = uri;
    let mut res = ServeDir::new(&files.dir)
        .oneshot(Request::from_parts(parts, Body::empty()))
        .await
        .map(IntoResponse::into_response)
        .unwrap_or_else(|e| match e {});
    if res.status().is_success() || res.status() == StatusCode::NOT_MODIFIED {
        res.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(if hashed { IMMUTABLE } else { "no-cache" }),
        );
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_this_release_map_to_the_built_files() {
        let f = PkgFiles::new("x".into(), Some("0123456789abcdef"));
        assert_eq!(
            f.resolve("cohorte.0123456789abcdef.wasm"),
            ("cohorte.wasm".into(), true)
        );
        assert_eq!(
            f.resolve("cohorte.0123456789abcdef_bg.wasm"),
            ("cohorte_bg.wasm".into(), true)
        );
        assert_eq!(f.resolve("cohorte.css"), ("cohorte.css".into(), false));
        // Another release's hash is not this one: looked up as is (absent).
        assert_eq!(
            f.resolve("cohorte.fedcba9876543210.js"),
            ("cohorte.fedcba9876543210.js".into(), false)
        );
    }

    #[test]
    fn the_fingerprint_follows_the_content() {
        let dir = std::env::temp_dir().join(format!("cohorte-assets-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        assert_eq!(fingerprint(&dir), None);
        std::fs::write(dir.join("cohorte.css"), "a{}").unwrap();
        let one = fingerprint(&dir).unwrap();
        assert_eq!(one.len(), 16);
        assert_eq!(fingerprint(&dir).as_deref(), Some(one.as_str()));
        std::fs::write(dir.join("cohorte.css"), "b{}").unwrap();
        assert_ne!(fingerprint(&dir).unwrap(), one);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
