//! The matching engine on generated instances: N candidates, about one seat
//! per ten candidates (défis of two one-seat slots), three choices each
//! among the défis that have a slot for their profile, juries listing four
//! in five of the candidates who chose them, in random order.
//!
//! Run with `cargo bench -p app --bench matching`.

use app::domain::matching::{CandidateIn, DefiIn, Input, SlotIn, run};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const PROFILES: [&str; 6] = [
    "developer",
    "data_scientist",
    "data_engineer",
    "designer",
    "digital_law",
    "geomatician",
];

/// xorshift64*: deterministic, no dependency.
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

pub fn generate(candidates: usize, seed: u64) -> Input {
    let mut rng = Rng(seed | 1);
    let n_defis = (candidates / 20).max(1);
    let mut defi_profiles = Vec::with_capacity(n_defis);
    let mut by_profile: Vec<Vec<usize>> = vec![Vec::new(); PROFILES.len()];
    for d in 0..n_defis {
        let a = rng.below(PROFILES.len());
        let b = (a + 1 + rng.below(PROFILES.len() - 1)) % PROFILES.len();
        defi_profiles.push([a, b]);
        by_profile[a].push(d);
        by_profile[b].push(d);
    }
    let mut rankings: Vec<[Vec<String>; 2]> = vec![[Vec::new(), Vec::new()]; n_defis];
    let mut cands = Vec::with_capacity(candidates);
    for c in 0..candidates {
        let p = rng.below(PROFILES.len());
        let pool = &by_profile[p];
        let mut choices: Vec<usize> = Vec::with_capacity(3);
        while !pool.is_empty() && choices.len() < 3.min(pool.len()) {
            let d = pool[rng.below(pool.len())];
            if !choices.contains(&d) {
                choices.push(d);
            }
        }
        let id = format!("c{c}");
        for &d in &choices {
            if rng.below(5) != 0 {
                let which = usize::from(defi_profiles[d][1] == p);
                rankings[d][which].push(id.clone());
            }
        }
        cands.push(CandidateIn {
            id,
            profile: PROFILES[p].into(),
            choices: choices.iter().map(|d| format!("d{d}")).collect(),
            open_to_others: false,
        });
    }
    let defis = rankings
        .into_iter()
        .enumerate()
        .map(|(d, lists)| DefiIn {
            id: format!("d{d}"),
            min_team: 2,
            max_team: 3,
            slots: lists
                .into_iter()
                .enumerate()
                .map(|(i, mut ranking)| {
                    for k in (1..ranking.len()).rev() {
                        ranking.swap(k, rng.below(k + 1));
                    }
                    SlotIn {
                        profile: PROFILES[defi_profiles[d][i]].into(),
                        capacity: 1,
                        mandatory: true,
                        ranking,
                    }
                })
                .collect(),
        })
        .collect();
    Input {
        defis,
        candidates: cands,
    }
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("matching");
    group.sample_size(20);
    for n in [1_000usize, 10_000, 50_000] {
        let input = generate(n, 42);
        let slots: usize = input.defis.iter().map(|d| d.slots.len()).sum();
        let outcome = run(&input).unwrap();
        assert_eq!(outcome.blocking_pairs, 0);
        eprintln!(
            "{n} candidates, {slots} slots: {} placed, {} défis withdrawn",
            outcome.assignments.len(),
            outcome.withdrawn_defis.len()
        );
        group.bench_with_input(
            BenchmarkId::new("run", format!("{n}x{slots}")),
            &input,
            |b, input| b.iter(|| run(black_box(input)).unwrap()),
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
