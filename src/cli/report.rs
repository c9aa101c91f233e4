use clap::Args;
use std::path::PathBuf;

use super::{CliError, Outcome};

#[derive(Args, Debug)]
pub struct ReportArgs {
    pub scenario: PathBuf,
}

pub fn run(_args: &ReportArgs) -> Result<Outcome, CliError> {
    Err(CliError::Usage("report is not built yet".into()))
}
