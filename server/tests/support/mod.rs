//! `TestApp`: the real server on a random port, a fresh database per test
//! (SQLite file by default, a new PostgreSQL database when
//! `COHORTE_TEST_DATABASE_URL` is set), mail through the stub transport, and
//! an HTTP client that behaves like a browser without JavaScript.

#![allow(dead_code)]

use app::server::AppState;
use app::server::mail::StubMail;
use reqwest::header::{ACCEPT, HeaderMap, HeaderValue, LOCATION, ORIGIN, REFERER};
use reqwest::{Client, Response, redirect};
use sea_orm::{ConnectionTrait, Database};
use server::config::{Config, MailMode};
use std::net::SocketAddr;
use std::path::PathBuf;

pub struct TestApp {
    pub base: String,
    pub state: AppState,
    pub data_dir: PathBuf,
    /// What the server was started with.
    pub config: Config,
    /// How many stub messages tests have already read.
    read: std::sync::atomic::AtomicUsize,
}

async fn database_url(data_dir: &std::path::Path) -> String {
    match std::env::var("COHORTE_TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
    {
        None => format!("sqlite://{}/test.sqlite?mode=rwc", data_dir.display()),
        Some(admin_url) => {
            let name = format!("cohorte_t_{:016x}", rand_u64());
            let admin = Database::connect(&admin_url)
                .await
                .expect("PostgreSQL reachable");
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create test database");
            let (base, _) = admin_url.rsplit_once('/').expect("URL has a database name");
            format!("{base}/{name}")
        }
    }
}

fn rand_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos(),
    );
    h.finish()
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(false).await
    }

    /// With `COHORTE_ENV=production`'s HTTP behaviour (HSTS, `Secure`
    /// cookies); mail still goes to the stub.
    pub async fn spawn_production() -> TestApp {
        Self::spawn_inner(false, true).await
    }

    /// As behind a reverse proxy (`COHORTE_TRUST_PROXY`): the client
    /// address is the last `X-Forwarded-For` entry.
    pub async fn spawn_behind_proxy() -> TestApp {
        Self::spawn_with(true).await
    }

    async fn spawn_with(trust_proxy: bool) -> TestApp {
        Self::spawn_inner(trust_proxy, false).await
    }

    async fn spawn_inner(trust_proxy: bool, production: bool) -> TestApp {
        let data_dir = std::env::temp_dir().join(format!("cohorte-test-{:016x}", rand_u64()));
        std::fs::create_dir_all(&data_dir).unwrap();
        let config = Config {
            database_url: database_url(&data_dir).await,
            data_dir: data_dir.clone(),
            addr: "127.0.0.1:0".parse().unwrap(),
            base_url: String::new(),
            mail: MailMode::Stub,
            mail_from: "Cohorte <test@cohorte.localhost>".into(),
            production,
            trust_proxy,
            site_root: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/site"),
        };
        let db = server::cli::migrate(&config).await.expect("migrations run");
        // The base URL (used in emailed links) is only known once bound.
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr: SocketAddr = listener.local_addr().unwrap();
        drop(listener);
        let config = Config {
            addr,
            base_url: format!("http://{addr}"),
            ..config
        };
        let state = server::cli::app_state(&config, db).unwrap();
        server::cli::start(&config, state.clone())
            .await
            .expect("server starts");
        TestApp {
            base: format!("http://{addr}"),
            config,
            state,
            data_dir,
            read: Default::default(),
        }
    }

    /// A new browser: its own cookie jar, no JavaScript, no automatic
    /// redirects (tests look at them).
    pub fn browser(&self) -> Browser {
        let mut headers = HeaderMap::new();
        headers.insert(
            ACCEPT,
            HeaderValue::from_static("text/html,application/xhtml+xml"),
        );
        headers.insert(ORIGIN, HeaderValue::from_str(&self.base).unwrap());
        Browser {
            base: self.base.clone(),
            client: Client::builder()
                .cookie_store(true)
                .redirect(redirect::Policy::none())
                // A hung request fails the test instead of the whole run.
                .timeout(std::time::Duration::from_secs(30))
                .default_headers(headers)
                .build()
                .unwrap(),
        }
    }

    /// Sends what the outbox holds through the stub, and returns the messages
    /// sent since the last call.
    pub async fn mail(&self) -> Vec<StubMail> {
        app::server::mail::worker::drain_all(&self.state)
            .await
            .unwrap();
        let all = self.state.mailer.stub_outbox();
        let from = self
            .read
            .swap(all.len(), std::sync::atomic::Ordering::SeqCst);
        all[from..].to_vec()
    }

    /// Signs up and verifies `email`, choosing `password` on the
    /// verification page; returns a browser signed in as them.
    pub async fn verified_user(&self, email: &str, name: &str, password: &str) -> Browser {
        let b = self.browser();
        let res = b
            .post(
                "/inscription",
                "/api/inscription",
                &[("email", email), ("name", name)],
            )
            .await;
        assert_eq!(location(&res), "/inscription/envoye", "sign-up of {email}");
        let mails = self.mail().await;
        let mail = mails
            .iter()
            .find(|m| m.to == email)
            .expect("verification mail");
        let token = token_in(&mail.text, "/verification?jeton=");
        let res = b
            .post(
                &format!("/verification?jeton={token}"),
                "/api/verification",
                &[("jeton", &token), ("name", name), ("password", password)],
            )
            .await;
        assert_eq!(location(&res), "/espace");
        b
    }

    pub async fn audit_actions(&self) -> Vec<String> {
        use sea_orm::{EntityTrait, QueryOrder};
        app::server::db::audit_entry::Entity::find()
            .order_by_asc(app::server::db::audit_entry::Column::Id)
            .all(&self.state.db)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect()
    }
}

pub struct Browser {
    pub base: String,
    pub client: Client,
}

impl Browser {
    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap()
    }

    pub async fn page(&self, path: &str) -> String {
        let res = self.get(path).await;
        assert_eq!(res.status(), 200, "GET {path}");
        res.text().await.unwrap()
    }

    /// Posts a form from the page `from`, as a browser without JavaScript.
    pub async fn post(&self, from: &str, action: &str, fields: &[(&str, &str)]) -> Response {
        self.client
            .post(format!("{}{action}", self.base))
            .header(REFERER, format!("{}{from}", self.base))
            .form(fields)
            .send()
            .await
            .unwrap()
    }

    /// Follows the redirect of `res` and returns the page.
    pub async fn follow(&self, res: Response) -> String {
        let to = location(&res);
        self.page(&to).await
    }
}

/// The redirect target of a response, relative to the site.
pub fn location(res: &Response) -> String {
    let loc = res
        .headers()
        .get(LOCATION)
        .unwrap_or_else(|| panic!("no redirect; status {}", res.status()))
        .to_str()
        .unwrap()
        .to_owned();
    match loc.find("://") {
        Some(i) => loc[i + 3..]
            .find('/')
            .map(|j| loc[i + 3 + j..].to_owned())
            .unwrap_or("/".into()),
        None => loc,
    }
}

pub fn token_in(text: &str, marker: &str) -> String {
    let start = text
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} in {text}"))
        + marker.len();
    text[start..]
        .chars()
        .take_while(|c| c.is_ascii_hexdigit())
        .collect()
}

/// The decoded error a no-JS post carried back in its redirect, if any.
pub fn error_in(location: &str) -> Option<serde_json::Value> {
    let url = reqwest::Url::parse(&format!("http://x{location}")).unwrap();
    let raw = url.query_pairs().find(|(k, _)| k == "__err")?.1.to_string();
    use base64::Engine;
    let bytes = base64::engine::general_purpose::URL_SAFE
        .decode(raw)
        .unwrap();
    Some(serde_json::from_slice(&bytes).unwrap())
}
