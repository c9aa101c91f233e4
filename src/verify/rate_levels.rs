//! Tables of tax rates (`Kommuneskatteprocent | 25,068`, `Kirkeskatteprocent
//! | 0,642`, `I alt | 25,710`): per cents that are levels, not shares. The
//! rates a taxpayer pays add up (the total rate is the sum of the
//! municipal, county and church rates), and a change between two years is
//! the difference of the rates in percentage points, never a percentage
//! change. Read so only where every row of figures says it: its label names
//! a tax rate (a word of `skat`, `udskrivning` or `bidrag` and `procent`),
//! or is a total (`I alt`), or the label of such a row with `, afrundet`
//! after it, with at least two rate rows. The columns of such a table are
//! then amounts (and their change columns changes), judged as any other —
//! a total that holds nowhere is said, not an error, as everywhere.
//!
//! Cheap: a label test on the rows, made only when a column of per cents
//! is there to read otherwise.

use super::grid::{total_label, ColKind, GRow};

/// Whether the label names a tax rate (`Kommuneskatteprocent`,
/// `Primærkommunal udskrivningsprocent`, `Kirkeskatteprocent, afrundet`).
fn tax_rate(label: &str) -> bool {
    let l = label.to_lowercase();
    l.contains("procent")
        && (l.contains("skat") || l.contains("udskrivning") || l.contains("bidrag"))
        && !l.contains("andel")
}

/// Whether the rows of figures are tax rates and their totals (see the
/// module).
pub fn rate_levels(rows: &[GRow]) -> bool {
    let mut rates = 0usize;
    // A header repeated inside the table (its label empty) is no row of
    // figures (it becomes a section). Total words are asked of the label:
    // the grid asks this before its rows' `total_word` is set.
    for r in rows
        .iter()
        .filter(|r| r.has_figures() && !r.label.trim().is_empty())
    {
        if tax_rate(&r.label) {
            rates += 1;
        } else if total_label(&r.label) != Some(true) {
            return false;
        }
    }
    rates >= 2
}

/// The kind a column of per cents has in a table of rate levels: a year's
/// rates are amounts, a change of them a change in points.
pub fn as_level(kind: &ColKind) -> Option<ColKind> {
    match kind {
        ColKind::Pct => Some(ColKind::Amount),
        ColKind::PctChange { years } => Some(ColKind::Change {
            years: years.clone(),
            afvigelse: false,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_that_name_tax_rates() {
        for yes in [
            "Kommuneskatteprocent",
            "Kirkeskatteprocent, (gns. for alle skatteydere)",
            "Primærkommunal udskrivningsprocent",
            "Kommuneskatteprocent, afrundet",
            "Arbejdsmarkedsbidragsprocent",
        ] {
            assert!(tax_rate(yes), "{yes}");
        }
        for no in [
            "Fraværsprocent",
            "Ledighedsprocent",
            "Andel af skatteprocent",
            "Skat",
            "Dækningsprocent",
        ] {
            assert!(!tax_rate(no), "{no}");
        }
    }
}
