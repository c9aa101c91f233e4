//! A total by its form: a row whose label ends with a colon and carries a
//! figure, directly followed by two or more dashed rows (`- …`) and nothing
//! else of its block, in a table of one column of figures:
//!
//! ```text
//! Ændringer vedr. kontanthjælps- og sygedagpengereform:   2,6
//! - Ny sygedagpengemodel …                                8,1
//! - Reform af kontanthjælpssystemet, uddannelseshjælp …  -0,3
//! …
//! ```
//!
//! The colon announces the list that follows and the figure stands for it,
//! as a label that names its parts does: the dashed rows are its parts and
//! add up to it. A list that gives only some parts says so in its words —
//! `Heraf:`, `Herunder`, `bl.a.`, `primært`, `fx` (a `Heraf` row is no list
//! of this form at all) — and such a list is never read this way, nor is a
//! list whose rows say they are examples or the largest items. Where the
//! dashed rows do not add up to the figure, the figure is reported wrong
//! (one relation failing: its result is named), never passed over.

use super::grid::{Grid, Role};

/// Words that say a list gives only some of the parts (lowercased, as whole
/// words or phrases of the label).
const PARTIAL: [&str; 24] = [
    "heraf",
    "herunder",
    "hvoraf",
    "deraf",
    "deriblandt",
    "bl.a.",
    "bl. a.",
    "blandt andet",
    "blandt andre",
    "primært",
    "især",
    "navnlig",
    "hovedsageligt",
    "overvejende",
    "fx",
    "f.eks.",
    "eksempelvis",
    "eksempler",
    "bl.a",
    "udvalgte",
    "største",
    "væsentligste",
    "vigtigste",
    "of which",
];

/// Whether a label says its list gives only some parts.
pub(super) fn partial(label: &str) -> bool {
    let l = format!(
        " {} ",
        label.to_lowercase().replace([',', ':', ';', '(', ')'], " ")
    );
    PARTIAL.iter().any(|w| l.contains(&format!(" {w} ")))
}

/// Whether the row `p`, with the dashed rows `parts` under it, is a total
/// by its form (see the module's words): its label ends with a colon and
/// names no partial list, it is a plain row (no total word, no heraf), the
/// parts are the dashed rows directly under it (two or more, none a heraf
/// row, none saying it is partial), the row after them is no dashed or
/// indented row of it, and the table has one column of figures.
pub fn total_by_form(g: &Grid, p: usize, parts: &[(bool, usize)]) -> bool {
    let Some(row) = g.rows.get(p) else {
        return false;
    };
    let label = row.label.trim();
    // A plain row; `Ændringer vedr. …:` reads as a change row by its first
    // word, which in one column of figures relates nothing.
    let plain = matches!(row.role, Role::Item | Role::ChangeRow { percent: false });
    if !label.ends_with(':') || partial(label) || !plain || row.sub {
        return false;
    }
    let figure_cols = (0..g.cols.len())
        .filter(|&c| {
            g.rows
                .iter()
                .any(|r| matches!(r.cells.get(c), Some(super::figure::Cell::Fig(_))))
        })
        .count();
    if figure_cols != 1 || parts.len() < 2 {
        return false;
    }
    // The parts: exactly the dashed rows that follow it, in order.
    let contiguous = parts
        .iter()
        .enumerate()
        .all(|(k, &(neg, r))| !neg && r == p + 1 + k);
    let dashed = parts.iter().all(|&(_, r)| {
        let pr = &g.rows[r];
        pr.role == Role::Item
            && pr.has_figures()
            && pr.label.trim_start().starts_with(['-', '–', '\u{2212}'])
            && !partial(&pr.label)
    });
    let after = p + 1 + parts.len();
    let ends = g.rows.get(after).is_none_or(|r| !r.sub);
    contiguous && dashed && ends
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partial_list_says_so() {
        assert!(partial("Heraf:"));
        assert!(partial("Merforbruget skyldes bl.a.:"));
        assert!(partial("Ændringer, primært:"));
        assert!(partial("Største poster:"));
        assert!(!partial(
            "Ændringer vedr. kontanthjælps- og sygedagpengereform:"
        ));
        assert!(!partial("Budgetregulering lov og cirkulæreprogram:"));
        // A word that only begins like one is not it.
        assert!(!partial("Fxyz-puljen:"));
    }
}
