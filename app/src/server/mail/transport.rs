//! Where mail goes: SMTP (pooled) in production, one `.eml` file per message
//! in a folder by default (nothing to configure to try the app), or an
//! in-memory stub that tests read.

use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StubMail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
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

    /// Messages the stub has "sent", oldest first.
    pub fn stub_outbox(&self) -> Vec<StubMail> {
        match self {
            Mailer::Stub(sent) => sent.lock().expect("stub lock").clone(),
            _ => Vec::new(),
        }
    }

    pub async fn send(
        &self,
        from: &str,
        to: &str,
        subject: &str,
        text: &str,
        html: &str,
    ) -> Result<(), String> {
        if let Mailer::Stub(sent) = self {
            sent.lock().expect("stub lock").push(StubMail {
                to: to.to_owned(),
                subject: subject.to_owned(),
                text: text.to_owned(),
                html: html.to_owned(),
            });
            return Ok(());
        }
        let from: Mailbox = from.parse().map_err(|e| format!("sender: {e}"))?;
        let to: Mailbox = to.parse().map_err(|e| format!("recipient: {e}"))?;
        let message = Message::builder()
            .from(from)
            .to(to)
            .subject(subject)
            .multipart(MultiPart::alternative_plain_html(
                text.to_owned(),
                html.to_owned(),
            ))
            .map_err(|e| format!("message: {e}"))?;
        match self {
            Mailer::Smtp(t) => t.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
            Mailer::File(t) => t.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
            Mailer::Stub(_) => Ok(()),
        }
    }
}
