//! The demo's défi jury, once. In the demo promotion, whose défis are
//! decided, the jury that heard them: two pool jurors per défi, hearings
//! held three weeks before the call for applications, every sheet
//! submitted and ranked, so that the tally stands beside the decisions.
//! In the next promotion, three défis shortlisted for the jury to come:
//! jurors assigned by the engine, hearings twelve working days ahead
//! scheduled by the run (invitations in the outbox), no sheet yet.

use crate::seed_defis::DemoDefi;
use app::domain::defi::DefiState;
use app::domain::hearings::{DefiSheet, default_grid};
use app::domain::review::rubric::Mark;
use app::server::db::hearings::{juror as panel, score, slot};
use app::server::service::defis::{self, Imported};
use app::server::service::hearings::{HEARD, assign, defis_of, schedule};
use app::server::service::review::jurors;
use app::server::service::{Origin, users};
use chrono::{Duration, DurationRound, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    Set,
};

fn err(e: impl std::fmt::Display) -> anyhow::Error {
    anyhow::anyhow!("{e}")
}

const NEXT_DEFIS: [DemoDefi; 3] = [
    DemoDefi {
        organisation: 1,
        state: DefiState::Shortlisted,
        published: false,
        message: None,
        title: "Prévoir les risques d'incendie en forêt",
        summary: "Croiser météo, végétation et historiques pour prévenir les départs de feu.",
        context: "Les équipes de terrain décident chaque été où patrouiller à partir de bulletins épars.",
        use_cases: "Une carte quotidienne du risque pour les patrouilles ; un tableau de bord pour les préfectures.",
        slots: &[
            (
                "data_scientist",
                "Modéliser le risque à partir des données historiques.",
                true,
            ),
            (
                "developer",
                "Construire la carte et ses mises à jour quotidiennes.",
                true,
            ),
        ],
    },
    DemoDefi {
        organisation: 2,
        state: DefiState::Shortlisted,
        published: false,
        message: None,
        title: "Simplifier l'inscription à la cantine",
        summary: "Un parcours en ligne unique pour les familles, relié aux tarifs sociaux.",
        context: "Les familles remplissent trois formulaires papier différents chaque rentrée.",
        use_cases: "Inscription en ligne, calcul du tarif, rappel des échéances.",
        slots: &[
            ("designer", "Concevoir le parcours avec les familles.", true),
            (
                "developer",
                "Réaliser le service et ses liens avec la facturation.",
                true,
            ),
        ],
    },
    DemoDefi {
        organisation: 3,
        state: DefiState::Shortlisted,
        published: false,
        message: None,
        title: "Réduire l'attente aux urgences",
        summary: "Prévoir l'affluence pour adapter les équipes heure par heure.",
        context: "Les pics d'affluence sont connus des soignants mais jamais anticipés dans les plannings.",
        use_cases: "Prévision à sept jours, alertes aux cadres de santé.",
        slots: &[
            (
                "data_scientist",
                "Prévoir l'affluence à partir des passages passés.",
                true,
            ),
            (
                "data_engineer",
                "Fiabiliser les flux de données de l'hôpital.",
                true,
            ),
        ],
    },
];

/// Returns whether it created anything.
pub async fn run(
    db: &DatabaseConnection,
    promotion: i64,
    next: i64,
    org_ids: &[i64],
    base_url: &str,
    data_dir: &std::path::Path,
    jurors_emails: &[String],
) -> anyhow::Result<bool> {
    let heard = defis_of(db, promotion, &HEARD).await.map_err(err)?;
    if panel::Entity::find()
        .filter(panel::Column::DefiId.is_in(heard.iter().map(|d| d.id)))
        .count(db)
        .await?
        > 0
    {
        return Ok(false);
    }
    let origin = Origin::default();
    let mut juror_ids = Vec::new();
    for email in jurors_emails.iter().take(3) {
        if let Some(u) = users::by_email(db, email).await.map_err(err)? {
            juror_ids.push(u.id);
        }
    }
    if juror_ids.len() < 2 {
        return Ok(false);
    }
    past_jury(db, &heard, &juror_ids).await?;

    // The next promotion: three défis shortlisted, the jury to come.
    if defis::count_in(db, next).await.map_err(err)? == 0 {
        for d in &NEXT_DEFIS {
            defis::import(
                db,
                &origin,
                Imported {
                    promotion: next,
                    organisation: org_ids[d.organisation],
                    form: &d.form(),
                    state: d.state,
                    message: None,
                    published: false,
                },
            )
            .await
            .map_err(err)?;
        }
    }
    for u in &juror_ids {
        jurors::enrol(db, &origin, next, *u, &[], true)
            .await
            .map_err(err)?;
    }
    let state = crate::seed::state(db, base_url, data_dir);
    let plan = assign::plan(db, next, 2, app::i18n::Locale::Fr)
        .await
        .map_err(err)?;
    assign::apply(&state, &origin, next, 2, &plan.fingerprint)
        .await
        .map_err(err)?;
    if !schedule::slots_of(db, next).await.map_err(err)?.is_empty() {
        return Ok(true);
    }
    let mut day = Utc::now().date_naive();
    day = app::domain::working_days::add_working_days(day, 12);
    let morning = app::domain::promotion::paris_midnight(day) + Duration::hours(10);
    for k in 0..4 {
        slot::free(
            next,
            morning + Duration::minutes(45 * k),
            40,
            "Salle Marianne, 20 avenue de Ségur, Paris",
        )
        .insert(db)
        .await?;
    }
    let plan = schedule::preview(db, next, 5).await.map_err(err)?;
    schedule::apply(&state, &origin, next, 5, &plan.fingerprint)
        .await
        .map_err(err)?;
    Ok(true)
}

/// The demo promotion's défi jury, already held: panels, hearings, sheets
/// and rankings written as they stood after the jury.
async fn past_jury(
    db: &DatabaseConnection,
    heard: &[app::server::db::defi::Model],
    juror_ids: &[i64],
) -> anyhow::Result<()> {
    let now = Utc::now()
        .duration_trunc(Duration::minutes(15))
        .unwrap_or_else(|_| Utc::now());
    let held = app::domain::promotion::paris_midnight((now - Duration::days(90)).date_naive())
        + Duration::hours(9);
    let grid = default_grid();
    // Juror → (défi, total, coup) to rank afterwards.
    let mut by_juror: Vec<(i64, Vec<(i64, i32)>)> =
        juror_ids.iter().map(|u| (*u, Vec::new())).collect();
    for (k, d) in heard.iter().enumerate() {
        let s = slot::ActiveModel {
            promotion_id: Set(d.promotion_id),
            starts_at: Set(held + Duration::minutes(45 * k as i64)),
            duration_minutes: Set(40),
            place: Set("Salle Marianne, 20 avenue de Ségur, Paris".into()),
            defi_id: Set(Some(d.id)),
            uid: Set(String::new()),
            sequence: Set(1),
            reminded_at: Set(Some(held - Duration::days(1))),
            created_at: Set(held - Duration::days(20)),
            ..Default::default()
        }
        .insert(db)
        .await?;
        let mut s: slot::ActiveModel = s.into();
        let id = s.id.clone().unwrap();
        s.uid = Set(schedule::uid(d.id, id, 0));
        s.update(db).await?;
        for j in 0..2 {
            let u = juror_ids[(k + j) % juror_ids.len()];
            panel::ActiveModel {
                defi_id: Set(d.id),
                user_id: Set(u),
                created_at: Set(held - Duration::days(25)),
                ..Default::default()
            }
            .insert(db)
            .await?;
            let base = 1 + ((k * 2 + j * 3) % 4) as i32;
            let sheet = DefiSheet {
                marks: grid
                    .iter()
                    .map(|c| {
                        (
                            c.id,
                            Mark {
                                score: Some((base + (c.id as i32 % 2)).clamp(c.min, c.max)),
                                comment: String::new(),
                            },
                        )
                    })
                    .collect(),
                comment: "Équipe disponible, données accessibles, impact clair pour les usagers."
                    .into(),
                acceptable: Some(base >= 3 || j == 0),
            };
            let total = sheet.total();
            score::ActiveModel {
                defi_id: Set(d.id),
                user_id: Set(u),
                scores: Set(serde_json::to_string(&sheet)?),
                comment: Set(sheet.comment.clone()),
                favourable: Set(sheet.acceptable),
                rank: Set(None),
                coup_de_coeur: Set(false),
                submitted_at: Set(Some(held + Duration::hours(4))),
                updated_at: Set(held + Duration::hours(4)),
                ..Default::default()
            }
            .insert(db)
            .await?;
            if let Some((_, v)) = by_juror.iter_mut().find(|(x, _)| *x == u) {
                v.push((d.id, total));
            }
        }
    }
    // Each juror ranked what they heard by their totals; the first got
    // their coup de cœur.
    for (u, mut v) in by_juror {
        v.sort_by_key(|(d, t)| (std::cmp::Reverse(*t), *d));
        for (i, (d, _)) in v.iter().enumerate() {
            score::Entity::update_many()
                .col_expr(
                    score::Column::Rank,
                    sea_orm::sea_query::Expr::value(Some(i as i32 + 1)),
                )
                .col_expr(
                    score::Column::CoupDeCoeur,
                    sea_orm::sea_query::Expr::value(i == 0),
                )
                .filter(score::Column::DefiId.eq(*d))
                .filter(score::Column::UserId.eq(u))
                .exec(db)
                .await?;
        }
    }
    Ok(())
}
