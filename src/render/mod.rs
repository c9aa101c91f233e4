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
