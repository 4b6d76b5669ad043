//! Demo dossiers for the demo promotion: about 60 in every state for
//! `cohorte seed-demo`, or N submitted ones (`--applicants N`) for the
//! benchmarks. Names, texts, profiles, choices and states vary with a
//! seeded generator, so that two runs give the same data. Rows are written
//! in batches inside one transaction: 5,000 dossiers take seconds.

use app::domain::application::ApplicationState;
use app::server::db::write_txn;
use app::server::db::{
    application, application_choice, application_event, attachment, defi, defi_slot, user,
};
use chrono::{Duration, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder,
};
use std::collections::BTreeMap;

const FIRST: [&str; 40] = [
    "Camille", "Léa", "Hugo", "Inès", "Lucas", "Chloé", "Nathan", "Manon", "Yanis", "Sarah",
    "Louis", "Emma", "Mehdi", "Jade", "Théo", "Zoé", "Karim", "Lina", "Arthur", "Aïcha", "Gabriel",
    "Clara", "Rayan", "Alice", "Jules", "Salomé", "Adam", "Anaïs", "Noé", "Fatou", "Paul",
    "Maëlle", "Sacha", "Nour", "Victor", "Elsa", "Mathis", "Yasmine", "Tom", "Océane",
];
const LAST: [&str; 40] = [
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefebvre",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "André",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "François",
    "Martinez",
    "Legrand",
    "Garnier",
    "Faure",
    "Rousseau",
    "Blanc",
    "Guérin",
    "Muller",
    "Henry",
    "Roussel",
    "Nicolas",
    "Perrin",
];
const SKILLS: [&str; 8] = [
    "Rust, PostgreSQL, tests automatisés",
    "Python, pandas, scikit-learn, visualisation",
    "Airflow, dbt, entrepôts de données, SQL",
    "Recherche utilisateur, prototypage, Figma, accessibilité",
    "RGPD, droit des données publiques, contrats",
    "QGIS, PostGIS, cartographie, données ouvertes",
    "TypeScript, React, API REST, intégration continue",
    "Statistiques, R, séries temporelles",
];
const EXPERIENCE: [&str; 6] = [
    "Six ans dans une entreprise de services numériques, puis deux ans dans une collectivité.",
    "Doctorat en statistique appliquée, puis trois ans dans une jeune entreprise de santé.",
    "Développeuse dans une mutuelle, responsable d'une équipe de quatre personnes.",
    "Designer indépendant pour des associations et deux ministères.",
    "Juriste dans un cabinet spécialisé en données personnelles depuis cinq ans.",
    "Ingénieur géomaticien dans un bureau d'études, projets d'aménagement du territoire.",
];
const MOTIVATION: [&str; 5] = [
    "Je veux mettre mes compétences au service d'une politique publique qui compte pour les usagers.",
    "Travailler au sein d'une administration, avec ses agents, pour que le numérique simplifie vraiment les démarches.",
    "Ouvrir des données et du code publics, et montrer qu'une petite équipe peut changer un service.",
    "J'ai vu de près ce que des outils mal conçus coûtent aux agents ; je veux construire mieux, avec eux.",
    "Donner dix mois à l'intérêt général, apprendre le fonctionnement de l'État et transmettre ce que je sais.",
];
const EXPERIENCE_BANDS: [&str; 4] = ["lt2", "2to5", "5to10", "gt10"];

/// The mix of states of the default demo: most dossiers submitted or under
/// review, a few in every other state, drafts included.
const DEMO_MIX: [(ApplicationState, usize); 12] = [
    (ApplicationState::Draft, 8),
    (ApplicationState::Submitted, 16),
    (ApplicationState::CorrectionRequested, 4),
    (ApplicationState::InReview, 8),
    (ApplicationState::Shortlisted, 6),
    (ApplicationState::NotShortlisted, 4),
    (ApplicationState::InvitedToInterview, 3),
    (ApplicationState::Interviewed, 3),
    (ApplicationState::Ranked, 2),
    (ApplicationState::Withdrawn, 2),
    (ApplicationState::Ineligible, 2),
    (ApplicationState::Incomplete, 2),
];

/// A small deterministic generator (SplitMix64): the same seed gives the
/// same demo.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn pick<'a, T>(&mut self, list: &'a [T]) -> &'a T {
        &list[(self.next() % list.len() as u64) as usize]
    }
}

/// What to add.
#[derive(Clone, Debug)]
pub enum Batch {
    /// The demo's ~60 dossiers in every state, once.
    Demo,
    /// n dossiers, mostly submitted, some reviewed (list benchmarks).
    Submitted(usize),
    /// n complete drafts with a CV, whose accounts sign in with the demo
    /// password: the autosave storm and the deadline rush of the load
    /// script. Their addresses are `brouillon.{i}@candidats.demo…`.
    BenchDrafts {
        n: usize,
        password_hash: String,
        data_dir: std::path::PathBuf,
    },
}

/// A tiny valid PDF, as the CV of benchmark drafts.
const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

/// Which states the dossiers of `batch` get: the demo mix, or for the
/// benchmark mostly submitted with some reviewed.
fn states(batch: &Batch) -> Vec<ApplicationState> {
    match batch {
        Batch::Demo => DEMO_MIX
            .iter()
            .flat_map(|(s, k)| std::iter::repeat_n(*s, *k))
            .collect(),
        Batch::BenchDrafts { n, .. } => vec![ApplicationState::Draft; *n],
        Batch::Submitted(n) => (0..*n)
            .map(|i| match i % 10 {
                0 => ApplicationState::InReview,
                1 => ApplicationState::Shortlisted,
                2 => ApplicationState::CorrectionRequested,
                _ => ApplicationState::Submitted,
            })
            .collect(),
    }
}

/// Adds dossiers to `promotion`: the demo mix once (left alone when the
/// generator already ran), or as many more as `batch` asks. Returns how
/// many were created.
pub async fn run(db: &DatabaseConnection, promotion: i64, batch: Batch) -> anyhow::Result<usize> {
    let err = |e: sea_orm::DbErr| anyhow::anyhow!("{e}");
    let existing = user::Entity::find()
        .filter(user::Column::Email.ends_with("@candidats.demo.cohorte.localhost"))
        .count(db)
        .await
        .map_err(err)? as usize;
    if matches!(batch, Batch::Demo) && existing > 0 {
        return Ok(0);
    }
    let (bench, password_hash) = match &batch {
        Batch::BenchDrafts { password_hash, .. } => (true, Some(password_hash.clone())),
        _ => (false, None),
    };
    // The published défis and the profiles each seeks.
    let defis = defi::Entity::find()
        .filter(defi::Column::PromotionId.eq(promotion))
        .filter(defi::Column::PublishedAt.is_not_null())
        .order_by_asc(defi::Column::Id)
        .all(db)
        .await
        .map_err(err)?;
    let ids: Vec<i64> = defis.iter().map(|d| d.id).collect();
    let mut by_profile: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for s in defi_slot::Entity::find()
        .filter(defi_slot::Column::DefiId.is_in(ids))
        .order_by_asc(defi_slot::Column::DefiId)
        .all(db)
        .await
        .map_err(err)?
    {
        // Unused slot rows have no profile.
        if s.profile.is_empty() {
            continue;
        }
        let list = by_profile.entry(s.profile).or_default();
        if !list.contains(&s.defi_id) {
            list.push(s.defi_id);
        }
    }
    anyhow::ensure!(
        !by_profile.is_empty(),
        "the demo promotion has no published défi to apply to"
    );
    let profiles: Vec<String> = by_profile.keys().cloned().collect();
    let states = states(&batch);
    let now = Utc::now();
    let mut mix = Mix(0xC0_40_27 ^ existing as u64);
    let txn = write_txn(db).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    for (chunk_no, chunk) in states.chunks(400).enumerate() {
        let mut users = Vec::with_capacity(chunk.len());
        let mut people = Vec::with_capacity(chunk.len());
        for (k, _) in chunk.iter().enumerate() {
            let i = existing + chunk_no * 400 + k;
            let first = *mix.pick(&FIRST);
            let last = *mix.pick(&LAST);
            let email = if bench {
                format!("brouillon.{i}@candidats.demo.cohorte.localhost")
            } else {
                format!(
                    "{}.{}.{i}@candidats.demo.cohorte.localhost",
                    ascii(first),
                    ascii(last)
                )
            };
            users.push(user::ActiveModel {
                email: Set(email.clone()),
                name: Set(format!("{first} {last}")),
                // Demo applicants cannot sign in (they fill tables); the
                // benchmark's drafts can, with the demo password.
                password_hash: Set(password_hash.clone()),
                locale: Set("fr".into()),
                email_verified_at: Set(Some(now)),
                disabled_at: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            });
            people.push((email, first, last));
        }
        user::Entity::insert_many(users)
            .exec(&txn)
            .await
            .map_err(err)?;
        let emails: Vec<String> = people.iter().map(|p| p.0.clone()).collect();
        let user_ids: BTreeMap<String, i64> = user::Entity::find()
            .filter(user::Column::Email.is_in(emails))
            .all(&txn)
            .await
            .map_err(err)?
            .into_iter()
            .map(|u| (u.email, u.id))
            .collect();
        let mut rows = Vec::with_capacity(chunk.len());
        let mut plans = Vec::with_capacity(chunk.len());
        for ((email, first, last), state) in people.iter().zip(chunk) {
            let profile = mix.pick(&profiles).clone();
            let mut choices = by_profile[&profile].clone();
            // A varied order and one to three choices.
            for j in (1..choices.len()).rev() {
                choices.swap(j, (mix.next() % (j as u64 + 1)) as usize);
            }
            choices.truncate(1 + (mix.next() % 3) as usize);
            let submitted = *state != ApplicationState::Draft;
            let declared = submitted || bench;
            let at = now - Duration::minutes((mix.next() % (6 * 24 * 60)) as i64);
            rows.push(application::ActiveModel {
                promotion_id: Set(promotion),
                user_id: Set(Some(user_ids[email])),
                state: Set(state.code().to_owned()),
                civility: Set(String::new()),
                first_name: Set((*first).to_owned()),
                last_name: Set((*last).to_owned()),
                email: Set(email.clone()),
                phone: Set(format!(
                    "06 {:02} {:02} {:02} {:02}",
                    mix.next() % 100,
                    mix.next() % 100,
                    mix.next() % 100,
                    mix.next() % 100
                )),
                profile: Set(profile.clone()),
                experience: Set((*mix.pick(&EXPERIENCE_BANDS)).to_owned()),
                skills: Set((*mix.pick(&SKILLS)).to_owned()),
                experience_text: Set((*mix.pick(&EXPERIENCE)).to_owned()),
                motivation: Set((*mix.pick(&MOTIVATION)).to_owned()),
                portfolio_url: Set(String::new()),
                code_url: Set(format!("https://git.example/{}", ascii(last))),
                mobility: Set(String::new()),
                remote: Set(mix.next().is_multiple_of(2)),
                support_role: Set(if mix.next().is_multiple_of(4) {
                    "oui"
                } else {
                    "non"
                }
                .into()),
                decl_civil_servant: Set(declared),
                decl_student: Set(declared),
                decl_jury: Set(declared),
                consent: Set(declared),
                version: Set(1),
                personal_deadline: Set(None),
                created_at: Set(at - Duration::days(1)),
                updated_at: Set(at),
                submitted_at: Set(submitted.then_some(at)),
                reminded_at: Set(None),
                anonymised_at: Set(None),
                ..Default::default()
            });
            plans.push((email.clone(), choices, submitted, at));
        }
        application::Entity::insert_many(rows)
            .exec(&txn)
            .await
            .map_err(err)?;
        let app_ids: BTreeMap<String, i64> = application::Entity::find()
            .filter(application::Column::PromotionId.eq(promotion))
            .filter(application::Column::Email.is_in(plans.iter().map(|p| p.0.clone())))
            .all(&txn)
            .await
            .map_err(err)?
            .into_iter()
            .map(|a| (a.email, a.id))
            .collect();
        let mut choices = Vec::new();
        let mut events = Vec::new();
        let mut cvs = Vec::new();
        for (email, picked, submitted, at) in plans {
            let id = app_ids[&email];
            if let Batch::BenchDrafts { data_dir, .. } = &batch {
                let dir = app::server::service::attachments::files_dir(data_dir);
                let stored = format!("{}.pdf", app::server::service::tokens::random_secret(16));
                std::fs::create_dir_all(&dir)?;
                std::fs::write(dir.join(&stored), PDF)?;
                cvs.push(attachment::ActiveModel {
                    owner_type: Set("application".into()),
                    owner_id: Set(id),
                    kind: Set("cv".into()),
                    stored_name: Set(stored),
                    original_name: Set("cv.pdf".into()),
                    size: Set(PDF.len() as i64),
                    uploaded_by: Set(None),
                    created_at: Set(at),
                    ..Default::default()
                });
            }
            for (rank, defi_id) in picked.into_iter().enumerate() {
                choices.push(application_choice::ActiveModel {
                    application_id: Set(id),
                    rank: Set(rank as i32 + 1),
                    defi_id: Set(defi_id),
                    ..Default::default()
                });
            }
            if submitted {
                events.push(application_event::ActiveModel {
                    application_id: Set(id),
                    kind: Set("submitted".into()),
                    message: Set(String::new()),
                    actor_id: Set(None),
                    at: Set(at),
                    ..Default::default()
                });
            }
        }
        application_choice::Entity::insert_many(choices)
            .exec(&txn)
            .await
            .map_err(err)?;
        if !cvs.is_empty() {
            attachment::Entity::insert_many(cvs)
                .exec(&txn)
                .await
                .map_err(err)?;
        }
        if !events.is_empty() {
            application_event::Entity::insert_many(events)
                .exec(&txn)
                .await
                .map_err(err)?;
        }
    }
    txn.commit().await.map_err(err)?;
    Ok(states.len())
}

/// Lower-case ASCII of a name, for an email address.
fn ascii(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'ë' | 'É' => 'e',
            'ï' | 'î' => 'i',
            'ç' => 'c',
            'à' | 'â' => 'a',
            'ô' => 'o',
            c => c.to_ascii_lowercase(),
        })
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_demo_mix_has_about_sixty_dossiers_in_every_state() {
        let states = super::states(&super::Batch::Demo);
        assert!((55..=65).contains(&states.len()), "{}", states.len());
        assert_eq!(super::DEMO_MIX.len(), 12);
    }

    #[test]
    fn names_become_plain_addresses() {
        assert_eq!(super::ascii("Aïcha"), "aicha");
        assert_eq!(super::ascii("Guérin"), "guerin");
        assert_eq!(super::ascii("Maëlle"), "maelle");
    }
}
