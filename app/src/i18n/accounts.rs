//! Accounts: sign-up, verification, sign-in, magic links, password reset, the
//! personal area and the person's own data.

super::texts! {
    Accounts;
    EmailRequired => "Indiquez votre adresse e-mail.", "Enter your email address.";
    EmailInvalid =>
        "Cette adresse e-mail n'est pas valide. Exemple : camille.dupont@exemple.fr",
        "This email address is not valid. Example: camille.dupont@example.org";
    NameRequired => "Indiquez votre nom et votre prénom.", "Enter your first and last name.";
    NameTooLong =>
        "Le nom ne doit pas dépasser 120 caractères.",
        "The name must not exceed 120 characters.";
    NameInvalid =>
        "Le nom contient des caractères non autorisés.",
        "The name contains characters that are not allowed.";
    PasswordRequired => "Indiquez un mot de passe.", "Enter a password.";
    PasswordTooShort =>
        "Le mot de passe doit contenir au moins 12 caractères.",
        "The password must have at least 12 characters.";
    PasswordTooLong =>
        "Le mot de passe ne doit pas dépasser 128 caractères.",
        "The password must not exceed 128 characters.";
    PasswordTooCommon =>
        "Ce mot de passe est trop courant ou trop facile à deviner. Choisissez-en un autre, par exemple une phrase de plusieurs mots.",
        "This password is too common or too easy to guess. Choose another one, for instance a sentence of several words.";
    SignUpTitle => "Créer un compte", "Create an account";
    SignUpIntro =>
        "Un compte vous permet de candidater, de proposer un défi pour votre administration ou de participer à un jury. Vous choisirez votre mot de passe en ouvrant le lien que nous vous enverrons.",
        "An account lets you apply, propose a challenge for your administration or sit on a jury. You will choose your password when you open the link we send you.";
    FieldEmail => "Adresse e-mail", "Email address";
    FieldName => "Nom et prénom", "First and last name";
    FieldPassword => "Mot de passe", "Password";
    FieldNewPassword => "Nouveau mot de passe", "New password";
    PasswordHint =>
        "12 caractères minimum. Une phrase de plusieurs mots est facile à retenir et difficile à deviner.",
        "At least 12 characters. A sentence of several words is easy to remember and hard to guess.";
    PasswordCount =>
        "{count} {count|caractère|caractères} sur 12 minimum",
        "{count} {count|character|characters} of 12 minimum";
    ShowPassword => "Afficher le mot de passe", "Show password";
    HidePassword => "Masquer le mot de passe", "Hide password";
    SignUpSubmit => "Créer mon compte", "Create my account";
    HaveAccount => "Vous avez déjà un compte ? Connectez-vous", "Already have an account? Sign in";
    SignUpSentTitle => "Vérifiez votre boîte mail", "Check your mailbox";
    SignUpSentBody =>
        "Nous avons envoyé un lien à l'adresse indiquée : ouvrez-le pour choisir votre mot de passe et confirmer votre compte. Ce lien est valable 48 heures. Pensez à regarder dans les courriers indésirables.",
        "We sent a link to the address you gave: open it to choose your password and confirm your account. The link is valid for 48 hours. Remember to look in your spam folder.";
    VerifyTitle => "Confirmer votre adresse e-mail", "Confirm your email address";
    VerifyBody =>
        "Vérifiez votre nom et choisissez votre mot de passe pour confirmer votre adresse et ouvrir votre espace. Seul ce mot de passe permettra de vous connecter.",
        "Check your name and choose your password to confirm your address and open your area. Only this password will let you sign in.";
    VerifyNameHint =>
        "Le nom indiqué à la création du compte : corrigez-le s'il n'est pas le vôtre.",
        "The name given when the account was opened: correct it if it is not yours.";
    VerifySubmit => "Confirmer mon adresse", "Confirm my address";
    TokenInvalid =>
        "Ce lien n'est plus valable : il a déjà servi ou il a expiré. Demandez-en un nouveau.",
        "This link is no longer valid: it has already been used or it has expired. Please ask for a new one.";
    EmailNotVerified =>
        "Votre adresse e-mail n'est pas encore confirmée. Nous venons de vous renvoyer le lien de confirmation.",
        "Your email address is not confirmed yet. We have just sent you the confirmation link again.";
    SignInTitle => "Se connecter", "Sign in";
    SignInToContinue =>
        "Connectez-vous pour continuer : vous reviendrez ensuite à la page que vous vouliez ouvrir.",
        "Sign in to continue: you will then come back to the page you wanted to open.";
    SignUpToContinue =>
        "Après la confirmation de votre adresse, vous reviendrez à la page que vous vouliez ouvrir.",
        "Once your address is confirmed, you will come back to the page you wanted to open.";
    SignInSubmit => "Se connecter", "Sign in";
    ForgotPassword => "Mot de passe oublié ?", "Forgot your password?";
    NoAccount => "Pas encore de compte ? Créez-en un", "No account yet? Create one";
    BadCredentials =>
        "Adresse e-mail ou mot de passe incorrect.",
        "Wrong email address or password.";
    AccountDisabled =>
        "Ce compte est désactivé. Contactez l'équipe du programme.",
        "This account is disabled. Please contact the programme team.";
    MagicTitle => "Se connecter sans mot de passe", "Sign in without a password";
    MagicIntro =>
        "Recevez par e-mail un lien de connexion valable 10 minutes.",
        "Receive by email a sign-in link valid for 10 minutes.";
    MagicSubmit => "M'envoyer un lien de connexion", "Email me a sign-in link";
    MagicSent =>
        "Si un compte existe pour cette adresse, un lien de connexion vient d'y être envoyé. Il est valable 10 minutes.",
        "If an account exists for this address, a sign-in link has just been sent to it. It is valid for 10 minutes.";
    MagicConfirmTitle => "Se connecter avec ce lien", "Sign in with this link";
    MagicConfirmBody =>
        "Cliquez sur le bouton pour ouvrir votre session.",
        "Click the button to open your session.";
    MagicConfirmSubmit => "Ouvrir ma session", "Open my session";
    SignedOut => "Vous êtes déconnecté·e.", "You are signed out.";
    EmailVerified => "Votre adresse e-mail est confirmée.", "Your email address is confirmed.";
    PasswordChanged =>
        "Votre mot de passe a été modifié. Connectez-vous avec le nouveau mot de passe.",
        "Your password has been changed. Sign in with the new password.";
    SessionExpired =>
        "Votre session a expiré. Connectez-vous à nouveau.",
        "Your session has expired. Please sign in again.";
    ResetTitle => "Mot de passe oublié", "Forgot your password";
    ResetIntro =>
        "Indiquez l'adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe, valable 1 heure.",
        "Enter your account's email address: we will send you a link to choose a new password, valid for 1 hour.";
    ResetSubmit => "Envoyer le lien", "Send the link";
    ResetSent =>
        "Si un compte existe pour cette adresse, un lien pour choisir un nouveau mot de passe vient d'y être envoyé. Il est valable 1 heure.",
        "If an account exists for this address, a link to choose a new password has just been sent to it. It is valid for 1 hour.";
    NewPasswordTitle => "Choisir un nouveau mot de passe", "Choose a new password";
    NewPasswordSubmit => "Enregistrer le mot de passe", "Save the password";
    AreaTitle => "Mon espace", "My area";
    Hello => "Bonjour {name}", "Hello {name}";
    YourRoles => "Vos rôles", "Your roles";
    NoRolesYet =>
        "Vous n'avez pas encore de rôle particulier. Vous pourrez candidater dès l'ouverture d'un appel.",
        "You do not have a particular role yet. You will be able to apply as soon as a call opens.";
    AreaCallsTitle => "Appels à candidatures", "Calls for applications";
    AreaNoOpenCall =>
        "Aucun appel à candidatures n'est ouvert en ce moment. Les prochains apparaîtront ici.",
        "No call for applications is open at the moment. The next ones will appear here.";
    AreaYourDossier => "Votre candidature :", "Your application:";
    AreaPastApplications => "Vos candidatures aux appels clos", "Your applications to closed calls";
    AreaNoDefiYet => "Aucun défi pour l'instant.", "No challenge yet.";
    AreaAdminLink => "Gérer les utilisateurs et leurs rôles", "Manage users and their roles";
    AreaOutboxLink =>
        "Voir les courriels envoyés par la plateforme",
        "See the emails sent by the platform";
    AreaMyDataLink =>
        "Mes données personnelles : les télécharger ou supprimer mon compte",
        "My personal data: download it or delete my account";
    DeleteAccountButton => "Supprimer définitivement mon compte", "Delete my account for good";
    DeleteAccountConfirm =>
        "Je comprends que cette suppression est définitive",
        "I understand that this deletion is final";
    DeleteAccountTitle => "Supprimer mon compte", "Delete my account";
    RetentionLine => "{what} : conservé jusqu'au {until}", "{what}: kept until {until}";
    RetentionExplained =>
        "Si vous supprimez votre compte, vos brouillons sont effacés aussitôt. Un dossier déposé est anonymisé (nom, coordonnées, textes et pièces jointes effacés) et ce qui en reste n'est conservé que pour les statistiques du programme, jusqu'à la date indiquée ci-dessous, puis supprimé.",
        "If you delete your account, your drafts are erased at once. A submitted dossier is anonymised (name, contact details, texts and attachments erased) and what remains is kept only for the programme's statistics until the date below, then deleted.";
    DownloadMyData => "Télécharger mes données (fichier ZIP)", "Download my data (ZIP file)";
    MyDataIntro =>
        "Vous pouvez télécharger tout ce que Cohorte conserve sur vous, et supprimer votre compte.",
        "You can download everything Cohorte keeps about you, and delete your account.";
    MyDataTitle => "Mes données personnelles", "My personal data";
    AccountDeleted =>
        "Votre compte est supprimé. Merci d'avoir utilisé Cohorte.",
        "Your account has been deleted. Thank you for using Cohorte.";
    ConfirmDeleteRequired =>
        "Cochez la case pour confirmer la suppression.",
        "Tick the box to confirm the deletion.";
}
