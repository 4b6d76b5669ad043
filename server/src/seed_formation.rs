//! The demo's team formation, once: two small promotions whose lists are
//! locked. "Démo — constitution des équipes" waits for a coordinator to
//! press "run"; "Démo — propositions en cours" was run and validated, one
//! candidate declined (the seat went down the list), one accepted (a
//! placement, a team page), the other offers await their answer.

use app::domain::application::ApplicationState;
use app::domain::defi::DefiState;
use app::domain::defi_form::{DefiForm, SlotForm};
use app::domain::profile::default_profiles;
use app::domain::promotion::Calendar;
use app::domain::promotion_form::PromotionDraft;
use app::domain::{Email, PersonName};
use app::server::db::formation::offer;
use app::server::db::interviews::list;
use app::server::db::{application, application_choice};
use app::server::service::defis::{self, Imported};
use app::server::service::formation::{offers::answers, runs};
use app::server::service::{Origin, admin, promotions};
use chrono::{Duration, DurationRound, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};

pub const READY: &str = "Démo — constitution des équipes";
pub const OFFERING: &str = "Démo — propositions en cours";

fn err(e: impl std::fmt::Display) -> anyhow::Error {
    anyhow::anyhow!("{e}")
}

const DEFIS: [(&str, [&str; 2]); 5] = [
    (
        "Simplifier les aides au logement",
        ["developer", "designer"],
    ),
    (
        "Prévoir les crues des rivières",
        ["data_scientist", "geomatician"],
    ),
    (
        "Ouvrir les données des marchés publics",
        ["developer", "data_scientist"],
    ),
    ("Accueillir les usagers en ligne", ["developer", "designer"]),
    (
        "Détecter les fraudes aux subventions",
        ["data_scientist", "developer"],
    ),
];

const PEOPLE: [(&str, &str, &str); 14] = [
    ("Inès", "Moreau", "developer"),
    ("Hugo", "Lambert", "developer"),
    ("Sarah", "Benali", "developer"),
    ("Tom", "Girard", "developer"),
    ("Lina", "Roux", "developer"),
    ("Yanis", "Fabre", "designer"),
    ("Clara", "Dupuis", "designer"),
    ("Noé", "Perrin", "designer"),
    ("Maya", "Chevalier", "data_scientist"),
    ("Adam", "Leclerc", "data_scientist"),
    ("Jade", "Marchand", "data_scientist"),
    ("Rayan", "Garnier", "data_scientist"),
    ("Lou", "Aubert", "geomatician"),
    ("Eliott", "Bonnet", "geomatician"),
];

fn draft(name: &str, start_days: i64) -> PromotionDraft {
    let now = Utc::now()
        .duration_trunc(Duration::minutes(1))
        .unwrap_or_else(|_| Utc::now());
    PromotionDraft {
        name: name.into(),
        description: "Promotion de démonstration de la constitution des équipes.".into(),
        calendar: Calendar {
            defis_open: now - Duration::days(200),
            defis_close: now - Duration::days(160),
            applications_open: now - Duration::days(120),
            applications_close: now - Duration::days(80),
            start: (now + Duration::days(start_days)).date_naive(),
            duration_months: Calendar::DEFAULT_DURATION_MONTHS,
        },
        team_min: 2,
        team_max: 3,
        max_choices: 3,
        profiles: default_profiles(),
    }
}

fn email(first: &str, last: &str, tag: &str) -> String {
    let ascii: String = format!("{first}.{last}")
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' => 'e',
            'ï' | 'î' => 'i',
            c => c,
        })
        .collect();
    format!("{ascii}@{tag}.demo.cohorte.localhost")
}

/// One promotion with its défis, shortlisted candidates (with accounts)
/// and locked lists. Returns the promotion and the candidates' emails, in
/// `PEOPLE` order; `None` when it existed already.
pub(crate) async fn market(
    db: &DatabaseConnection,
    name: &str,
    tag: &str,
    organisations: &[i64],
    hash: &str,
    start_days: i64,
) -> anyhow::Result<Option<(i64, Vec<(i64, String)>)>> {
    let origin = Origin::default();
    let promotion = promotions::ensure(db, &origin, &draft(name, start_days))
        .await
        .map_err(err)?;
    if defis::count_in(db, promotion).await.map_err(err)? > 0 {
        return Ok(None);
    }
    let mut defi_ids = Vec::new();
    for (i, (title, profiles)) in DEFIS.iter().enumerate() {
        let slot = |p: &str| SlotForm {
            profile: p.into(),
            mission: "Construire le service avec l'équipe de l'administration.".into(),
            mandatory: true,
        };
        let form = DefiForm {
            title: (*title).into(),
            summary: "Un projet de démonstration.".into(),
            leads: "La cheffe de projet et son adjoint".into(),
            mentor: "Le directeur du numérique".into(),
            slots: [slot(profiles[0]), slot(profiles[1]), SlotForm::default()],
            ..DefiForm::default()
        };
        defi_ids.push(
            defis::import(
                db,
                &origin,
                Imported {
                    promotion,
                    organisation: organisations[i % organisations.len()],
                    form: &form,
                    state: DefiState::Selected,
                    message: None,
                    // Past promotions: not in the public catalogue.
                    published: false,
                },
            )
            .await
            .map_err(err)?,
        );
    }
    let now = Utc::now();
    let mut people = Vec::new();
    for (k, (first, last, profile)) in PEOPLE.iter().enumerate() {
        let address = email(first, last, tag);
        let (user, _) = admin::ensure_account(
            db,
            &origin,
            &Email::parse(&address).map_err(|m| anyhow::anyhow!("{m:?}"))?,
            &PersonName::parse(&format!("{first} {last}")).map_err(|m| anyhow::anyhow!("{m:?}"))?,
            hash.to_owned(),
            false,
            &[],
        )
        .await
        .map_err(err)?;
        let a = application::ActiveModel {
            promotion_id: Set(promotion),
            user_id: Set(Some(user)),
            state: Set(ApplicationState::Shortlisted.code().into()),
            first_name: Set((*first).into()),
            last_name: Set((*last).into()),
            email: Set(address.clone()),
            profile: Set((*profile).into()),
            gender: Set(["femme", "homme", ""][k % 3].into()),
            decl_civil_servant: Set(true),
            decl_student: Set(true),
            decl_jury: Set(true),
            consent: Set(true),
            version: Set(1),
            created_at: Set(now - Duration::days(90)),
            updated_at: Set(now - Duration::days(85)),
            submitted_at: Set(Some(now - Duration::days(85))),
            ..Default::default()
        }
        .insert(db)
        .await?;
        // The défis seeking their profile, in an order of their own.
        let mut mine: Vec<i64> = DEFIS
            .iter()
            .zip(&defi_ids)
            .filter(|((_, ps), _)| ps.contains(profile))
            .map(|(_, id)| *id)
            .collect();
        let turn = k % mine.len().max(1);
        mine.rotate_left(turn);
        for (rank, d) in mine.iter().take(3).enumerate() {
            application_choice::ActiveModel {
                application_id: Set(a.id),
                rank: Set(rank as i32 + 1),
                defi_id: Set(*d),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
        people.push((a.id, address));
    }
    // Each jury's list: the candidates of the profile who chose the défi,
    // in an order of the jury's own.
    for (di, ((_, profiles), d)) in DEFIS.iter().zip(&defi_ids).enumerate() {
        for p in profiles {
            let mut ids: Vec<(usize, i64)> = Vec::new();
            for (k, ((first, _, profile), (id, _))) in PEOPLE.iter().zip(&people).enumerate() {
                let chose = application_choice::Entity::find()
                    .filter(application_choice::Column::ApplicationId.eq(*id))
                    .filter(application_choice::Column::DefiId.eq(*d))
                    .one(db)
                    .await?
                    .is_some();
                if profile == p && chose && first.len() % 7 != 6 {
                    ids.push((k, *id));
                }
            }
            // The same order whatever the rows' ids.
            ids.sort_by_key(|&(k, _)| ((k * 7 + di * 3) % 5, k));
            let ids: Vec<i64> = ids.into_iter().map(|(_, id)| id).collect();
            list::ActiveModel {
                defi_id: Set(*d),
                profile: Set((*p).into()),
                entries: Set(serde_json::to_string(&ids)?),
                locked_at: Set(Some(now - Duration::days(3))),
                locked_by: Set(None),
                updated_at: Set(now - Duration::days(3)),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
    }
    Ok(Some((promotion, people)))
}

/// Creates both promotions once. Returns whether it created anything, and
/// (for the summary) a candidate with an open offer and one waiting.
pub async fn run(
    db: &DatabaseConnection,
    base_url: &str,
    data_dir: &std::path::Path,
    organisations: &[i64],
    hash: &str,
) -> anyhow::Result<(bool, Option<(String, String)>)> {
    let ready = market(db, READY, "equipes", organisations, hash, 75).await?;
    let Some((promotion, people)) =
        market(db, OFFERING, "propositions", organisations, hash, 75).await?
    else {
        return Ok((ready.is_some(), None));
    };
    let state = crate::seed::state(db, base_url, data_dir);
    let origin = Origin::default();
    let now = Utc::now();
    runs::run(db, &origin, promotion).await.map_err(err)?;
    answers::validate(&state, &origin, promotion, 1, now - Duration::hours(30))
        .await
        .map_err(err)?;
    let open = |db: &DatabaseConnection| {
        let db = db.clone();
        async move {
            offer::Entity::find()
                .filter(offer::Column::PromotionId.eq(promotion))
                .filter(offer::Column::State.eq("open"))
                .order_by_asc(offer::Column::Id)
                .all(&db)
                .await
        }
    };
    // The first offer declined (its seat goes down the list), the second
    // accepted (a placement, a team).
    let first = open(db).await?;
    if let Some(o) = first.first() {
        answers::answer(&state, &origin, o.id, false, now - Duration::hours(20))
            .await
            .map_err(err)?;
    }
    if let Some(o) = first.get(1) {
        answers::answer(&state, &origin, o.id, true, now - Duration::hours(10))
            .await
            .map_err(err)?;
    }
    let still = open(db).await?;
    let email_of = |id: i64| {
        people
            .iter()
            .find(|(a, _)| *a == id)
            .map(|(_, e)| e.clone())
    };
    let offered = still.last().and_then(|o| email_of(o.application_id));
    let (_, log) = app::server::service::formation::offers::log_of(db, promotion)
        .await
        .map_err(err)?
        .ok_or_else(|| anyhow::anyhow!("no offers log"))?;
    let in_log: Vec<String> = log.events.iter().map(|e| e.candidate.clone()).collect();
    let waiting = people
        .iter()
        .find(|(a, _)| !in_log.contains(&format!("c{a}")))
        .map(|(_, e)| e.clone());
    Ok((true, offered.zip(waiting)))
}
