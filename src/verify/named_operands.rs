//! Rows whose label names their two operands: `Afvigelse mellem bevilling
//! og regnskab`, `Forskel mellem budget og regnskab`; and a coordinated
//! compound, `Drifts- og anlægsudgifter` = `Driftsudgifter` +
//! `Anlægsudgifter`, the sum of the two rows it names. The label establishes
//! that the row is the difference of the two rows it names, so it is judged
//! wherever it stands, one column or many; which way round is the figures'
//! choice (some print budget − regnskab, some the reverse): the sign that
//! holds in some column and the other in none. Where each sign holds
//! somewhere, the table does not say which is meant: not understood. Where
//! neither holds anywhere, the row is judged in the order the label names
//! them (the first minus the second).
//!
//! A total that names what it leaves out, `I alt, ekskl. folkepension og
//! øvrige pensioner`, is the sum of the rows of the total it names (`I alt`)
//! other than the rows it lists: judged in every column, and only where the
//! named total's rows are established and every item names one of them.
//!
//! Result rows of an operating statement, by their place: a result row
//! (`Resultat før afskrivninger`) directly under the expense total, in a
//! table whose only other top-level total above is the income total, is
//! income − expenses; a result row under `Resultat før afskrivninger` (or
//! `nedskrivninger`) with only such rows between (`Afskrivninger på …`) is
//! that result less them.

use super::engine::{has_figs, push, said_not_understood, Budget, State};
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

/// The longest second word of a compound label read (`anlægsudgifter`: 14
/// letters).
const MAX_COMPOUND_CHARS: usize = 60;

/// Whether a label names its operands, as a difference ([`operands`]) or a
/// compound ([`compound`]); asked once per row when the grid is read
/// (`LabelCues::operands`): most labels name none.
pub(super) fn names_operands(label: &str) -> bool {
    operands(label).is_some() || !compound(label).is_empty()
}

/// The two rows a coordinated compound names: `Drifts- og anlægsudgifter`
/// -> (`driftsudgifter`, `anlægsudgifter`), one reading per place the
/// shared end may start (`udgifter`, `gifter`, …; at least four letters).
pub(super) fn compound(label: &str) -> Vec<(String, String)> {
    let l = label.trim().to_lowercase();
    let Some((first, second)) = l.split_once("- og ") else {
        return Vec::new();
    };
    // One reading for each place the shared ending may start, each a copy
    // of the word: a word of 40 000 letters took 2,6 GB. Danish compounds
    // are far shorter than the longest read here.
    if first.is_empty()
        || !first.chars().all(char::is_alphabetic)
        || second.is_empty()
        || !second.chars().all(char::is_alphabetic)
        || second.chars().nth(MAX_COMPOUND_CHARS).is_some()
    {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = second.char_indices().collect();
    chars
        .iter()
        .skip(1)
        .filter(|&&(i, _)| second[i..].chars().count() >= 4)
        .map(|&(i, _)| (format!("{first}{}", &second[i..]), second.to_string()))
        .collect()
}

/// Words that introduce what a total leaves out.
const EXCLUDING: [&str; 6] = [
    "ekskl.",
    "ekskl",
    "eksklusive",
    "excl.",
    "exkl.",
    "ekskluderet",
];

/// A total that names what it leaves out: `I alt, ekskl. SU, folkepension og
/// øvrige pensioner` -> (`i alt`, [`su`, `folkepension`, `øvrige
/// pensioner`]). The base must be a total by its label; the items are short
/// names (at most four words each), no figures.
pub(super) fn exclusion(label: &str) -> Option<(String, Vec<String>)> {
    // Most labels have none of the words: no lowercased copy for them.
    let cue = |w: &[u8]| {
        w.eq_ignore_ascii_case(b"ksk")
            || w.eq_ignore_ascii_case(b"xcl")
            || w.eq_ignore_ascii_case(b"xkl")
    };
    if !label.as_bytes().windows(3).any(cue) {
        return None;
    }
    let l = label.trim().to_lowercase();
    let (at, word) = EXCLUDING.iter().find_map(|w| {
        let mut from = 0;
        while let Some(i) = l[from..].find(w).map(|i| i + from) {
            let before_ok = l[..i].ends_with([' ', ',']);
            let after_ok = l[i + w.len()..].starts_with(' ');
            if before_ok && after_ok {
                return Some((i, *w));
            }
            from = i + w.len();
        }
        None
    })?;
    let base = l[..at].trim().trim_end_matches(',').trim();
    if super::grid::total_label(base) != Some(true) {
        return None;
    }
    let rest = l[at + word.len()..]
        .trim()
        .trim_end_matches(['.', ':'])
        .trim();
    let mut items = Vec::new();
    for part in rest.split(',') {
        for item in part.split(" og ") {
            let item = item.trim();
            if item.is_empty()
                || item.split_whitespace().count() > 4
                || item
                    .chars()
                    .any(|c| c.is_ascii_digit() || matches!(c, '(' | ')'))
            {
                return None;
            }
            items.push(item.to_string());
        }
    }
    (!items.is_empty()).then(|| (base.to_string(), items))
}

/// A label without a trailing footnote marker (`Folkepension 4)` ->
/// `folkepension`, `SU*` -> `su`), lowercased.
fn without_footnote(label: &str) -> String {
    let mut l = label.trim().to_lowercase();
    loop {
        let t = l.trim_end_matches('*').trim_end();
        let t = match t.strip_suffix(')') {
            Some(inner) => {
                let digits =
                    inner.len() - inner.trim_end_matches(|c: char| c.is_ascii_digit()).len();
                let head = &inner[..inner.len() - digits];
                if digits > 0 && digits <= 2 && head.ends_with(' ') {
                    head.trim_end()
                } else {
                    t
                }
            }
            None => t,
        };
        if t.len() == l.len() {
            return l;
        }
        l = t.to_string();
    }
}

/// Judges every total that names the rows it leaves out (`I alt, ekskl.
/// folkepension og øvrige pensioner`): the rows of the total it names,
/// without them. Not judged (left to the labelled-total net, which reports
/// it) where the named total's rows are not established or an item names
/// no row or several.
pub(super) fn exclusions(g: &Grid, s: &mut State) {
    // Each looks at the rows above it, twice (40 000 rows, every other `I
    // alt, ekskl. …`, took 11 s); past the budget each left is said.
    let mut budget = Budget::rows();
    for r in 0..g.rows.len() {
        if s.explained[r] || s.parent[r].is_some() || !has_figs(g, r) || !g.rows[r].cues.excluding {
            continue;
        }
        let Some((base, items)) = exclusion(&g.rows[r].label) else {
            continue;
        };
        if budget.spend(r.saturating_mul(2)) {
            let why = Budget::too_long(g, "totals naming what they leave out");
            said_not_understood(g, s, r, Kind::Formula, "total without what it names", &why);
            continue;
        }
        // The nearest total above named as the base.
        let Some(t) = (0..r)
            .rev()
            .find(|&i| has_figs(g, i) && without_footnote(&g.rows[i].label) == base)
        else {
            continue;
        };
        let block: Vec<usize> = (0..t).filter(|&p| s.total_of[p] == Some(t)).collect();
        if block.len() < 2 {
            continue;
        }
        let mut left_out = Vec::new();
        for item in &items {
            let mut named = block
                .iter()
                .copied()
                .filter(|&p| without_footnote(&g.rows[p].label) == *item);
            let (Some(one), None) = (named.next(), named.next()) else {
                left_out.clear();
                break;
            };
            left_out.push(one);
        }
        if left_out.len() != items.len() || left_out.len() >= block.len() {
            continue;
        }
        let parts: Vec<(bool, usize)> = block
            .iter()
            .filter(|p| !left_out.contains(p))
            .map(|&p| (false, p))
            .collect();
        let cand = row_sum(
            g,
            r,
            &parts,
            Kind::Formula,
            format!(
                "sum of the rows of {:?} without {}",
                g.rows[t].label,
                left_out
                    .iter()
                    .map(|&p| format!("{:?}", g.rows[p].label))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
        s.explained[r] = true;
        if let Ok(c) = pick_named(g, vec![cand]) {
            push(s, c);
        }
    }
}

/// The stem of a total's label (`Udgifter i alt` -> `udgifter`), lowercased.
fn stem(label: &str) -> String {
    let l = without_footnote(label);
    let l = l.trim_end_matches(':').trim();
    l.strip_suffix(" i alt")
        .or_else(|| l.strip_suffix(" ialt"))
        .unwrap_or(l)
        .trim()
        .to_string()
}

fn expense_total(g: &Grid, r: usize) -> bool {
    let st = stem(&g.rows[r].label);
    matches!(g.rows[r].role, Role::Total { .. })
        && (st.ends_with("udgifter") || st.ends_with("omkostninger"))
}

fn income_total(g: &Grid, r: usize) -> bool {
    matches!(g.rows[r].role, Role::Total { .. }) && stem(&g.rows[r].label).ends_with("indtægter")
}

/// Of two readings of a result row (the rows taken away, or added), the
/// one the figures choose: one holding somewhere and the other nowhere.
/// Where neither holds anywhere, the first when `first_by_default`; where
/// each holds somewhere, not understood (`None`).
pub(super) fn choose(
    g: &Grid,
    first: super::establish::Candidate,
    second: super::establish::Candidate,
    first_by_default: bool,
) -> Option<super::establish::Candidate> {
    let (fh, _) = holds_fails(g, &first);
    let (sh, _) = holds_fails(g, &second);
    match (fh > 0, sh > 0) {
        (true, false) => Some(first),
        (false, true) => Some(second),
        (false, false) if first_by_default => Some(first),
        _ => None,
    }
}

/// Result rows of an operating statement, judged by their place (see the
/// module's words): `Resultat før afskrivninger` = `Indtægter i alt` −
/// `Udgifter i alt`; `Årets resultat` = `Resultat før afskrivninger` −
/// `Afskrivninger …`.
pub(super) fn result_rows(g: &Grid, s: &mut State) {
    for r in 1..g.rows.len() {
        if !open_difference(g, s, r) {
            continue;
        }
        let label = |i: usize| g.rows[i].label.as_str();
        let Some(u) = (0..r).rev().find(|&i| has_figs(g, i)) else {
            continue;
        };
        // Income − expenses, the expense total directly above.
        if expense_total(g, u) && s.parent[u].is_none() {
            let tops: Vec<usize> = (0..u)
                .filter(|&i| has_figs(g, i) && s.parent[i].is_none() && s.total_of[i] != Some(u))
                .filter(|&i| !matches!(g.rows[i].role, Role::Section))
                .collect();
            let [i] = tops[..] else {
                continue;
            };
            if !income_total(g, i) {
                continue;
            }
            // Income − expenses, or income + expenses where expenses are
            // printed negative: the figures choose.
            let minus = row_sum(
                g,
                r,
                &[(false, i), (true, u)],
                Kind::Difference,
                format!("{} - {}", label(i), label(u)),
            );
            let plus = row_sum(
                g,
                r,
                &[(false, i), (false, u)],
                Kind::Difference,
                format!("{} + {}", label(i), label(u)),
            );
            // Income − expenses holding in no column is a misreading (a
            // result with items the table does not show): not understood.
            let chosen = choose(g, minus, plus, false).ok_or_else(|| {
                format!(
                    "not understood: {:?} less or plus {:?} holds in no column, or each in some",
                    label(i),
                    label(u)
                )
            });
            s.explained[r] = true;
            settle(g, s, r, chosen, &[i, u]);
            continue;
        }
        // `Resultat før X`, then only rows starting with X, then this row.
        let Some(p) = (0..r)
            .rev()
            .find(|&i| has_figs(g, i) && g.rows[i].role == Role::Difference)
        else {
            continue;
        };
        let lp = g.rows[p].label.to_lowercase();
        let Some(word) = lp
            .split_once(" før ")
            .and_then(|(_, w)| w.split_whitespace().next())
            .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_string())
        else {
            continue;
        };
        // Only costs by their name (`Resultat før afskrivninger`): rows
        // that are taken away whatever their sign. `Resultat før
        // finansielle poster` has income and costs between; not read here.
        let prefix: String = word.chars().take(8).collect();
        if !matches!(prefix.as_str(), "afskrivn" | "nedskriv") {
            continue;
        }
        let between: Vec<usize> = (p + 1..r).filter(|&i| has_figs(g, i)).collect();
        let all_named = !between.is_empty()
            && between.iter().all(|&i| {
                s.parent[i].is_none() && g.rows[i].label.to_lowercase().starts_with(&prefix)
            });
        if !all_named {
            continue;
        }
        let terms = |negative: bool| {
            std::iter::once((false, p))
                .chain(between.iter().map(|&i| (negative, i)))
                .collect::<Vec<_>>()
        };
        let names = between.iter().map(|&i| label(i)).collect::<Vec<_>>();
        let minus = row_sum(
            g,
            r,
            &terms(true),
            Kind::Difference,
            format!("{} - {}", label(p), names.join(" - ")),
        );
        let plus = row_sum(
            g,
            r,
            &terms(false),
            Kind::Difference,
            format!("{} + {}", label(p), names.join(" + ")),
        );
        // Costs printed as positive amounts are taken away.
        let positive = between.iter().all(|&i| {
            g.rows[i].cells.iter().all(|c| match c {
                super::figure::Cell::Fig(f) => !f.value.is_sign_negative(),
                _ => true,
            })
        });
        s.explained[r] = true;
        let operands: Vec<usize> = std::iter::once(p).chain(between.iter().copied()).collect();
        let chosen = choose(g, minus, plus, positive).ok_or_else(|| {
            "not understood: the figures hold for the rows taken away in some columns and added \
             in others"
                .to_string()
        });
        settle(g, s, r, chosen, &operands);
    }
}

/// Judges a result row's chosen reading in every column; with none chosen
/// (the reason given), or none that can be judged, the row is reported as
/// not understood, never passed over.
pub(super) fn settle(
    g: &Grid,
    s: &mut State,
    r: usize,
    chosen: Result<super::establish::Candidate, String>,
    operands: &[usize],
) {
    let judged = chosen.and_then(|c| pick_named(g, vec![c]));
    match judged {
        Ok(c) => {
            for &k in operands {
                s.operand_of[k].push(r);
            }
            push(s, c);
        }
        Err(why) => s.out.push(Instance {
            kind: Kind::Difference,
            name: format!("{}: difference", g.rows[r].label).into(),
            at: (r, 0),
            what: Err(why),
        }),
    }
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
    // `Driftsudgifter i alt` for `driftsudgifter`.
    let untotalled = stem
        .strip_suffix(" i alt")
        .or_else(|| stem.strip_suffix(" ialt"))
        .unwrap_or(&stem)
        .trim()
        .to_string();
    [stem.as_str(), l.as_str(), untotalled.as_str()]
        .iter()
        .any(|l| {
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

/// A difference row by its label that no pass has explained, with figures.
fn open_difference(g: &Grid, s: &State, r: usize) -> bool {
    g.rows[r].role == Role::Difference && !s.explained[r] && s.parent[r].is_none() && has_figs(g, r)
}

/// Row `r` as `x − y` and as `y − x`, each named by its rows' labels.
fn both_ways(
    g: &Grid,
    r: usize,
    x: usize,
    y: usize,
) -> (super::establish::Candidate, super::establish::Candidate) {
    let way = |a: usize, b: usize| {
        let what = format!("{} - {}", g.rows[a].label, g.rows[b].label);
        row_sum(g, r, &[(false, a), (true, b)], Kind::Difference, what)
    };
    (way(x, y), way(y, x))
}

/// Judges every row whose label names the two rows it is the difference of.
pub(super) fn find(g: &Grid, s: &mut State) {
    // Each row naming its operands looks for them among the rows above it
    // (20 000 rows, every other `Drifts- og anlægsudgifter`, took more than
    // 40 s; 40 000, every other `Forskel mellem budget og regnskab`, 39 s);
    // past the budget each left is said.
    let mut budget = Budget::rows();
    for r in 0..g.rows.len() {
        if s.explained[r] || s.parent[r].is_some() || !has_figs(g, r) || !g.rows[r].cues.operands {
            continue;
        }
        let Some((a, b)) = operands(&g.rows[r].label) else {
            compound_sum(g, s, r, &mut budget);
            continue;
        };
        if budget.spend(r.saturating_mul(2)) {
            let why = Budget::too_long(g, "rows naming their operands");
            said_not_understood(g, s, r, Kind::Difference, "difference", &why);
            continue;
        }
        let (Some(x), Some(y)) = (row_named(g, r, &a), row_named(g, r, &b)) else {
            continue;
        };
        let label = |i: usize| g.rows[i].label.as_str();
        let (forward, backward) = both_ways(g, r, x, y);
        s.explained[r] = true;
        // The order the label names them where neither holds anywhere.
        let Some(chosen) = choose(g, forward, backward, true) else {
            s.out.push(Instance {
                kind: Kind::Difference,
                name: format!("{}: difference", label(r)).into(),
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
        };
        if let Ok(c) = pick_named(g, vec![chosen]) {
            for i in [x, y] {
                s.operand_of[i].push(r);
            }
            push(s, c);
        }
    }
    section_differences(g, s);
}

/// A difference by its label (`Bidrag til dansk mervækst (forskel i
/// vækstbidrag)`: a word of [`DIFFERENCE_WORDS`]) that names no operands,
/// under a heading with exactly two rows of figures between them (`EU-28`,
/// `Danmark`): it is the difference of those two, the figures choosing
/// which way round (one way holding somewhere, the other nowhere). Judged
/// in every column only where the chosen way holds in all its places, or
/// in at least two and more than it fails; otherwise left to the other
/// passes (which report it when nothing fits).
pub(super) fn section_differences(g: &Grid, s: &mut State) {
    for r in 1..g.rows.len() {
        if !open_difference(g, s, r) {
            continue;
        }
        let words = g.rows[r].label.to_lowercase();
        let difference_word = words
            .split(|c: char| !c.is_alphabetic())
            .any(|w| DIFFERENCE_WORDS.contains(&w));
        if !difference_word || operands(&g.rows[r].label).is_some() {
            continue;
        }
        // The rows back to the heading: exactly two, plain rows.
        let Some(head) = (0..r).rev().find(|&i| g.rows[i].role == Role::Section) else {
            continue;
        };
        let rows: Vec<usize> = (head + 1..r).collect();
        let [x, y] = rows[..] else {
            continue;
        };
        if [x, y]
            .iter()
            .any(|&i| g.rows[i].role != Role::Item || s.parent[i].is_some() || !has_figs(g, i))
        {
            continue;
        }
        let (backward, forward) = both_ways(g, r, x, y);
        let Some(chosen) = choose(g, forward, backward, false) else {
            continue;
        };
        let (holds, fails) = holds_fails(g, &chosen);
        let places = chosen.instances.iter().filter(|i| i.what.is_ok()).count();
        if !(holds == places || holds >= 2 && holds > fails) {
            continue;
        }
        s.explained[r] = true;
        for i in [x, y] {
            s.operand_of[i].push(r);
        }
        push(s, chosen);
    }
}

/// A row whose label coordinates two rows above it (`Drifts- og
/// anlægsudgifter` under `Driftsudgifter i alt` and `Anlægsudgifter i alt`)
/// is their sum, judged in every column.
fn compound_sum(g: &Grid, s: &mut State, r: usize, budget: &mut Budget) {
    let readings = compound(&g.rows[r].label);
    if readings.is_empty() {
        return;
    }
    // Each reading looks at the rows above for both its rows.
    if budget.spend(r.saturating_mul(2).saturating_mul(readings.len())) {
        let why = Budget::too_long(g, "rows naming their operands");
        said_not_understood(g, s, r, Kind::Formula, "sum", &why);
        return;
    }
    let Some((x, y)) = readings
        .iter()
        .find_map(|(a, b)| Some((row_named(g, r, a)?, row_named(g, r, b)?)))
    else {
        return;
    };
    let label = |i: usize| g.rows[i].label.as_str();
    let cand = row_sum(
        g,
        r,
        &[(false, x), (false, y)],
        Kind::Formula,
        format!("{} + {}", label(x), label(y)),
    );
    s.explained[r] = true;
    if let Ok(c) = pick_named(g, vec![cand]) {
        for i in [x, y] {
            s.operand_of[i].push(r);
        }
        push(s, c);
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
    fn a_total_names_what_it_leaves_out() {
        assert_eq!(
            exclusion("I alt, ekskl. SU, folkepension og øvrige pensioner"),
            Some((
                "i alt".into(),
                vec![
                    "su".into(),
                    "folkepension".into(),
                    "øvrige pensioner".into()
                ]
            ))
        );
        assert_eq!(
            exclusion("Samlet eksklusive refusion"),
            Some(("samlet".into(), vec!["refusion".into()]))
        );
        // A part that leaves something out is no total; nor is a figure.
        assert_eq!(exclusion("A-dagpenge (ekskl. aktiverede)"), None);
        assert_eq!(exclusion("Kontanthjælp ekskl. aktiverede"), None);
        assert_eq!(exclusion("I alt ekskl. 2 pct."), None);
        assert_eq!(exclusion("I alt ekskluderet"), None);
        assert_eq!(without_footnote("Folkepension 4)"), "folkepension");
        assert_eq!(without_footnote("SU*"), "su");
        assert_eq!(
            without_footnote("Kontanthjælp 1) (ekskl. aktiverede)"),
            "kontanthjælp 1) (ekskl. aktiverede)"
        );
        assert_eq!(without_footnote("Note (2)"), "note (2)");
    }

    #[test]
    fn a_coordinated_compound_names_two_rows() {
        let c = compound("Drifts- og anlægsudgifter");
        assert_eq!(
            c[0],
            ("driftsnlægsudgifter".into(), "anlægsudgifter".into())
        );
        assert!(c.contains(&("driftsudgifter".into(), "anlægsudgifter".into())));
        assert!(compound("Løn og drift").is_empty());
        assert!(compound("Drifts- og anlægs udgifter").is_empty());
    }

    #[test]
    fn an_operand_names_a_row_by_its_label() {
        assert!(names("Driftsudgifter i alt", "driftsudgifter"));
        assert!(names("Bevilling (B+TB)", "bevilling"));
        assert!(names("Regnskab", "regnskab"));
        assert!(names("Bevilling", "bevillingen"));
        assert!(!names("Regnskab 2025", "regnskab"));
        assert!(!names("Bevillingsafregning", "bevilling"));
    }
}
