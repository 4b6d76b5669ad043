//! What the CSV and iCalendar writers make of any text: a cell a
//! spreadsheet never runs as a formula, an iCalendar text that reads back
//! as written, lines folded at 75 octets and ended by CRLF.
#![no_main]

use app::domain::{ics, spreadsheet};
use libfuzzer_sys::fuzz_target;

/// RFC 5545's text unescaping (the inverse of `ics::escape`).
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(o) => out.push(o),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let cell = spreadsheet::text_cell(text);
    assert!(
        !cell.starts_with(['=', '+', '@', '\t', '\r']) || cell.starts_with('\''),
        "{cell:?}"
    );
    let escaped = ics::escape(text);
    assert!(!escaped.contains(['\n', '\r']));
    // Line ends become \n, other control characters are dropped.
    let expected: String = text
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect();
    assert_eq!(unescape(&escaped), expected);
    let stamp = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    let event = ics::Event {
        uid: "fuzz@cohorte".into(),
        sequence: 0,
        when: ics::When::At {
            starts: stamp,
            minutes: 60,
        },
        summary: text.to_owned(),
        description: text.to_owned(),
        location: text.to_owned(),
        organizer: None,
        attendees: Vec::new(),
        cancelled: false,
        stamp,
    };
    let cal = ics::calendar(None, text, &[event]);
    for line in cal.split("\r\n") {
        assert!(line.len() <= 75, "{line:?}");
        assert!(!line.contains('\n') && !line.contains('\r'));
    }
});
