//! `sparekrav check`: exit 0 when every reconciliation holds, 1 when one
//! fails (saying which and by how much), 2 on bad input.

use crate::common::{run, run_on_yaml, REFERENCE};

#[test]
fn reference_case_reconciles() {
    let (code, out, err) = run(&["check", REFERENCE]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "check: 1 file, 3 reconciliations hold, 0 failed, 0 skipped\n"
    );
    let (code, out, _) = run(&["check", "--verbose", REFERENCE]);
    assert_eq!(code, 0);
    assert!(out.contains(
        "scenarios/randers-2025-12-02.yaml:55:7: realiserede_besparelser.service.fordelinger.center: \
         2026: the sum of the breakdown by center is -6,1 mio. kr., equal to i_alt (holds)"
    ));
}

const BROKEN: &str = "titel: x
enhed: mio. kr.
år: [2026, 2027]
konti: {service: {navn: S}}
dimensioner: {center: [Nord, Syd]}
realiserede_besparelser:
  service:
    i_alt: {2026: -6.1, 2027: -6.1}
    fordelinger:
      center:
        Nord: {2026: -1.4}
        Syd: {2026: -4.6}
bevillingsansøgninger:
  enhed: kr.
  år: [2025]
  områder: [Indkomstoverførsler]
  ansøgninger:
    - tekst: flyt
      område: Indkomstoverførsler
      år: 2025
      flytning: {Kontanthjælp: -5000000, Integration: 4999000}
budgetter:
  - område: Tilbudsviften
    år: 2025
    oprindeligt: 84.8
    ændringer: [{tekst: maj, beløb: -9.9}]
    korrigeret: 75.0
";

#[test]
fn failures_say_which_and_by_how_much() {
    let (code, out, err) = run_on_yaml(&["check"], BROKEN.as_bytes());
    assert_eq!(code, 1, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        vec![
            "s.yaml:10:7: realiserede_besparelser.service.fordelinger.center: 2026: the sum of the breakdown by center \
             is -6,0 mio. kr. but i_alt is -6,1 mio. kr.: off by 0,1 mio. kr.",
            "s.yaml:21:7: bevillingsansøgninger.ansøgninger[0].flytning: Indkomstoverførsler 2025: Kontanthjælp \
             -5.000.000 kr. and Integration 4.999.000 kr. net to -1.000 kr., not 0 kr.",
            "s.yaml:27:5: budgetter[0].korrigeret: Tilbudsviften 2025: korrigeret is 75,0 mio. kr. but oprindeligt \
             84,8 mio. kr. − 9,9 mio. kr. (ændringer) = 74,9 mio. kr.: off by 0,1 mio. kr.",
            "check: 1 file, 0 reconciliations hold, 3 failed, 0 skipped",
        ]
    );
}

#[test]
fn json_output_for_ci() {
    let (code, out, _) = run_on_yaml(&["check", "--format", "json"], BROKEN.as_bytes());
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["summary"],
        serde_json::json!({"files": 1, "holds": 0, "fails": 3, "skipped": 0, "input_errors": 0, "warnings": 0})
    );
    let first = &v["findings"][0];
    assert_eq!(first["status"], "fails");
    assert_eq!(first["pass"], "realiseret");
    assert_eq!(first["line"], 10);
    assert_eq!(first["column"], 7);
    assert_eq!(
        first["path"],
        "realiserede_besparelser.service.fordelinger.center"
    );
}

#[test]
fn partly_unknown_breakdown_is_skipped_not_passed() {
    let yaml = "titel: x\nenhed: mio. kr.\når: [2026]\nkonti: {s: {navn: S}}\ndimensioner: {center: [A, B]}\n\
                realiserede_besparelser:\n  s:\n    i_alt: {2026: -2}\n    fordelinger:\n      center:\n        \
                A: {2026: -1}\n        B: {2026: ~}\n";
    let (code, out, _) = run_on_yaml(&["check"], yaml.as_bytes());
    assert_eq!(code, 0);
    assert!(out.contains(
        "realiserede_besparelser.s.fordelinger.center: 2026: the sum of the breakdown by center has unknown parts, so it cannot \
         be reconciled (skipped)"
    ));
    assert!(out.ends_with("check: 1 file, 0 reconciliations hold, 0 failed, 1 skipped\n"));
}

#[test]
fn bad_input_among_several_files_is_exit_2_and_hides_nothing() {
    // The good file is still checked and its findings shown; the bad one is
    // reported on stderr; bad input wins the exit code.
    let (code, out, err) = run(&["check", REFERENCE, "does/not/exist.yaml"]);
    assert_eq!(code, 2);
    assert_eq!(
        out,
        "check: 2 files, 3 reconciliations hold, 0 failed, 0 skipped, 1 input error\n"
    );
    assert_eq!(err.trim_end(), "does/not/exist.yaml: no such file");
    let (code, out, err) = run(&[
        "check",
        "--format",
        "json",
        REFERENCE,
        "does/not/exist.yaml",
    ]);
    assert_eq!((code, err.as_str()), (2, ""));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["input_errors"],
        serde_json::json!([{"file": "does/not/exist.yaml", "line": null, "column": null, "path": null, "message": "no such file"}])
    );
    assert_eq!(v["summary"]["holds"], 3);
}

#[test]
fn report_prints_the_tables_but_fails_on_a_scenario_that_does_not_reconcile() {
    let (code, out, err) = run_on_yaml(&["report"], BROKEN.as_bytes());
    assert_eq!(code, 1);
    assert!(out.contains("I alt"), "the tables are still printed");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 4, "{err}");
    assert_eq!(
        lines[0],
        "s.yaml:10:7: realiserede_besparelser.service.fordelinger.center: warning: 2026: the sum of the breakdown \
         by center is -6,0 mio. kr. but i_alt is -6,1 mio. kr.: off by 0,1 mio. kr."
    );
    assert_eq!(
        lines[3],
        "report: 3 reconciliations fail: these tables do not agree with each other (see `sparekrav check`)"
    );
}

/// Issue 8 item 4: a sign flip (negative besparelseskrav, positive realized
/// savings) gave no word, and an initiative without the center the others
/// give silently removed every table by center. Now each is a warning naming
/// the key path: exit 0, and 1 under --strict, in check and report alike.
#[test]
fn sign_flips_and_a_missing_dimension_tag_are_warned() {
    let yaml = "titel: x\nenhed: mio. kr.\når: [2026]\nkonti: {service: {navn: S}}\ndimensioner: {center: [A, B]}\n\
                besparelseskrav:\n  service: {2026: -6.1}\nrealiserede_besparelser:\n  service:\n    initiativer:\n      \
                - {navn: Et, dimensioner: {center: A}, beløb: {2026: 2.5}}\n      \
                - {navn: To, beløb: {2026: -1}}\n";
    let warnings = [
        "s.yaml:7:13: besparelseskrav.service.2026: warning: besparelseskrav is negative (-6.100.000 kr.); \
         a savings requirement is written positive (the amount that must be found). A sign flip?",
        "s.yaml:11:54: realiserede_besparelser.service.initiativer[0].beløb.2026: warning: realized savings are \
         positive (2.500.000 kr.); realized savings are written negative (they reduce spending). A sign flip?",
        "s.yaml:12:9: realiserede_besparelser.service.initiativer[1]: warning: initiative \"To\" has no center \
         (1 of the 2 initiatives give one), so the tables by center are left out",
    ];
    let (code, out, err) = run_on_yaml(&["check"], yaml.as_bytes());
    assert_eq!(code, 0);
    assert_eq!(err.lines().collect::<Vec<_>>(), warnings);
    assert_eq!(
        out,
        "check: 1 file, 0 reconciliations hold, 0 failed, 0 skipped, 3 warnings\n"
    );
    let (code, _, _) = run_on_yaml(&["check", "--strict"], yaml.as_bytes());
    assert_eq!(code, 1);
    let (code, out, err) = run_on_yaml(&["report"], yaml.as_bytes());
    assert_eq!(code, 0);
    assert!(out.contains("Implementering") || !out.is_empty());
    assert_eq!(err.lines().collect::<Vec<_>>(), warnings);
    let (code, out, err) = run_on_yaml(&["report", "--strict"], yaml.as_bytes());
    assert_eq!(code, 1);
    assert!(!out.is_empty(), "the tables are still written");
    assert_eq!(err.lines().last(), Some("report: 3 warnings (--strict)"));
    // The reference case and the example give no warning.
    for s in [REFERENCE, "scenarios/eksempel-initiativer.yaml"] {
        let (code, _, err) = crate::common::run(&["check", "--strict", s]);
        assert_eq!((code, err.as_str()), (0, ""), "{s}");
    }
}

/// Issue 8: the summary said `1 fails`. One failing reconciliation and two
/// read `1 failed` and `2 failed` (like `0 skipped`).
#[test]
fn the_summary_counts_one_and_two_failures_in_words_that_agree() {
    let budget = |korrigeret: &str| {
        format!(
            "  - {{område: Tilbudsviften, år: 2025, oprindeligt: 84.8, ændringer: [{{tekst: maj, beløb: -9.9}}], korrigeret: {korrigeret}}}\n"
        )
    };
    let head = "titel: x\nenhed: mio. kr.\når: [2025]\nbudgetter:\n";
    let one = format!("{head}{}", budget("75.0"));
    let (code, out, _) = run_on_yaml(&["check"], one.as_bytes());
    assert_eq!(code, 1);
    assert!(
        out.ends_with("check: 1 file, 0 reconciliations hold, 1 failed, 0 skipped\n"),
        "{out}"
    );
    let two = format!(
        "{head}{}{}",
        budget("75.0"),
        budget("75.1").replace("Tilbudsviften", "Service")
    );
    let (code, out, _) = run_on_yaml(&["check"], two.as_bytes());
    assert_eq!(code, 1);
    assert!(
        out.ends_with("check: 1 file, 0 reconciliations hold, 2 failed, 0 skipped\n"),
        "{out}"
    );
    let ok = format!("{head}{}", budget("74.9"));
    let (code, out, _) = run_on_yaml(&["check"], ok.as_bytes());
    assert_eq!(code, 0);
    assert!(
        out.ends_with("check: 1 file, 1 reconciliation holds, 0 failed, 0 skipped\n"),
        "{out}"
    );
}
