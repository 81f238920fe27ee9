//! Arabic-script names: Uyghur (UEY) and Kazakh Töte. (Placeholder until issue 3 lands: Arabic
//! parts fall back to deunicode and are flagged as such.)

use crate::detect::Lang;
use crate::scheme::Scheme;
use crate::tables::Table;

/// The language of the Arabic-script parts of a name.
pub(crate) fn detect_lang(_name: &str) -> Lang {
    Lang::Und
}

/// Read one lower-cased Arabic-script word into the pivot of `lang`; returns the pivot's language,
/// or `None` when this module cannot read it (the caller falls back to deunicode).
pub(crate) fn to_pivot(_word: &str, _lang: Lang, _out: &mut String) -> Option<Lang> {
    None
}

/// Writers for the Arabic-script and Uyghur schemes.
pub(crate) fn writer(_scheme: Scheme, _lang: Lang) -> Option<&'static Table> {
    None
}
