//! Fast path for the most common input: a clean name of Cyrillic letters in parts separated by
//! single spaces or hyphens. One pass checks the shape and detects the language (the same letter
//! classes as `detect`) and lower-cases into a stack array, a second writes each part with the
//! scheme's table. Anything else
//! returns `None` and takes the general path; a test checks both paths agree.

use crate::detect::Lang;
use crate::romanize::{lower_char, title_case};
use crate::scheme::Scheme;
use crate::tables::{KK_CANONICAL_ONLY, UG_CYRL_READ_NOT, UG_CYRL_READ_ONLY};

/// A class's Cyrillic letters (U+0400–U+053F) as a bit set, built at compile time from the table
/// class, so the test per letter is one shift.
const fn cyrillic_mask(set: &str) -> [u64; 5] {
    let b = set.as_bytes();
    let mut m = [0u64; 5];
    let mut i = 0;
    while i + 1 < b.len() {
        if b[i] >= 0xD0 && b[i] <= 0xD4 {
            let u = (((b[i] & 0x1F) as u32) << 6) | (b[i + 1] & 0x3F) as u32;
            let k = (u - 0x0400) as usize;
            m[k / 64] |= 1 << (k % 64);
            i += 2;
        } else {
            i += 1;
        }
    }
    m
}

const KK: [u64; 5] = cyrillic_mask(KK_CANONICAL_ONLY);
const UG: [u64; 5] = cyrillic_mask(UG_CYRL_READ_ONLY);
const NOT_UG: [u64; 5] = cyrillic_mask(UG_CYRL_READ_NOT);

#[inline]
fn has(mask: &[u64; 5], c: char) -> bool {
    let k = (c as u32).wrapping_sub(0x0400) as usize;
    k < 320 && mask[k / 64] & (1 << (k % 64)) != 0
}

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
    let (mut kk, mut ug, mut not_ug) = (false, false, false);
    // Any letter outside the Russian alphabet: the table might not map it (it would pass through).
    let mut rare = false;
    let mut at_sep = true;
    while i < b.len() {
        if n == chars.len() {
            return None;
        }
        let x = b[i];
        if x == b' ' || x == b'-' {
            if at_sep {
                return None;
            }
            at_sep = true;
            chars[n] = x as char;
            n += 1;
            i += 1;
            continue;
        }
        if !(0xD0..=0xD4).contains(&x) || i + 1 >= b.len() {
            return None;
        }
        let u = ((x as u32 & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F);
        if (0x0482..=0x0489).contains(&u) {
            return None; // Cyrillic sign and combining marks
        }
        let c = lower_char(char::from_u32(u)?);
        if u >= 0x0460 || !(0x0430..=0x0451).contains(&(c as u32)) {
            rare = true;
        }
        if u >= 0x0490 || c == 'і' {
            kk |= has(&KK, c);
            ug |= has(&UG, c);
            not_ug |= has(&NOT_UG, c);
        }
        chars[n] = c;
        n += 1;
        i += 2;
        at_sep = false;
    }
    if at_sep {
        return None; // empty, or a trailing separator
    }
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
    // Pass 2: write each part, then upper-case its first letter.
    let mut out = String::with_capacity(name.len() + 8);
    let mut start = 0;
    for j in 0..=n {
        if j < n && chars[j] != ' ' && chars[j] != '-' {
            continue;
        }
        let at = out.len();
        table.apply_chars(&chars[start..j], &mut out);
        title_first(&mut out, at, table.turkic);
        if j < n {
            out.push(chars[j]);
        }
        start = j + 1;
    }
    if scheme == Scheme::Canonical
        && (rare || !table.letters_only)
        && !out
            .bytes()
            .all(|c| c == b' ' || crate::is_canonical_char(c as char))
    {
        return None; // a table wrote something canonical may not hold: let the general path fold it
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
    use super::cyrillic_name;
    use crate::{Options, SCHEMES};

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
        let mut checked = 0;
        for n in names {
            for (scheme, _, _) in SCHEMES {
                for lang in [None, Some(crate::Lang::Kk), Some(crate::Lang::Ru)] {
                    if let Some(fast) = cyrillic_name(n, *scheme, lang) {
                        let opts = Options {
                            scheme: *scheme,
                            lang,
                        };
                        let slow = crate::romanize_general(n, &opts);
                        assert_eq!(fast, slow, "{n} [{scheme}] {lang:?}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 100, "fast path taken only {checked} times");
    }
}
