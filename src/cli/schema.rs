//! `sparekrav schema` (issue 4).

use super::{CliError, Outcome};

pub fn run() -> Result<Outcome, CliError> {
    Err(CliError::Usage("schema is not built yet (issue 4)".into()))
}
