//! Every output format of `report` carries exactly the figures of the text
//! report, for the reference scenario; `-o` writes atomically.

use std::str::FromStr;

use crate::common::{run, REFERENCE};
use calamine::{open_workbook, Data, Reader, Xlsx};
use sparekrav::money::{round_half_away, Decimal};
use sparekrav::numfmt::{parse_number, NumberStyle};

/// A cell reduced to what it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Shown {
    Blank,
    Dash,
    Number { value: Decimal, percent: bool },
    Text(String),
}

fn from_text(cell: &str, style: NumberStyle) -> Shown {
    match cell.trim() {
        "" => Shown::Blank,
        "-" => Shown::Dash,
        t => match parse_number(t, style) {
            Ok(p) => Shown::Number {
                value: p.value,
                percent: p.percent,
            },
            Err(_) => Shown::Text(t.to_string()),
        },
    }
}

/// (title, rows with the label first) per table.
type Tables = Vec<(String, Vec<Vec<Shown>>)>;

fn text_tables(out: &str) -> Tables {
    let lines: Vec<&str> = out.lines().collect();
    let mut tables = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if l.starts_with("+-")
            && i > 0
            && !lines[i - 1].starts_with('|')
            && !lines[i - 1].starts_with('+')
        {
            let rows = lines[i..]
                .iter()
                .take_while(|l| l.starts_with('+') || l.starts_with('|'))
                .filter(|l| l.starts_with('|'))
                .map(|l| {
                    l.trim_matches('|')
                        .split('|')
                        .map(|c| from_text(c, NumberStyle::DANISH))
                        .collect()
                })
                .collect();
            tables.push((lines[i - 1].to_string(), rows));
        }
    }
    tables
}

fn markdown_tables(out: &str) -> Tables {
    let mut tables = Vec::new();
    let lines: Vec<&str> = out.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        if let Some(title) = l.strip_prefix("### ") {
            let rows = lines[i + 1..]
                .iter()
                .skip_while(|l| l.is_empty())
                .take_while(|l| l.starts_with('|'))
                .filter(|l| !l.starts_with("|:--"))
                .map(|l| {
                    l.trim()
                        .trim_matches('|')
                        .split(" | ")
                        .map(|c| from_text(c, NumberStyle::DANISH))
                        .collect()
                })
                .collect();
            tables.push((title.to_string(), rows));
        }
    }
    tables
}

fn report(args: &[&str]) -> String {
    let mut all = vec!["report", REFERENCE];
    all.extend_from_slice(args);
    let (code, out, err) = run(&all);
    assert_eq!((code, err.as_str()), (0, ""));
    out
}

fn reference_tables() -> Tables {
    let t = text_tables(&report(&[]));
    assert_eq!(t.len(), 13, "the reference report has 13 tables");
    t
}

#[test]
fn markdown_carries_the_text_figures() {
    assert_eq!(
        markdown_tables(&report(&["--format", "markdown"])),
        reference_tables()
    );
}

#[test]
fn danish_csv_reads_back_with_semicolon_and_decimal_comma() {
    let out = report(&["--format", "csv"]);
    assert!(out.starts_with('\u{feff}'), "UTF-8 BOM for Excel");
    assert!(
        out.contains("Reducerede udgifter;-2,6;42,6%"),
        "æøå and numbers as Danish Excel reads them"
    );
    assert_csv_carries(
        out.trim_start_matches('\u{feff}'),
        b';',
        NumberStyle::DANISH,
    );
}

#[test]
fn plain_csv_carries_the_same_figures() {
    let out = report(&["--format", "csv", "--csv-style", "plain"]);
    assert!(!out.starts_with('\u{feff}'));
    assert_csv_carries(&out, b',', NumberStyle::PLAIN);
}

/// Reads CSV back with the csv crate and compares each reference table's rows.
fn assert_csv_carries(text: &str, delimiter: u8, style: NumberStyle) {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let records: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    for (title, rows) in reference_tables() {
        let start = records
            .iter()
            .position(|r| r.len() == 1 && r[0] == title)
            .unwrap_or_else(|| panic!("{title} not in CSV"));
        let csv_rows: Vec<Vec<Shown>> = records[start + 1..start + 1 + rows.len()]
            .iter()
            .map(|r| r.iter().map(|c| from_text(c, style)).collect())
            .collect();
        assert_eq!(csv_rows, rows, "{title}");
    }
}

#[test]
fn json_has_exact_strings_beside_the_shown_figures() {
    let out = report(&["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let tables = v["tables"].as_array().unwrap();
    let reference = reference_tables();
    assert_eq!(tables.len(), reference.len());
    for (t, (title, rows)) in tables.iter().zip(&reference) {
        assert_eq!(t["title"].as_str().unwrap(), title);
        for (jrow, row) in t["rows"].as_array().unwrap().iter().zip(&rows[1..]) {
            let cells = jrow["cells"].as_array().unwrap();
            for (c, shown) in cells.iter().zip(&row[1..]) {
                let got = match c["kind"].as_str().unwrap() {
                    "blank" => Shown::Blank,
                    "unknown" | "not_applicable" => Shown::Dash,
                    kind => Shown::Number {
                        value: Decimal::from_str(c["shown"].as_str().unwrap()).unwrap(),
                        percent: kind == "share",
                    },
                };
                assert_eq!(&got, shown, "{title}");
            }
        }
    }
    // The unrounded value travels beside the shown one.
    let bev = tables
        .iter()
        .find(|t| t["id"] == "bevillingsansoegninger")
        .unwrap();
    let cell = &bev["rows"][0]["cells"][0];
    assert_eq!(cell["shown"], "-0.3");
    assert_eq!(cell["exact"], "-0.325");
    assert_eq!(cell["kroner"], "-325000");
}

#[test]
fn xlsx_has_live_formulas_and_the_same_figures() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.xlsx");
    let (code, out, err) = run(&[
        "report",
        REFERENCE,
        "--format",
        "xlsx",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let names = book.sheet_names();
    let reference = reference_tables();
    assert_eq!(names.len(), reference.len());
    for (name, (title, rows)) in names.iter().zip(&reference) {
        let range = book.worksheet_range(name).unwrap();
        assert_eq!(
            range.get_value((0, 0)),
            Some(&Data::String(title.clone())),
            "{name}"
        );
        for (r, row) in rows.iter().enumerate() {
            for (c, shown) in row.iter().enumerate().skip(1) {
                let cell = range
                    .get_value((r as u32 + 1, c as u32))
                    .cloned()
                    .unwrap_or(Data::Empty);
                let got = match (&cell, shown) {
                    (Data::Empty, _) => Shown::Blank,
                    (Data::String(s), _) if s == "-" => Shown::Dash,
                    (Data::String(s), _) => from_text(s, NumberStyle::DANISH),
                    (Data::Float(f), Shown::Number { percent: true, .. }) => Shown::Number {
                        value: round_half_away(
                            Decimal::from_str(&f.to_string()).unwrap() * Decimal::ONE_HUNDRED,
                            1,
                        ),
                        percent: true,
                    },
                    (Data::Float(f), _) => Shown::Number {
                        value: round_half_away(Decimal::from_str(&f.to_string()).unwrap(), 1),
                        percent: false,
                    },
                    (other, _) => panic!("unexpected cell {other:?}"),
                };
                assert_eq!(&got, shown, "{title} row {r} col {c}");
            }
        }
    }
    // The konto 6 total and a share are live formulas.
    let formulas = book.worksheet_formula(&names[0]).unwrap();
    assert_eq!(
        formulas.get_value((5, 2)).map(String::as_str),
        Some("SUM(C4:C5)")
    );
    let shares = names.iter().position(|n| n.contains("center")).unwrap();
    let formulas = book.worksheet_formula(&names[shares]).unwrap();
    assert_eq!(
        formulas.get_value((3, 2)).map(String::as_str),
        Some("B4/B$7")
    );
}

#[test]
fn output_file_is_written_atomically_and_kept_on_failure() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.md");
    std::fs::write(&path, "previous report\n").unwrap();
    // Bad input: nothing is written, the previous file survives.
    let (code, _, _) = run(&[
        "report",
        "does/not/exist.yaml",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "previous report\n");
    // A good run replaces it whole.
    let (code, _, _) = run(&[
        "report",
        REFERENCE,
        "--format",
        "markdown",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        report(&["--format", "markdown"])
    );
    // A place that cannot be written: clear message naming the path, exit 2.
    let blocked = dir.path().join("rapport.md").join("x.md");
    let (code, _, err) = run(&["report", REFERENCE, "-o", blocked.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with(&format!(
            "sparekrav: error: cannot write {}",
            blocked.display()
        )),
        "{err}"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left behind");
}

#[test]
fn markdown_csv_and_text_output_verify_with_zero_errors() {
    let dir = tempfile::tempdir().unwrap();
    for (format, file) in [("text", "r.txt"), ("markdown", "r.md"), ("csv", "r.csv")] {
        let path = dir.path().join(file);
        let p = path.to_str().unwrap();
        let (code, _, _) = run(&["report", REFERENCE, "--format", format, "-o", p]);
        assert_eq!(code, 0);
        let (code, out, err) = run(&["verify", p]);
        assert_eq!((code, err.as_str()), (0, ""), "{format}");
        let summary = out.lines().last().unwrap();
        assert!(
            summary.ends_with("51 relations: 31 exact, 6 rounding, 0 errors, 14 skipped"),
            "{format}: {summary}"
        );
    }
}

#[test]
fn the_output_file_ending_picks_the_format() {
    let dir = tempfile::tempdir().unwrap();
    for (file, starts) in [
        ("r.xlsx", &b"PK"[..]),
        ("r.csv", "\u{feff}".as_bytes()),
        ("r.json", b"{"),
        ("r.md", b"## "),
    ] {
        let path = dir.path().join(file);
        let (code, _, _) = run(&["report", REFERENCE, "-o", path.to_str().unwrap()]);
        assert_eq!(code, 0);
        assert!(std::fs::read(&path).unwrap().starts_with(starts), "{file}");
    }
    // A --format that contradicts the ending is refused (issue 8): nothing
    // is written into a file its ending misnames.
    let path = dir.path().join("r2.csv");
    let (code, _, _) = run(&[
        "report",
        REFERENCE,
        "-f",
        "markdown",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(!path.exists());
}
