//! What a read table is called, and whether it is too large to understand;
//! the table's meaning itself is read by [`super::grid`] and
//! [`super::establish`]. Knows nothing of the format the table came in.

use crate::document::{Loc, Table, MAX_CELLS_PER_ROW, MAX_CELLS_PER_TABLE};

/// Words that only name a unit, not a table.
fn is_unit_label(s: &str) -> bool {
    // A document repeats its stubs (`Mio. kr.`) table after table.
    thread_local! {
        static SEEN: super::memo::Memo<bool> = super::memo::Memo::new(256);
    }
    SEEN.with(|m| m.get(s, is_unit_label_now))
}

fn is_unit_label_now(s: &str) -> bool {
    let l = s.to_lowercase();
    let l = l.trim();
    l.is_empty()
        || crate::money::Unit::parse(l).is_some()
        || ["dkk", "dkk million", "dkk 1,000"].contains(&l)
}

/// The text of cell `c` of a read row, `""` when the row is shorter.
fn text(r: &crate::document::Row, c: usize) -> &str {
    r.cells.get(c).map_or("", |c| c.text.as_str())
}

/// What a table is called in messages: its title, else its stub, else its
/// first section with the column labels, else where it is.
pub fn table_name(t: &Table) -> String {
    if let Some(title) = &t.title {
        return title.clone();
    }
    let stub = t.rows.first().map_or("", |r| text(r, 0));
    if !is_unit_label(stub) {
        return stub.to_string();
    }
    // The first section row (`Konto 6 (service)`) with the column labels,
    // else where it is.
    let columns: Vec<&str> = t
        .rows
        .first()
        .map(|r| r.cells.iter().skip(1).map(|c| c.text.as_str()).collect())
        .unwrap_or_default();
    t.rows
        .iter()
        .skip(1)
        .find(|r| r.cells.len() > 1 && r.cells.iter().skip(1).all(|c| c.text.is_empty()))
        .map(|r| text(r, 0))
        .filter(|s| !s.is_empty())
        .map(|section| {
            // `{section}: {columns joined by " | "}`, without `format!`.
            let mut name = String::with_capacity(
                section.len() + 2 + columns.iter().map(|c| c.len() + 3).sum::<usize>(),
            );
            name.push_str(section);
            name.push_str(": ");
            for (k, column) in columns.iter().enumerate() {
                if k > 0 {
                    name.push_str(" | ");
                }
                name.push_str(column);
            }
            name
        })
        .unwrap_or_else(|| match t.loc.line_number() {
            Some(line) => format!("table at line {line}"),
            None => format!("table at {}", t.loc),
        })
}

/// Why a read table is too large to understand, if it is: a row of more
/// than [`MAX_CELLS_PER_ROW`] cells, or more than [`MAX_CELLS_PER_TABLE`]
/// cells once every row is padded to the widest. Asked before the table is
/// read into a grid ([`super::grid`]), so no grid grows past the bound.
pub fn refusal(table: &Table) -> Option<(Loc, String)> {
    if let Some(refused) = &table.refused {
        return Some(refused.clone());
    }
    let mut width = 0usize;
    for r in &table.rows {
        if r.cells.len() > MAX_CELLS_PER_ROW {
            let loc = r
                .cells
                .first()
                .map_or_else(|| table.loc.clone(), |c| c.loc.clone());
            return Some((
                loc,
                format!(
                    "a row of more than {MAX_CELLS_PER_ROW} cells; the table is not understood"
                ),
            ));
        }
        width = width.max(r.cells.len());
    }
    if width.saturating_mul(table.rows.len()) > MAX_CELLS_PER_TABLE {
        return Some((
            table.loc.clone(),
            format!(
                "more than {MAX_CELLS_PER_TABLE} cells (rows × columns); the table is not understood"
            ),
        ));
    }
    None
}
