//! Applications: the applicant's dossier, its states, fields, choices and files.

super::texts! {
    Applications;
    KeptApplicationHint =>
        "Votre candidature n'est plus modifiable. Voici ce que vous aviez saisi, pour le copier si besoin.",
        "Your application can no longer be changed. Here is what you had typed, to copy it if needed.";
    ApplicationSubmittedAtLine =>
        "Déposée le {date} (heure de Paris).",
        "Submitted on {date} (Paris time).";
    ChoiceN => "Choix {n}", "Choice {n}";
    CountdownClosed => "L'appel est clos.", "The call is closed.";
    CountdownLeft =>
        "Il reste {days} {days|jour|jours}, {hours} h {minutes} min.",
        "{days} {days|day|days}, {hours} h {minutes} min left.";
    ApplicationSubmittedNotice =>
        "Candidature déposée. Un accusé de réception vous a été envoyé par courriel.",
        "Application submitted. A receipt was emailed to you.";
    ApplicationWithdrawn =>
        "Votre candidature est retirée.",
        "Your application has been withdrawn.";
    ConfirmWithdrawRequired =>
        "Cochez la case pour confirmer le retrait.",
        "Tick the box to confirm the withdrawal.";
    ApplicationNotEditable =>
        "Cette candidature n'est pas modifiable dans son état actuel.",
        "This application cannot be changed in its current state.";
    AppStateDraft => "Brouillon", "Draft";
    AppStateSubmitted => "Déposée", "Submitted";
    AppStateCorrectionRequested => "Correction demandée", "Correction requested";
    AppStateInReview => "En cours d'examen", "In review";
    AppStateShortlisted => "Présélectionnée", "Shortlisted";
    AppStateNotShortlisted => "Non présélectionnée", "Not shortlisted";
    AppStateInvitedToInterview => "Invitée à un entretien", "Invited to an interview";
    AppStateInterviewed => "Entretien passé", "Interviewed";
    AppStateRanked => "Classée", "Ranked";
    AppStateOffered => "Proposition reçue", "Offer received";
    AppStateAccepted => "Proposition acceptée", "Offer accepted";
    AppStateDeclined => "Proposition déclinée", "Offer declined";
    AppStatePlaced => "Affectée", "Placed";
    AppStateActive => "En cours de programme", "In the programme";
    AppStateCompleted => "Programme terminé", "Programme completed";
    AppStateWithdrawn => "Retirée", "Withdrawn";
    AppStateIneligible => "Non recevable", "Ineligible";
    AppStateIncomplete => "Incomplète", "Incomplete";
    ApplicationsNotOpen =>
        "L'appel à candidatures n'est pas encore ouvert.",
        "The call for applications is not open yet.";
    ApplicationsClosed =>
        "L'appel à candidatures est clos : le dépôt n'est plus possible (voir l'heure de clôture ci-dessus). Votre brouillon est conservé.",
        "The call for applications is closed: submission is no longer possible (see the closing time above). Your draft is kept.";
    ApplicationAlreadySubmitted =>
        "Cette candidature a déjà été déposée.",
        "This application has already been submitted.";
    WithdrawNotAllowed =>
        "Cette candidature ne peut plus être retirée.",
        "This application can no longer be withdrawn.";
    CivilityMme => "Madame", "Ms";
    CivilityM => "Monsieur", "Mr";
    CivilityOther => "Autre ou ne se prononce pas", "Other or prefer not to say";
    ExperienceLt2 => "Moins de 2 ans", "Less than 2 years";
    Experience2to5 => "De 2 à 5 ans", "2 to 5 years";
    Experience5to10 => "De 5 à 10 ans", "5 to 10 years";
    ExperienceGt10 => "Plus de 10 ans", "More than 10 years";
    ChoiceInvalid => "Choisissez une des options proposées.", "Choose one of the options offered.";
    ChoiceTwice =>
        "Chaque défi ne peut être classé qu'une fois.",
        "Each challenge can be ranked only once.";
    TooManyChoices =>
        "Vous avez choisi trop de défis pour cette promotion.",
        "You chose too many challenges for this promotion.";
    UrlInvalid =>
        "Indiquez une adresse web complète, commençant par https:// (ou http://).",
        "Enter a full web address, starting with https:// (or http://).";
    PhoneInvalid =>
        "Indiquez un numéro de téléphone (chiffres, espaces, +, points ou tirets).",
        "Enter a phone number (digits, spaces, +, dots or dashes).";
    ProfileRequired => "Choisissez votre profil.", "Choose your profile.";
    ChoicesRequired => "Classez au moins un défi.", "Rank at least one challenge.";
    ChoiceWithoutProfile =>
        "« {about} » ne recherche pas votre profil : retirez ce défi de vos choix ou changez de profil.",
        "“{about}” does not seek your profile: remove this challenge from your choices or change your profile.";
    CvRequired => "Joignez votre CV au format PDF.", "Attach your CV as a PDF.";
    DeclarationRequired =>
        "Cette déclaration est nécessaire pour candidater.",
        "This declaration is required to apply.";
    ConsentRequired =>
        "Votre accord au traitement de vos données est nécessaire pour candidater.",
        "Your consent to the processing of your data is required to apply.";
    DraftSavedExceptRanks =>
        "Brouillon enregistré, sauf le classement des défis : corrigez-le ci-dessous.",
        "Draft saved, except the ranking of challenges: fix it below.";
    AutosaveRanksNotSaved =>
        "Brouillon enregistré, sauf le classement des défis. {message}",
        "Draft saved, except the ranking of challenges. {message}";
    RanksRepeated =>
        "Deux défis ont le même rang : donnez à chacun un rang différent (1, 2, 3…).",
        "Two challenges have the same rank: give each a different rank (1, 2, 3…).";
    RanksGap =>
        "Les rangs doivent se suivre à partir de 1, sans en sauter (1, 2, 3…).",
        "Ranks must follow each other from 1, without skipping one (1, 2, 3…).";
    RanksInvalid =>
        "Numérotez vos choix 1, 2, 3… sans répéter ni sauter de numéro.",
        "Number your choices 1, 2, 3… without repeating or skipping a number.";
    ApplicationsTitle => "Ma candidature", "My application";
    NoOpenCallForApplications =>
        "Aucun appel à candidatures n'est ouvert en ce moment.",
        "No call for applications is open at the moment.";
    CallClosesAt => "Clôture le {deadline} (heure de Paris).", "Closes on {deadline} (Paris time).";
    CallClosedAt => "Appel clos le {deadline} (heure de Paris).", "Call closed on {deadline} (Paris time).";
    OpenMyApplication => "Ouvrir ma candidature", "Open my application";
    StartApplicationButton => "Commencer ma candidature", "Start my application";
    ApplicationTitle => "Candidature — {promotion}", "Application — {promotion}";
    CorrectionRequestedTitle =>
        "L'équipe du programme vous demande une correction",
        "The programme team asks you for a correction";
    WithdrawTitle => "Retirer ma candidature", "Withdraw my application";
    WithdrawConfirm =>
        "Je confirme retirer ma candidature (ce retrait est définitif)",
        "I confirm that I am withdrawing my application (this cannot be undone)";
    WithdrawButton => "Retirer ma candidature", "Withdraw my application";
    TimelineTitle => "Où en est ma candidature", "Where my application stands";
    SummaryTitle => "Ce que vous avez déposé", "What you submitted";
    FieldProfile => "Profil", "Profile";
    FieldSkills => "Compétences", "Skills";
    FieldMotivation => "Motivation", "Motivation";
    ChoicesLegend => "Vos choix de défis", "Your choice of challenges";
    ChoicesHint =>
        "Numérotez de 1 à {max} les défis qui vous intéressent, 1 pour votre premier choix. Choisissez des défis qui recherchent votre profil.",
        "Rank the challenges you are interested in from 1 to {max}, 1 being your first choice. Choose challenges that seek your profile.";
    NotChosen => "Non choisi", "Not chosen";
    RankOf => "Rang de « {title} »", "Rank of “{title}”";
    SeeksYourProfile => "Recherche votre profil", "Seeks your profile";
    SeeksNotYourProfile => "Ne recherche pas votre profil", "Does not seek your profile";
    ReadTheSheets =>
        "Lire les fiches des défis (nouvel onglet)",
        "Read the challenges' sheets (new tab)";
    StepDone => "(étape franchie)", "(step passed)";
    StepCurrent => "(étape en cours)", "(current step)";
    StepToCome => "(à venir)", "(to come)";
    ColRank => "Rang", "Rank";
    ApplicationDeadlineLine =>
        "Dépôt possible jusqu'au {deadline} (heure de Paris, l'heure du serveur fait foi).",
        "Submission possible until {deadline} (Paris time; the server's clock decides).";
    PersonalDeadlineLine =>
        "Délai personnel accordé : dépôt possible jusqu'au {deadline} (heure de Paris).",
        "Personal extension granted: submission possible until {deadline} (Paris time).";
    IdentityLegend => "Identité", "Identity";
    FieldCivility => "Civilité (facultatif)", "Title (optional)";
    NotSaid => "— Non précisée —", "— Not given —";
    FieldGender => "Genre (facultatif)", "Gender (optional)";
    GenderHint =>
        "Sert seulement à composer des équipes équilibrées ; vous pouvez ne pas répondre.",
        "Only used to form balanced teams; you may leave it unanswered.";
    GenderWoman => "Femme", "Woman";
    GenderMan => "Homme", "Man";
    GenderOther => "Autre", "Other";
    FieldFirstName => "Prénom", "First name";
    FieldLastName => "Nom", "Last name";
    FieldPhone => "Téléphone (facultatif)", "Phone (optional)";
    ProfileLegend => "Profil et parcours", "Profile and background";
    FieldExperience => "Années d'expérience", "Years of experience";
    FieldExperienceText => "Expérience", "Experience";
    FieldPortfolioUrl => "Lien vers un portfolio (facultatif)", "Link to a portfolio (optional)";
    FieldCodeUrl => "Lien vers votre code (facultatif)", "Link to your code (optional)";
    MobilityLegend => "Mobilité et rôle", "Mobility and role";
    FieldMobility => "Villes ou régions acceptées", "Cities or regions you accept";
    MobilityHint =>
        "Par exemple : Paris, Lyon, toute la Bretagne.",
        "For example: Paris, Lyon, anywhere in Brittany.";
    FieldRemote =>
        "J'accepte un poste principalement à distance",
        "I accept a mostly remote position";
    FieldSupportRole =>
        "Intéressé·e par un rôle d'appui au programme ?",
        "Interested in a programme-support role?";
    SupportRoleHint =>
        "Quelques talents accompagnent aussi l'équipe du programme.",
        "A few fellows also support the programme team.";
    DeclarationsLegend => "Déclarations", "Declarations";
    DeclCivilServant =>
        "Je ne serai pas agent·e public·que en poste à la date de début du programme",
        "I will not be a civil servant in post at the programme's start date";
    DeclStudent =>
        "Je ne serai pas étudiant·e à la date de début du programme",
        "I will not be a student at the programme's start date";
    DeclJury =>
        "Je ne suis pas membre d'un jury de ce programme",
        "I am not a member of a jury of this programme";
    ConsentLabel =>
        "J'accepte que mes données soient traitées pour la sélection, comme l'explique la notice",
        "I agree that my data is processed for the selection, as the notice explains";
    PrivacyLink => "Lire la notice sur les données personnelles", "Read the personal data notice";
    SubmitApplication => "Déposer ma candidature", "Submit my application";
    ResubmitApplication => "Renvoyer ma candidature corrigée", "Send my corrected application back";
    FilesTitle => "Pièces jointes", "Attachments";
    FieldCv => "CV (obligatoire)", "CV (required)";
    FieldPortfolio => "Portfolio (facultatif)", "Portfolio (optional)";
    ApplyNow => "Candidater", "Apply";
    ApplyUntil =>
        "Les candidatures sont ouvertes jusqu'au {deadline} (heure de Paris).",
        "Applications are open until {deadline} (Paris time).";
}
