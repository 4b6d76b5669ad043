//! The weekly bulletin (DESIGN §8): the mood of the week on a 1–5 scale
//! and three texts of at most 300 characters — the priority of the week,
//! ups and downs, help needed (which may be empty). Its form is a
//! milestone's (`super::defaults`, read by `super::answers`). Moods are
//! shown per team only to the team and coordinators, and in aggregate only
//! for groups of at least five bulletins.

/// The longest text of a bulletin field, in characters.
pub const TEXT_MAX: usize = 300;
/// The smallest group whose moods may be shown together.
pub const MIN_GROUP: usize = 5;
/// The mood's field, and the help needed's.
pub const MOOD: &str = "humeur";
pub const HELP: &str = "aide";

/// The mean mood of a group, to one decimal; `None` below `MIN_GROUP`
/// bulletins (too few to keep each team's mood to itself).
pub fn mean_mood(moods: &[u8]) -> Option<f64> {
    if moods.len() < MIN_GROUP {
        return None;
    }
    let sum: u32 = moods.iter().map(|&m| u32::from(m)).sum();
    Some((f64::from(sum) / moods.len() as f64 * 10.0).round() / 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moods_are_shown_together_only_from_five() {
        assert_eq!(mean_mood(&[5, 4, 3, 2]), None);
        assert_eq!(mean_mood(&[5, 4, 3, 2, 2]), Some(3.2));
        assert_eq!(mean_mood(&[1, 1, 1, 1, 2, 2]), Some(1.3));
    }
}
