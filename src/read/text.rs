//! Text documents: running text with tables in it — tab-separated lines (as
//! copied out of a PDF), Markdown pipe tables and sparekrav's own text grids.
//! A table is a run of consecutive table lines of one kind; its first row is
//! the header. Other lines are paragraphs: consecutive non-blank lines, ended
//! by a blank line, a heading (`# ...`) or a table.

use memchr::memchr;

use super::{is_table, text_of, title_of, Sniff, Source};
use crate::document::{Block, Cell, Document, Loc, Paragraph, Row, Table, MAX_CELLS_PER_ROW};
use crate::error::InputError;

/// Text can be nearly anything: never refused, never claimed.
pub fn sniff(_bytes: &[u8]) -> Sniff {
    Sniff::Maybe
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    /// Tab-separated.
    Tabs,
    /// `| a | b |` rows, `|---|` and `+---+` rules.
    Pipes,
}

enum LineKind {
    Row(Family),
    /// A rule inside a pipe table (`|:---|---:|`, `+----+`, `+====+`).
    Rule,
    Other,
}

fn classify(line: &str) -> LineKind {
    let t = crate::document::trim_start_text(line);
    match t.as_bytes().first() {
        Some(b'|') => {
            if t.bytes()
                .all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'=' | b'+'))
                && t.contains('-')
            {
                LineKind::Rule
            } else {
                LineKind::Row(Family::Pipes)
            }
        }
        Some(b'+') if t.len() > 1 && t.bytes().all(|b| matches!(b, b'+' | b'-' | b'=' | b':')) => {
            LineKind::Rule
        }
        _ if memchr(b'\t', line.as_bytes()).is_some() => LineKind::Row(Family::Tabs),
        _ => LineKind::Other,
    }
}

/// A cell placed at 1-based `column` of `line`; `**bold**` is noted.
fn cell(text: &str, line: usize, column: usize) -> Cell {
    let mut c = Cell::new(text, Loc::Line { line, column });
    c.hints.bold = text.len() > 4 && text.starts_with("**") && text.ends_with("**");
    c
}

/// Cells of a pipe row; `\|` is a literal bar.
fn pipe_cells(line: &str, line_no: usize) -> Vec<Cell> {
    let lead = line.len() - line.trim_start().len();
    let t = line.trim();
    let (t, mut column) = match t.strip_prefix('|') {
        Some(rest) => (rest, lead + 2),
        None => (t, lead + 1),
    };
    let t = t
        .strip_suffix('|')
        .filter(|s| !s.ends_with('\\'))
        .unwrap_or(t);
    let mut cells = Vec::new();
    let mut cur = String::new();
    // Where the current cell's text starts (its first non-blank character).
    let mut start: Option<usize> = None;
    let mut seg_start = column;
    let mut chars = t.chars();
    while let Some(c) = chars.next() {
        let at = column;
        column += 1;
        match c {
            '\\' => {
                start.get_or_insert(at);
                match chars.next() {
                    Some(n @ ('|' | '\\')) => {
                        column += 1;
                        cur.push(n)
                    }
                    Some(n) => {
                        column += 1;
                        cur.push('\\');
                        cur.push(n);
                    }
                    None => cur.push('\\'),
                }
            }
            '|' => {
                cells.push(cell(cur.trim(), line_no, start.unwrap_or(seg_start)));
                if cells.len() > MAX_CELLS_PER_ROW {
                    // Too wide to understand: stop splitting (the table is refused).
                    return cells;
                }
                cur.clear();
                start = None;
                seg_start = column;
            }
            c => {
                if !c.is_whitespace() {
                    start.get_or_insert(at);
                }
                cur.push(c)
            }
        }
    }
    cells.push(cell(cur.trim(), line_no, start.unwrap_or(seg_start)));
    cells
}

/// Cells of a tab row; past [`MAX_CELLS_PER_ROW`] the line is not split
/// further (one cell more says the row is too wide).
fn tab_cells(line: &str, line_no: usize) -> Vec<Cell> {
    let bytes = line.as_bytes();
    // Asked of the whole line once: most rows are ASCII.
    let ascii = line.is_ascii();
    let mut column = 1;
    let mut cells = Vec::with_capacity(8);
    let mut from = 0;
    loop {
        let end = next_tab(bytes, from);
        let field = &line[from..end];
        // Columns count characters: bytes, where all are ASCII. Most
        // fields start with a visible ASCII character: no blank before it.
        let (lead, chars) = if ascii || field.is_ascii() {
            let lead = if field.as_bytes().first().is_some_and(|&b| b > b' ') {
                0
            } else {
                field
                    .bytes()
                    .take_while(|b| char::from(*b).is_whitespace())
                    .count()
            };
            (lead, field.len())
        } else {
            let lead = field.chars().take_while(|c| c.is_whitespace()).count();
            (lead, field.chars().count())
        };
        cells.push(cell(
            crate::document::trim_text(field),
            line_no,
            column + lead,
        ));
        column += chars + 1;
        if end == bytes.len() || cells.len() > MAX_CELLS_PER_ROW {
            return cells;
        }
        from = end + 1;
    }
}

/// A tab in each byte of a word ([`next_tab`], [`tab_count`]).
const TABS: u64 = u64::from_le_bytes([b'\t'; 8]);
const ONES: u64 = u64::from_le_bytes([0x01; 8]);
const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);

/// Eight bytes as a word, the first the lowest.
#[inline]
fn word_of(bytes: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(bytes);
    u64::from_le_bytes(w)
}

/// Where the first tab at or after `from` stands in `bytes`, or its length
/// (a tab is one byte, never inside a UTF-8 character). A field is a few
/// bytes, where `memchr` cost about 50 instructions a tab to set up; the
/// bytes are looked at eight at a time, a word's tab found as the lowest
/// byte that is zero after an exclusive or with tabs (the word's bytes in
/// their order: little-endian).
fn next_tab(bytes: &[u8], from: usize) -> usize {
    let rest = bytes.get(from..).unwrap_or_default();
    let mut words = rest.chunks_exact(8);
    let mut at = from;
    for word in &mut words {
        let x = word_of(word) ^ TABS;
        // A byte's high bit set where it is zero; a borrow only sets bits
        // above a zero byte, so the lowest one set is the first tab.
        let zero = x.wrapping_sub(ONES) & !x & HIGHS;
        if zero != 0 {
            return at + (zero.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    words
        .remainder()
        .iter()
        .position(|&b| b == b'\t')
        .map_or(bytes.len(), |k| at + k)
}

/// The number of cells [`tab_cells`] makes of a line, without making them.
fn tab_count(line: &str) -> usize {
    // Counted eight bytes at a time (`memchr` cost about 50 instructions a
    // tab to set up, a plain loop some five a byte): in a word exclusive-
    // or'ed with tabs a tab's byte is zero, found exactly (no carry crosses
    // a byte: each is at most 0x7f + 0x7f) and the zeros summed by a
    // multiply into the top byte (at most eight).
    const SEVEN_BITS: u64 = u64::from_le_bytes([0x7f; 8]);
    let mut words = line.as_bytes().chunks_exact(8);
    let mut tabs = 0;
    for word in &mut words {
        let x = word_of(word) ^ TABS;
        let zero = !(((x & SEVEN_BITS) + SEVEN_BITS) | x) & HIGHS;
        tabs += ((zero >> 7).wrapping_mul(ONES) >> 56) as usize;
    }
    tabs += words.remainder().iter().filter(|&&b| b == b'\t').count();
    tabs.min(MAX_CELLS_PER_ROW) + 1
}

/// The row a line held after a tab table makes when the table turns out to
/// go on below it (a section row pasted without its tab): its text in the
/// first cell, the other `width - 1` columns empty, placed at its end.
fn held_row(at: usize, held: &str, width: usize) -> Row {
    let text = held.trim();
    let column = held.chars().count() - held.trim_start().chars().count() + 1;
    let end = held.chars().count() + 1;
    let mut cells = vec![cell(text, at, column)];
    while cells.len() < width {
        cells.push(cell("", at, end));
    }
    Row {
        loc: Loc::line(at),
        cells,
    }
}

/// A table begun by its first row at `line_no`, titled by the line above
/// it when that can title it ([`title_of`]), its list made with room for
/// `rows` rows before the first is added (0 where they are not known).
fn first_row_table(line_no: usize, title: Option<&str>, row: Row, rows: usize) -> Table {
    let mut t = Table::from_rows(
        Loc::line(line_no),
        title.and_then(title_of),
        None,
        Vec::new(),
    );
    t.rows.reserve(rows);
    t.push_row(row);
    t
}

/// A tab table's rows as their lines, split into cells only when the table
/// is built ([`FoundTable::table`]): `verify` builds it on a judging thread,
/// so the reader's thread does not make a string per cell.
struct TabLines<'t> {
    /// The first row's line number.
    line: usize,
    /// The line above the table that may title it ([`title_of`]).
    title: Option<&'t str>,
    rows: Vec<RowLine<'t>>,
    /// Cells of the widest row added through [`Table::push_row`]
    /// ([`Table::width`]).
    pushed_width: usize,
    /// Cells of the widest row, held rows too.
    widest: usize,
    /// Cells in all.
    cells: usize,
}

/// Whether a row is a header of years (`Mio. kr.  2024  2025  2026`): two or
/// more cells after the first, each a year written without a separator
/// (1900-2100). Such a row after held lines starts a table of its own.
fn years_row(cells: &[Cell]) -> bool {
    let rest: Vec<&str> = cells
        .iter()
        .skip(1)
        .map(|c| c.text.trim())
        .filter(|t| !t.is_empty())
        .collect();
    rest.len() >= 2
        && rest.iter().all(|t| {
            t.len() == 4
                && t.bytes().all(|b| b.is_ascii_digit())
                && t.parse::<u16>().is_ok_and(|y| (1900..=2100).contains(&y))
        })
}

/// How many lines after a tab table may be held for it ([`Blocks::pending`]):
/// a section's name over a subsection's (`Udgifter:`, `Forsyningsnet:`).
const HELD_LINES: usize = 2;

enum RowLine<'t> {
    /// A tab row: its line number and text.
    Tabs(usize, &'t str),
    /// A held line that belongs to the table ([`held_row`]): its line
    /// number, its text and the table's width then.
    Held(usize, &'t str, usize),
}

/// While a table is far below [`Table::push_row`]'s limits (half of them)
/// its rows are kept as lines: the lines build the same table, as no row
/// of it can be refused. Past them it is built as it is read.
const LINES_ROW_CELLS: usize = MAX_CELLS_PER_ROW / 2;
const LINES_TABLE_CELLS: usize = crate::document::MAX_CELLS_PER_TABLE / 2;

impl<'t> TabLines<'t> {
    /// Whether a row of `count` cells keeps the table well inside the limits.
    fn fits(&self, count: usize) -> bool {
        count <= LINES_ROW_CELLS
            && self
                .pushed_width
                .max(count)
                .saturating_mul(self.rows.len() + 1)
                <= LINES_TABLE_CELLS
    }

    fn push(&mut self, line_no: usize, line: &'t str, count: usize) {
        self.rows.push(RowLine::Tabs(line_no, line));
        self.pushed_width = self.pushed_width.max(count);
        self.widest = self.widest.max(count);
        self.cells += count;
    }

    /// The table the lines make, as [`Blocks`] built it row by row before.
    fn table(self) -> Table {
        let mut t: Option<Table> = None;
        // Room for every row at once (a small table's rows were copied
        // twice as its list grew).
        let rows = self.rows.len().min(1024);
        for r in self.rows {
            match (r, &mut t) {
                (RowLine::Tabs(line_no, line), None) => {
                    let row = Row {
                        loc: Loc::line(line_no),
                        cells: tab_cells(line, line_no),
                    };
                    t = Some(first_row_table(self.line, self.title, row, rows));
                }
                (RowLine::Tabs(line_no, line), Some(t)) => t.push_row(Row {
                    loc: Loc::line(line_no),
                    cells: tab_cells(line, line_no),
                }),
                (RowLine::Held(at, held, width), Some(t)) => t.rows.push(held_row(at, held, width)),
                // The first row is a tab row.
                (RowLine::Held(..), None) => {}
            }
        }
        t.unwrap_or_else(|| Table::from_rows(Loc::line(self.line), None, None, Vec::new()))
    }
}

/// A table as the text reader found it: a tab table as its lines (while it
/// is small enough, see [`TabLines`]), any other built.
pub struct FoundTable<'t>(Found<'t>);

enum Found<'t> {
    Lines(TabLines<'t>),
    Built(Table),
}

impl<'t> FoundTable<'t> {
    /// A table started by a tab row, `count` cells of `line`, with its
    /// cells when they were made already.
    fn tabs(
        line_no: usize,
        line: &'t str,
        title: Option<&'t str>,
        cells: Option<Vec<Cell>>,
    ) -> Self {
        let count = cells.as_ref().map_or_else(|| tab_count(line), Vec::len);
        let mut lines = TabLines {
            line: line_no,
            title,
            // Room for a small table's rows at once.
            rows: Vec::with_capacity(8),
            pushed_width: 0,
            widest: 0,
            cells: 0,
        };
        if lines.fits(count) {
            lines.push(line_no, line, count);
            return FoundTable(Found::Lines(lines));
        }
        let row = Row {
            loc: Loc::line(line_no),
            cells: cells.unwrap_or_else(|| tab_cells(line, line_no)),
        };
        FoundTable(Found::Built(first_row_table(line_no, title, row, 0)))
    }

    fn built(t: Table) -> Self {
        FoundTable(Found::Built(t))
    }

    /// Adds a tab row (`cells`, when they were made already).
    fn push_tabs(&mut self, line_no: usize, line: &'t str, cells: Option<Vec<Cell>>) {
        if let Found::Lines(lines) = &mut self.0 {
            let count = cells.as_ref().map_or_else(|| tab_count(line), Vec::len);
            if lines.fits(count) {
                lines.push(line_no, line, count);
                return;
            }
            // Near the limits: built from here on, as it is read.
            let Found::Lines(lines) = std::mem::replace(&mut self.0, Found::Built(empty_table()))
            else {
                return;
            };
            self.0 = Found::Built(lines.table());
        }
        if let Found::Built(t) = &mut self.0 {
            t.push_row(Row {
                loc: Loc::line(line_no),
                cells: cells.unwrap_or_else(|| tab_cells(line, line_no)),
            });
        }
    }

    /// Adds a built row.
    fn push_row(&mut self, row: Row) {
        match &mut self.0 {
            Found::Built(t) => t.push_row(row),
            // Only pipe rows come built, and pipe tables are built.
            Found::Lines(_) => {}
        }
    }

    /// Adds a held line as a row of the table's width ([`held_row`]).
    fn hold(&mut self, at: usize, held: &'t str) {
        let width = self.widest().max(1);
        match &mut self.0 {
            Found::Lines(lines) => {
                lines.rows.push(RowLine::Held(at, held, width));
                lines.cells += width;
            }
            Found::Built(t) => t.rows.push(held_row(at, held, width)),
        }
    }

    /// Whether the table names its sections with a colon already (a row's
    /// label ends in one: `Indtægter:` heading the first column), or has
    /// only its header row yet: a section name with a colon below it is
    /// then one of its sections (`Udgifter:`), not the heading of what
    /// follows it.
    fn colon_sections(&self) -> bool {
        let label_colon = |l: &str| l.split('\t').next().unwrap_or("").trim().ends_with(':');
        match &self.0 {
            Found::Lines(lines) => {
                lines.rows.len() == 1
                    || lines.rows.iter().any(|r| match r {
                        RowLine::Tabs(_, l) | RowLine::Held(_, l, _) => label_colon(l),
                    })
            }
            Found::Built(t) => t.rows.iter().any(|r| {
                r.cells
                    .first()
                    .is_some_and(|c| c.text.trim().ends_with(':'))
            }),
        }
    }

    /// Cells of the widest row (0 without rows).
    fn widest(&self) -> usize {
        match &self.0 {
            Found::Lines(lines) => lines.widest,
            Found::Built(t) => t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0),
        }
    }

    /// Whether the rows make a table ([`is_table`]), or it was refused.
    fn stands(&self) -> bool {
        match &self.0 {
            Found::Lines(lines) => lines.rows.len() >= 2 && lines.widest >= 2,
            Found::Built(t) => t.refused.is_some() || is_table(&t.rows),
        }
    }

    /// How many cells the table has (as read: rows of different lengths
    /// are not padded).
    pub fn cells(&self) -> usize {
        match &self.0 {
            Found::Lines(lines) => lines.cells,
            Found::Built(t) => t.rows.iter().map(|r| r.cells.len()).sum(),
        }
    }

    /// The table: a tab table's lines split into cells now.
    pub fn table(self) -> Table {
        match self.0 {
            Found::Lines(lines) => lines.table(),
            Found::Built(t) => t,
        }
    }
}

fn empty_table() -> Table {
    Table::from_rows(Loc::line(0), None, None, Vec::new())
}

/// A block of a text document as [`read_found`] hands it out: a table not
/// yet split into cells.
pub enum Piece<'t> {
    Paragraph(Paragraph),
    Table(FoundTable<'t>),
}

impl Piece<'_> {
    /// The document model's block.
    pub fn block(self) -> Block {
        match self {
            Piece::Paragraph(p) => Block::Paragraph(p),
            Piece::Table(t) => Block::Table(t.table()),
        }
    }
}

/// Builds the blocks of a document in reading order (into `out`, which the
/// caller drains as it likes: [`read_each`] after every line).
struct Blocks<'t> {
    /// The text read.
    text: &'t str,
    /// Blocks, each a paragraph with the byte where it starts in `text`
    /// when that is known.
    out: Vec<(Piece<'t>, Option<usize>)>,
    /// The paragraph being collected: its first line, the byte where that
    /// starts, and its lines.
    paragraph: Option<(usize, usize, String)>,
    /// The table being collected.
    table: Option<(Family, FoundTable<'t>)>,
    /// The last non-empty line outside a table, and its line number.
    last_text: Option<(usize, &'t str)>,
    /// Lines after a tab table that may still belong to it (at most
    /// [`HELD_LINES`], at most one of them blank): a blank line, or section
    /// rows pasted without their tab (`Konto 6 (service)`, `Udgifter:` over
    /// `Forsyningsnet:`). They do when the next line continues the table's
    /// columns with figures.
    pending: Vec<(usize, &'t str)>,
}

impl<'t> Blocks<'t> {
    fn end_paragraph(&mut self) {
        if let Some((line, at, text)) = self.paragraph.take() {
            let p = Paragraph {
                text,
                loc: Loc::Line { line, column: 1 },
                heading: false,
            };
            self.out.push((Piece::Paragraph(p), Some(at)));
        }
    }

    fn end_table(&mut self) {
        let Some((_, t)) = self.table.take() else {
            return;
        };
        if t.stands() {
            self.out.push((Piece::Table(t), None));
        } else {
            // A lone line with a tab is running text, not a table.
            let t = t.table();
            let text = t
                .rows
                .iter()
                .map(|r| {
                    r.cells
                        .iter()
                        .map(|c| c.text.as_str())
                        .collect::<Vec<_>>()
                        .join("\t")
                })
                .collect::<Vec<_>>()
                .join("\n");
            let p = Paragraph {
                text,
                loc: t.loc,
                heading: false,
            };
            self.out.push((Piece::Paragraph(p), None));
        }
    }

    /// The held line, as running text (the table it followed has ended).
    fn flush_pending(&mut self) {
        for (at, held) in std::mem::take(&mut self.pending) {
            self.other_now(held, at);
        }
    }

    fn row(&mut self, family: Family, line: &'t str, line_no: usize) {
        // A pipe row is split now; a tab row when its cells are looked at
        // (or its table built).
        let mut cells = match family {
            Family::Tabs => None,
            Family::Pipes => Some(pipe_cells(line, line_no)),
        };
        if !self.pending.is_empty() {
            let continues = match &self.table {
                Some((Family::Tabs, t)) if family == Family::Tabs => {
                    let width = t.widest();
                    let cells = cells.get_or_insert_with(|| tab_cells(line, line_no));
                    cells.len() == width
                        && cells
                            .iter()
                            .skip(1)
                            .any(|c| c.text.bytes().any(|b| b.is_ascii_digit()))
                        && !years_row(cells)
                }
                _ => false,
            };
            if continues {
                if let Some((_, t)) = &mut self.table {
                    for (at, held) in self.pending.drain(..) {
                        if !held.trim().is_empty() {
                            t.hold(at, held);
                        }
                    }
                }
            } else {
                self.end_table();
                self.flush_pending();
            }
        }
        self.end_paragraph();
        match &mut self.table {
            Some((f, t)) if *f == family => match family {
                Family::Tabs => t.push_tabs(line_no, line, cells),
                Family::Pipes => t.push_row(Row {
                    loc: Loc::line(line_no),
                    cells: cells.unwrap_or_default(),
                }),
            },
            _ => {
                self.end_table();
                let title = self
                    .last_text
                    .filter(|(at, _)| line_no - at <= 2)
                    .map(|(_, l)| l);
                let found = match family {
                    Family::Tabs => FoundTable::tabs(line_no, line, title, cells),
                    Family::Pipes => {
                        let row = Row {
                            loc: Loc::line(line_no),
                            cells: cells.unwrap_or_default(),
                        };
                        FoundTable::built(first_row_table(line_no, title, row, 0))
                    }
                };
                self.table = Some((family, found));
            }
        }
    }

    fn rule(&mut self, line_no: usize) {
        if !self.pending.is_empty() {
            self.end_table();
            self.flush_pending();
        }
        self.end_paragraph();
        if self.table.is_none() {
            // A grid's top rule: the table starts below it; keep the title line.
            if let Some((at, _)) = &mut self.last_text {
                if line_no - *at <= 1 {
                    *at = line_no;
                }
            }
        }
    }

    fn other(&mut self, line: &'t str, line_no: usize) {
        // A short label: letters, digits and the punctuation of a heading,
        // not a sentence, not markup or junk (looked at only right after a
        // tab table). A colon may end it (`Udgifter:`, `Afskrivninger og
        // henlæggelser:`), three words at most before it: a longer line
        // ending so introduces what follows (`Tabellen nedenfor viser
        // udgifterne:`).
        let t = crate::document::trim_text(line);
        let section_like = || {
            let head = t.strip_suffix(':').unwrap_or(t);
            t.is_empty()
                || (t.chars().nth(60).is_none()
                    && !head.ends_with('.')
                    && !head.ends_with(':')
                    && (head.len() == t.len() || head.split_whitespace().nth(3).is_none())
                    && head.chars().any(char::is_alphabetic)
                    && head
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == ' ' || "()-–,./&%'\"+;".contains(c)))
        };
        // Held: one blank line, or one or two section names (no blank
        // with them: a heading and a blank line introduce what follows);
        // a name with a colon only in a table that names its sections so.
        let holds = match &self.table {
            Some((Family::Tabs, table)) => {
                let blank_held = self
                    .pending
                    .iter()
                    .any(|(_, l)| crate::document::trim_text(l).is_empty());
                if t.is_empty() {
                    self.pending.is_empty()
                } else {
                    self.pending.len() < HELD_LINES
                        && !blank_held
                        && (!t.ends_with(':') || table.colon_sections())
                }
            }
            _ => false,
        };
        if holds && section_like() {
            self.pending.push((line_no, line));
            return;
        }
        if !self.pending.is_empty() {
            self.end_table();
            self.flush_pending();
        }
        self.other_now(line, line_no);
    }

    fn other_now(&mut self, line: &'t str, line_no: usize) {
        self.end_table();
        let trimmed = crate::document::trim_text(line);
        if trimmed.is_empty() {
            self.end_paragraph();
            return;
        }
        self.last_text = Some((line_no, line));
        if trimmed.starts_with('#') {
            self.end_paragraph();
            let text = trimmed.trim_start_matches('#').trim_start();
            // Where the heading's text starts (the line may end in blanks
            // `trimmed` dropped: count from the start, on a char boundary).
            let rest = line.trim_start().trim_start_matches('#').trim_start();
            let column = line
                .get(..line.len() - rest.len())
                .map_or(1, |lead| lead.chars().count() + 1);
            let p = Paragraph {
                text: text.to_string(),
                loc: Loc::Line {
                    line: line_no,
                    column,
                },
                heading: true,
            };
            self.out.push((Piece::Paragraph(p), None));
            return;
        }
        match &mut self.paragraph {
            Some((_, _, text)) => {
                text.push('\n');
                text.push_str(line);
            }
            None => {
                // `line` is a slice of `text`: where it starts in it.
                let at = (line.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
                self.paragraph = Some((line_no, at, line.to_string()));
            }
        }
    }
}

/// Reads a text document: its tables and paragraphs, every cell placed by
/// line and column.
pub fn read(source: &Source) -> Result<Document, InputError> {
    let decoded = text_of(source)?;
    let mut doc = Document::new(source.name, source.style);
    doc.notices.extend(decoded.notice.clone());
    let found = read_each(&decoded.text, |b| doc.blocks.push(b));
    doc.notices.extend(found);
    Ok(doc)
}

/// Reads decoded text block by block, in reading order, handing each block
/// to `sink` as soon as it is complete: [`read`] collects them into a
/// [`Document`]; `verify` on a large text judges each table as it comes and
/// drops it, so memory is bounded by the largest table, not the document.
/// Returns the notices of tables found in the running text (after the
/// decoding's own notice, which the caller has).
pub fn read_each(text: &str, mut sink: impl FnMut(Block)) -> Vec<crate::document::Notice> {
    read_found(text, |p| sink(p.block()))
}

/// As [`read_each`], each table handed out before it is split into cells
/// ([`FoundTable::table`] splits it, on whichever thread calls it).
pub fn read_found<'t>(
    text: &'t str,
    mut sink: impl FnMut(Piece<'t>),
) -> Vec<crate::document::Notice> {
    let mut b = Blocks {
        text,
        out: Vec::new(),
        paragraph: None,
        table: None,
        last_text: None,
        pending: Vec::new(),
    };
    let mut running = Running {
        text,
        cursor: (1, 0),
        run: Vec::new(),
        notices: Vec::new(),
    };
    let bytes = text.as_bytes();
    let mut start = 0usize;
    let mut line_no = 0usize;
    while start < bytes.len() {
        let end = memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        // `start` and `end` sit on ASCII bytes (or the ends), so these are char boundaries.
        let line = text.get(start..end).unwrap_or("");
        let line = line.strip_suffix('\r').unwrap_or(line);
        line_no += 1;
        start = end + 1;
        match classify(line) {
            LineKind::Row(family) => b.row(family, line, line_no),
            LineKind::Rule => b.rule(line_no),
            LineKind::Other => b.other(line, line_no),
        }
        for (block, at) in b.out.drain(..) {
            running.push(block, at, &mut sink);
        }
    }
    b.end_table();
    b.flush_pending();
    b.end_paragraph();
    for (block, at) in b.out.drain(..) {
        running.push(block, at, &mut sink);
    }
    running.flush(&mut sink);
    running.notices
}

/// How many lines `text` has after its first (`lines().count()` less one,
/// none for an empty text): its line ends, less one that ends it. The ends
/// found with `memchr` (splitting into lines looked for each end with a
/// searcher set up per paragraph).
fn lines_after_first(text: &str) -> usize {
    memchr::memchr_iter(b'\n', text.as_bytes()).count() - usize::from(text.ends_with('\n'))
}

/// Whether a line may belong to a table that is not tab- or pipe-separated:
/// columns aligned by runs of spaces, a lone figure (one cell per line), or
/// a label followed by two or more figures (a row flattened to spaces).
fn may_be_table_line(line: &str) -> bool {
    let t = crate::document::trim_text(line);
    if t.is_empty() {
        return false;
    }
    if t.contains("  ") || super::layout::is_figure(t) {
        return true;
    }
    let mut tokens = t.rsplit(' ');
    tokens.next().is_some_and(super::layout::is_figure)
        && tokens.next().is_some_and(super::layout::is_figure)
}

/// Tables laid out by spaces (layout text) and pasted tables (a cell per
/// line, rows flattened to spaces) in the running text: runs of paragraphs
/// between tables and headings are read again by [`super::pasted::stretch`]
/// when any of their lines may be a table line.
struct Running<'t> {
    text: &'t str,
    /// A line number and the byte where it starts: runs come in reading
    /// order, so finding a run's first line only ever moves forward.
    cursor: (usize, usize),
    /// The paragraphs since the last table or heading.
    run: Vec<Paragraph>,
    notices: Vec<crate::document::Notice>,
}

impl<'t> Running<'t> {
    /// Adds a block; `at`, the byte where a paragraph starts, when known,
    /// spares looking for the line a run starts at.
    fn push(&mut self, b: Piece<'t>, at: Option<usize>, sink: &mut impl FnMut(Piece<'t>)) {
        match b {
            Piece::Paragraph(p) if !p.heading => {
                if self.run.is_empty() {
                    if let (Some(at), Some(line)) = (at, p.loc.line_number()) {
                        // Runs come in reading order: the cursor only moves on.
                        if line >= self.cursor.0 && at >= self.cursor.1 && at <= self.text.len() {
                            self.cursor = (line, at);
                        }
                    }
                }
                self.run.push(p)
            }
            other => {
                self.flush(sink);
                sink(other);
            }
        }
    }

    /// Lines `first..=last` of the text (fewer at its end), without their
    /// line ends.
    fn lines(&mut self, first: usize, last: usize) -> Vec<&str> {
        let text = self.text;
        let bytes = text.as_bytes();
        let (mut line, mut at) = self.cursor;
        while line < first && at < bytes.len() {
            at = memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i + 1);
            line += 1;
        }
        self.cursor = (line, at);
        let mut out = Vec::new();
        while line <= last && at < bytes.len() {
            let end = memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
            // Line ends are ASCII, so these are char boundaries.
            out.push(text.get(at..end).unwrap_or(""));
            at = end + 1;
            line += 1;
        }
        out
    }

    fn flush(&mut self, sink: &mut impl FnMut(Piece<'t>)) {
        if self.run.is_empty() {
            return;
        }
        let first = self
            .run
            .first()
            .and_then(|p| p.loc.line_number())
            .unwrap_or(1);
        let last = self
            .run
            .last()
            .and_then(|p| p.loc.line_number().map(|l| l + lines_after_first(&p.text)))
            .unwrap_or(first);
        // A run on one line (most are) has no two lines to look at.
        let span = if first >= 1 && last > first {
            self.lines(first, last)
        } else {
            Vec::new()
        };
        // Two lines that may be a table's, looked for only where there are
        // two (most runs are a paragraph on one line), and no further than
        // the second.
        if span.len() >= 2
            && span
                .iter()
                .filter(|l| may_be_table_line(l))
                .nth(1)
                .is_some()
        {
            let numbered: Vec<(Loc, String)> = span
                .iter()
                .enumerate()
                .map(|(i, l)| (Loc::line(first + i), l.trim_end_matches('\r').to_string()))
                .collect();
            let (blocks, found) = super::pasted::stretch(&numbered);
            if blocks.iter().any(|b| matches!(b, Block::Table(_))) || !found.is_empty() {
                for b in blocks {
                    sink(match b {
                        Block::Paragraph(p) => Piece::Paragraph(p),
                        Block::Table(t) => Piece::Table(FoundTable::built(t)),
                    });
                }
                self.notices.extend(found);
                self.run.clear();
                return;
            }
        }
        self.run.drain(..).map(Piece::Paragraph).for_each(sink);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numfmt::NumberStyle;

    fn doc(text: &str) -> Document {
        read(&Source {
            name: "t",
            bytes: text.as_bytes(),
            style: NumberStyle::DANISH,
        })
        .unwrap()
    }

    /// A heading ending in a blank after a non-ASCII letter (`## æøå `, as
    /// the Markdown report writes a title ending in a line break) panicked.
    #[test]
    fn a_heading_with_trailing_blanks_after_non_ascii_text() {
        let d = doc("## æøå \n\nx\n");
        match &d.blocks[0] {
            Block::Paragraph(p) => {
                assert_eq!(p.text, "æøå");
                assert_eq!(p.loc, Loc::Line { line: 1, column: 4 });
            }
            other => panic!("{other:?}"),
        }
    }

    fn tables(text: &str) -> Vec<Table> {
        doc(text).tables().cloned().collect()
    }

    fn texts(r: &Row) -> Vec<&str> {
        r.cells.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn tab_tables_inside_running_text() {
        let d = "Some text.\n\nMio. kr.\t2026\t2027\nKonto 6 (service)\t\t\nI alt\t0,0\t9,8\nMore text.\n";
        let t = tables(d);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].loc, Loc::line(3));
        assert_eq!(t[0].title, None);
        assert_eq!(texts(&t[0].rows[1]), vec!["Konto 6 (service)", "", ""]);
        assert_eq!(t[0].rows[2].loc, Loc::line(5));
        assert_eq!(
            t[0].rows[2].cells[2].loc,
            Loc::Line {
                line: 5,
                column: 11
            }
        );
    }

    #[test]
    fn markdown_and_grid_tables_with_titles() {
        let d = "### Konto 6\n\n| Mio. kr. | 2026 |\n|:---|---:|\n| A \\| B | 6,1 |\n\nTitle\n+---+---+\n| x | 1 |\n+===+===+\n| y | 2 |\n+---+---+\n";
        let t = tables(d);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].title.as_deref(), Some("Konto 6"));
        assert_eq!(texts(&t[0].rows[1]), vec!["A | B", "6,1"]);
        assert_eq!(
            t[0].rows[1].cells[1].loc,
            Loc::Line {
                line: 5,
                column: 12
            }
        );
        assert_eq!(t[1].title.as_deref(), Some("Title"));
        assert_eq!(t[1].rows.len(), 2);
        assert_eq!(t[1].loc, Loc::line(9));
    }

    /// A line held after a tab table that the next row shows to belong to
    /// it: a row of the table's width, its text placed where it stands.
    #[test]
    fn a_held_section_line_becomes_a_row_of_the_table() {
        let t = tables("Mio. kr.\t2026\t2027\n  Konto 6 (service)\nA\t1\t2\nI alt\t1\t2\n");
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows.len(), 4);
        assert_eq!(texts(&t[0].rows[1]), vec!["Konto 6 (service)", "", ""]);
        assert_eq!(t[0].rows[1].cells[0].loc, Loc::Line { line: 2, column: 3 });
        assert_eq!(
            t[0].rows[1].cells[2].loc,
            Loc::Line {
                line: 2,
                column: 20
            }
        );
        // Held rows are not counted in the width rows added one by one make.
        assert_eq!(t[0].width, 3);
        // A held line not followed by figures in the table's columns is text.
        let d = doc("Mio. kr.\t2026\nA\t1\nNoter\nx\ty\tz\nb\tc\td\n");
        assert_eq!(d.tables().count(), 2);
        assert_eq!(
            d.paragraphs().map(|p| p.text.as_str()).collect::<Vec<_>>(),
            vec!["Noter"]
        );
    }

    /// Section names ending in a colon, one over the other (`Udgifter:`
    /// over `Forsyningsnet:`), are rows of a table that names its sections
    /// so (`Indtægter:` heads its first column) when figures in its columns
    /// follow; a longer line ending so introduces what follows, and so does
    /// such a name in a table that does not name its sections with a colon
    /// (`Nøgletal:` under a total), a name with a blank line, two blank
    /// lines, three held lines, or a header of years after them.
    #[test]
    fn section_names_with_a_colon_over_each_other_are_rows_of_the_table() {
        let t = tables("Indtægter:\t2010\t2011\nA\t1\t2\nUdgifter:\nForsyningsnet: \nB\t3\t4\nAfskrivninger og henlæggelser:\nC\t5\t6\n");
        assert_eq!(t.len(), 1);
        let labels: Vec<&str> = t[0].rows.iter().map(|r| texts(r)[0]).collect();
        assert_eq!(
            labels,
            vec![
                "Indtægter:",
                "A",
                "Udgifter:",
                "Forsyningsnet:",
                "B",
                "Afskrivninger og henlæggelser:",
                "C"
            ]
        );
        // Right under the header row, a table's first section.
        assert_eq!(
            tables("Driftsbudget\t2010\nDriftsindtægter:\nA\t1\n").len(),
            1
        );
        for text in [
            "Indtægter:\t2026\nA\t1\nTabellen nedenfor viser udgifterne:\nB\t2\nC\t3\n",
            "Mio. kr.\t2026\nA\t1\nI alt\t1\nNøgletal:\nB\t2\nC\t3\n",
            "Indtægter:\t2026\nA\t1\nUdgifter:\n\nB\t2\nC\t3\n",
            "Indtægter:\t2026\nA\t1\n\nUdgifter:\nB\t2\nC\t3\n",
            "Mio. kr.\t2026\nA\t1\n\n\nB\t2\nC\t3\n",
            "Indtægter:\t2026\nA\t1\nUdgifter:\nDrift:\nLøn:\nB\t2\nC\t3\n",
            "Indtægter:\t2026\nA\t1\nUdgifter: løn:\nB\t2\nC\t3\n",
            "Mio. kr.\t2024\t2025\nA\t1\t2\nTabel 2\nMio. kr.\t2024\t2025\nB\t2\t3\n",
            "Mio. kr.\t2024\t2025\nA\t1\t2\n\nMio. kr.\t2024\t2025\nB\t2\t3\n",
        ] {
            assert_eq!(tables(text).len(), 2, "{text:?}");
        }
        // One blank line, or one section name without a colon, still holds.
        assert_eq!(tables("Mio. kr.\t2026\nA\t1\n\nB\t2\n").len(), 1);
        assert_eq!(tables("Mio. kr.\t2026\nA\t1\nKonto 6\nB\t2\n").len(), 1);
    }

    /// A header of years: two or more years after the first cell, written
    /// without a separator; figures, labels or one year are not one.
    #[test]
    fn a_header_of_years_is_told_from_a_row_of_figures() {
        let row = |l: &str| tab_cells(l, 1);
        assert!(years_row(&row("Mio. kr.\t2024\t2025\t2026")));
        assert!(years_row(&row("\t2019\t\t2020")));
        assert!(!years_row(&row("Indbyggere\t2.024\t2.025")));
        assert!(!years_row(&row("Antal\t1850\t2150\t3000")));
        assert!(!years_row(&row("Mio. kr.\tBudget 2024\tRegnskab 2024")));
        assert!(!years_row(&row("Mio. kr.\t2024")));
    }

    /// A tab table kept as lines builds the table a row at a time would:
    /// the same rows, and the same refusal once it passes the cells limit
    /// (past half of it the table is built as it is read).
    #[test]
    fn a_large_tab_table_is_built_and_refused_as_read() {
        let row = |i: usize| format!("Post {i}{}\n", "\t1".repeat(599));
        let head: String = (0..800).map(row).collect();
        let t = tables(&format!("Mio. kr.{}\n{head}", "\t2026".repeat(599)));
        assert_eq!(t[0].rows.len(), 801);
        assert_eq!(t[0].width, 600);
        assert!(t[0].refused.is_none());
        assert_eq!(texts(&t[0].rows[800])[..2], ["Post 799", "1"]);
        let all: String = (0..1700).map(row).collect();
        let t = tables(&format!("Mio. kr.{}\n{all}", "\t2026".repeat(599)));
        assert!(t[0].rows.is_empty());
        let (loc, why) = t[0].refused.clone().unwrap();
        // The 1 667th row (line 1667) is the first past 1 000 000 cells:
        // 600 × 1 667 = 1 000 200.
        assert_eq!(
            loc,
            Loc::Line {
                line: 1667,
                column: 1
            }
        );
        assert!(why.contains("more than 1000000 cells"), "{why}");
    }

    #[test]
    fn windows_line_endings() {
        let t = tables("a\tb\r\nc\t1\r\n");
        assert_eq!(texts(&t[0].rows[1]), vec!["c", "1"]);
    }

    #[test]
    fn running_text_becomes_paragraphs_and_headings() {
        let d = doc("# Punkt 116\n\nBesparelser på 6,1\nmio. kr. i 2026.\n\nNy sætning.\nx\t2026\nA\t1\nEfter.\n");
        let p: Vec<(&str, Loc, bool)> = d
            .paragraphs()
            .map(|p| (p.text.as_str(), p.loc.clone(), p.heading))
            .collect();
        assert_eq!(
            p,
            vec![
                ("Punkt 116", Loc::Line { line: 1, column: 3 }, true),
                (
                    "Besparelser på 6,1\nmio. kr. i 2026.",
                    Loc::Line { line: 3, column: 1 },
                    false
                ),
                ("Ny sætning.", Loc::Line { line: 6, column: 1 }, false),
                ("Efter.", Loc::Line { line: 9, column: 1 }, false),
            ]
        );
        assert_eq!(d.tables().count(), 1);
        // Blocks stay in reading order.
        assert!(matches!(d.blocks[3], Block::Table(_)));
    }

    #[test]
    fn a_lone_tab_line_is_running_text() {
        let d = doc("Tekst\tmed tab\n\nmere\n");
        assert_eq!(d.tables().count(), 0);
        assert_eq!(
            d.paragraphs().map(|p| p.text.as_str()).collect::<Vec<_>>(),
            vec!["Tekst\tmed tab", "mere"]
        );
    }

    use proptest::prelude::*;

    /// A line of a document: running text, a tab row, a pipe row, a rule
    /// or a blank line.
    fn line() -> impl Strategy<Value = String> {
        let word = "[A-Za-zæøå0-9,.%-]{1,8}";
        prop_oneof![
            proptest::collection::vec(word, 1..6).prop_map(|w| w.join(" ")),
            proptest::collection::vec(word, 2..5).prop_map(|w| w.join("\t")),
            proptest::collection::vec(word, 2..5).prop_map(|w| format!("| {} |", w.join(" | "))),
            Just("|---|---:|".to_string()),
            Just(String::new()),
            "#{1,3} [A-Za-z]{1,10}".prop_map(|h| h),
        ]
    }

    proptest! {
        /// The tabs counted in a loop are the ones `memchr` finds, up to the
        /// row's limit.
        #[test]
        fn tab_count_is_memchr_s(line in "[a\t\u{e6}1 \u{8}\n\u{7f}\u{89}\u{3009}]{0,40}", wide in 0usize..3) {
            let line = line.repeat(1 + wide * 40);
            let by_memchr = memchr::memchr_iter(b'\t', line.as_bytes())
                .take(MAX_CELLS_PER_ROW)
                .count()
                + 1;
            prop_assert_eq!(tab_count(&line), by_memchr);
        }

        /// A paragraph's lines after its first are counted as splitting it
        /// into lines counts them.
        #[test]
        fn lines_after_first_is_lines_less_one(text in "[a\n\r ]{0,12}") {
            prop_assert_eq!(lines_after_first(&text), text.lines().count().saturating_sub(1));
        }

        /// The tab found eight bytes at a time is the first one at or
        /// after the start, whatever bytes (a tab's neighbours, bytes past
        /// 0x80 and the borrow they make) stand around it.
        #[test]
        fn next_tab_is_the_first_tab(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![Just(b'\t'), Just(0u8), Just(8u8), Just(10u8), Just(0x89u8), Just(0xffu8), any::<u8>()],
                0..40,
            ),
            from in 0usize..45,
        ) {
            let from = from.min(bytes.len());
            let first = bytes[from..]
                .iter()
                .position(|&b| b == b'\t')
                .map_or(bytes.len(), |k| from + k);
            prop_assert_eq!(next_tab(&bytes, from), first);
        }

        /// Nothing the user wrote is dropped: every line that is not blank
        /// and not a table rule is in exactly one paragraph or table row.
        #[test]
        fn every_line_lands_in_one_block(lines in proptest::collection::vec(line(), 0..30)) {
            let text = lines.join("\n");
            let d = doc(&text);
            let expected = lines
                .iter()
                .filter(|l| !l.trim().is_empty() && !matches!(classify(l), LineKind::Rule))
                .count();
            let in_blocks: usize = d
                .blocks
                .iter()
                .map(|b| match b {
                    Block::Paragraph(p) => p.text.matches('\n').count() + 1,
                    Block::Table(t) => t.rows.len(),
                })
                .sum();
            prop_assert_eq!(in_blocks, expected);
        }

        /// Every cell's place points at its text: line `l`, column `c` is
        /// where the cell's text starts on that line.
        #[test]
        fn cells_are_placed_where_their_text_stands(lines in proptest::collection::vec(line(), 0..30)) {
            let text = lines.join("\n");
            let d = doc(&text);
            for t in d.tables() {
                for r in &t.rows {
                    for c in &r.cells {
                        let Loc::Line { line, column } = c.loc else {
                            return Err(TestCaseError::fail("a text cell has a line"));
                        };
                        let src = &lines[line - 1];
                        let at: String = src.chars().skip(column - 1).collect();
                        prop_assert!(at.starts_with(&c.text), "{:?} at {}:{} in {:?}", c.text, line, column, src);
                    }
                }
            }
        }
    }
}
