//! The `normalize` command-line contract: one output line per input line, exit codes, JSON.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_normalize"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn normalize");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn names_as_arguments() {
    let o = run(&["Құрманғалиева Гауһар", "Қасым-Жомарт Тоқаев"], b"");
    assert!(o.status.success());
    assert_eq!(stdout(&o), "Qurmanghalieva Gauhar\nQasym-Zhomart Toqaev\n");
}

#[test]
fn stdin_keeps_one_line_per_line_including_empty_ones() {
    let o = run(
        &[],
        "Гаухар Курмангалиева\n\n  \nTOKAYEV KASSYM-JOMART\r\nlast without newline".as_bytes(),
    );
    assert!(o.status.success());
    assert_eq!(
        stdout(&o),
        "Gaukhar Kurmangaliyeva\n\n\nTokayev Kassym-Jomart\nLast Without Newline\n"
    );
}

#[test]
fn invalid_utf8_names_the_line_and_exits_65() {
    let o = run(&[], b"Aron Atabek\nbad \xff byte\nok\n");
    assert_eq!(o.status.code(), Some(65));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("line 2"), "stderr: {err}");
    assert_eq!(stdout(&o), "Aron Atabek\n");
}

#[test]
fn lossy_replaces_and_goes_on() {
    let o = run(&["--lossy"], b"Aron Atabek\nbad \xff byte\nok\n");
    assert!(o.status.success());
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(out.lines().all(|l| l.is_ascii()));
}

#[test]
fn unknown_scheme_lists_valid_ones_and_exits_2() {
    let o = run(&["--scheme", "klingon", "x"], b"");
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("kk-2021") && err.contains("icao") && err.contains("iso9"),
        "{err}"
    );
}

#[test]
fn list_schemes() {
    let o = run(&["--list-schemes"], b"");
    assert!(o.status.success());
    let names: Vec<String> = stdout(&o)
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect();
    for s in [
        "canonical",
        "bgn",
        "kk-2021",
        "kk-2018",
        "kk-2017",
        "icao",
        "iso9",
    ] {
        assert!(names.iter().any(|n| n == s), "{s} missing from {names:?}");
    }
}

#[test]
fn scheme_and_lang_flags() {
    let o = run(&["--scheme", "kk-2021", "Қасым-Жомарт Тоқаев"], b"");
    assert_eq!(stdout(&o), "Qasym-Jomart Toqaev\n");
    // Forced Kazakh: no Russian ye after a vowel.
    let o = run(&["--lang", "kk", "Курмангалиева"], b"");
    assert_eq!(stdout(&o), "Kurmangalieva\n");
    let o = run(&["--lang", "xx", "a"], b"");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn json_objects() {
    let o = run(&["--json"], "Қасым-Жомарт Тоқаев\n\n".as_bytes());
    assert!(o.status.success());
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(v["input"], "Қасым-Жомарт Тоқаев");
    assert_eq!(v["canonical"], "Qasym-Zhomart Toqaev");
    assert_eq!(v["script"], "cyrillic");
    assert_eq!(v["lang"], "kk");
    assert_eq!(v["tokens"].as_array().unwrap().len(), 3);
    let empty: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(empty["canonical"], "");
}
