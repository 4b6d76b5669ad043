//! The holes an outside review found in the intake half, each tried the
//! way an attacker would: pre-account takeover, lockout of someone else,
//! anonymous requests that grow the database, missing headers; and that
//! the integration pass runs on the database it announces.

use crate::helpers::{Msg, PASSWORD, TestApp, error_in, fr, location, refusal, shows, token_in};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tests_run_on_the_database_the_pass_announces() {
    let app = TestApp::spawn().await;
    let got = match app.state.db.get_database_backend() {
        sea_orm::DbBackend::Sqlite => "sqlite",
        sea_orm::DbBackend::Postgres => "postgres",
        _ => "other",
    };
    eprintln!("integration tests on {got}");
    if let Ok(announced) = std::env::var("COHORTE_TEST_BACKEND") {
        assert_eq!(got, announced, "this pass announced {announced}");
    }
}

fn user_row_filter(email: &str) -> sea_orm::Select<app::server::db::user::Entity> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    app::server::db::user::Entity::find().filter(app::server::db::user::Column::Email.eq(email))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stranger_who_signs_up_with_my_address_never_holds_a_working_password() {
    let app = TestApp::spawn().await;
    // The stranger signs up with Léa's address, posting a password too.
    let stranger = app.browser();
    let res = stranger
        .post(
            "/inscription",
            "/api/inscription",
            &[
                ("email", "lea@example.fr"),
                ("name", "Pas Léa"),
                ("password", "stranger password 666"),
            ],
        )
        .await;
    assert_eq!(location(&res), "/inscription/envoye");
    let row = user_row_filter("lea@example.fr")
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.password_hash, None, "sign-up stores no password");

    // Even if an older account of this kind had a password in force (as
    // before this fix), verification replaces it with the owner's choice.
    let planted = app::server::service::passwords::hash("stranger password 666".into())
        .await
        .unwrap();
    {
        use sea_orm::{ActiveModelTrait, ActiveValue::Set};
        let mut r: app::server::db::user::ActiveModel = row.into();
        r.password_hash = Set(Some(planted));
        r.update(&app.state.db).await.unwrap();
    }

    // Léa opens the email she did not ask for, chooses her password.
    let mails = app.mail().await;
    let token = token_in(&mails[0].text, "/verification?jeton=");
    let lea = app.browser();
    let from = format!("/verification?jeton={token}");
    let page = lea.page(&from).await;
    assert!(
        page.contains(r#"name="password""#),
        "the page asks for a password"
    );
    // It shows the name the stranger typed, for Léa to correct; she
    // verifies in English.
    assert!(
        page.contains(r#"name="name""#) && page.contains(r#"value="Pas Léa""#),
        "the page shows the name to confirm"
    );
    // The address, unsent, for password managers to file the password.
    assert!(
        page.contains(r#"value="lea@example.fr" readonly"#)
            && page.contains(r#"autocomplete="username""#),
        "{page}"
    );
    let res = lea
        .post(
            &from,
            "/api/verification",
            &[("jeton", &token), ("name", "   "), ("password", PASSWORD)],
        )
        .await;
    let err = error_in(&location(&res)).unwrap();
    assert_eq!(err["Validation"][0]["field"], "name");
    lea.post("/", "/langue", &[("lang", "en")]).await;
    let res = lea
        .post(
            &from,
            "/api/verification",
            &[
                ("jeton", &token),
                ("name", "Léa Martin"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(location(&res), "/espace");
    let row = user_row_filter("lea@example.fr")
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (row.name.as_str(), row.locale.as_str()),
        ("Léa Martin", "en"),
        "the owner's name and language replace the stranger's"
    );

    // The stranger's password does not work; Léa's does.
    let res = stranger
        .sign_in("lea@example.fr", "stranger password 666")
        .await;
    assert_eq!(refusal(&res), "BadCredentials");
    assert_eq!(stranger.get("/espace").await.status(), 302);
    let res = app.browser().sign_in("lea@example.fr", PASSWORD).await;
    assert_eq!(location(&res), "/espace");
}

/// A browser whose requests come from `ip` through the trusted proxy.
fn from_client(app: &TestApp, ip: &str) -> reqwest::Client {
    use reqwest::header::{ACCEPT, HeaderMap, HeaderValue, ORIGIN, REFERER};
    let mut headers = HeaderMap::new();
    headers.insert(ACCEPT, HeaderValue::from_static("text/html"));
    headers.insert(ORIGIN, HeaderValue::from_str(&app.base).unwrap());
    headers.insert(
        REFERER,
        HeaderValue::from_str(&format!("{}/connexion", app.base)).unwrap(),
    );
    headers.insert(
        "x-forwarded-for",
        HeaderValue::from_str(&format!("203.0.113.9, {ip}")).unwrap(),
    );
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(std::time::Duration::from_secs(30))
        .default_headers(headers)
        .build()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stranger_cannot_lock_the_owner_out() {
    let app = TestApp::spawn_behind_proxy().await;
    app.user().await;
    let attacker = from_client(&app, "198.51.100.66");
    let post = |c: &reqwest::Client, url: &str, form: Vec<(&'static str, &'static str)>| {
        let req = c.post(format!("{}{url}", app.base)).form(&form);
        async move { location(&req.send().await.unwrap()) }
    };
    let mut last = None;
    for _ in 0..15 {
        last = Some(
            post(
                &attacker,
                "/api/connexion",
                vec![
                    ("email", "marie@example.fr"),
                    ("password", "guess guess guess"),
                ],
            )
            .await,
        );
    }
    let rate_limited = |last: &Option<_>| error_in(last.as_ref().unwrap()).unwrap();
    assert_eq!(rate_limited(&last), serde_json::json!("RateLimited"));
    for _ in 0..8 {
        last = Some(
            post(
                &attacker,
                "/api/mot-de-passe-oublie",
                vec![("email", "marie@example.fr")],
            )
            .await,
        );
    }
    assert_eq!(rate_limited(&last), serde_json::json!("RateLimited"));
    app.mail().await;

    // Marie, from her own connection, signs in and gets a reset link.
    let marie = from_client(&app, "192.0.2.10");
    let to = post(
        &marie,
        "/api/connexion",
        vec![("email", "marie@example.fr"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(to, "/espace");
    let to = post(
        &marie,
        "/api/mot-de-passe-oublie",
        vec![("email", "marie@example.fr")],
    )
    .await;
    assert_eq!(error_in(&to), None, "{to}");
    let mails = app.mail().await;
    assert_eq!(mails.len(), 1, "Marie's reset link is sent");
    assert_eq!(mails[0].to, "marie@example.fr");
}

/// Bytes of every file under `dir`.
fn dir_size(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| {
                    let m = e.metadata().unwrap();
                    if m.is_dir() {
                        dir_size(&e.path())
                    } else {
                        m.len()
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn anonymous_oversized_posts_do_not_grow_the_database() {
    use sea_orm::{EntityTrait, PaginatorTrait};
    // Behind a proxy, with a new client address each time, so that the
    // rate limits do not hide what the posts themselves would store.
    let app = TestApp::spawn_behind_proxy().await;
    let sessions = || app::server::db::session::Entity::find().count(&app.state.db);
    let before_rows = sessions().await.unwrap();
    let before = dir_size(&app.data_dir);
    let body = std::sync::Arc::new(format!(
        "email={}%40example.fr&name=x&password=x",
        "a".repeat(256 * 1024)
    ));
    let mut kept = None;
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..1000u32 {
        let client = from_client(
            &app,
            &format!("10.{}.{}.{}", i / 65536, (i / 256) % 256, i % 256),
        );
        let url = format!(
            "{}{}",
            app.base,
            if i % 2 == 0 {
                "/api/connexion"
            } else {
                "/api/inscription"
            }
        );
        let body = body.clone();
        tasks.spawn(async move {
            let res = client
                .post(url)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(body.to_string())
                .send()
                .await
                .unwrap();
            let cookies: Vec<String> = res
                .headers()
                .get_all("set-cookie")
                .iter()
                .map(|v| v.to_str().unwrap().to_owned())
                .collect();
            (location(&res), cookies)
        });
        if tasks.len() >= 8 {
            let (to, cookies) = tasks.join_next().await.unwrap().unwrap();
            assert!(error_in(&to).is_some(), "refused: {to}");
            kept = kept.or(cookies
                .into_iter()
                .find(|c| c.starts_with("cohorte_flash=")));
        }
    }
    while let Some(r) = tasks.join_next().await {
        let (to, _) = r.unwrap();
        assert!(error_in(&to).is_some(), "refused: {to}");
    }
    assert_eq!(sessions().await.unwrap(), before_rows, "no session row");
    let after = dir_size(&app.data_dir);
    assert!(
        after <= before + 1024 * 1024,
        "data directory grew from {before} to {after} bytes"
    );
    // What is kept for the next page is cut to the field's limit.
    let kept = kept.expect("the typed address is kept for the form");
    assert!(
        kept.len() < 2 * 1024,
        "flash cookie of {} bytes",
        kept.len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_carry_a_nonce_csp_and_the_other_security_headers() {
    let app = TestApp::spawn().await;
    let res = app.browser().get("/").await;
    assert_eq!(res.status(), 200);
    let h = res.headers().clone();
    let csp = h
        .get("content-security-policy")
        .expect("CSP")
        .to_str()
        .unwrap()
        .to_owned();
    let html = res.text().await.unwrap();
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|s| s.split('\'').next())
        .expect("a nonce in the CSP");
    assert!(nonce.len() >= 22, "{nonce}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(
        html.contains(&format!("nonce=\"{nonce}\"")),
        "the hydration script carries the header's nonce"
    );
    assert!(
        !html.contains(&format!("crossorigin=\"{nonce}\"")),
        "leptos#4843: no nonce in crossorigin"
    );
    // Every inline script has the nonce.
    for part in html.split("<script").skip(1) {
        let tag = part.split('>').next().unwrap();
        assert!(tag.contains("src=") || tag.contains(nonce), "<script{tag}>");
    }
    assert!(h.get("permissions-policy").is_some());
    assert!(
        h.get("strict-transport-security").is_none(),
        "not in development"
    );
    assert_eq!(h["x-frame-options"], "DENY");
    assert_eq!(h["x-content-type-options"], "nosniff");

    // A second page gets another nonce.
    let res = app.browser().get("/connexion").await;
    let other = res.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_ne!(other, csp);
}

/// The `/pkg/...` names a page points at (stylesheet, JS, wasm).
fn pkg_names(html: &str) -> Vec<String> {
    html.split("\"/pkg/")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(|s| format!("/pkg/{s}"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn built_files_have_hashed_names_kept_a_year() {
    let app = TestApp::spawn().await;
    let html = app.browser().page("/").await;
    let names = pkg_names(&html);
    // The hydration script names the JS and wasm as strings, not paths.
    let hash = names
        .iter()
        .find_map(|n| n.strip_prefix("/pkg/cohorte.")?.strip_suffix(".css"))
        .expect("a hashed stylesheet")
        .to_owned();
    assert_eq!(hash.len(), 16, "{names:?}");
    for file in ["js", "wasm"] {
        let preload = format!("/pkg/cohorte.{hash}.{file}");
        assert!(names.contains(&preload), "{preload} in {names:?}");
    }
    let client = reqwest::Client::new();
    for file in ["css", "js", "wasm"] {
        let res = client
            .get(format!("{}/pkg/cohorte.{hash}.{file}", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{file}");
        assert_eq!(
            res.headers()["cache-control"],
            "public, max-age=31536000, immutable",
            "{file}"
        );
        let plain = client
            .get(format!("{}/pkg/cohorte.{file}", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(plain.headers()["cache-control"], "no-cache", "{file}");
        assert_eq!(res.bytes().await.unwrap(), plain.bytes().await.unwrap());
    }
    // Another release's name is not found (never an old file kept a year).
    let res = client
        .get(format!("{}/pkg/cohorte.0000000000000000.css", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sweeper_removes_only_old_files_that_no_row_references() {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let app = TestApp::spawn().await;
    let dir = app::server::service::attachments::files_dir(&app.data_dir);
    std::fs::create_dir_all(&dir).unwrap();
    let two_days_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(48 * 3600);
    for name in ["referenced.pdf", "old-orphan.pdf", "fresh-orphan.pdf"] {
        let f = std::fs::File::create(dir.join(name)).unwrap();
        if name != "fresh-orphan.pdf" {
            f.set_modified(two_days_ago).unwrap();
        }
    }
    app::server::db::attachment::ActiveModel {
        owner_type: Set("application".into()),
        owner_id: Set(1),
        kind: Set("cv".into()),
        stored_name: Set("referenced.pdf".into()),
        original_name: Set("cv.pdf".into()),
        size: Set(0),
        uploaded_by: Set(None),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .unwrap();
    let removed =
        app::server::service::sweeper::sweep(&app.state.db, &app.data_dir, chrono::Utc::now())
            .await
            .unwrap();
    assert_eq!(removed, ["old-orphan.pdf"]);
    assert!(dir.join("referenced.pdf").exists());
    assert!(
        dir.join("fresh-orphan.pdf").exists(),
        "an upload in progress is spared"
    );
    assert!(!dir.join("old-orphan.pdf").exists());
    assert!(app.audited("files.orphans_removed").await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn production_adds_hsts() {
    let app = TestApp::spawn_production().await;
    let res = app.browser().get("/").await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["strict-transport-security"],
        "max-age=63072000; includeSubDomains"
    );
    assert!(res.headers().get("content-security-policy").is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn page_views_do_not_write_the_session_every_time() {
    use sea_orm::EntityTrait;
    let app = TestApp::spawn().await;
    let b = app.user().await;
    b.page("/espace").await;
    let rows = || app::server::db::session::Entity::find().all(&app.state.db);
    let before = rows().await.unwrap();
    assert_eq!(before.len(), 1);
    for _ in 0..3 {
        b.page("/espace").await;
        b.page("/defis").await;
    }
    let after = rows().await.unwrap();
    assert_eq!(
        before[0].expires_at, after[0].expires_at,
        "page views within a minute leave the session row alone"
    );
    assert_eq!(before[0].data, after[0].data);
}

/// Leptos suppresses resource loading process-wide while it generates a
/// route list (leptos-rs/leptos#4773): a page whose resource first polled
/// meanwhile waited forever. Every router of a process (the tests start
/// many; so would a second instance in one process) must therefore reuse
/// one route list, and pages rendered while routers are built all finish.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn building_routers_never_stalls_a_page_rendered_meanwhile() {
    let app = TestApp::spawn().await;
    let (config, state) = (app.config.clone(), app.state.clone());
    let builds = tokio::task::spawn_blocking(move || {
        for _ in 0..100 {
            drop(server::http::router(&config, state.clone()));
        }
    });
    let client = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(10))
        .build()
        .unwrap();
    let mut rendered = 0;
    // At least one batch, however fast the builds.
    while rendered == 0 || !builds.is_finished() {
        let mut batch = tokio::task::JoinSet::new();
        for _ in 0..8 {
            let (client, url) = (client.clone(), format!("{}/", app.base));
            batch.spawn(async move {
                let res = client.get(url).send().await?;
                let status = res.status();
                res.text().await.map(|body| (status, body))
            });
        }
        while let Some(done) = batch.join_next().await {
            let (status, body) = done.unwrap().expect("the page finished rendering");
            assert_eq!(status, 200);
            assert!(body.contains("</html>"));
            rendered += 1;
        }
    }
    builds.await.unwrap();
    assert!(rendered > 0);
}

/// The legal notice and the accessibility statement give the programme
/// team's address, from the `COHORTE_CONTACT` setting.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_legal_pages_give_the_programme_team_s_address() {
    let app = TestApp::spawn().await;
    for page in ["/mentions-legales", "/accessibilite"] {
        let html = app.browser().page(page).await;
        assert!(shows(&html, fr(Msg::ContactLine)), "{page}");
        assert!(
            html.contains(r#"href="mailto:equipe@programme.example""#),
            "{page}: {html}"
        );
    }
}
