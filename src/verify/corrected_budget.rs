//! `Korrigeret budget` = `Oprindeligt budget` + the appropriation changes
//! printed between them (`Tillægsbevillinger`, `Omplaceringer`,
//! `Genbevillinger`, `Overførsler fra 2025`): what a corrected budget is
//! (DOMAIN: the original budget plus the approved changes). A budget
//! follow-up prints its columns in that order, and a reader checks each row
//! by it.
//!
//! The headers name the relation; the figures must confirm it, because a
//! corrected budget may also hold what the table does not show (carry-overs
//! from last year beside `Tillægsbevillinger` alone). It is judged only
//! where it holds in at least two rows, with figures that are not all zero,
//! and fails in at most one (rows established as totals of others are no
//! evidence: they hold or fail through their parts). A row where
//! `Tillægsbevillinger` is 0 and the corrected budget equals the original
//! one confirms it: nothing hidden there. Where the figures do not confirm
//! it, nothing is said here, and the figures alone may still relate the
//! columns ([`super::column_relations::by_figures`]).
//!
//! This finds what the figures alone cannot: in a small follow-up (three
//! areas and `I alt`) with a misprinted corrected budget that the total and
//! the afvigelse were computed from, the relation fails in the area and in
//! `I alt`, and holds in two rows only; where most appropriation changes
//! are 0, the one row that tells is the wrong one.

use super::establish::{col_relation, verdict_with, Candidate, Expr, Kind, Overrides};
use super::grid::{ColKind, Grid};
use super::judge::Verdict;

/// A header with its soft and hard hyphens taken out (`Tillægsbevil-linger`
/// as a PDF breaks it), lowercased.
fn plain(header: &str) -> String {
    header
        .chars()
        .filter(|&c| c != '-' && c != '\u{ad}')
        .flat_map(char::to_lowercase)
        .collect()
}

/// `Korrigeret budget 2025`, `Korr. budget`; not `Afvigelse til korrigeret
/// budget`, which only names it.
fn corrected(header: &str) -> bool {
    // Most headers are let go at their first letter, before one is copied.
    if !matches!(header.trim_start().bytes().next(), Some(b'K' | b'k')) {
        return false;
    }
    let h = plain(header);
    h.starts_with("korrigeret") || h.starts_with("korr. ") || h.starts_with("korr.budget")
}

/// `Oprindeligt budget`, `Opr. budget`, `Vedtaget budget 2025`.
fn original(header: &str) -> bool {
    let h = plain(header);
    ["oprindelig", "opr. ", "opr.budget", "vedtaget", "vedtagne"]
        .iter()
        .any(|w| h.starts_with(w))
}

/// An approved change of the appropriation: `Tillægsbevillinger`,
/// `Omplaceringer`, `Genbevillinger`, `Overførsler fra 2025`,
/// `Budgetreguleringer`.
fn appropriation_change(header: &str) -> bool {
    let h = plain(header);
    [
        "tillæg",
        "omplacering",
        "genbevilling",
        "overført",
        "overførs",
        "regulering",
    ]
    .iter()
    .any(|w| h.contains(w))
        && !h.contains("søge")
}

/// The relation of column `c`, when its header names a corrected budget,
/// the original budget stands to its left with only appropriation changes
/// between them, and the figures confirm it (see the module's words).
/// `counted(r)`: row `r` is evidence (not a total of other rows).
pub fn claim(g: &Grid, c: usize, counted: &dyn Fn(usize) -> bool) -> Option<Candidate> {
    let col = g.cols.get(c)?;
    if col.kind != ColKind::Amount || !corrected(&col.header) {
        return None;
    }
    let o = (0..c).rev().find(|&k| original(&g.cols[k].header))?;
    let changes: Vec<usize> = (o + 1..c).collect();
    let year = col.year;
    let fits = |k: usize| {
        g.cols[k].kind == ColKind::Amount
            && (year.is_none() || g.cols[k].year.is_none() || g.cols[k].year == year)
    };
    if changes.is_empty()
        || !fits(o)
        || !changes
            .iter()
            .all(|&k| fits(k) && appropriation_change(&g.cols[k].header))
    {
        return None;
    }
    let terms: Vec<(bool, usize)> = std::iter::once(o)
        .chain(changes)
        .map(|k| (false, k))
        .collect();
    let what = terms
        .iter()
        .map(|&(_, k)| g.cols[k].header.as_str())
        .collect::<Vec<_>>()
        .join(" + ");
    let cand = col_relation(g, c, Kind::Formula, &what, &|r| {
        Some(Expr::Linear {
            terms: terms.iter().map(|&(n, k)| (n, (r, k))).collect(),
            result: (r, c),
            shares: false,
        })
    });
    let (mut confirms, mut fails) = (0usize, 0usize);
    let printed = Overrides::new();
    for i in &cand.instances {
        let Ok(e) = &i.what else { continue };
        if !counted(i.at.0) {
            continue;
        }
        let all_zero = e
            .cells()
            .into_iter()
            .all(|(r, k)| super::row_relations::fig_at(g, r, k).is_some_and(|f| f.value.is_zero()));
        match verdict_with(g, e, &printed) {
            Verdict::Exact | Verdict::Rounding if !all_zero => confirms += 1,
            Verdict::Error => fails += 1,
            _ => {}
        }
    }
    (confirms >= 2 && fails <= 1).then_some(cand)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_headers_of_a_follow_up() {
        assert!(corrected("Korrigeret budget 2025"));
        assert!(corrected("Korr. budget"));
        assert!(!corrected("Afvigelse til korrigeret budget"));
        assert!(!corrected("Forventet regnskab"));
        assert!(original("Oprindeligt budget"));
        assert!(original("Vedtaget budget 2025"));
        assert!(original("Opr. budget"));
        assert!(!original("Forbrug"));
        assert!(appropriation_change(
            "Tillægsbevil-linger/om-placeringer 2025"
        ));
        assert!(appropriation_change("Genbevil-linger 2025"));
        assert!(appropriation_change("Overførsler fra 2025"));
        assert!(!appropriation_change("Søges overført til 2026"));
        assert!(!appropriation_change("Forventet regnskab"));
    }
}
