//! CSV via the csv crate (quoting is the crate's job, never done by hand).
//!
//! Layout, for one or several tables:
//!
//! ```text
//! <report title>                       (one field; only when there is a title)
//! <source>                             (one field; only when there is a source)
//!                                      (blank line, after a title or source)
//! <table title>                        (one field)
//! Mio. kr.;2026;2027;2028;2029         (header: stub header, column labels)
//! Konto 6 (service);;;;                (section row: empty cells)
//! Besparelseskrav;6,1;15,9;18,5;19,1
//! I alt konto 6;0,0;9,8;12,4;13,0
//! <note>                               (one field per note)
//!                                      (blank line between tables)
//! <next table title>
//! ...
//! ```
//!
//! Styles:
//! - [`CsvStyle::Danish`] (default): `;` separator, decimal comma, no
//!   thousands separator (`-1234,5`, so spreadsheets read it as a number),
//!   shares as `57,4%`, UTF-8 with a byte order mark so Excel shows æøå.
//! - [`CsvStyle::Plain`]: `,` separator, decimal point, no grouping, shares as
//!   `57.4%` (the same form as the Danish style, so one rule reads both), no BOM.
//!
//! In both, unknown and not-applicable figures are `-`, and lines end in CRLF
//! (RFC 4180). The figures are the `shown` figures of the [`DisplayTable`];
//! labels are as given (in the table's language), made safe: control
//! characters escaped ([`super::plain_text`]), and text that begins with `=`,
//! `+`, `-` or `@` prefixed with `'` so no spreadsheet takes it for a formula
//! (OWASP's guidance on CSV injection; `- heraf frivillig nedsat tid` would
//! otherwise be `#NAVN?` in Danish Excel). Figures the tool writes are not
//! text and are never prefixed (`-6,1` stays a number); `verify` reads the
//! prefix back off.

use ::csv::{Terminator, WriterBuilder};

use super::{plain_text, CsvStyle, RenderError, ReportMeta};
use crate::numfmt::NumberStyle;
use crate::table::DisplayTable;

/// UTF-8 byte order mark: makes Excel read the file as UTF-8.
const BOM: &[u8] = "\u{feff}".as_bytes();

impl CsvStyle {
    /// Field separator.
    pub fn delimiter(self) -> u8 {
        match self {
            CsvStyle::Danish => b';',
            CsvStyle::Plain => b',',
        }
    }

    /// How figures are written.
    pub fn number_style(self) -> NumberStyle {
        match self {
            CsvStyle::Danish => NumberStyle::DANISH_UNGROUPED,
            CsvStyle::Plain => NumberStyle::PLAIN,
        }
    }
}

/// A text cell (label, title, source, note, header), safe to open in a
/// spreadsheet.
pub fn text_cell(text: &str) -> String {
    let plain = plain_text(text);
    if plain.starts_with(['=', '+', '-', '@']) {
        format!("'{plain}")
    } else {
        plain.into_owned()
    }
}

pub fn render(
    meta: &ReportMeta,
    tables: &[DisplayTable],
    style: CsvStyle,
) -> Result<Vec<u8>, RenderError> {
    // Blocks of records, separated by a blank line.
    let mut blocks: Vec<Vec<Vec<String>>> = Vec::new();
    let mut head = Vec::new();
    if !meta.title.is_empty() {
        head.push(vec![text_cell(&meta.title)]);
    }
    if let Some(source) = &meta.source {
        head.push(vec![text_cell(source)]);
    }
    if !head.is_empty() {
        blocks.push(head);
    }
    let numbers = style.number_style();
    for table in tables {
        let mut records = Vec::with_capacity(table.rows.len() + table.notes.len() + 2);
        records.push(vec![text_cell(&table.title)]);
        records.push(table.header().iter().map(|h| text_cell(h)).collect());
        for row in &table.rows {
            records.push(
                std::iter::once(text_cell(&row.label))
                    .chain(row.cells.iter().map(|c| table.cell_text(c, numbers)))
                    .collect(),
            );
        }
        for note in &table.notes {
            records.push(vec![text_cell(note)]);
        }
        blocks.push(records);
    }

    let err = |e: ::csv::Error| RenderError::Format {
        format: "csv",
        message: e.to_string(),
    };
    let mut buf = Vec::new();
    if style == CsvStyle::Danish {
        buf.extend_from_slice(BOM);
    }
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            // The csv crate writes `""` for a record without fields, so the
            // blank line between blocks is the one thing written directly.
            buf.extend_from_slice(b"\r\n");
        }
        let mut w = WriterBuilder::new()
            .delimiter(style.delimiter())
            .flexible(true)
            .has_headers(false)
            .terminator(Terminator::CRLF)
            .from_writer(&mut buf);
        for record in block {
            w.write_record(record).map_err(err)?;
        }
        w.flush().map_err(|e| err(e.into()))?;
    }
    Ok(buf)
}
