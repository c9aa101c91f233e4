//! `sparekrav import` and scenario `data:`: the test extract
//! (tests/data/udtraek-test.csv: windows-1252, `;`, a title line, trailing
//! minus, a line no rule maps, a line no centre maps, an excluded line, a bad
//! amount, a blank line and a total line) gives the aggregate, remainder and
//! errors worked out by hand in the comments below.

use std::collections::BTreeMap;
use std::path::Path;
use std::str::FromStr;

use crate::common::{self, root, run};
use rust_decimal::Decimal;
use sparekrav::input::import::extract::read_extract;
use sparekrav::input::import::mapping::{read_mapping_file, read_mapping_str};
use sparekrav::input::import::{import_files, Aggregate, Importer};

const EXTRACT: &str = "tests/data/udtraek-test.csv";
const MAP: &str = "tests/data/udtraek-test.map.yaml";

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn import(path: &Path, map: &Path) -> Aggregate {
    let mapping = read_mapping_file(map).unwrap();
    import_files(&[path], &mapping, Vec::new(), &mut |_, _| {}).unwrap()
}

/// (konto, center, year) -> amount, by name.
fn groups(a: &Aggregate) -> BTreeMap<(String, String, i32), Decimal> {
    a.groups
        .iter()
        .map(|(k, v)| {
            (
                (
                    a.konti[k.konto].clone(),
                    k.centre.map_or(String::new(), |c| a.centres[c].clone()),
                    k.year,
                ),
                *v,
            )
        })
        .collect()
}

const CJK: &str = "Center for Job og Kompetencer";
const CJU: &str = "Center for Job og Udvikling";

#[test]
fn the_test_extract_gives_the_hand_computed_figures() {
    let a = import(&root().join(EXTRACT), &root().join(MAP));
    // Lines 3-11 and 13-14 are data (1 is a title, 2 the header, 12 blank).
    assert_eq!(a.files[0].lines, 14);
    assert_eq!(a.files[0].header_line, 2);
    assert_eq!(a.files[0].preamble, 1);
    assert_eq!(a.files[0].blank, 1);
    assert_eq!(a.files[0].charset, "windows-1252");
    assert_eq!(
        (
            a.lines_read,
            a.lines_mapped,
            a.lines_unmapped,
            a.lines_failed
        ),
        (11, 6, 3, 2)
    );
    let expected: BTreeMap<(String, String, i32), Decimal> = [
        (("service", CJK, 2026), "-1250000.00"),    // line 3
        (("service", CJU, 2026), "-350000.50"),     // line 4: 350.000,50-
        (("service", CJU, 2027), "-100000.00"),     // line 13
        (("indsats", CJK, 2026), "-2000000.00"),    // line 5: 5.68.90 matches 5.68.9*
        (("indsats", CJU, 2027), "-1234.56"),       // line 6: 1.234,56-
        (("overførsler", CJK, 2026), "3000000.00"), // line 8: 5.57.73, dranst 1
    ]
    .into_iter()
    .map(|((k, c, y), v)| ((k.to_string(), c.to_string(), y), d(v)))
    .collect();
    assert_eq!(groups(&a), expected);
    // -1.250.000 - 350.000,50 - 100.000 - 2.000.000 - 1.234,56 + 3.000.000
    assert_eq!(a.mapped_total, d("-701235.06"));
    let unmapped: Vec<(&str, &str, u64, Decimal)> = a
        .unmapped
        .iter()
        .map(|u| (u.reason.as_str(), u.funktion.as_str(), u.lines, u.amount))
        .collect();
    assert_eq!(
        unmapped,
        vec![
            ("excluded: statsrefusion", "5.57.73", 1, d("-500000.00")), // line 7, dranst 2
            ("no centre matches", "6.45.53", 1, d("-10000.00")),        // line 10, sted 99999
            ("no rule matches", "3.22.01", 1, d("99999.99")),           // line 9
        ]
    );
    assert_eq!(a.unmapped_total, d("-410000.01"));
    assert_eq!(a.total, d("-1111235.07"));
    assert!(a.reconciles());
    let errors: Vec<String> = a.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        vec![
            "tests/data/udtraek-test.csv:11: Beløb: \"12,3,4\" is not an amount (Danish form: -1.234.567,89 or 1.234,00-)".to_string(),
            "tests/data/udtraek-test.csv:14: Funktion: \"I alt\" is not a function number of the authorised chart (h.hh.ff, e.g. 5.68.90); a total line? remove it from the extract (its amount would be counted twice)".to_string(),
        ]
        .into_iter()
        .map(|s| s.replace("tests/data/udtraek-test.csv", &root().join(EXTRACT).display().to_string()))
        .collect::<Vec<_>>()
    );
}

#[test]
fn the_cli_refuses_figures_while_a_line_is_unreadable() {
    let (code, out, err) = run(&["import", EXTRACT, "--map", MAP]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(out, "");
    assert!(
        err.contains("tests/data/udtraek-test.csv:11: Beløb: \"12,3,4\" is not an amount"),
        "{err}"
    );
    assert!(
        err.contains("tests/data/udtraek-test.csv:14: Funktion: \"I alt\""),
        "{err}"
    );
    assert!(
        err.contains("11 data lines read, 6 mapped, 3 not mapped, 2 unreadable"),
        "{err}"
    );
}

/// The test extract without its two unreadable lines (11 and 14), same bytes otherwise.
fn readable_copy(dir: &Path) -> std::path::PathBuf {
    let bytes = std::fs::read(root().join(EXTRACT)).unwrap();
    let kept: Vec<&[u8]> = bytes
        .split_inclusive(|&b| b == b'\n')
        .enumerate()
        .filter(|(i, _)| *i != 10 && *i != 13)
        .map(|(_, l)| l)
        .collect();
    let path = dir.join("ok.csv");
    std::fs::write(&path, kept.concat()).unwrap();
    path
}

#[test]
fn the_cli_prints_the_table_and_accounts_for_every_line() {
    let dir = tempfile::tempdir().unwrap();
    let ok = readable_copy(dir.path());
    let ok = ok.to_str().unwrap();
    let (code, out, err) = run(&["import", ok, "--map", MAP]);
    assert_eq!(code, 0, "{err}");
    let rows = common::text_table(&out, "Udtræk: konto × center × år");
    assert_eq!(rows[0], vec!["Kr.", "2026", "2027"]);
    assert!(rows.contains(&vec![
        "I alt service".to_string(),
        "-1.600.000,50".to_string(),
        "-100.000,00".to_string()
    ]));
    assert!(rows.contains(&vec![
        "I alt medtaget".to_string(),
        "-600.000,50".to_string(),
        "-101.234,56".to_string()
    ]));
    assert!(
        out.contains("  total of readable lines  -1.111.235,07 kr."),
        "{out}"
    );
    assert!(
        out.contains("  not mapped               -410.000,01 kr."),
        "{out}"
    );
    assert!(
        out.contains("mapped + not mapped = total of readable lines: holds"),
        "{out}"
    );

    // --strict: the figures are printed, and the unmapped amount fails the run.
    let (code, out, err) = run(&["import", ok, "--map", MAP, "--strict", "-f", "csv"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("I alt service;-1600000,50;-100000,00"),
        "{out}"
    );
    assert!(
        err.contains("--strict: -410000.01 kr. in 3 lines not mapped"),
        "{err}"
    );

    // JSON: exact amounts as text.
    let (code, out, _) = run(&["import", ok, "--map", MAP, "-f", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["total"], "-1111235.07");
    assert_eq!(v["summary"]["mapped"], "-701235.06");
    assert_eq!(v["summary"]["unmapped"], "-410000.01");
    assert_eq!(v["summary"]["reconciles"], true);
    assert_eq!(v["groups"].as_array().unwrap().len(), 6);
}

#[test]
fn the_yaml_fragment_reads_as_a_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let ok = readable_copy(dir.path());
    let (code, frag, err) = run(&[
        "import",
        ok.to_str().unwrap(),
        "--map",
        MAP,
        "-f",
        "yaml",
        "--unit",
        "mio",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        frag.contains("    i_alt: {2026: -1.6000005, 2027: -0.1}"),
        "{frag}"
    );
    let scenario = format!(
        "titel: t\nenhed: mio. kr.\når: [2026, 2027]\nkonti: {{service: {{navn: S}}, indsats: {{navn: I}}, overførsler: {{navn: O}}}}\n{frag}"
    );
    let loaded = sparekrav::input::read_scenario_str("s.yaml", &scenario).unwrap();
    let r = &loaded.scenario.realiseret["service"];
    assert_eq!(r.total.as_ref().unwrap().0[&2026], d("-1600000.50"));
    assert_eq!(r.breakdowns[0].parts[1].1 .0[&2026], d("-350000.50"));
}

#[test]
fn utf8_with_bom_and_tabs_reads_the_same() {
    let text = encoding_rs_like_decode(&std::fs::read(root().join(EXTRACT)).unwrap());
    let tabbed = text.replace(';', "\t");
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("tab.txt");
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(tabbed.as_bytes());
    std::fs::write(&p, bytes).unwrap();
    let a = import(&p, &root().join(MAP));
    let b = import(&root().join(EXTRACT), &root().join(MAP));
    assert_eq!(a.files[0].charset, "UTF-8");
    assert_eq!(groups(&a), groups(&b));
    assert_eq!(
        (a.total, a.mapped_total, a.unmapped),
        (b.total, b.mapped_total, b.unmapped)
    );
    assert_eq!(a.errors.len(), 2);
}

/// Windows-1252 to text for the bytes this fixture holds (ASCII, æ, ø, Ø, å).
fn encoding_rs_like_decode(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0xE6 => 'æ',
            0xF8 => 'ø',
            0xD8 => 'Ø',
            0xE5 => 'å',
            0xC5 => 'Å',
            b if b.is_ascii() => b as char,
            other => panic!("unexpected byte {other:#x} in the fixture"),
        })
        .collect()
}

#[test]
fn a_workbook_in_long_form_reads_like_the_extract() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("udtraek.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let header = [
        "Funktion",
        "Dranst",
        "Art",
        "Omkostningssted",
        "År",
        "Beløb",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    // Function as text, dranst and year as numbers, amounts as numbers
    // (doubles by the file format) and one as Danish text.
    type Line<'a> = (
        &'a str,
        f64,
        &'a str,
        &'a str,
        f64,
        Option<f64>,
        Option<&'a str>,
    );
    let rows: [Line; 4] = [
        (
            "6.45.53",
            1.0,
            "1.0",
            "41010",
            2026.0,
            Some(-1250000.0),
            None,
        ),
        (
            "6.45.53",
            1.0,
            "4.0",
            "42020",
            2026.0,
            None,
            Some("350.000,50-"),
        ),
        (
            "5.68.90",
            1.0,
            "4.0",
            "41010",
            2026.0,
            Some(-2000000.0),
            None,
        ),
        ("3.22.01", 1.0, "4.0", "41010", 2026.0, Some(99999.99), None),
    ];
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, row.0).unwrap();
        sheet.write_number(r, 1, row.1).unwrap();
        sheet.write_string(r, 2, row.2).unwrap();
        sheet.write_string(r, 3, row.3).unwrap();
        sheet.write_number(r, 4, row.4).unwrap();
        match (row.5, row.6) {
            (Some(n), _) => sheet.write_number(r, 5, n).unwrap(),
            (None, Some(t)) => sheet.write_string(r, 5, t).unwrap(),
            _ => unreachable!(),
        };
    }
    book.save(&path).unwrap();
    let map = root().join(MAP);
    let mapping = read_mapping_file(&map).unwrap();
    let a = import_files(&[&path], &mapping, Vec::new(), &mut |_, _| {}).unwrap();
    assert_eq!(a.errors, vec![]);
    let g = groups(&a);
    assert_eq!(g[&("service".into(), CJK.into(), 2026)], d("-1250000"));
    assert_eq!(g[&("service".into(), CJU.into(), 2026)], d("-350000.50"));
    assert_eq!(g[&("indsats".into(), CJK.into(), 2026)], d("-2000000"));
    assert_eq!(a.unmapped_total, d("99999.99"));
    assert_eq!(a.total, d("-3500000.51"));
    assert!(a.reconciles());

    // A formula's result that is not whole øre is an error with its row.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "6.45.53").unwrap();
    sheet.write_string(1, 1, "1").unwrap();
    sheet.write_string(1, 2, "1.0").unwrap();
    sheet.write_string(1, 3, "41010").unwrap();
    sheet.write_number(1, 4, 2026.0).unwrap();
    sheet.write_number(1, 5, 0.1 + 0.2).unwrap();
    let bad = dir.path().join("bad.xlsx");
    book.save(&bad).unwrap();
    let a = import_files(&[&bad], &mapping, Vec::new(), &mut |_, _| {}).unwrap();
    assert_eq!(a.lines_failed, 1);
    let e = a.errors[0].to_string();
    assert!(
        e.contains("bad.xlsx[Sheet1]:2: Beløb: the cell holds 0.30000000000000004"),
        "{e}"
    );
}

#[test]
fn the_bundled_scenario_reads_its_extract_and_reconciles() {
    let (code, out, err) = run(&["check", "-v", "scenarios/eksempel-udtraek.yaml"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("check: 1 file, 8 reconciliations hold, 0 failed, 0 skipped"),
        "{out}"
    );
    assert!(
        out.contains(
            "2026: the sum of the breakdown by center is -6.100.000 kr., equal to i_alt (holds)"
        ),
        "{out}"
    );
    let (code, out, err) = run(&["report", "scenarios/eksempel-udtraek.yaml"]);
    assert_eq!(code, 0, "{err}");
    let rows = common::text_table(
        &out,
        "Konto 6 (service): realiserede besparelser 2026-2029 fordelt på center",
    );
    assert_eq!(
        rows[2][..3],
        ["Center for Job og Kompetencer", "-1,4", "23,0%"]
    );
    assert_eq!(
        rows[3][..3],
        ["Center for Job og Udvikling", "-4,2", "68,9%"]
    );
    // The extract's own account: 2030 lies outside the scenario, statsrefusion
    // is excluded, 3.22.01 has no rule.
    let (code, out, _) = run(&[
        "import",
        "scenarios/data/eksempel-udtraek.csv",
        "--map",
        "scenarios/data/eksempel-udtraek.map.yaml",
        "-f",
        "json",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    // 5 years × -6.100.000 mapped; 5 × -1.200.000 excluded; 5 × 12.345,67 no rule.
    assert_eq!(v["summary"]["mapped"], "-30500000.00");
    assert_eq!(v["summary"]["unmapped"], "-5938271.65");
    assert_eq!(v["summary"]["total"], "-36438271.65");
}

#[test]
fn a_scenario_whose_mapping_names_an_undefined_konto_is_refused_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("scenarios/data/eksempel-udtraek.csv"),
        dir.path().join("u.csv"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("m.yaml"),
        "kolonner: {funktion: Funktion, år: Budgetår, beløb: Beløb}\nregler:\n  - {funktion: \"6.45.*\", konto: servise}\n",
    )
    .unwrap();
    let s = dir.path().join("s.yaml");
    std::fs::write(
        &s,
        "titel: t\nenhed: kr.\når: [2026]\nkonti: {service: {navn: S}}\ndata: {udtræk: u.csv, mapping: m.yaml}\n",
    )
    .unwrap();
    let (code, _, err) = run(&["check", s.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("s.yaml:5:") && err.contains("data.mapping: the mapping's konto \"servise\" is not defined under `konti` (defined: service)"),
        "{err}"
    );
}

#[test]
fn a_scenario_whose_extract_is_missing_says_where_it_is_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("m.yaml"),
        "kolonner: {funktion: Funktion, år: År, beløb: Beløb}\nregler:\n  - {funktion: \"*\", konto: service}\n",
    )
    .unwrap();
    let s = dir.path().join("s.yaml");
    std::fs::write(
        &s,
        "titel: t\nenhed: kr.\når: [2026]\nkonti: {service: {navn: S}}\ndata:\n  udtræk: mangler.csv\n  mapping: m.yaml\n",
    )
    .unwrap();
    let (code, _, err) = run(&["report", s.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("mangler.csv: no such file"), "{err}");
    assert!(
        err.contains("s.yaml:6:3: data.udtræk: the extract named here could not be read"),
        "{err}"
    );
}

#[test]
fn a_missing_column_names_what_the_header_has() {
    let m = read_mapping_str(
        "m.yaml",
        "kolonner: {funktion: Funktion, år: Periode, beløb: Beløb}\nregler: [{funktion: \"*\", konto: x}]\n",
    )
    .unwrap();
    let mut imp = Importer::new(&m);
    let err = read_extract(
        "u.csv",
        &b"Funktion;Aar;Bel\xf8b\n5.68.90;2026;1,00\n"[..],
        0,
        &mut imp,
        &mut |_, _| {},
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "u.csv:1: no header with the mapping's columns in the first 50 lines: missing \"Periode\" (år); the first line's columns: funktion | aar | beløb"
    );
}

mod props {
    use super::*;
    use proptest::prelude::*;

    const FUNKTIONER: [&str; 6] = [
        "6.45.53", "5.68.90", "5.68.91", "5.57.73", "5.58.81", "3.22.01",
    ];
    const STEDER: [&str; 4] = ["41010", "42020", "43030", "99999"];
    const GLOBS: [&str; 6] = ["6.45.53", "5.68.9*", "5.57.*", "5.*", "*", "5.58.8?"];

    /// A Danish amount from øre, in one of the forms the systems write.
    fn danish(ore: i64, form: u8) -> String {
        let neg = ore < 0;
        let a = ore.unsigned_abs();
        let (kr, o) = (a / 100, a % 100);
        let digits = kr.to_string();
        let grouped = if form & 1 == 1 {
            let mut s = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    s.push('.');
                }
                s.push(c);
            }
            s
        } else {
            digits
        };
        let body = format!("{grouped},{o:02}");
        match (neg, form & 2 == 2) {
            (false, _) => body,
            (true, true) => format!("{body}-"),
            (true, false) => format!("-{body}"),
        }
    }

    fn line() -> impl Strategy<Value = (usize, usize, i32, i64, u8)> {
        (
            0..FUNKTIONER.len(),
            0..STEDER.len(),
            2025..2030i32,
            -10_000_000_000i64..10_000_000_000,
            0u8..4,
        )
    }

    fn mapping(rules: &[(usize, bool)], centres: bool) -> String {
        let mut m = String::from(
            "kolonner: {funktion: Funktion, sted: Sted, år: År, beløb: Beløb}\nregler:\n",
        );
        for (i, (g, exclude)) in rules.iter().enumerate() {
            if *exclude {
                m.push_str(&format!(
                    "  - {{funktion: \"{}\", udelad: grund{i}}}\n",
                    GLOBS[*g]
                ));
            } else {
                m.push_str(&format!(
                    "  - {{funktion: \"{}\", konto: k{i}}}\n",
                    GLOBS[*g]
                ));
            }
        }
        if centres {
            m.push_str("centre:\n  - {sted: \"41*\", center: A}\n  - {sted: \"42*\", center: B}\n");
        }
        m
    }

    fn extract(lines: &[(usize, usize, i32, i64, u8)]) -> Vec<u8> {
        let mut s = String::from("Funktion;Sted;År;Beløb\n");
        for (f, st, y, ore, form) in lines {
            s.push_str(&format!(
                "{};{};{y};{}\n",
                FUNKTIONER[*f],
                STEDER[*st],
                danish(*ore, *form)
            ));
        }
        s.into_bytes()
    }

    fn run_import(map: &str, bytes: &[u8]) -> Aggregate {
        let m = read_mapping_str("m.yaml", map).unwrap();
        let mut imp = Importer::new(&m);
        read_extract("u.csv", bytes, bytes.len() as u64, &mut imp, &mut |_, _| {}).unwrap();
        imp.finish().unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Any bytes after a valid header: a clean result or a clean error,
        /// never a panic, and every line is either data, blank or an error.
        #[test]
        fn random_bytes_never_panic(body in prop::collection::vec(any::<u8>(), 0..2000)) {
            let map = mapping(&[(4, false)], true);
            let m = read_mapping_str("m.yaml", &map).unwrap();
            let mut bytes = b"Funktion;Sted;\xc5r;Bel\xf8b\n".to_vec();
            bytes.extend_from_slice(&body);
            let mut imp = Importer::new(&m);
            let t = common::thread_cpu_time();
            if read_extract("u.csv", &bytes[..], 0, &mut imp, &mut |_, _| {}).is_ok() {
                let a = imp.finish().unwrap();
                prop_assert_eq!(a.lines_read, a.lines_mapped + a.lines_unmapped + a.lines_failed);
                prop_assert!(a.reconciles());
            }
            prop_assert!((common::thread_cpu_time() - t).as_secs() < 2);
        }

        /// Mapped + unmapped = the extract's total (summed here from the
        /// generated øre, independently), whatever the mapping; and nothing
        /// depends on the order of the lines.
        #[test]
        fn every_amount_is_accounted_for_in_any_order(
            lines in prop::collection::vec(line(), 0..60),
            rules in prop::collection::vec((0..GLOBS.len(), any::<bool>()), 1..5),
            centres in any::<bool>(),
            shuffle in any::<u64>(),
        ) {
            let map = mapping(&rules, centres);
            let a = run_import(&map, &extract(&lines));
            let total_ore: i64 = lines.iter().map(|l| l.3).sum();
            let expected_total = Decimal::new(total_ore, 2);
            prop_assert_eq!(a.total, expected_total);
            prop_assert_eq!(a.lines_failed, 0);
            prop_assert_eq!(a.lines_read, lines.len() as u64);
            prop_assert_eq!(a.lines_mapped + a.lines_unmapped, a.lines_read);
            let unmapped: Decimal = a.unmapped.iter().map(|u| u.amount).sum();
            let mapped: Decimal = a.groups.values().copied().sum();
            prop_assert_eq!(mapped + unmapped, expected_total);
            prop_assert!(a.reconciles());

            // A permutation of the lines (a deterministic shuffle from the seed).
            let mut shuffled = lines.clone();
            let mut x = shuffle | 1;
            for i in (1..shuffled.len()).rev() {
                x ^= x << 13; x ^= x >> 7; x ^= x << 17;
                shuffled.swap(i, (x % (i as u64 + 1)) as usize);
            }
            let b = run_import(&map, &extract(&shuffled));
            prop_assert_eq!(&a.groups, &b.groups);
            let mut ua = a.unmapped.clone();
            let mut ub = b.unmapped.clone();
            ua.sort_by(|p, q| (&p.reason, &p.funktion).cmp(&(&q.reason, &q.funktion)));
            ub.sort_by(|p, q| (&p.reason, &p.funktion).cmp(&(&q.reason, &q.funktion)));
            prop_assert_eq!(ua, ub);
            prop_assert_eq!((a.total, a.mapped_total, a.unmapped_total), (b.total, b.mapped_total, b.unmapped_total));
        }
    }
}

#[test]
fn the_mapping_schema_is_current_and_the_bundled_mappings_validate() {
    let (code, out, _) = run(&["schema", "--mapping"]);
    assert_eq!(code, 0);
    let committed = std::fs::read_to_string(root().join("sparekrav-mapping.schema.json")).unwrap();
    assert_eq!(
        committed, out,
        "run `cargo run -- schema --mapping > sparekrav-mapping.schema.json`"
    );
    let schema: serde_json::Value = serde_json::from_str(&out).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for m in [MAP, "scenarios/data/eksempel-udtraek.map.yaml"] {
        let doc: serde_json::Value =
            serde_yaml::from_str(&std::fs::read_to_string(root().join(m)).unwrap()).unwrap();
        let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{m}: {errors:?}");
    }
    let bad: serde_json::Value =
        serde_yaml::from_str("kolonner: {funktion: F}\nreglr: []\n").unwrap();
    assert!(!validator.is_valid(&bad));
}

/// A file past the parallel threshold is read in ranges on several threads;
/// the result, errors and their line numbers included, is the sequential one.
#[test]
fn a_large_extract_read_in_parallel_equals_the_sequential_read() {
    use std::fmt::Write as _;
    let mut s = String::from("Titel\r\nFunktion;Dranst;Art;Omkostningssted;Sted navn;År;Beløb\r\n");
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut n = 0u64;
    while s.len() < (sparekrav::input::import::extract::PARALLEL_FROM_BYTES as usize) + 2_000_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        n += 1;
        let f = ["6.45.53", "5.68.90", "5.57.73", "3.22.01"][(x % 4) as usize];
        let sted = [41010, 42020, 99999][(x >> 8) as usize % 3];
        let amount = if n % 50_000 == 0 {
            "12,3,4".to_string()
        } else {
            format!("{},{:02}-", (x >> 20) % 1_000_000, (x >> 40) % 100)
        };
        let _ = write!(
            s,
            "{f};{};4.0;{sted};Jobcenter Øst;{};{amount}\r\n",
            1 + (x >> 12) % 2,
            2026 + (x >> 16) % 2
        );
    }
    let bytes = encoding_rs::WINDOWS_1252.encode(&s).0.into_owned();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stor.csv");
    std::fs::write(&path, &bytes).unwrap();
    let mapping = read_mapping_file(&root().join(MAP)).unwrap();
    let parallel = import_files(&[&path], &mapping, vec![2026, 2027], &mut |_, _| {}).unwrap();
    let mut imp = Importer::new(&mapping).with_years(vec![2026, 2027]);
    let name = path.display().to_string();
    read_extract(
        &name,
        &bytes[..],
        bytes.len() as u64,
        &mut imp,
        &mut |_, _| {},
    )
    .unwrap();
    let sequential = imp.finish().unwrap();
    assert!(parallel.lines_failed >= 3);
    assert_eq!(parallel.errors, sequential.errors);
    assert_eq!(parallel.groups, sequential.groups);
    assert_eq!(parallel.unmapped, sequential.unmapped);
    assert_eq!(parallel.files[0].lines, sequential.files[0].lines);
    assert_eq!(parallel.files[0].charset, "windows-1252");
    assert_eq!(
        (parallel.total, parallel.lines_read, parallel.lines_mapped),
        (
            sequential.total,
            sequential.lines_read,
            sequential.lines_mapped
        )
    );
    // The bad amounts are every 50 000th data line: line 50 002 of the file.
    assert_eq!(parallel.errors[0].location.line, Some(50_002));
}

/// `afsnit: besparelseskrav` fills a scenario's besparelseskrav from the
/// extract (summed over centres); `afsnit: budgetter` gives a fragment that
/// reads back as budgets.
#[test]
fn the_other_sections_fill_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("scenarios/data/eksempel-udtraek.csv"),
        dir.path().join("u.csv"),
    )
    .unwrap();
    let map = |afsnit: &str| {
        format!(
            "kolonner: {{funktion: Funktion, dranst: Dranst, år: Budgetår, beløb: Beløb}}\nafsnit: {afsnit}\nregler:\n  - {{funktion: \"6.45.53\", konto: service}}\n  - {{funktion: \"5.57.*\", dranst: \"2\", udelad: statsrefusion}}\n"
        )
    };
    std::fs::write(dir.path().join("krav.yaml"), map("besparelseskrav")).unwrap();
    let s = dir.path().join("s.yaml");
    std::fs::write(
        &s,
        "titel: t\nenhed: mio. kr.\når: [2026, 2027]\nkonti: {service: {navn: S}}\ndata: {udtræk: u.csv, mapping: krav.yaml}\n",
    )
    .unwrap();
    let loaded = sparekrav::input::read_scenario_file(&s).unwrap();
    // Per year: -1.450.000 - 1.000.000 - 1.750.000 - 1.050.000 - 350.000 - 500.000.
    assert_eq!(
        loaded.scenario.besparelseskrav["service"].0,
        [(2026, d("-6100000.00")), (2027, d("-6100000.00"))]
            .into_iter()
            .collect()
    );

    std::fs::write(dir.path().join("budget.yaml"), map("budgetter")).unwrap();
    let u = dir.path().join("u.csv");
    let (code, frag, err) = run(&[
        "import",
        u.to_str().unwrap(),
        "--map",
        dir.path().join("budget.yaml").to_str().unwrap(),
        "-f",
        "yaml",
        "--unit",
        "mio",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        frag.contains("  - {område: service, år: 2030, oprindeligt: -6.1}"),
        "{frag}"
    );
    let scenario = format!("titel: t\nenhed: mio. kr.\n{frag}");
    let loaded = sparekrav::input::read_scenario_str("s.yaml", &scenario).unwrap();
    assert_eq!(loaded.scenario.budgets.len(), 5);
    assert_eq!(loaded.scenario.budgets[0].original, Some(d("-6100000")));
}

#[test]
fn bad_input_to_the_cli_is_exit_2_with_its_place() {
    let (code, out, err) = run(&["import", "tests/data/mangler.csv", "--map", MAP]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(err.trim_end(), "tests/data/mangler.csv: no such file");
    let dir = tempfile::tempdir().unwrap();
    let m = dir.path().join("m.yaml");
    std::fs::write(
        &m,
        "kolonner: {funktion: Funktion, år: År, beløb: Beløb}\nregler:\n  - {funktion: \"5.68.900\", konto: indsats}\n",
    )
    .unwrap();
    let (code, _, err) = run(&["import", EXTRACT, "--map", m.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("m.yaml:3:")
            && err.contains("regler[0].funktion: \"5.68.900\" is longer than the form"),
        "{err}"
    );
}
