//! The weekly bulletin (DESIGN §8): the mood of the week on a 1–5 scale
//! and three texts of at most 300 characters — the priority of the week,
//! ups and downs, help needed (which may be empty). Moods are shown per
//! team only to the team and coordinators, and in aggregate only for
//! groups of at least five bulletins.

use crate::i18n::Msg;

/// The longest text of a bulletin field, in characters.
pub const TEXT_MAX: usize = 300;
/// The smallest group whose moods may be shown together.
pub const MIN_GROUP: usize = 5;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bulletin {
    pub mood: u8,
    pub priority: String,
    pub ups_downs: String,
    pub help: String,
}

/// Reads a posted bulletin (`humeur`, `priorite`, `hauts_bas`, `aide`);
/// every refused field with its message.
pub fn read(
    mood: &str,
    priority: &str,
    ups_downs: &str,
    help: &str,
) -> Result<Bulletin, Vec<(&'static str, Msg)>> {
    let mut errors = Vec::new();
    let mood = match mood.trim().parse::<u8>() {
        Ok(m) if (1..=5).contains(&m) => m,
        _ => {
            errors.push(("humeur", Msg::BulletinMoodRequired));
            0
        }
    };
    let mut text = |field: &'static str, raw: &str, required: bool| {
        let t = raw.trim();
        if required && t.is_empty() {
            errors.push((field, Msg::BulletinTextRequired));
        } else if t.chars().count() > TEXT_MAX {
            errors.push((field, Msg::BulletinTextTooLong));
        }
        t.to_owned()
    };
    let priority = text("priorite", priority, true);
    let ups_downs = text("hauts_bas", ups_downs, true);
    let help = text("aide", help, false);
    if errors.is_empty() {
        Ok(Bulletin {
            mood,
            priority,
            ups_downs,
            help,
        })
    } else {
        Err(errors)
    }
}

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
    fn a_bulletin_is_read_or_refused_field_by_field() {
        let b = read("4", " Livrer la carte ", "Bonne démo", "").unwrap();
        assert_eq!(b.mood, 4);
        assert_eq!(b.priority, "Livrer la carte");
        assert_eq!(b.help, "");
        let long = "é".repeat(TEXT_MAX + 1);
        assert_eq!(
            read("6", "", &long, &long),
            Err(vec![
                ("humeur", Msg::BulletinMoodRequired),
                ("priorite", Msg::BulletinTextRequired),
                ("hauts_bas", Msg::BulletinTextTooLong),
                ("aide", Msg::BulletinTextTooLong),
            ])
        );
        assert!(read("3", &"é".repeat(TEXT_MAX), "x", "").is_ok());
        assert!(read("", "x", "x", "").is_err());
        assert!(read("0", "x", "x", "").is_err());
    }

    #[test]
    fn moods_are_shown_together_only_from_five() {
        assert_eq!(mean_mood(&[5, 4, 3, 2]), None);
        assert_eq!(mean_mood(&[5, 4, 3, 2, 2]), Some(3.2));
        assert_eq!(mean_mood(&[1, 1, 1, 1, 2, 2]), Some(1.3));
    }
}
