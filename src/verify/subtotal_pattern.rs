//! Subtotals below their blocks, established by the table (issue 9): a
//! balance or cash-flow statement whose subtotals carry no total word
//! (`Materielle anlægsaktiver` under its five rows, `Anlægsaktiver` under
//! the three subtotals of the level below, `Pengestrømme fra
//! investeringsaktivitet` under its four rows).
//!
//! The table is read top-down as a careful reader does: a row is a
//! subtotal when it is the sum of the units just above it (the rows since
//! the previous subtotal, a subtotal standing for its whole block, so
//! `Anlægsaktiver` adds up the subtotals of the level below), in every
//! column; otherwise it is one more unit. Sub-headings ending in a colon
//! (`Ændring i driftskapital:`) do not end a block; other sections, and a
//! labelled total that fits no block, do.
//!
//! When the table establishes that pattern — at least [`SUPPORT`] blocks
//! of at least two parts each, their result without a total word, that add
//! up in every column (at least two) and not by chance — a row without a
//! total word that adds up to one reading of the units above it in at least
//! as many columns as it fails in, and fails in exactly one, is judged by
//! that reading: the failing cell is an error (the one-mistake analysis
//! then names the figure). "One column holding, one failing" is never
//! enough on its own (a structure seen in one column only confirms); here
//! the other blocks of the same table are the evidence.
//!
//! Guards: the reading must be the only one of the row's readings that
//! holds anywhere (two readings holding in different columns disagree
//! about the wrong figure), the chance of its holds by coincidence times
//! the readings tried is below 1 ‰, trivial holds (a zero result, a sum of
//! one non-zero figure) are no evidence, and a row some other reading has
//! judged already is left to it. Rows of shares and rates, `Heraf` rows and
//! dashed or indented parts are no units; the search stays within
//! [`BLOCK`] units above each row, once down the table.

use super::engine::{push, State, BLOCK};
use super::establish::{row_sum, sum_name, summable, tally, Kind};
use super::figure::{Cell, Unit};
use super::grid::{ColKind, Grid, Role};
use super::row_relations::percent_row;
use crate::money::{Decimal, Exact};

/// How many other blocks must follow the pattern everywhere before a block
/// that holds in one column and fails in another is judged.
pub(super) const SUPPORT: usize = 3;

/// The largest chance × readings tried for a block counted as support.
fn support_limit() -> Decimal {
    Decimal::new(1, 2)
}

/// The largest chance × readings tried for a block judged by the pattern.
fn suspect_limit() -> Decimal {
    Decimal::new(1, 3)
}

/// What a row is to the parse.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Not read (no figures, a share row, a heraf or dashed part).
    Skip,
    /// A sub-heading ending in a colon: the block goes on across it.
    Colon,
    /// A section or anything else that ends every block.
    Boundary,
    /// A row of figures that may be a subtotal (no total word).
    Open,
    /// A row of figures whose label names a result (`Driftsresultat`): a
    /// subtotal where it fits everywhere, else a unit; never judged here.
    Result,
    /// A row of figures with a total word: a subtotal if it fits, else a
    /// boundary after it.
    Labelled,
    /// A row of figures that is a unit only (a formula row).
    Unit,
}

fn part(g: &Grid, r: usize) -> Part {
    let row = &g.rows[r];
    if !row.has_figures() {
        return match row.role {
            Role::Section if row.label.trim_end().ends_with(':') => Part::Colon,
            Role::Section => Part::Boundary,
            _ => Part::Skip,
        };
    }
    if row.sub || percent_row(g, r) {
        return Part::Skip;
    }
    match row.role {
        Role::Heraf | Role::HerafMarker | Role::ChangeRow { percent: true } => Part::Skip,
        Role::Section => Part::Boundary,
        Role::Item | Role::Total { strong: false } | Role::ChangeRow { percent: false } => {
            Part::Open
        }
        Role::Total { strong: true } => Part::Labelled,
        Role::Difference => Part::Result,
        Role::Formula(_) => Part::Unit,
    }
}

/// The columns a block is added down.
fn columns(g: &Grid) -> Vec<usize> {
    (0..g.cols.len())
        .filter(|&c| {
            summable(g, c)
                && !g.cols[c].running_balance
                && !matches!(g.cols[c].kind, ColKind::Share | ColKind::ShareOfChange)
        })
        .collect()
}

/// A figure for the quick look: (value, half its last digit, its unit);
/// `-` and an empty cell printed as such are nothing.
type Quick = Option<(Decimal, Decimal, Option<Unit>)>;

fn quick(g: &Grid, r: usize, c: usize) -> Option<Quick> {
    match g.rows.get(r).and_then(|x| x.cells.get(c)) {
        Some(Cell::Fig(f)) if f.percent() => None,
        Some(Cell::Fig(f)) => {
            let half = if f.exact {
                Decimal::ZERO
            } else {
                Decimal::new(5, f.decimals.saturating_add(1))
            };
            Some(Some((f.value, half, f.unit)))
        }
        Some(Cell::Dash) => Some(None),
        Some(Cell::Empty | Cell::Text) if super::establish::printed_empty(g, (r, c)) => Some(None),
        _ => None,
    }
}

/// A running sum of a suffix of units in one column.
#[derive(Clone, Copy)]
struct Acc {
    sum: Decimal,
    slack: Decimal,
    nonzero: usize,
    /// Parts with a figure (none: a `Note` column beside the figures,
    /// nothing to add).
    figs: usize,
    /// A figure missing or of another unit: the column says nothing.
    lost: bool,
}

/// (holds, fails) of `result` = the units summed in `acc`, quickly; a
/// hold with a zero result or fewer than two non-zero parts (one for a
/// one-part block) is no evidence, and a column whose parts are of
/// another unit than the result says nothing here.
fn look(
    g: &Grid,
    result: usize,
    cols: &[usize],
    acc: &[Acc],
    units: &[Option<Option<Unit>>],
    len: usize,
) -> (usize, usize) {
    let (mut holds, mut fails) = (0, 0);
    for (k, &c) in cols.iter().enumerate() {
        let a = acc[k];
        let Some(Some((v, h, unit))) = quick(g, result, c) else {
            continue;
        };
        if a.lost || a.figs == 0 || units[k].is_some_and(|u| u != unit) {
            continue;
        }
        let Some(diff) = a.sum.exact_sub(v) else {
            continue;
        };
        let Some(slack) = a.slack.exact_add(h) else {
            continue;
        };
        if diff.abs() <= slack {
            let trivial = v.is_zero() || (a.nonzero < 2 && !(len == 1 && a.nonzero == 1));
            if !trivial {
                holds += 1;
            }
        } else {
            fails += 1;
        }
    }
    (holds, fails)
}

/// What the parse found: blocks that add up everywhere (result, parts),
/// and blocks judged by the pattern.
struct Parse {
    support: usize,
    suspects: Vec<(usize, Vec<usize>)>,
    /// Blocks that add up everywhere and that no other reading judged.
    holding: Vec<(usize, Vec<usize>)>,
}

/// One pass down the table (see the module). With `judge`, a row that
/// fits no block everywhere but one reading in all but one column is taken
/// as that block and returned as a suspect.
fn parse(g: &Grid, s: &State, cols: &[usize], judge: bool) -> Parse {
    let mut out = Parse {
        support: 0,
        suspects: Vec::new(),
        holding: Vec::new(),
    };
    // The units above, nearest last, each a row (a subtotal standing for
    // its block).
    let mut units: Vec<usize> = Vec::new();
    // Rows taken as a part of a block of two parts or more.
    let mut consumed = vec![false; g.rows.len()];
    for r in 0..g.rows.len() {
        let kind = part(g, r);
        match kind {
            Part::Skip | Part::Colon => continue,
            Part::Boundary => {
                units.clear();
                continue;
            }
            Part::Unit => {
                units.push(r);
                continue;
            }
            Part::Open | Part::Result | Part::Labelled => {}
        }
        let reach = units.len().min(BLOCK);
        // Suffixes of the units, shortest first, summed as they grow.
        let mut acc = vec![
            Acc {
                sum: Decimal::ZERO,
                slack: Decimal::ZERO,
                nonzero: 0,
                figs: 0,
                lost: false,
            };
            cols.len()
        ];
        let mut unit_of: Vec<Option<Option<Unit>>> = vec![None; cols.len()];
        let mut full: Option<usize> = None;
        let mut partial: Vec<usize> = Vec::new();
        for len in 1..=reach {
            let u = units[units.len() - len];
            for (k, &c) in cols.iter().enumerate() {
                let a = &mut acc[k];
                match quick(g, u, c) {
                    None => a.lost = true,
                    Some(None) => {}
                    Some(Some((v, h, unit))) => {
                        match unit_of[k] {
                            None => unit_of[k] = Some(unit),
                            Some(w) if w != unit => a.lost = true,
                            Some(_) => {}
                        }
                        match (a.sum.exact_add(v), a.slack.exact_add(h)) {
                            (Some(sum), Some(slack)) => {
                                a.sum = sum;
                                a.slack = slack;
                            }
                            _ => a.lost = true,
                        }
                        a.figs += 1;
                        if !v.is_zero() {
                            a.nonzero += 1;
                        }
                    }
                }
            }
            let (holds, fails) = look(g, r, cols, &acc, &unit_of, len);
            if holds >= 2 && fails == 0 {
                full = Some(len);
                break;
            }
            if holds >= 1 && fails == 1 && holds >= fails {
                partial.push(len);
            }
        }
        let tried = reach.max(1);
        // The last `len` units as the row's parts: (parts, holds, fails,
        // whether chance times the readings tried stays within `limit`).
        let reading = |len: usize, limit: Decimal| {
            let parts: Vec<usize> = units[units.len() - len..].to_vec();
            let p: Vec<(bool, usize)> = parts.iter().map(|&q| (false, q)).collect();
            let cand = row_sum(g, r, &p, Kind::Sum, sum_name(len));
            let (holds, fails, chance) = tally(g, &cand);
            let likely = Decimal::from(tried)
                .exact_mul(chance)
                .is_some_and(|x| x <= limit);
            (parts, holds, fails, likely)
        };
        if let Some(len) = full {
            let (parts, holds, fails, likely) = reading(len, support_limit());
            if holds >= 2 && fails == 0 && likely {
                if len >= 2 && kind != Part::Labelled {
                    out.support += 1;
                }
                if len >= 2 {
                    for &q in &parts {
                        consumed[q] = true;
                    }
                }
                units.truncate(units.len() - len);
                units.push(r);
                if judge && kind != Part::Labelled && !judged(s, r) {
                    out.holding.push((r, parts));
                }
                continue;
            }
        }
        if judge && kind == Part::Open {
            if let [len] = partial.as_slice() {
                let len = *len;
                let (parts, holds, fails, likely) = reading(len, suspect_limit());
                if holds >= 1 && fails == 1 && likely && !judged(s, r) {
                    if len >= 2 {
                        for &q in &parts {
                            consumed[q] = true;
                        }
                    }
                    units.truncate(units.len() - len);
                    units.push(r);
                    out.suspects.push((r, parts));
                    continue;
                }
            }
        }
        if kind == Part::Labelled {
            // A labelled total that fits no block: the blocks end here.
            units.clear();
        }
        units.push(r);
    }
    // A row equal to the one row above it in some columns may be equal by
    // the economics, not the arithmetic (`Udgifter` = `Indtægter` of
    // balanced grants in three years of four): a one-part block is judged
    // only where a block of the level above takes it as a part, leaving
    // that row above out (`Anlægsaktiver` = `Immaterielle` + `Materielle`
    // + `Finansielle`, not `Opfindelser og patenter` beside them).
    out.suspects
        .retain(|(r, parts)| parts.len() >= 2 || consumed[*r]);
    out.holding
        .retain(|(r, parts)| parts.len() >= 2 || consumed[*r]);
    out
}

/// Whether another reading has judged row `r` already.
fn judged(s: &State, r: usize) -> bool {
    s.out.iter().any(|i| i.at.0 == r && i.what.is_ok())
}

/// Blocks judged by the pattern the table establishes (see the module).
pub(super) fn find(g: &Grid, s: &mut State) {
    // The pattern needs SUPPORT blocks of two parts and their subtotals,
    // and the block judged at least one part and its row: a smaller table
    // (most of a table-dense document) is not parsed at all.
    let with_figures = g.rows.iter().filter(|r| r.has_figures()).count();
    if with_figures < 3 * SUPPORT + 2 {
        return;
    }
    let cols = columns(g);
    if cols.len() < 2 {
        return;
    }
    let first = parse(g, s, &cols, false);
    if first.support < SUPPORT {
        return;
    }
    let second = parse(g, s, &cols, true);
    if second.support < SUPPORT {
        return;
    }
    let mut blocks = second.suspects;
    blocks.extend(second.holding);
    blocks.sort_unstable();
    for (r, parts) in blocks {
        let p: Vec<(bool, usize)> = parts.iter().map(|&q| (false, q)).collect();
        let what = format!(
            "sum of {} row{} above it (a subtotal below its block, the pattern of {} blocks of the table)",
            p.len(),
            if p.len() == 1 { "" } else { "s" },
            second.support
        );
        let mut c = row_sum(g, r, &p, Kind::Sum, what);
        // The columns with a figure to judge: the result's, and a part's
        // (a `Note` column beside the figures has none to add).
        let fig = |r: usize, c: usize| {
            matches!(
                g.rows.get(r).and_then(|x| x.cells.get(c)),
                Some(Cell::Fig(_))
            )
        };
        c.instances
            .retain(|i| fig(r, i.at.1) && parts.iter().any(|&q| fig(q, i.at.1)));
        s.explained[r] = true;
        s.out.retain(|i| !(i.at.0 == r && i.what.is_err()));
        push(s, c);
    }
}
