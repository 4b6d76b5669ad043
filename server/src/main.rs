//! `cohorte`: serve, migrate, create-admin, seed-demo, match, assign,
//! verify-offers, backup, restore, check.

use anyhow::Context;
use clap::{Parser, Subcommand};
use server::{cli, config::Config};

/// mimalloc rather than glibc's malloc: less time allocating under load,
/// and less memory kept after a burst of password hashes (19 MiB each):
/// 62 MB resident after the deadline rush instead of 290 MB
/// (docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "cohorte",
    version,
    about = "Cohorte — programme manager for public-interest tech fellowships"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate the database, then serve the application and run the workers.
    Serve,
    /// Apply pending database migrations.
    Migrate,
    /// Create an administrator account (or make an existing account admin).
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Administrateur")]
        name: String,
        /// Read the password from standard input instead of asking.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Create the demo data once (idempotent) and print its accounts.
    SeedDemo {
        /// Also add N submitted dossiers with varied names, texts, profiles
        /// and choices to the demo promotion (for benchmarks).
        #[arg(long, value_name = "N", default_value_t = 0)]
        applicants: usize,
        /// Also add N complete drafts with a CV whose accounts
        /// (brouillon.I@candidats.demo.cohorte.localhost) sign in with the
        /// demo password: the load script's autosave storm and deadline rush.
        #[arg(long, value_name = "N", default_value_t = 0)]
        bench_drafts: usize,
    },
    /// Form teams: read the matching input (JSON, see docs/matching.md) from
    /// FILE or `-` for standard input, print the result as JSON.
    Match {
        /// Input file, or `-` for standard input.
        file: String,
    },
    /// Audit the offers of a promotion (its log in the database), or an
    /// exported offers log (`--log FILE`, see docs/offers.md): status 0
    /// when every rule holds, 1 with the violations, 2 on a bad input.
    VerifyOffers {
        /// The promotion's id (reads the database).
        promotion: Option<i64>,
        /// An exported offers log instead (no database needed).
        #[arg(long, value_name = "FILE")]
        log: Option<String>,
    },
    /// Assign jurors to dossiers: read the assignment input (JSON, see
    /// docs/assignment.md) from FILE or `-`, print the plan as JSON.
    Assign {
        /// Input file, or `-` for standard input.
        file: String,
    },
    /// Back up the database and the uploaded files into DIR (new or
    /// empty), consistent while the server runs (docs/reliability.md).
    Backup { dir: std::path::PathBuf },
    /// Restore a backup from DIR into the empty data directory.
    Restore { dir: std::path::PathBuf },
    /// Check the configuration: public address, data directory, database
    /// and migrations, mail transport, built site, production settings.
    /// Status 0 when nothing failed.
    Check,
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    match run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            // A plain sentence for the operator, without a backtrace.
            eprintln!("Erreur / error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run() -> anyhow::Result<()> {
    let _ = dotenvy::dotenv();
    server::logs::init(std::env::var("COHORTE_LOG_FORMAT").ok().as_deref());
    server::panics::hook();
    let args = Cli::parse();
    if let Command::Match { file } = &args.command {
        // Needs no configuration and no database.
        std::process::exit(cli::run_match(file));
    }
    if let Command::Assign { file } = &args.command {
        std::process::exit(cli::run_assign(file));
    }
    if let Command::VerifyOffers {
        log: Some(file), ..
    } = &args.command
    {
        std::process::exit(cli::verify_log(file));
    }
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) if matches!(args.command, Command::Check) => {
            println!("ÉCHEC      configuration: {e:#}");
            std::process::exit(1);
        }
        Err(e) => return Err(e).context("configuration"),
    };
    match args.command {
        Command::Serve => cli::serve(config).await,
        Command::VerifyOffers {
            promotion: Some(id),
            ..
        } => std::process::exit(cli::verify_promotion(&config, id).await),
        Command::VerifyOffers { .. } => {
            anyhow::bail!("verify-offers: give a promotion id or --log FILE")
        }
        Command::Migrate => cli::migrate(&config).await.map(|_| ()),
        Command::CreateAdmin {
            email,
            name,
            password_stdin,
        } => cli::create_admin(&config, &email, &name, password_stdin).await,
        Command::SeedDemo {
            applicants,
            bench_drafts,
        } => {
            let extra = server::seed::Extra {
                applicants,
                bench_drafts,
                ..Default::default()
            };
            cli::seed_demo(&config, extra).await
        }
        Command::Backup { dir } => server::operations::backup(&config, &dir).await,
        Command::Restore { dir } => server::operations::restore(&config, &dir).await,
        Command::Check => std::process::exit(server::operations::check(&config).await),
        Command::Match { .. } | Command::Assign { .. } => unreachable!("handled above"),
    }
}
