//! Arabic-script names: Uyghur (UEY) and Kazakh Töte, and the Uyghur schemes (ULY, USY, UEY).
//!
//! Reading an Arabic-script word:
//! 1. When the word holds presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) or the precomposed
//!    hamza letters U+0675–U+0678: `arab-forms.tsv` (heh forms to ە/ھ by their position, hamza
//!    letters), then NFKC. Then `arab-fold.tsv` (plain ه by context, tatweel, harakat, digits,
//!    punctuation, variant letters).
//! 2. Uyghur: `ug-arab-read.tsv` into the Uyghur pivot (ULY lower case, one character per letter:
//!    `č š ž ğ ŋ` for ch sh zh gh ng, `'` for ئ inside a word).
//!    Kazakh: `kk-arab-read-front.tsv` or `kk-arab-read-back.tsv` into the Kazakh Cyrillic pivot,
//!    the table chosen per word by the classes `HAMZA`, `FRONT`, `BACK` of the front table: a
//!    hamza makes the word front; otherwise ە ك گ do, unless ق ع غ are there too, leaving out the
//!    harmony-neutral endings of `kk-arab-neutral.tsv` (-ев -ева ...).
//!
//! Uyghur Cyrillic (USY, `ug-cyrl-read.tsv`) and Latin (ULY, `ug-latn-read.tsv`) are read into the
//! same Uyghur pivot by `romanize::part`; `detect` decides when (see the classes of those tables).
//!
//! Language of a name ([`detect_lang`]): Uyghur-only letters (class `ONLY` of `ug-arab-read.tsv`:
//! ئ ې ۈ ژ غ خ) against Kazakh-only letters (class `ONLY` of `kk-arab-read-back.tsv`: ٴ ء ع ح
//! ٵ–ٸ) and three Kazakh spellings Uyghur never has: a vowel letter at the start of a word (Uyghur
//! writes ئ before it), two vowel letters side by side (Uyghur puts ئ between them: `توقايەۆ`), and
//! ي right after a consonant (Kazakh и; Uyghur writes i as ى). More Kazakh evidence than Uyghur
//! makes the name Kazakh; otherwise, and when there is none, it is Uyghur (the default).
//!
//! Writing: the Uyghur pivot with `ug-canonical.tsv`, `uly.tsv` (also `bgn`), `usy.tsv`, `uey.tsv`;
//! the Kazakh pivot in Töte with `kk-arab.tsv` plus the high hamza for front words (class `FRONT`
//! and `NOHAMZA` of that table). For Kazakh and Russian names `uey` writes Töte and `usy` the
//! Cyrillic pivot (`kk-cyrl.tsv`); `uly` falls back to canonical. For Uyghur names `kk-arab` writes
//! UEY; the Kazakh-only schemes fall back to canonical.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

use crate::detect::Lang;
use crate::scheme::Scheme;
use crate::script::{Script, arabic_letter, char_script, word_script};
use crate::tables::{
    ARAB_FOLD, ARAB_FORMS, KK_ARAB, KK_ARAB_NEUTRAL, KK_ARAB_READ_BACK, KK_ARAB_READ_FRONT,
    KK_CANONICAL, KK_CYRL, Sink, Table, UEY, UG_ARAB_READ, UG_CANONICAL, ULY, USY,
};
use crate::tables::{Compact, Through};
use std::sync::LazyLock;

/// The readers and canonical writers with their outputs inline (built once from the tables).
static UG_READ_C: LazyLock<Compact> = LazyLock::new(|| UG_ARAB_READ.compact());
static KK_FRONT_C: LazyLock<Compact> = LazyLock::new(|| KK_ARAB_READ_FRONT.compact());
static KK_BACK_C: LazyLock<Compact> = LazyLock::new(|| KK_ARAB_READ_BACK.compact());
static UG_CANONICAL_C: LazyLock<Compact> = LazyLock::new(|| UG_CANONICAL.compact());
static KK_CANONICAL_C: LazyLock<Compact> = LazyLock::new(|| KK_CANONICAL.compact());
static NEUTRAL_C: LazyLock<Compact> = LazyLock::new(|| KK_ARAB_NEUTRAL.compact());
static ARAB_FOLD_C: LazyLock<Compact> = LazyLock::new(|| ARAB_FOLD.compact());

/// A table class of two-byte characters in the 256 code points from `base` (the Arabic block
/// U+0600, Cyrillic U+0400) as a bit set, built at compile time so a membership test is one shift.
/// A character outside the window fails the build.
const fn mask(set: &str, base: u32) -> [u64; 4] {
    let b = set.as_bytes();
    let mut m = [0u64; 4];
    let mut i = 0;
    while i < b.len() {
        assert!(b[i] >= 0xC0 && b[i] < 0xE0, "class letter is not two bytes");
        let u = (((b[i] & 0x1F) as u32) << 6) | (b[i + 1] & 0x3F) as u32;
        assert!(
            u >= base && u < base + 256,
            "class letter outside the window"
        );
        let k = (u - base) as usize;
        m[k / 64] |= 1 << (k % 64);
        i += 2;
    }
    m
}

/// Whether `c` is in the class `m` built by [`mask`] from `base`.
#[inline]
fn has(m: &[u64; 4], base: u32, c: char) -> bool {
    let k = (c as u32).wrapping_sub(base) as usize;
    k < 256 && m[k / 64] & (1 << (k % 64)) != 0
}

const AR: u32 = 0x0600;
const CY: u32 = 0x0400;
/// Class `ONLY` of `ug-arab-read.tsv`: Uyghur-only letters.
const UG_ONLY: [u64; 4] = mask(crate::tables::UG_ARAB_READ_ONLY, AR);
/// Class `V` of `ug-arab-read.tsv`: vowel letters.
const UG_V: [u64; 4] = mask(crate::tables::UG_ARAB_READ_V, AR);
/// Class `ONLY` of `kk-arab-read-back.tsv`: Kazakh-only letters.
const KK_ONLY: [u64; 4] = mask(crate::tables::KK_ARAB_READ_BACK_ONLY, AR);
/// Class `CONS` of `kk-arab-read-back.tsv`.
const KK_CONS: [u64; 4] = mask(crate::tables::KK_ARAB_READ_BACK_CONS, AR);
/// Class `Y` of `kk-arab-read-back.tsv`.
const KK_Y: [u64; 4] = mask(crate::tables::KK_ARAB_READ_BACK_Y, AR);
/// Classes `HAMZA`, `FRONT`, `BACK` of `kk-arab-read-front.tsv`.
const READ_HAMZA: [u64; 4] = mask(crate::tables::KK_ARAB_READ_FRONT_HAMZA, AR);
const READ_FRONT: [u64; 4] = mask(crate::tables::KK_ARAB_READ_FRONT_FRONT, AR);
const READ_BACK: [u64; 4] = mask(crate::tables::KK_ARAB_READ_FRONT_BACK, AR);
/// Classes `FRONT` and `NOHAMZA` of `kk-arab.tsv` (Cyrillic letters).
const WRITE_FRONT: [u64; 4] = mask(crate::tables::KK_ARAB_FRONT, CY);
const WRITE_NOHAMZA: [u64; 4] = mask(crate::tables::KK_ARAB_NOHAMZA, CY);

/// A [`Sink`] that keeps no text, only whether it was given a character of class `a`, of class `b`
/// (both built by [`mask`] from `base`): the letters of a stem, without writing it out.
struct Classes {
    a: &'static [u64; 4],
    b: &'static [u64; 4],
    base: u32,
    has_a: bool,
    has_b: bool,
}

impl Classes {
    fn new(a: &'static [u64; 4], b: &'static [u64; 4], base: u32) -> Self {
        Classes {
            a,
            b,
            base,
            has_a: false,
            has_b: false,
        }
    }
}

impl Sink for Classes {
    #[inline]
    fn push_char(&mut self, c: char) {
        self.has_a |= has(self.a, self.base, c);
        self.has_b |= has(self.b, self.base, c);
    }
}

/// A [`Sink`] of characters on the stack; `full` once a character did not fit.
struct Stack {
    chars: [char; 96],
    n: usize,
    full: bool,
}

impl Stack {
    fn new() -> Self {
        Stack {
            chars: ['\0'; 96],
            n: 0,
            full: false,
        }
    }

    fn as_slice(&self) -> &[char] {
        &self.chars[..self.n]
    }
}

impl Sink for Stack {
    #[inline(always)]
    fn push_char(&mut self, c: char) {
        match self.chars.get_mut(self.n) {
            Some(slot) => {
                *slot = c;
                self.n += 1;
            }
            None => self.full = true,
        }
    }
}

/// Split `word` into characters on the stack and run `f` on them (on the heap past 48).
fn with_chars<R>(word: &str, f: impl FnOnce(&[char]) -> R) -> R {
    let mut stack = ['\0'; 48];
    let mut n = 0;
    for c in word.chars() {
        if n == stack.len() {
            let v: Vec<char> = word.chars().collect();
            return f(&v);
        }
        stack[n] = c;
        n += 1;
    }
    f(&stack[..n])
}

/// Characters NFKC must see: presentation forms and the precomposed hamza letters U+0675–U+0678.
fn needs_nfkc(c: char) -> bool {
    matches!(c as u32, 0x0675..=0x0678 | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Step 1 of reading: NFKC where needed, then `arab-fold.tsv`. Borrows when nothing changes.
fn fold(word: &str) -> Cow<'_, str> {
    // One pass tells which of the three cases applies.
    let mut folds = false;
    for c in word.chars() {
        if needs_nfkc(c) {
            let mut forms = String::with_capacity(word.len());
            ARAB_FORMS.apply(word, &mut forms);
            // NFKC can make capitals out of compatibility characters (🄐 → (A)): lower-case again.
            let mut n = String::with_capacity(forms.len() + 8);
            for c in forms.nfkc() {
                if (0x0600..=0x06FF).contains(&(c as u32)) {
                    n.push(c); // the Arabic block has no case
                } else {
                    n.extend(c.to_lowercase());
                }
            }
            let mut out = String::with_capacity(n.len());
            ARAB_FOLD.apply(&n, &mut out);
            return Cow::Owned(out);
        }
        folds |= ARAB_FOLD.maps(c);
    }
    if folds {
        let mut out = String::with_capacity(word.len());
        ARAB_FOLD.apply(word, &mut out);
        Cow::Owned(out)
    } else {
        Cow::Borrowed(word)
    }
}

/// Bits of [`info`]: the evidence classes, and how the fast path takes the letter.
const B_UG_ONLY: u16 = 1;
const B_KK_ONLY: u16 = 2;
const B_V: u16 = 4;
const B_CONS: u16 = 8;
const B_Y: u16 = 16;
/// A letter `clean` and `fold` leave alone.
const B_PLAIN: u16 = 32;
/// A letter `clean` leaves alone and `fold` changes (NFKC or `arab-fold.tsv`).
const B_FOLD: u16 = 64;
/// Classes `HAMZA` and `FRONT` of `kk-arab-read-front.tsv`.
const B_HAMZA: u16 = 128;
const B_FRONT: u16 = 256;

/// The bits of every code point of the Arabic block, from the table classes (all of which are in
/// the block, see [`mask`]) and `arab-fold.tsv`.
static INFO: std::sync::LazyLock<[u16; 256]> = std::sync::LazyLock::new(|| {
    let mut t = [0u16; 256];
    for (k, slot) in t.iter_mut().enumerate() {
        let c = char::from_u32(AR + k as u32).unwrap_or('\0');
        let mut b = 0;
        for (m, bit) in [
            (&UG_ONLY, B_UG_ONLY),
            (&KK_ONLY, B_KK_ONLY),
            (&UG_V, B_V),
            (&KK_CONS, B_CONS),
            (&KK_Y, B_Y),
            (&READ_HAMZA, B_HAMZA),
            (&READ_FRONT, B_FRONT),
        ] {
            if has(m, AR, c) {
                b |= bit;
            }
        }
        // From U+0620 (below are the combining signs U+0610–U+061A), as `clean::is_clean`.
        if k >= 0x20 && arabic_letter(c) {
            b |= if needs_nfkc(c) || ARAB_FOLD.maps(c) {
                B_FOLD
            } else {
                B_PLAIN
            };
        }
        *slot = b;
    }
    t
});

/// The [`INFO`] bits of `c` (0 outside the Arabic block).
#[inline]
fn info(table: &[u16; 256], c: char) -> u16 {
    let k = (c as u32).wrapping_sub(AR) as usize;
    if k < 256 { table[k] } else { 0 }
}

/// The `prev` of [`evidence_step`] at the start of a word: as if after a vowel letter, since a
/// vowel letter at the start counts as one after another vowel letter.
const START: u16 = B_V;

/// The evidence of one Arabic-script letter with bits `c` after the letter with bits `prev` of
/// the same word ([`START`] at its start): a Uyghur-only letter for `ug`; for `kk` a Kazakh-only
/// letter, and a vowel letter at the start or after a vowel letter, or Y after a consonant.
/// Branch-free: it runs on every letter.
#[inline(always)]
fn evidence_step(prev: u16, c: u16, kk: &mut usize, ug: &mut usize) {
    let inc = evidence_inc(prev, c);
    *ug += (inc & 0xFFFF_FFFF) as usize;
    *kk += (inc >> 32) as usize;
}

/// [`evidence_step`] as one number: the Uyghur count in the low 32 bits, the Kazakh count in the
/// high ones (one register for both in the first pass).
#[inline(always)]
fn evidence_inc(prev: u16, c: u16) -> u64 {
    const _: () = assert!(B_CONS << 1 == B_Y && B_UG_ONLY == 1 && B_KK_ONLY == 2);
    let spelling = (prev & c & B_V) | ((prev << 1) & c & B_Y) != 0;
    u64::from(c & B_UG_ONLY) + ((u64::from((c & B_KK_ONLY) >> 1) + u64::from(spelling)) << 32)
}

/// [`fold`]'s NFKC step for one character of the Arabic block or the presentation forms:
/// `lower(NFKC(arab-forms(c)))` (up to 4 characters), and the first character of its NFKD.
#[derive(Clone, Copy)]
struct Segment {
    nfkc: [char; 4],
    len: u8,
    first: char,
}

/// The [`Segment`]s of U+0600–U+06FF (from 0) and U+FB50–U+FEFF (from 256); `None` where the NFKD
/// does not start with a starter or the NFKC is longer (such words take [`fold`] itself).
static SEGMENTS: LazyLock<Vec<Option<Segment>>> = LazyLock::new(|| {
    use unicode_normalization::char::canonical_combining_class;
    // `arab-forms.tsv` rewrites each character on its own (one-character sources, no contexts).
    let forms_by_char = ARAB_FORMS
        .rules
        .iter()
        .all(|r| r.src.chars().count() == 1 && r.left.is_empty() && r.right.is_empty());
    (0x0600..=0x06FF)
        .chain(0xFB50..=0xFEFF)
        .map(|u| {
            let c = char::from_u32(u)?;
            let mut forms = String::new();
            ARAB_FORMS.apply(&c.to_string(), &mut forms);
            let first = forms.nfkd().next()?;
            let mut nfkc = ['\0'; 4];
            let mut len = 0;
            for d in forms.nfkc().flat_map(char::to_lowercase) {
                *nfkc.get_mut(len)? = d;
                len += 1;
            }
            let ok = forms_by_char && canonical_combining_class(first) == 0 && len > 0;
            ok.then_some(Segment {
                nfkc,
                len: len as u8,
                first,
            })
        })
        .collect()
});

/// [`fold`] over a word of Arabic-block and presentation-form letters, into `out`, taking NFKC
/// one character at a time: exact, since each character's NFKD starts with a starter (so marks
/// never reorder across characters) and no character's NFKC composes with the next one's first
/// character (checked). `false` when that does not hold or `out` is full (use [`fold`]).
fn fold_chars(word: &[char], out: &mut Stack) -> bool {
    use unicode_normalization::char::{canonical_combining_class, compose};
    out.n = 0;
    if !word.iter().any(|&c| needs_nfkc(c)) {
        ARAB_FOLD_C.apply_chars_to(word, out);
        return !out.full;
    }
    let mut nfkc = Stack::new();
    let mut last: Option<char> = None;
    for &c in word {
        let k = match c as u32 {
            u @ 0x0600..=0x06FF => u - 0x0600,
            u @ 0xFB50..=0xFEFF => u - 0xFB50 + 256,
            _ => return false,
        };
        let Some(Some(seg)) = SEGMENTS.get(k as usize) else {
            return false;
        };
        if last.is_some_and(|l| compose(l, seg.first).is_some()) {
            return false;
        }
        for &d in &seg.nfkc[..seg.len as usize] {
            nfkc.push_char(d);
        }
        let end = seg.nfkc[seg.len as usize - 1];
        last = (canonical_combining_class(end) == 0).then_some(end);
    }
    ARAB_FOLD_C.apply_chars_to(nfkc.as_slice(), out);
    !nfkc.full && !out.full
}

/// Kazakh and Uyghur evidence in one folded word, added to `kk` and `ug`.
fn evidence(folded: &str, kk: &mut usize, ug: &mut usize) {
    let table = &*INFO;
    let mut prev = START;
    for c in folded.chars() {
        // The classes are all in the Arabic block; other letters are skipped.
        if !arabic_letter(c) && char_script(c) != Script::Arabic {
            continue;
        }
        let bits = info(table, c);
        evidence_step(prev, bits, kk, ug);
        prev = bits;
    }
}

/// The language of the Arabic-script parts of a name: Kazakh or Uyghur (the default).
pub(crate) fn detect_lang(name: &str) -> Lang {
    let (mut kk, mut ug) = (0, 0);
    for word in name.split([' ', '-']) {
        // A word of Arabic-block letters only is Arabic script (the common case, one pass).
        if (word.is_empty() || !word.chars().all(arabic_letter))
            && word_script(word) != Script::Arabic
        {
            continue;
        }
        evidence(&fold(word), &mut kk, &mut ug);
    }
    if kk > ug { Lang::Kk } else { Lang::Ug }
}

/// Read one lower-cased Arabic-script word into the pivot of `lang`; returns the pivot's language.
/// Russian is read as Kazakh (Töte is the only Cyrillic-language Arabic script here); `Und` is
/// detected from the word itself.
pub(crate) fn to_pivot(word: &str, lang: Lang, out: &mut String) -> Option<Lang> {
    let folded = fold(word);
    let lang = match lang {
        Lang::Und => {
            let (mut kk, mut ug) = (0, 0);
            evidence(&folded, &mut kk, &mut ug);
            if kk > ug { Lang::Kk } else { Lang::Ug }
        }
        l => l,
    };
    if lang == Lang::Ug {
        UG_ARAB_READ.apply(&folded, out);
        Some(Lang::Ug)
    } else {
        read_tote(&folded, out);
        Some(Lang::Kk)
    }
}

/// Whether a folded Töte word is read with front vowels (see `kk-arab-read-front.tsv`): a hamza
/// anywhere, or a FRONT letter and no BACK letter in the word without its harmony-neutral ending
/// (`kk-arab-neutral.tsv`). `hamza`: the word holds a HAMZA letter.
fn tote_is_front(folded: &[char], hamza: bool, any_front: bool) -> bool {
    if hamza {
        return true;
    }
    if !any_front {
        return false;
    }
    let mut stem = Classes::new(&READ_FRONT, &READ_BACK, AR);
    NEUTRAL_C.apply_chars_to(folded, &mut stem);
    stem.has_a && !stem.has_b
}

/// Read a folded Töte word into Kazakh Cyrillic.
fn read_tote(folded: &str, out: &mut String) {
    with_chars(folded, |w| read_tote_chars(w, out));
}

/// [`read_tote`] over a word already split into characters.
fn read_tote_chars<S: Sink>(folded: &[char], out: &mut S) {
    tote_plan(folded, |front, w| {
        let table: &Compact = if front { &KK_FRONT_C } else { &KK_BACK_C };
        table.apply_chars_to(w, out);
    });
}

/// How a folded Töte word is read: `f(front, letters)` with the table choice and the letters the
/// table runs on (without the hamza, which only selects the table: `^` contexts see the first
/// letter).
#[inline]
fn tote_plan<R>(folded: &[char], f: impl FnOnce(bool, &[char]) -> R) -> R {
    let hamza = folded.iter().any(|&c| has(&READ_HAMZA, AR, c));
    let any_front = folded.iter().any(|&c| has(&READ_FRONT, AR, c));
    tote_plan_with(folded, hamza, any_front, f)
}

/// [`tote_plan`] when whether the word holds a HAMZA and a FRONT letter is known.
#[inline]
fn tote_plan_with<R>(
    folded: &[char],
    hamza: bool,
    any_front: bool,
    f: impl FnOnce(bool, &[char]) -> R,
) -> R {
    let front = tote_is_front(folded, hamza, any_front);
    if !hamza {
        return f(front, folded);
    }
    let mut stack = ['\0'; 48];
    let mut n = 0;
    for &c in folded.iter().filter(|&&c| !has(&READ_HAMZA, AR, c)) {
        if n == stack.len() {
            let v: Vec<char> = folded
                .iter()
                .copied()
                .filter(|&c| !has(&READ_HAMZA, AR, c))
                .collect();
            return f(front, &v);
        }
        stack[n] = c;
        n += 1;
    }
    f(front, &stack[..n])
}

/// A reader and a homomorphism writer in one table over the Arabic block: for each letter the
/// reader rewrites without context, the writer's output of the reader's output, as bytes that
/// canonical keeps (up to 8); `None` for the letters the rules decide (and anything else).
struct Composed {
    reader: &'static Compact,
    writer: &'static Compact,
    entries: Vec<Option<([u8; 8], u8)>>,
}

impl Composed {
    fn new(reader: &'static Compact, writer: &'static Compact) -> Self {
        let entries = (0..256u32)
            .map(|k| {
                let c = char::from_u32(AR + k)?;
                let mut pivot = String::new();
                let pivots: Vec<String> = match reader.put(c, &mut pivot) {
                    Ok(()) => vec![pivot],
                    // Rules by context, but all with the output of the same canonical form (the
                    // Uyghur hamza carrier: nothing at the start, an apostrophe canonical drops).
                    Err(_) => reader
                        .single_outputs(c)?
                        .into_iter()
                        .map(|o| o.into_iter().collect())
                        .collect(),
                };
                let mut outs = pivots.iter().map(|pivot| {
                    let mut out = String::new();
                    for p in pivot.chars() {
                        writer.put(p, &mut out).ok()?;
                    }
                    Some(out)
                });
                let out = outs.next()??;
                if !outs.all(|o| o.as_ref() == Some(&out)) {
                    return None;
                }
                let ok = out.len() <= 8 && out.chars().all(crate::is_canonical_char);
                ok.then(|| {
                    let mut b = [0u8; 8];
                    b[..out.len()].copy_from_slice(out.as_bytes());
                    (b, out.len() as u8)
                })
            })
            .collect();
        Composed {
            reader,
            writer,
            entries,
        }
    }

    /// The reader then the writer over `word`, into `out` (exactly `reader.apply_chars_to` through
    /// `writer`).
    #[inline]
    fn apply(&self, word: &[char], out: &mut Canonical) {
        let mut prev: Option<char> = None;
        let mut i = 0;
        // `out.n` in a register: the common letter is one load and one 8-byte store.
        let mut n = out.n;
        while i < word.len() {
            let c = word[i];
            let k = (c as u32).wrapping_sub(AR) as usize;
            if let Some(Some((b, len))) = self.entries.get(k)
                && let Some(dst) = out.bytes.get_mut(n..n + 8)
            {
                dst.copy_from_slice(b);
                n += *len as usize;
                i += 1;
            } else {
                out.n = n;
                let mut through = Through {
                    map: self.writer,
                    out,
                };
                match self.reader.put(c, &mut through) {
                    Ok(()) => i += 1,
                    Err(g) => i += self.reader.step(g, word, i, prev, &mut through),
                }
                n = out.n;
            }
            prev = Some(c);
        }
        out.n = n;
    }
}

/// The presentation-form letters (U+FB50–U+FDFF, U+FE70–U+FEFE with `char_script` Arabic) as a
/// bit set from U+FB50.
static PRESENTATION_LETTERS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut m = vec![0u64; (0xFEFF - 0xFB50) / 64 + 1];
    for u in (0xFB50..=0xFDFF).chain(0xFE70..=0xFEFE) {
        if char::from_u32(u).is_some_and(|c| char_script(c) == Script::Arabic) {
            let k = (u - 0xFB50) as usize;
            m[k / 64] |= 1 << (k % 64);
        }
    }
    m
});

static UG_COMPOSED: LazyLock<Composed> =
    LazyLock::new(|| Composed::new(&UG_READ_C, &UG_CANONICAL_C));
static KK_FRONT_COMPOSED: LazyLock<Composed> =
    LazyLock::new(|| Composed::new(&KK_FRONT_C, &KK_CANONICAL_C));
static KK_BACK_COMPOSED: LazyLock<Composed> =
    LazyLock::new(|| Composed::new(&KK_BACK_C, &KK_CANONICAL_C));

/// Write a Kazakh (or Russian) Cyrillic pivot word in Töte: `kk-arab.tsv`, with the high hamza
/// first when the word without its harmony-neutral ending (`kk-arab-neutral.tsv`) holds a front
/// vowel (class `FRONT`) and none of class `NOHAMZA`.
fn write_tote(pivot: &[char], out: &mut String) {
    let mut stem = Classes::new(&WRITE_FRONT, &WRITE_NOHAMZA, CY);
    NEUTRAL_C.apply_chars_to(pivot, &mut stem);
    if stem.has_a && !stem.has_b {
        out.push_str(crate::tables::KK_ARAB_HAMZA);
    }
    KK_ARAB.apply_chars(pivot, out);
}

/// Write `pivot` (of language `lang`) in `scheme` when the scheme needs more than one table pass
/// (Töte's word-level hamza). Returns `false`, writing nothing, for every other pair.
pub(crate) fn write_word(pivot: &str, lang: Lang, scheme: Scheme, out: &mut String) -> bool {
    match (scheme, lang) {
        (Scheme::KkArab | Scheme::Uey, Lang::Kk | Lang::Ru) => {
            with_chars(pivot, |p| write_tote(p, out));
            true
        }
        _ => false,
    }
}

/// Romanize `name` if it has the shape of most Arabic-script names: parts of Arabic letters that
/// `clean` leaves alone (U+0620–U+06FF, presentation forms), separated by single spaces or hyphens.
/// One pass checks the shape and splits the name into characters, folding the few parts that need
/// it (`fold`) to plain letters; each part then gives its language evidence ([`detect_lang`]), is
/// read into its pivot and written as `romanize::part` does. `None` for anything else (the
/// general path); a test checks both paths agree.
pub(crate) fn fast_name(name: &str, scheme: Scheme, forced: Option<Lang>) -> Option<String> {
    if forced == Some(Lang::Und) {
        return None;
    }
    let table = &*INFO;
    let b = name.as_bytes();
    let mut chars = ['\0'; 64];
    // The parts: `(start, end)` in `chars`; separators are kept in `chars` between them.
    let mut parts = [(0u8, 0u8, 0u16); 16];
    let (mut n, mut np, mut i) = (0usize, 0usize, 0usize);
    let (mut kk, mut ug) = (0usize, 0usize);
    // The evidence of the current part (see `evidence_inc`), and the bits of its last letter.
    let (mut wacc, mut prev) = (0u64, START);
    // Start of the current part, in `chars` and in `name`; whether it needs `fold`.
    let (mut wn, mut wb, mut folds) = (0usize, 0usize, false);
    // The bits of the part's letters together (for `B_FOLD`).
    let mut all = 0u16;
    loop {
        // The common case first: a letter of the Arabic block (lead byte D8–DB, two bytes).
        if let (Some(&x), Some(&y)) = (b.get(i), b.get(i + 1))
            && x & 0xFC == 0xD8
        {
            let k = ((x as usize & 3) << 6) | (y as usize & 0x3F);
            let bits = table[k];
            if bits & (B_PLAIN | B_FOLD) == 0 || n == chars.len() {
                return None;
            }
            all |= bits;
            wacc += evidence_inc(prev, bits);
            prev = bits;
            chars[n] = char::from_u32(AR + k as u32)?;
            n += 1;
            i += 2;
            continue;
        }
        let x = b.get(i).copied();
        if matches!(x, None | Some(b' ' | b'-')) {
            // End of a part (not empty: no leading, trailing or doubled separator).
            if n == wn || np == parts.len() {
                return None;
            }
            if folds || all & B_FOLD != 0 {
                // The evidence is that of the folded part.
                let mut fast = Stack::new();
                let slow;
                let folded: &[char] = if fold_chars(&chars[wn..n], &mut fast) {
                    fast.as_slice()
                } else {
                    slow = fold(&name[wb..i]).chars().collect::<Vec<char>>();
                    &slow
                };
                (n, wacc, prev, all) = (wn, 0, START, 0);
                for &c in folded {
                    let bits = info(table, c);
                    if n == chars.len() || bits & B_PLAIN == 0 {
                        return None;
                    }
                    all |= bits;
                    wacc += evidence_inc(prev, bits);
                    prev = bits;
                    chars[n] = c;
                    n += 1;
                }
                if n == wn {
                    return None;
                }
            }
            kk += (wacc >> 32) as usize;
            ug += (wacc & 0xFFFF_FFFF) as usize;
            (wacc, prev) = (0, START);
            parts[np] = (wn as u8, n as u8, all);
            np += 1;
            let Some(x) = x else { break };
            if n == chars.len() {
                return None;
            }
            chars[n] = x as char;
            n += 1;
            i += 1;
            (wn, wb, folds, all) = (n, i, false, 0);
            continue;
        }
        // Otherwise only the presentation-form letters (U+FB50–U+FDFF, U+FE70–U+FEFE, lead EF).
        if n == chars.len() || x != Some(0xEF) {
            return None;
        }
        let c = name[i..].chars().next()?;
        let k = (c as u32).wrapping_sub(0xFB50) as usize;
        if PRESENTATION_LETTERS
            .get(k / 64)
            .is_none_or(|m| m & (1 << (k % 64)) == 0)
        {
            return None;
        }
        folds = true;
        i += 3;
        chars[n] = c;
        n += 1;
    }
    let lang = forced.unwrap_or(if kk > ug { Lang::Kk } else { Lang::Ug });
    let pivot_lang = if lang == Lang::Ug { Lang::Ug } else { Lang::Kk };
    if scheme == Scheme::Canonical {
        return canonical_name(&chars[..n], &parts[..np], pivot_lang);
    }
    let mut out = String::with_capacity(name.len() + 8);
    let mut pivot = Stack::new();
    for (k, &(s, e, _)) in parts[..np].iter().enumerate() {
        let word = &chars[s as usize..e as usize];
        pivot.n = 0;
        if pivot_lang == Lang::Ug {
            UG_READ_C.apply_chars_to(word, &mut pivot);
        } else {
            read_tote_chars(word, &mut pivot);
        }
        if pivot.full {
            return None;
        }
        let at = out.len();
        let turkic = write_chars(pivot.as_slice(), pivot_lang, scheme, &mut out);
        title_part(&mut out, at, turkic);
        if k + 1 < np {
            out.push(chars[e as usize]);
        }
    }
    Some(out)
}

/// A [`Sink`] of the characters canonical keeps (`is_canonical_char`), as bytes on the stack;
/// `bad` once another character came or one did not fit.
struct Canonical {
    bytes: [u8; 160],
    n: usize,
    bad: bool,
}

impl Sink for Canonical {
    #[inline(always)]
    fn push_char(&mut self, c: char) {
        match self.bytes.get_mut(self.n) {
            Some(slot) if crate::is_canonical_char(c) => {
                *slot = c as u8;
                self.n += 1;
            }
            _ => self.bad = true,
        }
    }
}

/// The canonical form of a name split by [`fast_name`] into `chars` and `parts`, read as
/// `pivot_lang`: each part read and written in one pass (the canonical writers map character by
/// character, see [`Through`]) into a stack buffer. `None` when a part comes out empty or with
/// something canonical may not hold (the general path folds and tidies).
fn canonical_name(chars: &[char], parts: &[(u8, u8, u16)], pivot_lang: Lang) -> Option<String> {
    // The canonical writers of the pivots (`romanize::write`: never Töte here) are
    // homomorphisms; `Composed` checks it.
    let turkic = match pivot_lang {
        Lang::Ug => UG_CANONICAL.turkic,
        _ => KK_CANONICAL.turkic,
    };
    if !UG_CANONICAL_C.is_homomorphism() || !KK_CANONICAL_C.is_homomorphism() {
        return None;
    }
    let mut out = Canonical {
        bytes: [0; 160],
        n: 0,
        bad: false,
    };
    for (k, &(s, e, all)) in parts.iter().enumerate() {
        let word = &chars[s as usize..e as usize];
        let at = out.n;
        if pivot_lang == Lang::Ug {
            UG_COMPOSED.apply(word, &mut out);
        } else {
            tote_plan_with(word, all & B_HAMZA != 0, all & B_FRONT != 0, |front, w| {
                let table: &Composed = if front {
                    &KK_FRONT_COMPOSED
                } else {
                    &KK_BACK_COMPOSED
                };
                table.apply(w, &mut out);
            });
        }
        if out.bad || out.n == at {
            return None;
        }
        // Title case (`romanize::title_case`; the part is ASCII without spaces): the first letter.
        let first = out.bytes[at..out.n]
            .iter()
            .position(u8::is_ascii_alphabetic);
        if let Some(f) = first {
            if turkic && out.bytes[at + f] == b'i' {
                return None;
            }
            out.bytes[at + f].make_ascii_uppercase();
        }
        if k + 1 < parts.len() {
            // The separator (a space or a hyphen) after the part.
            *out.bytes.get_mut(out.n)? = chars[e as usize] as u8;
            out.n += 1;
        }
    }
    std::str::from_utf8(&out.bytes[..out.n])
        .ok()
        .map(String::from)
}

/// `romanize::write` over a pivot split into characters: Töte with its hamza, or the scheme's
/// table (the canonical one when the scheme has none for `lang`). Returns whether the table
/// title-cases the Turkic way.
fn write_chars(pivot: &[char], lang: Lang, scheme: Scheme, out: &mut String) -> bool {
    if matches!(
        (scheme, lang),
        (Scheme::KkArab | Scheme::Uey, Lang::Kk | Lang::Ru)
    ) {
        write_tote(pivot, out);
        return false;
    }
    match scheme
        .writer(lang)
        .or_else(|| Scheme::Canonical.writer(lang))
    {
        Some(t) => {
            if std::ptr::eq(t, &UG_CANONICAL) {
                UG_CANONICAL_C.apply_chars_to(pivot, out);
            } else if std::ptr::eq(t, &KK_CANONICAL) {
                KK_CANONICAL_C.apply_chars_to(pivot, out);
            } else {
                t.apply_chars(pivot, out);
            }
            t.turkic
        }
        None => {
            out.extend(pivot);
            false
        }
    }
}

/// `romanize::title_case` on the part written from byte `at` on, in place when its first byte is a
/// lower-case ASCII letter and it holds no space (the common case).
fn title_part(out: &mut String, at: usize, turkic: bool) {
    let b = &out.as_bytes()[at..];
    match b.first() {
        Some(&c) if c.is_ascii_lowercase() && !(turkic && c == b'i') && !b.contains(&b' ') => {
            out[at..at + 1].make_ascii_uppercase();
        }
        Some(_) => {
            let mut w = out.split_off(at);
            crate::romanize::title_case(&mut w, turkic);
            out.push_str(&w);
        }
        None => {}
    }
}

/// Writers for the Arabic-script and Uyghur schemes, and for Uyghur in the general schemes.
pub(crate) fn writer(scheme: Scheme, lang: Lang) -> Option<&'static Table> {
    use Lang::*;
    use Scheme::*;
    Some(match (scheme, lang) {
        (Canonical, Ug) => &UG_CANONICAL,
        (Bgn | Uly, Ug) => &ULY,
        (Usy, Ug) => &USY,
        (Uey | KkArab, Ug) => &UEY,
        (KkArab | Uey, Kk | Ru) => &KK_ARAB,
        (Usy, Kk | Ru) => &KK_CYRL,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use crate::{Lang, Options, Scheme, romanize, romanize_with};

    fn r(s: &str, scheme: &str) -> String {
        romanize(s, scheme.parse::<Scheme>().unwrap())
    }

    #[test]
    fn issue_examples() {
        assert_eq!(r("ئىلھام توختى", "canonical"), "Ilham Toxti");
        assert_eq!(r("گۈلباھار ھەيتىۋاجى", "canonical"), "Gulbahar Heytiwaji");
        assert_eq!(
            r("قاسىم-جومارت توقايەۆ", "canonical"),
            "Qasym-Zhomart Toqaev"
        );
        assert_eq!(r("توقايەۆ", "canonical"), r("Тоқаев", "canonical"));
    }

    #[test]
    fn detection() {
        use super::detect_lang;
        assert_eq!(detect_lang("ئىلھام توختى"), Lang::Ug);
        assert_eq!(detect_lang("زوردۇن سابىر"), Lang::Ug);
        assert_eq!(detect_lang("قاسىم-جومارت توقايەۆ"), Lang::Kk);
        assert_eq!(detect_lang("ارون اتابەك"), Lang::Kk);
        assert_eq!(detect_lang("ٴبىلاش"), Lang::Kk);
        assert_eq!(detect_lang("گۇلفيا قازىبەك"), Lang::Kk);
    }

    #[test]
    fn presentation_forms() {
        // ﺋﯩﻠﮬﺎﻡ: initial yeh-hamza, Uyghur i forms, lam, heh doachashmee, alef, meem.
        assert_eq!(
            r("\u{FE8B}\u{FBE8}\u{FEE0}\u{FBAC}\u{FE8E}\u{FEE1}", "uly"),
            "Ilham"
        );
        // U+FEEB (initial heh) is ھ, U+FEEA (final heh) is ە, even mid-word (ە does not join left).
        assert_eq!(r("\u{FEEB}\u{FEEA}\u{FEE9}", "uly"), "Hee");
        // ئەكپەر in legacy final-form heh: Ekper, not Ihkphr.
        assert_eq!(
            r("\u{FE8B}\u{FEEA}\u{FEDB}\u{FB59}\u{FEEA}\u{FEAE}", "uly"),
            "Ekper"
        );
        // Plain ه typed for both: ھ next to a vowel, ە between consonants.
        assert_eq!(r("ئهكپهر", "uly"), "Ekper");
        assert_eq!(r("گۈلباهار", "uly"), "Gülbahar");
        // Precomposed ٵ (U+0675) marks a front Kazakh word.
        assert_eq!(
            r("\u{0628}\u{0649}\u{0644}\u{0675}\u{0634}", "usy"),
            "Біләш"
        );
    }

    #[test]
    fn forced_language() {
        let o = Options::new(Scheme::Canonical).lang(Lang::Kk);
        assert_eq!(romanize_with("سابىر", &o), "Sabyr");
        let o = Options::new(Scheme::Canonical).lang(Lang::Ug);
        assert_eq!(romanize_with("سابىر", &o), "Sabir");
        let o = Options::new(Scheme::Uly).lang(Lang::Ug);
        assert_eq!(romanize_with("Зордун Сабир", &o), "Zordun Sabir");
    }

    const UEY_LETTERS: &str = "ابپتجچخدرزژسشغفقكگڭلمنھوۇۆۈۋېىيەئ";

    /// Round trips over `tests/golden/arabic.tsv`: every Uyghur Arabic input written in ULY reads
    /// back to itself in UEY, and every Cyrillic input written in Töte reads back to itself
    /// (Uyghur Cyrillic and rows with a 4th column, the Russian names, are left out).
    #[test]
    fn round_trips() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/arabic.tsv");
        let text = std::fs::read_to_string(path).unwrap();
        let (mut ug, mut kk, mut bad) = (0, 0, Vec::new());
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 3 || f.len() > 3 {
                continue; // header, blank, or forced-language rows
            }
            let (input, scheme) = (f[0], f[1]);
            // The 32 UEY letters and ئ only (no ه, marks, digits: those are not written back).
            let uey_input = input.chars().all(|c| c == ' ' || UEY_LETTERS.contains(c));
            if scheme == "uly" && uey_input && crate::analyze(input).lang == Lang::Ug {
                ug += 1;
                let back = r(&r(input, "uly"), "uey");
                if back != input {
                    bad.push(format!("{input} -> {} -> {back}", r(input, "uly")));
                }
            }
            let cyrillic = input
                .chars()
                .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
            if scheme == "kk-arab" && cyrillic && crate::analyze(input).lang != Lang::Ug {
                kk += 1;
                let tote = r(input, "kk-arab");
                let back = romanize_with(&tote, &Options::new(Scheme::Usy).lang(Lang::Kk));
                if back != input {
                    bad.push(format!("{input} -> {tote} -> {back}"));
                }
            }
        }
        assert!(
            ug >= 40 && kk >= 25,
            "too few round-trip rows: {ug} Uyghur, {kk} Kazakh"
        );
        println!("round trips: {ug} UEY -> ULY -> UEY, {kk} Cyrillic -> Töte -> Cyrillic");
        assert!(bad.is_empty(), "round trips that fail:\n{}", bad.join("\n"));
    }

    /// The core's properties on every fixture input: canonical is ASCII and idempotent, and every
    /// scheme's output is stable under NFC.
    #[test]
    fn fixture_inputs_keep_the_core_properties() {
        use unicode_normalization::UnicodeNormalization;
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/arabic.tsv");
        let text = std::fs::read_to_string(path).unwrap();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let input = line.split('\t').next().unwrap();
            let once = crate::normalize(input);
            assert!(once.is_ascii(), "{input} -> {once}");
            assert_eq!(crate::normalize(&once), once, "not idempotent: {input}");
            for (scheme, _, _) in crate::SCHEMES {
                let out = romanize(input, *scheme);
                assert_eq!(
                    out,
                    out.nfc().collect::<String>(),
                    "{scheme} not NFC: {input}"
                );
            }
        }
    }

    /// The Arabic-script fast path and the general path give the same output for every scheme and
    /// forced language, on the bench names, every fixture input and some odd shapes.
    #[test]
    fn fast_path_agrees_with_general_path() {
        let dir = env!("CARGO_MANIFEST_DIR");
        let names = std::fs::read_to_string(format!("{dir}/tests/data/arabic-names.txt")).unwrap();
        let golden = std::fs::read_to_string(format!("{dir}/tests/golden/arabic.tsv")).unwrap();
        let mut inputs: Vec<&str> = names.lines().collect();
        inputs.extend(
            golden
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split('\t').next()),
        );
        inputs.extend([
            "ئ",
            "ئ ئ",
            "ٴ",
            "ٴٴٴ",
            "ا-ب",
            "ڤاتان",
            "ئىلھام  توختى",
            "ئىلھام-",
            "-ئىلھام",
            "ٴبىلاش ٴومىر",
            "ٴاليا مولداعۇلوۆا",
            "جابايەۆ ٴاليەۆ",
            "ءابۋ",
        ]);
        // Every letter of the Arabic block and of the presentation forms, alone and in a name.
        let letters: Vec<String> = ('\u{0600}'..='\u{06FF}')
            .chain('\u{FB50}'..='\u{FDFF}')
            .chain('\u{FE70}'..='\u{FEFF}')
            .flat_map(|c| [format!("{c}"), format!("ئا{c}ە ب{c}-{c}ىك")])
            .collect();
        inputs.extend(letters.iter().map(String::as_str));
        let mut checked = 0;
        for n in inputs {
            for (scheme, _, _) in crate::SCHEMES {
                for lang in [None, Some(Lang::Kk), Some(Lang::Ug), Some(Lang::Ru)] {
                    if let Some(fast) = super::fast_name(n, *scheme, lang) {
                        let opts = Options {
                            scheme: *scheme,
                            lang,
                        };
                        let fast = crate::finish(fast);
                        let slow = crate::romanize_general(n, &opts);
                        assert_eq!(fast, slow, "{n} [{scheme}] {lang:?}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 10000, "fast path taken only {checked} times");
    }

    /// `fold_chars` (NFKC a character at a time) is `fold` wherever it answers.
    #[test]
    fn fold_chars_is_fold() {
        let letters: Vec<char> = ('\u{0600}'..='\u{06FF}')
            .chain('\u{FB50}'..='\u{FEFF}')
            .collect();
        let mut answered = 0;
        for &c in &letters {
            for w in [
                vec![c],
                vec![c, c],
                vec!['ئ', c, 'ا'],
                vec![c, 'ه', '\u{FE8B}'],
                vec!['\u{0627}', c, '\u{0654}'],
            ] {
                let mut out = super::Stack::new();
                if super::fold_chars(&w, &mut out) {
                    let word: String = w.iter().collect();
                    let want: Vec<char> = super::fold(&word).chars().collect();
                    assert_eq!(out.as_slice(), &want[..], "{word}");
                    answered += 1;
                }
            }
        }
        assert!(answered > 1000, "{answered}");
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "ئ",
            "ٴ",
            "ء",
            "\u{0654}",
            "\u{064E}",
            "ـ",
            "٣",
            "\u{200F}ئا",
            "ﷺ",
            "ﻻ",
            "ٸ",
            "ئ-ٴ",
            "ab ئىلھام",
            "ئىلھامabc",
            "'",
            "n'",
            "җ",
            "ٴٴٴ",
        ] {
            for (scheme, _, _) in crate::SCHEMES {
                let _ = romanize(s, *scheme);
            }
            assert!(crate::normalize(s).is_ascii());
        }
    }
}
