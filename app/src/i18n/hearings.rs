//! The défi jury of the call for défis: assignment of the pool's jurors to
//! the shortlisted défis, hearing slots, the défi grid, rankings and the
//! tally behind the selection decisions.

super::texts! {
    Hearings;
    OpinionRequired => "Donnez votre avis : favorable ou défavorable.", "Give your opinion: favourable or unfavourable.";
    DefiRankRequired => "Donnez un rang à chaque défi entendu.", "Give a rank to every challenge you heard.";
    CoupInvalid => "Choisissez votre coup de cœur parmi les défis entendus, ou aucun.", "Choose your favourite among the challenges you heard, or none.";
    GridEmpty => "Une grille a au moins un critère.", "A grid has at least one criterion.";
    GridTooLong => "Une grille a dix critères au plus.", "A grid has ten criteria at most.";
    GridInUse => "Des juré·es ont déjà commencé à noter sur cette grille : elle ne peut plus changer.", "Jurors have already started scoring on this grid: it cannot change any more.";
    HearingSlotHeld => "Une audition a lieu sur ce créneau : annulez-la d'abord.", "A hearing takes place in this slot: cancel it first.";
    HearingClosed => "La décision sur ce défi est prise : les grilles ne changent plus.", "The decision on this challenge is taken: the sheets no longer change.";
    RankBeforeSheets => "Envoyez d'abord votre grille pour chaque défi entendu.", "Submit your sheet for every challenge you heard first.";
}
