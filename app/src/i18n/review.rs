//! Review of applications: the reviewer assignment's explanations, the
//! jurors' pages, the rubric and the shortlist.

super::texts! {
    Review;
    AssignDossierShort =>
        "{count} {count|dossier ne peut|dossiers ne peuvent} recevoir {n} avis : {names} ({have} juré·es au plus sans conflit d'intérêts). Ajoutez des juré·es sans conflit avec {count|lui|eux} ou réduisez le nombre d'avis par dossier ; rien n'a été attribué.",
        "{count} {count|dossier|dossiers} cannot get {n} reviews: {names} (at most {have} jurors without a conflict of interest). Add jurors without a conflict with {count|it|them} or lower the number of reviews per dossier; nothing was assigned.";
    AssignCapacity =>
        "{needed} avis sont nécessaires et {jurors|le|les} {jurors} {jurors|juré·e peut|juré·es peuvent} en donner au plus {capacity} : {fix} ; rien n'a été attribué.",
        "{needed} reviews are needed and the {jurors} {jurors|juror|jurors} can give at most {capacity}: {fix}; nothing was assigned.";
    AssignRaiseOrAdd =>
        "portez la charge maximale à {load} ou ajoutez {add} {add|juré·e|juré·es}",
        "raise the maximum load to {load} or add {add} {add|juror|jurors}";
    AssignAdd => "ajoutez {add} {add|juré·e|juré·es}", "add {add} {add|juror|jurors}";
    AssignNoJurors =>
        "Aucun·e juré·e : invitez des juré·es avant de répartir les dossiers ; rien n'a été attribué.",
        "No jurors: invite jurors before assigning the dossiers; nothing was assigned.";
    AssignUnreachable =>
        "Aucune répartition ne donne {n} avis à chaque dossier : {count} {count|dossier|dossiers} ({names}) {count|ne trouve|ne trouvent} pas assez de juré·es sans conflit qui aient encore de la place. Relevez la charge maximale des juré·es sans conflit avec eux ou ajoutez des juré·es ; rien n'a été attribué.",
        "No assignment gives {n} reviews to every dossier: {count} {count|dossier|dossiers} ({names}) cannot find enough jurors without a conflict who still have room. Raise the maximum load of the jurors without a conflict with them or add jurors; nothing was assigned.";
    CriterionNameInvalid =>
        "Donnez au critère un nom de 1 à 120 caractères.",
        "Give the criterion a name of 1 to 120 characters.";
    CriterionHelpTooLong =>
        "L'aide tient en 500 caractères au plus.",
        "The help text is at most 500 characters long.";
    ScaleInvalid =>
        "L'échelle va d'un minimum (0 à 100) à un maximum plus grand (jusqu'à 100).",
        "The scale goes from a minimum (0 to 100) to a larger maximum (up to 100).";
    WeightInvalid => "Le poids est un nombre entier de 1 à 10.", "The weight is a whole number from 1 to 10.";
    SeeReviewsNever => "Jamais", "Never";
    SeeReviewsAfter => "Après avoir rendu son propre avis", "After submitting their own review";
    SeeReviewsAlways => "Toujours", "Always";
    VerdictCoupDeCoeur => "Coup de cœur", "Favourite";
    VerdictNeutral => "Neutre", "Neutral";
    VerdictUnfavourable => "Défavorable", "Unfavourable";
    StageClosesBeforeOpening =>
        "La fermeture doit venir après l'ouverture.",
        "The closing must come after the opening.";
    ReviewsPerDossierInvalid =>
        "Le nombre d'avis par dossier est un nombre entier de 1 à 10.",
        "The number of reviews per dossier is a whole number from 1 to 10.";
    MaxLoadInvalid =>
        "La charge maximale est un nombre entier de 1 à 1000, ou vide pour ne pas en fixer.",
        "The maximum load is a whole number from 1 to 1000, or empty for none.";
    ThresholdInvalid =>
        "Le seuil de désaccord est un pourcentage de 1 à 100.",
        "The disagreement threshold is a percentage from 1 to 100.";
    ChoiceRequired => "Choisissez une option de la liste.", "Choose an option from the list.";
    ScoreRequired => "Donnez une note à ce critère.", "Give this criterion a mark.";
    ScoreOffScale => "Choisissez une note dans l'échelle du critère.", "Choose a mark on the criterion's scale.";
    CommentTooLong => "Le commentaire tient en 2000 caractères au plus.", "The comment is at most 2,000 characters long.";
    VerdictRequired => "Choisissez un avis général.", "Choose an overall opinion.";
    ConflictPersonal => "Personnel (famille, amitié)", "Personal (family, friendship)";
    ConflictProfessional =>
        "Professionnel (travaillé ensemble ces 3 dernières années)",
        "Professional (worked together in the last 3 years)";
    ConflictAdministrative => "Administratif (même administration)", "Administrative (same administration)";
    ConflictOther => "Autre", "Other";
    DetectedSameDomain =>
        "même domaine d'adresse électronique que vous",
        "same email domain as yours";
    DetectedHostOfRankedDefi =>
        "a classé un défi d'une organisation dont vous êtes membre",
        "ranked a challenge of an organisation you are a member of";
    DetectedRankedJurorsOrganisation =>
        "a classé un défi de l'administration où vous travaillez",
        "ranked a challenge of the administration you work for";
    DossierNumber => "Dossier n° {id}", "Dossier no. {id}";
    AlreadyJuror => "Cette personne fait déjà partie du jury.", "This person is already on the jury.";
    JuryOf => "le jury de la promotion « {promotion} »", "the jury of promotion “{promotion}”";
    RubricFrozen =>
        "La grille ne peut plus changer : une note a déjà été donnée.",
        "The rubric can no longer change: a mark has already been given.";
    AssignInfeasible =>
        "Aucune répartition n'est possible : la raison est donnée sur la page ; rien n'a été attribué.",
        "No assignment is possible: the reason is on the page; nothing was assigned.";
    PairConflicted =>
        "Ce ou cette juré·e a un conflit d'intérêts avec ce dossier.",
        "This juror has a conflict of interest with this dossier.";
    PairExists => "Ce dossier est déjà attribué à cette personne.", "This dossier is already assigned to this juror.";
    PairOverLoad =>
        "Cette personne a atteint sa charge maximale.",
        "This juror has reached their maximum load.";
    PairReviewed =>
        "Cet avis est déjà rendu : l'attribution reste.",
        "This review was already submitted: the assignment stays.";
    ShortlistAlreadyDecided =>
        "Ce dossier n'est plus en cours d'examen.",
        "This dossier is no longer under review.";
    ShortlistedMessage =>
        "Votre candidature à la promotion « {promotion} » est présélectionnée. Nous vous écrirons bientôt pour la suite : le choix des défis et les entretiens.",
        "Your application to promotion “{promotion}” is shortlisted. We will write to you soon about what comes next: choosing challenges and the interviews.";
    NotShortlistedMessage =>
        "Votre candidature à la promotion « {promotion} » n'est pas retenue pour la suite de la sélection. Le nombre de places est limité et ce choix ne dit rien de la valeur de votre parcours. Merci pour le temps que vous y avez consacré.",
        "Your application to promotion “{promotion}” is not shortlisted for the rest of the selection. Places are limited and this choice says nothing about the worth of your path. Thank you for the time you gave it.";
    SettingsSaved => "Paramètres enregistrés.", "Settings saved.";
    CriterionSaved => "Critère enregistré.", "Criterion saved.";
    CriterionDeleted => "Critère supprimé.", "Criterion deleted.";
    JurorUpdated => "Juré·e mis·e à jour.", "Juror updated.";
    JurorRemoved =>
        "Juré·e retiré·e : son accès est fermé, ses avis rendus restent.",
        "Juror removed: their access is closed, their submitted reviews stay.";
    AssignmentApplied => "Répartition appliquée.", "Assignment applied.";
    AssignmentChanged => "Attribution modifiée.", "Assignment changed.";
    ConflictsDeclared => "Conflits d'intérêts enregistrés.", "Conflicts of interest saved.";
    ReviewClosed =>
        "La présélection n'est pas ouverte : l'avis ne peut pas être modifié.",
        "The pre-selection is not open: the review cannot be changed.";
    ReviewSubmittedNotice => "Avis rendu. Vous pouvez le modifier jusqu'à la clôture.", "Review submitted. You can change it until the closing.";
    ReviewDraftSaved => "Brouillon de l'avis enregistré.", "Review draft saved.";
    ShortlistDone => "Décisions enregistrées et courriels mis en file d'envoi.", "Decisions saved and emails queued.";
    RevealDeadlineRequired =>
        "Donnez la date limite du classement des défis.",
        "Give the deadline for ranking the challenges.";
    RevealRankOne => "Classez au moins un défi.", "Rank at least one challenge.";
    RevealReminder =>
        "Il vous reste moins de 24 heures pour classer les défis qui vous intéressent : la date limite est le {deadline} (heure de Paris). Sans classement de votre part, votre classement initial est conservé.",
        "You have less than 24 hours left to rank the challenges you are interested in: the deadline is {deadline} (Paris time). Without a new ranking, your first ranking is kept.";
    ShortlistedRevealMessage =>
        "Votre candidature à la promotion « {promotion} » est présélectionnée. Les défis sont maintenant publiés : classez jusqu'à {max} défis avant le {deadline} (heure de Paris) depuis votre candidature. Ce classement est celui que les jurys et la constitution des équipes utiliseront.",
        "Your application to promotion “{promotion}” is shortlisted. The challenges are now published: rank up to {max} challenges before {deadline} (Paris time) from your application. This ranking is the one the juries and team formation will use.";
    RevealClosed =>
        "Le classement des défis n'est pas ouvert pour cette candidature.",
        "Ranking the challenges is not open for this application.";
    RevealSaved => "Votre classement des défis est enregistré.", "Your ranking of the challenges is saved.";
    RevealTitle => "Classez les défis", "Rank the challenges";
    RevealIntro =>
        "Votre candidature est présélectionnée. Classez jusqu'à {max} défis qui recherchent votre profil (1 pour celui que vous préférez) avant le {deadline} (heure de Paris). Vous pouvez changer votre classement jusqu'à cette date ; sans classement de votre part, votre classement initial est conservé.",
        "Your application is shortlisted. Rank up to {max} challenges that seek your profile (1 for the one you prefer) before {deadline} (Paris time). You can change your ranking until then; without a new ranking, your first ranking is kept.";
    RevealDone => "Vous avez classé les défis ; vous pouvez encore modifier ce classement.", "You have ranked the challenges; you can still change this ranking.";
    RevealOver =>
        "Le classement des défis est clos depuis le {deadline} (heure de Paris).",
        "Ranking the challenges closed on {deadline} (Paris time).";
    RevealButton => "Enregistrer mon classement", "Save my ranking";
    ConflictsListChanged =>
        "La liste des candidat·es a changé depuis l'ouverture de la page : vérifiez-la à nouveau avant d'enregistrer ; rien n'a été enregistré.",
        "The list of applicants changed since the page was opened: check it again before saving; nothing was saved.";
}
