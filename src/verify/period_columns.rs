//! Columns whose header names how they follow from another column of the
//! same row, by periods or years:
//!
//! - a yearly amount beside the monthly one (`Kr. pr. år` beside `Kr. pr.
//!   måned (12 måneder)`, `Maksimal sats Pr. år` beside `… Pr. md`): 12 ×
//!   the month (4 × a quarter, 3 × a month for a quarter). A rate page
//!   prints the month as the year's twelfth rounded to whole kroner, so the
//!   year is judged within 12 × the month's rounding.
//! - an index of two years (`Indeks 2010/2009` over `Regnskab 2010`,
//!   `Regnskab 2009`): 100 × the first year's figure / the second's.
//!
//! Format-blind and judging nothing itself: it proposes the relation, and
//! [`super::column_relations`] accepts it only where the table's own figures
//! establish it (it holds in at least two rows and fails in at most one row
//! that is no total); otherwise the column is not understood.

use super::figure::years_in;
use super::grid::{ColKind, Grid};
use crate::money::Decimal;

/// A period a header names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Period {
    Year,
    Quarter,
    Month,
}

impl Period {
    /// Months in the period.
    fn months(self) -> u32 {
        match self {
            Period::Year => 12,
            Period::Quarter => 3,
            Period::Month => 1,
        }
    }
}

/// The one period a header names (`pr. år`, `årlig`, `pr. md.`, `pr.
/// måned`, `månedlig`, `pr. kvartal`, and with a slash for `pr.`:
/// `Pris/år`, `kr./md.`); `None` for none or several.
fn period(header: &str) -> Option<Period> {
    // Asked of every amount column's header in every table (and of the
    // others beside a period's): remembered for the headers seen last.
    thread_local! {
        static SEEN: super::memo::Memo<Option<Period>> = super::memo::Memo::new(512);
    }
    SEEN.with(|m| m.get(header, period_now))
}

pub(super) fn period_now(header: &str) -> Option<Period> {
    // Most headers name no period; answered without a new string.
    let b = header.as_bytes();
    let has = |w: &[u8]| b.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w));
    // `Årlig`, `Månedlig`: the letters after the first, whatever its case.
    if !has(b"pr") && !has(b"rlig") && !has(b"nedlig") && !has(b"om ") && !has(b"/") {
        return None;
    }
    // A slash reads as `pr.` (`Pris/måned`, `kr./år`): only a period word
    // after it names a period (`Indeks 2010/2009` names none).
    let h = header
        .to_lowercase()
        .replace(['.', '(', ')', ','], " ")
        .replace('/', " pr ");
    let words: Vec<&str> = h.split_whitespace().collect();
    let mut found = None;
    let mut set = |p: Period| -> bool {
        if found.is_some_and(|f| f != p) {
            return false;
        }
        found = Some(p);
        true
    };
    for (i, w) in words.iter().enumerate() {
        let next = words.get(i + 1).copied().unwrap_or("");
        let per = matches!(*w, "pr" | "per" | "om");
        let p = match (*w, per) {
            (_, true) if matches!(next, "år" | "året" | "år:") => Some(Period::Year),
            (_, true) if matches!(next, "md" | "mdr" | "måned" | "måneden" | "mnd") => {
                Some(Period::Month)
            }
            (_, true) if matches!(next, "kvartal" | "kvartalet" | "kvt") => Some(Period::Quarter),
            ("årlig" | "årligt" | "årlige", _) => Some(Period::Year),
            ("månedlig" | "månedligt" | "månedlige", _) => Some(Period::Month),
            _ => None,
        };
        if let Some(p) = p {
            if !set(p) {
                return None;
            }
        }
    }
    found
}

/// For an amount column whose header names a period (`long`, the
/// [`period_now`] of its header): how many times the amount of a shorter
/// period it is, and the amount columns that name that period (`Kr. pr. år`
/// -> 12, the `pr. måned` columns).
pub(super) fn multiple(
    g: &Grid,
    c: usize,
    long: Period,
    amounts: &[usize],
) -> Option<(Decimal, Vec<usize>)> {
    let mut best: Option<(u32, Vec<usize>)> = None;
    for &b in amounts.iter().filter(|&&b| b != c) {
        let Some(short) = period(&g.cols[b].header) else {
            continue;
        };
        if short.months() >= long.months() || long.months() % short.months() != 0 {
            continue;
        }
        let k = long.months() / short.months();
        match &mut best {
            Some((bk, cols)) if *bk == k => cols.push(b),
            Some(_) => return None,
            None => best = Some((k, vec![b])),
        }
    }
    let (k, cols) = best?;
    Some((Decimal::from(k) * Decimal::ONE_HUNDRED, cols))
}

/// The two years a header headed `Indeks` (or `Index`) names, the first
/// and the second (`Indeks 2010/2009` -> (2010, 2009)); `None` for any
/// other header. Of the header alone, so it is asked once per header
/// (`column_relations`' header cues).
pub fn index_years(header: &str) -> Option<(i32, i32)> {
    let b = header.as_bytes();
    if !b
        .windows(5)
        .any(|w| w.eq_ignore_ascii_case(b"index") || w.eq_ignore_ascii_case(b"indek"))
    {
        return None;
    }
    match years_in(header).as_slice() {
        [new, old] => Some((*new, *old)),
        _ => None,
    }
}

/// For a column headed `Indeks` (or `Index`) that names two years
/// (`Indeks 2010/2009`, [`index_years`]): the amount columns of the first
/// and of the second year, each the only one of its year.
pub fn columns_of_years(g: &Grid, c: usize, (new, old): (i32, i32)) -> Option<(usize, usize)> {
    let only = |y: i32| {
        let cols: Vec<usize> = (0..g.cols.len())
            .filter(|&k| {
                k != c && g.cols[k].year == Some(y) && matches!(g.cols[k].kind, ColKind::Amount)
            })
            .collect();
        match cols.as_slice() {
            [k] => Some(*k),
            _ => None,
        }
    };
    Some((only(new)?, only(old)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_read_from_headers() {
        assert_eq!(period("Kr. pr. år"), Some(Period::Year));
        assert_eq!(period("Kr. pr. måned (12 måneder)"), Some(Period::Month));
        assert_eq!(
            period("Maksimal sats Pr. md (før skat)"),
            Some(Period::Month)
        );
        assert_eq!(period("Årlig takst"), Some(Period::Year));
        assert_eq!(period("Pris pr. kvartal"), Some(Period::Quarter));
        assert_eq!(period("Pris pr. m3"), None);
        assert_eq!(period("Regnskab 2025"), None);
        // A slash for `pr.` (Vonge Antennelaug's `Pris/måned`, `Pris/år`).
        assert_eq!(period("Pris/måned"), Some(Period::Month));
        assert_eq!(period("Pris/år"), Some(Period::Year));
        assert_eq!(period("Kr./md."), Some(Period::Month));
        assert_eq!(period("Forbrug m3/år"), Some(Period::Year));
        assert_eq!(period("Indeks 2010/2009"), None);
        assert_eq!(period("Kr. pr. md./år"), None);
        // Two periods in one header: which is not said.
        assert_eq!(period("Pr. md. / pr. år"), None);
    }
}
