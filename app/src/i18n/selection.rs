//! Selection of défis by the coordinators: filters, decisions, templates,
//! batch preview and publication.

super::texts! {
    Selection;
    DecisionAskInfo => "Demander des informations", "Ask for information";
    DecisionShortlist => "Présélectionner", "Shortlist";
    DecisionReject => "Ne pas retenir", "Reject";
    DecisionSelect => "Sélectionner", "Select";
    DecisionNotSelect => "Ne pas sélectionner", "Do not select";
    DecisionWithdraw => "Retirer", "Withdraw";
    DecisionNotAllowed =>
        "Cette décision n'est pas possible dans l'état actuel du défi.",
        "This decision is not possible in the challenge's current state.";
    ReviewNotAllowed =>
        "Cette décision n'est pas possible dans l'état actuel de la candidature.",
        "This decision is not possible in the application's current state.";
    DecisionRequired => "Choisissez une décision.", "Choose a decision.";
    TemplateAskInfo =>
        "Bonjour,\n\nMerci pour le défi « {titre} ». Avant de poursuivre l'examen, nous avons besoin de précisions : [précisez ici les points à compléter].\n\nLe dossier est de nouveau modifiable : complétez-le puis déposez-le à nouveau.\n\nL'équipe du programme",
        "Hello,\n\nThank you for the challenge “{titre}”. Before we go on, we need more details: [say here what to complete].\n\nThe dossier can be edited again: complete it, then submit it again.\n\nThe programme team";
    TemplateShortlist =>
        "Bonjour,\n\nLe défi « {titre} » de {organisation} est présélectionné. Nous reviendrons vers vous pour la suite de la sélection.\n\nL'équipe du programme",
        "Hello,\n\nThe challenge “{titre}” from {organisation} is shortlisted. We will come back to you for the next steps of the selection.\n\nThe programme team";
    TemplateReject =>
        "Bonjour,\n\nNous vous remercions pour le défi « {titre} ». Après examen, il n'a pas été retenu pour cette promotion : [motif].\n\nNous serions heureux de recevoir une nouvelle proposition lors d'un prochain appel.\n\nL'équipe du programme",
        "Hello,\n\nThank you for the challenge “{titre}”. After review, it was not accepted for this promotion: [reason].\n\nWe would be glad to receive a new proposal in a future call.\n\nThe programme team";
    TemplateSelect =>
        "Bonjour,\n\nBonne nouvelle : le défi « {titre} » de {organisation} est sélectionné. Sa fiche publique sera bientôt en ligne et l'appel à candidatures pourra le proposer.\n\nL'équipe du programme",
        "Hello,\n\nGood news: the challenge “{titre}” from {organisation} is selected. Its public sheet will soon be online and the call for applications will offer it.\n\nThe programme team";
    TemplateNotSelect =>
        "Bonjour,\n\nLe défi « {titre} » avait été présélectionné, mais il n'a pas été sélectionné à l'issue du jury : [motif].\n\nMerci pour votre implication.\n\nL'équipe du programme",
        "Hello,\n\nThe challenge “{titre}” was shortlisted, but it was not selected by the jury: [reason].\n\nThank you for your commitment.\n\nThe programme team";
    TemplateWithdraw =>
        "Bonjour,\n\nLe défi « {titre} » est retiré de la promotion : [motif].\n\nL'équipe du programme",
        "Hello,\n\nThe challenge “{titre}” is withdrawn from the promotion: [reason].\n\nThe programme team";
    MessageRequired =>
        "Écrivez le message à envoyer.",
        "Write the message to send.";
    MessageTooLong =>
        "Le message est trop long (4 000 caractères au maximum).",
        "The message is too long (4,000 characters at most).";
    PublishOnlySelected =>
        "Seuls les défis sélectionnés peuvent être publiés.",
        "Only selected challenges can be published.";
    AlreadyPublished => "Ce défi est déjà publié.", "This challenge is already published.";
    DefiPublishedState => "publié", "published";
    DefiPublishedMessage =>
        "La fiche publique du défi est en ligne : les candidates et candidats peuvent désormais la consulter et la choisir.",
        "The challenge's public sheet is online: applicants can now read it and choose it.";
    Published => "publié", "published";
    DefisOf => "Défis de {promotion}", "Challenges of {promotion}";
    PromotionDefisTitle => "Défis — {promotion}", "Challenges — {promotion}";
    CountsTitle => "Par état", "By state";
    AllStates => "Tous les états", "All states";
    AllKinds => "Tous les types", "All kinds";
    AllProfiles => "Tous les profils", "All profiles";
    AllPromotions => "Toutes les promotions", "All promotions";
    FilterState => "État", "State";
    FilterKind => "Type d'organisation", "Kind of organisation";
    FilterProfile => "Profil recherché", "Profile sought";
    FilterPromotion => "Promotion", "Promotion";
    NoDefiMatches => "Aucun défi ne correspond à ces filtres.", "No challenge matches these filters.";
    DefisShown => "{count} {count|défi|défis}", "{count} {count|challenge|challenges}";
    ColChoose => "Choix", "Choose";
    ColOrganisation => "Organisation", "Organisation";
    ColProfiles => "Profils", "Profiles";
    ColSubmitted => "Déposé le", "Submitted on";
    ChooseDefi => "Choisir « {title} »", "Choose “{title}”";
    BatchLegend => "Décision groupée sur les défis cochés", "Batch decision on the ticked challenges";
    FieldDecision => "Décision", "Decision";
    FieldMessage => "Message à l'organisation", "Message to the organisation";
    MessageHint =>
        "Laissez vide pour envoyer le modèle de la décision. {titre} et {organisation} sont remplacés pour chaque défi.",
        "Leave empty to send the decision's template. {titre} and {organisation} are replaced for each challenge.";
    TemplatesTitle => "Modèles de message", "Message templates";
    TemplatesHint =>
        "Utilisez un modèle : il remplace le message et choisit sa décision ; adaptez-le ensuite.",
        "Use a template: it replaces the message and picks its decision; then adapt it.";
    UseTemplate => "Utiliser le modèle « {decision} »", "Use the “{decision}” template";
    PreviewBatch => "Prévisualiser les envois", "Preview the messages";
    PublishSelected =>
        "Publier {count} {count|défi sélectionné non publié|défis sélectionnés non publiés}",
        "Publish {count} selected, unpublished {count|challenge|challenges}";
    PublishOne => "Publier la fiche de ce défi", "Publish this challenge's sheet";
    DefisPublished => "Fiches publiées.", "Sheets published.";
    NothingToPublish =>
        "Aucune fiche à publier : seuls les défis sélectionnés et pas encore publiés peuvent l'être.",
        "No sheet to publish: only selected challenges not published yet can be.";
    BatchPreviewTitle => "Aperçu des envois", "Preview of the messages";
    BackToList => "Retour à la liste", "Back to the list";
    BatchSummary =>
        "Décision « {action} » : {applies} {applies|défi concerné|défis concernés} sur {total}. Rien n'est envoyé avant confirmation.",
        "Decision “{action}”: {applies} {applies|challenge|challenges} concerned out of {total}. Nothing is sent before you confirm.";
    BatchSkipped => "Ignoré :", "Skipped:";
    Recipients => "Destinataires", "Recipients";
    NoRecipient => "aucun membre", "no member";
    ConfirmBatch => "Confirmer et envoyer", "Confirm and send";
    NoDefiChosen => "Aucun défi n'a été choisi.", "No challenge was chosen.";
    BatchRecorded =>
        "Décisions enregistrées ; les messages partent.",
        "Decisions recorded; the messages are on their way.";
    DecisionTitle => "Décision", "Decision";
    SendDecision =>
        "Enregistrer la décision et envoyer le message",
        "Record the decision and send the message";
    DecisionRecorded =>
        "Décision enregistrée ; le message part.",
        "Decision recorded; the message is on its way.";
    FieldMessageToApplicant => "Message à la personne candidate", "Message to the applicant";
    RecipientsLine => "Destinataires : {recipients}", "Recipients: {recipients}";
}
