//! Interviews and jury rankings: juries per défi, slots, booking,
//! invitations, the interview grid and the ranked lists.

super::texts! {
    Interviews;
    AcceptableRequired => "Dites si la personne est acceptable pour ce poste : oui ou non.", "Say whether the person is acceptable for this seat: yes or no.";
    RankInvalid => "Un rang est un nombre entier à partir de 1 (vide : hors de la liste).", "A rank is a whole number from 1 (empty: off the list).";
    RankTie => "Deux personnes ont ce rang : départagez-les.", "Two people have this rank: break the tie.";
    RankNotAcceptable => "Le jury n'a pas jugé cette personne acceptable : elle ne peut pas être classée.", "The jury did not find this person acceptable: they cannot be ranked.";
    InterviewProposed => "Proposé·e au jury, sans créneau", "Proposed to the jury, no slot";
    InterviewAsked => "Proposition envoyée à la personne, en attente de sa réponse", "Offered to the person, waiting for their answer";
    InterviewScheduled => "Entretien fixé", "Interview scheduled";
    InterviewRemoved => "Retiré·e du jury", "Removed from the jury";
    CandidateNotShortlisted => "Choisissez une personne présélectionnée de cette promotion.", "Choose a shortlisted person of this promotion.";
    ProfileNotAsked => "Ce défi ne cherche pas ce profil.", "This challenge does not look for this profile.";
    AlreadyBeforeJury => "Cette personne est déjà proposée à ce jury.", "This person is already proposed to this jury.";
    AlreadyRemoved => "Cette personne a déjà été retirée de ce jury.", "This person was already removed from this jury.";
    TooLateToReschedule => "Trop tard pour déplacer cet entretien : écrivez à l'équipe du programme.", "Too late to move this interview: write to the programme team.";
    TooLateToCancel => "Trop tard pour annuler cet entretien : écrivez à l'équipe du programme.", "Too late to cancel this interview: write to the programme team.";
    NothingToBook => "Cet entretien ne peut pas être réservé.", "This interview cannot be booked.";
    NothingToCancel => "Cet entretien n'a pas de créneau à annuler.", "This interview has no slot to cancel.";
    NothingToAnswer => "Il n'y a plus de proposition à accepter ou refuser.", "There is no proposal to accept or decline any more.";
    SlotGone => "Ce créneau vient d'être pris : choisissez-en un autre.", "This slot has just been taken: choose another one.";
    SlotTooSoon => "Ce créneau est trop proche : choisissez-en un plus tard.", "This slot is too soon: choose a later one.";
    SlotClash => "Ce créneau est trop proche d'un autre de vos entretiens.", "This slot is too close to another of your interviews.";
    SlotInPast => "Choisissez un moment à venir.", "Choose a time in the future.";
    SlotMinutesInvalid => "Une durée en minutes, de 10 à 480.", "A duration in minutes, from 10 to 480.";
    SlotPlaceRequired => "Indiquez le lieu ou le lien de visioconférence (300 caractères au plus).", "Give the place or the video link (300 characters at most).";
    QuorumInvalid => "Un nombre de juré·es de 1 à 20.", "A number of jurors from 1 to 20.";
    SlotHeld => "Ce créneau est pris : retirez d'abord l'entretien.", "This slot is taken: remove the interview first.";
    NotInJurorPool => "Cette personne n'est pas dans le vivier de juré·es de la promotion.", "This person is not in the promotion's juror pool.";
    UnplacedNotice => "Aucun créneau assez éloigné (délai de prévenance)", "No slot far enough ahead (notice)";
    UnplacedClash => "Tous les créneaux restants sont trop proches d'un autre entretien de la personne", "Every slot left is too close to another of the person's interviews";
    UnplacedFull => "Plus de créneau libre", "No free slot left";
    PlanChanged => "Le planning a changé depuis l'aperçu : regardez le nouvel aperçu avant de l'appliquer.", "The plan changed since the preview: look at the new preview before applying it.";
    SheetAlreadySubmitted => "Cette grille est déjà envoyée : modifiez-la et renvoyez-la.", "This sheet is already submitted: change it and submit it again.";
    ListLocked => "Cette liste est verrouillée : une personne de l'équipe du programme peut la rouvrir.", "This list is locked: someone of the programme team can reopen it.";
    ListShortOfQuorum => "Pas encore : chaque personne reçue doit avoir été notée par le quorum du jury.", "Not yet: every person interviewed must have been scored by the jury's quorum.";
    ListNotLocked => "Cette liste n'est pas verrouillée.", "This list is not locked.";
    ReasonRequired => "Donnez la raison (1000 caractères au plus) : elle est gardée au journal.", "Give the reason (1,000 characters at most): it is kept in the log.";
    InterviewBooked => "Entretien réservé : l'invitation part par courriel.", "Interview booked: the invitation is on its way by email.";
    InterviewCancelledNotice => "Entretien annulé : tout le monde est prévenu.", "Interview cancelled: everyone is told.";
    AnswerSaved => "Réponse enregistrée.", "Answer saved.";
    FeedRenewed => "Nouvelle adresse de calendrier : l'ancienne ne fonctionne plus.", "New calendar address: the old one no longer works.";
    CandidatesProposed => "Les candidat·es présélectionné·es sont proposé·es aux jurys des défis qu'ils et elles ont classés.", "Shortlisted candidates are proposed to the juries of the challenges they ranked.";
    SlotAdded => "Créneau ajouté.", "Slot added.";
    SlotDeleted => "Créneau supprimé.", "Slot deleted.";
    PlanApplied => "Planning appliqué : les invitations partent par courriel.", "Plan applied: the invitations are on their way by email.";
    JuryUpdated => "Jury mis à jour.", "Jury updated.";
    ListSaved => "Classement enregistré.", "Ranking saved.";
    ListLockedNotice => "Liste verrouillée.", "List locked.";
    ListReopened => "Liste rouverte.", "List reopened.";
    ScoringClosed => "Cette grille ne peut pas être remplie maintenant (entretien pas commencé, ou liste verrouillée).", "This sheet cannot be filled now (interview not started, or list locked).";
    SheetSubmitted => "Grille envoyée.", "Sheet submitted.";
    SheetSaved => "Brouillon enregistré.", "Draft saved.";
}
