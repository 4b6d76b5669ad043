//! Interviews and jury rankings: juries per défi, slots, booking,
//! invitations, the interview grid and the ranked lists.

super::texts! {
    Interviews;
    AcceptableRequired => "Dites si la personne est acceptable pour ce poste : oui ou non.", "Say whether the person is acceptable for this seat: yes or no.";
    RankInvalid => "Un rang est un nombre entier à partir de 1 (vide : hors de la liste).", "A rank is a whole number from 1 (empty: off the list).";
    RankTie => "Deux personnes ont ce rang : départagez-les.", "Two people have this rank: break the tie.";
    RankNotAcceptable => "Le jury n'a pas jugé cette personne acceptable : elle ne peut pas être classée.", "The jury did not find this person acceptable: they cannot be ranked.";
}
