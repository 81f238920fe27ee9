//! Clustering at scale on synthetic names with truth labels.
//!
//! ```text
//! cargo run --release --example cluster_scale -- 1000000
//! ```
//!
//! Generates N Kazakh-like names written in several schemes with typos, reordering and upper
//! case (`examples/support/synth.rs`), clusters them with `atau::cluster`, and prints the wall
//! time of clustering, the peak resident memory of the process (VmHWM from /proc/self/status)
//! and the pairwise precision and recall against the truth labels (from the contingency table,
//! not all pairs). Use `taskset -c 0,1` or `RAYON_NUM_THREADS=2` to pin it to two cores.

#[path = "support/synth.rs"]
mod synth;

use std::time::Instant;

fn peak_rss_mb() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.replace('_', "").parse().ok())
        .unwrap_or(100_000);
    let t0 = Instant::now();
    let (names, truth) = synth::generate(n, 42);
    let generated = t0.elapsed();
    let people = truth.iter().max().map_or(0, |&m| m + 1);
    println!(
        "generated {n} names of {people} people in {:.2} s",
        generated.as_secs_f64()
    );
    for s in names.iter().take(8) {
        println!("  e.g. {s}");
    }
    let t1 = Instant::now();
    // Record when each stage first reports, and its size, to show where the time goes.
    let stages = std::sync::Mutex::new(Vec::<(atau::Stage, f64, usize)>::new());
    let ids =
        atau::cluster_with_progress(&names, &atau::Matcher::default(), &|stage, _done, total| {
            let mut v = stages.lock().unwrap();
            if v.last().is_none_or(|l| l.0 != stage) {
                v.push((stage, t1.elapsed().as_secs_f64(), total));
            }
        });
    let wall = t1.elapsed();
    let clusters = ids.iter().max().map_or(0, |&m| m + 1);
    let mut sizes = vec![0usize; clusters];
    ids.iter().for_each(|&c| sizes[c] += 1);
    let largest = sizes.iter().max().copied().unwrap_or(0);
    let true_largest = {
        let mut t = vec![0usize; people as usize];
        truth.iter().for_each(|&c| t[c as usize] += 1);
        t.into_iter().max().unwrap_or(0)
    };
    let (p, r) = synth::pairwise(&truth, &ids);
    println!("threads     {}", rayon::current_num_threads());
    for (stage, at, total) in stages.into_inner().unwrap() {
        println!("stage       {stage:?} from {at:.2} s ({total} items)");
    }
    println!(
        "cluster     {n} names -> {clusters} clusters in {:.2} s wall",
        wall.as_secs_f64()
    );
    match peak_rss_mb() {
        Some(mb) => println!("peak RSS    {mb:.0} MB (VmHWM, whole process incl. generator)"),
        None => println!("peak RSS    unavailable (no /proc/self/status)"),
    }
    println!("largest     cluster of {largest} names (largest true group {true_largest})");
    println!(
        "pairwise    precision {p:.4} recall {r:.4} F1 {:.4}",
        2.0 * p * r / (p + r)
    );
}
