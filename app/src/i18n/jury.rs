//! Review of applications: the coordinators' pre-selection pages and the
//! jurors' pages.

super::texts! {
    Jury;
    NavJury => "Jury", "Jury";
    JoinJury => "Rejoindre le jury", "Join the jury";
    PreselectionTitle => "Présélection", "Pre-selection";
    PreselectionLink =>
        "La présélection : réglages, grille, juré·es, répartition et résultats",
        "The pre-selection: settings, rubric, jurors, assignment and results";
    PreselectionSummary =>
        "{dossiers} {dossiers|dossier à examiner|dossiers à examiner}, {jurors} {jurors|juré·e|juré·es}, {assignments} {assignments|attribution|attributions}, {reviews} {reviews|avis rendu|avis rendus}.",
        "{dossiers} {dossiers|dossier|dossiers} to review, {jurors} {jurors|juror|jurors}, {assignments} {assignments|assignment|assignments}, {reviews} {reviews|review|reviews} submitted.";
    StageOpenNow => "Les juré·es peuvent relire en ce moment.", "Jurors can review right now.";
    StageClosedNow => "Les juré·es ne peuvent pas relire en ce moment.", "Jurors cannot review right now.";
    StageWindow => "Présélection du {opens} au {closes} (heure de Paris).", "Pre-selection from {opens} to {closes} (Paris time).";
    StageOpensAt => "Présélection à partir du {opens} (heure de Paris).", "Pre-selection from {opens} (Paris time).";
    StageNotScheduled => "Les dates de la présélection ne sont pas encore fixées.", "The pre-selection dates are not set yet.";
    BackToDossiers => "Les dossiers de la promotion", "The promotion's dossiers";
    BackToPreselection => "Retour à la présélection", "Back to the pre-selection";
    StageSettingsTitle => "Réglages", "Settings";
    FieldStageOpens => "Ouverture de la relecture", "Reviewing opens";
    FieldStageCloses => "Clôture de la relecture", "Reviewing closes";
    FieldBlind => "Masquer l'identité des candidat·es aux juré·es", "Hide the applicants' identity from jurors";
    BlindHint =>
        "Les juré·es ne voient ni nom, ni adresse, ni téléphone, ni liens, ni CV ; dans les textes libres, le nom, les adresses, les liens et les numéros de téléphone sont masqués (un surnom ou une périphrase ne peut pas l'être). Un CV caviardé n'est pas proposé : en mode anonyme, le CV n'est pas montré du tout.",
        "Jurors see no name, address, phone, links or CV; in the free texts, the name, addresses, links and phone numbers are masked (a nickname or a paraphrase cannot be). A redacted CV is not offered: in blind mode, the CV is not shown at all.";
    PendingConflicts =>
        "{count} {count|dossier arrivé|dossiers arrivés} depuis votre déclaration {count|ressemble|ressemblent} à un conflit d'intérêts : {count|il vous restera caché|ils vous resteront cachés} tant que vous n'aurez pas confirmé ou écarté {count|ce conflit|ces conflits} sur la page des conflits.",
        "{count} {count|dossier|dossiers} that came after your declaration {count|looks|look} like a conflict of interest: {count|it stays|they stay} hidden from you until you confirm or reject {count|the conflict|the conflicts} on the conflicts page.";
    RedactedMask => "[masqué]", "[hidden]";
    FieldSeeReviews => "Les juré·es voient les autres avis", "Jurors see the other reviews";
    FieldSeeNames => "Les juré·es voient les noms des autres juré·es", "Jurors see the other jurors' names";
    FieldReviewsPerDossier => "Avis par dossier", "Reviews per dossier";
    FieldMaxLoad => "Charge maximale par juré·e", "Maximum load per juror";
    MaxLoadHint => "Nombre de dossiers au plus ; vide pour ne pas en fixer. Chaque juré·e peut avoir la sienne.", "At most this many dossiers; empty for none. Each juror may have their own.";
    FieldThreshold => "Seuil de désaccord (%)", "Disagreement threshold (%)";
    ThresholdHint =>
        "Un dossier est signalé quand l'écart-type de ses notes totales dépasse cette part de l'étendue possible.",
        "A dossier is flagged when the standard deviation of its totals is above this share of the possible range.";
    FieldReveal => "Révélation en deux temps", "Two-step reveal";
    RevealHint =>
        "Les candidat·es présélectionné·es classent les défis publiés jusqu'à la date limite ; ce classement est celui que le jury et la constitution des équipes utilisent.",
        "Shortlisted candidates rank the published challenges until the deadline; this ranking is the one the jury and team formation use.";
    FieldRevealDeadline => "Date limite du classement des défis", "Deadline for ranking the challenges";
    SaveSettings => "Enregistrer les réglages", "Save the settings";
    RubricTitle => "Grille d'évaluation", "Rubric";
    ColCriterion => "Critère", "Criterion";
    ColScale => "Échelle", "Scale";
    ColWeight => "Poids", "Weight";
    ColCounted => "Compté", "Counted";
    CriterionRequired => "Obligatoire, compté", "Required, counted";
    CriterionOptional => "Facultatif, compté", "Optional, counted";
    CriterionIndependent => "Indépendant : noté, non compté", "Independent: marked, not counted";
    VerdictExplained =>
        "Chaque avis se termine par un avis général : coup de cœur, neutre ou défavorable. Le total pondéré additionne poids × note des critères comptés.",
        "Each review ends with an overall opinion: favourite, neutral or unfavourable. The weighted total adds weight × mark over the counted criteria.";
    AddCriterion => "Ajouter un critère", "Add a criterion";
    DeleteNamed => "Supprimer « {name} »", "Delete “{name}”";
    FieldCriterionName => "Nom du critère", "Criterion name";
    FieldCriterionHelp => "Aide pour les juré·es", "Help for jurors";
    FieldScaleMin => "Note minimale", "Lowest mark";
    FieldScaleMax => "Note maximale", "Highest mark";
    FieldWeight => "Poids", "Weight";
    FieldRequiredCriterion => "Note obligatoire pour rendre l'avis", "Mark required to submit the review";
    FieldIndependent => "Critère indépendant", "Independent criterion";
    IndependentHint => "Montré et noté, mais pas compté dans le total.", "Shown and marked, but not counted in the total.";
    JurorsTitle => "Juré·es", "Jurors";
    JurorsIntro =>
        "Les juré·es invité·es acceptent avec l'adresse invitée, déclarent leurs conflits d'intérêts, puis relisent les dossiers qui leur sont attribués. Les profils cochés sont ceux qu'une personne peut juger en pair (pour une ancienne ou un ancien : son propre profil).",
        "Invited jurors accept with the invited address, declare their conflicts of interest, then review the dossiers assigned to them. The ticked profiles are those a person can judge as a peer (for an alumnus: their own profile).";
    JurorNumbered => "{name} (n° {id})", "{name} (no. {id})";
    ColProgress => "Avancement", "Progress";
    JurorProgress => "{done} / {total} avis rendus", "{done} / {total} reviews submitted";
    JurorDeclaredState => "Conflits déclarés", "Conflicts declared";
    JurorUndeclaredState => "Conflits à déclarer", "Conflicts to declare";
    JurorRemovedState => "Retiré·e (avis rendus conservés)", "Removed (submitted reviews kept)";
    PeerProfilesOf => "Profils que {name} juge en pair", "Profiles {name} judges as a peer";
    FieldOwnMaxLoad => "Charge maximale propre (vide : celle de la promotion)", "Own maximum load (empty: the promotion's)";
    EditJurorNamed => "Profils et charge de {name}", "Profiles and load of {name}";
    FieldJurorOrganisation =>
        "Administration où la personne travaille (détection des conflits)",
        "Administration the person works for (conflict detection)";
    NoOrganisationDeclared => "Aucune", "None";
    SaveNamed => "Enregistrer pour {name}", "Save for {name}";
    RemoveNamed => "Retirer {name} du jury", "Remove {name} from the jury";
    InviteJurorTitle => "Inviter un·e juré·e", "Invite a juror";
    InviteJurorButton => "Envoyer l'invitation", "Send the invitation";
    AssignTitle => "Répartition des dossiers", "Assignment of dossiers";
    AssignIntro =>
        "Cohorte propose une répartition exacte : chaque dossier reçoit le nombre d'avis demandé, jamais par une personne en conflit d'intérêts, au moins un avis d'un·e pair du profil quand le jury en compte, et des charges aussi égales que possible. Les attributions existantes et les avis rendus sont conservés. Rien ne change avant votre confirmation.",
        "Cohorte proposes an exact assignment: each dossier gets the number of reviews asked, never from someone with a conflict of interest, at least one review by a peer of the profile when the jury has one, and loads as even as possible. Existing assignments and submitted reviews are kept. Nothing changes before you confirm.";
    AssignNoPlan => "Pas de répartition possible", "No assignment possible";
    AssignPlanTitle => "Répartition proposée", "Proposed assignment";
    AssignPlanSummary =>
        "{add} {add|attribution à ajouter|attributions à ajouter} aux {existing} existantes, pour {dossiers} {dossiers|dossier|dossiers} ; {covered} {covered|dossier a|dossiers ont} au moins un·e juré·e de leur profil.",
        "{add} {add|assignment|assignments} to add to the {existing} existing ones, for {dossiers} {dossiers|dossier|dossiers}; {covered} {covered|dossier has|dossiers have} at least one juror of their profile.";
    AssignWithoutPeer =>
        "{count} {count|dossier a un profil|dossiers ont un profil} qu'aucun·e juré·e ne juge en pair : cochez des profils dans la liste des juré·es ou invitez-en.",
        "{count} {count|dossier has a profile|dossiers have a profile} no juror judges as a peer: tick profiles in the jurors' list or invite some.";
    AssignLoadsCaption => "Charge de chaque juré·e, avant et après", "Each juror's load, before and after";
    ColJuror => "Juré·e", "Juror";
    ColLoadNow => "Dossiers aujourd'hui", "Dossiers now";
    ColLoadAfter => "Dossiers après", "Dossiers after";
    AssignApply => "Appliquer cette répartition", "Apply this assignment";
    AssignByHand => "Attribuer à la main", "Assign by hand";
    AssignByHandIntro =>
        "Les mêmes règles s'appliquent : pas de conflit d'intérêts, pas au-delà de la charge maximale. Le numéro d'un dossier figure dans les résultats de la présélection.",
        "The same rules apply: no conflict of interest, not beyond the maximum load. A dossier's number is shown in the pre-selection's results.";
    FieldJurorChosen => "Juré·e", "Juror";
    ChooseJuror => "Choisissez un·e juré·e dans la liste.", "Choose a juror from the list.";
    DossierNumberInvalid => "Indiquez le numéro du dossier, par exemple 12.", "Give the dossier's number, for example 12.";
    PairNotAssigned =>
        "Ce dossier n'est pas attribué à ce ou cette juré·e : il n'y a rien à retirer.",
        "This dossier is not assigned to this juror: there is nothing to remove.";
    DossierNumberUnknown =>
        "Aucun dossier en cours de relecture ne porte ce numéro dans cette promotion.",
        "No dossier under review has this number in this promotion.";
    FieldDossierNumber => "Numéro du dossier", "Dossier number";
    AssignPairAction => "Action", "Action";
    AssignAddPair => "Attribuer le dossier", "Assign the dossier";
    AssignRemovePair => "Retirer l'attribution", "Remove the assignment";
    AssignChangePair => "Valider", "Confirm";
    ResultsTitle => "Résultats de la présélection", "Pre-selection results";
    ResultsIntro =>
        "Le total normalisé centre les notes de chaque juré·e sur sa propre moyenne : une personne sévère ou indulgente ne décide pas seule. Cochez des dossiers, ou les N premiers de chaque profil, puis retenez-les ou écartez-les après un aperçu.",
        "The normalised total centres each juror's marks on their own mean: a harsh or lenient person does not decide alone. Tick dossiers, or the first N of each profile, then shortlist or reject them after a preview.";
    FieldSort => "Trier par", "Sort by";
    SortNormalised => "Total normalisé", "Normalised total";
    SortMean => "Moyenne", "Mean";
    SortMedian => "Médiane", "Median";
    SortSpread => "Écart-type", "Standard deviation";
    SortReviews => "Nombre d'avis", "Number of reviews";
    SortCoups => "Coups de cœur", "Favourites";
    SortName => "Nom", "Name";
    OnlyDisagreements => "Seulement les désaccords", "Only disagreements";
    FieldTopPerProfile => "Cocher les N premiers de chaque profil", "Tick the first N of each profile";
    TopPerProfileHint => "Dans l'ordre du tri choisi, parmi les dossiers qui ont au moins un avis.", "In the chosen order, among the dossiers with at least one review.";
    ExportResultsCsv => "Exporter ces résultats (CSV)", "Export these results (CSV)";
    ResultsCount => "{count} {count|dossier|dossiers}", "{count} {count|dossier|dossiers}";
    ChooseNamed => "Choisir {name}", "Choose {name}";
    ColProfile => "Profil", "Profile";
    ColReviews => "Avis", "Reviews";
    ColNormalised => "Normalisé", "Normalised";
    ColMean => "Moyenne", "Mean";
    ColMedian => "Médiane", "Median";
    ColSpread => "Écart-type", "Std. dev.";
    ColCoups => "Coups de cœur", "Favourites";
    ColUnfavourable => "Défavorables", "Unfavourable";
    Disagreement => "désaccord", "disagreement";
    ShortlistChosen => "Retenir les dossiers cochés", "Shortlist the ticked dossiers";
    RejectChosen => "Écarter les dossiers cochés", "Reject the ticked dossiers";
    ShortlistBatchSummary =>
        "{action} : {applies} {applies|dossier changera|dossiers changeront} sur {total}. Chaque personne reçoit le message ci-dessous, sans note ni nom de juré·e.",
        "{action}: {applies} of {total} {total|dossier|dossiers} will change. Each person gets the message below, without marks or jurors' names.";
    JuryHomeTitle => "Mon jury", "My jury";
    JuryNothing => "Vous ne faites partie d'aucun jury pour l'instant.", "You are not on any jury for now.";
    DeclareFirst =>
        "Avant de voir un dossier, déclarez vos conflits d'intérêts : la liste ne montre que des noms.",
        "Before you see any dossier, declare your conflicts of interest: the list shows names only.";
    DeclareConflicts => "Déclarer mes conflits d'intérêts", "Declare my conflicts of interest";
    ReviewConflicts => "Revoir mes conflits d'intérêts", "Review my conflicts of interest";
    JuryNoDossierYet => "Aucun dossier ne vous est encore attribué.", "No dossier is assigned to you yet.";
    JuryProgress => "{done} / {total} dossiers relus", "{done} / {total} dossiers reviewed";
    NextDossier => "Dossier suivant", "Next dossier";
    JuryDossiersOf => "Mes dossiers de la promotion {promotion}", "My dossiers of promotion {promotion}";
    ColDossier => "Dossier", "Dossier";
    ReviewDone => "Avis rendu", "Review submitted";
    ReviewStarted => "Brouillon", "Draft";
    ReviewToDo => "À relire", "To review";
    ConflictsTitle => "Mes conflits d'intérêts", "My conflicts of interest";
    ConflictsIntro =>
        "Indiquez les personnes et les organisations avec lesquelles vous avez un lien. Un dossier en conflit ne vous sera jamais attribué et restera invisible pour vous. Les types de conflit :",
        "Say which people and organisations you have a link with. A dossier in conflict will never be assigned to you and stays invisible to you. The kinds of conflict:";
    ConflictsDetected =>
        "Cohorte a repéré {count} {count|conflit probable|conflits probables} ; {count|il est proposé|ils sont proposés} ci-dessous : confirmez ou choisissez « Pas de conflit ».",
        "Cohorte spotted {count} likely {count|conflict|conflicts}; {count|it is|they are} proposed below: confirm, or choose “No conflict”.";
    ConflictsApplicants => "Candidat·es", "Applicants";
    ConflictsOrganisations => "Organisations", "Organisations";
    ConflictsOrganisationsIntro =>
        "Un conflit avec une organisation vaut pour chaque dossier qui a classé un de ses défis.",
        "A conflict with an organisation applies to every dossier that ranked one of its challenges.";
    ColConflict => "Conflit", "Conflict";
    NoConflict => "Pas de conflit", "No conflict";
    DetectedWhy => "Conflit probable : {why}.", "Likely conflict: {why}.";
    DeclareConflictsButton => "Enregistrer mes conflits d'intérêts", "Save my conflicts of interest";
    UpdateConflicts => "Mettre à jour mes conflits d'intérêts", "Update my conflicts of interest";
    JuryDossierTitle => "Dossier à relire", "Dossier to review";
    BackToJury => "Retour à mon jury", "Back to my jury";
    BlindNotice =>
        "Présélection anonyme : l'identité, les coordonnées, les liens et le CV sont masqués.",
        "Blind pre-selection: identity, contact details, links and CV are hidden.";
    DossierContent => "Le dossier", "The dossier";
    DownloadCvNamed => "Télécharger le CV ({name})", "Download the CV ({name})";
    MyReview => "Mon avis", "My review";
    ReviewEditableUntilClose => "Votre avis est rendu ; vous pouvez le modifier jusqu'à la clôture.", "Your review is submitted; you can change it until the closing.";
    CriterionLegend => "{name} (note de {min} à {max})", "{name} (mark from {min} to {max})";
    CriterionLegendIndependent =>
        "{name} (note de {min} à {max}, non comptée dans le total)",
        "{name} (mark from {min} to {max}, not counted in the total)";
    RequiredMark => "(obligatoire)", "(required)";
    CommentOn => "Commentaire sur « {name} »", "Comment on “{name}”";
    OverallVerdict => "Avis général", "Overall opinion";
    SaveReviewDraft => "Enregistrer le brouillon", "Save the draft";
    SubmitReview => "Rendre mon avis", "Submit my review";
    UpdateReview => "Mettre à jour mon avis", "Update my review";
    OthersHidden => "Les autres avis ne vous sont pas montrés à ce stade.", "The other reviews are not shown to you at this stage.";
    NoOtherReview => "Aucun autre avis n'est encore rendu.", "No other review is submitted yet.";
    OtherReviews => "Les autres avis", "The other reviews";
    ReviewByRemovedJuror =>
        "Juré·e retiré·e du jury : son avis reste et compte.",
        "Juror removed from the pool: their review stays and counts.";
    ReviewConflicted =>
        "Juré·e en conflit d'intérêts avec ce dossier : son avis n'est pas compté.",
        "Juror in conflict of interest with this dossier: their review is not counted.";
    AggregateSummary =>
        "{reviews} {reviews|avis compté|avis comptés} : moyenne {mean}, médiane {median}, écart-type {sd}{flag}, total normalisé {normalised}, {coups} {coups|coup de cœur|coups de cœur}, {unfavourable} {unfavourable|avis défavorable|avis défavorables}.",
        "{reviews} {reviews|review counted|reviews counted}: mean {mean}, median {median}, standard deviation {sd}{flag}, normalised total {normalised}, {coups} {coups|favourite|favourites}, {unfavourable} {unfavourable|unfavourable verdict|unfavourable verdicts}.";
    DossierReviewsTitle => "Avis des juré·es", "Jurors' reviews";
    NoReviewYet => "Aucun avis n'est encore rendu sur ce dossier.", "No review is submitted on this dossier yet.";
    JurorN => "Juré·e {n}", "Juror {n}";
    TotalIs => "total {total}", "total {total}";
}
