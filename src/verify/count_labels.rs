//! Prices by a count in the label: `… 1 gravplads`, `… 2 gravpladser`,
//! `… ekstra gravplads`, the labels alike but for the count (and the
//! noun's plural ending). Two places cost one place and an extra one:
//! `2 … = 1 … + ekstra …`.
//!
//! The words alone do not make that an equation (a second place may cost
//! less, or the `2` row be twice the `1` row with the extra place priced
//! apart), so a set of three is judged only where the table establishes
//! the rule: another set of three in the same table holds (exactly or
//! within rounding) in every column it has figures in. Then each set not
//! judged otherwise is judged, errors and all. A set already judged by
//! another reading (`ekstra = 2 − 1`, found by the figures) is not said
//! twice.

use super::engine::{push, State};
use super::establish::{quick_rows, row_sum, Kind};
use super::grid::Grid;

/// The longest labels looked at (words): a price list's rows are short.
const MAX_WORDS: usize = 24;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Count {
    One,
    Two,
    Extra,
}

fn count(word: &str) -> Option<Count> {
    match word {
        "1" => Some(Count::One),
        "2" => Some(Count::Two),
        "ekstra" => Some(Count::Extra),
        _ => None,
    }
}

/// The same noun in the singular or the plural (`gravplads`,
/// `gravpladser`; `plads,` and `pladser,`): one is the other with at most
/// two letters added, and any punctuation after them the same.
fn same_noun(a: &str, b: &str) -> bool {
    let tail = |w: &str| w.len() - w.trim_end_matches([',', '.', ':', ';', ')']).len();
    let (ta, tb) = (tail(a), tail(b));
    let (wa, wb) = (&a[..a.len() - ta], &b[..b.len() - tb]);
    if a[a.len() - ta..] != b[b.len() - tb..] || wa.is_empty() || wb.is_empty() {
        return false;
    }
    let (short, long) = if wa.len() <= wb.len() {
        (wa, wb)
    } else {
        (wb, wa)
    };
    long.starts_with(short)
        && long.len() - short.len() <= 2
        && long[short.len()..].chars().all(|c| c.is_ascii_lowercase())
}

/// The label's words, lowercased, and where its count stands, with the
/// count.
fn words(label: &str) -> Vec<String> {
    label
        .split_whitespace()
        .take(MAX_WORDS + 1)
        .map(str::to_lowercase)
        .collect()
}

/// `b` is `a` with its count at `i` changed (and the noun after it in
/// another number): the counts of both.
fn alike(a: &[String], b: &[String]) -> Option<(usize, Count, Count)> {
    if a.len() != b.len() || a.len() > MAX_WORDS {
        return None;
    }
    let differ: Vec<usize> = (0..a.len()).filter(|&k| a[k] != b[k]).collect();
    let i = *differ.first()?;
    let (ca, cb) = (count(&a[i])?, count(&b[i])?);
    match differ.as_slice() {
        [_] => {}
        [_, j] if *j == i + 1 && same_noun(&a[*j], &b[*j]) => {}
        _ => return None,
    }
    Some((i, ca, cb))
}

/// Whether a word of the label (among its first words) is a count: `1`,
/// `2` or `ekstra` in any case.
fn counted_words(label: &str) -> bool {
    label
        .split_whitespace()
        .take(MAX_WORDS + 1)
        .any(|w| matches!(w, "1" | "2") || w.eq_ignore_ascii_case("ekstra"))
}

/// Whether the label's bytes hold a `1`, a `2` or `ekstra` in any ASCII
/// case: never false where [`counted_words`] is true (each of its words is
/// those bytes), and cheaper to ask.
fn may_count(label: &str) -> bool {
    // A plain loop: a label is a few bytes, where `memchr` costs more to
    // set up than it saves.
    let b = label.as_bytes();
    b.iter().enumerate().any(|(k, &c)| {
        matches!(c, b'1' | b'2')
            || (matches!(c, b'k' | b'K')
                && k >= 1
                && b.get(k - 1..k + 5)
                    .is_some_and(|w| w.eq_ignore_ascii_case(b"ekstra")))
    })
}

/// Whether a label has a count among its words (`1`, `2`, `ekstra`),
/// asked once per row when the grid is read (`LabelCues::count`). The
/// label's bytes are looked through first: most have no `1`, `2` or
/// `ekstra` at all.
pub(super) fn counted(label: &str) -> bool {
    may_count(label) && counted_words(label)
}

/// Every set of three rows (one, two, extra) with their place in the
/// table, in row order of the `2` row.
fn triples(g: &Grid) -> Vec<(usize, usize, usize)> {
    // Two sets need four rows with a count in their label at least (two
    // `2 X` rows may share their `1 X` and `ekstra X`), or none is looked
    // for (most tables: no words are split).
    if g.rows
        .iter()
        .filter(|r| r.has_figures() && r.cues.count)
        .nth(3)
        .is_none()
    {
        return Vec::new();
    }
    let labelled: Vec<(usize, Vec<String>)> = g
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.has_figures())
        .map(|(i, r)| (i, words(&r.label)))
        .filter(|(_, w)| w.iter().any(|x| count(x).is_some()))
        .collect();
    let mut out = Vec::new();
    for (two, wt) in &labelled {
        let mut one = None;
        let mut extra = None;
        let mut many = false;
        for (r, w) in &labelled {
            if r == two {
                continue;
            }
            match alike(wt, w) {
                Some((_, Count::Two, Count::One)) => {
                    many |= one.is_some();
                    one = Some(*r);
                }
                Some((_, Count::Two, Count::Extra)) => {
                    many |= extra.is_some();
                    extra = Some(*r);
                }
                _ => {}
            }
        }
        if let (Some(o), Some(e), false) = (one, extra, many) {
            out.push((*two, o, e));
        }
    }
    out
}

pub(super) fn find(g: &Grid, s: &mut State) {
    let sets = triples(g);
    if sets.len() < 2 {
        return;
    }
    let fares: Vec<(usize, usize)> = sets
        .iter()
        .map(|&(two, one, extra)| quick_rows(g, two, &[(false, one), (false, extra)]))
        .collect();
    for (k, &(two, one, extra)) in sets.iter().enumerate() {
        let witnessed = fares
            .iter()
            .enumerate()
            .any(|(q, &(h, f))| q != k && h >= 1 && f == 0);
        let (holds, fails) = fares[k];
        if !witnessed
            || holds + fails == 0
            || s.out.iter().any(|i| [two, one, extra].contains(&i.at.0))
        {
            continue;
        }
        let what = format!(
            "{:?} + {:?} (the counts in the labels)",
            g.rows[one].label, g.rows[extra].label
        );
        push(
            s,
            row_sum(g, two, &[(false, one), (false, extra)], Kind::Sum, what),
        );
        s.explained[two] = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        words(s)
    }

    #[test]
    fn labels_alike_but_for_the_count() {
        assert_eq!(
            alike(
                &w("Erhvervelse af 2 kistepladser, 20 år"),
                &w("Erhvervelse af 1 kisteplads, 20 år")
            ),
            Some((2, Count::Two, Count::One))
        );
        assert_eq!(
            alike(&w("Hæk 2 gravpladser"), &w("Hæk ekstra gravplads")),
            Some((1, Count::Two, Count::Extra))
        );
        // Another noun, another word elsewhere, or no count: not alike.
        assert_eq!(alike(&w("Hæk 2 gravpladser"), &w("Hæk 1 urnested")), None);
        assert_eq!(
            alike(&w("Hæk 2 pladser, 20 år"), &w("Hæk 1 plads, 10 år")),
            None
        );
        assert_eq!(alike(&w("Hæk to pladser"), &w("Hæk en plads")), None);
    }

    #[test]
    fn the_quick_look_for_counts() {
        assert!(may_count("Hæk 2 gravpladser"));
        assert!(may_count("Hæk EKSTRA gravplads"));
        assert!(may_count("Center 1"));
        assert!(!may_count("Center 3"));
        assert!(!may_count("Konto 6 (service)"));
        assert!(!may_count("Kstra"));
    }

    proptest::proptest! {
        /// The quick look on the label's bytes never refuses a label whose
        /// words hold a count (`1`, `2`, `ekstra` in any case).
        #[test]
        fn quick_look_for_counts_is_exact(
            label in "(Hæk|ekstra|EkStRa|kstra|e|k|K|1|2|12|21|3|Center|æ|É| |\t|\u{a0}|,|-){0,8}"
        ) {
            if counted_words(&label) {
                proptest::prop_assert!(may_count(&label), "{:?}", label);
            }
        }
    }
}
