//! Every output format over the reference tables of Randers Kommune,
//! Beskæftigelsesudvalget 2. december 2025 (punkt 116 and 119): exact output
//! of each format, and the same shown figures in all of them.

use std::io::Cursor;
use std::str::FromStr;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use rust_decimal::Decimal;
use sparekrav::money::{round_half_away, Unit};
use sparekrav::numfmt::{parse_number, NumberStyle};
use sparekrav::render::{self, CsvStyle, Format, ReportMeta};
use sparekrav::table::{
    Cell, Column, ColumnKind, DisplayCell, DisplayOptions, DisplayTable, Lang, Row, RowKind,
    ShareMethod, Table,
};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn kr(s: &str) -> Cell {
    Cell::Amount(d(s))
}

fn amount_columns(labels: &[&str]) -> Vec<Column> {
    labels
        .iter()
        .map(|l| Column {
            label: l.to_string(),
            kind: ColumnKind::Amount,
        })
        .collect()
}

fn row(label: &str, kind: RowKind, cells: Vec<Cell>) -> Row {
    Row {
        label: label.into(),
        kind,
        cells,
    }
}

/// Punkt 119, konto 6: Besparelseskrav, Realiserede besparelser, I alt konto 6.
fn konto6() -> Table {
    Table {
        stub: None,
        id: "konto6-service".into(),
        title: "Beskæftigelsesreformen på konto 6 (service)".into(),
        columns: amount_columns(&["2026", "2027", "2028", "2029"]),
        rows: vec![
            Row::section("Konto 6 (service)", 4),
            row(
                "Besparelseskrav",
                RowKind::Item,
                vec![
                    kr("6100000"),
                    kr("15900000"),
                    kr("18500000"),
                    kr("19100000"),
                ],
            ),
            row(
                "Realiserede besparelser",
                RowKind::Item,
                vec![kr("-6100000"); 4],
            ),
            row(
                "I alt konto 6",
                RowKind::Total,
                vec![kr("0"), kr("9800000"), kr("12400000"), kr("13000000")],
            ),
        ],
        notes: vec![],
    }
}

/// Punkt 119: realiserede besparelser 2026 fordelt på centre, with shares.
fn centers() -> Table {
    let total = d("-6100000");
    let share = |k: &str| Cell::Share(d(k) / total * d("100"));
    Table {
        stub: None,
        id: "andele-center-2026".into(),
        title: "Realiserede besparelser 2026 fordelt på centre".into(),
        columns: vec![
            Column {
                label: "Realiserede besparelser 2026".into(),
                kind: ColumnKind::Amount,
            },
            Column {
                label: "Andel".into(),
                kind: ColumnKind::Share,
            },
        ],
        rows: vec![
            Row::section("Konto 6 (service)", 2),
            row(
                "Center for Job og Kompetencer",
                RowKind::Item,
                vec![kr("-1400000"), share("-1400000")],
            ),
            row(
                "Center for Job og Udvikling",
                RowKind::Item,
                vec![kr("-4200000"), share("-4200000")],
            ),
            row(
                "Center for Virksomhedsservice og Rekruttering",
                RowKind::Item,
                vec![kr("-500000"), share("-500000")],
            ),
            row(
                "I alt konto 6",
                RowKind::Total,
                vec![kr("-6100000"), Cell::Share(d("100"))],
            ),
        ],
        notes: vec!["Andelene summer til 100,1 pga. afrunding.".into()],
    }
}

/// Punkt 116: bevillingsansøgninger, with a not-applicable column, plus a
/// row whose 2026 figure is unknown (the fleksjob cases), so its total is too.
fn bevillinger() -> Table {
    Table {
        stub: None,
        id: "bevillingsansøgninger".into(),
        title: "Bevillingsansøgninger".into(),
        columns: amount_columns(&["2025", "2026", "Anlægsbevillinger"]),
        rows: vec![
            row(
                "Servicerammen",
                RowKind::Item,
                vec![kr("-325000"), kr("0"), Cell::NotApplicable],
            ),
            row(
                "Indkomstoverførsler",
                RowKind::Item,
                vec![kr("0"), kr("0"), Cell::NotApplicable],
            ),
            row(
                "Fleksjob | berigtigelse",
                RowKind::Item,
                vec![kr("0"), Cell::Unknown, Cell::NotApplicable],
            ),
            row(
                "I alt",
                RowKind::Total,
                vec![kr("-325000"), Cell::Unknown, Cell::NotApplicable],
            ),
        ],
        notes: vec![],
    }
}

fn meta() -> ReportMeta {
    ReportMeta {
        title: "Beskæftigelsesreformen: status på økonomien".into(),
        source: Some("Randers Kommune, Beskæftigelsesudvalget 2. december 2025".into()),
    }
}

fn shown(tables: &[Table], options: &DisplayOptions) -> Vec<DisplayTable> {
    tables.iter().map(|t| t.display(options).unwrap()).collect()
}

fn reference() -> Vec<DisplayTable> {
    shown(
        &[konto6(), centers(), bevillinger()],
        &DisplayOptions::default(),
    )
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap()
}

// ---------------------------------------------------------------- Markdown

#[test]
fn markdown_of_the_reference_tables() {
    let out =
        text(render::render(&meta(), &reference(), Format::Markdown, CsvStyle::Danish).unwrap());
    let expected = "\
## Beskæftigelsesreformen: status på økonomien

Randers Kommune, Beskæftigelsesudvalget 2. december 2025

### Beskæftigelsesreformen på konto 6 (service)

| Mio. kr. | 2026 | 2027 | 2028 | 2029 |
|:---|---:|---:|---:|---:|
| Konto 6 (service) |  |  |  |  |
| Besparelseskrav | 6,1 | 15,9 | 18,5 | 19,1 |
| Realiserede besparelser | -6,1 | -6,1 | -6,1 | -6,1 |
| I alt konto 6 | 0,0 | 9,8 | 12,4 | 13,0 |

### Realiserede besparelser 2026 fordelt på centre

| Mio. kr. | Realiserede besparelser 2026 | Andel |
|:---|---:|---:|
| Konto 6 (service) |  |  |
| Center for Job og Kompetencer | -1,4 | 23,0% |
| Center for Job og Udvikling | -4,2 | 68,9% |
| Center for Virksomhedsservice og Rekruttering | -0,5 | 8,2% |
| I alt konto 6 | -6,1 | 100,0% |

Andelene summer til 100,1 pga. afrunding.

### Bevillingsansøgninger

| Mio. kr. | 2025 | 2026 | Anlægsbevillinger |
|:---|---:|---:|---:|
| Servicerammen | -0,3 | 0,0 | - |
| Indkomstoverførsler | 0,0 | 0,0 | - |
| Fleksjob \\| berigtigelse | 0,0 | - | - |
| I alt | -0,3 | - | - |
";
    assert_eq!(out, expected);
}

#[test]
fn markdown_in_kroner_groups_thousands_and_english_uses_points() {
    let kr = DisplayOptions {
        unit: Unit::Kr,
        decimals: 0,
        ..DisplayOptions::default()
    };
    let t = bevillinger().display(&kr).unwrap();
    let out = render::markdown::render_table(&t);
    assert!(
        out.contains("| Kr. | 2025 | 2026 | Anlægsbevillinger |\n"),
        "{out}"
    );
    assert!(
        out.contains("| Servicerammen | -325.000 | 0 | - |\n"),
        "{out}"
    );

    let en = DisplayOptions {
        lang: Lang::En,
        ..DisplayOptions::default()
    };
    let t = centers().display(&en).unwrap();
    let out = render::markdown::render_table(&t);
    assert!(out.contains("| DKK million | Realiserede besparelser 2026 | Andel |\n"));
    assert!(
        out.contains("| Center for Job og Kompetencer | -1.4 | 23.0% |\n"),
        "{out}"
    );
}

// --------------------------------------------------------------------- CSV

#[test]
fn csv_danish_exact_bytes() {
    let out = render::render(&meta(), &reference(), Format::Csv, CsvStyle::Danish).unwrap();
    let mut expected = vec![0xEF, 0xBB, 0xBF];
    expected.extend_from_slice(
        "Beskæftigelsesreformen: status på økonomien\r\n\
Randers Kommune, Beskæftigelsesudvalget 2. december 2025\r\n\
\r\n\
Beskæftigelsesreformen på konto 6 (service)\r\n\
Mio. kr.;2026;2027;2028;2029\r\n\
Konto 6 (service);;;;\r\n\
Besparelseskrav;6,1;15,9;18,5;19,1\r\n\
Realiserede besparelser;-6,1;-6,1;-6,1;-6,1\r\n\
I alt konto 6;0,0;9,8;12,4;13,0\r\n\
\r\n\
Realiserede besparelser 2026 fordelt på centre\r\n\
Mio. kr.;Realiserede besparelser 2026;Andel\r\n\
Konto 6 (service);;\r\n\
Center for Job og Kompetencer;-1,4;23,0%\r\n\
Center for Job og Udvikling;-4,2;68,9%\r\n\
Center for Virksomhedsservice og Rekruttering;-0,5;8,2%\r\n\
I alt konto 6;-6,1;100,0%\r\n\
Andelene summer til 100,1 pga. afrunding.\r\n\
\r\n\
Bevillingsansøgninger\r\n\
Mio. kr.;2025;2026;Anlægsbevillinger\r\n\
Servicerammen;-0,3;0,0;-\r\n\
Indkomstoverførsler;0,0;0,0;-\r\n\
Fleksjob | berigtigelse;0,0;-;-\r\n\
I alt;-0,3;-;-\r\n"
            .as_bytes(),
    );
    assert_eq!(text(out.clone()), text(expected.clone()));
    assert_eq!(out, expected);
}

#[test]
fn csv_plain_exact_bytes() {
    let tables = shown(&[centers()], &DisplayOptions::default());
    let out = render::render(
        &ReportMeta::default(),
        &tables,
        Format::Csv,
        CsvStyle::Plain,
    )
    .unwrap();
    assert_eq!(
        text(out),
        "Realiserede besparelser 2026 fordelt på centre\r\n\
Mio. kr.,Realiserede besparelser 2026,Andel\r\n\
Konto 6 (service),,\r\n\
Center for Job og Kompetencer,-1.4,23.0%\r\n\
Center for Job og Udvikling,-4.2,68.9%\r\n\
Center for Virksomhedsservice og Rekruttering,-0.5,8.2%\r\n\
I alt konto 6,-6.1,100.0%\r\n\
\"Andelene summer til 100,1 pga. afrunding.\"\r\n"
    );
}

#[test]
fn csv_large_amounts_are_ungrouped_and_separators_are_quoted() {
    let in_kr = DisplayOptions {
        unit: Unit::Kr,
        decimals: 1,
        ..DisplayOptions::default()
    };
    let mut t = bevillinger();
    t.rows[0].label = "Servicerammen; borgerservice \"BU\"".into();
    t.rows[0].cells[0] = kr("-1234567.25");
    let out = render::csv::render(
        &ReportMeta::default(),
        &[t.display(&in_kr).unwrap()],
        CsvStyle::Danish,
    )
    .unwrap();
    let out = text(out);
    assert!(
        out.contains("\r\n\"Servicerammen; borgerservice \"\"BU\"\"\";-1234567,3;0,0;-\r\n"),
        "{out}"
    );
}

// -------------------------------------------------------------------- JSON

#[test]
fn json_of_the_centers_table_exactly() {
    let tables = shown(&[centers()], &DisplayOptions::default());
    let meta = ReportMeta {
        title: "Status".into(),
        source: None,
    };
    let out = render::json::render(&meta, &tables).unwrap();
    let expected = r#"{
  "version": 1,
  "meta": {
    "title": "Status",
    "source": null
  },
  "tables": [
    {
      "id": "andele-center-2026",
      "title": "Realiserede besparelser 2026 fordelt på centre",
      "unit": "mio",
      "lang": "da",
      "stub_header": "Mio. kr.",
      "decimals": 1,
      "share_decimals": 1,
      "columns": [
        {
          "label": "Realiserede besparelser 2026",
          "kind": "amount"
        },
        {
          "label": "Andel",
          "kind": "share"
        }
      ],
      "rows": [
        {
          "label": "Konto 6 (service)",
          "kind": "section",
          "cells": [
            {
              "kind": "blank"
            },
            {
              "kind": "blank"
            }
          ]
        },
        {
          "label": "Center for Job og Kompetencer",
          "kind": "item",
          "cells": [
            {
              "kind": "amount",
              "shown": "-1.4",
              "exact": "-1.4",
              "kroner": "-1400000"
            },
            {
              "kind": "share",
              "shown": "23.0",
              "exact": "22.95081967213114754098360656"
            }
          ]
        },
        {
          "label": "Center for Job og Udvikling",
          "kind": "item",
          "cells": [
            {
              "kind": "amount",
              "shown": "-4.2",
              "exact": "-4.2",
              "kroner": "-4200000"
            },
            {
              "kind": "share",
              "shown": "68.9",
              "exact": "68.85245901639344262295081967"
            }
          ]
        },
        {
          "label": "Center for Virksomhedsservice og Rekruttering",
          "kind": "item",
          "cells": [
            {
              "kind": "amount",
              "shown": "-0.5",
              "exact": "-0.5",
              "kroner": "-500000"
            },
            {
              "kind": "share",
              "shown": "8.2",
              "exact": "8.19672131147540983606557377"
            }
          ]
        },
        {
          "label": "I alt konto 6",
          "kind": "total",
          "cells": [
            {
              "kind": "amount",
              "shown": "-6.1",
              "exact": "-6.1",
              "kroner": "-6100000"
            },
            {
              "kind": "share",
              "shown": "100.0",
              "exact": "100"
            }
          ]
        }
      ],
      "notes": [
        "Andelene summer til 100,1 pga. afrunding."
      ]
    }
  ]
}
"#;
    assert_eq!(out, expected);
}

#[test]
fn json_keeps_unknown_and_not_applicable_apart() {
    let tables = shown(&[bevillinger()], &DisplayOptions::default());
    let v: serde_json::Value =
        serde_json::from_str(&render::json::render(&ReportMeta::default(), &tables).unwrap())
            .unwrap();
    let rows = &v["tables"][0]["rows"];
    assert_eq!(rows[3]["kind"], "total");
    assert_eq!(rows[3]["cells"][1], serde_json::json!({"kind": "unknown"}));
    assert_eq!(
        rows[3]["cells"][2],
        serde_json::json!({"kind": "not_applicable"})
    );
    assert_eq!(
        rows[0]["cells"][0],
        serde_json::json!({"kind": "amount", "shown": "-0.3", "exact": "-0.325", "kroner": "-325000"})
    );
    // A computed zero is a figure, not a dash.
    assert_eq!(
        rows[1]["cells"][0],
        serde_json::json!({"kind": "amount", "shown": "0.0", "exact": "0", "kroner": "0"})
    );
}

// -------------------------------------------------------------------- xlsx

struct Sheet {
    values: calamine::Range<Data>,
    formulas: calamine::Range<String>,
}

impl Sheet {
    /// Value at an Excel address given as (1-based row, 0-based column).
    fn value(&self, row: u32, col: u32) -> Data {
        self.values
            .get_value((row - 1, col))
            .cloned()
            .unwrap_or(Data::Empty)
    }
    fn formula(&self, row: u32, col: u32) -> String {
        self.formulas
            .get_value((row - 1, col))
            .cloned()
            .unwrap_or_default()
    }
}

fn read_xlsx(bytes: Vec<u8>) -> (Vec<String>, Vec<Sheet>) {
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let names = wb.sheet_names();
    let sheets = names
        .iter()
        .map(|n| Sheet {
            values: wb.worksheet_range(n).unwrap(),
            formulas: wb.worksheet_formula(n).unwrap(),
        })
        .collect();
    (names, sheets)
}

fn float(data: &Data) -> f64 {
    match data {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("not a number: {other:?}"),
    }
}

/// A cached xlsx number back as an exact decimal (via its shortest string).
fn dec(data: &Data) -> Decimal {
    Decimal::from_str(&float(data).to_string()).unwrap()
}

fn string(data: &Data) -> &str {
    match data {
        Data::String(s) => s,
        other => panic!("not a string: {other:?}"),
    }
}

#[test]
fn xlsx_sheets_values_and_formulas() {
    let bytes = render::render(&meta(), &reference(), Format::Xlsx, CsvStyle::Danish).unwrap();
    let (names, sheets) = read_xlsx(bytes);
    assert_eq!(
        names,
        vec![
            "konto6-service",
            "andele-center-2026",
            "bevillingsansøgninger"
        ]
    );

    // Konto 6.
    let s = &sheets[0];
    assert_eq!(
        string(&s.value(1, 0)),
        "Beskæftigelsesreformen på konto 6 (service)"
    );
    assert_eq!(string(&s.value(2, 0)), "Mio. kr.");
    assert_eq!(string(&s.value(2, 1)), "2026");
    assert_eq!(string(&s.value(2, 4)), "2029");
    assert_eq!(string(&s.value(3, 0)), "Konto 6 (service)");
    assert_eq!(s.value(3, 1), Data::Empty);
    assert_eq!(string(&s.value(4, 0)), "Besparelseskrav");
    assert_eq!(float(&s.value(4, 1)), 6.1);
    assert_eq!(float(&s.value(4, 4)), 19.1);
    assert_eq!(float(&s.value(5, 2)), -6.1);
    assert_eq!(s.formula(4, 1), "");
    assert_eq!(string(&s.value(6, 0)), "I alt konto 6");
    assert_eq!(s.formula(6, 1), "SUM(B4:B5)");
    assert_eq!(s.formula(6, 2), "SUM(C4:C5)");
    assert_eq!(s.formula(6, 4), "SUM(E4:E5)");
    // Cached results: the tool's own totals.
    assert_eq!(float(&s.value(6, 1)), 0.0);
    assert_eq!(float(&s.value(6, 2)), 9.8);
    assert_eq!(float(&s.value(6, 3)), 12.4);
    assert_eq!(float(&s.value(6, 4)), 13.0);

    // Centers with shares.
    let s = &sheets[1];
    assert_eq!(string(&s.value(2, 1)), "Realiserede besparelser 2026");
    assert_eq!(string(&s.value(2, 2)), "Andel");
    assert_eq!(float(&s.value(4, 1)), -1.4);
    assert_eq!(s.formula(4, 2), "B4/B$7");
    assert_eq!(s.formula(5, 2), "B5/B$7");
    assert_eq!(s.formula(6, 2), "B6/B$7");
    assert_eq!(s.formula(7, 1), "SUM(B4:B6)");
    assert_eq!(s.formula(7, 2), "B7/B$7");
    assert_eq!(float(&s.value(7, 1)), -6.1);
    assert_eq!(float(&s.value(7, 2)), 1.0);
    assert_eq!(
        round_half_away(dec(&s.value(4, 2)) * d("100"), 1),
        d("23.0")
    );
    assert_eq!(
        round_half_away(dec(&s.value(5, 2)) * d("100"), 1),
        d("68.9")
    );
    assert_eq!(round_half_away(dec(&s.value(6, 2)) * d("100"), 1), d("8.2"));
    // The note, after a blank row.
    assert_eq!(s.value(8, 0), Data::Empty);
    assert_eq!(
        string(&s.value(9, 0)),
        "Andelene summer til 100,1 pga. afrunding."
    );

    // Unknown and not applicable: `-`, and no formula over the unknown.
    let s = &sheets[2];
    assert_eq!(float(&s.value(3, 1)), -0.325);
    assert_eq!(string(&s.value(5, 2)), "-");
    assert_eq!(string(&s.value(3, 3)), "-");
    assert_eq!(s.formula(6, 1), "SUM(B3:B5)");
    assert_eq!(float(&s.value(6, 1)), -0.325);
    assert_eq!(string(&s.value(6, 2)), "-");
    assert_eq!(s.formula(6, 2), "");
    assert_eq!(string(&s.value(6, 3)), "-");
}

#[test]
fn xlsx_largest_remainder_shares_are_written_as_shown() {
    let lr = DisplayOptions {
        shares: ShareMethod::LargestRemainder,
        ..DisplayOptions::default()
    };
    let t = centers().display(&lr).unwrap();
    let bytes = render::xlsx::render(&ReportMeta::default(), std::slice::from_ref(&t)).unwrap();
    let (_, sheets) = read_xlsx(bytes);
    let s = &sheets[0];
    // 22,95 is allocated 22,9: a formula would show 23,0, so the figure is static.
    assert_eq!(s.formula(4, 2), "");
    assert_eq!(float(&s.value(4, 2)), 0.229);
    assert_eq!(s.formula(5, 2), "B5/B$7");
    assert_eq!(s.formula(6, 2), "B6/B$7");
}

// ------------------------------------------------------ the same figures

/// The expected text of a cell, given how the format writes figures.
fn check_cell(field: &str, cell: &DisplayCell, style: NumberStyle, ctx: &str) {
    match cell {
        DisplayCell::Amount { shown, .. } => {
            let p = parse_number(field, style).unwrap_or_else(|e| panic!("{ctx}: {e}"));
            assert_eq!((p.value, p.percent), (*shown, false), "{ctx}");
        }
        DisplayCell::Share { shown, .. } => {
            let p = parse_number(field, style).unwrap_or_else(|e| panic!("{ctx}: {e}"));
            assert_eq!((p.value, p.percent), (*shown, true), "{ctx}");
        }
        DisplayCell::Unknown | DisplayCell::NotApplicable => assert_eq!(field, "-", "{ctx}"),
        DisplayCell::Blank => assert_eq!(field, "", "{ctx}"),
    }
}

#[test]
fn every_format_carries_the_same_shown_figures() {
    for options in [
        DisplayOptions::default(),
        DisplayOptions {
            unit: Unit::TKr,
            decimals: 0,
            shares: ShareMethod::LargestRemainder,
            ..DisplayOptions::default()
        },
    ] {
        let tables = shown(&[konto6(), centers(), bevillinger()], &options);
        let m = ReportMeta::default();

        // CSV, Danish: `;`, decimal comma, read back with the csv crate.
        let csv_bytes = render::render(&m, &tables, Format::Csv, CsvStyle::Danish).unwrap();
        let body = csv_bytes.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap();
        let records: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(false)
            .flexible(true)
            .from_reader(body)
            .records()
            .map(Result::unwrap)
            .collect();
        let mut it = records.iter();
        for t in &tables {
            assert_eq!(&it.next().unwrap()[0], t.title);
            assert_eq!(it.next().unwrap().iter().collect::<Vec<_>>(), t.header());
            for r in &t.rows {
                let rec = it.next().unwrap();
                assert_eq!(rec.len(), r.cells.len() + 1);
                assert_eq!(&rec[0], r.label);
                for (field, cell) in rec.iter().skip(1).zip(&r.cells) {
                    check_cell(field, cell, NumberStyle::DANISH_UNGROUPED, "csv");
                }
            }
            for note in &t.notes {
                assert_eq!(&it.next().unwrap()[0], note);
            }
        }
        assert!(it.next().is_none());

        // CSV, plain.
        let plain = render::render(&m, &tables, Format::Csv, CsvStyle::Plain).unwrap();
        let records: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(&plain[..])
            .records()
            .map(Result::unwrap)
            .collect();
        let mut it = records.iter();
        for t in &tables {
            it.next();
            it.next();
            for r in &t.rows {
                let rec = it.next().unwrap();
                for (field, cell) in rec.iter().skip(1).zip(&r.cells) {
                    check_cell(field, cell, NumberStyle::PLAIN, "plain csv");
                }
            }
            for _ in &t.notes {
                it.next();
            }
        }

        // Markdown: the pipe-table rows.
        let md = text(render::render(&m, &tables, Format::Markdown, CsvStyle::Danish).unwrap());
        let rows: Vec<Vec<String>> = md
            .lines()
            .filter(|l| l.starts_with("| "))
            .map(split_markdown_row)
            .collect();
        let mut it = rows.iter();
        for t in &tables {
            assert_eq!(it.next().unwrap(), &t.header());
            for r in &t.rows {
                let cells = it.next().unwrap();
                assert_eq!(cells[0], r.label);
                for (field, cell) in cells.iter().skip(1).zip(&r.cells) {
                    check_cell(field, cell, NumberStyle::DANISH, "markdown");
                }
            }
        }

        // JSON: `shown` strings.
        let json: serde_json::Value =
            serde_json::from_str(&render::json::render(&m, &tables).unwrap()).unwrap();
        for (t, jt) in tables.iter().zip(json["tables"].as_array().unwrap()) {
            for (r, jr) in t.rows.iter().zip(jt["rows"].as_array().unwrap()) {
                for (cell, jc) in r.cells.iter().zip(jr["cells"].as_array().unwrap()) {
                    match cell.shown() {
                        Some(s) => assert_eq!(d(jc["shown"].as_str().unwrap()), s),
                        None => assert!(jc.get("shown").is_none()),
                    }
                }
            }
        }

        // xlsx: cached values, rounded to the display decimals.
        let (_, sheets) = read_xlsx(render::xlsx::render(&m, &tables).unwrap());
        for (t, s) in tables.iter().zip(&sheets) {
            for (i, r) in t.rows.iter().enumerate() {
                let row = i as u32 + 3;
                for (j, cell) in r.cells.iter().enumerate() {
                    let v = s.value(row, j as u32 + 1);
                    match cell {
                        DisplayCell::Amount { shown, .. } => {
                            assert_eq!(round_half_away(dec(&v), options.decimals), *shown)
                        }
                        DisplayCell::Share { shown, .. } => assert_eq!(
                            round_half_away(dec(&v) * d("100"), options.share_decimals),
                            *shown
                        ),
                        DisplayCell::Unknown | DisplayCell::NotApplicable => {
                            assert_eq!(string(&v), "-")
                        }
                        DisplayCell::Blank => assert_eq!(v, Data::Empty),
                    }
                }
            }
        }
    }
}

/// Splits `| a | b \| c |` into cells, undoing the Markdown escapes.
fn split_markdown_row(line: &str) -> Vec<String> {
    let inner = line.strip_prefix("| ").unwrap().strip_suffix(" |").unwrap();
    let mut cells = vec![String::new()];
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    cells.last_mut().unwrap().push(n);
                }
            }
            ' ' if chars.peek() == Some(&'|') => {
                chars.next();
                chars.next(); // the space after `|`
                cells.push(String::new());
            }
            _ => cells.last_mut().unwrap().push(c),
        }
    }
    cells
}

#[test]
fn xlsx_totals_are_formulas_only_when_they_are_the_sum() {
    // ØVO: sigtelinje 8,6, buffer -1,1 (derived), I alt 7,5 = both; then a
    // second block whose "total" is not the sum of its rows.
    let t = Table {
        stub: None,
        id: "oevo".into(),
        title: "Indsats (konto 5)".into(),
        columns: amount_columns(&["2026"]),
        rows: vec![
            row("Sigtelinje", RowKind::Item, vec![kr("8600000")]),
            row("ØVO-buffer", RowKind::Derived, vec![kr("-1100000")]),
            row("I alt indsats", RowKind::Total, vec![kr("7500000")]),
            row("Opsparing", RowKind::Item, vec![kr("5500000")]),
            row("Ikke en sum", RowKind::Total, vec![kr("1000000")]),
        ],
        notes: vec![],
    };
    let shown = t.display(&DisplayOptions::default()).unwrap();
    let (_, sheets) = read_xlsx(render::xlsx::render(&ReportMeta::default(), &[shown]).unwrap());
    let s = &sheets[0];
    assert_eq!(s.formula(5, 1), "SUM(B3:B4)");
    assert_eq!(float(&s.value(5, 1)), 7.5);
    assert_eq!(s.formula(7, 1), "");
    assert_eq!(float(&s.value(7, 1)), 1.0);
}
