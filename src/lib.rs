//! # atau
//!
//! Transliterate, normalize and match personal names written in Kazakh Cyrillic, Russian
//! Cyrillic, the Kazakh Latin alphabets (2017, 2018, 2021) and plain Latin, by the published
//! standards (BGN/PCGN, ICAO 9303, ISO 9, the Kazakh decrees).
//!
//! ```
//! assert_eq!(atau::normalize("Құрманғалиева Гауһар"), "Qurmanghalieva Gauhar");
//! assert_eq!(atau::normalize("Гаухар Курмангалиева"), "Gaukhar Kurmangaliyeva");
//! assert_eq!(atau::normalize("Gaýhar Qurmanǵalıeva"), "Gauhar Qurmanghalieva");
//! assert_eq!(atau::normalize("TOKAYEV KASSYM-JOMART"), "Tokayev Kassym-Jomart");
//! assert_eq!(atau::romanize("Қасым-Жомарт Тоқаев", atau::Scheme::Kk2021), "Qasym-Jomart Toqaev");
//! ```
//!
//! ## Pipeline
//! clean ([`clean()`]) → tokenize → detect script and language → romanize with the tables in
//! `tables/` (compiled in by `build.rs`). See `DESIGN.md`.
//!
//! ## Matching
//! [`key`] folds what romanization schemes disagree on (`tables/key-*.tsv`); [`similarity`] and
//! [`Matcher`] compare names part by part in any order; [`cluster`] groups a list of names
//! without comparing all pairs (blocking on part keys, then the matcher, with a guard against
//! chaining).
//!
//! ```
//! assert_eq!(atau::key("Гауһар Құрманғалиева"), atau::key("GAUKHAR KURMANGALIYEVA"));
//! assert!(atau::similarity("Tokayev Kassym-Jomart", "Қасым-Жомарт Тоқаев") > 0.9);
//! assert!(atau::similarity("Marat Aliev", "Murat Aliev") < 0.86); // one unexplained letter
//! let ids = atau::cluster(&["Gaukhar Kurmangalieva", "Gaukhar Kurmangaliev", "Гауһар Құрманғалиева"]);
//! assert_eq!(ids, [0, 1, 0]);
//! ```
//!
//! ## Guarantees
//! - [`normalize`] (the `canonical` scheme) returns printable ASCII, Title Case per name part,
//!   and is idempotent: `normalize(&normalize(x)) == normalize(x)`.
//! - Every scheme's output is NFC. No input makes any function panic.
//! - Parts in scripts without a table (Greek, Han, ...) go through `deunicode` and are flagged
//!   in [`Token::fallback`].
#![deny(missing_docs)]

use std::borrow::Cow;

mod arabic;
mod blocking;
mod clean;
mod cluster;
mod detect;
mod fast;
mod key;
mod romanize;
mod scheme;
mod script;
mod similarity;
mod tables;
mod tokenize;

pub use clean::clean;
pub use cluster::{Stage, cluster, cluster_with, cluster_with_progress};
pub use detect::{Lang, ParseLangError};
pub use key::{key, key_parts};
pub use scheme::{ParseSchemeError, SCHEMES, Scheme};
pub use script::Script;
pub use similarity::{BatchMatcher, Matcher, Measure, Prepared, similarity};

use unicode_normalization::UnicodeNormalization;

/// The compiled transliteration tables: each table's name (its file in `tables/`) and the
/// standard it follows, as written in the table's header.
///
/// ```
/// assert!(atau::tables().any(|(name, std)| name == "kk-bgn" && std.contains("BGN/PCGN")));
/// ```
pub fn tables() -> impl Iterator<Item = (&'static str, &'static str)> {
    tables::ALL.iter().map(|t| (t.name, t.standard))
}

/// How to romanize: the output scheme and an optional language override.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Output scheme (default [`Scheme::Canonical`]).
    pub scheme: Scheme,
    /// Read Cyrillic and Arabic-script parts as this language instead of detecting it.
    pub lang: Option<Lang>,
}

impl Options {
    /// Options for `scheme` with language detection.
    pub fn new(scheme: Scheme) -> Self {
        Options { scheme, lang: None }
    }

    /// The same options with the language forced to `lang`.
    pub fn lang(mut self, lang: Lang) -> Self {
        self.lang = Some(lang);
        self
    }
}

/// One name part as analyzed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Token {
    /// The part as cleaned.
    pub text: String,
    /// Its script.
    pub script: Script,
    /// The language it was read in.
    pub lang: Lang,
    /// Its canonical form.
    pub canonical: String,
    /// Its form in the requested scheme.
    pub output: String,
    /// Some character had no table and went through deunicode.
    pub fallback: bool,
    /// The separator after it (`" "`, `"-"`, or `""` for the last part).
    pub sep: String,
}

/// The analysis of a whole name.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Name {
    /// The input as given.
    pub input: String,
    /// The canonical form (same as [`normalize`]).
    pub canonical: String,
    /// The form in the requested scheme.
    pub output: String,
    /// The requested scheme's name.
    pub scheme: &'static str,
    /// The majority script of the parts (by letters).
    pub script: Script,
    /// The language of the name: the first part's language that is not `und`.
    pub lang: Lang,
    /// The parts.
    pub tokens: Vec<Token>,
}

/// The canonical form of a name: BGN/PCGN of its language, folded to ASCII, Title Case.
///
/// ```
/// assert_eq!(atau::normalize("Қасым-Жомарт Тоқаев"), "Qasym-Zhomart Toqaev");
/// ```
pub fn normalize(name: &str) -> String {
    normalize_cow(name).into_owned()
}

/// [`normalize`] that borrows when the input is already canonical (clean Title Case ASCII).
///
/// ```
/// use std::borrow::Cow;
/// assert!(matches!(atau::normalize_cow("Aron Atabek"), Cow::Borrowed(_)));
/// ```
pub fn normalize_cow(name: &str) -> Cow<'_, str> {
    // One pass over ASCII input: only canonical characters and single inner spaces (so cleaning
    // would change nothing), noting whether the case is already Title Case per part.
    let b = name.as_bytes();
    let mut simple = b.first() != Some(&b' ') && b.last() != Some(&b' ');
    let (mut titled, mut start, mut prev_space) = (true, true, false);
    for &c in b {
        if c.is_ascii_alphabetic() {
            titled &= if start {
                c.is_ascii_uppercase()
            } else {
                c.is_ascii_lowercase()
            };
            start = false;
            prev_space = false;
        } else if c == b' ' {
            simple &= !prev_space;
            start = true;
            prev_space = true;
        } else if is_canonical_char(c as char) {
            start |= c == b'-';
            prev_space = false;
        } else {
            simple = false;
            break;
        }
    }
    if simple {
        return if titled {
            Cow::Borrowed(name)
        } else {
            ascii_title(name)
        };
    }
    Cow::Owned(romanize_with(name, &Options::default()))
}

/// The characters a canonical part may hold: ASCII letters, digits and `. , ( ) / & -`.
pub(crate) fn is_canonical_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '(' | ')' | '/' | '&' | '-')
}

/// Title Case per part for clean ASCII; borrows when nothing changes.
fn ascii_title(s: &str) -> Cow<'_, str> {
    let b = s.as_bytes();
    let mut start = true;
    let ok = b.iter().all(|&c| {
        if c.is_ascii_alphabetic() {
            let g = if start {
                c.is_ascii_uppercase()
            } else {
                c.is_ascii_lowercase()
            };
            start = false;
            g
        } else {
            if c == b' ' || c == b'-' {
                start = true;
            }
            true
        }
    });
    if ok {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if c.is_ascii_alphabetic() {
            out.push(if start {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            });
            start = false;
        } else {
            if c == ' ' || c == '-' {
                start = true;
            }
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Romanize a name in `scheme`, detecting its language.
///
/// ```
/// use atau::{romanize, Scheme};
/// assert_eq!(romanize("Гауһар", Scheme::Bgn), "Gaūhar");
/// assert_eq!(romanize("Тоқаев", Scheme::Icao), "Tokaev");
/// assert_eq!(romanize("Тоқаев", Scheme::Iso9), "Toķaev");
/// ```
pub fn romanize(name: &str, scheme: Scheme) -> String {
    romanize_with(name, &Options::new(scheme))
}

/// Romanize a name with full [`Options`].
///
/// ```
/// use atau::{romanize_with, Lang, Options, Scheme};
/// // Forced to Kazakh, е after a vowel stays e (Russian BGN would write ye).
/// let o = Options::new(Scheme::Canonical).lang(Lang::Kk);
/// assert_eq!(romanize_with("Курмангалиева", &o), "Kurmangalieva");
/// ```
pub fn romanize_with(name: &str, opts: &Options) -> String {
    // Arabic-script names start with lead byte D8–DB (U+0600–U+06FF) or EF (presentation forms).
    let arabic = name
        .as_bytes()
        .first()
        .is_some_and(|&b| matches!(b, 0xD8..=0xDB | 0xEF));
    if arabic {
        if let Some(s) = arabic::fast_name(name, opts.scheme, opts.lang) {
            // Canonical output is ASCII already.
            return if opts.scheme == Scheme::Canonical {
                s
            } else {
                finish(s)
            };
        }
    } else if let Some(s) = fast::cyrillic_name(name, opts.scheme, opts.lang) {
        return finish(s);
    } else if let Some(s) = fast::latin_name(name, opts.scheme, opts.lang) {
        return finish(s);
    }
    romanize_general(name, opts)
}

/// [`romanize_with`] without the all-Cyrillic and Arabic-script fast paths.
pub(crate) fn romanize_general(name: &str, opts: &Options) -> String {
    let cleaned = clean(name);
    let info = detect::detect(&cleaned, opts.lang);
    let mut out = String::with_capacity(cleaned.len() + 8);
    BUFFERS.with(|b| {
        let mut guard = b.try_borrow_mut();
        let mut local = romanize::Buffers::default();
        let buf = match guard.as_deref_mut() {
            Ok(b) => b,
            Err(_) => &mut local,
        };
        for p in tokenize::parts(&cleaned) {
            romanize::part(p.word, &info, opts.scheme, buf, &mut out);
            out.push_str(p.sep);
        }
    });
    if opts.scheme == Scheme::Canonical {
        // A part can romanize to nothing (a lone apostrophe or mark) or to several words
        // (deunicode): tidy the spaces and case that leaves. Otherwise `out` is already tidy.
        let b = out.as_bytes();
        let sep = |c: &u8| *c == b' ' || *c == b'-';
        let tidy = b.first().is_none_or(sep)
            || b.last().is_some_and(sep)
            || b.windows(2).any(|w| sep(&w[0]) && sep(&w[1]));
        if !tidy {
            return out;
        }
        return match clean(&out) {
            Cow::Borrowed(b) => match ascii_title(b) {
                Cow::Borrowed(_) => out,
                Cow::Owned(o) => o,
            },
            Cow::Owned(o) => ascii_title(&o).into_owned(),
        };
    }
    finish(out)
}

thread_local! {
    /// Scratch buffers reused across calls on one thread, so a name allocates only its result.
    static BUFFERS: std::cell::RefCell<romanize::Buffers> = std::cell::RefCell::default();
}

/// NFC for non-ASCII output (tables hold precomposed letters; this guarantees it).
pub(crate) fn finish(out: String) -> String {
    if out.is_ascii() {
        out
    } else {
        out.nfc().collect()
    }
}

/// Analyze a name in the canonical scheme: its parts with script, language and canonical form.
///
/// ```
/// let n = atau::analyze("Қасым-Жомарт Тоқаев");
/// assert_eq!(n.canonical, "Qasym-Zhomart Toqaev");
/// assert_eq!(n.lang, atau::Lang::Kk);
/// assert_eq!(n.tokens.len(), 3);
/// assert_eq!(n.tokens[0].sep, "-");
/// ```
pub fn analyze(name: &str) -> Name {
    analyze_with(name, &Options::default())
}

/// Analyze a name with full [`Options`]; [`Name::output`] holds the requested scheme's form.
pub fn analyze_with(name: &str, opts: &Options) -> Name {
    let cleaned = clean(name);
    let info = detect::detect(&cleaned, opts.lang);
    let mut buf = romanize::Buffers::default();
    let mut tokens = Vec::new();
    let (mut canonical, mut output) = (String::new(), String::new());
    let mut counts = [0usize; 5];
    for p in tokenize::parts(&cleaned) {
        let mut c = String::new();
        let pi = romanize::part(p.word, &info, Scheme::Canonical, &mut buf, &mut c);
        let mut o = String::new();
        let po = romanize::part(p.word, &info, opts.scheme, &mut buf, &mut o);
        let o = finish(o);
        canonical.push_str(&c);
        canonical.push_str(p.sep);
        output.push_str(&o);
        output.push_str(p.sep);
        let w = p.word.chars().filter(|c| c.is_alphabetic()).count();
        counts[pi.script as usize] += w;
        tokens.push(Token {
            text: p.word.to_string(),
            script: pi.script,
            lang: pi.lang,
            canonical: c,
            output: o,
            fallback: pi.fallback || po.fallback,
            sep: p.sep.to_string(),
        });
    }
    let scripts = [
        Script::Latin,
        Script::Cyrillic,
        Script::Arabic,
        Script::Other,
        Script::None,
    ];
    let script = (0..4)
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .filter(|&i| counts[i] > 0)
        .map_or(Script::None, |i| scripts[i]);
    let lang = tokens
        .iter()
        .map(|t| t.lang)
        .find(|l| *l != Lang::Und)
        .unwrap_or(Lang::Und);
    Name {
        input: name.to_string(),
        canonical,
        output: finish(output),
        scheme: opts.scheme.name(),
        script,
        lang,
        tokens,
    }
}
