//! `sparekrav report SCENARIO.yaml`: the tables of a scenario.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::Args;

use super::{emit, CliError, CsvStyleArg, DisplayArgs, FormatArg, Outcome};
use crate::error::InputError;
use crate::input::read_scenario_file;
use crate::render::{render, ReportMeta};
use crate::report;

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// The scenario file (YAML)
    pub scenario: PathBuf,
    #[command(flatten)]
    pub display: DisplayArgs,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,
    /// CSV dialect (with --format csv)
    #[arg(long, value_enum, default_value_t = CsvStyleArg::Danish)]
    pub csv_style: CsvStyleArg,
    /// Write to FILE (atomically: a failed run leaves the previous file intact)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: &ReportArgs) -> Result<Outcome, CliError> {
    if args.format == FormatArg::Xlsx && args.output.is_none() && std::io::stdout().is_terminal() {
        return Err(CliError::Usage(
            "xlsx is a binary file: give -o FILE.xlsx (or redirect standard output)".to_string(),
        ));
    }
    let loaded = read_scenario_file(&args.scenario)?;
    let options = args.display.options();
    let in_file = |e: crate::money::Overflow| -> CliError {
        InputError::new(&loaded.file, e.to_string()).into()
    };
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
    let bytes = render(&meta, &shown, args.format.into(), args.csv_style.into())?;
    emit(args.output.as_deref(), &bytes)?;
    Ok(Outcome::Ok)
}
