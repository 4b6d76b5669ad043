//! French working days: Monday to Friday, except the eleven public
//! holidays of metropolitan France (Code du travail, art. L3133-1): New
//! Year's Day, Easter Monday, 1 May, 8 May, Ascension Day, Whit Monday,
//! 14 July, 15 August, 1 November, 11 November and Christmas Day. The two
//! extra days of Alsace-Moselle (Good Friday, 26 December) are not counted:
//! the programme is national. Notice periods ("at least 5 working days
//! before an interview") and answer deadlines ("3 working days") count
//! with these.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous
/// algorithm published by Meeus, after Jones and Butcher), for the years
/// since the calendar began (1583); earlier years are taken as 1583.
pub fn easter(year: i32) -> NaiveDate {
    let year = year.max(1583);
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("Easter is a valid date")
}

/// The public holidays of `year`, in date order. Ascension Day can fall on
/// 1 or 8 May (2008, 2086): that date is then listed twice.
pub fn public_holidays(year: i32) -> [NaiveDate; 11] {
    let fixed = |m: u32, d: u32| NaiveDate::from_ymd_opt(year, m, d).expect("a fixed holiday");
    let easter = easter(year);
    let after = |n: u64| easter.checked_add_days(Days::new(n)).expect("near Easter");
    let mut days = [
        fixed(1, 1),
        after(1), // Easter Monday
        fixed(5, 1),
        fixed(5, 8),
        after(39), // Ascension Day
        after(50), // Whit Monday
        fixed(7, 14),
        fixed(8, 15),
        fixed(11, 1),
        fixed(11, 11),
        fixed(12, 25),
    ];
    days.sort_unstable();
    days
}

/// Whether `date` is a public holiday.
pub fn is_holiday(date: NaiveDate) -> bool {
    public_holidays(date.year()).contains(&date)
}

/// Whether `date` is a working day: Monday to Friday, not a holiday.
pub fn is_working_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !is_holiday(date)
}

/// The `n`-th working day after `date` (`date` itself when `n` is 0).
pub fn add_working_days(date: NaiveDate, n: u32) -> NaiveDate {
    let mut day = date;
    let mut left = n;
    while left > 0 {
        day = day.succ_opt().expect("a date before the year 262143");
        if is_working_day(day) {
            left -= 1;
        }
    }
    day
}

/// The working days after `from` up to and including `to` (0 when `to` is
/// not after `from`).
pub fn working_days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    let mut n = 0;
    let mut day = from;
    while day < to {
        day = day.succ_opt().expect("a date before the year 262143");
        if is_working_day(day) {
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn easter_matches_the_published_dates() {
        for (y, m, day) in [
            (2000, 4, 23),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2028, 4, 16),
            (2038, 4, 25),
        ] {
            assert_eq!(easter(y), d(y, m, day), "{y}");
        }
    }

    #[test]
    fn the_holidays_of_2026_are_the_official_list() {
        // service-public.fr, jours fériés 2026.
        assert_eq!(
            public_holidays(2026),
            [
                d(2026, 1, 1),
                d(2026, 4, 6),
                d(2026, 5, 1),
                d(2026, 5, 8),
                d(2026, 5, 14),
                d(2026, 5, 25),
                d(2026, 7, 14),
                d(2026, 8, 15),
                d(2026, 11, 1),
                d(2026, 11, 11),
                d(2026, 12, 25),
            ]
        );
    }

    #[test]
    fn the_movable_holidays_of_2027_and_2008() {
        let h = public_holidays(2027);
        for day in [d(2027, 3, 29), d(2027, 5, 6), d(2027, 5, 17)] {
            assert!(h.contains(&day), "{day}");
        }
        // 2008: Ascension on 1 May, Whit Monday on 12 May.
        let h = public_holidays(2008);
        assert_eq!(h.iter().filter(|x| **x == d(2008, 5, 1)).count(), 2);
        assert!(h.contains(&d(2008, 5, 12)) && h.contains(&d(2008, 3, 24)));
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        // Thursday 30 April 2026: Friday 1 May is a holiday, then the
        // weekend, so the first working day after is Monday 4 May.
        assert_eq!(add_working_days(d(2026, 4, 30), 1), d(2026, 5, 4));
        // Five working days after Monday 4 May 2026: Friday 8 May does
        // not count.
        assert_eq!(add_working_days(d(2026, 5, 4), 5), d(2026, 5, 12));
        // Nor does Ascension: from Tuesday 12 May, Wednesday 13, Friday
        // 15, Monday 18.
        assert_eq!(add_working_days(d(2026, 5, 12), 3), d(2026, 5, 18));
        assert_eq!(add_working_days(d(2026, 5, 4), 0), d(2026, 5, 4));
        // Across the new year: 24 Dec 2026 is a Thursday.
        assert_eq!(add_working_days(d(2026, 12, 24), 3), d(2026, 12, 30));
        assert_eq!(add_working_days(d(2026, 12, 31), 1), d(2027, 1, 4));
        assert!(!is_working_day(d(2026, 12, 25)));
        assert!(!is_working_day(d(2026, 12, 6)), "a Sunday");
        assert!(is_working_day(d(2026, 12, 7)));
    }

    proptest! {
        #[test]
        fn counting_undoes_adding(offset in 0u32..3000, n in 0u32..60) {
            let from = d(2025, 1, 1).checked_add_days(Days::new(u64::from(offset))).unwrap();
            let to = add_working_days(from, n);
            prop_assert_eq!(working_days_between(from, to), n);
            prop_assert!(n == 0 || is_working_day(to));
            // Brute force: the working days in (from, to], one by one.
            let mut count = 0;
            let mut day = from;
            while day < to {
                day = day.succ_opt().unwrap();
                let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
                let holiday = public_holidays(day.year()).contains(&day);
                if !weekend && !holiday {
                    count += 1;
                }
            }
            prop_assert_eq!(count, n);
        }
    }
}
