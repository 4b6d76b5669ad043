//! The outbox worker: retries with backoff, never sends twice.

use crate::helpers::TestApp;
use app::i18n::Locale;
use app::server::db::outbox_message::{Column, Entity as Outbox};
use app::server::mail::{MailTemplate, Mailer, worker};
use app::server::service::outbox;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;

async fn queue(app: &TestApp, n: usize) {
    for i in 0..n {
        outbox::queue(
            &app.state.db,
            MailTemplate::MagicLink,
            Locale::Fr,
            &format!("p{i}@example.fr"),
            json!({ "name": "P", "link": "http://x/" }),
        )
        .await
        .unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_workers_send_each_message_exactly_once() {
    let app = TestApp::spawn().await;
    queue(&app, 45).await;
    let (a, b, c) = tokio::join!(
        worker::drain_all(&app.state),
        worker::drain_all(&app.state),
        worker::drain_all(&app.state)
    );
    assert_eq!(a.unwrap() + b.unwrap() + c.unwrap(), 45);
    let sent = app.state.mailer.stub_outbox();
    assert_eq!(sent.len(), 45);
    let mut to: Vec<_> = sent.iter().map(|m| m.to.clone()).collect();
    to.sort();
    to.dedup();
    assert_eq!(to.len(), 45, "no duplicates");
    let left = Outbox::find()
        .filter(Column::State.ne("sent"))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(left, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_send_is_kept_and_retried_later() {
    let app = TestApp::spawn().await;
    queue(&app, 1).await;
    // Nothing listens on port 9 of the loopback: the send fails at once.
    let mut broken = app.state.clone();
    broken.mailer = Mailer::smtp("smtp://127.0.0.1:9").unwrap();
    assert_eq!(worker::drain_all(&broken).await.unwrap(), 1);
    let row = Outbox::find().one(&app.state.db).await.unwrap().unwrap();
    assert_eq!(row.state, "queued");
    assert_eq!(row.attempts, 1);
    assert!(row.last_error.is_some());
    assert!(row.next_attempt_at > chrono::Utc::now() + chrono::Duration::seconds(20));
    assert!(row.lease_owner.is_none());
    // Not due yet: a healthy worker leaves it alone until its time.
    assert_eq!(worker::drain_all(&app.state).await.unwrap(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_held_by_a_worker_that_died_is_sent_once_its_lease_expires() {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let app = TestApp::spawn().await;
    queue(&app, 1).await;
    let row = Outbox::find().one(&app.state.db).await.unwrap().unwrap();
    // A worker claimed it, then the process stopped before sending.
    let mut held: app::server::db::outbox_message::ActiveModel = row.into();
    held.lease_owner = Set(Some("dead-worker".into()));
    held.lease_until = Set(Some(chrono::Utc::now() + chrono::Duration::seconds(60)));
    let held = held.update(&app.state.db).await.unwrap();
    assert_eq!(
        worker::drain_all(&app.state).await.unwrap(),
        0,
        "still leased"
    );
    let mut expired: app::server::db::outbox_message::ActiveModel = held.into();
    expired.lease_until = Set(Some(chrono::Utc::now() - chrono::Duration::seconds(1)));
    expired.update(&app.state.db).await.unwrap();
    assert_eq!(worker::drain_all(&app.state).await.unwrap(), 1);
    assert_eq!(app.state.mailer.stub_outbox().len(), 1);
    let row = Outbox::find().one(&app.state.db).await.unwrap().unwrap();
    assert_eq!(row.state, "sent");
    assert!(
        row.body_text.is_empty() && row.body_html.is_empty(),
        "single-use links are not kept"
    );
    assert!(!row.subject.is_empty());
}
