//! Server functions, one file per resource and verb: current actor → policy
//! → service → DTO. Thin on purpose. Endpoints are stable French paths under
//! `/api` so that forms keep working across releases.

pub mod admin;
pub mod applications;
pub mod area;
pub mod auth;
pub mod defis;
pub mod formation;
pub mod hearings;
pub mod interviews;
pub mod milestones;
pub mod organisations;
pub mod outbox;
pub mod privacy;
pub mod promotions;
pub mod review;

#[cfg(feature = "ssr")]
pub mod support;

/// Every server function's endpoint and the policy action it asks. The
/// policy test fails when a registered server function is missing here.
pub const ENDPOINT_ACTIONS: &[(&str, &str)] = &[
    ("/api/inscription", "SignUp"),
    ("/api/verification", "UseEmailedToken"),
    ("/api/verification-nom", "UseEmailedToken"),
    ("/api/connexion", "SignIn"),
    ("/api/lien-de-connexion", "RequestMagicLink"),
    ("/api/connexion-par-lien", "UseEmailedToken"),
    ("/api/mot-de-passe-oublie", "RequestPasswordReset"),
    ("/api/nouveau-mot-de-passe", "UseEmailedToken"),
    ("/api/deconnexion", "SignOut"),
    ("/api/utilisateurs", "ListUsers"),
    ("/api/attribuer-role", "ManageRoles"),
    ("/api/retirer-role", "ManageRoles"),
    ("/api/activation-compte", "SetAccountDisabled"),
    ("/api/courriels", "ViewOutbox"),
    ("/api/courriel", "ViewOutbox"),
    ("/api/renvoyer-courriel", "ResendMail"),
    ("/api/promotions", "ViewPromotions"),
    ("/api/promotion", "ViewPromotions"),
    ("/api/creer-promotion", "ManagePromotions"),
    ("/api/modifier-promotion", "ManagePromotions"),
    ("/api/enregistrer-organisation", "RegisterOrganisation"),
    ("/api/modifier-organisation", "ManageOrganisations"),
    ("/api/mes-organisations", "RegisterOrganisation"),
    ("/api/organisation", "ViewOrganisation"),
    ("/api/organisations", "ManageOrganisations"),
    ("/api/organisation-fiche", "ManageOrganisations"),
    ("/api/inviter-membre", "InviteMember"),
    ("/api/retirer-membre", "InviteMember"),
    ("/api/annuler-invitation", "InviteMember"),
    ("/api/invitation", "UseEmailedToken"),
    ("/api/accepter-invitation", "AcceptInvitation"),
    ("/api/creer-defi", "CreateDefi"),
    ("/api/enregistrer-defi", "EditDefi"),
    ("/api/defi", "ViewDefiDossier"),
    ("/api/defis-promotion", "DecideDefis"),
    ("/api/decider-defi", "DecideDefis"),
    ("/api/apercu-decisions", "DecideDefis"),
    ("/api/decider-defis", "DecideDefis"),
    ("/api/publier-defis", "PublishDefis"),
    ("/api/defis-publics", "ViewDefiSheet"),
    ("/api/defi-public", "ViewDefiSheet"),
    ("/api/candidater", "StartApplication"),
    ("/api/retirer-candidature", "WithdrawApplication"),
    ("/api/mes-candidatures", "StartApplication"),
    ("/api/mon-espace", "ViewOwnArea"),
    ("/api/candidature", "ViewApplication"),
    ("/api/enregistrer-candidature", "EditApplication"),
    ("/api/apercu-effacement", "ManagePromotions"),
    ("/api/clore-promotion", "ManagePromotions"),
    ("/api/candidatures-promotion", "ReviewApplications"),
    ("/api/brouillons-promotion", "ReviewApplications"),
    ("/api/relancer-brouillon", "RemindDraft"),
    ("/api/examiner-candidature", "ReviewApplication"),
    ("/api/prolonger-candidature", "ExtendApplicationDeadline"),
    ("/api/apercu-candidatures", "ReviewApplications"),
    ("/api/examiner-candidatures", "ReviewApplications"),
    ("/api/mes-donnees", "ExportOwnData"),
    ("/api/supprimer-compte", "DeleteOwnAccount"),
    ("/api/conservation-promotion", "ManagePromotions"),
    ("/api/preselection", "ManageReview"),
    ("/api/parametres-preselection", "ManageReview"),
    ("/api/critere", "ManageReview"),
    ("/api/supprimer-critere", "ManageReview"),
    ("/api/inviter-jure", "ManageReview"),
    ("/api/modifier-jure", "ManageReview"),
    ("/api/retirer-jure", "ManageReview"),
    ("/api/plan-affectation", "ManageReview"),
    ("/api/appliquer-affectation", "ManageReview"),
    ("/api/affecter-dossier", "ManageReview"),
    ("/api/avis-dossier", "ManageReview"),
    ("/api/resultats-preselection", "ManageReview"),
    ("/api/apercu-preselection", "ManageReview"),
    ("/api/preselectionner", "ManageReview"),
    ("/api/jury", "ViewJuryHome"),
    ("/api/conflits", "ActAsJuror"),
    ("/api/declarer-conflits", "ActAsJuror"),
    ("/api/dossier-jury", "ReadAsJuror"),
    ("/api/avis", "ScoreAsJuror"),
    ("/api/mes-entretiens", "BookInterview"),
    ("/api/reserver-entretien", "BookInterview"),
    ("/api/annuler-entretien", "BookInterview"),
    ("/api/repondre-jury", "BookInterview"),
    ("/api/nouvelle-adresse-calendrier", "BookInterview"),
    ("/api/entretiens-promotion", "ManageInterviews"),
    ("/api/proposer-entretiens", "ManageInterviews"),
    ("/api/jury-defi", "ViewJury"),
    ("/api/creneau", "ManageJurySlots"),
    ("/api/supprimer-creneau", "ManageJurySlots"),
    ("/api/planning-apercu", "ManageJurySlots"),
    ("/api/appliquer-planning", "ManageJurySlots"),
    ("/api/composer-jury", "ManageInterviews"),
    ("/api/liste-classee", "RankCandidates"),
    ("/api/rouvrir-liste", "ManageInterviews"),
    ("/api/grille-entretien", "ScoreInterview"),
    ("/api/grille", "ScoreInterview"),
    ("/api/classement-defis", "ViewApplication"),
    ("/api/classer-defis", "RankAfterShortlist"),
    ("/api/auditions-promotion", "ManageHearings"),
    ("/api/affecter-auditions", "ManageHearings"),
    ("/api/retirer-jure-audition", "ManageHearings"),
    ("/api/creneau-audition", "ManageHearings"),
    ("/api/supprimer-creneau-audition", "ManageHearings"),
    ("/api/appliquer-auditions", "ManageHearings"),
    ("/api/grille-jury", "ManageHearings"),
    ("/api/mes-auditions", "ActAsJuror"),
    ("/api/audition-defi", "ReadHeardDefi"),
    ("/api/grille-defi", "ScoreDefi"),
    ("/api/classer-auditions", "ActAsJuror"),
    ("/api/equipes-promotion", "ManageFormation"),
    ("/api/execution-equipes", "ManageFormation"),
    ("/api/lancer-appariement", "ManageFormation"),
    ("/api/ajuster-placement", "ManageFormation"),
    ("/api/apercu-ajustement", "ManageFormation"),
    ("/api/reprendre-propositions", "ManageFormation"),
    ("/api/valider-appariement", "ManageFormation"),
    ("/api/propositions-promotion", "ManageFormation"),
    ("/api/elargir-liste", "ManageFormation"),
    ("/api/suivi-placement", "ManageFormation"),
    ("/api/mes-propositions", "AnswerOffer"),
    ("/api/repondre-proposition", "AnswerOffer"),
    ("/api/renoncer-propositions", "AnswerOffer"),
    ("/api/vivier-talents", "AnswerOffer"),
    ("/api/equipe-defi", "ViewPromotionTeam"),
    ("/api/jalon", "ViewPromotionTeam"),
    ("/api/remplir-jalon", "FillMilestone"),
    ("/api/deplacer-jalon", "ManageMilestones"),
    ("/api/dispenser-jalon", "ManageMilestones"),
    ("/api/repondre-rapport", "ReplyOnReport"),
    ("/api/suivi-promotion", "ManageMilestones"),
    ("/api/frise-promotion", "ManageMilestones"),
    ("/api/jalons-promotion", "ManageMilestones"),
    ("/api/modifier-jalon-promotion", "ManageMilestones"),
];

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::ENDPOINT_ACTIONS;

    /// Every Rust file under `dir`, with its text.
    fn sources(dir: &std::path::Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(std::fs::read_to_string(&path).unwrap());
            }
        }
    }

    /// The table says what each server function asks the policy: checked
    /// against the function's code (the `Action::…` it names), so that a
    /// row cannot drift from what the endpoint really requires.
    #[test]
    fn the_table_names_an_action_each_endpoint_really_asks() {
        let mut files = Vec::new();
        sources(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/api"),
            &mut files,
        );
        let mut seen = 0;
        for text in &files {
            // Attributes at the start of a line: not `#[server(flatten)]` on an argument.
            for chunk in text.split("\n#[server(").skip(1) {
                let Some(rest) = chunk.split_once("endpoint = \"").map(|(_, r)| r) else {
                    continue;
                };
                let endpoint = format!("/api/{}", rest.split('"').next().unwrap());
                let asked: Vec<&str> = chunk
                    .split("Action::")
                    .skip(1)
                    .map(|s| {
                        s.split(|c: char| !c.is_ascii_alphanumeric())
                            .next()
                            .unwrap()
                    })
                    .collect();
                let Some((_, listed)) = ENDPOINT_ACTIONS.iter().find(|(p, _)| *p == endpoint)
                else {
                    panic!("{endpoint} has no row in ENDPOINT_ACTIONS");
                };
                assert!(
                    asked.contains(listed),
                    "{endpoint}: the table says {listed}, the code asks {asked:?}"
                );
                seen += 1;
            }
        }
        assert_eq!(
            seen,
            ENDPOINT_ACTIONS.len(),
            "every row is a server function"
        );
    }
}
