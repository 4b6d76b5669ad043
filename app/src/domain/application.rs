//! An application (dossier) from the applicant's draft to the programme's
//! decisions, as a state machine; and the deadline rule (the call's closing
//! time, or a personal extension granted by coordinators).

use crate::i18n::Msg;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ApplicationState {
    Draft,
    Submitted,
    CorrectionRequested,
    InReview,
    Shortlisted,
    NotShortlisted,
    InvitedToInterview,
    Interviewed,
    Ranked,
    Offered,
    Accepted,
    Declined,
    Placed,
    Active,
    Completed,
    Withdrawn,
    Ineligible,
    Incomplete,
}

impl ApplicationState {
    pub const ALL: [ApplicationState; 18] = [
        ApplicationState::Draft,
        ApplicationState::Submitted,
        ApplicationState::CorrectionRequested,
        ApplicationState::InReview,
        ApplicationState::Shortlisted,
        ApplicationState::NotShortlisted,
        ApplicationState::InvitedToInterview,
        ApplicationState::Interviewed,
        ApplicationState::Ranked,
        ApplicationState::Offered,
        ApplicationState::Accepted,
        ApplicationState::Declined,
        ApplicationState::Placed,
        ApplicationState::Active,
        ApplicationState::Completed,
        ApplicationState::Withdrawn,
        ApplicationState::Ineligible,
        ApplicationState::Incomplete,
    ];

    pub fn code(self) -> &'static str {
        use ApplicationState::*;
        match self {
            Draft => "draft",
            Submitted => "submitted",
            CorrectionRequested => "correction_requested",
            InReview => "in_review",
            Shortlisted => "shortlisted",
            NotShortlisted => "not_shortlisted",
            InvitedToInterview => "invited_to_interview",
            Interviewed => "interviewed",
            Ranked => "ranked",
            Offered => "offered",
            Accepted => "accepted",
            Declined => "declined",
            Placed => "placed",
            Active => "active",
            Completed => "completed",
            Withdrawn => "withdrawn",
            Ineligible => "ineligible",
            Incomplete => "incomplete",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> Msg {
        use ApplicationState::*;
        match self {
            Draft => Msg::AppStateDraft,
            Submitted => Msg::AppStateSubmitted,
            CorrectionRequested => Msg::AppStateCorrectionRequested,
            InReview => Msg::AppStateInReview,
            Shortlisted => Msg::AppStateShortlisted,
            NotShortlisted => Msg::AppStateNotShortlisted,
            InvitedToInterview => Msg::AppStateInvitedToInterview,
            Interviewed => Msg::AppStateInterviewed,
            Ranked => Msg::AppStateRanked,
            Offered => Msg::AppStateOffered,
            Accepted => Msg::AppStateAccepted,
            Declined => Msg::AppStateDeclined,
            Placed => Msg::AppStatePlaced,
            Active => Msg::AppStateActive,
            Completed => Msg::AppStateCompleted,
            Withdrawn => Msg::AppStateWithdrawn,
            Ineligible => Msg::AppStateIneligible,
            Incomplete => Msg::AppStateIncomplete,
        }
    }

    /// The applicant may change the dossier: while drafting, and when
    /// coordinators asked for a correction.
    pub fn applicant_may_edit(self) -> bool {
        matches!(
            self,
            ApplicationState::Draft | ApplicationState::CorrectionRequested
        )
    }

    /// Early states, from which the applicant may withdraw and coordinators
    /// may mark the dossier ineligible or incomplete (DESIGN.md §2).
    pub fn is_early(self) -> bool {
        use ApplicationState::*;
        matches!(
            self,
            Draft | Submitted | CorrectionRequested | InReview | Shortlisted
        )
    }

    /// The dossier may still be withdrawn by its author or closed by
    /// coordinators (ineligible, incomplete): submitted and not decided
    /// against, up to an accepted offer; once the contract is signed,
    /// leaving goes through the placement.
    pub fn may_be_closed(self) -> bool {
        use ApplicationState::*;
        (self.is_early() && self != Draft)
            || matches!(
                self,
                InvitedToInterview | Interviewed | Ranked | Offered | Accepted | Declined
            )
    }

    /// A coordinator may add the dossier to a list that ran out, once the
    /// offers are out: shortlisted, back on the lists, or holding nothing
    /// after declining.
    pub fn may_widen_a_list(self) -> bool {
        use ApplicationState::*;
        matches!(self, Shortlisted | Ranked | Declined)
    }

    /// The timeline step this state belongs to (a state between two steps
    /// shows the last one reached).
    pub fn timeline_step(self) -> ApplicationState {
        use ApplicationState::*;
        match self {
            Draft | Submitted | CorrectionRequested | Withdrawn | Ineligible | Incomplete => {
                Submitted
            }
            InReview | NotShortlisted => InReview,
            Shortlisted => Shortlisted,
            InvitedToInterview | Interviewed | Ranked => InvitedToInterview,
            Offered | Accepted | Declined => Offered,
            Placed | Active | Completed => Placed,
        }
    }

    /// The steps a dossier goes through, for the applicant's timeline.
    pub const TIMELINE: [ApplicationState; 6] = [
        ApplicationState::Submitted,
        ApplicationState::InReview,
        ApplicationState::Shortlisted,
        ApplicationState::InvitedToInterview,
        ApplicationState::Offered,
        ApplicationState::Placed,
    ];
}

/// Where a person stands in the offers (the cascade's replay).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Holds an accepted seat.
    Accepted,
    /// Holds an open offer and no accepted seat.
    Offered,
    /// Holds nothing and has refused a seat themselves (declined, let
    /// expire).
    Refused,
    /// Holds nothing and refused nothing: never offered a seat, or a seat
    /// taken back with its défi; on the lists, or not.
    Waiting,
    /// Left the offers.
    Withdrawn,
}

/// The dossier's state once the offers are out, from where its author
/// stands. A dossier at the offers' stage moves (shortlisted, ranked,
/// offered, accepted, declined); so does a placed or active one whose seat
/// is gone (its défi withdrawn, or the person withdrawn). A dossier closed
/// for another reason, or completed, is left as it is.
pub fn after_offers(from: ApplicationState, standing: Standing) -> ApplicationState {
    use ApplicationState::*;
    let listed = matches!(
        from,
        Shortlisted | InvitedToInterview | Interviewed | Ranked
    );
    let offers = matches!(from, Offered | Accepted | Declined);
    let placed = matches!(from, Placed | Active);
    if !(listed || offers || placed) {
        return from;
    }
    match standing {
        // A placement's later states say more than "accepted".
        Standing::Accepted if placed => from,
        Standing::Accepted => Accepted,
        Standing::Offered => Offered,
        Standing::Refused => Declined,
        Standing::Waiting if listed => from,
        // Back on the lists after a seat was taken back.
        Standing::Waiting => Ranked,
        Standing::Withdrawn => Withdrawn,
    }
}

/// The dossier's state as its placement moves: signed (placed), started
/// (active), ended (completed), interrupted (withdrawn).
pub fn after_placement(
    from: ApplicationState,
    placement: crate::domain::placement::PlacementState,
) -> ApplicationState {
    use crate::domain::placement::PlacementState as P;
    use ApplicationState::*;
    if matches!(from, Withdrawn | Ineligible | Incomplete) {
        return from;
    }
    match placement {
        P::Placed => Placed,
        P::Active => Active,
        P::Ended => Completed,
        P::Interrupted => Withdrawn,
        P::Accepted | P::ContractInProgress => from,
    }
}

/// The moment after which a submission is refused: the call's closing time,
/// or the applicant's personal deadline when coordinators granted a later
/// one.
pub fn deadline(call_close: DateTime<Utc>, personal: Option<DateTime<Utc>>) -> DateTime<Utc> {
    personal.map_or(call_close, |p| p.max(call_close))
}

/// The applicant submits. `started` is when the request reached the server:
/// a request that started before the deadline is accepted even if it is
/// written a moment later (the deadline rush).
pub fn submit(
    from: ApplicationState,
    started: DateTime<Utc>,
    call_open: DateTime<Utc>,
    deadline: DateTime<Utc>,
) -> Result<ApplicationState, Msg> {
    match from {
        ApplicationState::Draft if started < call_open => Err(Msg::ApplicationsNotOpen),
        ApplicationState::Draft if started >= deadline => Err(Msg::ApplicationsClosed),
        // A correction is answered whatever the call's dates.
        ApplicationState::Draft | ApplicationState::CorrectionRequested => {
            Ok(ApplicationState::Submitted)
        }
        _ => Err(Msg::ApplicationAlreadySubmitted),
    }
}

/// The applicant withdraws, from an early state (a draft is simply left)
/// or while the offers are out (their seats go on down the lists); once
/// the contract is signed, leaving goes through the programme team.
pub fn withdraw(from: ApplicationState) -> Result<ApplicationState, Msg> {
    if from.may_be_closed() {
        Ok(ApplicationState::Withdrawn)
    } else {
        Err(Msg::WithdrawNotAllowed)
    }
}

/// What coordinators decide about a submitted dossier at this stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Review {
    RequestCorrection,
    MarkIneligible,
    MarkIncomplete,
}

impl Review {
    pub const ALL: [Review; 3] = [
        Review::RequestCorrection,
        Review::MarkIneligible,
        Review::MarkIncomplete,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Review::RequestCorrection => "request_correction",
            Review::MarkIneligible => "mark_ineligible",
            Review::MarkIncomplete => "mark_incomplete",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn label(self) -> Msg {
        match self {
            Review::RequestCorrection => Msg::ReviewRequestCorrection,
            Review::MarkIneligible => Msg::ReviewMarkIneligible,
            Review::MarkIncomplete => Msg::ReviewMarkIncomplete,
        }
    }

    /// The message coordinators start from.
    pub fn template(self) -> Msg {
        match self {
            Review::RequestCorrection => Msg::TemplateRequestCorrection,
            Review::MarkIneligible => Msg::TemplateMarkIneligible,
            Review::MarkIncomplete => Msg::TemplateMarkIncomplete,
        }
    }

    pub fn apply(self, from: ApplicationState) -> Result<ApplicationState, Msg> {
        use ApplicationState::*;
        match (self, from) {
            (Review::RequestCorrection, Submitted | InReview) => Ok(CorrectionRequested),
            (Review::MarkIneligible, s) if s.may_be_closed() => Ok(Ineligible),
            (Review::MarkIncomplete, s) if s.may_be_closed() => Ok(Incomplete),
            _ => Err(Msg::ReviewNotAllowed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 5, 7, h, m, 0).unwrap()
    }

    #[test]
    fn offers_and_placements_move_the_dossier() {
        use crate::domain::placement::PlacementState as P;
        use ApplicationState::*;
        assert_eq!(after_offers(Shortlisted, Standing::Offered), Offered);
        assert_eq!(after_offers(Offered, Standing::Accepted), Accepted);
        assert_eq!(after_offers(Offered, Standing::Refused), Declined);
        assert_eq!(after_offers(Shortlisted, Standing::Waiting), Shortlisted);
        // A seat taken back with its défi: back on the lists, or offered.
        assert_eq!(after_offers(Accepted, Standing::Waiting), Ranked);
        assert_eq!(after_offers(Placed, Standing::Waiting), Ranked);
        assert_eq!(after_offers(Placed, Standing::Offered), Offered);
        assert_eq!(after_offers(Placed, Standing::Accepted), Placed);
        assert_eq!(after_offers(Active, Standing::Withdrawn), Withdrawn);
        assert_eq!(after_offers(Declined, Standing::Withdrawn), Withdrawn);
        for closed in [
            Completed,
            Withdrawn,
            Ineligible,
            Incomplete,
            NotShortlisted,
            Submitted,
        ] {
            assert_eq!(
                after_offers(closed, Standing::Offered),
                closed,
                "{closed:?}"
            );
        }
        assert_eq!(after_placement(Accepted, P::Placed), Placed);
        assert_eq!(after_placement(Placed, P::Active), Active);
        assert_eq!(after_placement(Active, P::Ended), Completed);
        assert_eq!(after_placement(Active, P::Interrupted), Withdrawn);
        assert_eq!(after_placement(Withdrawn, P::Placed), Withdrawn);
    }

    #[test]
    fn codes_round_trip() {
        for s in ApplicationState::ALL {
            assert_eq!(ApplicationState::from_code(s.code()), Some(s));
        }
        for r in Review::ALL {
            assert_eq!(Review::from_code(r.code()), Some(r));
        }
    }

    #[test]
    fn a_request_that_started_before_the_deadline_is_accepted() {
        let (open, close) = (t(8, 0), t(21, 59));
        let d = deadline(close, None);
        assert_eq!(
            submit(ApplicationState::Draft, t(21, 58), open, d),
            Ok(ApplicationState::Submitted)
        );
        assert_eq!(
            submit(ApplicationState::Draft, t(21, 59), open, d),
            Err(Msg::ApplicationsClosed)
        );
        assert_eq!(
            submit(ApplicationState::Draft, t(7, 0), open, d),
            Err(Msg::ApplicationsNotOpen)
        );
    }

    #[test]
    fn a_personal_deadline_extends_but_never_shortens() {
        let close = t(21, 59);
        assert_eq!(deadline(close, Some(t(23, 0))), t(23, 0));
        assert_eq!(deadline(close, Some(t(10, 0))), close);
        assert_eq!(
            submit(
                ApplicationState::Draft,
                t(22, 30),
                t(8, 0),
                deadline(close, Some(t(23, 0)))
            ),
            Ok(ApplicationState::Submitted)
        );
    }

    #[test]
    fn corrections_are_answered_after_the_call() {
        assert_eq!(
            submit(
                ApplicationState::CorrectionRequested,
                t(23, 0),
                t(8, 0),
                t(21, 59)
            ),
            Ok(ApplicationState::Submitted)
        );
        assert_eq!(
            submit(ApplicationState::Submitted, t(9, 0), t(8, 0), t(21, 59)),
            Err(Msg::ApplicationAlreadySubmitted)
        );
    }

    #[test]
    fn withdrawal_and_reviews_follow_the_early_states() {
        use ApplicationState::*;
        assert_eq!(withdraw(Submitted), Ok(Withdrawn));
        assert_eq!(withdraw(Shortlisted), Ok(Withdrawn));
        assert_eq!(withdraw(Draft), Err(Msg::WithdrawNotAllowed));
        assert_eq!(withdraw(Placed), Err(Msg::WithdrawNotAllowed));
        assert_eq!(withdraw(Offered), Ok(Withdrawn));
        assert_eq!(withdraw(Accepted), Ok(Withdrawn));
        assert_eq!(withdraw(Withdrawn), Err(Msg::WithdrawNotAllowed));
        assert_eq!(
            Review::RequestCorrection.apply(Submitted),
            Ok(CorrectionRequested)
        );
        assert_eq!(
            Review::RequestCorrection.apply(Draft),
            Err(Msg::ReviewNotAllowed)
        );
        assert_eq!(Review::MarkIneligible.apply(InReview), Ok(Ineligible));
        // Found out once offers are out: still before the contract.
        assert_eq!(Review::MarkIncomplete.apply(Offered), Ok(Incomplete));
        assert_eq!(Review::MarkIneligible.apply(Accepted), Ok(Ineligible));
        assert_eq!(
            Review::MarkIneligible.apply(Placed),
            Err(Msg::ReviewNotAllowed)
        );
        let editable: Vec<_> = ApplicationState::ALL
            .into_iter()
            .filter(|s| s.applicant_may_edit())
            .collect();
        assert_eq!(editable, vec![Draft, CorrectionRequested]);
    }
}
