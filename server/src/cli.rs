//! The command-line actions.

use crate::config::{Config, MailMode};
use crate::http;
use anyhow::{Context, bail};
use app::domain::{Email, Password, PersonName, Role};
use app::server::mail::Mailer;
use app::server::service::{Origin, admin, passwords};
use app::server::{AppState, Settings, db, jobs};
use migrations::{Migrator, MigratorTrait};
use sea_orm::DatabaseConnection;
use std::io::Read;
use std::net::SocketAddr;

pub async fn migrate(config: &Config) -> anyhow::Result<DatabaseConnection> {
    std::fs::create_dir_all(&config.data_dir)
        .with_context(|| format!("creating {}", config.data_dir.display()))?;
    let db = db::connect(&config.database_url)
        .await
        .with_context(|| "connecting to the database (COHORTE_DATABASE_URL)".to_string())?;
    Migrator::up(&db, None).await.context("migrating")?;
    Ok(db)
}

pub fn mailer(config: &Config) -> anyhow::Result<Mailer> {
    Ok(match &config.mail {
        MailMode::File => Mailer::file(config.data_dir.join("mail")).map_err(anyhow::Error::msg)?,
        MailMode::Smtp(url) => Mailer::smtp(url).map_err(anyhow::Error::msg)?,
        MailMode::Stub => Mailer::stub(),
    })
}

pub fn app_state(config: &Config, db: DatabaseConnection) -> anyhow::Result<AppState> {
    let settings = Settings {
        base_url: config.base_url.clone(),
        production: config.production,
        data_dir: config.data_dir.clone(),
        mail_from: config.mail_from.clone(),
        contact: config.contact.clone(),
        trust_proxy: config.trust_proxy,
        reschedule_hours: config.reschedule_hours,
        cancel_hours: config.cancel_hours,
    };
    Ok(AppState::new(db, settings, mailer(config)?))
}

/// Binds `config.addr`, then serves as [`start_on`].
pub async fn start(
    config: &Config,
    state: AppState,
) -> anyhow::Result<(SocketAddr, tokio::task::JoinHandle<()>)> {
    passwords::warm_up();
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("binding {}", config.addr))?;
    start_on(listener, config, state).await
}

/// Serves on `listener`, already bound, spawns the workers and returns the
/// bound address (it replaces `config.addr`); the server runs until
/// `state.stopping` is cancelled, then finishes the requests in flight. Tests bind port 0 once, build the configuration with the
/// port they got, and hand the listener over: nobody can take the port in
/// between.
pub async fn start_on(
    listener: tokio::net::TcpListener,
    config: &Config,
    state: AppState,
) -> anyhow::Result<(SocketAddr, tokio::task::JoinHandle<()>)> {
    // Done once per process (`start` has already done it before binding).
    passwords::warm_up();
    let addr = listener.local_addr()?;
    let mut config = config.clone();
    config.addr = addr;
    let state_stopping = state.stopping.clone();
    let router = http::router(&config, state);
    // Nagle's algorithm off: on a kept-alive connection a response written
    // in two segments would otherwise wait for the client's delayed ACK
    // (~40 ms per response, measured on /pkg files).
    use axum::serve::ListenerExt;
    let listener = listener.tap_io(|tcp| {
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::warn!(error = %e, "TCP_NODELAY");
        }
    });
    let stopping = state_stopping;
    let handle = tokio::spawn(async move {
        let service = router.into_make_service_with_connect_info::<SocketAddr>();
        // Once stopping: no new connection; requests in flight finish.
        if let Err(e) = axum::serve(listener, service)
            .with_graceful_shutdown(stopping.cancelled_owned())
            .await
        {
            tracing::error!(error = %e, "server stopped");
        }
    });
    Ok((addr, handle))
}

pub async fn serve(config: Config) -> anyhow::Result<()> {
    let db = migrate(&config).await?;
    app::server::service::exports::sweep_temporary(&config.data_dir);
    let state = app_state(&config, db)?;
    let work = jobs::spawn(state.clone());
    if config.production {
        tracing::info!("production mode: Secure __Host- cookies, SMTP mail");
    } else {
        tracing::info!(mail = ?config.mail, "development mode");
    }
    let stopping = state.stopping.clone();
    let (addr, handle) = start(&config, state).await?;
    println!("Cohorte écoute sur http://{addr}  (serving on http://{addr})");
    tokio::spawn(give_back_memory());
    tokio::spawn(stop_on_signal(stopping.clone()));
    drain(handle, work, &stopping).await
}

/// How long requests in flight and the scheduled work may take, in all,
/// to finish once the server is asked to stop (under the 30 s an
/// orchestrator usually waits before SIGKILL).
const DRAIN: std::time::Duration = std::time::Duration::from_secs(25);

/// SIGTERM (what a service manager or an orchestrator sends) or Ctrl-C.
async fn stop_on_signal(stopping: tokio_util::sync::CancellationToken) {
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::warn!(error = %e, "SIGTERM handler");
                std::future::pending::<()>().await
            }
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = term => {}
        _ = tokio::signal::ctrl_c() => {}
    }
    tracing::info!("stopping: no new connection, finishing what is in flight");
    stopping.cancel();
}

/// Waits for the HTTP server to stop (after the requests in flight), then
/// for the worker and the scheduled work (the worker gives its leases
/// back), all within `DRAIN` of the stop. An HTTP server that ended on its
/// own (not asked to) is an error: the process exits non-zero, for its
/// supervisor to restart it.
pub async fn drain(
    mut http: tokio::task::JoinHandle<()>,
    work: Vec<tokio::task::JoinHandle<()>>,
    stopping: &tokio_util::sync::CancellationToken,
) -> anyhow::Result<()> {
    let asked = tokio::select! {
        _ = &mut http => {
            let asked = stopping.is_cancelled();
            stopping.cancel();
            asked
        }
        _ = stopping.cancelled() => true,
    };
    let deadline = tokio::time::Instant::now() + DRAIN;
    if !http.is_finished() && tokio::time::timeout_at(deadline, &mut http).await.is_err() {
        tracing::warn!("requests still in flight after the drain delay: stopping anyway");
    }
    let all = async {
        for task in work {
            let _ = task.await;
        }
    };
    if tokio::time::timeout_at(deadline, all).await.is_err() {
        tracing::warn!("scheduled work still running after the drain delay: stopping anyway");
    }
    if !asked {
        anyhow::bail!("the HTTP server stopped by itself");
    }
    tracing::info!("stopped cleanly");
    Ok(())
}

/// mimalloc (the binary's allocator) purges freed memory lazily, when a
/// thread next allocates: an idle server kept what start-up freed (45-50 MB
/// resident a second after the first page instead of 26 MB). `mi_collect`
/// collects the calling thread's heap and purges what the arenas hold
/// free; once the start-up jobs are done (3 s), then every minute (other
/// threads purge their own pages as they work).
async fn give_back_memory() {
    let mut tick = tokio::time::interval_at(
        tokio::time::Instant::now() + std::time::Duration::from_secs(3),
        std::time::Duration::from_secs(60),
    );
    loop {
        tick.tick().await;
        // SAFETY: mi_collect only returns free pages of mimalloc's own
        // heaps to the system; it is callable from any thread at any time.
        unsafe { libmimalloc_sys::mi_collect(true) };
    }
}

/// The password from standard input (`--password-stdin`), typed at a
/// prompt, or — without a terminal to ask on — generated and printed.
fn read_password(from_stdin: bool) -> anyhow::Result<(String, bool)> {
    use std::io::IsTerminal;
    if from_stdin {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s)?;
        return Ok((s.trim_end_matches(['\n', '\r']).to_owned(), false));
    }
    if !std::io::stdin().is_terminal() {
        return Ok((app::server::service::tokens::random_secret(12), true));
    }
    let first = rpassword::prompt_password("Mot de passe (12 caractères minimum) : ")?;
    let again = rpassword::prompt_password("Confirmez le mot de passe : ")?;
    if first != again {
        bail!("les deux saisies diffèrent / the two entries differ");
    }
    Ok((first, false))
}

pub async fn create_admin(
    config: &Config,
    email: &str,
    name: &str,
    password_stdin: bool,
) -> anyhow::Result<()> {
    let email = Email::parse(email).map_err(|m| anyhow::anyhow!(app::i18n::Locale::Fr.t(m)))?;
    let name = PersonName::parse(name).map_err(|m| anyhow::anyhow!(app::i18n::Locale::Fr.t(m)))?;
    let (raw, generated) = read_password(password_stdin)?;
    let password = Password::parse(&raw, &[email.as_str(), name.as_str()]).map_err(|m| {
        anyhow::anyhow!(
            "{} / {}",
            app::i18n::Locale::Fr.t(m),
            app::i18n::Locale::En.t(m)
        )
    })?;
    let db = migrate(config).await?;
    let hash = passwords::hash(password.expose().to_owned())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let (_, created) = admin::ensure_account(
        &db,
        &Origin::default(),
        &email,
        &name,
        hash,
        true,
        &[Role::Admin],
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    if generated {
        println!("Mot de passe généré (notez-le, il ne sera plus affiché) : {raw}");
    }
    if created {
        println!("Compte administrateur créé : {email}");
    } else {
        println!(
            "Le compte {email} existe : il est maintenant administrateur et son mot de passe a été remplacé."
        );
    }
    Ok(())
}

/// `extra`: dossiers to add to the demo promotion (benchmarks), on top of
/// the demo created once.
pub async fn seed_demo(config: &Config, mut extra: crate::seed::Extra) -> anyhow::Result<()> {
    if config.production {
        bail!("seed-demo refuses to run with COHORTE_ENV=production");
    }
    let db = migrate(config).await?;
    extra.data_dir = config.data_dir.clone();
    crate::seed::run(&db, &config.base_url, extra).await
}

/// `cohorte match FILE`: the result JSON on stdout and status 0, or a
/// precise error on stderr, nothing on stdout, and status 2.
pub fn run_match(file: &str) -> i32 {
    use app::domain::matching::{output_json, parse_json, run};
    read_input(file, |text| match parse_json(text).and_then(|i| run(&i)) {
        Ok(outcome) => {
            // The bytes a run in the product saves.
            print!("{}", output_json(&outcome));
            0
        }
        Err(e) => {
            eprintln!("Erreur / error: {e}");
            2
        }
    })
}

/// Prints the audit's violations (English, with their event) and a
/// summary; status 0 when sound, 1 otherwise.
fn report(log: &app::domain::offers::Log) -> i32 {
    let violations = app::domain::offers::verify(log);
    for v in &violations {
        println!("{v}");
    }
    if violations.is_empty() {
        println!(
            "OK: {} events, {} slots, {} candidates; every rule holds.",
            log.events.len(),
            log.slots.len(),
            log.candidates.len()
        );
        0
    } else {
        println!("{} violation(s).", violations.len());
        1
    }
}

/// `cohorte verify-offers --log FILE`: the audit of an exported log.
pub fn verify_log(file: &str) -> i32 {
    read_input(file, |text| match app::domain::offers::parse_json(text) {
        Ok(log) => report(&log),
        Err(e) => {
            eprintln!("Erreur / error: {e}");
            2
        }
    })
}

/// `cohorte verify-offers PROMOTION`: the audit of a promotion's log as
/// the database holds it.
/// A promotion without offers, or a database that cannot be read, is
/// status 2 (nothing was audited).
pub async fn verify_promotion(config: &Config, promotion: i64) -> i32 {
    let db = match migrate(config).await {
        Ok(db) => db,
        Err(e) => {
            eprintln!("Erreur / error: {e:#}");
            return 2;
        }
    };
    match app::server::service::formation::offers::log_of(&db, promotion).await {
        Ok(Some((_, log))) => report(&log),
        Ok(None) => {
            eprintln!(
                "Erreur / error: promotion {promotion}: no validated team formation, no offers"
            );
            2
        }
        Err(e) => {
            eprintln!("Erreur / error: promotion {promotion}: {e}");
            2
        }
    }
}

/// `cohorte assign FILE`: the same contract for the reviewer assignment
/// (an infeasible input is a result, status 0).
pub fn run_assign(file: &str) -> i32 {
    run_engine(file, |text| {
        app::domain::assignment::parse_json(text).and_then(|i| app::domain::assignment::run(&i))
    })
}

/// Reads FILE (`-`: standard input), runs a pure engine, prints its JSON.
fn run_engine<T: serde::Serialize, E: std::fmt::Display>(
    file: &str,
    engine: impl Fn(&str) -> Result<T, E>,
) -> i32 {
    read_input(file, |text| match engine(text) {
        Ok(outcome) => {
            println!(
                "{}",
                serde_json::to_string_pretty(&outcome).expect("outcome serialises")
            );
            0
        }
        Err(e) => {
            eprintln!("Erreur / error: {e}");
            2
        }
    })
}

/// Reads FILE (`-`: standard input) and hands its text to `then`; a file
/// that cannot be read is status 2.
fn read_input(file: &str, then: impl FnOnce(&str) -> i32) -> i32 {
    let text = if file == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).map(|_| s)
    } else {
        std::fs::read_to_string(file)
    };
    match text {
        Ok(t) => then(&t),
        Err(e) => {
            eprintln!("Erreur / error: {file}: {e}");
            2
        }
    }
}
