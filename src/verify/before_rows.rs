//! Result rows that name what comes after them. An operating statement
//! prints `Driftsoverskud før indirekte omkostninger`, then the rows
//! `Indirekte omkostninger`, then `Driftsoverskud før afskrivning og
//! forrentning mv.`: a result `før Y` is the result before the rows `Y`
//! that follow it, so the next result row is it less them. The label names
//! the rows between, word for word (`før finansielle poster` does not name
//! `Finansielle indtægter`: no reading), and every row between must be
//! named, printed empty or not (an empty `Afskrivning` is nothing).
//!
//! The first result row of such a statement, under rows that are all
//! income (`Indtægter`) or costs (`Direkte omkostninger`) by their labels,
//! back to the statement's heading, is the income less the costs.
//!
//! Costs are printed without sign here (`2.130` under `Indtægter 2.970`),
//! often in a column of their own (`Delbeløb`) beside the results
//! (`Beløb`): where every row of a relation has one figure, the relation
//! takes each row's one figure wherever it stands. Which sign the rows
//! between take is the figures' choice (taken away or added, as
//! `named_operands::choose`): holding nowhere, they are taken away only
//! where every figure is printed without a minus (costs as positive
//! amounts), and otherwise the row is reported not understood.
//!
//! A statement may also print its operators (`+ Årets overskud før
//! forrentning`): a row, rows led by `+ ` or `÷ `, and the row after them
//! is their sum, written out down the rows (`written_sums`).

use super::engine::{has_figs, State};
use super::establish::{Candidate, Expr, Instance, Kind};
use super::figure::Cell;
use super::grid::{Grid, Role};

/// The rows a result label names after `før`: `Driftsoverskud før
/// afskrivning og forrentning mv.` -> [`afskrivning`, `forrentning`];
/// `Resultat før indirekte omkostninger (fordelte fællesomkostninger)` ->
/// [`indirekte omkostninger`]. Each item is one to four words of letters.
pub(super) fn before_items(label: &str) -> Option<Vec<String>> {
    let l = label.trim().to_lowercase();
    let (_, rest) = l.split_once(" før ")?;
    // What a bracket adds is an explanation, not another item.
    let rest = rest.split(['(', '[']).next().unwrap_or("").trim();
    let mut rest = rest.trim_end_matches([':', ' ']);
    for etc in [" mv.", " m.v.", " mm.", " m.m.", " etc.", " mv", " mm"] {
        if let Some(r) = rest.strip_suffix(etc) {
            rest = r;
            break;
        }
    }
    let mut items = Vec::new();
    for part in rest.split(',') {
        for item in part.split(" og ") {
            let item = item.trim();
            let words = item.split_whitespace().count();
            if words == 0
                || words > 4
                || !item
                    .chars()
                    .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
            {
                return None;
            }
            items.push(item.to_string());
        }
    }
    (!items.is_empty()).then_some(items)
}

/// Whether two words are one word inflected: equal, or the shorter (five
/// letters or more) begins the longer (`afskrivning`, `afskrivninger`).
fn same_word(a: &str, b: &str) -> bool {
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    a == b || (short.chars().count() >= 5 && long.starts_with(short))
}

/// The words of a row's label, lowercased, without a leading dash or
/// operator and a trailing colon or footnote.
fn label_words(label: &str) -> Vec<String> {
    let l = label
        .trim()
        .trim_start_matches(['-', '–', '+', '•', ' ', '\u{2212}'])
        .to_lowercase();
    l.split(['(', '['])
        .next()
        .unwrap_or("")
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphabetic() && c != '-')
                .to_string()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether a row's label is the item a `før` names: the item's words
/// begin the label, each one inflected at most (`Afskrivninger på
/// bygninger` for `afskrivning`; `Finansielle indtægter` is not
/// `finansielle poster`).
pub(super) fn names_item(label: &str, item: &str) -> bool {
    let words = label_words(label);
    let want: Vec<&str> = item.split_whitespace().collect();
    !want.is_empty()
        && want.len() <= words.len()
        && want.iter().zip(&words).all(|(w, v)| same_word(w, v))
}

fn last_word(label: &str) -> String {
    label_words(label).last().cloned().unwrap_or_default()
}

/// Income by its label: the last word ends in `indtægter`/`indtægt`.
pub(super) fn income(label: &str) -> bool {
    let w = last_word(label);
    w.ends_with("indtægter") || w.ends_with("indtægt")
}

/// Costs by their label: the last word ends in `omkostninger`/`udgifter`.
pub(super) fn costs(label: &str) -> bool {
    let w = last_word(label);
    w.ends_with("omkostninger") || w.ends_with("udgifter")
}

fn figure_cols(g: &Grid, r: usize) -> Vec<usize> {
    g.rows[r]
        .cells
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c, Cell::Fig(_)))
        .map(|(i, _)| i)
        .collect()
}

/// The places of `result = Σ ± operands`: per column where every operand
/// with figures has them in the result's columns; else, where the result
/// and every operand have one figure each (a `Delbeløb` column beside the
/// `Beløb` column), those figures. `None` where the rows are laid out
/// otherwise.
fn places(g: &Grid, result: usize, operands: &[(bool, usize)]) -> Option<Vec<Expr>> {
    let cols = figure_cols(g, result);
    if cols.is_empty() {
        return None;
    }
    let within = operands
        .iter()
        .all(|&(_, r)| figure_cols(g, r).iter().all(|c| cols.contains(c)));
    if within {
        return Some(
            cols.iter()
                .map(|&c| Expr::Linear {
                    terms: operands.iter().map(|&(n, r)| (n, (r, c))).collect(),
                    result: (result, c),
                    shares: false,
                })
                .collect(),
        );
    }
    let [c] = cols[..] else {
        return None;
    };
    let mut terms = Vec::new();
    for &(n, r) in operands {
        match figure_cols(g, r)[..] {
            [] => terms.push((n, (r, c))),
            [k] => terms.push((n, (r, k))),
            _ => return None,
        }
    }
    Some(vec![Expr::Linear {
        terms,
        result: (result, c),
        shares: false,
    }])
}

fn candidate(g: &Grid, result: usize, operands: &[(bool, usize)], what: &str) -> Option<Candidate> {
    let exprs = places(g, result, operands)?;
    Some(Candidate {
        instances: exprs
            .into_iter()
            .map(|e| {
                let c = e.result().1;
                Instance {
                    kind: Kind::Difference,
                    name: format!("{} [{}]: {what}", g.rows[result].label, g.cols[c].header).into(),
                    at: (result, c),
                    what: Ok(e),
                }
            })
            .collect(),
        what: what.to_string(),
        prefer: false,
    })
}

/// Every figure of these rows printed without a minus.
fn unsigned(g: &Grid, rows: &[usize]) -> bool {
    rows.iter().all(|&r| {
        g.rows[r].cells.iter().all(|c| match c {
            Cell::Fig(f) => !f.value.is_sign_negative(),
            _ => true,
        })
    })
}

/// Judges `result` as `first` less (or plus, as the figures choose) the
/// rows `rest`; see the module's words. Holding nowhere, the rows are taken
/// away where they are printed without a minus (and, with `income`, the
/// rows `first` too: income printed negative is another convention).
fn judge_less(
    g: &Grid,
    s: &mut State,
    result: usize,
    (first, rest): (&[usize], &[usize]),
    income: bool,
) {
    let label = |i: usize| g.rows[i].label.as_str();
    let terms = |negative: bool| {
        first
            .iter()
            .map(|&i| (false, i))
            .chain(rest.iter().map(|&i| (negative, i)))
            .collect::<Vec<_>>()
    };
    let firsts = first
        .iter()
        .map(|&i| label(i))
        .collect::<Vec<_>>()
        .join(" + ");
    let names = |op: &str| {
        rest.iter()
            .map(|&i| format!("{op} {}", label(i)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (Some(minus), Some(plus)) = (
        candidate(g, result, &terms(true), &format!("{firsts} {}", names("-"))),
        candidate(
            g,
            result,
            &terms(false),
            &format!("{firsts} {}", names("+")),
        ),
    ) else {
        return;
    };
    let all: Vec<usize> = first.iter().chain(rest).copied().collect();
    s.explained[result] = true;
    // Rows between printed empty are nothing either way round.
    if rest.iter().all(|&i| !has_figs(g, i)) {
        super::named_operands::settle(g, s, result, Ok(minus), &all);
        return;
    }
    let by_default = unsigned(g, rest) && (!income || unsigned(g, first));
    let chosen = super::named_operands::choose(g, minus, plus, by_default).ok_or_else(|| {
        format!(
            "not understood: {} less or plus {} holds in no column, or each in some",
            firsts,
            rest.iter()
                .map(|&i| format!("{:?}", label(i)))
                .collect::<Vec<_>>()
                .join(", ")
        )
    });
    super::named_operands::settle(g, s, result, chosen, &all);
}

/// The rows after `p` its `før` names, and the result row they end at.
fn chain_after(g: &Grid, s: &State, p: usize, items: &[String]) -> Option<(Vec<usize>, usize)> {
    let mut between = Vec::new();
    let mut r = p + 1;
    while r < g.rows.len()
        && s.parent[r].is_none()
        && !matches!(g.rows[r].role, Role::Difference)
        && items.iter().any(|it| names_item(&g.rows[r].label, it))
    {
        between.push(r);
        r += 1;
    }
    let ends = r < g.rows.len()
        && g.rows[r].role == Role::Difference
        && has_figs(g, r)
        && s.parent[r].is_none();
    (ends && !between.is_empty()).then_some((between, r))
}

/// The statement's rows above its first result row `p`, back to its
/// heading: all income or costs by their labels, at least one of each.
fn income_and_costs(g: &Grid, s: &State, p: usize) -> Option<(Vec<usize>, Vec<usize>)> {
    let mut inc = Vec::new();
    let mut cost = Vec::new();
    for i in (0..p).rev() {
        let row = &g.rows[i];
        if row.role == Role::Section {
            break;
        }
        if !has_figs(g, i) || s.parent[i].is_some() {
            return None;
        }
        if income(&row.label) {
            inc.push(i);
        } else if costs(&row.label) && !matches!(row.role, Role::Total { .. }) {
            cost.push(i);
        } else {
            return None;
        }
    }
    inc.reverse();
    cost.reverse();
    (!inc.is_empty() && !cost.is_empty()).then_some((inc, cost))
}

/// Judges the result rows a `før` label establishes (see the module's
/// words).
pub(super) fn find(g: &Grid, s: &mut State) {
    let n = g.rows.len();
    let mut first_of_statement = true;
    for p in 0..n {
        if g.rows[p].role == Role::Section {
            first_of_statement = true;
            continue;
        }
        if g.rows[p].role != Role::Difference || !has_figs(g, p) || s.parent[p].is_some() {
            continue;
        }
        let first = std::mem::replace(&mut first_of_statement, false);
        let Some(items) = before_items(&g.rows[p].label) else {
            continue;
        };
        let Some((between, r)) = chain_after(g, s, p, &items) else {
            continue;
        };
        if first && !s.explained[p] {
            if let Some((inc, cost)) = income_and_costs(g, s, p) {
                judge_less(g, s, p, (&inc, &cost), true);
            }
        }
        if !s.explained[r] {
            judge_less(g, s, r, (&[p], &between), false);
        }
    }
    written_sums(g, s);
}

/// Whether a label starts with an operator, known or not ([`operator`]),
/// asked once per row when the grid is read (`LabelCues::operator`).
pub(super) fn has_operator(label: &str) -> bool {
    operator(label) != Ok(None)
}

/// The operator a statement prints before a row's label: `+ Årets
/// overskud` -> Some(false), `÷ Afskrivninger` -> Some(true); `None` for
/// a label without one. `Err` for an operator this reader does not know
/// (`+/- Evt. korrektioner`, `+/, …`: either sign).
fn operator(label: &str) -> Result<Option<bool>, ()> {
    let t = crate::document::trim_start_text(label);
    if let Some(rest) = t.strip_prefix("+ ") {
        return if rest.trim().is_empty() {
            Err(())
        } else {
            Ok(Some(false))
        };
    }
    if let Some(rest) = t.strip_prefix("÷ ") {
        return if rest.trim().is_empty() {
            Err(())
        } else {
            Ok(Some(true))
        };
    }
    // `, Evt. overskud overført …`: a minus lost in the text layer.
    if t.starts_with("+/")
        || t.starts_with("÷/")
        || t.starts_with("+-")
        || t.starts_with('±')
        || t.starts_with(", ")
    {
        return Err(());
    }
    Ok(None)
}

/// A row with a figure below nought.
fn signed_figure(g: &Grid, r: usize) -> bool {
    g.rows[r]
        .cells
        .iter()
        .any(|c| matches!(c, Cell::Fig(f) if f.value.is_sign_negative() && !f.value.is_zero()))
}

/// A row with no figure, every cell printed empty.
fn printed_nothing(g: &Grid, r: usize) -> bool {
    g.rows[r].cells.iter().all(|c| matches!(c, Cell::Empty))
}

/// A sum written out down the rows, as a statement prints it: a heading,
/// a row, rows led by `+ ` (or `÷ `, taken away), and the row after them
/// (no operator) is their result (`Virksomhedens driftssituation` = 134 +
/// 369 + 403). The operators the labels print establish it; judged in
/// every column the rows share. A row printed empty among them is nothing
/// whatever its operator (`+/, Evt. primokorrektioner`, one this reader
/// does not know).
pub(super) fn written_sums(g: &Grid, s: &mut State) {
    // A sum needs a row with an operator after its first: most tables
    // have none (`LabelCues::operator`).
    if !g.rows.iter().any(|r| r.cues.operator) {
        return;
    }
    let n = g.rows.len();
    let mut r = 0;
    while r < n {
        // A block starts under a heading (or at the table's top).
        if r > 0 && g.rows[r - 1].role != Role::Section {
            r += 1;
            continue;
        }
        let start = r;
        if operator(&g.rows[start].label) != Ok(None) || !has_figs(g, start) {
            r += 1;
            continue;
        }
        let mut terms = vec![(false, start)];
        let mut i = start + 1;
        let mut known = true;
        while i < n {
            match operator(&g.rows[i].label) {
                // `÷ Af- og nedskrivninger  ÷ 19,41`: the label's sign and
                // the figure's both say minus; whether it is taken away
                // once or twice, the row does not say.
                Ok(Some(true)) if has_figs(g, i) && signed_figure(g, i) => {
                    known = false;
                    break;
                }
                Ok(Some(neg)) if has_figs(g, i) => terms.push((neg, i)),
                // Printed empty, a row is nothing whatever its sign.
                Ok(Some(_)) | Err(()) if printed_nothing(g, i) => {}
                Ok(Some(_)) | Err(()) => {
                    known = false;
                    break;
                }
                Ok(None) => break,
            }
            i += 1;
        }
        r = i.max(start + 1);
        let all_plain = terms.iter().all(|&(_, t)| s.parent[t].is_none());
        if !known || terms.len() < 2 || i >= n || !all_plain {
            continue;
        }
        let result = i;
        if !has_figs(g, result)
            || s.explained[result]
            || s.parent[result].is_some()
            || g.rows[result].role == Role::Section
        {
            continue;
        }
        let what = terms
            .iter()
            .enumerate()
            .map(|(k, &(neg, t))| {
                let op = match (k, neg) {
                    (0, _) => "",
                    (_, true) => "- ",
                    (_, false) => "+ ",
                };
                format!(
                    "{op}{}",
                    g.rows[t].label.trim_start_matches(['+', '÷', ' '])
                )
            })
            .collect::<Vec<_>>()
            .join(" ");
        let Some(mut cand) = candidate(
            g,
            result,
            &terms,
            &format!("the rows' own operators: {what}"),
        ) else {
            continue;
        };
        for inst in &mut cand.instances {
            inst.kind = Kind::Sum;
        }
        let operands: Vec<usize> = terms.iter().map(|&(_, t)| t).collect();
        s.explained[result] = true;
        super::named_operands::settle(g, s, result, Ok(cand), &operands);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_label_names_the_rows_after_it() {
        assert_eq!(
            before_items("Driftsoverskud før afskrivning og forrentning mv."),
            Some(vec!["afskrivning".into(), "forrentning".into()])
        );
        assert_eq!(
            before_items("Driftsoverskud før indirekte omkostninger (fordelte fællesomkostninger)"),
            Some(vec!["indirekte omkostninger".into()])
        );
        assert_eq!(
            before_items("Resultat før renter, skat og afskrivninger"),
            Some(vec!["renter".into(), "skat".into(), "afskrivninger".into()])
        );
        assert_eq!(before_items("Årets overskud"), None);
        assert_eq!(before_items("Resultat før 2020"), None);
    }

    #[test]
    fn a_row_is_named_word_for_word() {
        assert!(names_item(
            "Indirekte omkostninger",
            "indirekte omkostninger"
        ));
        assert!(names_item("Afskrivninger på bygninger", "afskrivning"));
        assert!(names_item("- Forrentning", "forrentning"));
        assert!(!names_item("Finansielle indtægter", "finansielle poster"));
        assert!(!names_item("Omkostninger", "indirekte omkostninger"));
        assert!(!names_item("Skatter", "skat"));
        assert!(income("Indtægter"));
        assert!(income("Andre driftsindtægter"));
        assert!(costs("Direkte omkostninger"));
        assert!(!costs("Afskrivning"));
    }

    #[test]
    fn a_statement_prints_its_operators() {
        assert_eq!(operator("+ Årets overskud"), Ok(Some(false)));
        assert_eq!(operator("÷ Afskrivninger"), Ok(Some(true)));
        assert_eq!(operator("Årets overskud"), Ok(None));
        assert_eq!(operator("+/, Evt. primokorrektioner"), Err(()));
        assert_eq!(operator("+/- Evt. korrektioner"), Err(()));
        assert_eq!(operator("+ "), Err(()));
    }
}
