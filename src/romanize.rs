//! Step 4, romanize: read each part into its pivot (Kazakh or Russian Cyrillic, or the Uyghur
//! pivot) and write the pivot with the scheme's table, then title-case the part.

use crate::detect::{Lang, NameInfo};
use crate::scheme::Scheme;
use crate::script::{Script, char_script};
use crate::tables::{LATIN_ASCII, Table, UG_CYRL_READ, UG_LATN_READ};

/// Reusable buffers, so romanizing a name allocates only its result.
#[derive(Default)]
pub(crate) struct Buffers {
    low: String,
    pivot: String,
    word: String,
}

/// What romanizing one part found out.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PartInfo {
    pub(crate) script: Script,
    pub(crate) lang: Lang,
    /// Some character had no table and went through deunicode.
    pub(crate) fallback: bool,
}

/// Lower-case one character cheaply: ASCII and the Cyrillic blocks by offset (capitals are the even
/// code points of U+0460–U+052F, except the odd ones of U+04C1–U+04CE), others by
/// `char::to_lowercase`'s first character. `İ` becomes plain `i`.
#[inline]
pub(crate) fn lower_char(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0..=0x7F => return c.to_ascii_lowercase(),
        0x0410..=0x042F => u + 0x20,
        0x0400..=0x040F => u + 0x50,
        0x0430..=0x045F => u,
        0x0460..=0x0481 | 0x048A..=0x04BF | 0x04D0..=0x052F => u | 1,
        0x04C0 => 0x04CF,
        0x04C1..=0x04CE => u + (u & 1),
        0x0130 => 'i' as u32,
        // Latin-1 capitals (not ×), and Latin Extended-A, whose capitals are the even code points
        // except in U+0139–U+0148 and U+0179–U+017E, where they are the odd ones.
        0x00C0..=0x00DE if u != 0x00D7 => u + 0x20,
        0x00DF..=0x00FF => u,
        0x0100..=0x012F | 0x0132..=0x0137 | 0x014A..=0x0177 => u | 1,
        0x0139..=0x0148 | 0x0179..=0x017E => u + (u & 1),
        // Dotless ı (2018, 2021) is lower case; Ǵ ǵ (2018) pair as even capital and odd small;
        // Ə (Uyghur, Azerbaijani) lowers to ə; the IPA block is all lower case.
        0x0131 | 0x0250..=0x02AF => u,
        0x01F4..=0x01F5 => u | 1,
        0x018F => 0x0259,
        _ => return c.to_lowercase().next().unwrap_or(c),
    };
    char::from_u32(l).unwrap_or(c)
}

/// Lower-case `word` into `out` and return the majority script of its letters (one pass).
/// Characters whose lower case is longer than one character (rare) use `char::to_lowercase`.
pub(crate) fn lower_into(word: &str, out: &mut String) -> Script {
    out.clear();
    let mut n = [0u32; 4];
    for c in word.chars() {
        match char_script(c) {
            Script::Latin => n[0] += 1,
            Script::Cyrillic => n[1] += 1,
            Script::Arabic => n[2] += 1,
            Script::Other => n[3] += 1,
            Script::None => {}
        }
        if (c as u32) < 0x0530 && c != 'İ' {
            out.push(lower_char(c));
        } else if c == 'İ' {
            out.push('i');
        } else if (0x0600..=0x06FF).contains(&(c as u32)) {
            out.push(c); // the Arabic block has no case
        } else {
            out.extend(c.to_lowercase());
        }
    }
    // Ties: Cyrillic, Arabic, Latin, Other (as `script::word_script`).
    let order = [
        (1, Script::Cyrillic),
        (2, Script::Arabic),
        (0, Script::Latin),
        (3, Script::Other),
    ];
    let mut best = (0u32, Script::None);
    for (i, s) in order {
        if n[i] > best.0 {
            best = (n[i], s);
        }
    }
    best.1
}

/// Upper-case the first letter of `s` and of every space-separated piece of it, in place.
pub(crate) fn title_case(s: &mut String, turkic: bool) {
    let mut at_start = true;
    let mut i = 0;
    while i < s.len() {
        let c = s[i..].chars().next().unwrap();
        let n = c.len_utf8();
        if at_start && c.is_alphabetic() {
            at_start = false;
            if c.is_ascii() && !(turkic && c == 'i') {
                s[i..i + 1].make_ascii_uppercase();
            } else {
                let up: String = match c {
                    'i' if turkic => "İ".into(),
                    'ı' => "I".into(),
                    _ => c.to_uppercase().collect(),
                };
                s.replace_range(i..i + n, &up);
                i += up.len();
                continue;
            }
        } else if c == ' ' {
            at_start = true;
        }
        i += n;
    }
}

/// Fold whatever is left outside ASCII: `latin-ascii.tsv` first, then deunicode. Returns whether
/// deunicode was needed.
fn fold_ascii(s: &mut String) -> bool {
    if s.is_ascii() {
        return false;
    }
    let mut fallback = false;
    let mut out = String::with_capacity(s.len());
    let mut tmp = String::new();
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if LATIN_ASCII.maps(c) {
            let mut b = [0u8; 4];
            tmp.clear();
            LATIN_ASCII.apply(c.encode_utf8(&mut b), &mut tmp);
            out.push_str(&tmp);
        } else if let Some(d) = deunicode::deunicode_char(c) {
            fallback |= !d.is_empty();
            for ch in d.chars() {
                // Letters, digits and spaces only: a `-` or `'` from deunicode inside a part would
                // read as a part separator or a 2017 digraph the second time round.
                if ch.is_ascii_alphanumeric() || ch == ' ' {
                    out.push(ch.to_ascii_lowercase());
                }
            }
        }
    }
    *s = out.trim().to_string();
    fallback
}

/// Romanize one part (`word`, as cleaned) in `scheme`, appending to `out`.
pub(crate) fn part(
    word: &str,
    info: &NameInfo,
    scheme: Scheme,
    buf: &mut Buffers,
    out: &mut String,
) -> PartInfo {
    if let Some(p) = cyrillic_fast(word, info, scheme, out) {
        return p;
    }
    let script = lower_into(word, &mut buf.low);
    buf.word.clear();
    let mut fallback = false;
    let mut turkic = false;
    let lang = match script {
        Script::Cyrillic => {
            let lang = info.cyrillic;
            if lang == Lang::Ug {
                // Uyghur Cyrillic (USY) is read into the Uyghur pivot first.
                buf.pivot.clear();
                UG_CYRL_READ.apply(&buf.low, &mut buf.pivot);
                turkic = write(&buf.pivot, Lang::Ug, scheme, &mut buf.word);
            } else {
                turkic = write(&buf.low, lang, scheme, &mut buf.word);
            }
            lang
        }
        Script::Latin => match info.latin {
            // Latin asked for in a Uyghur scheme is read as ULY unless it is Kazakh Latin.
            _ if info.uly_ok && matches!(scheme, Scheme::Uly | Scheme::Usy | Scheme::Uey) => {
                buf.pivot.clear();
                UG_LATN_READ.apply(&buf.low, &mut buf.pivot);
                turkic = write(&buf.pivot, Lang::Ug, scheme, &mut buf.word);
                Lang::Ug
            }
            // A word with a letter the Kazakh Latin alphabets lack is not Kazakh Latin.
            Some((reader, Lang::Kk))
                if crate::detect::foreign_mask(reader)
                    .is_some_and(|m| buf.low.chars().any(|c| crate::detect::has(m, c))) =>
            {
                buf.word.push_str(&buf.low);
                Lang::Und
            }
            Some((reader, lang)) => {
                if reader.turkic && word.contains('I') {
                    // An alphabet with Turkic case (2021): capital I is dotless ı, İ is i.
                    buf.low.clear();
                    buf.low.extend(
                        word.chars()
                            .map(|c| if c == 'I' { 'ı' } else { lower_char(c) }),
                    );
                }
                buf.pivot.clear();
                reader.apply(&buf.low, &mut buf.pivot);
                turkic = write(&buf.pivot, lang, scheme, &mut buf.word);
                lang
            }
            None => {
                buf.word.push_str(&buf.low);
                Lang::Und
            }
        },
        Script::Arabic => {
            buf.pivot.clear();
            match crate::arabic::to_pivot(&buf.low, info.arabic, &mut buf.pivot) {
                Some(pl) => {
                    turkic = write(&buf.pivot, pl, scheme, &mut buf.word);
                    pl
                }
                None => {
                    buf.word
                        .push_str(&deunicode::deunicode(&buf.low).to_lowercase());
                    fallback = true;
                    Lang::Und
                }
            }
        }
        Script::Other => {
            buf.word
                .push_str(&deunicode::deunicode(&buf.low).to_lowercase());
            fallback = true;
            Lang::Und
        }
        Script::None => {
            buf.word.push_str(&buf.low);
            Lang::Und
        }
    };
    if scheme == Scheme::Canonical {
        fallback |= fold_ascii(&mut buf.word);
        // Canonical keeps ASCII letters, digits and `. , ( ) / &`; everything else is dropped: like
        // the ʺ ʹ of ъ ь, an apostrophe goes (a kept one could be read back as a 2017 digraph).
        if !buf
            .word
            .bytes()
            .all(|b| b == b' ' || crate::is_canonical_char(b as char))
        {
            buf.word.retain(|c| c == ' ' || crate::is_canonical_char(c));
        }
    }
    title_case(&mut buf.word, turkic);
    out.push_str(&buf.word);
    PartInfo {
        script,
        lang,
        fallback,
    }
}

/// The common case on one pass and no scratch buffer: a Kazakh or Russian word of Cyrillic letters
/// only, written by a plain table. Lower-cases into a stack array, applies the writer straight into
/// `out`, then fixes case in place. `None` when the word needs the general path.
pub(crate) fn cyrillic_fast(
    word: &str,
    info: &NameInfo,
    scheme: Scheme,
    out: &mut String,
) -> Option<PartInfo> {
    let lang = info.cyrillic;
    if lang == Lang::Ug || matches!(scheme, Scheme::KkArab | Scheme::Uey) {
        return None;
    }
    let mut stack = ['\0'; 32];
    let mut n = 0;
    for c in word.chars() {
        let u = c as u32;
        if !(0x0400..=0x0481).contains(&u) && !(0x048A..=0x052F).contains(&u) || n == stack.len() {
            return None;
        }
        stack[n] = lower_char(c);
        n += 1;
    }
    if n == 0 {
        return None;
    }
    let table = scheme
        .writer(lang)
        .or_else(|| Scheme::Canonical.writer(lang))?;
    let start = out.len();
    table.apply_chars(&stack[..n], out);
    let mut fallback = false;
    if scheme == Scheme::Canonical && !out.is_char_boundary(start) {
        return None; // unreachable: `start` was the old length
    }
    if scheme == Scheme::Canonical
        && !out.as_bytes()[start..]
            .iter()
            .all(|&b| crate::is_canonical_char(b as char))
    {
        let mut w = out.split_off(start);
        fallback = fold_ascii(&mut w);
        w.retain(|c| c == ' ' || crate::is_canonical_char(c));
        out.push_str(&w);
    }
    // Title case: the first letter of the part (table outputs are lower case).
    match out[start..].chars().next() {
        Some(c) if c.is_ascii_lowercase() && !(table.turkic && c == 'i') => {
            out[start..start + 1].make_ascii_uppercase();
        }
        Some(_) => {
            let mut w = out.split_off(start);
            title_case(&mut w, table.turkic);
            out.push_str(&w);
        }
        None => {}
    }
    Some(PartInfo {
        script: Script::Cyrillic,
        lang,
        fallback,
    })
}

/// Write a pivot of language `lang` with the scheme's table (or the canonical one when the scheme
/// has none for this language). Returns whether the table title-cases the Turkic way.
fn write(pivot: &str, lang: Lang, scheme: Scheme, out: &mut String) -> bool {
    if crate::arabic::write_word(pivot, lang, scheme, out) {
        return false;
    }
    let table: Option<&Table> = scheme
        .writer(lang)
        .or_else(|| Scheme::Canonical.writer(lang));
    match table {
        Some(t) => {
            t.apply(pivot, out);
            t.turkic
        }
        None => {
            out.push_str(pivot);
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::lower_char;

    /// The offset rules of `lower_char` agree with Unicode's lower case on every letter they cover.
    #[test]
    fn lower_char_matches_unicode() {
        for u in 0u32..0x0530 {
            let Some(c) = char::from_u32(u) else { continue };
            let mut l = c.to_lowercase();
            let (Some(first), None) = (l.next(), l.next()) else {
                continue;
            };
            assert_eq!(lower_char(c), first, "U+{u:04X} {c}");
        }
        // `lower_into` copies the Arabic block unchanged.
        for c in '\u{0600}'..='\u{06FF}' {
            assert_eq!(c.to_lowercase().collect::<String>(), c.to_string());
        }
    }
}
