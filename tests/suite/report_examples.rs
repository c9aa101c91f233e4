//! The bundled example scenarios: each reports and checks cleanly.

use crate::common::{cells, run, text_table};

const EXAMPLE: &str = "scenarios/eksempel-initiativer.yaml";

#[test]
fn initiatives_are_listed_and_broken_down() {
    let (code, out, err) = run(&["report", EXAMPLE]);
    assert_eq!((code, err.as_str()), (0, ""));
    let t = text_table(
        &out,
        "Konto 6 (service): realiserede besparelser pr. initiativ",
    );
    assert_eq!(
        cells(&t)[2],
        vec![
            "Færre stillinger i rehabiliteringsteamet",
            "-2,5",
            "-2,5",
            "-2,5",
            "-2,5"
        ]
    );
    // Each initiative rounds to its own figure; the total is summed exactly
    // (-2,45 - 1,75 - 1,05 - 0,35 - 0,5 = -6,1), not from the rounded rows.
    assert_eq!(
        cells(&t)[7],
        vec!["I alt konto 6", "-6,1", "-6,1", "-6,1", "-6,1"]
    );
    let t = text_table(
        &out,
        "Konto 6 (service): realiserede besparelser 2026-2029 fordelt på kategori",
    );
    // One table with the years as columns, each with its share.
    assert_eq!(
        cells(&t)[0],
        vec![
            "Mio. kr.",
            "2026",
            "Andel 2026",
            "2027",
            "Andel 2027",
            "2028",
            "Andel 2028",
            "2029",
            "Andel 2029"
        ]
    );
    assert_eq!(
        cells(&t)[2..],
        vec![
            vec![
                "Medarbejdere",
                "-3,5",
                "57,4%",
                "-3,5",
                "57,4%",
                "-3,5",
                "57,4%",
                "-3,5",
                "57,4%"
            ],
            vec![
                "Reducerede udgifter",
                "-2,6",
                "42,6%",
                "-2,6",
                "42,6%",
                "-2,6",
                "42,6%",
                "-2,6",
                "42,6%"
            ],
            vec![
                "I alt konto 6",
                "-6,1",
                "100,0%",
                "-6,1",
                "100,0%",
                "-6,1",
                "100,0%",
                "-6,1",
                "100,0%"
            ],
        ]
    );
    // 2 dimensions: 2 share tables, not one per year (8).
    assert_eq!(out.matches("fordelt på").count(), 2);
}

#[test]
fn every_bundled_scenario_checks_clean() {
    for entry in std::fs::read_dir(crate::common::root().join("scenarios")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.to_string_lossy().to_string();
        if !name.ends_with(".yaml") || name.ends_with(".checks.yaml") {
            continue;
        }
        let (code, out, err) = run(&["check", &name]);
        assert_eq!(code, 0, "{name}: {out}{err}");
        assert!(out.contains(" 0 failed"), "{out}");
    }
}
