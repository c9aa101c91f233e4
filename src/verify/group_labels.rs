//! A row named after the group the rows under it belong to: `Regioner` over
//! `1084 Region Hovedstaden`, `1085 Region Sjælland` …; `Kommuner` over
//! `Albertslund Kommune`, `Allerød Kommune` …; `Skole` over `Hadsten Skole`,
//! `Ulstrup Skole`. Its label names its parts as plainly as `I alt` does,
//! so it is a total by its label, placed first (issue 9: totals without a
//! total word). Only a one-word label whose word (or its singular) is a
//! whole word of every row of the run under it, at least two rows, counts.

use super::grid::{GRow, Role};
use crate::document::trim_text;

/// The longest run of rows looked at under a group's row.
const RUN: usize = 60;

/// The forms a one-word group label takes in its parts' labels: itself and
/// its singular (`regioner` -> `region`, `kommuner` -> `kommune`, `skoler`
/// -> `skole`).
fn forms(word: &str) -> Vec<&str> {
    let mut out = vec![word];
    for end in ["er", "r", "e"] {
        if let Some(stem) = word.strip_suffix(end) {
            if stem.chars().count() >= 4 {
                out.push(stem);
            }
        }
    }
    out
}

fn words(label: &str) -> impl Iterator<Item = String> + '_ {
    label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The group word of a label: one word of letters, four or more.
fn group_word(label: &str) -> Option<String> {
    let l = trim_text(trim_text(label).trim_end_matches(':'));
    // Letters first: most labels stop at their first space or digit.
    (l.chars().all(char::is_alphabetic) && l.chars().count() >= 4).then(|| l.to_lowercase())
}

/// Whether a label has a group word ([`group_word`]), asked once per row
/// when the grid is read (`LabelCues::group`): most labels are more than
/// one word.
pub(super) fn may_name_group(label: &str) -> bool {
    group_word(label).is_some()
}

/// Marks as a total every row with figures whose one-word label names the
/// group of the rows with figures under it.
pub(super) fn mark(rows: &mut [GRow]) {
    for i in 0..rows.len() {
        if rows[i].role != Role::Item || !rows[i].has_figures() || !rows[i].cues.group {
            continue;
        }
        let Some(word) = group_word(&rows[i].label) else {
            continue;
        };
        let run: Vec<&GRow> = rows[i + 1..]
            .iter()
            .take(RUN)
            .take_while(|r| r.role == Role::Item && r.has_figures())
            .collect();
        if run.len() < 2 {
            continue;
        }
        let named = forms(&word).into_iter().any(|form| {
            run.iter()
                .all(|r| words(&r.label).any(|w| w == form) && r.label.to_lowercase() != word)
        });
        if named {
            rows[i].role = Role::Total { strong: true };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singular_forms() {
        assert_eq!(forms("regioner"), ["regioner", "region", "regione"]);
        assert_eq!(forms("kommuner"), ["kommuner", "kommun", "kommune"]);
        assert_eq!(forms("skole"), ["skole", "skol"]);
        assert_eq!(forms("alle"), ["alle"]);
    }

    #[test]
    fn a_group_word_is_one_word_of_letters() {
        assert_eq!(group_word("Regioner"), Some("regioner".into()));
        assert_eq!(group_word("Skoler:"), Some("skoler".into()));
        assert_eq!(group_word("Region Hovedstaden"), None);
        assert_eq!(group_word("Løn"), None);
    }
}
