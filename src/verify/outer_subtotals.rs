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

pub(super) fn find(g: &Grid, s: &mut State) {
    let ncols = g.cols.len();
    for outer in 1..ncols {
        let inner = outer - 1;
        if !summable(g, inner) || !summable(g, outer) {
            continue;
        }
        let found = blocks(g, inner, outer);
        if found.is_empty() {
            continue;
        }
        let taken = |r: usize| s.out.iter().any(|i| i.at == (r, outer));
        let mut insts = Vec::new();
        let (mut holds, mut fails, mut sure) = (0usize, 0usize, false);
        for (r, rows) in found {
            if taken(r) {
                continue;
            }
            let e = Expr::Linear {
                terms: rows.iter().map(|&i| (false, (i, inner))).collect(),
                result: (r, outer),
                shares: false,
            };
            let what = format!(
                "sum of {} rows in {:?} beside them",
                rows.len(),
                g.cols[inner].header
            );
            let inst = Instance {
                kind: Kind::Sum,
                name: relation_name(&g.rows[r].label, &g.cols[outer].header, &[&what]),
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
                s.out.push(inst);
            }
        }
    }
}
