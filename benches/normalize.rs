//! Throughput of `atau::normalize` against `deunicode::deunicode` (the baseline) on the same
//! deterministic corpora, in the same group: Cyrillic and Latin names (100k), and Arabic-script
//! Uyghur and Töte names.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

#[path = "support/corpus.rs"]
mod corpus;
use corpus::{arabic_corpus, corpus};

fn run_group(c: &mut Criterion, group: &str, names: &[String]) {
    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Elements(names.len() as u64));
    g.sample_size(10);
    g.bench_with_input(
        BenchmarkId::new("atau::normalize", names.len()),
        names,
        |b, names| {
            b.iter(|| {
                for n in names {
                    black_box(atau::normalize(black_box(n)));
                }
            })
        },
    );
    g.bench_with_input(
        BenchmarkId::new("deunicode", names.len()),
        names,
        |b, names| {
            b.iter(|| {
                for n in names {
                    black_box(deunicode::deunicode(black_box(n)));
                }
            })
        },
    );
    g.finish();
}

fn bench(c: &mut Criterion) {
    run_group(c, "cyrillic-latin", &corpus(100_000));
    let arabic = arabic_corpus();
    if !arabic.is_empty() {
        run_group(c, "arabic-script", &arabic);
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
