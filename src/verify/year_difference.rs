//! A difference row under a table of two years (issue 9): `forskel` (or
//! `forskæl`, as a blog prints it) with one figure, under `2010 | 2011`, is
//! the change of a row from the earlier year to the later, printed in
//! whichever column the writer put it (`forskæl | -3487 |` under the 2010
//! column).
//!
//! - `forskel i folkeskole` names its row: the one row above whose label
//!   starts with the named word (`Folkeskoler`). The label names the
//!   relation, so it is judged: later minus earlier; where only earlier
//!   minus later holds, the direction is not understood (said).
//! - A bare `forskel` names none: the one row above whose change fits
//!   confirms it (exact or within rounding); none, or several, and it is
//!   said, never an error — one figure found by the figures is no evidence
//!   against itself.
//! - Only with exactly two year columns, a row of figures in none of the
//!   others' shape (one or two figures, no per cent), and only rows with
//!   both years printed as operands.
//!
//! Cheap: a word test on the first word of each row's label.

use super::engine::{has_figs, State};
use super::establish::{verdict_with, Expr, Instance, Kind};
use super::figure::{Cell, Unit};
use super::grid::{ColKind, Grid, Role};
use super::judge::Verdict;

/// What a difference row's label names: `Some(None)` a bare `forskel`,
/// `Some(Some(word))` `forskel i <word>`.
fn difference_of(label: &str) -> Option<Option<String>> {
    // Asked of every row: most start with another letter.
    let t = crate::document::trim_start_text(label);
    if !matches!(t.as_bytes().first(), Some(b'f' | b'F' | b'd' | b'D')) {
        return None;
    }
    let l = t.trim_end().to_lowercase();
    let mut words = l.split_whitespace();
    let first = words.next()?;
    if !matches!(first, "forskel" | "forskæl" | "difference") {
        return None;
    }
    match (words.next(), words.next(), words.next()) {
        (None, _, _) => Some(None),
        (Some("i" | "for" | "af"), Some(w), None) => {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            (w.chars().count() >= 4).then(|| Some(w.to_string()))
        }
        _ => None,
    }
}

fn fig(g: &Grid, r: usize, c: usize) -> Option<&super::figure::Figure> {
    match g.rows.get(r).and_then(|x| x.cells.get(c)) {
        Some(Cell::Fig(f)) => Some(f),
        _ => None,
    }
}

fn said(g: &Grid, s: &mut State, r: usize, why: String) {
    super::engine::said_not_understood(g, s, r, Kind::Change, "difference between the years", &why);
}

pub(super) fn find(g: &Grid, s: &mut State) {
    let rows: Vec<(usize, Option<String>)> = (0..g.rows.len())
        .filter(|&r| !s.explained[r] && has_figs(g, r))
        .filter_map(|r| difference_of(&g.rows[r].label).map(|n| (r, n)))
        .collect();
    if rows.is_empty() {
        return;
    }
    let amounts: Vec<usize> = (0..g.cols.len())
        .filter(|&c| g.cols[c].kind == ColKind::Amount)
        .collect();
    let years: Vec<(i32, usize)> = amounts
        .iter()
        .filter_map(|&c| g.cols[c].year.map(|y| (y, c)))
        .collect();
    let [(y0, c0), (y1, c1)] = years.as_slice() else {
        return;
    };
    if amounts.len() != 2 || y0 == y1 {
        return;
    }
    let (old, new) = if y0 < y1 { (*c0, *c1) } else { (*c1, *c0) };
    // Each row looks at every row above it (40 000 rows, every other a
    // `Forskel`, took 35 s); past the budget each left is said.
    let mut budget = super::engine::Budget::rows();
    for (r, named) in rows {
        let places: Vec<usize> = amounts
            .iter()
            .copied()
            .filter(|&c| fig(g, r, c).is_some())
            .collect();
        let [at] = places.as_slice() else { continue };
        if fig(g, r, *at).is_some_and(|f| f.unit == Some(Unit::Percent)) {
            continue;
        }
        if budget.spend(r) {
            let why = super::engine::Budget::too_long(g, "differences between the years");
            said(g, s, r, why);
            continue;
        }
        let operand = |b: usize| {
            b != r
                && fig(g, b, old).is_some()
                && fig(g, b, new).is_some()
                && !matches!(g.rows[b].role, Role::ChangeRow { .. })
                && difference_of(&g.rows[b].label).is_none()
        };
        let change = |b: usize, later_first: bool| {
            let (plus, minus) = if later_first { (new, old) } else { (old, new) };
            Expr::Linear {
                terms: vec![(false, (b, plus)), (true, (b, minus))],
                result: (r, *at),
                shares: false,
            }
        };
        let holds = |e: &Expr| {
            matches!(
                verdict_with(g, e, &Default::default()),
                Verdict::Exact | Verdict::Rounding
            )
        };
        let instance = |b: usize, e: Expr| Instance {
            kind: Kind::Change,
            name: format!(
                "{} [{}]: change of {:?} {} - {}",
                g.rows[r].label,
                g.cols[*at].header,
                g.rows[b].label,
                g.cols[new].header,
                g.cols[old].header
            )
            .into(),
            at: (r, *at),
            what: Ok(e),
        };
        match named {
            Some(word) => {
                let matching: Vec<usize> = (0..r)
                    .filter(|&b| {
                        operand(b) && g.rows[b].label.trim().to_lowercase().starts_with(&word)
                    })
                    .collect();
                let [b] = matching.as_slice() else {
                    said(
                        g,
                        s,
                        r,
                        format!(
                            "a difference of {word:?} between the years, and {} rows above are so named",
                            matching.len()
                        ),
                    );
                    continue;
                };
                let forward = change(*b, true);
                if !holds(&forward) && holds(&change(*b, false)) {
                    said(
                        g,
                        s,
                        r,
                        format!(
                            "{:?} {} - {} holds the other way round",
                            g.rows[*b].label, g.cols[old].header, g.cols[new].header
                        ),
                    );
                    continue;
                }
                s.explained[r] = true;
                s.out.push(instance(*b, forward));
            }
            None => {
                let fitting: Vec<usize> = (0..r)
                    .filter(|&b| operand(b) && holds(&change(b, true)))
                    .collect();
                match fitting.as_slice() {
                    [b] => {
                        s.explained[r] = true;
                        s.out.push(instance(*b, change(*b, true)));
                    }
                    _ => said(
                        g,
                        s,
                        r,
                        format!(
                            "a difference between the years naming no row, and {} rows above fit it",
                            fitting.len()
                        ),
                    ),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn difference_labels_name_their_row_or_none() {
        assert_eq!(difference_of("forskæl"), Some(None));
        assert_eq!(difference_of("Forskel"), Some(None));
        assert_eq!(
            difference_of("forskæl i folkeskole"),
            Some(Some("folkeskole".into()))
        );
        assert_eq!(difference_of("%forskæl"), None);
        assert_eq!(difference_of("Forskel mellem budget og regnskab"), None);
        assert_eq!(difference_of("Forskelle"), None);
    }
}
