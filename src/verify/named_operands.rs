//! Rows whose label names their two operands: `Afvigelse mellem bevilling
//! og regnskab`, `Forskel mellem budget og regnskab`. The label establishes
//! that the row is the difference of the two rows it names, so it is judged
//! wherever it stands, one column or many; which way round is the figures'
//! choice (some print budget − regnskab, some the reverse): the sign that
//! holds in some column and the other in none. Where each sign holds
//! somewhere, the table does not say which is meant: not understood. Where
//! neither holds anywhere, the row is judged in the order the label names
//! them (the first minus the second).

use super::engine::{has_figs, push, State};
use super::establish::{holds_fails, pick_named, row_sum, Instance, Kind};
use super::grid::{Grid, Role};

/// Words that make `… mellem A og B` a difference.
const DIFFERENCE_WORDS: [&str; 6] = [
    "afvigelse",
    "afvigelsen",
    "forskel",
    "forskellen",
    "difference",
    "differencen",
];

/// The two operands a label names: `afvigelse mellem bevilling og
/// regnskab` -> (`bevilling`, `regnskab`), lowercased.
pub(super) fn operands(label: &str) -> Option<(String, String)> {
    let l = label.trim().to_lowercase();
    let (head, rest) = l.split_once(" mellem ")?;
    let head_word = head.split_whitespace().last()?;
    if !DIFFERENCE_WORDS.contains(&head_word) {
        return None;
    }
    let (a, b) = rest.split_once(" og ")?;
    let clean = |t: &str| {
        t.trim()
            .trim_end_matches([':', '.', ','])
            .trim()
            .to_string()
    };
    let (a, b) = (clean(a), clean(b));
    let plain = |t: &str| !t.is_empty() && t.split_whitespace().count() <= 4;
    (plain(&a) && plain(&b) && a != b).then_some((a, b))
}

/// Whether a row's label is the one an operand names: the whole label, or
/// the label's start up to a bracket or a figure (`Bevilling (B+TB)` for
/// `bevilling`), or its definite form (`bevillingen`).
fn names(label: &str, operand: &str) -> bool {
    let l = label.trim().to_lowercase();
    let stem = l
        .split(['(', '[', ':'])
        .next()
        .unwrap_or("")
        .trim()
        .to_string();
    [stem.as_str(), l.as_str()].iter().any(|l| {
        !l.is_empty()
            && (operand == *l
                || operand
                    .strip_prefix(*l)
                    .is_some_and(|rest| matches!(rest, "en" | "et" | "e" | "n")))
    })
}

/// The one row above `r` with figures whose label `operand` names.
fn row_named(g: &Grid, r: usize, operand: &str) -> Option<usize> {
    let mut found = (0..r).filter(|&i| {
        has_figs(g, i)
            && !matches!(g.rows[i].role, Role::Section)
            && names(&g.rows[i].label, operand)
    });
    let one = found.next()?;
    found.next().is_none().then_some(one)
}

/// Judges every row whose label names the two rows it is the difference of.
pub(super) fn find(g: &Grid, s: &mut State) {
    for r in 0..g.rows.len() {
        if s.explained[r] || s.parent[r].is_some() || !has_figs(g, r) {
            continue;
        }
        let Some((a, b)) = operands(&g.rows[r].label) else {
            continue;
        };
        let (Some(x), Some(y)) = (row_named(g, r, &a), row_named(g, r, &b)) else {
            continue;
        };
        let label = |i: usize| g.rows[i].label.as_str();
        let forward = row_sum(
            g,
            r,
            &[(false, x), (true, y)],
            Kind::Difference,
            &format!("{} - {}", label(x), label(y)),
        );
        let backward = row_sum(
            g,
            r,
            &[(false, y), (true, x)],
            Kind::Difference,
            &format!("{} - {}", label(y), label(x)),
        );
        let (fh, _) = holds_fails(g, &forward);
        let (bh, _) = holds_fails(g, &backward);
        s.explained[r] = true;
        let chosen = match (fh > 0, bh > 0) {
            (true, true) => {
                s.out.push(Instance {
                    kind: Kind::Difference,
                    name: format!("{}: difference", label(r)),
                    at: (r, 0),
                    what: Err(format!(
                        "not understood: the label names {:?} and {:?}, and the figures hold \
                         for {} - {} in some columns and for the reverse in others",
                        label(x),
                        label(y),
                        label(x),
                        label(y)
                    )),
                });
                continue;
            }
            (false, true) => backward,
            _ => forward,
        };
        if let Ok(c) = pick_named(g, vec![chosen]) {
            for i in [x, y] {
                s.operand_of[i].push(r);
            }
            push(s, c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_label_names_two_operands() {
        assert_eq!(
            operands("Afvigelse mellem bevilling og regnskab"),
            Some(("bevilling".into(), "regnskab".into()))
        );
        assert_eq!(
            operands("Forskellen mellem budget og forventet regnskab:"),
            Some(("budget".into(), "forventet regnskab".into()))
        );
        // No difference word before `mellem`, or no second operand.
        assert_eq!(operands("Fordeling mellem stat og kommune"), None);
        assert_eq!(operands("Afvigelse mellem årene"), None);
        assert_eq!(operands("Afvigelse mellem regnskab og regnskab"), None);
    }

    #[test]
    fn an_operand_names_a_row_by_its_label() {
        assert!(names("Bevilling (B+TB)", "bevilling"));
        assert!(names("Regnskab", "regnskab"));
        assert!(names("Bevilling", "bevillingen"));
        assert!(!names("Regnskab 2025", "regnskab"));
        assert!(!names("Bevillingsafregning", "bevilling"));
    }
}
