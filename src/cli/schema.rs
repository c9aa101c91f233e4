//! `sparekrav schema`: the JSON Schema of the scenario file, generated from
//! the same types that read it.

use super::{write_stdout, CliError, Outcome};

/// The schema as pretty JSON, with a trailing newline.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(crate::input::scenario::ScenarioFile);
    let mut s =
        serde_json::to_string_pretty(&schema).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// The schema of the import mapping file, as pretty JSON.
pub fn mapping_schema_json() -> String {
    let schema = schemars::schema_for!(crate::input::import::mapping::MappingFile);
    let mut s =
        serde_json::to_string_pretty(&schema).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

pub fn run(mapping: bool) -> Result<Outcome, CliError> {
    let text = if mapping {
        mapping_schema_json()
    } else {
        schema_json()
    };
    write_stdout(text.as_bytes())?;
    Ok(Outcome::Ok)
}
