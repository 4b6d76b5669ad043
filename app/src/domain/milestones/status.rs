//! A milestone instance's status: scheduled → open (from some days before
//! it is due) → submitted, or late (after the due time; a late submission
//! is accepted and marked) → escalated (coordinators alerted after a grace
//! period); or waived by coordinators. Only the submission and the waiver
//! are stored: the rest follows from the time, so that a scheduler that
//! runs twice, or late, reads the same status.

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
}
