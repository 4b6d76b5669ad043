//! Administration: roles, users, the outbox.

super::texts! {
    Admin;
    RoleAdmin => "Administrateur·rice", "Administrator";
    RoleCoordinator => "Coordinateur·rice du programme", "Programme coordinator";
    RoleHostLead => "Responsable de défi", "Challenge lead";
    RoleHostMentor => "Mentor", "Mentor";
    RoleHostHr => "Contact ressources humaines", "Human resources contact";
    RoleReviewer => "Membre de jury", "Jury member";
    UsersTitle => "Utilisateurs", "Users";
    UsersSearch => "Rechercher par nom ou adresse e-mail", "Search by name or email address";
    UsersSearchSubmit => "Rechercher", "Search";
    ColName => "Nom", "Name";
    ColEmail => "Adresse e-mail", "Email address";
    ColStatus => "État du compte", "Account status";
    ColRoles => "Rôles", "Roles";
    ColActions => "Actions", "Actions";
    StatusActive => "Actif", "Active";
    StatusUnverified => "Adresse non confirmée", "Address not confirmed";
    StatusDisabled => "Désactivé", "Disabled";
    Grant => "Attribuer", "Grant";
    GrantRole => "Rôle à attribuer à {name}", "Role to grant to {name}";
    Revoke => "Retirer le rôle {role} à {name}", "Remove the role {role} from {name}";
    Disable => "Désactiver le compte de {name}", "Disable the account of {name}";
    Enable => "Réactiver le compte de {name}", "Re-enable the account of {name}";
    UsersNone =>
        "Aucun utilisateur ne correspond à cette recherche.",
        "No user matches this search.";
    UsersCount => "{count} {count|utilisateur|utilisateurs}", "{count} {count|user|users}";
    CannotChangeSelf =>
        "Vous ne pouvez pas désactiver votre propre compte ni retirer votre propre rôle d'administrateur·rice.",
        "You cannot disable your own account or remove your own administrator role.";
    RoleGranted => "Le rôle a été attribué.", "The role has been granted.";
    RoleRevoked => "Le rôle a été retiré.", "The role has been removed.";
    AccountDisabledDone =>
        "Le compte est désactivé ; ses sessions ont été fermées.",
        "The account is disabled; its sessions have been closed.";
    AccountEnabledDone => "Le compte est réactivé.", "The account is enabled again.";
    OutboxTitle => "Courriels envoyés par la plateforme", "Emails sent by the platform";
    OutboxIntro =>
        "Chaque courriel est mis en file d'attente puis envoyé ; en cas d'échec, il est réessayé automatiquement.",
        "Every email is queued and then sent; if sending fails, it is retried automatically.";
    ColCreated => "Créé le", "Created";
    ColRecipient => "Destinataire", "Recipient";
    ColSubject => "Objet", "Subject";
    ColState => "État", "State";
    ColAttempts => "Tentatives", "Attempts";
    ColLastError => "Dernière erreur", "Last error";
    ColNextAttempt => "Prochain essai", "Next attempt";
    MailQueued => "En attente", "Queued";
    MailSending => "En cours d'envoi", "Sending";
    MailSent => "Envoyé", "Sent";
    MailFailed => "Échec définitif", "Failed for good";
    OutboxEmpty => "Aucun courriel pour le moment.", "No email yet.";
    OutboxNoMatch => "Aucun courriel ne correspond à ces filtres.", "No email matches these filters.";
    OutboxShown =>
        "{shown} {shown|courriel affiché|courriels affichés} sur {count} (les plus récents d'abord)",
        "{shown} {shown|email shown|emails shown} of {count} (newest first)";
    FilterRecipient => "Destinataire (tout ou partie de l'adresse)", "Recipient (all or part of the address)";
    MailTitle => "Courriel n° {id}", "Email no. {id}";
    MailBackToList => "Tous les courriels", "All emails";
    MailSentAt => "Envoyé le", "Sent on";
    MailBodyTitle => "Texte du message", "Message text";
    MailBodySecret =>
        "Ce message contient un lien personnel à usage unique (connexion, vérification, invitation) : son texte n'est jamais affiché. S'il n'est pas arrivé, la personne en demande un nouveau.",
        "This message holds a personal single-use link (sign-in, verification, invitation): its text is never shown. If it did not arrive, the person asks for a new one.";
    MailBodyForgotten =>
        "Le texte de ce message n'est plus conservé : il est effacé une fois le message parti, et 30 jours après un échec définitif (ou quand le compte est supprimé).",
        "The text of this message is no longer kept: it is erased once the message has left, and 30 days after it failed for good (or when the account is deleted).";
    MailResend => "Renvoyer ce courriel", "Send this email again";
    MailResendHint =>
        "Le courriel repart en file d'attente comme s'il était nouveau ; il sera réessayé en cas d'échec.",
        "The email is queued again as if it were new; it will be retried if sending fails.";
    MailResentNotice => "Le courriel est de nouveau en file d'attente.", "The email is queued again.";
    MailNotResendable =>
        "Seul un courriel en échec définitif dont le texte est conservé peut être renvoyé.",
        "Only an email that failed for good and whose text is kept can be sent again.";
}
