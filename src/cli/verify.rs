//! `sparekrav verify DOCUMENT...`: judge every total, share and change in a
//! document's tables. Exit 0 when nothing is an error, 1 when one is (or, with
//! `--strict`, when one is only rounding), 2 on unreadable input.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser};
use clap::{Args, ValueEnum};

use super::{CliError, Outcome};
use crate::document::Document;
use crate::error::InputErrors;
use crate::input::checks::read_checks_file;
use crate::numfmt::NumberStyle;
use crate::read::{Reader, Source, READERS};
use crate::verify::{
    unread_words, verify, verify_checks_in, verify_text, Check, Options, Summary, TableReport,
    TextReport, Verdict,
};

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
    /// How to read the documents (default: by the file's ending, then its
    /// content: CSV for .csv files, text otherwise)
    #[arg(long, default_value = "auto", value_parser = input_formats())]
    pub input: String,
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
    /// Judge only the tables, not the sums, shares and changes stated in the running text
    #[arg(long)]
    pub no_text: bool,
    /// Also list the sentences that state a relation the claim reader could not read
    #[arg(long, short)]
    pub verbose: bool,
    /// Also fail (exit 1) on these verdicts: `skipped` (a labelled total,
    /// share or change that could not be judged), `rounding` (as --strict)
    #[arg(long, value_enum, value_delimiter = ',', value_name = "VERDICT")]
    pub fail_on: Vec<FailOn>,
    /// Whole counts (`sager`, `personer`, `borgere`, `stk.`) are exact (no
    /// rounding slack), or rounded like amounts
    #[arg(long, value_enum, default_value_t = CountsArg::Exact)]
    pub counts: CountsArg,
}

/// How whole counts are read.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountsArg {
    /// `50 sager`, `1.250 personer` are exact: no rounding slack
    Exact,
    /// Counts are rounded like any figure (a document that rounds them)
    Rounded,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    Skipped,
    Rounding,
}

/// `--input`'s values: `auto` and every reader's format.
fn input_formats() -> PossibleValuesParser {
    PossibleValuesParser::new(
        std::iter::once(PossibleValue::new("auto").help("By the file's ending, then its content"))
            .chain(
                READERS
                    .iter()
                    .map(|r| PossibleValue::new(r.format).help(r.help)),
            ),
    )
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerifyFormat {
    Text,
    Json,
}

/// What the arguments mean, derived once.
#[derive(Clone, Copy, Debug)]
pub struct VerifySettings {
    pub options: Options,
    /// How numbers are written in documents that do not say.
    pub style: NumberStyle,
    /// The reader `--input` names; `None` to detect.
    pub forced: Option<&'static Reader>,
}

impl VerifyArgs {
    pub fn options(&self) -> VerifySettings {
        let quiet_text = self.quiet && self.format == VerifyFormat::Text;
        VerifySettings {
            options: Options {
                allocated_shares: self.shares == super::SharesArg::LargestRemainder,
                describe_exact: !quiet_text,
                describe_rounding: !quiet_text
                    || self.strict
                    || self.fail_on.contains(&FailOn::Rounding),
                structured: self.format == VerifyFormat::Json,
                counts_exact: self.counts == CountsArg::Exact,
            },
            style: crate::table::Lang::from(self.lang).number_style(),
            forced: crate::read::reader(&self.input),
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
    verbose: bool,
    /// Sentences not understood, for JSON's `not_understood`.
    not_understood: Vec<serde_json::Value>,
    fail_on_skipped: bool,
    skipped_by: std::collections::BTreeMap<&'static str, usize>,
}

impl<W: Write> Printer<W> {
    fn check(&mut self, c: &Check) -> std::io::Result<()> {
        self.summary.add_check(c);
        if c.verdict == Verdict::Skipped {
            *self.skipped_by.entry(c.skip_reason()).or_default() += 1;
        }
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
                // A failure that is only the consequence of a finding.
                let word = if c.consequence_of.is_some() {
                    "(error)"
                } else {
                    verdict_word(c.verdict)
                };
                writeln!(
                    self.out,
                    "{}:{}: {:<8} {}: {}",
                    c.file, c.loc, word, name, c.detail
                )
            }
        }
    }

    /// Whether a verdict makes the run fail.
    fn fails(&self, v: Verdict) -> bool {
        v == Verdict::Error
            || (self.strict && v == Verdict::Rounding)
            || (self.fail_on_skipped && v == Verdict::Skipped)
    }

    /// The last lines: counts of files, tables and verdicts.
    fn summary(&mut self, files: usize, unjudged: &[String]) -> std::io::Result<()> {
        let s = self.summary;
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        match self.format {
            VerifyFormat::Json => {
                let summary = serde_json::json!({
                    "exact": s.exact,
                    "rounding": s.rounding,
                    "error": s.error,
                    "skipped": s.skipped,
                    "skipped_by_reason": self.skipped_by,
                    "consequences": s.consequences,
                    "files": files,
                    "tables": self.tables,
                    "nothing_judged": unjudged,
                    "not_understood": self.not_understood.len(),
                });
                let unread = serde_json::Value::Array(std::mem::take(&mut self.not_understood));
                write!(
                    self.out,
                    "\n  ],\n  \"not_understood\": {unread},\n  \"summary\": {summary}\n}}\n"
                )
            }
            VerifyFormat::Text => {
                if !self.skipped_by.is_empty() {
                    let by: Vec<String> = self
                        .skipped_by
                        .iter()
                        .map(|(k, n)| format!("{n} {k}"))
                        .collect();
                    writeln!(self.out, "skipped: {}", by.join(", "))?;
                }
                if s.consequences > 0 {
                    writeln!(
                        self.out,
                        "{} more failing relation{} fail only through a finding above (consequences)",
                        s.consequences,
                        plural(s.consequences)
                    )?;
                }
                writeln!(
                self.out,
                "verify: {files} file{}, {} table{}, {} relation{}: {} exact, {} rounding, {} error{}, {} skipped",
                plural(files),
                self.tables,
                plural(self.tables),
                s.total(),
                plural(s.total()),
                s.exact,
                s.rounding,
                s.error,
                plural(s.error),
                s.skipped
            )
            }
        }
    }

    /// The running text's claims, after the document's tables.
    fn text(&mut self, t: &TextReport) -> std::io::Result<()> {
        if t.checks.is_empty() && t.not_understood.is_empty() {
            return Ok(());
        }
        let shown = !self.quiet || t.checks.iter().any(|c| self.fails(c.verdict));
        if self.format == VerifyFormat::Text && shown {
            let n = t.checks.len();
            let u = t.not_understood.len();
            let more = if u > 0 && !self.verbose {
                " (--verbose lists them)"
            } else {
                ""
            };
            writeln!(
                self.out,
                "{}: running text: {n} claim{}, {u} not understood{more}",
                t.file,
                if n == 1 { "" } else { "s" },
            )?;
        }
        for c in &t.checks {
            self.check(c)?;
        }
        for u in &t.not_understood {
            match self.format {
                VerifyFormat::Json => self.not_understood.push(serde_json::json!({
                    "file": t.file,
                    "loc": u.loc.to_string(),
                    "line": u.loc.line_number(),
                    "sentence": u.sentence,
                    "why": u.why,
                })),
                VerifyFormat::Text if self.verbose && !self.quiet => writeln!(
                    self.out,
                    "{}:{}: {:<8} {}",
                    t.file,
                    u.loc,
                    "not understood:",
                    unread_words(u)
                )?,
                VerifyFormat::Text => {}
            }
        }
        Ok(())
    }

    fn table(&mut self, t: &TableReport) -> std::io::Result<()> {
        self.tables += 1;
        let shown = !self.quiet || t.checks.iter().any(|c| self.fails(c.verdict));
        if self.format == VerifyFormat::Text && shown {
            writeln!(self.out, "{}:{}: table {:?}", t.file, t.loc, t.name)?;
        }
        for c in &t.checks {
            self.check(c)?;
        }
        Ok(())
    }
}

pub fn run(args: &VerifyArgs) -> Result<Outcome, CliError> {
    let settings = args.options();
    // Bad input anywhere is exit 2 before anything is judged.
    let (checks, documents) = read_inputs(args, &settings)?;
    let stdout = std::io::stdout();
    let mut p = Printer {
        out: BufWriter::with_capacity(1 << 16, stdout.lock()),
        format: args.format,
        quiet: args.quiet,
        strict: args.strict || args.fail_on.contains(&FailOn::Rounding),
        first_json: true,
        summary: Summary::default(),
        tables: 0,
        verbose: args.verbose,
        not_understood: Vec::new(),
        fail_on_skipped: args.fail_on.contains(&FailOn::Skipped),
        skipped_by: Default::default(),
    };
    let files = documents.len() + args.checks.len();
    let mut unjudged: Vec<String> = Vec::new();
    let text = !args.no_text;
    match print_all(
        &mut p,
        &settings,
        &documents,
        &checks,
        files,
        text,
        &mut unjudged,
    ) {
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
        if s.error > 0
            || (p.strict && s.rounding > 0)
            || (p.fail_on_skipped && s.skipped > 0)
            || nothing_verified
        {
            Outcome::CheckFailed
        } else {
            Outcome::Ok
        },
    )
}

/// Reads every checks file and document; all problems together, or none.
fn read_inputs(
    args: &VerifyArgs,
    settings: &VerifySettings,
) -> Result<(Vec<Check>, Vec<Document>), CliError> {
    let mut errors = Vec::new();
    let mut specs = Vec::new();
    for path in &args.checks {
        match read_checks_file(path) {
            Ok(s) => specs.extend(s),
            Err(InputErrors(e)) => errors.extend(e),
        }
    }
    let mut documents = Vec::new();
    for path in &args.files {
        let read = crate::read::load(path).and_then(|(name, bytes)| {
            let source = Source {
                name: &name,
                bytes: &bytes,
                style: settings.style,
            };
            crate::read::read(&source, settings.forced)
        });
        match read {
            Ok(d) => documents.push(d),
            Err(e) => errors.push(e),
        }
    }
    // Read after the documents: a relation may name their figures.
    let checks = match verify_checks_in(&specs, &documents) {
        Ok(c) => c,
        Err(InputErrors(e)) => {
            errors.extend(e);
            Vec::new()
        }
    };
    if errors.is_empty() {
        Ok((checks, documents))
    } else {
        Err(InputErrors(errors).into())
    }
}

/// Judges and prints every document, then the checks files' relations and
/// the summary; notes each document where nothing could be judged.
fn print_all<W: Write>(
    p: &mut Printer<W>,
    settings: &VerifySettings,
    documents: &[Document],
    checks: &[Check],
    files: usize,
    text: bool,
    unjudged: &mut Vec<String>,
) -> Result<(), CliError> {
    let io = |e: std::io::Error| CliError::io("<stdout>", e);
    if p.format == VerifyFormat::Json {
        p.out.write_all(b"{\n  \"checks\": [").map_err(io)?;
    }
    for document in documents {
        let mut failed = None;
        let before = p.summary;
        verify(document, &settings.options, |t| {
            if failed.is_none() {
                failed = p.table(&t).err();
            }
        });
        if let Some(e) = failed {
            return Err(io(e));
        }
        if text {
            p.text(&verify_text(document, &settings.options))
                .map_err(io)?;
        }
        let judged = |s: Summary| s.exact + s.rounding + s.error;
        if judged(p.summary) == judged(before) {
            unjudged.push(document.name.clone());
        }
    }
    for c in checks {
        p.check(c).map_err(io)?;
    }
    p.summary(files, unjudged).map_err(io)?;
    p.out.flush().map_err(io)
}
