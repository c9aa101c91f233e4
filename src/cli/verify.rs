//! `sparekrav verify` (issue 3).

use clap::Args;
use std::path::PathBuf;

use super::{CliError, Outcome};

#[derive(Args, Debug)]
pub struct VerifyArgs {
    /// Documents to read (`-` for standard input)
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

pub fn run(_args: &VerifyArgs) -> Result<Outcome, CliError> {
    Err(CliError::Usage("verify is not built yet (issue 3)".into()))
}
