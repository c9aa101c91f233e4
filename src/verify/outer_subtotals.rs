//! Subtotals printed beside their block's last row, one column to the
//! right (the layout of an association's specification: the details in an
//! inner column, each block's total in the outer column on the line of its
//! last detail): `Elektricitet | 1.553,80 | 7.810,80`, where 7.810,80 =
//! Ejendomsskat + Brandforsikring + Vedligeholdelse + Elektricitet
//! (Grundejerforeningen Ny Søndergård's garage specification, heldout4).
//!
//! A block is the run of rows with a figure in the inner column and none in
//! the outer one, back to a row without a figure in the inner column (a
//! heading) or with one in the outer column (the previous block's total),
//! closed by a row with figures in both; at least two rows. The layout
//! alone does not establish the sum: a block that adds up (not trivially,
//! by chance at most 1 ‰) confirms it; where one does, the table's other
//! such blocks are judged by it too (a failing one an error) as long as no
//! more fail than hold. Where none adds up, nothing is said.
//!
//! A detail whose label opens with the deduction sign `÷`, or its OCR
//! (`-f-`, `—t—`, `-:-`: the Faroese finance acts, heldout15), and whose
//! figure is printed without a sign, is taken away (`5. -f- skolepenge`),
//! in a block with other details (a block of deductions alone adds them
//! as printed). A block that opens the table with an item numbered past 1
//! (`6. …`, `7. …`, `8. …` under a page number), in a table whose other
//! blocks number their items from 1, began on an earlier page: its total
//! is said not understood, never judged.

use super::engine::State;
use super::establish::{relation_name, summable, tally, Candidate, Expr, Instance, Kind};
use super::figure::Cell;
use super::grid::{Grid, Role};
use crate::money::Decimal;

fn fig(g: &Grid, r: usize, c: usize) -> bool {
    matches!(g.rows[r].cells.get(c), Some(Cell::Fig(_)))
}

fn empty(g: &Grid, r: usize, c: usize) -> bool {
    matches!(g.rows[r].cells.get(c), None | Some(Cell::Empty))
}

/// The blocks of rows whose total stands beside the last of them in `outer`
/// (the column right of `inner`): (closing row, the block's rows).
fn blocks(g: &Grid, inner: usize, outer: usize) -> Vec<(usize, Vec<usize>)> {
    let mut out = Vec::new();
    for r in 0..g.rows.len() {
        if !fig(g, r, inner) || !fig(g, r, outer) || g.rows[r].role == Role::Section {
            continue;
        }
        let mut start = r;
        while start > 0 && fig(g, start - 1, inner) && empty(g, start - 1, outer) {
            start -= 1;
        }
        if r - start >= 1 {
            out.push((r, (start..=r).collect()));
        }
    }
    out
}

/// Whether a detail's label opens, after its item number, with the
/// deduction sign: `÷ Afgifter`, or that sign as OCR reads it, `f`, `t`
/// or a colon between two dashes (`6. -f- indkommet ved entre`, `10. —t—
/// lejeindtægt`, `-:- refusion`; other letters are not known to be it).
fn deducted(label: &str) -> bool {
    let l = numbered(label).map_or(label.trim_start(), |(_, rest)| rest.trim_start());
    if l.starts_with("÷") {
        return true;
    }
    let dash = |c: char| matches!(c, '-' | '–' | '—');
    let mut cs = l.chars();
    matches!(
        (cs.next(), cs.next(), cs.next(), cs.next()),
        (Some(a), Some(m), Some(b), Some(' '))
            if dash(a) && dash(b) && matches!(m, 'f' | 't' | ':')
    )
}

/// The item number a label opens with, and the rest of it (`6. -f-
/// indkommet` -> 6, `-f- indkommet`).
fn numbered(label: &str) -> Option<(u32, &str)> {
    let (n, rest) = label.trim_start().split_once(". ")?;
    let digits = !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit());
    Some((n.parse().ok().filter(|_| digits)?, rest))
}

/// The item number a label opens with (`6. -f- indkommet` -> 6).
fn item_number(label: &str) -> Option<u32> {
    numbered(label).map(|(n, _)| n)
}

/// A block that opens the table (no row above it has a figure) with an
/// item numbered past 1, not under its item before (`1. Lønninger` with
/// no amount this year), where another block numbers its items from 1:
/// its first items are on an earlier page. Account numbers (`11.`, `12.`,
/// then `21.`, `22.`) never restart at 1.
fn begun_before(g: &Grid, rows: &[usize], restarts: bool) -> Option<u32> {
    let first = *rows.first()?;
    let opens = (0..first).all(|r| !g.rows[r].has_figures());
    let n = item_number(&g.rows[first].label)?;
    let under_its_item_before =
        first > 0 && item_number(&g.rows[first - 1].label) == Some(n.saturating_sub(1));
    (restarts && opens && n > 1 && !under_its_item_before).then_some(n)
}

/// The signs of a block's details: a deduction-marked detail printed
/// without a sign is taken away, in a block with other details.
fn signs(g: &Grid, rows: &[usize], inner: usize) -> Vec<bool> {
    let marked: Vec<bool> = rows
        .iter()
        .map(|&i| {
            deducted(&g.rows[i].label)
                && matches!(g.rows[i].cells.get(inner), Some(Cell::Fig(f)) if f.value > Decimal::ZERO)
        })
        .collect();
    if marked.iter().all(|&m| m) {
        vec![false; rows.len()]
    } else {
        marked
    }
}

pub(super) fn find(g: &Grid, s: &mut State) {
    let ncols = g.cols.len();
    // The cells a relation found judges, looked up once (each block looked
    // through every relation: a wide table of blocks, 1,7 MB, took 5,8 s);
    // made where a column has blocks (most tables have none).
    let mut judged: Option<std::collections::HashSet<(usize, usize)>> = None;
    for outer in 1..ncols {
        let inner = outer - 1;
        if !summable(g, inner) || !summable(g, outer) {
            continue;
        }
        let found = blocks(g, inner, outer);
        if found.is_empty() {
            continue;
        }
        let judged = judged.get_or_insert_with(|| s.out.iter().map(|i| i.at).collect());
        let taken = |r: usize| judged.contains(&(r, outer));
        let restarts = found
            .iter()
            .any(|(_, rows)| rows.first().and_then(|&i| item_number(&g.rows[i].label)) == Some(1));
        let mut insts = Vec::new();
        let mut skipped = Vec::new();
        let (mut holds, mut fails, mut sure) = (0usize, 0usize, false);
        for (r, rows) in found {
            if taken(r) {
                continue;
            }
            let what = format!(
                "sum of {} rows in {:?} beside them",
                rows.len(),
                g.cols[inner].header
            );
            if let Some(n) = begun_before(g, &rows, restarts) {
                let why = format!(
                    "not understood: the block opens the table with item {n}: the items before it are not in the table"
                );
                skipped.push(Instance {
                    kind: Kind::Sum,
                    name: relation_name(&g.rows[r].label, &g.cols[outer].header, &[&what]).into(),
                    at: (r, outer),
                    what: Err(why),
                });
                continue;
            }
            let e = Expr::Linear {
                terms: rows
                    .iter()
                    .zip(signs(g, &rows, inner))
                    .map(|(&i, neg)| (neg, (i, inner)))
                    .collect(),
                result: (r, outer),
                shares: false,
            };
            let inst = Instance {
                kind: Kind::Sum,
                name: relation_name(&g.rows[r].label, &g.cols[outer].header, &[&what]).into(),
                at: (r, outer),
                what: Ok(e),
            };
            let one = Candidate {
                instances: vec![inst.clone()],
                what: String::new(),
                prefer: false,
            };
            let (h, f, chance) = tally(g, &one);
            holds += h;
            fails += f;
            sure |= h == 1 && chance <= Decimal::new(1, 3);
            insts.push((h == 1, inst));
        }
        if !sure {
            continue;
        }
        let all = fails <= holds;
        for (held, inst) in insts {
            if held || all {
                s.explained[inst.at.0] = true;
                judged.insert(inst.at);
                s.out.push(inst);
            }
        }
        judged.extend(skipped.iter().map(|i| i.at));
        s.out.extend(skipped);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deduction_sign_and_its_ocr() {
        assert!(deducted("5. -f- skolepenge................."));
        assert!(deducted("10. —t— lejeindtægt ................."));
        assert!(deducted("÷ Refusion"));
        assert!(deducted("-:- refusion"));
        assert!(!deducted("1. Lønninger ....................."));
        assert!(!deducted("- antal sager med fejl"));
        assert!(!deducted("-fx- noget"));
        assert!(!deducted("2. -i- Kontorartikler"));
        assert!(!deducted("2. Ferða-og dagpeningur"));
        assert_eq!(item_number("6. -f- indkommet ved entre"), Some(6));
        assert_eq!(item_number("Lønninger"), None);
        assert_eq!(item_number("2026. Budget"), None);
    }
}
