//! `normalize`: the command-line face of atau. Thin: argument parsing, I/O, exit codes.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use atau::{Lang, Options, SCHEMES, Scheme};
use clap::Parser;

/// Transliterate and normalize personal names (Kazakh, Russian, Uyghur; Cyrillic, Latin, Arabic).
///
/// With NAMEs, prints one line per NAME; without, reads standard input one name per line and
/// prints exactly one line per input line, in order.
///
/// Matching: `--key` prints match keys instead of canonical forms (same input rules);
/// `--compare A B` prints the similarity of two names and `same` or `different`;
/// `--cluster [FILE]` groups the names of FILE (standard input when absent), one per line, and
/// prints `CLUSTER-ID<TAB>NAME` for every input line in input order (an empty line gets a
/// cluster of its own); with `--json`, one object per cluster.
#[derive(Parser, Debug)]
#[command(name = "normalize", version)]
struct Cli {
    /// Names to normalize (standard input is read when none is given); with --compare, the two
    /// names; with --cluster, at most one FILE.
    names: Vec<String>,
    /// Print match keys (one key per name part, space-separated) instead of canonical forms.
    #[arg(long, conflicts_with_all = ["compare", "cluster"])]
    key: bool,
    /// Compare two names: print the score (0..1) and `same` or `different`.
    #[arg(long, conflicts_with = "cluster")]
    compare: bool,
    /// Cluster the names in FILE (or standard input), one per line.
    #[arg(long)]
    cluster: bool,
    /// Output scheme (see --list-schemes).
    #[arg(long, short, default_value = "canonical")]
    scheme: String,
    /// List the output schemes and exit.
    #[arg(long)]
    list_schemes: bool,
    /// Read Cyrillic and Arabic-script names as this language: kk, ru or ug.
    #[arg(long)]
    lang: Option<String>,
    /// Print one JSON object per name.
    #[arg(long)]
    json: bool,
    /// Matching preset for --compare and --cluster: `dedup` (precision first: only differences
    /// a spelling convention explains) or `screening` (recall first: typos tolerated).
    #[arg(long, default_value = "dedup")]
    preset: String,
    /// Replace invalid UTF-8 on standard input with U+FFFD instead of failing.
    #[arg(long)]
    lossy: bool,
}

/// Exit codes (sysexits): 2 usage, 65 bad input data, 74 I/O error.
enum Failure {
    Usage(String),
    Data(String),
    Io(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Io(e)) => {
            eprintln!("normalize: I/O error: {e}");
            ExitCode::from(74)
        }
        Err(Failure::Usage(m)) => {
            eprintln!("normalize: {m}");
            ExitCode::from(2)
        }
        Err(Failure::Data(m)) => {
            eprintln!("normalize: {m}");
            ExitCode::from(65)
        }
    }
}

fn run(cli: &Cli) -> Result<(), Failure> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if cli.list_schemes {
        for (_, name, desc) in SCHEMES {
            writeln!(out, "{name}\t{desc}")?;
        }
        return Ok(out.flush()?);
    }
    let scheme: Scheme = cli
        .scheme
        .parse()
        .map_err(|e: atau::ParseSchemeError| Failure::Usage(e.to_string()))?;
    let lang: Option<Lang> = match &cli.lang {
        Some(l) => Some(
            l.parse()
                .map_err(|e: atau::ParseLangError| Failure::Usage(e.to_string()))?,
        ),
        None => None,
    };
    let opts = Options { scheme, lang };
    if cli.compare {
        return compare(cli, &mut out);
    }
    if cli.cluster {
        return cluster(cli, &mut out);
    }
    if !cli.names.is_empty() {
        for n in &cli.names {
            emit(&mut out, n, &opts, cli)?;
        }
        return Ok(out.flush()?);
    }
    let stdin = io::stdin();
    let r = for_each_line(&mut stdin.lock(), "standard input", cli.lossy, |line| {
        emit(&mut out, line, &opts, cli)
    });
    if r.is_err() {
        out.flush()?;
    }
    r?;
    Ok(out.flush()?)
}

/// Call `f` on every line of `input` (without its `\n` or `\r\n`), in order. Invalid UTF-8 is
/// replaced with U+FFFD when `lossy`, else it fails naming `source` and the line.
fn for_each_line(
    input: &mut impl BufRead,
    source: &str,
    lossy: bool,
    mut f: impl FnMut(&str) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let mut raw = Vec::new();
    let mut lineno = 0usize;
    loop {
        raw.clear();
        if input.read_until(b'\n', &mut raw)? == 0 {
            break;
        }
        lineno += 1;
        if raw.last() == Some(&b'\n') {
            raw.pop();
            if raw.last() == Some(&b'\r') {
                raw.pop();
            }
        }
        let line = match std::str::from_utf8(&raw) {
            Ok(s) => std::borrow::Cow::Borrowed(s),
            Err(_) if lossy => String::from_utf8_lossy(&raw),
            Err(e) => {
                return Err(Failure::Data(format!(
                    "{source} line {lineno}: invalid UTF-8 at byte {} (use --lossy to replace it)",
                    e.valid_up_to() + 1
                )));
            }
        };
        f(&line)?;
    }
    Ok(())
}

/// `--compare A B`.
/// The matcher of `--preset`.
fn matcher(cli: &Cli) -> Result<atau::Matcher, Failure> {
    atau::Matcher::preset(&cli.preset).ok_or_else(|| {
        Failure::Usage(format!(
            "unknown preset {:?}; valid presets: {}",
            cli.preset,
            atau::Matcher::PRESETS.join(", ")
        ))
    })
}

fn compare(cli: &Cli, out: &mut impl Write) -> Result<(), Failure> {
    let [a, b] = cli.names.as_slice() else {
        return Err(Failure::Usage(format!(
            "--compare takes exactly two names, got {}",
            cli.names.len()
        )));
    };
    let m = matcher(cli)?;
    let score = m.similarity(a, b);
    let verdict = if score >= m.threshold {
        "same"
    } else {
        "different"
    };
    if cli.json {
        let v = serde_json::json!({ "a": a, "b": b, "score": score, "same": score >= m.threshold });
        serde_json::to_writer(&mut *out, &v).map_err(io::Error::other)?;
        out.write_all(b"\n")?;
    } else {
        writeln!(out, "{score:.4}\t{verdict}")?;
    }
    Ok(out.flush()?)
}

/// Lines over which `--cluster` shows a progress bar (on a terminal only).
const PROGRESS_MIN_LINES: usize = 10_000;

/// `--cluster [FILE]`.
fn cluster(cli: &Cli, out: &mut impl Write) -> Result<(), Failure> {
    if cli.names.len() > 1 {
        return Err(Failure::Usage(format!(
            "--cluster takes at most one FILE, got {}",
            cli.names.len()
        )));
    }
    let m = matcher(cli)?;
    let mut lines: Vec<String> = Vec::new();
    let push = |l: &str| {
        lines.push(l.to_string());
        Ok(())
    };
    match cli.names.first() {
        Some(path) => {
            let file = std::fs::File::open(path)
                .map_err(|e| Failure::Io(io::Error::new(e.kind(), format!("{path}: {e}"))))?;
            for_each_line(&mut io::BufReader::new(file), path, cli.lossy, push)?;
        }
        None => for_each_line(&mut io::stdin().lock(), "standard input", cli.lossy, push)?,
    }
    let bar = progress_bar(lines.len());
    let ids = match &bar {
        Some(pb) => atau::cluster_with_progress(&lines, &m, &|stage, done, total| {
            pb.set_message(format!("{stage:?}"));
            pb.set_length(total as u64);
            pb.set_position(done as u64);
        }),
        None => atau::cluster_with(&lines, &m),
    };
    if let Some(pb) = bar {
        pb.finish_and_clear();
    }
    if cli.json {
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for (i, &c) in ids.iter().enumerate() {
            if c == groups.len() {
                groups.push(Vec::new());
            }
            groups[c].push(i + 1);
        }
        for (c, members) in groups.iter().enumerate() {
            let names: Vec<&str> = members.iter().map(|&l| lines[l - 1].as_str()).collect();
            let key = atau::key(names[0]);
            let v =
                serde_json::json!({ "cluster": c, "key": key, "lines": members, "names": names });
            serde_json::to_writer(&mut *out, &v).map_err(io::Error::other)?;
            out.write_all(b"\n")?;
        }
    } else {
        for (name, c) in lines.iter().zip(&ids) {
            writeln!(out, "{c}\t{name}")?;
        }
    }
    Ok(out.flush()?)
}

/// A progress bar on standard error for a long run on a terminal; never on a pipe.
fn progress_bar(lines: usize) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if lines <= PROGRESS_MIN_LINES || !io::stderr().is_terminal() {
        return None;
    }
    let pb = indicatif::ProgressBar::new(lines as u64);
    pb.set_style(
        indicatif::ProgressStyle::with_template("{msg:>8} [{bar:40}] {pos}/{len} ({eta})")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    Some(pb)
}

fn emit(out: &mut impl Write, name: &str, opts: &Options, cli: &Cli) -> Result<(), Failure> {
    let json = cli.json;
    if cli.key {
        if json {
            let v = serde_json::json!({ "input": name, "key": atau::key(name), "parts": atau::key_parts(name) });
            serde_json::to_writer(&mut *out, &v).map_err(io::Error::other)?;
            out.write_all(b"\n")?;
        } else {
            writeln!(out, "{}", atau::key(name))?;
        }
    } else if json {
        let n = atau::analyze_with(name, opts);
        serde_json::to_writer(&mut *out, &n).map_err(io::Error::other)?;
        out.write_all(b"\n")?;
    } else if opts.scheme == Scheme::Canonical && opts.lang.is_none() {
        writeln!(out, "{}", atau::normalize_cow(name))?;
    } else {
        writeln!(out, "{}", atau::romanize_with(name, opts))?;
    }
    Ok(())
}
