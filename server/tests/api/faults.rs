//! Faults: the mail server down for a while, the database locked by a
//! long writer or its connections cut, the server asked to stop while it
//! holds messages. Nothing acknowledged is lost, nothing is sent twice,
//! nobody gets a 500.

use crate::applications::{autosave, row, saved_draft};
use crate::helpers::{Msg, Sink, TestApp, fr};
use app::i18n::Locale;
use app::server::db::outbox_message::{Column, Entity as Outbox};
use app::server::mail::{MailTemplate, Mailer, worker};
use app::server::service::outbox;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;

async fn queue_reminders(app: &TestApp, n: usize) {
    for i in 0..n {
        outbox::queue(
            &app.state.db,
            MailTemplate::ApplicationReminder,
            Locale::Fr,
            &format!("p{i}@example.fr"),
            json!({ "name": "Grace", "promotion": "EIG 8", "deadline": "07/05/2027 23:59", "link": "http://x/candidature/1" }),
        )
        .await
        .unwrap();
    }
}

/// The reminders' rows (not the people's sign-up messages).
async fn rows(app: &TestApp) -> Vec<app::server::db::outbox_message::Model> {
    Outbox::find()
        .filter(Column::Template.eq(MailTemplate::ApplicationReminder.name()))
        .all(&app.state.db)
        .await
        .unwrap()
}

/// Time passes (compressed): every waiting message is due now.
async fn make_due(app: &TestApp) {
    Outbox::update_many()
        .col_expr(Column::NextAttemptAt, Expr::value(chrono::Utc::now()))
        .filter(Column::State.eq("queued"))
        .filter(Column::Template.eq(MailTemplate::ApplicationReminder.name()))
        .exec(&app.state.db)
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_smtp_outage_delays_messages_and_delivers_each_once_when_it_ends() {
    let app = TestApp::spawn().await;
    let sink = Sink::start().await;
    let mut smtp = app.state.clone();
    smtp.mailer = Mailer::smtp(&sink.url).unwrap();
    let coordinator = app.coordinator().await;
    app.mail().await;
    sink.set_up(false);
    queue_reminders(&app, 5).await;
    // Four attempts while it is down (time compressed between them): each
    // fails at once, the messages wait, each delay longer than the last.
    let mut delays = Vec::new();
    for attempt in 1..=4 {
        let started = std::time::Instant::now();
        assert_eq!(worker::drain_all(&smtp).await.unwrap(), 5);
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
        let now = chrono::Utc::now();
        for r in rows(&app).await {
            assert_eq!((r.state.as_str(), r.attempts), ("queued", attempt));
            assert!(r.last_error.as_deref().unwrap_or_default().contains("421"));
            assert!(r.lease_owner.is_none());
        }
        delays.push((rows(&app).await[0].next_attempt_at - now).num_seconds());
        // Not due yet: nothing is tried before its time.
        assert_eq!(worker::drain_all(&smtp).await.unwrap(), 0);
        // Requests are answered meanwhile, and coordinators see the wait.
        let page = coordinator.page("/coordination/courriels").await;
        assert!(page.contains(fr(Msg::MailQueued)) && page.contains("421"));
        make_due(&app).await;
    }
    assert!(
        delays.windows(2).all(|w| w[1] > w[0]),
        "backoff: {delays:?}"
    );
    // It is back: every message goes, once.
    sink.set_up(true);
    assert_eq!(worker::drain_all(&smtp).await.unwrap(), 5);
    make_due(&app).await;
    assert_eq!(worker::drain_all(&smtp).await.unwrap(), 0);
    let mut ids = sink.message_ids();
    assert_eq!(ids.len(), 5);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 5, "no message twice");
    assert!(rows(&app).await.iter().all(|r| r.state == "sent"));
    let page = coordinator.page("/coordination/courriels").await;
    assert!(page.contains(fr(Msg::MailSent)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stopping_worker_sends_nothing_more_and_gives_its_leases_back() {
    let app = TestApp::spawn().await;
    queue_reminders(&app, 3).await;
    let stopping = app.state.clone();
    stopping.stopping.cancel();
    // It claimed the batch, saw the stop and gave the rows back at once
    // (not after the two-minute lease): another server sends them now.
    assert_eq!(worker::drain_all(&stopping).await.unwrap(), 0);
    assert!(rows(&app).await.iter().all(|r| r.state == "queued"
        && r.attempts == 0
        && r.lease_owner.is_none()
        && r.lease_until.is_none()));
    let (_, other) = app.second_server().await;
    assert_eq!(worker::drain_all(&other).await.unwrap(), 3);
    // And the stopped server's worker loop returns.
    tokio::time::timeout(
        std::time::Duration::from_secs(5),
        worker::run(app.state.clone()),
    )
    .await
    .expect("the worker ends once stopping");
    other.stopping.cancel();
}

/// Holds the SQLite write lock of `url` for `seconds` from another
/// connection; returns once it is held, with the task holding it.
async fn hold_lock(url: String, seconds: u64) -> tokio::task::JoinHandle<()> {
    use sea_orm::sqlx::{Connection, SqliteConnection};
    let (held, is_held) = tokio::sync::oneshot::channel();
    let writer = tokio::spawn(async move {
        let mut c = SqliteConnection::connect(&url).await.unwrap();
        sea_orm::sqlx::query("BEGIN IMMEDIATE")
            .execute(&mut c)
            .await
            .unwrap();
        held.send(()).unwrap();
        tokio::time::sleep(std::time::Duration::from_secs(seconds)).await;
        sea_orm::sqlx::query("ROLLBACK")
            .execute(&mut c)
            .await
            .unwrap();
    });
    is_held.await.unwrap();
    writer
}

/// SQLite only: another process holds the write lock for longer than the
/// busy timeout (15 s); an autosave waits, then answers 503 "try again"
/// with nothing changed; once the lock is gone, the next one is saved.
/// A shorter hold only delays the write.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_locked_sqlite_file_answers_try_again_and_loses_nothing() {
    if std::env::var("COHORTE_TEST_DATABASE_URL").is_ok_and(|u| !u.is_empty()) {
        return; // PostgreSQL: `postgres_connections_cut`
    }
    let app = TestApp::spawn().await;
    let (ada, id, mut fields) = saved_draft(&app).await;
    let url = app.config.database_url.clone();
    let hold = |seconds| hold_lock(url.clone(), seconds);
    // Held 2 s: the save waits, then is kept.
    let writer = hold(2).await;
    let (status, _) = autosave(&ada, id, &fields).await;
    assert_eq!(status, 200);
    writer.await.unwrap();
    assert_eq!(row(&app, id).await.skills, "Rust, SQL");
    // Held 20 s: 503 with Retry-After, the draft as it was.
    let writer = hold(20).await;
    fields.iter_mut().find(|(k, _)| k == "skills").unwrap().1 = "Go".into();
    let res = ada
        .client
        .post(format!("{}/api/enregistrer-candidature", ada.base))
        .header(reqwest::header::ACCEPT, "application/json")
        .header(
            reqwest::header::REFERER,
            format!("{}/candidature/{id}", ada.base),
        )
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 503);
    assert_eq!(res.headers()["retry-after"], "30");
    writer.await.unwrap();
    assert_eq!(
        row(&app, id).await.skills,
        "Rust, SQL",
        "nothing half-written"
    );
    // The lock gone, the same save goes through.
    assert_eq!(autosave(&ada, id, &fields).await.0, 200);
    assert_eq!(row(&app, id).await.skills, "Go");
}

/// PostgreSQL only: every connection of the server is cut (as a restart
/// of PostgreSQL does): no request answers 500, the server reconnects by
/// itself, and a save acknowledged afterwards is kept.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_connections_cut_answer_try_again_then_recover() {
    use sea_orm::ConnectionTrait;
    let Some(admin) = std::env::var("COHORTE_TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
    else {
        return; // SQLite: `a_locked_sqlite_file_answers_try_again_and_loses_nothing`
    };
    let app = TestApp::spawn().await;
    let (ada, id, mut fields) = saved_draft(&app).await;
    let name = app
        .config
        .database_url
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    let killer = sea_orm::Database::connect(&admin).await.unwrap();
    for round in 0..3 {
        killer
            .execute_unprepared(&format!(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                 WHERE datname = '{name}' AND pid <> pg_backend_pid()"
            ))
            .await
            .unwrap();
        let skills = format!("Rust {round}");
        fields.iter_mut().find(|(k, _)| k == "skills").unwrap().1 = skills.clone();
        let mut saved = false;
        for _ in 0..10 {
            let (status, body) = autosave(&ada, id, &fields).await;
            assert!(status == 200 || status == 503, "{status}: {body}");
            if status == 200 {
                saved = true;
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        assert!(saved, "the server reconnected");
        assert_eq!(row(&app, id).await.skills, skills);
        let page = ada.get(&format!("/candidature/{id}")).await;
        assert_eq!(page.status(), 200);
    }
    let _ = killer.close().await;
}

/// Storage that cannot take the file: the uploader is told so next to
/// the file field, the draft is intact and nothing half-written is left.
/// First with `files/` unusable (any machine); then, where the test may
/// mount a 64 KiB tmpfs on it (root), with the disk really full.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upload_the_disk_cannot_hold_is_refused_plainly_and_the_draft_kept() {
    use crate::applications::upload;
    let app = TestApp::spawn().await;
    let (ada, id, _) = saved_draft(&app).await;
    let files = app.data_dir.join("files");
    std::fs::write(&files, b"not a directory").unwrap();
    let res = upload(&ada, id, "cv", crate::helpers::PDF).await;
    assert!(crate::helpers::shows(
        &ada.follow(res).await,
        fr(Msg::FileNotStored)
    ));
    assert_eq!(app.files_kept().await, (0, 0));
    assert_eq!(row(&app, id).await.skills, "Rust, SQL");
    std::fs::remove_file(&files).unwrap();
    std::fs::create_dir(&files).unwrap();
    let tmpfs = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(&files)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !tmpfs {
        eprintln!("disk full: no tmpfs could be mounted here (not root); the first case ran");
        return;
    }
    let big = [
        crate::helpers::PDF,
        b"\n%",
        &vec![b'a'; 200 * 1024],
        b"\n%%EOF\n",
    ]
    .concat();
    let res = upload(&ada, id, "cv", &big).await;
    let full = crate::helpers::shows(&ada.follow(res).await, fr(Msg::FileNotStored));
    let left = app.files_kept().await;
    let small = upload(&ada, id, "cv", crate::helpers::PDF).await;
    let after = app.files_kept().await;
    let _ = std::process::Command::new("umount")
        .arg("-l")
        .arg(&files)
        .status();
    assert!(full, "the uploader is told ({left:?}, {after:?})");
    assert_eq!(left, (0, 0), "nothing half-written");
    assert!(small.status().is_redirection());
    assert_eq!(after, (1, 1), "a file that fits is kept");
    assert_eq!(row(&app, id).await.skills, "Rust, SQL");
}
