//! Instruction-count profiling aid: `valgrind --tool=callgrind target/release/examples/prof_normalize [deunicode]`.
fn main() {
    let names = ["Құрманғалиева Гауһар", "Гаухар Курмангалиева", "Gauhar Qūrmanğalieva", "Қасым-Жомарт Тоқаев"];
    let deu = std::env::args().nth(1).is_some_and(|a| a == "deunicode");
    let mut n = 0usize;
    for i in 0..200_000 {
        n += if deu { deunicode::deunicode(names[i % 4]).len() } else { atau::normalize(names[i % 4]).len() };
    }
    println!("{n}");
}
