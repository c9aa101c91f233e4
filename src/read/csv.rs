//! CSV: as Danish Excel writes it (`;`, decimal comma) or plain (`,`,
//! decimal point). Records of one field are titles or notes and separate
//! tables; blank lines are skipped. The dialect decides how the tables'
//! numbers are read, whatever `--lang` says. The csv crate is used here only.

use memchr::memchr_iter;

use super::{is_table, text_of, title_of, Sniff, Source};
use crate::document::{Block, Cell, Document, Loc, Paragraph, Row, Table};
use crate::error::InputError;
use crate::numfmt::NumberStyle;

/// How many lines the dialect is guessed from.
const SNIFF_LINES: usize = 50;

/// Danish CSV when one of the first lines has a `;`.
pub fn sniff_danish(bytes: &[u8]) -> Sniff {
    let mut lines = bytes.split(|&b| b == b'\n').take(SNIFF_LINES);
    if lines.any(|l| l.contains(&b';')) {
        Sniff::Maybe
    } else {
        Sniff::No
    }
}

/// Plain CSV: any CSV without a `;`.
pub fn sniff_plain(_bytes: &[u8]) -> Sniff {
    Sniff::Maybe
}

/// Reads CSV as Danish Excel writes it: `;`, decimal comma.
pub fn read_danish(source: &Source) -> Result<Document, InputError> {
    read(source, b';', NumberStyle::DANISH)
}

/// Reads CSV with `,` and decimal point.
pub fn read_plain(source: &Source) -> Result<Document, InputError> {
    read(source, b',', NumberStyle::PLAIN)
}

/// 1-based lines of byte offsets, counted from the bytes: the csv reader's
/// own line count is off by one after CRLF line endings. Offsets are asked
/// for in increasing order, so the text is counted through once.
struct LineCounter<'t> {
    text: &'t [u8],
    counted_to: usize,
    lines_before: usize,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> LineCounter<'t> {
        LineCounter {
            text: text.as_bytes(),
            counted_to: 0,
            lines_before: 0,
        }
    }

    /// The line a record starting at `byte` stands on.
    fn line_at(&mut self, byte: usize) -> usize {
        // A record's position can be the LF of the CRLF before it: start at
        // the record's first byte.
        let mut byte = byte.min(self.text.len());
        while matches!(self.text.get(byte), Some(b'\r' | b'\n')) {
            byte += 1;
        }
        if byte >= self.counted_to {
            self.lines_before += memchr_iter(b'\n', &self.text[self.counted_to..byte]).count();
            self.counted_to = byte;
        }
        self.lines_before + 1
    }
}

/// Reads CSV with `delimiter`, its numbers in `style`; a record that is not
/// CSV is bad input, placed by its line.
pub fn read(source: &Source, delimiter: u8, style: NumberStyle) -> Result<Document, InputError> {
    let decoded = text_of(source)?;
    let text = decoded.text.trim_start_matches('\u{feff}');
    let mut doc = Document::new(source.name, source.style);
    doc.notices.extend(decoded.notice.clone());
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut lines = LineCounter::new(text);
    let mut current: Option<Table> = None;
    let mut last_single: Option<String> = None;
    let mut record = ::csv::StringRecord::new();
    let end = |current: &mut Option<Table>, doc: &mut Document| {
        if let Some(t) = current.take() {
            if t.refused.is_some() || is_table(&t.rows) {
                doc.blocks.push(Block::Table(t));
            }
        }
    };
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                return Err(
                    InputError::new(source.name, format!("not readable as CSV: {e}"))
                        .at(line, None),
                );
            }
        }
        let line = record
            .position()
            .map_or(0, |p| lines.line_at(p.byte() as usize));
        // Past MAX_CELLS_PER_ROW a record is not split further (one cell
        // more says it is too wide; table understanding refuses it).
        let cells: Vec<Cell> = record
            .iter()
            .take(crate::document::MAX_CELLS_PER_ROW + 1)
            .enumerate()
            .map(|(i, c)| {
                Cell::new(
                    unguard(c.trim()),
                    Loc::Line {
                        line,
                        column: i + 1,
                    },
                )
            })
            .collect();
        if cells.len() >= 2 {
            let row = Row {
                loc: Loc::line(line),
                cells,
            };
            match &mut current {
                Some(t) => t.push_row(row),
                None => {
                    current = Some(Table::new(
                        Loc::line(line),
                        last_single.take(),
                        Some(style),
                        row,
                    ))
                }
            }
        } else {
            end(&mut current, &mut doc);
            let text = cells.into_iter().next().map(|c| c.text).unwrap_or_default();
            last_single = title_of(&text);
            if !text.is_empty() {
                doc.blocks.push(Block::Paragraph(Paragraph {
                    text,
                    loc: Loc::line(line),
                    heading: false,
                }));
            }
        }
    }
    end(&mut current, &mut doc);
    Ok(doc)
}

/// A CSV text cell without the `'` that guards it against formula
/// injection (`'- heraf …`, `'=…`, as sparekrav and OWASP's guidance write it).
fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(text: &str, delimiter: u8) -> Vec<Table> {
        let source = Source {
            name: "t.csv",
            bytes: text.as_bytes(),
            style: NumberStyle::DANISH,
        };
        read(&source, delimiter, NumberStyle::DANISH)
            .unwrap()
            .tables()
            .cloned()
            .collect()
    }

    #[test]
    fn csv_line_numbers_with_crlf_and_lf() {
        for text in [
            "T\r\nx;2026\r\nA;1\r\nI alt;1\r\n",
            "T\nx;2026\nA;1\nI alt;1\n",
        ] {
            let out = tables(text, b';');
            let lines: Vec<Loc> = out[0].rows.iter().map(|r| r.loc.clone()).collect();
            assert_eq!(
                lines,
                vec![Loc::line(2), Loc::line(3), Loc::line(4)],
                "{text:?}"
            );
        }
    }

    /// The CSV separator of a document: `;` (Danish Excel) when any of its
    /// first lines has one, else `,`.
    #[test]
    fn csv_separator_guess() {
        assert_eq!(
            sniff_danish(b"Titel, med komma\nMio. kr.;2026\n"),
            Sniff::Maybe
        );
        assert_eq!(sniff_danish(b"Mio. kr.,2026\nA,1.0\n"), Sniff::No);
    }

    #[test]
    fn csv_tables_separated_by_titles() {
        let out = tables(
            "\u{feff}Titel\r\nMio. kr.;2026\r\nA;1,0\r\nNote\r\n\r\nT2\r\nx;y\r\nz;2\r\n",
            b';',
        );
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].title.as_deref(), Some("Titel"));
        let texts: Vec<&str> = out[0].rows[1]
            .cells
            .iter()
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(texts, vec!["A", "1,0"]);
        assert_eq!(out[0].style, Some(NumberStyle::DANISH));
        assert_eq!(out[1].title.as_deref(), Some("T2"));
    }
}
