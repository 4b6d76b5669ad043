//! Team formation: the explanations of `cohorte match`.

super::texts! {
    Matching;
    MatchTooSmall =>
        "il ne pouvait pas former une équipe de {min} (places pourvues : {filled})",
        "it could not form a team of {min} (seats filled: {filled})";
    MatchMandatoryUnfilled =>
        "son poste obligatoire de {profile} n'a pas pu être pourvu",
        "its mandatory {profile} seat could not be filled";
    MatchResultChoice =>
        "Résultat : vous rejoignez le défi « {defi} » comme {profile} (votre {rank} choix).",
        "Result: you join challenge \"{defi}\" as {profile} (your {rank} choice).";
    MatchResultOpen =>
        "Résultat : vous rejoignez le défi « {defi} » comme {profile}. Vous l'aviez accepté en vous déclarant ouvert·e à d'autres défis ; son jury vous avait classé·e {rank}.",
        "Result: you join challenge \"{defi}\" as {profile}. You accepted it by saying you were open to other challenges; its jury ranked you {rank}.";
    MatchResultNone =>
        "Résultat : vous n'êtes affecté·e à aucun défi.",
        "Result: you are not placed in any challenge.";
    MatchChoiceLine =>
        "- Défi « {defi} » (votre {rank} choix) : {why}",
        "- Challenge \"{defi}\" (your {rank} choice): {why}";
    MatchNoSeat =>
        "ce défi ne prévoit pas de poste de {profile}.",
        "this challenge has no {profile} seat.";
    MatchNotListed =>
        "vous n'étiez pas sur la liste du jury de ce défi pour le profil {profile}.",
        "you were not on this challenge's jury list for the {profile} profile.";
    MatchWithdrawn => "ce défi a été retiré : {reason}.", "this challenge was withdrawn: {reason}.";
    MatchOutranked =>
        "le poste de {profile} a été pourvu par des candidat·es que le jury a mieux classé·es (vous étiez {rank} sur {of} ; places : {seats}).",
        "the {profile} seat went to candidates the jury ranked higher (you were {rank} of {of}; seats: {seats}).";
    MatchNoChoice => "Vous n'aviez classé aucun défi.", "You had not ranked any challenge.";
}
