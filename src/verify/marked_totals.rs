//! A total's figure with a note mark glued to it (`I alt mandater` `175*`,
//! `+1*`): the mark often says the figure does not follow the table's
//! arithmetic (`* Antallet stiger fra 14 til 15 pladser`), so it is not
//! read as a figure by the grid, and a labelled total's row says it
//! skipped ([`super::silent_totals`]).
//!
//! Where the rows just above it add up to the figure exactly, the figure
//! is the table's own total and is read: the shares of it can then be
//! judged (the seats' per cents of 175). Only an exact sum reads it, so a
//! marked figure is never the cause of an error: where its rows do not
//! add up to it, it stays unread and said.

use super::figure::{read_cell, Cell};
use super::grid::{Grid, Role};
use super::silent_totals::marked_figure;
use crate::money::{Decimal, Exact};
use crate::numfmt::NumberStyle;

/// The marks a figure may carry ([`marked_figure`]).
const MARKS: [char; 5] = ['*', '¹', '²', '³', '†'];

/// Reads each marked figure of a row worded as a total whose rows above it
/// add up to it exactly.
pub fn read_where_they_add_up(g: &mut Grid, style: NumberStyle) {
    for t in 0..g.rows.len() {
        if g.rows[t].total_word.is_none()
            || matches!(
                g.rows[t].role,
                Role::Section | Role::HerafMarker | Role::Heraf
            )
        {
            continue;
        }
        for c in 0..g.rows[t].cells.len() {
            if !matches!(g.rows[t].cells[c], Cell::Text) {
                continue;
            }
            let Some(text) = g.rows[t].text(c) else {
                continue;
            };
            if !marked_figure(text) {
                continue;
            }
            let core = text.trim().trim_end_matches(MARKS);
            let unit = g.cols.get(c).and_then(|k| k.unit);
            let Cell::Fig(mut f) = read_cell(core, style, unit) else {
                continue;
            };
            let Some((sum, exact)) = block_sum(g, t, c, f.percent()) else {
                continue;
            };
            if sum != f.value {
                continue;
            }
            f.exact = exact;
            f.coarse = 0;
            g.rows[t].set_cell(c, Cell::Fig(f));
        }
    }
}

/// The sum of column `c` over the rows just above `t`, back to the header,
/// a heading or another total, and whether every one of them is an exact
/// count. Every row of the run holds a figure of the total's kind (per
/// cent or not) or a dash (nothing, as a change of seats prints it), at
/// least two figures; a part of a part (`Heraf`, dashed) or a row without
/// a figure there leaves the run unread.
fn block_sum(g: &Grid, t: usize, c: usize, percent: bool) -> Option<(Decimal, bool)> {
    let mut sum = Decimal::ZERO;
    let mut figures = 0usize;
    let mut exact = true;
    for row in g.rows[..t].iter().rev() {
        if row.total_word.is_some()
            || matches!(
                row.role,
                Role::Section | Role::HerafMarker | Role::Total { .. }
            )
        {
            break;
        }
        if row.sub || matches!(row.role, Role::Heraf) {
            return None;
        }
        match row.cells.get(c)? {
            Cell::Fig(f) if f.percent() == percent => {
                sum = sum.exact_add(f.value)?;
                figures += 1;
                exact &= f.exact;
            }
            Cell::Dash => {}
            _ => return None,
        }
    }
    (figures >= 2).then_some((sum, exact))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Cell as DCell, Loc, Row, Table};

    fn grid(text: &str) -> Grid {
        let rows = text.lines().enumerate().map(|(i, l)| Row {
            loc: Loc::line(i + 1),
            cells: l
                .split('\t')
                .enumerate()
                .map(|(c, t)| {
                    DCell::new(
                        t,
                        Loc::Line {
                            line: i + 1,
                            column: c + 1,
                        },
                    )
                })
                .collect(),
        });
        let table = Table::from_rows(Loc::line(1), None, None, rows.collect());
        let mut g = super::super::grid::read(&table, NumberStyle::DANISH);
        read_where_they_add_up(&mut g, NumberStyle::DANISH);
        g
    }

    fn total_cell(g: &Grid, c: usize) -> Option<Decimal> {
        match g.rows.last()?.cells.get(c)? {
            Cell::Fig(f) => Some(f.value),
            _ => None,
        }
    }

    #[test]
    fn a_marked_total_its_rows_add_up_to_is_read() {
        let g = grid(
            "\tPladser\tÆndring\nA\t3\t-\nB\t1\t-1\nF\t3\t+1\nM\t1\t+1\nI alt mandater\t8*\t+1*\n",
        );
        assert_eq!(total_cell(&g, 0), Some(Decimal::from(8)));
        assert_eq!(total_cell(&g, 1), Some(Decimal::from(1)));
    }

    #[test]
    fn a_marked_total_its_rows_do_not_add_up_to_stays_unread() {
        let g = grid("\tPladser\tÆndring\nA\t3\t-\nB\t1\t-1\nI alt mandater\t5*\t+1*\n");
        assert_eq!(total_cell(&g, 0), None);
        assert_eq!(total_cell(&g, 1), None);
        // Unworded rows are no totals; one part is no sum.
        let g = grid("\tPladser\nA\t3\nB\t3\nC\t6*\n");
        assert_eq!(total_cell(&g, 0), None);
        let g = grid("\tPladser\nA\t3\nI alt\t3*\n");
        assert_eq!(total_cell(&g, 0), None);
    }
}
