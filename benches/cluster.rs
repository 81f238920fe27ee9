//! Matching throughput and clustering against baselines, on the deterministic synthetic names of
//! `examples/support/synth.rs` (Kazakh-like names in several schemes, typos, reordering, case):
//!
//! - `key`: `atau::key` vs `deunicode::deunicode` (names/s) on the same 10,000 names;
//! - `similarity`: `atau::similarity` (prepares both names), the batch form (query prepared once,
//!   candidates prepared once) and `strsim::jaro_winkler` on lower-cased names, as a baseline;
//! - `cluster`: `atau::cluster` vs an all-pairs clusterer written by hand (strsim Jaro-Winkler
//!   ≥ 0.9 on `deunicode` + lower case, union-find) on 5,000 names.
//!
//! Sample sizes are small so the whole bench runs in a few minutes.

#[path = "../examples/support/synth.rs"]
mod synth;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn keys(c: &mut Criterion) {
    let (names, _) = synth::generate(10_000, 7);
    let mut g = c.benchmark_group("key");
    g.throughput(Throughput::Elements(names.len() as u64));
    g.sample_size(10).measurement_time(Duration::from_secs(3));
    g.bench_function(BenchmarkId::new("atau::key", names.len()), |b| {
        b.iter(|| {
            names
                .iter()
                .map(|n| atau::key(black_box(n)).len())
                .sum::<usize>()
        })
    });
    g.bench_function(BenchmarkId::new("deunicode", names.len()), |b| {
        b.iter(|| {
            names
                .iter()
                .map(|n| deunicode::deunicode(black_box(n)).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

fn similarity(c: &mut Criterion) {
    let (names, _) = synth::generate(2_000, 11);
    let pairs: Vec<(&str, &str)> = names
        .iter()
        .zip(names.iter().skip(1))
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let m = atau::Matcher::default();
    let prepared: Vec<atau::Prepared> = names.iter().map(|n| m.prepare(n)).collect();
    let lowered: Vec<String> = names
        .iter()
        .map(|n| deunicode::deunicode(n).to_lowercase())
        .collect();
    let mut g = c.benchmark_group("similarity");
    g.throughput(Throughput::Elements(pairs.len() as u64));
    g.sample_size(10).measurement_time(Duration::from_secs(3));
    g.bench_function(BenchmarkId::new("atau::similarity", pairs.len()), |b| {
        b.iter(|| {
            pairs
                .iter()
                .map(|(x, y)| atau::similarity(black_box(x), black_box(y)))
                .sum::<f64>()
        })
    });
    g.bench_function(
        BenchmarkId::new("Matcher::batch (prepared)", pairs.len()),
        |b| {
            let q = m.batch(&names[0]);
            b.iter(|| {
                prepared
                    .iter()
                    .skip(1)
                    .filter_map(|p| q.similarity_prepared(black_box(p), 0.0))
                    .sum::<f64>()
            })
        },
    );
    g.bench_function(BenchmarkId::new("strsim::jaro_winkler", pairs.len()), |b| {
        b.iter(|| {
            lowered
                .windows(2)
                .map(|w| strsim::jaro_winkler(black_box(&w[0]), black_box(&w[1])))
                .sum::<f64>()
        })
    });
    g.finish();
}

/// The baseline a user would write by hand: all pairs, Jaro-Winkler on ASCII-folded lower case.
fn all_pairs_strsim(names: &[String]) -> Vec<usize> {
    let folded: Vec<String> = names
        .iter()
        .map(|n| deunicode::deunicode(n).to_lowercase())
        .collect();
    let mut parent: Vec<usize> = (0..names.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for i in 0..folded.len() {
        for j in i + 1..folded.len() {
            if strsim::jaro_winkler(&folded[i], &folded[j]) >= 0.9 {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    (0..names.len()).map(|i| find(&mut parent, i)).collect()
}

fn cluster(c: &mut Criterion) {
    let (names, truth) = synth::generate(5_000, 3);
    // Quality of both, printed once (pairwise precision / recall against the truth labels).
    let (p, r) = synth::pairwise(&truth, &atau::cluster(&names));
    eprintln!("cluster/5000 quality: atau::cluster P {p:.4} R {r:.4}");
    let (p, r) = synth::pairwise(&truth, &all_pairs_strsim(&names));
    eprintln!("cluster/5000 quality: all-pairs strsim P {p:.4} R {r:.4}");
    let mut g = c.benchmark_group("cluster");
    g.throughput(Throughput::Elements(names.len() as u64));
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.bench_function(BenchmarkId::new("atau::cluster", names.len()), |b| {
        b.iter(|| atau::cluster(black_box(&names)))
    });
    g.bench_function(BenchmarkId::new("all-pairs strsim", names.len()), |b| {
        b.iter(|| all_pairs_strsim(black_box(&names)))
    });
    g.finish();
}

criterion_group!(benches, keys, similarity, cluster);
criterion_main!(benches);
