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
//! 4. `key-4-doubles`: doubled letters count once.
//! 5. `key-5-endings`: ң (ng ~ n) and French/Latvian surname endings.
//!
//! What tells names apart is kept: vowels (other than the folds above), the gender and suffix
//! endings (-ov/-ova, -bek/-bekov, -uly/-qyzy), and every consonant class.

use std::sync::OnceLock;

use crate::tables::{
    Ctx, KEY_1_GERMAN, KEY_2_LETTERS, KEY_3_VOWELS, KEY_4_DOUBLES, KEY_5_ENDINGS, Table,
};

/// The passes every part goes through, in order (pass 1 only for German-written names).
const PASSES: [&Table; 4] = [
    &KEY_2_LETTERS,
    &KEY_3_VOWELS,
    &KEY_4_DOUBLES,
    &KEY_5_ENDINGS,
];

/// A context compiled for ASCII neighbours: holds for a boundary when `boundary`, and for a
/// neighbour byte `c` when bit `c` of `set` is on; `any` when the context is empty.
#[derive(Debug, Clone, Copy)]
struct AsciiCtx {
    any: bool,
    boundary: bool,
    set: u128,
}

impl AsciiCtx {
    fn new(ctx: &[Ctx]) -> Self {
        let mut c = AsciiCtx {
            any: ctx.is_empty(),
            boundary: false,
            set: 0,
        };
        for a in ctx {
            match a {
                Ctx::Boundary => c.boundary = true,
                Ctx::In(s) => s
                    .bytes()
                    .filter(u8::is_ascii)
                    .for_each(|b| c.set |= 1u128 << b),
                Ctx::NotIn(s) => {
                    let mut not = 0u128;
                    s.bytes()
                        .filter(u8::is_ascii)
                        .for_each(|b| not |= 1u128 << b);
                    c.set |= !not;
                }
            }
        }
        c
    }

    #[inline]
    fn holds(&self, n: Option<u8>) -> bool {
        self.any
            || match n {
                None => self.boundary,
                Some(b) => b < 128 && self.set & (1u128 << b) != 0,
            }
    }
}

#[derive(Debug)]
struct AsciiRule {
    src: &'static [u8],
    dst: &'static [u8],
    left: AsciiCtx,
    right: AsciiCtx,
}

/// One key table compiled for ASCII words: the same rules in the same order (longest source
/// first, then file order), bucketed by first byte. Keys are computed from the canonical form,
/// which is ASCII, so this is [`Table::apply`] without the per-character search.
#[derive(Debug)]
struct AsciiTable {
    by_first: Vec<Vec<AsciiRule>>,
    /// Bit `c` is on when some rule starts with byte `c`.
    starts: u128,
}

impl AsciiTable {
    fn new(t: &Table) -> Self {
        let mut by_first: Vec<Vec<AsciiRule>> = (0..128).map(|_| Vec::new()).collect();
        for r in t.rules {
            let src = r.src.as_bytes();
            if src.is_ascii() && r.dst.is_ascii() {
                by_first[src[0] as usize].push(AsciiRule {
                    src,
                    dst: r.dst.as_bytes(),
                    left: AsciiCtx::new(r.left),
                    right: AsciiCtx::new(r.right),
                });
            }
        }
        let starts = (0..128u32)
            .filter(|&c| !by_first[c as usize].is_empty())
            .fold(0u128, |m, c| m | (1u128 << c));
        AsciiTable { by_first, starts }
    }

    /// Apply once to an ASCII word, appending to `out`.
    fn apply(&self, word: &[u8], out: &mut Vec<u8>) {
        let mut i = 0;
        let mut prev: Option<u8> = None;
        while i < word.len() {
            let c = word[i];
            let rest = &word[i..];
            let mut used = 1;
            let mut hit = false;
            if c < 128 && self.starts & (1u128 << c) != 0 {
                for r in &self.by_first[c as usize] {
                    let n = r.src.len();
                    // The first byte matches by construction; sources are a few bytes long.
                    if n > rest.len() || (1..n).any(|k| r.src[k] != rest[k]) {
                        continue;
                    }
                    if r.left.holds(prev) && r.right.holds(rest.get(n).copied()) {
                        out.extend_from_slice(r.dst);
                        used = n;
                        hit = true;
                        break;
                    }
                }
            }
            if !hit {
                out.push(c);
            }
            prev = Some(c);
            i += used;
        }
    }
}

/// The compiled passes: German, then [`PASSES`].
fn compiled() -> &'static (AsciiTable, [AsciiTable; 4]) {
    static C: OnceLock<(AsciiTable, [AsciiTable; 4])> = OnceLock::new();
    C.get_or_init(|| (AsciiTable::new(&KEY_1_GERMAN), PASSES.map(AsciiTable::new)))
}

/// The match key of a name: one key per name part (parts split at spaces and hyphens, so
/// `Kassym-Jomart` and `Kassym Jomart` agree), joined by single spaces, in input order.
///
/// Keys are lower-case ASCII letters. Spellings of one name in different scripts and
/// romanization schemes share a key; different names, and gender or suffix variants, do not.
///
/// ```
/// assert_eq!(atau::key("Гауһар Құрманғалиева"), atau::key("Gaukhar Kurmangalieva"));
/// assert_eq!(atau::key("KURMANGALIYEVA GAUKHAR"), atau::key("Kurmangalijewa Gaukhar"));
/// assert_ne!(atau::key("Gaukhar Kurmangaliev"), atau::key("Gaukhar Kurmangalieva"));
/// assert_eq!(atau::key("Kassym-Jomart Tokayev"), "kasim jomart tokaev");
/// ```
pub fn key(name: &str) -> String {
    let mut out = String::new();
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
            if a.is_empty() {
                continue;
            }
            if german {
                b.clear();
                g.apply(a, b);
                std::mem::swap(a, b);
            }
            for t in passes {
                b.clear();
                t.apply(a, b);
                std::mem::swap(a, b);
            }
            // Tables map ASCII to ASCII.
            f(std::str::from_utf8(a).unwrap_or_default());
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
    same!(doubles, "Yeleussinov", "Eleusinov");
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
                let mut out = Vec::new();
                fast.apply(w.as_bytes(), &mut out);
                assert_eq!(String::from_utf8(out).unwrap(), slow, "{} on {w}", t.name);
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
