//! A labelled total over a subtotal and the rows after it: a price built
//! up in steps (`Grundpris pr. m3`, `Vandskat`, `Pris pr. m3 ex. moms`,
//! `25% moms`, `Vandpris i alt pr. m3`): the row worded as a total (a
//! total word anywhere in its label) is the subtotal plus the rows after
//! it, the subtotal being the sum of the rows just above it.
//!
//! The reading is taken only where the figures establish the subtotal: one
//! row of the total's block, and one run of at least two rows just above
//! it, add up in every column with figures (and no other row and run do).
//! The total is then judged when the reading holds for it in every column
//! (exact or within rounding), or when another total of the same label in
//! the same table holds by the same reading (the table's own build-up,
//! repeated); a total whose reading fails and has no such witness is left
//! to the labelled-total listing, never an error. The subtotal's own sum
//! is judged with it (it holds, or the reading was not taken).

use super::engine::{has_figs, push, State, BLOCK};
use super::establish::{exact_somewhere, fits_rows, quick_rows, row_sum, Candidate, Kind};
use super::figure::Cell;
use super::grid::{Grid, Role};

/// A total's reading: the subtotal, the run it adds up, and the rows
/// between the subtotal and the total.
struct Chain {
    total: usize,
    sub: usize,
    run: Vec<usize>,
    after: Vec<usize>,
}

/// A row that can stand in a build-up: figures, none of them a per cent,
/// not a part (`Heraf`, dashed) or a heading.
fn unit(g: &Grid, r: usize) -> bool {
    let row = &g.rows[r];
    has_figs(g, r)
        && matches!(row.role, Role::Item | Role::Total { .. } | Role::Formula(_))
        && !row.sub
        && !row
            .cells
            .iter()
            .any(|c| matches!(c, Cell::Fig(f) if f.percent()))
}

fn fits((holds, fails): (usize, usize)) -> bool {
    holds >= 1 && fails == 0
}

fn chain(g: &Grid, t: usize) -> Option<Chain> {
    if g.rows[t].total_word.is_none() || !unit(g, t) {
        return None;
    }
    // The block: the rows with figures just above the total.
    let mut start = t;
    while start > 0 && t - start < BLOCK && unit(g, start - 1) {
        start -= 1;
    }
    let mut found: Option<(usize, usize)> = None;
    for sub in start + 2..t.saturating_sub(1) {
        for from in start..sub - 1 {
            let parts: Vec<(bool, usize)> = (from..sub).map(|r| (false, r)).collect();
            // The subtotal holds exactly somewhere: a fit only within
            // rounding is too weak to build a total on (`Ydelse 5` 353 =
            // `Ydelse 3` + `Ydelse 4` 59 + 295 within the rounding of
            // whole kroner, `I alt` then `Ydelse 5` + `Ydelse 6` with
            // `Ydelse 1` and `Ydelse 2` left out).
            // Looked at only until a column fails (a fit fails nowhere):
            // each total tried every run of its 40-row block over every
            // column, 100 s a MB of `I alt` rows of random figures.
            if fits_rows(g, sub, &parts)
                && exact_somewhere(g, &row_sum(g, sub, &parts, Kind::Sum, ""))
            {
                if found.is_some() {
                    return None;
                }
                found = Some((sub, from));
            }
        }
    }
    let (sub, from) = found?;
    Some(Chain {
        total: t,
        sub,
        run: (from..sub).collect(),
        after: (sub + 1..t).collect(),
    })
}

fn terms(c: &Chain) -> Vec<(bool, usize)> {
    std::iter::once(c.sub)
        .chain(c.after.iter().copied())
        .map(|r| (false, r))
        .collect()
}

pub(super) fn find(g: &Grid, s: &mut State) {
    // Judged: a reading taken (a row only said not understood is not).
    let judged = |s: &State, r: usize| s.out.iter().any(|i| i.at.0 == r && i.what.is_ok());
    // Most tables' totals are judged by now: then there is nothing to look
    // for (a judged total stays judged below, so none would be taken).
    if !(0..g.rows.len()).any(|t| g.rows[t].total_word.is_some() && unit(g, t) && !judged(s, t)) {
        return;
    }
    let chains: Vec<(Chain, (usize, usize))> = (0..g.rows.len())
        .filter_map(|t| chain(g, t))
        .map(|c| {
            let fare = quick_rows(g, c.total, &terms(&c));
            (c, fare)
        })
        .collect();
    let key = |r: usize| g.rows[r].label.trim().to_lowercase();
    for (k, (c, fare)) in chains.iter().enumerate() {
        if judged(s, c.total) || fare.0 + fare.1 == 0 {
            continue;
        }
        let witnessed = chains
            .iter()
            .enumerate()
            .any(|(q, (o, f))| q != k && fits(*f) && key(o.total) == key(c.total));
        if !fits(*fare) && !witnessed {
            continue;
        }
        if !judged(s, c.sub) {
            let run: Vec<(bool, usize)> = c.run.iter().map(|&r| (false, r)).collect();
            let what = format!("sum of {} rows", run.len());
            replace(s, c.sub, row_sum(g, c.sub, &run, Kind::Sum, what));
        }
        let what = format!(
            "{:?} and the {} row{} after it",
            g.rows[c.sub].label,
            c.after.len(),
            if c.after.len() == 1 { "" } else { "s" }
        );
        replace(s, c.total, row_sum(g, c.total, &terms(c), Kind::Sum, what));
    }
}

/// The reading of row `r` pushed, in place of what its other readings left
/// not understood in the same columns.
fn replace(s: &mut State, r: usize, cand: Candidate) {
    let cols: Vec<usize> = cand.instances.iter().map(|i| i.at.1).collect();
    s.out
        .retain(|i| !(i.at.0 == r && i.what.is_err() && cols.contains(&i.at.1)));
    push(s, cand);
    s.explained[r] = true;
}
