//! Rows whose label names a rate of another row (issue 9): a tariff's
//! volume bands `251 – 500 m3 / år (1,5 x bidrag)`, `(2 x bidrag)`, … are
//! that many times the band's base `bidrag`; a benefit's `Flexydelse 91%`
//! beside `Flexydelse 100%`, or `Fuldtidsforsikret (91%-sats)` beside
//! `Fuldtidsforsikret (100%-sats)`, is 91 % of it.
//!
//! - **A percentage pair**: two rows of amounts whose labels are the same
//!   but for the percentage, one of them 100 %: the other is its
//!   percentage of it. The labels name both rows and the rate, so the
//!   table's own pattern decides: taken over every such pair of the table
//!   and every column, it must hold somewhere, fail in no more places than
//!   it holds, and be unlikely to hold by coincidence (below 1 %); then a
//!   failing place is an error. Holding nowhere, or failing more often than
//!   it holds (`Refusion 50 %` beside `Refusion 100 %` as budget lines), the
//!   rows are reported not understood, never an error.
//! - **A multiplier** (`k x bidrag`, `k × bidrag`, `k gange bidrag`): the
//!   rows naming the same word in one section are each k times one base
//!   row of that section (a row without a multiplier); which row, the
//!   figures choose: the base with which the most hold. A failing row is an
//!   error where at least two places hold and more hold than fail;
//!   otherwise the rows are said, not judged.
//! - **A percentage of a row the figures choose** (`82% - dimittendsats`
//!   under `Dagpenge (100%)`, `Ungesats (50% sats)` under `Maksimal
//!   dagpengesats`, `100 pct. sats, fuldtidsforsikret` under
//!   `Fuldtidsforsikret`): a row whose label names a percentage and that
//!   no other reading of the table explains (run last, [`percent_rows`])
//!   is that percentage of one row (naming no percentage, or 100 % for
//!   another rate): the row with which it holds in the most columns,
//!   unlikely by coincidence among the rows tried, the same in every
//!   column. A confirmation, never an error: judged where it holds, and
//!   where it fails (a yearly column of twelve rounded months, or a
//!   misprint) said not understood — the labels name the rate, not its
//!   base. Rows of different figures that fit as often: nothing is said.
//! - Prices with moms beside prices without (`Incl. moms` | `Excl. moms`):
//!   judged in the column without moms only — the other is 125 % of it by
//!   the column's own relation, and a wrong band would be wrong twice.
//!
//! Cheap where no label names a rate: a remembered look at each label.

use super::engine::{has_figs, push, said_not_understood, State};
use super::establish::{tally, Candidate, Expr, Instance, Kind};
use super::figure::{Cell, Unit};
use super::grid::{ColKind, Grid, Role};
use crate::money::{Decimal, Exact as _};
use std::collections::HashMap;

/// What a label says of its row's rate.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Named {
    /// `Flexydelse 91%`: the percentage, and the label without it.
    Percent { pct: Decimal, rest: String },
    /// `(1,5 x bidrag)`: the factor and the word it multiplies.
    Times { k: Decimal, word: String },
}

fn named(label: &str) -> Option<Named> {
    if !may_name_rate(label) {
        return None;
    }
    thread_local! {
        static SEEN: super::memo::Memo<Option<Named>> = super::memo::Memo::new(1024);
    }
    SEEN.with(|m| m.get(label, named_now))
}

/// A quick look before the remembered one: a label names a rate only with
/// `%`, `pct`, `procent`, `x`, `×` or `gange` in it (in any case), so
/// without any of the bytes `%`, `p`, `x`, `g` (either case) and `×`'s last
/// byte it names none (no other character lowercases to one of those
/// letters). Most labels (`Center 1`, `I alt`) are let go here.
fn may_name_rate(label: &str) -> bool {
    label
        .bytes()
        .any(|b| matches!(b, b'%' | b'p' | b'P' | b'x' | b'X' | b'g' | b'G' | 0x97))
}

/// A Danish factor or percentage as printed in a label: `1,5`, `2`, `91`,
/// `1½`.
fn number(t: &str) -> Option<Decimal> {
    let t = t.trim();
    if t.is_empty() || t.len() > 8 {
        return None;
    }
    let (t, half) = match t.strip_suffix('½') {
        Some(x) => (x, true),
        None => (t, false),
    };
    if !t.chars().all(|c| c.is_ascii_digit() || c == ',')
        || !t.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let v: Decimal = t.replace(',', ".").parse().ok()?;
    if half {
        v.exact_add(Decimal::new(5, 1))
    } else {
        Some(v)
    }
}

fn named_now(label: &str) -> Option<Named> {
    let l = label.to_lowercase();
    if let Some(n) = times(&l) {
        return Some(n);
    }
    // `91 pct. sats`, `100 procent sats`: the per cent written as a word.
    let l = if l.contains('%') { l } else { pct_word(&l)? };
    // Exactly one percentage in the label.
    if l.matches('%').count() != 1 {
        return None;
    }
    let at = l.find('%')?;
    // `62,11 %`, `(91 %)`: a space may stand before the sign.
    let head = l.get(..at)?.trim_end();
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_ascii_digit() || c == ',')
        .last()
        .map(|(i, _)| i)?;
    let pct = number(head.get(start..)?)?;
    let before = head.get(..start)?;
    // `0-25%`, `+5%`: a range or a change, not a rate of another row.
    if before.ends_with(['-', '–', '+']) || pct.is_zero() || pct > Decimal::from(1000) {
        return None;
    }
    let rest = format!("{before}#{}", l.get(at + 1..)?);
    let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(Named::Percent { pct, rest })
}

/// `fuldtidsforsikrede (91 pct. sats)` as `fuldtidsforsikrede (91% sats)`:
/// a number followed by the word `pct.`, `pct` or `procent`, once.
fn pct_word(l: &str) -> Option<String> {
    if !l.contains("pct") && !l.contains("procent") {
        return None;
    }
    let ws: Vec<&str> = l.split(' ').collect();
    let i = ws.iter().position(|w| {
        matches!(
            w.trim_end_matches([')', ',', ':']),
            "pct." | "pct" | "procent"
        )
    })?;
    let num = ws.get(i.checked_sub(1)?)?;
    if !num.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let word = ws.get(i)?;
    let tail = word
        .trim_start_matches("procent")
        .trim_start_matches("pct.")
        .trim_start_matches("pct");
    let mut out: Vec<String> = ws.iter().map(|w| w.to_string()).collect();
    out[i - 1] = format!("{num}%{tail}");
    out.remove(i);
    Some(out.join(" "))
}

/// `… (1,5 x bidrag)`, `3 × bidrag`, `2 gange bidrag`.
fn times(l: &str) -> Option<Named> {
    let ws: Vec<&str> = l
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .collect();
    let i = ws.iter().position(|w| matches!(*w, "x" | "×" | "gange"))?;
    let k = number(ws.get(i.checked_sub(1)?)?)?;
    let word = ws.get(i + 1)?.trim_matches(|c: char| !c.is_alphanumeric());
    if k <= Decimal::ZERO || k == Decimal::ONE || k > Decimal::ONE_HUNDRED {
        return None;
    }
    (word.chars().count() >= 3 && word.chars().all(char::is_alphabetic)).then(|| Named::Times {
        k,
        word: word.to_string(),
    })
}

/// A cell of amounts: a figure that is no per cent.
fn amount(g: &Grid, r: usize, c: usize) -> bool {
    matches!(g.rows.get(r).and_then(|x| x.cells.get(c)), Some(Cell::Fig(f)) if f.unit != Some(Unit::Percent))
}

/// The columns a rate is judged in: amount columns, without those with
/// moms where a column without moms stands beside them.
fn columns(g: &Grid) -> Vec<usize> {
    let cols: Vec<usize> = (0..g.cols.len())
        .filter(|&c| matches!(g.cols[c].kind, ColKind::Amount | ColKind::RowTotal))
        .collect();
    let moms = |c: usize| super::column_relations::moms(&g.cols[c].header);
    if cols.iter().any(|&c| moms(c) == Some(false)) {
        cols.into_iter()
            .filter(|&c| moms(c) != Some(true))
            .collect()
    } else {
        cols
    }
}

/// A rate as a message writes it: as many decimals as it has (`62,11`,
/// `50`), no thousands separator.
fn shown_rate(rate: Decimal) -> String {
    let r = rate.normalize();
    crate::numfmt::format_number(r, r.scale(), crate::numfmt::NumberStyle::DANISH_UNGROUPED)
}

fn rate_instance(g: &Grid, r: usize, base: usize, c: usize, rate: Decimal) -> Instance {
    Instance {
        kind: Kind::Formula,
        name: format!(
            "{} [{}]: {}% of {}",
            g.rows[r].label,
            g.cols[c].header,
            shown_rate(rate),
            g.rows[base].label
        )
        .into(),
        at: (r, c),
        what: Ok(Expr::Rate {
            base: (base, c),
            rate,
            result: (r, c),
        }),
    }
}

/// Whether an instance holds on the printed figures (judged, not failing).
fn instance_holds(g: &Grid, i: &Instance) -> bool {
    i.what
        .as_ref()
        .is_ok_and(|e| !super::establish::fails(g, e))
}

fn said(g: &Grid, s: &mut State, r: usize, why: &str) {
    said_not_understood(g, s, r, Kind::Formula, "rate named by the label", why);
}

/// Which rows stand in one block: every row between them has figures.
/// Asked by counting the rows without figures before each row, once per
/// table, so that each question is two look-ups.
struct Blocks(Vec<usize>);

impl Blocks {
    fn of(g: &Grid) -> Blocks {
        let mut without = Vec::with_capacity(g.rows.len() + 1);
        let mut n = 0usize;
        without.push(n);
        for i in 0..g.rows.len() {
            n += usize::from(!has_figs(g, i));
            without.push(n);
        }
        Blocks(without)
    }

    /// Rows `a` and `b` stand in one block: every row from one to the
    /// other, both included, has figures.
    fn same(&self, a: usize, b: usize) -> bool {
        let (lo, hi) = (a.min(b), a.max(b));
        matches!((self.0.get(lo), self.0.get(hi + 1)), (Some(x), Some(y)) if x == y)
    }
}

fn row_ok(g: &Grid, r: usize) -> bool {
    has_figs(g, r) && !matches!(g.rows[r].role, Role::Section | Role::HerafMarker)
}

/// The rows of a table whose label names a rate, each with what it names:
/// asked of the grid alone, once for both passes of this module ([`find`],
/// [`percent_rows`]).
pub(super) struct RateRows(Vec<(usize, Named)>);

/// The table's [`RateRows`].
pub(super) fn rate_rows(g: &Grid) -> RateRows {
    RateRows(
        (0..g.rows.len())
            .filter(|&r| row_ok(g, r))
            .filter_map(|r| named(&g.rows[r].label).map(|n| (r, n)))
            .collect(),
    )
}

pub(super) fn find(g: &Grid, s: &mut State, rows: &RateRows) {
    let rows = rows.0.as_slice();
    if rows.is_empty() {
        return;
    }
    let cols = columns(g);
    percent_pairs(g, s, rows, &cols);
    multipliers(g, s, rows, &cols);
}

/// The percentage pairs of the table: see the module.
fn percent_pairs(g: &Grid, s: &mut State, rows: &[(usize, Named)], cols: &[usize]) {
    let hundred = Decimal::ONE_HUNDRED;
    let mut instances = Vec::new();
    let mut results = Vec::new();
    // The rows of 100 % by the rest of their label, in order (each rate
    // row looked through every rate row: 120 000 rows, every other `Moms
    // 25%`, took 11 s).
    let mut hundreds: HashMap<&str, Vec<usize>> = HashMap::new();
    for (b, m) in rows {
        if let Named::Percent { pct, rest } = m {
            if *pct == hundred {
                hundreds.entry(rest.as_str()).or_default().push(*b);
            }
        }
    }
    let mut blocks: Option<Blocks> = None;
    for (r, n) in rows {
        let Named::Percent { pct, rest } = n else {
            continue;
        };
        if *pct == hundred || s.explained[*r] {
            continue;
        }
        let bases: &[usize] = hundreds.get(rest.as_str()).map_or(&[], Vec::as_slice);
        // The same labels in several blocks (`Ydelser for fuldtidsforsikrede`,
        // `… deltidsforsikrede`): the 100 % row of the rate's own block.
        let bases: Vec<usize> = if bases.len() > 1 {
            let blocks = blocks.get_or_insert_with(|| Blocks::of(g));
            bases
                .iter()
                .copied()
                .filter(|&b| blocks.same(*r, b))
                .collect()
        } else {
            bases.to_vec()
        };
        let [base] = bases.as_slice() else { continue };
        let here: Vec<Instance> = cols
            .iter()
            .filter(|&&c| amount(g, *r, c) && amount(g, *base, c))
            .map(|&c| rate_instance(g, *r, *base, c, *pct))
            .collect();
        if !here.is_empty() {
            results.push(*r);
            instances.extend(here);
        }
    }
    if results.is_empty() {
        return;
    }
    let cand = Candidate {
        instances,
        what: "each percentage of its 100 % row".to_string(),
        prefer: false,
    };
    let (holds, fails, chance) = tally(g, &cand);
    if holds >= 1 && fails <= holds && chance <= Decimal::new(1, 2) {
        for &r in &results {
            s.explained[r] = true;
        }
        push(s, cand);
        return;
    }
    let why = format!(
        "the label names a percentage of its 100 % row, and over the table's such rows it holds in {holds} place(s) and fails in {fails}"
    );
    for r in results {
        said(g, s, r, &why);
    }
}

/// The rows whose label names a percentage of a row the figures choose
/// (see the module). Run after every other reading of rows, on the rows
/// none of them explains: a confirmation never stands in the way of a
/// reading that can find an error (`Rammebesparelse 2 %` over the rows
/// that split it, `Resultat (5 % af salg)` = income less costs).
pub(super) fn percent_rows(g: &Grid, s: &mut State, rows: &RateRows) {
    let rows = rows.0.as_slice();
    if !rows.iter().any(|(_, n)| matches!(n, Named::Percent { .. })) {
        return;
    }
    let cols = columns(g);
    let hundred = Decimal::ONE_HUNDRED;
    // The rate each row names, by row (a look-up per base of every row).
    let mut rates: Vec<Option<Decimal>> = vec![None; g.rows.len()];
    for (i, n) in rows.iter().rev() {
        if let Some(x) = rates.get_mut(*i) {
            *x = Some(match n {
                Named::Percent { pct, .. } => *pct,
                Named::Times { .. } => Decimal::ZERO,
            });
        }
    }
    let rate_of = |r: usize| rates.get(r).copied().flatten();
    // The relations the rows' readings hold together (each row × its bases
    // × the columns: 8 000 rows, every other `Ydelse 91%`, took more than
    // 40 s). Past the budget each row left is said.
    let mut budget = super::engine::Budget::relations();
    for (r, n) in rows {
        let (r, Named::Percent { pct, .. }) = (*r, n) else {
            continue;
        };
        // Moms rows are the moms pass's (`moms_rows.rs`).
        if s.explained[r]
            || g.rows[r].total_word.is_some()
            || matches!(g.rows[r].role, Role::Total { .. })
            || g.rows[r].cues.moms
        {
            continue;
        }
        if budget.spend(g.rows.len().saturating_mul(cols.len())) {
            let why = super::engine::Budget::too_long(g, "rows naming a rate");
            said(g, s, r, &why);
            continue;
        }
        // Bases: rows naming no rate; for a rate other than 100 %, also
        // the rows of 100 %.
        let bases: Vec<usize> = (0..g.rows.len())
            .filter(|&b| b != r && row_ok(g, b))
            .filter(|&b| g.rows[b].total_word.is_none())
            .filter(|&b| match rate_of(b) {
                None => true,
                Some(p) => p == hundred && *pct != hundred,
            })
            .collect();
        let limit = Decimal::new(1, 2)
            .checked_div(Decimal::from(bases.len().max(1)))
            .unwrap_or(Decimal::ZERO);
        // One base for the row, in every column: the row with which it
        // holds in the most columns, unlikely by coincidence there. Each
        // base: (row, holds, where it holds, where it fails).
        let scored: Vec<(usize, usize, Candidate, Vec<Instance>)> = bases
            .iter()
            .filter_map(|&b| {
                let (holding, failing): (Vec<Instance>, Vec<Instance>) = cols
                    .iter()
                    .filter(|&&c| amount(g, r, c) && amount(g, b, c))
                    .map(|&c| rate_instance(g, r, b, c, *pct))
                    .partition(|i| instance_holds(g, i));
                let holding = Candidate {
                    instances: holding,
                    what: "the percentage its label names of a row".to_string(),
                    prefer: false,
                };
                let (holds, _, chance) = tally(g, &holding);
                (holds >= 1 && chance <= limit).then_some((b, holds, holding, failing))
            })
            .collect();
        let Some(most) = scored.iter().map(|x| x.1).max() else {
            continue;
        };
        let best: Vec<&(usize, usize, Candidate, Vec<Instance>)> =
            scored.iter().filter(|x| x.1 == most).collect();
        // Bases of different figures that fit as often: which one, the
        // figures cannot say. Of the same figures: the nearest above.
        let figures = |b: usize| -> Vec<Option<Decimal>> {
            cols.iter()
                .map(|&c| match g.rows[b].cells.get(c) {
                    Some(Cell::Fig(f)) => Some(f.value),
                    _ => None,
                })
                .collect()
        };
        let Some(first) = best.first() else { continue };
        if best.iter().any(|x| figures(x.0) != figures(first.0)) {
            continue;
        }
        let Some((base, _, holding, failing)) = best
            .iter()
            .filter(|x| x.0 < r)
            .max_by_key(|x| x.0)
            .or(best.first())
            .map(|&x| x.clone())
        else {
            continue;
        };
        s.explained[r] = true;
        // Where it fails, said: the label names the rate, not its base
        // (a yearly column of twelve rounded months fails by the
        // rounding), so never an error; not where another reading judges
        // the cell (`12 × Pr. måned`).
        let judged = |at: (usize, usize)| s.out.iter().any(|o| o.at == at && o.what.is_ok());
        let failing: Vec<Instance> = failing.into_iter().filter(|i| !judged(i.at)).collect();
        let shown = shown_rate(*pct);
        for i in failing {
            s.out.push(Instance {
                what: Err(format!(
                    "not understood: the label names {shown}%, which is {shown}% of {:?} in {most} other column(s), not here",
                    g.rows[base].label
                )),
                ..i
            });
        }
        push(s, holding);
    }
}

/// The multiplier rows of the table: see the module.
fn multipliers(g: &Grid, s: &mut State, rows: &[(usize, Named)], cols: &[usize]) {
    if !rows.iter().any(|(_, n)| matches!(n, Named::Times { .. })) {
        return;
    }
    // Sections: the rows since the last row without figures. Each row's
    // section, the rows naming a multiple of each word in each section, and
    // the rows that name no rate, found once: each group looked through
    // every row and asked every label again (10 000 rows of distinct words,
    // 268 KB, took 27 s).
    let len = g.rows.len();
    let mut starts = vec![0usize; len];
    let mut start = 0;
    for (i, slot) in starts.iter_mut().enumerate() {
        if !has_figs(g, i) {
            start = i + 1;
        }
        *slot = start;
    }
    let mut ends = vec![len; len];
    let mut end = len;
    for i in (0..len).rev() {
        if !has_figs(g, i) {
            end = i;
        }
        ends[i] = end;
    }
    let section = |r: usize| if r > 0 { starts[r - 1] } else { 0 };
    let mut rate_row = vec![false; len];
    let mut by_word: std::collections::HashMap<(usize, &str), Vec<(usize, Decimal)>> =
        std::collections::HashMap::new();
    for (i, m) in rows {
        if let Some(x) = rate_row.get_mut(*i) {
            *x = true;
        }
        if let Named::Times { k, word } = m {
            by_word
                .entry((section(*i), word.as_str()))
                .or_default()
                .push((*i, *k));
        }
    }
    let mut done = vec![false; len];
    // The relations the groups' readings hold together (each group's rows
    // × the rows of its section × the columns): 4 000 rows, every other a
    // `(2 x bidrag)` band, took 3,1 GB. Past the budget a group is said.
    let mut budget = super::engine::Budget::relations();
    for (r, n) in rows {
        let Named::Times { word, .. } = n else {
            continue;
        };
        if done.get(*r).copied().unwrap_or(true) {
            continue;
        }
        let start = section(*r);
        let end = ends.get(*r).copied().unwrap_or(len);
        let group: Vec<(usize, Decimal)> = by_word
            .get(&(start, word.as_str()))
            .map(|g| {
                g.iter()
                    .copied()
                    .filter(|&(i, _)| (start..end).contains(&i) && !s.explained[i])
                    .collect()
            })
            .unwrap_or_default();
        for &(i, _) in &group {
            done[i] = true;
        }
        if group.is_empty() {
            continue;
        }
        // Rows that are fine and name no rate (`rows` holds every fine row
        // that names one).
        let bases: Vec<usize> = (start..end)
            .filter(|&b| row_ok(g, b) && !rate_row[b])
            .collect();
        if budget.spend(
            group
                .len()
                .saturating_mul(bases.len())
                .saturating_mul(cols.len()),
        ) {
            let why = super::engine::Budget::too_long(g, "rows naming a multiple");
            for &(r, _) in &group {
                said(g, s, r, &why);
            }
            continue;
        }
        let cands: Vec<Candidate> = bases
            .iter()
            .map(|&b| Candidate {
                instances: group
                    .iter()
                    .flat_map(|&(i, k)| {
                        cols.iter()
                            .filter(move |&&c| amount(g, i, c) && amount(g, b, c))
                            .filter_map(move |&c| {
                                Some(rate_instance(
                                    g,
                                    i,
                                    b,
                                    c,
                                    k.exact_mul(Decimal::ONE_HUNDRED)?,
                                ))
                            })
                    })
                    .collect(),
                what: format!("k × {}", g.rows[b].label),
                prefer: false,
            })
            .collect();
        let chosen = choose(g, &cands);
        match chosen {
            Ok(i) => {
                if let Some(c) = cands.into_iter().nth(i) {
                    for &(r, _) in &group {
                        s.explained[r] = true;
                    }
                    push(s, c);
                }
            }
            Err(why) => {
                for &(r, _) in &group {
                    said(g, s, r, &why);
                }
            }
        }
    }
}

/// The base the figures choose among `cands` (see the module), or why none.
fn choose(g: &Grid, cands: &[Candidate]) -> Result<usize, String> {
    let scored: Vec<(usize, usize, Decimal)> = cands.iter().map(|c| tally(g, c)).collect();
    let Some(best) =
        (0..cands.len()).max_by_key(|&i| (scored[i].0, std::cmp::Reverse(scored[i].1)))
    else {
        return Err("the label names a multiple of a row, and its section has no other row".into());
    };
    let (holds, fails, chance) = scored[best];
    if holds == 0 {
        return Err(
            "the label names a multiple of a row, and no row of its section fits it".to_string(),
        );
    }
    let cells = |c: &Candidate| -> Vec<(usize, usize)> {
        let mut v: Vec<(usize, usize)> = c
            .instances
            .iter()
            .filter(|i| instance_holds(g, i))
            .map(|i| i.at)
            .collect();
        v.sort_unstable();
        v
    };
    let mine = cells(&cands[best]);
    for (i, c) in cands.iter().enumerate() {
        if i != best && scored[i].0 > 0 && cells(c) != mine {
            return Err(format!(
                "the label names a multiple of a row, and both {} and {} fit somewhere",
                cands[best].what, c.what
            ));
        }
    }
    let limit = Decimal::new(1, 2)
        .checked_div(Decimal::from(cands.len().max(1)))
        .unwrap_or(Decimal::ZERO);
    if fails == 0 || (holds >= 2 && holds > fails && chance <= limit) {
        Ok(best)
    } else {
        Err(format!(
            "the label names a multiple of a row; {} holds in {holds} place(s) and fails in {fails}",
            cands[best].what
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_their_rates() {
        assert_eq!(
            named("251 – 500 m3 / år (1,5 x bidrag)"),
            Some(Named::Times {
                k: Decimal::new(15, 1),
                word: "bidrag".into()
            })
        );
        assert_eq!(
            named("5.001 – 10.000 m3 / år (4 x bidrag)"),
            Some(Named::Times {
                k: Decimal::from(4),
                word: "bidrag".into()
            })
        );
        let a = named("Fuldtidsforsikret (91%-sats)");
        let b = named("Fuldtidsforsikret (100%-sats)");
        match (a, b) {
            (
                Some(Named::Percent { pct: p, rest: x }),
                Some(Named::Percent { pct: q, rest: y }),
            ) => {
                assert_eq!((p, q), (Decimal::from(91), Decimal::ONE_HUNDRED));
                assert_eq!(x, y);
            }
            other => panic!("{other:?}"),
        }
        match named("Fuldtidsforsikrede (91 pct. sats)") {
            Some(Named::Percent { pct, rest }) => {
                assert_eq!(pct, Decimal::from(91));
                assert_eq!(rest, "fuldtidsforsikrede (# sats)");
            }
            other => panic!("{other:?}"),
        }
        match named("Efterløn (91 %) når 2 årsregel ikke er opfyldt, fuldtid") {
            Some(Named::Percent { pct, .. }) => assert_eq!(pct, Decimal::from(91)),
            other => panic!("{other:?}"),
        }
        match named("62,11 % dimittendsats (dimittender over 30 år)") {
            Some(Named::Percent { pct, .. }) => assert_eq!(pct, Decimal::new(6211, 2)),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            named("Efterløn 100 procent"),
            Some(Named::Percent {
                pct: Decimal::ONE_HUNDRED,
                rest: "efterløn #".into()
            })
        );
        for plain in [
            "Ændring i pct.",
            "Vækst +5 pct.",
            "0 – 250 m3 /år",
            "Ændring i %",
            "Andel 0-25%",
            "Vækst +5%",
            "1 x 2",
            "Fast årligt abonnement pr. ejendom pr. boligenhed",
        ] {
            assert_eq!(named(plain), None, "{plain}");
        }
    }

    proptest::proptest! {
        /// The quick look never lets a label naming a rate go.
        #[test]
        fn quick_look_for_rates_is_exact(
            label in "[-*_ .,:()0-9a-zæøåA-ZÆØÅ]{0,3}(91|1,5|2|100|½| |%|Pct\\.|PCT|pct|procent|PROCENT|Procent|x|X|×|gange|GANGE|Gange|bidrag|sats|K|k|İ|ı|ﬀ| \\(|\\)|-){0,7}"
        ) {
            if !may_name_rate(&label) {
                proptest::prop_assert_eq!(named_now(&label), None, "{:?}", label);
            }
        }
    }

    proptest::proptest! {
        /// The same, for labels built as rates are named (`Efterløn 91 pct.
        /// sats`, `(1,5 x bidrag)`, `4 GANGE bidrag`), most of which name one.
        #[test]
        fn quick_look_lets_rate_labels_through(
            label in "[a-zA-Zæø (]{0,4}(91|1,5|2|4|100)( )?(%|pct\\.|PCT|Pct|procent|PROCENT|x|X|×|gange|GANGE)( )?(bidrag|BIDRAG|sats|-sats)?[a-z )]{0,3}"
        ) {
            proptest::prop_assert_eq!(
                may_name_rate(&label) || named_now(&label).is_none(),
                true,
                "{:?}",
                label
            );
        }
    }

    /// No character but the ASCII letters lowercases to one of the letters
    /// the quick look passes over.
    #[test]
    fn only_ascii_letters_lowercase_to_the_letters_of_rate_words() {
        assert_eq!(crate::verify::memo::non_ascii_lowercasing_to("%pxg"), None);
    }
}
