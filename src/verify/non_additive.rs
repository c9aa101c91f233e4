//! Columns whose figures do not add down the rows: an index (`Indeks
//! (2015=100)`), a figure per unit (`Udgift pr. elev, kr.`, `Pr. indbygger`)
//! or an average (`Gennemsnit`, `Gns.`). The `I alt` of such a column is the
//! index or the quotient of the totals (1.000 pupils and 77,0 mio. kr. give
//! 77.000 kr. per pupil, not 80.000 + 75.000), so a total row or a formula
//! row that fails down it says nothing about the table: not understood,
//! never an error. One that holds is still judged (per-capita spending by
//! area does add up to the total per capita). The same for a share column
//! none of whose shares is of the column's total (shares of different
//! wholes), and, in a table without a header, a total that lies between its
//! parts (an average or a rate the lost header would have named).

use super::attribute::Judged;
use super::establish::{At, Expr, Kind};
use super::figure::{Cell, MONTHS};
use super::grid::{ColKind, Grid};
use super::judge::{Evidence, Unjudged, Verdict};

/// Words after `pr.` that make it a date (`pr. 30/6`, `pr. dato`; the
/// month names, [`MONTHS`]) or a period whose amounts do add (`pr. år`,
/// `pr. måned`).
const NOT_PER_UNIT: &[&str] = &[
    "dato", "ultimo", "primo", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "okt", "nov", "dec", "år", "måned", "md", "mdr", "kvartal", "uge", "halvår",
];

/// Nouns a per-unit figure's count names after a number (`pr. 1.000
/// indbyggere`); any other word after a number is a date (`pr. 1. januar`).
const PER_COUNT: &[&str] = &[
    "indb", "pers", "borg", "elev", "ansat", "innb", "kunde", "bruger", "barn", "børn",
];

/// `pr. X` / `per X` naming a unit, not a date.
fn per_unit(h: &str) -> bool {
    let tokens: Vec<&str> = h
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .filter(|t| !t.is_empty())
        .collect();
    for (i, t) in tokens.iter().enumerate() {
        if *t != "pr." && *t != "per" && *t != "pr" {
            continue;
        }
        let Some(next) = tokens.get(i + 1) else {
            continue;
        };
        let next = next.trim_end_matches('.');
        if next.chars().next().is_some_and(char::is_alphabetic) {
            if !NOT_PER_UNIT.contains(&next) && !MONTHS.contains(&next) {
                return true;
            }
        } else if next.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            let after = tokens.get(i + 2).copied().unwrap_or("");
            if PER_COUNT.iter().any(|p| after.starts_with(p)) {
                return true;
            }
        }
    }
    false
}

/// A column header naming figures that do not add down the rows.
pub fn not_additive(header: &str) -> bool {
    let h = header.to_lowercase();
    let words: Vec<&str> = h
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let index = words
        .iter()
        .any(|w| matches!(*w, "indeks" | "index" | "indekstal" | "indekseret"))
        || h.replace(' ', "").contains("=100");
    let average = words
        .iter()
        .any(|w| w.starts_with("gennemsnit") || matches!(*w, "gns" | "middel" | "median"));
    index || average || per_unit(&h)
}

/// The result of `Σ terms` lies within its parts (at least two, all of one
/// sign, added): `I alt 1,9` over `1,7` and `2,0`.
fn between_parts(g: &Grid, terms: &[(bool, At)], result: At) -> bool {
    let value = |at: At| match g.rows.get(at.0).and_then(|r| r.cells.get(at.1)) {
        Some(Cell::Fig(f)) => Some(f.value),
        _ => None,
    };
    let Some(total) = value(result) else {
        return false;
    };
    let parts: Option<Vec<_>> = terms
        .iter()
        .map(|&(neg, at)| if neg { None } else { value(at) })
        .collect();
    let Some(parts) = parts else { return false };
    let (Some(lo), Some(hi)) = (parts.iter().min(), parts.iter().max()) else {
        return false;
    };
    let one_sign =
        parts.iter().all(|p| p.is_sign_positive()) || parts.iter().all(|p| p.is_sign_negative());
    parts.len() >= 2 && one_sign && *lo <= total && total <= *hi
}

/// Errors of relations down one such column become "not understood"; so
/// do those down a share column none of whose shares is of the column's
/// total (`Andel af befolkningen 16-66 år`: each row's share of its own
/// population, the `I alt` the share of all, 1,9% over 1,7% and 2,0%).
pub fn soften(g: &Grid, out: &mut [Judged]) {
    // Only errors are softened: most tables have none, and their shares
    // are not gathered.
    if !out.iter().any(|j| j.verdict == Verdict::Error) {
        return;
    }
    let shares_of_total: Vec<usize> = out
        .iter()
        .filter(|j| {
            j.kind == Kind::Share && matches!(j.verdict, Verdict::Exact | Verdict::Rounding)
        })
        .map(|j| j.at.1)
        .collect();
    for j in out.iter_mut() {
        if j.verdict != Verdict::Error {
            continue;
        }
        let Some(Expr::Linear { terms, result, .. }) = &j.expr else {
            continue;
        };
        let c = result.1;
        if terms.iter().any(|t| t.1 .1 != c) {
            continue;
        }
        let Some(col) = g.cols.get(c) else { continue };
        let why = if not_additive(&col.header) {
            format!(
                "{:?} is an index, a figure per unit or an average: a total's figure there is not the sum of its rows' (not understood)",
                col.header
            )
        } else if col.kind == ColKind::Share && !shares_of_total.contains(&c) {
            format!(
                "{:?}: no share in it is of the column's total, so its rows may be shares of different wholes (not understood)",
                col.header
            )
        } else if !g.has_header && between_parts(g, terms, *result) {
            format!(
                "{:?} has no header, and its total lies between its parts: an average or a rate, not a sum (not understood)",
                col.header
            )
        } else {
            continue;
        };
        j.verdict = Verdict::Skipped;
        j.detail = why.clone();
        j.evidence = Evidence::Unjudged(Unjudged::Reason(why));
    }
}

#[cfg(test)]
mod tests {
    use super::not_additive;

    #[test]
    fn headers_that_do_not_add() {
        for h in [
            "Indeks 2025 (2015=100)",
            "Indeks",
            "Index",
            "2015 = 100",
            "Udgift pr. elev, kr.",
            "Pr. indbygger",
            "Kr. pr. indbygger",
            "Udgift pr. 1.000 indbyggere",
            "Gennemsnit",
            "Gns.",
            "Gennemsnitlig ydelse",
            "Pris pr. time",
        ] {
            assert!(not_additive(h), "{h}");
        }
    }

    #[test]
    fn headers_that_add() {
        for h in [
            "Korr. budget pr. 30/6",
            "Forbrug pr. 30. september",
            "Budget pr. 1. januar",
            "Forbrug pr. dato",
            "Udgift pr. år",
            "Mio. kr.",
            "2025",
            "Afvigelse",
            "Primo",
            "Indtægter",
            "Prisniveau",
        ] {
            assert!(!not_additive(h), "{h}");
        }
    }
}
