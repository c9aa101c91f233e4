//! Bad scenario files: each gives one clear message with file, line, column and
//! key path, exit code 2, and no panic.

mod common;

use common::run_on_yaml;

const HEAD: &str =
    "titel: x\nenhed: mio. kr.\når: [2026, 2027]\nkonti: {service: {navn: Konto 6 (service)}}\n";

/// Runs `report` on HEAD + `body` and returns the error text; asserts exit 2 and no output.
fn error_of(body: &str) -> String {
    let yaml = format!("{HEAD}{body}");
    let (code, out, err) = run_on_yaml(&["report"], yaml.as_bytes());
    assert_eq!(code, 2, "stdout: {out}\nstderr: {err}");
    assert_eq!(out, "");
    assert!(!err.contains("panicked"), "{err}");
    err.trim_end().to_string()
}

#[test]
fn non_number_where_an_amount_belongs() {
    assert_eq!(
        error_of("besparelseskrav:\n  service: {2026: abc}\n"),
        "s.yaml:6:19: besparelseskrav.service.2026: expected an amount (a plain decimal number such as -6.1), found \"abc\""
    );
}

#[test]
fn unknown_key_is_rejected() {
    assert_eq!(
        error_of("besparelseskrav:\n  service: {2026: 1}\nsigtelinjer:\n  - konto: service\n    år: 2026\n    beløb: 1\n    tekts: typo\n"),
        "s.yaml:11:5: sigtelinjer[0]: unknown field `tekts`, expected one of `konto`, `år`, `beløb`, `tekst`"
    );
}

#[test]
fn undefined_konto() {
    assert_eq!(
        error_of("besparelseskrav:\n  servic: {2026: 1}\n"),
        "s.yaml:6:3: besparelseskrav.servic: unknown konto \"servic\"; defined konti: service"
    );
}

#[test]
fn undefined_center() {
    assert_eq!(
        error_of(
            "dimensioner: {center: [Nord, Syd]}\nrealiserede_besparelser:\n  service:\n    fordelinger:\n      center:\n        Vest: {2026: -1}\n"
        ),
        "s.yaml:10:9: realiserede_besparelser.service.fordelinger.center.Vest: undefined center \"Vest\"; defined: Nord, Syd"
    );
}

#[test]
fn year_outside_the_scenario() {
    assert_eq!(
        error_of("besparelseskrav:\n  service: {2026: 1, 2031: 2}\n"),
        "s.yaml:6:22: besparelseskrav.service.2031: year 2031 is not one of the scenario's years (2026, 2027)"
    );
}

#[test]
fn year_given_as_text() {
    assert_eq!(
        error_of("besparelseskrav:\n  service: {toogtyve: 1}\n"),
        "s.yaml:6:13: besparelseskrav.service: expected a year such as 2026, found \"toogtyve\""
    );
}

#[test]
fn duplicate_key() {
    assert_eq!(
        error_of("besparelseskrav:\n  service:\n    2026: 1\n    2026: 2\n"),
        "s.yaml:8:5: besparelseskrav.service.2026: duplicate key \"2026\" (first at line 7)"
    );
    // A duplicate top-level key is caught the same way (serde would keep the last one).
    let (code, _, err) = run_on_yaml(&["report"], b"titel: a\ntitel: b\nenhed: kr.\n");
    assert_eq!(code, 2);
    assert_eq!(
        err.trim_end(),
        "s.yaml:2:1: titel: duplicate key \"titel\" (first at line 1)"
    );
}

#[test]
fn more_decimals_than_the_unit_allows() {
    let (code, _, err) = run_on_yaml(
        &["report"],
        b"titel: x\nenhed: kr.\n\xc3\xa5r: [2026]\nkonti: {service: {navn: S}}\nbesparelseskrav:\n  service: {2026: -0.125}\n",
    );
    assert_eq!(code, 2);
    assert_eq!(
        err.trim_end(),
        "s.yaml:6:13: besparelseskrav.service.2026: -0.125 has 3 decimals, more than kr. allows (2: whole øre)"
    );
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

#[test]
fn nan_infinity_exponent_and_huge_amounts() {
    assert_eq!(
        error_of("besparelseskrav:\n  service: {2026: .nan}\n"),
        "s.yaml:6:19: besparelseskrav.service.2026: \".nan\" is not an amount: NaN and infinity are not money"
    );
    assert_eq!(
        error_of("besparelseskrav:\n  service: {2026: .inf}\n"),
        "s.yaml:6:19: besparelseskrav.service.2026: \".inf\" is not an amount: NaN and infinity are not money"
    );
    assert_eq!(
        error_of("besparelseskrav:\n  service: {2026: 1e400}\n"),
        "s.yaml:6:19: besparelseskrav.service.2026: \"1e400\": write amounts as plain decimals, not in exponent notation"
    );
    assert_eq!(
        error_of("besparelseskrav:\n  service: {2026: 123456789012345678901234567890}\n"),
        "s.yaml:6:19: besparelseskrav.service.2026: \"123456789012345678901234567890\" has more digits than an exact \
         amount can hold (28 significant digits)"
    );
}

#[test]
fn decimal_comma_gets_a_hint() {
    assert_eq!(
        error_of("besparelseskrav:\n  service: {2026: \"6,1\"}\n"),
        "s.yaml:6:19: besparelseskrav.service.2026: \"6,1\": use a decimal point in scenario files (6.1), not a decimal comma"
    );
}

#[test]
fn missing_required_field() {
    let (code, _, err) = run_on_yaml(&["report"], b"titel: x\n");
    assert_eq!(code, 2);
    assert_eq!(err.trim_end(), "s.yaml:1:1: missing field `enhed`");
}

#[test]
fn unknown_unit() {
    let (code, _, err) = run_on_yaml(&["report"], b"titel: x\nenhed: euro\n");
    assert_eq!(code, 2);
    assert_eq!(
        err.trim_end(),
        "s.yaml:2:8: enhed: expected a unit (kr., t. kr. or mio. kr.), found \"euro\""
    );
}

#[test]
fn several_semantic_errors_are_all_listed() {
    let err = error_of("besparelseskrav:\n  servic: {2026: 1}\n  service: {2030: 1}\n");
    assert_eq!(
        err,
        "s.yaml:6:3: besparelseskrav.servic: unknown konto \"servic\"; defined konti: service\n\
         s.yaml:7:13: besparelseskrav.service.2030: year 2030 is not one of the scenario's years (2026, 2027)"
    );
}

#[test]
fn empty_file() {
    let (code, _, err) = run_on_yaml(&["report"], b"");
    assert_eq!(code, 2);
    assert_eq!(
        err.trim_end(),
        "s.yaml: empty file: a scenario needs at least `titel` and `enhed`"
    );
}

#[test]
fn missing_file_and_directory() {
    let (code, _, err) = common::run(&["report", "does/not/exist.yaml"]);
    assert_eq!(code, 2);
    assert_eq!(err.trim_end(), "does/not/exist.yaml: no such file");
    let (code, _, err) = common::run(&["report", "scenarios"]);
    assert_eq!(code, 2);
    assert_eq!(err.trim_end(), "scenarios: is a directory, not a file");
}

#[test]
fn non_utf8_bytes() {
    let (code, _, err) = run_on_yaml(
        &["report"],
        b"titel: \"Besk\xc3\xa6ftigelse\"\nenhed: kr.\nkilde: \xff\xfe\n",
    );
    assert_eq!(code, 2);
    assert_eq!(
        err.trim_end(),
        "s.yaml:3: not UTF-8 text (invalid byte at offset 42); save the file as UTF-8"
    );
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, err) = common::run(&["report"]);
    assert_eq!(code, 2);
    assert!(err.contains("<SCENARIO>"), "{err}");
    let (code, _, _) = common::run(&["report", common::REFERENCE, "--unit", "euro"]);
    assert_eq!(code, 2);
    let (code, _, _) = common::run(&["frobnicate"]);
    assert_eq!(code, 2);
}
