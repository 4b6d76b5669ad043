//! A run of team formation from the database, as a coordinator's "run"
//! does it: build the engine's input from the lists and rankings, run the
//! engine, save the run (input and output JSON). On SQLite (a temporary
//! file), for 300 candidates × 15 défis and 10,000 × 1,000 (two one-seat
//! slots a défi, three choices each, juries listing four in five of those
//! who chose them).
//!
//! Run with `cargo bench -p server --bench formation`.

use app::domain::application::ApplicationState;
use app::domain::defi::DefiState;
use app::domain::defi_form::{DefiForm, SlotForm};
use app::domain::organisation::{OrgKind, OrganisationDraft};
use app::domain::profile::default_profiles;
use app::domain::promotion::Calendar;
use app::domain::promotion_form::PromotionDraft;
use app::server::db::interviews::list;
use app::server::db::{application, application_choice};
use app::server::service::defis::{self, Imported};
use app::server::service::formation::runs;
use app::server::service::{Origin, organisations, promotions};
use chrono::{Duration, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use migrations::{Migrator, MigratorTrait};
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set, TransactionTrait};

const PROFILES: [&str; 4] = ["developer", "designer", "data_scientist", "geomatician"];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A fresh database with one promotion of `n` candidates and `d` défis.
async fn market(dir: &std::path::Path, n: usize, d: usize) -> (DatabaseConnection, i64) {
    let url = format!("sqlite://{}/bench.sqlite?mode=rwc", dir.display());
    let db = app::server::db::connect(&url).await.unwrap();
    Migrator::up(&db, None).await.unwrap();
    let origin = Origin::default();
    let now = Utc::now();
    let promotion = promotions::ensure(
        &db,
        &origin,
        &PromotionDraft {
            name: format!("Banc {n} × {d}"),
            description: String::new(),
            calendar: Calendar {
                defis_open: now - Duration::days(200),
                defis_close: now - Duration::days(160),
                applications_open: now - Duration::days(120),
                applications_close: now - Duration::days(80),
                start: (now + Duration::days(60)).date_naive(),
                duration_months: 10,
            },
            team_min: 2,
            team_max: 3,
            max_choices: 3,
            profiles: default_profiles(),
        },
    )
    .await
    .unwrap();
    let org = organisations::ensure(
        &db,
        &origin,
        &OrganisationDraft {
            name: "Banc".into(),
            kind: OrgKind::LocalAuthority,
            city: "Paris".into(),
        },
    )
    .await
    .unwrap();
    let mut rng = Rng(0x5EED);
    let mut shape = Vec::new();
    let mut by_profile: Vec<Vec<usize>> = vec![Vec::new(); PROFILES.len()];
    let mut ids = Vec::new();
    for k in 0..d {
        let a = rng.below(PROFILES.len());
        let b = (a + 1 + rng.below(PROFILES.len() - 1)) % PROFILES.len();
        shape.push([a, b]);
        by_profile[a].push(k);
        by_profile[b].push(k);
        let slot = |p: usize| SlotForm {
            profile: PROFILES[p].into(),
            mission: "Mission.".into(),
            mandatory: true,
        };
        let form = DefiForm {
            title: format!("Défi {k}"),
            summary: "Résumé.".into(),
            slots: [slot(a), slot(b), SlotForm::default()],
            ..DefiForm::default()
        };
        ids.push(
            defis::import(
                &db,
                &origin,
                Imported {
                    promotion,
                    organisation: org,
                    form: &form,
                    state: DefiState::Selected,
                    message: None,
                    published: false,
                },
            )
            .await
            .unwrap(),
        );
    }
    let txn = db.begin().await.unwrap();
    let mut lists: Vec<[Vec<i64>; 2]> = vec![[Vec::new(), Vec::new()]; d];
    for c in 0..n {
        let p = rng.below(PROFILES.len());
        let a = application::ActiveModel {
            promotion_id: Set(promotion),
            state: Set(ApplicationState::Shortlisted.code().into()),
            first_name: Set(format!("C{c}")),
            last_name: Set("Banc".into()),
            email: Set(format!("c{c}@banc.example")),
            profile: Set(PROFILES[p].into()),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            submitted_at: Set(Some(now)),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .unwrap();
        let pool = &by_profile[p];
        let mut choices: Vec<usize> = Vec::new();
        while !pool.is_empty() && choices.len() < 3.min(pool.len()) {
            let k = pool[rng.below(pool.len())];
            if !choices.contains(&k) {
                choices.push(k);
            }
        }
        for (rank, &k) in choices.iter().enumerate() {
            application_choice::ActiveModel {
                application_id: Set(a.id),
                rank: Set(rank as i32 + 1),
                defi_id: Set(ids[k]),
                ..Default::default()
            }
            .insert(&txn)
            .await
            .unwrap();
            if rng.below(5) != 0 {
                lists[k][usize::from(shape[k][1] == p)].push(a.id);
            }
        }
    }
    for (k, pair) in lists.iter_mut().enumerate() {
        for (i, entries) in pair.iter_mut().enumerate() {
            for j in (1..entries.len()).rev() {
                entries.swap(j, rng.below(j + 1));
            }
            list::ActiveModel {
                defi_id: Set(ids[k]),
                profile: Set(PROFILES[shape[k][i]].into()),
                entries: Set(serde_json::to_string(entries).unwrap()),
                locked_at: Set(Some(now)),
                locked_by: Set(None),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await
            .unwrap();
        }
    }
    txn.commit().await.unwrap();
    (db, promotion)
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let mut g = c.benchmark_group("formation run from the database");
    g.sample_size(10);
    for (n, d) in [(300usize, 15usize), (10_000, 1_000)] {
        let dir = tempfile_dir(n);
        let started = std::time::Instant::now();
        let (db, promotion) = rt.block_on(market(&dir, n, d));
        eprintln!(
            "{n} candidates × {d} défis seeded in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        let origin = Origin::default();
        g.bench_function(
            format!("{n} candidates x {d} défis (input + engine + save)"),
            |b| b.iter(|| rt.block_on(runs::run(&db, &origin, promotion)).unwrap()),
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
    g.finish();
}

fn tempfile_dir(n: usize) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "cohorte-bench-formation-{n}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

criterion_group!(benches, bench);
criterion_main!(benches);
