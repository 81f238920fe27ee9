//! Deterministic name corpora shared by `benches/normalize.rs` and `examples/prof_normalize.rs`.
#![allow(dead_code)]

const KK_GIVEN: &[&str] = &[
    "Гауһар",
    "Қасым-Жомарт",
    "Әлия",
    "Нұрсұлтан",
    "Айгүл",
    "Ержан",
    "Бауыржан",
    "Гүлнар",
    "Мағжан",
    "Шоқан",
    "Ыбырай",
    "Әлихан",
    "Шәмші",
    "Данияр",
    "Халида",
    "Нұрзат",
    "Өмірзақ",
    "Ұлжан",
    "Жібек",
    "Сәуле",
    "Асқар",
    "Мұхтар",
    "Зуһра",
    "Іңкәр",
    "Ақжол",
];
const KK_SURNAMES: &[&str] = &[
    "Құрманғалиева",
    "Тоқаев",
    "Молдағұлова",
    "Жұмабаев",
    "Алтынсарин",
    "Бөкейхан",
    "Қалдаяқов",
    "Елеусінов",
    "Уәлиханов",
    "Қазыбек",
    "Ақытхан",
    "Ермекбай",
    "Атабек",
    "Құнанбаев",
    "Әуезов",
    "Сәтбаев",
    "Нұрпейісова",
    "Жансүгіров",
    "Сейфуллин",
    "Мұқанов",
];
const RU_GIVEN: &[&str] = &[
    "Гаухар",
    "Алия",
    "Нурсултан",
    "Айгуль",
    "Ержан",
    "Бауыржан",
    "Магжан",
    "Чокан",
    "Ибрай",
    "Илья",
    "Ольга",
    "Данияр",
    "Екатерина",
    "Юлия",
    "Сергей",
    "Наталья",
    "Артём",
    "Виктория",
];
const RU_SURNAMES: &[&str] = &[
    "Курмангалиева",
    "Токаев",
    "Молдагулова",
    "Жумабаев",
    "Алтынсарин",
    "Букейхан",
    "Калдаяков",
    "Елеусинов",
    "Валиханов",
    "Ильин",
    "Рыпакова",
    "Щербаков",
    "Ефремова",
    "Объедков",
    "Юсупов",
];
const LATIN: &[&str] = &[
    "Gauhar Qurmanghalieva",
    "Gaukhar Kurmangalieva",
    "KURMANGALIYEVA GAUKHAR",
    "Gauhar Qūrmanğalieva",
    "Gaýhar Qurmanǵalıeva",
    "Gauhar Qurmang'alieva",
    "Kassym-Jomart Tokayev",
    "Gaukhar Kurmangalijewa",
    "Shoqan Walikhanov",
    "Şoqan Uälihanov",
    "Aliya Moldagulova",
    "Äliia Moldağūlova",
    "Ilya Ilyin",
    "Tschokan Walichanow",
    "Daniyar Yeleussinov",
    "Nurzat Ermekbai",
    "Gülfiye Kazıbek",
    "Olga Rypakova",
];

/// A tiny deterministic PRNG (xorshift64*), so the corpus is the same on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[(self.next() % v.len() as u64) as usize]
    }
}

/// 100,000 names: 40% Kazakh Cyrillic, 30% Russian Cyrillic, 30% Latin (all spellings).
pub fn corpus(n: usize) -> Vec<String> {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    (0..n)
        .map(|i| match i % 10 {
            0..=3 => format!("{} {}", r.pick(KK_SURNAMES), r.pick(KK_GIVEN)),
            4..=6 => format!("{} {}", r.pick(RU_GIVEN), r.pick(RU_SURNAMES)),
            _ => r.pick(LATIN).to_string(),
        })
        .collect()
}

pub fn arabic_corpus() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/arabic-names.txt");
    let names: Vec<String> = std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    if names.is_empty() {
        return Vec::new();
    }
    names.iter().cycle().take(10_000).cloned().collect()
}
