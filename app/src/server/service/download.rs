//! What every download is — a name, a type and a body — built by the
//! services (an attachment, an export, a person's own data) and sent by one
//! HTTP function (`server/src/files.rs::send`).

use std::path::PathBuf;

/// Where a download's bytes come from.
#[derive(Debug)]
pub enum DownloadBody {
    /// Built in memory (a CSV, a person's data).
    Bytes(Vec<u8>),
    /// A stored file, read when it is sent.
    Stored(PathBuf),
    /// An open temporary file whose name is already removed (a ZIP of
    /// CVs), streamed from its start; its space is freed when it closes.
    Temporary(std::fs::File),
}

#[derive(Debug)]
pub struct Download {
    /// The name the browser saves it under.
    pub name: String,
    pub content_type: &'static str,
    pub body: DownloadBody,
}

impl Download {
    pub fn pdf(name: String, path: PathBuf) -> Self {
        Download {
            name,
            content_type: "application/pdf",
            body: DownloadBody::Stored(path),
        }
    }

    pub fn zip(name: String, body: DownloadBody) -> Self {
        Download {
            name,
            content_type: "application/zip",
            body,
        }
    }

    pub fn json(name: String, text: String) -> Self {
        Download {
            name,
            content_type: "application/json; charset=utf-8",
            body: DownloadBody::Bytes(text.into_bytes()),
        }
    }

    pub fn csv(name: String, bytes: Vec<u8>) -> Self {
        Download {
            name,
            content_type: "text/csv; charset=utf-8",
            body: DownloadBody::Bytes(bytes),
        }
    }

    /// The `Content-Disposition` value (RFC 6266): an attachment, with an
    /// ASCII fallback name and the UTF-8 name.
    pub fn disposition(&self) -> String {
        let ascii: String = self
            .name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let mut encoded = String::with_capacity(self.name.len());
        for b in self.name.bytes() {
            if b.is_ascii_alphanumeric() || b"-._".contains(&b) {
                encoded.push(char::from(b));
            } else {
                encoded.push_str(&format!("%{b:02X}"));
            }
        }
        format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_is_sent_in_ascii_and_in_utf8() {
        let d = Download::csv("défi \"n°1\".csv".into(), Vec::new());
        assert_eq!(
            d.disposition(),
            "attachment; filename=\"d_fi _n_1_.csv\"; filename*=UTF-8''d%C3%A9fi%20%22n%C2%B01%22.csv"
        );
        let plain = Download::zip("cv-3.zip".into(), DownloadBody::Bytes(Vec::new()));
        assert_eq!(
            plain.disposition(),
            "attachment; filename=\"cv-3.zip\"; filename*=UTF-8''cv-3.zip"
        );
    }
}
