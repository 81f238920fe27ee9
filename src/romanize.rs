//! Step 4, romanize: read each part into its pivot (Kazakh or Russian Cyrillic, or the Uyghur
//! pivot) and write the pivot with the scheme's table, then title-case the part.

use crate::detect::{Lang, NameInfo};
use crate::scheme::Scheme;
use crate::script::{Script, word_script};
use crate::tables::{LATIN_ASCII, Table};

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

/// Lower-case `word` into `out`. `İ` becomes plain `i` (not `i` + combining dot).
pub(crate) fn lower_into(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c == 'İ' {
            out.push('i');
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// Upper-case the first letter of `s` and of every space-separated piece of it, in place.
fn title_case(s: &mut String, turkic: bool) {
    let mut out = String::with_capacity(s.len() + 2);
    let mut at_start = true;
    for c in s.chars() {
        if at_start && c.is_alphabetic() {
            match c {
                'i' if turkic => out.push('İ'),
                'ı' => out.push('I'),
                _ => out.extend(c.to_uppercase()),
            }
            at_start = false;
        } else {
            if c == ' ' {
                at_start = true;
            }
            out.push(c);
        }
    }
    *s = out;
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
                if ch.is_ascii_alphanumeric() || ch == ' ' || ch == '\'' || ch == '-' {
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
    let script = word_script(word);
    lower_into(word, &mut buf.low);
    buf.word.clear();
    let mut fallback = false;
    let mut turkic = false;
    let lang = match script {
        Script::Cyrillic => {
            let lang = info.cyrillic;
            let pivot_lang = if lang == Lang::Ug { Lang::Ug } else { lang };
            turkic = write(&buf.low, pivot_lang, scheme, &mut buf.word);
            lang
        }
        Script::Latin => match info.latin {
            Some(reader) => {
                buf.pivot.clear();
                reader.apply(&buf.low, &mut buf.pivot);
                turkic = write(&buf.pivot, Lang::Kk, scheme, &mut buf.word);
                Lang::Kk
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
                    buf.word.push_str(&deunicode::deunicode(&buf.low).to_lowercase());
                    fallback = true;
                    Lang::Und
                }
            }
        }
        Script::Other => {
            buf.word.push_str(&deunicode::deunicode(&buf.low).to_lowercase());
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
        buf.word.retain(|c| c == ' ' || crate::is_canonical_char(c));
    }
    title_case(&mut buf.word, turkic);
    out.push_str(&buf.word);
    PartInfo { script, lang, fallback }
}

/// Write a pivot of language `lang` with the scheme's table (or the canonical one when the scheme
/// has none for this language). Returns whether the table title-cases the Turkic way.
fn write(pivot: &str, lang: Lang, scheme: Scheme, out: &mut String) -> bool {
    let table: Option<&Table> = scheme.writer(lang).or_else(|| Scheme::Canonical.writer(lang));
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
