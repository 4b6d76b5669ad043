//! The ten months: milestones, the weekly bulletin, host reports.

super::texts! {
    Milestones;
    MilestoneArrival => "Liste d'arrivée", "Arrival checklist";
    MilestoneChecklist => "Points à cocher", "Items to tick";
    ArrivalContract => "Contrat signé", "Contract signed";
    ArrivalDataAccess => "Accès aux données", "Data access";
    ArrivalWorkstation => "Poste de travail", "Workstation";
    ArrivalNetwork => "Accès au réseau", "Network access";
    ArrivalBadge => "Badge", "Badge";
    ArrivalImmersion => "Immersion dans les métiers", "Business immersion";
    MilestoneBootcamp => "Bootcamp", "Bootcamp";
    MilestonePlenary => "Plénière mensuelle", "Monthly plenary";
    MilestoneStandUp => "Point d'avancement du défi", "The challenge's stand-up";
    MilestoneBulletin => "Bulletin de la semaine", "Weekly bulletin";
    BulletinMood => "Humeur de la semaine (1 à 5)", "Mood of the week (1 to 5)";
    BulletinPriority => "Priorité de la semaine", "Priority of the week";
    BulletinUpsDowns => "Hauts et bas", "Ups and downs";
    BulletinHelp => "Besoin d'aide", "Help needed";
    BulletinMoodRequired => "Choisissez une humeur de 1 à 5.", "Choose a mood from 1 to 5.";
    BulletinTextRequired => "Écrivez quelques mots.", "Write a few words.";
    BulletinTextTooLong => "300 caractères au plus.", "300 characters at most.";
    MilestoneIndicators => "Fiche indicateurs", "Indicators sheet";
    MilestoneIndicatorsText => "Indicateurs suivis", "Indicators followed";
    MilestoneLink => "Lien", "Link";
    MilestoneDemoDay => "Demo Day (pitch de 3 minutes)", "Demo Day (3-minute pitch)";
    MilestoneContinuity => "Note de continuité à mi-parcours", "Mid-course continuity note";
    MilestoneContinuityText => "Note de continuité", "Continuity note";
    MilestoneFinal => "Présentation finale", "Final presentation";
    MilestoneEnd => "Liste de fin de défi", "End-of-challenge checklist";
    EndDocumentation => "Documentation à jour", "Documentation up to date";
    EndOpenCode => "Code publié sous licence libre", "Code published under an open licence";
    EndOpenData => "Données ouvertes", "Data opened";
    EndHandover => "Passation faite", "Handover done";
    MilestoneRepository => "Dépôt du code", "Code repository";
}
