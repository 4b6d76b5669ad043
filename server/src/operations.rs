//! What an operator runs beside `serve`: `cohorte backup DIR`, `cohorte
//! restore DIR` and `cohorte check` (docs/reliability.md).
//!
//! A backup is a folder: `cohorte.sqlite` (SQLite's `VACUUM INTO`, a
//! consistent copy taken in one read transaction, safe while the server
//! writes) or, for PostgreSQL, the `pg_dump` command to run (checked to
//! reach the database); `files/` (the uploaded PDFs), checked against the
//! copy's rows; and `backup.json`, what it holds. A restore goes into an
//! empty data directory only.

use crate::config::{Config, MailMode};
use anyhow::{Context, bail};
use app::server::db;
use migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use std::path::{Path, PathBuf};

const DATABASE_FILE: &str = "cohorte.sqlite";
const MANIFEST: &str = "backup.json";

/// The SQLite file of `url` (`sqlite://PATH?mode=rwc`), `None` for
/// another database.
pub fn sqlite_path(url: &str) -> Option<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    Some(PathBuf::from(rest.split('?').next().unwrap_or(rest)))
}

/// `url` without its password, to print.
fn shown(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => url.to_owned(),
    }
}

fn empty_or_missing(dir: &Path) -> anyhow::Result<bool> {
    Ok(match std::fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_none(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
        Err(e) => return Err(e).with_context(|| dir.display().to_string()),
    })
}

/// Copies the regular files of `from` into `to` (created); their count
/// and bytes.
fn copy_files(from: &Path, to: &Path) -> anyhow::Result<(usize, u64)> {
    std::fs::create_dir_all(to).with_context(|| to.display().to_string())?;
    let (mut n, mut bytes) = (0, 0);
    let Ok(entries) = std::fs::read_dir(from) else {
        return Ok((0, 0));
    };
    for entry in entries.flatten() {
        if entry.file_type().is_ok_and(|t| t.is_file()) {
            // A file removed meanwhile (a replaced upload) is not needed.
            if let Ok(b) = std::fs::copy(entry.path(), to.join(entry.file_name())) {
                n += 1;
                bytes += b;
            }
        }
    }
    Ok((n, bytes))
}

/// The stored names the database's attachment rows point to.
async fn referenced(db: &DatabaseConnection) -> anyhow::Result<Vec<String>> {
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT stored_name FROM attachments",
        ))
        .await?;
    Ok(rows
        .iter()
        .filter_map(|r| r.try_get::<String>("", "stored_name").ok())
        .collect())
}

/// Stored names of `db` missing from `files`.
async fn missing(db: &DatabaseConnection, files: &Path) -> anyhow::Result<Vec<String>> {
    Ok(referenced(db)
        .await?
        .into_iter()
        .filter(|name| !files.join(name).is_file())
        .collect())
}

async fn last_migration(db: &DatabaseConnection) -> anyhow::Result<String> {
    let applied = Migrator::get_applied_migrations(db).await?;
    Ok(applied
        .last()
        .map(|m| m.name().to_owned())
        .unwrap_or_default())
}

/// `cohorte backup DIR`.
pub async fn backup(config: &Config, dir: &Path) -> anyhow::Result<()> {
    if !empty_or_missing(dir)? {
        bail!(
            "{} n'est pas vide : choisissez un dossier neuf / is not empty: choose a new folder",
            dir.display()
        );
    }
    std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
    // Dossiers and CVs: readable by the operator only.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    let live = db::connect(&config.database_url)
        .await
        .context("connexion à la base / connecting to the database")?;
    let files = dir.join("files");
    let sqlite = sqlite_path(&config.database_url).is_some();
    let source_files = app::server::service::attachments::files_dir(&config.data_dir);
    let mut dumped = false;
    let (count, bytes, migration) = if sqlite {
        let copy = dir.join(DATABASE_FILE);
        live.execute_raw(Statement::from_sql_and_values(
            DbBackend::Sqlite,
            "VACUUM INTO ?",
            [copy.display().to_string().into()],
        ))
        .await
        .context("copie de la base / copying the database (VACUUM INTO)")?;
        let (count, bytes) = copy_files(&source_files, &files)?;
        // Read only, as it is (the product's connection would turn it to WAL).
        let snapshot =
            sea_orm::Database::connect(format!("sqlite://{}?mode=ro", copy.display())).await?;
        let lost = missing(&snapshot, &files).await?;
        let migration = last_migration(&snapshot).await?;
        snapshot.close().await?;
        if !lost.is_empty() {
            bail!(
                "{} fichier(s) ont changé pendant la sauvegarde : relancez-la / {} file(s) changed during the backup: run it again",
                lost.len(),
                lost.len()
            );
        }
        (count, bytes, migration)
    } else {
        live.execute_unprepared("SELECT 1")
            .await
            .context("PostgreSQL ne répond pas / PostgreSQL does not answer")?;
        // The dump first, then the files: every row of the dump finds its
        // file (a file sent after the dump is only extra).
        dumped = pg_dump(&config.database_url, &dir.join("cohorte.dump"));
        let (count, bytes) = copy_files(&source_files, &files)?;
        (count, bytes, last_migration(&live).await?)
    };
    let manifest = serde_json::json!({
        "format": 1,
        "created_at": chrono::Utc::now().to_rfc3339(),
        "database": if sqlite { "sqlite" } else { "postgresql" },
        "migration": migration,
        "files": count,
        "bytes": bytes,
    });
    std::fs::write(dir.join(MANIFEST), serde_json::to_string_pretty(&manifest)?)?;
    println!(
        "Sauvegarde dans {} : {count} fichier(s), {bytes} octets / backup in {}: {count} file(s), {bytes} bytes",
        dir.display(),
        dir.display()
    );
    if !sqlite && !dumped {
        println!(
            "pg_dump introuvable : lancez cette commande, puis une nouvelle sauvegarde des fichiers / pg_dump not found: run this, then back the files up again\n  pg_dump --format=custom --file={}/cohorte.dump '{}'",
            dir.display(),
            shown(&config.database_url)
        );
    }
    Ok(())
}

/// Runs `pg_dump` into `to` when it is installed; false when it is not
/// (the caller prints the command). A dump that fails is an error worth
/// seeing, printed.
fn pg_dump(url: &str, to: &Path) -> bool {
    match std::process::Command::new("pg_dump")
        .args(["--format=custom", "--no-owner", "--file"])
        .arg(to)
        .arg(url)
        .status()
    {
        Ok(s) if s.success() => {
            println!(
                "Base PostgreSQL copiée / PostgreSQL dumped: {}",
                to.display()
            );
            true
        }
        Ok(s) => {
            eprintln!("pg_dump: {s}");
            false
        }
        Err(_) => false,
    }
}

/// `cohorte restore DIR`: into an empty data directory. A restore that
/// fails leaves it empty again (and the SQLite file it made removed).
pub async fn restore(config: &Config, dir: &Path) -> anyhow::Result<()> {
    let empty_before = empty_or_missing(&config.data_dir)?;
    let result = restore_into(config, dir).await;
    if result.is_err() && empty_before {
        if let Some(target) = sqlite_path(&config.database_url) {
            for ext in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{ext}", target.display()));
            }
        }
        if let Ok(entries) = std::fs::read_dir(&config.data_dir) {
            for e in entries.flatten() {
                let _ =
                    std::fs::remove_dir_all(e.path()).or_else(|_| std::fs::remove_file(e.path()));
            }
        }
    }
    result
}

async fn restore_into(config: &Config, dir: &Path) -> anyhow::Result<()> {
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join(MANIFEST))
            .with_context(|| format!("{} : pas une sauvegarde / not a backup", dir.display()))?,
    )?;
    let data_dir = &config.data_dir;
    if !empty_or_missing(data_dir)? {
        bail!(
            "{} n'est pas vide : la restauration se fait dans un dossier de données vide / is not empty: restore into an empty data directory",
            data_dir.display()
        );
    }
    let from_sqlite = manifest["database"] == "sqlite";
    std::fs::create_dir_all(data_dir)?;
    let files = app::server::service::attachments::files_dir(data_dir);
    match (from_sqlite, sqlite_path(&config.database_url)) {
        (true, Some(target)) => {
            let side = |ext: &str| PathBuf::from(format!("{}{ext}", target.display()));
            if target.exists() || side("-wal").exists() || side("-shm").exists() {
                bail!("{} existe déjà / already exists", target.display());
            }
            std::fs::copy(dir.join(DATABASE_FILE), &target)
                .with_context(|| target.display().to_string())?;
        }
        (true, None) | (false, Some(_)) => bail!(
            "la sauvegarde et COHORTE_DATABASE_URL ne sont pas de la même base / the backup and COHORTE_DATABASE_URL are not the same kind of database"
        ),
        (false, None) => println!(
            "Base PostgreSQL : restaurez d'abord dans une base vide / PostgreSQL: first restore into an empty database\n  pg_restore --no-owner --dbname='{}' {}/cohorte.dump",
            shown(&config.database_url),
            dir.display()
        ),
    }
    let (count, _) = copy_files(&dir.join("files"), &files)?;
    let db = db::connect(&config.database_url).await?;
    if from_sqlite {
        let ok = db
            .query_one_raw(Statement::from_string(
                DbBackend::Sqlite,
                "PRAGMA integrity_check",
            ))
            .await?
            .and_then(|r| r.try_get_by_index::<String>(0).ok());
        if ok.as_deref() != Some("ok") {
            bail!("la copie de la base est abîmée / the database copy is damaged: {ok:?}");
        }
        // A backup of an earlier version is brought up to date.
        Migrator::up(&db, None).await?;
        let lost = missing(&db, &files).await?;
        if !lost.is_empty() {
            bail!(
                "{} fichier(s) manquent dans la sauvegarde / file(s) missing from the backup",
                lost.len()
            );
        }
    }
    println!(
        "Restauré dans {} : {count} fichier(s) / restored into {}: {count} file(s)",
        data_dir.display(),
        data_dir.display()
    );
    Ok(())
}

/// One line of `cohorte check`.
enum Verdict {
    Ok(String),
    Warn(String),
    Fail(String),
}

/// `cohorte check`: each check on a line, status 0 when none failed.
pub async fn check(config: &Config) -> i32 {
    let mut lines = Vec::new();
    lines.push(base_url(config));
    lines.push(data_dir(&config.data_dir));
    lines.push(database(config).await);
    lines.push(mail(config).await);
    lines.push(site(config));
    lines.push(if config.production {
        Verdict::Ok("mode production (cookies Secure, SMTP, HTTPS)".into())
    } else {
        Verdict::Warn(
            "mode développement : COHORTE_ENV=production pour un service ouvert / development mode: COHORTE_ENV=production for a public service".into(),
        )
    });
    let mut failed = false;
    for l in &lines {
        match l {
            Verdict::Ok(m) => println!("OK         {m}"),
            Verdict::Warn(m) => println!("ATTENTION  {m}"),
            Verdict::Fail(m) => {
                failed = true;
                println!("ÉCHEC      {m}")
            }
        }
    }
    if failed { 1 } else { 0 }
}

fn base_url(config: &Config) -> Verdict {
    match url::Url::parse(&config.base_url) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => {
            if config.production && u.host_str().is_some_and(|h| h.ends_with("localhost")) {
                Verdict::Fail(format!(
                    "adresse publique locale / local public address: {u}"
                ))
            } else {
                Verdict::Ok(format!(
                    "adresse publique / public address: {}",
                    config.base_url
                ))
            }
        }
        _ => Verdict::Fail(format!(
            "COHORTE_BASE_URL n'est pas une adresse http(s) / is not an http(s) address: {}",
            config.base_url
        )),
    }
}

fn data_dir(dir: &Path) -> Verdict {
    let probe = dir.join(format!(".check-{}", std::process::id()));
    let writable = std::fs::create_dir_all(dir)
        .and_then(|_| std::fs::write(&probe, b"check"))
        .and_then(|_| std::fs::remove_file(&probe));
    match writable {
        Ok(()) => Verdict::Ok(format!(
            "dossier de données accessible en écriture / data directory writable: {}",
            dir.display()
        )),
        Err(e) => Verdict::Fail(format!(
            "dossier de données non inscriptible / data directory not writable: {}: {e}",
            dir.display()
        )),
    }
}

async fn database(config: &Config) -> Verdict {
    let db = match db::connect(&config.database_url).await {
        Ok(db) => db,
        Err(e) => {
            return Verdict::Fail(format!(
                "base injoignable / database unreachable ({}): {e}",
                shown(&config.database_url)
            ));
        }
    };
    match Migrator::get_pending_migrations(&db).await {
        Ok(p) if p.is_empty() => Verdict::Ok(
            "base joignable, migrations à jour / database reachable, migrations current".into(),
        ),
        Ok(p) => Verdict::Warn(format!(
            "{} migration(s) en attente : `cohorte migrate` (ou `serve`) les applique / pending: `cohorte migrate` (or `serve`) applies them",
            p.len()
        )),
        Err(e) => Verdict::Fail(format!(
            "migrations illisibles / migrations unreadable: {e}"
        )),
    }
}

async fn mail(config: &Config) -> Verdict {
    let mailer = match crate::cli::mailer(config) {
        Ok(m) => m,
        Err(e) => return Verdict::Fail(format!("courriel / mail: {e}")),
    };
    match (&config.mail, mailer.check().await) {
        (MailMode::Stub, _) => {
            Verdict::Warn("courriel : aucun envoi (stub) / mail: nothing is sent (stub)".into())
        }
        (MailMode::File, _) => Verdict::Warn(format!(
            "courriel : écrit en fichiers dans {}/mail, rien n'est envoyé / mail: written as files, nothing is sent",
            config.data_dir.display()
        )),
        (MailMode::Smtp(url), Ok(())) => Verdict::Ok(format!(
            "serveur SMTP joignable / SMTP server reachable: {}",
            shown(url)
        )),
        (MailMode::Smtp(url), Err(e)) => Verdict::Fail(format!(
            "serveur SMTP injoignable / SMTP server unreachable ({}): {e}",
            shown(url)
        )),
    }
}

fn site(config: &Config) -> Verdict {
    let pkg = config.site_root.join("pkg");
    let built = ["cohorte.js", "cohorte.css"]
        .iter()
        .all(|f| pkg.join(f).is_file());
    if built {
        Verdict::Ok(format!(
            "site construit / built site: {}",
            config.site_root.display()
        ))
    } else {
        Verdict::Fail(format!(
            "site non construit dans {} (make build-release) / built site missing",
            pkg.display()
        ))
    }
}
