//! Server functions, one file per resource and verb: current actor → policy
//! → service → DTO. Thin on purpose. Endpoints are stable French paths under
//! `/api` so that forms keep working across releases.

pub mod admin;
pub mod applications;
pub mod auth;
pub mod defis;
pub mod organisations;
pub mod outbox;
pub mod privacy;
pub mod promotions;

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
];
