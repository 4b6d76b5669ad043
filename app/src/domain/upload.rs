//! Uploaded files: limits shown before upload, and the check that a file
//! said to be a PDF really is one (its content, not its name, decides).

use crate::i18n::Msg;

/// 10 MB: a pitch deck or a CV, never a video.
pub const PDF_MAX_BYTES: usize = 10 * 1024 * 1024;

/// Checks size and content: a PDF starts with `%PDF-1.x` or `%PDF-2.x` and
/// ends with an `%%EOF` marker (within its last kilobyte, as readers allow).
pub fn check_pdf(bytes: &[u8]) -> Result<(), Msg> {
    if bytes.is_empty() {
        return Err(Msg::FileRequired);
    }
    if bytes.len() > PDF_MAX_BYTES {
        return Err(Msg::FileTooLarge);
    }
    let header_ok = bytes.len() >= 8
        && bytes.starts_with(b"%PDF-")
        && matches!(bytes[5], b'1' | b'2')
        && bytes[6] == b'.';
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    let eof_ok = tail.windows(5).any(|w| w == b"%%EOF");
    if header_ok && eof_ok {
        Ok(())
    } else {
        Err(Msg::FileNotPdf)
    }
}

/// A file name safe to show and to offer back on download: the last path
/// component, control characters and quotes removed, at most 120 characters.
pub fn display_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>'))
        .take(120)
        .collect();
    let clean = clean.trim().to_owned();
    if clean.is_empty() {
        "document.pdf".to_owned()
    } else {
        clean
    }
}

/// Megabytes, for the hint shown before upload.
pub fn max_megabytes() -> usize {
    PDF_MAX_BYTES / (1024 * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_pdfs_pass() {
        assert_eq!(
            check_pdf(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"),
            Ok(())
        );
        assert_eq!(check_pdf(b"%PDF-2.0\n%%EOF"), Ok(()));
    }

    #[test]
    fn other_content_is_refused_whatever_its_name() {
        assert_eq!(check_pdf(b""), Err(Msg::FileRequired));
        assert_eq!(
            check_pdf(b"PK\x03\x04 a zip file %%EOF"),
            Err(Msg::FileNotPdf)
        );
        assert_eq!(check_pdf(b"%PDF-1.4 truncated"), Err(Msg::FileNotPdf));
        assert_eq!(check_pdf(b"<html>%PDF-1.4 %%EOF"), Err(Msg::FileNotPdf));
        let mut big = b"%PDF-1.4\n".to_vec();
        big.resize(PDF_MAX_BYTES + 1, b' ');
        assert_eq!(check_pdf(&big), Err(Msg::FileTooLarge));
    }

    #[test]
    fn names_are_cleaned() {
        assert_eq!(
            display_name("C:\\Users\\x\\pitch \"v2\".pdf"),
            "pitch v2.pdf"
        );
        assert_eq!(display_name("../../etc/passwd"), "passwd");
        assert_eq!(display_name(""), "document.pdf");
    }
}
