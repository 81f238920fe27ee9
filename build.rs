//! Compiles every `tables/*.tsv` into static `Table`s in `$OUT_DIR/tables.rs`.
//! The format is documented in `tables/README.md`; errors print as `tables/FILE:LINE: message`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

#[derive(Debug, Clone, PartialEq)]
enum Atom {
    Boundary,
    In(String),
    NotIn(String),
}

#[derive(Debug)]
struct Rule {
    src: String,
    dst: String,
    left: Vec<Atom>,
    right: Vec<Atom>,
    order: usize,
    line: usize,
}

struct TableSrc {
    ident: String,
    name: String,
    standard: String,
    turkic: bool,
    classes: BTreeMap<String, String>,
    rules: Vec<Rule>,
}

fn parse_ctx(
    field: &str,
    classes: &BTreeMap<String, String>,
    is_left: bool,
) -> Result<Vec<Atom>, String> {
    let field = field.trim();
    if field.is_empty() || field == "*" {
        return Ok(Vec::new());
    }
    let mut atoms = Vec::new();
    for alt in field.split('|') {
        let alt = alt.trim();
        let (neg, body) = match alt.strip_prefix('!') {
            Some(b) => (true, b),
            None => (false, alt),
        };
        let atom = if body == "^" || body == "$" {
            if neg {
                return Err(format!("`{alt}`: a boundary cannot be negated"));
            }
            if (body == "^") != is_left {
                return Err(format!(
                    "`{body}` is not allowed in the {} context",
                    if is_left { "left" } else { "right" }
                ));
            }
            Atom::Boundary
        } else if let Some(cls) = body.strip_prefix('@') {
            let chars = classes
                .get(cls)
                .ok_or_else(|| format!("undefined class `@{cls}`"))?
                .clone();
            if neg {
                Atom::NotIn(chars)
            } else {
                Atom::In(chars)
            }
        } else if body.starts_with('[') && body.ends_with(']') && body.len() > 2 {
            let chars: String = body[1..body.len() - 1].chars().collect();
            if neg {
                Atom::NotIn(chars)
            } else {
                Atom::In(chars)
            }
        } else {
            return Err(format!(
                "bad context `{alt}` (expected ^, $, @CLASS, [chars], or a negation)"
            ));
        };
        atoms.push(atom);
    }
    Ok(atoms)
}

fn parse_table(path: &Path, display: &str) -> Result<TableSrc, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{display}: {e}"))?;
    let stem = path.file_stem().unwrap().to_string_lossy().to_string();
    let ident = stem.to_uppercase().replace(['-', '.'], "_");
    let mut t = TableSrc {
        ident,
        name: stem,
        standard: String::new(),
        turkic: false,
        classes: BTreeMap::new(),
        rules: Vec::new(),
    };
    for (i, raw) in text.lines().enumerate() {
        let lineno = i + 1;
        let err = |m: String| format!("{display}:{lineno}: {m}");
        if let Some(d) = raw.strip_prefix("#!") {
            let d = d.trim();
            if let Some(v) = d.strip_prefix("standard:") {
                t.standard = v.trim().to_string();
            } else if let Some(v) = d.strip_prefix("case:") {
                t.turkic = match v.trim() {
                    "plain" => false,
                    "turkic" => true,
                    o => return Err(err(format!("unknown case `{o}` (plain or turkic)"))),
                };
            } else if let Some(v) = d.strip_prefix("class ") {
                let (name, chars) = v
                    .split_once('=')
                    .ok_or_else(|| err("class needs `NAME = CHARS`".into()))?;
                let chars: String = chars.split_whitespace().collect();
                if chars.is_empty() {
                    return Err(err("empty class".into()));
                }
                if t.classes.insert(name.trim().to_string(), chars).is_some() {
                    return Err(err(format!("class `{}` defined twice", name.trim())));
                }
            } else {
                return Err(err(format!("unknown directive `#!{d}`")));
            }
            continue;
        }
        // A comment starts with `#` at line start, or ` #`/`\t#` after the fields.
        let line = if raw.trim_start().starts_with('#') {
            ""
        } else {
            match raw.find("\t#").or_else(|| raw.find(" #")) {
                Some(p) => &raw[..p],
                None => raw,
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 2 || fields.len() > 4 {
            return Err(err(format!(
                "expected 2 to 4 TAB-separated fields, found {}",
                fields.len()
            )));
        }
        let src = fields[0].trim();
        if src.is_empty() {
            return Err(err("empty SRC".into()));
        }
        if src.chars().any(|c| c.is_uppercase()) {
            return Err(err(format!("SRC `{src}` must be lower case")));
        }
        let dst = fields[1].trim();
        let dst = if dst == "∅" {
            String::new()
        } else if dst.is_empty() {
            return Err(err("empty DST (write ∅ for the empty string)".into()));
        } else {
            dst.to_string()
        };
        let left =
            parse_ctx(fields.get(2).copied().unwrap_or(""), &t.classes, true).map_err(err)?;
        let right =
            parse_ctx(fields.get(3).copied().unwrap_or(""), &t.classes, false).map_err(err)?;
        for prev in t.rules.iter().filter(|r| r.src == src) {
            if prev.left == left && prev.right == right {
                return Err(err(format!(
                    "`{src}` with the same contexts already at line {}",
                    prev.line
                )));
            }
            if prev.left.is_empty() && prev.right.is_empty() {
                return Err(err(format!(
                    "unreachable: `{src}` has an unconditioned rule at line {}",
                    prev.line
                )));
            }
        }
        let order = t.rules.len();
        t.rules.push(Rule {
            src: src.to_string(),
            dst,
            left,
            right,
            order,
            line: lineno,
        });
    }
    if t.standard.is_empty() {
        return Err(format!("{display}:1: missing `#! standard:` directive"));
    }
    Ok(t)
}

fn emit_atoms(out: &mut String, atoms: &[Atom]) {
    out.push_str("&[");
    for a in atoms {
        match a {
            Atom::Boundary => out.push_str("Ctx::Boundary,"),
            Atom::In(s) => write!(out, "Ctx::In({s:?}),").unwrap(),
            Atom::NotIn(s) => write!(out, "Ctx::NotIn({s:?}),").unwrap(),
        }
    }
    out.push(']');
}

fn main() {
    println!("cargo:rerun-if-changed=tables");
    let dir = Path::new("tables");
    let mut paths: Vec<_> = fs::read_dir(dir)
        .expect("tables/ directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    paths.sort();
    let mut out = String::from("// @generated by build.rs from tables/*.tsv. Do not edit.\n");
    let mut errors = Vec::new();
    for (id, p) in paths.iter().enumerate() {
        println!("cargo:rerun-if-changed={}", p.display());
        let display = format!("tables/{}", p.file_name().unwrap().to_string_lossy());
        let mut t = match parse_table(p, &display) {
            Ok(t) => t,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        // Sort by first char, then longest SRC first, then file order.
        t.rules.sort_by(|a, b| {
            let fa = a.src.chars().next().unwrap();
            let fb = b.src.chars().next().unwrap();
            fa.cmp(&fb)
                .then(b.src.chars().count().cmp(&a.src.chars().count()))
                .then(a.order.cmp(&b.order))
        });
        let mut index: Vec<(char, usize, usize)> = Vec::new();
        for (i, r) in t.rules.iter().enumerate() {
            let c = r.src.chars().next().unwrap();
            match index.last_mut() {
                Some(last) if last.0 == c => last.2 = i + 1,
                _ => index.push((c, i, i + 1)),
            }
        }
        for (k, v) in &t.classes {
            writeln!(out, "/// Class `{k}` of `tables/{}.tsv`.\n#[allow(dead_code)]\npub(crate) const {}_{}: &str = {v:?};", t.name, t.ident, k.to_uppercase()).unwrap();
        }
        writeln!(out, "/// `tables/{}.tsv`: {}", t.name, t.standard).unwrap();
        writeln!(out, "pub(crate) static {}: Table = Table {{", t.ident).unwrap();
        writeln!(
            out,
            "    id: {id},\n    name: {:?},\n    standard: {:?},\n    turkic: {},",
            t.name, t.standard, t.turkic
        )
        .unwrap();
        let letters_only = t
            .rules
            .iter()
            .all(|r| r.dst.bytes().all(|b| b.is_ascii_lowercase()));
        writeln!(out, "    letters_only: {letters_only},").unwrap();
        out.push_str("    classes: &[");
        for (k, v) in &t.classes {
            write!(out, "({k:?}, {v:?}),").unwrap();
        }
        out.push_str("],\n");
        out.push_str("    index: &[");
        for (c, s, e) in &index {
            write!(out, "({c:?}, {s}, {e}),").unwrap();
        }
        out.push_str("],\n");
        // Dense index over the span of first characters when it is small (a block or two):
        // `dense[c - dense_lo]` is the `(start, end)` of c's rules, so a lookup is one load.
        let lo = index.first().map_or(0, |e| e.0 as u32);
        let hi = index.last().map_or(0, |e| e.0 as u32);
        if !index.is_empty() && hi - lo < 1024 {
            write!(out, "    dense_lo: {lo},\n    dense: &[").unwrap();
            let mut j = 0;
            for cp in lo..=hi {
                if index[j].0 as u32 == cp {
                    // Flag a group that is one context-free one-character rule: the common case,
                    // which `apply` serves without looking at the rule's source or contexts.
                    let (s, e) = (index[j].1, index[j].2);
                    let r = &t.rules[s];
                    let simple = e - s == 1
                        && r.left.is_empty()
                        && r.right.is_empty()
                        && r.src.chars().count() == 1;
                    write!(out, "({s}, {e}, {simple}),").unwrap();
                    j += 1;
                } else {
                    out.push_str("(0, 0, false),");
                }
            }
            out.push_str("],\n");
        } else {
            out.push_str("    dense_lo: 0,\n    dense: &[],\n");
        }
        out.push_str("    rules: &[\n");
        for r in &t.rules {
            write!(
                out,
                "        Rule {{ src: {:?}, dst: {:?}, left: ",
                r.src, r.dst
            )
            .unwrap();
            emit_atoms(&mut out, &r.left);
            out.push_str(", right: ");
            emit_atoms(&mut out, &r.right);
            out.push_str(" },\n");
        }
        out.push_str("    ],\n};\n");
    }
    out.push_str("/// Every compiled table, in file-name order.\n#[allow(dead_code)]\npub(crate) static ALL: &[&Table] = &[");
    for p in &paths {
        let stem = p
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .to_uppercase()
            .replace(['-', '.'], "_");
        write!(out, "&{stem},").unwrap();
    }
    out.push_str("];\n");
    writeln!(
        out,
        "/// How many tables there are.\npub(crate) const TABLE_COUNT: usize = {};\n/// One lazily built [`Compact`] per table, by [`Table::id`].\nstatic COMPACTS: [std::sync::OnceLock<Compact>; TABLE_COUNT] = [const {{ std::sync::OnceLock::new() }}; TABLE_COUNT];",
        paths.len()
    )
    .unwrap();
    if !errors.is_empty() {
        for e in &errors {
            eprintln!("{e}");
            println!("cargo:warning={e}");
        }
        panic!("{} table error(s):\n{}", errors.len(), errors.join("\n"));
    }
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("tables.rs");
    fs::write(dest, out).unwrap();
}
