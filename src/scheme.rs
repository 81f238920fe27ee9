//! Output schemes and which table writes each language in each scheme.

use crate::detect::Lang;
use crate::tables::{self, Table};

/// An output romanization scheme.
///
/// ```
/// use atau::Scheme;
/// let s: Scheme = "kk-2021".parse().unwrap();
/// assert_eq!(s, Scheme::Kk2021);
/// assert_eq!(s.to_string(), "kk-2021");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Scheme {
    /// The default: BGN/PCGN of the detected language folded to ASCII (ULY folded to ASCII for
    /// Uyghur); plain Latin kept apart from case.
    #[default]
    Canonical,
    /// BGN/PCGN with diacritics (1979 Kazakh, 1947 Russian; ULY for Uyghur).
    Bgn,
    /// The Kazakh Latin alphabet of 2021 (ä ğ ñ ö ş ū ü ı İ).
    Kk2021,
    /// The Kazakh Latin alphabet of Decree 637, 2018 (acute letters).
    Kk2018,
    /// The Kazakh Latin alphabet of Decree 569, 2017 (apostrophes).
    Kk2017,
    /// ICAO Doc 9303 as in Kazakh and Russian passports.
    Icao,
    /// ISO 9:1995.
    Iso9,
    /// Uyghur Latin Yéziqi (ULY), as adopted by BGN/PCGN. Plain Latin input is read as ULY;
    /// Kazakh and Russian names fall back to canonical.
    Uly,
    /// Uyghur Cyrillic (USY). Kazakh and Russian names (also from Töte or Kazakh Latin input)
    /// are written in Kazakh or Russian Cyrillic.
    Usy,
    /// Uyghur Arabic script (UEY). Kazakh and Russian names are written in Töte.
    Uey,
    /// Kazakh Arabic script (Töte) as written in Xinjiang, with the high hamza ٴ for front words.
    /// Uyghur names are written in UEY.
    KkArab,
}

/// Every scheme with its name and a one-line description, in `--list-schemes` order.
pub const SCHEMES: &[(Scheme, &str, &str)] = &[
    (
        Scheme::Canonical,
        "canonical",
        "BGN/PCGN of the detected language, folded to ASCII (default)",
    ),
    (
        Scheme::Bgn,
        "bgn",
        "BGN/PCGN with diacritics (Kazakh 1979, Russian 1947, Uyghur ULY)",
    ),
    (Scheme::Kk2021, "kk-2021", "Kazakh Latin alphabet of 2021"),
    (
        Scheme::Kk2018,
        "kk-2018",
        "Kazakh Latin alphabet of 2018 (Decree 637, acute)",
    ),
    (
        Scheme::Kk2017,
        "kk-2017",
        "Kazakh Latin alphabet of 2017 (Decree 569, apostrophes)",
    ),
    (Scheme::Icao, "icao", "ICAO 9303 passport spelling"),
    (Scheme::Iso9, "iso9", "ISO 9:1995"),
    (Scheme::Uly, "uly", "Uyghur Latin (ULY)"),
    (
        Scheme::Usy,
        "usy",
        "Uyghur Cyrillic (USY); Kazakh/Russian names in their Cyrillic",
    ),
    (
        Scheme::Uey,
        "uey",
        "Uyghur Arabic script (UEY); Kazakh names in Tote",
    ),
    (
        Scheme::KkArab,
        "kk-arab",
        "Kazakh Arabic script (Tote); Uyghur names in UEY",
    ),
];

impl Scheme {
    /// The scheme's name as accepted by [`str::parse`] and the CLI's `--scheme`.
    pub fn name(self) -> &'static str {
        SCHEMES
            .iter()
            .find(|s| s.0 == self)
            .map(|s| s.1)
            .unwrap_or("canonical")
    }

    /// The table that writes a pivot of language `lang` in this scheme, if there is one.
    /// Callers fall back to the canonical table of `lang` when this is `None`.
    pub(crate) fn writer(self, lang: Lang) -> Option<&'static Table> {
        use Lang::*;
        use Scheme::*;
        Some(match (self, lang) {
            (Canonical, Kk) => &tables::KK_CANONICAL,
            (Canonical, Ru) => &tables::RU_CANONICAL,
            (Bgn, Kk) => &tables::KK_BGN,
            (Bgn, Ru) => &tables::RU_BGN,
            (Kk2021, Kk | Ru) => &tables::KK_2021,
            (Kk2018, Kk | Ru) => &tables::KK_2018,
            (Kk2017, Kk | Ru) => &tables::KK_2017,
            (Icao, Kk | Ru) => &tables::ICAO,
            (Iso9, Kk | Ru) => &tables::ISO9,
            (s, l) => return crate::arabic::writer(s, l),
        })
    }
}

impl std::fmt::Display for Scheme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Error for an unknown scheme name; its message lists the valid names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseSchemeError(String);

impl std::fmt::Display for ParseSchemeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = SCHEMES.iter().map(|s| s.1).collect();
        write!(
            f,
            "unknown scheme `{}`; valid schemes: {}",
            self.0,
            names.join(", ")
        )
    }
}

impl std::error::Error for ParseSchemeError {}

impl std::str::FromStr for Scheme {
    type Err = ParseSchemeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_ascii_lowercase();
        SCHEMES
            .iter()
            .find(|x| x.1 == t)
            .map(|x| x.0)
            .ok_or_else(|| ParseSchemeError(s.to_string()))
    }
}
