//! Two `cohorte serve` on one database and one data directory, as behind
//! one address: a person's session and files work on both, and the
//! outbox and the scheduled work, run by both at once, send each message
//! once.

use crate::applications::{autosave, complete, start, upload};
use crate::helpers::{Browser, PDF, TestApp, open_call};
use app::server::jobs;
use app::server::mail::worker;
use app::server::service::leases;
use chrono::{Duration, Utc};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_share_sessions_and_files_and_run_each_job_once() {
    let app = TestApp::spawn().await;
    let (other, second) = app.second_server().await;
    let (promotion, web, forest) = open_call(&app).await;
    let ada = app.applicant().await;
    let id = start(&ada, promotion).await;
    // Her session, opened on the first server, works on the second.
    let there = Browser {
        base: other.clone(),
        client: ada.client.clone(),
    };
    let (status, _) = autosave(&there, id, &complete(id, "save", web, forest)).await;
    assert_eq!(status, 200);
    assert!(
        there
            .page(&format!("/candidature/{id}"))
            .await
            .contains("Rust, SQL")
    );
    // A CV sent to the second server is read from the first.
    assert!(
        upload(&there, id, "cv", PDF)
            .await
            .status()
            .is_redirection()
    );
    let cv = ada.get(&format!("/candidature/{id}/cv")).await;
    assert_eq!(cv.status(), 200);
    assert_eq!(cv.bytes().await.unwrap().as_ref(), PDF);

    // 47 hours before the deadline, both servers run their quarter-hour
    // pass at once, three times: one reminder, one audit entry.
    let at = Utc::now() + Duration::days(10) - Duration::hours(47);
    app.mail().await;
    let before = app.state.mailer.stub_outbox().len();
    for _ in 0..3 {
        tokio::join!(
            jobs::quarter_hour(&app.state, at, true),
            jobs::quarter_hour(&second, at, true),
            jobs::minute(&app.state, at),
            jobs::minute(&second, at),
        );
    }
    let (a, b) = tokio::join!(worker::drain_all(&app.state), worker::drain_all(&second));
    assert_eq!(a.unwrap() + b.unwrap(), 1);
    let sent: Vec<_> = [
        app.state.mailer.stub_outbox()[before..].to_vec(),
        second.mailer.stub_outbox(),
    ]
    .concat();
    let reminders: Vec<_> = sent.iter().filter(|m| m.to == "ada@example.fr").collect();
    assert_eq!(reminders.len(), 1, "{sent:#?}");
    let audited = app
        .audit_actions()
        .await
        .into_iter()
        .filter(|a| a == "application.reminded")
        .count();
    assert_eq!(audited, 1);
    second.stopping.cancel();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_servers_drain_one_outbox_each_message_once_with_one_message_id() {
    let app = TestApp::spawn().await;
    let (_, second) = app.second_server().await;
    crate::outbox::queue(&app, 60).await;
    let (a, b) = tokio::join!(worker::drain_all(&app.state), worker::drain_all(&second));
    assert_eq!(a.unwrap() + b.unwrap(), 60);
    let sent = [app.state.mailer.stub_outbox(), second.mailer.stub_outbox()].concat();
    let mut ids: Vec<_> = sent.iter().map(|m| m.message_id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 60, "one message each, each its own Message-ID");
    assert!(
        ids.iter()
            .all(|i| i.starts_with("<cohorte.") && i.ends_with("@cohorte.localhost>"))
    );
    second.stopping.cancel();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lease_is_held_by_one_server_until_given_back_or_expired() {
    let app = TestApp::spawn().await;
    let db = &app.state.db;
    let now = Utc::now();
    let ten = Duration::minutes(10);
    let held = leases::take(db, "minute", ten, now)
        .await
        .unwrap()
        .expect("free");
    assert!(
        leases::take(db, "minute", ten, now)
            .await
            .unwrap()
            .is_none()
    );
    // Another kind is free.
    let other = leases::take(db, "quarter_hour", ten, now).await.unwrap();
    assert!(other.is_some());
    held.release(db).await.unwrap();
    let again = leases::take(db, "minute", ten, now)
        .await
        .unwrap()
        .expect("given back");
    // A holder that died: free once its time has passed.
    drop(again);
    assert!(
        leases::take(db, "minute", ten, now)
            .await
            .unwrap()
            .is_none()
    );
    let later = now + Duration::minutes(11);
    assert!(
        leases::take(db, "minute", ten, later)
            .await
            .unwrap()
            .is_some()
    );
    // While a pass holds it, the other server's pass does nothing.
    let ran = leases::exclusive(db, "quarter_hour", ten, async { 1 })
        .await
        .unwrap();
    assert_eq!(ran, None, "still held by `other`");
    // Two slow passes at once: one runs.
    let slow = |n: u32| async move {
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        n
    };
    let (a, b) = tokio::join!(
        leases::exclusive(db, "race", ten, slow(1)),
        leases::exclusive(db, "race", ten, slow(2)),
    );
    let ran: Vec<_> = [a.unwrap(), b.unwrap()].into_iter().flatten().collect();
    assert_eq!(ran.len(), 1, "{ran:?}");
}
