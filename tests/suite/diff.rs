//! `sparekrav diff OLD NEW`: the two follow-ups in `scenarios/` show exactly
//! the changed cells; standard input; formats; exit codes; and the
//! properties `diff A A` shows nothing, `diff A B` changes are B − A.

use crate::common::{cells, root, run, sparekrav, text_table};

const MAY: &str = "scenarios/randers-opfoelgning-2025-05-31.yaml";
const SEPTEMBER: &str = "scenarios/randers-opfoelgning-2025-09-30.yaml";
const MAIN: &str =
    "Budgetopfølgning pr. 30. september 2025: Beskæftigelse, integration og ydelser (budgetår 2025)";

#[test]
fn may_against_september_shows_exactly_the_changed_cells() {
    let (code, out, err) = run(&["diff", MAY, SEPTEMBER]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.starts_with(&format!(
        "Ændringer: {MAY} → {SEPTEMBER}\n20 ændrede celler i 3 tabeller\n"
    )));
    assert_eq!(
        cells(&text_table(&out, MAIN)),
        vec![
            vec!["Mio. kr.", "Før", "Efter", "Ændring"],
            vec!["I alt Servicerammen, Korrigeret budget", "-", "137,8", "-"],
            vec!["I alt Servicerammen, Forventet regnskab", "-", "137,7", "-"],
            vec![
                "I alt Servicerammen, Overført fra sidste år",
                "-1,5",
                "-7,2",
                "-5,7"
            ],
            vec![
                "I alt Servicerammen, Resultat inkl. overførsler",
                "-1,6",
                "-7,3",
                "-5,7"
            ],
            vec!["Tilbudsviften, Tillægsbevillinger", "0,0", "-9,9", "-9,9"],
            vec!["Tilbudsviften, Korrigeret budget", "84,8", "74,9", "-9,9"],
            vec!["Tilbudsviften, Afvigelse", "-9,9", "0,0", "9,9"],
            vec![
                "Kontanthjælp og ledighedsydelse, Afvigelse",
                "-",
                "-4,0",
                "-"
            ],
            vec!["Førtidspension, Afvigelse", "-", "4,0", "-"],
            vec!["I alt Indkomstoverførsler, Afvigelse", "-", "-3,5", "-"],
            vec!["Indkomstoverførsler, Afvigelse", "-3,5", "-", "-"],
        ]
    );
    for note in [
        "Rækken \"Indkomstoverførsler: Kontanthjælp og ledighedsydelse\": kun i den nye version",
        "Rækken \"Indkomstoverførsler: A-dagpenge\": kun i den nye version",
        "Rækken \"Indkomstoverførsler\": kun i den gamle version",
        "Tabellen: kun i den nye version",
    ] {
        assert!(out.lines().any(|l| l == note), "{note}\n{out}");
    }
    assert_eq!(
        cells(&text_table(
            &out,
            "Budgetopfølgning pr. 30. september 2025: Beskæftigelse, integration og ydelser: service og overførsler i alt"
        ))
        .last()
        .unwrap(),
        &vec!["I alt, Afvigelse", "-13,5", "-3,6", "9,9"]
    );
}

#[test]
fn a_scenario_against_itself_shows_nothing() {
    for s in [MAY, SEPTEMBER, crate::common::REFERENCE] {
        let (code, out, err) = run(&["diff", s, s]);
        assert_eq!((code, err.as_str()), (0, ""));
        assert_eq!(out, format!("Ændringer: {s} → {s}\nIngen ændringer\n"));
    }
}

#[test]
fn all_shows_unchanged_cells_too() {
    let (code, out, _) = run(&["diff", "--all", SEPTEMBER, SEPTEMBER]);
    assert_eq!(code, 0);
    let t = text_table(&out, "Forventet regnskab: ændring siden 31. maj 2025");
    assert_eq!(
        cells(&t),
        vec![
            vec!["Mio. kr.", "Før", "Efter", "Ændring"],
            vec!["A-dagpenge", "-5,0", "-5,0", "0,0"],
        ]
    );
}

#[test]
fn old_version_from_standard_input() {
    let old = std::fs::read(root().join(MAY)).unwrap();
    let out = sparekrav()
        .args(["diff", "-", SEPTEMBER])
        .write_stdin(old)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with(&format!(
        "Ændringer: <stdin> → {SEPTEMBER}\n20 ændrede celler i 3 tabeller\n"
    )));
    let (code, _, err) = run(&["diff", "-", "-"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "sparekrav: error: only one of OLD and NEW can be read from standard input (-)\n"
    );
}

#[test]
fn bad_input_exits_2_and_names_both_files() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, "titel: x\nenhed: euro\n").unwrap();
    let (code, out, err) = run(&["diff", bad.to_str().unwrap(), "does/not/exist.yaml"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains("bad.yaml:2:8: enhed: expected a unit"),
        "{err}"
    );
    assert!(err.contains("does/not/exist.yaml: no such file"), "{err}");
}

#[test]
fn every_format_carries_the_same_changes() {
    let (code, md, _) = run(&["diff", "--format", "markdown", MAY, SEPTEMBER]);
    assert_eq!(code, 0);
    assert!(
        md.contains("| Tilbudsviften, Korrigeret budget | 84,8 | 74,9 | -9,9 |"),
        "{md}"
    );
    let (code, csv, _) = run(&[
        "diff",
        "--format",
        "csv",
        "--csv-style",
        "plain",
        MAY,
        SEPTEMBER,
    ]);
    assert_eq!(code, 0);
    assert!(
        csv.contains("\"Tilbudsviften, Korrigeret budget\",84.8,74.9,-9.9\r\n"),
        "{csv}"
    );
    let (code, json, _) = run(&["diff", "--format", "json", MAY, SEPTEMBER]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let table = v["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "diff-budgetopfoelgning-2025")
        .unwrap();
    let row = table["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["label"] == "Tilbudsviften, Korrigeret budget")
        .unwrap();
    assert_eq!(row["cells"][0]["kroner"], "84800000");
    assert_eq!(row["cells"][1]["kroner"], "74900000");
    assert_eq!(row["cells"][2]["kroner"], "-9900000");
    // Absent on one side is not the same as unknown.
    let row = table["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["label"] == "Førtidspension, Afvigelse")
        .unwrap();
    assert_eq!(row["cells"][0]["kind"], "not_applicable");
}

mod properties {
    use crate::scenario_gen::{scenario, GenScenario};
    use proptest::prelude::*;
    use sparekrav::diff::diff;
    use sparekrav::input::read_scenario_str;
    use sparekrav::money::{Decimal, Unit};
    use sparekrav::report::build;
    use sparekrav::table::{Cell, Lang, Table};

    fn tables(yaml: &str) -> Vec<Table> {
        let s = read_scenario_str("s.yaml", yaml).expect("generated scenario reads");
        build(&s.scenario, Lang::Da).expect("no overflow")
    }

    fn maybe() -> impl Strategy<Value = Option<Decimal>> {
        proptest::option::of((-1_000_000_000i64..1_000_000_000).prop_map(|o| Decimal::new(o, 2)))
    }

    /// A follow-up with some figures known and some not, in kr.
    fn followup() -> impl Strategy<Value = String> {
        proptest::collection::vec((maybe(), maybe(), maybe(), maybe()), 1..4).prop_map(|parts| {
            let mut s = "budgetopfølgning:\n  år: 2025\n  dele:\n".to_string();
            for (i, (k, f, a, o)) in parts.iter().enumerate() {
                s.push_str(&format!("    - navn: Del {i}\n      art: service\n"));
                for (key, v) in [
                    ("korrigeret", k),
                    ("forventet", f),
                    ("afvigelse", a),
                    ("overført", o),
                ] {
                    if let Some(v) = v {
                        s.push_str(&format!("      {key}: {v}\n"));
                    }
                }
            }
            s
        })
    }

    fn check(a: &[Table], b: &[Table]) -> Result<usize, TestCaseError> {
        let d = diff(a, b).unwrap();
        let mut changed = 0;
        for t in &d {
            for c in &t.cells {
                match (c.old, c.new) {
                    (Cell::Amount(x), Cell::Amount(y)) | (Cell::Share(x), Cell::Share(y)) => {
                        let want = if matches!(c.old, Cell::Amount(_)) {
                            Cell::Amount(y - x)
                        } else {
                            Cell::Share(y - x)
                        };
                        prop_assert_eq!(c.change, want);
                        prop_assert_eq!(c.changed, x != y);
                    }
                    (x, y) => prop_assert_eq!(
                        c.changed,
                        x != y
                            && !matches!(
                                (x, y),
                                (Cell::Unknown, Cell::NotApplicable)
                                    | (Cell::NotApplicable, Cell::Unknown)
                            )
                    ),
                }
                changed += usize::from(c.changed);
            }
        }
        // Every cell of the new version's tables is compared.
        for tb in b {
            let td = d.iter().find(|t| t.id == tb.id);
            prop_assert!(td.is_some(), "table {} not compared", tb.id);
            let td = td.unwrap();
            for r in tb
                .rows
                .iter()
                .filter(|r| r.kind != sparekrav::table::RowKind::Section)
            {
                for (col, cell) in tb.columns.iter().zip(&r.cells) {
                    if *cell == Cell::Blank {
                        continue;
                    }
                    prop_assert!(
                        td.cells
                            .iter()
                            .any(|c| c.row == r.label && c.column == col.label && c.new == *cell),
                        "{} / {} / {} not compared",
                        tb.id,
                        r.label,
                        col.label
                    );
                }
            }
        }
        Ok(changed)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn diff_of_a_scenario_with_itself_shows_nothing(g in scenario(), f in followup()) {
            let t = tables(&format!("{}{f}", g.yaml(Unit::Kr)));
            let d = diff(&t, &t).unwrap();
            prop_assert!(d.iter().all(|t| !t.has_changes()));
            prop_assert_eq!(check(&t, &t)?, 0);
        }

        #[test]
        fn diff_changes_are_exactly_new_minus_old(a in scenario(), b in scenario(), fa in followup(), fb in followup()) {
            let ta = tables(&format!("{}{fa}", a.yaml(Unit::Kr)));
            let tb = tables(&format!("{}{fb}", b.yaml(Unit::Kr)));
            check(&ta, &tb)?;
        }

        /// The same scenario written in another unit compares equal.
        #[test]
        fn the_unit_a_file_is_written_in_is_not_a_change(g in scenario()) {
            let kr = tables(&g.yaml(Unit::Kr));
            let mio = tables(&g.yaml(Unit::Mio));
            prop_assert!(diff(&kr, &mio).unwrap().iter().all(|t| !t.has_changes()));
        }
    }

    #[test]
    fn one_changed_requirement_is_one_changed_cell_per_table_it_shows_in() {
        let a = GenScenario::example();
        let mut b = a.clone();
        b.krav[1] += Decimal::new(1, 2); // one øre more in 2027
        let d = diff(&tables(&a.yaml(Unit::Kr)), &tables(&b.yaml(Unit::Kr))).unwrap();
        let changed: Vec<(String, String, String, Cell)> = d
            .iter()
            .flat_map(|t| {
                t.changed()
                    .map(move |c| (t.id.clone(), c.row.clone(), c.column.clone(), c.change))
            })
            .collect();
        let one_ore = Cell::Amount(Decimal::new(1, 2));
        assert_eq!(
            changed,
            vec![
                (
                    "konto-a".to_string(),
                    "Besparelseskrav".to_string(),
                    "2027".to_string(),
                    one_ore
                ),
                (
                    "konto-a".to_string(),
                    "I alt konto 6".to_string(),
                    "2027".to_string(),
                    one_ore
                ),
                (
                    "yderligere-2026".to_string(),
                    "Konto 6 (service)".to_string(),
                    "2027".to_string(),
                    one_ore
                ),
            ]
        );
    }
}
