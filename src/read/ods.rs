//! OpenDocument spreadsheets (`.ods`): every sheet's cells from
//! `content.xml`, read through the zip package limits and the streaming XML
//! reader, split into tables by blank rows and columns like xlsx. A number
//! cell's value is exact in the file (`office:value="-6.1"`, a decimal
//! string) and LibreOffice stores the text it displays beside it; the cell's
//! displayed decimals are those of that text, and the cell is written from the
//! exact value with them. Bold (an automatic cell style with a bold font) is
//! kept as a hint.
//!
//! calamine reads ods too, but gives values as binary floats and not what is
//! displayed; the displayed text is what a reader of the sheet sees.

use std::collections::HashSet;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::grid::{self, GridCell};
use super::package::Package;
use super::xml::{self, Ev};
use super::Source;
use crate::document::{CellHints, Document};
use crate::error::InputError;

/// The most cells a repeated row or cell is expanded to.
const MAX_REPEAT: u32 = 10_000;
/// The most rows and columns read from one sheet.
const MAX_ROWS: u32 = 1_048_576;

/// Digits of a text, in order.
fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// The value written plain with the decimals its displayed text shows
/// (`-6.1`, `57.4%`), and those decimals; `None` when the text does not
/// show the value (a date, a fraction, scientific notation).
pub fn shown(value: &str, displayed: &str, percent: bool) -> Option<(String, u32)> {
    let mut v = Decimal::from_str(value.trim())
        .or_else(|_| Decimal::from_scientific(value.trim()))
        .ok()?;
    if percent {
        v = crate::money::Exact::exact_mul(v, Decimal::ONE_HUNDRED)?;
    }
    let want = digits(displayed);
    let suffix = if percent { "%" } else { "" };
    for d in 0..=10u32 {
        let r = v.round_dp_with_strategy(d, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        let text = format!("{:.*}", d as usize, r);
        let got = digits(&text);
        // A leading zero the display leaves out (`,5`) does not count.
        if got == want || (got.len() == want.len() + 1 && got.starts_with('0') && got[1..] == want)
        {
            let text = if r.is_zero() {
                text.trim_start_matches('-').to_string()
            } else {
                text
            };
            return Some((format!("{text}{suffix}"), d));
        }
    }
    None
}

#[derive(Default)]
struct CellCtx {
    value: Option<String>,
    percent: bool,
    text: String,
    paragraphs: usize,
    bold: bool,
    span: u32,
    repeat: u32,
}

pub fn read(source: &Source) -> Result<Document, InputError> {
    let mut pkg = Package::open(source.name, source.bytes, "OpenDocument spreadsheet")?;
    let content = pkg.part("content.xml")?.ok_or_else(|| {
        InputError::new(
            source.name,
            "not an OpenDocument spreadsheet: the package has no content.xml",
        )
    })?;
    let content = xml::utf8(source.name, "content.xml", &content)?;
    let mut doc = Document::new(source.name, source.style);
    let style = grid::sheet_style(source.style);
    let mut bold_styles: HashSet<String> = HashSet::new();
    let mut style_name: Option<String> = None;
    let mut sheet: Option<String> = None;
    let mut cells: Vec<GridCell> = Vec::new();
    let mut row: u32 = 0;
    let mut col: u32 = 0;
    let mut row_repeat: u32 = 1;
    let mut row_cells: Vec<GridCell> = Vec::new();
    let mut cell: Option<CellCtx> = None;
    let mut in_p = false;
    let mut filled = grid::Filled::default();
    xml::events(source.name, "content.xml", content, |ev| {
        match &ev {
            Ev::Start { name, .. } => match name.as_str() {
                "style:style" => style_name = ev.attr("style:name").map(str::to_string),
                "style:text-properties"
                    if ev.attr("fo:font-weight").is_some_and(|w| {
                        w == "bold" || w.parse::<u32>().is_ok_and(|n| n >= 600)
                    }) =>
                {
                    if let Some(s) = &style_name {
                        bold_styles.insert(s.clone());
                    }
                }
                "table:table" => {
                    sheet = Some(ev.attr("table:name").unwrap_or("Sheet").to_string());
                    cells.clear();
                    row = 0;
                }
                "table:table-row" => {
                    col = 0;
                    row_cells.clear();
                    row_repeat = ev
                        .attr("table:number-rows-repeated")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1)
                        .max(1);
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    let vt = ev.attr("office:value-type").unwrap_or("");
                    let numeric = matches!(vt, "float" | "percentage" | "currency");
                    cell = Some(CellCtx {
                        value: if numeric {
                            ev.attr("office:value").map(str::to_string)
                        } else {
                            None
                        },
                        percent: vt == "percentage",
                        bold: ev
                            .attr("table:style-name")
                            .is_some_and(|s| bold_styles.contains(s)),
                        span: ev
                            .attr("table:number-columns-spanned")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(1)
                            .clamp(1, 1000),
                        repeat: ev
                            .attr("table:number-columns-repeated")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(1)
                            .max(1),
                        ..CellCtx::default()
                    });
                }
                "text:p" if cell.is_some() => {
                    in_p = true;
                    if let Some(c) = cell.as_mut() {
                        if c.paragraphs > 0 {
                            c.text.push(' ');
                        }
                        c.paragraphs += 1;
                    }
                }
                "text:s" if in_p => {
                    let n: usize = ev.attr("text:c").and_then(|v| v.parse().ok()).unwrap_or(1);
                    if let Some(c) = cell.as_mut() {
                        c.text.push_str(&" ".repeat(n.min(100)));
                    }
                }
                "text:tab" | "text:line-break" if in_p => {
                    if let Some(c) = cell.as_mut() {
                        c.text.push(' ');
                    }
                }
                _ => {}
            },
            Ev::Text(t) => {
                if in_p {
                    if let Some(c) = cell.as_mut() {
                        c.text.push_str(t);
                    }
                }
            }
            Ev::End { name } => match name.as_str() {
                "text:p" => in_p = false,
                "table:table-cell" | "table:covered-table-cell" => {
                    if let Some(c) = cell.take() {
                        let text = c.text.trim().to_string();
                        if !text.is_empty() {
                            let (text, decimals) = match &c.value {
                                Some(v) => match shown(v, &text, c.percent) {
                                    Some((t, d)) => (grid::localize(&t, style), Some(d)),
                                    None => (text, None),
                                },
                                None => (text, None),
                            };
                            let repeat = c.repeat.min(MAX_REPEAT);
                            // Counted before the copies are made.
                            let n = repeat as usize;
                            filled.take(source.name, n, n.saturating_mul(text.len()))?;
                            for k in 0..repeat {
                                row_cells.push(GridCell {
                                    row: 0,
                                    col: col.saturating_add(k),
                                    text: text.clone(),
                                    hints: CellHints {
                                        bold: c.bold,
                                        decimals,
                                        span: c.span,
                                        ..CellHints::default()
                                    },
                                });
                            }
                        }
                        col = col.saturating_add(c.repeat);
                    }
                }
                "table:table-row" => {
                    let repeat = if row_cells.is_empty() {
                        0
                    } else {
                        row_repeat.min(MAX_REPEAT)
                    };
                    // The row's cells were counted once; its copies are
                    // counted before they are made.
                    if repeat > 1 {
                        let bytes: usize = row_cells.iter().map(|c| c.text.len()).sum();
                        let copies = repeat as usize - 1;
                        filled.take(
                            source.name,
                            copies.saturating_mul(row_cells.len()),
                            copies.saturating_mul(bytes),
                        )?;
                    }
                    for k in 0..repeat {
                        for c in &row_cells {
                            let mut c = c.clone();
                            c.row = row.saturating_add(k);
                            cells.push(c);
                        }
                    }
                    row = row.saturating_add(row_repeat);
                    if row > MAX_ROWS {
                        row = MAX_ROWS;
                    }
                }
                "table:table" => {
                    if let Some(name) = sheet.take() {
                        doc.blocks.extend(grid::titles(grid::tables(
                            &name,
                            std::mem::take(&mut cells),
                            style,
                        )));
                    }
                }
                _ => {}
            },
        }
        Ok(())
    })?;
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numfmt::NumberStyle;

    #[test]
    fn the_displayed_text_gives_the_decimals() {
        assert_eq!(shown("-6.1", "-6,1", false), Some(("-6.1".into(), 1)));
        assert_eq!(shown("-6.0999999", "-6,1", false), Some(("-6.1".into(), 1)));
        assert_eq!(shown("0.574", "57,4%", true), Some(("57.4%".into(), 1)));
        assert_eq!(shown("1234", "1.234", false), Some(("1234".into(), 0)));
        assert_eq!(shown("0", "0,0", false), Some(("0.0".into(), 1)));
        assert_eq!(shown("-0.04", "0,0", false), Some(("0.0".into(), 1)));
        assert_eq!(shown("0.5", ",5", false), Some(("0.5".into(), 1)));
        assert_eq!(shown("45000", "15-03-2023", false), None);
    }

    #[test]
    fn a_sheet_with_repeats_spans_and_bold() {
        let content = r#"<office:document-content><office:automatic-styles>
<style:style style:name="ce1"><style:text-properties fo:font-weight="bold"/></style:style>
</office:automatic-styles><office:body><office:spreadsheet><table:table table:name="Ark1">
<table:table-row><table:table-cell office:value-type="string"><text:p>Mio. kr.</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="2026"><text:p>2026</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>Service</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="-6.1"><text:p>-6,1</text:p></table:table-cell></table:table-row>
<table:table-row table:style-name="ro1"><table:table-cell table:style-name="ce1"><text:p>I alt</text:p></table:table-cell><table:table-cell table:style-name="ce1" office:value-type="float" office:value="-6.1"><text:p>-6,1</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"#;
        let bytes = super::super::package::write_package(&[("content.xml", content)]);
        let doc = read(&Source {
            name: "x.ods",
            bytes: &bytes,
            style: NumberStyle::DANISH,
        })
        .unwrap();
        let t = doc.tables().next().unwrap();
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[1].cells[1].text, "-6,1");
        assert_eq!(t.rows[1].cells[1].hints.decimals, Some(1));
        assert!(t.rows[2].cells[1].hints.bold);
        assert!(!t.rows[1].cells[1].hints.bold);
        assert_eq!(t.rows[2].cells[1].loc.to_string(), "Ark1!B3");
    }
}
