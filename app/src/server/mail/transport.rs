//! Where mail goes: SMTP (pooled) in production, one `.eml` file per message
//! in a folder by default (nothing to configure to try the app), or an
//! in-memory stub that tests read.

use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// How long one SMTP exchange (connection, commands, the message) may
/// take in all; the worker's lease is more than twice as long.
pub const SMTP_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(20);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StubMail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// The iCalendar attachment, if any.
    pub calendar: Option<String>,
    /// The Message-ID, the same on every attempt of one message.
    pub message_id: String,
}

/// One message to send.
#[derive(Clone, Copy)]
pub struct Outgoing<'a> {
    pub to: &'a str,
    pub subject: &'a str,
    pub text: &'a str,
    pub html: &'a str,
    /// The iCalendar attachment, if any.
    pub calendar: Option<&'a str>,
    /// The same on every attempt of one message (`worker::message_id`).
    pub message_id: &'a str,
}

#[derive(Clone)]
pub enum Mailer {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    File(AsyncFileTransport<Tokio1Executor>),
    Stub(Arc<Mutex<Vec<StubMail>>>),
}

impl Mailer {
    /// `smtp://user:pass@host:port` (STARTTLS when offered by the server is
    /// not forced), `smtps://…` for implicit TLS.
    pub fn smtp(url: &str) -> Result<Self, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| e.to_string())?
            .timeout(Some(SMTP_TIMEOUT))
            .build();
        Ok(Mailer::Smtp(transport))
    }

    pub fn file(dir: PathBuf) -> Result<Self, String> {
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        Ok(Mailer::File(AsyncFileTransport::new(dir)))
    }

    pub fn stub() -> Self {
        Mailer::Stub(Arc::default())
    }

    /// Whether the transport can be reached now (`cohorte check`): an SMTP
    /// server answers a connection; a folder or the stub always can.
    pub async fn check(&self) -> Result<(), String> {
        match self {
            Mailer::Smtp(t) => {
                match tokio::time::timeout(SMTP_TIMEOUT, t.test_connection()).await {
                    Ok(Ok(true)) => Ok(()),
                    Ok(Ok(false)) => Err("no answer".into()),
                    Ok(Err(e)) => Err(e.to_string()),
                    Err(_) => Err(format!("no answer within {} s", SMTP_TIMEOUT.as_secs())),
                }
            }
            Mailer::File(_) | Mailer::Stub(_) => Ok(()),
        }
    }

    /// Messages the stub has "sent", oldest first.
    pub fn stub_outbox(&self) -> Vec<StubMail> {
        match self {
            Mailer::Stub(sent) => sent.lock().expect("stub lock").clone(),
            _ => Vec::new(),
        }
    }

    pub async fn send(&self, from: &str, m: &Outgoing<'_>) -> Result<(), String> {
        let Outgoing {
            to,
            subject,
            text,
            html,
            calendar,
            message_id,
        } = *m;
        if let Mailer::Stub(sent) = self {
            sent.lock().expect("stub lock").push(StubMail {
                to: to.to_owned(),
                subject: subject.to_owned(),
                text: text.to_owned(),
                html: html.to_owned(),
                calendar: calendar.map(str::to_owned),
                message_id: message_id.to_owned(),
            });
            return Ok(());
        }
        let from: Mailbox = from.parse().map_err(|e| format!("sender: {e}"))?;
        let to: Mailbox = to.parse().map_err(|e| format!("recipient: {e}"))?;
        let message = Message::builder()
            .from(from)
            .to(to)
            .subject(subject)
            .message_id(Some(message_id.to_owned()))
            .multipart(body(text, html, calendar))
            .map_err(|e| format!("message: {e}"))?;
        match self {
            // lettre's timeout bounds the connection only: the whole
            // exchange is bounded here (a server that stops answering is a
            // failure to retry, never a worker stuck for good).
            Mailer::Smtp(t) => match tokio::time::timeout(SMTP_TIMEOUT, t.send(message)).await {
                Ok(sent) => sent.map(|_| ()).map_err(|e| e.to_string()),
                Err(_) => Err(format!("no answer within {} s", SMTP_TIMEOUT.as_secs())),
            },
            Mailer::File(t) => t.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
            Mailer::Stub(_) => Ok(()),
        }
    }
}

/// Text and HTML alternatives; with an invitation, also its `text/calendar`
/// part (inline, for clients that offer "accept") and the same as an
/// `invitation.ics` attachment (for those that do not).
fn body(text: &str, html: &str, calendar: Option<&str>) -> MultiPart {
    let alternative = MultiPart::alternative_plain_html(text.to_owned(), html.to_owned());
    let Some(ics) = calendar else {
        return alternative;
    };
    let method = ics
        .lines()
        .find_map(|l| l.strip_prefix("METHOD:"))
        .unwrap_or("PUBLISH")
        .trim()
        .to_owned();
    let kind = |m: &str| {
        lettre::message::header::ContentType::parse(&format!(
            "text/calendar; charset=utf-8; method={m}"
        ))
        .unwrap_or(lettre::message::header::ContentType::TEXT_PLAIN)
    };
    let inline = lettre::message::SinglePart::builder()
        .header(kind(&method))
        .body(ics.to_owned());
    let alternative = alternative.singlepart(inline);
    MultiPart::mixed().multipart(alternative).singlepart(
        lettre::message::Attachment::new("invitation.ics".to_owned())
            .body(ics.to_owned(), kind(&method)),
    )
}
