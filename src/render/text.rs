//! Terminal tables via prettytable: the reference layout (stub header such as
//! `Mio. kr.`, years as columns, I alt rows), numbers right-aligned.

use prettytable::format::{Alignment, FormatBuilder, LinePosition, LineSeparator};
use prettytable::{Cell, Row, Table};

use super::ReportMeta;
use crate::table::DisplayTable;

pub fn render(meta: &ReportMeta, tables: &[DisplayTable]) -> String {
    let mut out = String::new();
    if !meta.title.is_empty() {
        out.push_str(&meta.title);
        out.push('\n');
    }
    if let Some(source) = &meta.source {
        out.push_str(source);
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
                    h,
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
                    s,
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
    out.push_str(&table.title);
    out.push('\n');
    // Plain text, no terminal colours: the output is read by people and by `verify`.
    out.push_str(&t.to_string());
    for note in &table.notes {
        out.push_str(note);
        out.push('\n');
    }
    out
}
