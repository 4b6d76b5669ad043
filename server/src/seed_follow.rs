//! The demo's ten months, once: "Démo — promotion en cours", started about
//! ten weeks ago (month 3 of 10). Its teams were formed by the engine and
//! every offer accepted; they have their milestones, done and late, their
//! weekly bulletins (some missing this week), the host's monthly reports
//! (one at risk, answered by the programme team), so that the dashboard
//! and the timeline are alive.

use app::domain::milestones::rule::paris;
use app::domain::placement::PlacementState;
use app::server::db::formation::{offer, placement};
use app::server::db::milestones::instance;
use app::server::db::{application, promotion, user};
use app::server::service::Origin;
use app::server::service::formation::{offers::answers, runs};
use app::server::service::milestones::{self, submit};
use chrono::{DateTime, Duration, NaiveTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set,
};

pub const RUNNING: &str = "Démo — promotion en cours";

fn err(e: impl std::fmt::Display) -> anyhow::Error {
    anyhow::anyhow!("{e}")
}

/// The team's bulletin for week `w`, in the voice of a fellow.
fn bulletin(team: usize, w: usize) -> Vec<(&'static str, String)> {
    const PRIORITIES: [&str; 5] = [
        "Tester le parcours de demande avec cinq usagers",
        "Nettoyer les relevés de hauteur d'eau de 2019",
        "Publier le premier jeu de données sur data.gouv.fr",
        "Maquetter la page d'accueil du guichet",
        "Entraîner un premier modèle sur les dossiers de 2023",
    ];
    const UPS: [&str; 4] = [
        "Haut : l'équipe métier a validé la maquette. Bas : l'accès à la base tarde.",
        "Haut : première démo réussie. Bas : deux jours perdus sur le poste de travail.",
        "Haut : les données sont enfin là. Bas : beaucoup de réunions.",
        "Haut : un usager nous a dit merci. Bas : la mise en production attend la DSI.",
    ];
    let help = match (team + w) % 4 {
        0 => "Un contact à la DSI pour ouvrir l'accès à la base de production.".to_owned(),
        1 => String::new(),
        2 => "Des retours de la promotion sur notre maquette.".to_owned(),
        _ => String::new(),
    };
    vec![
        ("humeur", ((team + w) % 3 + 3).to_string()),
        (
            "priorite",
            PRIORITIES[(team + w) % PRIORITIES.len()].to_owned(),
        ),
        ("hauts_bas", UPS[(team * 3 + w) % UPS.len()].to_owned()),
        ("aide", help),
    ]
}

/// Creates the running promotion once. Returns it with a fellow of its
/// first team (whose host lead is the demo's host account) and that team,
/// or `None` when it existed already.
pub async fn run(
    db: &DatabaseConnection,
    base_url: &str,
    data_dir: &std::path::Path,
    organisations: &[i64],
    hash: &str,
) -> anyhow::Result<Option<(i64, String, i64)>> {
    let Some((promotion_id, _)) =
        crate::seed_formation::market(db, RUNNING, "encours", organisations, hash, -72).await?
    else {
        return Ok(None);
    };
    let state = crate::seed::state(db, base_url, data_dir);
    let origin = Origin::default();
    let now = Utc::now();
    // Formed before the start; every offer accepted in turn.
    let mut t = now - Duration::days(90);
    runs::run(db, &origin, promotion_id).await.map_err(err)?;
    answers::validate(&state, &origin, promotion_id, 1, t)
        .await
        .map_err(err)?;
    for _ in 0..60 {
        let Some(o) = offer::Entity::find()
            .filter(offer::Column::PromotionId.eq(promotion_id))
            .filter(offer::Column::State.eq("open"))
            .order_by_asc(offer::Column::Id)
            .one(db)
            .await?
        else {
            break;
        };
        t += Duration::minutes(10);
        answers::answer(&state, &origin, o.id, true, t)
            .await
            .map_err(err)?;
    }
    // Contracts signed, missions under way.
    let p = promotion::Entity::find_by_id(promotion_id)
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no promotion"))?;
    for pl in placement::Entity::find()
        .filter(placement::Column::PromotionId.eq(promotion_id))
        .all(db)
        .await?
    {
        let mut row = pl.into_active_model();
        row.state = Set(PlacementState::Active.code().into());
        row.documents_sent_on = Set(Some(p.start_date - Duration::days(30)));
        row.contract_received_on = Set(Some(p.start_date - Duration::days(12)));
        row.update(db).await?;
    }
    milestones::ensure_instances(db, &p, None)
        .await
        .map_err(err)?;
    let teams = milestones::teams(db, promotion_id).await.map_err(err)?;
    if teams.is_empty() {
        return Ok(None);
    }
    let templates = milestones::templates(db, promotion_id).await.map_err(err)?;
    let key_of = |id: i64| -> &str {
        templates
            .iter()
            .find(|t| t.row.id == id)
            .map_or("", |t| t.row.key.as_str())
    };
    // Who writes for each team: a fellow, and its host's lead.
    let mut fellow_of = std::collections::HashMap::new();
    for &d in &teams {
        let apps: Vec<i64> = placement::Entity::find()
            .filter(placement::Column::DefiId.eq(d))
            .all(db)
            .await?
            .into_iter()
            .map(|p| p.application_id)
            .collect();
        let a = application::Entity::find()
            .filter(application::Column::Id.is_in(apps))
            .order_by_asc(application::Column::Id)
            .one(db)
            .await?;
        if let Some(u) = a.and_then(|a| a.user_id) {
            fellow_of.insert(d, u);
        }
    }
    let host = user::Entity::find()
        .filter(user::Column::Email.eq("hote@demo.cohorte.localhost"))
        .one(db)
        .await?
        .map(|u| u.id);
    let coordinator = user::Entity::find()
        .filter(user::Column::Email.eq("coordination@demo.cohorte.localhost"))
        .one(db)
        .await?
        .map(|u| u.id);
    let rows = instance::Entity::find()
        .filter(instance::Column::PromotionId.eq(promotion_id))
        .order_by_asc(instance::Column::DueAt)
        .all(db)
        .await?;
    let this_friday = rows
        .iter()
        .filter(|i| key_of(i.template_id) == "bulletin" && i.due_at > now)
        .map(|i| i.due_at)
        .min();
    let mut at_risk_report = None;
    for i in &rows {
        let team = teams.iter().position(|d| *d == i.defi_id).unwrap_or(0);
        let key = key_of(i.template_id);
        let past = i.due_at <= now;
        let (answers, when): (Vec<(&str, String)>, DateTime<Utc>) = match key {
            "bulletin" if past => {
                // Some weeks a team forgot; one team last week.
                let w = i.seq as usize;
                let last_week = i.due_at > now - Duration::days(7);
                if (team + w) % 6 == 5 || (last_week && team == 3) {
                    continue;
                }
                (
                    bulletin(team, w),
                    i.due_at - Duration::hours(2 + (team as i64)),
                )
            }
            // This week's, once open: two teams already wrote theirs.
            "bulletin"
                if Some(i.due_at) == this_friday
                    && team < 2
                    && i.due_at - Duration::days(2) + Duration::hours(3) <= now =>
            {
                (
                    bulletin(team, i.seq as usize),
                    now - Duration::hours(1 + team as i64),
                )
            }
            "rapport" if past => {
                let last = i.due_at > now - Duration::days(31);
                let risky = last && team == 1;
                let status = if risky { "a_risque" } else { "en_bonne_voie" };
                let progress = if risky {
                    "L'accès aux données de production est toujours refusé ; l'équipe travaille sur un extrait de 2021."
                } else {
                    "Le prototype avance au rythme prévu ; deux démonstrations à l'équipe métier."
                };
                let mut a = vec![
                    ("statut", status.to_owned()),
                    ("avancement", progress.to_owned()),
                    (
                        "suite",
                        "Présenter le prototype au comité de pilotage.".to_owned(),
                    ),
                ];
                if risky {
                    a.push((
                        "aide",
                        "Un appui de la coordination auprès de la DSI du ministère.".to_owned(),
                    ));
                    at_risk_report = Some(i.id);
                }
                (a, i.due_at - Duration::hours(3))
            }
            "arrivee" if past && team != 4 => (Vec::new(), i.due_at - Duration::days(2)),
            "indicateurs" if past && team < 3 => (
                vec![
                    (
                        "indicateurs",
                        "Délai moyen de traitement d'une demande ; part des demandes en ligne."
                            .to_owned(),
                    ),
                    ("valeur", "42".to_owned()),
                ],
                i.due_at + Duration::days(if team == 2 { 3 } else { -1 }),
            ),
            "pleniere" if past && team != 2 => (
                vec![(
                    "point",
                    "Prototype montré à l'équipe métier ; prochaine étape : tests usagers."
                        .to_owned(),
                )],
                i.due_at - Duration::hours(4),
            ),
            _ => continue,
        };
        let by = match key {
            "rapport" | "arrivee" => {
                // The demo's host leads the first organisation's défis only.
                let l = submit::load(db, i.id).await.map_err(err)?;
                if l.defi.organisation_id != organisations[0] {
                    // Other hosts' reports: written as if by their lead.
                    None
                } else {
                    host
                }
            }
            _ => fellow_of.get(&i.defi_id).copied(),
        };
        let ticked: Vec<String> = if key == "arrivee" {
            let n = if team == 1 { 4 } else { 6 };
            [
                "contrat",
                "donnees",
                "poste",
                "reseau",
                "badge",
                "immersion",
            ]
            .iter()
            .take(n)
            .map(|s| (*s).to_owned())
            .collect()
        } else {
            Vec::new()
        };
        match by {
            Some(u) => {
                let get = |k: &str| {
                    answers
                        .iter()
                        .find(|(n, _)| *n == k)
                        .map(|(_, v)| v.clone())
                };
                submit::fill(&state, &origin, u, i.id, get, |_| ticked.clone(), when)
                    .await
                    .map_err(|e| anyhow::anyhow!("{key} due {} at {when}: {e}", i.due_at))?;
            }
            None => {
                // A host without an account in the demo: its answers are
                // stored as they would be.
                let mut a: std::collections::BTreeMap<String, serde_json::Value> = answers
                    .iter()
                    .filter(|(_, v)| !v.is_empty())
                    .map(|(k, v)| ((*k).to_owned(), serde_json::Value::String(v.clone())))
                    .collect();
                if key == "arrivee" {
                    a.insert("liste".into(), serde_json::json!(ticked));
                }
                let mut row = i.clone().into_active_model();
                row.submitted_at = Set(Some(when));
                row.updated_at = Set(Some(when));
                row.answers = Set(Some(serde_json::to_string(&a)?));
                row.update(db).await?;
            }
        }
    }
    // The at-risk report, answered by the programme team.
    if let (Some(id), Some(c)) = (at_risk_report, coordinator) {
        submit::reply(
            &state,
            &origin,
            c,
            true,
            id,
            "Merci pour l'alerte. Nous appelons la DSI du ministère cette semaine et revenons vers vous vendredi.",
            now - Duration::hours(20),
        )
        .await
        .map_err(err)?;
    }
    // One milestone moved, for the page's words.
    if let Some(t) = templates.iter().find(|t| t.row.key == "continuite")
        && let Some(i) = instance::Entity::find()
            .filter(instance::Column::TemplateId.eq(t.row.id))
            .filter(instance::Column::DefiId.eq(teams[teams.len() - 1]))
            .one(db)
            .await?
    {
        let day = (i.due_at + Duration::days(14)).date_naive();
        let mut row = i.into_active_model();
        row.due_at = Set(paris(
            day,
            NaiveTime::from_hms_opt(17, 0, 0).unwrap_or_default(),
        ));
        row.moved_reason = Set(Some("Mentor en congé à la date prévue.".into()));
        row.update(db).await?;
    }
    let email = match fellow_of.get(&teams[0]) {
        Some(u) => user::Entity::find_by_id(*u)
            .one(db)
            .await?
            .map(|u| u.email)
            .unwrap_or_default(),
        None => String::new(),
    };
    Ok(Some((promotion_id, email, teams[0])))
}

/// The running promotion seeded earlier, for the summary: it, a fellow of
/// its first team, that team.
pub async fn find(db: &DatabaseConnection) -> anyhow::Result<Option<(i64, String, i64)>> {
    let Some(p) = promotion::Entity::find()
        .filter(promotion::Column::Name.eq(RUNNING))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let teams = milestones::teams(db, p.id).await.map_err(err)?;
    let Some(&team) = teams.first() else {
        return Ok(None);
    };
    let fellow = milestones::fellows(db, team)
        .await
        .map_err(err)?
        .into_iter()
        .next()
        .map(|f| f.email)
        .unwrap_or_default();
    Ok(Some((p.id, fellow, team)))
}
