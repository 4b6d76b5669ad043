//! Interview scheduling on a promotion-sized instance: 14 juries with 10
//! slots of 45 minutes each over two days (each day at 9:00, 10:00, 11:00,
//! 14:00 and 15:00 UTC), 100 requests from 50 candidates
//! proposed to two juries each, a 30-minute gap and 5 working days'
//! notice. The timing covers the whole `interviews::schedule`.
//!
//! Run with `cargo bench -p app --bench interviews`.

use app::domain::interviews::{Request, Rules, Slot, schedule};
use chrono::{Duration, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

pub fn instance() -> (Vec<Slot>, Vec<Request>, Rules) {
    let monday = Utc.with_ymd_and_hms(2027, 3, 15, 0, 0, 0).unwrap();
    let mut slots = Vec::new();
    for jury in 0..14i64 {
        // Juries meet on days jury % 4 and jury % 4 + 1 of that week.
        for k in 0..10i64 {
            let day = jury % 4 + k / 5;
            let hour = [9, 10, 11, 14, 15][(k % 5) as usize];
            slots.push(Slot {
                id: jury * 100 + k,
                jury,
                starts: monday + Duration::days(day) + Duration::hours(hour),
                minutes: 45,
            });
        }
    }
    let requests = (0..50i64)
        .flat_map(|c| {
            [
                Request {
                    candidate: c,
                    jury: c % 14,
                },
                Request {
                    candidate: c,
                    jury: (c * 5 + 3) % 14,
                },
            ]
        })
        .collect();
    let rules = Rules {
        now: Utc.with_ymd_and_hms(2027, 3, 1, 8, 0, 0).unwrap(),
        notice: 5,
        gap: 30,
    };
    (slots, requests, rules)
}

fn bench(c: &mut Criterion) {
    let (slots, requests, rules) = instance();
    let plan = schedule(&slots, &requests, &[], &rules);
    println!(
        "100 requests over 14 juries: {} placed, {} left out",
        plan.placed.len(),
        plan.unplaced.len()
    );
    c.bench_function("interviews/100x14", |b| {
        b.iter(|| schedule(black_box(&slots), black_box(&requests), &[], &rules))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
