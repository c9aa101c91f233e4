//! A change column printed under a period: the change INTO that period.
//!
//! Danmarks Statistik's quarterly releases print the levels and their
//! per cent changes under the same periods (`3. kvt. | 4. kvt.` over
//! `antal`, again over `udvikling i pct. i forhold til kvartalet før`).
//! The per cent under `4. kvt.` is the change from the period before it
//! (`3. kvt.`) to `4. kvt.`; the one under `3. kvt.` is on a quarter the
//! table does not print, so it cannot be judged (said, never guessed from
//! the two columns the table has). A careful reader reads the header this
//! way; the two nearest level columns are not a reading of it.

use super::grid::{ColKind, Grid};

/// The normalized text of a header part: lower case, no footnote star, no
/// full stop at the end (`1. kvt` and `1. kvt.` are one period).
fn norm(part: &str) -> String {
    part.trim()
        .trim_end_matches('*')
        .trim()
        .trim_end_matches('.')
        .trim()
        .to_lowercase()
}

/// A header part that names a period: a quarter, half-year or month, or a
/// single year.
fn is_period(part: &str) -> bool {
    let p = norm(part);
    let words = ["kvt", "kvartal", "halvår", "halvaar"];
    words.iter().any(|w| p.contains(w))
        || super::figure::MONTHS.iter().any(|m| p.contains(m))
        || super::figure::year_of(&p).is_some()
}

/// A header part that says what the column measures (a change or per
/// cent), not when.
fn is_measure(part: &str) -> bool {
    let p = part.to_lowercase();
    [
        "ændring",
        "udvikling",
        "pct",
        "%",
        "procent",
        "stigning",
        "fald",
    ]
    .iter()
    .any(|w| p.contains(w))
}

/// The period a column's header names, as one of its ` / ` parts.
fn period_of(header: &str) -> Option<String> {
    let periods: Vec<String> = header
        .split(" / ")
        .filter(|p| !is_measure(p) && is_period(p))
        .map(norm)
        .collect();
    match periods.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// For a change or per-cent-change column whose header names one period
/// and a measure (`4. kvt. / udvikling i pct. …`), among the level columns
/// `amounts` that name periods: `Some(Ok((new, old)))`, the level column
/// of that period and the one of the period printed before it;
/// `Some(Err(why))` where that period is the first printed; `None` where
/// the header is not of this form (the other readings apply).
pub fn pair(g: &Grid, c: usize, amounts: &[usize]) -> Option<Result<(usize, usize), String>> {
    let col = g.cols.get(c)?;
    if !matches!(col.kind, ColKind::PctChange { .. } | ColKind::Change { .. }) {
        return None;
    }
    let header = &col.header;
    // Only a header of two or more parts, one naming the measure: a plain
    // `Ændring 2025` is read by its years elsewhere.
    if !header.contains(" / ") || !header.split(" / ").any(is_measure) {
        return None;
    }
    let own = period_of(header)?;
    let lower = header.to_lowercase();
    if lower.contains("året før")
        || lower.contains("samme kvartal")
        || lower.contains("samme periode")
    {
        return Some(Err(format!(
            "{header}: a change on the same period a year before, which the table does not print"
        )));
    }
    let dated: Vec<(usize, String)> = amounts
        .iter()
        .filter_map(|&a| Some((a, period_of(&g.cols.get(a)?.header)?)))
        .collect();
    let hits: Vec<usize> = dated
        .iter()
        .enumerate()
        .filter(|(_, (_, p))| *p == own)
        .map(|(i, _)| i)
        .collect();
    let [i] = hits.as_slice() else {
        return None;
    };
    let new = dated[*i].0;
    match i.checked_sub(1).and_then(|j| dated.get(j)) {
        Some(&(old, _)) => Some(Ok((new, old))),
        None => Some(Err(format!(
            "the change into {} is from the period before it, which the table does not print",
            g.cols[new].header
        ))),
    }
}
