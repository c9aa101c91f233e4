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
fn a_figure_given_only_in_a_note_is_not_changed_unseen() {
    // Sprogcenteret's use of savings is printed in a note, not a cell: a
    // change to it was "Ingen ændringer" (a silent pass).
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join(SEPTEMBER)).unwrap();
    let changed = text.replace("brug_af_opsparing: 1.5", "brug_af_opsparing: 3.0");
    assert_ne!(text, changed);
    let new = dir.path().join("new.yaml");
    std::fs::write(&new, changed).unwrap();
    let (code, out, err) = run(&["diff", SEPTEMBER, new.to_str().unwrap()]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(!out.contains("Ingen ændringer"), "{out}");
    for note in [
        "Note kun i den gamle version: Sprogcenteret: forventer at bruge opsparede midler på 1,5 mio. kr.",
        "Note kun i den nye version: Sprogcenteret: forventer at bruge opsparede midler på 3,0 mio. kr.",
    ] {
        assert!(out.lines().any(|l| l == note), "{note}\n{out}");
    }
}

#[test]
fn versions_in_different_price_levels_are_compared_at_one() {
    // 6,1 in 2026-priser is not 6,1 in 2027-priser: that was "Ingen ændringer".
    let pl = |level: u32| {
        format!(
            "titel: PL
enhed: mio. kr.
år: [2026, 2027]
prisniveau: {level}
pl_skøn:
  2027: {{samlet: 2.8}}
konti: {{service: {{navn: Konto 6 (service), kort: konto 6}}}}
besparelseskrav: {{service: {{2026: 6.1, 2027: 15.9}}}}
"
        )
    };
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.yaml"), dir.path().join("new.yaml"));
    std::fs::write(&old, pl(2026)).unwrap();
    std::fs::write(&new, pl(2027)).unwrap();
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let (code, out, err) = run(&["diff", "--unit", "kr", old, new]);
    assert_eq!((code, err.as_str()), (0, ""));
    // The old version in 2027-priser: 6,1 × 1,028 = 6,2708; 15,9 × 1,028 = 16,3452.
    let t = text_table(
        &out,
        "Konto 6 (service): besparelseskrav og realiserede besparelser (2027-priser)",
    );
    assert_eq!(
        cells(&t),
        vec![
            vec!["Kr.", "Før", "Efter", "Ændring"],
            vec![
                "Besparelseskrav, 2026",
                "6.270.800",
                "6.100.000",
                "-170.800"
            ],
            vec![
                "Besparelseskrav, 2027",
                "16.345.200",
                "15.900.000",
                "-445.200"
            ],
        ]
    );
    assert!(
        out.contains("Omregnet fra 2026- til 2027-priser med pris- og lønskønnet (samlet)"),
        "{out}"
    );
    // The same level: nothing changed; and an explicit level converts both.
    let (code, out, _) = run(&["diff", new, new]);
    assert_eq!(code, 0);
    assert!(out.ends_with("Ingen ændringer\n"), "{out}");
    let (code, out, _) = run(&["diff", "--prisniveau", "2027", old, old]);
    assert_eq!(code, 0);
    assert!(out.ends_with("Ingen ændringer\n"), "{out}");
    // A level stated in one version only is named, the amounts compared as they stand.
    let unstated = dir.path().join("unstated.yaml");
    std::fs::write(&unstated, pl(2026).replace("prisniveau: 2026\n", "")).unwrap();
    let (code, out, _) = run(&["diff", unstated.to_str().unwrap(), old]);
    assert_eq!(code, 0);
    assert!(
        out.lines().nth(1) == Some("Ingen ændringer; prisniveau: ikke angivet → 2026-priser"),
        "{out}"
    );
    // Levels that cannot be converted between: bad input, said where.
    std::fs::write(dir.path().join("new.yaml"), pl(2028)).unwrap();
    let (code, out, err) = run(&["diff", old, new]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains("pl_skøn: no pris- og lønskøn (samlet) for 2028"),
        "{err}"
    );
}

#[test]
fn a_change_beyond_the_largest_amount_is_bad_input_naming_the_cell() {
    let max = "79228162514264337593543";
    let part = |v: &str| {
        format!("titel: x\nenhed: mio. kr.\nbudgetopfølgning:\n  år: 2025\n  dele:\n    - {{navn: S, art: service, oprindeligt: {v}}}\n")
    };
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.yaml"), dir.path().join("new.yaml"));
    std::fs::write(&old, part(max)).unwrap();
    std::fs::write(&new, part(&format!("-{max}"))).unwrap();
    let (code, out, err) = run(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.ends_with("new.yaml: ændring (S, Oprindeligt budget) cannot be computed exactly: it would exceed about 7,9·10^28 or need more than 28 significant digits\n"),
        "{err}"
    );
}

#[test]
fn rows_of_the_same_label_are_told_apart() {
    let yaml = |second: &str| {
        format!("titel: x\nenhed: mio. kr.\nbudgetopfølgning:\n  år: 2025\n  dele:\n    - navn: A\n      art: service\n      linjer:\n        - {{navn: X, afvigelse: 1}}\n        - {{navn: X, afvigelse: {second}}}\n")
    };
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.yaml"), dir.path().join("new.yaml"));
    std::fs::write(&old, yaml("2")).unwrap();
    std::fs::write(&new, yaml("3")).unwrap();
    let (code, out, err) = run(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!((code, err.as_str()), (0, ""));
    let t = text_table(&out, "Budgetopfølgning (budgetår 2025)");
    assert_eq!(cells(&t)[1], ["X (2.), Afvigelse", "2,0", "3,0", "1,0"]);
}

#[test]
fn a_change_of_a_share_is_said_to_be_in_percentage_points() {
    // 68,9% → 69,4% is a change of 0,5 percentage points, not of 0,5%.
    let text = std::fs::read_to_string(root().join(crate::common::REFERENCE)).unwrap();
    let changed = text.replace(
        "Center for Job og Udvikling: {2026: -4.2}",
        "Center for Job og Udvikling: {2026: -4.3}",
    );
    assert_ne!(text, changed);
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("new.yaml");
    std::fs::write(&new, changed).unwrap();
    let (code, out, _) = run(&["diff", crate::common::REFERENCE, new.to_str().unwrap()]);
    assert_eq!(code, 0);
    let t = text_table(
        &out,
        "Konto 6 (service): realiserede besparelser 2026 fordelt på center",
    );
    assert_eq!(
        cells(&t)[3],
        [
            "Center for Job og Udvikling, Andel",
            "68,9%",
            "69,4%",
            "0,5%"
        ]
    );
    assert!(
        out.lines()
            .any(|l| l == "Ændringen af en andel er i procentpoint."),
        "{out}"
    );
    let (_, out, _) = run(&["diff", MAY, SEPTEMBER]);
    assert!(!out.contains("procentpoint"), "{out}");
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
