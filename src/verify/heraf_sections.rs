//! Sections of parts under `Heraf …` headings that repeat the labels of the
//! block above them (`Arts`, `Health`, … under `Indskrevne studerende i
//! alt`, then again under `Heraf bachelorstuderende` and `Heraf
//! kandidatstuderende`): each row of the first block is the sum of the rows
//! labelled the same in the `Heraf` sections.
//!
//! `engine::section_sums` keeps such a sum where the figures alone show it
//! (it holds in nearly every column). Here the reading is judged, errors
//! and all, for a row where it holds in some columns only, when the
//! table establishes it: every section after the first is headed by a
//! `Heraf …` row (the words say they are parts of what stands above), and
//! at least two other rows of the first block add up from their namesakes
//! in every column. A row whose reading holds in no column is left to the
//! labelled-total listing (another meaning, not a wrong figure).

use super::engine::{has_figs, push, State};
use super::establish::{quick_rows, row_sum, Kind};
use super::grid::{Grid, Role};

/// Rows of other rows' sums that the table must show holding everywhere.
const WITNESSES: usize = 2;

/// The sections: for each row its section (0: before the first heading),
/// and each section's heading row.
fn sections(g: &Grid) -> (Vec<usize>, Vec<Option<usize>>) {
    let mut section = vec![0usize; g.rows.len()];
    let mut heads: Vec<Option<usize>> = vec![None];
    for (r, row) in g.rows.iter().enumerate() {
        if matches!(row.role, Role::Section | Role::HerafMarker) {
            heads.push(Some(r));
        }
        section[r] = heads.len() - 1;
    }
    (section, heads)
}

/// The rows a first-block row adds up from: one row labelled as it in each
/// `Heraf` section, at least two; `None` when a section holds the label
/// twice.
fn namesakes(g: &Grid, section: &[usize], main: usize, r: usize) -> Option<Vec<usize>> {
    let key = g.rows[r].label.trim().to_lowercase();
    if key.is_empty() {
        return None;
    }
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for (q, &sec) in section.iter().enumerate() {
        if sec > main && has_figs(g, q) && g.rows[q].label.trim().to_lowercase() == key {
            if !seen.insert(sec) {
                return None;
            }
            out.push(q);
        }
    }
    (out.len() >= 2).then_some(out)
}

pub(super) fn find(g: &Grid, s: &mut State) {
    // Two `Heraf` headings at least, or nothing to look for.
    if g.rows
        .iter()
        .filter(|r| r.role == Role::HerafMarker)
        .nth(1)
        .is_none()
    {
        return;
    }
    let (section, heads) = sections(g);
    // The first section with figures is the whole; every later one must be
    // headed `Heraf …`, and there must be two of them at least.
    let Some(main) =
        (0..heads.len()).find(|&k| (0..g.rows.len()).any(|r| section[r] == k && has_figs(g, r)))
    else {
        return;
    };
    let later = &heads[main + 1..];
    if later.len() < 2
        || !later
            .iter()
            .all(|h| h.is_some_and(|r| g.rows[r].role == Role::HerafMarker))
    {
        return;
    }
    let rows: Vec<(usize, Vec<usize>, (usize, usize))> = (0..g.rows.len())
        .filter(|&r| section[r] == main && has_figs(g, r))
        .filter_map(|r| {
            let parts = namesakes(g, &section, main, r)?;
            let pairs: Vec<(bool, usize)> = parts.iter().map(|&q| (false, q)).collect();
            let fare = quick_rows(g, r, &pairs);
            Some((r, parts, fare))
        })
        .collect();
    for (r, parts, (holds, fails)) in &rows {
        if *holds == 0 || *fails == 0 || s.out.iter().any(|i| i.at.0 == *r) {
            continue;
        }
        let witnesses = rows
            .iter()
            .filter(|(q, _, (h, f))| q != r && *f == 0 && *h >= 1 && *h + *f >= *holds + *fails)
            .count();
        if witnesses < WITNESSES {
            continue;
        }
        let pairs: Vec<(bool, usize)> = parts.iter().map(|&q| (false, q)).collect();
        let what = format!(
            "sum of the rows {:?} in {} Heraf sections",
            g.rows[*r].label,
            parts.len()
        );
        push(s, row_sum(g, *r, &pairs, Kind::Sum, what));
        s.explained[*r] = true;
    }
}
