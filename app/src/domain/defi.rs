//! A défi's life from the host's draft to the coordinators' decision, as a
//! state machine: every transition is a function that returns the new state
//! or the reason it is refused.

use crate::i18n::Msg;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DefiState {
    Draft,
    Submitted,
    InfoRequested,
    Shortlisted,
    Rejected,
    Selected,
    NotSelected,
    Withdrawn,
}

impl DefiState {
    pub const ALL: [DefiState; 8] = [
        DefiState::Draft,
        DefiState::Submitted,
        DefiState::InfoRequested,
        DefiState::Shortlisted,
        DefiState::Rejected,
        DefiState::Selected,
        DefiState::NotSelected,
        DefiState::Withdrawn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DefiState::Draft => "draft",
            DefiState::Submitted => "submitted",
            DefiState::InfoRequested => "info_requested",
            DefiState::Shortlisted => "shortlisted",
            DefiState::Rejected => "rejected",
            DefiState::Selected => "selected",
            DefiState::NotSelected => "not_selected",
            DefiState::Withdrawn => "withdrawn",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> Msg {
        match self {
            DefiState::Draft => Msg::DefiStateDraft,
            DefiState::Submitted => Msg::DefiStateSubmitted,
            DefiState::InfoRequested => Msg::DefiStateInfoRequested,
            DefiState::Shortlisted => Msg::DefiStateShortlisted,
            DefiState::Rejected => Msg::DefiStateRejected,
            DefiState::Selected => Msg::DefiStateSelected,
            DefiState::NotSelected => Msg::DefiStateNotSelected,
            DefiState::Withdrawn => Msg::DefiStateWithdrawn,
        }
    }

    /// The host may change the dossier: while drafting, and when the
    /// coordinators asked for information.
    pub fn host_may_edit(self) -> bool {
        matches!(self, DefiState::Draft | DefiState::InfoRequested)
    }

    /// Coordinators see dossiers once they were submitted.
    pub fn visible_to_coordinators(self) -> bool {
        self != DefiState::Draft
    }

    /// The decisions coordinators can take from this state.
    pub fn decisions(self) -> Vec<Decision> {
        Decision::ALL
            .into_iter()
            .filter(|d| d.apply(self).is_ok())
            .collect()
    }
}

/// What coordinators decide about a submitted défi. Each sends a message to
/// the organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Decision {
    AskInfo,
    Shortlist,
    Reject,
    Select,
    NotSelect,
    Withdraw,
}

impl Decision {
    pub const ALL: [Decision; 6] = [
        Decision::AskInfo,
        Decision::Shortlist,
        Decision::Reject,
        Decision::Select,
        Decision::NotSelect,
        Decision::Withdraw,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Decision::AskInfo => "ask_info",
            Decision::Shortlist => "shortlist",
            Decision::Reject => "reject",
            Decision::Select => "select",
            Decision::NotSelect => "not_select",
            Decision::Withdraw => "withdraw",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.code() == code)
    }

    /// The button / option label.
    pub fn label(self) -> Msg {
        match self {
            Decision::AskInfo => Msg::DecisionAskInfo,
            Decision::Shortlist => Msg::DecisionShortlist,
            Decision::Reject => Msg::DecisionReject,
            Decision::Select => Msg::DecisionSelect,
            Decision::NotSelect => Msg::DecisionNotSelect,
            Decision::Withdraw => Msg::DecisionWithdraw,
        }
    }

    /// The message coordinators start from; `{titre}` and `{organisation}`
    /// are replaced for each recipient (see `personalise`).
    pub fn template(self) -> Msg {
        match self {
            Decision::AskInfo => Msg::TemplateAskInfo,
            Decision::Shortlist => Msg::TemplateShortlist,
            Decision::Reject => Msg::TemplateReject,
            Decision::Select => Msg::TemplateSelect,
            Decision::NotSelect => Msg::TemplateNotSelect,
            Decision::Withdraw => Msg::TemplateWithdraw,
        }
    }

    /// The transition, or why it is refused.
    pub fn apply(self, from: DefiState) -> Result<DefiState, Msg> {
        use DefiState::*;
        let to = match (self, from) {
            (Decision::AskInfo, Submitted | Shortlisted) => InfoRequested,
            (Decision::Shortlist, Submitted) => Shortlisted,
            (Decision::Reject, Submitted | InfoRequested | Shortlisted) => Rejected,
            (Decision::Select, Submitted | Shortlisted) => Selected,
            (Decision::NotSelect, Shortlisted) => NotSelected,
            (Decision::Withdraw, Submitted | InfoRequested | Shortlisted | Selected) => Withdrawn,
            _ => return Err(Msg::DecisionNotAllowed),
        };
        Ok(to)
    }
}

/// The host submits: a draft only while the call for défis is open (the
/// server's clock decides); an answer to a request for information at any
/// time.
pub fn submit(
    from: DefiState,
    now: DateTime<Utc>,
    call_open: DateTime<Utc>,
    call_close: DateTime<Utc>,
) -> Result<DefiState, Msg> {
    match from {
        DefiState::Draft if now < call_open => Err(Msg::DefiCallNotOpen),
        DefiState::Draft if now >= call_close => Err(Msg::DefiCallClosed),
        DefiState::Draft | DefiState::InfoRequested => Ok(DefiState::Submitted),
        _ => Err(Msg::DefiAlreadySubmitted),
    }
}

/// A new draft can be started only while the call for défis is open.
pub fn may_start(
    now: DateTime<Utc>,
    call_open: DateTime<Utc>,
    call_close: DateTime<Utc>,
) -> Result<(), Msg> {
    if now < call_open {
        Err(Msg::DefiCallNotOpen)
    } else if now >= call_close {
        Err(Msg::DefiCallClosed)
    } else {
        Ok(())
    }
}

/// Only selected défis are published, once.
pub fn may_publish(state: DefiState, already: bool) -> Result<(), Msg> {
    if state != DefiState::Selected {
        Err(Msg::PublishOnlySelected)
    } else if already {
        Err(Msg::AlreadyPublished)
    } else {
        Ok(())
    }
}

/// The coordinators' message for one recipient.
pub fn personalise(message: &str, title: &str, organisation: &str) -> String {
    message
        .replace("{titre}", title)
        .replace("{title}", title)
        .replace("{organisation}", organisation)
}

pub const MESSAGE_MAX: usize = 4000;

/// The coordinators' message: required (the organisation must be told why),
/// bounded.
pub fn parse_message(raw: &str) -> Result<String, Msg> {
    let m = raw.trim().replace("\r\n", "\n");
    if m.is_empty() {
        Err(Msg::MessageRequired)
    } else if m.chars().count() > MESSAGE_MAX {
        Err(Msg::MessageTooLong)
    } else {
        Ok(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 3, 1, h, 0, 0).unwrap()
    }

    #[test]
    fn codes_round_trip() {
        for s in DefiState::ALL {
            assert_eq!(DefiState::from_code(s.code()), Some(s));
        }
        for d in Decision::ALL {
            assert_eq!(Decision::from_code(d.code()), Some(d));
        }
    }

    #[test]
    fn submission_follows_the_call() {
        let (open, close) = (t(8), t(18));
        assert_eq!(
            submit(DefiState::Draft, t(7), open, close),
            Err(Msg::DefiCallNotOpen)
        );
        assert_eq!(
            submit(DefiState::Draft, t(9), open, close),
            Ok(DefiState::Submitted)
        );
        // The closing minute itself is too late.
        assert_eq!(
            submit(DefiState::Draft, t(18), open, close),
            Err(Msg::DefiCallClosed)
        );
        // An answer to a request for information is accepted after the call.
        assert_eq!(
            submit(DefiState::InfoRequested, t(20), open, close),
            Ok(DefiState::Submitted)
        );
        for s in [
            DefiState::Submitted,
            DefiState::Selected,
            DefiState::Rejected,
        ] {
            assert_eq!(submit(s, t(9), open, close), Err(Msg::DefiAlreadySubmitted));
        }
        assert_eq!(may_start(t(9), open, close), Ok(()));
        assert_eq!(may_start(t(19), open, close), Err(Msg::DefiCallClosed));
    }

    /// Every (decision, state) pair: the table of DESIGN.md §2.
    #[test]
    fn decision_matrix() {
        use DefiState::*;
        let allowed = |d: Decision| -> Vec<DefiState> {
            DefiState::ALL
                .into_iter()
                .filter(|s| d.apply(*s).is_ok())
                .collect()
        };
        assert_eq!(allowed(Decision::AskInfo), vec![Submitted, Shortlisted]);
        assert_eq!(allowed(Decision::Shortlist), vec![Submitted]);
        assert_eq!(
            allowed(Decision::Reject),
            vec![Submitted, InfoRequested, Shortlisted]
        );
        assert_eq!(allowed(Decision::Select), vec![Submitted, Shortlisted]);
        assert_eq!(allowed(Decision::NotSelect), vec![Shortlisted]);
        assert_eq!(
            allowed(Decision::Withdraw),
            vec![Submitted, InfoRequested, Shortlisted, Selected]
        );
        assert_eq!(Decision::AskInfo.apply(Submitted), Ok(InfoRequested));
        assert_eq!(Decision::Select.apply(Draft), Err(Msg::DecisionNotAllowed));
        assert!(Draft.decisions().is_empty());
        assert!(Rejected.decisions().is_empty());
    }

    #[test]
    fn host_edits_only_drafts_and_answers() {
        let editable: Vec<_> = DefiState::ALL
            .into_iter()
            .filter(|s| s.host_may_edit())
            .collect();
        assert_eq!(editable, vec![DefiState::Draft, DefiState::InfoRequested]);
    }

    #[test]
    fn publishing_needs_a_selected_defi() {
        assert_eq!(may_publish(DefiState::Selected, false), Ok(()));
        assert_eq!(
            may_publish(DefiState::Selected, true),
            Err(Msg::AlreadyPublished)
        );
        assert_eq!(
            may_publish(DefiState::Shortlisted, false),
            Err(Msg::PublishOnlySelected)
        );
    }

    #[test]
    fn messages_are_personalised_and_checked() {
        assert_eq!(
            personalise(
                "Votre défi « {titre} » ({organisation})",
                "Dataviz",
                "Ville"
            ),
            "Votre défi « Dataviz » (Ville)"
        );
        assert_eq!(parse_message("  \r\n "), Err(Msg::MessageRequired));
        assert_eq!(
            parse_message(&"a".repeat(MESSAGE_MAX + 1)),
            Err(Msg::MessageTooLong)
        );
        assert_eq!(parse_message(" a\r\nb "), Ok("a\nb".into()));
    }
}
