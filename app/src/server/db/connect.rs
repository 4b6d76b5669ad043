//! Opening the database: SQLite (file, WAL, foreign keys, a busy timeout so
//! that concurrent writers wait instead of failing) or PostgreSQL; and the
//! write transaction every service uses.

use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, DatabaseTransaction, DbErr,
    SqliteTransactionMode, TransactionOptions, TransactionTrait,
};
use std::time::Duration;

pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .sqlx_logging(false)
        .acquire_timeout(Duration::from_secs(15))
        // A ping on every checkout doubled the round trips of each query
        // (measured: docs/benchmarks.md); only a connection idle for a
        // while is checked (one a proxy or the server may have dropped).
        .test_before_acquire_if_idle_for(Duration::from_secs(30));
    if url.starts_with("sqlite:") {
        // One writer at a time; WAL lets readers run alongside it.
        options
            .max_connections(4)
            .min_connections(1)
            .map_sqlx_sqlite_opts(|o| {
                o.journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .busy_timeout(Duration::from_secs(15))
                    .foreign_keys(true)
            });
    } else {
        options.max_connections(20);
    }
    Database::connect(options).await
}

/// A transaction that takes SQLite's write lock at once (`BEGIN IMMEDIATE`),
/// so that two writers queue on the busy timeout instead of one failing
/// with "database is locked" when it upgrades a read. PostgreSQL ignores the
/// option.
pub async fn write_txn(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

/// Whether `e` says the database is busy or out of reach for a moment
/// rather than that the request is wrong: no connection in time, a
/// connection lost, SQLite locked past its busy timeout, PostgreSQL
/// restarting, shutting down, out of connections, or a serialisation
/// failure or deadlock. Such an error is answered "try again" (503), not
/// "unexpected" (500).
pub fn transient(e: &DbErr) -> bool {
    use sea_orm::RuntimeErr;
    use sea_orm::sqlx::Error as Sqlx;
    let sqlx = match e {
        DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => return true,
        DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e)) => e,
        _ => return false,
    };
    match sqlx.as_ref() {
        Sqlx::Io(_) | Sqlx::PoolTimedOut | Sqlx::PoolClosed | Sqlx::Tls(_) | Sqlx::Protocol(_) => {
            true
        }
        Sqlx::Database(d) => {
            let code = d.code().unwrap_or_default();
            // SQLite: BUSY (5) and LOCKED (6) with their extended codes.
            matches!(code.as_ref(), "5" | "6" | "261" | "262" | "517")
                // PostgreSQL: connection exceptions (08), serialisation
                // failure, deadlock, too many connections, shutting down.
                || code.starts_with("08")
                || matches!(code.as_ref(), "40001" | "40P01" | "53300" | "57P01" | "57P02" | "57P03")
                || d.message().contains("database is locked")
        }
        _ => false,
    }
}
