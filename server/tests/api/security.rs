//! CSRF, policy over HTTP, admin actions, the outbox.

use crate::helpers::{Msg, PASSWORD, TestApp, en, error_in, fr, location, refusal};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cross_site_posts_are_refused() {
    let app = TestApp::spawn().await;
    let client = reqwest::Client::new();
    // The status of a post of `form` to `path` with one `header`.
    let post = |path: &str, header: (&'static str, &'static str), form: &[(&str, &str)]| {
        client
            .post(format!("{}{path}", app.base))
            .header(header.0, header.1)
            .form(form)
            .send()
    };
    let form = [("email", "a@example.fr"), ("password", "whatever password")];
    let res = post("/api/connexion", ("Origin", "https://evil.example"), &form)
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let res = post("/api/connexion", ("Sec-Fetch-Site", "cross-site"), &form)
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let res = post(
        "/langue",
        ("Origin", "https://evil.example"),
        &[("lang", "en")],
    )
    .await
    .unwrap();
    assert_eq!(res.status(), 403);
    // Same origin passes.
    let res = post("/api/connexion", ("Sec-Fetch-Site", "same-origin"), &form)
        .await
        .unwrap();
    assert_ne!(res.status(), 403);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_server_function_is_in_the_policy_table() {
    let registered: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.to_owned())
        .collect();
    assert!(!registered.is_empty());
    for path in &registered {
        assert!(
            app::api::ENDPOINT_ACTIONS.iter().any(|(p, _)| p == path),
            "server function {path} has no row in api::ENDPOINT_ACTIONS / the policy matrix"
        );
    }
    for (path, _) in app::api::ENDPOINT_ACTIONS {
        assert!(
            registered.iter().any(|p| p == path),
            "{path} listed but not registered"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_pages_are_hidden_from_everyone_else() {
    let app = TestApp::spawn().await;
    let anon = app.browser();
    let res = anon.get("/admin/utilisateurs").await;
    assert_eq!(location(&res), "/connexion?suite=%2Fadmin%2Futilisateurs");
    let marie = app.user().await;
    assert_eq!(marie.get("/admin/utilisateurs").await.status(), 404);
    assert_eq!(marie.get("/coordination/courriels").await.status(), 404);
    // Posting directly is refused too, and changes nothing.
    let me = app.user_id("marie@example.fr").await.to_string();
    let res = marie
        .post(
            "/espace",
            "/api/attribuer-role",
            &[("user_id", me.as_str()), ("role", "admin")],
        )
        .await;
    assert!(error_in(&location(&res)).is_some());
    assert!(
        app::server::service::users::roles_of(&app.state.db, me.parse().unwrap())
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_grants_and_revokes_the_coordinator_role() {
    let app = TestApp::spawn().await;
    let alice = app.admin().await;
    let marie = app.user().await;
    let id = app.user_id("marie@example.fr").await.to_string();
    let page = alice.page("/admin/utilisateurs?q=marie").await;
    assert!(page.contains("marie@example.fr"));
    assert!(!page.contains("alice@example.fr"), "search filters");
    let res = alice
        .post(
            "/admin/utilisateurs",
            "/api/attribuer-role",
            &[("user_id", id.as_str()), ("role", "coordinator")],
        )
        .await;
    assert_eq!(location(&res), "/admin/utilisateurs");
    assert!(
        alice
            .page("/admin/utilisateurs")
            .await
            .contains(fr(Msg::RoleGranted))
    );
    // Marie's next request sees the new role.
    assert_eq!(marie.get("/coordination/courriels").await.status(), 200);
    let res = alice
        .post(
            "/admin/utilisateurs",
            "/api/retirer-role",
            &[("user_id", id.as_str()), ("role", "coordinator")],
        )
        .await;
    assert_eq!(location(&res), "/admin/utilisateurs");
    assert_eq!(marie.get("/coordination/courriels").await.status(), 404);
    app.assert_audited(&["role.granted", "role.revoked"]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn disabling_an_account_ends_its_sessions_at_once() {
    let app = TestApp::spawn().await;
    let alice = app.admin().await;
    let marie = app.user().await;
    assert_eq!(marie.get("/espace").await.status(), 200);
    let id = app.user_id("marie@example.fr").await.to_string();
    let res = alice
        .post(
            "/admin/utilisateurs",
            "/api/activation-compte",
            &[("user_id", id.as_str()), ("disabled", "1")],
        )
        .await;
    assert_eq!(location(&res), "/admin/utilisateurs");
    assert_eq!(marie.get("/espace").await.status(), 302);
    let b = app.browser();
    let res = b.sign_in("marie@example.fr", PASSWORD).await;
    assert_eq!(refusal(&res), "AccountDisabled");
    // An admin cannot disable themself.
    let alice_id = app.user_id("alice@example.fr").await.to_string();
    let res = alice
        .post(
            "/admin/utilisateurs",
            "/api/activation-compte",
            &[("user_id", alice_id.as_str()), ("disabled", "1")],
        )
        .await;
    assert!(error_in(&location(&res)).is_some());
    assert_eq!(alice.get("/espace").await.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_outbox_page_lists_messages_with_their_state() {
    let app = TestApp::spawn().await;
    let alice = app.admin().await;
    let page = alice.page("/coordination/courriels").await;
    assert!(page.contains("Confirmez votre adresse e-mail"), "{page}");
    assert!(page.contains("alice@example.fr"));
    assert!(page.contains(fr(Msg::MailSent)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn language_switch_sets_a_cookie_and_returns_to_the_page() {
    let app = TestApp::spawn().await;
    let b = app.browser();
    let res = b
        .post(
            "/connexion",
            "/langue",
            &[("lang", "en"), ("retour", "/connexion")],
        )
        .await;
    assert_eq!(location(&res), "/connexion");
    let page = b.page("/connexion").await;
    assert!(page.contains(r#"<html lang="en""#));
    assert!(page.contains(en(Msg::SignIn)));
    // Never an open redirect.
    let res = b
        .post(
            "/",
            "/langue",
            &[("lang", "fr"), ("retour", "//evil.example/")],
        )
        .await;
    assert_eq!(location(&res), "/");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_pages_are_404_with_a_helpful_page() {
    let app = TestApp::spawn().await;
    let res = app.browser().get("/nulle-part").await;
    assert_eq!(res.status(), 404);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains(fr(Msg::ErrNotFoundTitle))
    );
}
