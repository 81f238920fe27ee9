//! Fuzzy name similarity on match keys ([`crate::key`]): names are compared part by part with
//! the best alignment, so part order does not matter.
//!
//! A part pair scores 1 when the keys are equal; otherwise by an edit measure on the keys
//! (by default a weighted Levenshtein distance in which vowel changes, voicing pairs and a lost
//! `h` cost less than other edits, see [`Measure`]). Parts whose grammatical endings differ
//! (-ov/-ova, -ovich/-ovna, -uly/-qyzy, a bare stem vs -ov) are scaled down by
//! [`Matcher::suffix_penalty`]. Part scores are averaged over the best alignment, less
//! [`Matcher::weak_part_penalty`] times the shortfall of the worst aligned part, so one poor part
//! weighs more than a little doubt in two. Extra parts (a patronymic) count with
//! [`Matcher::extra_part_weight`]; an initial (`G.`) matches a part it begins.

/// The edit measure used for two part keys that are not equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Measure {
    /// Weighted Levenshtein on the keys: substituting one vowel for another costs 0.3 (a for e,
    /// the two spellings of ә/ə, 0.15); g/k, the ж/ш/ч class (j/x/c), p/f and a voicing pair
    /// (b/p, d/t, z/s, v/f) at the end of both keys 0.5, a voicing pair elsewhere 0.8, the
    /// velar/glottal pairs h/k and g/h and the two readings of Latin ch (c/h) 0.6, i/j (the
    /// glide) 0.5; inserting or deleting a vowel 0.7, `h` or `j` 0.6, anything else 1.
    #[default]
    Weighted,
    /// `strsim::normalized_levenshtein` on the keys.
    Levenshtein,
    /// `strsim::jaro_winkler` on the keys.
    JaroWinkler,
}

/// The grammatical ending of a key, compared between parts (a mismatch is penalised).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Suffix {
    None,
    /// -ov, -ev, -in (masculine surname).
    SurM,
    /// -ova, -eva, -ina.
    SurF,
    /// -ovich, -evich.
    PatM,
    /// -ovna, -evna, -ichna, -ivna.
    PatF,
    /// -uly (son of).
    Uly,
    /// -qyzy (daughter of).
    Kyzy,
}

fn suffix(key: &[u8]) -> Suffix {
    let ends = |s: &[&str]| {
        s.iter()
            .any(|e| key.len() > e.len() + 1 && key.ends_with(e.as_bytes()))
    };
    if ends(&["ovna", "evna", "ihna", "ivna"]) {
        Suffix::PatF
    } else if ends(&["ovic", "evic"]) {
        Suffix::PatM
    } else if ends(&["kizi"]) {
        Suffix::Kyzy
    } else if ends(&["uli", "ulu"]) {
        Suffix::Uly
    } else if ends(&["ova", "eva", "ina"]) {
        Suffix::SurF
    } else if ends(&["ov", "ev", "in"]) {
        Suffix::SurM
    } else {
        Suffix::None
    }
}

/// One prepared name part.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PartKey {
    key: Box<[u8]>,
    suffix: Suffix,
}

/// A name prepared for scoring: its part keys, computed once.
///
/// ```
/// let m = atau::Matcher::default();
/// let a = m.prepare("Gaukhar Kurmangalieva");
/// let b = m.prepare("Гауһар Құрманғалиева");
/// assert_eq!(m.similarity_prepared(&a, &b), 1.0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    parts: Vec<PartKey>,
    /// Written in the Russian alphabet only (Cyrillic, no letter that only Kazakh or Uyghur
    /// has): two such spellings are compared letter for letter, since none of the conventions
    /// in `tables/match-costs.tsv` (Latin schemes, Kazakh letters written with Russian ones)
    /// stands between them.
    plain_cyrillic: bool,
    /// Shows letters of the Turkic alphabets (see [`turkic`]): the Kazakh and Uyghur vowel
    /// conventions of `tables/match-costs-turkic.tsv` may stand between it and another name.
    turkic: bool,
    /// All parts run together, for compounds written as one word (Aliakbar ~ Ali Akbar).
    whole: PartKey,
}

impl Prepared {
    /// Prepare from part keys as [`crate::key_parts`] returns them. Keys carry no script, so
    /// such a name is compared as a Latin one (the conventions of `tables/match-costs.tsv`, not
    /// letter for letter, not the Turkic rows); [`Prepared::new`] reads the script from the name.
    pub fn from_keys<S: AsRef<str>>(keys: &[S]) -> Self {
        let part = |key: Box<[u8]>| {
            let suffix = suffix(&key);
            PartKey { key, suffix }
        };
        let whole: String = keys.iter().map(AsRef::as_ref).collect();
        Prepared {
            plain_cyrillic: false,
            turkic: false,
            parts: keys
                .iter()
                .map(|k| part(k.as_ref().as_bytes().into()))
                .collect(),
            whole: part(whole.into_bytes().into()),
        }
    }

    /// Prepare a name: its part keys, and what its script says about the differences that can
    /// be spelling variation.
    pub fn new(name: &str) -> Self {
        let mut p = Self::from_keys(&crate::key_parts(name));
        (p.plain_cyrillic, p.turkic) = script_evidence(name);
        p
    }

    /// Whether the name is written in the Russian alphabet only (see [`Prepared::new`]).
    pub fn plain_cyrillic(&self) -> bool {
        self.plain_cyrillic
    }

    /// Whether the name shows letters of the Turkic alphabets (see [`Prepared::new`]).
    pub fn turkic(&self) -> bool {
        self.turkic
    }

    /// The part keys.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.parts
            .iter()
            .map(|p| std::str::from_utf8(&p.key).unwrap_or(""))
    }

    /// The number of parts.
    pub fn len(&self) -> usize {
        self.parts.len()
    }

    /// Whether the name has no parts (empty or punctuation only).
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }
}

/// The name matcher: scoring parameters and the decision threshold.
///
/// ```
/// let m = atau::Matcher::default();
/// assert!(m.is_match("Gaukhar Kurmangalieva", "KURMANGALIYEVA GAUKHAR"));
/// assert!(!m.is_match("Gaukhar Kurmangalieva", "Gaukhar Kurmangaliev"));
/// assert!(!m.is_match("Nurzat Ermekbai", "Nurzhan Ermekbai"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matcher {
    /// Two names are the same when their similarity is at least this.
    pub threshold: f64,
    /// How much a part without a counterpart (a patronymic, a second given name) counts, 0..=1,
    /// relative to an aligned part.
    pub extra_part_weight: f64,
    /// The score of an initial against a part it begins (`G.` vs `Gaukhar`).
    pub initial_score: f64,
    /// The factor applied to a part pair whose grammatical endings differ (-ov vs -ova).
    pub suffix_penalty: f64,
    /// Subtracted from the score, times (1 − the lowest aligned part score), when two or more
    /// parts are aligned: one poor part among good ones points to a different name.
    pub weak_part_penalty: f64,
    /// The edit measure for part keys that are not equal.
    pub measure: Measure,
    /// What a difference between part keys that no writing convention explains costs in the
    /// weighted measure (`tables/match-costs.tsv` lists the ones that are explained), relative
    /// to one letter: above 1 makes one unexplained letter a different name.
    pub unexplained_cost: f64,
}

impl Default for Matcher {
    fn default() -> Self {
        Matcher {
            threshold: 0.86,
            extra_part_weight: 0.3,
            initial_score: 0.9,
            suffix_penalty: 0.5,
            weak_part_penalty: 0.45,
            measure: Measure::Weighted,
            unexplained_cost: 2.5,
        }
    }
}

/// The similarity of two names in 0..=1 with the default [`Matcher`].
///
/// ```
/// use atau::similarity;
/// assert_eq!(similarity("Tokayev Kassym-Jomart", "Kassym-Jomart Tokayev"), 1.0);
/// assert_eq!(similarity("Kassym Jomart Tokayev", "Kassym-Jomart Tokayev"), 1.0);
/// assert!(similarity("Gaukhar Kurmangalieva", "Gaukhar Kurmanbayeva") < 0.85);
/// assert!(similarity("G. Kurmangalieva", "Gaukhar Kurmangalieva") > 0.85);
/// ```
pub fn similarity(a: &str, b: &str) -> f64 {
    Matcher::default().similarity(a, b)
}

impl Matcher {
    /// The precision-first preset for deduplication and clustering (the default): a difference
    /// counts as spelling variation only where a convention in `tables/match-costs*.tsv`
    /// explains it; one unexplained letter makes a different name.
    ///
    /// ```
    /// let m = atau::Matcher::dedup();
    /// assert!(!m.is_match("Marat Aliev", "Murat Aliev"));
    /// assert!(!m.is_match("Семенов", "Симонов"));
    /// assert!(m.is_match("Гауһар Құрманғалиева", "Gaukhar Kurmangalieva"));
    /// ```
    pub fn dedup() -> Self {
        Matcher::default()
    }

    /// The recall-first preset for screening a name against a list: an unexplained letter
    /// costs as much as in plain Levenshtein distance, so a typo in a long name still matches
    /// (and more different names are returned for a person to review).
    ///
    /// ```
    /// let m = atau::Matcher::screening();
    /// assert!(m.is_match("Gaukhar Kurmangalieva", "Gaukhar Kurmangaleva"));
    /// assert!(!atau::Matcher::dedup().is_match("Gaukhar Kurmangalieva", "Gaukhar Kurmangaleva"));
    /// ```
    pub fn screening() -> Self {
        Matcher {
            unexplained_cost: 1.0,
            ..Matcher::default()
        }
    }

    /// A preset by name: `dedup` (the default) or `screening`.
    ///
    /// ```
    /// assert_eq!(atau::Matcher::preset("screening"), Some(atau::Matcher::screening()));
    /// assert_eq!(atau::Matcher::preset("typo"), None);
    /// ```
    pub fn preset(name: &str) -> Option<Self> {
        match name {
            "dedup" => Some(Self::dedup()),
            "screening" => Some(Self::screening()),
            _ => None,
        }
    }

    /// The names [`Matcher::preset`] takes.
    pub const PRESETS: [&'static str; 2] = ["dedup", "screening"];

    /// Prepare a name for repeated scoring.
    pub fn prepare(&self, name: &str) -> Prepared {
        Prepared::new(name)
    }

    /// The similarity of two names in 0..=1.
    pub fn similarity(&self, a: &str, b: &str) -> f64 {
        self.similarity_prepared(&self.prepare(a), &self.prepare(b))
    }

    /// Whether two names reach the threshold.
    pub fn is_match(&self, a: &str, b: &str) -> bool {
        self.similarity(a, b) >= self.threshold
    }

    /// The similarity of two prepared names. Two empty names score 1, an empty and a non-empty 0.
    pub fn similarity_prepared(&self, a: &Prepared, b: &Prepared) -> f64 {
        self.score(a, b, 0.0).unwrap_or(0.0)
    }

    /// The similarity of two prepared names when it is at least `score_cutoff`, else `None`.
    pub fn score(&self, a: &Prepared, b: &Prepared, score_cutoff: f64) -> Option<f64> {
        // The shorter name aligns into the longer; with as many parts on both sides, the order
        // of the part keys decides, so that the score is symmetric to the last bit.
        let a_first = a.parts.len().cmp(&b.parts.len()).then_with(|| {
            a.parts
                .iter()
                .map(|p| &p.key[..])
                .cmp(b.parts.iter().map(|p| &p.key[..]))
        });
        let (s, l) = if a_first.is_le() { (a, b) } else { (b, a) };
        let (n, m) = (s.parts.len(), l.parts.len());
        if m == 0 {
            return (1.0 >= score_cutoff).then_some(1.0);
        }
        if n == 0 {
            return (0.0 >= score_cutoff).then_some(0.0);
        }
        let denom = n as f64 + self.extra_part_weight * (m - n) as f64;
        // Upper bound: every aligned part perfect, extra parts at their weight. With unequal part
        // counts the run-together comparison below may still reach the cutoff.
        if n == m && (n as f64) / denom < score_cutoff {
            return None;
        }
        // Parts beyond 8 on the longer side are ignored (names have at most a handful).
        let m8 = m.min(8);
        let n8 = n.min(m8);
        // The lowest part score an alignment reaching the cutoff can hold: part scores below it
        // need not be exact (the edit distance stops early), which keeps batch scoring fast.
        let k = self.weak_part_penalty;
        let need = if n8 == 1 {
            score_cutoff * denom
        } else {
            (score_cutoff - (n8 - 1) as f64 / denom + k) / (1.0 / denom + k)
        } - 1e-9;
        let explain = if s.plain_cyrillic && l.plain_cyrillic {
            Explain::Nothing
        } else if s.turkic || l.turkic {
            Explain::Turkic
        } else {
            Explain::Base
        };
        let mut sims = [[0.0f64; 8]; 8];
        for (i, pa) in s.parts.iter().take(n8).enumerate() {
            for (j, pb) in l.parts.iter().take(m8).enumerate() {
                sims[i][j] = self.part(pa, pb, need, explain);
            }
        }
        let (best, worst) = assign(&sims, n8, m8);
        // One poor part among good ones is evidence of a different name (Nurzhan ~ Nurzat).
        let penalty = if n8 >= 2 {
            self.weak_part_penalty * (1.0 - worst)
        } else {
            0.0
        };
        let mut score = (best / denom - penalty).clamp(0.0, 1.0);
        if n != m {
            // A compound written as one word or with its article apart (Abdulvahab ~ Abd al-Vahab).
            score = score.max(self.part(&s.whole, &l.whole, score_cutoff - 1e-9, explain));
        }
        (score >= score_cutoff).then_some(score)
    }

    /// A scorer that prepares `query` once and compares it with many names.
    ///
    /// ```
    /// let m = atau::Matcher::default();
    /// let q = m.batch("Gaukhar Kurmangalieva");
    /// let hits: Vec<_> = ["Гауһар Құрманғалиева", "Gaukhar Kurmanbayeva"]
    ///     .iter()
    ///     .map(|c| q.similarity(c, m.threshold).is_some())
    ///     .collect();
    /// assert_eq!(hits, [true, false]);
    /// ```
    pub fn batch(&self, query: &str) -> BatchMatcher {
        BatchMatcher {
            matcher: *self,
            query: self.prepare(query),
        }
    }

    /// The score of two part keys; exact when at least `need`, else some value below `need`.
    /// `explain`: which differences conventions may explain for these two names.
    fn part(&self, a: &PartKey, b: &PartKey, need: f64, explain: Explain) -> f64 {
        if a.key == b.key {
            return 1.0;
        }
        let (ka, kb) = (&a.key[..], &b.key[..]);
        if ka.len() == 1 || kb.len() == 1 {
            let (i, full) = if ka.len() == 1 { (ka, kb) } else { (kb, ka) };
            return if full.first() == i.first() {
                self.initial_score
            } else {
                0.0
            };
        }
        let sim = match self.measure {
            Measure::Weighted => {
                let len = ka.len().max(kb.len()) as f64;
                let d = weighted_levenshtein(
                    ka,
                    kb,
                    (1.0 - need) * len,
                    self.unexplained_cost,
                    explain,
                );
                1.0 - d / len
            }
            Measure::Levenshtein => strsim::normalized_levenshtein(as_str(ka), as_str(kb)),
            Measure::JaroWinkler => strsim::jaro_winkler(as_str(ka), as_str(kb)),
        };
        let sim = sim.max(0.0);
        // A different grammatical ending on the same stem (Kurmangaliev ~ Kurmangalieva,
        // Atabek ~ Atabekov) is a different name; an ending that only looks different because the
        // stems differ anyway (Khosrav ~ Khosrov) is judged by the edit measure alone.
        if a.suffix != b.suffix && self.same_stem(ka, a.suffix, kb, b.suffix) {
            sim * self.suffix_penalty
        } else {
            sim
        }
    }

    fn same_stem(&self, a: &[u8], sa: Suffix, b: &[u8], sb: Suffix) -> bool {
        let (x, y) = (stem(a, sa), stem(b, sb));
        if x.is_empty() || y.is_empty() {
            return false;
        }
        let len = x.len().max(y.len()) as f64;
        weighted_levenshtein(x, y, 0.25 * len, 1.0, Explain::Base) <= 0.25 * len
    }
}

/// The key without its grammatical ending.
fn stem(key: &[u8], s: Suffix) -> &[u8] {
    let n = match s {
        Suffix::None => 0,
        Suffix::SurM | Suffix::Uly => {
            if key.ends_with(b"ulu") || key.ends_with(b"uli") {
                3
            } else {
                2
            }
        }
        Suffix::SurF | Suffix::PatM => 3 + usize::from(s == Suffix::PatM),
        Suffix::PatF | Suffix::Kyzy => 4,
    };
    &key[..key.len() - n]
}

fn as_str(b: &[u8]) -> &str {
    std::str::from_utf8(b).unwrap_or("")
}

/// The best total of `sims[i][j]` over one-to-one alignments of the `n` rows into the `m`
/// columns (`n <= m <= 8`), by dynamic programming over subsets of used columns, and the lowest
/// part score in that alignment (ties in the total: the alignment with the higher lowest score).
fn assign(sims: &[[f64; 8]; 8], n: usize, m: usize) -> (f64, f64) {
    if n == 1 {
        let b = sims[0][..m].iter().copied().fold(0.0, f64::max);
        return (b, b);
    }
    if n == 2 {
        let mut best = (0.0f64, 0.0f64);
        for j1 in 0..m {
            for j2 in 0..m {
                if j1 != j2 {
                    let (x, y) = (sims[0][j1], sims[1][j2]);
                    let cand = (x + y, x.min(y));
                    if cand > best {
                        best = cand;
                    }
                }
            }
        }
        return best;
    }
    let full = 1usize << m;
    let mut dp = [(f64::NEG_INFINITY, 0.0f64); 256];
    dp[0] = (0.0, 1.0);
    let mut best = (0.0f64, 0.0f64);
    for mask in 0..full {
        let row = mask.count_ones() as usize;
        let (v, lo) = dp[mask];
        if v == f64::NEG_INFINITY {
            continue;
        }
        if row == n {
            if (v, lo) > best {
                best = (v, lo);
            }
            continue;
        }
        for (j, &s) in sims[row][..m].iter().enumerate() {
            if mask & (1 << j) == 0 {
                let next = mask | (1 << j);
                let cand = (v + s, lo.min(s));
                if cand > dp[next] {
                    dp[next] = cand;
                }
            }
        }
    }
    best
}

/// Cost tables from `tables/match-costs.tsv`, indexed by key letter (`c - b'a'`); NaN where the
/// table has no row (an unexplained difference).
#[derive(Clone, Copy)]
struct Costs {
    sub: [[f64; 26]; 26],
    sub_end: [[f64; 26]; 26],
    indel: [f64; 26],
    /// Inserting or deleting a letter at the end of a key (rows with RIGHT `$`).
    indel_end: [f64; 26],
    /// A letter written twice on one side and once on the other (row `=`).
    double: f64,
    /// The cheapest insertion or deletion the table explains.
    min_indel: f64,
}

/// Which differences the two names' scripts let conventions explain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Explain {
    /// None: both names in the Russian alphabet.
    Nothing,
    /// The rows of `tables/match-costs.tsv`.
    Base,
    /// Those and the rows of `tables/match-costs-turkic.tsv` (one name shows Turkic letters).
    Turkic,
}

fn costs(e: Explain) -> &'static Costs {
    static BASE: std::sync::OnceLock<Costs> = std::sync::OnceLock::new();
    static TURKIC: std::sync::OnceLock<Costs> = std::sync::OnceLock::new();
    match e {
        Explain::Nothing => &NOTHING_EXPLAINED,
        Explain::Base => BASE.get_or_init(|| Costs::from_tables(&[&crate::tables::MATCH_COSTS])),
        Explain::Turkic => TURKIC.get_or_init(|| {
            Costs::from_tables(&[
                &crate::tables::MATCH_COSTS,
                &crate::tables::MATCH_COSTS_TURKIC,
            ])
        }),
    }
}

/// No difference explained.
const NOTHING_EXPLAINED: Costs = Costs {
    sub: [[f64::NAN; 26]; 26],
    sub_end: [[f64::NAN; 26]; 26],
    indel: [f64::NAN; 26],
    indel_end: [f64::NAN; 26],
    double: f64::NAN,
    min_indel: f64::INFINITY,
};

/// What the letters of `name` say about the conventions that may stand between it and another
/// name, in one pass: `(plain_cyrillic, turkic)`.
///
/// - `plain_cyrillic`: every letter is Cyrillic and none is one that only Kazakh or Uyghur has;
/// - `turkic`: a letter of the Turkic alphabets shows: a Kazakh or Uyghur Cyrillic letter, an
///   Arabic-script letter, or a Latin letter of the Kazakh, Uyghur, Turkish or Azerbaijani
///   alphabets (ä ə ğ ı ñ ö ş ü ū ǵ ń ý, q not before u).
fn script_evidence(name: &str) -> (bool, bool) {
    use crate::detect::{KK_ONLY, UG_CYR, has};
    use crate::script::{Script, char_script};
    let (mut any, mut plain, mut turkic) = (false, true, false);
    let mut prev_q = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        turkic |= prev_q && c != 'u';
        prev_q = c == 'q';
        if !c.is_alphabetic() {
            continue;
        }
        any = true;
        match char_script(c) {
            Script::Cyrillic if has(&KK_ONLY, c) || has(&UG_CYR, c) => {
                plain = false;
                turkic = true;
            }
            Script::Cyrillic => {}
            Script::Arabic => {
                plain = false;
                turkic = true;
            }
            Script::Latin => {
                plain = false;
                turkic |= "äəğıñöşüūǵńý".contains(c);
            }
            _ => plain = false,
        }
    }
    (any && plain, turkic || prev_q)
}

impl Costs {
    /// The costs of the rows of `tables`: within a table the first row that applies wins (as in
    /// every table), and a later table's row wins over an earlier table's.
    fn from_tables(tables: &[&crate::tables::Table]) -> Costs {
        let mut c = NOTHING_EXPLAINED;
        for t in tables {
            let mut own = NOTHING_EXPLAINED;
            let set = |x: &mut f64, v: f64| {
                if x.is_nan() {
                    *x = v;
                }
            };
            for r in t.rules {
                // The build checks the format; a row that does not parse is skipped (a unit
                // test checks that none is).
                let Ok(cost) = r.dst.parse::<f64>() else {
                    continue;
                };
                let at_end = !r.right.is_empty();
                match *r.src.as_bytes() {
                    [b'='] => set(&mut own.double, cost),
                    [x] if x.is_ascii_lowercase() => {
                        let x = (x - b'a') as usize;
                        set(&mut own.indel_end[x], cost);
                        if !at_end {
                            set(&mut own.indel[x], cost);
                        }
                    }
                    [x, y] if x.is_ascii_lowercase() && y.is_ascii_lowercase() => {
                        let (x, y) = ((x - b'a') as usize, (y - b'a') as usize);
                        for (i, j) in [(x, y), (y, x)] {
                            set(&mut own.sub_end[i][j], cost);
                            if !at_end {
                                set(&mut own.sub[i][j], cost);
                            }
                        }
                    }
                    _ => {}
                }
            }
            let over = |to: &mut f64, from: f64| {
                if !from.is_nan() {
                    *to = from;
                }
            };
            for i in 0..26 {
                for j in 0..26 {
                    over(&mut c.sub[i][j], own.sub[i][j]);
                    over(&mut c.sub_end[i][j], own.sub_end[i][j]);
                }
                over(&mut c.indel[i], own.indel[i]);
                over(&mut c.indel_end[i], own.indel_end[i]);
            }
            over(&mut c.double, own.double);
        }
        c.min_indel = c
            .indel_end
            .iter()
            .chain([&c.double])
            .copied()
            .filter(|x| !x.is_nan())
            .fold(f64::INFINITY, f64::min);
        c
    }

    #[inline]
    fn sub(&self, a: u8, b: u8, at_end: bool, unexplained: f64) -> f64 {
        if a == b {
            return 0.0;
        }
        let (i, j) = (a.wrapping_sub(b'a') as usize, b.wrapping_sub(b'a') as usize);
        if i >= 26 || j >= 26 {
            return unexplained;
        }
        let c = if at_end {
            self.sub_end[i][j]
        } else {
            self.sub[i][j]
        };
        if c.is_nan() { unexplained } else { c }
    }

    /// Inserting or deleting `a`; `prev` is the letter before it on its own side, `at_end`
    /// whether it is the last letter of its key.
    #[inline]
    fn indel(&self, a: u8, prev: u8, at_end: bool, unexplained: f64) -> f64 {
        if a == prev && !self.double.is_nan() {
            return self.double;
        }
        let t = if at_end { &self.indel_end } else { &self.indel };
        match t.get(a.wrapping_sub(b'a') as usize) {
            Some(c) if !c.is_nan() => *c,
            _ => unexplained,
        }
    }
}

/// Weighted Levenshtein distance between two keys (see [`Measure::Weighted`]); once it is
/// certain to exceed `max` it stops and returns a value above `max`.
fn weighted_levenshtein(a: &[u8], b: &[u8], max: f64, unexplained: f64, explain: Explain) -> f64 {
    let costs = costs(explain);
    // Every length difference costs at least the cheapest insertion.
    if a.len().abs_diff(b.len()) as f64 * costs.min_indel.min(unexplained) > max {
        return f64::INFINITY;
    }
    // Two rows on the stack for keys of usual length; a heap row only for very long parts.
    const STACK: usize = 48;
    if b.len() < STACK {
        let mut prev = [0.0f64; STACK];
        let mut cur = [0.0f64; STACK];
        wlev_rows(
            costs,
            a,
            b,
            max,
            unexplained,
            &mut prev[..=b.len()],
            &mut cur[..=b.len()],
        )
    } else {
        let mut prev = vec![0.0f64; b.len() + 1];
        let mut cur = vec![0.0f64; b.len() + 1];
        wlev_rows(costs, a, b, max, unexplained, &mut prev, &mut cur)
    }
}

fn wlev_rows<'r>(
    costs: &Costs,
    a: &[u8],
    b: &[u8],
    max: f64,
    u: f64,
    mut prev: &'r mut [f64],
    mut cur: &'r mut [f64],
) -> f64 {
    prev[0] = 0.0;
    let before = |s: &[u8], i: usize| if i == 0 { 0 } else { s[i - 1] };
    for (j, &cb) in b.iter().enumerate() {
        prev[j + 1] = prev[j] + costs.indel(cb, before(b, j), j + 1 == b.len(), u);
    }
    for (i, &ca) in a.iter().enumerate() {
        let del_a = costs.indel(ca, before(a, i), i + 1 == a.len(), u);
        cur[0] = prev[0] + del_a;
        for (j, &cb) in b.iter().enumerate() {
            let del = prev[j + 1] + del_a;
            let ins = cur[j] + costs.indel(cb, before(b, j), j + 1 == b.len(), u);
            let sub = prev[j] + costs.sub(ca, cb, i + 1 == a.len() && j + 1 == b.len(), u);
            cur[j + 1] = del.min(ins).min(sub);
        }
        // Costs are non-negative: once a whole row exceeds `max`, so does the result.
        if cur.iter().all(|&c| c > max) {
            return f64::INFINITY;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Scores one prepared query against many names (modelled on rapidfuzz's `BatchComparator`).
///
/// ```
/// let m = atau::Matcher::default();
/// let q = m.batch("Tokayev Kassym-Jomart");
/// assert_eq!(q.similarity("KASSYM-JOMART TOKAYEV", 0.0), Some(1.0));
/// assert!(q.similarity("Қасым-Жомарт Тоқаев", 0.0) > Some(0.9));
/// assert_eq!(q.similarity("Nurzhan Ermekbai", 0.5), None);
/// ```
#[derive(Debug, Clone)]
pub struct BatchMatcher {
    matcher: Matcher,
    query: Prepared,
}

impl BatchMatcher {
    /// The similarity of the query to `candidate` if it is at least `score_cutoff`.
    pub fn similarity(&self, candidate: &str, score_cutoff: f64) -> Option<f64> {
        self.matcher
            .score(&self.query, &self.matcher.prepare(candidate), score_cutoff)
    }

    /// The same for an already prepared candidate.
    pub fn similarity_prepared(&self, candidate: &Prepared, score_cutoff: f64) -> Option<f64> {
        self.matcher.score(&self.query, candidate, score_cutoff)
    }

    /// The prepared query.
    pub fn query(&self) -> &Prepared {
        &self.query
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symmetric_and_bounded() {
        let names = [
            "Gaukhar Kurmangalieva",
            "G. Kurmangalieva",
            "Ablajan Awut Ayup",
            "Ayup",
            "",
            "Tokayev",
        ];
        for a in names {
            for b in names {
                let (x, y) = (similarity(a, b), similarity(b, a));
                assert!((x - y).abs() < 1e-12, "{a} / {b}");
                assert!((0.0..=1.0).contains(&x));
            }
        }
    }

    #[test]
    fn extra_part_lowers_but_keeps() {
        let s = similarity("Ablajan Awut Ayup", "Ablajan Ayup");
        assert!(s > 0.6 && s < 1.0, "{s}");
    }

    #[test]
    fn batch_equals_single() {
        let m = Matcher::default();
        let q = m.batch("Gaukhar Kurmangalieva");
        for c in ["Gauhar Qurmanghalieva", "Kurmanbayeva Gaukhar", "Nurzhan"] {
            assert_eq!(
                q.similarity(c, 0.0),
                Some(m.similarity("Gaukhar Kurmangalieva", c))
            );
        }
    }

    /// Every row of the cost tables parses, names key letters, and costs what it says for the
    /// edit it describes, below an unexplained difference.
    #[test]
    fn every_explained_difference_is_cheap() {
        let u = Matcher::default().unexplained_cost;
        for (t, e) in [
            (&crate::tables::MATCH_COSTS, Explain::Base),
            (&crate::tables::MATCH_COSTS_TURKIC, Explain::Turkic),
        ] {
            for r in t.rules {
                let cost: f64 = r
                    .dst
                    .parse()
                    .unwrap_or_else(|_| panic!("{}: {r:?}", t.name));
                assert!(cost > 0.0 && cost < 1.0, "{}: {r:?}", t.name);
                let src = r.src.as_bytes();
                // Two words that differ by the row's edit: at the end for a `$` row, else inside.
                let end = !r.right.is_empty();
                let word = |mid: &[u8]| {
                    let tail: &[u8] = if end { b"" } else { b"ra" };
                    [b"br".as_slice(), mid, tail].concat()
                };
                let (a, b) = match src {
                    [b'='] => (word(b"l"), word(b"ll")),
                    [x] => (word(b""), word(&[*x])),
                    [x, y] => {
                        assert!(x < y, "{}: {r:?} letters not in order", t.name);
                        (word(&[*x]), word(&[*y]))
                    }
                    _ => panic!("{}: {r:?}", t.name),
                };
                let d = weighted_levenshtein(&a, &b, f64::INFINITY, u, e);
                assert!((d - cost).abs() < 1e-9, "{}: {r:?}: {d}", t.name);
                let strict = weighted_levenshtein(&a, &b, f64::INFINITY, u, Explain::Nothing);
                assert!(strict >= u - 1e-9, "{}: {r:?}: {strict}", t.name);
            }
        }
    }

    #[test]
    fn unexplained_differences_make_different_names() {
        let m = Matcher::default();
        for (a, b) in [
            ("Marat Aliev", "Murat Aliev"),
            ("Ivan Semenov", "Ivan Simonov"),
            ("Семенов", "Симонов"),
            ("Gennady Golovkin", "Gennady Golovin"),
            ("Aidana", "Aidan"),
            ("Kleinman", "Kleitman"),
            ("Каримова", "Керимова"),
            ("Филиппи", "Филипи"),
        ] {
            assert!(!m.is_match(a, b), "{a} ~ {b}: {}", m.similarity(a, b));
        }
        for (a, b) in [
            ("Ilya Ilyin", "Илья Ильин"),
            ("Cordaro", "Кордаро"),
            ("Yeleussinov", "Елеусинов"),
            ("Cornette", "Корнетт"),
            ("Бөкейхан", "Букейхан"),
            ("Хүррем", "Хюррем"),
            ("Ekper", "Ekpar"),
        ] {
            assert!(m.is_match(a, b), "{a} ~ {b}: {}", m.similarity(a, b));
        }
    }

    #[test]
    fn screening_tolerates_a_typo() {
        let (d, s) = (Matcher::dedup(), Matcher::screening());
        let (a, b) = ("Gaukhar Kurmangalieva", "Gaukhar Kurmangaleva");
        assert!(!d.is_match(a, b) && s.is_match(a, b));
        assert!(!s.is_match("Marat", "Murat"));
    }

    #[test]
    fn weighted_distance() {
        let inf = f64::INFINITY;
        assert_eq!(
            weighted_levenshtein(b"abc", b"abc", inf, 1.0, Explain::Base),
            0.0
        );
        assert!(
            (weighted_levenshtein(b"aiup", b"aiub", inf, 1.0, Explain::Base) - 0.5).abs() < 1e-12
        );
        assert!((weighted_levenshtein(b"", b"ab", inf, 1.0, Explain::Base) - 2.0).abs() < 1e-12);
        assert!(weighted_levenshtein(b"kurmanalieva", b"atabek", 2.0, 1.0, Explain::Base) > 2.0);
    }
}
