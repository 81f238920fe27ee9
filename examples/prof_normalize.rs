//! Instruction-count profiling of `normalize` on the bench corpora, against deunicode:
//! `valgrind --tool=callgrind target/release/examples/prof_normalize [deunicode] [arab]`
//! (callgrind counts are repeatable on a shared machine, unlike wall time).
#[path = "../benches/support/corpus.rs"]
mod corpus;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let deu = args.iter().any(|a| a == "deunicode");
    let names = if args.iter().any(|a| a == "arab") {
        corpus::arabic_corpus()
    } else {
        corpus::corpus(100_000)
    };
    let mut n = 0usize;
    for s in &names {
        n += if deu {
            deunicode::deunicode(s).len()
        } else {
            atau::normalize(s).len()
        };
    }
    println!("{} names, {n} bytes out", names.len());
}
