//! A label word is a cue, the figures decide: a row whose label reads as a
//! total (`Samlet …`, `Total …`, `… i alt`) or as a part of the row above
//! it (`Heraf …`, `- frivillig nedsat tid`, indented) is read as an
//! ordinary row of its block when the figures say so: the total closing the
//! block is the sum of every row above it, this one included, in every
//! column, and the cue's own reading holds in none of them entirely.
//!
//! Runs before the engine proposes anything ([`super::engine::relations`]),
//! so every pass sees an ordinary row. A real subtotal or `heraf` row is
//! left alone: counting it with its parts gives a closing sum twice as
//! large, which does not hold.

use super::establish::fits_rows;
use super::figure::Cell;
use super::grid::{Grid, Role};

/// How far below a cued row its block's closing total is looked for.
const REACH: usize = 40;

/// The most rows of a block above a cued row that the figures may make it
/// a part of.
const MAX_BLOCK: usize = 200;

/// Read as ordinary rows the cued rows the figures make parts of the block
/// total below them.
pub fn overrule(g: &mut Grid) {
    let ordinary: Vec<usize> = (0..g.rows.len())
        .filter(|&r| cued(g, r) && is_ordinary(g, r))
        .collect();
    for r in ordinary {
        g.rows[r].role = Role::Item;
        g.rows[r].sub = false;
    }
}

fn cued(g: &Grid, r: usize) -> bool {
    let row = &g.rows[r];
    row.has_figures() && (matches!(row.role, Role::Total { .. } | Role::Heraf) || row.sub)
}

/// A row that ends a run of rows with figures.
fn breaks(g: &Grid, r: usize) -> bool {
    !g.rows[r].has_figures() || matches!(g.rows[r].role, Role::Section | Role::HerafMarker)
}

/// Holds in at least one column and fails in none, every figure in the
/// total's unit (the quick look lets mixed units pass; a `- andel` row of
/// percentages under counts is no part of their sum).
fn everywhere(g: &Grid, total: usize, rows: &[usize]) -> bool {
    // The sum first, looked at only until a column fails (`Post` and `I
    // alt` rows over 999 columns took 10-13 s a MB when every column was
    // added up).
    let parts: Vec<(bool, usize)> = rows.iter().map(|&p| (false, p)).collect();
    if !fits_rows(g, total, &parts) {
        return false;
    }
    let unit = |r: usize, c: usize| match g.rows.get(r).and_then(|row| row.cells.get(c)) {
        Some(Cell::Fig(f)) => Some(f.unit),
        _ => None,
    };
    let mixed = (0..g.cols.len()).any(|c| {
        let Some(u) = unit(total, c) else {
            return false;
        };
        rows.iter().any(|&r| unit(r, c).is_some_and(|x| x != u))
    });
    !mixed
}

fn is_ordinary(g: &Grid, r: usize) -> bool {
    let mut start = r;
    while start > 0 && !breaks(g, start - 1) {
        // A block longer than [`MAX_BLOCK`] rows above the cue: its cue
        // stands (each cued row summed the whole run above it, quadratic in
        // a long table's rows).
        if r - start >= MAX_BLOCK {
            return false;
        }
        start -= 1;
    }
    let end = g.rows.len().min(r + 1 + REACH);
    for t in r + 1..end {
        if breaks(g, t) {
            return false;
        }
        if !matches!(g.rows[t].role, Role::Total { .. }) {
            continue;
        }
        let all: Vec<usize> = (start..t).collect();
        if !everywhere(g, t, &all) {
            continue;
        }
        // The cue's own reading, holding in every column, is kept.
        let cue_holds = match g.rows[r].role {
            Role::Total { .. } => {
                everywhere(g, r, &(start..r).collect::<Vec<_>>())
                    || everywhere(g, r, &(r + 1..t).collect::<Vec<_>>())
            }
            _ => {
                let tops: Vec<usize> = all.iter().copied().filter(|&p| !cued(g, p)).collect();
                everywhere(g, t, &tops)
            }
        };
        return !cue_holds;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::grid;
    use super::*;
    use crate::document::{Cell, Loc, Row, Table};
    use crate::numfmt::NumberStyle;

    fn table(text: &str) -> Table {
        let rows = text.lines().enumerate().map(|(i, l)| Row {
            loc: Loc::line(i + 1),
            cells: l
                .split('\t')
                .enumerate()
                .map(|(c, t)| {
                    Cell::new(
                        t,
                        Loc::Line {
                            line: i + 1,
                            column: c + 1,
                        },
                    )
                })
                .collect(),
        });
        Table::from_rows(Loc::line(1), None, None, rows.collect())
    }

    fn roles(text: &str) -> Vec<(Role, bool)> {
        let mut g = grid::read(&table(text), NumberStyle::DANISH);
        overrule(&mut g);
        g.rows.iter().map(|r| (r.role.clone(), r.sub)).collect()
    }

    #[test]
    fn an_item_worded_as_a_total_is_ordinary_when_the_figures_say_so() {
        let t = "Mio. kr.\t2026\t2027\n\
                 Nord\t-16,1\t-17,6\n\
                 Samlet indsats\t-12,1\t-17,5\n\
                 Syd\t-4,9\t-6,8\n\
                 I alt konto 6\t-33,1\t-41,9\n";
        let r = roles(t);
        assert_eq!(r[1].0, Role::Item, "{r:?}");
        assert_eq!(r[3].0, Role::Total { strong: true });
    }

    #[test]
    fn a_real_subtotal_stays_a_total() {
        let t = "Mio. kr.\t2026\t2027\n\
                 Nord\t-16,1\t-17,6\n\
                 Syd\t-4,9\t-6,8\n\
                 I alt drift\t-21,0\t-24,4\n\
                 Anlæg\t-1,0\t-1,0\n\
                 I alt\t-22,0\t-25,4\n";
        let r = roles(t);
        assert_eq!(r[2].0, Role::Total { strong: true }, "{r:?}");
    }

    #[test]
    fn a_dashed_item_is_ordinary_when_the_total_counts_it() {
        let t = "Mio. kr.\t2026\t2027\n\
                 Nord\t-16,1\t-17,6\n\
                 - frivillig nedsat tid|a | b\t-12,1\t-17,5\n\
                 Syd\t-4,9\t-6,8\n\
                 I alt konto 6\t-33,1\t-41,9\n";
        let r = roles(t);
        assert_eq!(r[1], (Role::Item, false), "{r:?}");
    }

    /// Issue 8 item 2: 9·10²⁴ + 0,0001 needs 29 digits; rust_decimal's
    /// rounding add made it 9·10²⁴, so `I alt` seemed to count `Samlet x`
    /// and the row lost its own reading. A sum that would lose a digit
    /// decides nothing.
    #[test]
    fn no_reading_is_chosen_on_a_rounded_sum() {
        let big = "9.000.000.000.000.000.000.000.000";
        let t = format!(
            "Kr.\t2026\t2027\n\
             Nord\t{big}\t{big}\n\
             Samlet x\t0,0001\t0,0001\n\
             I alt\t{big}\t{big}\n"
        );
        let r = roles(&t);
        assert_eq!(r[1].0, Role::Total { strong: true }, "{r:?}");
    }

    /// On a real table (AU, årsværk): `- andel eksternt finansieret` rows of
    /// percentages under counts looked like parts of `Årsværk i alt` to the
    /// quick look, which lets mixed units pass.
    #[test]
    fn a_dashed_row_of_percentages_is_no_part_of_a_sum_of_counts() {
        let t = "\tHUM\tSUN\tI alt\n\
                 VIP-ÅV\t265\t311\t576\n\
                 - andel eksternt finansieret\t8%\t34%\t22%\n\
                 TAP-ÅV\t120\t502\t622\n\
                 - andel eksternt finansieret\t6%\t27%\t23%\n\
                 Årsværk i alt\t385\t813\t1.198\n";
        let r = roles(t);
        assert!(r[1].1 && r[3].1, "{r:?}");
    }

    #[test]
    fn a_real_heraf_row_stays_a_part() {
        let t = "Mio. kr.\t2026\t2027\n\
                 Nord\t-16,1\t-17,6\n\
                 - heraf løn\t-12,1\t-17,5\n\
                 Syd\t-4,9\t-6,8\n\
                 I alt konto 6\t-21,0\t-24,4\n";
        let r = roles(t);
        assert!(r[1].1, "{r:?}");
    }
}
