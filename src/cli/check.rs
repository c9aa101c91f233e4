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
    /// Warnings (a sign flip, an initiative without a dimension the others
    /// give) fail the check: exit 1
    #[arg(long)]
    pub strict: bool,
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

#[derive(serde::Serialize)]
struct JsonInputError {
    file: String,
    line: Option<usize>,
    column: Option<usize>,
    path: Option<String>,
    message: String,
}

pub fn run(args: &CheckArgs) -> Result<Outcome, CliError> {
    // Every file is read and checked; one with bad input is reported (and
    // makes the exit code 2) without hiding the findings of the others.
    let mut loaded = Vec::new();
    let mut errors: Vec<InputError> = Vec::new();
    let mut notes = Vec::new();
    for path in &args.scenarios {
        // `check scenarios/*.yaml` also names the checks files beside the
        // scenarios: say what such a file is instead of failing on it.
        if crate::input::checks::read_checks_file(path).is_ok() {
            notes.push(format!(
                "{}: a checks file (relations for `verify --checks`), not a scenario; not checked here",
                path.display()
            ));
            continue;
        }
        match read_scenario_file(path) {
            Ok(l) => loaded.push(l),
            Err(InputErrors(e)) => errors.extend(e),
        }
    }
    let mut text = String::new();
    let mut json = Vec::new();
    let (mut holds, mut fails, mut skipped) = (0usize, 0usize, 0usize);
    let mut per_file = Vec::new();
    let mut warnings = Vec::new();
    for l in &loaded {
        match run_all(&l.scenario) {
            Ok(findings) => {
                per_file.push((l, findings));
                for w in crate::check::warnings(&l.scenario) {
                    let pos = l.locator.locate(&w.path);
                    warnings.push((l, pos, w));
                }
            }
            Err(e) => errors.push(super::overflow_in(l, &e)),
        }
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
                Status::Skipped => Some(format!("{located} (skipped)\n")),
                Status::Holds if args.verbose => Some(format!("{located} (holds)\n")),
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
    let files = args.scenarios.len();
    let bad = errors.len();
    let out = match args.format {
        CheckFormat::Text => {
            // Input errors go to stderr (one per line), findings to stdout.
            if !errors.is_empty() {
                super::eprint_line(&InputErrors(errors.clone()));
            }
            for note in &notes {
                super::eprint_line(note);
            }
            for (l, _, w) in &warnings {
                super::eprint_line(&l.error_at(&w.path, format!("warning: {}", w.message)));
            }
            let w = warnings.len();
            text.push_str(&format!(
                // `1 failed`, `2 failed`, like `0 skipped`: no verb to agree
                // (the summary said `1 fails`).
                "check: {files} file{}, {holds} reconciliation{}, {fails} failed, {skipped} skipped{}{}\n",
                if files == 1 { "" } else { "s" },
                if holds == 1 { " holds" } else { "s hold" },
                if bad == 0 { String::new() } else { format!(", {bad} input error{}", if bad == 1 { "" } else { "s" }) },
                if w == 0 { String::new() } else { format!(", {w} warning{}", if w == 1 { "" } else { "s" }) },
            ));
            text
        }
        CheckFormat::Json => {
            // CI reads one JSON document, bad input included.
            let input_errors: Vec<JsonInputError> = errors
                .iter()
                .map(|e| JsonInputError {
                    file: e.location.file.clone(),
                    line: e.location.line,
                    column: e.location.column,
                    path: e.path.clone(),
                    message: e.message.clone(),
                })
                .collect();
            let json_warnings: Vec<_> = warnings
                .iter()
                .map(|(l, pos, w)| {
                    serde_json::json!({
                        "file": l.file,
                        "line": pos.map(|p| p.0),
                        "column": pos.map(|p| p.1),
                        "path": w.path,
                        "message": w.message,
                    })
                })
                .collect();
            let doc = serde_json::json!({
                "findings": json,
                "input_errors": input_errors,
                "warnings": json_warnings,
                "summary": {"files": files, "holds": holds, "fails": fails, "skipped": skipped, "input_errors": bad, "warnings": warnings.len()},
            });
            let mut s =
                serde_json::to_string_pretty(&doc).map_err(|e| CliError::Usage(e.to_string()))?;
            s.push('\n');
            s
        }
    };
    write_stdout(out.as_bytes())?;
    Ok(if bad > 0 {
        Outcome::BadInput
    } else if fails > 0 || (args.strict && !warnings.is_empty()) {
        Outcome::CheckFailed
    } else {
        Outcome::Ok
    })
}
