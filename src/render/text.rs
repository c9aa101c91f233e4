//! Terminal tables via prettytable: the reference layout (stub header such as
//! `Mio. kr.`, years as columns, I alt rows), numbers right-aligned.

use prettytable::format::{Alignment, FormatBuilder, LinePosition, LineSeparator};
use prettytable::{Cell, Row, Table};

use super::{plain_text, ReportMeta};
use crate::table::DisplayTable;

/// A label or header inside the grid: on one line, control characters
/// escaped, and `\` and `|` backslash-escaped so the grid's columns stay
/// where they are (verify reads `\|` back as `|`).
fn grid_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in plain_text(text).chars() {
        if ch == '\\' || ch == '|' {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// A line outside the grid (a title, the source, a note): as
/// [`plain_text`], and a line that would start with `|` or `+` gets a `\`
/// before it, so it is not read back as a row or rule of the grid below it
/// (a report titled `|` made verify take its title for the header).
fn line_text(text: &str) -> String {
    let t = plain_text(text);
    let rest = t.trim_start();
    match (rest.chars().next(), t.strip_suffix(rest)) {
        (Some('|' | '+'), Some(lead)) => format!("{lead}\\{rest}"),
        _ => t.into_owned(),
    }
}

pub fn render(meta: &ReportMeta, tables: &[DisplayTable]) -> String {
    let mut out = String::new();
    if !meta.title.is_empty() {
        out.push_str(&line_text(&meta.title));
        out.push('\n');
    }
    if let Some(source) = &meta.source {
        out.push_str(&line_text(source));
        out.push('\n');
    }
    for table in tables {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&render_table(table));
    }
    out
}

/// One table: its title, the grid, then its notes.
pub fn render_table(table: &DisplayTable) -> String {
    let mut t = Table::new();
    t.set_format(
        FormatBuilder::new()
            .column_separator('|')
            .borders('|')
            .separator(LinePosition::Top, LineSeparator::new('-', '+', '+', '+'))
            .separator(LinePosition::Title, LineSeparator::new('=', '+', '+', '+'))
            .separator(LinePosition::Bottom, LineSeparator::new('-', '+', '+', '+'))
            .padding(1, 1)
            .build(),
    );
    t.set_titles(Row::new(
        table
            .header()
            .iter()
            .enumerate()
            .map(|(i, h)| {
                Cell::new_align(
                    &grid_text(h),
                    if i == 0 {
                        Alignment::LEFT
                    } else {
                        Alignment::RIGHT
                    },
                )
            })
            .collect(),
    ));
    for texts in table.text_rows() {
        let cells = texts
            .iter()
            .enumerate()
            .map(|(i, s)| {
                Cell::new_align(
                    &if i == 0 { grid_text(s) } else { s.clone() },
                    if i == 0 {
                        Alignment::LEFT
                    } else {
                        Alignment::RIGHT
                    },
                )
            })
            .collect();
        t.add_row(Row::new(cells));
    }
    let mut out = String::new();
    out.push_str(&line_text(&table.title));
    out.push('\n');
    // Plain text, no terminal colours: the output is read by people and by `verify`.
    out.push_str(&t.to_string());
    for note in &table.notes {
        out.push_str(&line_text(note));
        out.push('\n');
    }
    out
}
