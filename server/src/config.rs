//! Configuration from environment variables (and an optional `.env`). Every
//! variable is documented in the README with its default.

use anyhow::{Context, bail};
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MailMode {
    File,
    Smtp(String),
    Stub,
}

#[derive(Clone, Debug)]
pub struct Config {
    pub data_dir: PathBuf,
    pub database_url: String,
    pub addr: SocketAddr,
    pub base_url: String,
    pub mail: MailMode,
    pub mail_from: String,
    /// The programme team's address, given on the legal notice and the
    /// accessibility statement.
    pub contact: String,
    pub production: bool,
    /// `COHORTE_TRUST_PROXY=1`: read the client address from X-Forwarded-For.
    pub trust_proxy: bool,
    /// Interviews: `COHORTE_RESCHEDULE_HOURS` (48) and
    /// `COHORTE_CANCEL_HOURS` (4).
    pub reschedule_hours: u32,
    pub cancel_hours: u32,
    /// Where the built site (pkg/, assets) lives.
    pub site_root: PathBuf,
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        let data_dir = PathBuf::from(var("COHORTE_DATA_DIR").unwrap_or_else(|| "./data".into()));
        let database_url = match var("COHORTE_DATABASE_URL") {
            Some(url) => url,
            None => format!("sqlite://{}/cohorte.sqlite?mode=rwc", data_dir.display()),
        };
        let addr: SocketAddr = var("COHORTE_ADDR")
            .unwrap_or_else(|| "127.0.0.1:3000".into())
            .parse()
            .context("COHORTE_ADDR must look like 127.0.0.1:3000")?;
        let base_url = var("COHORTE_BASE_URL")
            .unwrap_or_else(|| format!("http://{addr}"))
            .trim_end_matches('/')
            .to_owned();
        let production = match var("COHORTE_ENV").as_deref() {
            None | Some("development") => false,
            Some("production") => true,
            Some(other) => bail!("COHORTE_ENV must be development or production, not {other:?}"),
        };
        let mail = match var("COHORTE_MAIL").as_deref() {
            None | Some("file") => MailMode::File,
            Some("stub") => MailMode::Stub,
            Some("smtp") => MailMode::Smtp(
                var("COHORTE_SMTP_URL").context("COHORTE_MAIL=smtp needs COHORTE_SMTP_URL")?,
            ),
            Some(other) => bail!("COHORTE_MAIL must be file, smtp or stub, not {other:?}"),
        };
        if production {
            if matches!(mail, MailMode::File | MailMode::Stub) {
                bail!(
                    "COHORTE_ENV=production refuses the {mail:?} mail transport: set COHORTE_MAIL=smtp and COHORTE_SMTP_URL"
                );
            }
            if !base_url.starts_with("https://") {
                bail!(
                    "COHORTE_ENV=production needs an https:// COHORTE_BASE_URL (session cookies are Secure)"
                );
            }
        }
        let mail_from = var("COHORTE_MAIL_FROM")
            .unwrap_or_else(|| "Cohorte <ne-pas-repondre@cohorte.localhost>".into());
        let contact =
            var("COHORTE_CONTACT").unwrap_or_else(|| "equipe-programme@cohorte.localhost".into());
        if production && contact.ends_with(".localhost") {
            bail!(
                "COHORTE_ENV=production needs COHORTE_CONTACT, the programme team's address shown on the legal notice and the accessibility statement"
            );
        }
        let site_root =
            PathBuf::from(var("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()));
        let trust_proxy = matches!(
            var("COHORTE_TRUST_PROXY").as_deref(),
            Some("1" | "true" | "yes")
        );
        let hours = |name: &str, default: u32| -> anyhow::Result<u32> {
            match var(name) {
                None => Ok(default),
                Some(v) => v
                    .trim()
                    .parse::<u32>()
                    .ok()
                    .filter(|h| *h <= 24 * 30)
                    .ok_or_else(|| anyhow::anyhow!("{name} must be a number of hours (0 to 720)")),
            }
        };
        let reschedule_hours = hours("COHORTE_RESCHEDULE_HOURS", 48)?;
        let cancel_hours = hours("COHORTE_CANCEL_HOURS", 4)?;
        Ok(Self {
            trust_proxy,
            reschedule_hours,
            cancel_hours,
            data_dir,
            database_url,
            addr,
            base_url,
            mail,
            mail_from,
            contact,
            production,
            site_root,
        })
    }
}
