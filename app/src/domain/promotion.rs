//! A promotion's calendar and phase. Dates are entered and shown in
//! Europe/Paris and stored in UTC; the phase follows from the calendar and
//! from the steps coordinators take explicitly (DESIGN.md §2).

use crate::i18n::Msg;
use chrono::{DateTime, Datelike, LocalResult, Months, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::Paris;
use serde::{Deserialize, Serialize};

/// `YYYY-MM-DDTHH:MM` (an HTML `datetime-local` value) read as Paris time.
/// A time skipped by the spring clock change is refused; a time that occurs
/// twice in autumn is taken at its first occurrence.
pub fn parse_paris(raw: &str) -> Result<DateTime<Utc>, Msg> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(Msg::DateRequired);
    }
    let naive = NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| Msg::DateInvalid)?;
    match Paris.from_local_datetime(&naive) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&Utc)),
        LocalResult::None => Err(Msg::DateSkippedByClockChange),
    }
}

/// The value for a `datetime-local` input, in Paris time.
pub fn paris_input_value(t: DateTime<Utc>) -> String {
    t.with_timezone(&Paris).format("%Y-%m-%dT%H:%M").to_string()
}

/// `YYYY-MM-DD` (an HTML `date` value).
pub fn parse_date(raw: &str) -> Result<NaiveDate, Msg> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(Msg::DateRequired);
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| Msg::DateInvalid)
}

/// Midnight in Paris on `day`, in UTC.
pub fn paris_midnight(day: NaiveDate) -> DateTime<Utc> {
    let naive = day.and_hms_opt(0, 0, 0).expect("midnight exists");
    match Paris.from_local_datetime(&naive) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.with_timezone(&Utc),
        // Paris never skips midnight; fall back to UTC midnight if it did.
        LocalResult::None => naive.and_utc(),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Calendar {
    pub defis_open: DateTime<Utc>,
    pub defis_close: DateTime<Utc>,
    pub applications_open: DateTime<Utc>,
    pub applications_close: DateTime<Utc>,
    pub start: NaiveDate,
    pub duration_months: u32,
}

impl Calendar {
    pub const DEFAULT_DURATION_MONTHS: u32 = 10;

    /// Every problem, each tied to the field to correct.
    pub fn problems(&self) -> Vec<(&'static str, Msg)> {
        let mut out = Vec::new();
        if self.defis_close <= self.defis_open {
            out.push(("defis_close", Msg::WindowClosesBeforeOpen));
        }
        if self.applications_close <= self.applications_open {
            out.push(("applications_close", Msg::WindowClosesBeforeOpen));
        }
        if self.applications_close >= paris_midnight(self.start) {
            out.push(("applications_close", Msg::ApplicationsCloseAfterStart));
        }
        if !(1..=36).contains(&self.duration_months) {
            out.push(("duration_months", Msg::DurationInvalid));
        }
        out
    }

    /// The first day after the programme, midnight in Paris.
    pub fn end(&self) -> DateTime<Utc> {
        let day = self
            .start
            .checked_add_months(Months::new(self.duration_months))
            .unwrap_or(self.start);
        paris_midnight(day)
    }

    pub fn defis_call_open(&self, now: DateTime<Utc>) -> bool {
        (self.defis_open..self.defis_close).contains(&now)
    }

    pub fn applications_call_open(&self, now: DateTime<Utc>) -> bool {
        (self.applications_open..self.applications_close).contains(&now)
    }
}

/// Steps coordinators take by hand; the rest follows from the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    MatchingStarted,
    Closed,
    Archived,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Phase {
    Planning,
    CallForDefis,
    DefiSelection,
    CallForApplications,
    CandidateSelection,
    Matching,
    Running,
    Closing,
    Alumni,
}

impl Phase {
    pub fn label(self) -> Msg {
        match self {
            Phase::Planning => Msg::PhasePlanning,
            Phase::CallForDefis => Msg::PhaseCallForDefis,
            Phase::DefiSelection => Msg::PhaseDefiSelection,
            Phase::CallForApplications => Msg::PhaseCallForApplications,
            Phase::CandidateSelection => Msg::PhaseCandidateSelection,
            Phase::Matching => Msg::PhaseMatching,
            Phase::Running => Msg::PhaseRunning,
            Phase::Closing => Msg::PhaseClosing,
            Phase::Alumni => Msg::PhaseAlumni,
        }
    }
}

/// The phase at `now`: the latest milestone reached. The two calls may
/// overlap (in EIG 5 the call for applications opened while défis were
/// still being proposed); the phase is then the later one, and
/// `Calendar::defis_call_open` says the other is still open.
pub fn phase(cal: &Calendar, steps: &[Step], now: DateTime<Utc>) -> Phase {
    let took = |s: Step| steps.contains(&s);
    if took(Step::Archived) {
        Phase::Alumni
    } else if took(Step::Closed) || now >= cal.end() {
        Phase::Closing
    } else if now >= paris_midnight(cal.start) {
        Phase::Running
    } else if took(Step::MatchingStarted) {
        Phase::Matching
    } else if now >= cal.applications_close {
        Phase::CandidateSelection
    } else if now >= cal.applications_open {
        Phase::CallForApplications
    } else if now >= cal.defis_close {
        Phase::DefiSelection
    } else if now >= cal.defis_open {
        Phase::CallForDefis
    } else {
        Phase::Planning
    }
}

/// The calendar EIG 5 used, for a promotion starting in `year`: call for
/// défis February–April, call for applications March–early May (closing
/// 23:59 Paris time), start mid-September, 10 months.
pub fn default_calendar(year: i32) -> Calendar {
    let at = |m: u32, d: u32, h: u32, min: u32| {
        let naive = NaiveDate::from_ymd_opt(year, m, d)
            .and_then(|day| day.and_hms_opt(h, min, 0))
            .expect("valid default date");
        Paris
            .from_local_datetime(&naive)
            .single()
            .expect("unambiguous default date")
            .with_timezone(&Utc)
    };
    Calendar {
        defis_open: at(2, 1, 9, 0),
        defis_close: at(4, 15, 23, 59),
        applications_open: at(3, 1, 9, 0),
        applications_close: at(5, 7, 23, 59),
        start: NaiveDate::from_ymd_opt(year, 9, 15).expect("valid start"),
        duration_months: Calendar::DEFAULT_DURATION_MONTHS,
    }
}

/// Day of the month and year, for messages ("7/5/2027").
pub fn short_paris_date(t: DateTime<Utc>) -> String {
    let p = t.with_timezone(&Paris);
    format!("{}/{}/{}", p.day(), p.month(), p.year())
}

/// Day, month, year and time in Paris, as shown on pages ("07/05/2027 23:59").
pub fn paris_display(t: DateTime<Utc>) -> String {
    t.with_timezone(&Paris).format("%d/%m/%Y %H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn paris_time_becomes_utc_across_seasons() {
        // Winter: UTC+1; summer: UTC+2.
        assert_eq!(
            parse_paris("2027-02-01T09:00").unwrap(),
            utc("2027-02-01T08:00:00Z")
        );
        assert_eq!(
            parse_paris("2027-05-07T23:59").unwrap(),
            utc("2027-05-07T21:59:00Z")
        );
        assert_eq!(
            paris_input_value(utc("2027-05-07T21:59:00Z")),
            "2027-05-07T23:59"
        );
    }

    #[test]
    fn clock_changes_are_handled() {
        // 28 March 2027, 02:30 does not exist in Paris.
        assert_eq!(
            parse_paris("2027-03-28T02:30"),
            Err(Msg::DateSkippedByClockChange)
        );
        // 31 October 2027, 02:30 happens twice: the first one (UTC+2).
        assert_eq!(
            parse_paris("2027-10-31T02:30").unwrap(),
            utc("2027-10-31T00:30:00Z")
        );
    }

    #[test]
    fn bad_dates_are_refused() {
        assert_eq!(parse_paris(""), Err(Msg::DateRequired));
        assert_eq!(parse_paris("7 mai 2027"), Err(Msg::DateInvalid));
        assert_eq!(parse_paris("2027-02-30T10:00"), Err(Msg::DateInvalid));
        assert_eq!(parse_date("2027-09-31"), Err(Msg::DateInvalid));
    }

    #[test]
    fn the_default_calendar_is_valid() {
        assert!(default_calendar(2027).problems().is_empty());
    }

    #[test]
    fn invalid_calendars_name_the_field_to_correct() {
        let mut cal = default_calendar(2027);
        cal.defis_close = cal.defis_open;
        cal.applications_close = paris_midnight(cal.start);
        cal.duration_months = 0;
        let problems = cal.problems();
        assert!(problems.contains(&("defis_close", Msg::WindowClosesBeforeOpen)));
        assert!(problems.contains(&("applications_close", Msg::ApplicationsCloseAfterStart)));
        assert!(problems.contains(&("duration_months", Msg::DurationInvalid)));
        let mut cal = default_calendar(2027);
        cal.applications_open = cal.applications_close;
        assert_eq!(
            cal.problems(),
            vec![("applications_close", Msg::WindowClosesBeforeOpen)]
        );
    }

    #[test]
    fn the_programme_ends_ten_months_after_the_start() {
        let cal = default_calendar(2027);
        assert_eq!(
            cal.end(),
            paris_midnight(NaiveDate::from_ymd_opt(2028, 7, 15).unwrap())
        );
    }

    #[test]
    fn phases_follow_the_calendar_and_the_steps() {
        let cal = default_calendar(2027);
        let p = |s: &str, steps: &[Step]| phase(&cal, steps, utc(s));
        assert_eq!(p("2027-01-10T12:00:00Z", &[]), Phase::Planning);
        assert_eq!(p("2027-02-10T12:00:00Z", &[]), Phase::CallForDefis);
        // Both calls open: the later phase, the défi call still open.
        assert_eq!(p("2027-03-10T12:00:00Z", &[]), Phase::CallForApplications);
        assert!(cal.defis_call_open(utc("2027-03-10T12:00:00Z")));
        assert_eq!(p("2027-05-07T21:58:59Z", &[]), Phase::CallForApplications);
        assert_eq!(p("2027-05-07T21:59:00Z", &[]), Phase::CandidateSelection);
        assert_eq!(
            p("2027-06-20T12:00:00Z", &[Step::MatchingStarted]),
            Phase::Matching
        );
        assert_eq!(
            p("2027-09-20T12:00:00Z", &[Step::MatchingStarted]),
            Phase::Running
        );
        assert_eq!(p("2028-07-15T12:00:00Z", &[]), Phase::Closing);
        assert_eq!(p("2027-12-01T12:00:00Z", &[Step::Closed]), Phase::Closing);
        assert_eq!(p("2027-12-01T12:00:00Z", &[Step::Archived]), Phase::Alumni);
    }

    #[test]
    fn windows_include_their_opening_and_exclude_their_closing() {
        let cal = default_calendar(2027);
        assert!(cal.applications_call_open(cal.applications_open));
        assert!(!cal.applications_call_open(cal.applications_close));
    }
}
