//! Match keys: a deterministic ASCII phonetic key per name part, computed from the canonical
//! romanization ([`crate::normalize`]) by ordered rewrite passes, one table per pass
//! (`tables/key-*.tsv`, each rule commented with the spelling variation it folds):
//!
//! 1. `key-1-german`: only for names written in German transliteration (a part holds `sch`, or
//!    ends in -ow/-ew/-owa/-ewa/-owna/-ewna/-witsch): `j` → `y`, `w` → `v`, `ch` → `kh`, ...
//! 2. `key-2-letters`: one symbol per sound (zh ~ j ~ dzh, sh ~ sch, kh ~ h ~ x, q ~ k, gh ~ g,
//!    ts ~ c ~ z, w ~ v, y ~ i, ...).
//! 3. `key-3-vowels`: iotated vowels and glides (ye ~ ie ~ e initially and after vowels,
//!    iy ~ ii ~ i, Kazakh у as /w/ ~ в).
//! 4. `key-4-doubles`: doubled letters count once.
//! 5. `key-5-endings`: ң (ng ~ n) and French/Latvian surname endings.
//!
//! What tells names apart is kept: vowels (other than the folds above), the gender and suffix
//! endings (-ov/-ova, -bek/-bekov, -uly/-qyzy), and every consonant class.

use crate::tables::{KEY_1_GERMAN, KEY_2_LETTERS, KEY_3_VOWELS, KEY_4_DOUBLES, KEY_5_ENDINGS, Table};

/// The passes every part goes through, in order (pass 1 only for German-written names).
const PASSES: [&Table; 4] = [&KEY_2_LETTERS, &KEY_3_VOWELS, &KEY_4_DOUBLES, &KEY_5_ENDINGS];

/// The match key of a name: one key per name part (parts split at spaces and hyphens, so
/// `Kassym-Jomart` and `Kassym Jomart` agree), joined by single spaces, in input order.
///
/// Keys are lower-case ASCII letters. Spellings of one name in different scripts and
/// romanization schemes share a key; different names, and gender or suffix variants, do not.
///
/// ```
/// assert_eq!(atau::key("Гауһар Құрманғалиева"), atau::key("Gaukhar Kurmangalieva"));
/// assert_eq!(atau::key("KURMANGALIYEVA GAUKHAR"), atau::key("Kurmangalijewa Gaukhar"));
/// assert_ne!(atau::key("Gaukhar Kurmangaliev"), atau::key("Gaukhar Kurmangalieva"));
/// assert_eq!(atau::key("Kassym-Jomart Tokayev"), "kasim jomart tokaev");
/// ```
pub fn key(name: &str) -> String {
    key_parts(name).join(" ")
}

/// The match keys of a name's parts, in input order (empty parts are dropped).
///
/// ```
/// assert_eq!(atau::key_parts("Tschokan Walichanow"), ["cokan", "valihanov"]);
/// ```
pub fn key_parts(name: &str) -> Vec<String> {
    let canon = crate::normalize_cow(name);
    let lower = canon.to_ascii_lowercase();
    let words: Vec<String> = lower
        .split([' ', '-'])
        .map(|w| w.chars().filter(|c| c.is_ascii_alphabetic()).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect();
    let german = words.iter().any(|w| is_german(w));
    let mut a = String::new();
    let mut b = String::new();
    words
        .iter()
        .map(|w| {
            a.clear();
            if german {
                KEY_1_GERMAN.apply(w, &mut a);
            } else {
                a.push_str(w);
            }
            for t in PASSES {
                b.clear();
                t.apply(&a, &mut b);
                std::mem::swap(&mut a, &mut b);
            }
            a.clone()
        })
        .collect()
}

/// Whether a lower-case word looks written in German transliteration of Russian.
fn is_german(w: &str) -> bool {
    w.contains("sch")
        || ["ow", "ew", "owa", "ewa", "owna", "ewna", "witsch"]
            .iter()
            .any(|e| w.len() > e.len() + 1 && w.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::key;

    macro_rules! same {
        ($name:ident, $a:expr, $b:expr) => {
            #[test]
            fn $name() {
                assert_eq!(key($a), key($b), "{} vs {}", $a, $b);
            }
        };
    }
    macro_rules! differ {
        ($name:ident, $a:expr, $b:expr) => {
            #[test]
            fn $name() {
                assert_ne!(key($a), key($b), "{} vs {}", $a, $b);
            }
        };
    }

    same!(kazakh_vs_russian, "Гауһар Құрманғалиева", "Гаухар Курмангалиева");
    same!(bgn_vs_passport, "Gauhar Qurmanghalieva", "GAUKHAR KURMANGALIYEVA");
    same!(german, "Gaukhar Kurmangalijewa", "Gaukhar Kurmangalieva");
    same!(kk2021, "Gauhar Qūrmanğalieva", "Gaukhar Kurmangaliyeva");
    same!(tokayev, "Tokayev", "Тоқаев");
    same!(french_ine, "Iline", "Ilin");
    same!(ye_initial, "Yermekbay", "Ermekbai");
    same!(ya_ia_ja, "Aliya", "Aliia");
    same!(zh_j, "Zhamila", "Jamila");
    same!(dsch, "Dschalilow", "Zhalilov");
    same!(uyghur_x, "Exmetjan", "Ekhmetjan");
    same!(daulet, "Daulet", "Davlet");
    same!(doubles, "Yeleussinov", "Eleusinov");
    differ!(gender, "Kurmangaliev", "Kurmangalieva");
    differ!(bek, "Atabek", "Atabekov");
    differ!(uly, "Bolatuly", "Bolatqyzy");
    differ!(given, "Nurzhan", "Nurzat");

    #[test]
    fn empty_and_punctuation() {
        assert_eq!(key(""), "");
        assert_eq!(key(" - "), "");
        assert_eq!(key("G. Kurmangalieva"), "g kurmanalieva");
    }
}
