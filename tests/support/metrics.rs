//! Shared by the quality tests and `examples/match_eval.rs` (included with `#[path]`; not every
//! includer uses every function).
#![allow(dead_code)]

use std::collections::HashMap;

/// Pairwise (precision, recall, F1) of the clustering `pred` against the gold labels, from the
/// contingency table (no enumeration of pairs).
pub fn pairwise(gold: &[&str], pred: &[usize]) -> (f64, f64, f64) {
    let c2 = |n: usize| (n * n.saturating_sub(1) / 2) as f64;
    let mut cells: HashMap<(&str, usize), usize> = HashMap::new();
    let mut g: HashMap<&str, usize> = HashMap::new();
    let mut p: HashMap<usize, usize> = HashMap::new();
    for (&a, &b) in gold.iter().zip(pred) {
        *cells.entry((a, b)).or_default() += 1;
        *g.entry(a).or_default() += 1;
        *p.entry(b).or_default() += 1;
    }
    let tp: f64 = cells.values().map(|&c| c2(c)).sum();
    let gp: f64 = g.values().map(|&c| c2(c)).sum();
    let pp: f64 = p.values().map(|&c| c2(c)).sum();
    let prec = if pp > 0.0 { tp / pp } else { 1.0 };
    let rec = if gp > 0.0 { tp / gp } else { 1.0 };
    let f1 = if prec + rec > 0.0 {
        2.0 * prec * rec / (prec + rec)
    } else {
        0.0
    };
    (prec, rec, f1)
}

/// `0..n` in a fixed pseudo-random order (xorshift, fixed seed), for random subsets.
pub fn shuffled(n: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in (1..n).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        order.swap(i, (x % (i as u64 + 1)) as usize);
    }
    order
}
