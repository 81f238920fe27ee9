//! Clustering: group the spellings of one name without comparing all pairs.
//!
//! 1. Every distinct input is keyed ([`crate::key_parts`], in parallel); names whose sorted part
//!    keys are equal are one group at once (they score 1 against each other).
//! 2. Candidate pairs of distinct keys come from the blocking index (`blocking.rs`).
//! 3. Candidates are scored by the [`Matcher`] in parallel; pairs at or above its threshold are
//!    merged in order of decreasing score (ties by index, so the result is deterministic).
//! 4. Chaining guard: two groups of more than one key are merged only when at least half of the
//!    sampled cross pairs (up to 4 × 4 members) also reach the threshold.
//!
//! Cluster ids are numbered by first appearance in the input: the first name is in cluster 0,
//! the next name not in cluster 0 starts cluster 1, and so on. A name with no letters (an empty
//! line) matches nothing and gets a cluster of its own.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::blocking::FnvBuild;
use crate::similarity::{Matcher, Prepared};

/// The stage a long clustering run is in, for progress reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Computing match keys (`done` of `total` distinct names).
    Keys,
    /// Scoring candidate pairs (`done` of `total` pairs).
    Scoring,
    /// Merging matched pairs into clusters (`done` of `total` pairs).
    Merging,
}

/// Cluster names with the default [`Matcher`]: one cluster id per input, in input order.
///
/// ```
/// let names = [
///     "Гауһар Құрманғалиева",
///     "Gauhar Qurmanghalieva",
///     "Gaukhar Kurmangalieva",
///     "KURMANGALIYEVA GAUKHAR",
///     "Gaukhar Kurmangalijewa",
///     "Gaukhar Kurmangaliev",
///     "Gaukhar Kurmanbayeva",
///     "Nurzhan Ermekbai",
///     "Nurzat Ermekbai",
/// ];
/// assert_eq!(atau::cluster(&names), [0, 0, 0, 0, 0, 1, 2, 3, 4]);
/// ```
pub fn cluster<S: AsRef<str> + Sync>(names: &[S]) -> Vec<usize> {
    cluster_with(names, &Matcher::default())
}

/// Cluster names with a given [`Matcher`].
pub fn cluster_with<S: AsRef<str> + Sync>(names: &[S], matcher: &Matcher) -> Vec<usize> {
    cluster_with_progress(names, matcher, &|_, _, _| {})
}

/// Cluster names, reporting progress as `(stage, done, total)` from worker threads
/// (about a hundred reports per stage).
pub fn cluster_with_progress<S, F>(names: &[S], matcher: &Matcher, progress: &F) -> Vec<usize>
where
    S: AsRef<str> + Sync,
    F: Fn(Stage, usize, usize) + Sync,
{
    let n = names.len();
    // 0. Identical inputs are keyed once.
    let mut slot_of: Vec<u32> = Vec::with_capacity(n);
    let mut uniq: Vec<&str> = Vec::new();
    {
        let mut seen: HashMap<&str, u32, FnvBuild> =
            HashMap::with_capacity_and_hasher(n, FnvBuild::default());
        for s in names {
            let s = s.as_ref();
            let next = uniq.len() as u32;
            let u = *seen.entry(s).or_insert(next);
            if u == next {
                uniq.push(s);
            }
            slot_of.push(u);
        }
    }
    // 1. Keys, in parallel.
    let u = uniq.len();
    let counter = AtomicUsize::new(0);
    let step = (u / 100).max(1);
    let keys: Vec<Prepared> = uniq
        .par_iter()
        .map(|s| {
            let k = Prepared::new(s);
            let c = counter.fetch_add(1, Ordering::Relaxed) + 1;
            if c.is_multiple_of(step) || c == u {
                progress(Stage::Keys, c, u);
            }
            k
        })
        .collect();
    drop(uniq);
    // Unique sorted-key groups ("reps"); names without parts stay alone.
    let mut rep_of_slot = vec![u32::MAX; u];
    let mut reps: Vec<Prepared> = Vec::new();
    let mut rep_sort: Vec<String> = Vec::new();
    {
        // Names of one key but different script evidence score 1 together, yet differ against
        // others (see `Prepared::new`): they stay apart here.
        let mut index: HashMap<(String, bool, bool), u32, FnvBuild> =
            HashMap::with_capacity_and_hasher(u, FnvBuild::default());
        for (i, k) in keys.into_iter().enumerate() {
            if k.is_empty() {
                continue;
            }
            let mut sorted: Vec<&str> = k.keys().collect();
            sorted.sort_unstable();
            let joined = sorted.join(" ");
            let next = reps.len() as u32;
            let id = (joined.clone(), k.plain_cyrillic(), k.turkic());
            let r = *index.entry(id).or_insert(next);
            if r == next {
                reps.push(k);
                rep_sort.push(joined);
            }
            rep_of_slot[i] = r;
        }
    }
    let rep_of: Vec<u32> = slot_of.iter().map(|&s| rep_of_slot[s as usize]).collect();
    drop(slot_of);
    // 2. Candidates.
    let pairs = crate::blocking::candidate_pairs(&reps, &rep_sort);
    drop(rep_sort);
    // 3. Scores, in parallel.
    let total = pairs.len();
    let step = (total / 100).max(1);
    let counter = AtomicUsize::new(0);
    let t = matcher.threshold;
    let mut edges: Vec<(f64, u32, u32)> = pairs
        .par_chunks(4096)
        .flat_map_iter(|chunk| {
            let v: Vec<(f64, u32, u32)> = chunk
                .iter()
                .filter_map(|&(a, b)| {
                    matcher
                        .score(&reps[a as usize], &reps[b as usize], t)
                        .map(|s| (s, a, b))
                })
                .collect();
            let before = counter.fetch_add(chunk.len(), Ordering::Relaxed);
            let after = before + chunk.len();
            if after / step != before / step || after == total {
                progress(Stage::Scoring, after, total);
            }
            v
        })
        .collect();
    drop(pairs);
    edges.par_sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    // 4. Merge with the chaining guard.
    let mut uf = UnionFind::new(reps.len());
    let total = edges.len();
    let step = (total / 100).max(1);
    for (e, &(_, a, b)) in edges.iter().enumerate() {
        if e % step == 0 {
            progress(Stage::Merging, e, total);
        }
        let (ra, rb) = (uf.find(a), uf.find(b));
        if ra == rb {
            continue;
        }
        let (ma, mb) = (&uf.members[ra as usize], &uf.members[rb as usize]);
        if ma.len() > 1 || mb.len() > 1 {
            let (mut pass, mut all) = (0, 0);
            for &x in ma.iter().take(4) {
                for &y in mb.iter().take(4) {
                    all += 1;
                    if matcher
                        .score(&reps[x as usize], &reps[y as usize], t)
                        .is_some()
                    {
                        pass += 1;
                    }
                }
            }
            if pass * 2 < all {
                continue;
            }
        }
        uf.union(ra, rb);
    }
    progress(Stage::Merging, total, total);
    // Ids by first appearance.
    let mut id_of_root: HashMap<u32, usize, FnvBuild> = HashMap::default();
    let mut next = 0;
    rep_of
        .iter()
        .map(|&r| {
            if r == u32::MAX {
                next += 1;
                return next - 1;
            }
            let root = uf.find(r);
            *id_of_root.entry(root).or_insert_with(|| {
                next += 1;
                next - 1
            })
        })
        .collect()
}

struct UnionFind {
    parent: Vec<u32>,
    /// Members of each root (empty for non-roots), in order of joining.
    members: Vec<Vec<u32>>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n as u32).collect(),
            members: (0..n as u32).map(|i| vec![i]).collect(),
        }
    }

    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let p = self.parent[x as usize];
            self.parent[x as usize] = self.parent[p as usize];
            x = p;
        }
        x
    }

    /// Union two roots: the smaller joins the larger (ties: the lower index stays root).
    fn union(&mut self, a: u32, b: u32) {
        let (la, lb) = (
            self.members[a as usize].len(),
            self.members[b as usize].len(),
        );
        let (keep, gone) = if la > lb || (la == lb && a < b) {
            (a, b)
        } else {
            (b, a)
        };
        self.parent[gone as usize] = keep;
        let moved = std::mem::take(&mut self.members[gone as usize]);
        self.members[keep as usize].extend(moved);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_lines_are_singletons() {
        assert_eq!(
            cluster(&["", "Aron Atabek", "", "ARON ATABEK"]),
            [0, 1, 2, 1]
        );
        assert!(cluster::<&str>(&[]).is_empty());
    }

    #[test]
    fn order_free_partition() {
        let a = [
            "Gaukhar Kurmangalieva",
            "Nurzhan Ermekbai",
            "Гауһар Құрманғалиева",
            "Nurzat Ermekbai",
        ];
        let b = [a[3], a[2], a[1], a[0]];
        let (ca, cb) = (cluster(&a), cluster(&b));
        for i in 0..4 {
            for j in 0..4 {
                assert_eq!(ca[i] == ca[j], cb[3 - i] == cb[3 - j]);
            }
        }
    }
}
