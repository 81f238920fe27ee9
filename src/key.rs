//! Match keys: a deterministic ASCII phonetic key per name part, computed from the canonical
//! romanization ([`crate::normalize`]) by ordered rewrite passes, one table per pass
//! (`tables/key-*.tsv`, each rule commented with the spelling variation it folds):
//!
//! 1. `key-1-german`: only for names written in German transliteration (a part holds `sch`, or
//!    ends in -ow/-ew/-owa/-ewa/-owna/-ewna/-witsch): `j` → `y`, `w` → `v`, `ch` → `kh`, ...
//! 2. `key-2-letters`: one symbol per sound (zh ~ j ~ dzh, sh ~ sch, kh ~ h ~ x, q ~ k, gh ~ g,
//!    ts ~ c ~ z, w ~ v, y ~ i, ...).
//! 3. `key-3-vowels`: iotated vowels and glides (ye ~ ie ~ e initially and after vowels,
//!    iy ~ ii ~ i, Kazakh у as /w/ ~ в).
//! 4. `key-5-endings`: ң (ng ~ n) and French/Latvian/Lithuanian surname endings.
//!
//! What tells names apart is kept: vowels (other than the folds above), doubled letters, the
//! gender and suffix endings (-ov/-ova, -bek/-bekov, -uly/-qyzy), and every consonant class.
//! Differences that a convention explains only sometimes (a doubled letter, final devoicing,
//! Kazakh vowels in Russian spelling) are not folded here but priced by the matcher
//! (`tables/match-costs*.tsv`), so that two Russian spellings that differ in them stay apart.

use std::sync::OnceLock;

use crate::tables::{Ctx, KEY_1_GERMAN, KEY_2_LETTERS, KEY_3_VOWELS, KEY_5_ENDINGS, Table};

/// The passes every part goes through, in order (pass 1 only for German-written names).
const PASSES: [&Table; 3] = [&KEY_2_LETTERS, &KEY_3_VOWELS, &KEY_5_ENDINGS];

/// A context compiled as a bit set over the letters a word can hold after the filtering in
/// [`for_each_key`] (lower-case ASCII letters): bit `c & 31` (1 to 26) for letter `c`, and bit 0
/// for the word boundary (words are padded with NUL bytes, which never occur inside a word).
fn ascii_ctx(ctx: &[Ctx]) -> u32 {
    const LETTERS: u32 = ((1 << 27) - 1) & !1;
    if ctx.is_empty() {
        return !0;
    }
    let bits = |s: &str| {
        s.bytes()
            .filter(u8::is_ascii_lowercase)
            .fold(0u32, |m, b| m | (1 << (b & 31)))
    };
    ctx.iter().fold(0u32, |m, a| match a {
        Ctx::Boundary => m | 1,
        Ctx::In(s) => m | bits(s),
        // Not one of these characters: any other letter, but not the boundary.
        Ctx::NotIn(s) => m | (LETTERS & !bits(s)),
    })
}

/// The source bytes of a rule packed little-endian into a `u64` with the mask of their length,
/// so one load and one compare test a source of up to eight bytes.
fn pack(src: &[u8]) -> (u64, u64) {
    let mut b = [0u8; 8];
    b[..src.len()].copy_from_slice(src);
    let mask = if src.len() == 8 {
        !0
    } else {
        (1u64 << (8 * src.len())) - 1
    };
    (u64::from_le_bytes(b), mask)
}

#[derive(Debug)]
struct AsciiRule {
    /// The source, packed (see [`pack`]); `len` bytes long, at most [`PAD`].
    src: u64,
    mask: u64,
    len: usize,
    dst: &'static [u8],
    left: u32,
    right: u32,
}

/// Padding after a word in the key buffers: one NUL for the right boundary and room to load
/// eight bytes at any position.
const PAD: usize = 8;

/// One key table compiled for ASCII words: the same rules in the same order (longest source
/// first, then file order), bucketed by first byte. Keys are computed from the canonical form,
/// which is ASCII, so this is [`Table::apply`] without the per-character search.
#[derive(Debug)]
struct AsciiTable {
    rules: Vec<AsciiRule>,
    /// The rules starting with byte `c` are `rules[first[c]..first[c + 1]]`.
    first: [u16; 257],
    /// The most bytes a rule writes per byte it reads (rounded up), at least 1: a word of
    /// `n` bytes gives at most `n * grow` bytes.
    grow: usize,
}

impl AsciiTable {
    fn new(t: &Table) -> Self {
        let mut by_first: Vec<Vec<AsciiRule>> = (0..256).map(|_| Vec::new()).collect();
        for r in t.rules {
            let src = r.src.as_bytes();
            // Rules on non-ASCII text never fire on a canonical (ASCII) word; sources longer
            // than the padding are not supported (the key tables have none; a test checks).
            if src.is_ascii() && r.dst.is_ascii() && !src.is_empty() && src.len() <= PAD {
                let (packed, mask) = pack(src);
                by_first[src[0] as usize].push(AsciiRule {
                    src: packed,
                    mask,
                    len: src.len(),
                    dst: r.dst.as_bytes(),
                    left: ascii_ctx(r.left),
                    right: ascii_ctx(r.right),
                });
            }
        }
        let grow = by_first
            .iter()
            .flatten()
            .map(|r| r.dst.len().div_ceil(r.len))
            .max()
            .unwrap_or(1)
            .max(1);
        let mut first = [0u16; 257];
        let mut rules = Vec::new();
        for (c, group) in by_first.into_iter().enumerate() {
            first[c] = rules.len() as u16;
            rules.extend(group);
        }
        first[256] = rules.len() as u16;
        AsciiTable { rules, first, grow }
    }

    /// Apply once to the word `src[..len]` of lower-case ASCII letters, followed in `src` by
    /// [`PAD`] NUL bytes, writing the result to the start of `out` followed the same way; returns
    /// its length. `out` only grows (no zeroing per call: the padding is written explicitly).
    #[inline]
    fn apply(&self, src: &[u8], len: usize, out: &mut Vec<u8>) -> usize {
        let need = len * self.grow + PAD;
        if out.len() < need {
            out.resize(need, 0);
        }
        let (mut i, mut o) = (0, 0);
        // The first byte of the previous match, or of the previous copied byte (0 at the start).
        let mut prev = 0u8;
        while i < len {
            let c = src[i];
            let (lo, hi) = (self.first[c as usize], self.first[c as usize + 1]);
            let mut used = 1;
            let mut hit = false;
            if lo != hi {
                let word = u64::from_le_bytes(src[i..i + 8].try_into().unwrap_or_default());
                for r in &self.rules[lo as usize..hi as usize] {
                    // NUL padding never matches a letter of a source, so no bounds check.
                    if word & r.mask == r.src
                        && (r.left >> (prev & 31)) & 1 != 0
                        && (r.right >> (src[i + r.len] & 31)) & 1 != 0
                    {
                        out[o..o + r.dst.len()].copy_from_slice(r.dst);
                        o += r.dst.len();
                        used = r.len;
                        hit = true;
                        break;
                    }
                }
            }
            if !hit {
                out[o] = c;
                o += 1;
            }
            prev = c;
            i += used;
        }
        out[o..o + PAD].fill(0);
        o
    }
}

/// The compiled passes: German, then [`PASSES`].
fn compiled() -> &'static (AsciiTable, [AsciiTable; 3]) {
    static C: OnceLock<(AsciiTable, [AsciiTable; 3])> = OnceLock::new();
    C.get_or_init(|| (AsciiTable::new(&KEY_1_GERMAN), PASSES.map(AsciiTable::new)))
}

/// The match key of a name: one key per name part (parts split at spaces and hyphens, so
/// `Kassym-Jomart` and `Kassym Jomart` agree), joined by single spaces, in input order.
///
/// Keys are lower-case ASCII letters. Spellings of one name in different scripts and
/// romanization schemes share a key where a scheme's choice is all that differs; different
/// names, and gender or suffix variants, do not. What a convention explains only sometimes (a
/// doubled letter, as in German-style `Kassym` for Қасым) stays in the key and is priced by the
/// matcher.
///
/// ```
/// assert_eq!(atau::key("Гауһар Құрманғалиева"), atau::key("Gaukhar Kurmangalieva"));
/// assert_eq!(atau::key("KURMANGALIYEVA GAUKHAR"), atau::key("Kurmangalijewa Gaukhar"));
/// assert_ne!(atau::key("Gaukhar Kurmangaliev"), atau::key("Gaukhar Kurmangalieva"));
/// assert_eq!(atau::key("Kassym-Jomart Tokayev"), "kassim jomart tokaev");
/// assert_eq!(atau::key("Қасым-Жомарт Тоқаев"), "kasim jomart tokaev");
/// ```
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for_each_key(name, |k| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(k);
    });
    out
}

/// The match keys of a name's parts, in input order (empty parts are dropped).
///
/// ```
/// assert_eq!(atau::key_parts("Tschokan Walichanow"), ["cokan", "valihanov"]);
/// ```
pub fn key_parts(name: &str) -> Vec<String> {
    let mut v = Vec::new();
    for_each_key(name, |k| v.push(k.to_string()));
    v
}

/// Call `f` with the key of each part of `name`, in order.
fn for_each_key(name: &str, mut f: impl FnMut(&str)) {
    let canon = crate::normalize_cow(name);
    BUFS.with(|cell| {
        // Reuse this thread's buffers; a re-entrant call (none today) gets fresh ones.
        let mut fresh = Bufs::default();
        let mut guard = cell.try_borrow_mut();
        let bufs = match guard.as_deref_mut() {
            Ok(b) => b,
            Err(_) => &mut fresh,
        };
        let Bufs { lower, a, b } = bufs;
        lower.clear();
        lower.extend(canon.bytes().map(|c| c.to_ascii_lowercase()));
        // Parts: split at spaces and hyphens; keep ASCII letters only (canonical is ASCII).
        let german = lower.split(|&c| c == b' ' || c == b'-').any(is_german);
        let (g, passes) = compiled();
        for w in lower.split(|&c| c == b' ' || c == b'-') {
            a.clear();
            a.extend(w.iter().copied().filter(u8::is_ascii_alphabetic));
            let mut len = a.len();
            if len == 0 {
                continue;
            }
            a.extend_from_slice(&[0; PAD]);
            if german {
                len = g.apply(a, len, b);
                std::mem::swap(a, b);
            }
            for t in passes {
                len = t.apply(a, len, b);
                std::mem::swap(a, b);
            }
            // Tables map ASCII letters to ASCII letters.
            f(std::str::from_utf8(&a[..len]).unwrap_or_default());
        }
    });
}

/// Scratch buffers for [`for_each_key`].
#[derive(Default)]
struct Bufs {
    lower: Vec<u8>,
    a: Vec<u8>,
    b: Vec<u8>,
}

thread_local! {
    static BUFS: std::cell::RefCell<Bufs> = std::cell::RefCell::default();
}

/// Whether a lower-case word looks written in German transliteration of Russian.
fn is_german(w: &[u8]) -> bool {
    w.windows(3).any(|x| x == b"sch")
        || ["ow", "ew", "owa", "ewa", "owna", "ewna", "witsch"]
            .iter()
            .any(|e| w.len() > e.len() + 1 && w.ends_with(e.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::key;

    macro_rules! same {
        ($name:ident, $a:expr, $b:expr) => {
            #[test]
            fn $name() {
                assert_eq!(key($a), key($b), "{} vs {}", $a, $b);
            }
        };
    }
    macro_rules! differ {
        ($name:ident, $a:expr, $b:expr) => {
            #[test]
            fn $name() {
                assert_ne!(key($a), key($b), "{} vs {}", $a, $b);
            }
        };
    }

    same!(
        kazakh_vs_russian,
        "Гауһар Құрманғалиева",
        "Гаухар Курмангалиева"
    );
    same!(
        bgn_vs_passport,
        "Gauhar Qurmanghalieva",
        "GAUKHAR KURMANGALIYEVA"
    );
    same!(german, "Gaukhar Kurmangalijewa", "Gaukhar Kurmangalieva");
    same!(kk2021, "Gauhar Qūrmanğalieva", "Gaukhar Kurmangaliyeva");
    same!(tokayev, "Tokayev", "Тоқаев");
    same!(french_ine, "Iline", "Ilin");
    same!(ye_initial, "Yermekbay", "Ermekbai");
    same!(ya_ia_ja, "Aliya", "Aliia");
    same!(zh_j, "Zhamila", "Jamila");
    same!(dsch, "Dschalilow", "Zhalilov");
    same!(uyghur_x, "Exmetjan", "Ekhmetjan");
    same!(daulet, "Daulet", "Davlet");
    differ!(doubles_kept, "Filippi", "Filipi");
    same!(lithuanian, "Achmedovas", "Akhmedov");
    differ!(lithuanian_gender, "Achmedovas", "Akhmedova");
    differ!(gender, "Kurmangaliev", "Kurmangalieva");
    differ!(bek, "Atabek", "Atabekov");
    differ!(uly, "Bolatuly", "Bolatqyzy");
    differ!(given, "Nurzhan", "Nurzat");

    /// The ASCII engine agrees with the generic table engine on every pass.
    #[test]
    fn ascii_engine_matches_table_apply() {
        use super::{AsciiTable, KEY_1_GERMAN, PASSES};
        let words = [
            "kurmangaliyeva",
            "tschokan",
            "walichanow",
            "yeleussinov",
            "bajkov",
            "abdulajev",
            "chingiz",
            "akytchan",
            "ruslanovich",
            "kanaiev",
            "daulet",
            "ualikhanov",
            "iline",
            "baidakoff",
            "ngg",
            "bakhytzhan",
            "dzhalilov",
            "qurmanghalieva",
            "ieie",
            "j",
            "chch",
            "aujespajschew",
            "x",
        ];
        let mut tables = vec![&KEY_1_GERMAN];
        tables.extend(PASSES);
        for t in tables {
            let fast = AsciiTable::new(t);
            for w in words {
                let mut slow = String::new();
                t.apply(w, &mut slow);
                let mut padded = w.as_bytes().to_vec();
                padded.extend_from_slice(&[0; super::PAD]);
                // A used buffer: stale bytes past the result must not matter.
                let mut out = vec![b'z'; 64];
                let n = fast.apply(&padded, w.len(), &mut out);
                assert!(out[n..n + super::PAD].iter().all(|&b| b == 0));
                out.truncate(n);
                assert_eq!(String::from_utf8(out).unwrap(), slow, "{} on {w}", t.name);
            }
        }
    }

    /// Every key rule is compiled: lower-case ASCII letters, non-empty, no longer than the padding.
    #[test]
    fn every_key_rule_compiles() {
        use super::{KEY_1_GERMAN, PAD, PASSES};
        let mut tables = vec![&KEY_1_GERMAN];
        tables.extend(PASSES);
        for t in tables {
            for r in t.rules {
                let letters = |s: &str| s.bytes().all(|b| b.is_ascii_lowercase());
                assert!(
                    letters(r.src) && letters(r.dst) && !r.src.is_empty(),
                    "{}: {:?}",
                    t.name,
                    r.src
                );
                assert!(r.src.len() <= PAD, "{}: {:?} too long", t.name, r.src);
            }
        }
    }

    #[test]
    fn empty_and_punctuation() {
        assert_eq!(key(""), "");
        assert_eq!(key(" - "), "");
        assert_eq!(key("G. Kurmangalieva"), "g kurmanalieva");
    }
}
