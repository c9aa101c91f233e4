//! Property tests: for random tables, the Danish CSV, the plain CSV and the
//! Markdown output read back to exactly the labels and shown figures of the
//! `DisplayTable`.

use proptest::prelude::*;
use rust_decimal::Decimal;
use sparekrav::money::Unit;
use sparekrav::numfmt::{parse_number, NumberStyle};
use sparekrav::render::{self, CsvStyle, Format, ReportMeta};
use sparekrav::table::{
    Cell, Column, ColumnKind, DisplayCell, DisplayOptions, DisplayTable, Lang, Row, RowKind,
    ShareMethod, Table,
};

/// Labels with the characters that need care in some format (`|`, `\`, `;`,
/// `,`, `"`, `%`, `-`, æøå), but no line breaks (Markdown makes them spaces).
fn label() -> impl Strategy<Value = String> {
    "[A-Za-z0-9æøåÆØÅ |\\\\;,\"%.()-]{0,24}"
}

/// Notes and titles: free text without line breaks or a leading `|`.
fn text() -> impl Strategy<Value = String> {
    "[A-Za-z0-9æøå][A-Za-z0-9æøå ,.;:()%-]{0,30}"
}

fn decimal(max_mantissa: i64, max_scale: u32) -> impl Strategy<Value = Decimal> {
    (-max_mantissa..=max_mantissa, 0..=max_scale).prop_map(|(m, s)| Decimal::new(m, s))
}

fn cell(kind: ColumnKind) -> impl Strategy<Value = Cell> {
    let figure = match kind {
        ColumnKind::Amount => decimal(10_i64.pow(13), 2).prop_map(Cell::Amount).boxed(),
        ColumnKind::Share => decimal(200_000_000, 6).prop_map(Cell::Share).boxed(),
    };
    prop_oneof![
        6 => figure,
        1 => Just(Cell::Unknown),
        1 => Just(Cell::NotApplicable),
    ]
}

fn row(columns: Vec<ColumnKind>) -> impl Strategy<Value = Row> {
    let cells: Vec<_> = columns.iter().map(|&k| cell(k)).collect();
    let width = columns.len();
    (
        label(),
        prop_oneof![
            Just(RowKind::Section),
            Just(RowKind::Item),
            Just(RowKind::Item),
            Just(RowKind::Total),
            Just(RowKind::Derived),
        ],
        cells,
    )
        .prop_map(move |(label, kind, cells)| {
            if kind == RowKind::Section {
                Row::section(label, width)
            } else {
                Row { label, kind, cells }
            }
        })
}

fn table() -> impl Strategy<Value = Table> {
    proptest::collection::vec(
        (
            label(),
            prop_oneof![3 => Just(ColumnKind::Amount), 1 => Just(ColumnKind::Share)],
        ),
        0..5,
    )
    .prop_flat_map(|columns| {
        let kinds: Vec<ColumnKind> = columns.iter().map(|c| c.1).collect();
        (
            Just(columns),
            proptest::collection::vec(row(kinds), 0..8),
            "[a-z0-9-]{1,12}",
            text(),
            proptest::collection::vec(text(), 0..3),
        )
    })
    .prop_map(|(columns, rows, id, title, notes)| Table {
        stub: None,
        id,
        title,
        columns: columns
            .into_iter()
            .map(|(label, kind)| Column { label, kind })
            .collect(),
        rows,
        notes,
    })
}

fn options() -> impl Strategy<Value = DisplayOptions> {
    (
        prop_oneof![Just(Unit::Kr), Just(Unit::TKr), Just(Unit::Mio)],
        0u32..=4,
        0u32..=2,
        prop_oneof![Just(Lang::Da), Just(Lang::En)],
        prop_oneof![
            Just(ShareMethod::Independent),
            Just(ShareMethod::LargestRemainder)
        ],
    )
        .prop_map(
            |(unit, decimals, share_decimals, lang, shares)| DisplayOptions {
                unit,
                decimals,
                share_decimals,
                lang,
                shares,
            },
        )
}

/// Checks one printed figure against its cell.
fn same(field: &str, cell: &DisplayCell, style: NumberStyle) -> Result<(), TestCaseError> {
    match cell {
        DisplayCell::Amount { shown, .. } | DisplayCell::Share { shown, .. } => {
            let p = parse_number(field, style)
                .map_err(|e| TestCaseError::fail(format!("{field:?}: {e}")))?;
            prop_assert_eq!(p.value, *shown, "{:?}", field);
            prop_assert_eq!(p.percent, matches!(cell, DisplayCell::Share { .. }));
        }
        DisplayCell::Unknown | DisplayCell::NotApplicable => prop_assert_eq!(field, "-"),
        DisplayCell::Blank => prop_assert_eq!(field, ""),
    }
    Ok(())
}

/// Reads the CSV back and compares it with the tables.
fn check_csv(
    bytes: &[u8],
    style: CsvStyle,
    meta: &ReportMeta,
    tables: &[DisplayTable],
) -> Result<(), TestCaseError> {
    let (body, numbers) = match style {
        CsvStyle::Danish => {
            prop_assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "no BOM");
            (&bytes[3..], NumberStyle::DANISH_UNGROUPED)
        }
        CsvStyle::Plain => {
            prop_assert!(!bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
            (bytes, NumberStyle::PLAIN)
        }
    };
    let records: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
        .delimiter(style.delimiter())
        .has_headers(false)
        .flexible(true)
        .from_reader(body)
        .records()
        .collect::<Result<_, _>>()
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let mut it = records.iter();
    let mut next = || {
        it.next()
            .ok_or_else(|| TestCaseError::fail("missing record"))
    };
    if !meta.title.is_empty() {
        prop_assert_eq!(
            next()?.iter().collect::<Vec<_>>(),
            vec![meta.title.as_str()]
        );
    }
    for t in tables {
        prop_assert_eq!(next()?.iter().collect::<Vec<_>>(), vec![t.title.as_str()]);
        prop_assert_eq!(next()?.iter().map(unguard).collect::<Vec<_>>(), t.header());
        for r in &t.rows {
            let rec = next()?;
            prop_assert_eq!(rec.len(), r.cells.len() + 1);
            prop_assert_eq!(unguard(&rec[0]), r.label.as_str());
            for (field, cell) in rec.iter().skip(1).zip(&r.cells) {
                same(field, cell, numbers)?;
            }
        }
        for note in &t.notes {
            prop_assert_eq!(next()?.iter().collect::<Vec<_>>(), vec![note.as_str()]);
        }
    }
    prop_assert!(it.next().is_none(), "extra records");
    Ok(())
}

/// A text cell as written, without the `'` that keeps a spreadsheet from
/// taking text that begins with `=`, `+`, `-` or `@` for a formula.
fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => cell,
    }
}

/// Splits `| a | b \| c |` into cells, undoing the Markdown escapes.
fn split_markdown_row(line: &str) -> Option<Vec<String>> {
    let inner = line.strip_prefix("| ")?.strip_suffix(" |")?;
    let mut cells = vec![String::new()];
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let n = chars.next()?;
                cells.last_mut()?.push(n);
            }
            ' ' if chars.peek() == Some(&'|') => {
                chars.next();
                if chars.next() != Some(' ') {
                    return None;
                }
                cells.push(String::new());
            }
            _ => cells.last_mut()?.push(c),
        }
    }
    Some(cells)
}

fn check_markdown(md: &str, tables: &[DisplayTable]) -> Result<(), TestCaseError> {
    let mut lines = md.lines();
    for t in tables {
        // Up to the table's heading, then a blank line, header and alignment.
        let heading = format!("### {}", t.title);
        prop_assert!(lines.any(|l| l == heading), "no heading {:?}", heading);
        prop_assert_eq!(lines.next(), Some(""));
        let header = lines.next().and_then(split_markdown_row);
        prop_assert_eq!(header, Some(t.header()));
        let align = format!("|:---|{}", "---:|".repeat(t.columns.len()));
        prop_assert_eq!(lines.next(), Some(align.as_str()));
        let style = t.options.lang.number_style();
        for r in &t.rows {
            let cells = lines
                .next()
                .and_then(split_markdown_row)
                .ok_or_else(|| TestCaseError::fail("bad row"))?;
            prop_assert_eq!(cells.len(), r.cells.len() + 1);
            prop_assert_eq!(&cells[0], &r.label);
            for (field, cell) in cells.iter().skip(1).zip(&r.cells) {
                same(field, cell, style)?;
            }
        }
        for note in &t.notes {
            prop_assert_eq!(lines.next(), Some(""));
            prop_assert_eq!(lines.next(), Some(note.as_str()));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn csv_and_markdown_read_back_to_the_shown_figures(
        tables in proptest::collection::vec(table(), 1..4),
        options in options(),
        title in proptest::option::of(text()),
    ) {
        let shown: Vec<DisplayTable> =
            tables.iter().map(|t| t.display(&options).unwrap()).collect();
        let meta = ReportMeta { title: title.unwrap_or_default(), source: None };

        let danish = render::render(&meta, &shown, Format::Csv, CsvStyle::Danish).unwrap();
        check_csv(&danish, CsvStyle::Danish, &meta, &shown)?;
        let plain = render::render(&meta, &shown, Format::Csv, CsvStyle::Plain).unwrap();
        check_csv(&plain, CsvStyle::Plain, &meta, &shown)?;

        let md = render::render(&meta, &shown, Format::Markdown, CsvStyle::Danish).unwrap();
        check_markdown(&String::from_utf8(md).unwrap(), &shown)?;

        // JSON and xlsx succeed on the same tables.
        prop_assert!(render::render(&meta, &shown, Format::Json, CsvStyle::Danish).is_ok());
        prop_assert!(render::render(&meta, &shown, Format::Xlsx, CsvStyle::Danish).is_ok());
    }
}
