//! Plain-language explanations, in French and English, of why each
//! candidate got what they got, and why a défi was withdrawn.

use super::engine::{State, WithdrawReason};
use super::problem::Problem;
use super::report::Explanation;

/// The programme's words for a profile (the promotion's catalogue, in the
/// lower case a sentence needs); other codes are shown as given.
fn profile_name(code: &str) -> (String, String) {
    match crate::domain::profile::ProfileCode::parse(code)
        .ok()
        .and_then(|p| p.label())
    {
        Some(msg) => (
            crate::i18n::Locale::Fr.t(msg).to_lowercase(),
            crate::i18n::Locale::En.t(msg).to_lowercase(),
        ),
        None => (code.to_owned(), code.to_owned()),
    }
}

fn ordinal_fr(n: u32) -> String {
    if n == 1 {
        "1er".into()
    } else {
        format!("{n}e")
    }
}

fn ordinal_en(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

pub(crate) fn withdraw_reason(p: &Problem, why: WithdrawReason) -> (String, String) {
    match why {
        WithdrawReason::TooSmall { filled, min } => (
            format!("il ne pouvait pas former une équipe de {min} (places pourvues : {filled})"),
            format!("it could not form a team of {min} (seats filled: {filled})"),
        ),
        WithdrawReason::MandatoryUnfilled { slot } => {
            let (fr, en) = profile_name(&p.slots[slot].profile);
            (
                format!("son poste obligatoire de {fr} n'a pas pu être pourvu"),
                format!("its mandatory {en} seat could not be filled"),
            )
        }
    }
}

pub(crate) fn candidate(p: &Problem, st: &State, ci: usize) -> Explanation {
    let c = &p.candidates[ci];
    let (prof_fr, prof_en) = profile_name(&c.profile);
    let result = st.assigned[ci].map(|i| p.prefs[ci][i]);
    let mut fr = Vec::new();
    let mut en = Vec::new();
    match result {
        Some(pref) => {
            let d = &p.defis[p.slots[pref.slot].defi].id;
            match pref.choice {
                Some(k) => {
                    fr.push(format!("Résultat : vous rejoignez le défi « {d} » comme {prof_fr} (votre {} choix).", ordinal_fr(k)));
                    en.push(format!(
                        "Result: you join défi \"{d}\" as {prof_en} (your {} choice).",
                        ordinal_en(k)
                    ));
                }
                None => {
                    let pos = pref.rank + 1;
                    fr.push(format!(
                        "Résultat : vous rejoignez le défi « {d} » comme {prof_fr}. Vous l'aviez accepté en vous déclarant ouvert·e à d'autres défis ; son jury vous avait classé·e {}.",
                        ordinal_fr(pos)
                    ));
                    en.push(format!(
                        "Result: you join défi \"{d}\" as {prof_en}. You accepted it by saying you were open to other défis; its jury ranked you {}.",
                        ordinal_en(pos)
                    ));
                }
            }
        }
        None => {
            fr.push("Résultat : vous n'êtes affecté·e à aucun défi.".to_owned());
            en.push("Result: you are not placed in any défi.".to_owned());
        }
    }
    let above = match result.and_then(|r| r.choice) {
        Some(k) => k as usize - 1,
        None => c.choices.len(),
    };
    for (k, &d) in c.choices.iter().take(above).enumerate() {
        let name = &p.defis[d].id;
        let head_fr = format!(
            "Défi « {name} » (votre {} choix) : ",
            ordinal_fr(k as u32 + 1)
        );
        let head_en = format!(
            "Défi \"{name}\" (your {} choice): ",
            ordinal_en(k as u32 + 1)
        );
        // The most structural reason first: no seat for the profile, then
        // not on the jury's list, then a withdrawn défi, then a full seat.
        let slot = p.slot_for(d, ci);
        let listed = slot.and_then(|s| p.listed_position(ci, s).map(|rank| (s, rank)));
        let withdrawn = st
            .withdrawn
            .iter()
            .find(|(w, _)| *w == d)
            .map(|&(_, why)| why);
        let (why_fr, why_en) = match (slot, listed, withdrawn) {
            (None, _, _) => (
                format!("ce défi ne prévoit pas de poste de {prof_fr}."),
                format!("this défi has no {prof_en} seat."),
            ),
            (Some(_), None, _) => (
                format!(
                    "vous n'étiez pas sur la liste du jury de ce défi pour le profil {prof_fr}."
                ),
                format!("you were not on this défi's jury list for the {prof_en} profile."),
            ),
            (Some(_), Some(_), Some(why)) => {
                let (rf, re) = withdraw_reason(p, why);
                (
                    format!("ce défi a été retiré : {rf}."),
                    format!("this défi was withdrawn: {re}."),
                )
            }
            (Some(_), Some((slot, rank)), None) => {
                let cap = p.slots[slot].capacity;
                let of = p.slots[slot].ranking_len;
                (
                    format!(
                        "le poste de {prof_fr} a été pourvu par des candidat·es que le jury a mieux classé·es (vous étiez {} sur {of} ; places : {cap}).",
                        ordinal_fr(rank + 1)
                    ),
                    format!(
                        "the {prof_en} seat went to candidates the jury ranked higher (you were {} of {of}; seats: {cap}).",
                        ordinal_en(rank + 1)
                    ),
                )
            }
        };
        fr.push(format!("- {head_fr}{why_fr}"));
        en.push(format!("- {head_en}{why_en}"));
    }
    if result.is_none() && c.choices.is_empty() && !c.open_to_others {
        fr.push("Vous n'aviez classé aucun défi.".to_owned());
        en.push("You had not ranked any défi.".to_owned());
    }
    Explanation {
        fr: fr.join("\n"),
        en: en.join("\n"),
    }
}
