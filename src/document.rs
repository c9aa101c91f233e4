//! The document model: what every reader produces and `verify` consumes.
//!
//! A document is a sequence of blocks — paragraphs of running text and
//! tables — each carrying the place it came from. Readers (one module per
//! format under [`crate::read`]) fill it in; table understanding, judging and
//! the claim reader know nothing of formats, only of this model.
//!
//! Cells keep the text a reader of the document sees (`-6,1`, `57,4%`,
//! `**I alt**`, `1.234 t. kr.`): interpreting it is table understanding's job,
//! not the reader's. A reader that knows more than the text (a spreadsheet's
//! number format, Word's bold run, an HTML `<th>`) says so in the cell's
//! hints.

use std::fmt;

use crate::numfmt::NumberStyle;

/// The most cells a table row may have. Budget tables have a few dozen
/// columns; a row with more is not understood, and its table is reported as
/// such (never silently cut). Readers stop splitting a row here, so a line
/// of a million tabs costs no more than this.
pub const MAX_CELLS_PER_ROW: usize = 1_000;

/// The most cells a table may have, counted as rows × its widest row (table
/// understanding pads every row to the widest). A table past it is not
/// understood and reported as such, and never padded: with
/// [`MAX_CELLS_PER_ROW`] this keeps understanding's memory proportional to
/// the cells read.
pub const MAX_CELLS_PER_TABLE: usize = 1_000_000;

/// Where something stands in its document. Every cell, row, table and
/// paragraph has one; every check and finding carries one.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Loc {
    /// Text formats: 1-based line and column (column 0 when unknown).
    Line { line: usize, column: usize },
    /// PDF: 1-based page and 1-based line on that page.
    Page { page: usize, line: usize },
    /// Spreadsheets: sheet name and A1 reference (`Ark1!B7`).
    Sheet { sheet: String, cell: String },
    /// Word and HTML: 1-based table number and row, with the nearest
    /// heading above the table when there is one.
    TableRow {
        table: usize,
        row: usize,
        heading: Option<String>,
    },
    /// Word and HTML running text: 1-based paragraph number in the body,
    /// with the nearest heading above it.
    Paragraph {
        paragraph: usize,
        heading: Option<String>,
    },
}

impl Loc {
    pub fn line(line: usize) -> Loc {
        Loc::Line { line, column: 0 }
    }

    /// The line number for formats that have one (text, and a PDF page's
    /// line); used where older interfaces want a plain line.
    pub fn line_number(&self) -> Option<usize> {
        match self {
            Loc::Line { line, .. } | Loc::Page { line, .. } => Some(*line),
            Loc::Sheet { .. } | Loc::TableRow { .. } | Loc::Paragraph { .. } => None,
        }
    }
}

impl fmt::Display for Loc {
    /// The part after `file:` in a message: `12`, `12:5`, `p. 3, line 14`,
    /// `Ark1!B7`, `table 2, row 4`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Loc::Line { line, column: 0 } => write!(f, "{line}"),
            Loc::Line { line, column } => write!(f, "{line}:{column}"),
            Loc::Page { page, line } => write!(f, "p. {page}, line {line}"),
            Loc::Sheet { sheet, cell } => write!(f, "{sheet}!{cell}"),
            Loc::TableRow { table, row, .. } => write!(f, "table {table}, row {row}"),
            Loc::Paragraph { paragraph, .. } => write!(f, "paragraph {paragraph}"),
        }
    }
}

/// What a reader knows about a cell beyond its text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CellHints {
    /// Bold or strong emphasis (Word run, `<b>`/`<strong>`, `**…**`).
    pub bold: bool,
    /// A header cell (`<th>`, Word's repeated header row).
    pub header: bool,
    /// Indentation level (leading spaces or Word's left indent, in steps).
    pub indent: u8,
    /// Decimals the cell is displayed with, when the format says so (a
    /// spreadsheet's number format). The cell's text is already shown with
    /// them; this makes the rounding interval explicit.
    pub decimals: Option<u32>,
    /// Columns this cell spans (merged cells); 1 for an ordinary cell. A
    /// reader places a spanning cell in its first column and leaves the
    /// others empty.
    pub span: u32,
}

/// `text` without the whitespace around it, as `str::trim` gives it, but
/// quicker for the usual cell or label that starts and ends with a visible
/// ASCII character: no whitespace is ASCII above the space, so there is
/// nothing to decode at either end; and for an empty text (an empty cell),
/// which has nothing to trim. Inlined where it is asked: the look is
/// cheaper than the call.
#[inline]
pub fn trim_text(text: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x80);
    if text.is_empty() || visible(text.as_bytes().first()) && visible(text.as_bytes().last()) {
        text
    } else {
        text.trim()
    }
}

/// `text` without the whitespace before it, as `str::trim_start` gives
/// it, quicker for a text that starts with a visible ASCII character or
/// is empty (as [`trim_text`]).
#[inline]
pub fn trim_start_text(text: &str) -> &str {
    if text.is_empty()
        || text
            .as_bytes()
            .first()
            .is_some_and(|&b| b > b' ' && b < 0x80)
    {
        text
    } else {
        text.trim_start()
    }
}

/// `text` without the whitespace after it, as `str::trim_end` gives it,
/// quicker for a text that ends with a visible ASCII character or is
/// empty (as [`trim_text`]).
#[inline]
pub fn trim_end_text(text: &str) -> &str {
    if text.is_empty()
        || text
            .as_bytes()
            .last()
            .is_some_and(|&b| b > b' ' && b < 0x80)
    {
        text
    } else {
        text.trim_end()
    }
}

/// One cell: its text as the document shows it, and where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub loc: Loc,
    pub hints: CellHints,
}

impl Cell {
    pub fn new(text: impl Into<String>, loc: Loc) -> Cell {
        Cell {
            text: text.into(),
            loc,
            hints: CellHints {
                span: 1,
                ..CellHints::default()
            },
        }
    }
}

/// One row of a table, cells left to right; the first cell is usually the
/// row's label. Rows of one table may differ in length.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub loc: Loc,
    pub cells: Vec<Cell>,
}

/// A table as read: rows of text cells, no interpretation yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// Where the table starts (its first row).
    pub loc: Loc,
    /// A caption or short line just above the table, when there is one.
    pub title: Option<String>,
    /// How numbers are written in this table, when the format decides it
    /// (a CSV dialect, a spreadsheet); `None` means the document's style.
    pub style: Option<NumberStyle>,
    pub rows: Vec<Row>,
    /// Where and why the table is too large to understand (a row past
    /// [`MAX_CELLS_PER_ROW`], the table past [`MAX_CELLS_PER_TABLE`]); its
    /// rows are then dropped, so reading it costs no more than the limit.
    pub refused: Option<(Loc, String)>,
    /// Cells of the widest row kept.
    pub width: usize,
}

impl Table {
    /// A table starting with `row` (see [`Table::push_row`]).
    pub fn new(loc: Loc, title: Option<String>, style: Option<NumberStyle>, row: Row) -> Table {
        let mut t = Table {
            loc,
            title,
            style,
            rows: Vec::new(),
            refused: None,
            width: 0,
        };
        t.push_row(row);
        t
    }

    /// A table of `rows`, each added through [`Table::push_row`] so that the
    /// same limits hold whichever reader built it.
    pub fn from_rows(
        loc: Loc,
        title: Option<String>,
        style: Option<NumberStyle>,
        rows: Vec<Row>,
    ) -> Table {
        let mut t = Table {
            loc,
            title,
            style,
            rows: Vec::with_capacity(rows.len().min(1024)),
            refused: None,
            width: 0,
        };
        for row in rows {
            t.push_row(row);
        }
        t
    }

    /// Adds a row, unless the table is refused already or the row makes it
    /// too large to understand: then the reason is kept and the rows dropped.
    pub fn push_row(&mut self, row: Row) {
        if self.refused.is_some() {
            return;
        }
        // Where a refusal points (copied only for one).
        let loc = |row: &Row| {
            row.cells
                .first()
                .map_or_else(|| row.loc.clone(), |c| c.loc.clone())
        };
        match too_large(self.width, self.rows.len(), row.cells.len()) {
            Some(why) => self.refuse(loc(&row), why),
            None => {
                self.width = self.width.max(row.cells.len());
                self.rows.push(row);
            }
        }
    }

    /// Where [`Table::push_row`] would refuse rows of these lengths: the
    /// refusing row's index, why, and the width kept until then. For a
    /// reader that knows its rows' lengths before it builds them (a
    /// spreadsheet's cells, placed by row and column), so that a table too
    /// large to understand is never built.
    pub fn refusal(lengths: impl Iterator<Item = usize>) -> Option<(usize, String, usize)> {
        let mut width = 0;
        for (k, len) in lengths.enumerate() {
            if let Some(why) = too_large(width, k, len) {
                return Some((k, why, width));
            }
            width = width.max(len);
        }
        None
    }

    /// A table refused before its rows were built ([`Table::refusal`]).
    pub fn refused(
        loc: Loc,
        style: Option<NumberStyle>,
        at: Loc,
        why: String,
        width: usize,
    ) -> Table {
        Table {
            loc,
            title: None,
            style,
            rows: Vec::new(),
            refused: Some((at, why)),
            width,
        }
    }

    fn refuse(&mut self, loc: Loc, why: String) {
        self.refused = Some((loc, why));
        self.rows = Vec::new();
    }
}

/// Why a row of `len` cells, after `rows` rows with at most `width` cells,
/// makes a table too large to understand ([`Table::push_row`]).
fn too_large(width: usize, rows: usize, len: usize) -> Option<String> {
    if len > MAX_CELLS_PER_ROW {
        return Some(format!(
            "a row of more than {MAX_CELLS_PER_ROW} cells; the table is not understood"
        ));
    }
    (width.max(len).saturating_mul(rows + 1) > MAX_CELLS_PER_TABLE).then(|| {
        format!(
            "more than {MAX_CELLS_PER_TABLE} cells (rows × columns); the table is not understood"
        )
    })
}

/// A paragraph of running text (a heading is a paragraph too).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub text: String,
    /// Where the paragraph starts; a figure's own place is found from its
    /// offset in `text` (see [`Paragraph::loc_at`]).
    pub loc: Loc,
    pub heading: bool,
}

impl Paragraph {
    /// The place of the byte at `offset` in the paragraph's text: line and
    /// column for text formats (a paragraph may span lines), the paragraph's
    /// own place otherwise.
    pub fn loc_at(&self, offset: usize) -> Loc {
        match &self.loc {
            Loc::Line { line, column } => {
                let mut end = offset.min(self.text.len());
                while !self.text.is_char_boundary(end) {
                    end -= 1;
                }
                let before = &self.text[..end];
                let newlines = before.bytes().filter(|&b| b == b'\n').count();
                let col_start = before.rfind('\n').map(|i| i + 1);
                let column = match col_start {
                    Some(s) => before[s..].chars().count() + 1,
                    None => column.max(&1) + before.chars().count(),
                };
                Loc::Line {
                    line: line + newlines,
                    column,
                }
            }
            other => other.clone(),
        }
    }
}

/// A block of a document, in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

/// Something a reader saw but could not read, or assumed: said to the user,
/// never dropped (`a table was seen at line 40 but its columns could not be
/// determined`, `read as Windows-1252`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub loc: Option<Loc>,
    pub message: String,
}

/// A whole document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The file's name as the user gave it (`<stdin>` for standard input).
    pub name: String,
    /// How numbers are written in running text and tables without a style
    /// of their own.
    pub style: NumberStyle,
    pub blocks: Vec<Block>,
    pub notices: Vec<Notice>,
}

impl Document {
    pub fn new(name: impl Into<String>, style: NumberStyle) -> Document {
        Document {
            name: name.into(),
            style,
            blocks: Vec::new(),
            notices: Vec::new(),
        }
    }

    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Table(t) => Some(t),
            Block::Paragraph(_) => None,
        })
    }

    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Paragraph(p) => Some(p),
            Block::Table(_) => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The quick trim is `str::trim`, whatever whitespace (ASCII or
        /// not) surrounds the text.
        #[test]
        fn trim_text_is_trim(
            text in "[ \t\u{a0}\u{2003}\u{3000}\u{b}\u{1f}]{0,2}[-a-zæ0-9,.%()\u{a0} ]{0,8}[ \t\r\n\u{a0}\u{2003}\u{85}\u{1c}]{0,2}"
        ) {
            proptest::prop_assert_eq!(trim_text(&text), text.trim());
        }

        /// The quick trim of a text's start is `str::trim_start`.
        #[test]
        fn trim_start_text_is_trim_start(
            text in "[ \t\u{a0}\u{2003}\u{3000}\u{b}\u{1f}\u{85}!~\u{7f}]{0,2}[-a-zæ0-9,.%()\u{a0} ]{0,8}"
        ) {
            proptest::prop_assert_eq!(trim_start_text(&text), text.trim_start());
        }

        /// The quick trim of a text's end is `str::trim_end`.
        #[test]
        fn trim_end_text_is_trim_end(
            text in "[-a-zæ0-9,.%()\u{a0} ]{0,8}[ \t\r\n\u{a0}\u{2003}\u{85}\u{1c}!~\u{7f}]{0,2}"
        ) {
            proptest::prop_assert_eq!(trim_end_text(&text), text.trim_end());
        }
    }

    #[test]
    fn places_print_as_messages_want_them() {
        assert_eq!(Loc::line(12).to_string(), "12");
        assert_eq!(
            Loc::Line {
                line: 12,
                column: 5
            }
            .to_string(),
            "12:5"
        );
        assert_eq!(Loc::Page { page: 3, line: 14 }.to_string(), "p. 3, line 14");
        let s = Loc::Sheet {
            sheet: "Ark1".into(),
            cell: "B7".into(),
        };
        assert_eq!(s.to_string(), "Ark1!B7");
    }

    #[test]
    fn a_figure_in_a_paragraph_is_placed_by_line_and_column() {
        let p = Paragraph {
            text: "Besparelser på 6,1 mio. kr.\ni 2026 og 19,1 i 2029".into(),
            loc: Loc::Line {
                line: 10,
                column: 1,
            },
            heading: false,
        };
        let first = p.text.find("6,1").unwrap_or(0);
        assert_eq!(
            p.loc_at(first),
            Loc::Line {
                line: 10,
                column: 16
            }
        );
        let second = p.text.find("19,1").unwrap_or(0);
        assert_eq!(
            p.loc_at(second),
            Loc::Line {
                line: 11,
                column: 11
            }
        );
        // An offset inside a multi-byte letter does not panic.
        assert_eq!(
            p.loc_at(14),
            Loc::Line {
                line: 10,
                column: 14
            }
        );
    }
}
