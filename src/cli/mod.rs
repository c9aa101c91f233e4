//! The command line: argument definitions, dispatch and exit codes. One module
//! per subcommand; each returns an [`Outcome`] or a [`CliError`].
//!
//! Exit codes: 0 all is well, 1 a check failed, 2 bad input or usage.

pub mod check;
pub mod diff;
pub mod import;
pub mod report;
pub mod schema;
pub mod verify;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use crate::error::{InputError, InputErrors};
use crate::money::{Overflow, Unit};
use crate::table::{DisplayOptions, Lang, ShareMethod};

#[derive(Parser, Debug)]
#[command(
    name = "sparekrav",
    version,
    about = "Compute and verify the budget tables of the 2026-2029 employment reform, exact to the øre",
    long_about = "Compute and verify the budget tables of the 2026-2029 employment reform.\n\n\
        Exit codes: 0 all is well, 1 a check failed, 2 bad input or usage."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print the tables of a scenario (besparelseskrav, gaps, shares, bevillingsansøgninger)
    Report(report::ReportArgs),
    /// Validate and reconcile scenario files: exit 0 when all holds, 1 when a reconciliation fails
    Check(check::CheckArgs),
    /// Aggregate an ERP extract or workbook by konto × center × year through a mapping file, every line accounted for
    Import(import::ImportArgs),
    /// Compare two versions of a scenario, table by table and cell by cell (old, new, change)
    Diff(diff::DiffArgs),
    /// Judge every total, share and change in a document's tables: exact, rounding or error
    Verify(verify::VerifyArgs),
    /// Print the JSON Schema of the scenario file (for editors with a YAML language server)
    Schema {
        /// The schema of the import mapping file instead
        #[arg(long)]
        mapping: bool,
    },
    /// Print shell completions
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff); with a subcommand, that subcommand's page
    /// (`sparekrav man report > sparekrav-report.1`), which the main page refers to
    Man {
        /// report, check, verify, schema, completions or man
        subcommand: Option<String>,
    },
}

/// Display options shared by the commands that print tables.
#[derive(Args, Debug, Clone)]
pub struct DisplayArgs {
    /// Unit of the printed amounts (never changes the arithmetic)
    #[arg(long, value_enum, default_value_t = UnitArg::Mio)]
    pub unit: UnitArg,
    /// Decimals of the printed amounts, rounded half away from zero (default:
    /// 1 in mio. kr., 0 in kr. and t. kr., as the documents print them)
    #[arg(long, value_parser = clap::value_parser!(u32).range(0..=8))]
    pub decimals: Option<u32>,
    /// Language of labels and numbers
    #[arg(long, value_enum, default_value_t = LangArg::Da)]
    pub lang: LangArg,
    /// How shares are rounded: each on its own (as published), or by largest
    /// remainder so that they add up to exactly 100,0
    #[arg(long, value_enum, default_value_t = SharesArg::Independent)]
    pub shares: SharesArg,
}

impl DisplayArgs {
    pub fn options(&self) -> DisplayOptions {
        DisplayOptions {
            unit: self.unit.into(),
            decimals: self.decimals.unwrap_or(match self.unit {
                UnitArg::Mio => 1,
                UnitArg::Kr | UnitArg::Tkr => 0,
            }),
            share_decimals: 1,
            lang: self.lang.into(),
            shares: match self.shares {
                SharesArg::Independent => ShareMethod::Independent,
                SharesArg::LargestRemainder => ShareMethod::LargestRemainder,
            },
        }
    }
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitArg {
    Kr,
    Tkr,
    Mio,
}

impl From<UnitArg> for Unit {
    fn from(u: UnitArg) -> Unit {
        match u {
            UnitArg::Kr => Unit::Kr,
            UnitArg::Tkr => Unit::TKr,
            UnitArg::Mio => Unit::Mio,
        }
    }
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangArg {
    Da,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Da => Lang::Da,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum SharesArg {
    Independent,
    LargestRemainder,
}

/// How a command ended when it did not fail on its input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything holds: exit 0.
    Ok,
    /// A check or verification failed: exit 1.
    CheckFailed,
    /// Some input was bad, and has been reported already: exit 2.
    BadInput,
}

/// A command that could not do its job: exit 2.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Input(#[from] InputErrors),
    #[error("{0}")]
    Usage(String),
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Overflow(#[from] Overflow),
    #[error("{0}")]
    Output(#[from] crate::output::OutputError),
    #[error("{0}")]
    Render(#[from] crate::render::RenderError),
}

impl From<InputError> for CliError {
    fn from(e: InputError) -> CliError {
        CliError::Input(e.into())
    }
}

/// An overflow in a scenario's figures as bad input, placed by its key path
/// when it names one (`s.yaml:7:5: realiserede_besparelser.a.initiativer:
/// overflow: ...`).
pub fn overflow_in(loaded: &crate::input::LoadedScenario, e: &Overflow) -> InputError {
    match &e.path {
        Some(path) => loaded.error_at(path, e.to_string()),
        None => InputError::new(&loaded.file, e.to_string()),
    }
}

impl CliError {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> CliError {
        CliError::Io {
            path: path.into(),
            source,
        }
    }
}

/// Output format of `report`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatArg {
    Text,
    Markdown,
    Csv,
    Json,
    Xlsx,
}

impl From<FormatArg> for crate::render::Format {
    fn from(f: FormatArg) -> crate::render::Format {
        use crate::render::Format;
        match f {
            FormatArg::Text => Format::Text,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Csv => Format::Csv,
            FormatArg::Json => Format::Json,
            FormatArg::Xlsx => Format::Xlsx,
        }
    }
}

/// CSV dialect.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvStyleArg {
    /// `;`, decimal comma, UTF-8 with BOM: opens right in Danish Excel
    Danish,
    /// `,` and `.`, no BOM: for other tools
    Plain,
}

impl From<CsvStyleArg> for crate::render::CsvStyle {
    fn from(c: CsvStyleArg) -> crate::render::CsvStyle {
        match c {
            CsvStyleArg::Danish => crate::render::CsvStyle::Danish,
            CsvStyleArg::Plain => crate::render::CsvStyle::Plain,
        }
    }
}

/// Writes `bytes` to `-o FILE` atomically, or to standard output.
pub fn emit(output: Option<&std::path::Path>, bytes: &[u8]) -> Result<(), CliError> {
    match output {
        Some(path) => Ok(crate::output::write_atomic(path, bytes)?),
        None => write_stdout(bytes),
    }
}

/// One line to standard error. Never panics (`eprintln!` does when stderr is
/// closed or full); a line that cannot be written is lost, as it must be.
pub fn eprint_line(line: &dyn std::fmt::Display) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{line}");
}

/// Text to standard error as it is (no line end added). Never panics, as
/// [`eprint_line`].
pub fn eprint_text(text: &dyn std::fmt::Display) {
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "{text}");
}

/// A closed pipe (`| head`), also when wrapped in another error: not a
/// failure of the run; the reader has seen what it wanted.
pub fn is_broken_pipe(e: &std::io::Error) -> bool {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return true;
    }
    e.get_ref()
        .and_then(|inner| inner.downcast_ref::<std::io::Error>())
        .is_some_and(is_broken_pipe)
}

/// Writes to standard output; a closed pipe (`sparekrav report | head`) is not an error.
pub fn write_stdout(bytes: &[u8]) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if is_broken_pipe(&e) => Ok(()),
        Err(e) => Err(CliError::io("<stdout>", e)),
    }
}

pub fn run(cli: Cli) -> Result<Outcome, CliError> {
    match cli.command {
        Command::Report(args) => report::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Verify(args) => verify::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Schema { mapping } => schema::run(mapping),
        Command::Completions { shell } => {
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "sparekrav", &mut buf);
            write_stdout(&buf)?;
            Ok(Outcome::Ok)
        }
        Command::Man { subcommand } => {
            let mut buf = Vec::new();
            let page =
                match subcommand {
                    // Every page it refers to exists (`sparekrav man report`);
                    // clap's `help` subcommand has none, so it is not listed.
                    None => Cli::command().disable_help_subcommand(true),
                    Some(name) => {
                        // The names the main page refers to (`sparekrav-report(1)`).
                        const PAGES: [(&str, &str); 8] = [
                            ("report", "sparekrav-report"),
                            ("check", "sparekrav-check"),
                            ("import", "sparekrav-import"),
                            ("diff", "sparekrav-diff"),
                            ("verify", "sparekrav-verify"),
                            ("schema", "sparekrav-schema"),
                            ("completions", "sparekrav-completions"),
                            ("man", "sparekrav-man"),
                        ];
                        let cli = Cli::command();
                        let found = PAGES.iter().find(|(n, _)| *n == name.as_str()).and_then(
                            |(n, page)| cli.find_subcommand(n).map(|sub| sub.clone().name(*page)),
                        );
                        match found {
                            Some(sub) => sub,
                            None => {
                                let names: Vec<&str> = PAGES.iter().map(|(n, _)| *n).collect();
                                return Err(CliError::Usage(format!(
                                    "no subcommand {name:?}; pages: {}",
                                    names.join(", ")
                                )));
                            }
                        }
                    }
                };
            clap_mangen::Man::new(page)
                .render(&mut buf)
                .map_err(|e| CliError::io("<man page>", e))?;
            write_stdout(&buf)?;
            Ok(Outcome::Ok)
        }
    }
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // `--help` and `--version` into a full disk or closed stream have
            // lost their output: that is a failure (exit 2), except a closed
            // pipe (`--help | head`).
            let printed = e.print();
            let lost = printed.as_ref().is_err_and(|p| !is_broken_pipe(p));
            return ExitCode::from(if e.use_stderr() || lost { 2 } else { 0 });
        }
    };
    match run(cli) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::CheckFailed) => ExitCode::from(1),
        Ok(Outcome::BadInput) => ExitCode::from(2),
        Err(CliError::Input(errors)) => {
            // One line per problem, `file:line:column: key.path: message`.
            eprint_line(&errors);
            ExitCode::from(2)
        }
        Err(e) => {
            eprint_line(&format!("sparekrav: error: {e}"));
            ExitCode::from(2)
        }
    }
}
