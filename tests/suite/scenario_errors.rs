//! Bad scenario files: each gives one clear message with file, line, column and
//! key path, exit code 2, and no panic.
//!
//! The cases are files (hledger's `test/errors`): `tests/errors/NAME.yaml` is
//! the scenario, `NAME.stderr` what `sparekrav report NAME.yaml` must print on
//! standard error, then a last line `>>>= CODE` with the exit code. One loop
//! runs them all; a new case is two new files.

use std::path::Path;

use crate::common::{root, run, run_on_yaml, sparekrav, REFERENCE};

/// How many cases there are at least (so a lost file does not go unnoticed).
const CASES: usize = 19;

/// The expected standard error and exit code of a `.stderr` file.
fn expected(text: &str) -> (String, i32) {
    let (err, code) = text
        .trim_end()
        .rsplit_once(">>>= ")
        .expect("a last line `>>>= CODE`");
    (err.to_string(), code.trim().parse().expect("an exit code"))
}

#[test]
fn every_error_case_gives_its_message_and_exit_code() {
    let dir = root().join("tests/errors");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            let stem = p.file_stem()?.to_string_lossy().into_owned();
            (p.extension()? == "yaml").then_some(stem)
        })
        .collect();
    names.sort();
    assert!(
        names.len() >= CASES,
        "{} cases in {}",
        names.len(),
        dir.display()
    );
    let mut failures = Vec::new();
    for name in &names {
        let stderr = Path::new(&dir).join(format!("{name}.stderr"));
        let want = std::fs::read_to_string(&stderr)
            .unwrap_or_else(|e| panic!("{}: {e}", stderr.display()));
        let (want_err, want_code) = expected(&want);
        let out = sparekrav()
            .current_dir(&dir)
            .args(["report", &format!("{name}.yaml")])
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        let code = out.status.code().unwrap_or(-1);
        if code != want_code
            || err != want_err
            || !out.stdout.is_empty()
            || err.contains("panicked")
        {
            failures.push(format!(
                "{name}: exit {code} (want {want_code}), stdout {} bytes\n  got:  {err:?}\n  want: {want_err:?}",
                out.stdout.len()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_case_format_reads_message_and_code() {
    assert_eq!(
        expected("a.yaml:1:1: x\nb\n>>>= 2\n"),
        ("a.yaml:1:1: x\nb\n".to_string(), 2)
    );
}

#[test]
fn missing_file_and_directory() {
    let (code, _, err) = run(&["report", "does/not/exist.yaml"]);
    assert_eq!(code, 2);
    assert_eq!(err.trim_end(), "does/not/exist.yaml: no such file");
    let (code, _, err) = run(&["report", "scenarios"]);
    assert_eq!(code, 2);
    assert_eq!(err.trim_end(), "scenarios: is a directory, not a file");
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, err) = run(&["report"]);
    assert_eq!(code, 2);
    assert!(err.contains("<SCENARIO>"), "{err}");
    let (code, _, _) = run(&["report", REFERENCE, "--unit", "euro"]);
    assert_eq!(code, 2);
    let (code, _, _) = run(&["frobnicate"]);
    assert_eq!(code, 2);
}

/// Issue 8 item 1: a dot before exactly three digits after a non-zero
/// integer part reads as Danish thousands grouping; in every unit it is
/// refused with both readings, never read silently (`6.100` t. kr. used to be
/// read as 6,1 t. kr. and `check` passed).
#[test]
fn thousands_grouping_is_refused_in_every_unit() {
    let cases: [(&str, &str, &str); 4] = [
        (
            "t. kr.",
            "6.100",
            "6.100 is ambiguous: a dot before exactly three digits reads as a thousands separator; \
             write 6100 if you mean 6.100 t. kr., or 6.1 if you mean 6,1 t. kr.",
        ),
        (
            "kr.",
            "-325.000",
            "-325.000 is ambiguous: a dot before exactly three digits reads as a thousands separator; \
             write -325000 if you mean -325.000 kr., or -325 if you mean -325 kr.",
        ),
        (
            "mio. kr.",
            "1.325",
            "1.325 is ambiguous: a dot before exactly three digits reads as a thousands separator; \
             write 1325 if you mean 1.325 mio. kr., or 1.3250 if you mean 1,325 mio. kr.",
        ),
        (
            "t. kr.",
            "1.234.567",
            "\"1.234.567\": write amounts without thousands separators (1234567)",
        ),
    ];
    for (unit, amount, message) in cases {
        let yaml = format!(
            "titel: x\nenhed: {unit}\n\u{e5}r: [2026]\nkonti: {{service: {{navn: S}}}}\nbesparelseskrav:\n  service: {{2026: {amount}}}\n"
        );
        for cmd in ["report", "check"] {
            let (code, _, err) = run_on_yaml(&[cmd], yaml.as_bytes());
            assert_eq!(code, 2, "{cmd} {unit} {amount}: {err}");
            let first = err.lines().next().unwrap_or("");
            assert!(first.starts_with("s.yaml:6:"), "{first}");
            assert!(
                first.ends_with(&format!(": besparelseskrav.service.2026: {message}")),
                "{cmd}: {first}"
            );
        }
    }
    // Not ambiguous: a zero integer part, four decimals, four integer digits.
    for amount in ["0.325", "6.1000", "1234.5", "6.1"] {
        let yaml = format!(
            "titel: x\nenhed: mio. kr.\n\u{e5}r: [2026]\nkonti: {{service: {{navn: S}}}}\nbesparelseskrav:\n  service: {{2026: {amount}}}\n"
        );
        let (code, _, err) = run_on_yaml(&["check"], yaml.as_bytes());
        assert_eq!(code, 0, "{amount}: {err}");
    }
}
