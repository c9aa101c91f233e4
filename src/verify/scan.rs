//! Finding tables in a document: tab-separated lines inside running text (as
//! copied out of a PDF), Markdown pipe tables, sparekrav's own text grids, and
//! CSV as Danish Excel writes it. A table is a run of consecutive table lines;
//! its first row is the header.

use memchr::memchr;

use crate::document::{MAX_CELLS_PER_ROW, MAX_CELLS_PER_TABLE};

/// A table as found: cells as text, with the line each row stands on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawTable {
    /// 1-based line of the header row.
    pub line: usize,
    /// A short line just above the table (`### Konto 6 ...`), when there is one.
    pub title: Option<String>,
    pub rows: Vec<RawRow>,
    /// Why the table cannot be understood (a row past
    /// [`MAX_CELLS_PER_ROW`], the table past [`MAX_CELLS_PER_TABLE`]); its
    /// rows are then not all kept.
    pub refused: Option<String>,
    /// Cells of the widest row kept.
    pub width: usize,
}

impl RawTable {
    fn new(line: usize, title: Option<String>, row: RawRow) -> RawTable {
        let mut t = RawTable {
            line,
            title,
            rows: Vec::new(),
            refused: None,
            width: 0,
        };
        t.push(row);
        t
    }

    /// Adds a row, unless the table is already refused or the row makes it
    /// too large to understand (then only the reason is kept).
    fn push(&mut self, row: RawRow) {
        if self.refused.is_some() {
            return;
        }
        if row.cells.len() > MAX_CELLS_PER_ROW {
            self.refuse(format!(
                "line {}: a row of more than {MAX_CELLS_PER_ROW} cells; the table is not understood",
                row.line
            ));
            return;
        }
        let width = self.width.max(row.cells.len());
        if width.saturating_mul(self.rows.len() + 1) > MAX_CELLS_PER_TABLE {
            self.refuse(format!(
                "line {}: more than {MAX_CELLS_PER_TABLE} cells (rows × columns); the table is not understood",
                row.line
            ));
            return;
        }
        self.width = width;
        self.rows.push(row);
    }

    fn refuse(&mut self, why: String) {
        self.refused = Some(why);
        self.rows = Vec::new();
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawRow {
    pub line: usize,
    /// Trimmed cells; the first is the row's label.
    pub cells: Vec<String>,
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

/// Cells of a pipe row; `\|` is a literal bar.
fn pipe_cells(line: &str) -> Vec<String> {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t
        .strip_suffix('|')
        .filter(|s| !s.ends_with('\\'))
        .unwrap_or(t);
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut chars = t.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(n @ ('|' | '\\')) => cur.push(n),
                Some(n) => {
                    cur.push('\\');
                    cur.push(n);
                }
                None => cur.push('\\'),
            },
            '|' => {
                cells.push(std::mem::take(&mut cur).trim().to_string());
                if cells.len() > MAX_CELLS_PER_ROW {
                    // Too wide to understand: stop splitting (the table is refused).
                    return cells;
                }
            }
            c => cur.push(c),
        }
    }
    cells.push(cur.trim().to_string());
    cells
}

/// Cells of a tab row; past [`MAX_CELLS_PER_ROW`] the line is not split
/// further (one cell more says the row is too wide).
fn tab_cells(line: &str) -> Vec<String> {
    line.split('\t')
        .take(MAX_CELLS_PER_ROW + 1)
        .map(|c| c.trim().to_string())
        .collect()
}

/// A line that can title the table below it: short, not a sentence.
fn title_of(line: &str) -> Option<String> {
    let t = line.trim().trim_start_matches('#').trim();
    let t = t.trim_matches('*').trim();
    if t.is_empty() || t.chars().count() > 120 || t.ends_with('.') || t.ends_with(':') {
        return None;
    }
    Some(t.to_string())
}

/// Scans running text and calls `found` for every table, in order.
pub fn scan_text(text: &str, mut found: impl FnMut(RawTable)) {
    let bytes = text.as_bytes();
    let mut start = 0usize;
    let mut line_no = 0usize;
    let mut current: Option<(Family, RawTable)> = None;
    // The last non-empty line outside a table, and how many lines back it was.
    let mut last_text: Option<(usize, &str)> = None;
    while start < bytes.len() {
        let end = memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        // `start` and `end` sit on ASCII bytes (or the ends), so these are char boundaries.
        let line = text.get(start..end).unwrap_or("");
        let line = line.strip_suffix('\r').unwrap_or(line);
        line_no += 1;
        start = end + 1;
        match classify(line) {
            LineKind::Row(family) => {
                let cells = match family {
                    Family::Tabs => tab_cells(line),
                    Family::Pipes => pipe_cells(line),
                };
                let row = RawRow {
                    line: line_no,
                    cells,
                };
                match &mut current {
                    Some((f, t)) if *f == family => t.push(row),
                    _ => {
                        if let Some((_, t)) = current.take() {
                            emit(t, &mut found);
                        }
                        let title = last_text
                            .filter(|(at, _)| line_no - at <= 2)
                            .and_then(|(_, l)| title_of(l));
                        current = Some((family, RawTable::new(line_no, title, row)));
                    }
                }
            }
            LineKind::Rule => {
                if current.is_none() {
                    // A grid's top rule: the table starts below it; keep the title line.
                    if let Some((at, _)) = &mut last_text {
                        if line_no - *at <= 1 {
                            *at = line_no;
                        }
                    }
                }
            }
            LineKind::Other => {
                if let Some((_, t)) = current.take() {
                    emit(t, &mut found);
                }
                if !line.trim().is_empty() {
                    last_text = Some((line_no, line));
                }
            }
        }
    }
    if let Some((_, t)) = current.take() {
        emit(t, &mut found);
    }
}

fn emit(t: RawTable, found: &mut impl FnMut(RawTable)) {
    // A header and at least one row, and at least a label and a figure column;
    // a refused table is always reported.
    if t.refused.is_some() || (t.rows.len() >= 2 && t.rows.iter().any(|r| r.cells.len() >= 2)) {
        found(t);
    }
}

/// A CSV text cell without the `'` that guards it against formula
/// injection (`'- heraf …`, `'=…`, as sparekrav and OWASP's guidance write it).
fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => cell,
    }
}

/// The CSV separator of a document: `;` (Danish Excel) when one of its first
/// 50 lines has one, else `,`.
pub fn guess_csv_delimiter(text: &str) -> u8 {
    if text.lines().take(50).any(|l| l.contains(';')) {
        b';'
    } else {
        b','
    }
}

/// Scans CSV (Danish Excel: `;`; plain: `,`). Records of one field are titles
/// or notes and separate tables; blank lines are skipped by the reader.
pub fn scan_csv(text: &str, delimiter: u8, mut found: impl FnMut(RawTable)) -> Result<(), String> {
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // Lines are counted from byte offsets: the csv reader's own line count is
    // off by one after CRLF line endings.
    let (mut counted_to, mut lines_before) = (0usize, 0usize);
    let mut line_at = |byte: usize| {
        // A record's position can be the LF of the CRLF before it: start at
        // the record's first byte.
        let mut byte = byte.min(text.len());
        while matches!(text.as_bytes().get(byte), Some(b'\r' | b'\n')) {
            byte += 1;
        }
        if byte >= counted_to {
            lines_before += memchr::memchr_iter(b'\n', &text.as_bytes()[counted_to..byte]).count();
            counted_to = byte;
        }
        lines_before + 1
    };
    let mut current: Option<RawTable> = None;
    let mut last_single: Option<String> = None;
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let at = e
                    .position()
                    .map_or(String::new(), |p| format!("line {}: ", p.line()));
                return Err(format!("{at}not readable as CSV: {e}"));
            }
        }
        let line = record.position().map_or(0, |p| line_at(p.byte() as usize));
        let cells: Vec<String> = record
            .iter()
            .take(MAX_CELLS_PER_ROW + 1)
            .map(|c| unguard(c.trim()).to_string())
            .collect();
        if cells.len() >= 2 {
            let row = RawRow { line, cells };
            match &mut current {
                Some(t) => t.push(row),
                None => current = Some(RawTable::new(line, last_single.take(), row)),
            }
        } else {
            if let Some(t) = current.take() {
                emit(t, &mut found);
            }
            last_single = cells.first().and_then(|c| title_of(c));
        }
    }
    if let Some(t) = current.take() {
        emit(t, &mut found);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(text: &str) -> Vec<RawTable> {
        let mut out = Vec::new();
        scan_text(text, |t| out.push(t));
        out
    }

    #[test]
    fn tab_tables_inside_running_text() {
        let doc = "Some text.\n\nMio. kr.\t2026\t2027\nKonto 6 (service)\t\t\nI alt\t0,0\t9,8\nMore text.\n";
        let t = tables(doc);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].line, 3);
        assert_eq!(t[0].title, None);
        assert_eq!(t[0].rows[1].cells, vec!["Konto 6 (service)", "", ""]);
        assert_eq!(t[0].rows[2].line, 5);
    }

    #[test]
    fn markdown_and_grid_tables_with_titles() {
        let doc = "### Konto 6\n\n| Mio. kr. | 2026 |\n|:---|---:|\n| A \\| B | 6,1 |\n\nTitle\n+---+---+\n| x | 1 |\n+===+===+\n| y | 2 |\n+---+---+\n";
        let t = tables(doc);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].title.as_deref(), Some("Konto 6"));
        assert_eq!(t[0].rows[1].cells, vec!["A | B", "6,1"]);
        assert_eq!(t[1].title.as_deref(), Some("Title"));
        assert_eq!(t[1].rows.len(), 2);
        assert_eq!(t[1].line, 9);
    }

    #[test]
    fn windows_line_endings() {
        let t = tables("a\tb\r\nc\t1\r\n");
        assert_eq!(t[0].rows[1].cells, vec!["c", "1"]);
    }

    #[test]
    fn csv_line_numbers_with_crlf_and_lf() {
        for text in [
            "T\r\nx;2026\r\nA;1\r\nI alt;1\r\n",
            "T\nx;2026\nA;1\nI alt;1\n",
        ] {
            let mut out = Vec::new();
            scan_csv(text, b';', |t| out.push(t)).unwrap();
            let lines: Vec<usize> = out[0].rows.iter().map(|r| r.line).collect();
            assert_eq!(lines, vec![2, 3, 4], "{text:?}");
        }
    }

    /// The CSV separator of a document: `;` (Danish Excel) when any of its
    /// first lines has one, else `,`.
    #[test]
    fn csv_separator_guess() {
        assert_eq!(
            guess_csv_delimiter("Titel, med komma\nMio. kr.;2026\n"),
            b';'
        );
        assert_eq!(guess_csv_delimiter("Mio. kr.,2026\nA,1.0\n"), b',');
    }

    #[test]
    fn csv_tables_separated_by_titles() {
        let mut out = Vec::new();
        scan_csv(
            "\u{feff}Titel\r\nMio. kr.;2026\r\nA;1,0\r\nNote\r\n\r\nT2\r\nx;y\r\nz;2\r\n",
            b';',
            |t| out.push(t),
        )
        .unwrap();
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].title.as_deref(), Some("Titel"));
        assert_eq!(out[0].rows[1].cells, vec!["A", "1,0"]);
        assert_eq!(out[1].title.as_deref(), Some("T2"));
    }
}
