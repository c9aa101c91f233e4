//! Output safety (issue 8, items 12-14 and 16): text the user wrote cannot
//! become a spreadsheet formula, a terminal escape or live Markdown/HTML;
//! table ids are unique; xlsx output is reproducible.

use crate::common::run_on_yaml;

/// Labels, titles and sources as an attacker or a careless user writes them.
const HOSTILE: &str = r#"titel: "=HYPERLINK(\"http://evil.example/x\",\"klik\")"
kilde: "@kilde"
enhed: mio. kr.
år: [2026]
konti:
  "a b": {navn: "Konto \u0000 6 \u001b[31mrød\u001b[0m <script>alert(1)</script>", kort: konto 6}
  "a-b": {navn: "[x](javascript:alert(1))"}
  "A_B": {navn: "+45 | to\nlinjer"}
dimensioner: {center: ["- frivillig nedsat tid", "=1+1"]}
besparelseskrav:
  "a b": {2026: 6.1}
  "a-b": {2026: 1}
  "A_B": {2026: 2}
realiserede_besparelser:
  "a b":
    initiativer:
      - {navn: "=HYPERLINK(\"http://evil.example/x\",\"klik\")", dimensioner: {center: "- frivillig nedsat tid"}, beløb: {2026: -2.5}}
      - {navn: "@SUM(A1)", dimensioner: {center: "=1+1"}, beløb: {2026: -1.5}}
"#;

/// Item 12: text cells beginning with `=`, `+`, `-`, `@` were written
/// verbatim (`=HYPERLINK(…)` became a live link; `- heraf …` is #NAVN? in
/// Danish Excel). Now they are prefixed with `'` in both CSV dialects, the
/// figures stay numbers, and verify reads the CSV back as the same table.
#[test]
fn csv_text_cells_cannot_be_formulas() {
    for (style, sep, minus) in [("danish", ';', "-2,5"), ("plain", ',', "-2.5")] {
        let (code, out, err) = run_on_yaml(
            &["report", "-f", "csv", "--csv-style", style],
            HOSTILE.as_bytes(),
        );
        assert_eq!(code, 0, "{err}");
        let lines: Vec<&str> = out.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(
            lines[0],
            "\"'=HYPERLINK(\"\"http://evil.example/x\"\",\"\"klik\"\")\""
        );
        assert_eq!(lines[1], "'@kilde");
        assert!(
            lines.contains(
                &format!(
                    "'- frivillig nedsat tid{sep}{minus}{sep}62{}5%",
                    if sep == ';' { ',' } else { '.' }
                )
                .as_str()
            ),
            "{out}"
        );
        assert!(
            lines.contains(
                &format!("'@SUM(A1){sep}-1{}5", if sep == ';' { ',' } else { '.' }).as_str()
            ),
            "{out}"
        );
        for line in &lines {
            assert!(
                !line.starts_with(['=', '+', '-', '@']) && !line.starts_with("\"="),
                "{line}"
            );
        }
    }
    // Read back: the same tables, judged without error.
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path().join("s.yaml");
    std::fs::write(&s, HOSTILE).unwrap();
    let csv = dir.path().join("r.csv");
    let (code, _, err) =
        crate::common::run(&["report", s.to_str().unwrap(), "-o", csv.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let (code, out, _) = crate::common::run(&["verify", csv.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    // The guard is read off: the label is the table's, and nothing is an error.
    assert!(out.contains("- frivillig nedsat tid"), "{out}");
    assert!(!out.contains("'- frivillig"), "{out}");
    assert!(out.contains(" 0 rounding, 0 errors, "), "{out}");
}

/// Item 13: a NUL in a label was written into text and CSV (and verify then
/// refused the tool's own output); ANSI and OSC-8 escapes reached the
/// terminal raw; Markdown passed `<script>` and `[x](javascript:…)`.
#[test]
fn control_characters_and_markup_are_inert_in_every_format() {
    for format in ["text", "markdown", "csv"] {
        let (code, out, err) = run_on_yaml(&["report", "-f", format], HOSTILE.as_bytes());
        assert_eq!(code, 0, "{err}");
        let raw = out
            .chars()
            .find(|&c| c.is_control() && c != '\n' && c != '\r');
        assert_eq!(raw, None, "{format}");
        assert!(
            out.contains(r"\u{1b}"),
            "{format}: the escape is shown, not sent"
        );
        assert!(
            !out.contains("to\nlinjer") && !out.contains("to\r\nlinjer"),
            "{format}"
        );
    }
    let (_, md, _) = run_on_yaml(&["report", "-f", "markdown"], HOSTILE.as_bytes());
    assert!(md.contains("### Konto \\u{0} 6 \\u{1b}\\[31mrød\\u{1b}\\[0m &lt;script&gt;alert(1)&lt;/script&gt;: besparelseskrav"), "{md}");
    assert!(md.contains("| \\[x\\](javascript:alert(1)) |  |"), "{md}");
    assert!(md.contains("| +45 \\| to linjer |  |"), "{md}");
    assert!(!md.contains("<script"));
    let (_, text, _) = run_on_yaml(&["report"], HOSTILE.as_bytes());
    // In the grid, `|` and `\` are escaped, so verify keeps the columns.
    assert!(text.contains("| +45 \\| to linjer "), "{text}");
    // JSON keeps the text exact (its own escaping is lossless).
    let (_, json, _) = run_on_yaml(&["report", "-f", "json"], HOSTILE.as_bytes());
    assert!(json.contains(r"Konto \u0000 6 \u001b[31mrød"), "{json}");
}

/// Item 15 (found by the hostile-label property): a konto named `|` gave
/// table titles `|: besparelseskrav …` that verify read as the first row of
/// the grid below, so the header was taken for figures (`2026 + 2028 =
/// 2029`, an error). Lines outside the grid that start with `|` or `+` are
/// written with a `\` before them; the report verifies without error.
#[test]
fn a_title_starting_with_a_pipe_is_not_read_as_a_row() {
    let yaml = r#"titel: "| titel"
kilde: "+ kilde"
enhed: mio. kr.
år: [2026, 2027, 2028]
konti:
  a: {navn: "|", kort: konto 6}
dimensioner: {center: ["Nord", "Syd"]}
besparelseskrav:
  a: {2026: 6.1, 2027: 7.2, 2028: 8.3}
realiserede_besparelser:
  a:
    initiativer:
      - {navn: "x", dimensioner: {center: "Nord"}, beløb: {2026: -2.5, 2027: -1.25, 2028: -3.75}}
      - {navn: "y", dimensioner: {center: "Syd"}, beløb: {2026: -1.5, 2027: -2.25, 2028: -0.75}}
"#;
    let (code, text, err) = run_on_yaml(&["report"], yaml.as_bytes());
    assert_eq!(code, 0, "{err}");
    assert!(text.starts_with("\\| titel\n\\+ kilde\n"), "{text}");
    assert!(text.contains("\n\\|: besparelseskrav"), "{text}");
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path().join("r.txt");
    std::fs::write(&r, &text).unwrap();
    let (code, out, _) = crate::common::run(&["verify", r.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(", 0 errors, "), "{out}");
    assert!(!out.contains("column 2"), "a header read as figures: {out}");
}

/// Item 14: konti `a b`, `a-b` and `A_B` all became `konto-a-b` in JSON.
#[test]
fn table_ids_are_unique_and_stable() {
    let ids = |json: &str| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        v["tables"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap().to_string())
            .collect()
    };
    let (code, json, _) = run_on_yaml(&["report", "-f", "json"], HOSTILE.as_bytes());
    assert_eq!(code, 0);
    let first = ids(&json);
    assert_eq!(&first[..3], ["konto-a-b", "konto-a-b-2", "konto-a-b-3"]);
    let mut unique = first.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), first.len(), "{first:?}");
    let (_, again, _) = run_on_yaml(&["report", "-f", "json"], HOSTILE.as_bytes());
    assert_eq!(ids(&again), first);
    // Two budgets of the same område and år.
    let budgets = "titel: x\nenhed: kr.\nbudgetter:\n  - {område: Tilbud, år: 2025, oprindeligt: 1}\n  - {område: Tilbud, år: 2025, oprindeligt: 2}\n";
    let (code, json, err) = run_on_yaml(&["report", "-f", "json"], budgets.as_bytes());
    assert_eq!(code, 0, "{err}");
    assert_eq!(ids(&json), ["budget-tilbud-2025", "budget-tilbud-2025-2"]);
}

/// Item 16: docProps/core.xml carried the wall clock; with
/// SOURCE_DATE_EPOCH two runs (a second apart) give identical bytes.
#[test]
fn xlsx_is_reproducible_with_source_date_epoch() {
    let dir = tempfile::tempdir().unwrap();
    let run = |name: &str| {
        let out = dir.path().join(name);
        let status = crate::common::sparekrav()
            .args([
                "report",
                crate::common::REFERENCE,
                "-o",
                out.to_str().unwrap(),
            ])
            .env("SOURCE_DATE_EPOCH", "1764633600")
            .output()
            .unwrap();
        assert!(status.status.success());
        std::fs::read(out).unwrap()
    };
    let a = run("a.xlsx");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let b = run("b.xlsx");
    assert!(a == b, "two runs differ");
}
