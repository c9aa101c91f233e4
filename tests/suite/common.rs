//! Helpers shared by the integration tests.

use std::path::PathBuf;

use assert_cmd::Command;

pub const REFERENCE: &str = "scenarios/randers-2025-12-02.yaml";

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The sparekrav binary, run from the repository root.
pub fn sparekrav() -> Command {
    let mut cmd = Command::cargo_bin("sparekrav").expect("binary builds");
    cmd.current_dir(root());
    cmd
}

/// Runs sparekrav and returns (exit code, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = sparekrav().args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs sparekrav on a scenario given as text; returns (exit code, stdout, stderr).
pub fn run_on_yaml(args: &[&str], yaml: &[u8]) -> (i32, String, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.yaml");
    std::fs::write(&path, yaml).expect("write");
    let mut all: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    all.push(path.display().to_string());
    let out = sparekrav().args(&all).output().expect("runs");
    // Paths in messages are shown as `s.yaml`, whatever the temporary folder.
    let shown = path.display().to_string();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).replace(&shown, "s.yaml"),
        String::from_utf8_lossy(&out.stderr).replace(&shown, "s.yaml"),
    )
}

/// The rows of the text-format table titled `title`: cells trimmed, rule lines left out.
pub fn text_table(output: &str, title: &str) -> Vec<Vec<String>> {
    let mut lines = output.lines().skip_while(|l| *l != title);
    assert!(
        lines.next().is_some(),
        "no table titled {title:?} in:\n{output}"
    );
    lines
        .take_while(|l| l.starts_with('+') || l.starts_with('|'))
        .filter(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect()
}

/// `rows` as `&str` for comparing with literals.
pub fn cells(rows: &[Vec<String>]) -> Vec<Vec<&str>> {
    rows.iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect()
}

/// Reads `text` as `format` (`text`, `csv`, `csv-plain`), its numbers in
/// `style` where the format does not say, and judges it table by table.
pub fn verify_text(
    name: &str,
    text: &str,
    format: &str,
    style: sparekrav::numfmt::NumberStyle,
    options: &sparekrav::verify::Options,
    sink: impl FnMut(sparekrav::verify::TableReport),
) -> Result<(), sparekrav::error::InputError> {
    let source = sparekrav::read::Source {
        name,
        bytes: text.as_bytes(),
        style,
    };
    let reader = sparekrav::read::reader(format).expect("a reader of that name");
    sparekrav::verify::verify_source(&source, Some(reader), options, sink)
}

/// Runs sparekrav with at most `cpu_seconds` of CPU time (`ulimit -t` in a
/// child `sh`): a bound on the work done, not on the wall clock, so a loaded
/// machine does not fail it and a quadratic slip still does. A run stopped
/// at the limit (SIGXCPU) has exit code -1. Returns (exit code, stdout, stderr).
pub fn run_cpu_bounded(args: &[&str], cpu_seconds: u32) -> (i32, String, String) {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -t {cpu_seconds}; exec \"$0\" \"$@\""))
        .arg(assert_cmd::cargo::cargo_bin("sparekrav"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The CPU time this thread has used: the work an in-process bound measures,
/// whatever else runs on the machine. Linux reads it from
/// `/proc/thread-self/schedstat`; elsewhere it is the wall clock since the
/// first call (a looser bound on a loaded machine).
pub fn thread_cpu_time() -> std::time::Duration {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map(std::time::Duration::from_nanos)
        .unwrap_or_else(|| START.get_or_init(std::time::Instant::now).elapsed())
}

/// A tab-separated table as the text reader would give it: each line a
/// row, each cell placed at its line and column.
pub fn tsv_table(tsv: &str) -> sparekrav::document::Table {
    use sparekrav::document::{Cell, Loc, Row, Table};
    let rows = tsv
        .lines()
        .enumerate()
        .map(|(i, l)| Row {
            loc: Loc::line(i + 1),
            cells: l
                .split('\t')
                .enumerate()
                .map(|(c, t)| {
                    Cell::new(
                        t,
                        Loc::Line {
                            line: i + 1,
                            column: c + 1,
                        },
                    )
                })
                .collect(),
        })
        .collect();
    Table {
        loc: Loc::line(1),
        title: None,
        style: None,
        rows,
        refused: None,
        width: 0,
    }
}

/// The checks `verify` gives on a text document written in Danish numbers,
/// every table and paragraph of it.
pub fn checks_of_text(doc: &str) -> Vec<sparekrav::verify::Check> {
    let mut out = Vec::new();
    verify_text(
        "t.txt",
        doc,
        "text",
        sparekrav::numfmt::NumberStyle::DANISH,
        &sparekrav::verify::Options::default(),
        |t| out.extend(t.checks),
    )
    .expect("a text document reads");
    out
}

/// The checks `verify` gives on one tab-separated table in Danish numbers,
/// with the default options.
pub fn checks_of_tsv(tsv: &str) -> Vec<sparekrav::verify::Check> {
    sparekrav::verify::verify_table(
        "t.tsv",
        &tsv_table(tsv),
        sparekrav::numfmt::NumberStyle::DANISH,
        &sparekrav::verify::Options::default(),
    )
    .checks
}

/// A table of the real-table corpora: `tests/data/<folder>/<slug>.tsv`.
pub fn data_tsv(folder: &str, slug: &str) -> String {
    data_file(folder, &format!("{slug}.tsv"))
}

/// The same table as its copy arrives: `tests/data/<folder>/<slug>.pasted.txt`.
pub fn data_pasted(folder: &str, slug: &str) -> String {
    data_file(folder, &format!("{slug}.pasted.txt"))
}

fn data_file(folder: &str, name: &str) -> String {
    std::fs::read_to_string(root().join("tests/data").join(folder).join(name))
        .unwrap_or_else(|e| panic!("tests/data/{folder}/{name}: {e}"))
}

/// Findings: errors that are no consequence of another: (row, column, the
/// cell named, what it should read).
pub fn findings(c: &[sparekrav::verify::Check]) -> Vec<(String, String, String, String)> {
    c.iter()
        .filter(|c| c.verdict == sparekrav::verify::Verdict::Error && c.consequence_of.is_none())
        .map(|c| {
            let (at, should) = c
                .correction
                .as_ref()
                .map(|k| (k.at.clone(), k.should_read.clone()))
                .unwrap_or_default();
            (
                c.row.clone().unwrap_or_default(),
                c.column.clone().unwrap_or_default(),
                at,
                should,
            )
        })
        .collect()
}

/// (row, column, verdict) of every check.
pub fn verdicts(
    c: &[sparekrav::verify::Check],
) -> Vec<(String, String, sparekrav::verify::Verdict)> {
    c.iter()
        .map(|c| {
            (
                c.row.clone().unwrap_or_default(),
                c.column.clone().unwrap_or_default(),
                c.verdict,
            )
        })
        .collect()
}

/// The error checks, each as `relation: detail`.
pub fn errors(c: &[sparekrav::verify::Check]) -> Vec<String> {
    c.iter()
        .filter(|c| c.verdict == sparekrav::verify::Verdict::Error)
        .map(|c| format!("{}: {}", c.relation, c.detail))
        .collect()
}

/// An amount in øre as a Danish figure with two decimals: `81250` ->
/// `812,50`, `-123456` -> `-1.234,56`.
pub fn dk_ore(v: i64) -> String {
    let sign = if v < 0 { "-" } else { "" };
    format!("{sign}{},{:02}", dk_int(v.abs() / 100), v.abs() % 100)
}

/// A whole number with Danish thousands separators (`-1.234.567`).
pub fn dk_int(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(ch);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// A zip package of the given parts (a Word document, an OpenDocument
/// spreadsheet), deflated as Word and LibreOffice write them.
pub fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write;
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opt = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, text) in parts {
            z.start_file(*name, opt).unwrap();
            z.write_all(text.as_bytes()).unwrap();
        }
        z.finish().unwrap();
    }
    buf.into_inner()
}
