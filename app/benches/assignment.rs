//! The reviewer assignment on generated instances: D dossiers with one of
//! six profiles, J jurors with one or two profiles each, a maximum load of
//! ⌈3D/J⌉ + 3 for everyone, and about one conflict per dossier, three
//! reviews per dossier. The timing covers the whole `assignment::run`:
//! checks, feasibility, the flow and the plan.
//!
//! Run with `cargo bench -p app --bench assignment`.

use app::domain::assignment::{DossierIn, Input, JurorIn, run};
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

pub fn generate(dossiers: usize, jurors: usize, seed: u64) -> Input {
    let mut rng = Rng(seed | 1);
    let dossiers_in: Vec<DossierIn> = (0..dossiers)
        .map(|i| DossierIn {
            id: format!("a{i}"),
            profile: PROFILES[rng.below(PROFILES.len())].into(),
        })
        .collect();
    let jurors_in: Vec<JurorIn> = (0..jurors)
        .map(|j| {
            let a = rng.below(PROFILES.len());
            let mut profiles = vec![PROFILES[a].to_owned()];
            if rng.below(2) == 0 {
                profiles.push(PROFILES[(a + 1) % PROFILES.len()].into());
            }
            JurorIn {
                id: format!("j{j}"),
                profiles,
                max_load: None,
            }
        })
        .collect();
    let conflicts = (0..dossiers)
        .map(|d| (format!("j{}", rng.below(jurors)), format!("a{d}")))
        .collect();
    Input {
        reviews_per_dossier: 3,
        seed,
        max_load: Some((3 * dossiers).div_ceil(jurors) as u32 + 3),
        dossiers: dossiers_in,
        jurors: jurors_in,
        conflicts,
        existing: vec![],
    }
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("assignment");
    group.sample_size(20);
    for (d, j) in [(300, 30), (3000, 300)] {
        let input = generate(d, j, 7);
        let out = run(&input).expect("valid input");
        assert!(out.feasible, "{:?}", out.reason);
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{d}x{j}")),
            &input,
            |b, input| b.iter(|| run(black_box(input)).expect("valid input")),
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
