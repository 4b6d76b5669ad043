//! The offers' cascade on a generated market: 2,000 candidates, 400 défis
//! of two one-seat slots (800 seats), three choices each, juries listing
//! four in five of those who chose them. After the validation's offers,
//! 1,000 declines one after another; each step does what the server does
//! for it: index the market, replay the whole log, apply the answer, make
//! the cascade's offers, and audit the whole log again.
//!
//! Run with `cargo bench -p app --bench offers`.

use app::domain::offers::{CandidateEntry, Event, Kind, Log, Market, SlotEntry, State, verify};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PROFILES: [&str; 4] = ["developer", "designer", "data_scientist", "geomatician"];

fn market(candidates: usize, defis: usize) -> Log {
    let mut rng = Rng(0x5EED);
    let mut by_profile: Vec<Vec<usize>> = vec![Vec::new(); PROFILES.len()];
    let mut shape = Vec::new();
    for d in 0..defis {
        let a = rng.below(PROFILES.len());
        let b = (a + 1 + rng.below(PROFILES.len() - 1)) % PROFILES.len();
        shape.push([a, b]);
        by_profile[a].push(d);
        by_profile[b].push(d);
    }
    let mut lists: Vec<Vec<Vec<String>>> = vec![vec![Vec::new(), Vec::new()]; defis];
    let mut people = Vec::new();
    for c in 0..candidates {
        let p = rng.below(PROFILES.len());
        let pool = &by_profile[p];
        let mut choices: Vec<usize> = Vec::new();
        while !pool.is_empty() && choices.len() < 3.min(pool.len()) {
            let d = pool[rng.below(pool.len())];
            if !choices.contains(&d) {
                choices.push(d);
            }
        }
        let id = format!("c{c}");
        for &d in &choices {
            if rng.below(5) != 0 {
                let k = usize::from(shape[d][1] == p);
                lists[d][k].push(id.clone());
            }
        }
        people.push(CandidateEntry {
            id,
            choices: choices.iter().map(|d| format!("d{d}")).collect(),
        });
    }
    let mut slots = Vec::new();
    for (d, [a, b]) in shape.iter().enumerate() {
        for (k, p) in [a, b].iter().enumerate() {
            let mut list = std::mem::take(&mut lists[d][k]);
            for i in (1..list.len()).rev() {
                list.swap(i, rng.below(i + 1));
            }
            slots.push(SlotEntry {
                slot: format!("d{d}:{}", PROFILES[**p]),
                capacity: 1,
                list,
                closed_after: None,
            });
        }
    }
    Log {
        slots,
        candidates: people,
        events: Vec::new(),
    }
}

fn stamp(step: usize) -> String {
    let t = chrono::DateTime::from_timestamp(1_814_515_200 + step as i64, 0).unwrap();
    t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// One server step: replay, answer, cascade, audit; the events appended.
fn step(log: &mut Log, answer: Option<(usize, usize)>, n: usize) {
    let market = Market::build(log).unwrap();
    let mut st = State::replay(&market, &log.events).unwrap();
    let mut made = Vec::new();
    if let Some((c, s)) = answer {
        st.apply(Kind::Decline, c, Some(s)).unwrap();
        made.push((Kind::Decline, c, s));
    }
    for (c, s) in st.next_offers(&|_| false) {
        made.push((Kind::Offer, c, s));
    }
    for (kind, c, s) in made {
        let seq = log.events.len() as u64 + 1;
        log.events.push(Event {
            seq,
            at: stamp(n),
            kind,
            candidate: market.candidate_ids[c].clone(),
            slot: Some(market.slot_ids[s].clone()),
        });
    }
    assert!(verify(log).is_empty());
}

/// 1,000 declines after the validation, each a step as the server runs it.
fn declines(mut log: Log, count: usize) -> Log {
    step(&mut log, None, 0);
    for n in 1..=count {
        let market = Market::build(&log).unwrap();
        let st = State::replay(&market, &log.events).unwrap();
        // The oldest open offer declines.
        let Some((c, s)) = (0..market.candidate_ids.len())
            .find_map(|c| st.held[c].iter().find(|h| !h.accepted).map(|h| (c, h.slot)))
        else {
            break;
        };
        step(&mut log, Some((c, s)), n);
    }
    log
}

fn bench(c: &mut Criterion) {
    let base = market(2_000, 400);
    let mut g = c.benchmark_group("offers");
    g.sample_size(10);
    g.bench_function("1000 declines, 2000 candidates x 800 seats", |b| {
        b.iter(|| black_box(declines(base.clone(), 1_000)))
    });
    let done = declines(base.clone(), 1_000);
    g.bench_function("audit of the log after 1000 declines", |b| {
        b.iter(|| black_box(verify(&done)))
    });
    g.finish();
    eprintln!("log after 1000 declines: {} events", done.events.len());
}

criterion_group!(benches, bench);
criterion_main!(benches);
