//! Team formation: runs of the engine, overrides, offers and their
//! cascade, placements and teams.

super::texts! {
    Formation;
    RunValidatedNoChange => "Cette exécution est validée : elle ne change plus.", "This run is validated: it no longer changes.";
    OverrideUnknownCandidate => "Choisissez une personne de cette exécution.", "Choose a person of this run.";
    OverrideNotPlaced => "Cette personne n'a pas de place à retirer : choisissez un défi.", "This person has no seat to remove: choose a challenge.";
    OverrideUnknownDefi => "Choisissez un défi de cette exécution.", "Choose a challenge of this run.";
    OverrideWithdrawnDefi => "Ce défi est retiré dans cette exécution : il n'a pas d'équipe.", "This challenge is withdrawn in this run: it has no team.";
    OverrideSamePlace => "Cette personne a déjà sa place dans ce défi.", "This person already has a seat in this challenge.";
    OverrideNotAcceptable => "Cette personne n'a pas accepté ce défi, ou son jury ne l'a pas retenue pour son profil.", "This person did not accept this challenge, or its jury did not list them for their profile.";
    OverrideSlotFull => "Les places de ce profil sont prises dans ce défi : retirez d'abord une personne.", "The seats of this profile are taken in this challenge: remove someone first.";
    OverrideReasonRequired => "Donnez le motif de ce changement : il figurera dans l'explication de la personne.", "Give the reason for this change: it will appear in the person's explanation.";
    OverrideReasonTooLong => "Le motif tient en 1 000 caractères au plus.", "The reason fits in 1,000 characters at most.";
    OfferClosed => "Cette proposition n'attend plus de réponse.", "This offer no longer awaits an answer.";
    OfferPastDeadline => "Le délai de réponse est passé : la proposition est considérée comme déclinée.", "The answer deadline has passed: the offer counts as declined.";
    RunStale => "Des candidatures, des défis ou des listes ont changé depuis cette exécution : lancez le moteur à nouveau, puis validez la nouvelle exécution.", "Applications, challenges or lists changed since this run: run the engine again, then validate the new run.";
    RunAlreadyValidated => "Cette exécution est déjà validée.", "This run is already validated.";
    OtherRunValidated => "Une autre exécution de cette promotion est déjà validée.", "Another run of this promotion is already validated.";
    WidenUnknownCandidate => "Choisissez une personne présélectionnée de la promotion.", "Choose a shortlisted person of the promotion.";
    WidenWrongProfile => "Cette personne n'a pas le profil de cette liste.", "This person does not have this list's profile.";
    WidenAlreadyListed => "Cette personne est déjà sur cette liste.", "This person is already on this list.";
    PlacementAccepted => "Proposition acceptée", "Offer accepted";
    PlacementContract => "Contrat en préparation", "Contract in progress";
    PlacementPlaced => "Contrat signé", "Contract signed";
    PlacementActive => "En mission", "On mission";
    PlacementEnded => "Mission terminée", "Mission ended";
    PlacementInterrupted => "Interrompu", "Interrupted";
    RegionUnknown => "Lieu non renseigné", "Place not given";
    ChoiceRankN => "Choix n° {n}", "Choice no. {n}";
    ChoiceOther => "Autre défi accepté", "Other challenge accepted";
    ChoiceNone => "Sans place", "No seat";
    FairnessByProfile => "Par profil", "By profile";
    FairnessByGender => "Par genre (quand la personne l'a indiqué)", "By gender (when the person gave it)";
    FairnessByRegion => "Par lieu de l'administration d'accueil (personnes placées)", "By place of the host administration (people placed)";
    FairnessByChoice => "Par rang du choix obtenu", "By rank of the choice obtained";
    NotPlaced => "Sans place", "No seat";
    PlacedByDecision => "Vous êtes placé·e sur le défi {defi} par décision de l'équipe du programme, motif : {reason}", "You are placed on the challenge {defi} by decision of the programme team, reason: {reason}";
    UnplacedByDecision => "Vous n'avez pas de place, par décision de l'équipe du programme, motif : {reason}", "You have no seat, by decision of the programme team, reason: {reason}";
    RunDone => "Exécution enregistrée : voici son résultat.", "Run saved: here is its result.";
    OverrideSaved => "Ajustement enregistré.", "Adjustment saved.";
    ValidateConfirmMissing => "Cochez la case pour confirmer : les propositions partent dès la validation.", "Tick the box to confirm: the offers leave as soon as you validate.";
    RunValidated => "Exécution validée : les propositions sont envoyées.", "Run validated: the offers are sent.";
    ListWidened => "Liste élargie : la place est proposée si la personne est la suivante.", "List widened: the seat is offered if the person comes next.";
    PlacementSaved => "Suivi du placement enregistré.", "Placement follow-up saved.";
    PlacementStepRefused => "Ce placement ne peut pas passer à cet état.", "This placement cannot move to this state.";
    OfferAcceptedNotice => "Vous avez accepté la proposition. Vos autres propositions sont libérées ; vous restez en attente pour les défis que vous préférez.", "You accepted the offer. Your other offers are released; you stay on the waiting lists of the challenges you prefer.";
    OfferDeclinedNotice => "Vous avez décliné la proposition.", "You declined the offer.";
    WithdrawOffersConfirmMissing => "Cochez la case pour confirmer que vous renoncez à toutes vos propositions et listes d'attente.", "Tick the box to confirm that you give up all your offers and waiting lists.";
    WithdrawnFromOffers => "Vous avez renoncé : vos places sont proposées aux personnes suivantes.", "You withdrew: your seats are offered to the next people.";
    TalentPoolSaved => "Votre choix pour le vivier de talents est enregistré.", "Your talent pool choice is saved.";
}
