//! Défis: the host's form, states, pitch deck, history and the public catalogue.

super::texts! {
    Defis;
    AutosaveSignedOut =>
        "Votre session a expiré : l'enregistrement automatique est arrêté. Copiez ce que vous venez d'écrire, reconnectez-vous dans un autre onglet, puis enregistrez le brouillon.",
        "Your session has expired: automatic saving has stopped. Copy what you just wrote, sign in again in another tab, then save the draft.";
    AutosaveDossierNotEditable =>
        "Votre candidature n'est plus modifiable (elle a changé d'état entre-temps) : l'enregistrement automatique est arrêté. Copiez ce que vous venez d'écrire, puis rechargez la page.",
        "Your application can no longer be changed (its state changed meanwhile): automatic saving has stopped. Copy what you just wrote, then reload the page.";
    AutosaveNotEditable =>
        "Ce défi n'est plus modifiable (il a changé d'état entre-temps) : l'enregistrement automatique est arrêté. Copiez ce que vous venez d'écrire, puis rechargez la page.",
        "This challenge can no longer be changed (its state changed meanwhile): automatic saving has stopped. Copy what you just wrote, then reload the page.";
    PitchDeckSaved => "Présentation enregistrée.", "Presentation saved.";
    NavDefis => "Défis", "Challenges";
    DefiStateDraft => "Brouillon", "Draft";
    DefiStateSubmitted => "Déposé", "Submitted";
    DefiStateInfoRequested => "Informations demandées", "Information requested";
    DefiStateShortlisted => "Présélectionné", "Shortlisted";
    DefiStateRejected => "Non retenu", "Rejected";
    DefiStateSelected => "Sélectionné", "Selected";
    DefiStateNotSelected => "Non sélectionné", "Not selected";
    DefiStateWithdrawn => "Retiré", "Withdrawn";
    DefiCallNotOpen =>
        "L'appel à défis n'est pas encore ouvert.",
        "The call for challenges is not open yet.";
    DefiCallClosed =>
        "L'appel à défis est clos : le dépôt n'est plus possible (voir l'heure de clôture ci-dessus). Votre brouillon est conservé.",
        "The call for challenges is closed: submission is no longer possible (see the closing time above). Your draft is kept.";
    DefiAlreadySubmitted => "Ce défi a déjà été déposé.", "This challenge has already been submitted.";
    DefiNotEditable =>
        "Ce défi n'est pas modifiable dans son état actuel.",
        "This challenge cannot be changed in its current state.";
    SlotProfileUnknown =>
        "Choisissez un profil proposé par la promotion.",
        "Choose a profile the promotion offers.";
    SlotProfileRequired => "Choisissez le profil de ce poste.", "Choose this position's profile.";
    SlotMissionRequired => "Décrivez la mission de ce poste.", "Describe this position's mission.";
    SlotCountInvalid =>
        "Le nombre de postes doit respecter la taille d'équipe de la promotion (indiquée au-dessus des postes).",
        "The number of positions must fit the promotion's team size (shown above the positions).";
    SlotMandatoryRequired =>
        "Au moins un poste doit être indispensable.",
        "At least one position must be essential.";
    NoOpenCallForDefis =>
        "Aucun appel à défis n'est ouvert en ce moment.",
        "No call for challenges is open at the moment.";
    ProposeDefi =>
        "Proposer un défi pour {promotion} (clôture le {deadline})",
        "Propose a challenge for {promotion} (closes on {deadline})";
    NoDefiYet => "Aucun défi pour le moment.", "No challenge yet.";
    ColTitle => "Titre", "Title";
    ColPromotion => "Promotion", "Promotion";
    UntitledDefi => "Défi sans titre", "Untitled challenge";
    DefiCreated =>
        "Brouillon créé : remplissez le dossier, il est enregistré au fur et à mesure.",
        "Draft created: fill in the dossier, it is saved as you go.";
    DefiForPromotion => "Promotion {promotion}", "Promotion {promotion}";
    SeePublicSheet => "Voir la fiche publique", "See the public sheet";
    SubmittedAtLine => "Déposé le {date} (heure de Paris).", "Submitted on {date} (Paris time).";
    InfoRequestedTitle =>
        "L'équipe du programme demande des informations",
        "The programme team asks for information";
    DefiDeadline =>
        "Dépôt possible jusqu'au {deadline} (heure de Paris, l'heure du serveur fait foi).",
        "Submission possible until {deadline} (Paris time; the server's clock decides).";
    DefiLegend => "Le défi", "The challenge";
    FieldDefiTitle => "Titre du défi", "Title of the challenge";
    TitleHint => "Une ligne.", "One line.";
    FieldSummary => "Résumé", "Summary";
    SummaryHint =>
        "Deux lignes au plus : ce que verront d'abord les candidats.",
        "Two lines at most: what applicants will see first.";
    NeedLegend => "Contexte et besoin", "Context and need";
    FieldContext => "Contexte", "Context";
    ContextHint =>
        "Le service, les usagers, ce qui se passe aujourd'hui.",
        "The service, its users, what happens today.";
    FieldUseCases =>
        "Ce que l'équipe construira (cas d'usage)",
        "What the team will build (use cases)";
    UseCasesHint => "Un cas d'usage par paragraphe.", "One use case per paragraph.";
    FieldImpact => "Impact attendu", "Expected impact";
    DataLegend => "Données", "Data";
    FieldDataAvailable => "Données disponibles", "Available data";
    DataHint => "Quelles données, où, sous quelle forme.", "Which data, where, in what form.";
    FieldDataAccessible =>
        "Ces données sont accessibles dès aujourd'hui à l'équipe",
        "This data is accessible to the team today";
    AttentionLegend => "Points d'attention", "Points of attention";
    FieldObstacles => "Obstacles identifiés", "Known obstacles";
    FieldLegalEthics => "Questions juridiques et éthiques", "Legal and ethical questions";
    LegalEthicsHint =>
        "Données personnelles, décisions automatisées, sécurité…",
        "Personal data, automated decisions, security…";
    OpennessLegend => "Engagements d'ouverture", "Openness commitments";
    FieldOpenCode =>
        "Le code produit sera publié sous licence libre",
        "The code produced will be published under an open licence";
    FieldOpenData =>
        "Les données seront ouvertes lorsque c'est possible",
        "Data will be released as open data where possible";
    FieldOffSite => "L'équipe pourra travailler hors des locaux", "The team may work off-site";
    HostTeamLegend => "Équipe d'accueil", "Host team";
    FieldLeads => "Porteuses et porteurs du défi", "Challenge leads";
    LeadsHint =>
        "Noms et fonctions, affichés sur la fiche publique du défi une fois publié.",
        "Names and positions, shown on the challenge's public sheet once it is published.";
    FieldMentor => "Mentor", "Mentor";
    MentorHint =>
        "La personne qui accompagnera l'équipe au quotidien ; son nom figure sur la fiche publique.",
        "The person who will support the team day to day; their name is on the public sheet.";
    SlotsLegend => "Postes de l'équipe", "Team positions";
    SlotsHint =>
        "De {min} à {max} postes : un profil et sa mission pour chacun. Laissez un poste vide s'il n'est pas utile.",
        "From {min} to {max} positions: a profile and its mission for each. Leave a position empty if it is not needed.";
    SlotN => "Poste {n}", "Position {n}";
    NoSlotOption => "— Aucun —", "— None —";
    FieldSlotProfile => "Profil", "Profile";
    FieldSlotMission => "Mission", "Mission";
    FieldSlotMandatory => "Poste indispensable", "Essential position";
    MandatoryHint =>
        "Sans ce poste, l'équipe ne peut pas mener le défi.",
        "Without this position, the team cannot carry out the challenge.";
    ColSlot => "Poste", "Position";
    SaveDraft => "Enregistrer le brouillon", "Save the draft";
    SubmitDefi => "Déposer le défi", "Submit the challenge";
    ResubmitDefi => "Renvoyer le défi complété", "Send the completed challenge back";
    SubmitHint =>
        "Le dépôt enregistre d'abord vos modifications. Après le dépôt, le dossier n'est plus modifiable, sauf si l'équipe du programme vous demande des informations.",
        "Submitting first saves your changes. After submission the dossier can no longer be changed, unless the programme team asks you for information.";
    DraftSaved => "Brouillon enregistré.", "Draft saved.";
    DefiSubmitted =>
        "Défi déposé. Un accusé de réception vous a été envoyé par courriel.",
        "Challenge submitted. A receipt was emailed to you.";
    LastSavedAt => "Dernier enregistrement : {time}", "Last saved: {time}";
    AutosaveSavedAt => "Enregistré automatiquement à {time}", "Saved automatically at {time}";
    AutosaveSaving => "Enregistrement…", "Saving…";
    AutosaveFailed =>
        "L'enregistrement automatique a échoué (connexion ?). Nouvel essai dans quelques secondes ; vous pouvez aussi cliquer sur « Enregistrer le brouillon ».",
        "Automatic saving failed (connection?). Trying again in a few seconds; you can also click “Save the draft”.";
    AutosaveConflict =>
        "Ce dossier a été modifié ailleurs (autre onglet ou autre personne). L'enregistrement automatique est suspendu : rechargez la page pour voir la dernière version, après avoir copié ce que vous venez d'écrire.",
        "This dossier was changed elsewhere (another tab or person). Automatic saving is paused: reload the page to see the latest version, after copying what you just wrote.";
    AutosaveInvalid =>
        "Un champ dépasse sa limite : corrigez-le, puis enregistrez le brouillon pour voir le détail.",
        "A field is over its limit: fix it, then save the draft to see the details.";
    PitchDeckTitle => "Présentation (PDF)", "Presentation (PDF)";
    FieldPitchDeck => "Fichier de présentation", "Presentation file";
    PitchDeckHint =>
        "Un fichier PDF, {max} Mo au maximum. Enregistrez votre brouillon avant d'envoyer le fichier. Une fois le défi publié, tout le monde peut la télécharger depuis sa fiche publique : n'y mettez rien d'interne.",
        "One PDF file, {max} MB at most. Save your draft before sending the file. Once the challenge is published, anyone can download it from its public sheet: put nothing internal in it.";
    NoPitchDeck => "Aucune présentation jointe.", "No presentation attached.";
    DossierTitle => "Dossier", "Dossier";
    HistoryTitle => "Historique", "History";
    EventSubmitted => "Déposé", "Submitted";
    EventPublished => "Fiche publiée", "Sheet published";
    EventOther => "Événement", "Event";
    EventWithdrawn => "Candidature retirée", "Application withdrawn";
    EventApplicationSubmitted => "Candidature déposée", "Application submitted";
    EventCorrectionRequested => "Correction demandée", "Correction requested";
    EventMarkedIneligible => "Déclarée non recevable", "Marked ineligible";
    EventMarkedIncomplete => "Déclarée incomplète", "Marked incomplete";
    EventDeadlineExtended => "Délai personnel accordé", "Personal deadline granted";
    EventReminded => "Rappel envoyé avant la date limite", "Reminder sent before the deadline";
    CatalogTitle => "Les défis", "The challenges";
    CatalogIntro =>
        "Les défis sélectionnés : des administrations cherchent des talents du numérique pour 10 mois, en équipe.",
        "The selected challenges: administrations looking for digital talents for 10 months, as a team.";
    CatalogEmpty =>
        "Aucun défi publié ne correspond à votre recherche.",
        "No published challenge matches your search.";
    ProfilesSought => "Profils recherchés", "Profiles sought";
    TeamSought => "L'équipe recherchée", "The team sought";
    SlotMandatory => "indispensable", "essential";
    SlotOptional => "souhaité", "desirable";
    PromotionDefis => "Défis de la promotion", "The promotion's challenges";
    SheetDownloadDeck =>
        "Télécharger la présentation du défi : {file} (PDF, {size})",
        "Download the challenge's presentation: {file} (PDF, {size})";
    NoPublishedDefi =>
        "Les défis de cette promotion ne sont pas encore publiés.",
        "This promotion's challenges are not published yet.";
}
