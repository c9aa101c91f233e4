//! Markdown pipe tables (GitHub flavour), for pasting into notes and wikis.
//!
//! Layout:
//!
//! ```text
//! ## <report title>            (when there is one)
//!
//! <source>                     (when there is one)
//!
//! ### <table title>
//!
//! | Mio. kr. | 2026 | 2027 |
//! |:---|---:|---:|
//! | Konto 6 (service) |  |  |
//! | Besparelseskrav | 6,1 | 15,9 |
//!
//! <note>                       (each note its own paragraph)
//! ```
//!
//! Figures are [`DisplayTable::cell_text`] in the table's language style, so
//! they are the same `shown` figures as every other format. In labels and
//! headers `\` and `|` are backslash-escaped and line breaks become spaces.

use super::ReportMeta;
use crate::table::DisplayTable;

pub fn render(meta: &ReportMeta, tables: &[DisplayTable]) -> String {
    let mut blocks: Vec<String> = Vec::new();
    if !meta.title.is_empty() {
        blocks.push(format!("## {}\n", one_line(&meta.title)));
    }
    if let Some(source) = &meta.source {
        blocks.push(format!("{}\n", one_line(source)));
    }
    for table in tables {
        blocks.push(render_table(table));
    }
    blocks.join("\n")
}

/// One table: `### title`, the pipe table, then the notes.
pub fn render_table(table: &DisplayTable) -> String {
    let mut out = String::new();
    out.push_str("### ");
    out.push_str(&one_line(&table.title));
    out.push_str("\n\n");
    push_row(&mut out, table.header().iter().map(|h| escape_cell(h)));
    out.push_str("|:---|");
    for _ in &table.columns {
        out.push_str("---:|");
    }
    out.push('\n');
    for texts in table.text_rows() {
        push_row(
            &mut out,
            texts
                .iter()
                .enumerate()
                // Figures need no escaping; labels may hold `|`.
                .map(|(i, t)| if i == 0 { escape_cell(t) } else { t.clone() }),
        );
    }
    for note in &table.notes {
        out.push('\n');
        out.push_str(&one_line(note));
        out.push('\n');
    }
    out
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    out.push('|');
    for cell in cells {
        out.push(' ');
        out.push_str(&cell);
        out.push_str(" |");
    }
    out.push('\n');
}

/// Text for a table cell: `\` and `|` escaped, on one line.
pub fn escape_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in one_line(text).chars() {
        if ch == '\\' || ch == '|' {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// Line breaks (which would end a heading or a table row) become spaces.
fn one_line(text: &str) -> String {
    text.replace("\r\n", " ").replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_pipes_and_backslashes() {
        assert_eq!(escape_cell(r"a|b\c"), r"a\|b\\c");
        assert_eq!(escape_cell("to\nlinjer"), "to linjer");
    }
}
