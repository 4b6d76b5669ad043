//! Host organisations: registration, members, invitations.

super::texts! {
    Organisations;
    OrganisationLegend => "L'organisation", "The organisation";
    InvitationOtherEmail =>
        "Cette invitation est adressée à une autre adresse e-mail : connectez-vous avec le compte de l'adresse invitée, ou demandez une invitation à votre adresse.",
        "This invitation was sent to another email address: sign in with the invited address's account, or ask for an invitation to your address.";
    NavMyOrganisation => "Mon organisation", "My organisation";
    NavOrganisations => "Organisations", "Organisations";
    AreaHostTitle => "Administrations d'accueil", "Host administrations";
    AreaHostHint =>
        "Vous représentez une administration qui souhaite proposer un défi ?",
        "Do you represent an administration that wants to propose a challenge?";
    AreaHostLink =>
        "Enregistrer ou retrouver votre organisation",
        "Register or find your organisation";
    OrgKindState =>
        "État (administration centrale ou déconcentrée)",
        "State (central administration or devolved services)";
    OrgKindOperator => "Opérateur de l'État", "State operator";
    OrgKindLocal => "Collectivité territoriale", "Local authority";
    OrgKindHealth => "Établissement de santé", "Health institution";
    OrgKindOther => "Autre", "Other";
    OrgNameRequired => "Indiquez le nom de l'organisation.", "Enter the organisation's name.";
    OrgNameTooLong =>
        "Le nom est trop long (160 caractères au maximum).",
        "The name is too long (160 characters at most).";
    OrgKindRequired => "Choisissez le type d'organisation.", "Choose the kind of organisation.";
    CityRequired => "Indiquez la ville.", "Enter the city.";
    CityTooLong =>
        "Le nom de la ville est trop long (80 caractères au maximum).",
        "The city name is too long (80 characters at most).";
    OrgNameTaken =>
        "Une organisation porte déjà ce nom : demandez à sa ou son responsable de vous inviter.",
        "An organisation already has this name: ask its lead to invite you.";
    OrgRegistered =>
        "Organisation enregistrée : vous en êtes responsable.",
        "Organisation registered: you are its lead.";
    OrgSaved => "Organisation corrigée.", "Organisation corrected.";
    FieldOrgName => "Nom de l'organisation", "Organisation name";
    FieldOrgKind => "Type d'organisation", "Kind of organisation";
    FieldCity => "Ville", "City";
    MyOrganisationsTitle => "Mes organisations", "My organisations";
    NoOrganisationYet => "Aucune organisation pour le moment.", "No organisation yet.";
    RegisterOrganisationTitle => "Enregistrer une organisation", "Register an organisation";
    RegisterOrganisationIntro =>
        "Vous en deviendrez responsable et pourrez inviter vos collègues. Si votre organisation est déjà inscrite, demandez plutôt à sa ou son responsable de vous inviter.",
        "You will become its lead and can invite your colleagues. If your organisation is already registered, ask its lead to invite you instead.";
    RegisterOrganisationSubmit => "Enregistrer l'organisation", "Register the organisation";
    OrganisationsTitle => "Organisations d'accueil", "Host organisations";
    EditOrganisationTitle => "Corriger une organisation", "Correct an organisation";
    HostOrganisation => "Administration d'accueil", "Host administration";
    MembersTitle => "Membres", "Members";
    ColRole => "Rôle", "Role";
    PendingInvitations => "Invitations en attente", "Pending invitations";
    InvitationLine =>
        "{email} ({role}), valable jusqu'au {until}",
        "{email} ({role}), valid until {until}";
    InviteTitle => "Inviter un membre", "Invite a member";
    InviteIntro =>
        "La personne reçoit un lien valable 7 jours ; elle peut se connecter ou créer son compte avant d'accepter.",
        "The person receives a link valid for 7 days; they can sign in or create their account before accepting.";
    FieldHostRole => "Rôle dans l'organisation", "Role in the organisation";
    HostRoleRequired => "Choisissez un rôle.", "Choose a role.";
    InviteSubmit => "Envoyer l'invitation", "Send the invitation";
    AlreadyMember =>
        "Cette personne est déjà membre de l'organisation.",
        "This person is already a member of the organisation.";
    InvitationSent => "Invitation envoyée.", "Invitation sent.";
    MemberRemoved =>
        "Le membre a été retiré de l'organisation : il n'y a plus accès.",
        "The member was removed from the organisation and no longer has access.";
    InvitationCancelled =>
        "Invitation annulée : son lien ne fonctionne plus.",
        "Invitation cancelled: its link no longer works.";
    LastLead =>
        "Une organisation garde au moins un·e responsable : nommez-en un·e autre avant de retirer celui-ci ou celle-ci.",
        "An organisation keeps at least one lead: appoint another one before removing this one.";
    RemoveMember => "Retirer {name} de l'organisation", "Remove {name} from the organisation";
    CancelInvitation => "Annuler l'invitation de {email}", "Cancel the invitation of {email}";
    InvitationTitle => "Invitation", "Invitation";
    InvitationBody =>
        "Vous êtes invité·e à rejoindre {organisation} en tant que {role} (invitation adressée à {email}).",
        "You are invited to join {organisation} as {role} (invitation sent to {email}).";
    InvitationAccept => "Rejoindre l'organisation", "Join the organisation";
    InvitationSignInFirst =>
        "Connectez-vous ou créez votre compte, puis rouvrez le lien reçu par courriel pour accepter.",
        "Sign in or create your account, then open the emailed link again to accept.";
    InvitationInvalid =>
        "Ce lien d'invitation n'est plus valable (déjà utilisé ou expiré). Demandez une nouvelle invitation.",
        "This invitation link is no longer valid (already used or expired). Ask for a new invitation.";
    InvitationAccepted => "Vous avez rejoint l'organisation.", "You joined the organisation.";
    OrgDefisTitle => "Défis", "Challenges";
    ColInterest => "Intérêt des candidats", "Applicants' interest";
    InterestCount =>
        "{count} {count|candidature l'a classé|candidatures l'ont classé}",
        "ranked by {count} {count|application|applications}";
    NotPublishedYet => "pas encore publié", "not published yet";
}
