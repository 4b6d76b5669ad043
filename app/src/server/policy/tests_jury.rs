//! The policy matrix's rows for the juries: interviews and the défi
//! jury of the call for défis (the personas of `tests.rs`).
use super::*;

/// (action, [anonymous, applicant, host lead, reviewer, coordinator, admin])
pub(super) fn rows() -> Vec<(Action, [bool; 6])> {
    use Action::*;
    vec![
        // Interviews: the facts (a seat on this jury, a conflict, the
        // interview started, the list locked) come from the services; the
        // integration tests check them for each kind of person.
        (ManageInterviews, [false, false, false, false, true, false]),
        (
            ManageJurySlots {
                host_or_coordinator: true,
            },
            [false, true, true, true, true, true],
        ),
        (
            ManageJurySlots {
                host_or_coordinator: false,
            },
            [false; 6],
        ),
        (
            ViewJury {
                member: true,
                conflicted: false,
            },
            [false, true, true, true, true, true],
        ),
        (
            ViewJury {
                member: true,
                conflicted: true,
            },
            [false; 6],
        ),
        (
            ViewJury {
                member: false,
                conflicted: false,
            },
            [false; 6],
        ),
        (
            ScoreInterview {
                member: true,
                conflicted: false,
                started: true,
                locked: false,
            },
            [false, true, true, true, true, true],
        ),
        (
            ScoreInterview {
                member: true,
                conflicted: true,
                started: true,
                locked: false,
            },
            [false; 6],
        ),
        (
            ScoreInterview {
                member: true,
                conflicted: false,
                started: false,
                locked: false,
            },
            [false; 6],
        ),
        (
            ScoreInterview {
                member: true,
                conflicted: false,
                started: true,
                locked: true,
            },
            [false; 6],
        ),
        (
            ScoreInterview {
                member: false,
                conflicted: false,
                started: true,
                locked: false,
            },
            [false; 6],
        ),
        (
            RankCandidates { member: true },
            [false, true, true, true, true, true],
        ),
        (RankCandidates { member: false }, [false; 6]),
        (BookInterview, [false, true, true, true, true, true]),
        (ManageHearings, [false, false, false, false, true, false]),
        // A juror of the promotion assigned to the défi, not of its
        // organisation: they read it, and score it while it is open.
        (
            ReadHeardDefi {
                promotion: 1,
                assigned: true,
                conflicted: false,
            },
            [false, false, false, true, false, false],
        ),
        // Not assigned (a juror of another défi), a member of the défi's
        // organisation, or another promotion: nobody.
        (
            ReadHeardDefi {
                promotion: 1,
                assigned: false,
                conflicted: false,
            },
            [false; 6],
        ),
        (
            ReadHeardDefi {
                promotion: 1,
                assigned: true,
                conflicted: true,
            },
            [false; 6],
        ),
        (
            ReadHeardDefi {
                promotion: 2,
                assigned: true,
                conflicted: false,
            },
            [false; 6],
        ),
        (
            ScoreDefi {
                promotion: 1,
                assigned: true,
                conflicted: false,
                open: true,
            },
            [false, false, false, true, false, false],
        ),
        // Decided: frozen for everyone.
        (
            ScoreDefi {
                promotion: 1,
                assigned: true,
                conflicted: false,
                open: false,
            },
            [false; 6],
        ),
        (
            ScoreDefi {
                promotion: 1,
                assigned: false,
                conflicted: false,
                open: true,
            },
            [false; 6],
        ),
        (
            ScoreDefi {
                promotion: 1,
                assigned: true,
                conflicted: true,
                open: true,
            },
            [false; 6],
        ),
    ]
}
