//! A cell that states its own arithmetic: `55.000 kr – 13.000 kr = 42.000
//! kr` as the figure of `Resultat (overskud):` (unioo's worked examples of a
//! resultatopgørelse, heldout5). The cell says which figures it adds and
//! subtracts and what they come to, so it is judged as written, as a
//! relation in a checks file is ([`super::expr`]): the sum of the figures
//! before `=`, each with the sign written before it, against the one after
//! it. Only a cell that is nothing but figures, `+`/`-`/`–`/`−` between
//! spaces, one `=`, and the same unit after every figure (`kr`, `kr.`,
//! `mio. kr.` …, which then cancels) is read; anything else in it (words, a
//! unit on some figures only, `1,0 mio. kr. + 500 t. kr.`) leaves the cell
//! alone.
//!
//! Its operands may stand for the sections above it: `Indtægter:` with its
//! rows, `Udgifter:` with its rows, then `Resultat (overskud): 55.000 kr -
//! 13.000 kr = 42.000 kr` (unioo's help centre, heldout5): the n-th figure
//! before `=` is the n-th section's sum. Read so only where the sections
//! above are exactly as many as those figures, each a heading with no
//! figure over rows with figures in the cell's column and nowhere else, and
//! every one of them adds up (a reading the figures confirm, never an error
//! of its own: a section's sum off from its figure leaves them all unread).

use super::establish::Kind;
use super::figure::Cell;
use super::grid::Grid;
use super::grid::Role;
use super::judge::{self, Relation};
use super::{explain, expr, Check};
use crate::numfmt::NumberStyle;

/// Words that may follow each figure as its unit (the same after every one).
const UNITS: [&str; 9] = [
    "kr", "kr.", "kroner", "mio.", "mia.", "t.", "mio", "mia", "tkr.",
];

/// Closes a figure's unit: the first figure's unit is the one every other
/// figure must carry.
fn same_unit<'a>(unit: &mut Vec<&'a str>, first: &mut Option<Vec<&'a str>>) -> bool {
    let u = std::mem::take(unit);
    match first {
        None => {
            *first = Some(u);
            true
        }
        Some(f) => *f == u,
    }
}

/// The relation a cell's text states, if it is a written-out sum or
/// difference of figures in one unit.
pub(super) fn stated(text: &str) -> Option<Relation> {
    if text.matches('=').count() != 1 {
        return None;
    }
    let mut kept: Vec<&str> = Vec::new();
    // The unit words after the figure being read, and after the first one.
    let mut unit: Vec<&str> = Vec::new();
    let mut first_unit: Option<Vec<&str>> = None;
    let mut figures = 0usize;
    let mut in_figure = false;
    for tok in text.split_whitespace() {
        if matches!(tok, "+" | "-" | "\u{2013}" | "\u{2212}" | "=") {
            if in_figure && !same_unit(&mut unit, &mut first_unit) {
                return None;
            }
            in_figure = false;
            kept.push(tok);
        } else if in_figure && UNITS.contains(&tok.to_lowercase().as_str()) {
            unit.push(tok);
        } else if !in_figure
            && tok
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || c == '-')
        {
            kept.push(tok);
            figures += 1;
            in_figure = true;
        } else {
            return None;
        }
    }
    if in_figure && !same_unit(&mut unit, &mut first_unit) {
        return None;
    }
    if figures < 3 {
        return None;
    }
    match expr::parse(&kept.join(" ")).ok()? {
        r @ Relation::Sum { .. } => Some(r),
        _ => None,
    }
}

/// The checks of a table's cells that state their own arithmetic.
pub(super) fn checks(file: &str, name: &str, grid: &Grid, style: NumberStyle) -> Vec<Check> {
    let mut out = Vec::new();
    for (ri, row) in grid.rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            if !matches!(cell, Cell::Text) {
                continue;
            }
            let Some(text) = row.text(c) else {
                continue;
            };
            let Some(relation) = stated(text) else {
                continue;
            };
            out.extend(section_operands(
                file,
                name,
                grid,
                (ri, c),
                &relation,
                style,
            ));
            let judgment = judge::judge(&relation, true);
            let detail = explain::words(Some(&relation), &judgment, style);
            let column = grid.cols.get(c).map(|col| col.header.clone());
            let loc = row.cell_loc_or_row(c);
            let kind = match &relation {
                Relation::Sum { terms, .. } if terms.iter().any(|t| t.negative) => Kind::Difference,
                _ => Kind::Sum,
            };
            let place = loc.to_string();
            let count = match &relation {
                Relation::Sum { terms, .. } => terms.len() + 1,
                _ => 0,
            };
            out.push(Check {
                file: file.to_string(),
                loc,
                table: name.to_string(),
                relation: format!(
                    "{} [{}]: as the cell writes it",
                    row.label.trim(),
                    column.as_deref().unwrap_or_default()
                ),
                verdict: judgment.verdict,
                detail,
                judged: Some(relation),
                evidence: judgment.evidence,
                style,
                stated: false,
                kind: Some(kind),
                consequence_of: None,
                correction: None,
                row: Some(row.label.clone()),
                column,
                cells: vec![place; count],
            });
        }
    }
    out
}

/// The sections above row `at.0` (headings with no figure over rows with a
/// figure in column `at.1` only), if the table above is nothing else.
fn sections(grid: &Grid, at: (usize, usize)) -> Option<Vec<(usize, Vec<usize>)>> {
    let mut out: Vec<(usize, Vec<usize>)> = Vec::new();
    for r in 0..at.0 {
        let row = &grid.rows[r];
        let figs: Vec<usize> = row
            .cells
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(c, Cell::Fig(_)))
            .map(|(i, _)| i)
            .collect();
        if figs.is_empty() {
            if row.label.trim().is_empty() {
                return None;
            }
            out.push((r, Vec::new()));
        } else if figs != [at.1] {
            return None;
        } else if !matches!(row.role, Role::Total { .. }) {
            // A section's own total (`I alt:`) is no part of it.
            out.last_mut()?.1.push(r);
        }
    }
    out.iter().all(|(_, rows)| !rows.is_empty()).then_some(out)
}

/// The written-out figures read as the sums of the sections above.
fn section_operands(
    file: &str,
    name: &str,
    grid: &Grid,
    at: (usize, usize),
    relation: &Relation,
    style: NumberStyle,
) -> Vec<Check> {
    let Relation::Sum { terms, .. } = relation else {
        return Vec::new();
    };
    let Some(secs) = sections(grid, at) else {
        return Vec::new();
    };
    if secs.len() != terms.len() {
        return Vec::new();
    }
    let fig = |r: usize| match grid.rows[r].cells.get(at.1) {
        Some(Cell::Fig(f)) => f.printed_in(None),
        _ => None,
    };
    let mut judged = Vec::new();
    for ((_, rows), term) in secs.iter().zip(terms) {
        let parts: Option<Vec<judge::Term>> = rows
            .iter()
            .map(|&r| {
                fig(r).map(|figure| judge::Term {
                    negative: false,
                    figure,
                })
            })
            .collect();
        let Some(parts) = parts else {
            return Vec::new();
        };
        let sum = Relation::Sum {
            terms: parts,
            total: term.figure,
        };
        let judgment = judge::judge(&sum, true);
        if !matches!(
            judgment.verdict,
            judge::Verdict::Exact | judge::Verdict::Rounding
        ) {
            return Vec::new();
        }
        judged.push((sum, judgment));
    }
    let row = &grid.rows[at.0];
    let column = grid.cols.get(at.1).map(|col| col.header.clone());
    let loc = row.cell_loc_or_row(at.1);
    let place = |r: usize| {
        grid.rows[r]
            .cell_loc(at.1)
            .map_or_else(String::new, ToString::to_string)
    };
    secs.iter()
        .zip(judged)
        .enumerate()
        .map(|(i, ((heading, rows), (sum, judgment)))| {
            let detail = explain::words(Some(&sum), &judgment, style);
            let mut cells: Vec<String> = rows.iter().map(|&r| place(r)).collect();
            cells.push(loc.to_string());
            Check {
                file: file.to_string(),
                loc: loc.clone(),
                table: name.to_string(),
                relation: format!(
                    "{} [{}]: its figure {} as the sum of {}",
                    row.label.trim(),
                    column.as_deref().unwrap_or_default(),
                    i + 1,
                    grid.rows[*heading].label.trim().trim_end_matches(':')
                ),
                verdict: judgment.verdict,
                detail,
                judged: Some(sum),
                evidence: judgment.evidence,
                style,
                stated: false,
                kind: Some(Kind::Formula),
                consequence_of: None,
                correction: None,
                row: Some(row.label.clone()),
                column: column.clone(),
                cells,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(r: &Relation) -> Vec<(bool, String)> {
        match r {
            Relation::Sum { terms, total } => terms
                .iter()
                .map(|t| (t.negative, t.figure.value.to_string()))
                .chain(std::iter::once((false, total.value.to_string())))
                .collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn a_written_out_difference_is_read() {
        let r = stated("55.000 kr – 13.000 kr = 42.000 kr").unwrap();
        assert_eq!(
            terms(&r),
            vec![
                (false, "55000".to_string()),
                (true, "13000".to_string()),
                (false, "42000".to_string())
            ]
        );
        assert!(stated("55.000 kr - 13.000 kr = 42.000 kr").is_some());
        assert!(stated("1,5 mio. kr. + 2,5 mio. kr. = 4,0 mio. kr.").is_some());
        assert!(stated("7,5 + 2,3 = 9,8").is_some());
    }

    #[test]
    fn anything_else_in_the_cell_leaves_it_alone() {
        // Units on some figures only, or different units: not one unit.
        assert!(stated("1,0 mio. kr. + 500 t. kr. = 1,5 mio. kr.").is_none());
        assert!(stated("55.000 kr - 13.000 = 42.000 kr").is_none());
        // Words, two `=`, a share, too few figures.
        assert!(stated("Aktiver (45.000 kr) = Passiver (10.000 kr)").is_none());
        assert!(stated("1 + 2 = 3 = 3").is_none());
        assert!(stated("3,5 / 6,1 = 57,4%").is_none());
        assert!(stated("42.000 = 42.000").is_none());
        assert!(stated("i alt 55.000 - 13.000 = 42.000").is_none());
        assert!(stated("55.000").is_none());
    }
}
