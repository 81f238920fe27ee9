//! Blocking: candidate pairs for clustering without comparing all pairs.
//!
//! Every name is indexed under several block keys built from its part keys, so that a name with
//! one differing part (a typo, another scheme's spelling that the key does not fold) still shares
//! a block with its variants:
//!
//! - a name of two or more parts, for every ordered pair of parts (i, j): part key i with each
//!   of the first two letters, the second and third letters, the first three and the last three
//!   consonant classes of part key j (so that one changed, added or lost letter in part j still
//!   shares a block); and the consonant-class skeletons of all its parts together;
//! - a one-part name: its key's first three letters, its first four consonants, and its last
//!   three letters.
//!
//! Every name is also indexed by the first six consonants of all its part keys run together,
//! so that a compound written as one word meets its spaced form.
//!
//! A block holding more than [`MAX_BLOCK`] names is not compared all-pairs: its members are
//! sorted by key and each is compared with the next [`WINDOW`] (sorted neighbourhood), so that
//! common names keep the work near-linear.

use std::hash::{Hash, Hasher};

use rayon::prelude::*;

use crate::similarity::Prepared;

/// Blocks larger than this are compared by sorted neighbourhood instead of all pairs.
pub(crate) const MAX_BLOCK: usize = 32;
/// The neighbourhood width in oversized blocks.
pub(crate) const WINDOW: usize = 8;

fn hash_of(tag: u8, a: &str, b: &[u8]) -> u64 {
    // FNV-1a: deterministic across runs and platforms (std's RandomState is not).
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    tag.hash(&mut h);
    h.write(a.as_bytes());
    h.write_u8(0xff);
    h.write(b);
    h.finish()
}

/// FNV-1a as a `Hasher`, for the clustering's hash maps: deterministic and, on short name
/// strings, several times cheaper than std's SipHash (no untrusted-key flooding concern: the
/// keys are the caller's own names).
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

/// Builds [`Fnv`] hashers for `HashMap`.
pub(crate) type FnvBuild = std::hash::BuildHasherDefault<Fnv>;

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The first `n` consonants of a key, each as its broad class (labial, dental, sibilant or
/// affricate, velar or glottal, liquid, nasal), so that the near substitutions the matcher
/// forgives (p ~ f, z ~ s, j ~ x ~ c, k ~ g ~ h, d ~ t) keep the same skeleton.
fn consonants(k: &str, n: usize) -> Vec<u8> {
    k.bytes()
        .filter_map(|c| match c {
            b'a' | b'e' | b'i' | b'o' | b'u' => None,
            b'b' | b'p' | b'f' | b'v' | b'w' => Some(b'B'),
            b'd' | b't' => Some(b'D'),
            b's' | b'z' | b'c' | b'j' | b'x' => Some(b'S'),
            b'k' | b'g' | b'h' | b'q' => Some(b'K'),
            b'l' | b'r' => Some(b'L'),
            b'm' | b'n' => Some(b'N'),
            o => Some(o),
        })
        .take(n)
        .collect()
}

fn suffix(k: &str, n: usize) -> &[u8] {
    &k.as_bytes()[k.len().saturating_sub(n)..]
}

fn prefix(k: &str, n: usize) -> &[u8] {
    &k.as_bytes()[..k.len().min(n)]
}

/// The block keys of one prepared name.
pub(crate) fn block_keys(p: &Prepared, out: &mut Vec<u64>) {
    let keys: Vec<&str> = p.keys().take(6).collect();
    if !keys.is_empty() {
        // The consonants of the whole name run together: compounds written as one word.
        let whole: Vec<u8> = keys.iter().flat_map(|k| consonants(k, 8)).take(6).collect();
        out.push(hash_of(8, "", &whole));
    }
    match keys.len() {
        0 => {}
        1 => {
            let k = keys[0];
            out.push(hash_of(1, "", prefix(k, 3)));
            out.push(hash_of(2, "", &consonants(k, 4)));
            out.push(hash_of(3, "", suffix(k, 3)));
        }
        _ => {
            // All parts' consonant skeletons: catches names whose every part differs in vowels.
            let mut sk: Vec<Vec<u8>> = keys.iter().map(|k| consonants(k, 8)).collect();
            sk.sort();
            out.push(hash_of(7, "", &sk.join(&b' ')));
            for (i, ki) in keys.iter().enumerate() {
                for (j, kj) in keys.iter().enumerate() {
                    if i != j {
                        out.push(hash_of(4, ki, prefix(kj, 2)));
                        out.push(hash_of(5, ki, &consonants(kj, 3)));
                        out.push(hash_of(6, ki, &prefix(kj, 3)[1.min(kj.len())..]));
                        let cs = consonants(kj, 32);
                        out.push(hash_of(9, ki, &cs[cs.len().saturating_sub(3)..]));
                    }
                }
            }
        }
    }
}

/// Candidate pairs `(i, j)` with `i < j` among `names`, sorted and without duplicates.
pub(crate) fn candidate_pairs(names: &[Prepared], sort_key: &[String]) -> Vec<(u32, u32)> {
    let mut entries: Vec<(u64, u32)> = names
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, p)| {
            let mut ks = Vec::new();
            block_keys(p, &mut ks);
            ks.sort_unstable();
            ks.dedup();
            ks.into_iter().map(move |k| (k, i as u32))
        })
        .collect();
    entries.par_sort_unstable();
    // Block boundaries.
    let mut bounds = Vec::new();
    let mut start = 0;
    for i in 1..=entries.len() {
        if i == entries.len() || entries[i].0 != entries[start].0 {
            if i - start > 1 {
                bounds.push((start, i));
            }
            start = i;
        }
    }
    let mut pairs: Vec<(u32, u32)> = bounds
        .par_iter()
        .flat_map_iter(|&(s, e)| {
            let mut ids: Vec<u32> = entries[s..e].iter().map(|x| x.1).collect();
            let mut v = Vec::new();
            if ids.len() <= MAX_BLOCK {
                for a in 0..ids.len() {
                    for b in a + 1..ids.len() {
                        v.push(order(ids[a], ids[b]));
                    }
                }
            } else {
                ids.sort_by(|&a, &b| {
                    sort_key[a as usize]
                        .cmp(&sort_key[b as usize])
                        .then(a.cmp(&b))
                });
                for a in 0..ids.len() {
                    for b in a + 1..ids.len().min(a + 1 + WINDOW) {
                        v.push(order(ids[a], ids[b]));
                    }
                }
            }
            v
        })
        .collect();
    drop(entries);
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

fn order(a: u32, b: u32) -> (u32, u32) {
    if a < b { (a, b) } else { (b, a) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared(a: &str, b: &str) -> bool {
        let m = crate::Matcher::default();
        let (mut ka, mut kb) = (Vec::new(), Vec::new());
        block_keys(&m.prepare(a), &mut ka);
        block_keys(&m.prepare(b), &mut kb);
        ka.iter().any(|k| kb.contains(k))
    }

    #[test]
    fn one_changed_part_still_shares_a_block() {
        assert!(shared("Saifuddin Azizi", "Seypidin Azizi"));
        assert!(shared("Chokan Valikhanov", "Shokan Ualikhanov"));
        assert!(shared("Ekper Eset", "Ekpar Asat"));
        assert!(shared("Aliakbar", "Ali Akbar"));
    }

    #[test]
    fn pairs_are_ordered_and_unique() {
        let m = crate::Matcher::default();
        let names: Vec<_> = [
            "Aron Atabek",
            "ARON ATABEK",
            "Atabek Aron",
            "Nurzat Ermekbai",
        ]
        .iter()
        .map(|n| m.prepare(n))
        .collect();
        let sort: Vec<String> = names
            .iter()
            .map(|p| p.keys().collect::<Vec<_>>().join(" "))
            .collect();
        let pairs = candidate_pairs(&names, &sort);
        assert!(pairs.windows(2).all(|w| w[0] < w[1]));
        assert!(pairs.iter().all(|&(a, b)| a < b));
        assert!(pairs.contains(&(0, 1)));
    }
}
