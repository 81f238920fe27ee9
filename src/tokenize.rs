//! Step 2, tokenize: split a cleaned name into parts on spaces and hyphens, keeping the
//! separators so the output can be put back together (`Kassym-Jomart` stays hyphenated).

/// One name part and the separator text that follows it (empty for the last part).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Part<'a> {
    pub(crate) word: &'a str,
    pub(crate) sep: &'a str,
}

/// Split a cleaned name into parts. A leading separator (a name that starts with a hyphen) is
/// returned as a part with an empty word, so no input character is lost.
pub(crate) fn parts(s: &str) -> impl Iterator<Item = Part<'_>> {
    let mut rest = s;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let wend = rest.find([' ', '-']).unwrap_or(rest.len());
        let after = &rest[wend..];
        let slen = after.len() - after.trim_start_matches([' ', '-']).len();
        let part = Part {
            word: &rest[..wend],
            sep: &after[..slen],
        };
        rest = &after[slen..];
        Some(part)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphen_and_space() {
        let v: Vec<_> = parts("Kassym-Jomart Tokayev")
            .map(|p| (p.word, p.sep))
            .collect();
        assert_eq!(v, [("Kassym", "-"), ("Jomart", " "), ("Tokayev", "")]);
    }

    #[test]
    fn leading_and_spaced_hyphen() {
        let v: Vec<_> = parts("-A - B").map(|p| (p.word, p.sep)).collect();
        assert_eq!(v, [("", "-"), ("A", " - "), ("B", "")]);
    }
}
