//! Instruction-count profiling aid:
//! `valgrind --tool=callgrind target/release/examples/prof_normalize [deunicode] [cyr|latin|mixed]`.
fn main() {
    let cyr = [
        "Құрманғалиева Гауһар",
        "Гаухар Курмангалиева",
        "Қасым-Жомарт Тоқаев",
        "Ольга Рыпакова",
    ];
    let latin = [
        "Gauhar Qūrmanğalieva",
        "Gaukhar Kurmangalieva",
        "Şoqan Uälihanov",
        "KURMANGALIYEVA GAUKHAR",
    ];
    let args: Vec<String> = std::env::args().collect();
    let deu = args.iter().any(|a| a == "deunicode");
    let names: Vec<&str> = if args.iter().any(|a| a == "cyr") {
        cyr.to_vec()
    } else if args.iter().any(|a| a == "latin") {
        latin.to_vec()
    } else {
        cyr.iter().chain(latin.iter()).copied().collect()
    };
    let mut n = 0usize;
    for i in 0..200_000 {
        let s = names[i % names.len()];
        n += if deu {
            deunicode::deunicode(s).len()
        } else {
            atau::normalize(s).len()
        };
    }
    println!("{n}");
}
