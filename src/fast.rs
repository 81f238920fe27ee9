//! Fast path for the most common input: a clean name of Cyrillic letters in parts separated by
//! single spaces or hyphens. One pass checks the shape and detects the language (the same letter
//! classes as `detect`), a second writes each part with `romanize::cyrillic_fast`. Anything else
//! returns `None` and takes the general path; a test checks both paths agree.

use crate::detect::{Lang, NameInfo};
use crate::romanize::{cyrillic_fast, lower_char};
use crate::scheme::Scheme;
use crate::tables::{KK_CANONICAL_ONLY, UG_CYRL_READ_NOT, UG_CYRL_READ_ONLY};

#[inline]
fn has(set: &str, c: char) -> bool {
    set.chars().any(|x| x == c)
}

/// Romanize `name` if it has the simple all-Cyrillic shape; `None` otherwise.
pub(crate) fn cyrillic_name(name: &str, scheme: Scheme, forced: Option<Lang>) -> Option<String> {
    if matches!(scheme, Scheme::KkArab | Scheme::Uey) || matches!(forced, Some(Lang::Ug)) {
        return None;
    }
    let (mut kk, mut ug, mut not_ug) = (false, false, false);
    let mut at_sep = true;
    for c in name.chars() {
        let u = c as u32;
        if c == ' ' || c == '-' {
            if at_sep {
                return None;
            }
            at_sep = true;
            continue;
        }
        if !(0x0400..=0x0481).contains(&u) && !(0x048A..=0x052F).contains(&u) {
            return None;
        }
        if u >= 0x0490 || c == 'і' || c == 'І' {
            let lc = lower_char(c);
            kk |= has(KK_CANONICAL_ONLY, lc);
            ug |= has(UG_CYRL_READ_ONLY, lc);
            not_ug |= has(UG_CYRL_READ_NOT, lc);
        }
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
    let info = NameInfo { cyrillic: lang, arabic: Lang::Und, latin: None, uly_ok: false };
    let mut out = String::with_capacity(name.len() + 8);
    let mut rest = name;
    while !rest.is_empty() {
        let end = rest.find([' ', '-']).unwrap_or(rest.len());
        let p = cyrillic_fast(&rest[..end], &info, scheme, &mut out)?;
        if p.fallback {
            return None;
        }
        if end < rest.len() {
            out.push_str(&rest[end..end + 1]);
            rest = &rest[end + 1..];
        } else {
            rest = "";
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::cyrillic_name;
    use crate::{Options, SCHEMES};

    /// The fast path and the general path give the same output for every scheme.
    #[test]
    fn agrees_with_general_path() {
        let names = [
            "Құрманғалиева Гауһар", "Гаухар Курмангалиева", "Қасым-Жомарт Тоқаев", "ЁЛКИН СЕМЁН",
            "Объедков Ерлан", "Илья Ильин", "Рабийә Қадир", "Зордун Сабир", "Шыңғыс Әбілқасымов",
            "Җамал Һеким", "Іңкәр", "ОЛЬГА-ЕЛЕНА РЫПАКОВА", "Ұлжан Үмбетова", "Ӏа",
        ];
        let mut checked = 0;
        for n in names {
            for (scheme, _, _) in SCHEMES {
                for lang in [None, Some(crate::Lang::Kk), Some(crate::Lang::Ru)] {
                    if let Some(fast) = cyrillic_name(n, *scheme, lang) {
                        let opts = Options { scheme: *scheme, lang };
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
