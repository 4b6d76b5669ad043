//! Demo data, created once: one account per role, all with the same
//! documented demo password. Refused in production.

use crate::seed_defis::{DEFIS, ORGANISATIONS};
use app::domain::profile::default_profiles;
use app::domain::promotion::Calendar;
use app::domain::promotion_form::PromotionDraft;
use app::domain::{Email, HostRole, PersonName, Role};
use app::server::service::defis::{self, Imported};
use app::server::service::{Origin, admin, organisations, passwords, promotions};
use chrono::{Duration, DurationRound, Utc};
use sea_orm::DatabaseConnection;

pub const DEMO_PASSWORD: &str = "demo-cohorte-2027";

pub const DEMO_PROMOTION: &str = "EIG 7 — 2027";
pub const DEMO_ORGANISATION: &str = "Direction du numérique de démonstration";

/// The demo promotion: its call for applications is open (it opened a week
/// before the seed and closes a month after), so that every page has
/// something to show.
pub fn demo_promotion() -> PromotionDraft {
    let now = Utc::now()
        .duration_trunc(Duration::minutes(1))
        .unwrap_or_else(|_| Utc::now());
    let start = (now + Duration::days(120)).date_naive();
    PromotionDraft {
        name: DEMO_PROMOTION.into(),
        description: "Promotion de démonstration : une quinzaine de défis, des équipes de 2 ou 3 talents du numérique, 10 mois au sein d'administrations.".into(),
        calendar: Calendar {
            defis_open: now - Duration::days(60),
            defis_close: now - Duration::days(20),
            applications_open: now - Duration::days(7),
            applications_close: now + Duration::days(30),
            start,
            duration_months: Calendar::DEFAULT_DURATION_MONTHS,
        },
        team_min: 2,
        team_max: 3,
        max_choices: 3,
        profiles: default_profiles(),
    }
}

pub const NEXT_PROMOTION: &str = "EIG 8 — 2028";

/// The following promotion: its call for défis is open (opened a week
/// before the seed, closes in six weeks), so that hosts can try proposing.
pub fn next_promotion() -> PromotionDraft {
    let now = Utc::now()
        .duration_trunc(Duration::minutes(1))
        .unwrap_or_else(|_| Utc::now());
    PromotionDraft {
        name: NEXT_PROMOTION.into(),
        description: "Promotion suivante : l'appel à défis est ouvert aux administrations.".into(),
        calendar: Calendar {
            defis_open: now - Duration::days(7),
            defis_close: now + Duration::days(42),
            applications_open: now + Duration::days(60),
            applications_close: now + Duration::days(100),
            start: (now + Duration::days(400)).date_naive(),
            duration_months: Calendar::DEFAULT_DURATION_MONTHS,
        },
        team_min: 2,
        team_max: 3,
        max_choices: 3,
        profiles: default_profiles(),
    }
}

pub fn demo_accounts(
    organisation: i64,
    promotion: i64,
) -> Vec<(&'static str, &'static str, Vec<Role>, &'static str)> {
    vec![
        (
            "admin@demo.cohorte.localhost",
            "Alice Admin",
            vec![Role::Admin],
            "administration",
        ),
        (
            "coordination@demo.cohorte.localhost",
            "Claire Coordination",
            vec![Role::Coordinator],
            "coordination du programme",
        ),
        (
            "hote@demo.cohorte.localhost",
            "Hugo Hôte",
            vec![Role::Host {
                organisation,
                role: HostRole::Lead,
            }],
            "responsable de défi",
        ),
        (
            "jury@demo.cohorte.localhost",
            "Jeanne Jury",
            vec![Role::Reviewer { promotion }],
            "jury",
        ),
        (
            "candidat@demo.cohorte.localhost",
            "Camille Candidat",
            vec![],
            "candidature",
        ),
    ]
}

/// The state the demo's use-cases run with: messages are queued in the
/// outbox (`cohorte serve` sends them), nothing leaves from here.
pub fn state(
    db: &DatabaseConnection,
    base_url: &str,
    data_dir: &std::path::Path,
) -> app::server::AppState {
    app::server::AppState::new(
        db.clone(),
        app::server::state::Settings {
            base_url: base_url.to_owned(),
            production: false,
            data_dir: data_dir.to_path_buf(),
            mail_from: "Cohorte <ne-pas-repondre@cohorte.localhost>".into(),
            contact: String::new(),
            trust_proxy: false,
            reschedule_hours: 48,
            cancel_hours: 4,
        },
        app::server::mail::Mailer::stub(),
    )
}

/// What `seed-demo` adds on top of the demo, for benchmarks.
#[derive(Clone, Debug, Default)]
pub struct Extra {
    /// Submitted dossiers with varied names, texts, profiles and choices.
    pub applicants: usize,
    /// Complete drafts with a CV whose accounts sign in with the demo
    /// password (the load script's autosave storm and deadline rush).
    pub bench_drafts: usize,
    pub data_dir: std::path::PathBuf,
}

pub async fn run(db: &DatabaseConnection, base_url: &str, extra: Extra) -> anyhow::Result<()> {
    let extra_data_dir = extra.data_dir.clone();
    let hash = passwords::hash(DEMO_PASSWORD.to_owned())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let origin = Origin::default();
    let promotion = promotions::ensure(db, &origin, &demo_promotion())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let next = promotions::ensure(db, &origin, &next_promotion())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut org_ids = Vec::new();
    for o in &ORGANISATIONS {
        org_ids.push(
            organisations::ensure(db, &origin, &o.draft())
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?,
        );
    }
    let organisation = org_ids[0];
    // The défis, once: a promotion that already has some is left alone.
    if defis::count_in(db, promotion)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?
        == 0
    {
        for d in &DEFIS {
            defis::import(
                db,
                &origin,
                Imported {
                    promotion,
                    organisation: org_ids[d.organisation],
                    form: &d.form(),
                    state: d.state,
                    message: d.message,
                    published: d.published,
                },
            )
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        }
    }
    let accounts = demo_accounts(organisation, promotion);
    let mut created_any = false;
    for (email, name, roles, _) in accounts.clone() {
        let email = Email::parse(email).map_err(|m| anyhow::anyhow!("{m:?}"))?;
        let name = PersonName::parse(name).map_err(|m| anyhow::anyhow!("{m:?}"))?;
        let (_, created) = admin::ensure_account(
            db,
            &Origin::default(),
            &email,
            &name,
            hash.clone(),
            false,
            &roles,
        )
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        created_any |= created;
    }
    // About 60 dossiers in every state, once; then any asked for.
    use crate::seed_applications::{Batch, run as add};
    let demo_dossiers = add(db, promotion, Batch::Demo).await?;
    let mut added = 0;
    if extra.applicants > 0 {
        let started = std::time::Instant::now();
        let made = add(db, promotion, Batch::Submitted(extra.applicants)).await?;
        println!(
            "{made} dossiers déposés ajoutés en {:.1} s ({made} submitted dossiers added).",
            started.elapsed().as_secs_f64()
        );
        added += made;
    }
    if extra.bench_drafts > 0 {
        let batch = Batch::BenchDrafts {
            n: extra.bench_drafts,
            password_hash: hash.clone(),
            data_dir: extra.data_dir.clone(),
        };
        let made = add(db, promotion, batch).await?;
        println!("{made} brouillons complets ajoutés ({made} complete drafts added).");
        added += made;
    }
    created_any |= demo_dossiers > 0 || added > 0;
    created_any |=
        crate::seed_review::run(db, promotion, &hash, "jury@demo.cohorte.localhost").await?;
    let jurors: Vec<String> = (0..3).map(crate::seed_review::juror_email).collect();
    let (interviews, candidate) =
        crate::seed_interviews::run(db, promotion, base_url, &extra_data_dir, &jurors, &hash)
            .await?;
    created_any |= interviews;
    created_any |= crate::seed_hearings::run(
        db,
        promotion,
        next,
        &org_ids,
        base_url,
        &extra_data_dir,
        &jurors,
    )
    .await?;
    let (formation, offers) =
        crate::seed_formation::run(db, base_url, &extra_data_dir, &org_ids, &hash).await?;
    created_any |= formation;
    let running = crate::seed_follow::run(db, base_url, &extra_data_dir, &org_ids, &hash).await?;
    created_any |= running.is_some();
    demo_failed_mail(db, base_url).await?;
    println!();
    println!(
        "{}",
        if created_any {
            "Données de démonstration créées."
        } else {
            "Données de démonstration déjà présentes."
        }
    );
    println!(
        "Connectez-vous sur {base_url}/connexion avec l'un de ces comptes (mot de passe : {DEMO_PASSWORD}) :"
    );
    println!(
        "Promotion : {DEMO_PROMOTION} (appel à candidatures ouvert, {} défis publiés sur {base_url}/defis) ; {NEXT_PROMOTION} (appel à défis ouvert) ; organisation : {DEMO_ORGANISATION}",
        DEFIS.iter().filter(|d| d.published).count()
    );
    for (email, _, _, what) in accounts {
        println!("  - {email:<40} {what}");
    }
    println!(
        "  - {:<40} jury (conflits déclarés, avis en cours ; jure.1 à jure.12 ; jure.1 à jure.3 siègent aussi aux jurys d'entretien)",
        crate::seed_review::juror_email(0)
    );
    if let Some(c) = candidate {
        println!(
            "  - {c:<40} candidat·e présélectionné·e (entretiens : {base_url}/espace/entretiens)"
        );
    }
    println!(
        "Entretiens et jurys : {base_url}/coordination/promotions/{promotion}/entretiens (compte coordination)"
    );
    println!(
        "Jury des défis : {base_url}/coordination/promotions/{promotion}/auditions (tenu, synthèse des grilles) et {base_url}/coordination/promotions/{next}/auditions (à venir) ; juré·e : {}",
        crate::seed_review::juror_email(0)
    );
    println!(
        "Constitution des équipes : « {} » (listes verrouillées, prête à lancer) et « {} » (propositions en cours) sur {base_url}/coordination/promotions (compte coordination)",
        crate::seed_formation::READY,
        crate::seed_formation::OFFERING
    );
    let running = match running {
        Some(r) => Some(r),
        None => crate::seed_follow::find(db).await?,
    };
    if let Some((p, fellow, team)) = running {
        println!(
            "Dix mois : « {} » (mois 3 sur 10) — suivi {base_url}/coordination/promotions/{p}/suivi et frise {base_url}/coordination/promotions/{p}/frise (compte coordination) ; équipe {base_url}/equipes/{team} (hote@… en est responsable)",
            crate::seed_follow::RUNNING
        );
        if !fellow.is_empty() {
            println!("  - {fellow:<40} lauréat·e en mission (bulletin de la semaine)");
        }
    }
    if let Some((offered, waiting)) = offers {
        println!(
            "  - {offered:<40} candidat·e avec une proposition à accepter ou décliner ({base_url}/espace/propositions)"
        );
        println!("  - {waiting:<40} candidat·e en liste d'attente");
    }
    println!();
    Ok(())
}

/// One reminder that failed for good (the recipient's server refused the
/// address), once: the coordinators' outbox then shows a message to read
/// and to send again.
async fn demo_failed_mail(db: &DatabaseConnection, base_url: &str) -> anyhow::Result<()> {
    use app::i18n::Locale;
    use app::server::db::outbox_message::{ActiveModel, Column, Entity};
    use app::server::mail::MailTemplate;
    use app::server::service::outbox;
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
    const TO: &str = "adresse-erronee@demo.cohorte.localhost";
    let fail = |e: app::model::AppError| anyhow::anyhow!("{e}");
    if Entity::find()
        .filter(Column::Recipient.eq(TO))
        .one(db)
        .await?
        .is_some()
    {
        return Ok(());
    }
    outbox::queue(
        db,
        MailTemplate::ApplicationReminder,
        Locale::Fr,
        TO,
        serde_json::json!({
            "name": "Camille Erronée",
            "promotion": DEMO_PROMOTION,
            "deadline": "07/05/2027 23:59",
            "link": format!("{base_url}/candidature"),
        }),
    )
    .await
    .map_err(fail)?;
    let queued = Entity::find()
        .filter(Column::Recipient.eq(TO))
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo message"))?;
    let mut failed: ActiveModel = queued.into();
    failed.state = Set("failed".into());
    failed.attempts = Set(app::domain::retry::MAX_ATTEMPTS);
    failed.last_error = Set(Some(
        "permanent error (550): 5.1.1 mailbox unavailable".into(),
    ));
    failed.update(db).await?;
    Ok(())
}
