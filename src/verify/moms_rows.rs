//! Moms rows (issue 9): in a price list (`takstblad`) the moms is often a
//! row of its own under the price it is charged on, then the price with
//! moms: `Fast afgift kr. pr. måler 348,00` / `Moms kr. pr. måler 87,00` /
//! `Forbrugerpris kr. pr. måler 435,00`, or `Pris/kWh uden moms 117,75` /
//! `Moms 25% 29,44` / `Pris/kWh med moms 147,19`. The total below is a sum
//! the labelled totals judge; the moms row itself is 25 % (Danish moms) of
//! the row directly above it, or of the block of rows above it (`Vandpris`
//! + `Vandafgift` + `Vandafledningsafgift` / `Moms 25%`).
//!
//! The label says moms, the figures decide: a row whose label begins with
//! `moms` (or `25% moms`), saying no other rate, is read as 25 % of the
//! row above it or of the block above it in every amount column, whichever
//! holds in more columns; a row that fits neither is read the way most of
//! the table's moms rows are (so that its error is told against them), and
//! not at all where a garbled figure above it hides its block. Taken over
//! every moms row of the table, the reading must hold somewhere and be
//! unlikely to hold by coincidence (below 1 %); it is then judged where it
//! fails only when it holds in at least two places and in more places than
//! it fails (a structure the table's own figures establish). Holding
//! somewhere but not so established, the rows are reported not understood;
//! holding nowhere, a row whose label names the rate (`Moms 25%`) is
//! reported not understood, and a bare `Moms` (a budget's `Moms` line, a
//! refund) is not read as a moms row at all. Never an error on a guess.
//!
//! Cheap where no label says moms: a look at each label's first bytes.

use super::engine::{has_figs, push, said_not_understood, State};
use super::establish::{row_sum, tally, Candidate, Expr, Instance, Kind};
use super::figure::{Cell, Unit};
use super::grid::{ColKind, Grid, Role};
use crate::money::Decimal;

/// Danish moms: 25 % of the price without it.
const MOMS: Decimal = Decimal::from_parts(25, 0, 0, false, 0);

/// Whether a label is a moms row's: `Moms`, `Moms 25%`, `Moms 25 %`,
/// `Moms (25%)`, `25% moms`, `Moms kr. pr. måler`, `+ moms`. A rate other
/// than 25 % (`Moms 12,5%`), or a number other than the rate, is no moms
/// row of this kind.
pub fn moms_label(label: &str) -> bool {
    let t = label.trim_start_matches(|c: char| c == '+' || c.is_whitespace());
    let t = t
        .strip_prefix("25%")
        .or_else(|| t.strip_prefix("25 %"))
        .map_or(t, str::trim_start);
    let Some(head) = t.get(..4) else {
        return false;
    };
    if !head.eq_ignore_ascii_case("moms") {
        return false;
    }
    let rest = &t[4..];
    // `Momsrefusion`, `Momsudligning`: another word.
    if rest.starts_with(char::is_alphanumeric) {
        return false;
    }
    // At most the rate 25 %, once; no other figure.
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    match digits.as_str() {
        "" => !rest.contains('%'),
        "25" => {
            let after = rest.split("25").nth(1).unwrap_or("");
            after.trim_start().starts_with('%')
                && !label.trim_start().starts_with(|c: char| c.is_ascii_digit())
        }
        _ => false,
    }
}

/// Whether a moms row's label names its rate (`Moms 25%`, `25% moms`):
/// the only figure [`moms_label`] lets a label name.
fn names_rate(g: &Grid, r: usize) -> bool {
    g.rows[r].label.contains("25")
}

/// An amount: a figure that is no per cent.
fn amount(g: &Grid, r: usize, c: usize) -> bool {
    matches!(g.rows.get(r).and_then(|x| x.cells.get(c)), Some(Cell::Fig(f)) if f.unit != Some(Unit::Percent))
}

fn row_ok(g: &Grid, r: usize) -> bool {
    has_figs(g, r) && !matches!(g.rows[r].role, Role::Section | Role::HerafMarker)
}

/// The rows a moms row may be charged on: the rows with figures directly
/// above it, back to a row without figures or another moms row. None where
/// a row above holds text that is no figure (`1.959.48 kr.`, a copy's
/// garbled price): what the moms is charged on is then not known.
fn block_above(g: &Grid, r: usize) -> Option<Vec<usize>> {
    let block: Vec<usize> = (0..r)
        .rev()
        .take_while(|&i| row_ok(g, i) && !g.rows[i].cues.moms)
        .collect();
    let stop = r.checked_sub(block.len() + 1);
    let unreadable = stop.is_some_and(|i| {
        let row = &g.rows[i];
        !matches!(row.role, Role::Section | Role::HerafMarker)
            && row.cells.iter().zip(row.texts()).any(|(cell, text)| {
                matches!(cell, Cell::Text) && text.bytes().any(|b| b.is_ascii_digit())
            })
    });
    (!unreadable).then_some(block)
}

fn instance(g: &Grid, r: usize, c: usize, bases: &[usize]) -> Instance {
    let what = match bases {
        [b] => Expr::Rate {
            base: (*b, c),
            rate: MOMS,
            result: (r, c),
        },
        _ => Expr::RateOfSum {
            bases: bases.iter().rev().map(|&b| (b, c)).collect(),
            rate: MOMS,
            result: (r, c),
        },
    };
    let of = match bases {
        [b] => g.rows[*b].label.clone(),
        _ => format!("the {} rows above", bases.len()),
    };
    Instance {
        kind: Kind::Formula,
        name: format!(
            "{} [{}]: moms, 25 % of {of}",
            g.rows[r].label, g.cols[c].header
        )
        .into(),
        at: (r, c),
        what: Ok(what),
    }
}

/// A moms row's instances on `bases`, in every column where all its
/// figures are amounts.
fn on(g: &Grid, r: usize, cols: &[usize], bases: &[usize]) -> Vec<Instance> {
    cols.iter()
        .filter(|&&c| amount(g, r, c) && bases.iter().all(|&b| amount(g, b, c)))
        .map(|&c| instance(g, r, c, bases))
        .collect()
}

fn holds(g: &Grid, instances: &[Instance]) -> usize {
    let cand = Candidate {
        instances: instances.to_vec(),
        what: String::new(),
        prefer: false,
    };
    tally(g, &cand).0
}

pub(super) fn find(g: &Grid, s: &mut State) {
    const NO_AMOUNT: &str = "the label says moms at 25 %, and no column of amounts holds both it and a row of figures above it";
    let mut rows = Vec::new();
    for r in 0..g.rows.len() {
        if !(row_ok(g, r) && !s.explained[r] && g.rows[r].cues.moms) {
            continue;
        }
        if r > 0 && row_ok(g, r - 1) && !g.rows[r - 1].cues.moms {
            rows.push(r);
        } else if names_rate(g, r) {
            // A label naming the rate states the relation: said, though
            // no row of figures above it is what it is charged on.
            said_not_understood(g, s, r, Kind::Formula, "moms of the rows above", NO_AMOUNT);
        }
    }
    if rows.is_empty() {
        return;
    }
    let cols: Vec<usize> = (0..g.cols.len())
        .filter(|&c| matches!(g.cols[c].kind, ColKind::Amount | ColKind::RowTotal))
        .collect();
    // Each row's two readings: the row above, the block above (where it
    // has two rows or more; `None` where a garbled figure hides it); the
    // one that holds in more columns is the row's (`Some(true)`: the
    // block), the row above where both hold alike, none where neither
    // holds.
    struct Readings {
        r: usize,
        above: Vec<Instance>,
        of_block: Option<Vec<Instance>>,
        block: Vec<usize>,
        pick: Option<bool>,
    }
    let readings: Vec<Readings> = rows
        .iter()
        .map(|&r| {
            let above = on(g, r, &cols, &[r - 1]);
            let block = block_above(g, r);
            let of_block = block.as_deref().map(|b| {
                if b.len() >= 2 {
                    on(g, r, &cols, b)
                } else {
                    Vec::new()
                }
            });
            let (a, b) = (
                holds(g, &above),
                of_block.as_deref().map_or(0, |i| holds(g, i)),
            );
            let pick = if b > a {
                Some(true)
            } else if a > 0 {
                Some(false)
            } else {
                None
            };
            Readings {
                r,
                above,
                of_block,
                block: block.unwrap_or_default(),
                pick,
            }
        })
        .collect();
    // A row that holds in neither way takes the table's way (the block
    // above where more rows are charged so), so that its error is told
    // against what the other moms rows are; where its block is not known
    // (a garbled figure above it), it is not judged.
    let by_block = readings.iter().filter(|x| x.pick == Some(true)).count();
    let by_row = readings.iter().filter(|x| x.pick == Some(false)).count();
    let chosen = readings.into_iter().map(|x| {
        let garbled = x.of_block.is_none();
        let above = vec![x.r - 1];
        let (inst, bases) = match (x.pick, x.of_block) {
            (Some(true), Some(b)) => (b, x.block),
            (Some(false), _) => (x.above, above),
            (_, None) => (Vec::new(), Vec::new()),
            // A block of one row is the row above.
            (_, Some(b)) if by_block > by_row && !b.is_empty() => (b, x.block),
            (_, Some(_)) => (x.above, above),
        };
        (x.r, inst, garbled, bases)
    });
    let mut instances = Vec::new();
    let mut results = Vec::new();
    let mut charged = Vec::new();
    for (r, inst, garbled, bases) in chosen {
        if !inst.is_empty() {
            results.push(r);
            charged.push((r, bases));
            instances.extend(inst);
        } else if names_rate(g, r) {
            let why = if garbled {
                "the label says moms at 25 %, and a figure above it cannot be read, so what it is charged on is not known"
            } else {
                NO_AMOUNT
            };
            said_not_understood(g, s, r, Kind::Formula, "moms of the rows above", why);
        }
    }
    if results.is_empty() {
        return;
    }
    let cand = Candidate {
        instances,
        what: "each moms row 25 % of what it is charged on".to_string(),
        prefer: false,
    };
    let (holds, fails, chance) = tally(g, &cand);
    let unlikely = chance <= Decimal::new(1, 2);
    if holds >= 1 && unlikely && (fails == 0 || (holds >= 2 && fails < holds)) {
        for &r in &results {
            s.explained[r] = true;
        }
        push(s, cand);
        with_moms(g, s, &charged);
        return;
    }
    // Holding nowhere, a bare `Moms` is no moms of the rows above (a
    // budget's `Moms` line): nothing to say. A label naming the rate
    // (`Moms 25%`, `25% moms`) states the relation, so a row of it that
    // holds nowhere is said, never passed over in silence.
    if holds == 0 {
        let why = "the label says moms at 25 %, and 25 % of neither the row above nor the rows above it holds in any column";
        for r in results {
            if names_rate(g, r) {
                said_not_understood(g, s, r, Kind::Formula, "moms of the rows above", why);
            }
        }
        return;
    }
    let why = format!(
        "the label says moms, and 25 % of the rows above holds in {holds} place(s) of the table's moms rows and fails in {fails}"
    );
    for r in results {
        said_not_understood(g, s, r, Kind::Formula, "moms of the rows above", &why);
    }
}

/// Whether a label says it is a price with moms: `… incl. moms …`,
/// `Pris/kWh med moms`, `Forbrugerpris …` (the consumer's price, moms
/// included).
fn says_with_moms(label: &str) -> bool {
    let l = label.to_lowercase();
    l.contains("forbrugerpris")
        || [
            "inkl. moms",
            "incl. moms",
            "inkl moms",
            "incl moms",
            "med moms",
            "inklusive moms",
            "inklusiv moms",
        ]
        .iter()
        .any(|w| l.contains(w))
}

/// The rows under established moms rows: the price with moms (the rows
/// the moms is charged on plus the moms), `Forbrugerpris kr. pr. måler`
/// under `Fast afgift kr. pr. måler` and `Moms kr. pr. måler`. A row whose
/// label says so is judged where the table's own figures establish the
/// reading (it holds in at least two places and in more than it fails, and
/// is unlikely to hold by coincidence), and said not understood where they
/// do not; a row whose label does not say so (any row may follow a moms
/// row) is judged only where its own columns establish it (it holds in at
/// least two and fails in fewer, or holds and fails nowhere): never an
/// error on a guess. A row labelled a total is left to the labelled totals.
fn with_moms(g: &Grid, s: &mut State, charged: &[(usize, Vec<usize>)]) {
    let mut rows = Vec::new();
    for (r, bases) in charged {
        let n = r + 1;
        if n >= g.rows.len()
            || !row_ok(g, n)
            || s.explained[n]
            || s.parent[n].is_some()
            || g.rows[n].cues.moms
            || bases.contains(&n)
            // A labelled total (`Vandpris i alt pr. m3`) is the labelled
            // totals' to read, with the subtotals its block holds.
            || matches!(g.rows[n].role, Role::Total { .. })
        {
            continue;
        }
        let mut parts: Vec<(bool, usize)> = bases.iter().rev().map(|&b| (false, b)).collect();
        parts.push((false, *r));
        let what = match bases.as_slice() {
            [b] => format!(
                "price with moms, {} + {}",
                g.rows[*b].label.trim(),
                g.rows[*r].label.trim()
            ),
            _ => format!(
                "price with moms, the {} rows above + {}",
                bases.len(),
                g.rows[*r].label.trim()
            ),
        };
        let cand = row_sum(g, n, &parts, Kind::Sum, what);
        let (h, f, _) = tally(g, &cand);
        rows.push((n, says_with_moms(&g.rows[n].label), cand, h, f));
    }
    if rows.is_empty() {
        return;
    }
    let all = Candidate {
        instances: rows.iter().flat_map(|x| x.2.instances.clone()).collect(),
        what: "each price with moms the price and its moms".to_string(),
        prefer: false,
    };
    let (holds, fails, chance) = tally(g, &all);
    let unlikely = chance <= Decimal::new(1, 2);
    let established = holds >= 1 && unlikely && (fails == 0 || (holds >= 2 && fails < holds));
    for (n, said, cand, h, f) in rows {
        let own = h >= 1 && (f == 0 || (h >= 2 && f < h));
        if (said && established) || (own && unlikely) {
            s.explained[n] = true;
            push(s, cand);
        } else if said {
            let why = format!(
                "the label says the price with moms, and the price and its moms add up to it in {holds} place(s) of the table's prices with moms and fail in {fails}"
            );
            said_not_understood(g, s, n, Kind::Sum, "price with moms", &why);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::moms_label;

    #[test]
    fn moms_labels_are_known_by_their_first_word_and_rate() {
        for yes in [
            "Moms",
            "Moms 25%",
            "Moms 25 %",
            "Moms (25%)",
            "25% moms",
            "25 % moms",
            "Moms kr. pr. måler",
            "Moms kr. pr.stik",
            "+ moms",
            "MOMS",
        ] {
            assert!(moms_label(yes), "{yes}");
        }
        for no in [
            "Momsrefusion",
            "Moms 12,5%",
            "Moms 2023",
            "Pris inkl. moms",
            "Heraf moms",
            "Moms %",
            "Udgifter",
            "Mom",
            "25% moms 2024",
        ] {
            assert!(!moms_label(no), "{no}");
        }
    }
}
