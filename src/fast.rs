//! Fast paths for the most common inputs: a clean name of Cyrillic letters, or of Latin letters
//! in a Kazakh Latin alphabet, in parts separated by single spaces or hyphens. One pass checks
//! the shape (so that `clean` would change nothing) and lower-cases into a stack array, a second
//! writes each part with the same tables as the general path. Anything else returns `None` and
//! takes the general path; tests check both paths agree.

use crate::detect::{KK_ONLY, Lang, LatinEvidence, NOT_UG_CYR, UG_CYR, has};
use crate::romanize::{lower_char, title_case};
use crate::scheme::Scheme;
use crate::tables::{Compact, Sink, StackSink};

/// [`CYRILLIC`] flags: a letter outside the Russian alphabet (the table might not map it: it would
/// pass through); in the class `ONLY` of `kk-canonical` (Kazakh); in `ONLY` / `NOT` of
/// `ug-cyrl-read` (Uyghur Cyrillic); a Cyrillic sign or combining mark (U+0482–U+0489).
const RARE: u8 = 1;
const KK: u8 = 2;
const UG: u8 = 4;
const NOT_UG: u8 = 8;
const INVALID: u8 = 16;

/// For each code point U+0400–U+053F (the two-byte UTF-8 sequences led by D0–D4): its lower case
/// (`lower_char`) and its flags, the classes tested only where they can differ (from U+0490 on,
/// and і).
static CYRILLIC: std::sync::LazyLock<[(char, u8); 320]> = std::sync::LazyLock::new(|| {
    std::array::from_fn(|k| {
        let u = 0x0400 + k as u32;
        let c = lower_char(char::from_u32(u).unwrap_or('\0'));
        let mut f = 0;
        if (0x0482..=0x0489).contains(&u) {
            f |= INVALID;
        }
        if u >= 0x0460 || !('\u{0430}'..='\u{0451}').contains(&c) {
            f |= RARE;
        }
        if u >= 0x0490 || c == 'і' {
            f |= if has(&KK_ONLY, c) { KK } else { 0 }
                | if has(&UG_CYR, c) { UG } else { 0 }
                | if has(&NOT_UG_CYR, c) { NOT_UG } else { 0 };
        }
        (c, f)
    })
});

/// Romanize `name` if it has the simple all-Cyrillic shape; `None` otherwise.
pub(crate) fn cyrillic_name(name: &str, scheme: Scheme, forced: Option<Lang>) -> Option<String> {
    if matches!(scheme, Scheme::KkArab | Scheme::Uey) || matches!(forced, Some(Lang::Ug)) {
        return None;
    }
    // Pass 1, over bytes: every character is a two-byte Cyrillic letter (lead byte D0–D4) or a
    // single space/hyphen between parts; lower-cased into a stack array as we go.
    let b = name.as_bytes();
    let mut chars = ['\0'; 64];
    let (mut n, mut i) = (0usize, 0usize);
    let cyr: &[(char, u8); 320] = &CYRILLIC;
    let mut flags = 0u8;
    let mut at_sep = true;
    // Where each separator is in `chars` (parts lie between them), then the end.
    let mut seps = [0u8; 33];
    let mut n_seps = 0;
    while i < b.len() {
        if n == chars.len() {
            return None;
        }
        let x = b[i];
        if x == b' ' || x == b'-' {
            if at_sep || n_seps + 1 == seps.len() {
                return None;
            }
            at_sep = true;
            seps[n_seps] = n as u8;
            n_seps += 1;
            chars[n] = x as char;
            n += 1;
            i += 1;
            continue;
        }
        if !(0xD0..=0xD4).contains(&x) || i + 1 >= b.len() {
            return None;
        }
        // U+0400–U+053F: lower case and classes by one lookup.
        let (c, f) = cyr[((x as usize & 0x1F) << 6 | (b[i + 1] as usize & 0x3F)) - 0x400];
        flags |= f;
        chars[n] = c;
        n += 1;
        i += 2;
        at_sep = false;
    }
    if at_sep || flags & INVALID != 0 {
        return None; // empty, a trailing separator, or a combining mark
    }
    let (kk, ug, not_ug, rare) = (
        flags & KK != 0,
        flags & UG != 0,
        flags & NOT_UG != 0,
        flags & RARE != 0,
    );
    let lang = forced.unwrap_or(if ug && !not_ug {
        Lang::Ug
    } else if kk {
        Lang::Kk
    } else {
        Lang::Ru
    });
    if lang == Lang::Ug {
        return None;
    }
    let table = scheme
        .writer(lang)
        .or_else(|| Scheme::Canonical.writer(lang))?;
    // Pass 2: write each part.
    let write = table.compacted();
    seps[n_seps] = n as u8;
    let out = write_parts(&chars[..n], &seps[..=n_seps], table.turkic, |part, sink| {
        write.apply_chars_stack(part, sink);
        true
    })?;
    // A letter the table does not map passes through; canonical output must be ASCII (for a
    // table that writes only letters, ASCII output is canonical: the input held only letters and
    // separators).
    let canonical = if table.letters_only {
        !rare || out.is_ascii()
    } else {
        out.bytes()
            .all(|c| c == b' ' || crate::is_canonical_char(c as char))
    };
    if scheme == Scheme::Canonical && !canonical {
        return None; // a table wrote something canonical may not hold: let the general path fold it
    }
    Some(out)
}

/// Romanize `name` if it is a clean Latin name read by a Kazakh Latin alphabet (2017, 2018 or
/// 2021) into a scheme whose table writes each letter on its own: each part is read into the
/// Kazakh Cyrillic pivot and written in one pass ([`ThroughStack`]); `None` otherwise.
pub(crate) fn latin_name(name: &str, scheme: Scheme, forced: Option<Lang>) -> Option<String> {
    if matches!(
        scheme,
        Scheme::KkArab | Scheme::Uey | Scheme::Uly | Scheme::Usy
    ) || forced == Some(Lang::Ug)
    {
        return None;
    }
    // Pass 1: Latin letters (ASCII, U+00C0–U+024F but × ÷), apostrophes inside a part, and
    // single spaces or hyphens between parts, lower-cased, with the evidence for the alphabet
    // (plain ASCII without a 2017 apostrophe digraph is plain Latin and leaves below).
    let mut chars = ['\0'; 64];
    let mut n = 0usize;
    let mut at_sep = true;
    let mut letter_in_part = false;
    let mut seps = [0u8; 33];
    let mut n_seps = 0;
    // Where a capital I stood: dotless ı in an alphabet with Turkic case (2021), else i.
    let mut capital_i = 0u64;
    let mut evidence = LatinEvidence::default();
    let mut prev = ' ';
    for (i, c) in name.char_indices() {
        if n == chars.len() {
            return None;
        }
        match c {
            ' ' | '-' => {
                if at_sep || !letter_in_part || n_seps + 1 == seps.len() {
                    return None;
                }
                at_sep = true;
                letter_in_part = false;
                seps[n_seps] = n as u8;
                n_seps += 1;
            }
            'a'..='z' | 'A'..='Z' => {
                at_sep = false;
                letter_in_part = true;
            }
            '\'' if !at_sep => evidence.apostrophe(prev, name[i + 1..].bytes().next()),
            '\u{00C0}'..='\u{024F}' if c != '\u{00D7}' && c != '\u{00F7}' => {
                at_sep = false;
                letter_in_part = true;
            }
            _ => return None,
        }
        // Lower case as `romanize::lower_into` (İ is i).
        let lc = match c {
            'I' => {
                capital_i |= 1 << n;
                'i'
            }
            'İ' => 'i',
            _ if c.is_ascii() => c.to_ascii_lowercase(),
            _ => lower_char(c),
        };
        if c != '\'' && c != ' ' && c != '-' {
            evidence.letter(c, lc);
        }
        chars[n] = lc;
        n += 1;
        prev = c;
    }
    if at_sep || !letter_in_part {
        return None;
    }
    debug_assert!(matches!(crate::clean(name), std::borrow::Cow::Borrowed(_)));
    // The alphabet, as `detect` decides it (the name holds only Latin letters).
    let (Some((reader, Lang::Kk)), _) = evidence.reader(forced) else {
        return None;
    };
    let writer = scheme
        .writer(Lang::Kk)
        .or_else(|| Scheme::Canonical.writer(Lang::Kk))?
        .compacted();
    if !writer.is_homomorphism() {
        return None;
    }
    let read: &Compact = reader.compacted();
    if reader.turkic {
        for (k, c) in chars[..n].iter_mut().enumerate() {
            if capital_i & (1 << k) != 0 {
                *c = 'ı';
            }
        }
    }
    // A letter no Kazakh Latin alphabet has: plain Latin, on the general path.
    let foreign = crate::detect::foreign_mask(reader)?;
    if chars[..n].iter().any(|&c| has(foreign, c)) {
        return None;
    }
    seps[n_seps] = n as u8;
    write_parts(
        &chars[..n],
        &seps[..=n_seps],
        writer.turkic(),
        |part, sink| {
            let at = sink.len;
            read.apply_through_stack(writer, part, sink);
            // Canonical output that needs folding to ASCII is left to the general path.
            scheme != Scheme::Canonical
                || sink.buf[at..sink.len]
                    .iter()
                    .all(|&b| crate::is_canonical_char(b as char))
        },
    )
}

/// Write the parts of `chars` (which end at `ends`, each but the last at a separator) into a
/// stack buffer with `write` (false: give up), upper-case the first letter of each part there
/// when it is an ASCII letter (most parts) and in the `String` otherwise.
fn write_parts(
    chars: &[char],
    ends: &[u8],
    turkic: bool,
    mut write: impl FnMut(&[char], &mut StackSink) -> bool,
) -> Option<String> {
    let mut sink = StackSink::new();
    let mut slow = [0u16; 33];
    let mut n_slow = 0;
    let mut start = 0;
    for &end in ends {
        let end = end as usize;
        let at = sink.len;
        // An empty part (a lone ъ) is left to the general path, which tidies the separators.
        if !write(&chars[start..end], &mut sink) || sink.full || sink.len == at {
            return None;
        }
        match sink.buf.get(at).copied() {
            Some(c) if at < sink.len && c.is_ascii_lowercase() && !(turkic && c == b'i') => {
                sink.buf[at] = c.to_ascii_uppercase();
            }
            _ if n_slow < slow.len() => {
                slow[n_slow] = at as u16;
                n_slow += 1;
            }
            _ => return None,
        }
        if let Some(&sep) = chars.get(end) {
            sink.push_char(sep);
        }
        start = end + 1;
    }
    if sink.full {
        return None;
    }
    let mut out = String::from(sink.as_str());
    for &at in slow[..n_slow].iter().rev() {
        title_first(&mut out, at as usize, turkic);
    }
    Some(out)
}

/// Upper-case the first letter written at or after byte `at`.
fn title_first(out: &mut String, at: usize, turkic: bool) {
    match out.as_bytes().get(at) {
        Some(&c) if c.is_ascii_lowercase() && !(turkic && c == b'i') => {
            out[at..at + 1].make_ascii_uppercase();
        }
        Some(_) => {
            let mut w = out.split_off(at);
            title_case(&mut w, turkic);
            out.push_str(&w);
        }
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::{Lang, Scheme, cyrillic_name, latin_name};
    use crate::{Options, SCHEMES};
    use std::borrow::Cow;

    /// The fast path and the general path give the same output for every scheme.
    #[test]
    fn agrees_with_general_path() {
        let names = [
            "Құрманғалиева Гауһар",
            "Гаухар Курмангалиева",
            "Қасым-Жомарт Тоқаев",
            "ЁЛКИН СЕМЁН",
            "Объедков Ерлан",
            "Илья Ильин",
            "Рабийә Қадир",
            "Зордун Сабир",
            "Шыңғыс Әбілқасымов",
            "Җамал Һеким",
            "Іңкәр",
            "ОЛЬГА-ЕЛЕНА РЫПАКОВА",
            "Ұлжан Үмбетова",
            "Ӏа",
        ];
        let checked = agree(&names, cyrillic_name);
        assert!(checked > 100, "fast path taken only {checked} times");
    }

    /// Check `fast` against the general path on `names` for every scheme and language (the
    /// names it takes must be ones `clean` leaves alone); how many results were compared.
    fn agree(names: &[&str], fast: fn(&str, Scheme, Option<Lang>) -> Option<String>) -> usize {
        let mut checked = 0;
        for &n in names {
            for (scheme, _, _) in SCHEMES {
                for lang in [None, Some(Lang::Kk), Some(Lang::Ru)] {
                    if let Some(f) = fast(n, *scheme, lang) {
                        assert!(matches!(crate::clean(n), Cow::Borrowed(_)), "{n}");
                        let opts = Options {
                            scheme: *scheme,
                            lang,
                        };
                        let slow = crate::romanize_general(n, &opts);
                        assert_eq!(crate::finish(f), slow, "{n} [{scheme}] {lang:?}");
                        checked += 1;
                    }
                }
            }
        }
        checked
    }

    /// The Latin fast path and the general path give the same output for every scheme, and the
    /// names it takes are ones `clean` leaves alone.
    #[test]
    fn latin_agrees_with_general_path() {
        let names = [
            "Gauhar Qūrmanğalieva",
            "Gaýhar Qurmanǵalıeva",
            "Gauhar Qurmang'alieva",
            "Gülfiye Kazıbek",
            "Äliia Moldağūlova",
            "Şoqan Uälihanov",
            "ŞOQAN UÄLİHANOV",
            "ILIAS İLİAS",
            "Iñkär",
            "Qasym-Jomart Toqaev",
            "Nūrsūltan Äbişūly Nazarbaev",
            "Bókeıhan",
            "Ermekbaı Ýálıhanov",
            "A'lihan Bo'kei'han",
            "Ös'ken",
            "Mäskeu Älijew",
            "Täžekejev Ğalym",
            "Öмер",
            "Ä-",
            "Ä  Ä",
            "'Ä",
            "Ä'",
            "Ämir ×",
            "Ümit\u{0301}",
            "Exmet Tursun Ömer",
        ];
        let checked = agree(&names, latin_name);
        assert!(checked > 100, "fast path taken only {checked} times");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// On random Latin names (Kazakh Latin letters, apostrophes, separators, case) every
        /// scheme's fast result is the general path's.
        #[test]
        fn cyrillic_fast_path_is_general_path(n in "[а-яА-ЯёЁәӘғҒқҚңҢөӨұҰүҮһҺіІҗҖӀѣ -]{1,24}") {
            for (scheme, _, _) in SCHEMES {
                for lang in [None, Some(crate::Lang::Kk), Some(crate::Lang::Ru)] {
                    let opts = Options { scheme: *scheme, lang };
                    if let Some(fast) = cyrillic_name(&n, *scheme, lang) {
                        proptest::prop_assert_eq!(crate::finish(fast), crate::romanize_general(&n, &opts));
                    }
                }
            }
        }

        #[test]
        fn latin_fast_path_is_general_path(n in "[a-zA-ZäÄğñöÖşŞūüıİIáǵńóúýÝčšžéwx' -]{1,16}") {
            for (scheme, _, _) in SCHEMES {
                let opts = Options { scheme: *scheme, lang: None };
                if let Some(fast) = latin_name(&n, *scheme, None) {
                    proptest::prop_assert_eq!(crate::finish(fast), crate::romanize_general(&n, &opts));
                }
            }
        }
    }
}
