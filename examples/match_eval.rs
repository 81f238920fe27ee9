//! Matching quality on labelled data, in one process (the CLI scorers spawn one process a pair).
//!
//! ```text
//! cargo run --release --example match_eval -- pairs FILE.tsv [--errors N]
//! cargo run --release --example match_eval -- cluster FILE.tsv [--sizes 5000,20000] [--errors N]
//! ```
//!
//! `pairs`: rows `label<TAB>a<TAB>b[<TAB>kind]` (near-miss and Latin~Cyrillic pair sets): the share
//! judged "same" by the default [`atau::Matcher`], per label and kind, and up to N wrong verdicts
//! with their keys and scores. `cluster`: rows `cluster<TAB>name[...]` (the gold clusters):
//! pairwise precision, recall and F1 of [`atau::cluster`] on the whole file and on random subsets
//! of the given sizes (fixed seed), and up to N wrongly merged pairs.

use std::collections::{BTreeMap, HashMap};

#[path = "../tests/support/metrics.rs"]
mod metrics;

fn rows(path: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .skip(1)
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(String::from).collect())
        .collect()
}

fn arg_after(args: &[String], flag: &str) -> Option<String> {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1).cloned())
}

fn preset(args: &[String]) -> atau::Matcher {
    match arg_after(args, "--preset").as_deref() {
        Some("screening") => atau::Matcher::screening(),
        _ => atau::Matcher::default(),
    }
}

fn pairs(path: &str, errors: usize, m: &atau::Matcher) {
    let rows = rows(path);
    let mut tot: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    let mut shown = 0;
    for r in &rows {
        let (label, a, b) = (&r[0], &r[1], &r[2]);
        let kind = r
            .get(3)
            .filter(|k| !k.is_empty())
            .cloned()
            .unwrap_or_default();
        let s = m.similarity(a, b);
        let same = s >= m.threshold;
        let e = tot.entry((label.clone(), kind)).or_default();
        e.0 += 1;
        e.1 += usize::from(same);
        if (same != (label == "1")) && shown < errors {
            shown += 1;
            println!(
                "WRONG {label} {a} ~ {b}: {s:.3} [{}] ~ [{}]",
                atau::key(a),
                atau::key(b)
            );
        }
    }
    let mut all: HashMap<String, (usize, usize)> = HashMap::new();
    for ((label, kind), (n, same)) in &tot {
        println!(
            "label {label} {kind:12} judged same {same:5}/{n:5} = {:.4}",
            *same as f64 / *n as f64
        );
        let e = all.entry(label.clone()).or_default();
        e.0 += n;
        e.1 += same;
    }
    for (label, (n, same)) in all {
        println!(
            "label {label} all          judged same {same:5}/{n:5} = {:.4}",
            same as f64 / n as f64
        );
    }
}

fn cluster(path: &str, sizes: &[usize], errors: usize, m: &atau::Matcher) {
    let rows = rows(path);
    let mut sets: Vec<(String, Vec<usize>)> = Vec::new();
    let order = metrics::shuffled(rows.len());
    for &s in sizes {
        if s < rows.len() {
            let mut sub = order[..s].to_vec();
            sub.sort_unstable();
            sets.push((format!("random {s}"), sub));
        }
    }
    sets.push(("all".into(), (0..rows.len()).collect()));
    for (label, idx) in sets {
        let names: Vec<&str> = idx.iter().map(|&i| rows[i][1].as_str()).collect();
        let gold: Vec<&str> = idx.iter().map(|&i| rows[i][0].as_str()).collect();
        let t = std::time::Instant::now();
        let pred = atau::cluster_with(&names, m);
        let (p, r, f) = metrics::pairwise(&gold, &pred);
        println!(
            "{label:>12}: {} names, P {p:.4} R {r:.4} F1 {f:.4} ({:.2} s)",
            names.len(),
            t.elapsed().as_secs_f64()
        );
        if label == "all" && errors > 0 {
            let mut by_pred: HashMap<usize, Vec<usize>> = HashMap::new();
            for (i, &c) in pred.iter().enumerate() {
                by_pred.entry(c).or_default().push(i);
            }
            let mut shown = 0;
            let mut mixed: Vec<_> = by_pred.values().filter(|v| v.len() > 1).collect();
            mixed.sort();
            for v in mixed {
                if v.iter().any(|&i| gold[i] != gold[v[0]]) && shown < errors {
                    shown += 1;
                    let parts: Vec<String> = v
                        .iter()
                        .take(12)
                        .map(|&i| format!("{}<{}>", names[i], gold[i]))
                        .collect();
                    println!("MIXED {}", parts.join(" | "));
                }
            }
            let mut by_gold: HashMap<&str, Vec<usize>> = HashMap::new();
            for (i, &g) in gold.iter().enumerate() {
                by_gold.entry(g).or_default().push(i);
            }
            let mut split: Vec<_> = by_gold
                .iter()
                .filter(|(_, v)| v.iter().any(|&i| pred[i] != pred[v[0]]))
                .collect();
            split.sort();
            for (g, v) in split.into_iter().take(errors) {
                let parts: Vec<String> = v
                    .iter()
                    .map(|&i| format!("{}[{}]={}", names[i], pred[i], atau::key(names[i])))
                    .collect();
                println!("SPLIT {g}: {}", parts.join(" | "));
            }
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let errors = arg_after(&args, "--errors")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let m = preset(&args);
    match (args.first().map(String::as_str), args.get(1)) {
        (Some("pairs"), Some(path)) => pairs(path, errors, &m),
        (Some("cluster"), Some(path)) => {
            let sizes: Vec<usize> = arg_after(&args, "--sizes")
                .map(|s| s.split(',').filter_map(|x| x.parse().ok()).collect())
                .unwrap_or_default();
            cluster(path, &sizes, errors, &m)
        }
        _ => {
            eprintln!(
                "usage: match_eval pairs FILE [--errors N] | cluster FILE [--sizes A,B] [--errors N]"
            );
            std::process::exit(2);
        }
    }
}
