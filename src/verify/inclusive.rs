//! A row that names itself as another row including a third: `Hensættelse
//! til vej inkl. renter` directly under `Hensættelse til vej` and
//! `Hensættelse til vej – renter` (Grundejerforeningen Majsparken,
//! heldout4) is their sum. The label names both operands, so the reading
//! is the labels' own and judged in every column: only where the two rows
//! directly above it are the one named by the words before `inkl.` (the
//! same label) and one whose label starts with those words and names what
//! is included.

use super::engine::{has_figs, push, State};
use super::establish::{row_sum, Kind};
use super::grid::{Grid, Role};

/// A label lowercased, its runs of spaces one space.
fn norm(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `A inkl. B` -> (`a`, `b`).
fn inclusive(label: &str) -> Option<(String, String)> {
    let l = norm(label);
    let (a, b) = l
        .split_once(" inkl. ")
        .or_else(|| l.split_once(" inklusive "))?;
    let (a, b) = (a.trim(), b.trim().trim_end_matches('.'));
    (a.chars().any(char::is_alphabetic) && b.chars().any(char::is_alphabetic))
        .then(|| (a.to_string(), b.to_string()))
}

pub(super) fn find(g: &Grid, s: &mut State) {
    for r in 2..g.rows.len() {
        if s.explained[r] || s.parent[r].is_some() || !has_figs(g, r) {
            continue;
        }
        let Some((a, b)) = inclusive(&g.rows[r].label) else {
            continue;
        };
        let (p, q) = (r - 2, r - 1);
        let fine =
            |i: usize| has_figs(g, i) && s.parent[i].is_none() && g.rows[i].role != Role::Section;
        if !fine(p) || !fine(q) {
            continue;
        }
        let lq = norm(&g.rows[q].label);
        if norm(&g.rows[p].label) != a
            || !lq.starts_with(&a)
            || lq == a
            || !lq[a.len()..].contains(b.as_str())
        {
            continue;
        }
        let what = format!("{} + {}", g.rows[p].label.trim(), g.rows[q].label.trim());
        let c = row_sum(g, r, &[(false, p), (false, q)], Kind::Sum, what);
        s.explained[r] = true;
        s.parent[p] = Some(r);
        s.parent[q] = Some(r);
        push(s, c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_label_names_what_it_includes() {
        assert_eq!(
            inclusive("Hensættelse til vej inkl. renter"),
            Some(("hensættelse til vej".into(), "renter".into()))
        );
        assert_eq!(
            inclusive("Løn  inklusive pension"),
            Some(("løn".into(), "pension".into()))
        );
        assert_eq!(inclusive("Pris inkl. 25 %"), None);
        assert_eq!(inclusive("I alt"), None);
    }
}
