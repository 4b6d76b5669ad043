//! The demo promotion's défis: eight selected and published ones from five
//! organisations, covering every default profile, and three in other states
//! (submitted, information requested, rejected), so that every page of the
//! call for défis has something real to show.

use app::domain::defi::DefiState;
use app::domain::defi_form::{DefiForm, SlotForm};
use app::domain::organisation::{OrgKind, OrganisationDraft};

pub struct DemoOrganisation {
    pub name: &'static str,
    pub kind: OrgKind,
    pub city: &'static str,
}

impl DemoOrganisation {
    pub fn draft(&self) -> OrganisationDraft {
        OrganisationDraft {
            name: self.name.to_owned(),
            kind: self.kind,
            city: self.city.to_owned(),
        }
    }
}

pub const ORGANISATIONS: [DemoOrganisation; 5] = [
    DemoOrganisation {
        name: super::seed::DEMO_ORGANISATION,
        kind: OrgKind::State,
        city: "Paris",
    },
    DemoOrganisation {
        name: "Agence des forêts publiques (démonstration)",
        kind: OrgKind::Operator,
        city: "Nancy",
    },
    DemoOrganisation {
        name: "Métropole du Val-de-Loire (démonstration)",
        kind: OrgKind::LocalAuthority,
        city: "Tours",
    },
    DemoOrganisation {
        name: "Centre hospitalier de la Côte d'Opale (démonstration)",
        kind: OrgKind::Health,
        city: "Boulogne-sur-Mer",
    },
    DemoOrganisation {
        name: "Groupement Données publiques ouvertes (démonstration)",
        kind: OrgKind::Other,
        city: "Lille",
    },
];

pub struct DemoDefi {
    /// Index in `ORGANISATIONS`.
    pub organisation: usize,
    pub state: DefiState,
    pub published: bool,
    pub message: Option<&'static str>,
    pub title: &'static str,
    pub summary: &'static str,
    pub context: &'static str,
    pub use_cases: &'static str,
    /// (profile code, mission, mandatory)
    pub slots: &'static [(&'static str, &'static str, bool)],
}

impl DemoDefi {
    pub fn form(&self) -> DefiForm {
        let mut slots: [SlotForm; 3] = Default::default();
        for (row, (profile, mission, mandatory)) in slots.iter_mut().zip(self.slots) {
            *row = SlotForm {
                profile: (*profile).to_owned(),
                mission: (*mission).to_owned(),
                mandatory: *mandatory,
            };
        }
        DefiForm {
            title: self.title.to_owned(),
            summary: self.summary.to_owned(),
            context: self.context.to_owned(),
            use_cases: self.use_cases.to_owned(),
            impact: "Un service plus simple pour les usagers et du temps rendu aux agents.".to_owned(),
            data_available: "Données internes du service, historiques sur cinq ans ; données ouvertes nationales.".to_owned(),
            data_accessible: true,
            obstacles: "Systèmes d'information anciens ; disponibilité des équipes métier.".to_owned(),
            legal_ethics: "Données personnelles : analyse d'impact à conduire avec le délégué à la protection des données.".to_owned(),
            open_code: true,
            open_data: true,
            off_site: true,
            leads: "Direction métier et direction du numérique de l'organisation".to_owned(),
            mentor: "Responsable de l'innovation".to_owned(),
            slots,
        }
    }
}

const SELECTED: DefiState = DefiState::Selected;

pub const DEFIS: [DemoDefi; 11] = [
    DemoDefi {
        organisation: 0,
        state: SELECTED,
        published: true,
        message: None,
        title: "Simplifier les démarches des associations",
        summary: "Un parcours unique pour demander une subvention.\nMoins de pièces, des réponses plus rapides.",
        context: "Chaque année, des milliers d'associations déposent des dossiers de subvention sur des formulaires différents.",
        use_cases: "Un formulaire qui pré-remplit ce que l'administration sait déjà.\n\nUn suivi du dossier en temps réel pour l'association.",
        slots: &[
            (
                "developer",
                "Construire le parcours en ligne et ses connexions aux systèmes existants.",
                true,
            ),
            (
                "designer",
                "Observer les associations, concevoir et tester le parcours avec elles.",
                true,
            ),
            (
                "digital_law",
                "Sécuriser le cadre juridique de l'échange de données entre administrations.",
                false,
            ),
        ],
    },
    DemoDefi {
        organisation: 0,
        state: SELECTED,
        published: true,
        message: None,
        title: "Repérer les erreurs dans le versement des aides",
        summary: "Aider les agents à cibler leurs contrôles.\nMoins d'indus, moins de contrôles inutiles.",
        context: "Les contrôles sont aujourd'hui tirés au hasard ; les erreurs coûtent cher aux usagers comme à l'État.",
        use_cases: "Un score de priorité expliqué à l'agent.\n\nUn tableau de bord des contrôles et de leurs résultats.",
        slots: &[
            (
                "data_scientist",
                "Construire et évaluer des modèles explicables, avec les agents.",
                true,
            ),
            (
                "data_engineer",
                "Mettre en place les flux de données et leur qualité.",
                true,
            ),
            (
                "digital_law",
                "Encadrer l'usage de l'algorithme et son explication aux usagers.",
                false,
            ),
        ],
    },
    DemoDefi {
        organisation: 1,
        state: SELECTED,
        published: true,
        message: None,
        title: "Suivre la santé des forêts par satellite",
        summary: "Détecter tôt les dépérissements.\nOrienter les équipes de terrain.",
        context: "Sécheresses et parasites fragilisent les forêts ; les relevés de terrain ne suffisent plus.",
        use_cases: "Une carte des zones à surveiller mise à jour chaque mois.",
        slots: &[
            (
                "geomatician",
                "Traiter les images satellites et produire les cartes.",
                true,
            ),
            (
                "data_scientist",
                "Détecter les dépérissements à partir des séries d'images.",
                true,
            ),
        ],
    },
    DemoDefi {
        organisation: 1,
        state: SELECTED,
        published: true,
        message: None,
        title: "Cartographier le risque d'incendie",
        summary: "Une carte du risque partagée avec les pompiers.\nDes décisions de prévention mieux ciblées.",
        context: "Les feux de forêt gagnent de nouvelles régions.",
        use_cases: "Une carte quotidienne du risque.\n\nUn outil de planification des débroussaillements.",
        slots: &[
            (
                "geomatician",
                "Croiser végétation, météo et relief dans une carte du risque.",
                true,
            ),
            (
                "developer",
                "Construire l'application cartographique.",
                true,
            ),
            (
                "designer",
                "Concevoir l'outil avec les équipes de terrain.",
                false,
            ),
        ],
    },
    DemoDefi {
        organisation: 2,
        state: SELECTED,
        published: true,
        message: None,
        title: "Optimiser les tournées de collecte des déchets",
        summary: "Des camions qui passent quand les bacs sont pleins.\nMoins de kilomètres, moins de CO₂.",
        context: "Les tournées sont fixes alors que le remplissage des bacs varie fortement.",
        use_cases: "Prévoir le remplissage.\n\nProposer chaque matin des tournées optimisées.",
        slots: &[
            ("data_scientist", "Prévoir le remplissage des bacs.", true),
            (
                "developer",
                "Construire l'outil de planification des tournées.",
                true,
            ),
        ],
    },
    DemoDefi {
        organisation: 2,
        state: SELECTED,
        published: true,
        message: None,
        title: "Ouvrir les données de mobilité",
        summary: "Publier horaires et fréquentation en temps réel.\nPermettre à chacun d'en faire des services.",
        context: "Les données existent mais restent enfermées dans les systèmes des exploitants.",
        use_cases: "Un portail de données ouvertes.\n\nDes API documentées pour les réutilisateurs.",
        slots: &[
            (
                "data_engineer",
                "Construire les flux et les API de données.",
                true,
            ),
            (
                "developer",
                "Développer le portail et sa documentation.",
                true,
            ),
            (
                "designer",
                "Concevoir le portail avec les réutilisateurs.",
                false,
            ),
        ],
    },
    DemoDefi {
        organisation: 3,
        state: SELECTED,
        published: true,
        message: None,
        title: "Réduire l'attente aux urgences",
        summary: "Anticiper l'affluence heure par heure.\nMieux organiser l'accueil des patients.",
        context: "L'affluence aux urgences varie beaucoup et les équipes s'organisent sans prévision.",
        use_cases: "Une prévision d'affluence à 48 heures.\n\nUn affichage des temps d'attente pour les patients.",
        slots: &[
            (
                "data_scientist",
                "Construire les prévisions d'affluence.",
                true,
            ),
            (
                "designer",
                "Concevoir l'affichage avec soignants et patients.",
                true,
            ),
            (
                "developer",
                "Intégrer les prévisions aux outils de l'hôpital.",
                false,
            ),
        ],
    },
    DemoDefi {
        organisation: 4,
        state: SELECTED,
        published: true,
        message: None,
        title: "Un registre ouvert des algorithmes publics",
        summary: "Recenser les algorithmes utilisés par les administrations.\nLes expliquer aux personnes concernées.",
        context: "La loi impose d'expliquer les décisions algorithmiques, mais peu d'administrations savent lesquelles elles utilisent.",
        use_cases: "Un registre en ligne.\n\nUn guide pour rédiger l'explication d'un algorithme.",
        slots: &[
            (
                "digital_law",
                "Définir ce qu'il faut publier et accompagner les administrations.",
                true,
            ),
            (
                "developer",
                "Construire le registre et son interface de saisie.",
                true,
            ),
            (
                "designer",
                "Rendre les explications compréhensibles par tous.",
                false,
            ),
        ],
    },
    DemoDefi {
        organisation: 3,
        state: DefiState::Submitted,
        published: false,
        message: None,
        title: "Prévoir les besoins en lits",
        summary: "Anticiper les tensions sur les lits d'hospitalisation.",
        context: "Les tensions sur les lits se découvrent au jour le jour.",
        use_cases: "Une prévision hebdomadaire par service.",
        slots: &[
            ("data_scientist", "Construire les prévisions.", true),
            (
                "data_engineer",
                "Rassembler les données des services.",
                true,
            ),
        ],
    },
    DemoDefi {
        organisation: 4,
        state: DefiState::InfoRequested,
        published: false,
        message: Some(
            "Bonjour,\n\nPourriez-vous préciser quelles données des marchés publics sont aujourd'hui accessibles, et sous quelle forme ?\n\nL'équipe du programme",
        ),
        title: "Fiabiliser les données des marchés publics",
        summary: "Des données de commande publique complètes et utilisables.",
        context: "Les données essentielles des marchés publics sont incomplètes.",
        use_cases: "Des contrôles de qualité automatiques.",
        slots: &[
            (
                "data_engineer",
                "Construire les contrôles de qualité.",
                true,
            ),
            ("developer", "Outiller les acheteurs.", true),
        ],
    },
    DemoDefi {
        organisation: 2,
        state: DefiState::Rejected,
        published: false,
        message: Some(
            "Bonjour,\n\nMerci pour ce défi. Il n'a pas été retenu : un outil équivalent existe déjà et peut être réutilisé.\n\nL'équipe du programme",
        ),
        title: "Un assistant conversationnel pour les services municipaux",
        summary: "Répondre aux questions courantes des habitants.",
        context: "Les standards téléphoniques sont saturés.",
        use_cases: "Un assistant sur le site de la métropole.",
        slots: &[
            ("developer", "Construire l'assistant.", true),
            ("designer", "Concevoir les parcours.", true),
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use app::domain::profile::default_profiles;

    #[test]
    fn demo_defis_are_complete_and_cover_every_profile() {
        let profiles = default_profiles();
        for d in &DEFIS {
            let form = d.form().parse_draft(&profiles).expect(d.title);
            assert_eq!(form.check_complete(2, 3), Ok(()), "{}", d.title);
        }
        let published: Vec<&DemoDefi> = DEFIS.iter().filter(|d| d.published).collect();
        assert_eq!(published.len(), 8);
        let orgs: std::collections::HashSet<usize> =
            published.iter().map(|d| d.organisation).collect();
        assert_eq!(orgs.len(), 5);
        for p in &profiles {
            assert!(
                published
                    .iter()
                    .any(|d| d.slots.iter().any(|(code, _, _)| *code == p.as_str())),
                "{p:?}"
            );
        }
        assert_eq!(DEFIS.iter().filter(|d| !d.published).count(), 3);
    }
}
