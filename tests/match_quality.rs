//! Matching quality on the labelled development sets (copied from the project's shared data into
//! `tests/data/`): near-miss pairs of different names, real Latin~Cyrillic pairs, and precision at
//! scale on 64k Wikidata forms. Thresholds sit a little under the figures reached, so that a
//! regression fails; the figures themselves are printed (`cargo test -- --nocapture`).

use std::collections::BTreeMap;

#[path = "support/metrics.rs"]
mod metrics;

fn data(name: &str) -> String {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `(label, a, b, kind)` rows after the header.
fn pairs(name: &str) -> Vec<(bool, String, String, String)> {
    data(name)
        .lines()
        .skip(1)
        .enumerate()
        .map(|(i, l)| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(f.len() >= 3, "{name}:{}: expected label, a, b", i + 2);
            let kind = f.get(3).copied().unwrap_or("").to_string();
            (f[0] == "1", f[1].to_string(), f[2].to_string(), kind)
        })
        .collect()
}

/// Share judged "same" by the default matcher, per (label, kind).
fn judged_same(name: &str) -> BTreeMap<(bool, String), f64> {
    let m = atau::Matcher::default();
    let mut tot: BTreeMap<(bool, String), (usize, usize)> = BTreeMap::new();
    for (label, a, b, kind) in pairs(name) {
        let same = m.is_match(&a, &b);
        for k in [kind, "all".to_string()] {
            let e = tot.entry((label, k)).or_default();
            e.0 += 1;
            e.1 += usize::from(same);
        }
    }
    let rates: BTreeMap<_, _> = tot
        .into_iter()
        .map(|(k, (n, s))| (k, s as f64 / n as f64))
        .collect();
    for ((label, kind), r) in &rates {
        println!(
            "{name}: label {} {kind}: judged same {r:.4}",
            u8::from(*label)
        );
    }
    rates
}

#[test]
fn near_misses_are_different_names() {
    let r = judged_same("near-miss-dev.tsv");
    let different = |k: &str| 1.0 - r[&(false, k.to_string())];
    assert!(different("all") >= 0.96, "all: {:.4}", different("all"));
    assert!(
        different("gender") >= 0.999,
        "gender: {:.4}",
        different("gender")
    );
    assert!(
        different("full-cyrl") >= 0.98,
        "full-cyrl: {:.4}",
        different("full-cyrl")
    );
    assert!(
        different("cyrl-region") >= 0.97,
        "cyrl-region: {:.4}",
        different("cyrl-region")
    );
    assert!(
        different("full-cross") >= 0.91,
        "full-cross: {:.4}",
        different("full-cross")
    );
    assert!(
        different("latn-region") >= 0.93,
        "latn-region: {:.4}",
        different("latn-region")
    );
}

#[test]
fn latin_cyrillic_pairs() {
    let r = judged_same("wd-russian-pairs-dev.tsv");
    let (pos, neg) = (r[&(true, "all".into())], r[&(false, "all".into())]);
    assert!(pos >= 0.65, "same-name pairs judged same: {pos:.4}");
    assert!(neg <= 0.001, "different-name pairs judged same: {neg:.4}");
}

/// Precision must not fall as the list grows: every form of the 64k set clustered in one run,
/// and random subsets of 5k and 20k (a fixed-seed shuffle).
#[test]
fn precision_at_scale() {
    let text = data("names-wikidata-large-dev.tsv");
    let rows: Vec<(&str, &str)> = text
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?, f.next()?))
        })
        .collect();
    assert!(rows.len() > 60_000);
    let order = metrics::shuffled(rows.len());
    let run = |idx: &[usize]| {
        let names: Vec<&str> = idx.iter().map(|&i| rows[i].1).collect();
        let gold: Vec<&str> = idx.iter().map(|&i| rows[i].0).collect();
        let (p, r, _) = metrics::pairwise(&gold, &atau::cluster(&names));
        (p, r)
    };
    let all: Vec<usize> = (0..rows.len()).collect();
    let (p, r) = run(&all);
    println!(
        "{} forms: pairwise precision {p:.4} recall {r:.4}",
        rows.len()
    );
    assert!(p >= 0.84, "precision {p:.4}");
    assert!(r >= 0.47, "recall {r:.4}");
    for size in [5_000, 20_000] {
        let mut sub = order[..size].to_vec();
        sub.sort_unstable();
        let (ps, rs) = run(&sub);
        println!("random {size}: pairwise precision {ps:.4} recall {rs:.4}");
        assert!(
            ps - p <= 0.03,
            "precision {ps:.4} at {size} vs {p:.4} at all"
        );
    }
}
