//! Words every form uses: buttons, counters, required fields, files.

super::texts! {
    Forms;
    KeptInputHint =>
        "Le défi n'est plus modifiable. Voici ce que vous aviez saisi, pour le copier si besoin.",
        "The challenge can no longer be changed. Here is what you had typed, to copy it if needed.";
    KeptInputTitle =>
        "Votre dernière saisie n'a pas été enregistrée",
        "Your last input was not saved";
    Yes => "oui", "yes";
    No => "non", "no";
    NotGiven => "Non renseigné", "Not given";
    Save => "Enregistrer", "Save";
    Filter => "Filtrer", "Filter";
    LabelColon => "{label} :", "{label}:";
    ChooseOption => "— Choisir —", "— Choose —";
    NotFilled => "Non renseigné.", "Not filled in.";
    FieldRequired =>
        "Ce champ est obligatoire : remplissez-le avant le dépôt.",
        "This field is required: fill it in before you submit.";
    TextTooLong =>
        "Ce texte dépasse la longueur maximale : raccourcissez-le.",
        "This text is longer than allowed: shorten it.";
    TooManyLines =>
        "Le titre tient sur une ligne et le résumé sur deux lignes au plus.",
        "The title fits on one line and the summary on two lines at most.";
    CharCount =>
        "{count} {count|caractère|caractères} sur {max}",
        "{count} {count|character|characters} of {max}";
    MaxChars => "{max} caractères au maximum.", "{max} characters at most.";
    Correct => "Corriger {field}", "Correct {field}";
    SummaryEntry => "{field} : {message}", "{field}: {message}";
    FileRequired => "Choisissez un fichier PDF.", "Choose a PDF file.";
    FileNotStored =>
        "Le fichier n'a pas pu être enregistré sur le serveur (espace de stockage plein ou indisponible). Le reste de votre saisie est intact ; réessayez plus tard, et si cela dure, prévenez l'équipe du programme.",
        "The file could not be stored on the server (storage full or unavailable). The rest of what you entered is intact; try again later, and if this goes on, tell the programme team.";
    FileTooLarge =>
        "Le fichier est trop lourd (10 Mo au maximum).",
        "The file is too large (10 MB at most).";
    FileNotPdf =>
        "Ce fichier n'est pas un PDF valide : enregistrez votre document au format PDF, puis réessayez.",
        "This file is not a valid PDF: save your document as PDF, then try again.";
    UploadSubmit => "Envoyer la présentation", "Upload the presentation";
    UploadedAt => "envoyé le {date}", "uploaded on {date}";
    DownloadFile => "Télécharger {file}", "Download {file}";
    FileSizeKb => "{size} Ko", "{size} KB";
    Pagination => "Pages", "Pages";
    PdfHint =>
        "Un fichier PDF, {max} Mo au maximum. Vous pouvez le remplacer jusqu'au dépôt.",
        "One PDF file, {max} MB at most. You can replace it until you submit.";
    UploadLabelled => "Envoyer : {file}", "Upload: {file}";
    FileSaved => "Fichier enregistré.", "File saved.";
}
