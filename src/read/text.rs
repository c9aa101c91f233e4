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
    let t = line.trim_start();
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
    let mut column = 1;
    let mut cells = Vec::with_capacity(8);
    let mut from = 0;
    // The tabs found with `memchr` (a tab is one byte, never inside a
    // UTF-8 character).
    let ends = memchr::memchr_iter(b'\t', line.as_bytes()).chain(std::iter::once(line.len()));
    for end in ends.take(MAX_CELLS_PER_ROW + 1) {
        let field = &line[from..end];
        from = end + 1;
        // Columns count characters: bytes, where all are ASCII.
        let (lead, chars) = if field.is_ascii() {
            let lead = field
                .bytes()
                .take_while(|b| char::from(*b).is_whitespace())
                .count();
            (lead, field.len())
        } else {
            let lead = field.chars().take_while(|c| c.is_whitespace()).count();
            (lead, field.chars().count())
        };
        cells.push(cell(field.trim(), line_no, column + lead));
        column += chars + 1;
    }
    cells
}

/// Builds the blocks of a document in reading order (into `out`, which the
/// caller drains as it likes: [`read_each`] after every line).
struct Blocks<'t> {
    out: Vec<Block>,
    /// The paragraph being collected: its first line and its lines.
    paragraph: Option<(usize, String)>,
    /// The table being collected.
    table: Option<(Family, Table)>,
    /// The last non-empty line outside a table, and its line number.
    last_text: Option<(usize, &'t str)>,
    /// One line after a tab table that may still belong to it: a blank
    /// line, or a section row pasted without its tab (`Konto 6 (service)`).
    /// It does when the next line continues the table's columns with figures.
    pending: Option<(usize, &'t str)>,
}

impl<'t> Blocks<'t> {
    fn end_paragraph(&mut self) {
        if let Some((line, text)) = self.paragraph.take() {
            self.out.push(Block::Paragraph(Paragraph {
                text,
                loc: Loc::Line { line, column: 1 },
                heading: false,
            }));
        }
    }

    fn end_table(&mut self) {
        let Some((_, t)) = self.table.take() else {
            return;
        };
        if t.refused.is_some() || is_table(&t.rows) {
            self.out.push(Block::Table(t));
        } else {
            // A lone line with a tab is running text, not a table.
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
            self.out.push(Block::Paragraph(Paragraph {
                text,
                loc: t.loc,
                heading: false,
            }));
        }
    }

    /// The held line, as running text (the table it followed has ended).
    fn flush_pending(&mut self) {
        if let Some((at, held)) = self.pending.take() {
            self.other_now(held, at);
        }
    }

    fn row(&mut self, family: Family, line: &str, line_no: usize) {
        let cells = match family {
            Family::Tabs => tab_cells(line, line_no),
            Family::Pipes => pipe_cells(line, line_no),
        };
        if let Some((at, held)) = self.pending.take() {
            let continues = match &self.table {
                Some((Family::Tabs, t)) if family == Family::Tabs => {
                    let width = t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
                    cells.len() == width
                        && cells
                            .iter()
                            .skip(1)
                            .any(|c| c.text.bytes().any(|b| b.is_ascii_digit()))
                }
                _ => false,
            };
            if continues {
                if let Some((_, t)) = &mut self.table {
                    let text = held.trim();
                    if !text.is_empty() {
                        let width = t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(1);
                        let column = held.chars().count() - held.trim_start().chars().count() + 1;
                        let end = held.chars().count() + 1;
                        let mut row_cells = vec![cell(text, at, column)];
                        while row_cells.len() < width {
                            // The columns the line does not have: empty,
                            // placed at its end.
                            row_cells.push(cell("", at, end));
                        }
                        t.rows.push(Row {
                            loc: Loc::line(at),
                            cells: row_cells,
                        });
                    }
                }
            } else {
                self.end_table();
                self.other_now(held, at);
            }
        }
        self.end_paragraph();
        let row = Row {
            loc: Loc::line(line_no),
            cells,
        };
        match &mut self.table {
            Some((f, t)) if *f == family => t.push_row(row),
            _ => {
                self.end_table();
                let title = self
                    .last_text
                    .filter(|(at, _)| line_no - at <= 2)
                    .and_then(|(_, l)| title_of(l));
                self.table = Some((family, Table::new(Loc::line(line_no), title, None, row)));
            }
        }
    }

    fn rule(&mut self, line_no: usize) {
        if self.pending.is_some() {
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
        let t = line.trim();
        // A short label: letters, digits and the punctuation of a heading,
        // not a sentence, not markup or junk.
        let section_like = t.is_empty()
            || (t.chars().count() <= 60
                && !t.ends_with('.')
                && !t.ends_with(':')
                && t.chars().any(char::is_alphabetic)
                && t.chars()
                    .all(|c| c.is_alphanumeric() || c == ' ' || "()-–,./&%'\"+;".contains(c)));
        if self.pending.is_none() && section_like && matches!(self.table, Some((Family::Tabs, _))) {
            self.pending = Some((line_no, line));
            return;
        }
        if self.pending.is_some() {
            self.end_table();
            self.flush_pending();
        }
        self.other_now(line, line_no);
    }

    fn other_now(&mut self, line: &'t str, line_no: usize) {
        self.end_table();
        let trimmed = line.trim();
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
            self.out.push(Block::Paragraph(Paragraph {
                text: text.to_string(),
                loc: Loc::Line {
                    line: line_no,
                    column,
                },
                heading: true,
            }));
            return;
        }
        match &mut self.paragraph {
            Some((_, text)) => {
                text.push('\n');
                text.push_str(line);
            }
            None => self.paragraph = Some((line_no, line.to_string())),
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
    let mut b = Blocks {
        out: Vec::new(),
        paragraph: None,
        table: None,
        last_text: None,
        pending: None,
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
        for block in b.out.drain(..) {
            running.push(block, &mut sink);
        }
    }
    b.end_table();
    b.flush_pending();
    b.end_paragraph();
    for block in b.out.drain(..) {
        running.push(block, &mut sink);
    }
    running.flush(&mut sink);
    running.notices
}

/// Whether a line may belong to a table that is not tab- or pipe-separated:
/// columns aligned by runs of spaces, a lone figure (one cell per line), or
/// a label followed by two or more figures (a row flattened to spaces).
fn may_be_table_line(line: &str) -> bool {
    let t = line.trim();
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

impl Running<'_> {
    fn push(&mut self, b: Block, sink: &mut impl FnMut(Block)) {
        match b {
            Block::Paragraph(p) if !p.heading => self.run.push(p),
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

    fn flush(&mut self, sink: &mut impl FnMut(Block)) {
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
            .and_then(|p| {
                p.loc
                    .line_number()
                    .map(|l| l + p.text.lines().count().saturating_sub(1))
            })
            .unwrap_or(first);
        let span = if first >= 1 {
            self.lines(first, last)
        } else {
            Vec::new()
        };
        if span.iter().filter(|l| may_be_table_line(l)).count() >= 2 {
            let numbered: Vec<(Loc, String)> = span
                .iter()
                .enumerate()
                .map(|(i, l)| (Loc::line(first + i), l.trim_end_matches('\r').to_string()))
                .collect();
            let (blocks, found) = super::pasted::stretch(&numbered);
            if blocks.iter().any(|b| matches!(b, Block::Table(_))) || !found.is_empty() {
                blocks.into_iter().for_each(&mut *sink);
                self.notices.extend(found);
                self.run.clear();
                return;
            }
        }
        self.run.drain(..).map(Block::Paragraph).for_each(sink);
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
