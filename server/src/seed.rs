//! Demo data, created once: one account per role, all with the same
//! documented demo password. Refused in production.

use app::domain::{Email, HostRole, PersonName, Role};
use app::server::service::{Origin, admin, passwords};
use sea_orm::DatabaseConnection;

pub const DEMO_PASSWORD: &str = "demo-cohorte-2027";

pub const DEMO_PROMOTION: &str = "EIG 7 — 2027";
pub const DEMO_ORGANISATION: &str = "Direction du numérique de démonstration";

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

pub async fn run(db: &DatabaseConnection, base_url: &str) -> anyhow::Result<()> {
    let hash = passwords::hash(DEMO_PASSWORD.to_owned())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let origin = Origin::default();
    let promotion = admin::ensure_promotion(
        db,
        &origin,
        DEMO_PROMOTION,
        "Promotion de démonstration : 10 mois, équipes de 2 ou 3 talents du numérique.",
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let organisation = admin::ensure_organisation(db, &origin, DEMO_ORGANISATION)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
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
    println!("Promotion : {DEMO_PROMOTION} · organisation : {DEMO_ORGANISATION}");
    for (email, _, _, what) in accounts {
        println!("  - {email:<40} {what}");
    }
    println!();
    Ok(())
}
