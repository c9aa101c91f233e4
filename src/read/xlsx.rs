//! Excel workbooks (`.xlsx`, `.xlsm`) through `calamine`: every sheet's used
//! range, split into tables by blank rows and columns; each number cell
//! written as Excel displays it under its number format (`0.0` -> one
//! decimal, `0.0%` -> a percentage, `#,##0,,` -> millions), with the displayed
//! decimals as the cell's rounding hint, and bold kept as a hint.
//!
//! This is the one documented edge where a binary float meets an amount: a
//! spreadsheet stores its numbers as IEEE doubles, and what a reader of the
//! sheet sees is that double rounded to the format's decimals. The double
//! is formatted once, here, to the displayed text; nothing after this module
//! sees a float.

use std::borrow::Cow;
use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx};

use super::grid::{self, GridCell};
use super::package::Package;
use super::Source;
use crate::document::{CellHints, Document};
use crate::error::InputError;

/// What a number format says about how a number is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown {
    /// Decimals after the point; `None` for General (as many as needed).
    pub decimals: Option<u32>,
    pub percent: bool,
    /// Thousands the value is divided by (`0,` -> 1, `0,,` -> 2).
    pub scale_thousands: u32,
}

/// Reads an Excel number format code (its first, positive section).
pub fn shown(code: &str) -> Shown {
    let section = first_section(code);
    if section.eq_ignore_ascii_case("general") || section.is_empty() {
        return Shown {
            decimals: None,
            percent: false,
            scale_thousands: 0,
        };
    }
    let mut decimals: Option<u32> = None;
    let mut percent = false;
    let mut commas_after_digit = 0u32;
    let mut seen_digit = false;
    let mut in_quote = false;
    let mut in_bracket = false;
    let mut chars = section.chars();
    while let Some(c) = chars.next() {
        if in_quote {
            in_quote = c != '"';
            continue;
        }
        if in_bracket {
            in_bracket = c != ']';
            continue;
        }
        match c {
            '"' => in_quote = true,
            '[' => in_bracket = true,
            '\\' | '_' | '*' => {
                chars.next();
            }
            '0' | '#' | '?' => {
                seen_digit = true;
                commas_after_digit = 0;
                if let Some(d) = decimals.as_mut() {
                    *d += 1;
                }
            }
            '.' => decimals = Some(decimals.unwrap_or(0)),
            ',' if seen_digit => commas_after_digit += 1,
            '%' => percent = true,
            _ => {}
        }
    }
    Shown {
        decimals: Some(decimals.unwrap_or(0)),
        percent,
        // A comma between digits groups thousands; only trailing ones scale.
        scale_thousands: commas_after_digit,
    }
}

fn first_section(code: &str) -> &str {
    let mut in_quote = false;
    for (i, c) in code.char_indices() {
        match c {
            '"' => in_quote = !in_quote,
            ';' if !in_quote => return &code[..i],
            _ => {}
        }
    }
    code
}

/// A number as Excel displays it under `shown`, in plain style (`-6.1`,
/// `57.4%`); and the decimals shown.
pub fn display(value: f64, shown: Shown) -> (String, Option<u32>) {
    if !value.is_finite() {
        return (String::new(), None);
    }
    let mut v = value;
    if shown.percent {
        v *= 100.0;
    }
    for _ in 0..shown.scale_thousands.min(4) {
        v /= 1000.0;
    }
    let suffix = if shown.percent { "%" } else { "" };
    match shown.decimals {
        Some(d) => {
            let d = d.min(15);
            let mut s = format!("{v:.*}", d as usize);
            if s.starts_with('-') && s[1..].bytes().all(|b| b == b'0' || b == b'.') {
                s.remove(0);
            }
            (format!("{s}{suffix}"), Some(d))
        }
        None => {
            // General: up to 15 significant digits, as Excel keeps them.
            let s = format!("{v:.14e}");
            let text = match rust_decimal::Decimal::from_scientific(&s) {
                Ok(d) => d.normalize().to_string(),
                Err(_) => format!("{v}"),
            };
            (format!("{text}{suffix}"), None)
        }
    }
}

pub fn read(source: &Source) -> Result<Document, InputError> {
    // Measure every part through the zip limits before calamine unpacks it.
    Package::open(source.name, source.bytes, "Excel workbook")?.check_all()?;
    let bad = |e: calamine::XlsxError| {
        InputError::new(source.name, format!("not a readable Excel workbook: {e}"))
    };
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(source.bytes)).map_err(bad)?;
    let mut doc = Document::new(source.name, source.style);
    let sheet_style = grid::sheet_style(source.style);
    // Counted before each cell is made: calamine's own range of a sheet
    // is dense (rows × columns of its used area: two cells at `A1` and
    // `XFD1048576` asked for 550 GB), so the cells are read as a stream.
    let mut filled = grid::Filled::default();
    for sheet in book.sheet_names() {
        let styles = book.worksheet_style(&sheet).map_err(bad)?;
        let mut reader = match book.worksheet_cells_reader(&sheet) {
            Ok(r) => r,
            // A chart sheet: no cells.
            Err(calamine::XlsxError::NotAWorksheet(_)) => continue,
            Err(e) => return Err(bad(e)),
        };
        let mut cells = Vec::new();
        while let Some(cell) = reader.next_cell().map_err(bad)? {
            let (row, col) = cell.get_position();
            let style = styles.get((row, col));
            let bold = style
                .and_then(|s| s.font.as_ref())
                .is_some_and(|f| f.is_bold());
            let code = style
                .and_then(|s| s.number_format.as_ref())
                .map(|f| f.format_code.as_str())
                .unwrap_or("General");
            let number =
                |(t, d): (String, Option<u32>)| (Cow::Owned(grid::localize(&t, sheet_style)), d);
            // A text is borrowed until it is counted: one long shared text in
            // many cells is refused before it is copied into each.
            let (text, decimals): (Cow<str>, Option<u32>) = match cell.get_value() {
                DataRef::Float(f) => number(display(*f, shown(code))),
                DataRef::Int(i) => number(display(*i as f64, shown(code))),
                DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
                    (Cow::Borrowed(s.as_str()), None)
                }
                DataRef::SharedString(s) => (Cow::Borrowed(*s), None),
                DataRef::Bool(b) => (Cow::Borrowed(if *b { "SAND" } else { "FALSK" }), None),
                DataRef::Error(e) => (Cow::Owned(format!("#{e}")), None),
                DataRef::DateTime(d) => (Cow::Owned(d.to_string()), None),
                DataRef::Empty => continue,
            };
            filled.take(source.name, 1, text.len())?;
            let text = text.into_owned();
            cells.push(GridCell {
                row,
                col,
                text,
                hints: CellHints {
                    bold,
                    decimals,
                    span: 1,
                    ..CellHints::default()
                },
            });
        }
        // A cell written twice is its last value, as in calamine's range.
        cells.reverse();
        cells.sort_by_key(|c| (c.row, c.col));
        cells.dedup_by_key(|c| (c.row, c.col));
        doc.blocks
            .extend(grid::titles(grid::tables(&sheet, cells, sheet_style)));
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Block;
    use crate::numfmt::NumberStyle;

    #[test]
    fn number_formats_say_how_a_number_is_shown() {
        assert_eq!(shown("General").decimals, None);
        assert_eq!(shown("0.0").decimals, Some(1));
        assert_eq!(shown("#,##0").decimals, Some(0));
        assert_eq!(shown("#,##0").scale_thousands, 0);
        assert_eq!(shown("#,##0.0,,").scale_thousands, 2);
        assert_eq!(shown("0.0%").decimals, Some(1));
        assert!(shown("0.0%").percent);
        assert_eq!(shown("#,##0.00;[Red]-#,##0.00").decimals, Some(2));
        assert_eq!(shown("0.0\" mio. kr.\"").decimals, Some(1));
        assert_eq!(display(6.09999999, shown("0.0")).0, "6.1");
        assert_eq!(display(-0.04, shown("0.0")).0, "0.0");
        assert_eq!(display(0.574, shown("0.0%")).0, "57.4%");
        assert_eq!(display(0.1 + 0.2, shown("General")).0, "0.3");
        assert_eq!(display(12_345_678.0, shown("#,##0.0,,")).0, "12.3");
    }

    #[test]
    fn a_workbook_written_with_number_formats_is_read_as_displayed() {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name("Ark1").unwrap();
        let one = rust_xlsxwriter::Format::new().set_num_format("0.0");
        let bold = rust_xlsxwriter::Format::new()
            .set_num_format("0.0")
            .set_bold();
        ws.write_string(0, 0, "Mio. kr.").unwrap();
        ws.write_string(0, 1, "2026").unwrap();
        ws.write_string(1, 0, "Service").unwrap();
        ws.write_number_with_format(1, 1, 2.04, &one).unwrap();
        ws.write_string(2, 0, "I alt").unwrap();
        ws.write_number_with_format(2, 1, 2.04, &bold).unwrap();
        let bytes = wb.save_to_buffer().unwrap();
        let doc = read(&Source {
            name: "x.xlsx",
            bytes: &bytes,
            style: NumberStyle::DANISH,
        })
        .unwrap();
        let tables: Vec<_> = doc.tables().collect();
        assert_eq!(tables.len(), 1);
        let t = tables[0];
        assert_eq!(t.rows[1].cells[1].text, "2,0");
        assert_eq!(t.rows[1].cells[1].hints.decimals, Some(1));
        assert!(!t.rows[1].cells[1].hints.bold);
        assert!(t.rows[2].cells[1].hints.bold);
        assert_eq!(t.rows[2].cells[1].loc.to_string(), "Ark1!B3");
        assert!(matches!(doc.blocks[0], Block::Table(_)));
    }

    #[test]
    fn damaged_workbooks_are_bad_input() {
        let e = read(&Source {
            name: "x.xlsx",
            bytes: b"PK\x03\x04garbage",
            style: NumberStyle::DANISH,
        })
        .err()
        .unwrap();
        assert!(e.message.contains("Excel workbook"), "{e:?}");
    }
}
