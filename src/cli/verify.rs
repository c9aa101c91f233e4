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
use crate::input::checks::{read_checks, CountsSaid};
use crate::numfmt::NumberStyle;
use crate::read::{Reader, Source, READERS};
use crate::verify::{
    stream, unread_words, verify, verify_checks_in, verify_text, Check, Options, Summary,
    TableReport, TextReport, Verdict,
};

#[derive(Args, Debug)]
pub struct VerifyArgs {
    /// Documents to read: Word (.docx), PDF, HTML, Excel (.xlsx, .xlsm), .ods,
    /// CSV, or text (tab-separated, Markdown, layout or pasted tables); `-` for
    /// standard input; a folder: every document in it and its subfolders
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
    /// content: .docx, .pdf, .html, .xlsx, .ods, .csv by name or signature,
    /// text otherwise)
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
    /// rounding slack), or rounded like amounts [default: as a checks file's
    /// `indstillinger.antal` says, else exact]
    #[arg(long, value_enum)]
    pub counts: Option<CountsArg>,
    /// Read every file into memory, never map a large one (a mapped file
    /// that another program truncates meanwhile ends the process)
    #[arg(long)]
    pub no_mmap: bool,
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
    /// Large files are read into memory, not mapped (`--no-mmap`).
    pub no_mmap: bool,
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
                counts_exact: self.counts != Some(CountsArg::Rounded),
                lean: quiet_text,
            },
            style: crate::table::Lang::from(self.lang).number_style(),
            forced: crate::read::reader(&self.input),
            no_mmap: self.no_mmap,
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
    /// Which verdicts make the run fail.
    failing: Failing,
    first_json: bool,
    summary: Summary,
    tables: usize,
    /// What readers saw but could not read, or assumed (JSON prints them at
    /// the end; text as they come).
    notices: Vec<serde_json::Value>,
    /// Per document: its name, tables and verdict counts.
    per_file: Vec<(String, usize, Summary)>,
    /// Files of a folder not judged, and why.
    skipped: Vec<(String, String)>,
    /// Documents of a folder that could not be read (bad input: exit 2).
    unreadable: usize,
    verbose: bool,
    /// Sentences not understood, for JSON's `not_understood`.
    not_understood: Vec<serde_json::Value>,
    skipped_by: SkippedBy,
}

/// Skipped checks counted by their reason.
type SkippedBy = std::collections::BTreeMap<&'static str, usize>;

/// Counts a check: in the verdicts' summary, and a skipped one by its
/// reason.
fn count_check(summary: &mut Summary, skipped_by: &mut SkippedBy, c: &Check) {
    summary.add_check(c);
    if c.verdict == Verdict::Skipped {
        *skipped_by.entry(c.skip_reason()).or_default() += 1;
    }
}

/// Whether a verdict makes the run fail: an error, with `--strict` a
/// rounding, with `--fail-on skipped` a skipped check.
#[derive(Clone, Copy, Debug)]
struct Failing {
    strict: bool,
    skipped: bool,
}

impl Failing {
    fn fails(self, v: Verdict) -> bool {
        v == Verdict::Error
            || (self.strict && v == Verdict::Rounding)
            || (self.skipped && v == Verdict::Skipped)
    }

    /// Whether a run's counts hold a verdict that fails it ([`Failing::fails`]).
    fn fails_run(self, s: &Summary) -> bool {
        [
            (Verdict::Error, s.error),
            (Verdict::Rounding, s.rounding),
            (Verdict::Skipped, s.skipped),
        ]
        .into_iter()
        .any(|(v, n)| n > 0 && self.fails(v))
    }
}

/// A table's report as a judging thread hands it to the printer: under
/// `--quiet` (text) only the checks that are printed, with the counts of
/// all, so the rest is freed on the judging thread.
struct Digest {
    report: TableReport,
    /// The counts of every check, when `report` keeps only those printed.
    counted: Option<(Summary, SkippedBy)>,
}

impl Digest {
    /// `report` as the printer needs it; `quiet`: which checks it prints
    /// under `--quiet` (text), `None` when it prints every one.
    fn of(mut report: TableReport, quiet: Option<Failing>) -> Digest {
        let Some(failing) = quiet else {
            return Digest {
                report,
                counted: None,
            };
        };
        let mut summary = report.held;
        let mut skipped_by = SkippedBy::new();
        for c in &report.checks {
            count_check(&mut summary, &mut skipped_by, c);
        }
        report.checks.retain(|c| failing.fails(c.verdict));
        if report.checks.is_empty() {
            // Nothing of the table is printed: its texts are freed here, on
            // the judging thread that made them (a block freed by another
            // thread costs the allocator more).
            report.checks = Vec::new();
            report.file = String::new();
            report.name = String::new();
        }
        Digest {
            report,
            counted: Some((summary, skipped_by)),
        }
    }
}

/// The switches a printer's output and exit code follow.
struct Flags {
    quiet: bool,
    strict: bool,
    verbose: bool,
    fail_on_skipped: bool,
}

impl<W: Write> Printer<W> {
    fn new(out: W, format: VerifyFormat, flags: Flags) -> Printer<W> {
        Printer {
            out,
            format,
            quiet: flags.quiet,
            failing: Failing {
                strict: flags.strict,
                skipped: flags.fail_on_skipped,
            },
            first_json: true,
            summary: Summary::default(),
            tables: 0,
            notices: Vec::new(),
            per_file: Vec::new(),
            skipped: Vec::new(),
            unreadable: 0,
            verbose: flags.verbose,
            not_understood: Vec::new(),
            skipped_by: SkippedBy::new(),
        }
    }

    fn check(&mut self, c: &Check) -> std::io::Result<()> {
        self.count(c);
        self.write_check(c)
    }

    /// Counts a check in the summary.
    fn count(&mut self, c: &Check) {
        count_check(&mut self.summary, &mut self.skipped_by, c);
    }

    /// Prints a check (counted already), when it is printed.
    fn write_check(&mut self, c: &Check) -> std::io::Result<()> {
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
        self.failing.fails(v)
    }

    /// Which checks a table's printed lines need: under `--quiet` (text)
    /// only those that fail (see [`Digest`]).
    fn quiet(&self) -> Option<Failing> {
        (self.quiet && self.format == VerifyFormat::Text).then_some(self.failing)
    }

    /// A table's report from a judging thread ([`Digest`]).
    fn digest(&mut self, d: &Digest) -> std::io::Result<()> {
        let Some((summary, skipped_by)) = &d.counted else {
            return self.table(&d.report);
        };
        let t = &d.report;
        self.tables += 1;
        self.summary.merge(summary);
        for (reason, n) in skipped_by {
            *self.skipped_by.entry(reason).or_default() += n;
        }
        // Only failures are kept, and a table is shown when one fails.
        if !t.checks.is_empty() {
            writeln!(self.out, "{}:{}: table {:?}", t.file, t.loc, t.name)?;
        }
        for c in &t.checks {
            self.write_check(c)?;
        }
        Ok(())
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
                let notices = serde_json::Value::Array(std::mem::take(&mut self.notices));
                let per_file: Vec<serde_json::Value> = self
                    .per_file
                    .iter()
                    .map(|(file, tables, s)| {
                        serde_json::json!({
                            "file": file, "tables": tables, "exact": s.exact,
                            "rounding": s.rounding, "error": s.error, "skipped": s.skipped,
                        })
                    })
                    .collect();
                let skipped: Vec<serde_json::Value> = self
                    .skipped
                    .iter()
                    .map(|(file, why)| serde_json::json!({"file": file, "why": why}))
                    .collect();
                let per_file = serde_json::Value::Array(per_file);
                let skipped = serde_json::Value::Array(skipped);
                let unread = serde_json::Value::Array(std::mem::take(&mut self.not_understood));
                write!(
                    self.out,
                    "\n  ],\n  \"not_understood\": {unread},\n  \"notices\": {notices},\n  \"files\": {per_file},\n  \"skipped_files\": {skipped},\n  \"summary\": {summary}\n}}\n"
                )
            }
            VerifyFormat::Text => {
                for (file, why) in &self.skipped {
                    writeln!(self.out, "{file}: skipped: {why}")?;
                }
                if self.per_file.len() > 1 {
                    for (file, tables, s) in &self.per_file {
                        writeln!(
                            self.out,
                            "{file}: {tables} table{}, {} exact, {} rounding, {} error{}, {} skipped",
                            plural(*tables),
                            s.exact,
                            s.rounding,
                            s.error,
                            plural(s.error),
                            s.skipped
                        )?;
                    }
                }
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
                        "{} more failing relation{} only through a finding above (consequences)",
                        s.consequences,
                        if s.consequences == 1 {
                            " fails"
                        } else {
                            "s fail"
                        }
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

    /// A reader's notice: `file:place: note: message`.
    fn notice(&mut self, file: &str, n: &crate::document::Notice) -> std::io::Result<()> {
        match self.format {
            VerifyFormat::Json => {
                self.notices.push(serde_json::json!({
                    "file": file,
                    "loc": n.loc.as_ref().map(|l| l.to_string()),
                    "message": n.message,
                }));
                Ok(())
            }
            VerifyFormat::Text => match &n.loc {
                Some(loc) => writeln!(self.out, "{file}:{loc}: note: {}", n.message),
                None => writeln!(self.out, "{file}: note: {}", n.message),
            },
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
        self.summary.merge(&t.held);
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
    let mut settings = args.options();
    // Bad input anywhere is exit 2 before anything is judged.
    let (checks, documents, counts_said) = read_inputs(args, &settings)?;
    if args.counts.is_none() {
        if let Some(exact) = counts_said {
            settings.options.counts_exact = exact;
        }
    }
    let stdout = std::io::stdout();
    let mut p = Printer::new(
        BufWriter::with_capacity(1 << 16, stdout.lock()),
        args.format,
        Flags {
            quiet: args.quiet,
            strict: args.strict || args.fail_on.contains(&FailOn::Rounding),
            verbose: args.verbose,
            fail_on_skipped: args.fail_on.contains(&FailOn::Skipped),
        },
    );
    let files = documents
        .iter()
        .filter(|d| !matches!(d, Input::Skipped(..)))
        .count()
        + args.checks.len();
    if files == 0 {
        // Only folders, and nothing in them to read: nothing was verified.
        super::eprint_line(&format_args!(
            "{}: no document to verify (the folder holds no .docx, .pdf, .html, .xlsx, .ods, .csv or text files)",
            args.files
                .iter()
                .map(|f| f.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
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
    let nothing_verified = (!unjudged.is_empty() || files == 0) && !args.allow_empty;
    Ok(if p.unreadable > 0 {
        // A document of a folder could not be read (said in the output):
        // bad input, after every other document was judged.
        Outcome::BadInput
    } else if p.failing.fails_run(&p.summary) || nothing_verified {
        Outcome::CheckFailed
    } else {
        Outcome::Ok
    })
}

/// A document to judge: read already (named on the command line), or found
/// in a folder (read when its turn comes, so a folder is never held whole),
/// or a folder's file that is not a document.
enum Input {
    Read(Document),
    /// A text document, judged table by table as it is read
    /// ([`crate::verify::stream`]): its name and bytes (decodable: checked).
    Text(String, crate::input::FileBytes),
    InFolder(PathBuf),
    /// A folder's file of no format verify reads: name and why.
    Skipped(String, String),
}

/// The most files one folder walk looks at, and how deep it goes.
const MAX_FOLDER_FILES: usize = 100_000;
const MAX_FOLDER_DEPTH: usize = 32;

/// Every file under `dir`, sorted, hidden files and symbolic links left out.
fn walk(
    dir: &std::path::Path,
    depth: usize,
    out: &mut Vec<Input>,
) -> Result<(), crate::error::InputError> {
    let name = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|e| {
        crate::error::InputError::new(&name, format!("cannot read the folder: {e}"))
    })?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if out.len() >= MAX_FOLDER_FILES {
            return Err(crate::error::InputError::new(
                &name,
                format!("more than {MAX_FOLDER_FILES} files; verify a smaller folder"),
            ));
        }
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if hidden || meta.file_type().is_symlink() {
            continue;
        }
        if meta.is_dir() {
            if depth < MAX_FOLDER_DEPTH {
                walk(&path, depth + 1, out)?;
            }
            continue;
        }
        let ending = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let known = ending
            .as_deref()
            .is_some_and(|e| READERS.iter().any(|r| r.extensions.contains(&e)));
        if known {
            out.push(Input::InFolder(path));
        } else {
            let why = match ending {
                Some(e) => format!("not a document format verify reads (.{e})"),
                None => "no file ending, so no document format".to_string(),
            };
            out.push(Input::Skipped(path.display().to_string(), why));
        }
    }
    Ok(())
}

/// Loads one document: a text document (when `stream`) only decoded, to be
/// read table by table when its turn comes; any other read whole.
fn load_document(
    path: &std::path::Path,
    settings: &VerifySettings,
    stream: bool,
) -> Result<Input, crate::error::InputError> {
    let (name, bytes) = crate::read::load(path, !settings.no_mmap)?;
    let source = Source {
        name: &name,
        bytes: &bytes,
        style: settings.style,
    };
    let reader = crate::read::detect(&name, &bytes, settings.forced);
    if stream && reader.format == "text" {
        // Bad input is found now, before anything is judged.
        crate::read::check_text(&source)?;
        return Ok(Input::Text(name, bytes));
    }
    Ok(Input::Read((reader.read)(&source)?))
}

/// Reads every checks file and named document, and lists the documents of
/// named folders; all problems with named files together, or none.
fn counts_word(exact: bool) -> &'static str {
    if exact {
        "eksakte"
    } else {
        "afrundede"
    }
}

/// The checks files' relations, the documents, and how whole counts are to
/// be read when a checks file says (`indstillinger.antal`).
type Inputs = (Vec<Check>, Vec<Input>, Option<bool>);

fn read_inputs(args: &VerifyArgs, settings: &VerifySettings) -> Result<Inputs, CliError> {
    let mut errors = Vec::new();
    let mut specs = Vec::new();
    let mut counts: Option<CountsSaid> = None;
    for path in &args.checks {
        match read_checks(path) {
            Ok(c) => {
                specs.extend(c.relations);
                match (&counts, c.counts) {
                    // The command line decides; the files need not agree.
                    (_, None) => {}
                    (_, Some(_)) if args.counts.is_some() => {}
                    (None, said) => counts = said,
                    (Some(first), Some(said)) if first.exact != said.exact => {
                        errors.push(
                            crate::error::InputError::new(
                                &said.file,
                                format!(
                                    "indstillinger.antal: {} here, but {} at {}; one run reads every document alike: give --counts exact|rounded, or verify them in separate runs",
                                    counts_word(said.exact),
                                    counts_word(first.exact),
                                    first.at()
                                ),
                            )
                            .at(said.line, said.column),
                        );
                    }
                    (Some(_), Some(_)) => {}
                }
            }
            Err(InputErrors(e)) => errors.extend(e),
        }
    }
    let mut documents = Vec::new();
    for path in &args.files {
        if path != std::path::Path::new("-") && path.is_dir() {
            if let Err(e) = walk(path, 0, &mut documents) {
                errors.push(e);
            }
            continue;
        }
        // With a checks file, whose relations may name a document's
        // figures, every document is read whole.
        match load_document(path, settings, args.checks.is_empty()) {
            Ok(d) => documents.push(d),
            Err(e) => errors.push(e),
        }
    }
    // Read after the documents: a relation may name their figures (of the
    // documents named; a folder's are read only when their turn comes).
    let named: Vec<Document> = if specs.is_empty() {
        Vec::new()
    } else {
        documents
            .iter()
            .filter_map(|d| match d {
                Input::Read(d) => Some(d.clone()),
                _ => None,
            })
            .collect()
    };
    let checks = match verify_checks_in(&specs, &named) {
        Ok(c) => c,
        Err(InputErrors(e)) => {
            errors.extend(e);
            Vec::new()
        }
    };
    if errors.is_empty() {
        Ok((checks, documents, counts.map(|c| c.exact)))
    } else {
        Err(InputErrors(errors).into())
    }
}

/// A progress bar on standard error (indicatif), shown once the work has
/// taken more than a second and only when standard error is a terminal.
struct Progress {
    start: std::time::Instant,
    /// `None` when standard error is no terminal or there is one document.
    bar: Option<indicatif::ProgressBar>,
    shown: bool,
}

impl Progress {
    fn new(total: usize) -> Progress {
        use std::io::IsTerminal;
        let bar = (total > 1 && std::io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::with_draw_target(
                Some(total as u64),
                indicatif::ProgressDrawTarget::hidden(),
            );
            if let Ok(style) =
                indicatif::ProgressStyle::with_template("verify {bar:30} {pos}/{len} {wide_msg}")
            {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            start: std::time::Instant::now(),
            bar,
            shown: false,
        }
    }

    fn step(&mut self, done: usize, name: &str) {
        let Some(bar) = &self.bar else { return };
        if !self.shown && self.start.elapsed() >= std::time::Duration::from_secs(1) {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            self.shown = true;
        }
        bar.set_position(done as u64);
        bar.set_message(name.to_string());
    }

    fn finish(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Judges and prints every document, then the checks files' relations and
/// the summary; notes each document where nothing could be judged.
fn print_all<W: Write>(
    p: &mut Printer<W>,
    settings: &VerifySettings,
    documents: &[Input],
    checks: &[Check],
    files: usize,
    text: bool,
    unjudged: &mut Vec<String>,
) -> Result<(), CliError> {
    let io = |e: std::io::Error| CliError::io("<stdout>", e);
    if p.format == VerifyFormat::Json {
        p.out.write_all(b"{\n  \"checks\": [").map_err(io)?;
    }
    let mut progress = Progress::new(documents.len());
    for (i, input) in documents.iter().enumerate() {
        let loaded;
        let input = match input {
            Input::InFolder(path) => {
                progress.step(i, &path.display().to_string());
                match load_document(path, settings, true) {
                    Ok(d) => {
                        loaded = d;
                        &loaded
                    }
                    Err(e) => {
                        let name = path.display().to_string();
                        let why = e.to_string();
                        let why = why
                            .strip_prefix(&format!("{name}: "))
                            .unwrap_or(&why)
                            .to_string();
                        p.skipped.push((name, format!("cannot be read: {why}")));
                        p.unreadable += 1;
                        continue;
                    }
                }
            }
            Input::Skipped(name, why) => {
                p.skipped.push((name.clone(), why.clone()));
                continue;
            }
            other => other,
        };
        let before = p.summary;
        let tables_before = p.tables;
        let name = match input {
            Input::Text(name, bytes) => {
                let source = Source {
                    name,
                    bytes,
                    style: settings.style,
                };
                judge_text(p, settings, &source, text)?;
                name
            }
            Input::Read(document) => {
                judge_document(p, settings, document, text)?;
                &document.name
            }
            Input::InFolder(_) | Input::Skipped(..) => continue,
        };
        let judged = |s: Summary| s.exact + s.rounding + s.error;
        if judged(p.summary) == judged(before) {
            unjudged.push(name.clone());
        }
        let file = p.summary.since(&before);
        p.per_file
            .push((name.clone(), p.tables - tables_before, file));
    }
    progress.finish();
    for c in checks {
        p.check(c).map_err(io)?;
    }
    p.summary(files, unjudged).map_err(io)?;
    p.out.flush().map_err(io)
}

/// Judges and prints a document read whole: its tables, the reader's
/// notices, its running text's claims.
fn judge_document<W: Write>(
    p: &mut Printer<W>,
    settings: &VerifySettings,
    document: &Document,
    text: bool,
) -> Result<(), CliError> {
    let io = |e: std::io::Error| CliError::io("<stdout>", e);
    let mut failed = None;
    verify(document, &settings.options, |t| {
        if failed.is_none() {
            failed = p.table(&t).err();
        }
    });
    if let Some(e) = failed {
        return Err(io(e));
    }
    for n in &document.notices {
        p.notice(&document.name, n).map_err(io)?;
    }
    if text {
        p.text(&verify_text(document, &settings.options))
            .map_err(io)?;
    }
    Ok(())
}

/// As [`judge_document`], for a text document judged table by table as it
/// is read ([`crate::verify::stream`]): the same output in the same order.
fn judge_text<W: Write>(
    p: &mut Printer<W>,
    settings: &VerifySettings,
    source: &Source,
    text: bool,
) -> Result<(), CliError> {
    let io = |e: std::io::Error| CliError::io("<stdout>", e);
    let mut failed = None;
    let quiet = p.quiet();
    let prepare = |t: TableReport| Digest::of(t, quiet);
    let streamed = stream::verify_text_tables_as(source, &settings.options, prepare, |d| {
        if failed.is_none() {
            failed = p.digest(&d).err();
        }
    })?;
    if let Some(e) = failed {
        return Err(io(e));
    }
    for n in &streamed.notices {
        p.notice(source.name, n).map_err(io)?;
    }
    if text {
        let report = stream::verify_text_claims(source, &streamed, &settings.options)?;
        p.text(&report).map_err(io)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn printer(quiet: bool, strict: bool, fail_on_skipped: bool) -> Printer<Vec<u8>> {
        Printer::new(
            Vec::new(),
            VerifyFormat::Text,
            Flags {
                quiet,
                strict,
                verbose: false,
                fail_on_skipped,
            },
        )
    }

    /// A table's report handed over as a [`Digest`] prints and counts what
    /// the whole report does, whichever verdicts fail the run.
    #[test]
    fn a_digest_prints_and_counts_as_the_whole_report() {
        // An error (row B), a rounding (I alt 2027), exact sums and a
        // labelled total not understood (skipped).
        let doc = "Mio. kr.\t2026\t2027\nA\t1,0\t2,0\nB\t2,0\t3,0\nI alt\t4,0\t5,1\n\nMio. kr.\t2026\nx\ttekst\nI alt\t7,0\n";
        let source = Source {
            name: "d.txt",
            bytes: doc.as_bytes(),
            style: NumberStyle::DANISH,
        };
        for (quiet, strict, skipped) in [
            (true, false, false),
            (true, true, false),
            (true, false, true),
            (false, true, true),
        ] {
            let options = Options {
                allocated_shares: false,
                describe_exact: !quiet,
                describe_rounding: !quiet || strict,
                structured: false,
                counts_exact: true,
                lean: quiet,
            };
            let mut reports = Vec::new();
            stream::verify_text_tables(&source, &options, |t| reports.push(t)).unwrap();
            let mut whole = printer(quiet, strict, skipped);
            let mut digested = printer(quiet, strict, skipped);
            for t in reports {
                whole.table(&t).unwrap();
                let d = Digest::of(t, digested.quiet());
                assert_eq!(d.counted.is_some(), quiet);
                digested.digest(&d).unwrap();
            }
            assert_eq!(
                String::from_utf8_lossy(&digested.out),
                String::from_utf8_lossy(&whole.out)
            );
            assert_eq!(digested.summary, whole.summary);
            assert_eq!(digested.skipped_by, whole.skipped_by);
            assert_eq!(digested.tables, 2);
            assert_eq!(
                whole.summary.error,
                1,
                "{}",
                String::from_utf8_lossy(&whole.out)
            );
            assert!(
                whole.summary.rounding >= 1 && whole.summary.skipped >= 1,
                "{:?}",
                whole.summary
            );
        }
    }
}
