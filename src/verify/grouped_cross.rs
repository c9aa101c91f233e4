//! A total column group over groups of period columns: `Sundhed | Social
//! | Regional Udvikling | Region Midtjylland i alt`, each over `R 2010 | R
//! 2009`. The header says the last group is the total; the sub-headers say
//! which columns it adds: `Region Midtjylland i alt / R 2010` = the `R
//! 2010` column of every other group.
//!
//! Taken only when the header establishes it: the total group's name is a
//! total by its words, every other group has exactly one column of the
//! same sub-header to the total's left, and there are two of them at
//! least (a group the grid took for a change, `Regional Udvikling`, counts
//! only where the sum holds in three rows and fails in one at most). Judged as a labelled total is (`pick_labelled`); a column some
//! other reading judged is left to it.

use super::engine::{cross_cand, push, State};
use super::establish::{pick_labelled, quick_cols, Kind};
use super::grid::{self, ColKind, Grid};

fn parts(header: &str) -> Option<(&str, &str)> {
    // Most headers have no slash: nothing to split, without building a
    // searcher for ` / `.
    if !header.as_bytes().contains(&b'/') {
        return None;
    }
    let (top, sub) = header.split_once(" / ")?;
    (!sub.contains(" / ") && !top.trim().is_empty() && !sub.trim().is_empty())
        .then(|| (top.trim(), sub.trim()))
}

pub(super) fn find(g: &Grid, s: &mut State) {
    // Each header split once, and the columns of each group and sub-header
    // in order: every total column looks at the columns left of it (500
    // total columns over 500 groups split every header again for each, and
    // took 10 s).
    let heads: Vec<Option<(&str, &str)>> = g.cols.iter().map(|c| parts(&c.header)).collect();
    if heads.iter().all(Option::is_none) {
        return;
    }
    let mut by_part: std::collections::HashMap<(&str, &str), Vec<usize>> =
        std::collections::HashMap::new();
    for (k, h) in heads.iter().enumerate() {
        if let Some(p) = h {
            by_part.entry(*p).or_default().push(k);
        }
    }
    for (c, col) in g.cols.iter().enumerate() {
        let Some((top, sub)) = heads[c] else {
            continue;
        };

        if grid::total_label(top) != Some(true)
            || !matches!(col.kind, ColKind::Amount | ColKind::RowTotal)
            || s.out
                .iter()
                .any(|i| i.at.1 == c && i.kind == Kind::Cross && i.what.is_ok())
        {
            continue;
        }
        // The other groups, left of the total, in order.
        let mut groups: Vec<&str> = Vec::new();
        for head in &heads[..c] {
            if let Some((t, _)) = *head {
                if t != top && groups.last() != Some(&t) {
                    groups.push(t);
                }
            }
        }
        if groups.len() < 2 || groups.iter().any(|t| grid::total_label(t).is_some()) {
            continue;
        }
        let mut cols = Vec::new();
        for t in &groups {
            // The columns of this group and sub-header left of the total.
            let same = by_part
                .get(&(*t, sub))
                .map_or(&[][..], |ks| &ks[..ks.partition_point(|&k| k < c)]);
            match same {
                [k] if matches!(g.cols[*k].kind, ColKind::Amount | ColKind::Change { .. }) => {
                    cols.push(*k)
                }
                _ => break,
            }
        }
        if cols.len() != groups.len() {
            continue;
        }
        // A group the grid read as a change (`Regional Udvikling`): a part
        // only where the figures agree in three rows at least and fail in
        // one at most (one wrong figure).
        if cols
            .iter()
            .any(|&k| matches!(g.cols[k].kind, ColKind::Change { .. }))
        {
            let terms: Vec<(bool, usize)> = cols.iter().map(|&k| (false, k)).collect();
            let (holds, fails) = quick_cols(g, c, &terms);
            if holds < 3 || fails > 1 {
                continue;
            }
        }
        if let Ok(cand) = pick_labelled(g, vec![cross_cand(g, c, &cols)], true) {
            s.out
                .retain(|i| !(i.at.1 == c && i.kind == Kind::Cross && i.what.is_err()));
            push(s, cand);
        }
    }
}
