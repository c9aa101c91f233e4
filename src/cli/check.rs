use clap::Args;
use std::path::PathBuf;

use super::{CliError, Outcome};

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[arg(required = true)]
    pub scenarios: Vec<PathBuf>,
}

pub fn run(_args: &CheckArgs) -> Result<Outcome, CliError> {
    Err(CliError::Usage("check is not built yet".into()))
}
