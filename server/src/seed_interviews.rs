//! The demo's interviews, once: the shortlisted candidates proposed to
//! the juries of the défis they ranked; three jurors of the pool invited
//! to the juries; the first jury's interviews held two days ago, scored by
//! its jurors and its lists locked but one (the last day worked before
//! yesterday, from 09:00); the other juries with upcoming slots,
//! half of them scheduled by the run (invitations in the outbox), the rest
//! left for the candidates to book.

use app::domain::application::ApplicationState;
use app::domain::interviews::grid::default_grid;
use app::domain::interviews::ranking;
use app::server::db::interviews::{interview, slot};
use app::server::db::{application, defi};
use app::server::policy::Actor;
use app::server::service::interviews::{allocation, booking, lists, scoring, slots};
use app::server::service::{Origin, users};
use chrono::{Duration, DurationRound, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

fn err(e: impl std::fmt::Display) -> anyhow::Error {
    anyhow::anyhow!("{e}")
}

async fn actor(db: &DatabaseConnection, user: i64) -> anyhow::Result<Actor> {
    Ok(Actor::Person(
        users::viewer(db, user)
            .await
            .map_err(err)?
            .ok_or_else(|| anyhow::anyhow!("user {user}"))?,
    ))
}

/// Returns whether it created anything, and a shortlisted candidate's
/// address (to sign in and book).
pub async fn run(
    db: &DatabaseConnection,
    promotion: i64,
    base_url: &str,
    data_dir: &std::path::Path,
    jurors: &[String],
    password_hash: &str,
) -> anyhow::Result<(bool, Option<String>)> {
    let origin = Origin::default();
    let juries = allocation::juries_of(db, promotion).await.map_err(err)?;
    let ids: Vec<i64> = juries.iter().map(|d| d.id).collect();
    let candidate = application::Entity::find()
        .filter(application::Column::PromotionId.eq(promotion))
        .filter(application::Column::State.eq(ApplicationState::Shortlisted.code()))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.email)
        .next_back();
    if interview::Entity::find()
        .filter(interview::Column::DefiId.is_in(ids.clone()))
        .count(db)
        .await?
        > 0
    {
        return Ok((false, candidate));
    }
    // Messages are queued in the outbox; `cohorte serve` sends them.
    let state = crate::seed::state(db, base_url, data_dir);
    allocation::propose(db, &origin, promotion)
        .await
        .map_err(err)?;
    // That candidate signs in with the demo password, to book.
    if let Some(email) = &candidate {
        app::server::db::user::Entity::update_many()
            .col_expr(
                app::server::db::user::Column::PasswordHash,
                Expr::value(Some(password_hash.to_owned())),
            )
            .filter(app::server::db::user::Column::Email.eq(email.clone()))
            .exec(db)
            .await?;
    }
    // Juries with candidates, the busiest first (the one already met).
    let mut with_candidates: Vec<(usize, defi::Model)> = Vec::new();
    for d in juries {
        let n = app::server::service::interviews::interviews_of(db, d.id)
            .await
            .map_err(err)?
            .len();
        if n > 0 {
            with_candidates.push((n, d));
        }
    }
    with_candidates.sort_by_key(|(n, d)| (std::cmp::Reverse(*n), d.id));
    let with_candidates: Vec<defi::Model> = with_candidates.into_iter().map(|(_, d)| d).collect();
    let mut juror_ids = Vec::new();
    for email in jurors.iter().take(3) {
        if let Some(u) = users::by_email(db, email).await.map_err(err)? {
            juror_ids.push(u.id);
        }
    }
    for d in &with_candidates {
        for u in &juror_ids {
            slots::set_juror(&state, &origin, d.id, *u, true)
                .await
                .map_err(err)?;
        }
    }
    let now = Utc::now()
        .duration_trunc(Duration::minutes(15))
        .unwrap_or_else(|_| Utc::now());
    let Some((first, rest)) = with_candidates.split_first() else {
        return Ok((true, candidate));
    };
    // The first jury met its candidates two days ago, one every hour.
    let interviews = app::server::service::interviews::interviews_of(db, first.id)
        .await
        .map_err(err)?;
    let mut day = (now - Duration::days(2)).date_naive();
    while !app::domain::working_days::is_working_day(day) {
        day = day.pred_opt().unwrap_or(day);
    }
    let met = app::domain::promotion::paris_midnight(day) + Duration::hours(9);
    for (k, i) in interviews.iter().enumerate() {
        let s = slot::ActiveModel {
            defi_id: sea_orm::Set(first.id),
            starts_at: sea_orm::Set(met + Duration::hours(k as i64)),
            duration_minutes: sea_orm::Set(45),
            place: sea_orm::Set("Salle Marianne, 20 avenue de Ségur, Paris".into()),
            quorum: sea_orm::Set(2),
            application_id: sea_orm::Set(None),
            created_at: sea_orm::Set(now - Duration::days(9)),
            ..Default::default()
        };
        let s = sea_orm::ActiveModelTrait::insert(s, db).await?;
        booking::claim(db, first.id, s.id, i.application_id)
            .await
            .map_err(err)?;
        interview::Entity::update_many()
            .col_expr(interview::Column::SlotId, Expr::value(Some(s.id)))
            .col_expr(interview::Column::State, Expr::value("scheduled"))
            .filter(interview::Column::Id.eq(i.id))
            .exec(db)
            .await?;
    }
    // Two jurors score each interview.
    let grid = default_grid();
    for (k, i) in interviews.iter().enumerate() {
        for (j, u) in juror_ids.iter().take(2).enumerate() {
            let who = actor(db, *u).await?;
            let access = scoring::access(db, &who, i.id).await.map_err(err)?;
            if access.conflicted {
                continue;
            }
            // The last one met did not convince.
            let last = k + 1 == interviews.len() && k > 0;
            let base = if last {
                1
            } else {
                2 + ((k * 3 + j) % 3) as i32
            };
            let marks: Vec<(String, String)> = grid
                .iter()
                .map(|c| {
                    (
                        format!("note_{}", c.id),
                        ((base + (c.id as i32 % 2)).min(4)).to_string(),
                    )
                })
                .collect();
            let acceptable = if base >= 2 { "oui" } else { "non" };
            scoring::save(
                db,
                &origin,
                &access,
                *u,
                |f| match f {
                    "acceptable" => Some(acceptable.to_owned()),
                    "commentaire" => Some("Échange clair, motivation argumentée.".to_owned()),
                    _ => marks.iter().find(|(n, _)| n == f).map(|(_, v)| v.clone()),
                },
                true,
            )
            .await
            .map_err(err)?;
        }
    }
    // Its lists locked, in score order (ties broken by the dossier's id).
    let coordinator = users::by_email(db, "coordination@demo.cohorte.localhost")
        .await
        .map_err(err)?;
    if let Some(c) = coordinator {
        let who = actor(db, c.id).await?;
        let page = lists::page(db, &who, first.id).await.map_err(err)?;
        let to_fix: Vec<_> = page.lists.iter().filter(|l| !l.rows.is_empty()).collect();
        for (n, l) in to_fix.iter().enumerate() {
            let mut order: Vec<&app::model::interviews::ListRow> =
                l.rows.iter().filter(|r| r.acceptable).collect();
            order.sort_by(|a, b| {
                b.mean
                    .unwrap_or(0.0)
                    .total_cmp(&a.mean.unwrap_or(0.0))
                    .then(a.application_id.cmp(&b.application_id))
            });
            let ranks: Vec<(String, String)> = order
                .iter()
                .enumerate()
                .map(|(n, r)| (ranking::rank_field(r.application_id), (n + 1).to_string()))
                .collect();
            // The last list is left for the jury to lock (scores can still
            // change there).
            let lock = l.short_of_quorum.is_empty() && n + 1 < to_fix.len();
            lists::save(
                db,
                &origin,
                &who,
                first.id,
                &l.profile,
                |f| ranks.iter().find(|(n, _)| n == f).map(|(_, v)| v.clone()),
                lock,
            )
            .await
            .map_err(err)?;
        }
    }
    // The other juries: slots fifteen working days ahead at 10:00, 11:00,
    // 14:00 and 15:00 Paris time; every other jury scheduled by the run.
    let today = now
        .with_timezone(&chrono::FixedOffset::east_opt(3600).expect("UTC+1"))
        .date_naive();
    let day = app::domain::working_days::add_working_days(today, 15)
        .format("%Y-%m-%d")
        .to_string();
    for (k, d) in rest.iter().enumerate() {
        for hour in [10, 11, 14, 15] {
            let starts = format!("{day}T{hour:02}:00");
            slots::add(
                db,
                &origin,
                d.id,
                &slots::SlotDraft {
                    starts,
                    minutes: "45".into(),
                    place: "https://webconf.numerique.gouv.fr/cohorte-jury".into(),
                    quorum: "2".into(),
                },
            )
            .await
            .map_err(err)?;
        }
        if k % 2 == 0 {
            let system = Actor::Anonymous;
            let plan = slots::preview(db, &system, d.id, slots::DEFAULT_NOTICE)
                .await
                .map_err(err)?;
            slots::apply(
                &state,
                &origin,
                d.id,
                slots::DEFAULT_NOTICE,
                &plan.fingerprint,
            )
            .await
            .map_err(err)?;
        }
    }
    Ok((true, candidate))
}
