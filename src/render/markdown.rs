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
//! they are the same `shown` figures as every other format. Text the user
//! wrote is inert: `&`, `<` and `>` become HTML entities (no `<script>`),
//! `[` and `]` are backslash-escaped (no `[x](javascript:…)` link), line
//! breaks become spaces and other control characters visible escapes
//! ([`super::plain_text`]); in table cells `\` and `|` are backslash-escaped.

use super::{plain_text, ReportMeta};
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

/// Text for a table cell: inert (see [`one_line`]), with `\` and `|`
/// escaped as well.
pub fn escape_cell(text: &str) -> String {
    inert(text, true)
}

/// Text on one line (line breaks would end a heading or a table row) with
/// control characters escaped, HTML-significant characters as entities and
/// link brackets escaped.
fn one_line(text: &str) -> String {
    inert(text, false)
}

fn inert(text: &str, in_cell: bool) -> String {
    let plain = plain_text(text);
    let mut out = String::with_capacity(plain.len());
    for ch in plain.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '[' | ']' => {
                out.push('\\');
                out.push(ch);
            }
            '\\' | '|' if in_cell => {
                out.push('\\');
                out.push(ch);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_pipes_and_backslashes() {
        assert_eq!(escape_cell(r"a|b\c"), r"a\|b\\c");
        assert_eq!(escape_cell("to\nlinjer"), "to linjer");
        assert_eq!(
            escape_cell("<script>x</script> [k](javascript:alert(1)) & \u{1b}[31m"),
            "&lt;script&gt;x&lt;/script&gt; \\[k\\](javascript:alert(1)) &amp; \\\\u{1b}\\[31m"
        );
    }
}
