//! When a milestone is due: a rule relative to the promotion's start, in
//! Paris time, stored as a short code.
//!
//! - `after:14@09:00`: 14 days after the start day, at 09:00;
//! - `week:3@10:00`: the Monday of the start's third week (weeks counted
//!   from the week of the start, 1 = that week), at 10:00;
//! - `weekly:fri@15:00`: every Friday from the start to the end;
//! - `monthly:1:tue@14:00`: the first Tuesday of every month (1–4, or 5 for
//!   the last one) from the start to the end.
//!
//! A due day that is not a French working day moves: a one-off milestone
//! to the next working day, a recurring one to the working day before it
//! (the Friday bulletin of a Friday holiday is due on Thursday, before the
//! weekend). Times are local: 15:00 stays 15:00 across the changes of
//! summer time; a local time that does not exist (02:30 on the night of the
//! change to summer time) is read one hour later.

use crate::domain::working_days::is_working_day;
use chrono::{
    DateTime, Datelike, Days, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc, Weekday,
};
use chrono_tz::Europe::Paris;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DueRule {
    /// `days` after the start day (0: the start day).
    After { days: u32, at: NaiveTime },
    /// The Monday of the `week`-th week from the start's (1: that week).
    Week { week: u32, at: NaiveTime },
    /// Every `weekday` from the start to the end.
    Weekly { weekday: Weekday, at: NaiveTime },
    /// The `nth` `weekday` of every month (5: the last one).
    Monthly {
        nth: u8,
        weekday: Weekday,
        at: NaiveTime,
    },
}

const DAYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

fn day_code(d: Weekday) -> &'static str {
    DAYS.iter().find(|(_, w)| *w == d).map_or("mon", |(c, _)| c)
}

fn parse_day(code: &str) -> Option<Weekday> {
    DAYS.iter().find(|(c, _)| *c == code).map(|(_, w)| *w)
}

/// The longest offset a rule accepts, in days (a promotion lasts months).
pub const MAX_DAYS: u32 = 800;

impl DueRule {
    /// The stored code (`after:14@09:00`, …).
    pub fn code(&self) -> String {
        let t = |at: &NaiveTime| at.format("%H:%M").to_string();
        match self {
            DueRule::After { days, at } => format!("after:{days}@{}", t(at)),
            DueRule::Week { week, at } => format!("week:{week}@{}", t(at)),
            DueRule::Weekly { weekday, at } => format!("weekly:{}@{}", day_code(*weekday), t(at)),
            DueRule::Monthly { nth, weekday, at } => {
                format!("monthly:{nth}:{}@{}", day_code(*weekday), t(at))
            }
        }
    }

    /// Reads a code; `None` when it is not one.
    pub fn parse(code: &str) -> Option<DueRule> {
        let (what, at) = code.trim().split_once('@')?;
        let at = NaiveTime::parse_from_str(at, "%H:%M").ok()?;
        let (kind, rest) = what.split_once(':')?;
        let rule = match kind {
            "after" => DueRule::After {
                days: rest.parse().ok().filter(|d| *d <= MAX_DAYS)?,
                at,
            },
            "week" => DueRule::Week {
                week: rest
                    .parse()
                    .ok()
                    .filter(|w| (1..=MAX_DAYS / 7).contains(w))?,
                at,
            },
            "weekly" => DueRule::Weekly {
                weekday: parse_day(rest)?,
                at,
            },
            "monthly" => {
                let (nth, day) = rest.split_once(':')?;
                DueRule::Monthly {
                    nth: nth.parse().ok().filter(|n| (1..=5).contains(n))?,
                    weekday: parse_day(day)?,
                    at,
                }
            }
            _ => return None,
        };
        Some(rule)
    }

    pub fn recurring(&self) -> bool {
        matches!(self, DueRule::Weekly { .. } | DueRule::Monthly { .. })
    }

    /// Every due time of the rule for a promotion from `start` to `end`
    /// (both days included), in UTC, in order. A one-off rule has one (even
    /// past the end); a recurring one every occurrence in the period.
    pub fn occurrences(&self, start: NaiveDate, end: NaiveDate) -> Vec<DateTime<Utc>> {
        self.numbered(start, end)
            .into_iter()
            .map(|(_, t)| t)
            .collect()
    }

    /// [`DueRule::occurrences`], each with its period's number: 0 for a
    /// one-off; for a weekly rule the week counted from the start's (0:
    /// that week), for a monthly one the month counted from the start's.
    /// A period keeps its number when the rule changes its day or time,
    /// so an occurrence already answered and the new rule's one of the
    /// same week are known to be the same.
    pub fn numbered(&self, start: NaiveDate, end: NaiveDate) -> Vec<(u32, DateTime<Utc>)> {
        let monday = |d: NaiveDate| d - Days::new(u64::from(d.weekday().num_days_from_monday()));
        let period = |d: NaiveDate| -> u32 {
            match self {
                DueRule::After { .. } | DueRule::Week { .. } => 0,
                DueRule::Weekly { .. } => {
                    ((monday(d) - monday(start)).num_days() / 7).max(0) as u32
                }
                DueRule::Monthly { .. } => {
                    let months =
                        (d.year() - start.year()) * 12 + d.month() as i32 - start.month() as i32;
                    months.max(0) as u32
                }
            }
        };
        let days: Vec<(NaiveDate, NaiveTime)> = match *self {
            DueRule::After { days, at } => vec![(later(start, days), at)],
            DueRule::Week { week, at } => {
                let monday = start - Days::new(u64::from(start.weekday().num_days_from_monday()));
                vec![(later(monday, (week - 1) * 7), at)]
            }
            DueRule::Weekly { weekday, at } => {
                let ahead = (7 + weekday.num_days_from_monday()
                    - start.weekday().num_days_from_monday())
                    % 7;
                let mut out = Vec::new();
                let mut d = later(start, ahead);
                while d <= end {
                    out.push((d, at));
                    d = later(d, 7);
                }
                out
            }
            DueRule::Monthly { nth, weekday, at } => {
                let mut out = Vec::new();
                let (mut y, mut m) = (start.year(), start.month());
                while let Some(d) = nth_weekday(y, m, nth, weekday) {
                    if d > end {
                        break;
                    }
                    if d >= start {
                        out.push((d, at));
                    }
                    (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                }
                out
            }
        };
        let recurring = self.recurring();
        days.into_iter()
            .map(|(d, at)| {
                // A recurring one moves earlier, unless that is before the
                // start (a holiday on the first day): then later.
                let day = match working_on_or_before(d) {
                    b if recurring && b >= start => b,
                    _ => working_on_or_after(d),
                };
                (period(d), paris(day, at))
            })
            .collect()
    }
}

fn later(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_days(Days::new(u64::from(n))).unwrap_or(d)
}

/// The `nth` `weekday` of a month (5: the last one).
fn nth_weekday(year: i32, month: u32, nth: u8, weekday: Weekday) -> Option<NaiveDate> {
    if nth >= 5 {
        let first_next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        let last = first_next.pred_opt()?;
        let back = (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
        return last.checked_sub_days(Days::new(u64::from(back)));
    }
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, nth)
}

fn working_on_or_after(mut d: NaiveDate) -> NaiveDate {
    while !is_working_day(d) {
        d = later(d, 1);
    }
    d
}

fn working_on_or_before(mut d: NaiveDate) -> NaiveDate {
    while !is_working_day(d) {
        d = d.pred_opt().unwrap_or(d);
    }
    d
}

/// `day` at `at`, Paris time, in UTC. A time skipped by the change to
/// summer time is read one hour later; a repeated one (autumn) is the
/// first.
pub fn paris(day: NaiveDate, at: NaiveTime) -> DateTime<Utc> {
    let local = day.and_time(at);
    match Paris.from_local_datetime(&local) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.with_timezone(&Utc),
        LocalResult::None => match Paris.from_local_datetime(&(local + Duration::hours(1))) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.with_timezone(&Utc),
            LocalResult::None => local.and_utc(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    fn rule(code: &str) -> DueRule {
        DueRule::parse(code).unwrap_or_else(|| panic!("{code}"))
    }

    #[test]
    fn codes_round_trip_and_nonsense_is_refused() {
        for code in [
            "after:14@09:00",
            "week:3@10:00",
            "weekly:fri@15:00",
            "monthly:1:tue@14:00",
            "monthly:5:thu@09:30",
        ] {
            assert_eq!(rule(code).code(), code);
        }
        for bad in [
            "",
            "after:14",
            "after:-1@09:00",
            "after:900@09:00",
            "week:0@10:00",
            "weekly:fry@15:00",
            "monthly:6:tue@14:00",
            "monthly:1:tue@25:00",
            "yearly:1@10:00",
        ] {
            assert_eq!(DueRule::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_friday_bulletin_keeps_15_00_paris_across_the_time_changes() {
        // Start Monday 13 September 2027; the clocks go back on 31 October
        // 2027 and forward on 26 March 2028.
        let due = rule("weekly:fri@15:00").occurrences(d("2027-09-13"), d("2028-07-12"));
        assert_eq!(due[0], utc("2027-09-17T13:00:00Z"), "summer: UTC+2");
        assert!(due.contains(&utc("2027-10-29T13:00:00Z")));
        assert!(due.contains(&utc("2027-11-05T14:00:00Z")), "winter: UTC+1");
        assert!(due.contains(&utc("2028-03-24T14:00:00Z")));
        assert!(due.contains(&utc("2028-03-31T13:00:00Z")));
        // Every one is 15:00 in Paris, on a Friday or (holiday) the day
        // before.
        for t in &due {
            let local = t.with_timezone(&Paris);
            assert_eq!(local.time(), NaiveTime::from_hms_opt(15, 0, 0).unwrap());
            assert!(matches!(local.weekday(), Weekday::Fri | Weekday::Thu));
        }
        assert_eq!(due.len(), 43);
    }

    #[test]
    fn a_holiday_moves_a_recurring_due_day_earlier_and_a_one_off_later() {
        // Friday 14 July 2028 is a public holiday: that week's bulletin is
        // due on Thursday 13.
        let due = rule("weekly:fri@15:00").occurrences(d("2027-09-13"), d("2028-07-31"));
        assert!(due.contains(&utc("2028-07-13T13:00:00Z")));
        assert!(!due.contains(&utc("2028-07-14T13:00:00Z")));
        // 49 days after Monday 13 September is Monday 1 November (All
        // Saints' Day): due Tuesday 2.
        assert_eq!(
            rule("after:49@09:00").occurrences(d("2027-09-13"), d("2028-07-12")),
            vec![utc("2027-11-02T08:00:00Z")]
        );
        // A weekend too: 5 days after Monday is Saturday → Monday.
        assert_eq!(
            rule("after:5@09:00").occurrences(d("2027-09-13"), d("2028-07-12")),
            vec![utc("2027-09-20T07:00:00Z")]
        );
    }

    #[test]
    fn weeks_and_months_count_from_the_start() {
        // The bootcamp in week 3 of a promotion starting on Wednesday 15
        // September 2027: Monday 27 September.
        assert_eq!(
            rule("week:3@09:00").occurrences(d("2027-09-15"), d("2028-07-14")),
            vec![utc("2027-09-27T07:00:00Z")]
        );
        // The first Tuesday of each month, from the start's month when it
        // is not past: October 2027 to July 2028.
        let plenaries = rule("monthly:1:tue@14:00").occurrences(d("2027-09-15"), d("2028-07-14"));
        assert_eq!(plenaries[0], utc("2027-10-05T12:00:00Z"));
        assert_eq!(plenaries.len(), 10);
        // The last Thursday of the month; 25 May 2028 is Ascension Day.
        let last = rule("monthly:5:thu@10:00").occurrences(d("2028-05-01"), d("2028-05-31"));
        assert_eq!(last, vec![utc("2028-05-24T08:00:00Z")]);
    }

    #[test]
    fn periods_are_counted_from_the_start_and_survive_a_change_of_day() {
        // A promotion starting on Wednesday 15 September 2027.
        let (start, end) = (d("2027-09-15"), d("2028-07-14"));
        let fri = rule("weekly:fri@15:00").numbered(start, end);
        let tue = rule("weekly:tue@15:00").numbered(start, end);
        // The first Friday is in the start's week (0); the first Tuesday
        // in the next one (1): the same week keeps the same number.
        assert_eq!(fri[0].0, 0);
        assert_eq!(tue[0].0, 1);
        assert_eq!(fri[1].0, 1);
        for (n, t) in &tue {
            let friday = fri.iter().find(|(m, _)| m == n).unwrap().1;
            // Three days later (two when the Friday is a holiday).
            let gap = friday - *t;
            assert!(gap == Duration::days(3) || gap == Duration::days(2), "{n}");
        }
        // Months: the first Tuesday of September is before the start.
        let monthly = rule("monthly:1:tue@14:00").numbered(start, end);
        assert_eq!(
            (monthly[0].0, monthly[0].1),
            (1, utc("2027-10-05T12:00:00Z"))
        );
        assert_eq!(rule("after:30@17:00").numbered(start, end)[0].0, 0);
    }

    #[test]
    fn a_holiday_on_the_first_day_moves_the_first_occurrence_later() {
        // Monday 1 May 2028 is a holiday and the promotion's first day.
        let first = rule("weekly:mon@10:00").numbered(d("2028-05-01"), d("2028-06-30"))[0];
        assert_eq!(first, (0, utc("2028-05-02T08:00:00Z")));
    }

    #[test]
    fn a_time_skipped_by_summer_time_is_read_an_hour_later() {
        // 26 March 2028, 02:30 does not exist in Paris.
        assert_eq!(
            paris(d("2028-03-26"), NaiveTime::from_hms_opt(2, 30, 0).unwrap()),
            utc("2028-03-26T01:30:00Z")
        );
        // 29 October 2028, 02:30 happens twice: the first (summer time).
        assert_eq!(
            paris(d("2028-10-29"), NaiveTime::from_hms_opt(2, 30, 0).unwrap()),
            utc("2028-10-29T00:30:00Z")
        );
    }
}
