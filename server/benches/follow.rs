//! The ten months at the scale of a large promotion: 50 teams of two, each
//! with its every milestone instance over ten months (about 67 a team:
//! 43 weekly bulletins, 10 plenaries, 10 reports, 4 one-offs; half of
//! those due answered). Measures, on SQLite (a temporary file):
//!
//! - the coordinators' dashboard: its data read from the database and
//!   rendered to HTML;
//! - the timeline, the same;
//! - the Friday digest for 50 teams: the blocks read and the email
//!   rendered (one recipient's).
//!
//! Run with `cargo bench -p server --bench follow`.

use app::domain::application::ApplicationState;
use app::domain::defi::DefiState;
use app::domain::defi_form::{DefiForm, SlotForm};
use app::domain::organisation::{OrgKind, OrganisationDraft};
use app::domain::profile::default_profiles;
use app::domain::promotion::Calendar;
use app::domain::promotion_form::PromotionDraft;
use app::i18n::Locale;
use app::server::db::formation::placement;
use app::server::db::milestones::instance;
use app::server::db::{application, promotion};
use app::server::mail::MailTemplate;
use app::server::service::defis::{self, Imported};
use app::server::service::milestones::{self, board, scheduler};
use app::server::service::{Origin, organisations, promotions};
use chrono::{Duration, NaiveDate, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use leptos::prelude::*;
use migrations::{Migrator, MigratorTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};

const TEAMS: usize = 50;

async fn fixture(dir: &std::path::Path) -> (DatabaseConnection, promotion::Model) {
    let url = format!("sqlite://{}/bench.sqlite?mode=rwc", dir.display());
    let db = app::server::db::connect(&url).await.unwrap();
    Migrator::up(&db, None).await.unwrap();
    let origin = Origin::default();
    let now = Utc::now();
    let start = NaiveDate::from_ymd_opt(2027, 9, 27).unwrap();
    let id = promotions::ensure(
        &db,
        &origin,
        &PromotionDraft {
            name: "Banc des dix mois".into(),
            description: String::new(),
            calendar: Calendar {
                defis_open: now - Duration::days(500),
                defis_close: now - Duration::days(450),
                applications_open: now - Duration::days(400),
                applications_close: now - Duration::days(350),
                start,
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
    let slot = |p: &str| SlotForm {
        profile: p.into(),
        mission: "Mission.".into(),
        mandatory: true,
    };
    let mut defi_ids = Vec::new();
    for k in 0..TEAMS {
        let form = DefiForm {
            title: format!("Défi {k:02} — un titre de la longueur ordinaire"),
            summary: "Résumé.".into(),
            slots: [slot("developer"), slot("designer"), SlotForm::default()],
            ..DefiForm::default()
        };
        defi_ids.push(
            defis::import(
                &db,
                &origin,
                Imported {
                    promotion: id,
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
    for (k, d) in defi_ids.iter().enumerate() {
        for (n, profile) in ["developer", "designer"].iter().enumerate() {
            let a = application::ActiveModel {
                promotion_id: Set(id),
                state: Set(ApplicationState::Placed.code().into()),
                first_name: Set(format!("F{k}")),
                last_name: Set(format!("Banc{n}")),
                email: Set(format!("f{k}.{n}@banc.example")),
                profile: Set((*profile).into()),
                version: Set(1),
                created_at: Set(now),
                updated_at: Set(now),
                submitted_at: Set(Some(now)),
                ..Default::default()
            }
            .insert(&txn)
            .await
            .unwrap();
            placement::ActiveModel {
                promotion_id: Set(id),
                application_id: Set(a.id),
                defi_id: Set(*d),
                profile: Set((*profile).into()),
                starts_on: Set(start),
                ends_on: Set(start + Duration::days(300)),
                state: Set("active".into()),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await
            .unwrap();
        }
    }
    txn.commit().await.unwrap();
    let p = promotion::Entity::find_by_id(id)
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    milestones::ensure_instances(&db, &p, None).await.unwrap();
    // Half of what is due by the 20th week answered.
    let middle = app::domain::milestones::rule::paris(
        start + Duration::weeks(20),
        chrono::NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
    );
    let answers = r#"{"humeur":"4","priorite":"Tester le parcours de demande avec cinq usagers","hauts_bas":"Haut : la démo. Bas : l'accès à la base.","aide":"Un contact à la DSI","statut":"a_risque","avancement":"Le prototype avance.","suite":"Le comité.","point":"Démo faite.","indicateurs":"Délais.","note":"Note.","depot":"https://git.example/x"}"#;
    let txn = db.begin().await.unwrap();
    for i in instance::Entity::find()
        .filter(instance::Column::PromotionId.eq(id))
        .filter(instance::Column::DueAt.lte(middle))
        .all(&txn)
        .await
        .unwrap()
    {
        if (i.id + i.defi_id) % 2 == 0 {
            let mut row: instance::ActiveModel = i.clone().into();
            row.submitted_at = Set(Some(i.due_at - Duration::hours(2)));
            row.updated_at = Set(Some(i.due_at - Duration::hours(2)));
            row.answers = Set(Some(answers.into()));
            row.update(&txn).await.unwrap();
        }
    }
    txn.commit().await.unwrap();
    (db, p)
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let dir = std::env::temp_dir().join(format!("cohorte-bench-follow-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (db, p) = rt.block_on(fixture(&dir));
    let now = app::domain::milestones::rule::paris(
        p.start_date + Duration::weeks(20),
        chrono::NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
    );
    let count = rt.block_on(async {
        instance::Entity::find()
            .filter(instance::Column::PromotionId.eq(p.id))
            .all(&db)
            .await
            .unwrap()
            .len()
    });
    println!("{TEAMS} teams, {count} instances");
    let state = server::seed::state(&db, "http://127.0.0.1:3000", &dir);
    let mut g = c.benchmark_group("follow");
    g.sample_size(20);
    g.bench_function("dashboard (read + render), 50 teams", |b| {
        b.iter(|| {
            let d = rt
                .block_on(board::dashboard(&db, p.id, now, Locale::Fr))
                .unwrap();
            let html = Owner::new().with(|| {
                app::ui::coordinator::DashboardView(app::ui::coordinator::DashboardViewProps { d })
                    .to_html()
            });
            assert!(html.len() > 10_000);
        })
    });
    g.bench_function("timeline (read + render), 50 teams", |b| {
        b.iter(|| {
            let t = rt
                .block_on(board::timeline(&db, p.id, now, Locale::Fr))
                .unwrap();
            let html = Owner::new().with(|| {
                app::ui::coordinator::TimelineView(app::ui::coordinator::TimelineViewProps { t })
                    .to_html()
            });
            assert!(html.contains("<svg"));
        })
    });
    let bulletins = rt
        .block_on(milestones::templates(&db, p.id))
        .unwrap()
        .into_iter()
        .find(|t| t.template.is_bulletin())
        .unwrap();
    g.bench_function("digest (read + render), 50 teams", |b| {
        b.iter(|| {
            let (teams, mood) = rt
                .block_on(scheduler::digest_blocks(&db, &state, &bulletins, 19))
                .unwrap();
            assert_eq!(teams.len(), TEAMS);
            let r = app::server::mail::templates::render(
                MailTemplate::BulletinDigest,
                Locale::Fr,
                serde_json::json!({
                    "name": "Claire", "promotion": p.name, "teams": teams,
                    "filled": 25, "total": TEAMS, "mood": mood.map(|m| m.to_string()),
                }),
            )
            .unwrap();
            assert!(r.html.len() > 10_000);
        })
    });
    g.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);
