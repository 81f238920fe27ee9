//! Clustering quality on the development sets: pairwise precision, recall and F1 of
//! `atau::cluster` against the gold clusters, computed from the contingency table.

use std::collections::HashMap;

#[path = "support/metrics.rs"]
mod metrics;

/// Read `cluster<TAB>name[<TAB>form]` rows (after the `#` comments and the header line).
fn read(path: &str) -> (Vec<String>, Vec<String>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut gold = Vec::new();
    let mut names = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.starts_with("cluster\t") || line.trim().is_empty() {
            continue;
        }
        let mut f = line.split('\t');
        let (Some(c), Some(n)) = (f.next(), f.next()) else {
            panic!("{path}:{}: expected cluster<TAB>name", i + 1);
        };
        gold.push(c.to_string());
        names.push(n.to_string());
    }
    (gold, names)
}

fn evaluate(path: &str) -> (f64, f64, f64) {
    let (gold, names) = read(path);
    let pred = atau::cluster(&names);
    assert_eq!(pred.len(), names.len());
    let gold_refs: Vec<&str> = gold.iter().map(String::as_str).collect();
    let (p, r, f) = metrics::pairwise(&gold_refs, &pred);
    println!(
        "{path}: {} names, pairwise precision {p:.4} recall {r:.4} F1 {f:.4}",
        names.len()
    );
    if std::env::var_os("ATAU_SHOW_ERRORS").is_some() {
        show_errors(&gold, &names, &pred);
    }
    (p, r, f)
}

/// Print the gold clusters that were split and the predicted clusters that mix gold clusters.
fn show_errors(gold: &[String], names: &[String], pred: &[usize]) {
    let mut by_gold: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, g) in gold.iter().enumerate() {
        by_gold.entry(g).or_default().push(i);
    }
    let mut by_pred: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, &c) in pred.iter().enumerate() {
        by_pred.entry(c).or_default().push(i);
    }
    let mut split: Vec<_> = by_gold
        .iter()
        .filter(|(_, v)| v.iter().any(|&i| pred[i] != pred[v[0]]))
        .collect();
    split.sort();
    for (g, v) in split {
        let parts: Vec<String> = v
            .iter()
            .map(|&i| format!("{}[{}]={}", names[i], pred[i], atau::key(&names[i])))
            .collect();
        println!("SPLIT {g}: {}", parts.join(" | "));
    }
    let mut mixed: Vec<_> = by_pred
        .iter()
        .filter(|(_, v)| v.iter().any(|&i| gold[i] != gold[v[0]]))
        .collect();
    mixed.sort();
    for (c, v) in mixed {
        let parts: Vec<String> = v
            .iter()
            .map(|&i| format!("{}<{}>", names[i], gold[i]))
            .collect();
        println!("MIXED {c}: {}", parts.join(" | "));
    }
}

#[test]
fn names_dev_quality() {
    let (p, _r, f) = evaluate(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/names-dev.tsv"
    ));
    assert!(p >= 0.98, "pairwise precision {p:.4} < 0.98");
    assert!(f >= 0.96, "pairwise F1 {f:.4} < 0.96");
}

#[test]
fn names_wikidata_dev_quality() {
    let (_p, _r, f) = evaluate(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/names-wikidata-dev.tsv"
    ));
    assert!(f >= 0.77, "pairwise F1 {f:.4} < 0.77");
}

#[test]
fn issue_example() {
    let names = [
        "Гауһар Құрманғалиева",
        "Gauhar Qurmanghalieva",
        "Gaukhar Kurmangalieva",
        "KURMANGALIYEVA GAUKHAR",
        "Gaukhar Kurmangalijewa",
        "گاۋھار قۇرمانعاليەۆا",
        "Gaukhar Kurmangaliev",
        "Gaukhar Kurmanbayeva",
        "Nurzhan Ermekbai",
        "Nurzat Ermekbai",
    ];
    let c = atau::cluster(&names);
    for i in 1..5 {
        assert_eq!(c[i], c[0], "{}", names[i]);
    }
    for i in 6..9 {
        assert_ne!(c[i], c[0], "{}", names[i]);
    }
    assert_ne!(c[8], c[9]);
}
