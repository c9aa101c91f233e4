//! A spreadsheet's used range split into tables: a blank row, or a blank
//! column within a band of rows, separates tables. Shared by the xlsx and
//! ods readers; knows nothing of either format.

use crate::document::{Block, Cell, CellHints, Loc, Row, Table};
use crate::error::InputError;
use crate::numfmt::NumberStyle;

/// The most filled cells read from one workbook: far more than any budget
/// workbook has, and a bound on the reader's memory however a file repeats
/// or spreads its cells.
pub const MAX_FILLED_CELLS: usize = 1_000_000;

/// The most bytes of text those cells hold together (a long text repeated
/// in many cells is counted each time).
pub const MAX_CELL_TEXT_BYTES: usize = 64 << 20;

/// What a workbook's filled cells have taken so far, counted before they
/// are made ([`MAX_FILLED_CELLS`], [`MAX_CELL_TEXT_BYTES`]).
#[derive(Debug, Default)]
pub struct Filled {
    cells: usize,
    bytes: usize,
}

impl Filled {
    /// Counts `cells` more cells holding `bytes` of text together: an error
    /// past either limit, before the cells are made.
    pub fn take(&mut self, name: &str, cells: usize, bytes: usize) -> Result<(), InputError> {
        self.cells = self.cells.saturating_add(cells);
        self.bytes = self.bytes.saturating_add(bytes);
        if self.cells > MAX_FILLED_CELLS {
            return Err(InputError::new(
                name,
                format!("the spreadsheet has more than {MAX_FILLED_CELLS} filled cells; not read"),
            ));
        }
        if self.bytes > MAX_CELL_TEXT_BYTES {
            return Err(InputError::new(
                name,
                format!(
                    "the spreadsheet's cells hold more than {} MiB of text; not read",
                    MAX_CELL_TEXT_BYTES >> 20
                ),
            ));
        }
        Ok(())
    }
}

/// One non-empty cell of a sheet, 0-based.
#[derive(Clone, Debug)]
pub struct GridCell {
    pub row: u32,
    pub col: u32,
    pub text: String,
    pub hints: CellHints,
}

/// How a sheet's numbers are written in its cells' text: the user's style
/// (`--lang`; Danish Excel shows `-6,1`). Cells are written without
/// grouping, so the thousands mark never meets a cell; it only words the
/// judgments as the rest of the output.
pub fn sheet_style(user: NumberStyle) -> NumberStyle {
    user
}

/// A number written plain (`-6.1`, `57.4%`) in `style`.
pub fn localize(plain: &str, style: NumberStyle) -> String {
    if style.decimal == '.' {
        plain.to_string()
    } else {
        plain.replace('.', &style.decimal.to_string())
    }
}

/// `0 -> A`, `27 -> AB`.
pub fn column_name(mut col: u32) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

pub fn a1(row: u32, col: u32) -> String {
    format!("{}{}", column_name(col), u64::from(row) + 1)
}

/// Splits a sheet's cells (any order) into tables, top to bottom, left to
/// right. `style` is how the cells' numbers are written.
pub fn tables(sheet: &str, mut cells: Vec<GridCell>, style: NumberStyle) -> Vec<Block> {
    cells.retain(|c| !c.text.trim().is_empty());
    cells.sort_by_key(|c| (c.row, c.col));
    let mut out = Vec::new();
    // Bands of consecutive non-blank rows.
    let mut start = 0;
    while start < cells.len() {
        let mut end = start + 1;
        while end < cells.len() && cells[end].row <= cells[end - 1].row + 1 {
            end += 1;
        }
        let band = &cells[start..end];
        // Columns used in the band, split at gaps.
        let mut cols: Vec<u32> = band.iter().map(|c| c.col).collect();
        cols.sort_unstable();
        cols.dedup();
        let mut groups: Vec<(u32, u32)> = Vec::new();
        for c in cols {
            match groups.last_mut() {
                Some((_, hi)) if c == *hi + 1 => *hi = c,
                _ => groups.push((c, c)),
            }
        }
        for (lo, hi) in groups {
            let part: Vec<&GridCell> = band.iter().filter(|c| c.col >= lo && c.col <= hi).collect();
            if let Some(t) = table(sheet, &part, lo, hi, style) {
                out.push(t);
            }
        }
        start = end;
    }
    out
}

fn table(sheet: &str, cells: &[&GridCell], lo: u32, hi: u32, style: NumberStyle) -> Option<Block> {
    let first = cells.first()?;
    let last = cells.last()?;
    let loc = |row: u32, col: u32| Loc::Sheet {
        sheet: sheet.to_string(),
        cell: a1(row, col),
    };
    // Each row's length once its empty cells at the end are dropped (every
    // cell here has text): a table too large to understand is refused
    // before its rows are built, so a few cells far apart (`A1` and
    // `XFD1048576`) cost nothing.
    let mut ends = cells.iter().map(|c| (c.row, c.col)).peekable();
    let lengths = (first.row..=last.row).map(|r| {
        let mut end = None;
        while let Some(&(row, col)) = ends.peek() {
            if row != r {
                break;
            }
            end = Some(col);
            ends.next();
        }
        end.map_or(0, |c| (c - lo) as usize + 1)
    });
    if let Some((k, why, width)) = Table::refusal(lengths) {
        let at = loc(first.row.saturating_add(k as u32), lo);
        return Some(Block::Table(Table::refused(
            loc(first.row, lo),
            Some(style),
            at,
            why,
            width,
        )));
    }
    let mut rows = Vec::new();
    let mut i = 0;
    for r in first.row..=last.row {
        let mut row_cells: Vec<Cell> = Vec::new();
        for c in lo..=hi {
            match cells.get(i) {
                Some(g) if g.row == r && g.col == c => {
                    row_cells.push(Cell {
                        text: g.text.trim().to_string(),
                        loc: loc(r, c),
                        hints: g.hints.clone(),
                    });
                    i += 1;
                }
                _ => row_cells.push(Cell::new("", loc(r, c))),
            }
        }
        while row_cells.last().is_some_and(|c| c.text.is_empty()) {
            row_cells.pop();
        }
        rows.push(Row {
            loc: loc(r, lo),
            cells: row_cells,
        });
    }
    // A lone cell above a table is its title, not a one-column table.
    Some(Block::Table(Table::from_rows(
        loc(first.row, lo),
        None,
        Some(style),
        rows,
    )))
}

/// Turns one-cell tables standing right above a table into its title, and
/// keeps other one-cell "tables" as running text.
pub fn titles(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for b in blocks {
        match b {
            Block::Table(t) if t.rows.len() == 1 && t.rows[0].cells.len() <= 1 => {
                let text = t.rows[0]
                    .cells
                    .first()
                    .map(|c| c.text.clone())
                    .unwrap_or_default();
                out.push(Block::Paragraph(crate::document::Paragraph {
                    text,
                    loc: t.loc,
                    heading: false,
                }));
            }
            Block::Table(mut t) => {
                if let Some(Block::Paragraph(p)) = out.last() {
                    if t.title.is_none() {
                        t.title = super::title_of(&p.text);
                    }
                }
                out.push(Block::Table(t));
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(row: u32, col: u32, text: &str) -> GridCell {
        GridCell {
            row,
            col,
            text: text.into(),
            hints: CellHints {
                span: 1,
                ..CellHints::default()
            },
        }
    }

    #[test]
    fn column_names() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(27), "AB");
        assert_eq!(a1(6, 1), "B7");
    }

    #[test]
    fn blank_rows_and_columns_separate_tables() {
        let cells = vec![
            g(0, 0, "Titel"),
            g(2, 0, "a"),
            g(2, 1, "1"),
            g(3, 0, "b"),
            g(3, 1, "2"),
            g(2, 3, "x"),
            g(3, 3, "y"),
            g(5, 0, "c"),
            g(5, 1, "3"),
        ];
        let blocks = titles(tables("Ark1", cells, NumberStyle::PLAIN));
        assert_eq!(blocks.len(), 4);
        let Block::Table(t) = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(t.title.as_deref(), Some("Titel"));
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1].cells[1].text, "2");
        assert_eq!(t.rows[1].cells[1].loc.to_string(), "Ark1!B4");
        let Block::Table(t) = &blocks[2] else {
            panic!()
        };
        assert_eq!(t.loc.to_string(), "Ark1!D3");
        let Block::Table(t) = &blocks[3] else {
            panic!()
        };
        assert_eq!(t.loc.to_string(), "Ark1!A6");
    }
}
