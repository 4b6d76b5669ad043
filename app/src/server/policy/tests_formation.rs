//! The policy matrix's rows for team formation, offers and teams (the
//! personas of `tests.rs`).
use super::*;

/// (action, [anonymous, applicant, host lead, reviewer, coordinator, admin])
pub(super) fn rows() -> Vec<(Action, [bool; 6])> {
    use Action::*;
    vec![
        (ManageFormation, [false, false, false, false, true, false]),
        (
            AnswerOffer { owner: true },
            [false, true, true, true, true, true],
        ),
        (AnswerOffer { owner: false }, [false; 6]),
        (
            ViewTeam { member: true },
            [false, true, true, true, true, true],
        ),
        (
            ViewTeam { member: false },
            [false, false, false, false, true, false],
        ),
    ]
}
