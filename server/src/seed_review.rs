//! The demo's review in progress, once: the pre-selection open since two
//! days (blind, three reviews per dossier, the default rubric), twelve
//! jurors with their peer profiles who declared their conflicts (one of
//! them a conflict), the demo jury account still to declare, the plan
//! applied, and about two thirds of the reviews submitted — some of them
//! in clear disagreement — so that a newcomer sees the juror's side and
//! the coordinators' results alive.

use app::domain::review::StageSettings;
use app::domain::review::conflicts::ConflictKind;
use app::domain::{Email, PersonName, Role};
use app::server::db::review::juror;
use app::server::service::review::{assign, conflicts, jurors, scoring, setup};
use app::server::service::{Origin, admin};
use chrono::{Duration, DurationRound, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

const JURORS: [(&str, &[&str]); 12] = [
    ("Agathe Bernard", &["developer"]),
    ("Bastien Roux", &["developer", "data_engineer"]),
    ("Chloé Martin", &["data_scientist"]),
    ("David Nguyen", &["data_scientist", "data_engineer"]),
    ("Élodie Faure", &["designer"]),
    ("Farid Haddad", &["designer"]),
    ("Gaëlle Moreau", &["digital_law"]),
    ("Hugo Lambert", &["geomatician", "data_engineer"]),
    ("Inès Girard", &["developer"]),
    ("Jules Petit", &[]),
    ("Karima Benali", &["data_scientist"]),
    ("Louis Garnier", &["developer", "designer"]),
];

fn err(e: impl std::fmt::Display) -> anyhow::Error {
    anyhow::anyhow!("{e}")
}

/// The seeded jurors' addresses.
pub fn juror_email(i: usize) -> String {
    format!("jure.{}@jury.demo.cohorte.localhost", i + 1)
}

pub async fn run(
    db: &DatabaseConnection,
    promotion: i64,
    password_hash: &str,
    demo_jury: &str,
) -> anyhow::Result<bool> {
    let origin = Origin::default();
    if juror::Entity::find()
        .filter(juror::Column::PromotionId.eq(promotion))
        .count(db)
        .await
        .map_err(err)?
        > 0
    {
        return Ok(false);
    }
    let now = Utc::now()
        .duration_trunc(Duration::minutes(1))
        .unwrap_or_else(|_| Utc::now());
    setup::ensure(db, &origin, promotion).await.map_err(err)?;
    let settings = StageSettings {
        opens_at: Some(now - Duration::days(2)),
        closes_at: Some(now + Duration::days(12)),
        blind: true,
        see_reviews: app::domain::review::SeeReviews::AfterOwn,
        see_names: false,
        reviews_per_dossier: 3,
        max_load: None,
        disagreement_threshold: 20,
        reveal_deadline: None,
    };
    setup::update_settings(db, &origin, promotion, &settings)
        .await
        .map_err(err)?;
    let mut users = Vec::new();
    for (i, (name, profiles)) in JURORS.iter().enumerate() {
        let email = Email::parse(&juror_email(i)).map_err(|m| anyhow::anyhow!("{m:?}"))?;
        let person = PersonName::parse(name).map_err(|m| anyhow::anyhow!("{m:?}"))?;
        let (user, _) = admin::ensure_account(
            db,
            &origin,
            &email,
            &person,
            password_hash.to_owned(),
            false,
            &[Role::Reviewer { promotion }],
        )
        .await
        .map_err(err)?;
        jurors::enrol(db, &origin, promotion, user, profiles, true)
            .await
            .map_err(err)?;
        users.push(user);
    }
    // The demo jury account: on the jury, its conflicts still to declare.
    if let Some(u) = app::server::service::users::by_email(db, demo_jury)
        .await
        .map_err(err)?
    {
        jurors::enrol(db, &origin, promotion, u.id, &["developer"], false)
            .await
            .map_err(err)?;
    }
    // One declared conflict: the first juror knows the first applicant.
    let dossiers = app::server::service::review::dossiers(
        db,
        promotion,
        &app::server::service::review::ASSIGNABLE_STATES,
    )
    .await
    .map_err(err)?;
    if let Some(first) = dossiers.first() {
        conflicts::declare(
            db,
            &origin,
            promotion,
            users[0],
            &[(first.id, ConflictKind::Personal, None)],
            &[],
        )
        .await
        .map_err(err)?;
    }
    assign::apply(db, &origin, promotion, Default::default())
        .await
        .map_err(err)?;
    // Reviews: two of three submitted; dossiers whose id is a multiple of
    // five split the jury (one says 5, another 1).
    let mut seq = 0u64;
    for (k, user) in users.iter().enumerate() {
        let home = scoring::home(db, *user, Default::default())
            .await
            .map_err(err)?;
        let Some(mine) = home.promotions.first() else {
            continue;
        };
        for row in &mine.dossiers {
            seq += 1;
            if seq.is_multiple_of(3) {
                continue;
            }
            let access = scoring::access(db, *user, row.application_id)
                .await
                .map_err(err)?;
            let id = row.application_id;
            let base = if id % 5 == 0 {
                if k % 2 == 0 { 5 } else { 1 }
            } else {
                2 + ((id as u64 * 7 + k as u64 * 3) % 3) as i32
            };
            let criteria = app::server::service::review::criteria_of(
                db,
                app::server::service::review::stage_of(db, promotion)
                    .await
                    .map_err(err)?
                    .id,
            )
            .await
            .map_err(err)?;
            let marks: Vec<(String, String)> = criteria
                .iter()
                .enumerate()
                .flat_map(|(i, c)| {
                    let m = (base + (i as i32 % 2)).clamp(c.min, c.max);
                    [
                        (format!("note_{}", c.id), m.to_string()),
                        (
                            format!("commentaire_{}", c.id),
                            if m >= 4 {
                                "Parcours solide et bien argumenté.".to_owned()
                            } else {
                                "Peu d'éléments concrets sur ce point.".to_owned()
                            },
                        ),
                    ]
                })
                .collect();
            let verdict = match base {
                5 => "coup_de_coeur",
                1 | 2 => "unfavourable",
                _ => "neutral",
            };
            scoring::save(
                db,
                &origin,
                &access,
                |k| {
                    if k == "avis" {
                        return Some(verdict.to_owned());
                    }
                    marks.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())
                },
                true,
            )
            .await
            .map_err(err)?;
        }
    }
    Ok(true)
}
