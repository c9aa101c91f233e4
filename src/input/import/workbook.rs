//! Workbooks (.xlsx, .xlsm, .ods) in the same long form as a text extract:
//! a header row, then one row per posting or budget line. Read with
//! calamine, the only module that uses it.
//!
//! **The one float edge.** A spreadsheet stores a number cell as an IEEE
//! double, by the file format; there is no decimal cell to read. An amount
//! cell is taken as the shortest decimal that converts back to the same
//! double (Rust's `Display` of an `f64`, which never uses an exponent), and
//! that text is parsed into an exact decimal. Every amount typed with at most
//! 15 significant digits comes back exactly as typed. A cell whose shortest
//! decimal has more decimals than whole øre (a formula's `0,30000000000000004`)
//! is an error, never rounded; so is a magnitude past 2^53, where doubles
//! stop holding every whole number. Text cells are read like a text extract.

use std::path::Path;
use std::str::FromStr;

use calamine::{open_workbook_auto, Data, Reader};

use super::{Decode, FileSummary, Importer};
use crate::error::InputError;
use crate::money::{Decimal, Unit};

/// The largest workbook opened (calamine reads a sheet whole; a sheet holds
/// at most 1 048 576 rows).
pub const MAX_WORKBOOK_BYTES: u64 = 256 * 1024 * 1024;

/// Whether the path names a workbook (by its ending).
pub fn is_workbook(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "xlsx" | "xlsm" | "xlsb" | "xls" | "ods"
        )
    })
}

struct Utf8;

impl Decode for Utf8 {
    fn decode<'a>(&mut self, bytes: &'a [u8]) -> Result<std::borrow::Cow<'a, str>, String> {
        std::str::from_utf8(bytes)
            .map(std::borrow::Cow::Borrowed)
            .map_err(|e| e.to_string())
    }
}

/// The exact decimal a double stands for: its shortest round-trip text.
pub fn float_to_decimal(f: f64) -> Result<Decimal, String> {
    if !f.is_finite() {
        return Err("the cell is not a finite number".to_string());
    }
    // 2^53: above it, not every whole number is a double.
    if f.abs() >= 9_007_199_254_740_992.0 {
        return Err(format!(
            "{f} is beyond the whole numbers a spreadsheet cell holds exactly (2^53); store it as text"
        ));
    }
    let text = format!("{f}");
    let mut d = Decimal::from_str(&text).map_err(|_| format!("{text} is not an exact decimal"))?;
    if d.is_zero() {
        d.set_sign_positive(true);
    }
    Ok(d)
}

/// A cell as text, for the key columns (function, year ...).
fn cell_text(c: &Data) -> Result<String, String> {
    match c {
        Data::String(s) => Ok(s.clone()),
        Data::Empty => Ok(String::new()),
        Data::Int(i) => Ok(i.to_string()),
        Data::Float(f) => float_to_decimal(*f).map(|d| d.normalize().to_string()),
        Data::Bool(b) => Ok(b.to_string()),
        Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => {
            Err("a date cell; give the year (or period) as a number or text".to_string())
        }
        Data::Error(e) => Err(format!("the cell holds a spreadsheet error ({e})")),
    }
}

/// An amount cell, exactly, in `unit` at most to the øre.
fn cell_amount(c: &Data, unit: Unit) -> Result<Decimal, String> {
    let d = match c {
        Data::Float(f) => {
            let d = float_to_decimal(*f)?;
            if d.scale() > unit.max_decimals() {
                return Err(format!(
                    "the cell holds {d}, more decimals than {} allows (whole øre): round it in the workbook (=AFRUND(...;2))",
                    unit.name()
                ));
            }
            d
        }
        Data::Int(i) => Decimal::from(*i),
        Data::String(s) => super::extract::parse_extract_amount(s, unit)?,
        Data::Empty => return Err("no amount (an empty cell is not zero: write 0)".to_string()),
        other => {
            return Err(cell_text(other).map_or_else(|e| e, |t| format!("{t:?} is not an amount")))
        }
    };
    Ok(d)
}

/// Reads one workbook's sheet (the mapping's `ark`, else the first).
pub fn read_workbook(path: &Path, imp: &mut Importer) -> Result<(), InputError> {
    let name = path.display().to_string();
    let meta =
        std::fs::metadata(path).map_err(|e| InputError::new(&name, format!("cannot read: {e}")))?;
    if meta.len() > MAX_WORKBOOK_BYTES {
        return Err(InputError::new(
            &name,
            format!(
                "workbook is {} bytes; the limit is {MAX_WORKBOOK_BYTES} (export the sheet as CSV)",
                meta.len()
            ),
        ));
    }
    let mapping = imp.mapping().clone();
    let mut book = open_workbook_auto(path)
        .map_err(|e| InputError::new(&name, format!("cannot read the workbook: {e}")))?;
    let sheets = book.sheet_names();
    let sheet = match &mapping.sheet {
        Some(s) if sheets.contains(s) => s.clone(),
        Some(s) => {
            return Err(InputError::new(
                &name,
                format!(
                    "no sheet {s:?} (ark); the workbook has: {}",
                    sheets.join(", ")
                ),
            ))
        }
        None => sheets
            .first()
            .cloned()
            .ok_or_else(|| InputError::new(&name, "the workbook has no sheets"))?,
    };
    let range = book
        .worksheet_range(&sheet)
        .map_err(|e| InputError::new(&name, format!("cannot read sheet {sheet:?}: {e}")))?;
    let where_ = format!("{name}[{sheet}]");
    let first_row = u64::from(range.start().map_or(0, |(r, _)| r)) + 1;
    imp.begin_file();
    let mut summary = FileSummary {
        name: where_.clone(),
        charset: "workbook".to_string(),
        ..FileSummary::default()
    };
    let mut columns: Option<(Vec<usize>, usize)> = None;
    let mut last_missing = String::from("the sheet is empty");
    let mut decoder = Utf8;
    let mut rows_seen: u64 = 0;
    for (i, row) in range.rows().enumerate() {
        let row_no = first_row + i as u64;
        rows_seen += 1;
        let blank = row.iter().all(|c| match c {
            Data::Empty => true,
            Data::String(s) => s.trim().is_empty(),
            _ => false,
        });
        let Some((slot_cols, amount_col)) = &columns else {
            if !blank {
                let names: Vec<String> = row
                    .iter()
                    .map(|c| cell_text(c).unwrap_or_default().trim().to_lowercase())
                    .collect();
                let find = |h: &str| names.iter().position(|n| *n == h.trim().to_lowercase());
                let slots: Vec<Option<usize>> =
                    mapping.slots.iter().map(|s| find(&s.header)).collect();
                match (
                    slots.iter().all(Option::is_some),
                    find(&mapping.amount_header),
                ) {
                    (true, Some(a)) => {
                        summary.header_line = row_no;
                        columns = Some((slots.into_iter().flatten().collect(), a));
                        continue;
                    }
                    _ => {
                        let missing: Vec<String> = mapping
                            .slots
                            .iter()
                            .zip(&slots)
                            .filter(|(_, c)| c.is_none())
                            .map(|(s, _)| format!("{:?} ({})", s.header, s.name))
                            .chain(
                                find(&mapping.amount_header)
                                    .is_none()
                                    .then(|| format!("{:?} (beløb)", mapping.amount_header)),
                            )
                            .collect();
                        last_missing = format!(
                            "missing {}; row {row_no} has: {}",
                            missing.join(", "),
                            names.join(" | ")
                        );
                    }
                }
            }
            summary.preamble += 1;
            if rows_seen >= super::extract::MAX_PREAMBLE_LINES {
                break;
            }
            continue;
        };
        if blank {
            summary.blank += 1;
            continue;
        }
        let mut texts: Vec<String> = Vec::with_capacity(slot_cols.len());
        let mut failed: Option<(String, String)> = None;
        for (s, &c) in mapping.slots.iter().zip(slot_cols) {
            match cell_text(row.get(c).unwrap_or(&Data::Empty)) {
                Ok(t) => texts.push(t),
                Err(e) => {
                    failed = Some((s.header.clone(), e));
                    break;
                }
            }
        }
        if let Some((col, e)) = failed {
            imp.line_error(&where_, row_no, Some(&col), e);
            continue;
        }
        let raw: Vec<&[u8]> = texts.iter().map(|t| t.trim().as_bytes()).collect();
        let amount = cell_amount(row.get(*amount_col).unwrap_or(&Data::Empty), mapping.unit);
        imp.record(&where_, row_no, &raw, amount, &mut decoder)
            .map_err(|e| InputError::new(&where_, e.to_string()))?;
    }
    if columns.is_none() {
        return Err(InputError::new(
            &where_,
            format!("no header row with the mapping's columns: {last_missing}"),
        ));
    }
    summary.lines = rows_seen;
    imp.end_file(summary);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_become_the_decimal_they_were_typed_as() {
        assert_eq!(float_to_decimal(1234.56).unwrap().to_string(), "1234.56");
        assert_eq!(float_to_decimal(-0.1).unwrap().to_string(), "-0.1");
        assert_eq!(float_to_decimal(6100000.0).unwrap().to_string(), "6100000");
        assert!(float_to_decimal(-0.0).unwrap().is_sign_positive());
        assert!(float_to_decimal(f64::NAN).is_err());
        assert!(float_to_decimal(1e16).is_err());
        // A formula's result that is not whole øre is refused, not rounded.
        let e = cell_amount(&Data::Float(0.1 + 0.2), Unit::Kr).unwrap_err();
        assert!(e.contains("0.30000000000000004"), "{e}");
        assert_eq!(
            cell_amount(&Data::String("1.234,50-".into()), Unit::Kr)
                .unwrap()
                .to_string(),
            "-1234.50"
        );
        assert_eq!(cell_text(&Data::Float(56890.0)).unwrap(), "56890");
        assert_eq!(cell_text(&Data::Float(2026.0)).unwrap(), "2026");
    }
}
