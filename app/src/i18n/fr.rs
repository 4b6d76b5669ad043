//! Textes en français (langue par défaut).

use super::Msg::{self, *};

pub(super) fn text(m: Msg) -> &'static str {
    match m {
        AppName => "Cohorte",
        Tagline => "Programmes d'intérêt général pour les talents du numérique",
        SkipToContent => "Aller au contenu",
        MainNav => "Navigation principale",
        SignIn => "Se connecter",
        SignUp => "Créer un compte",
        SignOut => "Se déconnecter",
        MyArea => "Mon espace",
        NavUsers => "Utilisateurs",
        NavOutbox => "Courriels envoyés",
        SwitchLanguage => "Changer de langue",
        LanguageName => "Français",
        FooterAccessibility => "Accessibilité : partiellement conforme",
        FooterLegal => "Mentions légales",
        FooterPrivacy => "Données personnelles",
        FooterSource => "Code source (logiciel libre)",
        ErrNotFoundTitle => "Page introuvable",
        ErrNotFoundBody => {
            "Cette page n'existe pas ou vous n'y avez pas accès. Vérifiez l'adresse ou revenez à l'accueil."
        }
        ErrForbidden => "Vous n'avez pas les droits nécessaires pour cette action.",
        ErrUnexpectedTitle => "Une erreur est survenue",
        ErrUnexpected => {
            "Une erreur inattendue s'est produite. Rien n'a été modifié ; réessayez dans un instant."
        }
        ErrRateLimited => {
            "Trop de tentatives en peu de temps. Patientez quelques minutes avant de réessayer."
        }
        ErrFormHasErrors => {
            "Le formulaire contient des erreurs. Corrigez les champs signalés ci-dessous."
        }
        ErrConflict => {
            "Cette action n'est plus possible : la situation a changé entre-temps. Rechargez la page."
        }
        BackHome => "Revenir à l'accueil",
        EmailRequired => "Indiquez votre adresse e-mail.",
        EmailInvalid => {
            "Cette adresse e-mail n'est pas valide. Exemple : camille.dupont@exemple.fr"
        }
        NameRequired => "Indiquez votre nom et votre prénom.",
        NameTooLong => "Le nom ne doit pas dépasser 120 caractères.",
        NameInvalid => "Le nom contient des caractères non autorisés.",
        PasswordRequired => "Indiquez un mot de passe.",
        PasswordTooShort => "Le mot de passe doit contenir au moins 12 caractères.",
        PasswordTooLong => "Le mot de passe ne doit pas dépasser 128 caractères.",
        PasswordTooCommon => {
            "Ce mot de passe est trop courant ou trop facile à deviner. Choisissez-en un autre, par exemple une phrase de plusieurs mots."
        }
        HomeTitle => "Cohorte",
        HomeIntro => {
            "Cohorte accompagne les programmes qui placent des talents du numérique (développeurs, data scientists, designers, juristes…) en équipes de 2 ou 3 au sein d'administrations, pendant 10 mois, pour relever des défis d'intérêt général."
        }
        HomeHowTitle => "Comment ça marche",
        HomeHow1 => {
            "Les administrations proposent des défis ; le programme en sélectionne une quinzaine."
        }
        HomeHow2 => {
            "Un appel à candidatures recrute les talents, qui classent les défis qui les intéressent."
        }
        HomeHow3 => "Les équipes sont formées de façon transparente, puis suivies pendant 10 mois.",
        HomeNoCall => {
            "Aucun appel n'est ouvert pour le moment. Créez un compte pour être prêt·e lors du prochain."
        }
        HomeCtaSignUp => "Créer mon compte",
        SignUpTitle => "Créer un compte",
        SignUpIntro => {
            "Un compte vous permet de candidater, de proposer un défi pour votre administration ou de participer à un jury. Vous choisirez votre mot de passe en ouvrant le lien que nous vous enverrons."
        }
        FieldEmail => "Adresse e-mail",
        FieldName => "Nom et prénom",
        FieldPassword => "Mot de passe",
        FieldNewPassword => "Nouveau mot de passe",
        PasswordHint => {
            "12 caractères minimum. Une phrase de plusieurs mots est facile à retenir et difficile à deviner."
        }
        PasswordCount => "{count} caractères sur 12 minimum",
        ShowPassword => "Afficher le mot de passe",
        HidePassword => "Masquer le mot de passe",
        SignUpSubmit => "Créer mon compte",
        HaveAccount => "Vous avez déjà un compte ? Connectez-vous",
        SignUpSentTitle => "Vérifiez votre boîte mail",
        SignUpSentBody => {
            "Nous avons envoyé un lien à l'adresse indiquée : ouvrez-le pour choisir votre mot de passe et confirmer votre compte. Ce lien est valable 48 heures. Pensez à regarder dans les courriers indésirables."
        }
        VerifyTitle => "Confirmer votre adresse e-mail",
        VerifyBody => {
            "Vérifiez votre nom et choisissez votre mot de passe pour confirmer votre adresse et ouvrir votre espace. Seul ce mot de passe permettra de vous connecter."
        }
        VerifyNameHint => {
            "Le nom indiqué à la création du compte : corrigez-le s'il n'est pas le vôtre."
        }
        VerifySubmit => "Confirmer mon adresse",
        TokenInvalid => {
            "Ce lien n'est plus valable : il a déjà servi ou il a expiré. Demandez-en un nouveau."
        }
        EmailNotVerified => {
            "Votre adresse e-mail n'est pas encore confirmée. Nous venons de vous renvoyer le lien de confirmation."
        }
        SignInTitle => "Se connecter",
        SignInSubmit => "Se connecter",
        ForgotPassword => "Mot de passe oublié ?",
        NoAccount => "Pas encore de compte ? Créez-en un",
        BadCredentials => "Adresse e-mail ou mot de passe incorrect.",
        AccountDisabled => "Ce compte est désactivé. Contactez l'équipe du programme.",
        MagicTitle => "Se connecter sans mot de passe",
        MagicIntro => "Recevez par e-mail un lien de connexion valable 10 minutes.",
        MagicSubmit => "M'envoyer un lien de connexion",
        MagicSent => {
            "Si un compte existe pour cette adresse, un lien de connexion vient d'y être envoyé. Il est valable 10 minutes."
        }
        MagicConfirmTitle => "Se connecter avec ce lien",
        MagicConfirmBody => "Cliquez sur le bouton pour ouvrir votre session.",
        MagicConfirmSubmit => "Ouvrir ma session",
        SignedOut => "Vous êtes déconnecté·e.",
        EmailVerified => "Votre adresse e-mail est confirmée.",
        PasswordChanged => {
            "Votre mot de passe a été modifié. Connectez-vous avec le nouveau mot de passe."
        }
        SessionExpired => "Votre session a expiré. Connectez-vous à nouveau.",
        ResetTitle => "Mot de passe oublié",
        ResetIntro => {
            "Indiquez l'adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe, valable 1 heure."
        }
        ResetSubmit => "Envoyer le lien",
        ResetSent => {
            "Si un compte existe pour cette adresse, un lien pour choisir un nouveau mot de passe vient d'y être envoyé. Il est valable 1 heure."
        }
        NewPasswordTitle => "Choisir un nouveau mot de passe",
        NewPasswordSubmit => "Enregistrer le mot de passe",
        AreaTitle => "Mon espace",
        Hello => "Bonjour {name}",
        YourRoles => "Vos rôles",
        NoRolesYet => {
            "Vous n'avez pas encore de rôle particulier. Vous pourrez candidater dès l'ouverture d'un appel."
        }
        AreaApplicantHint => "Les appels à candidatures ouverts apparaîtront ici.",
        AreaAdminLink => "Gérer les utilisateurs et leurs rôles",
        AreaOutboxLink => "Voir les courriels envoyés par la plateforme",
        RoleAdmin => "Administrateur·rice",
        RoleCoordinator => "Coordinateur·rice du programme",
        RoleHostLead => "Responsable de défi",
        RoleHostMentor => "Mentor",
        RoleHostHr => "Contact ressources humaines",
        RoleReviewer => "Membre de jury",
        UsersTitle => "Utilisateurs",
        UsersSearch => "Rechercher par nom ou adresse e-mail",
        UsersSearchSubmit => "Rechercher",
        ColName => "Nom",
        ColEmail => "Adresse e-mail",
        ColStatus => "État du compte",
        ColRoles => "Rôles",
        ColActions => "Actions",
        StatusActive => "Actif",
        StatusUnverified => "Adresse non confirmée",
        StatusDisabled => "Désactivé",
        Grant => "Attribuer",
        GrantRole => "Rôle à attribuer à {name}",
        Revoke => "Retirer le rôle {role} à {name}",
        Disable => "Désactiver le compte de {name}",
        Enable => "Réactiver le compte de {name}",
        UsersNone => "Aucun utilisateur ne correspond à cette recherche.",
        UsersCount => "{count} utilisateur(s)",
        CannotChangeSelf => {
            "Vous ne pouvez pas désactiver votre propre compte ni retirer votre propre rôle d'administrateur·rice."
        }
        RoleGranted => "Le rôle a été attribué.",
        RoleRevoked => "Le rôle a été retiré.",
        AccountDisabledDone => "Le compte est désactivé ; ses sessions ont été fermées.",
        AccountEnabledDone => "Le compte est réactivé.",
        OutboxTitle => "Courriels envoyés par la plateforme",
        OutboxIntro => {
            "Chaque courriel est mis en file d'attente puis envoyé ; en cas d'échec, il est réessayé automatiquement."
        }
        ColCreated => "Créé le",
        ColRecipient => "Destinataire",
        ColSubject => "Objet",
        ColState => "État",
        ColAttempts => "Tentatives",
        ColLastError => "Dernière erreur",
        ColNextAttempt => "Prochain essai",
        MailQueued => "En attente",
        MailSending => "En cours d'envoi",
        MailSent => "Envoyé",
        MailFailed => "Échec définitif",
        OutboxEmpty => "Aucun courriel pour le moment.",
        DateRequired => "Indiquez une date.",
        DateInvalid => "Cette date n'est pas valide. Format attendu : jj/mm/aaaa et heure hh:mm.",
        DateSkippedByClockChange => {
            "Cette heure n'existe pas ce jour-là à Paris (passage à l'heure d'été). Choisissez une autre heure."
        }
        WindowClosesBeforeOpen => "La fermeture doit être postérieure à l'ouverture.",
        ApplicationsCloseAfterStart => {
            "L'appel à candidatures doit fermer avant la date de début de la promotion."
        }
        DurationInvalid => "La durée doit être comprise entre 1 et 36 mois.",
        PhasePlanning => "En préparation",
        PhaseCallForDefis => "Appel à défis ouvert",
        PhaseDefiSelection => "Sélection des défis",
        PhaseCallForApplications => "Appel à candidatures ouvert",
        PhaseCandidateSelection => "Sélection des candidatures",
        PhaseMatching => "Constitution des équipes",
        PhaseRunning => "Programme en cours",
        PhaseClosing => "Clôture",
        PhaseAlumni => "Promotion terminée",
        ProfileInvalid => {
            "Code de profil non valide : lettres minuscules, chiffres et « _ », 2 à 40 caractères."
        }
        ProfileDeveloper => "Développeur·se",
        ProfileDataScientist => "Data scientist",
        ProfileDataEngineer => "Data engineer",
        ProfileDesigner => "Designer",
        ProfileDigitalLaw => "Juriste du numérique",
        ProfileGeomatician => "Géomaticien·ne",
        PromotionNameRequired => "Indiquez le nom de la promotion.",
        PromotionNameTooLong => "Le nom ne doit pas dépasser 120 caractères.",
        DescriptionTooLong => "La description ne doit pas dépasser 600 caractères.",
        TeamSizeInvalid => "Indiquez un nombre entier entre 1 et 10.",
        TeamMaxBelowMin => "La taille maximale doit être au moins égale à la taille minimale.",
        MaxChoicesInvalid => "Indiquez un nombre de défis entre 1 et 10.",
        ProfilesRequired => "Cochez au moins un profil.",
        NavPromotions => "Promotions",
        PromotionsTitle => "Promotions",
        PromotionsIntro => {
            "Chaque promotion a son calendrier : appel à défis, appel à candidatures, puis 10 mois de programme."
        }
        PromotionsNone => "Aucune promotion pour le moment.",
        NewPromotion => "Créer une promotion",
        NewPromotionTitle => "Nouvelle promotion",
        EditPromotionTitle => "Modifier la promotion",
        FieldPromotionName => "Nom de la promotion",
        FieldDescription => "Description publique",
        DescriptionHint => "Deux ou trois phrases, 600 caractères au plus.",
        CalendarLegend => "Calendrier (heure de Paris)",
        FieldDefisOpen => "Ouverture de l'appel à défis",
        FieldDefisClose => "Fermeture de l'appel à défis",
        FieldApplicationsOpen => "Ouverture de l'appel à candidatures",
        FieldApplicationsClose => "Fermeture de l'appel à candidatures",
        DateTimeHint => "Date et heure, par exemple 07/05/2027 23:59.",
        FieldStartDate => "Date de début du programme",
        FieldDuration => "Durée (en mois)",
        TeamLegend => "Équipes et candidatures",
        FieldTeamMin => "Taille minimale d'une équipe",
        FieldTeamMax => "Taille maximale d'une équipe",
        FieldMaxChoices => "Nombre maximal de défis qu'un·e candidat·e peut classer",
        ProfilesLegend => "Profils recherchés",
        SavePromotion => "Enregistrer la promotion",
        PromotionCreated => "La promotion a été créée.",
        PromotionSaved => "Les modifications ont été enregistrées.",
        ColPhase => "Étape",
        ColStart => "Début",
        Edit => "Modifier {name}",
        ViewPublicPage => "Voir la page publique",
        PromotionCalendarTitle => "Calendrier",
        CallForDefisLabel => "Appel à défis",
        CallForApplicationsLabel => "Appel à candidatures",
        StartLabel => "Début du programme",
        DurationLabel => "Durée",
        OpenNow => "Ouvert en ce moment",
        NothingOpenNow => "Aucun appel n'est ouvert en ce moment.",
        ProfilesOffered => "Profils recherchés",
        FromTo => "du {from} au {to}",
        MonthsCount => "{count} mois",
        HomePromotionsTitle => "Promotions",
        PromotionNameTaken => "Une promotion porte déjà ce nom.",
        MatchTooSmall => {
            "il ne pouvait pas former une équipe de {min} (places pourvues : {filled})"
        }
        MatchMandatoryUnfilled => "son poste obligatoire de {profile} n'a pas pu être pourvu",
        MatchResultChoice => {
            "Résultat : vous rejoignez le défi « {defi} » comme {profile} (votre {rank} choix)."
        }
        MatchResultOpen => {
            "Résultat : vous rejoignez le défi « {defi} » comme {profile}. Vous l'aviez accepté en vous déclarant ouvert·e à d'autres défis ; son jury vous avait classé·e {rank}."
        }
        MatchResultNone => "Résultat : vous n'êtes affecté·e à aucun défi.",
        MatchChoiceLine => "- Défi « {defi} » (votre {rank} choix) : {why}",
        MatchNoSeat => "ce défi ne prévoit pas de poste de {profile}.",
        MatchNotListed => {
            "vous n'étiez pas sur la liste du jury de ce défi pour le profil {profile}."
        }
        MatchWithdrawn => "ce défi a été retiré : {reason}.",
        MatchOutranked => {
            "le poste de {profile} a été pourvu par des candidat·es que le jury a mieux classé·es (vous étiez {rank} sur {of} ; places : {seats})."
        }
        MatchNoChoice => "Vous n'aviez classé aucun défi.",
        AccessibilityTitle => "Déclaration d'accessibilité",
        AccessibilityBody => {
            "Cohorte vise la conformité au RGAA 4.1 (niveau AA des WCAG 2.1). Chaque page est vérifiée automatiquement avec axe-core à chaque modification du code ; un audit complet n'a pas encore été réalisé, d'où l'état « partiellement conforme ». Si vous rencontrez une difficulté, écrivez à l'équipe du programme : nous vous répondrons et vous fournirons l'information sous une autre forme."
        }
        LegalTitle => "Mentions légales",
        LegalBody => {
            "Cohorte est un logiciel libre publié sous licence EUPL 1.2. L'éditeur du service est l'organisme qui exploite cette instance ; ses coordonnées sont indiquées par l'équipe du programme."
        }
        PrivacyTitle => "Données personnelles",
        PrivacyBody => {
            "Cohorte ne traite que les données nécessaires au programme : votre compte (adresse e-mail, nom), vos candidatures ou propositions de défis, et un journal des actions pour la sécurité. Aucun traceur publicitaire n'est utilisé ; le seul cookie sert à maintenir votre session et votre choix de langue."
        }
        NavDefis => "Défis",
        NavMyOrganisation => "Mon organisation",
        NavOrganisations => "Organisations",
        Yes => "oui",
        No => "non",
        Save => "Enregistrer",
        Filter => "Filtrer",
        ChooseOption => "— Choisir —",
        NotFilled => "Non renseigné.",
        FieldRequired => "Ce champ est obligatoire pour déposer le défi.",
        TextTooLong => "Ce texte dépasse la longueur maximale : raccourcissez-le.",
        TooManyLines => "Le titre tient sur une ligne et le résumé sur deux lignes au plus.",
        CharCount => "{count} caractères sur {max}",
        MaxChars => "{max} caractères au maximum.",
        Correct => "Corriger {field}",
        AreaHostTitle => "Administrations d'accueil",
        AreaHostHint => "Vous représentez une administration qui souhaite proposer un défi ?",
        AreaHostLink => "Enregistrer ou retrouver votre organisation",
        OrgKindState => "État (administration centrale ou déconcentrée)",
        OrgKindOperator => "Opérateur de l'État",
        OrgKindLocal => "Collectivité territoriale",
        OrgKindHealth => "Établissement de santé",
        OrgKindOther => "Autre",
        OrgNameRequired => "Indiquez le nom de l'organisation.",
        OrgNameTooLong => "Le nom est trop long (160 caractères au maximum).",
        OrgKindRequired => "Choisissez le type d'organisation.",
        CityRequired => "Indiquez la ville.",
        CityTooLong => "Le nom de la ville est trop long (80 caractères au maximum).",
        OrgNameTaken => {
            "Une organisation porte déjà ce nom : demandez à sa ou son responsable de vous inviter."
        }
        OrgRegistered => "Organisation enregistrée : vous en êtes responsable.",
        OrgSaved => "Organisation corrigée.",
        FieldOrgName => "Nom de l'organisation",
        FieldOrgKind => "Type d'organisation",
        FieldCity => "Ville",
        MyOrganisationsTitle => "Mes organisations",
        NoOrganisationYet => "Aucune organisation pour le moment.",
        RegisterOrganisationTitle => "Enregistrer une organisation",
        RegisterOrganisationIntro => {
            "Vous en deviendrez responsable et pourrez inviter vos collègues. Si votre organisation est déjà inscrite, demandez plutôt à sa ou son responsable de vous inviter."
        }
        RegisterOrganisationSubmit => "Enregistrer l'organisation",
        OrganisationsTitle => "Organisations d'accueil",
        EditOrganisationTitle => "Corriger une organisation",
        HostOrganisation => "Administration d'accueil",
        MembersTitle => "Membres",
        ColRole => "Rôle",
        PendingInvitations => "Invitations en attente",
        InvitationLine => "{email} ({role}), valable jusqu'au {until}",
        InviteTitle => "Inviter un membre",
        InviteIntro => {
            "La personne reçoit un lien valable 7 jours ; elle peut se connecter ou créer son compte avant d'accepter."
        }
        FieldHostRole => "Rôle dans l'organisation",
        HostRoleRequired => "Choisissez un rôle.",
        InviteSubmit => "Envoyer l'invitation",
        AlreadyMember => "Cette personne est déjà membre de l'organisation.",
        InvitationSent => "Invitation envoyée.",
        PurgePreviewLine => {
            "Effacement prévu le {date} : {dossiers} dossier(s) et {files} fichier(s) de cette promotion seront effacés."
        }
        PurgePostponed => {
            "Un changement de dates a avancé l'effacement : il n'aura pas lieu avant le {date}, le temps de corriger une erreur."
        }
        PromotionIsClosed => "La promotion est close : l'effacement aura lieu à la date prévue.",
        PromotionNotClosed => {
            "La promotion n'est pas close : rien ne sera effacé tant qu'elle ne l'est pas."
        }
        ClosePromotion => "Clore la promotion et autoriser l'effacement",
        ConfirmClose => {
            "Je confirme : les dossiers de cette promotion seront effacés à la date indiquée."
        }
        ConfirmCloseRequired => "Cochez la case pour confirmer la clôture.",
        PromotionClosed => "Promotion close : ses dossiers seront effacés à la date prévue.",
        DraftsOf => "Brouillons — {promotion}",
        DraftsIntro => {
            "Les personnes qui ont commencé une candidature sans la déposer. Leur contenu reste privé : vous voyez l'identité, le dernier enregistrement et ce qui est rempli. L'appel se clôt le {deadline} (heure de Paris)."
        }
        NoDraft => "Aucun brouillon en cours.",
        DraftsCount => "{count} brouillon(s), le plus récemment enregistré en premier",
        ColLastSaved => "Dernier enregistrement",
        ColCompleteness => "Rempli",
        CompletenessValue => "{done} sur {total}",
        ExtendFor => "Nouveau délai pour {name}",
        RemindFor => "Envoyer un rappel à {name}",
        PersonalDeadlineShort => "Délai personnel : {deadline}",
        DraftReminderMessage => {
            "Votre candidature à {promotion} n'est pas encore déposée. Vous pouvez la compléter et la déposer jusqu'au {deadline} (heure de Paris)."
        }
        DraftReminded => "Rappel envoyé.",
        DraftsLink => "Voir les brouillons en cours",
        MemberRemoved => "Le membre a été retiré de l'organisation : il n'y a plus accès.",
        InvitationCancelled => "Invitation annulée : son lien ne fonctionne plus.",
        LastLead => {
            "Une organisation garde au moins un·e responsable : nommez-en un·e autre avant de retirer celui-ci ou celle-ci."
        }
        RemoveMember => "Retirer {name} de l'organisation",
        CancelInvitation => "Annuler l'invitation de {email}",
        InvitationTitle => "Invitation",
        InvitationBody => {
            "Vous êtes invité·e à rejoindre {organisation} en tant que {role} (invitation adressée à {email})."
        }
        InvitationAccept => "Rejoindre l'organisation",
        InvitationSignInFirst => {
            "Connectez-vous ou créez votre compte, puis rouvrez le lien reçu par courriel pour accepter."
        }
        InvitationInvalid => {
            "Ce lien d'invitation n'est plus valable (déjà utilisé ou expiré). Demandez une nouvelle invitation."
        }
        InvitationAccepted => "Vous avez rejoint l'organisation.",
        DefiStateDraft => "Brouillon",
        DefiStateSubmitted => "Déposé",
        DefiStateInfoRequested => "Informations demandées",
        DefiStateShortlisted => "Présélectionné",
        DefiStateRejected => "Non retenu",
        DefiStateSelected => "Sélectionné",
        DefiStateNotSelected => "Non sélectionné",
        DefiStateWithdrawn => "Retiré",
        DecisionAskInfo => "Demander des informations",
        DecisionShortlist => "Présélectionner",
        DecisionReject => "Ne pas retenir",
        DecisionSelect => "Sélectionner",
        DecisionNotSelect => "Ne pas sélectionner",
        DecisionWithdraw => "Retirer",
        DecisionNotAllowed => "Cette décision n'est pas possible dans l'état actuel du défi.",
        DecisionRequired => "Choisissez une décision.",
        TemplateAskInfo => {
            "Bonjour,\n\nMerci pour le défi « {titre} ». Avant de poursuivre l'examen, nous avons besoin de précisions : [précisez ici les points à compléter].\n\nLe dossier est de nouveau modifiable : complétez-le puis déposez-le à nouveau.\n\nL'équipe du programme"
        }
        TemplateShortlist => {
            "Bonjour,\n\nLe défi « {titre} » de {organisation} est présélectionné. Nous reviendrons vers vous pour la suite de la sélection.\n\nL'équipe du programme"
        }
        TemplateReject => {
            "Bonjour,\n\nNous vous remercions pour le défi « {titre} ». Après examen, il n'a pas été retenu pour cette promotion : [motif].\n\nNous serions heureux de recevoir une nouvelle proposition lors d'un prochain appel.\n\nL'équipe du programme"
        }
        TemplateSelect => {
            "Bonjour,\n\nBonne nouvelle : le défi « {titre} » de {organisation} est sélectionné. Sa fiche publique sera bientôt en ligne et l'appel à candidatures pourra le proposer.\n\nL'équipe du programme"
        }
        TemplateNotSelect => {
            "Bonjour,\n\nLe défi « {titre} » avait été présélectionné, mais il n'a pas été sélectionné à l'issue du jury : [motif].\n\nMerci pour votre implication.\n\nL'équipe du programme"
        }
        TemplateWithdraw => {
            "Bonjour,\n\nLe défi « {titre} » est retiré de la promotion : [motif].\n\nL'équipe du programme"
        }
        MessageRequired => "Écrivez le message à envoyer à l'organisation.",
        MessageTooLong => "Le message est trop long (4 000 caractères au maximum).",
        DefiCallNotOpen => "L'appel à défis n'est pas encore ouvert.",
        DefiCallClosed => {
            "L'appel à défis est clos : le dépôt n'est plus possible (voir l'heure de clôture ci-dessus). Votre brouillon est conservé."
        }
        DefiAlreadySubmitted => "Ce défi a déjà été déposé.",
        DefiNotEditable => "Ce défi n'est pas modifiable dans son état actuel.",
        PublishOnlySelected => "Seuls les défis sélectionnés peuvent être publiés.",
        AlreadyPublished => "Ce défi est déjà publié.",
        DefiPublishedState => "publié",
        DefiPublishedMessage => {
            "La fiche publique du défi est en ligne : les candidates et candidats peuvent désormais la consulter et la choisir."
        }
        SlotProfileUnknown => "Choisissez un profil proposé par la promotion.",
        SlotProfileRequired => "Choisissez le profil de ce poste.",
        SlotMissionRequired => "Décrivez la mission de ce poste.",
        SlotCountInvalid => {
            "Le nombre de postes doit respecter la taille d'équipe de la promotion (indiquée au-dessus des postes)."
        }
        SlotMandatoryRequired => "Au moins un poste doit être indispensable.",
        FileRequired => "Choisissez un fichier PDF.",
        FileTooLarge => "Le fichier est trop lourd (10 Mo au maximum).",
        FileNotPdf => {
            "Ce fichier n'est pas un PDF valide. Enregistrez votre présentation au format PDF puis réessayez."
        }
        OrgDefisTitle => "Défis",
        NoOpenCallForDefis => "Aucun appel à défis n'est ouvert en ce moment.",
        ProposeDefi => "Proposer un défi pour {promotion} (clôture le {deadline})",
        NoDefiYet => "Aucun défi pour le moment.",
        ColTitle => "Titre",
        ColPromotion => "Promotion",
        UntitledDefi => "Défi sans titre",
        Published => "publié",
        DefiCreated => {
            "Brouillon créé : remplissez le dossier, il est enregistré au fur et à mesure."
        }
        DefiForPromotion => "Promotion {promotion}",
        SeePublicSheet => "Voir la fiche publique",
        SubmittedAtLine => "Déposé le {date} (heure de Paris).",
        InfoRequestedTitle => "L'équipe du programme demande des informations",
        DefiDeadline => {
            "Dépôt possible jusqu'au {deadline} (heure de Paris, l'heure du serveur fait foi)."
        }
        DefiLegend => "Le défi",
        FieldDefiTitle => "Titre du défi",
        TitleHint => "Une ligne, 120 caractères au maximum.",
        FieldSummary => "Résumé",
        SummaryHint => "Deux lignes au plus : ce que verront d'abord les candidats.",
        NeedLegend => "Contexte et besoin",
        FieldContext => "Contexte",
        ContextHint => "Le service, les usagers, ce qui se passe aujourd'hui.",
        FieldUseCases => "Ce que l'équipe construira (cas d'usage)",
        UseCasesHint => "Un cas d'usage par paragraphe.",
        FieldImpact => "Impact attendu",
        DataLegend => "Données",
        FieldDataAvailable => "Données disponibles",
        DataHint => "Quelles données, où, sous quelle forme.",
        FieldDataAccessible => "Ces données sont accessibles dès aujourd'hui à l'équipe",
        AttentionLegend => "Points d'attention",
        FieldObstacles => "Obstacles identifiés",
        FieldLegalEthics => "Questions juridiques et éthiques",
        LegalEthicsHint => "Données personnelles, décisions automatisées, sécurité…",
        OpennessLegend => "Engagements d'ouverture",
        FieldOpenCode => "Le code produit sera publié sous licence libre",
        FieldOpenData => "Les données seront ouvertes lorsque c'est possible",
        FieldOffSite => "L'équipe pourra travailler hors des locaux",
        HostTeamLegend => "Équipe d'accueil",
        FieldLeads => "Porteuses et porteurs du défi",
        LeadsHint => "Noms et fonctions.",
        FieldMentor => "Mentor",
        MentorHint => "La personne qui accompagnera l'équipe au quotidien.",
        SlotsLegend => "Postes de l'équipe",
        SlotsHint => {
            "De {min} à {max} postes : un profil et sa mission pour chacun. Laissez un poste vide s'il n'est pas utile."
        }
        SlotN => "Poste {n}",
        NoSlotOption => "— Aucun —",
        FieldSlotProfile => "Profil",
        FieldSlotMission => "Mission",
        FieldSlotMandatory => "Poste indispensable",
        MandatoryHint => "Sans ce poste, l'équipe ne peut pas mener le défi.",
        ColSlot => "Poste",
        SaveDraft => "Enregistrer le brouillon",
        SubmitDefi => "Déposer le défi",
        ResubmitDefi => "Renvoyer le défi complété",
        SubmitHint => {
            "Le dépôt enregistre d'abord vos modifications. Après le dépôt, le dossier n'est plus modifiable, sauf si l'équipe du programme vous demande des informations."
        }
        DraftSaved => "Brouillon enregistré.",
        DefiSubmitted => "Défi déposé. Un accusé de réception vous a été envoyé par courriel.",
        LastSavedAt => "Dernier enregistrement : {time}",
        AutosaveSavedAt => "Enregistré automatiquement à {time}",
        AutosaveSaving => "Enregistrement…",
        AutosaveFailed => {
            "L'enregistrement automatique a échoué (connexion ?). Nouvel essai dans quelques secondes ; vous pouvez aussi cliquer sur « Enregistrer le brouillon »."
        }
        AutosaveConflict => {
            "Ce dossier a été modifié ailleurs (autre onglet ou autre personne). L'enregistrement automatique est suspendu : rechargez la page pour voir la dernière version, après avoir copié ce que vous venez d'écrire."
        }
        AutosaveInvalid => {
            "Un champ dépasse sa limite : corrigez-le, puis enregistrez le brouillon pour voir le détail."
        }
        PitchDeckTitle => "Présentation (PDF)",
        FieldPitchDeck => "Fichier de présentation",
        PitchDeckHint => {
            "Un fichier PDF, {max} Mo au maximum. Enregistrez votre brouillon avant d'envoyer le fichier."
        }
        UploadSubmit => "Envoyer la présentation",
        UploadedAt => "envoyé le {date}",
        DownloadFile => "Télécharger {file}",
        FileSizeKb => "{size} Ko",
        NoPitchDeck => "Aucune présentation jointe.",
        DossierTitle => "Dossier",
        HistoryTitle => "Historique",
        EventSubmitted => "Déposé",
        EventPublished => "Fiche publiée",
        EventOther => "Événement",
        DefisOf => "Défis de {promotion}",
        PromotionDefisTitle => "Défis — {promotion}",
        CountsTitle => "Par état",
        AllStates => "Tous les états",
        AllKinds => "Tous les types",
        AllProfiles => "Tous les profils",
        AllPromotions => "Toutes les promotions",
        FilterState => "État",
        FilterKind => "Type d'organisation",
        FilterProfile => "Profil recherché",
        FilterPromotion => "Promotion",
        NoDefiMatches => "Aucun défi ne correspond à ces filtres.",
        DefisShown => "{count} défi(s)",
        ColChoose => "Choix",
        ColOrganisation => "Organisation",
        ColProfiles => "Profils",
        ColSubmitted => "Déposé le",
        ChooseDefi => "Choisir « {title} »",
        BatchLegend => "Décision groupée sur les défis cochés",
        FieldDecision => "Décision",
        FieldMessage => "Message à l'organisation",
        FieldMessageToApplicant => "Message à la personne candidate",
        MessageHint => {
            "Laissez vide pour envoyer le modèle de la décision. {titre} et {organisation} sont remplacés pour chaque défi."
        }
        TemplatesTitle => "Modèles de message",
        TemplatesHint => "Copiez un modèle dans le message pour l'adapter.",
        PreviewBatch => "Prévisualiser les envois",
        PublishSelected => "Publier les {count} défi(s) sélectionné(s) non publié(s)",
        PublishOne => "Publier la fiche de ce défi",
        DefisPublished => "Fiches publiées.",
        BatchPreviewTitle => "Aperçu des envois",
        BackToList => "Retour à la liste",
        BatchSummary => {
            "Décision « {action} » : {applies} défi(s) concerné(s) sur {total}. Rien n'est envoyé avant confirmation."
        }
        BatchSkipped => "Ignoré :",
        Recipients => "Destinataires",
        RecipientsLine => "Destinataires : {recipients}",
        NoRecipient => "aucun membre",
        ConfirmBatch => "Confirmer et envoyer",
        NoDefiChosen => "Aucun défi n'a été choisi.",
        BatchRecorded => "Décisions enregistrées ; les messages partent.",
        DecisionTitle => "Décision",
        SendDecision => "Enregistrer la décision et envoyer le message",
        DecisionRecorded => "Décision enregistrée ; le message part.",
        CatalogTitle => "Les défis",
        CatalogIntro => {
            "Les défis sélectionnés : des administrations cherchent des talents du numérique pour 10 mois, en équipe."
        }
        CatalogEmpty => "Aucun défi publié ne correspond à votre recherche.",
        ProfilesSought => "Profils recherchés",
        TeamSought => "L'équipe recherchée",
        SlotMandatory => "indispensable",
        SlotOptional => "souhaité",
        PromotionDefis => "Défis de la promotion",
        NoPublishedDefi => "Les défis de cette promotion ne sont pas encore publiés.",
        PitchDeckSaved => "Présentation enregistrée.",
        InvitationOtherEmail => {
            "Cette invitation est adressée à une autre adresse e-mail : connectez-vous avec le compte de l'adresse invitée, ou demandez une invitation à votre adresse."
        }
        AutosaveNotEditable => {
            "Ce défi n'est plus modifiable (il a changé d'état entre-temps) : l'enregistrement automatique est arrêté. Copiez ce que vous venez d'écrire, puis rechargez la page."
        }
        AutosaveSignedOut => {
            "Votre session a expiré : l'enregistrement automatique est arrêté. Copiez ce que vous venez d'écrire, reconnectez-vous dans un autre onglet, puis enregistrez le brouillon."
        }
        KeptInputTitle => "Votre dernière saisie n'a pas été enregistrée",
        KeptInputHint => {
            "Le défi n'est plus modifiable. Voici ce que vous aviez saisi, pour le copier si besoin."
        }
        AppStateDraft => "Brouillon",
        AppStateSubmitted => "Déposée",
        AppStateCorrectionRequested => "Correction demandée",
        AppStateInReview => "En cours d'examen",
        AppStateShortlisted => "Présélectionnée",
        AppStateNotShortlisted => "Non présélectionnée",
        AppStateInvitedToInterview => "Invitée à un entretien",
        AppStateInterviewed => "Entretien passé",
        AppStateRanked => "Classée",
        AppStateOffered => "Proposition reçue",
        AppStateAccepted => "Proposition acceptée",
        AppStateDeclined => "Proposition déclinée",
        AppStatePlaced => "Affectée",
        AppStateActive => "En cours de programme",
        AppStateCompleted => "Programme terminé",
        AppStateWithdrawn => "Retirée",
        AppStateIneligible => "Non recevable",
        AppStateIncomplete => "Incomplète",
        ApplicationsNotOpen => "L'appel à candidatures n'est pas encore ouvert.",
        ApplicationsClosed => {
            "L'appel à candidatures est clos : le dépôt n'est plus possible (voir l'heure de clôture ci-dessus). Votre brouillon est conservé."
        }
        ApplicationAlreadySubmitted => "Cette candidature a déjà été déposée.",
        WithdrawNotAllowed => "Cette candidature ne peut plus être retirée.",
        CivilityMme => "Madame",
        CivilityM => "Monsieur",
        CivilityOther => "Autre ou ne se prononce pas",
        ExperienceLt2 => "Moins de 2 ans",
        Experience2to5 => "De 2 à 5 ans",
        Experience5to10 => "De 5 à 10 ans",
        ExperienceGt10 => "Plus de 10 ans",
        ChoiceInvalid => "Choisissez une des options proposées.",
        ChoiceTwice => "Chaque défi ne peut être classé qu'une fois.",
        TooManyChoices => "Vous avez choisi trop de défis pour cette promotion.",
        UrlInvalid => "Indiquez une adresse web complète, commençant par https:// (ou http://).",
        PhoneInvalid => "Indiquez un numéro de téléphone (chiffres, espaces, +, points ou tirets).",
        ProfileRequired => "Choisissez votre profil.",
        ChoicesRequired => "Classez au moins un défi.",
        ChoiceWithoutProfile => {
            "Un défi choisi ne recherche pas votre profil : choisissez des défis qui le recherchent."
        }
        CvRequired => "Joignez votre CV au format PDF.",
        DeclarationRequired => "Cette déclaration est nécessaire pour candidater.",
        ConsentRequired => {
            "Votre accord au traitement de vos données est nécessaire pour candidater."
        }
        RanksInvalid => "Numérotez vos choix 1, 2, 3… sans répéter ni sauter de numéro.",
        ApplicationNotEditable => "Cette candidature n'est pas modifiable dans son état actuel.",
        ConfirmWithdrawRequired => "Cochez la case pour confirmer le retrait.",
        ApplicationWithdrawn => "Votre candidature est retirée.",
        ApplicationSubmittedNotice => {
            "Candidature déposée. Un accusé de réception vous a été envoyé par courriel."
        }
        ApplicationsTitle => "Ma candidature",
        NoOpenCallForApplications => "Aucun appel à candidatures n'est ouvert en ce moment.",
        CallClosesAt => "Clôture le {deadline} (heure de Paris).",
        OpenMyApplication => "Ouvrir ma candidature",
        StartApplicationButton => "Commencer ma candidature",
        ApplicationTitle => "Candidature — {promotion}",
        CorrectionRequestedTitle => "L'équipe du programme vous demande une correction",
        WithdrawTitle => "Retirer ma candidature",
        WithdrawConfirm => "Je confirme retirer ma candidature (ce retrait est définitif)",
        WithdrawButton => "Retirer ma candidature",
        TimelineTitle => "Où en est ma candidature",
        SummaryTitle => "Ce que vous avez déposé",
        FieldProfile => "Profil",
        FieldSkills => "Compétences",
        FieldMotivation => "Motivation",
        ChoicesLegend => "Vos choix de défis",
        ChoicesHint => {
            "Numérotez de 1 à {max} les défis qui vous intéressent, 1 pour votre premier choix. Choisissez des défis qui recherchent votre profil."
        }
        NotChosen => "— Non choisi —",
        RankOf => "Rang de « {title} »",
        ColRank => "Rang",
        ApplicationDeadlineLine => {
            "Dépôt possible jusqu'au {deadline} (heure de Paris, l'heure du serveur fait foi)."
        }
        PersonalDeadlineLine => {
            "Délai personnel accordé : dépôt possible jusqu'au {deadline} (heure de Paris)."
        }
        IdentityLegend => "Identité",
        FieldCivility => "Civilité (facultatif)",
        NotSaid => "— Non précisée —",
        FieldGender => "Genre (facultatif)",
        GenderHint => {
            "Sert seulement à composer des équipes équilibrées ; vous pouvez ne pas répondre."
        }
        GenderWoman => "Femme",
        GenderMan => "Homme",
        GenderOther => "Autre",
        FieldFirstName => "Prénom",
        FieldLastName => "Nom",
        FieldPhone => "Téléphone (facultatif)",
        ProfileLegend => "Profil et parcours",
        FieldExperience => "Années d'expérience",
        FieldExperienceText => "Expérience",
        FieldPortfolioUrl => "Lien vers un portfolio (facultatif)",
        FieldCodeUrl => "Lien vers votre code (facultatif)",
        MobilityLegend => "Mobilité et rôle",
        FieldMobility => "Villes ou régions acceptées",
        MobilityHint => "Par exemple : Paris, Lyon, toute la Bretagne.",
        FieldRemote => "J'accepte un poste principalement à distance",
        FieldSupportRole => "Intéressé·e par un rôle d'appui au programme ?",
        SupportRoleHint => "Quelques talents accompagnent aussi l'équipe du programme.",
        DeclarationsLegend => "Déclarations",
        DeclCivilServant => {
            "Je ne serai pas agent·e public·que en poste à la date de début du programme"
        }
        DeclStudent => "Je ne serai pas étudiant·e à la date de début du programme",
        DeclJury => "Je ne suis pas membre d'un jury de ce programme",
        ConsentLabel => {
            "J'accepte que mes données soient traitées pour la sélection, comme l'explique la notice"
        }
        PrivacyLink => "Lire la notice sur les données personnelles",
        SubmitApplication => "Déposer ma candidature",
        ResubmitApplication => "Renvoyer ma candidature corrigée",
        FilesTitle => "Pièces jointes",
        FieldCv => "CV (obligatoire)",
        FieldPortfolio => "Portfolio (facultatif)",
        PdfHint => "Un fichier PDF, {max} Mo au maximum. Vous pouvez le remplacer jusqu'au dépôt.",
        UploadLabelled => "Envoyer : {file}",
        FileSaved => "Fichier enregistré.",
        CountdownLeft => "Il reste {days} jour(s), {hours} h {minutes} min.",
        CountdownClosed => "L'appel est clos.",
        ExtensionTooEarly => {
            "Le délai personnel doit être postérieur à la clôture de l'appel et à maintenant."
        }
        DeadlineExtendedMessage => {
            "Votre date limite personnelle de dépôt est repoussée au {deadline} (heure de Paris)."
        }
        ChoiceN => "Choix {n}",
        ReviewRequestCorrection => "Demander une correction",
        ReviewMarkIneligible => "Déclarer non recevable",
        ReviewMarkIncomplete => "Déclarer incomplète",
        TemplateRequestCorrection => {
            "Bonjour,\n\nVotre candidature demande une correction : [précisez ici ce qu'il faut corriger].\n\nElle est de nouveau modifiable : corrigez-la puis déposez-la à nouveau.\n\nL'équipe du programme"
        }
        TemplateMarkIneligible => {
            "Bonjour,\n\nVotre candidature ne remplit pas les conditions du programme : [motif].\n\nL'équipe du programme"
        }
        TemplateMarkIncomplete => {
            "Bonjour,\n\nVotre candidature est incomplète : [pièces ou informations manquantes].\n\nL'équipe du programme"
        }
        DeadlineExtended => "Délai personnel accordé ; la personne est prévenue.",
        NoApplicationChosen => "Aucune candidature n'a été choisie.",
        ApplicationSubmittedAtLine => "Déposée le {date} (heure de Paris).",
        ApplicationsOf => "Candidatures — {promotion}",
        AllDefis => "Tous les défis",
        AllAnswers => "Toutes les réponses",
        FilterDefi => "Défi choisi",
        FilterName => "Nom ou adresse e-mail",
        ExportCsv => "Exporter la sélection (CSV)",
        ExportCvZip => "Télécharger les CV de la sélection (ZIP)",
        NoApplicationMatches => "Aucune candidature ne correspond à ces filtres.",
        ApplicationsShown => "{count} candidature(s) — page {page} sur {pages}",
        Pagination => "Pages",
        ApplicationBatchLegend => "Action groupée sur toutes les candidatures filtrées",
        ReviewMessageHint => "Laissez vide pour envoyer le modèle de l'action.",
        ApplicationBatchSummary => {
            "Action « {action} » : {applies} candidature(s) concernée(s) sur {total}. Rien n'est envoyé avant confirmation."
        }
        ExtendTitle => "Accorder un délai personnel",
        FieldUntil => "Nouvelle date limite pour cette personne",
        ExtendSubmit => "Accorder le délai",
        ConfirmDeleteRequired => "Cochez la case pour confirmer la suppression.",
        AccountDeleted => "Votre compte est supprimé. Merci d'avoir utilisé Cohorte.",
        RetentionInvalid => "Indiquez un nombre de mois entre 1 et 120.",
        RetentionSaved => "Durée de conservation enregistrée.",
        MyDataTitle => "Mes données personnelles",
        MyDataIntro => {
            "Vous pouvez télécharger tout ce que Cohorte conserve sur vous, et supprimer votre compte."
        }
        DownloadMyData => "Télécharger mes données (fichier ZIP)",
        RetentionExplained => {
            "Si vous supprimez votre compte, vos brouillons sont effacés aussitôt. Un dossier déposé est anonymisé (nom, coordonnées, textes et pièces jointes effacés) et ce qui en reste n'est conservé que pour les statistiques du programme, jusqu'à la date indiquée ci-dessous, puis supprimé."
        }
        RetentionLine => "{what} : conservé jusqu'au {until}",
        DeleteAccountTitle => "Supprimer mon compte",
        DeleteAccountConfirm => "Je comprends que cette suppression est définitive",
        DeleteAccountButton => "Supprimer définitivement mon compte",
        RetentionTitle => "Conservation des dossiers",
        FieldRetention => "Durée de conservation après la fin du programme (mois)",
        RetentionHint => {
            "Passé ce délai, les dossiers de la promotion sont supprimés automatiquement."
        }
        AreaMyDataLink => "Mes données personnelles : les télécharger ou supprimer mon compte",
        KeptApplicationHint => {
            "Votre candidature n'est plus modifiable. Voici ce que vous aviez saisi, pour le copier si besoin."
        }
    }
}
