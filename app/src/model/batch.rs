//! A batch action's preview, line by line: who receives what, or why the
//! line is left out. Built by the services (défi decisions, dossier
//! reviews; shortlists and offers next) and shown by one component,
//! `ui::batch::BatchPreview`.

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchLine {
    /// The row the action applies to (a défi, a dossier).
    pub target: i64,
    /// What the line is called: a défi's title, a person's name.
    pub label: String,
    /// Beside the label: the host organisation, or nothing.
    pub detail: String,
    /// The row's state as it is now, when it helps to read the line.
    pub status: Option<Msg>,
    pub recipients: Vec<String>,
    /// The message as each recipient will read it.
    pub message: String,
    /// Why the action will skip this line, when it does not apply.
    pub refused: Option<Msg>,
}

impl BatchLine {
    pub fn applies(&self) -> bool {
        self.refused.is_none()
    }
}

/// The targets the action will change, in the preview's order.
pub fn applicable(lines: &[BatchLine]) -> Vec<i64> {
    lines
        .iter()
        .filter(|l| l.applies())
        .map(|l| l.target)
        .collect()
}

/// The one message every line carries, when they all carry the same
/// (shown once instead of once per line); the skipped lines count too, so
/// that a batch whose lines are all skipped is still one table.
pub fn shared_message(lines: &[BatchLine]) -> Option<&str> {
    let mut sent = lines.iter().map(|l| l.message.as_str());
    let first = sent.next()?;
    sent.all(|m| m == first).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(target: i64, message: &str, refused: Option<Msg>) -> BatchLine {
        BatchLine {
            target,
            label: format!("n°{target}"),
            detail: String::new(),
            status: None,
            recipients: vec![format!("{target}@example.fr")],
            message: message.into(),
            refused,
        }
    }

    #[test]
    fn skipped_lines_are_not_applicable_but_share_the_message() {
        let lines = [
            line(1, "Bonjour", None),
            line(2, "Bonjour", Some(Msg::NoDefiChosen)),
            line(3, "Bonjour", None),
        ];
        assert_eq!(applicable(&lines), vec![1, 3]);
        assert_eq!(shared_message(&lines), Some("Bonjour"));
        let skipped = [
            line(1, "A", Some(Msg::NoDefiChosen)),
            line(2, "A", Some(Msg::NoDefiChosen)),
        ];
        assert_eq!(applicable(&skipped), Vec::<i64>::new());
        assert_eq!(shared_message(&skipped), Some("A"));
    }

    #[test]
    fn personalised_messages_are_not_shared() {
        let lines = [line(1, "A", None), line(2, "B", None)];
        assert_eq!(shared_message(&lines), None);
        assert_eq!(shared_message(&[]), None);
    }
}
