//! Document readers, one module per format, mirroring [`crate::render`]:
//! each turns the bytes of one file into the one [`Document`] model of
//! paragraphs and tables that `verify` judges. Nothing after this module
//! knows which format a document came in.
//!
//! Every reader has the same signature, `fn read(source: &Source) ->
//! Result<Document, InputError>`, is bounded in memory and time whatever its
//! input, and reports what it saw but could not read as a [`Notice`] in the
//! document rather than dropping it.
//!
//! Readers are records in one table, [`READERS`] (hledger's `Reader`): adding
//! a format is one module and one line there. [`detect`] is the one place a
//! format is chosen: by `--input`, then by the file's ending, then by its
//! content.
//!
//! [`Notice`]: crate::document::Notice

pub mod csv;
pub mod decode;
pub mod docx;
pub mod grid;
pub mod html;
pub mod layout;
pub mod ods;
pub mod package;
pub mod pasted;
pub mod pdf;
pub mod text;
pub mod xlsx;
pub mod xml;

use std::path::Path;

use crate::document::Document;
use crate::error::InputError;
use crate::input::FileBytes;
use crate::numfmt::NumberStyle;

/// One input as a reader receives it.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    /// The file's name as the user gave it (`<stdin>` for standard input); it
    /// goes into every message and into [`Document::name`].
    pub name: &'a str,
    pub bytes: &'a [u8],
    /// How numbers are written where the format does not say (`--lang`).
    pub style: NumberStyle,
}

/// The signature every reader has.
pub type ReadFn = fn(&Source) -> Result<Document, InputError>;

/// What a reader makes of a document's first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sniff {
    /// Not this format.
    No,
    /// Could be this format (text can be nearly anything).
    Maybe,
    /// A signature of this format (`%PDF-`): chosen whatever the file's name.
    Yes,
}

/// A document format and its reader.
#[derive(Clone, Copy, Debug)]
pub struct Reader {
    /// The name `--input` takes.
    pub format: &'static str,
    /// What `--help` says about it.
    pub help: &'static str,
    /// File endings (lower case, no dot) that mean this format.
    pub extensions: &'static [&'static str],
    /// Whether the bytes look like this format: decides between readers of
    /// the same ending, and picks a format with a signature whatever the ending.
    pub sniff: fn(&[u8]) -> Sniff,
    pub read: ReadFn,
}

/// Every reader, in the order [`detect`] tries them.
pub static READERS: &[Reader] = &[
    Reader {
        format: "csv",
        help: "CSV as Danish Excel writes it (`;`, decimal comma)",
        extensions: &["csv"],
        sniff: csv::sniff_danish,
        read: csv::read_danish,
    },
    Reader {
        format: "csv-plain",
        help: "CSV with `,` and decimal point",
        extensions: &["csv"],
        sniff: csv::sniff_plain,
        read: csv::read_plain,
    },
    Reader {
        format: "text",
        help: "Text with tab-separated, Markdown or text-grid tables",
        extensions: &["txt", "md", "markdown", "text"],
        sniff: text::sniff,
        read: text::read,
    },
    Reader {
        format: "docx",
        help: "Word document: body paragraphs and tables",
        extensions: &["docx", "docm"],
        sniff: sniff_docx,
        read: docx::read,
    },
    Reader {
        format: "xlsx",
        help: "Excel workbook: every sheet's tables, cells as their number format shows them",
        extensions: &["xlsx", "xlsm"],
        sniff: sniff_xlsx,
        read: xlsx::read,
    },
    Reader {
        format: "ods",
        help: "OpenDocument spreadsheet: every sheet's tables as displayed",
        extensions: &["ods"],
        sniff: sniff_ods,
        read: ods::read,
    },
    Reader {
        format: "html",
        help: "HTML page: its tables and running text",
        extensions: &["html", "htm", "xhtml"],
        sniff: html::sniff,
        read: html::read,
    },
    Reader {
        format: "pdf",
        help: "PDF: tables found by position in the text layer (a scan needs OCR first)",
        extensions: &["pdf"],
        sniff: pdf::sniff,
        read: pdf::read,
    },
    Reader {
        format: "layout",
        help: "Layout text (pdftotext -layout): columns aligned by spaces",
        extensions: &[],
        sniff: |_| Sniff::No,
        read: layout::read,
    },
    Reader {
        format: "pasted",
        help:
            "Tables pasted from a PDF viewer or web page: a cell per line, rows flattened to spaces",
        extensions: &[],
        sniff: |_| Sniff::No,
        read: pasted::read,
    },
];

/// The reader used when nothing else fits.
const FALLBACK: &Reader = &READERS[2];

/// The reader named `format` (as `--input` takes it).
pub fn reader(format: &str) -> Option<&'static Reader> {
    READERS.iter().find(|r| r.format == format)
}

/// The one choice of format: `forced` (`--input`), else the readers for the
/// file's ending, the first whose sniff does not refuse the bytes, else a
/// reader whose signature the bytes carry, else text.
pub fn detect(name: &str, bytes: &[u8], forced: Option<&'static Reader>) -> &'static Reader {
    if let Some(r) = forced {
        return r;
    }
    let ending = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if let Some(ending) = ending {
        let mut by_ending = READERS
            .iter()
            .filter(|r| r.extensions.contains(&ending.as_str()));
        if let Some(r) = by_ending
            .clone()
            .find(|r| (r.sniff)(bytes) != Sniff::No)
            .or_else(|| by_ending.next_back())
        {
            return r;
        }
    }
    READERS
        .iter()
        .find(|r| (r.sniff)(bytes) == Sniff::Yes)
        .unwrap_or(FALLBACK)
}

/// Reads a document in the format [`detect`] chooses.
pub fn read(source: &Source, forced: Option<&'static Reader>) -> Result<Document, InputError> {
    (detect(source.name, source.bytes, forced).read)(source)
}

/// Documents larger than this are refused (one limit, in [`crate::input`]).
pub use crate::input::MAX_DOCUMENT_BYTES;

/// A zip package holding `part` (its name stands in the zip directory).
fn zip_with(bytes: &[u8], part: &[u8]) -> Sniff {
    if bytes.starts_with(b"PK\x03\x04") && memchr::memmem::find(bytes, part).is_some() {
        Sniff::Yes
    } else {
        Sniff::No
    }
}

fn sniff_docx(bytes: &[u8]) -> Sniff {
    zip_with(bytes, b"word/document.xml")
}

fn sniff_xlsx(bytes: &[u8]) -> Sniff {
    zip_with(bytes, b"xl/workbook.xml")
}

fn sniff_ods(bytes: &[u8]) -> Sniff {
    zip_with(bytes, b"application/vnd.oasis.opendocument.spreadsheet")
}

/// The bytes of a document and the name messages give it: a file, or
/// standard input for `-` (named `<stdin>`). At most [`MAX_DOCUMENT_BYTES`]:
/// the read itself is bounded (a pipe, FIFO or device stops at the limit).
/// A large regular file is mapped, not read, where `map` allows
/// ([`crate::input::map_or_read`]).
pub fn load(path: &Path, map: bool) -> Result<(String, FileBytes), InputError> {
    if path == Path::new("-") {
        let name = "<stdin>".to_string();
        let bytes =
            crate::input::read_bounded_from(&name, std::io::stdin().lock(), 0, MAX_DOCUMENT_BYTES)?;
        return Ok((name, FileBytes::Read(bytes)));
    }
    let name = path.display().to_string();
    let bytes = crate::input::map_or_read(path, MAX_DOCUMENT_BYTES, map)?;
    Ok((name, bytes))
}

/// A text format's bytes as text: UTF-8 (borrowed, no copy), UTF-16 with a
/// byte-order mark, or else Windows-1252 (see [`decode`]); binary data is
/// refused. The notice says which encoding was assumed when it was not UTF-8.
pub fn text_of<'a>(source: &Source<'a>) -> Result<decode::Decoded<'a>, InputError> {
    decode::text(source)
}

/// Whether [`text_of`] reads `source`, its error if not, without decoding
/// the text where that is not needed ([`decode::check`]): a large text
/// document is checked when it is named and read when its turn comes.
pub fn check_text(source: &Source) -> Result<(), InputError> {
    decode::check(source.name, source.bytes)
}

/// A text line that can title the table below it: short, not a sentence.
pub(crate) fn title_of(line: &str) -> Option<String> {
    let t = line.trim().trim_start_matches('#').trim();
    let t = t.trim_matches('*').trim();
    // The characters counted last, and only past 120 bytes (no fewer
    // bytes hold more characters): the line above a table is often a long
    // sentence, ended by a full stop.
    if t.is_empty()
        || t.ends_with('.')
        || t.ends_with(':')
        || (t.len() > 120 && t.chars().count() > 120)
    {
        return None;
    }
    Some(t.to_string())
}

/// Whether rows found together make a table: a header and at least one row,
/// and at least a label and a figure column.
fn is_table(rows: &[crate::document::Row]) -> bool {
    rows.len() >= 2 && rows.iter().any(|r| r.cells.len() >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection_by_override_then_ending_then_content() {
        let danish = b"Titel, med komma\nMio. kr.;2026\n";
        let plain = b"Mio. kr.,2026\nA,1.0\n";
        assert_eq!(detect("a.csv", danish, None).format, "csv");
        assert_eq!(detect("a.CSV", plain, None).format, "csv-plain");
        assert_eq!(detect("a.md", danish, None).format, "text");
        assert_eq!(detect("<stdin>", danish, None).format, "text");
        assert_eq!(detect("a.csv", plain, reader("text")).format, "text");
        assert_eq!(detect("a.txt", plain, reader("csv")).format, "csv");
    }

    #[test]
    fn every_reader_has_a_distinct_name() {
        for (i, r) in READERS.iter().enumerate() {
            assert_eq!(reader(r.format).map(|f| f.format), Some(r.format));
            assert!(READERS[..i].iter().all(|o| o.format != r.format));
        }
        assert_eq!(FALLBACK.format, "text");
    }
}
