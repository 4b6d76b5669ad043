//! One use-case, one transaction (DESIGN §5): a `Txn` opens the write
//! transaction, records the typed audit entries and queues the emails in
//! it, and on `commit` wakes the outbox worker only when something was
//! queued. Audit entries and emails are written through a `Txn` only, and
//! a `Txn` commits only with an audit entry: the rule "state change, audit
//! entry and emails together" is its type. (Writes that are not use-cases
//! — the outbox worker's leases, sessions — use `db::write_txn`.)

use super::Origin;
use super::audit::{self, AuditAction, Target};
use crate::i18n::Locale;
use crate::model::AppError;
use crate::server::AppState;
use crate::server::db::write_txn;
use crate::server::mail::MailTemplate;
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, ExecResult,
    QueryResult, Statement,
};
use serde::Serialize;
use serde_json::Value;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::sync::Notify;

pub struct Txn<'a> {
    db: DatabaseTransaction,
    origin: &'a Origin,
    /// The outbox worker to wake after commit; `None` for a use-case that
    /// sends no email (queuing one is then an error).
    outbox: Option<&'a Notify>,
    audited: AtomicUsize,
    queued: AtomicUsize,
}

impl<'a> Txn<'a> {
    /// Opens the write transaction (SQLite: `BEGIN IMMEDIATE`) of a
    /// use-case that sends no email.
    pub async fn begin(db: &DatabaseConnection, origin: &'a Origin) -> Result<Self, AppError> {
        Self::open(db, origin, None).await
    }

    /// Opens the write transaction of a use-case that may queue emails.
    pub async fn with_outbox(state: &'a AppState, origin: &'a Origin) -> Result<Self, AppError> {
        Self::open(&state.db, origin, Some(&state.outbox_wake)).await
    }

    async fn open(
        db: &DatabaseConnection,
        origin: &'a Origin,
        outbox: Option<&'a Notify>,
    ) -> Result<Self, AppError> {
        Ok(Self {
            db: write_txn(db).await?,
            origin,
            outbox,
            audited: AtomicUsize::new(0),
            queued: AtomicUsize::new(0),
        })
    }

    pub fn origin(&self) -> &Origin {
        self.origin
    }

    /// Records `action` on `target` in this transaction; `details` is a
    /// JSON object, never a password or a token.
    pub async fn audit(
        &self,
        action: AuditAction,
        target: impl Into<Option<Target>>,
        details: Value,
    ) -> Result<(), AppError> {
        audit::record(&self.db, self.origin, action, target.into(), details).await?;
        self.audited.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Records `action` as done by `actor_id` (a person who has just
    /// proved who they are, e.g. signing in).
    pub async fn audit_as(
        &self,
        actor_id: Option<i64>,
        action: AuditAction,
        target: impl Into<Option<Target>>,
        details: Value,
    ) -> Result<(), AppError> {
        let origin = Origin {
            actor_id,
            ..self.origin.clone()
        };
        audit::record(&self.db, &origin, action, target.into(), details).await?;
        self.audited.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Queues `template` to `recipient` in this transaction.
    pub async fn queue(
        &self,
        template: MailTemplate,
        locale: Locale,
        recipient: &str,
        vars: impl Serialize,
    ) -> Result<(), AppError> {
        self.queue_with(template, locale, recipient, vars, None)
            .await
    }

    /// `queue`, with an iCalendar attachment (an invitation, its update or
    /// its cancellation).
    pub async fn queue_with(
        &self,
        template: MailTemplate,
        locale: Locale,
        recipient: &str,
        vars: impl Serialize,
        calendar: Option<String>,
    ) -> Result<(), AppError> {
        if self.outbox.is_none() {
            tracing::error!(
                template = template.name(),
                "an email queued by a use-case without outbox"
            );
            return Err(AppError::Unexpected);
        }
        super::outbox::queue_with(&self.db, template, locale, recipient, vars, calendar).await?;
        self.queued.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// How many emails this transaction queued so far.
    pub fn queued(&self) -> usize {
        self.queued.load(Ordering::Relaxed)
    }

    /// The use-case's last step: records `action` on `target`, then commits
    /// (`audit`, then `commit`).
    pub async fn finish(
        self,
        action: AuditAction,
        target: impl Into<Option<Target>>,
        details: Value,
    ) -> Result<(), AppError> {
        self.audit(action, target, details).await?;
        self.commit().await
    }

    /// Commits, then wakes the outbox worker if an email was queued. A
    /// use-case without an audit entry is a bug: it is rolled back, an
    /// error, never committed.
    pub async fn commit(self) -> Result<(), AppError> {
        if self.audited.load(Ordering::Relaxed) == 0 {
            tracing::error!("a use-case changed state without an audit entry");
            return Err(AppError::Unexpected);
        }
        let (queued, outbox) = (self.queued(), self.outbox);
        self.db.commit().await?;
        if let Some(outbox) = outbox
            && queued > 0
        {
            outbox.notify_one();
        }
        Ok(())
    }
}

#[async_trait::async_trait]
impl ConnectionTrait for Txn<'_> {
    fn get_database_backend(&self) -> DbBackend {
        self.db.get_database_backend()
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        self.db.execute_raw(stmt).await
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        self.db.execute_unprepared(sql).await
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        self.db.query_one_raw(stmt).await
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        self.db.query_all_raw(stmt).await
    }

    fn support_returning(&self) -> bool {
        self.db.support_returning()
    }
}
