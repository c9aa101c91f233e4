//! `sparekrav check SCENARIO.yaml...`: validate and reconcile. Exit 0 when
//! every reconciliation holds, 1 when one fails, 2 on bad input.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{write_stdout, CliError, Outcome};
use crate::check::{run_all, Status};
use crate::error::{InputError, InputErrors};
use crate::input::read_scenario_file;

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Scenario files (YAML)
    #[arg(required = true)]
    pub scenarios: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Also list the reconciliations that hold
    #[arg(long, short)]
    pub verbose: bool,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckFormat {
    Text,
    Json,
}

#[derive(serde::Serialize)]
struct JsonFinding<'a> {
    file: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    #[serde(flatten)]
    finding: &'a crate::check::Finding,
}

pub fn run(args: &CheckArgs) -> Result<Outcome, CliError> {
    // Read every file first: bad input anywhere is exit 2, with every problem listed.
    let mut loaded = Vec::new();
    let mut errors = Vec::new();
    for path in &args.scenarios {
        match read_scenario_file(path) {
            Ok(l) => loaded.push(l),
            Err(InputErrors(e)) => errors.extend(e),
        }
    }
    if !errors.is_empty() {
        return Err(InputErrors(errors).into());
    }
    let mut text = String::new();
    let mut json = Vec::new();
    let (mut holds, mut fails, mut skipped) = (0usize, 0usize, 0usize);
    let mut per_file = Vec::new();
    for l in &loaded {
        let findings = run_all(&l.scenario).map_err(|e| InputError::new(&l.file, e.to_string()))?;
        per_file.push((l, findings));
    }
    for (l, findings) in &per_file {
        for f in findings {
            match f.status {
                Status::Holds => holds += 1,
                Status::Fails => fails += 1,
                Status::Skipped => skipped += 1,
            }
            let pos = l.locator.locate(&f.path);
            let located = l.error_at(&f.path, f.message.clone());
            let line = match f.status {
                Status::Fails => Some(format!("{located}\n")),
                Status::Skipped => Some(format!("{} (skipped)\n", located)),
                Status::Holds if args.verbose => Some(format!("{} (holds)\n", located)),
                Status::Holds => None,
            };
            text.push_str(line.as_deref().unwrap_or(""));
            json.push(JsonFinding {
                file: &l.file,
                line: pos.map(|p| p.0),
                column: pos.map(|p| p.1),
                finding: f,
            });
        }
    }
    let files = loaded.len();
    let out = match args.format {
        CheckFormat::Text => {
            text.push_str(&format!(
                "check: {files} file{}, {holds} reconciliation{} hold, {fails} fail{}, {skipped} skipped\n",
                if files == 1 { "" } else { "s" },
                if holds == 1 { "" } else { "s" },
                if fails == 1 { "s" } else { "" },
            ));
            text
        }
        CheckFormat::Json => {
            let doc = serde_json::json!({
                "findings": json,
                "summary": {"files": files, "holds": holds, "fails": fails, "skipped": skipped},
            });
            let mut s =
                serde_json::to_string_pretty(&doc).map_err(|e| CliError::Usage(e.to_string()))?;
            s.push('\n');
            s
        }
    };
    write_stdout(out.as_bytes())?;
    Ok(if fails > 0 {
        Outcome::CheckFailed
    } else {
        Outcome::Ok
    })
}
