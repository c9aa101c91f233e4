//! `sparekrav verify` on the reference document (Randers, 2. december 2025),
//! its checks file, and the verdicts' exit codes.

use crate::common::run;

const DOC: &str = "tests/data/randers-2025-12-02.md";
const CHECKS: &str = "scenarios/randers-2025-12-02.checks.yaml";

fn lines_with<'a>(out: &'a str, needle: &str) -> Vec<&'a str> {
    out.lines().filter(|l| l.contains(needle)).collect()
}

#[test]
fn every_table_of_items_116_and_119_is_found_and_none_is_wrong() {
    let (code, out, err) = run(&["verify", DOC, "--no-text"]);
    assert_eq!((code, err.as_str()), (0, ""));
    let tables: Vec<&str> = out.lines().filter(|l| l.contains(": table ")).collect();
    assert_eq!(
        tables,
        vec![
            "tests/data/randers-2025-12-02.md:58: table \"Bevillingsansøgninger (mio. kr.)\"",
            "tests/data/randers-2025-12-02.md:122: table \"Konto 6 (service): 2026 | 2027 | 2028 | 2029\"",
            "tests/data/randers-2025-12-02.md:132: table \"Konto 6 (service): Realiserede besparelser 2026 | Andel\"",
            "tests/data/randers-2025-12-02.md:140: table \"Konto 6 (service): Realiserede besparelser 2026 | Andel\"",
        ]
    );
    assert_eq!(
        out.lines().last().unwrap(),
        "verify: 1 file, 4 tables, 20 relations: 13 exact, 6 rounding, 0 errors, 1 skipped"
    );
    assert!(!out.contains("ERROR"));
}

#[test]
fn the_published_tables_relation_by_relation() {
    let (_, out, _) = run(&["verify", DOC]);
    // Bevillingsansøgninger: -0,3 + 0,0 = -0,3; the Anlægsbevillinger column has no figures.
    assert_eq!(
        lines_with(&out, ":61: ")[..],
        [
            "tests/data/randers-2025-12-02.md:61: exact    I alt [2025]: sum of 2 rows: -0,3 + 0,0 = -0,3",
            "tests/data/randers-2025-12-02.md:61: exact    I alt [2026]: sum of 2 rows: 0,0 + 0,0 = 0,0",
            "tests/data/randers-2025-12-02.md:61: exact    I alt [2027]: sum of 2 rows: 0,0 + 0,0 = 0,0",
            "tests/data/randers-2025-12-02.md:61: exact    I alt [2028]: sum of 2 rows: 0,0 + 0,0 = 0,0",
            "tests/data/randers-2025-12-02.md:61: skipped  I alt [Anlægsbevillinger]: sum of 2 rows: no figures to add (-)",
        ]
    );
    // Konto 6: 15,9 - 6,1 = 9,8 and so on, exactly.
    assert_eq!(
        lines_with(&out, ":126: ")[1],
        "tests/data/randers-2025-12-02.md:126: exact    I alt konto 6 [2027]: sum of 2 rows: 15,9 - 6,1 = 9,8"
    );
    // The three centres: each share rounding, and 23,0 + 68,9 + 8,2 against 100,0 rounding.
    assert_eq!(
        lines_with(&out, ":142: ")[0],
        "tests/data/randers-2025-12-02.md:142: rounding Center for Job og Kompetencer [Andel]: share of \"I alt konto 6\": \
         -1,4 / -6,1 = 22,951% lies in [21,951; 23,967], 23,0% allows [22,95; 23,05]"
    );
    assert!(
        lines_with(&out, ":143: ")[0].contains(": rounding Center for Job og Udvikling [Andel]")
    );
    assert!(lines_with(&out, ":144: ")[0]
        .contains(": rounding Center for Virksomhedsservice og Rekruttering [Andel]"));
    assert_eq!(
        lines_with(&out, ":145: ")[..],
        [
            "tests/data/randers-2025-12-02.md:145: exact    I alt konto 6 [Realiserede besparelser 2026]: sum of 3 rows: \
             -1,4 - 4,2 - 0,5 = -6,1",
            "tests/data/randers-2025-12-02.md:145: rounding I alt konto 6 [Andel]: sum of 3 rows: 23,0% + 68,9% + 8,2% = \
             100,1% lies in [99,95; 100,25], 100,0% allows [99,95; 100,05]",
            "tests/data/randers-2025-12-02.md:145: exact    I alt konto 6 [Andel]: share of \"I alt konto 6\": -6,1 / -6,1 = 100,0%",
        ]
    );
}

#[test]
fn the_checks_file_judges_relations_from_the_running_text() {
    let (code, out, _) = run(&["verify", DOC, "--checks", CHECKS, "--no-text"]);
    assert_eq!(code, 0);
    assert!(out.contains(
        "scenarios/randers-2025-12-02.checks.yaml:5: exact    Punkt 119: konto 5 i 2026, indsats + overførsler: 7,5 + 2,3 = 9,8\n"
    ));
    assert!(out.contains(
        "scenarios/randers-2025-12-02.checks.yaml:11: rounding Punkt 116: samlede besparelser 2029, konto 6 + konto 5: \
         19,1 + 36,4 = 55,5 lies in [55,40; 55,60], 55,4 allows [55,35; 55,45]\n"
    ));
    assert!(out.contains(
        "scenarios/randers-2025-12-02.checks.yaml:21: rounding Punkt 116: årets forventede resultat inkl. overførsler: \
         0,1 + 3,5 + 1,5 = 5,1 lies in [4,95; 5,25], 5,0 allows [4,95; 5,05]\n"
    ));
    assert!(out.contains("checks.yaml:13: exact    Punkt 119: sigtelinje mod besparelseskrav, ØVO-buffer: 8,6 - 7,5 = 1,1\n"));
    assert!(out.ends_with(
        "verify: 2 files, 4 tables, 33 relations: 22 exact, 10 rounding, 0 errors, 1 skipped\n"
    ));
}

#[test]
fn json_output() {
    let (code, out, _) = run(&[
        "verify",
        DOC,
        "--checks",
        CHECKS,
        "--format",
        "json",
        "--no-text",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["summary"],
        serde_json::json!({"exact": 22, "rounding": 10, "error": 0, "skipped": 1,
            "skipped_by_reason": {"no figure (-)": 1}, "consequences": 0,
            "files": 2, "tables": 4, "nothing_judged": [], "not_understood": 0})
    );
    let checks = v["checks"].as_array().unwrap();
    assert_eq!(checks.len(), 33);
    let mut c = checks
        .iter()
        .find(|c| c["relation"] == "19,1 + 36,4 = 55,4")
        .unwrap()
        .clone();
    // The structured evidence and the place, next to the fields of old.
    let fields = c.as_object_mut().unwrap();
    let evidence = fields.remove("evidence").unwrap();
    assert_eq!(fields.remove("loc"), Some(serde_json::json!("11")));
    assert_eq!(evidence["kind"], "sum");
    assert_eq!(evidence["value"], "55.5");
    assert_eq!(evidence["range"], serde_json::json!(["55.40", "55.60"]));
    assert_eq!(evidence["expected"], serde_json::json!(["55.35", "55.45"]));
    assert_eq!(evidence["figures"][0]["text"], "19,1");
    assert_eq!(
        c,
        serde_json::json!({
            "file": CHECKS,
            "line": 11,
            "table": "Punkt 116: samlede besparelser 2029, konto 6 + konto 5",
            "relation": "19,1 + 36,4 = 55,4",
            "verdict": "rounding",
            "detail": "19,1 + 36,4 = 55,5 lies in [55,40; 55,60], 55,4 allows [55,35; 55,45]"
        })
    );
    assert_eq!(checks[0]["table"], "Bevillingsansøgninger (mio. kr.)");
    assert_eq!(checks[0]["line"], 61);
    assert_eq!(checks[0]["verdict"], "exact");
}

#[test]
fn strict_fails_on_rounding() {
    let (code, _, _) = run(&["verify", "--strict", DOC]);
    assert_eq!(code, 1);
}

#[test]
fn a_wrong_total_is_an_error_with_what_it_should_be() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("sag.txt");
    std::fs::write(
        &doc,
        "Tabellen viser økonomien.\n\nMio. kr.\t2026\t2027\nBesparelseskrav\t6,1\t15,9\nRealiserede besparelser\t-6,1\t-6,1\nI alt konto 6\t0,0\t9,6\n",
    )
    .unwrap();
    let (code, out, _) = run(&["verify", doc.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.contains(
        "sag.txt:6: ERROR    I alt konto 6 [2027]: sum of 2 rows: 15,9 - 6,1 = 9,8, not 9,6: the true sum lies in \
         [9,70; 9,90], which 9,6 (allowing [9,55; 9,65]) cannot reach; it should read 9,8\n"
    ));
    assert!(out.ends_with(
        "verify: 1 file, 1 table, 2 relations: 1 exact, 0 rounding, 1 error, 0 skipped\n"
    ));
}

#[test]
fn unreadable_input_is_exit_2() {
    let (code, out, err) = run(&["verify", "does/not/exist.md"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(err.trim_end(), "does/not/exist.md: no such file");
    let (code, _, err) = run(&["verify", "tests"]);
    assert_eq!(code, 2);
    assert_eq!(err.trim_end(), "tests: is a directory, not a file");
    let (code, _, err) = run(&["verify", DOC, "--checks", "does/not/exist.yaml"]);
    assert_eq!(code, 2);
    assert_eq!(err.trim_end(), "does/not/exist.yaml: no such file");
}

#[test]
fn a_checks_file_with_an_unreadable_relation_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let checks = dir.path().join("c.yaml");
    std::fs::write(
        &checks,
        "kontroller:\n  - relation: \"7,5 + 2,3\"\n  - relation: \"7,5 + x = 9,8\"\n",
    )
    .unwrap();
    let (code, _, err) = run(&["verify", DOC, "--checks", checks.to_str().unwrap()]);
    assert_eq!(code, 2);
    let shown = checks.display().to_string();
    assert_eq!(
        err.trim_end().replace(&shown, "c.yaml"),
        "c.yaml:2: \"7,5 + 2,3\": a relation has exactly one `=`\n\
         c.yaml:3: \"x\" is not a Danish number such as -6,1 or 57,4%"
    );
}
