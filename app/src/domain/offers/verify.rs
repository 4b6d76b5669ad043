//! The audit of an offers log, written apart from the cascade (it shares
//! only the log's format): it replays the events with its own bookkeeping
//! and reports every way the log breaks the rules.
//!
//! - Each event is possible: an offer goes to a candidate on the slot's
//!   list who chose its défi, was never offered it, never refused it, has
//!   not withdrawn, has not left the waitlists (a renouncement lasts while
//!   its accepted seat is kept) and has accepted nothing they prefer; an answer answers an open
//!   offer; a release gives up a held seat; a renouncement comes from
//!   someone holding an accepted seat, once.
//! - No seat is given twice: after each step, a slot's holders (open or
//!   accepted) never outnumber its seats.
//! - Nobody is skipped (the "ordre d'appel"): at the end of the step that
//!   made an offer, no one above its receiver on the slot's list is still
//!   waiting for it (on its waitlist and holding no seat they prefer).
//! - Accepting releases: after each step, a candidate holds at most one
//!   accepted seat and no seat they rank below it; a seat is released only
//!   by its holder accepting another in the same step, or when its défi is
//!   withdrawn. Nobody is offered a seat while holding one they prefer.
//! - No seat is left free at the end while someone waits for it, except
//!   on a slot whose défi was withdrawn (`closed_after`): no offer is made
//!   on it after that event.
//!
//! A step is the events with the same time, as one transaction writes them.

use super::log::{Event, Kind, Log, defi_of};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Violation {
    /// The event at fault, when there is one.
    pub seq: Option<u64>,
    /// The slot concerned, when there is one.
    pub slot: Option<String>,
    pub fr: String,
    pub en: String,
}

impl Violation {
    /// The défi concerned, when there is one.
    pub fn defi(&self) -> Option<&str> {
        self.slot.as_deref().map(defi_of)
    }
}

impl Violation {
    /// The violation in French, with its event.
    pub fn to_string_fr(&self) -> String {
        let mut out = String::new();
        if let Some(seq) = self.seq {
            out.push_str(&format!("événement {seq} : "));
        }
        if let Some(slot) = &self.slot {
            out.push_str(&format!("poste {slot} : "));
        }
        out.push_str(&self.fr);
        out
    }
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(seq) = self.seq {
            write!(f, "event {seq}: ")?;
        }
        if let Some(slot) = &self.slot {
            write!(f, "slot {slot}: ")?;
        }
        f.write_str(&self.en)
    }
}

#[derive(Default, Clone)]
struct Person {
    /// slot → accepted
    holds: BTreeMap<String, bool>,
    offered: HashSet<String>,
    refused: HashSet<String>,
    withdrawn: bool,
    /// Left every waitlist, keeping an accepted seat.
    renounced: bool,
    /// Seats ever accepted.
    accepted: Vec<String>,
}

struct Audit<'a> {
    /// slot → (capacity, list)
    slots: HashMap<&'a str, (u32, &'a [String])>,
    /// slot → the event after which its défi was withdrawn
    closed: HashMap<&'a str, u64>,
    /// slot → candidate → position on its list
    positions: HashMap<&'a str, HashMap<&'a str, usize>>,
    /// candidate → défis, best first
    choices: HashMap<&'a str, &'a [String]>,
    people: HashMap<&'a str, Person>,
    /// slot → holders (open or accepted)
    load: HashMap<String, usize>,
    /// The event being checked: a slot is closed after its `closed_after`.
    seq: u64,
    /// Who accepted a seat in the step being read (they may release the
    /// others in it).
    accepted_now: HashSet<String>,
    out: Vec<Violation>,
}

impl<'a> Audit<'a> {
    fn flag(&mut self, seq: Option<u64>, slot: Option<&str>, fr: String, en: String) {
        self.out.push(Violation {
            seq,
            slot: slot.map(str::to_owned),
            fr,
            en,
        });
    }

    fn list(&self, slot: &str) -> Option<&'a [String]> {
        self.slots.get(slot).map(|(_, l)| *l)
    }

    /// Where the candidate puts the défi (0 = first), if at all.
    fn defi_rank(&self, candidate: &str, defi: &str) -> Option<usize> {
        self.choices.get(candidate)?.iter().position(|d| d == defi)
    }

    /// Where the candidate puts the slot's défi.
    fn rank(&self, candidate: &str, slot: &str) -> Option<usize> {
        self.defi_rank(candidate, defi_of(slot))
    }

    fn on_waitlist(&self, candidate: &str, slot: &str) -> bool {
        let Some(p) = self.people.get(candidate) else {
            return false;
        };
        let Some(mine) = self.rank(candidate, slot) else {
            return false;
        };
        let listed = self
            .positions
            .get(slot)
            .is_some_and(|l| l.contains_key(candidate))
            && !self.closed_now(slot);
        let accepted_better = p
            .accepted
            .iter()
            .any(|s| !self.closed_now(s) && self.rank(candidate, s).is_some_and(|r| r < mine));
        listed
            && !p.withdrawn
            && !p.renounced
            && !p.offered.contains(slot)
            && !p.refused.contains(slot)
            && !accepted_better
    }

    /// The candidate holds a seat they rank above the slot.
    fn holds_better(&self, candidate: &str, slot: &str) -> bool {
        let Some(mine) = self.rank(candidate, slot) else {
            return false;
        };
        self.people.get(candidate).is_some_and(|p| {
            p.holds
                .keys()
                .any(|s| self.rank(candidate, s).is_some_and(|r| r < mine))
        })
    }

    fn waiting(&self, candidate: &str, slot: &str) -> bool {
        self.on_waitlist(candidate, slot) && !self.holds_better(candidate, slot)
    }

    /// The slot's défi was withdrawn before the event being checked.
    fn closed_now(&self, slot: &str) -> bool {
        self.closed.get(slot).is_some_and(|&n| self.seq > n)
    }

    fn holders(&self, slot: &str) -> usize {
        self.load.get(slot).copied().unwrap_or(0)
    }

    fn event(&mut self, e: &Event) {
        let seq = Some(e.seq);
        let Some(person) = self.people.get(e.candidate.as_str()).cloned() else {
            self.flag(
                seq,
                e.slot.as_deref(),
                format!("candidat inconnu {}", e.candidate),
                format!("unknown candidate {}", e.candidate),
            );
            return;
        };
        if person.withdrawn {
            self.flag(
                seq,
                e.slot.as_deref(),
                format!("{} s'est déjà retiré", e.candidate),
                format!("{} has already withdrawn", e.candidate),
            );
            return;
        }
        let c = e.candidate.as_str();
        if e.kind == Kind::Withdraw {
            let p = self.people.get_mut(c).expect("known");
            let held: Vec<String> = std::mem::take(&mut p.holds).into_keys().collect();
            p.withdrawn = true;
            for s in held {
                *self.load.entry(s).or_default() -= 1;
            }
            return;
        }
        if e.kind == Kind::Renounce {
            let p = self.people.get_mut(c).expect("known");
            let wrong = if e.slot.is_some() {
                Some((
                    format!("{c} renonce à ses listes d'attente avec un poste nommé"),
                    format!("{c} leaves their waitlists with a slot named"),
                ))
            } else if p.renounced {
                Some((
                    format!("{c} a déjà renoncé à ses listes d'attente"),
                    format!("{c} has already left their waitlists"),
                ))
            } else if !p.holds.values().any(|&a| a) {
                Some((
                    format!("{c} renonce à ses listes d'attente sans garder de place acceptée"),
                    format!("{c} leaves their waitlists without keeping an accepted seat"),
                ))
            } else {
                None
            };
            match wrong {
                Some((fr, en)) => self.flag(seq, e.slot.as_deref(), fr, en),
                None => p.renounced = true,
            }
            return;
        }
        let Some(slot) = e.slot.as_deref() else {
            self.flag(
                seq,
                None,
                "événement sans poste".into(),
                "event without a slot".into(),
            );
            return;
        };
        if self.list(slot).is_none() {
            self.flag(
                seq,
                Some(slot),
                format!("poste inconnu {slot}"),
                format!("unknown slot {slot}"),
            );
            return;
        }
        let held = person.holds.get(slot).copied();
        let wrong = match e.kind {
            Kind::Offer if self.closed.get(slot).is_some_and(|&n| e.seq > n) => Some((
                format!("{c} reçoit une place d'un défi retiré"),
                format!("{c} is offered a seat of a withdrawn challenge"),
            )),
            Kind::Offer if !self.on_waitlist(c, slot) => Some((
                format!("{c} reçoit une proposition sans être en attente sur ce poste"),
                format!("{c} is offered a seat without waiting for it"),
            )),
            Kind::Offer if self.holds_better(c, slot) => Some((
                format!("{c} reçoit une proposition alors qu'il tient une place qu'il préfère"),
                format!("{c} is offered a seat while holding one they prefer"),
            )),

            Kind::Accept | Kind::Decline | Kind::Expire if held != Some(false) => Some((
                format!("{c} répond sans proposition ouverte"),
                format!("{c} answers without an open offer"),
            )),
            Kind::Release if held.is_none() => Some((
                format!("{c} libère une place qu'il n'a pas"),
                format!("{c} releases a seat they do not hold"),
            )),
            Kind::Release if !self.accepted_now.contains(c) && !self.closed_now(slot) => Some((
                format!("{c} perd une place sans en avoir accepté une autre"),
                format!("{c} loses a seat without having accepted another"),
            )),
            _ => None,
        };
        if let Some((fr, en)) = wrong {
            self.flag(seq, Some(slot), fr, en);
            return;
        }
        if e.kind == Kind::Accept {
            self.accepted_now.insert(c.to_owned());
        }
        let p = self.people.get_mut(c).expect("known");
        match e.kind {
            Kind::Offer => {
                p.holds.insert(slot.to_owned(), false);
                p.offered.insert(slot.to_owned());
                *self.load.entry(slot.to_owned()).or_default() += 1;
            }
            Kind::Accept => {
                p.holds.insert(slot.to_owned(), true);
                p.accepted.push(slot.to_owned());
            }
            Kind::Decline | Kind::Expire | Kind::Release => {
                p.holds.remove(slot);
                p.refused.insert(slot.to_owned());
                // The kept seat gone (taken back with its défi), the
                // renouncement ends: the person waits again.
                if !p.holds.values().any(|&a| a) {
                    p.renounced = false;
                }
                *self.load.entry(slot.to_owned()).or_default() -= 1;
            }
            Kind::Withdraw | Kind::Renounce => unreachable!("handled above"),
        }
    }

    /// The checks at the end of a step, on the slots and people its
    /// events touched: `step` is (seq, kind, candidate, slot).
    fn end_of_step(&mut self, step: &[(u64, Kind, String, Option<String>)]) {
        self.accepted_now.clear();
        let Some(last) = step.last().map(|e| e.0) else {
            return;
        };
        let mut slots: Vec<&str> = step.iter().filter_map(|e| e.3.as_deref()).collect();
        slots.sort_unstable();
        slots.dedup();
        for s in slots {
            let Some(&(capacity, _)) = self.slots.get(s) else {
                continue;
            };
            let holders = self.holders(s);
            if holders > capacity as usize {
                self.flag(
                    Some(last),
                    Some(s),
                    format!("{holders} personnes tiennent les {capacity} place(s)"),
                    format!("{holders} people hold its {capacity} seat(s)"),
                );
            }
        }
        for (seq, kind, c, slot) in step {
            let (Kind::Offer, Some(slot)) = (kind, slot) else {
                continue;
            };
            let Some(list) = self.list(slot) else {
                continue;
            };
            let Some(&at) = self
                .positions
                .get(slot.as_str())
                .and_then(|p| p.get(c.as_str()))
            else {
                continue;
            };
            for above in &list[..at] {
                if self.waiting(above, slot) {
                    self.flag(
                        Some(*seq),
                        Some(slot),
                        format!("{c} reçoit la place alors que {above}, mieux classé, attend"),
                        format!("{c} is offered the seat while {above}, ranked above, waits"),
                    );
                }
            }
        }
        let mut people: Vec<&str> = step.iter().map(|e| e.2.as_str()).collect();
        people.sort_unstable();
        people.dedup();
        for c in people {
            let Some(p) = self.people.get(c) else {
                continue;
            };
            let accepted: Vec<&String> = p
                .holds
                .iter()
                .filter(|(_, a)| **a)
                .map(|(s, _)| s)
                .collect();
            let Some(kept) = accepted.first() else {
                continue;
            };
            let kept = self.rank(c, kept);
            if accepted.len() > 1 || p.holds.keys().any(|s| self.rank(c, s) > kept) {
                self.flag(
                    Some(last),
                    None,
                    format!("{c} a accepté une place et en garde une autre qu'il classe après"),
                    format!("{c} accepted a seat and keeps another they rank lower"),
                );
            }
        }
    }
}

/// Every violation of the log, in the order found; empty when it is sound.
pub fn verify(log: &Log) -> Vec<Violation> {
    let mut audit = Audit {
        slots: log
            .slots
            .iter()
            .map(|s| (s.slot.as_str(), (s.capacity, s.list.as_slice())))
            .collect(),
        closed: log
            .slots
            .iter()
            .filter_map(|s| s.closed_after.map(|n| (s.slot.as_str(), n)))
            .collect(),
        positions: log
            .slots
            .iter()
            .map(|s| {
                let at = s
                    .list
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (c.as_str(), i))
                    .rev()
                    .collect();
                (s.slot.as_str(), at)
            })
            .collect(),
        choices: log
            .candidates
            .iter()
            .map(|c| (c.id.as_str(), c.choices.as_slice()))
            .collect(),
        people: log
            .candidates
            .iter()
            .map(|c| (c.id.as_str(), Person::default()))
            .collect(),
        load: HashMap::new(),
        seq: 0,
        accepted_now: HashSet::new(),
        out: Vec::new(),
    };
    for s in &log.slots {
        for c in &s.list {
            if !audit.people.contains_key(c.as_str()) {
                audit.flag(
                    None,
                    Some(&s.slot),
                    format!("la liste nomme un candidat inconnu {c}"),
                    format!("the list names an unknown candidate {c}"),
                );
            }
        }
    }
    let mut prev: Option<(&Event, chrono::DateTime<chrono::Utc>)> = None;
    let mut step: Vec<(u64, Kind, String, Option<String>)> = Vec::new();
    for (i, e) in log.events.iter().enumerate() {
        let at = chrono::DateTime::parse_from_rfc3339(&e.at).map(|t| t.to_utc());
        let Ok(at) = at else {
            audit.flag(
                Some(e.seq),
                None,
                format!("date illisible {:?}", e.at),
                format!("unreadable time {:?}", e.at),
            );
            continue;
        };
        if e.seq != i as u64 + 1 {
            audit.flag(
                Some(e.seq),
                None,
                format!("numéro {} attendu", i + 1),
                format!("sequence number {} expected", i + 1),
            );
        }
        if let Some((p, t)) = prev {
            if at < t {
                audit.flag(
                    Some(e.seq),
                    None,
                    format!("antérieur à l'événement {}", p.seq),
                    format!("earlier than event {}", p.seq),
                );
            }
            if at != t {
                audit.end_of_step(&std::mem::take(&mut step));
            }
        }
        audit.seq = e.seq;
        audit.event(e);
        step.push((e.seq, e.kind, e.candidate.clone(), e.slot.clone()));
        prev = Some((e, at));
    }
    audit.end_of_step(&step);
    for s in &log.slots {
        if s.closed_after.is_some() || audit.holders(&s.slot) >= s.capacity as usize {
            continue;
        }
        if let Some(c) = s.list.iter().find(|c| audit.waiting(c, &s.slot)) {
            audit.flag(
                None,
                Some(&s.slot),
                format!("une place reste libre alors que {c} attend"),
                format!("a seat is left free while {c} waits"),
            );
        }
    }
    audit.out
}
