//! The shell every page shares: navigation, footer, error pages, the home page
//! and the static pages.

super::texts! {
    Shell;
    AppName => "Cohorte", "Cohorte";
    Tagline =>
        "Programmes d'intérêt général pour les talents du numérique",
        "Public-interest programmes for digital talent";
    SkipToContent => "Aller au contenu", "Skip to content";
    MainNav => "Navigation principale", "Main navigation";
    SignIn => "Se connecter", "Sign in";
    SignUp => "Créer un compte", "Create an account";
    SignOut => "Se déconnecter", "Sign out";
    MyArea => "Mon espace", "My area";
    NavUsers => "Utilisateurs", "Users";
    NavOutbox => "Courriels envoyés", "Sent emails";
    SwitchLanguage => "Changer de langue", "Change language";
    LanguageName => "Français", "English";
    FooterAccessibility =>
        "Accessibilité : partiellement conforme",
        "Accessibility: partially compliant";
    FooterLegal => "Mentions légales", "Legal notice";
    FooterPrivacy => "Données personnelles", "Personal data";
    FooterSource => "Code source (logiciel libre)", "Source code (free software)";
    ErrNotFoundTitle => "Page introuvable", "Page not found";
    ErrUnexpectedTitle => "Une erreur est survenue", "Something went wrong";
    ErrNotFoundBody =>
        "Cette page n'existe pas ou vous n'y avez pas accès. Vérifiez l'adresse ou revenez à l'accueil.",
        "This page does not exist or you do not have access to it. Check the address or go back to the home page.";
    ErrForbidden =>
        "Vous n'avez pas les droits nécessaires pour cette action.",
        "You do not have the rights needed for this action.";
    ErrUnexpected =>
        "Une erreur inattendue s'est produite. Rien n'a été modifié ; réessayez dans un instant.",
        "An unexpected error occurred. Nothing was changed; please try again in a moment.";
    ErrUnavailableTitle => "Service momentanément indisponible", "Service briefly unavailable";
    ErrUnavailable =>
        "Le service est momentanément indisponible : cette action n'a sans doute pas été enregistrée. Vérifiez dans une minute, puis réessayez si besoin.",
        "The service is briefly unavailable: this action was most likely not saved. Check in a minute, then try again if needed.";
    ErrMalformed =>
        "Cet envoi n'a pas pu être lu (interrompu, incomplet ou mal formé). Rien n'a été enregistré : revenez au formulaire et réessayez.",
        "This submission could not be read (cut short, incomplete or malformed). Nothing was saved: go back to the form and try again.";
    ErrRateLimited =>
        "Trop de tentatives en peu de temps. Patientez quelques minutes avant de réessayer.",
        "Too many attempts in a short time. Please wait a few minutes before trying again.";
    ErrFormHasErrors =>
        "Le formulaire contient des erreurs. Corrigez les champs signalés ci-dessous.",
        "The form has errors. Please correct the fields marked below.";
    ErrConflict =>
        "Cette action n'est plus possible : la situation a changé entre-temps. Rechargez la page.",
        "This action is no longer possible: things changed in the meantime. Please reload the page.";
    BackHome => "Revenir à l'accueil", "Back to the home page";
    HomeTitle => "Cohorte", "Cohorte";
    HomeIntro =>
        "Cohorte accompagne les programmes qui placent des talents du numérique (développeurs, data scientists, designers, juristes…) en équipes de 2 ou 3 au sein d'administrations, pendant 10 mois, pour relever des défis d'intérêt général.",
        "Cohorte runs programmes that place digital talent (developers, data scientists, designers, lawyers…) in teams of 2 or 3 inside public administrations, for 10 months, to take on public-interest challenges.";
    HomeHowTitle => "Comment ça marche", "How it works";
    HomeHow1 =>
        "Les administrations proposent des défis ; le programme en sélectionne une quinzaine.",
        "Administrations propose challenges; the programme selects about fifteen of them.";
    HomeHow2 =>
        "Un appel à candidatures recrute les talents, qui classent les défis qui les intéressent.",
        "A call for applications recruits the talent, who rank the challenges they care about.";
    HomeHow3 =>
        "Les équipes sont formées de façon transparente, puis suivies pendant 10 mois.",
        "Teams are formed transparently, then followed for 10 months.";
    HomeNoCall =>
        "Aucun appel n'est ouvert pour le moment. Créez un compte pour être prêt·e lors du prochain.",
        "No call is open at the moment. Create an account to be ready for the next one.";
    HomeCtaSignUp => "Créer mon compte", "Create my account";
    AccessibilityTitle => "Déclaration d'accessibilité", "Accessibility statement";
    AccessibilityBody =>
        "Cohorte vise la conformité au RGAA 4.1 (niveau AA des WCAG 2.1). Chaque page est vérifiée automatiquement avec axe-core à chaque modification du code ; un audit complet n'a pas encore été réalisé, d'où l'état « partiellement conforme ». Si vous rencontrez une difficulté, écrivez à l'équipe du programme à l'adresse ci-dessous : nous vous répondrons et vous fournirons l'information sous une autre forme.",
        "Cohorte aims to comply with RGAA 4.1 (WCAG 2.1 level AA). Every page is checked automatically with axe-core on every code change; a full audit has not been carried out yet, hence the status \"partially compliant\". If you meet a difficulty, write to the programme team at the address below: we will answer and provide the information in another form.";
    LegalTitle => "Mentions légales", "Legal notice";
    LegalBody =>
        "Cohorte est un logiciel libre publié sous licence EUPL 1.2. L'éditeur du service est l'organisme qui exploite cette instance ; l'équipe du programme répond à l'adresse ci-dessous.",
        "Cohorte is free software published under the EUPL 1.2 licence. The publisher of the service is the organisation that runs this instance; the programme team answers at the address below.";
    ContactLine => "Écrire à l'équipe du programme :", "Write to the programme team:";
    PrivacyTitle => "Données personnelles", "Personal data";
    PrivacyBody =>
        "Cohorte ne traite que les données nécessaires au programme : votre compte (adresse e-mail, nom), vos candidatures ou propositions de défis, et un journal des actions pour la sécurité. La fiche publique d'un défi publié montre ce que l'administration a écrit pour les candidats (dont les noms et fonctions de son équipe d'accueil) et sa présentation ; les points d'attention restent internes. Aucun traceur publicitaire n'est utilisé ; le seul cookie sert à maintenir votre session et votre choix de langue.",
        "Cohorte only processes the data the programme needs: your account (email address, name), your applications or challenge proposals, and a log of actions for security. A published challenge's public sheet shows what the administration wrote for applicants (including the names and positions of its host team) and its presentation; the points of attention stay internal. No advertising tracker is used; the only cookies keep your session and your choice of language.";
}
