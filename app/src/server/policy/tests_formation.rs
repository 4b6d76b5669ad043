//! The policy matrix's rows for team formation, offers, teams and the
//! ten months (the
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
        // The ten months.
        (
            ViewPromotionTeam { in_promotion: true },
            [false, true, true, true, true, true],
        ),
        (
            ViewPromotionTeam {
                in_promotion: false,
            },
            [false, false, false, false, true, false],
        ),
        (
            FillMilestone { filler: true },
            [false, true, true, true, true, true],
        ),
        // Not even coordinators fill in a team's or a host's place.
        (FillMilestone { filler: false }, [false; 6]),
        (
            ReplyOnReport { member: true },
            [false, true, true, true, true, true],
        ),
        (
            ReplyOnReport { member: false },
            [false, false, false, false, true, false],
        ),
        (ManageMilestones, [false, false, false, false, true, false]),
    ]
}
