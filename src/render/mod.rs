//! Renderers: one per format, all over the same [`DisplayTable`]s, so every
//! format prints the same figures. Each third-party format library is used in
//! its own module only (prettytable in `text`, csv in `csv`, serde_json in
//! `json`, rust_xlsxwriter in `xlsx`).

pub mod csv;
pub mod json;
pub mod markdown;
pub mod text;
pub mod xlsx;

use crate::table::DisplayTable;

/// What the whole report is about, printed above the tables.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportMeta {
    pub title: String,
    pub source: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Text,
    Markdown,
    Csv,
    Json,
    Xlsx,
}

/// CSV dialect.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CsvStyle {
    /// As Danish Excel opens it: `;`, decimal comma, UTF-8 with BOM.
    #[default]
    Danish,
    /// `,` and `.`, no BOM: for other tools.
    Plain,
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("cannot write {format}: {message}")]
    Format {
        format: &'static str,
        message: String,
    },
}

/// Text the user wrote (a label, title, source or note), made safe for a
/// line-oriented format: a line break or tab becomes a space (it would end a
/// row or split a cell), and any other control character — NUL, the escape
/// that starts ANSI and OSC-8 terminal sequences, DEL, C1 — and the
/// bidirectional overrides are written as a visible `\u{…}` escape, so
/// nothing reaches a terminal or a reader raw. JSON keeps the text exact
/// (its own escaping is lossless).
pub fn plain_text(text: &str) -> std::borrow::Cow<'_, str> {
    let needs = |c: char| c.is_control() || is_bidi_control(c);
    if !text.chars().any(needs) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' | '\t' => out.push(' '),
            c if needs(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Unicode's bidirectional embedding, override and isolate controls (they
/// can make text display in another order than it is stored).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

/// Renders the tables in `format`.
pub fn render(
    meta: &ReportMeta,
    tables: &[DisplayTable],
    format: Format,
    csv_style: CsvStyle,
) -> Result<Vec<u8>, RenderError> {
    match format {
        Format::Text => Ok(text::render(meta, tables).into_bytes()),
        Format::Markdown => Ok(markdown::render(meta, tables).into_bytes()),
        Format::Csv => csv::render(meta, tables, csv_style),
        Format::Json => json::render(meta, tables).map(String::into_bytes),
        Format::Xlsx => xlsx::render(meta, tables),
    }
}
