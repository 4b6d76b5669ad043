//! Review of applications: the reviewer assignment's explanations, the
//! jurors' pages, the rubric and the shortlist.

super::texts! {
    Review;
    AssignDossierShort =>
        "{count} dossier(s) ne peuvent recevoir {n} avis : {names} ({have} juré·es au plus sans conflit d'intérêts). Ajoutez des juré·es sans conflit avec eux ou réduisez le nombre d'avis par dossier ; rien n'a été attribué.",
        "{count} dossier(s) cannot get {n} reviews: {names} (at most {have} jurors without a conflict of interest). Add jurors without a conflict with them or lower the number of reviews per dossier; nothing was assigned.";
    AssignCapacity =>
        "{needed} avis sont nécessaires et les {jurors} juré·es peuvent en donner au plus {capacity} : {fix} ; rien n'a été attribué.",
        "{needed} reviews are needed and the {jurors} jurors can give at most {capacity}: {fix}; nothing was assigned.";
    AssignRaiseOrAdd =>
        "portez la charge maximale à {load} ou ajoutez {add} juré·es",
        "raise the maximum load to {load} or add {add} jurors";
    AssignAdd => "ajoutez {add} juré·es", "add {add} jurors";
    AssignNoJurors =>
        "Aucun·e juré·e : invitez des juré·es avant de répartir les dossiers ; rien n'a été attribué.",
        "No jurors: invite jurors before assigning the dossiers; nothing was assigned.";
    AssignUnreachable =>
        "Aucune répartition ne donne {n} avis à chaque dossier : {count} dossier(s) ({names}) ne trouvent pas assez de juré·es sans conflit qui aient encore de la place. Relevez la charge maximale des juré·es sans conflit avec eux ou ajoutez des juré·es ; rien n'a été attribué.",
        "No assignment gives {n} reviews to every dossier: {count} dossier(s) ({names}) cannot find enough jurors without a conflict who still have room. Raise the maximum load of the jurors without a conflict with them or add jurors; nothing was assigned.";
}
