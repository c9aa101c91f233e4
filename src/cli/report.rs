//! `sparekrav report SCENARIO.yaml`: the tables of a scenario.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{emit, CliError, CsvStyleArg, DisplayArgs, FormatArg, Outcome};
use crate::check::{run_all, Status};
use crate::input::read_scenario_file;
use crate::render::{render, ReportMeta};
use crate::report;

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// The scenario file (YAML)
    pub scenario: PathBuf,
    #[command(flatten)]
    pub display: DisplayArgs,
    /// Output format (default: from the ending of -o FILE — .md, .csv, .json,
    /// .xlsx — else text)
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<FormatArg>,
    /// CSV dialect (with --format csv)
    #[arg(long, value_enum, default_value_t = CsvStyleArg::Danish)]
    pub csv_style: CsvStyleArg,
    /// Write to FILE (atomically: a failed run leaves the previous file intact)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Warnings (a sign flip, an initiative without a dimension the others
    /// give) fail the run: exit 1, the tables still written
    #[arg(long)]
    pub strict: bool,
}

/// The format asked for, else the one the output file's ending names. A
/// format that contradicts the ending (`-f csv -o r.xlsx`), or a spreadsheet
/// ending sparekrav does not write (`-o r.xls`), is refused rather than
/// written into a file that its ending misnames.
fn format_of(args: &ReportArgs) -> Result<FormatArg, CliError> {
    let ext = args
        .output
        .as_ref()
        .and_then(|o| o.extension())
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let by_ending = match ext.as_str() {
        "md" | "markdown" => Some(FormatArg::Markdown),
        "csv" => Some(FormatArg::Csv),
        "json" => Some(FormatArg::Json),
        "xlsx" => Some(FormatArg::Xlsx),
        _ => None,
    };
    let name = || {
        args.output
            .as_ref()
            .map(|o| o.display().to_string())
            .unwrap_or_default()
    };
    match (args.format, by_ending) {
        (Some(f), Some(e)) if f != e => Err(CliError::Usage(format!(
            "--format {} contradicts the ending of {} (.{ext}): drop --format, or name the file for the format",
            f.to_possible_value().map(|v| v.get_name().to_string()).unwrap_or_default(),
            name()
        ))),
        (None, None) if matches!(ext.as_str(), "xls" | "xlsm" | "xlsb" | "ods") => {
            Err(CliError::Usage(format!(
                "{}: sparekrav writes .xlsx spreadsheets, not .{ext}; name the file .xlsx (or give --format)",
                name()
            )))
        }
        (f, e) => Ok(f.or(e).unwrap_or(FormatArg::Text)),
    }
}

pub fn run(args: &ReportArgs) -> Result<Outcome, CliError> {
    let format = format_of(args)?;
    if format == FormatArg::Xlsx && args.output.is_none() && std::io::stdout().is_terminal() {
        return Err(CliError::Usage(
            "xlsx is a binary file: give -o FILE.xlsx (or redirect standard output)".to_string(),
        ));
    }
    if let Some(out) = &args.output {
        crate::output::refuse_input(out, &[&args.scenario])?;
    }
    let loaded = read_scenario_file(&args.scenario)?;
    let options = args.display.options();
    let in_file =
        |e: crate::money::Overflow| -> CliError { super::overflow_in(&loaded, &e).into() };
    let tables = report::build(&loaded.scenario, options.lang).map_err(in_file)?;
    let shown = tables
        .iter()
        .map(|t| t.display(&options))
        .collect::<Result<Vec<_>, _>>()
        .map_err(in_file)?;
    let meta = ReportMeta {
        title: loaded.scenario.title.clone(),
        source: loaded.scenario.source.clone(),
    };
    let bytes = render(&meta, &shown, format.into(), args.csv_style.into())?;
    emit(args.output.as_deref(), &bytes)?;
    // The tables are printed either way, but a scenario whose breakdowns do
    // not reconcile must not pass unnoticed: say so, and exit 1.
    let failures: Vec<_> = run_all(&loaded.scenario)
        .map_err(in_file)?
        .into_iter()
        .filter(|f| f.status == Status::Fails)
        .collect();
    for f in &failures {
        super::eprint_line(&loaded.error_at(&f.path, format!("warning: {}", f.message)));
    }
    let warnings = crate::check::warnings(&loaded.scenario);
    for w in &warnings {
        super::eprint_line(&loaded.error_at(&w.path, format!("warning: {}", w.message)));
    }
    if failures.is_empty() && (warnings.is_empty() || !args.strict) {
        Ok(Outcome::Ok)
    } else if failures.is_empty() {
        super::eprint_line(&format!(
            "report: {} warning{} (--strict)",
            warnings.len(),
            if warnings.len() == 1 { "" } else { "s" }
        ));
        Ok(Outcome::CheckFailed)
    } else {
        super::eprint_line(&format!(
            "report: {} reconciliation{} fail{}: these tables do not agree with each other (see `sparekrav check`)",
            failures.len(),
            if failures.len() == 1 { "" } else { "s" },
            if failures.len() == 1 { "s" } else { "" },
        ));
        Ok(Outcome::CheckFailed)
    }
}
