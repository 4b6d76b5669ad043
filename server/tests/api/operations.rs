//! What operators run: `cohorte backup` and `restore` (a round trip with
//! files, taken while the server writes), `cohorte check`, and a server
//! stopped with SIGTERM while a request is in flight.

use crate::applications::{autosave, saved_draft, upload};
use crate::helpers::{PDF, Sink, TestApp, cohorte, site_root};

fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "cohorte-ops-{name}-{}-{:?}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// `cohorte ARGS` off the runtime's threads (the test's server goes on
/// serving meanwhile).
async fn run(args: Vec<String>, env: Vec<(String, String)>) -> (i32, String, String) {
    tokio::task::spawn_blocking(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        cohorte(&args, &env)
    })
    .await
    .unwrap()
}

fn env_of(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_serving_restores_with_its_files() {
    let app = TestApp::spawn().await;
    let (ada, id, fields) = saved_draft(&app).await;
    assert!(upload(&ada, id, "cv", PDF).await.status().is_redirection());
    let url = app.config.database_url.clone();
    let data = app.data_dir.display().to_string();
    let dir = temp("backup");
    let live = [
        ("COHORTE_DATABASE_URL", url.as_str()),
        ("COHORTE_DATA_DIR", data.as_str()),
    ];
    // Saves go on while the backup runs.
    let busy = {
        let (ada, fields) = (ada.clone(), fields.clone());
        tokio::spawn(async move {
            for _ in 0..20 {
                assert_eq!(autosave(&ada, id, &fields).await.0, 200);
            }
        })
    };
    let (status, out, err) = run(
        vec!["backup".into(), dir.display().to_string()],
        env_of(&live),
    )
    .await;
    busy.await.unwrap();
    assert_eq!(status, 0, "{out}{err}");
    assert!(dir.join("backup.json").is_file());
    if url.starts_with("postgres") {
        // PostgreSQL: the connection is checked, the database dumped (or,
        // without pg_dump, the command printed), the files copied.
        assert!(
            dir.join("cohorte.dump").is_file() || out.contains("pg_dump --format=custom"),
            "{out}"
        );
        assert_eq!(std::fs::read_dir(dir.join("files")).unwrap().count(), 1);
        let _ = std::fs::remove_dir_all(&dir);
        return;
    }
    // A folder that is not empty is refused.
    let (status, _, err) = run(
        vec!["backup".into(), dir.display().to_string()],
        env_of(&live),
    )
    .await;
    assert_eq!(status, 1);
    assert!(err.contains("n'est pas vide"), "{err}");

    let target = temp("restored");
    let restored_env = env_of(&[("COHORTE_DATA_DIR", &target.display().to_string())]);
    let (status, out, err) = run(
        vec!["restore".into(), dir.display().to_string()],
        restored_env.clone(),
    )
    .await;
    assert_eq!(status, 0, "{out}{err}");
    let db = sea_orm::Database::connect(format!(
        "sqlite://{}/cohorte.sqlite?mode=ro",
        target.display()
    ))
    .await
    .unwrap();
    use sea_orm::EntityTrait;
    let dossier = app::server::db::application::Entity::find_by_id(id)
        .one(&db)
        .await
        .unwrap()
        .expect("the dossier");
    assert_eq!(dossier.skills, "Rust, SQL");
    let cv = app::server::db::attachment::Entity::find()
        .one(&db)
        .await
        .unwrap()
        .expect("the CV's row");
    let bytes = std::fs::read(target.join("files").join(&cv.stored_name)).unwrap();
    assert_eq!(bytes, PDF);
    let _ = db.close().await;
    // Restoring over data is refused.
    let (status, _, err) = run(
        vec!["restore".into(), dir.display().to_string()],
        restored_env,
    )
    .await;
    assert_eq!(status, 1);
    assert!(err.contains("n'est pas vide"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&target);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn check_names_what_is_wrong_and_fails_on_it() {
    let data = temp("check");
    let site = site_root().display().to_string();
    let data_s = data.display().to_string();
    let base = [
        ("COHORTE_DATA_DIR", data_s.as_str()),
        ("LEPTOS_SITE_ROOT", site.as_str()),
    ];
    // Development defaults: fine, with warnings (file mail, pending
    // migrations on a new database, development mode).
    let (status, out, _) = run(vec!["check".into()], env_of(&base)).await;
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("OK         dossier de données"), "{out}");
    assert!(out.contains("ATTENTION  courriel"), "{out}");
    // An SMTP server that answers, then one that does not.
    let sink = Sink::start().await;
    let smtp = [
        base.as_slice(),
        &[
            ("COHORTE_MAIL", "smtp"),
            ("COHORTE_SMTP_URL", sink.url.as_str()),
        ],
    ]
    .concat();
    let (status, out, _) = run(vec!["check".into()], env_of(&smtp)).await;
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("OK         serveur SMTP joignable"), "{out}");
    sink.set_up(false);
    let (status, out, _) = run(vec!["check".into()], env_of(&smtp)).await;
    assert_eq!(status, 1, "{out}");
    assert!(out.contains("ÉCHEC      serveur SMTP injoignable"), "{out}");
    // A data directory that cannot be written, a site not built.
    let file = data.join("a-file");
    std::fs::write(&file, b"x").unwrap();
    let below = file.join("data").display().to_string();
    let (status, out, _) = run(
        vec!["check".into()],
        env_of(&[
            ("COHORTE_DATA_DIR", below.as_str()),
            ("LEPTOS_SITE_ROOT", "/nonexistent"),
        ]),
    )
    .await;
    assert_eq!(status, 1);
    assert!(
        out.contains("ÉCHEC      dossier de données non inscriptible"),
        "{out}"
    );
    assert!(out.contains("ÉCHEC      site non construit"), "{out}");
    // Production settings that cannot work.
    let prod = [base.as_slice(), &[("COHORTE_ENV", "production")]].concat();
    let (status, out, _) = run(vec!["check".into()], env_of(&prod)).await;
    assert_eq!(status, 1);
    assert!(out.contains("ÉCHEC      configuration"), "{out}");
    let _ = std::fs::remove_dir_all(&data);
}

/// A free port of the loopback (bound, then let go).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `cohorte serve` asked to stop (SIGTERM) while a request is in flight:
/// it stops accepting at once, answers that request, stops cleanly with
/// status 0. Its log is JSON (`COHORTE_LOG_FORMAT=json`), each request's
/// line with its id.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_finishes_the_request_in_flight_then_stops_cleanly() {
    use std::io::{Read, Write};
    if std::env::var("COHORTE_TEST_DATABASE_URL").is_ok_and(|u| !u.is_empty()) {
        return; // The same process on either database: run once, on SQLite.
    }
    let data = temp("serve");
    let addr = format!("127.0.0.1:{}", free_port());
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_cohorte"))
        .arg("serve")
        .current_dir(std::env::temp_dir())
        .env("COHORTE_DATA_DIR", &data)
        .env("COHORTE_ADDR", &addr)
        .env("COHORTE_MAIL", "file")
        .env("COHORTE_LOG_FORMAT", "json")
        .env("LEPTOS_SITE_ROOT", site_root())
        .env_remove("COHORTE_DATABASE_URL")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Read as it comes (a full pipe would block the server).
    let mut out = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut log = String::new();
        let _ = out.read_to_string(&mut log);
        log
    });
    let client = reqwest::Client::new();
    let mut up = false;
    for _ in 0..300 {
        if let Ok(r) = client.get(format!("http://{addr}/healthz")).send().await {
            assert!(r.headers().contains_key("x-request-id"));
            up = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(up, "the server started");
    // A language change whose body is not all sent yet: in flight.
    let mut c = std::net::TcpStream::connect(&addr).unwrap();
    write!(
        c,
        "POST /langue HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://{addr}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\n\r\nlang"
    )
    .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(
        std::net::TcpStream::connect(&addr).is_err(),
        "no new connection once stopping"
    );
    c.write_all(b"=en").unwrap();
    let mut answer = String::new();
    c.set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    let _ = c.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 303"), "{answer}");
    let mut status = None;
    for _ in 0..300 {
        if let Some(s) = child.try_wait().unwrap() {
            status = Some(s);
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let status = status.unwrap_or_else(|| {
        let _ = child.kill();
        panic!("still running 30 s after SIGTERM")
    });
    let log = reader.join().unwrap();
    assert!(status.success(), "{status}: {log}");
    assert!(log.contains("stopped cleanly"), "{log}");
    let lines: Vec<serde_json::Value> = log
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    let answered: Vec<_> = lines
        .iter()
        .filter(|l| l["fields"]["message"] == "answered")
        .collect();
    assert!(answered.len() >= 2, "{log}");
    assert!(
        answered
            .iter()
            .all(|l| l["span"]["id"].as_str().is_some_and(|i| !i.is_empty()))
    );
    let _ = std::fs::remove_dir_all(&data);
}
