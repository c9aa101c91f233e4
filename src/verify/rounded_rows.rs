//! Rows whose label says they are another row rounded: `Kommuneskatteprocent,
//! afrundet` under `Kommuneskatteprocent` (Skatteministeriet prints the
//! three-decimal rates and then the same rates to one decimal). The row is
//! the named row's figure, column by column, within the rounding of what it
//! prints. Total rows (`I alt afrundet`) are left to the total readings:
//! they are the sum of the rounded rows above them as well.
//!
//! Established as [`super::label_rates`] establishes a percentage pair: the
//! labels name both rows; over every such pair of the table it must hold
//! somewhere and fail in no more places than it holds, and then a failing
//! place is an error; otherwise the rows are said, not judged.
//!
//! Cheap: one byte search per label for `afrundet`.

use super::engine::{has_figs, push, said_not_understood, Budget, State};
use super::establish::{tally, Candidate, Expr, Instance, Kind};
use super::figure::Cell;
use super::grid::{Grid, Role};

/// `Kommuneskatteprocent, afrundet` -> `kommuneskatteprocent`;
/// `Tilskud (afrundet)` -> `tilskud`.
fn rounded_of(label: &str) -> Option<String> {
    if !says_rounded(label) {
        return None;
    }
    let l = label.trim().to_lowercase();
    let head = l
        .strip_suffix("(afrundet)")
        .or_else(|| l.strip_suffix("afrundet"))?
        .trim_end()
        .trim_end_matches(',')
        .trim_end();
    (!head.is_empty()).then(|| head.to_string())
}

/// Whether `afrundet` stands in the label: its bytes compared eight at a
/// time (a label is short, and `str::contains` cost more to set up its
/// search than this whole look).
fn says_rounded(label: &str) -> bool {
    label.as_bytes().windows(8).any(|w| w == b"afrundet")
}

/// The row above `r` that `head` names: the nearest whose label is `head`,
/// else the one row whose label is `head` and a qualifier after a comma or
/// in brackets (`Kirkeskatteprocent, (gns. for alle skatteydere)`).
fn base_of(g: &Grid, r: usize, head: &str) -> Option<usize> {
    let above = || (0..r).rev().filter(|&b| has_figs(g, b));
    let label = |b: usize| g.rows[b].label.trim().to_lowercase();
    if let Some(b) = above().find(|&b| label(b) == head) {
        return Some(b);
    }
    let qualified: Vec<usize> = above()
        .filter(|&b| {
            label(b)
                .strip_prefix(head)
                .is_some_and(|rest| rest.starts_with(',') || rest.starts_with(" ("))
        })
        .collect();
    match qualified.as_slice() {
        [b] => Some(*b),
        _ => None,
    }
}

fn fig(g: &Grid, r: usize, c: usize) -> bool {
    matches!(
        g.rows.get(r).and_then(|x| x.cells.get(c)),
        Some(Cell::Fig(_))
    )
}

pub(super) fn find(g: &Grid, s: &mut State) {
    let mut instances = Vec::new();
    let mut results = Vec::new();
    // Each row looks at the rows above it for the one it names, twice
    // (40 000 rows, every other a rounded row naming none, took 14 s); past
    // the budget each left is said.
    let mut budget = Budget::rows();
    for r in 0..g.rows.len() {
        let Some(head) = rounded_of(&g.rows[r].label) else {
            continue;
        };
        if s.explained[r]
            || !has_figs(g, r)
            || matches!(g.rows[r].role, Role::Section | Role::HerafMarker)
            || g.rows[r].total_word.is_some()
        {
            continue;
        }
        if budget.spend(r.saturating_mul(2)) {
            let why = Budget::too_long(g, "rounded rows");
            said_not_understood(
                g,
                s,
                r,
                Kind::Formula,
                "a rounded row named by the label",
                &why,
            );
            continue;
        }
        let Some(base) = base_of(g, r, &head) else {
            continue;
        };
        let here: Vec<Instance> = (0..g.cols.len())
            .filter(|&c| fig(g, r, c) && fig(g, base, c))
            .filter(|&c| {
                !matches!(
                    g.cols[c].kind,
                    super::grid::ColKind::Change { .. } | super::grid::ColKind::PctChange { .. }
                )
            })
            .map(|c| Instance {
                kind: Kind::Formula,
                name: format!(
                    "{} [{}]: {} rounded",
                    g.rows[r].label, g.cols[c].header, g.rows[base].label
                )
                .into(),
                at: (r, c),
                what: Ok(Expr::Linear {
                    terms: vec![(false, (base, c))],
                    result: (r, c),
                    shares: false,
                }),
            })
            .collect();
        if !here.is_empty() {
            results.push(r);
            instances.extend(here);
        }
    }
    if results.is_empty() {
        return;
    }
    let cand = Candidate {
        instances,
        what: "each row rounded from the row it names".to_string(),
        prefer: false,
    };
    let (holds, fails, _) = tally(g, &cand);
    if holds >= 1 && fails <= holds {
        push(s, cand);
        return;
    }
    for r in results {
        s.out.push(Instance {
            kind: Kind::Formula,
            name: format!("{}: a rounded row named by the label", g.rows[r].label).into(),
            at: (r, 0),
            what: Err(format!(
                "not understood: the label names a row it rounds, and over the table's such \
                 rows it holds in {holds} place(s) and fails in {fails}"
            )),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_that_name_the_row_they_round() {
        assert_eq!(
            rounded_of("Kommuneskatteprocent, afrundet").as_deref(),
            Some("kommuneskatteprocent")
        );
        assert_eq!(rounded_of("Tilskud (afrundet)").as_deref(), Some("tilskud"));
        assert_eq!(rounded_of("Afrundet"), None);
        assert_eq!(rounded_of("Afrundet beløb"), None);
        assert_eq!(rounded_of("Kommuneskatteprocent"), None);
    }

    proptest::proptest! {
        /// The look eight bytes at a time finds `afrundet` where
        /// `str::contains` does.
        #[test]
        fn says_rounded_is_contains(label in "(afrundet|afrunde|frundet|a|t|æ|, | ){0,6}") {
            proptest::prop_assert_eq!(says_rounded(&label), label.contains("afrundet"));
        }
    }
}
