//! A text document judged table by table as it is read ([`read_each`]):
//! each table is judged and dropped, so memory is bounded by the largest
//! table (and the file), not by the document model of the whole file. The
//! results are those of [`super::verify`] and [`super::verify_text`] on the
//! [`crate::read::text::read`] document, in the same order: the tables as
//! they come, then the reader's notices, then the running text's claims.
//!
//! The claim reader reads only paragraphs with a quantity (and notes the
//! over-long ones, [`claims::reading`]); only those are kept. When one is
//! read, the claim reader ties its figures to every table of the document:
//! then the document is read once more, whole, for the claims alone.

use super::{claims, verify_table, verify_text, Options, TableReport, TextReport};
use crate::document::{Block, Document, Notice};
use crate::error::InputError;
use crate::read::text::read_each;
use crate::read::{text_of, Source};

/// What judging a text document's tables leaves for its running text.
pub struct Streamed {
    /// The reader's notices, in [`crate::read::text::read`]'s order.
    pub notices: Vec<Notice>,
    /// The paragraphs the claim reader reads, as a document of their own.
    running: Document,
    /// Whether the claim reader reads a paragraph's figures (and so ties
    /// them to the document's tables).
    reads_figures: bool,
}

/// Reads a text document and judges its tables one by one, calling `sink`
/// as [`super::verify`] does. Undecodable input is an error, before any table.
pub fn verify_text_tables(
    source: &Source,
    options: &Options,
    mut sink: impl FnMut(TableReport),
) -> Result<Streamed, InputError> {
    let decoded = text_of(source)?;
    let mut running = Document::new(source.name, source.style);
    let mut reads_figures = false;
    let mut notices: Vec<Notice> = decoded.notice.clone().into_iter().collect();
    notices.extend(read_each(&decoded.text, |b| match b {
        Block::Table(t) => {
            let style = t.style.unwrap_or(source.style);
            sink(verify_table(source.name, &t, style, options));
        }
        Block::Paragraph(p) => match claims::reading(&p, source.style) {
            claims::Reading::Passed => {}
            claims::Reading::TooLong => running.blocks.push(Block::Paragraph(p)),
            claims::Reading::Read(_) => {
                reads_figures = true;
                running.blocks.push(Block::Paragraph(p));
            }
        },
    }));
    Ok(Streamed {
        notices,
        running,
        reads_figures,
    })
}

/// The running text's claims ([`verify_text`]) of a document whose tables
/// [`verify_text_tables`] judged.
pub fn verify_text_claims(
    source: &Source,
    streamed: &Streamed,
    options: &Options,
) -> Result<TextReport, InputError> {
    if streamed.reads_figures {
        let whole = crate::read::text::read(source)?;
        Ok(verify_text(&whole, options))
    } else {
        Ok(verify_text(&streamed.running, options))
    }
}
