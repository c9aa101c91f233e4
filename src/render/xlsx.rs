//! xlsx via rust_xlsxwriter: one worksheet per table, live formulas where the
//! figure is a plain sum or share, each with its cached result.
//!
//! Sheet layout (Excel rows are 1-based):
//!
//! ```text
//! A1       table title (bold)
//! row 2    stub header (`Mio. kr.`), column labels        (bold)
//! row 3..  the table rows: label in column A, figures in B, C, ...
//!          (blank row, then one note per row in column A)
//! ```
//!
//! Konto 6: `A3 Konto 6 (service)`, `A4 Besparelseskrav`, `A5 Realiserede
//! besparelser`, `A6 I alt konto 6` with `B6 = SUM(B4:B5)`. Center shares:
//! rows 4-6 centers, row 7 total; the `Andel` of row 4 is `=B4/B$7`.
//!
//! - Amounts are numbers: the exact value in the display unit, with the number
//!   format `#,##0.0` (as many zeros as display decimals; Excel shows them with
//!   the reader's locale separators, `1.234,5` in Danish).
//! - A total row's amount is `=SUM(...)` over the item rows of its block (the
//!   rows since the previous section or total row) when the exact item amounts
//!   add up to the exact total; if they only do with the derived rows included,
//!   those are summed too; otherwise (or if an item of the block is unknown)
//!   the total is written as a number, so it still shows the tool's figure.
//! - A share is `=B4/B$7` (the row's amount over its block total, in the
//!   nearest amount column to its left) with format `0.0%` when that quotient
//!   is the tool's exact share; otherwise it is written as a number. A share
//!   moved by largest-remainder rounding is written as its shown figure,
//!   because a live formula would display the independently rounded one.
//! - Every formula carries its cached result, written from the exact decimal
//!   (not a float), so a reader that does not recalculate shows the same figure.
//! - Unknown and not-applicable cells hold the text `-`; a formula never
//!   depends on an unknown cell.
//! - Sheet names come from the table ids, made valid (≤ 31 characters, no
//!   `[]:*?/\`, no leading or trailing `'`) and unique (case-insensitively).
//! - The report title and source go into the document properties (title, subject).

use rust_xlsxwriter::{
    utility::column_number_to_name, ColNum, DocProperties, ExcelDateTime, Format, FormatAlign,
    Formula, RowNum, Workbook, Worksheet, XlsxError,
};

use super::{RenderError, ReportMeta};
use crate::money::{round_half_away, Decimal, Exact};
use crate::table::{ColumnKind, DisplayCell, DisplayTable, RowKind};

/// Excel's limit on sheet names, in UTF-16 code units.
const SHEET_NAME_MAX: usize = 31;
/// First worksheet row (0-based) of the table rows: below title and header.
const FIRST_DATA_ROW: usize = 2;

fn xlsx_err(e: XlsxError) -> RenderError {
    RenderError::Format {
        format: "xlsx",
        message: e.to_string(),
    }
}

fn err(message: impl Into<String>) -> RenderError {
    RenderError::Format {
        format: "xlsx",
        message: message.into(),
    }
}

pub fn render(meta: &ReportMeta, tables: &[DisplayTable]) -> Result<Vec<u8>, RenderError> {
    let mut workbook = Workbook::new();
    let mut props = DocProperties::new();
    if !meta.title.is_empty() {
        props = props.set_title(meta.title.as_str());
    }
    if let Some(source) = &meta.source {
        props = props.set_subject(source.as_str());
    }
    // Reproducible builds: SOURCE_DATE_EPOCH (seconds since 1970, UTC), when
    // set, is the creation time in docProps/core.xml instead of the clock, so
    // two runs give identical bytes.
    if let Some(when) = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse::<i64>().ok())
        .and_then(|t| ExcelDateTime::from_timestamp(t).ok())
    {
        props = props.set_creation_datetime(&when);
    }
    workbook.set_properties(&props);
    let names = sheet_names(tables.iter().map(|t| t.id.as_str()));
    for (table, name) in tables.iter().zip(names) {
        let sheet = workbook.add_worksheet();
        sheet.set_name(name).map_err(xlsx_err)?;
        write_table(sheet, table)?;
    }
    if tables.is_empty() {
        // A workbook needs a sheet; an empty report gives an empty one.
        workbook.add_worksheet();
    }
    workbook.save_to_buffer().map_err(xlsx_err)
}

struct Formats {
    title: Format,
    header_label: Format,
    header_figure: Format,
    label: [Format; 2],
    amount: [Format; 2],
    share: [Format; 2],
    dash: [Format; 2],
}

impl Formats {
    fn new(decimals: u32, share_decimals: u32) -> Formats {
        let amount = amount_format(decimals);
        let share = share_format(share_decimals);
        let both = |f: Format| [f.clone(), f.set_bold()];
        Formats {
            title: Format::new().set_bold(),
            header_label: Format::new().set_bold(),
            header_figure: Format::new().set_bold().set_align(FormatAlign::Right),
            label: both(Format::new()),
            amount: both(Format::new().set_num_format(amount)),
            share: both(Format::new().set_num_format(share)),
            dash: both(Format::new().set_align(FormatAlign::Right)),
        }
    }
}

/// `#,##0.0` for one decimal: Excel shows the reader's locale separators.
fn amount_format(decimals: u32) -> String {
    match decimals {
        0 => "#,##0".to_string(),
        d => format!("#,##0.{}", "0".repeat(d as usize)),
    }
}

/// `0.0%` for one decimal.
fn share_format(decimals: u32) -> String {
    match decimals {
        0 => "0%".to_string(),
        d => format!("0.{}%", "0".repeat(d as usize)),
    }
}

fn row_num(row: usize) -> Result<RowNum, RenderError> {
    RowNum::try_from(row).map_err(|_| err("too many rows for a worksheet"))
}

fn col_num(col: usize) -> Result<ColNum, RenderError> {
    ColNum::try_from(col).map_err(|_| err("too many columns for a worksheet"))
}

/// Worksheet row (0-based) of table row `r`.
fn sheet_row(r: usize) -> Result<RowNum, RenderError> {
    r.checked_add(FIRST_DATA_ROW)
        .ok_or_else(|| err("too many rows for a worksheet"))
        .and_then(row_num)
}

/// `B4`-style name of table row `r`, figure column `c`; `$` before the row if `fixed_row`.
fn cell_ref(r: usize, c: usize, fixed_row: bool) -> Result<String, RenderError> {
    let col = column_number_to_name(col_num(c + 1)?);
    let row = u64::from(sheet_row(r)?) + 1;
    Ok(format!("{col}{}{row}", if fixed_row { "$" } else { "" }))
}

/// The exact value as an IEEE double for the xlsx file. This is the one place
/// where a binary float appears: xlsx stores numbers as doubles. The conversion
/// goes through the decimal string, so the double is the one nearest to the
/// exact value, and rounding it to the display decimals gives the shown figure.
fn to_f64(value: Decimal) -> Result<f64, RenderError> {
    value
        .to_string()
        .parse::<f64>()
        .map_err(|e| err(format!("cannot store {value} as a number: {e}")))
}

/// The cached result of a formula, written from the exact decimal.
fn result_string(value: Decimal) -> String {
    let mut v = value.normalize();
    if v.is_zero() {
        v.set_sign_positive(true);
    }
    v.to_string()
}

fn write_table(sheet: &mut Worksheet, table: &DisplayTable) -> Result<(), RenderError> {
    let f = Formats::new(table.options.decimals, table.options.share_decimals);
    sheet
        .write_string_with_format(0, 0, table.title.as_str(), &f.title)
        .map_err(xlsx_err)?;
    sheet
        .write_string_with_format(1, 0, table.stub_header.as_str(), &f.header_label)
        .map_err(xlsx_err)?;
    for (c, column) in table.columns.iter().enumerate() {
        sheet
            .write_string_with_format(1, col_num(c + 1)?, column.label.as_str(), &f.header_figure)
            .map_err(xlsx_err)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let sr = sheet_row(r)?;
        let bold = usize::from(matches!(row.kind, RowKind::Total | RowKind::Section));
        sheet
            .write_string_with_format(sr, 0, row.label.as_str(), &f.label[bold])
            .map_err(xlsx_err)?;
        for (c, cell) in row.cells.iter().enumerate() {
            let sc = col_num(c + 1)?;
            match *cell {
                DisplayCell::Blank => {}
                DisplayCell::Unknown | DisplayCell::NotApplicable => {
                    sheet
                        .write_string_with_format(sr, sc, "-", &f.dash[bold])
                        .map_err(xlsx_err)?;
                }
                DisplayCell::Amount { exact, .. } => {
                    match total_formula(table, r, c)? {
                        Some(formula) => sheet.write_formula_with_format(
                            sr,
                            sc,
                            Formula::new(formula).set_result(result_string(exact)),
                            &f.amount[bold],
                        ),
                        None => {
                            sheet.write_number_with_format(sr, sc, to_f64(exact)?, &f.amount[bold])
                        }
                    }
                    .map_err(xlsx_err)?;
                }
                DisplayCell::Share { exact, shown } => {
                    let fraction = |v: Decimal| {
                        v.checked_div(Decimal::ONE_HUNDRED)
                            .ok_or_else(|| err("share out of range"))
                    };
                    if shown != round_half_away(exact, table.options.share_decimals) {
                        // Re-allocated by largest remainder: a live formula would
                        // display the independently rounded share instead.
                        sheet.write_number_with_format(
                            sr,
                            sc,
                            to_f64(fraction(shown)?)?,
                            &f.share[bold],
                        )
                    } else {
                        match share_formula(table, r, c, exact)? {
                            Some(formula) => sheet.write_formula_with_format(
                                sr,
                                sc,
                                Formula::new(formula).set_result(result_string(fraction(exact)?)),
                                &f.share[bold],
                            ),
                            None => sheet.write_number_with_format(
                                sr,
                                sc,
                                to_f64(fraction(exact)?)?,
                                &f.share[bold],
                            ),
                        }
                    }
                    .map_err(xlsx_err)?;
                }
            }
        }
    }
    // Notes below the table, after a blank row.
    for (note_row, note) in (table.rows.len() + FIRST_DATA_ROW + 1..).zip(&table.notes) {
        sheet
            .write_string(row_num(note_row)?, 0, note.as_str())
            .map_err(xlsx_err)?;
    }
    let label_width = table
        .rows
        .iter()
        .map(|r| r.label.chars().count())
        .chain(std::iter::once(table.stub_header.chars().count()))
        .max()
        .unwrap_or(0)
        .clamp(10, 60);
    sheet
        .set_column_width(0, u16::try_from(label_width + 2).unwrap_or(62))
        .map_err(xlsx_err)?;
    for (c, column) in table.columns.iter().enumerate() {
        let width = column.label.chars().count().clamp(10, 40) + 2;
        sheet
            .set_column_width(col_num(c + 1)?, u16::try_from(width).unwrap_or(42))
            .map_err(xlsx_err)?;
    }
    Ok(())
}

/// `SUM(...)` for the amount in total row `r`, column `c`, when the summed
/// cells reproduce the exact total; `None` for a plain number.
fn total_formula(table: &DisplayTable, r: usize, c: usize) -> Result<Option<String>, RenderError> {
    let Some(row) = table.rows.get(r) else {
        return Ok(None);
    };
    let Some(DisplayCell::Amount { kroner: total, .. }) = row.cells.get(c).copied() else {
        return Ok(None);
    };
    if row.kind != RowKind::Total {
        return Ok(None);
    }
    let kinds: Vec<RowKind> = table.rows.iter().map(|r| r.kind).collect();
    let block = crate::table::rows_above_total(&kinds, r);
    let cells = |kinds: &[RowKind]| -> Vec<(usize, DisplayCell)> {
        block
            .iter()
            .copied()
            .filter_map(|i| {
                let row = table.rows.get(i)?;
                if kinds.contains(&row.kind) {
                    Some((i, *row.cells.get(c)?))
                } else {
                    None
                }
            })
            .collect()
    };
    for kinds in [&[RowKind::Item][..], &[RowKind::Item, RowKind::Derived][..]] {
        let cells = cells(kinds);
        // Never a formula over an unknown figure.
        if cells
            .iter()
            .any(|(_, cell)| matches!(cell, DisplayCell::Unknown))
        {
            return Ok(None);
        }
        let amounts: Vec<(usize, Decimal)> = cells
            .iter()
            .filter_map(|&(i, cell)| match cell {
                DisplayCell::Amount { kroner, .. } => Some((i, kroner)),
                _ => None,
            })
            .collect();
        if amounts.is_empty() {
            continue;
        }
        let sum = amounts
            .iter()
            .try_fold(Decimal::ZERO, |acc, &(_, k)| acc.exact_add(k));
        if sum == Some(total) {
            let rows: Vec<usize> = amounts.iter().map(|&(i, _)| i).collect();
            return sum_formula(&rows, c).map(Some);
        }
    }
    Ok(None)
}

/// `SUM(B4:B5,B7)`: consecutive rows as ranges.
fn sum_formula(rows: &[usize], c: usize) -> Result<String, RenderError> {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let mut j = i;
        while j + 1 < rows.len() && rows[j + 1] == rows[j] + 1 {
            j += 1;
        }
        if i == j {
            parts.push(cell_ref(rows[i], c, false)?);
        } else {
            parts.push(format!(
                "{}:{}",
                cell_ref(rows[i], c, false)?,
                cell_ref(rows[j], c, false)?
            ));
        }
        i = j + 1;
    }
    Ok(format!("SUM({})", parts.join(",")))
}

/// `B4/B$7` for the share in row `r`, column `c`: the row's amount over the
/// amount of its block's total row, in the nearest amount column to the left.
/// `None` when there is no such pair of known amounts or the quotient is not
/// the tool's exact share.
fn share_formula(
    table: &DisplayTable,
    r: usize,
    c: usize,
    exact: Decimal,
) -> Result<Option<String>, RenderError> {
    let Some(amount_col) = table.columns[..c.min(table.columns.len())]
        .iter()
        .rposition(|col| col.kind == ColumnKind::Amount)
    else {
        return Ok(None);
    };
    // The block's total, by the one rule of which rows a total covers.
    let kinds: Vec<RowKind> = table.rows.iter().map(|r| r.kind).collect();
    let Some(t) = crate::table::total_of(&kinds, r) else {
        return Ok(None);
    };
    let amount = |i: usize| match table.rows.get(i)?.cells.get(amount_col)? {
        DisplayCell::Amount { kroner, .. } => Some(*kroner),
        _ => None,
    };
    let (Some(total_row), Some(part), Some(total)) = (table.rows.get(t), amount(r), amount(t))
    else {
        return Ok(None);
    };
    if total_row.kind != RowKind::Total || total.is_zero() {
        return Ok(None);
    }
    // A quotient is rounded to 28 digits anyway; so may its hundredfold be.
    #[allow(clippy::disallowed_methods)]
    let Some(quotient) = part
        .checked_div(total)
        .and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED))
    else {
        return Ok(None);
    };
    // Both are 28-digit decimal quotients; allow for their last digit.
    if (quotient - exact).abs() > Decimal::new(1, 12) {
        return Ok(None);
    }
    Ok(Some(format!(
        "{}/{}",
        cell_ref(r, amount_col, false)?,
        cell_ref(t, amount_col, true)?
    )))
}

/// Valid, unique sheet names from the table ids.
pub fn sheet_names<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut taken: Vec<String> = Vec::new();
    let mut names = Vec::new();
    for (n, id) in ids.into_iter().enumerate() {
        let mut base: String = id
            .chars()
            .map(|ch| {
                if "[]:*?/\\".contains(ch) || ch.is_control() {
                    '_'
                } else {
                    ch
                }
            })
            .collect();
        base = base
            .trim_matches(|ch: char| ch == '\'' || ch.is_whitespace())
            .to_string();
        if base.is_empty() {
            base = format!("Tabel {}", n + 1);
        }
        if base.eq_ignore_ascii_case("history") {
            // Reserved by Excel.
            base.push('_');
        }
        let mut name = truncate_utf16(&base, SHEET_NAME_MAX);
        let mut k = 2;
        while taken.contains(&name.to_lowercase()) {
            let suffix = format!(" ({k})");
            name = format!(
                "{}{suffix}",
                truncate_utf16(&base, SHEET_NAME_MAX - suffix.len())
            );
            k += 1;
        }
        taken.push(name.to_lowercase());
        names.push(name);
    }
    names
}

/// At most `max` UTF-16 code units, without a trailing `'` or space.
fn truncate_utf16(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut len = 0;
    for ch in s.chars() {
        len += ch.len_utf16();
        if len > max {
            break;
        }
        out.push(ch);
    }
    out.trim_end_matches(|ch: char| ch == '\'' || ch.is_whitespace())
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let long = "a".repeat(40);
        let names = sheet_names([
            "konto6-service",
            "a/b[c]:d*e?f\\g",
            "",
            "'quoted'",
            long.as_str(),
            long.as_str(),
            "Konto6-Service",
            "History",
        ]);
        assert_eq!(
            names,
            vec![
                "konto6-service".to_string(),
                "a_b_c__d_e_f_g".into(),
                "Tabel 3".into(),
                "quoted".into(),
                "a".repeat(31),
                format!("{} (2)", "a".repeat(27)),
                "Konto6-Service (2)".into(),
                "History_".into(),
            ]
        );
    }

    #[test]
    fn number_formats_follow_the_decimals() {
        assert_eq!(amount_format(1), "#,##0.0");
        assert_eq!(amount_format(0), "#,##0");
        assert_eq!(amount_format(3), "#,##0.000");
        assert_eq!(share_format(1), "0.0%");
        assert_eq!(share_format(0), "0%");
    }

    #[test]
    fn sum_formula_joins_consecutive_rows() {
        assert_eq!(sum_formula(&[1, 2], 0).unwrap(), "SUM(B4:B5)");
        assert_eq!(sum_formula(&[1, 2, 4], 1).unwrap(), "SUM(C4:C5,C7)");
        assert_eq!(sum_formula(&[3], 0).unwrap(), "SUM(B6)");
    }
}
