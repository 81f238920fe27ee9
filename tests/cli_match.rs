//! The matching modes of the `normalize` binary: --key, --compare, --cluster.

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
fn key_args_and_stdin() {
    let o = run(
        &["--key", "Гауһар Құрманғалиева", "KURMANGALIYEVA GAUKHAR"],
        b"",
    );
    assert!(o.status.success());
    let lines: Vec<_> = stdout(&o).lines().map(String::from).collect();
    assert_eq!(lines.len(), 2);
    let o = run(&["--key"], b"Gaukhar Kurmangalieva\n\nAron Atabek\n");
    assert_eq!(stdout(&o).lines().count(), 3);
    assert_eq!(stdout(&o).lines().nth(1), Some(""));
}

#[test]
fn compare() {
    let o = run(
        &[
            "--compare",
            "Tokayev Kassym-Jomart",
            "Kassym-Jomart Tokayev",
        ],
        b"",
    );
    assert_eq!(stdout(&o), "1.0000\tsame\n");
    let o = run(&["--compare", "Nurzhan Ermekbai", "Nurzat Ermekbai"], b"");
    assert!(stdout(&o).ends_with("\tdifferent\n"), "{}", stdout(&o));
    let o = run(&["--compare", "only one"], b"");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn cluster_every_line_once() {
    let input = "Гауһар Құрманғалиева\nGaukhar Kurmangalieva\n\nGaukhar Kurmangaliev\r\nKURMANGALIYEVA GAUKHAR\n";
    let o = run(&["--cluster"], input.as_bytes());
    assert!(o.status.success());
    assert_eq!(
        stdout(&o),
        "0\tГауһар Құрманғалиева\n0\tGaukhar Kurmangalieva\n1\t\n2\tGaukhar Kurmangaliev\n0\tKURMANGALIYEVA GAUKHAR\n"
    );
    assert!(o.stderr.is_empty(), "no progress bar on a pipe");
    let o = run(&["--cluster", "--json"], input.as_bytes());
    assert_eq!(stdout(&o).lines().count(), 3);
    assert!(stdout(&o).starts_with("{\"cluster\":0,"));
}

#[test]
fn cluster_invalid_utf8() {
    let o = run(&["--cluster"], b"Aron Atabek\n\xff\xfe\n");
    assert_eq!(o.status.code(), Some(65));
    assert!(String::from_utf8_lossy(&o.stderr).contains("line 2"));
    assert!(o.stdout.is_empty());
    let o = run(&["--cluster", "--lossy"], b"Aron Atabek\n\xff\xfe\n");
    assert!(o.status.success());
    assert_eq!(stdout(&o).lines().count(), 2);
}

#[test]
fn compare_presets() {
    let (a, b) = ("Gaukhar Kurmangalieva", "Gaukhar Kurmangaleva");
    let o = run(&["--compare", a, b], b"");
    assert!(stdout(&o).ends_with("\tdifferent\n"), "{}", stdout(&o));
    let o = run(&["--compare", "--preset", "screening", a, b], b"");
    assert!(stdout(&o).ends_with("\tsame\n"), "{}", stdout(&o));
    let o = run(&["--compare", "--preset", "typo", a, b], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("dedup, screening"));
}
