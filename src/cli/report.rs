//! `sparekrav report SCENARIO.yaml`: the tables of a scenario.

use std::path::PathBuf;

use clap::Args;

use super::{write_stdout, CliError, DisplayArgs, Outcome};
use crate::input::read_scenario_file;
use crate::render::{render, Format, ReportMeta};
use crate::report;

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// The scenario file (YAML)
    pub scenario: PathBuf,
    #[command(flatten)]
    pub display: DisplayArgs,
}

pub fn run(args: &ReportArgs) -> Result<Outcome, CliError> {
    let loaded = read_scenario_file(&args.scenario)?;
    let options = args.display.options();
    let tables = report::build(&loaded.scenario, options.lang)?;
    let shown = tables
        .iter()
        .map(|t| t.display(&options))
        .collect::<Result<Vec<_>, _>>()?;
    let meta = ReportMeta {
        title: loaded.scenario.title.clone(),
        source: loaded.scenario.source.clone(),
    };
    let bytes = render(&meta, &shown, Format::Text, Default::default())
        .map_err(|e| CliError::Usage(e.to_string()))?;
    write_stdout(&bytes)?;
    Ok(Outcome::Ok)
}
