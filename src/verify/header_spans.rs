//! How the cells of several header rows spread over the columns below them.
//!
//! An upper header cell spans the empty ones to its right (`2015 | | 2016
//! |` over `Total | 1. prioritet | …`). A cell of the LAST header row does
//! so too where the row above names each of those columns on its own: the
//! unit or measure printed once under a run of periods (`3. kvt. | 4. kvt.`
//! over `antal | `, then `3. kvt. | 4. kvt.` over `udvikling i pct. i
//! forhold til kvartalet før | `, as Danmarks Statistik's releases print
//! it) belongs to every period of the run. The run ends at a column the row
//! above leaves empty (a spacer) or at the next cell of the last row.

/// The header rows' cells, each spread over the columns it spans
/// (column 0, the label column, is left as printed); the rows are taken
/// and spread in place, not copied.
pub fn spread(mut rows: Vec<Vec<String>>) -> Vec<Vec<String>> {
    let last = rows.len().saturating_sub(1);
    // The last row first, in place: it reads the row above as printed,
    // before that row's own cells spread.
    if rows.len() >= 2 {
        let (upper, lower) = rows.split_at_mut(last);
        let above = &upper[last - 1];
        let row = &mut lower[0];
        let mut carry: Option<String> = None;
        // A cell is read before it is written (only cells to its left
        // have been), so each is read as printed.
        for (c, cell) in row.iter_mut().enumerate().skip(1) {
            let named_above = above.get(c).is_some_and(|t| !t.trim().is_empty());
            // A column whose own header names its measure or unit
            // (`Ændring i pct.`, `mio. kr.`) takes no other one from below.
            if above.get(c).is_some_and(|t| own_measure(t)) && cell.trim().is_empty() {
                carry = None;
                continue;
            }
            if !cell.trim().is_empty() {
                carry = named_above.then(|| cell.clone());
            } else if named_above {
                if let Some(t) = &carry {
                    *cell = t.clone();
                }
            } else {
                carry = None;
            }
        }
    }
    for row in rows.iter_mut().take(last) {
        for c in 2..row.len() {
            if row[c].is_empty() {
                row[c] = row[c - 1].clone();
            }
        }
    }
    rows
}

/// A header that names what its column measures or counts in.
fn own_measure(header: &str) -> bool {
    let l = header.to_lowercase();
    super::figure::unit_in(header).is_some()
        || [
            "ændring",
            "udvikling",
            "afvigelse",
            "difference",
            "pct",
            "%",
            "andel",
            "procent",
        ]
        .iter()
        .any(|w| l.contains(w))
}

#[cfg(test)]
mod tests {
    use super::{own_measure, spread};

    /// `spread` as it was written before it worked in place: on a copy,
    /// the last row reading the row above as printed.
    fn spread_copied(raw: &[Vec<String>]) -> Vec<Vec<String>> {
        let mut out: Vec<Vec<String>> = raw.to_vec();
        let last = raw.len().saturating_sub(1);
        for (k, row) in out.iter_mut().enumerate() {
            if k < last {
                for c in 2..row.len() {
                    if row[c].is_empty() {
                        row[c] = row[c - 1].clone();
                    }
                }
            }
        }
        if raw.len() >= 2 {
            let above = &raw[last - 1];
            let below = &raw[last];
            let row = &mut out[last];
            let mut carry: Option<String> = None;
            for c in 1..below.len() {
                let named_above = above.get(c).is_some_and(|t| !t.trim().is_empty());
                if above.get(c).is_some_and(|t| own_measure(t)) && below[c].trim().is_empty() {
                    carry = None;
                    continue;
                }
                if !below[c].trim().is_empty() {
                    carry = named_above.then(|| below[c].clone());
                } else if named_above {
                    if let Some(t) = &carry {
                        row[c] = t.clone();
                    }
                } else {
                    carry = None;
                }
            }
        }
        out
    }

    proptest::proptest! {
        /// Spreading in place gives what spreading a copy gave.
        #[test]
        fn in_place_is_as_on_a_copy(
            raw in proptest::collection::vec(
                proptest::collection::vec(
                    proptest::sample::select(vec!["", " ", "2015", "2016", "antal", "Mio. kr.", "Ændring i pct.", "Total"]),
                    5,
                ),
                0..4,
            )
        ) {
            let raw: Vec<Vec<String>> = raw
                .iter()
                .map(|r| r.iter().map(|s| s.to_string()).collect())
                .collect();
            proptest::prop_assert_eq!(spread(raw.clone()), spread_copied(&raw));
        }
    }

    fn rows(r: &[&[&str]]) -> Vec<Vec<String>> {
        r.iter()
            .map(|x| x.iter().map(|s| s.to_string()).collect())
            .collect()
    }

    #[test]
    fn a_measure_under_a_run_of_periods_spans_them_up_to_a_spacer() {
        let raw = rows(&[
            &["", "3. kvt.", "4. kvt.", "", "3. kvt.", "4. kvt."],
            &["", "antal", "", "", "udvikling i pct.", ""],
        ]);
        let s = spread(raw);
        assert_eq!(
            s[1],
            [
                "",
                "antal",
                "antal",
                "",
                "udvikling i pct.",
                "udvikling i pct."
            ]
        );
        // The upper row spans its empty cells as before.
        assert_eq!(s[0][3], "4. kvt.");
    }

    #[test]
    fn without_a_spacer_the_next_cell_of_the_last_row_ends_the_run() {
        let raw = rows(&[
            &["", "1. kvt.", "2. kvt.", "1. kvt", "2. kvt."],
            &["", "antal", "", "udvikling", ""],
        ]);
        assert_eq!(
            spread(raw)[1],
            ["", "antal", "antal", "udvikling", "udvikling"]
        );
    }

    #[test]
    fn a_column_naming_its_own_measure_takes_none_from_below() {
        // `Mio. kr.` under the years does not reach `Ændring i pct.`.
        let raw = rows(&[
            &["", "2023", "2024", "Ændring i pct."],
            &["", "Mio. kr.", "", ""],
        ]);
        assert_eq!(spread(raw)[1], ["", "Mio. kr.", "Mio. kr.", ""]);
    }

    #[test]
    fn a_last_row_cell_under_an_unnamed_column_does_not_spread() {
        // The upper cell spans (`2015 | |`), so the lower row's cells name
        // their own columns: an empty one stays empty.
        let raw = rows(&[&["", "2015", "", "2016"], &["", "Total", "", "Total"]]);
        assert_eq!(spread(raw)[1], ["", "Total", "", "Total"]);
        // One header row: nothing spreads.
        let one = rows(&[&["", "2015", "", "2016"]]);
        assert_eq!(spread(one.clone()), one);
    }
}
