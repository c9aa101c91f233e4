//! A row whose every figure could be a year (`Kontanthjælp | 1.990 |
//! 2.004`, `I alt | 2.004 | 2.010`) is read as a header row (under the
//! first) or as a header repeated inside the table, and its figures are
//! dropped. For a row of figures that is a false error's or a silent pass's
//! start: the block loses a part, or the total is not judged at all (`I alt
//! | 2.014 | 2.010` against the true 2.004 said nothing). This says when
//! such a row is figures after all, from what the table itself shows:
//!
//! - a total label (`I alt`, `Total`): a header is never labelled a total;
//! - a year written with a thousands separator (`2.004`) where the header
//!   writes none: the table does not print its years so, its figures it does;
//! - a bare year under a header cell naming another year (`1990` under
//!   `2024`): a header repeated below repeats its years;
//! - the table's first row, all bare years (`Offentlige tilskud | 1.950`),
//!   that the first total row adds up with exactly and not without
//!   ([`first_row_adds_up`]).
//!
//! Cells with words (`Budget 2016`, `Regnskab 2017`) are headers as before.

use super::figure::{read_cell, year_of, years_in, Cell};
use crate::money::{Decimal, Exact as _};
use crate::numfmt::NumberStyle;

/// A cell written as a year with a thousands separator: `2.004`.
fn dotted_year(t: &str) -> bool {
    let t = crate::document::trim_text(t);
    t.len() == 5 && t.as_bytes().get(1) == Some(&b'.') && year_of(t).is_some()
}

/// A cell that is a bare year and nothing else: `2004`, `2.004`.
pub fn bare_year(t: &str) -> bool {
    let t = crate::document::trim_text(t);
    (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) && year_of(t).is_some())
        || dotted_year(t)
}

/// Whether a row that reads as years is a row of figures: `label` its
/// label, `texts` its cells past the label, `header` the cells past the
/// label of the header row it would repeat or continue (the table's first
/// row at the top, its header row inside the table).
pub fn figures_not_years(label: &str, texts: &[&str], header: &[&str]) -> bool {
    if super::grid::total_label(label) == Some(true) {
        return true;
    }
    let header_dotted = header.iter().any(|t| dotted_year(t));
    for (c, t) in texts.iter().enumerate() {
        if !bare_year(t) {
            continue;
        }
        if dotted_year(t) && !header_dotted {
            return true;
        }
        let above = header.get(c).map(|h| years_in(h)).unwrap_or_default();
        let own = year_of(t);
        if let ([y], Some(own)) = (above.as_slice(), own) {
            if *y != own {
                return true;
            }
        }
    }
    false
}

/// Whether the table's first row, which reads as years
/// (`Offentlige tilskud | 1.950`), is a part of the total below it: the
/// first row labelled a total (`Indtægter i alt`) adds up exactly with the
/// first row's figures, printed with the total's decimals, and does not
/// without them (past the printed figures' rounding), in every column
/// where the first row has a bare year. Within rounding is no evidence: a
/// header's `2025` over figures in mio. kr. came within 0,2 of a wrong
/// total's 2.976,2.
/// `rows`: each row's cell texts, the label first.
pub fn first_row_adds_up(rows: &[Vec<&str>], style: NumberStyle) -> bool {
    let Some(first) = rows.first() else {
        return false;
    };
    let Some(t) = rows.iter().skip(1).position(|r| {
        r.first()
            .is_some_and(|label| super::grid::total_label(label) == Some(true))
    }) else {
        return false;
    };
    let (body, total) = (&rows[1..=t], &rows[t + 1]);
    let figure = |text: &str| match read_cell(text, style, None) {
        Cell::Fig(f) => Some(Some(f)),
        Cell::Dash | Cell::Empty => Some(None),
        Cell::Text => None,
    };
    let mut columns = 0;
    for (c, text) in first.iter().enumerate().skip(1) {
        if !bare_year(text) {
            continue;
        }
        let Some(Some(y)) = figure(text) else {
            return false;
        };
        let Some(Some(Some(sum))) = total.get(c).map(|t| figure(t)) else {
            return false;
        };
        let mut without = Decimal::ZERO;
        let mut slack = sum.half_printed_digit();
        for r in body {
            match r.get(c).map(|t| figure(t)) {
                Some(Some(Some(f))) => {
                    let (Some(w), Some(s)) = (
                        without.exact_add(f.value),
                        slack.exact_add(f.half_printed_digit()),
                    ) else {
                        return false;
                    };
                    without = w;
                    slack = s;
                }
                Some(Some(None)) | None => {}
                Some(None) => return false,
            }
        }
        let Some(with) = without.exact_add(y.value) else {
            return false;
        };
        let off = |v: Decimal| v.exact_sub(sum.value).map(|d| d.abs());
        match (off(with), off(without)) {
            (Some(a), Some(b)) if a.is_zero() && b > slack && y.decimals == sum.decimals => {
                columns += 1
            }
            _ => return false,
        }
    }
    columns > 0
}

#[cfg(test)]
mod tests {
    use super::figures_not_years;

    #[test]
    fn years_that_are_figures() {
        // A total is never a header.
        assert!(figures_not_years(
            "I alt",
            &["2.004", "2.010"],
            &["2024", "2025"]
        ));
        // Written with a separator where the header writes none.
        assert!(figures_not_years(
            "Kontanthjælp",
            &["1.990", "2.004"],
            &["2024", "2025"]
        ));
        assert!(figures_not_years(
            "Kontanthjælp",
            &["1.990", "2.004"],
            &["Budget", "Regnskab"]
        ));
        // Another year than the header's above it.
        assert!(figures_not_years(
            "Dagpenge",
            &["1990", "2004"],
            &["2024", "2025"]
        ));
    }

    #[test]
    fn headers_stay_headers() {
        // A header repeated inside the table.
        assert!(!figures_not_years(
            "Ph.d.-studerende",
            &["2016", "2017"],
            &["2016", "2017"]
        ));
        // Years with words; years under group names.
        assert!(!figures_not_years(
            "",
            &["Budget 2016", "Regnskab 2016"],
            &["2016", ""]
        ));
        assert!(!figures_not_years(
            "",
            &["2024", "2025"],
            &["Udgifter", "Indtægter"]
        ));
        // A header written with separators, repeated.
        assert!(!figures_not_years(
            "",
            &["2.016", "2.017"],
            &["2.016", "2.017"]
        ));
    }

    #[test]
    fn a_first_row_of_years_that_the_total_adds_up() {
        use super::first_row_adds_up;
        use crate::numfmt::NumberStyle;
        let adds = |t: &[&[&str]]| {
            let rows: Vec<Vec<&str>> = t.iter().map(|r| r.to_vec()).collect();
            first_row_adds_up(&rows, NumberStyle::DANISH)
        };
        // 1.950 + 500 + 300 = 2.750; without it 800.
        assert!(adds(&[
            &["Tilskud", "1.950"],
            &["Entré", "500"],
            &["Butik", "300"],
            &["I alt", "2.750"]
        ]));
        // The total adds up without the first row: a header.
        assert!(!adds(&[
            &["", "2024"],
            &["Entré", "500"],
            &["Butik", "300"],
            &["I alt", "800"]
        ]));
        // A header's year that a wrong total comes near (2.025 + 951,4 =
        // 2.976,4 against 2.976,2): within rounding, and in other
        // decimals than the column's figures.
        assert!(!adds(&[
            &["Mio. kr.", "2025"],
            &["Enhed 0", "73,5"],
            &["Enhed 1", "877,9"],
            &["I alt", "2.976,2"]
        ]));
        assert!(!adds(&[
            &["Mio. kr.", "2025"],
            &["Enhed 0", "73,5"],
            &["Enhed 1", "877,9"],
            &["I alt", "2.976,4"]
        ]));
        // No total row, or a total that adds up neither way.
        assert!(!adds(&[&["Tilskud", "1.950"], &["Entré", "500"]]));
        assert!(!adds(&[
            &["Tilskud", "1.950"],
            &["Entré", "500"],
            &["I alt", "2.000"]
        ]));
        // Every column with a year must add up.
        assert!(!adds(&[
            &["Tilskud", "1.950", "2.010"],
            &["Entré", "500", "20"],
            &["I alt", "2.450", "30"]
        ]));
    }
}
