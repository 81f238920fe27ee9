//! Golden fixtures: every `tests/golden/*.tsv` row (`input<TAB>scheme<TAB>expected[<TAB>lang]`)
//! is romanized and compared; all failures are reported with their file and line.

use std::fs;
use std::path::Path;

use atau::{Lang, Options, Scheme};

#[test]
fn golden_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("tests/golden")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixture files in {}", dir.display());
    let (mut rows, mut failures) = (0usize, Vec::new());
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = fs::read_to_string(path).unwrap();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 3 || f.len() > 4 {
                failures.push(format!(
                    "{name}:{}: expected 3 or 4 TAB-separated fields",
                    i + 1
                ));
                continue;
            }
            if f[0] == "input" {
                continue; // header row
            }
            let scheme: Scheme = match f[1].parse() {
                Ok(s) => s,
                Err(e) => {
                    failures.push(format!("{name}:{}: {e}", i + 1));
                    continue;
                }
            };
            let mut opts = Options::new(scheme);
            if let Some(l) = f.get(3).filter(|l| !l.is_empty()) {
                match l.parse::<Lang>() {
                    Ok(l) => opts = opts.lang(l),
                    Err(e) => {
                        failures.push(format!("{name}:{}: {e}", i + 1));
                        continue;
                    }
                }
            }
            rows += 1;
            let got = atau::romanize_with(f[0], &opts);
            if got != f[2] {
                failures.push(format!(
                    "{name}:{}: {} [{}] expected {:?}, got {:?}",
                    i + 1,
                    f[0],
                    f[1],
                    f[2],
                    got
                ));
            }
        }
    }
    println!(
        "golden: {rows} rows in {} files, {} failures",
        files.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {rows} golden rows fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
