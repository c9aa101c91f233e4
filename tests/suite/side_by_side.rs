//! `report A.yaml B.yaml --side-by-side`: per table one column block per
//! scenario, rows matched by label; each block is exactly that scenario's own
//! table; the output verifies with no error.

use crate::common::{cells, run, text_table};

const MAY: &str = "scenarios/randers-opfoelgning-2025-05-31.yaml";
const SEPTEMBER: &str = "scenarios/randers-opfoelgning-2025-09-30.yaml";

#[test]
fn two_follow_ups_side_by_side() {
    let (code, out, err) = run(&["report", "--side-by-side", MAY, SEPTEMBER]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.starts_with(
        "Side om side: randers-opfoelgning-2025-05-31, randers-opfoelgning-2025-09-30\n"
    ));
    let t = text_table(
        &out,
        "Budgetopfølgning pr. 31. maj 2025: Beskæftigelse, integration og ydelser: service og overførsler i alt",
    );
    let rows = cells(&t);
    assert_eq!(rows[0].len(), 15);
    assert_eq!(rows[0][5], "randers-opfoelgning-2025-05-31: Afvigelse");
    assert_eq!(rows[0][12], "randers-opfoelgning-2025-09-30: Afvigelse");
    assert_eq!(
        (rows[4][0], rows[4][5], rows[4][12]),
        ("I alt", "-13,5", "-3,6")
    );
    // Kontanthjælp is a line in September only: "-" in May's block, in its place.
    let t = text_table(
        &out,
        "Budgetopfølgning pr. 31. maj 2025: Beskæftigelse, integration og ydelser (budgetår 2025)",
    );
    let labels: Vec<&str> = cells(&t).iter().map(|r| r[0]).collect();
    assert_eq!(
        labels,
        vec![
            "Mio. kr.",
            "Servicerammen",
            "Sprogcenteret",
            "I alt Servicerammen",
            "Tilbudsviften",
            // September's section, placed after the row that precedes it there ...
            "Indkomstoverførsler",
            "Kontanthjælp og ledighedsydelse",
            "Førtidspension",
            "A-dagpenge",
            "I alt Indkomstoverførsler",
            // ... and May's row of the same name (May has no lines under it).
            "Indkomstoverførsler",
        ]
    );
    assert_eq!(cells(&t)[10][5], "-3,5");
    assert_eq!(cells(&t)[10][12], "-");
    let kontanthjælp = &cells(&t)[6];
    assert_eq!(kontanthjælp[5], "-");
    assert_eq!(kontanthjælp[12], "-4,0");
    // A table only September has: one block, and a note.
    assert!(out.contains("randers-opfoelgning-2025-05-31: har ikke denne tabel\n"));
}

#[test]
fn several_scenarios_need_the_flag() {
    let (code, _, err) = run(&["report", MAY, SEPTEMBER]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "sparekrav: error: several scenarios: give --side-by-side to print them side by side\n"
    );
}

#[test]
fn side_by_side_output_verifies_with_no_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.txt");
    let p = path.to_str().unwrap();
    let (code, _, _) = run(&[
        "report",
        "--side-by-side",
        crate::common::REFERENCE,
        "scenarios/eksempel-initiativer.yaml",
        "-o",
        p,
    ]);
    assert_eq!(code, 0);
    let (code, out, err) = run(&["verify", p]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(out.contains(" 0 errors"), "{out}");
}

mod properties {
    use crate::scenario_gen::scenario;
    use proptest::prelude::*;
    use sparekrav::input::read_scenario_str;
    use sparekrav::money::Unit;
    use sparekrav::report::build;
    use sparekrav::side::side_by_side;
    use sparekrav::table::{Lang, RowKind, Table};

    fn tables(yaml: &str) -> Vec<Table> {
        build(
            &read_scenario_str("s.yaml", yaml).unwrap().scenario,
            Lang::Da,
        )
        .unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Each block of a side-by-side table is exactly that scenario's own table.
        #[test]
        fn each_block_is_the_scenarios_own_table(a in scenario(), b in scenario()) {
            let (ta, tb) = (tables(&a.yaml(Unit::Kr)), tables(&b.yaml(Unit::Kr)));
            let merged = side_by_side(&["A".into(), "B".into()], &[ta.clone(), tb.clone()], Lang::Da);
            let mut ids: Vec<&str> = ta.iter().chain(&tb).map(|t| t.id.as_str()).collect();
            ids.sort();
            ids.dedup();
            prop_assert_eq!(merged.len(), ids.len());
            for m in &merged {
                let mut offset = 0;
                for own in [&ta, &tb] {
                    let Some(t) = own.iter().find(|t| t.id == m.id) else { continue };
                    let width = t.columns.len();
                    prop_assert!(m.rows.len() >= t.rows.len());
                    // Every row of the scenario's own table is in its block, in order.
                    let mut from = 0;
                    for tr in t.rows.iter().filter(|r| r.kind != RowKind::Section) {
                        let found = m.rows[from..].iter().position(|mr| {
                            mr.label == tr.label && mr.cells[offset..offset + width] == tr.cells[..]
                        });
                        prop_assert!(found.is_some(), "{} / {} not in its block", t.id, tr.label);
                        from += found.unwrap_or(0) + 1;
                    }
                    offset += width;
                }
                prop_assert_eq!(offset, m.columns.len());
            }
        }
    }
}

#[test]
fn each_block_says_its_own_title_when_they_differ() {
    // The title is the first scenario's: "(2026-priser)" over a block in
    // 2027-priser, or "pr. 31. maj" over September's, said nothing.
    let pl = |level: u32| {
        format!(
            "titel: PL
enhed: mio. kr.
år: [2026, 2027]
prisniveau: {level}
konti: {{service: {{navn: Konto 6 (service), kort: konto 6}}}}
besparelseskrav: {{service: {{2026: 6.1, 2027: 15.9}}}}
"
        )
    };
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.yaml"), dir.path().join("b.yaml"));
    std::fs::write(&a, pl(2026)).unwrap();
    std::fs::write(&b, pl(2027)).unwrap();
    let (code, out, err) = run(&[
        "report",
        "--side-by-side",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ]);
    assert_eq!((code, err.as_str()), (0, ""));
    for note in [
        "a: Konto 6 (service): besparelseskrav og realiserede besparelser (2026-priser)",
        "b: Konto 6 (service): besparelseskrav og realiserede besparelser (2027-priser)",
    ] {
        assert!(out.lines().any(|l| l == note), "{note}\n{out}");
    }
    // The same titles: no such note.
    let (_, out, _) = run(&[
        "report",
        "--side-by-side",
        a.to_str().unwrap(),
        a.to_str().unwrap(),
    ]);
    assert!(!out.lines().any(|l| l.starts_with("a: Konto 6")), "{out}");
    let (_, out, _) = run(&["report", "--side-by-side", MAY, SEPTEMBER]);
    assert!(out.lines().any(|l| l == "randers-opfoelgning-2025-09-30: Budgetopfølgning pr. 30. september 2025: Beskæftigelse, integration og ydelser (budgetår 2025)"), "{out}");
}
