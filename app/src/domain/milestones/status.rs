//! A milestone instance's status: scheduled → open (from some days before
//! it is due) → submitted, or late (after the due time; a late submission
//! is accepted and marked) → escalated (coordinators alerted after a grace
//! period); or waived by coordinators. Only the submission and the waiver
//! are stored: the rest follows from the time, so that a scheduler that
//! runs twice, or late, reads the same status.

use crate::i18n::Msg;
use chrono::{DateTime, Duration, Utc};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Scheduled,
    Open,
    Submitted,
    SubmittedLate,
    Late,
    Escalated,
    Waived,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Scheduled => "scheduled",
            Status::Open => "open",
            Status::Submitted => "submitted",
            Status::SubmittedLate => "submitted_late",
            Status::Late => "late",
            Status::Escalated => "escalated",
            Status::Waived => "waived",
        }
    }

    pub fn label(self) -> Msg {
        match self {
            Status::Scheduled => Msg::StatusScheduled,
            Status::Open => Msg::StatusOpen,
            Status::Submitted => Msg::StatusSubmitted,
            Status::SubmittedLate => Msg::StatusSubmittedLate,
            Status::Late => Msg::StatusLate,
            Status::Escalated => Msg::StatusEscalated,
            Status::Waived => Msg::StatusWaived,
        }
    }

    /// Done: nothing more is expected.
    pub fn done(self) -> bool {
        matches!(
            self,
            Status::Submitted | Status::SubmittedLate | Status::Waived
        )
    }
}

/// When an instance opens and escalates, around its due time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timing {
    /// It opens this long before it is due.
    pub opens_before: Duration,
    /// Coordinators are alerted this long after it is due, if nothing came.
    pub grace: Duration,
}

/// The status at `now` of an instance due at `due`.
pub fn status(
    due: DateTime<Utc>,
    timing: Timing,
    submitted_at: Option<DateTime<Utc>>,
    waived: bool,
    now: DateTime<Utc>,
) -> Status {
    if waived {
        return Status::Waived;
    }
    match submitted_at {
        Some(t) if t <= due => Status::Submitted,
        Some(_) => Status::SubmittedLate,
        None if now < due - timing.opens_before => Status::Scheduled,
        None if now <= due => Status::Open,
        None if now <= due + timing.grace => Status::Late,
        None => Status::Escalated,
    }
}

/// One team's cell for one milestone on the coordinators' dashboard:
/// what needs attention first. Each has a sign besides its colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell {
    /// An instance is late (or escalated).
    Late,
    /// An instance is open, not yet due.
    DueSoon,
    /// The last instance due was submitted.
    Done,
    /// The last instance due was waived.
    Waived,
    /// Nothing due yet.
    Upcoming,
    /// The team has no instance of it.
    Nothing,
}

impl Cell {
    pub fn code(self) -> &'static str {
        match self {
            Cell::Late => "late",
            Cell::DueSoon => "soon",
            Cell::Done => "done",
            Cell::Waived => "waived",
            Cell::Upcoming => "upcoming",
            Cell::Nothing => "none",
        }
    }

    pub fn label(self) -> Msg {
        match self {
            Cell::Late => Msg::CellLate,
            Cell::DueSoon => Msg::CellDueSoon,
            Cell::Done => Msg::CellDone,
            Cell::Waived => Msg::CellWaived,
            Cell::Upcoming => Msg::CellUpcoming,
            Cell::Nothing => Msg::CellNothing,
        }
    }

    /// A sign that says it without colour.
    pub fn sign(self) -> &'static str {
        match self {
            Cell::Late => "!",
            Cell::DueSoon => "…",
            Cell::Done => "✓",
            Cell::Waived => "–",
            Cell::Upcoming => "·",
            Cell::Nothing => "",
        }
    }
}

/// The cell of a team's instances of one milestone (due time, status at
/// `now`), in any order: the last one due decides (an older one missed
/// stays in the team's history, it does not colour a weekly ritual for
/// the rest of the year), then one open.
pub fn cell(instances: &[(DateTime<Utc>, Status)], now: DateTime<Utc>) -> Cell {
    if instances.is_empty() {
        return Cell::Nothing;
    }
    let last_due = instances
        .iter()
        .filter(|(due, _)| *due <= now)
        .max_by_key(|(due, _)| *due)
        .map(|(_, s)| *s);
    if matches!(last_due, Some(Status::Late | Status::Escalated)) {
        return Cell::Late;
    }
    if instances.iter().any(|(_, s)| *s == Status::Open) {
        return Cell::DueSoon;
    }
    match last_due {
        Some(Status::Waived) => Cell::Waived,
        Some(s) if s.done() => Cell::Done,
        _ if instances.iter().any(|(_, s)| s.done()) => Cell::Done,
        _ => Cell::Upcoming,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_status_follows_time_submission_and_waiver() {
        let due = Utc.with_ymd_and_hms(2027, 10, 1, 13, 0, 0).unwrap();
        let timing = Timing {
            opens_before: Duration::days(3),
            grace: Duration::days(2),
        };
        let h = Duration::hours;
        // (now, submitted, waived) → status
        let cases = [
            (due - h(73), None, false, Status::Scheduled),
            (due - h(72), None, false, Status::Open),
            (due, None, false, Status::Open),
            (due + h(1), None, false, Status::Late),
            (due + h(48), None, false, Status::Late),
            (due + h(49), None, false, Status::Escalated),
            (due + h(49), Some(due - h(1)), false, Status::Submitted),
            (due + h(49), Some(due + h(30)), false, Status::SubmittedLate),
            (due - h(1), Some(due - h(2)), false, Status::Submitted),
            (due + h(49), None, true, Status::Waived),
            (due - h(100), Some(due), true, Status::Waived),
        ];
        for (now, submitted, waived, want) in cases {
            assert_eq!(
                status(due, timing, submitted, waived, now),
                want,
                "{now} {submitted:?} {waived}"
            );
        }
        assert!(Status::SubmittedLate.done() && !Status::Escalated.done());
    }

    #[test]
    fn a_dashboard_cell_shows_what_needs_attention_first() {
        let now = Utc.with_ymd_and_hms(2027, 10, 1, 13, 0, 0).unwrap();
        let d = |days| now + Duration::days(days);
        use Status::*;
        type Case<'a> = (&'a [(DateTime<Utc>, Status)], Cell);
        let cases: [Case; 9] = [
            (&[], Cell::Nothing),
            (&[(d(-14), Submitted), (d(-7), Late)], Cell::Late),
            // An older one missed: the last one decides.
            (&[(d(-7), Submitted), (d(-14), Escalated)], Cell::Done),
            (&[(d(-7), Escalated), (d(1), Open)], Cell::Late),
            (&[(d(-7), Submitted), (d(1), Open)], Cell::DueSoon),
            (&[(d(-7), Submitted), (d(7), Scheduled)], Cell::Done),
            (&[(d(-14), Submitted), (d(-7), Waived)], Cell::Waived),
            (&[(d(-7), SubmittedLate)], Cell::Done),
            (&[(d(7), Scheduled), (d(14), Scheduled)], Cell::Upcoming),
        ];
        for (instances, want) in cases {
            assert_eq!(cell(instances, now), want, "{instances:?}");
        }
        // Submitted early, before it is due: done.
        assert_eq!(cell(&[(d(2), Submitted)], now), Cell::Done);
    }
}
