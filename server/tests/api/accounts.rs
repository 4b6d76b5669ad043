//! Accounts over HTTP, as a browser without JavaScript would use them.

use crate::helpers::{
    Browser, Msg, PASSWORD, TestApp, error_fields, error_in, fill, fr, location, refusal, shows,
    token_in,
};
use reqwest::Response;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_answers_when_the_database_does() {
    let app = TestApp::spawn().await;
    let res = app.browser().get("/healthz").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.text().await.unwrap(), "ok");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ready_once_migrated_and_while_the_scheduled_work_runs() {
    use std::sync::atomic::Ordering;
    let app = TestApp::spawn().await;
    let ready = async || {
        let res = app.browser().get("/readyz").await;
        (res.status().as_u16(), res.text().await.unwrap())
    };
    // Migrated, but the scheduled work has not started.
    let (status, text) = ready().await;
    assert_eq!(status, 503);
    assert!(
        text.contains("database: ok")
            && text.contains("migrations: current")
            && text.contains("scheduled work: not started"),
        "{text}"
    );
    // Started: it beats at once.
    app::server::jobs::spawn(app.state.clone());
    let mut answer = ready().await;
    for _ in 0..100 {
        if answer.0 == 200 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        answer = ready().await;
    }
    assert_eq!(answer.0, 200, "{}", answer.1);
    // Silent for ten minutes: not ready.
    let stale = chrono::Utc::now().timestamp() - 600;
    app.state.beat.store(stale, Ordering::Relaxed);
    let (status, text) = ready().await;
    assert_eq!(status, 503);
    assert!(text.contains("silent for"), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_up_verify_and_land_in_the_personal_area() {
    let app = TestApp::spawn().await;
    let b = app.user().await;
    let page = b.page("/espace").await;
    assert!(
        page.contains(&fill(fr(Msg::Hello), &[("name", "Marie Curie")])),
        "{page}"
    );
    assert!(page.contains(fr(Msg::EmailVerified)));
    // The notice is shown once.
    assert!(!b.page("/espace").await.contains(fr(Msg::EmailVerified)));
    app.assert_audited(&["auth.sign_up", "auth.email_verified", "auth.sign_in"])
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_sign_up_changes_nothing_and_keeps_what_was_typed() {
    let app = TestApp::spawn().await;
    let b = app.browser();
    let res = b
        .post(
            "/inscription",
            "/api/inscription",
            &[("email", "marie@"), ("name", "Marie Curie")],
        )
        .await;
    let to = location(&res);
    // The way back is the form's plain address: the error travels in the
    // flash, shown once (a reload, a shared link show the empty form).
    assert_eq!(to, "/inscription");
    error_in(&to).expect("error carried back");
    assert_eq!(error_fields(&to), ["email"]);
    let page = b.page(&to).await;
    assert!(page.contains(fr(Msg::ErrFormHasErrors)), "{page}");
    assert!(shows(&page, fr(Msg::EmailInvalid)));
    assert!(page.contains(r#"value="Marie Curie""#), "typed name kept");
    assert!(page.contains(r#"aria-invalid="true""#));
    let again = b.page(&to).await;
    assert!(!again.contains(fr(Msg::ErrFormHasErrors)), "shown once");
    assert!(!again.contains(r#"value="Marie Curie""#));
    assert!(app.mail().await.is_empty());
    assert!(!app.audited("auth.sign_up").await);
}

/// `b` asks for a sign-in link for `email`, from the sign-in page.
async fn ask_magic_link(b: &Browser, email: &str) -> Response {
    b.post("/connexion", "/api/lien-de-connexion", &[("email", email)])
        .await
}

/// `b` signs in with the emailed link's `token`, from the page `from`.
async fn use_magic_link(b: &Browser, from: &str, token: &str) -> Response {
    b.post(from, "/api/connexion-par-lien", &[("jeton", token)])
        .await
}

/// `b` asks for a password reset link for `email`.
async fn ask_reset(b: &Browser, email: &str) -> Response {
    b.post(
        "/mot-de-passe-oublie",
        "/api/mot-de-passe-oublie",
        &[("email", email)],
    )
    .await
}

/// `b` chooses `password` with the reset link's `token`, from `from`.
async fn new_password(b: &Browser, from: &str, token: &str, password: &str) -> Response {
    b.post(
        from,
        "/api/nouveau-mot-de-passe",
        &[("jeton", token), ("password", password)],
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn short_and_common_passwords_are_refused_at_verification() {
    let app = TestApp::spawn().await;
    let b = app.browser();
    let token = app.sign_up_token(&b, "a@example.fr", "A B").await;
    let from = format!("/verification?jeton={token}");
    for (password, message) in [
        ("court", "PasswordTooShort"),
        ("motdepasse123", "PasswordTooCommon"),
    ] {
        let res = b
            .post(
                &from,
                "/api/verification",
                &[("jeton", &token), ("name", "A B"), ("password", password)],
            )
            .await;
        let err = error_in(&location(&res)).unwrap();
        assert_eq!(err["Validation"][0]["field"], "password");
        assert_eq!(err["Validation"][0]["message"], message);
    }
    // The link was not spent by the refusals.
    let res = b
        .post(
            &from,
            "/api/verification",
            &[("jeton", &token), ("name", "A B"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(location(&res), "/espace");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_up_twice_reveals_nothing_and_warns_the_owner() {
    let app = TestApp::spawn().await;
    app.user().await;
    let res = app
        .browser()
        .post(
            "/inscription",
            "/api/inscription",
            &[("email", "Marie@Example.fr"), ("name", "Someone Else")],
        )
        .await;
    assert_eq!(location(&res), "/inscription/envoye");
    let mails = app.mail().await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].subject, "Vous avez déjà un compte Cohorte");
    // The original password still works.
    let b = app.browser();
    let res = b.sign_in("marie@example.fr", PASSWORD).await;
    assert_eq!(location(&res), "/espace");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_password_and_unknown_email_get_the_same_answer() {
    let app = TestApp::spawn().await;
    app.user().await;
    let b = app.browser();
    let wrong = b.sign_in("marie@example.fr", "not the password").await;
    let unknown = b.sign_in("nobody@example.fr", "not the password").await;
    assert_eq!(location(&wrong), location(&unknown));
    assert_eq!(refusal(&wrong), "BadCredentials");
    let page = b.page(&location(&wrong)).await;
    assert!(page.contains(fr(Msg::BadCredentials)));
    assert!(
        page.contains(r#"value="nobody@example.fr""#),
        "typed email kept"
    );
    assert_eq!(b.get("/espace").await.status(), 302, "still signed out");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unverified_account_has_no_password_and_signing_up_again_resends_the_link() {
    let app = TestApp::spawn().await;
    let b = app.browser();
    app.sign_up_token(&b, "lea@example.fr", "Léa").await;
    let res = b.sign_in("lea@example.fr", PASSWORD).await;
    assert_eq!(refusal(&res), "BadCredentials");
    assert!(app.mail().await.is_empty());
    // Signing up again sends a fresh verification link, same answer.
    let token = app.sign_up_token(&b, "lea@example.fr", "Léa").await;
    assert_eq!(token.len(), 64);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn session_cookie_is_http_only_lax_and_renewed_at_sign_in() {
    let app = TestApp::spawn().await;
    let b = app.browser();
    // A visitor's failed sign-in leaves a flash cookie, never a session.
    let res = b.sign_in("x@example.fr", "wrong password!").await;
    let before: Vec<String> = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    assert!(
        before.iter().all(|c| c.starts_with("cohorte_flash=")),
        "{before:?}"
    );
    app.user().await;
    let res = b.sign_in("marie@example.fr", PASSWORD).await;
    let cookie = res
        .headers()
        .get("set-cookie")
        .expect("session cookie")
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("cohorte="), "{cookie}");
    assert!(cookie.contains("HttpOnly"));
    assert!(cookie.contains("SameSite=Lax"));
    assert!(cookie.contains("Path=/"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_planted_session_cookie_is_never_the_one_signed_in() {
    app_planted_cookie_check().await;
}

async fn app_planted_cookie_check() {
    let app = TestApp::spawn().await;
    app.user().await;
    // Someone plants a session id of their choosing in Marie's browser.
    let planted = "cohorte=AAAAAAAAAAAAAAAAAAAAAA";
    let res = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .post(format!("{}/api/connexion", app.base))
        .header("accept", "text/html")
        .header("origin", &app.base)
        .header("referer", format!("{}/connexion", app.base))
        .header("cookie", planted)
        .form(&[("email", "marie@example.fr"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&res), "/espace");
    let got = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned())
        .find(|c| c.starts_with("cohorte="))
        .expect("session cookie");
    assert_ne!(got, planted, "new session id at sign-in");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_out_ends_the_session_on_the_server() {
    let app = TestApp::spawn().await;
    let b = app.user().await;
    // Keep a copy of the cookie, as a thief would.
    let res = b.get("/espace").await;
    assert_eq!(res.status(), 200);
    let sessions_before = count_sessions(&app).await;
    let res = b.post("/espace", "/api/deconnexion", &[]).await;
    assert_eq!(location(&res), "/connexion");
    assert!(count_sessions(&app).await < sessions_before + 1);
    assert_eq!(b.get("/espace").await.status(), 302);
    assert!(app.audited("auth.sign_out").await);
}

async fn count_sessions(app: &TestApp) -> u64 {
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    app::server::db::session::Entity::find()
        .filter(app::server::db::session::Column::UserId.is_not_null())
        .count(&app.state.db)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn magic_link_signs_in_once_and_only_by_post() {
    let app = TestApp::spawn().await;
    app.user().await;
    let b = app.browser();
    let res = ask_magic_link(&b, "marie@example.fr").await;
    assert_eq!(location(&res), "/connexion");
    assert!(shows(&b.page("/connexion").await, fr(Msg::MagicSent)));
    let mails = app.mail().await;
    assert_eq!(mails[0].subject, "Votre lien de connexion à Cohorte");
    let token = token_in(&mails[0].text, "/connexion/lien?jeton=");
    // Opening the link changes nothing.
    let page = b.page(&format!("/connexion/lien?jeton={token}")).await;
    assert!(page.contains(fr(Msg::MagicConfirmSubmit)));
    assert_eq!(b.get("/espace").await.status(), 302);
    let from = format!("/connexion/lien?jeton={token}");
    let res = use_magic_link(&b, &from, &token).await;
    assert_eq!(location(&res), "/espace");
    assert_eq!(b.get("/espace").await.status(), 200);
    // A second use is refused, on another browser.
    let other = app.browser();
    let res = use_magic_link(&other, &from, &token).await;
    assert_eq!(refusal(&res), "TokenInvalid");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_magic_link_is_refused() {
    use sea_orm::{ConnectionTrait, Statement};
    let app = TestApp::spawn().await;
    app.user().await;
    let b = app.browser();
    ask_magic_link(&b, "marie@example.fr").await;
    let token = token_in(&app.mail().await[0].text, "/connexion/lien?jeton=");
    let backend = app.state.db.get_database_backend();
    let eleven_minutes_ago = chrono::Utc::now() - chrono::Duration::minutes(1);
    app.state
        .db
        .execute_raw(Statement::from_sql_and_values(
            backend,
            match backend {
                sea_orm::DbBackend::Postgres => {
                    "UPDATE auth_tokens SET expires_at = $1 WHERE purpose = 'magic_link'"
                }
                _ => "UPDATE auth_tokens SET expires_at = ? WHERE purpose = 'magic_link'",
            },
            [eleven_minutes_ago.into()],
        ))
        .await
        .unwrap();
    let res = use_magic_link(&b, "/connexion/lien", &token).await;
    assert_eq!(refusal(&res), "TokenInvalid");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_addresses_get_no_link_and_the_same_answer() {
    let app = TestApp::spawn().await;
    let b = app.browser();
    let res = ask_magic_link(&b, "nobody@example.fr").await;
    assert_eq!(location(&res), "/connexion");
    let res = ask_reset(&b, "nobody@example.fr").await;
    assert_eq!(location(&res), "/mot-de-passe-oublie");
    assert!(app.mail().await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn password_reset_replaces_the_password_and_ends_other_sessions() {
    let app = TestApp::spawn().await;
    let elsewhere = app.user().await;
    assert_eq!(elsewhere.get("/espace").await.status(), 200);
    let b = app.browser();
    ask_reset(&b, "marie@example.fr").await;
    let mail = app.mail().await.remove(0);
    assert_eq!(mail.subject, "Choisir un nouveau mot de passe");
    let token = token_in(&mail.text, "/mot-de-passe-oublie/nouveau?jeton=");
    let from = format!("/mot-de-passe-oublie/nouveau?jeton={token}");
    // A weak password is refused and the link stays usable.
    let res = new_password(&b, &from, &token, "123456789012").await;
    assert_eq!(
        error_in(&location(&res)).unwrap()["Validation"][0]["message"],
        "PasswordTooCommon"
    );
    let res = new_password(&b, &from, &token, "a brand new passphrase").await;
    assert_eq!(location(&res), "/connexion");
    assert!(shows(&b.page("/connexion").await, fr(Msg::PasswordChanged)));
    assert_eq!(
        elsewhere.get("/espace").await.status(),
        302,
        "other sessions ended"
    );
    let old = b.sign_in("marie@example.fr", PASSWORD).await;
    assert_eq!(refusal(&old), "BadCredentials");
    let new = b
        .sign_in("marie@example.fr", "a brand new passphrase")
        .await;
    assert_eq!(location(&new), "/espace");
    // The link was spent.
    let res = new_password(&b, &from, &token, "yet another passphrase").await;
    assert_eq!(refusal(&res), "TokenInvalid");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_is_rate_limited_per_email_and_client() {
    let app = TestApp::spawn().await;
    let b = app.browser();
    let mut last = None;
    for _ in 0..11 {
        let res = b.sign_in("marie@example.fr", "wrong password!").await;
        last = Some(location(&res));
    }
    let last = last.unwrap();
    assert_eq!(error_in(&last).unwrap(), serde_json::json!("RateLimited"));
    assert!(shows(&b.page(&last).await, fr(Msg::ErrRateLimited)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_magic_link_for_an_address_not_yet_proven() {
    let app = TestApp::spawn().await;
    let b = app.browser();
    // Someone signs up with another person's address; the owner must not
    // verify that account by asking for a sign-in link.
    app.sign_up_token(&b, "lea@example.fr", "Not Léa").await;
    let res = ask_magic_link(&b, "lea@example.fr").await;
    assert_eq!(location(&res), "/connexion", "same answer as for anyone");
    assert!(app.mail().await.is_empty());
    // A reset link does go out: it sets the password the owner chooses.
    ask_reset(&b, "lea@example.fr").await;
    assert_eq!(app.mail().await.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_password_reset_voids_older_links() {
    let app = TestApp::spawn().await;
    app.user().await;
    let b = app.browser();
    ask_magic_link(&b, "marie@example.fr").await;
    let magic = token_in(&app.mail().await[0].text, "/connexion/lien?jeton=");
    ask_reset(&b, "marie@example.fr").await;
    let reset = token_in(
        &app.mail().await[0].text,
        "/mot-de-passe-oublie/nouveau?jeton=",
    );
    let res = new_password(
        &b,
        "/mot-de-passe-oublie/nouveau",
        &reset,
        "a brand new passphrase",
    )
    .await;
    assert_eq!(location(&res), "/connexion");
    let res = use_magic_link(&b, "/connexion/lien", &magic).await;
    assert_eq!(refusal(&res), "TokenInvalid");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deleted_session_is_not_written_back_by_a_late_request() {
    use app::server::db::session_store::DbSessionStore;
    use tower_sessions::session::{Id, Record};
    use tower_sessions::session_store::SessionStore;
    let app = TestApp::spawn().await;
    let store = DbSessionStore::new(app.state.db.clone());
    let mut record = Record {
        id: Id::default(),
        data: [("uid".to_owned(), serde_json::json!(1))]
            .into_iter()
            .collect(),
        expiry_date: time::OffsetDateTime::now_utc() + time::Duration::hours(1),
    };
    store.create(&mut record).await.unwrap();
    assert!(store.load(&record.id).await.unwrap().is_some());
    // Signed out (or reset) meanwhile…
    store.delete(&record.id).await.unwrap();
    // …then a request that had loaded the session finishes and saves it.
    store.save(&record).await.unwrap();
    assert!(store.load(&record.id).await.unwrap().is_none());
}

/// The store reads the session and its person (account and grants) in one
/// query, as the database has them now, and never writes that copy back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_comes_with_its_person_as_they_are_now_and_is_saved_without_them() {
    use app::domain::Role;
    use app::model::user::Viewer;
    use app::server::db::session_store::{DbSessionStore, VIEWER_KEY};
    use app::server::db::{session, user};
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
    use tower_sessions::session::{Id, Record};
    use tower_sessions::session_store::SessionStore;
    let app = TestApp::spawn().await;
    let db = &app.state.db;
    app.verified_user("ada@example.fr", "Ada Lovelace", PASSWORD)
        .await;
    let ada = app::server::service::users::by_email(db, "ada@example.fr")
        .await
        .unwrap()
        .unwrap();
    let store = DbSessionStore::new(db.clone());
    let mut record = Record {
        id: Id::default(),
        data: [("uid".to_owned(), serde_json::json!(ada.id))]
            .into_iter()
            .collect(),
        expiry_date: time::OffsetDateTime::now_utc() + time::Duration::hours(1),
    };
    store.create(&mut record).await.unwrap();
    let viewer = |r: &Record| -> Option<Viewer> {
        serde_json::from_value(r.data[VIEWER_KEY].clone()).unwrap()
    };
    let loaded = store.load(&record.id).await.unwrap().unwrap();
    let v = viewer(&loaded).expect("the person");
    assert_eq!(
        (v.id, v.name.as_str(), v.email.as_str()),
        (ada.id, "Ada Lovelace", "ada@example.fr")
    );
    assert!(v.roles.is_empty());
    // A role granted meanwhile is there at the next load.
    app::server::service::admin::grant_role(db, &Default::default(), ada.id, Role::Coordinator)
        .await
        .unwrap();
    let loaded = store.load(&record.id).await.unwrap().unwrap();
    assert_eq!(viewer(&loaded).unwrap().roles, vec![Role::Coordinator]);
    // Saved (the session changed): the copy of the person is not stored.
    store.save(&loaded).await.unwrap();
    let row = session::Entity::find_by_id(record.id.to_string())
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert!(!row.data.contains(VIEWER_KEY), "{}", row.data);
    assert!(row.data.contains("uid"));
    // Disabled in the database (as another instance would): no person.
    let mut u: user::ActiveModel = ada.into();
    u.disabled_at = Set(Some(chrono::Utc::now()));
    u.update(db).await.unwrap();
    let loaded = store.load(&record.id).await.unwrap().unwrap();
    assert_eq!(loaded.data[VIEWER_KEY], serde_json::Value::Null);
    // A session of nobody carries no person at all.
    let mut anonymous = Record {
        id: Id::default(),
        data: [("flash".to_owned(), serde_json::json!({}))]
            .into_iter()
            .collect(),
        expiry_date: time::OffsetDateTime::now_utc() + time::Duration::hours(1),
    };
    store.create(&mut anonymous).await.unwrap();
    let loaded = store.load(&anonymous.id).await.unwrap().unwrap();
    assert!(!loaded.data.contains_key(VIEWER_KEY));
}

/// Every signed-in request sees the person as the database has them now
/// (the store reads them with the session): a role granted, a name
/// corrected or an account disabled elsewhere (here directly in the
/// database, as another instance would) shows on the very next page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_next_page_sees_the_person_as_the_database_has_them_now() {
    use app::domain::Role;
    use app::server::db::{role_grant, session, user};
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
    let app = TestApp::spawn().await;
    let db = &app.state.db;
    let ada = app
        .verified_user("ada@example.fr", "Ada Lovelace", PASSWORD)
        .await;
    let row = app::server::service::users::by_email(db, "ada@example.fr")
        .await
        .unwrap()
        .unwrap();
    let page = ada.page("/espace").await;
    assert!(page.contains("Ada Lovelace"));
    assert!(!page.contains("/coordination/organisations"));
    role_grant::ActiveModel {
        user_id: Set(row.id),
        role: Set(Role::Coordinator.code().to_owned()),
        scope_id: Set(Role::Coordinator.scope()),
        granted_by: Set(None),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    let mut u: user::ActiveModel = row.clone().into();
    u.name = Set("Ada King".into());
    let row = u.update(db).await.unwrap();
    let page = ada.page("/espace").await;
    assert!(page.contains("/coordination/organisations"), "the role");
    assert!(page.contains("Ada King") && !page.contains("Ada Lovelace"));
    let mut u: user::ActiveModel = row.clone().into();
    u.disabled_at = Set(Some(chrono::Utc::now()));
    u.update(db).await.unwrap();
    assert_ne!(ada.get("/espace").await.status(), 200);
    let sessions = session::Entity::find()
        .filter(session::Column::UserId.eq(row.id))
        .all(db)
        .await
        .unwrap();
    assert!(sessions.is_empty(), "the session ended");
}

/// A visitor sent to sign in on the way to a page comes back to it: by
/// password, by an emailed link, and through sign-up. Only pages of this
/// site are followed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_in_or_up_brings_the_person_back_where_they_were_going() {
    let app = TestApp::spawn().await;
    let visitor = app.browser();
    let to_sign_in = location(&visitor.get("/candidature").await);
    assert_eq!(to_sign_in, "/connexion?suite=%2Fcandidature");
    let page = visitor.page(&to_sign_in).await;
    assert!(shows(&page, fr(Msg::SignInToContinue)), "says why");
    assert!(page.contains(r#"name="suite" value="/candidature""#));
    assert!(page.contains(r#"href="/inscription?suite=%2Fcandidature""#));

    // By password; somewhere else than this site is never followed.
    app.verified_user("ada@example.fr", "Ada", PASSWORD).await;
    let sign_in = |suite: &'static str| {
        let b = app.browser();
        async move {
            let fields = [
                ("email", "ada@example.fr"),
                ("password", PASSWORD),
                ("suite", suite),
            ];
            location(
                &b.post(&to_sign_in_of(suite), "/api/connexion", &fields)
                    .await,
            )
        }
    };
    assert_eq!(sign_in("/candidature").await, "/candidature");
    for elsewhere in [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
    ] {
        assert_eq!(sign_in(elsewhere).await, "/espace", "{elsewhere}");
    }

    // By an emailed link: the link carries it to the page it opens.
    let b = app.browser();
    let fields = [("email", "ada@example.fr"), ("suite", "/candidature")];
    b.post(&to_sign_in, "/api/lien-de-connexion", &fields).await;
    let mail = app.mail().await;
    let link = &mail.last().unwrap().text;
    assert!(link.contains("&suite=%2Fcandidature"), "{link}");
    let token = token_in(link, "/connexion/lien?jeton=");
    let from = format!("/connexion/lien?jeton={token}&suite=%2Fcandidature");
    let page = b.page(&from).await;
    assert!(page.contains(r#"name="suite" value="/candidature""#));
    let fields = [("jeton", token.as_str()), ("suite", "/candidature")];
    let res = b.post(&from, "/api/connexion-par-lien", &fields).await;
    assert_eq!(location(&res), "/candidature");

    // Through sign-up: the verification link carries it too.
    let b = app.browser();
    let fields = [
        ("email", "grace@example.fr"),
        ("name", "Grace"),
        ("suite", "/candidature"),
    ];
    let res = b
        .post(
            "/inscription?suite=%2Fcandidature",
            "/api/inscription",
            &fields,
        )
        .await;
    assert_eq!(location(&res), "/inscription/envoye");
    let mail = app.mail().await;
    let text = &mail
        .iter()
        .find(|m| m.to == "grace@example.fr")
        .unwrap()
        .text;
    assert!(text.contains("&suite=%2Fcandidature"), "{text}");
    let token = token_in(text, "/verification?jeton=");
    let from = format!("/verification?jeton={token}&suite=%2Fcandidature");
    assert!(
        b.page(&from)
            .await
            .contains(r#"name="suite" value="/candidature""#)
    );
    let fields = [
        ("jeton", token.as_str()),
        ("name", "Grace"),
        ("password", PASSWORD),
        ("suite", "/candidature"),
    ];
    let res = b.post(&from, "/api/verification", &fields).await;
    assert_eq!(location(&res), "/candidature");

    // Signing up again with that address: the "account exists" email's
    // sign-in link carries the destination too.
    let again = app.browser();
    let fields = [
        ("email", "grace@example.fr"),
        ("name", "Grace"),
        ("suite", "/candidature"),
    ];
    again
        .post(
            "/inscription?suite=%2Fcandidature",
            "/api/inscription",
            &fields,
        )
        .await;
    let mail = app.mail().await;
    let exists = &mail
        .iter()
        .rfind(|m| m.to == "grace@example.fr")
        .unwrap()
        .text;
    assert!(
        exists.contains("/connexion?suite=%2Fcandidature"),
        "{exists}"
    );
}

fn to_sign_in_of(suite: &str) -> String {
    format!("/connexion?suite={}", app::domain::next::encode(suite))
}
