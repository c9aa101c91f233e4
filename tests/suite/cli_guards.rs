//! Smaller guards from the same review (issue 8, "smaller" items).

use crate::common::{run, run_on_yaml, REFERENCE};

/// `sparekrav check scenarios/*.yaml` failed on the repository's own checks
/// file (`unknown field kontroller`); it is recognised and said what it is.
#[test]
fn check_on_the_scenarios_glob_recognises_the_checks_file() {
    let (code, out, err) = run(&[
        "check",
        "scenarios/eksempel-initiativer.yaml",
        "scenarios/randers-2025-12-02.checks.yaml",
        REFERENCE,
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err,
        "scenarios/randers-2025-12-02.checks.yaml: a checks file (relations for `verify --checks`), \
         not a scenario; not checked here\n"
    );
    assert!(out.starts_with("check: 3 files, "), "{out}");
}

/// `-o r.xls` wrote a text grid and `-f csv -o r.xlsx` CSV into `.xlsx`:
/// a format that contradicts the file's ending is refused (exit 2), nothing written.
#[test]
fn a_format_that_contradicts_the_ending_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let xls = dir.path().join("r.xls");
    let (code, _, err) = run(&["report", REFERENCE, "-o", xls.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim_end(),
        format!(
            "sparekrav: error: {}: sparekrav writes .xlsx spreadsheets, not .xls; name the file .xlsx (or give --format)",
            xls.display()
        )
    );
    let xlsx = dir.path().join("r.xlsx");
    let (code, _, err) = run(&[
        "report",
        REFERENCE,
        "-f",
        "csv",
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim_end(),
        format!(
            "sparekrav: error: --format csv contradicts the ending of {} (.xlsx): drop --format, or name the file for the format",
            xlsx.display()
        )
    );
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());
    // Agreeing or neutral endings still work.
    let txt = dir.path().join("r.txt");
    let (code, _, _) = run(&[
        "report",
        REFERENCE,
        "-f",
        "csv",
        "-o",
        txt.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
}

/// A tab used for indentation gave the parser's raw message.
#[test]
fn a_tab_for_indentation_is_named() {
    let (code, _, err) = run_on_yaml(
        &["check"],
        b"titel: x\nenhed: kr.\nkonti:\n\ta: {navn: A}\n",
    );
    assert_eq!(code, 2);
    assert_eq!(
        err.trim_end(),
        "s.yaml:4:1: tabs are not allowed for indentation in YAML; indent with spaces"
    );
}

/// `sparekrav man` referred to `sparekrav-report(1)` and others that did
/// not exist: every page it refers to is now `sparekrav man <subcommand>`.
#[test]
fn every_man_page_referred_to_exists() {
    let (code, main, _) = run(&["man"]);
    assert_eq!(code, 0);
    let mut referred = Vec::new();
    for line in main.lines() {
        if let Some(rest) = line.strip_prefix("sparekrav\\-") {
            if let Some(name) = rest.strip_suffix("(1)") {
                referred.push(name.to_string());
            }
        }
    }
    assert_eq!(
        referred,
        [
            "report",
            "check",
            "import",
            "diff",
            "verify",
            "schema",
            "completions",
            "man"
        ]
    );
    for name in &referred {
        let (code, page, err) = run(&["man", name]);
        assert_eq!(code, 0, "{name}: {err}");
        assert!(page.contains(&format!(".TH sparekrav-{name} 1 ")), "{name}");
    }
    let (code, _, err) = run(&["man", "nope"]);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim_end(),
        "sparekrav: error: no subcommand \"nope\"; pages: report, check, import, diff, verify, schema, completions, man"
    );
}
