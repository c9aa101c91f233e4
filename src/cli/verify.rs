//! `sparekrav verify DOCUMENT...`: judge every total, share and change in a
//! document's tables. Exit 0 when nothing is an error, 1 when one is (or, with
//! `--strict`, when one is only rounding), 2 on unreadable input.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::{CliError, Outcome};
use crate::error::{InputError, InputErrors};
use crate::input::checks::read_checks_file;
use crate::verify::{
    verify_checks, verify_document, Check, DocumentKind, Summary, TableReport, Verdict,
};

use crate::input::MAX_DOCUMENT_BYTES;

#[derive(Args, Debug)]
pub struct VerifyArgs {
    /// Documents to read: text with tab-separated tables, Markdown, sparekrav's
    /// text output, or CSV (by the .csv ending); `-` for standard input
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// A checks file (YAML) stating relations from the running text; may be repeated
    #[arg(long, value_name = "FILE")]
    pub checks: Vec<PathBuf>,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = VerifyFormat::Text)]
    pub format: VerifyFormat,
    /// Also fail (exit 1) when a relation holds only within rounding
    #[arg(long)]
    pub strict: bool,
    /// How to read the documents (default: CSV for .csv files, text otherwise)
    #[arg(long, value_enum, default_value_t = InputArg::Auto)]
    pub input: InputArg,
    /// Print only what fails — errors, and with --strict roundings — then the summary
    #[arg(long, short)]
    pub quiet: bool,
    /// Number style of text documents: Danish (`-6,1`, `33.071`) or English (`-6.1`, `33,071`)
    #[arg(long, value_enum, default_value_t = super::LangArg::Da)]
    pub lang: super::LangArg,
    /// How the document's shares were rounded: each on its own (as published),
    /// or by largest remainder (then a share may be a whole last unit off)
    #[arg(long, value_enum, default_value_t = super::SharesArg::Independent)]
    pub shares: super::SharesArg,
    /// Exit 0 even when a document has nothing that could be judged
    /// (by default that fails: nothing was verified)
    #[arg(long)]
    pub allow_empty: bool,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerifyFormat {
    Text,
    Json,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputArg {
    Auto,
    Text,
    /// CSV as Danish Excel writes it (`;`, decimal comma)
    Csv,
    /// CSV with `,` and decimal point
    CsvPlain,
}

/// Reads a document as UTF-8 text, refusing binary input.
fn read_document(path: &Path) -> Result<(String, String), InputError> {
    let name = if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    if path != Path::new("-") {
        return crate::input::read_text(path, MAX_DOCUMENT_BYTES)
            .and_then(|t| check_text(&name, t).map(|t| (name, t)));
    }
    let bytes =
        crate::input::read_bounded_from(&name, std::io::stdin().lock(), 0, MAX_DOCUMENT_BYTES)?;
    let text = crate::input::decode_text(&name, bytes)?;
    check_text(&name, text).map(|t| (name, t))
}

fn check_text(name: &str, text: String) -> Result<String, InputError> {
    if let Some(at) = memchr::memchr(0, text.as_bytes()) {
        return Err(InputError::new(
            name,
            format!("binary data (a NUL byte at offset {at}), not a document"),
        ));
    }
    Ok(text)
}

fn kind_for(path: &Path, text: &str, input: InputArg) -> DocumentKind {
    match input {
        InputArg::Text => DocumentKind::Text,
        InputArg::Csv => DocumentKind::Csv { delimiter: b';' },
        InputArg::CsvPlain => DocumentKind::Csv { delimiter: b',' },
        InputArg::Auto => {
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
            {
                DocumentKind::Csv {
                    delimiter: crate::verify::scan::guess_csv_delimiter(text),
                }
            } else {
                DocumentKind::Text
            }
        }
    }
}

fn verdict_word(v: Verdict) -> &'static str {
    match v {
        Verdict::Exact => "exact",
        Verdict::Rounding => "rounding",
        Verdict::Error => "ERROR",
        Verdict::Skipped => "skipped",
    }
}

/// Writes checks as they come: text lines or a JSON array.
struct Printer<W: Write> {
    out: W,
    format: VerifyFormat,
    quiet: bool,
    strict: bool,
    first_json: bool,
    summary: Summary,
    tables: usize,
}

impl<W: Write> Printer<W> {
    fn check(&mut self, c: &Check) -> std::io::Result<()> {
        self.summary.add(c.verdict);
        match self.format {
            VerifyFormat::Json => {
                self.out.write_all(if self.first_json {
                    b"\n    "
                } else {
                    b",\n    "
                })?;
                self.first_json = false;
                // `From` keeps an I/O error's kind (a closed pipe stays BrokenPipe).
                serde_json::to_writer(&mut self.out, c).map_err(std::io::Error::from)
            }
            VerifyFormat::Text => {
                if self.quiet && !self.fails(c.verdict) {
                    return Ok(());
                }
                // A checks-file relation is its own formula: name it by its text instead.
                let name = if c.stated { &c.table } else { &c.relation };
                writeln!(
                    self.out,
                    "{}:{}: {:<8} {}: {}",
                    c.file,
                    c.line,
                    verdict_word(c.verdict),
                    name,
                    c.detail
                )
            }
        }
    }

    /// Whether a verdict makes the run fail.
    fn fails(&self, v: Verdict) -> bool {
        v == Verdict::Error || (self.strict && v == Verdict::Rounding)
    }

    fn table(&mut self, t: &TableReport) -> std::io::Result<()> {
        self.tables += 1;
        let shown = !self.quiet || t.checks.iter().any(|c| self.fails(c.verdict));
        if self.format == VerifyFormat::Text && shown {
            writeln!(self.out, "{}:{}: table {:?}", t.file, t.line, t.name)?;
        }
        for c in &t.checks {
            self.check(c)?;
        }
        Ok(())
    }
}

pub fn run(args: &VerifyArgs) -> Result<Outcome, CliError> {
    // Bad input anywhere is exit 2 before anything is judged.
    let mut errors = Vec::new();
    let mut specs = Vec::new();
    for path in &args.checks {
        match read_checks_file(path) {
            Ok(s) => specs.extend(s),
            Err(InputErrors(e)) => errors.extend(e),
        }
    }
    let checks = match verify_checks(&specs) {
        Ok(c) => c,
        Err(InputErrors(e)) => {
            errors.extend(e);
            Vec::new()
        }
    };
    let mut documents = Vec::new();
    for path in &args.files {
        match read_document(path) {
            Ok((name, text)) => {
                let kind = kind_for(path, &text, args.input);
                documents.push((name, text, kind))
            }
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(InputErrors(errors).into());
    }

    let mut unjudged: Vec<String> = Vec::new();
    let stdout = std::io::stdout();
    let mut p = Printer {
        out: BufWriter::with_capacity(1 << 16, stdout.lock()),
        format: args.format,
        quiet: args.quiet,
        strict: args.strict,
        first_json: true,
        summary: Summary::default(),
        tables: 0,
    };
    let io = |e: std::io::Error| CliError::io("<stdout>", e);
    let result = (|| -> Result<(), CliError> {
        if args.format == VerifyFormat::Json {
            p.out.write_all(b"{\n  \"checks\": [").map_err(io)?;
        }
        for (name, text, kind) in &documents {
            let mut failed = None;
            let options = crate::verify::Options {
                style: crate::table::Lang::from(args.lang).number_style(),
                allocated_shares: args.shares == super::SharesArg::LargestRemainder,
                describe_exact: !(args.quiet && args.format == VerifyFormat::Text),
                describe_rounding: !(args.quiet && args.format == VerifyFormat::Text)
                    || args.strict,
            };
            let before = p.summary;
            verify_document(name, text, *kind, &options, |t| {
                if failed.is_none() {
                    failed = p.table(&t).err();
                }
            })
            .map_err(|why| CliError::Input(InputError::new(name, why).into()))?;
            if let Some(e) = failed {
                return Err(io(e));
            }
            let judged = |s: Summary| s.exact + s.rounding + s.error;
            if judged(p.summary) == judged(before) {
                unjudged.push(name.clone());
            }
        }
        for c in &checks {
            p.check(c).map_err(io)?;
        }
        let s = p.summary;
        match args.format {
            VerifyFormat::Json => {
                let summary = serde_json::json!({
                    "exact": s.exact,
                    "rounding": s.rounding,
                    "error": s.error,
                    "skipped": s.skipped,
                    "files": documents.len() + args.checks.len(),
                    "tables": p.tables,
                    "nothing_judged": unjudged,
                });
                write!(p.out, "\n  ],\n  \"summary\": {summary}\n}}\n").map_err(io)?;
            }
            VerifyFormat::Text => {
                writeln!(
                    p.out,
                    "verify: {} file{}, {} table{}, {} relation{}: {} exact, {} rounding, {} error{}, {} skipped",
                    documents.len() + args.checks.len(),
                    if documents.len() + args.checks.len() == 1 { "" } else { "s" },
                    p.tables,
                    if p.tables == 1 { "" } else { "s" },
                    s.total(),
                    if s.total() == 1 { "" } else { "s" },
                    s.exact,
                    s.rounding,
                    s.error,
                    if s.error == 1 { "" } else { "s" },
                    s.skipped
                )
                .map_err(io)?;
            }
        }
        p.out.flush().map_err(io)
    })();
    match result {
        Err(CliError::Io { source, .. }) if super::is_broken_pipe(&source) => {}
        Err(e) => return Err(e),
        Ok(()) => {}
    }
    // A document in which nothing could be judged has not been verified: a
    // wrong --input or --lang, or not the document meant. Say so, and fail.
    for name in &unjudged {
        super::eprint_line(&format!(
            "{name}: no total, share or change could be judged (no tables found, or no figures readable \
             with --lang {}); nothing was verified",
            if args.lang == super::LangArg::En { "en" } else { "da" }
        ));
    }
    let s = p.summary;
    let nothing_verified = !unjudged.is_empty() && !args.allow_empty;
    Ok(
        if s.error > 0 || (args.strict && s.rounding > 0) || nothing_verified {
            Outcome::CheckFailed
        } else {
            Outcome::Ok
        },
    )
}
