//! `TestApp`: the real server on a port of its own, a fresh database per
//! test (SQLite file by default, a new PostgreSQL database when
//! `COHORTE_TEST_DATABASE_URL` is set), mail through the stub transport.
//! Dropped, it removes its data directory and its PostgreSQL database.

use super::browser::Browser;
use app::server::AppState;
use app::server::mail::StubMail;
use reqwest::header::{ACCEPT, HeaderMap, HeaderValue, ORIGIN};
use reqwest::{Client, redirect};
use sea_orm::{ConnectionTrait, Database};
use server::config::{Config, MailMode};
use std::path::{Path, PathBuf};

pub struct TestApp {
    pub base: String,
    pub state: AppState,
    pub data_dir: PathBuf,
    /// What the server was started with.
    pub config: Config,
    /// How many stub messages tests have already read.
    read: std::sync::atomic::AtomicUsize,
    /// The PostgreSQL database made for this test, dropped with it.
    postgres: Option<Postgres>,
}

/// The built files a test server serves: small stand-ins for the JS glue,
/// the wasm module and the stylesheet, written once per test process, so
/// that the integration tests need no browser build (the browser tests
/// run against the real one). One folder per test process under cargo's
/// temporary directory (`target/tmp`), so that runs at once never touch
/// each other's files; the folders of processes that ended are removed.
pub fn site_root() -> &'static Path {
    static SITE: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    SITE.get_or_init(|| {
        let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
        for old in std::fs::read_dir(tmp).into_iter().flatten().flatten() {
            let name = old.file_name().to_string_lossy().into_owned();
            let ended = name
                .strip_prefix("cohorte-test-site-")
                .is_some_and(|pid| !Path::new("/proc").join(pid).exists());
            if ended {
                let _ = std::fs::remove_dir_all(old.path());
            }
        }
        let root = tmp.join(format!("cohorte-test-site-{}", std::process::id()));
        let pkg = root.join("pkg");
        std::fs::create_dir_all(&pkg).expect("a site directory");
        let files: [(&str, &[u8]); 3] = [
            ("cohorte.css", include_bytes!("../../../../style/main.css")),
            ("cohorte.js", b"export default async function init() {}\n"),
            // The smallest valid module: magic number and version.
            ("cohorte.wasm", b"\0asm\x01\0\0\0"),
        ];
        for (name, bytes) in files {
            std::fs::write(pkg.join(name), bytes).expect("a site file");
        }
        root
    })
}

/// With `COHORTE_TEST_LOG=FILE` (the Makefile sets it), every test
/// server's log goes to FILE as JSON lines, which `scripts/check-logs.sh`
/// then searches for the fixtures' names, addresses and texts.
fn log_to_file() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let Some(path) = std::env::var_os("COHORTE_TEST_LOG") else {
            return;
        };
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .expect("the test log file");
        server::logs::init_json_file(file);
    });
}

/// A database created on the server of `COHORTE_TEST_DATABASE_URL`.
struct Postgres {
    /// `COHORTE_TEST_DATABASE_URL`, where the database is created and dropped.
    admin_url: String,
    /// `cohorte_t_…` (the Makefile's `clean-pg` drops leftovers by that prefix).
    name: String,
}

/// The database URL for a test whose files go to `data_dir`, and the
/// PostgreSQL database created for it, if any.
async fn database(data_dir: &Path) -> (String, Option<Postgres>) {
    match std::env::var("COHORTE_TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
    {
        None => (
            format!("sqlite://{}/test.sqlite?mode=rwc", data_dir.display()),
            None,
        ),
        Some(admin_url) => {
            let name = format!("cohorte_t_{:016x}", rand_u64());
            let admin = Database::connect(&admin_url)
                .await
                .expect("PostgreSQL reachable");
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create test database");
            let _ = admin.close().await;
            let (base, _) = admin_url.rsplit_once('/').expect("URL has a database name");
            let url = format!("{base}/{name}");
            (url, Some(Postgres { admin_url, name }))
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
        Self::spawn_with(false, false).await
    }

    /// With `COHORTE_ENV=production`'s HTTP behaviour (HSTS, `Secure`
    /// cookies); mail still goes to the stub.
    pub async fn spawn_production() -> TestApp {
        Self::spawn_with(false, true).await
    }

    /// As behind a reverse proxy (`COHORTE_TRUST_PROXY`): the client
    /// address is the last `X-Forwarded-For` entry.
    pub async fn spawn_behind_proxy() -> TestApp {
        Self::spawn_with(true, false).await
    }

    async fn spawn_with(trust_proxy: bool, production: bool) -> TestApp {
        log_to_file();
        // Bound once, here, and handed to the server: the base URL (used in
        // emailed links) is known before the configuration is built, and no
        // other test can take the port in between.
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a free port");
        let addr = listener.local_addr().unwrap();
        let data_dir = std::env::temp_dir().join(format!("cohorte-test-{:016x}", rand_u64()));
        std::fs::create_dir_all(&data_dir).unwrap();
        let (database_url, postgres) = database(&data_dir).await;
        let config = Config {
            database_url,
            data_dir: data_dir.clone(),
            addr,
            base_url: format!("http://{addr}"),
            mail: MailMode::Stub,
            mail_from: "Cohorte <test@cohorte.localhost>".into(),
            contact: "equipe@programme.example".into(),
            production,
            trust_proxy,
            reschedule_hours: 48,
            cancel_hours: 4,
            site_root: site_root().to_path_buf(),
        };
        let db = server::cli::migrate(&config).await.expect("migrations run");
        let state = server::cli::app_state(&config, db).unwrap();
        server::cli::start_on(listener, &config, state.clone())
            .await
            .expect("server starts");
        TestApp {
            base: format!("http://{addr}"),
            config,
            state,
            data_dir,
            read: Default::default(),
            postgres,
        }
    }

    /// A second server on this one's database and data directory, as two
    /// `cohorte serve` behind one public address: its own port, state
    /// (mail to its own stub) and scheduled work to run. Its address and
    /// state; it stops when its state's `stopping` is cancelled.
    pub async fn second_server(&self) -> (String, AppState) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a free port");
        let mut config = self.config.clone();
        config.addr = listener.local_addr().unwrap();
        let db = server::cli::migrate(&config).await.expect("migrations run");
        let state = server::cli::app_state(&config, db).unwrap();
        server::cli::start_on(listener, &config, state.clone())
            .await
            .expect("server starts");
        (format!("http://{}", config.addr), state)
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

    /// Whether the audit log holds an entry of `action`.
    pub async fn audited(&self, action: &str) -> bool {
        self.audit_actions().await.iter().any(|a| a == action)
    }

    /// Asserts that each of `actions` is in the audit log.
    pub async fn assert_audited(&self, actions: &[&str]) {
        let audit = self.audit_actions().await;
        for a in actions {
            assert!(audit.iter().any(|x| x == a), "{a} audited, in {audit:?}");
        }
    }

    /// The actions of the audit log, oldest first.
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

impl Drop for TestApp {
    /// Removes the data directory (the SQLite file with it) and drops the
    /// PostgreSQL database. The test's runtime is still running its server
    /// (this runs inside it), so the drop happens on a thread of its own
    /// with its own runtime; `WITH (FORCE)` ends the server's connections.
    /// Nothing here panics: a test that failed is reported as it failed.
    fn drop(&mut self) {
        self.state.stopping.cancel();
        let _ = std::fs::remove_dir_all(&self.data_dir);
        let Some(Postgres { admin_url, name }) = self.postgres.take() else {
            return;
        };
        let dropped = std::thread::spawn(move || -> Result<(), String> {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| e.to_string())?;
            rt.block_on(async {
                let admin = Database::connect(&admin_url)
                    .await
                    .map_err(|e| e.to_string())?;
                let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                let done = admin.execute_unprepared(&sql).await.map(|_| ());
                let _ = admin.close().await;
                done.map_err(|e| format!("{sql}: {e}"))
            })
        })
        .join();
        match dropped {
            Ok(Ok(())) => {}
            Ok(Err(e)) => eprintln!("test database left behind (make clean-pg): {e}"),
            Err(_) => eprintln!("test database left behind (make clean-pg)"),
        }
    }
}
