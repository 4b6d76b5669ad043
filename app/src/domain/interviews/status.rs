//! Where a candidate stands with a défi's jury.

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InterviewState {
    /// Proposed to the jury, no slot yet.
    Proposed,
    /// Proposed by coordinators to a défi the candidate did not rank: the
    /// candidate is asked and must accept.
    Asked,
    /// Holds a slot.
    Scheduled,
    /// Taken off the jury's list by coordinators, or the candidate said no.
    Removed,
}

impl InterviewState {
    pub fn code(self) -> &'static str {
        match self {
            InterviewState::Proposed => "proposed",
            InterviewState::Asked => "asked",
            InterviewState::Scheduled => "scheduled",
            InterviewState::Removed => "removed",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [
            InterviewState::Proposed,
            InterviewState::Asked,
            InterviewState::Scheduled,
            InterviewState::Removed,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }

    pub fn label(self) -> Msg {
        match self {
            InterviewState::Proposed => Msg::InterviewProposed,
            InterviewState::Asked => Msg::InterviewAsked,
            InterviewState::Scheduled => Msg::InterviewScheduled,
            InterviewState::Removed => Msg::InterviewRemoved,
        }
    }

    /// Counts among the candidates the jury will meet.
    pub fn active(self) -> bool {
        matches!(self, InterviewState::Proposed | InterviewState::Scheduled)
    }
}

/// Why the candidate is before this jury.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    /// They ranked the défi.
    Ranked,
    /// Added by coordinators.
    Added,
    /// Proposed to a défi they did not rank ("open to others").
    Open,
}

impl Origin {
    pub fn code(self) -> &'static str {
        match self {
            Origin::Ranked => "ranked",
            Origin::Added => "added",
            Origin::Open => "open",
        }
    }
}
