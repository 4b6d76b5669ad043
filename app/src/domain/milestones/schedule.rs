//! A template's schedule as coordinators edit it: the due rule in plain
//! parts (what kind, how many days or which week, which rank in the
//! month, which weekday, at what time), when it opens and when
//! coordinators are alerted. Read from a form with one message per refused
//! field; described back in words.

use super::rule::{DueRule, MAX_DAYS};
use crate::i18n::{Locale, Msg};
use chrono::{NaiveTime, Weekday};

/// The form's field names.
pub const KIND: &str = "echeance";
pub const NUMBER: &str = "nombre";
pub const RANK: &str = "rang";
pub const DAY: &str = "jour";
pub const TIME: &str = "heure";
pub const OPENS: &str = "ouverture";
pub const GRACE: &str = "alerte";
pub const PUBLIC: &str = "public";

/// The kinds of rule, as the form's select names them.
pub const KINDS: [(&str, Msg); 4] = [
    ("apres", Msg::KindAfter),
    ("semaine", Msg::KindWeek),
    ("hebdo", Msg::KindWeekly),
    ("mensuel", Msg::KindMonthly),
];

/// Weekdays, Monday first, with their form code and name.
pub const WEEKDAYS: [(&str, Weekday, Msg); 7] = [
    ("lun", Weekday::Mon, Msg::DayMon),
    ("mar", Weekday::Tue, Msg::DayTue),
    ("mer", Weekday::Wed, Msg::DayWed),
    ("jeu", Weekday::Thu, Msg::DayThu),
    ("ven", Weekday::Fri, Msg::DayFri),
    ("sam", Weekday::Sat, Msg::DaySat),
    ("dim", Weekday::Sun, Msg::DaySun),
];

/// Ranks in a month (5: the last one).
pub const RANKS: [(u8, Msg); 5] = [
    (1, Msg::Rank1),
    (2, Msg::Rank2),
    (3, Msg::Rank3),
    (4, Msg::Rank4),
    (5, Msg::Rank5),
];

/// The most days a milestone may open before it is due, or coordinators
/// wait after it.
pub const MAX_WINDOW_DAYS: u32 = 60;

/// A schedule read from the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Schedule {
    pub rule: DueRule,
    pub opens_days: u32,
    pub grace_days: u32,
}

/// The form's values for a stored rule (to fill the form in).
pub fn parts(rule: &DueRule) -> Vec<(&'static str, String)> {
    let time = |at: &NaiveTime| at.format("%H:%M").to_string();
    let day = |w: Weekday| day_code(w).to_owned();
    match *rule {
        DueRule::After { days, at } => vec![
            (KIND, "apres".into()),
            (NUMBER, days.to_string()),
            (TIME, time(&at)),
        ],
        DueRule::Week { week, at } => vec![
            (KIND, "semaine".into()),
            (NUMBER, week.to_string()),
            (TIME, time(&at)),
        ],
        DueRule::Weekly { weekday, at } => vec![
            (KIND, "hebdo".into()),
            (DAY, day(weekday)),
            (TIME, time(&at)),
        ],
        DueRule::Monthly { nth, weekday, at } => vec![
            (KIND, "mensuel".into()),
            (RANK, nth.to_string()),
            (DAY, day(weekday)),
            (TIME, time(&at)),
        ],
    }
}

fn day_code(w: Weekday) -> &'static str {
    WEEKDAYS
        .iter()
        .find(|(_, d, _)| *d == w)
        .map_or("lun", |(c, _, _)| c)
}

fn day_name(w: Weekday) -> Msg {
    WEEKDAYS
        .iter()
        .find(|(_, d, _)| *d == w)
        .map_or(Msg::DayMon, |(_, _, m)| *m)
}

/// The kinds a rule may become: a milestone keeps its rhythm (a one-off
/// stays one-off, a weekly ritual weekly, a monthly one monthly), so that
/// its instances already answered and the new ones count the same weeks
/// or months.
pub fn kinds_for(rule: &DueRule) -> &'static [&'static str] {
    match rule {
        DueRule::After { .. } | DueRule::Week { .. } => &["apres", "semaine"],
        DueRule::Weekly { .. } => &["hebdo"],
        DueRule::Monthly { .. } => &["mensuel"],
    }
}

/// Reads the schedule. Only the fields the kind uses are read (a number
/// left in the form for another kind is ignored); a kind not in `allowed`
/// ([`kinds_for`] the current rule) is refused.
pub fn read(
    get: impl Fn(&str) -> Option<String>,
    allowed: &[&str],
) -> Result<Schedule, Vec<(&'static str, Msg)>> {
    let value = |k: &str| get(k).map(|v| v.trim().to_owned()).unwrap_or_default();
    let mut errors = Vec::new();
    let kind = value(KIND);
    let time = NaiveTime::parse_from_str(&value(TIME), "%H:%M").ok();
    if time.is_none() {
        errors.push((TIME, Msg::MilestoneTimeInvalid));
    }
    let number = value(NUMBER).parse::<u32>().ok();
    let weekday = WEEKDAYS
        .iter()
        .find(|(c, _, _)| *c == value(DAY))
        .map(|(_, d, _)| *d);
    let rank = value(RANK)
        .parse::<u8>()
        .ok()
        .filter(|r| (1..=5).contains(r));
    let need_day = |errors: &mut Vec<_>| {
        if weekday.is_none() {
            errors.push((DAY, Msg::ScheduleDayInvalid));
        }
    };
    let at = time.unwrap_or_default();
    let rule = match kind.as_str() {
        k if KINDS.iter().any(|(c, _)| *c == k) && !allowed.contains(&k) => {
            errors.push((KIND, Msg::ScheduleKindKept));
            None
        }
        "apres" => match number.filter(|d| *d <= MAX_DAYS) {
            Some(days) => Some(DueRule::After { days, at }),
            None => {
                errors.push((NUMBER, Msg::ScheduleDaysAfterInvalid));
                None
            }
        },
        "semaine" => match number.filter(|w| (1..=MAX_DAYS / 7).contains(w)) {
            Some(week) => Some(DueRule::Week { week, at }),
            None => {
                errors.push((NUMBER, Msg::ScheduleWeekInvalid));
                None
            }
        },
        "hebdo" => {
            need_day(&mut errors);
            weekday.map(|weekday| DueRule::Weekly { weekday, at })
        }
        "mensuel" => {
            need_day(&mut errors);
            if rank.is_none() {
                errors.push((RANK, Msg::ScheduleRankInvalid));
            }
            rank.zip(weekday)
                .map(|(nth, weekday)| DueRule::Monthly { nth, weekday, at })
        }
        _ => {
            errors.push((KIND, Msg::ScheduleKindInvalid));
            None
        }
    };
    let window = |k: &'static str, errors: &mut Vec<(&'static str, Msg)>| {
        let n = value(k)
            .parse::<u32>()
            .ok()
            .filter(|n| *n <= MAX_WINDOW_DAYS);
        if n.is_none() {
            errors.push((k, Msg::ScheduleWindowInvalid));
        }
        n
    };
    let opens = window(OPENS, &mut errors);
    let grace = window(GRACE, &mut errors);
    match (rule, opens, grace, time, errors.is_empty()) {
        (Some(rule), Some(opens_days), Some(grace_days), Some(_), true) => Ok(Schedule {
            rule,
            opens_days,
            grace_days,
        }),
        _ => Err(errors),
    }
}

/// The rule in words: "14 jours après le début, à 09:00", "chaque
/// vendredi à 15:00", "le premier mardi de chaque mois à 14:00".
pub fn describe(rule: &DueRule, l: Locale) -> String {
    let time = |at: &NaiveTime| at.format("%H:%M").to_string();
    match rule {
        DueRule::After { days, at } => l.fill(
            l.t(Msg::RuleAfter),
            &[("days", &days.to_string()), ("time", &time(at))],
        ),
        DueRule::Week { week, at } => l.fill(
            l.t(Msg::RuleWeek),
            &[("week", &week.to_string()), ("time", &time(at))],
        ),
        DueRule::Weekly { weekday, at } => l.fill(
            l.t(Msg::RuleWeekly),
            &[("day", l.t(day_name(*weekday))), ("time", &time(at))],
        ),
        DueRule::Monthly { nth, weekday, at } => {
            let rank = RANKS
                .iter()
                .find(|(n, _)| n == nth)
                .map_or(Msg::Rank1, |(_, m)| *m);
            l.fill(
                l.t(Msg::RuleMonthly),
                &[
                    ("rank", l.t(rank)),
                    ("day", l.t(day_name(*weekday))),
                    ("time", &time(at)),
                ],
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let owned: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |k: &str| owned.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())
    }

    const ALL: [&str; 4] = ["apres", "semaine", "hebdo", "mensuel"];

    fn fields(r: Result<Schedule, Vec<(&'static str, Msg)>>) -> Vec<&'static str> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|(f, _)| f)
            .collect()
    }

    #[test]
    fn every_stored_rule_goes_through_the_form_unchanged() {
        for code in [
            "after:0@09:00",
            "after:30@17:00",
            "week:3@10:00",
            "weekly:fri@15:00",
            "monthly:1:tue@14:00",
            "monthly:5:thu@10:30",
        ] {
            let rule = DueRule::parse(code).unwrap();
            let mut values = parts(&rule);
            values.push((OPENS, "3".into()));
            values.push((GRACE, "2".into()));
            let get = |k: &str| values.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone());
            let s = read(get, kinds_for(&rule)).unwrap();
            assert_eq!(s.rule.code(), code);
            assert_eq!((s.opens_days, s.grace_days), (3, 2));
        }
    }

    #[test]
    fn each_refused_field_has_its_own_message() {
        let base = [(OPENS, "2"), (GRACE, "3"), (TIME, "15:00")];
        let with = |extra: &[(&'static str, &'static str)]| {
            let mut v: Vec<(&str, &str)> = base.to_vec();
            v.extend_from_slice(extra);
            read(form(&v), &ALL)
        };
        assert_eq!(fields(with(&[(KIND, "n'importe")])), [KIND]);
        assert_eq!(fields(with(&[(KIND, "apres"), (NUMBER, "801")])), [NUMBER]);
        assert_eq!(fields(with(&[(KIND, "apres"), (NUMBER, "-1")])), [NUMBER]);
        assert_eq!(fields(with(&[(KIND, "semaine"), (NUMBER, "0")])), [NUMBER]);
        assert_eq!(fields(with(&[(KIND, "hebdo"), (DAY, "friday")])), [DAY]);
        assert_eq!(
            fields(with(&[(KIND, "mensuel"), (RANK, "6"), (DAY, "")])),
            [DAY, RANK]
        );
        assert_eq!(
            fields(read(
                form(&[
                    (KIND, "hebdo"),
                    (DAY, "ven"),
                    (TIME, "25:00"),
                    (OPENS, "61"),
                    (GRACE, "x")
                ]),
                &ALL
            )),
            [TIME, OPENS, GRACE]
        );
        // A number typed for another kind is ignored.
        assert!(with(&[(KIND, "hebdo"), (DAY, "ven"), (NUMBER, "oops")]).is_ok());
    }

    #[test]
    fn a_milestone_keeps_its_rhythm() {
        let weekly = DueRule::parse("weekly:fri@15:00").unwrap();
        let v = [
            (KIND, "apres"),
            (NUMBER, "3"),
            (TIME, "15:00"),
            (OPENS, "0"),
            (GRACE, "0"),
        ];
        assert_eq!(fields(read(form(&v), kinds_for(&weekly))), [KIND]);
        let v = [
            (KIND, "hebdo"),
            (DAY, "jeu"),
            (TIME, "16:00"),
            (OPENS, "0"),
            (GRACE, "0"),
        ];
        assert_eq!(
            read(form(&v), kinds_for(&weekly)).unwrap().rule.code(),
            "weekly:thu@16:00"
        );
        // A one-off may move from a number of days to a week, not become
        // a ritual.
        let once = DueRule::parse("after:30@17:00").unwrap();
        assert_eq!(kinds_for(&once), ["apres", "semaine"]);
        assert_eq!(fields(read(form(&v), kinds_for(&once))), [KIND]);
    }

    #[test]
    fn rules_read_in_words_in_both_languages() {
        let r = |c: &str| DueRule::parse(c).unwrap();
        assert_eq!(
            describe(&r("monthly:5:tue@14:00"), Locale::Fr),
            "le dernier mardi de chaque mois à 14:00"
        );
        assert_eq!(
            describe(&r("weekly:fri@15:00"), Locale::En),
            "every Friday at 15:00"
        );
        assert_eq!(
            describe(&r("after:14@09:00"), Locale::Fr),
            "14 jours après le début, à 09:00"
        );
    }
}
