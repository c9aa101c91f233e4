//! Columns worded as shares that are portions of the row's total in its
//! own unit, not per cents: the ATP contribution tables of the
//! unemployment-insurance orders (`Lønmodtagers andel (1/3)` |
//! `Arbejdsgivers andel (2/3)` | `Samlet bidrag`: `94,65 | 189,35 |
//! 284,00`). The word `andel` is a cue; the figures decide: where the
//! share-worded columns' plain figures (no `%` printed) add up, together,
//! to the table's one row-total column exactly, they are amounts, and the
//! total column is cast across them as any other. Read so only where it
//! holds in at least three rows and fails in at most one (where it fails,
//! the cross total judges that row), in none where the total is the same
//! in every row where they add up (`100`: per cents of each row's own
//! whole); otherwise they stay shares, judged or said not understood as
//! before.
//!
//! Cheap: asked only of a table with a row-total column and two
//! share-worded columns.

use super::figure::Cell;
use super::grid::{Col, ColKind, GRow};
use crate::money::{Decimal, Exact};

/// The share-worded columns of a table (its columns `cols`, its rows
/// `rows`) that are portions of its row-total column (see the module); empty
/// where there are none.
pub fn portions(cols: &[Col], rows: &[GRow]) -> Vec<usize> {
    let mut total = cols
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == ColKind::RowTotal);
    let (Some((t, _)), None) = (total.next(), total.next()) else {
        return Vec::new();
    };
    let shares: Vec<usize> = (0..cols.len())
        .filter(|&c| cols[c].kind == ColKind::Share)
        .collect();
    if shares.len() < 2 {
        return Vec::new();
    }
    let (mut holds, mut fails) = (0usize, 0usize);
    // The totals of the rows where the portions add up, to tell a constant
    // one (`100` in each: per cents of each row's own whole, which add up
    // to it by construction).
    let mut totals: Option<(Decimal, bool)> = None;
    for r in rows {
        let Some(Cell::Fig(whole)) = r.cells.get(t) else {
            continue;
        };
        let mut sum = Some(Decimal::ZERO);
        let mut nonzero = 0;
        for &c in &shares {
            match r.cells.get(c) {
                Some(Cell::Fig(f)) if !f.percent() && !whole.percent() => {
                    nonzero += usize::from(!f.value.is_zero());
                    sum = sum.and_then(|s| s.exact_add(f.value));
                }
                // A per cent printed: shares after all.
                Some(Cell::Fig(_)) => return Vec::new(),
                _ => {
                    sum = None;
                    break;
                }
            }
        }
        let Some(sum) = sum else { continue };
        if whole.value.is_zero() || nonzero < 2 {
            continue;
        }
        if sum == whole.value {
            holds += 1;
            totals = match totals {
                None => Some((whole.value, true)),
                Some((v, same)) => Some((v, same && v == whole.value)),
            };
        } else {
            fails += 1;
        }
    }
    // Shares of each row's own whole (`Andel mænd | Andel kvinder | I alt`
    // over `48 | 52 | 100`) add up to a constant total whatever they are:
    // that is no evidence of portions, and a row off by an unprinted
    // category would be read as an error. Such a table is read as portions
    // only where every row adds up (then the columns may as well be).
    let constant = totals.is_some_and(|(_, same)| same);
    if holds >= 3 && (fails == 0 || (fails <= 1 && !constant)) {
        shares
    } else {
        Vec::new()
    }
}
