//! Columns that name their formula in a row of column letters, as municipal
//! accounts print them under the headers: `A | B | C | D=(A+B+C) | E |
//! F=(D-E) | G` (Herning, regnskab 2025: korrigeret budget = vedtaget +
//! tillæg + genbevillinger, afvigelse = korrigeret budget - resultat). The
//! letters establish the relation as plainly as a label does, so each
//! formula column is judged in every row under the letters, one row or many,
//! and a row where it fails is an error in that row.

use super::establish::{col_relation, pick_named, Candidate, Expr, Kind};
use super::grid::Grid;

/// One cell of a letter row: a column's letter and, for a computed column,
/// its terms, each (negative, letter).
pub type Letter = (char, Vec<(bool, char)>);

/// A table's letter row ([`letter_row`]): where it stands and each column's
/// cell of it.
pub type LetterRow = (usize, Vec<Option<Letter>>);

/// `F=(D-E)` -> `F`, [(+, D), (-, E)]; `A` -> `A`, [].
fn letter_cell(text: &str) -> Option<Letter> {
    // Only capitals, signs and brackets can make one: most cells are words
    // and are let go before anything is copied.
    let signs = |c: char| matches!(c, '=' | '(' | ')' | '+' | '-' | '\u{2212}' | '–');
    if !text
        .chars()
        .all(|c| c.is_whitespace() || c.is_ascii_uppercase() || signs(c))
    {
        return None;
    }
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut chars = t.chars();
    let id = chars.next().filter(char::is_ascii_uppercase)?;
    let rest: String = chars.collect();
    if rest.is_empty() {
        return Some((id, Vec::new()));
    }
    let body = rest.strip_prefix('=')?;
    let body = body
        .strip_prefix('(')
        .and_then(|b| b.strip_suffix(')'))
        .unwrap_or(body);
    let mut terms = Vec::new();
    let mut negative = false;
    let mut want_term = true;
    for ch in body.chars() {
        match ch {
            'A'..='Z' if want_term => {
                terms.push((negative, ch));
                want_term = false;
            }
            '+' if !want_term => {
                negative = false;
                want_term = true;
            }
            '-' | '\u{2212}' | '–' if !want_term => {
                negative = true;
                want_term = true;
            }
            _ => return None,
        }
    }
    (!want_term && terms.len() >= 2).then_some((id, terms))
}

/// The row of column letters (no figures, a letter or a formula of letters
/// in at least three cells, every letter once) and each column's cell.
pub fn letter_row(g: &Grid) -> Option<LetterRow> {
    g.rows.iter().enumerate().find_map(|(r, row)| {
        if row.has_figures() {
            return None;
        }
        // At least three cells of capitals: looked at before anything is
        // built (most rows without figures are section labels).
        let capitals = |t: &&str| t.trim_start().starts_with(|c: char| c.is_ascii_uppercase());
        row.texts().filter(capitals).nth(2)?;
        let cells: Vec<Option<Letter>> = (0..g.cols.len())
            .map(|c| row.text(c).and_then(letter_cell))
            .collect();
        let ids: Vec<char> = cells.iter().flatten().map(|(id, _)| *id).collect();
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        let formulas = cells
            .iter()
            .flatten()
            .filter(|(_, t)| !t.is_empty())
            .count();
        (ids.len() >= 3 && unique.len() == ids.len() && formulas >= 1).then_some((r, cells))
    })
}

/// The relation a formula column's letters name, judged in every row under
/// the letter row (`letters`, the table's [`letter_row`], looked for once
/// for all its columns); `None` when column `c` has no formula there.
pub fn claim(g: &Grid, c: usize, letters: Option<&LetterRow>) -> Option<Result<Candidate, String>> {
    let (letters_at, cells) = letters?;
    let letters_at = *letters_at;
    let (_, terms) = cells.get(c)?.as_ref()?;
    if terms.is_empty() {
        return None;
    }
    let column_of = |id: char| {
        cells
            .iter()
            .position(|cell| cell.as_ref().is_some_and(|(i, _)| *i == id))
    };
    let mut cols = Vec::new();
    for &(negative, id) in terms {
        match column_of(id) {
            Some(k) if k != c => cols.push((negative, k)),
            _ => {
                return Some(Err(format!(
                    "the formula names column {id}, which the letter row does not have"
                )))
            }
        }
    }
    let what: String = cells
        .get(c)
        .and_then(|cell| cell.as_ref())
        .map(|(id, t)| {
            let mut s = format!("{id}=");
            for (i, (neg, l)) in t.iter().enumerate() {
                if i > 0 || *neg {
                    s.push(if *neg { '-' } else { '+' });
                }
                s.push(*l);
            }
            s
        })
        .unwrap_or_default();
    let kind = if cols.iter().any(|&(n, _)| n) {
        Kind::Difference
    } else {
        Kind::Cross
    };
    let cand = col_relation(g, c, kind, &what, &|r| {
        (r > letters_at).then(|| Expr::Linear {
            terms: cols.iter().map(|&(n, k)| (n, (r, k))).collect(),
            result: (r, c),
            shares: false,
        })
    });
    if cand.instances.is_empty() {
        return None;
    }
    Some(pick_named(g, vec![cand]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_formulas() {
        assert_eq!(letter_cell("A"), Some(('A', vec![])));
        assert_eq!(
            letter_cell("D=(A+B+C)"),
            Some(('D', vec![(false, 'A'), (false, 'B'), (false, 'C')]))
        );
        assert_eq!(
            letter_cell("F = (D - E)"),
            Some(('F', vec![(false, 'D'), (true, 'E')]))
        );
        assert_eq!(letter_cell("Afvigelse"), None);
        assert_eq!(letter_cell("D=(A+)"), None);
        assert_eq!(letter_cell("D=A"), None);
        assert_eq!(letter_cell("2025"), None);
    }
}
