//! The coordinators' work on dossiers: the table, drafts, deadlines,
//! reminders, review actions and exports.

super::texts! {
    Dossiers;
    DraftsOf => "Brouillons — {promotion}", "Drafts — {promotion}";
    DraftsIntro =>
        "Les personnes qui ont commencé une candidature sans la déposer. Leur contenu reste privé : vous voyez l'identité, le dernier enregistrement et ce qui est rempli. L'appel se clôt le {deadline} (heure de Paris).",
        "People who started an application without submitting it. Its content stays private: you see who, when it was last saved and what is filled in. The call closes on {deadline} (Paris time).";
    NoDraft => "Aucun brouillon en cours.", "No draft in progress.";
    DraftsCount =>
        "{count} {count|brouillon|brouillons}, le plus récemment enregistré en premier",
        "{count} {count|draft|drafts}, most recently saved first";
    ColLastSaved => "Dernier enregistrement", "Last saved";
    ColCompleteness => "Rempli", "Filled in";
    CompletenessValue => "{done} sur {total}", "{done} of {total}";
    ExtendFor => "Nouveau délai pour {name}", "New deadline for {name}";
    RemindFor => "Envoyer un rappel à {name}", "Send a reminder to {name}";
    PersonalDeadlineShort => "Délai personnel : {deadline}", "Personal deadline: {deadline}";
    DraftReminderMessage =>
        "Votre candidature à {promotion} n'est pas encore déposée. Vous pouvez la compléter et la déposer jusqu'au {deadline} (heure de Paris).",
        "Your application to {promotion} is not submitted yet. You can complete and submit it until {deadline} (Paris time).";
    DraftReminded => "Rappel envoyé.", "Reminder sent.";
    DraftsLink => "Voir les brouillons en cours", "See the drafts in progress";
    ExtendSubmit => "Accorder le délai", "Grant the deadline";
    FieldUntil => "Nouvelle date limite pour cette personne", "New deadline for this person";
    ExtendTitle => "Accorder un délai personnel", "Grant a personal deadline";
    ApplicationBatchSummary =>
        "Action « {action} » : {applies} {applies|candidature concernée|candidatures concernées} sur {total}. Rien n'est envoyé avant confirmation.",
        "Action “{action}”: {applies} {applies|application|applications} concerned out of {total}. Nothing is sent before you confirm.";
    ReviewMessageHint =>
        "Laissez vide pour envoyer le modèle de l'action.",
        "Leave empty to send the action's template.";
    ApplicationBatchLegend =>
        "Action groupée sur toutes les candidatures filtrées",
        "Batch action on every filtered application";
    ApplicationsShown =>
        "{count} {count|candidature|candidatures} — page {page} sur {pages}",
        "{count} {count|application|applications} — page {page} of {pages}";
    NoApplicationMatches =>
        "Aucune candidature ne correspond à ces filtres.",
        "No application matches these filters.";
    ExportCvZip => "Télécharger les CV de la sélection (ZIP)", "Download the selection's CVs (ZIP)";
    ExportCsvSemicolon =>
        "Exporter la sélection (CSV, séparateur point-virgule : Excel, LibreOffice en français)",
        "Export the selection (CSV, semicolon separator: French Excel, LibreOffice)";
    ExportCsvComma =>
        "Exporter la sélection (CSV, séparateur virgule : autres logiciels)",
        "Export the selection (CSV, comma separator: other software)";
    FilterName => "Nom ou adresse e-mail", "Name or email address";
    FilterDefi => "Défi choisi", "Chosen challenge";
    AllAnswers => "Toutes les réponses", "All answers";
    AllDefis => "Tous les défis", "All challenges";
    ApplicationsOf => "Candidatures — {promotion}", "Applications — {promotion}";
    NoApplicationChosen => "Aucune candidature n'a été choisie.", "No application was chosen.";
    DeadlineExtended =>
        "Délai personnel accordé ; la personne est prévenue.",
        "Personal deadline granted; the person is told.";
    TemplateMarkIncomplete =>
        "Bonjour,\n\nVotre candidature est incomplète : [pièces ou informations manquantes].\n\nL'équipe du programme",
        "Hello,\n\nYour application is incomplete: [missing documents or information].\n\nThe programme team";
    TemplateMarkIneligible =>
        "Bonjour,\n\nVotre candidature ne remplit pas les conditions du programme : [motif].\n\nL'équipe du programme",
        "Hello,\n\nYour application does not meet the programme's conditions: [reason].\n\nThe programme team";
    TemplateRequestCorrection =>
        "Bonjour,\n\nVotre candidature demande une correction : [précisez ici ce qu'il faut corriger].\n\nElle est de nouveau modifiable : corrigez-la puis déposez-la à nouveau.\n\nL'équipe du programme",
        "Hello,\n\nYour application needs a correction: [say here what to correct].\n\nIt can be edited again: correct it, then submit it again.\n\nThe programme team";
    ReviewMarkIncomplete => "Déclarer incomplète", "Mark incomplete";
    ReviewMarkIneligible => "Déclarer non recevable", "Mark ineligible";
    ReviewRequestCorrection => "Demander une correction", "Request a correction";
    DeadlineExtendedMessage =>
        "Votre date limite personnelle de dépôt est repoussée au {deadline} (heure de Paris).",
        "Your personal submission deadline is extended to {deadline} (Paris time).";
    ExtensionTooEarly =>
        "Le délai personnel doit être postérieur à la clôture de l'appel et à maintenant.",
        "The personal deadline must be after the call's closing time and after now.";
}
