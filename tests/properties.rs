//! Properties that must hold for every input: canonical output is ASCII and idempotent, every
//! scheme's output is NFC, nothing panics, and the borrowing fast path agrees with the slow path.

use atau::{SCHEMES, normalize, normalize_cow, romanize};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// Characters that stress the pipeline: Kazakh and Russian Cyrillic, Kazakh Latin letters,
/// Arabic-script letters (incl. hamzas, presentation forms, tatweel, digits), combining marks,
/// bidi and zero-width controls, apostrophes, dashes and whitespace variants.
fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіАӘҒҚҢӨҰҮҺІЁЙЪЬ".chars().collect::<Vec<_>>()),
        3 => prop::sample::select("abcdefghijklmnopqrstuvwxyzAZáǵńóúýäğñöşūüıİçžšéëə'".chars().collect::<Vec<_>>()),
        2 => prop::sample::select("ابپتجچحخدرزژسشعغفقكگڭلمنوۇۆۈۋەېىيئءٴٵٶٷٸھﻫﺋ\u{0640}٠١۴،؟".chars().collect::<Vec<_>>()),
        2 => prop::sample::select(vec![' ', '-', '\u{2013}', '\u{00a0}', '\t', '\u{200b}', '\u{200e}', '\u{202e}', '\u{2067}', '\u{0301}', '\u{0308}', '\u{0654}', '\u{feff}', '.', '\u{2019}', '`', '\0']),
        1 => any::<char>(),
    ]
}

fn name() -> impl Strategy<Value = String> {
    prop::collection::vec(interesting_char(), 0..24).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn canonical_is_ascii_and_idempotent(s in name()) {
        let once = normalize(&s);
        prop_assert!(once.is_ascii(), "not ASCII: {:?} -> {:?}", s, once);
        let twice = normalize(&once);
        prop_assert_eq!(&twice, &once, "not idempotent for {:?}", s);
        prop_assert_eq!(normalize_cow(&s), once.as_str());
    }

    #[test]
    fn every_scheme_is_nfc_and_total(s in name()) {
        for (scheme, _, _) in SCHEMES {
            let out = romanize(&s, *scheme);
            let nfc: String = out.nfc().collect();
            prop_assert_eq!(&out, &nfc, "{} output not NFC for {:?}", scheme, s);
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(s in any::<String>()) {
        let _ = normalize(&s);
        let a = atau::analyze(&s);
        prop_assert!(a.canonical.is_ascii());
    }
}

#[test]
fn ascii_title_fast_path_borrows() {
    assert!(matches!(
        normalize_cow("Kassym-Jomart Tokayev"),
        std::borrow::Cow::Borrowed(_)
    ));
    assert_eq!(
        normalize("  kassym-JOMART   tokayev "),
        "Kassym-Jomart Tokayev"
    );
}
