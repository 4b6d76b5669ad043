//! Demo data, created once: one account per role, all with the same
//! documented demo password. Refused in production.

use app::domain::{Email, HostRole, PersonName, Role};
use app::server::service::{Origin, admin, passwords};
use sea_orm::DatabaseConnection;

pub const DEMO_PASSWORD: &str = "demo-cohorte-2027";

/// Organisation id the demo host accounts belong to. The organisations table
/// arrives with the call for défis; until then the scope is a bare id.
const DEMO_ORGANISATION: i64 = 1;

pub fn demo_accounts() -> Vec<(&'static str, &'static str, Vec<Role>, &'static str)> {
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
                organisation: DEMO_ORGANISATION,
                role: HostRole::Lead,
            }],
            "responsable de défi",
        ),
        (
            "jury@demo.cohorte.localhost",
            "Jeanne Jury",
            vec![Role::Reviewer { promotion: 1 }],
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
    let mut created_any = false;
    for (email, name, roles, _) in demo_accounts() {
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
    for (email, _, _, what) in demo_accounts() {
        println!("  - {email:<40} {what}");
    }
    println!();
    Ok(())
}
