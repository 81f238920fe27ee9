//! Step 3a, detect the script of a character and of a word.

/// The writing system of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Script {
    /// Latin letters (ASCII and the Latin Extended blocks, IPA schwa).
    Latin,
    /// Cyrillic letters (U+0400–U+052F).
    Cyrillic,
    /// Arabic-script letters (U+0600–U+06FF, U+0750–U+077F, U+08A0–U+08FF, presentation forms).
    Arabic,
    /// Letters of any other script (Greek, Georgian, Han, ...); romanized by deunicode.
    Other,
    /// No letters at all (digits, punctuation, initials' dots).
    None,
}

impl Script {
    /// The lower-case name used in the CLI's JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Script::Latin => "latin",
            Script::Cyrillic => "cyrillic",
            Script::Arabic => "arabic",
            Script::Other => "other",
            Script::None => "none",
        }
    }
}

impl std::fmt::Display for Script {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The script of one character; `Script::None` for non-letters (digits, marks, punctuation).
/// The Latin and Cyrillic blocks are classified by range (no Unicode property lookup), because
/// this runs on every character of every name.
#[inline]
pub(crate) fn char_script(c: char) -> Script {
    let u = c as u32;
    if u < 0x80 {
        return if c.is_ascii_alphabetic() {
            Script::Latin
        } else {
            Script::None
        };
    }
    match u {
        0x00D7 | 0x00F7 => Script::None,
        0x00C0..=0x024F | 0x0250..=0x02AF | 0x1E00..=0x1EFF => Script::Latin,
        0x00AA | 0x00BA | 0x2C60..=0x2C7F | 0xA720..=0xA7FF => {
            if c.is_alphabetic() {
                Script::Latin
            } else {
                Script::None
            }
        }
        // Cyrillic letters; U+0482–U+0489 are a sign and combining marks.
        0x0400..=0x0481 | 0x048A..=0x052F => Script::Cyrillic,
        0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => {
            if c.is_alphabetic() {
                Script::Cyrillic
            } else {
                Script::None
            }
        }
        0x0600..=0x06FF => {
            if arabic_letter(c) {
                Script::Arabic
            } else {
                Script::None
            }
        }
        0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            // Letters only: Arabic digits, punctuation and marks are `None`.
            if c.is_alphabetic() && !matches!(u, 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED) {
                Script::Arabic
            } else {
                Script::None
            }
        }
        _ => {
            if c.is_alphabetic() {
                Script::Other
            } else {
                Script::None
            }
        }
    }
}

/// The Arabic-script letters of U+0600–U+06FF (alphabetic, not a mark of U+064B–U+065F, U+0670,
/// U+06D6–U+06ED) as a bit set, so `char_script` needs no Unicode property lookup on the Arabic
/// block. A test checks it against `char::is_alphabetic`.
const ARABIC_LETTERS: [u64; 4] = [
    0xFFFF_FFFF_07FF_0000,
    0xFFFE_C000_0000_07FF,
    0xFFFF_FFFF_FFFF_FFFF,
    0x9C00_C000_002F_FFFF,
];

/// Whether `c` is an Arabic-script letter of the Arabic block U+0600–U+06FF (see `char_script`).
#[inline]
pub(crate) fn arabic_letter(c: char) -> bool {
    let k = (c as u32).wrapping_sub(0x0600) as usize;
    k < 256 && ARABIC_LETTERS[k / 64] & (1 << (k % 64)) != 0
}

/// The majority script of a word's letters (ties broken Cyrillic, Arabic, Latin, Other).
pub(crate) fn word_script(word: &str) -> Script {
    let mut n = [0usize; 4];
    for c in word.chars() {
        match char_script(c) {
            Script::Latin => n[0] += 1,
            Script::Cyrillic => n[1] += 1,
            Script::Arabic => n[2] += 1,
            Script::Other => n[3] += 1,
            Script::None => {}
        }
    }
    let order = [
        (1, Script::Cyrillic),
        (2, Script::Arabic),
        (0, Script::Latin),
        (3, Script::Other),
    ];
    let mut best = (0usize, Script::None);
    for (i, s) in order {
        if n[i] > best.0 {
            best = (n[i], s);
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::arabic_letter;

    /// The Arabic block bit set is `is_alphabetic` without the marks `char_script` leaves out.
    #[test]
    fn arabic_letters_match_unicode() {
        for u in 0x05F0u32..0x0710 {
            let c = char::from_u32(u).unwrap();
            let mark = matches!(u, 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED);
            let want = (0x0600..=0x06FF).contains(&u) && c.is_alphabetic() && !mark;
            assert_eq!(arabic_letter(c), want, "U+{u:04X}");
        }
    }
}
