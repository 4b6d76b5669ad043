//! iCalendar (RFC 5545) for invitations and feeds: events in Paris time
//! with the Europe/Paris VTIMEZONE, text escaped, lines folded at 75
//! octets, CRLF line ends. Written here rather than with a crate: the
//! `icalendar` crate writes events but has no VTIMEZONE component, which
//! calendar clients need to read TZID-qualified times (it parses in the
//! tests, as an independent reader).

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Europe::Paris;

/// RFC 5546 method of a message; a feed has none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Request,
    Cancel,
}

impl Method {
    pub fn code(self) -> &'static str {
        match self {
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        }
    }
}

/// When an event happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// A timed event, `minutes` long.
    At { starts: DateTime<Utc>, minutes: u32 },
    /// A whole day (calls' openings, the promotion's start).
    Day(NaiveDate),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Stable for the event's life: an update with the same UID replaces it.
    pub uid: String,
    /// Raised on every change sent.
    pub sequence: u32,
    pub when: When,
    pub summary: String,
    pub description: String,
    pub location: String,
    /// The organiser's and attendees' addresses (invitations only).
    pub organizer: Option<String>,
    pub attendees: Vec<String>,
    pub cancelled: bool,
    /// When this version was written.
    pub stamp: DateTime<Utc>,
}

/// The Europe/Paris rules since 1996 (EU summer time).
const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Paris",
    "X-LIC-LOCATION:Europe/Paris",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// A calendar of `events`, with `method` for an emailed invitation.
pub fn calendar(method: Option<Method>, name: &str, events: &[Event]) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//Cohorte//Cohorte//FR".into(),
        "CALSCALE:GREGORIAN".into(),
    ];
    if let Some(m) = method {
        lines.push(format!("METHOD:{}", m.code()));
    }
    lines.push(format!("X-WR-CALNAME:{}", escape(name)));
    lines.push("X-WR-TIMEZONE:Europe/Paris".into());
    lines.extend(VTIMEZONE.iter().map(|l| (*l).to_owned()));
    for e in events {
        event_lines(e, &mut lines);
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for l in lines {
        fold(&l, &mut out);
    }
    out
}

fn event_lines(e: &Event, lines: &mut Vec<String>) {
    lines.push("BEGIN:VEVENT".into());
    lines.push(format!("UID:{}", escape(&e.uid)));
    lines.push(format!("SEQUENCE:{}", e.sequence));
    lines.push(format!("DTSTAMP:{}", e.stamp.format("%Y%m%dT%H%M%SZ")));
    match e.when {
        When::At { starts, minutes } => {
            let ends = starts
                .checked_add_signed(Duration::minutes(i64::from(minutes)))
                .unwrap_or(starts);
            let paris = |t: DateTime<Utc>| t.with_timezone(&Paris).format("%Y%m%dT%H%M%S");
            lines.push(format!("DTSTART;TZID=Europe/Paris:{}", paris(starts)));
            lines.push(format!("DTEND;TZID=Europe/Paris:{}", paris(ends)));
        }
        When::Day(d) => {
            let next = d.succ_opt().unwrap_or(d);
            lines.push(format!("DTSTART;VALUE=DATE:{}", d.format("%Y%m%d")));
            lines.push(format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")));
        }
    }
    lines.push(format!("SUMMARY:{}", escape(&e.summary)));
    if !e.description.is_empty() {
        lines.push(format!("DESCRIPTION:{}", escape(&e.description)));
    }
    if !e.location.is_empty() {
        lines.push(format!("LOCATION:{}", escape(&e.location)));
    }
    if let Some(o) = &e.organizer {
        lines.push(format!("ORGANIZER:mailto:{}", clean(o)));
    }
    for a in &e.attendees {
        lines.push(format!(
            "ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:{}",
            clean(a)
        ));
    }
    lines.push(format!(
        "STATUS:{}",
        if e.cancelled {
            "CANCELLED"
        } else {
            "CONFIRMED"
        }
    ));
    lines.push("END:VEVENT".into());
}

/// TEXT escaping (RFC 5545 §3.3.11); control characters dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// An address inside a URI: no separator, no space, no control.
fn clean(address: &str) -> String {
    address
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace() && !matches!(c, ';' | ':' | ','))
        .collect()
}

/// Appends `line` folded at 75 octets (never inside a character), CRLF.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn event() -> Event {
        Event {
            uid: "entretien-12@cohorte".into(),
            sequence: 2,
            when: When::At {
                starts: Utc.with_ymd_and_hms(2027, 6, 14, 8, 30, 0).unwrap(),
                minutes: 45,
            },
            summary: "Entretien : défi Données, locales; et virgules".into(),
            description: "Ligne 1\nLigne 2 \\ fin".into(),
            location: "https://visio.example/salle".into(),
            organizer: Some("cohorte@example.fr".into()),
            attendees: vec!["a@example.fr".into(), "b@example.fr".into()],
            cancelled: false,
            stamp: Utc.with_ymd_and_hms(2027, 6, 1, 10, 0, 0).unwrap(),
        }
    }

    #[test]
    fn summer_times_are_written_in_paris_time_with_the_zone() {
        let text = calendar(Some(Method::Request), "Cohorte", &[event()]);
        assert!(text.contains("METHOD:REQUEST\r\n"));
        assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n"));
        // 08:30 UTC in June is 10:30 in Paris.
        assert!(text.contains("DTSTART;TZID=Europe/Paris:20270614T103000\r\n"));
        assert!(text.contains("DTEND;TZID=Europe/Paris:20270614T111500\r\n"));
        assert!(text.contains("SEQUENCE:2\r\n"));
        assert!(text.contains("SUMMARY:Entretien : défi Données\\, locales\\; et virgules"));
        assert!(text.contains("DESCRIPTION:Ligne 1\\nLigne 2 \\\\ fin"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
    }

    #[test]
    fn winter_times_use_the_winter_offset() {
        let mut e = event();
        e.when = When::At {
            starts: Utc.with_ymd_and_hms(2027, 1, 14, 8, 30, 0).unwrap(),
            minutes: 30,
        };
        let text = calendar(None, "Cohorte", &[e]);
        assert!(text.contains("DTSTART;TZID=Europe/Paris:20270114T093000\r\n"));
        assert!(!text.contains("METHOD"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let mut e = event();
        e.description = "é".repeat(200);
        let text = calendar(None, "Cohorte", &[e]);
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("DESCRIPTION:{}", "é".repeat(200))));
    }

    #[test]
    fn a_cancelled_event_says_so_and_whole_days_are_dates() {
        let mut e = event();
        e.cancelled = true;
        e.when = When::Day(NaiveDate::from_ymd_opt(2027, 9, 15).unwrap());
        let text = calendar(Some(Method::Cancel), "Cohorte", &[e]);
        assert!(text.contains("METHOD:CANCEL\r\n"));
        assert!(text.contains("STATUS:CANCELLED\r\n"));
        assert!(text.contains("DTSTART;VALUE=DATE:20270915\r\nDTEND;VALUE=DATE:20270916\r\n"));
    }

    #[test]
    fn nothing_typed_can_add_a_property() {
        let mut e = event();
        e.summary = "x\r\nEND:VEVENT\r\nBEGIN:VEVENT".into();
        e.attendees = vec!["a@b.fr\r\nATTENDEE:mailto:evil@x".into()];
        let text = calendar(None, "Cohorte", &[e]);
        assert_eq!(text.matches("\r\nBEGIN:VEVENT").count(), 1);
        assert_eq!(text.matches("\r\nATTENDEE").count(), 1, "{text}");
    }

    #[test]
    fn an_independent_parser_reads_it() {
        use icalendar::{Calendar, Component};
        let text = calendar(Some(Method::Request), "Cohorte", &[event()]);
        let parsed: Calendar = text.parse().expect("parses");
        let events: Vec<_> = parsed
            .components
            .iter()
            .filter_map(|c| c.as_event())
            .collect();
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].get_uid(), Some("entretien-12@cohorte"));
        assert_eq!(events[0].get_sequence(), Some(2));
        assert_eq!(
            events[0].get_summary(),
            Some("Entretien : défi Données, locales; et virgules")
        );
    }
}
