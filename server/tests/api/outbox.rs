//! The outbox worker: retries with backoff, never sends twice.

use crate::helpers::TestApp;
use app::i18n::Locale;
use app::server::db::outbox_message::{Column, Entity as Outbox};
use app::server::mail::{MailTemplate, Mailer, worker};
use app::server::service::outbox;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;

pub(crate) async fn queue(app: &TestApp, n: usize) {
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

/// A coordinator asks to send message `id` again, from its page; where
/// the browser goes.
async fn resend(b: &crate::helpers::Browser, id: i64) -> crate::helpers::Landing {
    let path = format!("/coordination/courriels/{id}");
    crate::helpers::location(
        &b.post(&path, "/api/renvoyer-courriel", &[("id", &id.to_string())])
            .await,
    )
}

/// Queues a deadline reminder to `to` (a message without a single-use
/// link); its row.
async fn reminder(app: &TestApp, to: &str) -> app::server::db::outbox_message::Model {
    outbox::queue(
        &app.state.db,
        MailTemplate::ApplicationReminder,
        Locale::Fr,
        to,
        json!({ "name": "Grace", "promotion": "EIG 8", "deadline": "07/05/2027 23:59", "link": "http://x/candidature/1" }),
    )
    .await
    .unwrap();
    Outbox::find()
        .filter(Column::Recipient.eq(to))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
}

/// Sends what is queued through a transport that always fails, until each
/// message fails for good.
async fn fail_for_good(app: &TestApp) {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let mut broken = app.state.clone();
    broken.mailer = Mailer::smtp("smtp://127.0.0.1:9").unwrap();
    loop {
        worker::drain_all(&broken).await.unwrap();
        let due = Outbox::find()
            .filter(Column::State.eq("queued"))
            .all(&app.state.db)
            .await
            .unwrap();
        if due.is_empty() {
            break;
        }
        for m in due {
            let mut now: app::server::db::outbox_message::ActiveModel = m.into();
            now.next_attempt_at = Set(chrono::Utc::now());
            now.update(&app.state.db).await.unwrap();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn coordinators_filter_read_and_resend_what_failed_but_never_read_a_link() {
    use crate::helpers::{Msg, error_in, fr, shows};
    let app = TestApp::spawn().await;
    reminder(&app, "grace@example.fr").await;
    queue(&app, 1).await; // a magic link to p0@example.fr
    fail_for_good(&app).await;
    let claire = app.coordinator().await;
    let row = |to: &'static str| {
        let db = app.state.db.clone();
        async move {
            Outbox::find()
                .filter(Column::Recipient.eq(to))
                .one(&db)
                .await
                .unwrap()
                .unwrap()
        }
    };
    let (grace, link) = (row("grace@example.fr").await, row("p0@example.fr").await);
    assert_eq!(
        (grace.state.as_str(), link.state.as_str()),
        ("failed", "failed")
    );
    assert!(!grace.body_text.is_empty(), "kept for a resend");
    assert!(link.body_text.is_empty(), "a single-use link is forgotten");

    // Filters: by state and by a part of the address.
    let page = claire
        .page("/coordination/courriels?etat=failed&destinataire=GRACE@")
        .await;
    assert!(
        page.contains(&grace.subject) && !page.contains("p0@example.fr"),
        "{page}"
    );
    let page = claire
        .page("/coordination/courriels?destinataire=personne%40nulle.part")
        .await;
    assert!(shows(&page, fr(Msg::OutboxNoMatch)));

    // The message: its text, and a resend.
    let path = format!("/coordination/courriels/{}", grace.id);
    let page = claire.page(&path).await;
    assert!(page.contains("http://x/candidature/1") && shows(&page, fr(Msg::MailResend)));
    let to = resend(&claire, grace.id).await;
    assert_eq!((to.path.as_str(), error_in(&to)), (path.as_str(), None));
    let again = row("grace@example.fr").await;
    assert_eq!((again.state.as_str(), again.attempts), ("queued", 0));
    app.assert_audited(&["mail.resent"]).await;
    // Queued now: a second resend is refused and changes nothing.
    let to = resend(&claire, grace.id).await;
    assert_eq!(error_in(&to).unwrap()["Refused"], "MailNotResendable");
    worker::drain_all(&app.state).await.unwrap();
    let to_grace = app
        .state
        .mailer
        .stub_outbox()
        .into_iter()
        .filter(|m| m.to == "grace@example.fr")
        .count();
    assert_eq!(to_grace, 1, "sent once");

    // The sign-in link's text is never shown, nor resent.
    let page = claire
        .page(&format!("/coordination/courriels/{}", link.id))
        .await;
    assert!(shows(&page, fr(Msg::MailBodySecret)) && !shows(&page, fr(Msg::MailResend)));
    let to = resend(&claire, link.id).await;
    assert_eq!(error_in(&to).unwrap()["Refused"], "MailNotResendable");

    // A month after it failed, its text is forgotten: nothing to resend.
    let henri = reminder(&app, "henri@example.fr").await;
    fail_for_good(&app).await;
    assert!(!row("henri@example.fr").await.body_text.is_empty());
    let forgotten = outbox::forget_old_failures(
        &app.state.db,
        chrono::Utc::now() + chrono::Duration::days(outbox::FAILED_TEXT_DAYS + 1),
    )
    .await
    .unwrap();
    assert!(forgotten >= 1);
    let path = format!("/coordination/courriels/{}", henri.id);
    let page = claire.page(&path).await;
    assert!(shows(&page, fr(Msg::MailBodyForgotten)) && !shows(&page, fr(Msg::MailResend)));

    // Nobody else sees or resends anything.
    let ada = app.applicant().await;
    assert_eq!(ada.get(&path).await.status(), 404);
    assert_eq!(
        error_in(&resend(&ada, grace.id).await).unwrap(),
        json!("NotFound")
    );
}
