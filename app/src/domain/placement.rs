//! A placement: an accepted offer on its way to a ten-month mission.
//! accepted → contract in progress → placed → active → ended, or
//! interrupted from any state before ended.

use crate::i18n::Msg;
use chrono::{Months, NaiveDate};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlacementState {
    Accepted,
    ContractInProgress,
    Placed,
    Active,
    Ended,
    Interrupted,
}

impl PlacementState {
    pub const ALL: [PlacementState; 6] = [
        PlacementState::Accepted,
        PlacementState::ContractInProgress,
        PlacementState::Placed,
        PlacementState::Active,
        PlacementState::Ended,
        PlacementState::Interrupted,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PlacementState::Accepted => "accepted",
            PlacementState::ContractInProgress => "contract_in_progress",
            PlacementState::Placed => "placed",
            PlacementState::Active => "active",
            PlacementState::Ended => "ended",
            PlacementState::Interrupted => "interrupted",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> Msg {
        match self {
            PlacementState::Accepted => Msg::PlacementAccepted,
            PlacementState::ContractInProgress => Msg::PlacementContract,
            PlacementState::Placed => Msg::PlacementPlaced,
            PlacementState::Active => Msg::PlacementActive,
            PlacementState::Ended => Msg::PlacementEnded,
            PlacementState::Interrupted => Msg::PlacementInterrupted,
        }
    }

    /// The next state on the way, if any.
    pub fn next(self) -> Option<Self> {
        match self {
            PlacementState::Accepted => Some(PlacementState::ContractInProgress),
            PlacementState::ContractInProgress => Some(PlacementState::Placed),
            PlacementState::Placed => Some(PlacementState::Active),
            PlacementState::Active => Some(PlacementState::Ended),
            PlacementState::Ended | PlacementState::Interrupted => None,
        }
    }

    /// Whether a move to `to` is allowed: the next state, or interrupted
    /// before the end.
    pub fn may_become(self, to: Self) -> bool {
        self.next() == Some(to)
            || (to == PlacementState::Interrupted
                && !matches!(self, PlacementState::Ended | PlacementState::Interrupted))
    }
}

/// The last day of a mission of `months` starting on `start`.
pub fn end_date(start: NaiveDate, months: u32) -> NaiveDate {
    start
        .checked_add_months(Months::new(months))
        .and_then(|d| d.pred_opt())
        .unwrap_or(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_states_move_forward_or_stop() {
        use PlacementState::*;
        let allowed: Vec<(PlacementState, PlacementState)> = PlacementState::ALL
            .iter()
            .flat_map(|&a| PlacementState::ALL.iter().map(move |&b| (a, b)))
            .filter(|&(a, b)| a.may_become(b))
            .collect();
        assert_eq!(
            allowed,
            vec![
                (Accepted, ContractInProgress),
                (Accepted, Interrupted),
                (ContractInProgress, Placed),
                (ContractInProgress, Interrupted),
                (Placed, Active),
                (Placed, Interrupted),
                (Active, Ended),
                (Active, Interrupted),
            ]
        );
        for s in PlacementState::ALL {
            assert_eq!(PlacementState::parse(s.code()), Some(s));
        }
    }

    #[test]
    fn ten_months_from_the_start() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(end_date(d("2027-09-01"), 10), d("2028-06-30"));
        assert_eq!(end_date(d("2027-01-31"), 1), d("2027-02-27"));
    }
}
