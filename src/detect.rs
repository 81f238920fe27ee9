//! Step 3b, detect the language of a name and, for Latin, which Kazakh Latin alphabet it uses.
//!
//! The evidence is data in the tables: the class `ONLY` of `kk-canonical.tsv` (letters only Kazakh
//! Cyrillic has), the class `MARK` of each Kazakh Latin reader, and the 2017 apostrophe digraphs.

use crate::script::{Script, char_script};
use crate::tables::{
    KK_CANONICAL_ONLY, KK_LATN_2017_READ, KK_LATN_2017_READ_FOREIGN, KK_LATN_2018_READ,
    KK_LATN_2018_READ_FOREIGN, KK_LATN_2018_READ_MARK, KK_LATN_2021_READ,
    KK_LATN_2021_READ_FOREIGN, KK_LATN_2021_READ_MARK, Table, UG_CYRL_READ_NOT, UG_CYRL_READ_ONLY,
    UG_LATN_READ, UG_LATN_READ_MARK, UG_LATN_READ_SHARED, UG_LATN_READ_WEAK,
};

/// The language a name part is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Lang {
    /// Kazakh (Cyrillic, Kazakh Latin, or Töte Arabic script).
    Kk,
    /// Russian (Cyrillic).
    Ru,
    /// Uyghur (Arabic script UEY, Latin ULY, Cyrillic USY).
    Ug,
    /// Undetermined: plain Latin or another script, kept as written.
    Und,
}

impl Lang {
    /// The BCP 47 code (`kk`, `ru`, `ug`, `und`).
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::Ug => "ug",
            Lang::Und => "und",
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Error for an unknown language code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseLangError(String);

impl std::fmt::Display for ParseLangError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown language `{}` (expected kk, ru or ug)", self.0)
    }
}

impl std::error::Error for ParseLangError {}

impl std::str::FromStr for Lang {
    type Err = ParseLangError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "kk" | "kaz" | "kazakh" => Ok(Lang::Kk),
            "ru" | "rus" | "russian" => Ok(Lang::Ru),
            "ug" | "uig" | "uyghur" => Ok(Lang::Ug),
            _ => Err(ParseLangError(s.to_string())),
        }
    }
}

/// What the detector decided for a whole name.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NameInfo {
    /// Language of the Cyrillic parts.
    pub(crate) cyrillic: Lang,
    /// Language of the Arabic-script parts.
    pub(crate) arabic: Lang,
    /// The reader for the Latin parts and the language of its pivot (a Kazakh Latin alphabet, or
    /// ULY for Uyghur), or `None` for plain Latin.
    pub(crate) latin: Option<(&'static Table, Lang)>,
    /// The Latin parts have no letter only a Kazakh Latin alphabet has, so a Uyghur scheme
    /// (uly, usy, uey) reads them as ULY.
    pub(crate) uly_ok: bool,
}

/// A class of letters below U+0500 (Latin and Cyrillic) as a bit set, built at compile time from
/// the table class; a class with a character above that fails the build.
pub(crate) const fn mask(set: &str) -> [u64; 20] {
    let b = set.as_bytes();
    let mut m = [0u64; 20];
    let mut i = 0;
    while i < b.len() {
        // Letters below U+0500 are one byte (ASCII) or two (lead byte C0–DF).
        let u = if b[i] < 0x80 {
            i += 1;
            b[i - 1] as usize
        } else if b[i] < 0xE0 && i + 1 < b.len() {
            i += 2;
            (((b[i - 2] & 0x1F) as usize) << 6) | (b[i - 1] & 0x3F) as usize
        } else {
            usize::MAX
        };
        assert!(
            u < 20 * 64,
            "detection classes hold letters below U+0500 only"
        );
        m[u / 64] |= 1 << (u % 64);
    }
    m
}

/// Whether the class mask `m` holds `c`.
#[inline]
pub(crate) fn has(m: &[u64; 20], c: char) -> bool {
    let u = c as usize;
    u < 20 * 64 && (m[u / 64] >> (u % 64)) & 1 != 0
}

pub(crate) const KK_ONLY: [u64; 20] = mask(KK_CANONICAL_ONLY);
const MARK18: [u64; 20] = mask(KK_LATN_2018_READ_MARK);
const MARK21: [u64; 20] = mask(KK_LATN_2021_READ_MARK);
pub(crate) const NOT_UG_CYR: [u64; 20] = mask(UG_CYRL_READ_NOT);
pub(crate) const UG_CYR: [u64; 20] = mask(UG_CYRL_READ_ONLY);
const ULY_MARK: [u64; 20] = mask(UG_LATN_READ_MARK);
const ULY_SHARED: [u64; 20] = mask(UG_LATN_READ_SHARED);
const ULY_WEAK: [u64; 20] = mask(UG_LATN_READ_WEAK);

/// What the Latin letters of a name say about its alphabet: the marks of the 2018 and 2021
/// alphabets, the 2017 apostrophe digraphs, and the letters of ULY.
#[derive(Default, Clone, Copy)]
pub(crate) struct LatinEvidence {
    l18: bool,
    l21: bool,
    l17: bool,
    /// A 2021 mark that ULY lacks (ö ü are in both).
    l21_own: bool,
    uly_letters: bool,
}

impl LatinEvidence {
    /// Note a Latin letter `c`, whose lower case (as `lower_char`) is `lc`.
    #[inline]
    pub(crate) fn letter(&mut self, c: char, lc: char) {
        if c.is_ascii() {
            self.uly_letters |= has(&ULY_WEAK, lc);
        } else {
            self.l18 |= has(&MARK18, lc);
            self.l21 |= has(&MARK21, lc) || c == 'İ';
            self.uly_letters |= has(&ULY_MARK, lc);
            self.l21_own |= (has(&MARK21, lc) && !has(&ULY_SHARED, lc)) || c == 'İ';
        }
    }

    /// Note an apostrophe after `prev` and before the byte `next`.
    pub(crate) fn apostrophe(&mut self, prev: char, next: Option<u8>) {
        if !prev.is_ascii_alphabetic() {
            return;
        }
        let lp = prev.to_ascii_lowercase() as u8;
        // ULY writes an apostrophe between two letters that would otherwise read as one of its
        // digraphs (s'h, n'g, z'h, g'h, c'h): that is not a 2017 letter.
        let uly_sep = next.map(|b| b.to_ascii_lowercase()).is_some_and(|nb| {
            std::str::from_utf8(&[lp, nb]).is_ok_and(|d| UG_LATN_READ.has_src(d))
        });
        let d = [lp, b'\''];
        self.l17 |= !uly_sep && std::str::from_utf8(&d).is_ok_and(|d| KK_LATN_2017_READ.has_src(d));
    }

    /// The reader for the Latin parts and its pivot language (`None`: plain Latin), and whether
    /// the Latin could be ULY (no letter only a Kazakh alphabet has).
    pub(crate) fn reader(&self, forced: Option<Lang>) -> (Option<(&'static Table, Lang)>, bool) {
        let uly_ok = !self.l18 && !self.l21_own;
        // ULY rather than Kazakh 2021: ö/ü with a letter 2021 lacks (x w é ë). Otherwise Latin
        // is read as ULY only in a Uyghur scheme (see `uly_ok`) or when forced to Uyghur; plain
        // Latin with é or ë (Medvédev, Fëdor) stays plain.
        let uly = self.l21 && uly_ok && self.uly_letters;
        let latin = if uly || forced == Some(Lang::Ug) {
            Some((&UG_LATN_READ, Lang::Ug))
        } else if self.l18 {
            Some((&KK_LATN_2018_READ, Lang::Kk))
        } else if self.l21 {
            Some((&KK_LATN_2021_READ, Lang::Kk))
        } else if self.l17 {
            Some((&KK_LATN_2017_READ, Lang::Kk))
        } else {
            None
        };
        (latin, uly_ok)
    }
}

const FOREIGN17: [u64; 20] = mask(KK_LATN_2017_READ_FOREIGN);
const FOREIGN18: [u64; 20] = mask(KK_LATN_2018_READ_FOREIGN);
const FOREIGN21: [u64; 20] = mask(KK_LATN_2021_READ_FOREIGN);

/// The class `FOREIGN` (letters the alphabet lacks) of a Kazakh Latin reader, as a bit set.
pub(crate) fn foreign_mask(reader: &Table) -> Option<&'static [u64; 20]> {
    [
        (&KK_LATN_2017_READ, &FOREIGN17),
        (&KK_LATN_2018_READ, &FOREIGN18),
        (&KK_LATN_2021_READ, &FOREIGN21),
    ]
    .into_iter()
    .find(|(t, _)| t.id == reader.id)
    .map(|(_, m)| m)
}

/// Detect language and Latin alphabet for a cleaned name. `forced` overrides the language of
/// Cyrillic and Arabic-script parts (plain Latin stays plain).
pub(crate) fn detect(name: &str, forced: Option<Lang>) -> NameInfo {
    let (mut kk, mut has_arabic) = (false, false);
    let (mut ug, mut not_ug) = (false, false);
    let mut latin_evidence = LatinEvidence::default();
    let mut prev = ' ';
    for (i, c) in name.char_indices() {
        // ASCII: a letter (ULY evidence), the apostrophe (2017 evidence), or nothing to note.
        let script = match c {
            'a'..='z' | 'A'..='Z' => Script::Latin,
            '\'' => Script::None,
            _ if c.is_ascii() => {
                prev = c;
                continue;
            }
            _ => char_script(c),
        };
        match script {
            // Only letters outside the Russian alphabet (і, U+0490 on) can tell Kazakh or
            // Uyghur: skip the rest cheaply.
            Script::Cyrillic if c as u32 >= 0x0490 || matches!(c, 'і' | 'І') => {
                let lc = crate::romanize::lower_char(c);
                kk |= has(&KK_ONLY, lc);
                ug |= has(&UG_CYR, lc);
                not_ug |= has(&NOT_UG_CYR, lc);
            }
            Script::Latin => latin_evidence.letter(c, crate::romanize::lower_char(c)),
            Script::Cyrillic => {}
            Script::Arabic => has_arabic = true,
            _ if c == '\'' => latin_evidence.apostrophe(prev, name[i + 1..].bytes().next()),
            _ => {}
        }
        prev = c;
    }
    let (latin, uly_ok) = latin_evidence.reader(forced);
    // Uyghur Cyrillic (USY) has җ and no ұ і.
    let detected = if ug && !not_ug {
        Lang::Ug
    } else if kk {
        Lang::Kk
    } else {
        Lang::Ru
    };
    let cyrillic = forced.unwrap_or(detected);
    let arabic = match forced {
        Some(l) => l,
        None if has_arabic => crate::arabic::detect_lang(name),
        None => Lang::Und,
    };
    NameInfo {
        cyrillic,
        arabic,
        latin,
        uly_ok,
    }
}
