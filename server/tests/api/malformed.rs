//! Malformed requests: each gets a clear 4xx, stores nothing and leaves
//! the server serving.

use crate::applications::{autosave, row, saved_draft};
use crate::helpers::{Browser, PDF, TestApp};
use reqwest::header::{ACCEPT, CONTENT_TYPE, REFERER};

/// A raw POST of `body` as `content_type` to `path`, from the dossier.
async fn raw(b: &Browser, id: i64, path: &str, content_type: &str, body: Vec<u8>) -> u16 {
    b.client
        .post(format!("{}{path}", b.base))
        .header(ACCEPT, "application/json")
        .header(REFERER, format!("{}/candidature/{id}", b.base))
        .header(CONTENT_TYPE, content_type)
        .body(body)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_requests_get_a_clear_4xx_and_change_nothing() {
    let app = TestApp::spawn().await;
    let (ada, id, fields) = saved_draft(&app).await;
    let before = row(&app, id).await;
    let cv = format!("/candidature/{id}/cv");
    let save = "/api/enregistrer-candidature";

    // A multipart upload cut before its end: 400, no row, no file.
    let cut = [
        b"--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cv.pdf\"\r\n\
          Content-Type: application/pdf\r\n\r\n"
            .as_slice(),
        &PDF[..PDF.len() / 2],
    ]
    .concat();
    let multipart = "multipart/form-data; boundary=XYZ";
    assert_eq!(raw(&ada, id, &cv, multipart, cut).await, 400);
    // An upload that is not multipart at all.
    assert_eq!(
        raw(&ada, id, &cv, "application/json", b"{}".to_vec()).await,
        400
    );
    assert_eq!(app.files_kept().await, (0, 0));

    // A form sent as another type, undecodable, or missing its fields:
    // 4xx (a form without its dossier's id is about no dossier: 404).
    let client_error = |s: u16| (400..500).contains(&s);
    let form = "application/x-www-form-urlencoded";
    for (kind, body) in [
        ("text/plain", b"hello".to_vec()),
        (form, b"id=x&%ZZ".to_vec()),
        // Invalid UTF-8 in a text of an otherwise complete form.
        (form, invalid_utf8(&fields)),
        // Deeply nested JSON: no stack overflow.
        (
            "application/json",
            [vec![b'['; 100_000], vec![b']'; 100_000]].concat(),
        ),
    ] {
        let status = raw(&ada, id, save, kind, body).await;
        assert!(client_error(status), "{kind}: {status}");
    }
    // 10,000 fields: refused before decoding.
    let many: String = (0..10_000).map(|i| format!("f{i}=x&")).collect();
    assert_eq!(
        raw(
            &ada,
            id,
            save,
            "application/x-www-form-urlencoded",
            many.into_bytes()
        )
        .await,
        413
    );
    // A body over the limit, announced or streamed.
    let big = vec![b'a'; 2 << 20];
    assert_eq!(
        raw(&ada, id, save, "application/x-www-form-urlencoded", big).await,
        413
    );
    assert_eq!(chunked(&ada.base, save, 3 << 20).await, 413);

    // Headers far too large: 431 from the HTTP layer.
    let res = ada
        .client
        .get(format!("{}/", ada.base))
        .header("x-padding", "a".repeat(1 << 20))
        .send()
        .await;
    assert!(
        res.map(|r| r.status().as_u16()).is_ok_and(|s| s == 431),
        "huge header"
    );

    // Nothing changed, and the server goes on serving.
    let after = row(&app, id).await;
    assert_eq!(
        (after.skills, after.motivation, after.updated_at),
        (before.skills, before.motivation, before.updated_at)
    );
    assert_eq!(app.files_kept().await, (0, 0));
    assert_eq!(autosave(&ada, id, &fields).await.0, 200);
    assert!(
        ada.upload(&format!("/candidature/{id}"), &cv, "cv.pdf", PDF)
            .await
            .status()
            .is_redirection()
    );
    assert_eq!(app.files_kept().await, (1, 1));
}

/// POSTs `total` bytes in chunks, without a length, over a raw
/// connection carrying `cookie`; the status line's code.
async fn chunked(base: &str, path: &str, total: usize) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let host = base.trim_start_matches("http://");
    let mut c = tokio::net::TcpStream::connect(host).await.unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nOrigin: {base}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
    );
    c.write_all(head.as_bytes()).await.unwrap();
    let chunk = [b"10000\r\n".as_slice(), &vec![b'a'; 0x10000], b"\r\n"].concat();
    for _ in 0..total / 0x10000 {
        // The server may answer and close before the end.
        if c.write_all(&chunk).await.is_err() {
            break;
        }
    }
    let _ = c.write_all(b"0\r\n\r\n").await;
    let mut answer = vec![0; 64];
    let n = c.read(&mut answer).await.unwrap();
    String::from_utf8_lossy(&answer[..n])
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// `fields` URL-encoded, the skills' text replaced by bytes that are not
/// UTF-8.
fn invalid_utf8(fields: &[(String, String)]) -> Vec<u8> {
    let mut body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields.iter().filter(|(k, _)| k != "skills"))
        .finish();
    body.push_str("&skills=Rust%FF%FE");
    body.into_bytes()
}

/// Any text in the dossier's fields, over HTTP as the autosave posts it:
/// a clear field error (400) or kept exactly (trimmed, line ends as
/// `\n`); never a 500. Random texts from proptest: any Unicode, up to
/// past the longest limit.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn any_text_in_a_dossier_is_refused_by_name_or_kept_exactly() {
    use proptest::strategy::{Strategy, ValueTree};
    let app = TestApp::spawn().await;
    let (ada, id, fields) = saved_draft(&app).await;
    let strategy = proptest::prop_oneof![
        proptest::arbitrary::any::<String>(),
        "\\PC{0,200}",
        proptest::collection::vec(proptest::arbitrary::any::<char>(), 4000..6000)
            .prop_map(String::from_iter),
    ];
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    for case in 0..60 {
        let text = strategy.new_tree(&mut runner).unwrap().current();
        let field = ["motivation", "skills", "experience_text", "first_name"][case % 4];
        let mut fields = fields.clone();
        fields.iter_mut().find(|(k, _)| k == field).unwrap().1 = text.clone();
        let (status, body) = autosave(&ada, id, &fields).await;
        let kept = row(&app, id).await;
        let stored = match field {
            "motivation" => kept.motivation,
            "skills" => kept.skills,
            "experience_text" => kept.experience_text,
            _ => kept.first_name,
        };
        match status {
            200 => assert_eq!(stored, text.trim().replace("\r\n", "\n"), "{field}"),
            400 => assert!(body.contains(field), "{field}: {body}"),
            other => panic!("{field}: {other} {body}"),
        }
    }
}
