//! Step 1, clean: NFC, invisible characters removed, dashes/apostrophes/whitespace unified
//! (`tables/clean.tsv`), and Latin/Cyrillic look-alikes inside a mixed-script word folded to the
//! word's majority script (`tables/homoglyphs*.tsv`).

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::script::{Script, char_script};
use crate::tables::{
    CLEAN, HOMOGLYPHS, HOMOGLYPHS_LATN_CYRL, HOMOGLYPHS_LATN_CYRL_UPPER, HOMOGLYPHS_UPPER,
};

/// Whether `s` is already clean, checked in one pass without Unicode property lookups: only
/// printable ASCII (no grave accent), Latin-1/Latin Extended-A/B letters and Cyrillic letters
/// (all of which are NFC as they stand), single inner spaces, and no word mixing Latin and
/// Cyrillic letters. Arabic letters of U+0620–U+06FF are accepted too (they do not count as Latin or
/// Cyrillic). Anything else takes the full path.
fn is_clean(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let (mut prev_space, mut lat, mut cyr) = (false, false, false);
    for c in s.chars() {
        let u = c as u32;
        if u < 0x80 {
            match c {
                ' ' | '-' => {
                    if c == ' ' && prev_space || lat && cyr {
                        return false;
                    }
                    prev_space = c == ' ';
                    (lat, cyr) = (false, false);
                    continue;
                }
                '`' => return false,
                _ if c.is_ascii_control() => return false,
                _ => lat |= c.is_ascii_alphabetic(),
            }
        } else {
            match u {
                0x00D7 | 0x00F7 => return false,
                0x00C0..=0x024F => lat = true,
                0x0400..=0x0481 | 0x048A..=0x052F => cyr = true,
                // Arabic letters from U+0620 on (below are the combining signs U+0610–U+061A):
                // starters that NFC leaves alone and `clean.tsv` does not map.
                0x0620..=0x06FF if crate::script::arabic_letter(c) => {}
                _ => return false,
            }
        }
        prev_space = false;
    }
    !(lat && cyr)
}

/// Clean one name. Borrows when the input needs no change.
///
/// ```
/// assert_eq!(atau::clean("  Қасым\u{2013}Жомарт\u{00a0}\u{200b}Тоқаев "), "Қасым-Жомарт Тоқаев");
/// assert_eq!(atau::clean("O\u{2019}Brien"), "O'Brien");
/// ```
pub fn clean(input: &str) -> Cow<'_, str> {
    if is_clean(input) {
        return Cow::Borrowed(input);
    }
    clean_full(input)
}

/// [`clean`] without the `is_clean` shortcut.
fn clean_full(input: &str) -> Cow<'_, str> {
    let nfc: Cow<str> = match is_nfc_quick(input.chars()) {
        IsNormalized::Yes => Cow::Borrowed(input),
        _ => Cow::Owned(input.nfc().collect()),
    };
    let mut out = String::with_capacity(nfc.len());
    let mut pending_space = false;
    for c in nfc.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if c.is_control() {
            continue;
        }
        let letter = matches!(char_script(c), Script::Latin | Script::Cyrillic);
        let rep = if !letter && CLEAN.maps(c) {
            CLEAN.simple(c)
        } else {
            None
        };
        let mut buf = [0u8; 4];
        let piece: &str = match rep {
            Some(r) => r,
            None => c.encode_utf8(&mut buf),
        };
        if piece.is_empty() {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push_str(piece);
    }
    fold_homoglyphs(&mut out);
    if out == input {
        Cow::Borrowed(input)
    } else {
        Cow::Owned(out)
    }
}

/// In each word (between spaces and hyphens) that mixes Latin and Cyrillic letters, replace the
/// minority script's look-alikes by the majority script's letters. Ties are left alone.
fn fold_homoglyphs(s: &mut String) {
    if s.is_ascii() {
        return;
    }
    let mut result: Option<String> = None;
    let mut last = 0;
    for (start, word) in split_words(s) {
        let (mut lat, mut cyr) = (0usize, 0usize);
        for c in word.chars() {
            match char_script(c) {
                Script::Latin => lat += 1,
                Script::Cyrillic => cyr += 1,
                _ => {}
            }
        }
        if lat == 0 || cyr == 0 || lat == cyr {
            continue;
        }
        let (from, lower_t, upper_t) = if lat > cyr {
            (Script::Cyrillic, &HOMOGLYPHS, &HOMOGLYPHS_UPPER)
        } else {
            (
                Script::Latin,
                &HOMOGLYPHS_LATN_CYRL,
                &HOMOGLYPHS_LATN_CYRL_UPPER,
            )
        };
        let r = result.get_or_insert_with(|| String::with_capacity(s.len()));
        r.push_str(&s[last..start]);
        for c in word.chars() {
            let lower = c.to_lowercase().next().unwrap_or(c);
            let table = if c.is_uppercase() { upper_t } else { lower_t };
            match (char_script(c) == from)
                .then(|| table.simple(lower))
                .flatten()
            {
                Some(rep) if c.is_uppercase() => r.extend(rep.chars().flat_map(char::to_uppercase)),
                Some(rep) => r.push_str(rep),
                None => r.push(c),
            }
        }
        last = start + word.len();
    }
    if let Some(mut r) = result {
        r.push_str(&s[last..]);
        *s = r;
    }
}

/// Words of a cleaned string with their byte offsets (split on space and hyphen).
fn split_words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split([' ', '-'])
        .scan(0usize, |pos, w| {
            let start = *pos;
            *pos += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn ascii_borrowed() {
        assert!(matches!(
            clean("Aron Atabek"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn whitespace_and_invisibles() {
        assert_eq!(
            clean("\u{feff} Aron\t\u{200e} Atabek \u{2067}"),
            "Aron Atabek"
        );
        assert_eq!(clean("Aron\u{0007}  Atabek"), "Aron Atabek");
    }

    #[test]
    fn homoglyphs_to_majority() {
        // Cyrillic а (U+0430) at the end of a Latin word.
        assert_eq!(clean("Kurmangaliev\u{0430}"), "Kurmangalieva");
        // Cyrillic ә in a Latin word becomes Latin schwa.
        assert_eq!(clean("Bek\u{04d9}li"), "Bek\u{0259}li");
        // Latin h in a Cyrillic word becomes һ.
        assert_eq!(clean("Гауhар"), "Гауһар");
        // Capital Cyrillic А in an all-caps Latin word.
        assert_eq!(clean("KURMANGALIEV\u{0410}"), "KURMANGALIEVA");
        // A Latin capital H in an all-caps Cyrillic word is Н, a lower-case h is һ.
        assert_eq!(clean("НҰРЛAH"), "НҰРЛАН");
        assert_eq!(clean("ГАУhАР"), "ГАУһАР");
    }

    /// Every Arabic letter `is_clean` accepts is left alone by the full path, alone and between
    /// other letters.
    #[test]
    fn clean_arabic_letters_are_clean() {
        let letters: Vec<char> = ('\u{0600}'..='\u{06FF}')
            .filter(|c| super::is_clean(&c.to_string()))
            .collect();
        assert!(letters.len() > 100);
        for &c in &letters {
            assert!(!crate::tables::CLEAN.maps(c), "U+{:04X}", c as u32);
            for &d in &letters {
                let s = format!("{c}{d} {d}-{c}");
                assert!(super::is_clean(&s));
                assert_eq!(
                    super::clean_full(&s),
                    s,
                    "U+{:04X} U+{:04X}",
                    c as u32,
                    d as u32
                );
            }
        }
    }

    #[test]
    fn nfc() {
        assert_eq!(clean("Й"), "Й");
    }
}
