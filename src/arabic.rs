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
use crate::script::{Script, char_script, word_script};
use crate::tables::{
    ARAB_FOLD, ARAB_FORMS, KK_ARAB, KK_ARAB_NEUTRAL, KK_ARAB_READ_BACK, KK_ARAB_READ_FRONT,
    KK_CYRL, Table, UEY, UG_ARAB_READ, UG_CANONICAL, ULY, USY,
};

/// Characters NFKC must see: presentation forms and the precomposed hamza letters U+0675–U+0678.
fn needs_nfkc(c: char) -> bool {
    matches!(c as u32, 0x0675..=0x0678 | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Step 1 of reading: NFKC where needed, then `arab-fold.tsv`. Borrows when nothing changes.
fn fold(word: &str) -> Cow<'_, str> {
    if word.chars().any(needs_nfkc) {
        let mut forms = String::with_capacity(word.len());
        ARAB_FORMS.apply(word, &mut forms);
        // NFKC can make capitals out of compatibility characters (🄐 → (A)): lower-case again.
        let n: String = forms.nfkc().flat_map(char::to_lowercase).collect();
        let mut out = String::with_capacity(n.len());
        ARAB_FOLD.apply(&n, &mut out);
        Cow::Owned(out)
    } else if word.chars().any(|c| ARAB_FOLD.maps(c)) {
        let mut out = String::with_capacity(word.len());
        ARAB_FOLD.apply(word, &mut out);
        Cow::Owned(out)
    } else {
        Cow::Borrowed(word)
    }
}

/// Kazakh and Uyghur evidence in one folded word, added to `kk` and `ug`.
fn evidence(folded: &str, kk: &mut usize, ug: &mut usize) {
    let ug_only = UG_ARAB_READ.class("ONLY");
    let kk_only = KK_ARAB_READ_BACK.class("ONLY");
    let vowel = UG_ARAB_READ.class("V");
    let cons = KK_ARAB_READ_BACK.class("CONS");
    let y = KK_ARAB_READ_BACK.class("Y");
    let mut prev: Option<char> = None;
    for c in folded.chars() {
        if char_script(c) != Script::Arabic {
            continue;
        }
        *ug += usize::from(ug_only.contains(c));
        *kk += usize::from(kk_only.contains(c));
        let kazakh_spelling = match prev {
            None => vowel.contains(c),
            Some(p) => {
                (vowel.contains(p) && vowel.contains(c)) || (cons.contains(p) && y.contains(c))
            }
        };
        *kk += usize::from(kazakh_spelling);
        prev = Some(c);
    }
}

/// The language of the Arabic-script parts of a name: Kazakh or Uyghur (the default).
pub(crate) fn detect_lang(name: &str) -> Lang {
    let (mut kk, mut ug) = (0, 0);
    for word in name.split([' ', '-']) {
        if word_script(word) != Script::Arabic {
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
/// (`kk-arab-neutral.tsv`).
fn tote_is_front(folded: &str) -> bool {
    let t = &KK_ARAB_READ_FRONT;
    let (hamza, front, back) = (t.class("HAMZA"), t.class("FRONT"), t.class("BACK"));
    if folded.chars().any(|c| hamza.contains(c)) {
        return true;
    }
    if !folded.chars().any(|c| front.contains(c)) {
        return false;
    }
    let mut stem = String::with_capacity(folded.len());
    KK_ARAB_NEUTRAL.apply(folded, &mut stem);
    let has = |set: &str| stem.chars().any(|c| set.contains(c));
    has(front) && !has(back)
}

/// Read a folded Töte word into Kazakh Cyrillic.
fn read_tote(folded: &str, out: &mut String) {
    let table = if tote_is_front(folded) {
        &KK_ARAB_READ_FRONT
    } else {
        &KK_ARAB_READ_BACK
    };
    let hamza = KK_ARAB_READ_FRONT.class("HAMZA");
    if folded.chars().any(|c| hamza.contains(c)) {
        // The hamza only selects the table; drop it so `^` contexts see the first letter.
        let stripped: String = folded.chars().filter(|c| !hamza.contains(*c)).collect();
        table.apply(&stripped, out);
    } else {
        table.apply(folded, out);
    }
}

/// Write a Kazakh (or Russian) Cyrillic pivot word in Töte: `kk-arab.tsv`, with the high hamza
/// first when the word without its harmony-neutral ending (`kk-arab-neutral.tsv`) holds a front
/// vowel (class `FRONT`) and none of class `NOHAMZA`.
fn write_tote(pivot: &str, out: &mut String) {
    let (front, nohamza) = (KK_ARAB.class("FRONT"), KK_ARAB.class("NOHAMZA"));
    let mut stem = String::with_capacity(pivot.len());
    KK_ARAB_NEUTRAL.apply(pivot, &mut stem);
    if stem.chars().any(|c| front.contains(c)) && !stem.chars().any(|c| nohamza.contains(c)) {
        out.push_str(KK_ARAB.class("HAMZA"));
    }
    KK_ARAB.apply(pivot, out);
}

/// Write `pivot` (of language `lang`) in `scheme` when the scheme needs more than one table pass
/// (Töte's word-level hamza). Returns `false`, writing nothing, for every other pair.
pub(crate) fn write_word(pivot: &str, lang: Lang, scheme: Scheme, out: &mut String) -> bool {
    match (scheme, lang) {
        (Scheme::KkArab | Scheme::Uey, Lang::Kk | Lang::Ru) => {
            write_tote(pivot, out);
            true
        }
        _ => false,
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
