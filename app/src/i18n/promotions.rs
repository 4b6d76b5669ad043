//! Promotions: dates, calendar, phases, profiles, closing and purge.

super::texts! {
    Promotions;
    DateRequired => "Indiquez une date.", "Enter a date.";
    DateInvalid =>
        "Cette date n'est pas valide. Format attendu : jj/mm/aaaa et heure hh:mm.",
        "This date is not valid. Expected format: dd/mm/yyyy and time hh:mm.";
    DateSkippedByClockChange =>
        "Cette heure n'existe pas ce jour-là à Paris (passage à l'heure d'été). Choisissez une autre heure.",
        "This time does not exist on that day in Paris (clocks go forward). Choose another time.";
    WindowClosesBeforeOpen =>
        "La fermeture doit être postérieure à l'ouverture.",
        "The closing must come after the opening.";
    ApplicationsCloseAfterStart =>
        "L'appel à candidatures doit fermer avant la date de début de la promotion.",
        "The call for applications must close before the promotion's start date.";
    DurationInvalid =>
        "La durée doit être comprise entre 1 et 36 mois.",
        "The duration must be between 1 and 36 months.";
    PhasePlanning => "En préparation", "Being prepared";
    PhaseCallForDefis => "Appel à défis ouvert", "Call for challenges open";
    PhaseDefiSelection => "Sélection des défis", "Challenge selection";
    PhaseCallForApplications => "Appel à candidatures ouvert", "Call for applications open";
    PhaseCandidateSelection => "Sélection des candidatures", "Candidate selection";
    PhaseMatching => "Constitution des équipes", "Team formation";
    PhaseRunning => "Programme en cours", "Programme running";
    PhaseClosing => "Clôture", "Closing";
    PhaseAlumni => "Promotion terminée", "Promotion completed";
    ProfileInvalid =>
        "Code de profil non valide : lettres minuscules, chiffres et « _ », 2 à 40 caractères.",
        "Invalid profile code: lower-case letters, digits and \"_\", 2 to 40 characters.";
    ProfileDeveloper => "Développeur·se", "Developer";
    ProfileDataScientist => "Data scientist", "Data scientist";
    ProfileDataEngineer => "Data engineer", "Data engineer";
    ProfileDesigner => "Designer", "Designer";
    ProfileDigitalLaw => "Juriste du numérique", "Digital-law specialist";
    ProfileGeomatician => "Géomaticien·ne", "Geomatician";
    PromotionNameRequired => "Indiquez le nom de la promotion.", "Enter the promotion's name.";
    PromotionNameTooLong =>
        "Le nom ne doit pas dépasser 120 caractères.",
        "The name must not exceed 120 characters.";
    DescriptionTooLong =>
        "La description ne doit pas dépasser 600 caractères.",
        "The description must not exceed 600 characters.";
    TeamSizeInvalid =>
        "Indiquez un nombre entier entre 1 et 10.",
        "Enter a whole number between 1 and 10.";
    TeamMaxBelowMin =>
        "La taille maximale doit être au moins égale à la taille minimale.",
        "The maximum size must be at least the minimum size.";
    PromotionNameTaken => "Une promotion porte déjà ce nom.", "A promotion already has this name.";
    MaxChoicesInvalid =>
        "Indiquez un nombre de défis entre 1 et 10.",
        "Enter a number of challenges between 1 and 10.";
    ProfilesRequired => "Cochez au moins un profil.", "Tick at least one profile.";
    NavPromotions => "Promotions", "Promotions";
    PromotionsTitle => "Promotions", "Promotions";
    PromotionsIntro =>
        "Chaque promotion a son calendrier : appel à défis, appel à candidatures, puis 10 mois de programme.",
        "Each promotion has its calendar: call for challenges, call for applications, then 10 months of programme.";
    PromotionsNone => "Aucune promotion pour le moment.", "No promotion yet.";
    NewPromotion => "Créer une promotion", "Create a promotion";
    NewPromotionTitle => "Nouvelle promotion", "New promotion";
    EditPromotionTitle => "Modifier la promotion", "Edit the promotion";
    FieldPromotionName => "Nom de la promotion", "Promotion name";
    FieldDescription => "Description publique", "Public description";
    DescriptionHint =>
        "Deux ou trois phrases, 600 caractères au plus.",
        "Two or three sentences, 600 characters at most.";
    PromotionLegend => "La promotion", "The promotion";
    CalendarLegend => "Calendrier (heure de Paris)", "Calendar (Paris time)";
    FieldDefisOpen => "Ouverture de l'appel à défis", "Call for challenges opens";
    FieldDefisClose => "Fermeture de l'appel à défis", "Call for challenges closes";
    FieldApplicationsOpen => "Ouverture de l'appel à candidatures", "Call for applications opens";
    FieldApplicationsClose => "Fermeture de l'appel à candidatures", "Call for applications closes";
    DateTimeHint =>
        "Date et heure, par exemple 07/05/2027 23:59.",
        "Date and time, for instance 07/05/2027 23:59.";
    FieldStartDate => "Date de début du programme", "Programme start date";
    FieldDuration => "Durée (en mois)", "Duration (months)";
    TeamLegend => "Équipes et candidatures", "Teams and applications";
    FieldTeamMin => "Taille minimale d'une équipe", "Minimum team size";
    FieldTeamMax => "Taille maximale d'une équipe", "Maximum team size";
    FieldMaxChoices =>
        "Nombre maximal de défis qu'un·e candidat·e peut classer",
        "Maximum number of challenges an applicant may rank";
    ProfilesLegend => "Profils recherchés", "Profiles sought";
    SavePromotion => "Enregistrer la promotion", "Save the promotion";
    PromotionCreated => "La promotion a été créée.", "The promotion has been created.";
    PromotionSaved => "Les modifications ont été enregistrées.", "The changes have been saved.";
    ColPhase => "Étape", "Stage";
    ColStart => "Début", "Start";
    Edit => "Modifier {name}", "Edit {name}";
    ViewPublicPage => "Voir la page publique", "See the public page";
    PromotionCalendarTitle => "Calendrier", "Calendar";
    CallForDefisLabel => "Appel à défis", "Call for challenges";
    CallForApplicationsLabel => "Appel à candidatures", "Call for applications";
    StartLabel => "Début du programme", "Programme start";
    DurationLabel => "Durée", "Duration";
    OpenNow => "Ouvert en ce moment", "Open now";
    NothingOpenNow => "Aucun appel n'est ouvert en ce moment.", "No call is open at the moment.";
    ProfilesOffered => "Profils recherchés", "Profiles sought";
    FromTo => "du {from} au {to}", "from {from} to {to}";
    MonthsCount => "{count} mois", "{count} months";
    HomePromotionsTitle => "Promotions", "Promotions";
    PurgePreviewLine =>
        "Effacement prévu le {date} : {dossiers} {dossiers|dossier|dossiers} et {files} {files|fichier|fichiers} de cette promotion seront effacés.",
        "Erasure planned on {date}: {dossiers} {dossiers|dossier|dossiers} and {files} {files|file|files} of this promotion will be erased.";
    PurgePostponed =>
        "Un changement de dates a avancé l'effacement : il n'aura pas lieu avant le {date}, le temps de corriger une erreur.",
        "A change of dates brought the erasure forward: it will not happen before {date}, to leave time to correct a mistake.";
    PromotionIsClosed =>
        "La promotion est close : l'effacement aura lieu à la date prévue.",
        "The promotion is closed: the erasure will happen on the planned date.";
    PromotionNotClosed =>
        "La promotion n'est pas close : rien ne sera effacé tant qu'elle ne l'est pas.",
        "The promotion is not closed: nothing will be erased until it is.";
    ClosePromotion =>
        "Clore la promotion et autoriser l'effacement",
        "Close the promotion and allow the erasure";
    PromotionClosed =>
        "Promotion close : ses dossiers seront effacés à la date prévue.",
        "Promotion closed: its dossiers will be erased on the planned date.";
    ConfirmClose =>
        "Je confirme : les dossiers de cette promotion seront effacés à la date indiquée.",
        "I confirm: the dossiers of this promotion will be erased on the date shown.";
    ConfirmCloseRequired =>
        "Cochez la case pour confirmer la clôture.",
        "Tick the box to confirm the closing.";
    RetentionHint =>
        "Passé ce délai, les dossiers de la promotion sont supprimés automatiquement.",
        "After this period, the promotion's dossiers are deleted automatically.";
    FieldRetention =>
        "Durée de conservation après la fin du programme (mois)",
        "Retention after the end of the programme (months)";
    RetentionTitle => "Conservation des dossiers", "Retention of dossiers";
    RetentionSaved => "Durée de conservation enregistrée.", "Retention period saved.";
    RetentionInvalid =>
        "Indiquez un nombre de mois entre 1 et 120.",
        "Enter a number of months between 1 and 120.";
}
