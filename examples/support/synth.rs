//! A deterministic synthetic name generator with truth labels, shared by
//! `examples/cluster_scale.rs` and `benches/cluster.rs` (included with `#[path]`, not public API).
//!
//! Each person gets a Kazakh-like name built in Kazakh Cyrillic from syllable lists (a given name
//! of one or two syllables, a surname stem of two or three syllables with a gendered ending:
//! -ов/-ова, -ев/-ева, -ұлы/-қызы, -бек or none). Every record of that person writes the name
//! through one of atau's schemes (Kazakh Cyrillic, Russian Cyrillic, canonical, BGN/PCGN,
//! Kazakh Latin 2017/2018/2021, ICAO) or through a German or press spelling made by the simple
//! variant rules below, and is then perturbed: a typo (one letter replaced, dropped, doubled or
//! swapped), surname first, upper case. The label is the person's index.
#![allow(dead_code)]

use std::collections::HashSet;

use atau::Scheme;

/// SplitMix64: small, fast and deterministic; enough for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * n as f64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

const GIVEN_FIRST: &[&str] = &[
    "Нұр",
    "Гүл",
    "Ай",
    "Бақ",
    "Ер",
    "Қан",
    "Сер",
    "Жан",
    "Ал",
    "Мұх",
    "Дәу",
    "Ас",
    "Бол",
    "Дин",
    "Ма",
    "Са",
    "Та",
    "Қа",
    "Әс",
    "Өм",
    "Ғал",
    "Ақ",
    "Ай",
    "Бей",
    "Дар",
    "Еркін",
    "Жас",
    "Зай",
    "Ін",
    "Кен",
    "Лә",
    "Мәд",
    "На",
    "Ораз",
    "Пер",
    "Рах",
    "Сұл",
    "Тө",
    "Ұл",
    "Үміт",
    "Шол",
    "Ілі",
    "Ерм",
    "Ғаз",
];
const GIVEN_SECOND: &[&str] = &[
    "лан",
    "жан",
    "бек",
    "гүл",
    "нар",
    "сұлу",
    "тай",
    "ғали",
    "мұрат",
    "дар",
    "хан",
    "болат",
    "ым",
    "ат",
    "ия",
    "әлі",
    "нұр",
    "ерке",
    "шат",
    "зат",
    "жар",
    "бол",
    "қали",
    "сая",
    "дана",
    "жол",
    "тас",
    "құл",
    "ман",
    "ай",
];
const STEM: &[&str] = &[
    "Құр",
    "ман",
    "ғали",
    "Тоқ",
    "а",
    "Қазы",
    "бек",
    "Жұма",
    "ба",
    "Ал",
    "тын",
    "сар",
    "Бөкей",
    "хан",
    "Қал",
    "дая",
    "Ақ",
    "ыт",
    "Ерм",
    "ек",
    "бай",
    "Сәт",
    "пай",
    "Ораз",
    "Нұр",
    "ғож",
    "Есім",
    "Қой",
    "шы",
    "Мол",
    "дағ",
    "ұл",
    "Сей",
    "іт",
    "Тұр",
    "сын",
    "Әбіл",
    "қас",
    "Жақ",
    "сы",
    "Бай",
    "мұх",
    "Кен",
    "же",
    "Дос",
    "жан",
    "Шай",
    "мер",
    "Әуез",
    "Ыб",
    "рай",
    "Сар",
    "қыт",
];
const ENDS_M: &[&str] = &["ов", "ев", "ұлы", "бек", "", "ов", "ов"];
const ENDS_F: &[&str] = &["ова", "ева", "қызы", "", "ова", "ова"];

/// Kazakh letters Russian spelling drops, and their Russian stand-ins.
const RU: &[(char, &str)] = &[
    ('ә', "а"),
    ('ғ', "г"),
    ('қ', "к"),
    ('ң', "н"),
    ('ө', "о"),
    ('ұ', "у"),
    ('ү', "у"),
    ('һ', "х"),
    ('і', "и"),
    ('Ә', "А"),
    ('Ғ', "Г"),
    ('Қ', "К"),
    ('Ң', "Н"),
    ('Ө', "О"),
    ('Ұ', "У"),
    ('Ү', "У"),
    ('Һ', "Х"),
    ('І', "И"),
];

/// A simple German spelling of Russian Cyrillic (Duden-like).
const DE: &[(char, &str)] = &[
    ('а', "a"),
    ('б', "b"),
    ('в', "w"),
    ('г', "g"),
    ('д', "d"),
    ('е', "e"),
    ('ё', "jo"),
    ('ж', "sch"),
    ('з', "s"),
    ('и', "i"),
    ('й', "j"),
    ('к', "k"),
    ('л', "l"),
    ('м', "m"),
    ('н', "n"),
    ('о', "o"),
    ('п', "p"),
    ('р', "r"),
    ('с', "s"),
    ('т', "t"),
    ('у', "u"),
    ('ф', "f"),
    ('х', "ch"),
    ('ц', "z"),
    ('ч', "tsch"),
    ('ш', "sch"),
    ('щ', "schtsch"),
    ('ъ', ""),
    ('ы', "y"),
    ('ь', ""),
    ('э', "e"),
    ('ю', "ju"),
    ('я', "ja"),
];

fn russian(s: &str) -> String {
    s.chars()
        .map(|c| {
            RU.iter()
                .find(|(k, _)| *k == c)
                .map_or(c.to_string(), |(_, v)| v.to_string())
        })
        .collect()
}

fn german(s: &str) -> String {
    let ru = russian(s);
    let mut out = String::new();
    for part in ru.split(' ') {
        if !out.is_empty() {
            out.push(' ');
        }
        let mut w = String::new();
        for (i, c) in part.chars().enumerate() {
            let lc = c.to_lowercase().next().unwrap_or(c);
            let prev_vowel = w.chars().last().is_some_and(|p| "aeiouy".contains(p));
            let m = if lc == 'е' && (i == 0 || prev_vowel) {
                "je".to_string()
            } else if lc == 'с' && prev_vowel {
                "ss".to_string()
            } else {
                DE.iter()
                    .find(|(k, _)| *k == lc)
                    .map_or(lc.to_string(), |(_, v)| v.to_string())
            };
            w.push_str(&m);
        }
        let mut cs = w.chars();
        if let Some(f) = cs.next() {
            out.extend(f.to_uppercase());
            out.push_str(cs.as_str());
        }
    }
    out
}

/// One person's name in Kazakh Cyrillic.
fn person(rng: &mut Rng) -> String {
    let female = rng.chance(0.5);
    let mut given = String::from(*rng.pick(GIVEN_FIRST));
    if rng.chance(0.8) {
        given.push_str(rng.pick::<&str>(GIVEN_SECOND));
    }
    let mut stem = String::from(*rng.pick(STEM));
    let stem_tail: String = (0..1 + rng.below(2))
        .map(|_| rng.pick(STEM).to_lowercase())
        .collect();
    stem.push_str(&stem_tail);
    let end = if female {
        rng.pick(ENDS_F)
    } else {
        rng.pick(ENDS_M)
    };
    let ends_vowel = stem
        .chars()
        .last()
        .is_some_and(|c| "аәеиоөұүыіуэюя".contains(c));
    let end = match *end {
        "ов" if ends_vowel => "в",
        "ова" if ends_vowel => "ва",
        "ев" if !ends_vowel => "ов",
        "ева" if !ends_vowel => "ова",
        e => e,
    };
    format!("{given} {stem}{end}")
}

/// One record of a name: a scheme or variant spelling, then noise.
fn variant(rng: &mut Rng, cyr: &str) -> String {
    let mut s = match rng.below(10) {
        0 => cyr.to_string(),
        1 => russian(cyr),
        2 => atau::normalize(cyr),
        3 => atau::romanize(cyr, Scheme::Kk2021),
        4 => atau::romanize(cyr, Scheme::Kk2018),
        5 => atau::romanize(cyr, Scheme::Kk2017),
        6 => atau::romanize(cyr, Scheme::Bgn),
        7 => atau::romanize(&russian(cyr), Scheme::Icao),
        8 => german(cyr),
        // Press: the Russian spelling in BGN/PCGN (ye, y, kh).
        _ => atau::normalize(&russian(cyr)),
    };
    if rng.chance(0.15) {
        s = typo(rng, &s);
    }
    if rng.chance(0.3) {
        let mut parts: Vec<&str> = s.split(' ').collect();
        parts.reverse();
        s = parts.join(" ");
    }
    if rng.chance(0.15) {
        s = s.to_uppercase();
    }
    s
}

fn typo(rng: &mut Rng, s: &str) -> String {
    let mut cs: Vec<char> = s.chars().collect();
    // Not the first letter of a part and not a space: typos land inside words.
    let inner: Vec<usize> = (1..cs.len())
        .filter(|&i| cs[i].is_alphabetic() && cs[i - 1].is_alphabetic())
        .collect();
    if inner.is_empty() {
        return s.to_string();
    }
    let i = *rng.pick(&inner);
    match rng.below(4) {
        0 => {
            let pool: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
            cs[i] = *rng.pick(&pool);
        }
        1 => {
            cs.remove(i);
        }
        2 => cs.insert(i, cs[i]),
        _ => {
            if i + 1 < cs.len() && cs[i + 1].is_alphabetic() {
                cs.swap(i, i + 1);
            }
        }
    }
    cs.into_iter().collect()
}

/// `n` records with truth labels (the person index), deterministic for a given `seed`.
/// About one person per five records (1 to 9 records each); no two people share a name.
pub fn generate(n: usize, seed: u64) -> (Vec<String>, Vec<u32>) {
    let mut rng = Rng::new(seed);
    let mut seen = HashSet::new();
    let mut names = Vec::with_capacity(n);
    let mut labels = Vec::with_capacity(n);
    let mut label = 0u32;
    while names.len() < n {
        let p = loop {
            let p = person(&mut rng);
            if seen.insert(atau::key(&p)) {
                break p;
            }
        };
        let k = 1 + rng.below(9);
        for _ in 0..k.min(n - names.len()) {
            names.push(variant(&mut rng, &p));
            labels.push(label);
        }
        label += 1;
    }
    // Shuffle records (Fisher-Yates) so that one person's records are not adjacent.
    for i in (1..names.len()).rev() {
        let j = rng.below(i + 1);
        names.swap(i, j);
        labels.swap(i, j);
    }
    (names, labels)
}

/// Pairwise precision and recall of `pred` against `truth`, via the contingency table.
pub fn pairwise(truth: &[u32], pred: &[usize]) -> (f64, f64) {
    use std::collections::HashMap;
    let pairs = |c: usize| (c as f64) * (c as f64 - 1.0) / 2.0;
    let mut cells: HashMap<(u32, usize), usize> = HashMap::new();
    let mut t: HashMap<u32, usize> = HashMap::new();
    let mut p: HashMap<usize, usize> = HashMap::new();
    for (&a, &b) in truth.iter().zip(pred) {
        *cells.entry((a, b)).or_default() += 1;
        *t.entry(a).or_default() += 1;
        *p.entry(b).or_default() += 1;
    }
    let tp: f64 = cells.values().map(|&c| pairs(c)).sum();
    let tt: f64 = t.values().map(|&c| pairs(c)).sum();
    let pp: f64 = p.values().map(|&c| pairs(c)).sum();
    (
        if pp > 0.0 { tp / pp } else { 1.0 },
        if tt > 0.0 { tp / tt } else { 1.0 },
    )
}
