//! `normalize`: the command-line face of atau. Thin: argument parsing, I/O, exit codes.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use atau::{Lang, Options, SCHEMES, Scheme};
use clap::Parser;

/// Transliterate and normalize personal names (Kazakh, Russian, Uyghur; Cyrillic, Latin, Arabic).
///
/// With NAMEs, prints one line per NAME; without, reads standard input one name per line and
/// prints exactly one line per input line, in order.
#[derive(Parser, Debug)]
#[command(name = "normalize", version)]
struct Cli {
    /// Names to normalize (standard input is read when none is given).
    names: Vec<String>,
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
    let scheme: Scheme = cli.scheme.parse().map_err(|e: atau::ParseSchemeError| Failure::Usage(e.to_string()))?;
    let lang: Option<Lang> = match &cli.lang {
        Some(l) => Some(l.parse().map_err(|e: atau::ParseLangError| Failure::Usage(e.to_string()))?),
        None => None,
    };
    let opts = Options { scheme, lang };
    if !cli.names.is_empty() {
        for n in &cli.names {
            emit(&mut out, n, &opts, cli.json)?;
        }
        return Ok(out.flush()?);
    }
    let stdin = io::stdin();
    let mut input = stdin.lock();
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
            Err(e) if cli.lossy => {
                let _ = e;
                String::from_utf8_lossy(&raw)
            }
            Err(e) => {
                out.flush()?;
                return Err(Failure::Data(format!(
                    "standard input line {lineno}: invalid UTF-8 at byte {} (use --lossy to replace it)",
                    e.valid_up_to() + 1
                )));
            }
        };
        emit(&mut out, &line, &opts, cli.json)?;
    }
    Ok(out.flush()?)
}

fn emit(out: &mut impl Write, name: &str, opts: &Options, json: bool) -> Result<(), Failure> {
    if json {
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
