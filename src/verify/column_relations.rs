//! Relations down or along a column that a column's header names and the
//! figures complete: a running balance (`Akkumuleret saldo`: each row's
//! figure is the row before it plus the row's own increment), a rate column
//! (`Lineær afskrivning 2,5%`: 2,5 % of another column of the row), and a
//! fraction column (`Gnsntl. ledighedsgrad` 0,301 = one column of the row
//! over another), which only the figures name.
//!
//! Each is established the way [`super::establish`] establishes any
//! relation: where the header names the relation, the figures choose its
//! operands (the one reading that holds in at least two rows and fails in at
//! most one); where nothing names it, the figures alone must make chance
//! unlikely. A column none of this fits is left to the other passes.
// The table engine's checked_* arithmetic (a rate's digits) is exempt as in
// establish.rs until it is reviewed for money::Exact.
#![allow(clippy::disallowed_methods)]

use super::establish::{
    col_relation, fails, holds_as_printed, holds_fails, implied, pick_figures, promising,
    quick_cols, verdict_with, Candidate, Expr, Instance, Kind,
};
use super::figure::{Cell, Figure, Unit};
use super::grid::{ColKind, Grid, Role};
use super::judge::Verdict;
use crate::money::{Decimal, Exact as _};
use crate::numfmt::{format_number, NumberStyle};

/// The most columns a figure-only search relates pairwise; wider tables
/// are left to the labels (the search is quadratic in the columns).
const PAIR_COLS: usize = 16;

/// What the passes of this module make of a column: `None` when none of
/// them applies (the engine's own passes then look at it); otherwise the
/// relation found, or why a relation the header names cannot be judged.
pub type Claim = Option<Result<Candidate, (Kind, String)>>;

/// The relations of column `c` this module finds. `amounts`: the grid's
/// amount columns; `is_total(r)`: row `r` is a total of a block of rows (by
/// its label or by structure); `letters`: the grid's letter row
/// ([`super::column_formulas::letter_row`]).
pub fn claim(
    g: &Grid,
    c: usize,
    amounts: &[usize],
    is_total: &dyn Fn(usize) -> bool,
    letters: Option<&super::column_formulas::LetterRow>,
) -> Claim {
    let col = g.cols.get(c)?;
    if let Some(named) = super::column_formulas::claim(g, c, letters) {
        return Some(named.map_err(|why| (Kind::Formula, why)));
    }
    if let Some(found) = super::corrected_budget::claim(g, c, &|r| !is_total(r)) {
        return Some(Ok(found));
    }
    let amount = matches!(col.kind, ColKind::Amount | ColKind::RowTotal);
    let cues = if amount {
        header_cues(&col.header)
    } else {
        HeaderCues::default()
    };
    if amount && cues.running_balance {
        return Some(running(g, c, amounts, is_total));
    }
    if matches!(col.kind, ColKind::Share | ColKind::Pct) {
        if let Some(found) = part_share(g, c, amounts, is_total) {
            return Some(Ok(found));
        }
    }
    if matches!(col.kind, ColKind::Amount | ColKind::RowTotal) {
        if let Some(found) = total_first(g, c, amounts, is_total) {
            return Some(Ok(found));
        }
    }
    // A price with moms beside the price without: 125 % of it. A total
    // column (`I alt kr. Incl. moms` beside `I alt kr. Excl. moms`) is read
    // so only where its figures show it; else it may be a sum of columns.
    if matches!(col.kind, ColKind::Amount | ColKind::RowTotal)
        && moms_column_said(g, c, cues.moms) == Some(true)
    {
        let mut without: Vec<usize> = amounts
            .iter()
            .copied()
            .filter(|&b| b != c && moms_column(g, b) == Some(false))
            .collect();
        // Several prices without moms (`2016 excl. moms`, `2017 excl.
        // moms` beside `2017 inkl. moms`): the one whose header says the
        // same but for moms is the base, as a reader pairs them.
        if without.len() > 1 {
            let own = without_moms(&col.header);
            let same: Vec<usize> = without
                .iter()
                .copied()
                .filter(|&b| without_moms(&g.cols[b].header) == own)
                .collect();
            if same.len() == 1 {
                without = same;
            }
        }
        if !without.is_empty() {
            let found = rated(g, c, MOMS_INCLUDED, &without, is_total);
            if col.kind == ColKind::Amount || found.is_ok() {
                return Some(found);
            }
        }
    }
    // A second column with no header of its own beside the first (`ART |
    // KRONER |` over `630.000,00 | 787.500,00`: Elnet Midt's connection
    // fees): where its figures are 125 % of the column before it in three
    // rows at least and fail in one at most, it is the price with moms, as
    // a Danish reader takes it (`rated`'s rules: a fee printed the same in
    // both carries no moms, and is said). Nothing is said where they are
    // not: the header claimed nothing. Where a cell of either column
    // speaks of moms, its words decide (above), not the figures.
    if col.kind == ColKind::Amount && cues.moms.is_none() {
        if let Some(b) = amounts.iter().copied().rfind(|&b| b < c) {
            let speaks = |k: usize| g.rows.iter().any(|r| r.text(k).is_some_and(says_moms));
            if (super::engine::unnamed(g, c) || col.header.trim() == g.cols[b].header.trim())
                && !speaks(c)
                && !speaks(b)
            {
                if let Ok(found) = rated(g, c, MOMS_INCLUDED, &[b], is_total) {
                    let (holds, fails) = holds_fails(g, &found);
                    if holds >= 3 && fails <= 1 {
                        return Some(Ok(found));
                    }
                }
            }
        }
    }
    if col.kind == ColKind::Amount {
        if let Some(rate) = cues.rate {
            return Some(rated(g, c, rate, amounts, is_total));
        }
        // `heraf moms` beside the price with moms: a fifth of it (25 % of
        // the price without is 20 % of the price with).
        if cues.moms_share {
            return Some(rated(g, c, MOMS_OF_PRICE, amounts, is_total));
        }
        // A yearly amount beside the monthly one: 12 × it.
        if let Some((times, shorter)) = cues
            .period
            .and_then(|long| super::period_columns::multiple(g, c, long, amounts))
        {
            return Some(rated(g, c, times, &shorter, is_total));
        }
        // `Indeks 2010/2009`: 100 × the first year's figure / the second's.
        if let Some((new, old)) = cues
            .index_years
            .and_then(|years| super::period_columns::columns_of_years(g, c, years))
        {
            return Some(indexed(g, c, new, old, is_total));
        }
        let cue = cues.ratio;
        if cue || fraction_column(g, c) {
            if let Some(found) = fraction(g, c, amounts, !cue) {
                return Some(Ok(found));
            }
        }
    }
    None
}

/// What [`claim`] asks of an amount column's header: whether it names a
/// running balance ([`running_balance`]), the rate it names ([`rate_in`]),
/// whether it names a quotient ([`ratio_header`]), what it says of moms
/// ([`moms`], [`moms_share`]), the two years an index names
/// ([`super::period_columns::index_years`]), the period it names
/// ([`super::period_columns::period_now`]).
#[derive(Clone, Copy, Debug, Default)]
struct HeaderCues {
    running_balance: bool,
    rate: Option<Decimal>,
    ratio: bool,
    moms: Option<bool>,
    moms_share: bool,
    index_years: Option<(i32, i32)>,
    period: Option<super::period_columns::Period>,
}

/// [`HeaderCues`] of a header, remembered together: one look-up for them
/// all (each remembered on its own, or looked through byte by byte, cost a
/// look-up or a scan apiece, for every amount column of every table).
fn header_cues(header: &str) -> HeaderCues {
    thread_local! {
        static SEEN: super::memo::Memo<HeaderCues> = super::memo::Memo::new(512);
    }
    SEEN.with(|m| {
        m.get(header, |h| HeaderCues {
            running_balance: super::establish::running_balance(h),
            rate: rate_in_now(h),
            ratio: ratio_header_now(h),
            moms: moms(h),
            moms_share: moms_share(h),
            index_years: super::period_columns::index_years(h),
            period: super::period_columns::period_now(h),
        })
    })
}

/// Whether row `r`, column `c` holds a figure.
fn fig_at(g: &Grid, r: usize, c: usize) -> bool {
    super::row_relations::fig_at(g, r, c).is_some()
}

fn data_row(g: &Grid, r: usize) -> bool {
    !matches!(g.rows[r].role, Role::Section | Role::HerafMarker) && g.rows[r].has_figures()
}

fn name(g: &Grid, r: usize, c: usize, what: &str) -> String {
    format!("{} [{}]: {what}", g.rows[r].label, g.cols[c].header)
}

/// `Akkumuleret saldo`[r] = `Akkumuleret saldo`[previous row] + `Saldo`[r],
/// the increment column chosen by the figures. A total row (a quarter below
/// its months, `Hele året`) repeats the balance of the last row it closes;
/// the first row's balance is its own increment where the figures show it
/// (otherwise an opening balance not printed: not judged there).
fn running(
    g: &Grid,
    c: usize,
    amounts: &[usize],
    is_total: &dyn Fn(usize) -> bool,
) -> Result<Candidate, (Kind, String)> {
    let header = g.cols[c].header.to_lowercase();
    let mut cands = Vec::new();
    for &inc in amounts
        .iter()
        .filter(|&&k| k != c && !g.cols[k].running_balance)
    {
        let mut cand = running_with(g, c, inc, is_total);
        let inc_header = g.cols[inc].header.to_lowercase();
        // `Akkumuleret saldo` over `Saldo`, `Tested_kumulativ` over `Tested`.
        let inc_header = inc_header.trim();
        cand.prefer = !inc_header.is_empty()
            && (header.ends_with(inc_header)
                || header
                    .strip_prefix(inc_header)
                    .is_some_and(|rest| rest.starts_with(['_', ' ', '-'])));
        if !cand.instances.is_empty() {
            cands.push(cand);
        }
    }
    if cands.is_empty() {
        return Err((
            Kind::Formula,
            "a running balance and no column of increments to carry it".to_string(),
        ));
    }
    // One wrong balance fails its own step, the next one and the period
    // row that repeats it: a reading whose failures all share one figure
    // is established by the places it holds.
    let mut best: Option<(usize, bool, usize)> = None;
    let mut tie = false;
    for (k, cand) in cands.iter().enumerate() {
        let (holds, _) = holds_fails(g, cand);
        if holds < 2 || !one_figure_explains(g, cand) {
            continue;
        }
        let key = (holds, cand.prefer);
        match best {
            Some((h, p, _)) if (h, p) > key => {}
            Some((h, p, _)) if (h, p) == key => tie = true,
            _ => {
                best = Some((holds, cand.prefer, k));
                tie = false;
            }
        }
    }
    match best {
        Some((_, _, k)) if !tie => Ok(cands.swap_remove(k)),
        _ => {
            let tried: Vec<&str> = cands.iter().map(|c| c.what.as_str()).collect();
            Err((
                Kind::Formula,
                format!(
                    "not understood: a running balance, and the figures fit none of the readings \
                     tried ({})",
                    tried.join("; ")
                ),
            ))
        }
    }
}

/// The failing places of a candidate (at most three) all share one figure.
fn one_figure_explains(g: &Grid, cand: &Candidate) -> bool {
    let failing: Vec<Vec<(usize, usize)>> = cand
        .instances
        .iter()
        .filter_map(|i| i.what.as_ref().ok())
        .filter(|e| fails(g, e))
        .map(Expr::cells)
        .collect();
    match failing.as_slice() {
        [] | [_] => true,
        [first, rest @ ..] if rest.len() <= 2 => first
            .iter()
            .any(|x| rest.iter().all(|cells| cells.contains(x))),
        _ => false,
    }
}

fn running_with(g: &Grid, c: usize, inc: usize, is_total: &dyn Fn(usize) -> bool) -> Candidate {
    let what = format!("previous balance + {}", g.cols[inc].header);
    let mut instances = Vec::new();
    // The last row carried (not a total), if any.
    let mut prev: Option<usize> = None;
    let mut first_open: Option<Instance> = None;
    // The first balance judged wrong: its place among the instances and
    // the steps seen since (the step after it and the one after that).
    let mut taken_first: Option<(usize, u8)> = None;
    for r in 0..g.rows.len() {
        if !data_row(g, r) {
            continue;
        }
        let total = is_total(r) || matches!(g.rows[r].role, Role::Total { .. });
        let repeat = |p: usize| Expr::Linear {
            terms: vec![(false, (p, c))],
            result: (r, c),
            shares: false,
        };
        if total {
            if let Some(p) = prev.filter(|_| fig_at(g, r, c)) {
                instances.push(Instance {
                    kind: Kind::Formula,
                    name: name(g, r, c, "the balance of the last row it closes").into(),
                    at: (r, c),
                    what: Ok(repeat(p)),
                });
            }
            continue;
        }
        let Some(p) = prev else {
            // The first row: its balance is its increment, where it holds.
            let first = Expr::Linear {
                terms: vec![(false, (r, inc))],
                result: (r, c),
                shares: false,
            };
            if fig_at(g, r, c) && fig_at(g, r, inc) {
                let i = Instance {
                    kind: Kind::Formula,
                    name: name(
                        g,
                        r,
                        c,
                        &format!("the first balance = {}", g.cols[inc].header),
                    )
                    .into(),
                    at: (r, c),
                    what: Ok(first.clone()),
                };
                if fails(g, &first) {
                    // An opening balance not printed, or the first balance
                    // printed wrong: the next step tells (below).
                    first_open = Some(i);
                } else {
                    instances.push(i);
                }
            }
            prev = Some(r);
            continue;
        };
        if !fig_at(g, r, c) {
            prev = Some(r);
            continue;
        }
        let carried = Expr::Linear {
            terms: vec![(false, (p, c)), (false, (r, inc))],
            result: (r, c),
            shares: false,
        };
        // A period row no label or structure showed (a quarter whose parts
        // do not add up): it repeats the balance and is no step of it.
        let printed_same = matches!(
            (&g.rows[r].cells[c], &g.rows[p].cells[c]),
            (Cell::Fig(a), Cell::Fig(b)) if a.value == b.value && a.decimals == b.decimals
        );
        if printed_same && fails(g, &carried) {
            instances.push(Instance {
                kind: Kind::Formula,
                name: name(g, r, c, "the balance of the last row it closes").into(),
                at: (r, c),
                what: Ok(repeat(p)),
            });
            continue;
        }
        // The first balance off its increment and the step after it
        // failing too, where the first increment carried instead of the
        // first balance makes that step hold: the first figure is wrong,
        // not an opening balance (unless the step after that fails as
        // well: then the second balance is the wrong one). Where the step
        // fails otherwise, another figure of it is wrong (its increment),
        // and the first balance stays an opening balance.
        if let Some(i) = first_open.take() {
            let from_increments = Expr::Linear {
                terms: vec![(false, (p, inc)), (false, (r, inc))],
                result: (r, c),
                shares: false,
            };
            if fails(g, &carried) && !fails(g, &from_increments) {
                instances.push(i);
                taken_first = Some((instances.len() - 1, 0));
            }
        }
        let failing = fails(g, &carried);
        instances.push(Instance {
            kind: Kind::Formula,
            name: name(g, r, c, &what).into(),
            at: (r, c),
            what: Ok(carried),
        });
        match taken_first {
            Some((k, 1)) if failing => {
                instances.remove(k);
                taken_first = None;
            }
            Some((k, n)) if n < 2 => taken_first = Some((k, n + 1)),
            _ => {}
        }
        prev = Some(r);
    }
    Candidate {
        instances,
        what,
        prefer: false,
    }
}

/// Dashed or indented rows under a row (`Ændringer vedr. …reform:` over
/// five `- …` rows) that no other pass established, in a table of one
/// column of figures: where they add up to it, the structure is confirmed
/// and judged; where they do not, nothing is said (a structure seen in one
/// column is never an error on its own, and the rows may list only some
/// parts, even under a label ending in a colon: one column is no
/// evidence of an error).
pub fn confirmed_blocks(g: &Grid, parent: &[Option<usize>], explained: &[bool]) -> Vec<Instance> {
    let mut out = Vec::new();
    let mut children: std::collections::BTreeMap<usize, Vec<(bool, usize)>> =
        std::collections::BTreeMap::new();
    for (r, p) in parent.iter().enumerate() {
        if let Some(p) = p {
            children.entry(*p).or_default().push((false, r));
        }
    }
    for (p, parts) in children {
        if parts.len() < 2 || explained.get(p).copied().unwrap_or(true) {
            continue;
        }
        let what = format!("sum of the {} rows under it", parts.len());
        let cand = super::establish::row_sum(g, p, &parts, Kind::Sum, what);
        // Rows whose label says they are parts of it (`- heraf …`): where
        // they add up to it exactly, that is confirmed however small the
        // figures (an exact sum, never an error).
        let heraf = parts.iter().any(|&(_, r)| g.rows[r].role == Role::Heraf);
        let limit = if heraf {
            Decimal::ONE
        } else {
            Decimal::new(1, 1)
        };
        if super::establish::holds_once(g, &cand, limit) {
            out.extend(cand.instances.into_iter().filter(|i| i.what.is_ok()));
        }
    }
    out
}

/// A percentage column that is one amount of the row over it and the
/// others beside it (`Kvindeandel` = kvinder / (mænd + kvinder)), found
/// from the figures: pairs of amount columns, then the part over all of
/// them.
fn part_share(
    g: &Grid,
    c: usize,
    amounts: &[usize],
    is_total: &dyn Fn(usize) -> bool,
) -> Option<Candidate> {
    // A table with a total row, or a header naming a year (`Andel 2026`),
    // has its shares of a column's total: the engine's reading, never this
    // one (a coincidence in some rows is no reason to leave it).
    let with_total =
        (0..g.rows.len()).any(|r| is_total(r) || matches!(g.rows[r].role, Role::Total { .. }));
    if with_total || !super::figure::years_in(&g.cols[c].header).is_empty() {
        return None;
    }
    let cols: Vec<usize> = amounts.iter().copied().take(PAIR_COLS).collect();
    if cols.len() < 2 {
        return None;
    }
    let mut readings: Vec<(usize, Vec<usize>)> = Vec::new();
    for &x in &cols {
        for &y in &cols {
            if x != y {
                readings.push((x, vec![y]));
            }
        }
    }
    let mut cands = Vec::new();
    for (part, others) in readings {
        let what = format!(
            "{} in % of {}",
            g.cols[part].header,
            std::iter::once(part)
                .chain(others.iter().copied())
                .map(|k| g.cols[k].header.as_str())
                .collect::<Vec<_>>()
                .join(" + ")
        );
        cands.push(col_relation(g, c, Kind::Share, &what, &|r| {
            Some(Expr::PartOf {
                part: (r, part),
                others: others.iter().map(|&k| (r, k)).collect(),
                result: (r, c),
            })
        }));
    }
    pick_figures(g, cands, false)
}

/// A row as the grid first reads it: its place, its cells' text and
/// places, its indentation.
pub type RawRow = (
    crate::document::Loc,
    Vec<(String, crate::document::Loc)>,
    u8,
);

/// A table whose figure cells each hold two figures, the second in
/// parentheses (`3.020 (2.189)`: this year's and, in parentheses, an
/// earlier year's; `169.777 (48)` under `Kvinder_(procent)`: a count and
/// its per cent), is two tables side by side: the second figures are read
/// as columns after the first ones. A column is split where at least four
/// in five of its figure cells are pairs; a column of single figures beside
/// them (`I_alt`) stays one column. A header that ends in parentheses, as
/// its cells do, names the two figures: `Kvinder_(procent)` heads
/// `Kvinder` and `Kvinder (procent)`; any other header heads both.
/// Parentheses around a lone figure stay a negative.
pub fn split_paired_figures(rows: &mut [RawRow], style: NumberStyle) {
    let paired = |t: &str| -> Option<(String, String)> {
        let t = crate::document::trim_text(t);
        // Cheap first: a figure, then one in parentheses.
        if !t.ends_with(')') || t.starts_with('(') {
            return None;
        }
        let inner = t.strip_suffix(')')?;
        let (a, b) = inner.rsplit_once('(')?;
        let (a, b) = (a.trim(), b.trim());
        let fig = |x: &str| matches!(super::figure::read_cell(x, style, None), Cell::Fig(_));
        // `6.694 kroner (2023)`: the year the figure is for, no figure.
        let year = b.len() == 4
            && b.bytes().all(|c| c.is_ascii_digit())
            && (b"1900".as_slice()..=b"2100".as_slice()).contains(&b.as_bytes());
        (!a.is_empty() && !year && fig(a) && fig(b)).then(|| (a.to_string(), b.to_string()))
    };
    let width = rows.iter().map(|r| r.1.len()).max().unwrap_or(0);
    // Pairs and single figures in each column, the first row left out.
    let mut counts = vec![(0usize, 0usize); width];
    for r in rows.iter().skip(1) {
        for (c, (t, _)) in r.1.iter().enumerate().skip(1) {
            if paired(t).is_some() {
                counts[c].0 += 1;
            } else if matches!(super::figure::read_cell(t, style, None), Cell::Fig(_)) {
                counts[c].1 += 1;
            }
        }
    }
    let pairs: usize = counts.iter().map(|c| c.0).sum();
    // Every column with pairs is mostly pairs; otherwise the parentheses
    // are something else (negatives, notes), and nothing is split.
    if pairs < 4 || counts.iter().any(|&(p, s)| p > 0 && p < 4 * s) {
        return;
    }
    let split: Vec<usize> = (1..width).filter(|&c| counts[c].0 > 0).collect();
    for (loc, cells, _) in rows.iter_mut() {
        cells.resize(width, (String::new(), loc.clone()));
        // A row of words (the header, a section): the same over both, a
        // header in parentheses parted as its figures are.
        let words = cells.iter().skip(1).all(|(t, _)| {
            paired(t).is_none() && !matches!(super::figure::read_cell(t, style, None), Cell::Fig(_))
        });
        let mut second = Vec::with_capacity(split.len());
        for &c in &split {
            let (t, l) = &mut cells[c];
            if words {
                match named_pair(t) {
                    Some((first, both)) => {
                        second.push((both, l.clone()));
                        *t = first;
                    }
                    None => second.push((t.clone(), l.clone())),
                }
            } else if let Some((a, b)) = paired(t) {
                *t = a;
                second.push((b, l.clone()));
            } else {
                second.push((String::new(), l.clone()));
            }
        }
        cells.extend(second);
    }
}

/// A header ending in words in parentheses (`Kvinder_(procent)`, `Antal
/// (pct.)`): the first figure's header and the second's (`Kvinder`,
/// `Kvinder (procent)`). `None` for any other header, and for a year in
/// parentheses (`Antal (2023)`: both figures' header).
fn named_pair(header: &str) -> Option<(String, String)> {
    let t = crate::document::trim_text(header);
    let inner = t.strip_suffix(')')?;
    let (a, b) = inner.rsplit_once('(')?;
    let a = a.trim_end_matches(['_', ' ']).trim();
    let b = b.trim();
    let names = b.chars().any(char::is_alphabetic) || b.contains('%');
    (!a.is_empty() && names).then(|| (a.to_string(), format!("{a} ({b})")))
}

/// A header naming the whole of the columns beside it: a total word, or
/// `Alle …`, `Hele …`.
fn whole_header(header: &str) -> bool {
    thread_local! {
        static SEEN: super::memo::Memo<bool> = super::memo::Memo::new(512);
    }
    SEEN.with(|m| m.get(header, whole_header_now))
}

fn whole_header_now(header: &str) -> bool {
    let h = header.trim().to_lowercase();
    super::grid::total_label(&h).is_some()
        || h == "alle"
        || h.starts_with("alle ")
        || h.starts_with("hele ")
}

/// A total column printed BEFORE its parts (`Alle kommuner | Sermersooq |
/// Avannaata | …`): the sum of the amount columns right of it, up to the
/// next column that names a whole; found from the figures (the header's
/// word is only a cue), so a total column after its parts is left to the
/// engine's cross-casting.
///
/// Found from the figures alone (no word for a whole in its header), it is
/// not a column headed by a year over columns headed by other years (a
/// year is no sum of others: `2026` = `2027` + `2028` held in two rows of
/// a report by coincidence and rounding), and it may not fail only in
/// total rows ([`only_totals_fail`]).
fn total_first(
    g: &Grid,
    c: usize,
    amounts: &[usize],
    is_total: &dyn Fn(usize) -> bool,
) -> Option<Candidate> {
    // Two amount columns right of it at least, or nothing to add up (most
    // tables): let go before any header is asked.
    amounts.iter().filter(|&&k| k > c).nth(1)?;
    let cue = whole_header(&g.cols[c].header);
    // Parts to its left: a total after its parts, the engine's to cast.
    let first = amounts
        .iter()
        .filter(|&&k| k < c)
        .all(|&k| whole_header(&g.cols[k].header));
    if !first || (!cue && amounts.first() != Some(&c)) {
        return None;
    }
    let right: Vec<usize> = amounts
        .iter()
        .copied()
        .filter(|&k| k > c)
        .take_while(|&k| !whole_header(&g.cols[k].header))
        .take(PAIR_COLS)
        .collect();
    if right.len() < 2 || (!cue && year_header(g, c) && right.iter().all(|&k| year_header(g, k))) {
        return None;
    }
    let mut cands = Vec::new();
    for end in (2..=right.len()).rev() {
        let cols = &right[..end];
        let what = format!("sum of the {} columns after it", cols.len());
        // `col_relation` leaves out a row whose sum cell is a percentage.
        cands.push(col_relation(g, c, Kind::Cross, &what, &|r| {
            Some(Expr::Linear {
                terms: cols.iter().map(|&k| (false, (r, k))).collect(),
                result: (r, c),
                shares: false,
            })
        }));
    }
    pick_figures(g, cands, cue)
        .filter(|c| cue || (holds_as_printed(g, c) >= 2 && !only_totals_fail(g, c, is_total)))
}

/// A column headed by nothing but a year (`2026`, `2.026`).
fn year_header(g: &Grid, c: usize) -> bool {
    let h = crate::document::trim_text(&g.cols[c].header);
    g.cols[c].year.is_some() && h.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// Whether a reading fails somewhere, and only in rows that are totals of
/// others. Where it holds in every row a total adds up, it holds in the
/// total too, within the total's rounding: failing there, it contradicts
/// the total (whose own sums hold), and no one misprint explains both.
fn only_totals_fail(g: &Grid, cand: &Candidate, is_total: &dyn Fn(usize) -> bool) -> bool {
    let failing = super::establish::failing_places(g, cand);
    !failing.is_empty() && failing.iter().all(|at| is_total(at.0))
}

/// The rate a column header names, in percent: `Lineær afskrivning 2,5%`
/// -> 2,5; `Moms 25 pct.` -> 25. Not a header that is only a percent sign or
/// names years (`Ændring 2025-26 %`), nor a rate outside (0; 100].
pub fn rate_in(header: &str) -> Option<Decimal> {
    thread_local! {
        static SEEN: super::memo::Memo<Option<Decimal>> = super::memo::Memo::new(512);
    }
    SEEN.with(|m| m.get(header, rate_in_now))
}

fn rate_in_now(header: &str) -> Option<Decimal> {
    let h = header.to_lowercase();
    if !h.chars().any(char::is_alphabetic) {
        return None;
    }
    // By bytes: digits, commas, blanks and brackets are ASCII, never a
    // part of another character, so each number and what follows it are
    // slices of the header (a copy of the rest for every number took
    // quadratic time in a header of many numbers).
    let b = h.as_bytes();
    let mut i = 0;
    let mut found = None;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && !matches!(b[i - 1], b' ' | b'(')) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && (b[i].is_ascii_digit() || b[i] == b',') {
            i += 1;
        }
        let (Some(num), Some(rest)) = (h.get(start..i), h.get(i..)) else {
            return None;
        };
        let rest = rest.trim_start();
        let is_rate = rest.starts_with('%')
            || rest.starts_with("pct")
            || rest.starts_with("procent")
            || rest.starts_with("p.a.");
        if !is_rate {
            continue;
        }
        if num.ends_with(',') || num.matches(',').count() > 1 {
            return None;
        }
        let value: Decimal = num.replace(',', ".").parse().ok()?;
        if value <= Decimal::ZERO || value > Decimal::ONE_HUNDRED || found.is_some() {
            return None;
        }
        found = Some(value);
    }
    found
}

/// Whether a text says `moms` anywhere, in any case (asked of every amount
/// column's header, and of cells: answered without a new string).
fn says_moms(text: &str) -> bool {
    text.as_bytes()
        .windows(4)
        .any(|w| w.eq_ignore_ascii_case(b"moms"))
}

/// A price with Danish moms (25 %) in per cent of the price without.
const MOMS_INCLUDED: Decimal = Decimal::from_parts(125, 0, 0, false, 0);

/// Whether a column header says its prices are with moms (`Inkl. moms`,
/// `Med moms`, `m/moms`: `Some(true)`) or without (`Ekskl. moms`, `Uden
/// moms`, `u/moms`: `Some(false)`).
pub fn moms(header: &str) -> Option<bool> {
    // Asked of every amount column's header: most name no moms, and are
    // answered without a new string.
    if !says_moms(header) {
        return None;
    }
    let h = header.to_lowercase().replace(['/', '.'], " ");
    let words: Vec<&str> = h.split_whitespace().collect();
    let at = words.iter().position(|w| *w == "moms")?;
    // The rate may stand between (`Inkl. 25% Moms`, `inkl. 25 pct. moms`).
    let rate_word = |w: &&str| {
        matches!(*w, "%" | "pct" | "procent")
            || w.trim_end_matches('%')
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b',')
                && !w.is_empty()
    };
    let before = words[..at].iter().rev().find(|w| !rate_word(w)).copied()?;
    match before {
        "inkl" | "incl" | "inklusiv" | "inklusive" | "med" | "m" | "plus" => Some(true),
        "ekskl" | "eksl" | "excl" | "eksklusiv" | "eksklusive" | "ex" | "eks" | "uden" | "u" => {
            Some(false)
        }
        _ => None,
    }
}

/// A header's words but the moms phrase (`2017 inkl. moms` → `2017`), so
/// that a price with moms is paired with the price without of the same
/// header.
fn without_moms(header: &str) -> Vec<String> {
    let h = header.to_lowercase().replace(['/', '.'], " ");
    let words: Vec<&str> = h.split_whitespace().collect();
    let Some(at) = words.iter().position(|w| *w == "moms") else {
        return words.iter().map(|w| (*w).to_string()).collect();
    };
    words
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != at && *i + 1 != at)
        .map(|(_, w)| (*w).to_string())
        .collect()
}

/// The moms in a price with Danish moms, in per cent of that price.
const MOMS_OF_PRICE: Decimal = Decimal::from_parts(20, 0, 0, false, 0);

/// A header that is the moms part of the price beside it: `heraf moms`,
/// `deraf moms`, `Moms heraf`.
fn moms_share(header: &str) -> bool {
    // Asked of every amount column's header: most name no moms.
    if !says_moms(header) {
        return false;
    }
    let h = header.trim().to_lowercase();
    let words: Vec<&str> = h
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    matches!(
        words.as_slice(),
        ["heraf", "moms"] | ["deraf", "moms"] | ["moms", "heraf"] | ["heraf", "moms", "kr"]
    )
}

/// Whether a column's prices are with moms or without: by its header, or,
/// where the header says nothing of moms, by its cells when every figure of
/// it (at least two) says the same (`62.716,38 ekskl. moms` down one
/// column, `78.395,48 inkl. moms` down the next).
fn moms_column(g: &Grid, c: usize) -> Option<bool> {
    moms_column_said(g, c, moms(&g.cols[c].header))
}

/// [`moms_column`], with what the column's header says of moms
/// ([`moms`] of it) already known.
fn moms_column_said(g: &Grid, c: usize, header_says: Option<bool>) -> Option<bool> {
    if let Some(said) = header_says {
        return Some(said);
    }
    let mut said = None;
    let mut figures = 0;
    for row in &g.rows {
        if !matches!(row.cells.get(c), Some(Cell::Fig(_))) {
            continue;
        }
        let cell = moms(row.text(c).unwrap_or(""))?;
        if said.is_some_and(|s| s != cell) {
            return None;
        }
        said = Some(cell);
        figures += 1;
    }
    said.filter(|_| figures >= 2)
}

/// Row `r` prints the same non-zero figure in columns `a` and `b`.
fn same_figure(g: &Grid, r: usize, a: usize, b: usize) -> bool {
    let at = |c: usize| match g.rows.get(r).and_then(|row| row.cells.get(c)) {
        Some(Cell::Fig(f)) => Some(f.value),
        _ => None,
    };
    matches!((at(a), at(b)), (Some(x), Some(y)) if x == y && !x.is_zero())
}

/// `c` = rate % of one other amount column of the row, the column chosen by
/// the figures: the one that holds in the most rows, at least two, and fails
/// in at most one row that is no total (a total's rate fails with its
/// part's). Every row is then judged by it.
fn rated(
    g: &Grid,
    c: usize,
    rate: Decimal,
    amounts: &[usize],
    is_total: &dyn Fn(usize) -> bool,
) -> Result<Candidate, (Kind, String)> {
    let mut best: Option<(usize, Candidate)> = None;
    let mut tie = false;
    for &b in amounts.iter().filter(|&&k| k != c) {
        let what = rate_of(rate, &g.cols[b].header);
        let mut instances = Vec::new();
        for r in 0..g.rows.len() {
            if !data_row(g, r) || !fig_at(g, r, c) {
                continue;
            }
            let e = Expr::Rate {
                base: (r, b),
                rate,
                result: (r, c),
            };
            // A fee that carries no moms (`Rykkergebyr`, `Momsfri`) is
            // printed with the same price in both columns: not a price
            // without moms beside its price with, so not judged (said).
            let what_is = if rate == MOMS_INCLUDED && same_figure(g, r, b, c) {
                Err("the same price with and without moms: a fee that carries no moms".to_string())
            } else {
                Ok(e)
            };
            instances.push(Instance {
                kind: Kind::Formula,
                name: name(g, r, c, &what).into(),
                at: (r, c),
                what: what_is,
            });
        }
        let cand = Candidate {
            instances,
            what,
            prefer: false,
        };
        let Some(holds) = established_in_rows(g, &cand, is_total) else {
            continue;
        };
        match &best {
            Some((h, _)) if *h > holds => {}
            Some((h, _)) if *h == holds => tie = true,
            _ => {
                best = Some((holds, cand));
                tie = false;
            }
        }
    }
    match best {
        Some((_, cand)) if !tie => Ok(cand),
        _ => Err((
            Kind::Formula,
            format!(
                "not understood: the header names a rate of {}, and no column of the row is \
                 its base in the figures",
                rate_text(rate)
            ),
        )),
    }
}

/// Column `c` = 100 × `new` / `old` in each row, taken where the figures
/// establish it as [`rated`] takes a rate.
fn indexed(
    g: &Grid,
    c: usize,
    new: usize,
    old: usize,
    is_total: &dyn Fn(usize) -> bool,
) -> Result<Candidate, (Kind, String)> {
    let what = format!(
        "index: 100 × {} / {}",
        g.cols[new].header, g.cols[old].header
    );
    let cand = col_relation(g, c, Kind::Ratio, &what, &|r| {
        Some(Expr::Ratio {
            num: (r, new),
            den: (r, old),
            result: (r, c),
            change: false,
            abs: 0,
        })
    });
    if established_in_rows(g, &cand, is_total).is_none() {
        return Err((
            Kind::Ratio,
            "not understood: the header names an index of two years, and the figures do not \
             show it"
                .to_string(),
        ));
    }
    Ok(cand)
}

/// A column relation the header names, established by the table's rows:
/// it holds in at least two rows, fails in at most one row that is no total
/// (a total's figure fails with its part's), and holds in more rows than
/// that. The rows it holds in, where it is; for [`rated`] and [`indexed`].
fn established_in_rows(
    g: &Grid,
    cand: &Candidate,
    is_total: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let part_fails = cand
        .instances
        .iter()
        .filter(|i| {
            let r = i.at.0;
            !(is_total(r) || matches!(g.rows[r].role, Role::Total { .. }))
                && i.what.as_ref().is_ok_and(|e| fails(g, e))
        })
        .count();
    let (holds, _) = holds_fails(g, cand);
    (holds >= 2 && part_fails <= 1 && holds > part_fails).then_some(holds)
}

/// `125 % of Pris ekskl. moms`; a whole multiple as `12 × Kr. pr. måned`.
fn rate_of(rate: Decimal, what: &str) -> String {
    let times = rate / Decimal::ONE_HUNDRED;
    if rate > Decimal::ONE_HUNDRED && times.fract().is_zero() {
        format!("{} × {what}", times.normalize())
    } else {
        format!("{} of {what}", rate_text(rate))
    }
}

fn rate_text(rate: Decimal) -> String {
    let r = rate.normalize();
    format!("{} %", format_number(r, r.scale(), NumberStyle::DANISH))
}

/// The judge's words for a rate or a fraction, which it judged as a share:
/// what the printed figure should read is the amount (or the fraction),
/// not the rate; a fraction is said to be read in percent.
pub fn reword(g: &Grid, e: Option<&Expr>, words: String, style: NumberStyle) -> String {
    let Some(
        e @ (Expr::Rate { result, .. }
        | Expr::RateOfSum { result, .. }
        | Expr::Fraction { result, .. }),
    ) = e
    else {
        return words;
    };
    if let Expr::Rate { base, rate, .. } = e {
        if let Some(w) = rate_words(g, e, &[*base], *rate, *result, &words, style) {
            return w;
        }
    }
    if let Expr::RateOfSum { bases, rate, .. } = e {
        if let Some(w) = rate_words(g, e, bases, *rate, *result, &words, style) {
            return w;
        }
    }
    if let Expr::Fraction { num, den, .. } = e {
        if let Some(w) = fraction_words(g, *num, *den, *result, &words, style) {
            return w;
        }
    }
    let printed = g
        .rows
        .get(result.0)
        .and_then(|r| r.text(result.1))
        .map(str::to_string)
        .unwrap_or_default();
    let mut base = words
        .split("; it should read")
        .next()
        .unwrap_or("")
        .to_string();
    if matches!(e, Expr::Fraction { .. }) {
        base = format!("{base} (the fraction {printed} read in percent)");
    }
    if !words.contains("; it should read") {
        return base;
    }
    match implied(g, e, *result) {
        Some(f) => format!(
            "{base}; it should read {}",
            format_number(f.value, f.decimals, style)
        ),
        None => base,
    }
}

/// `2,5 % of 2.659.101.670 = 66.477.541,75, not 66.455.062; it should read
/// 66.477.542` — in the amounts, not in percent; of several bases, `25 % of
/// (15,30 + 6,37 + 21,29) = 10,74`.
fn rate_words(
    g: &Grid,
    e: &Expr,
    bases: &[(usize, usize)],
    rate: Decimal,
    result: (usize, usize),
    words: &str,
    style: NumberStyle,
) -> Option<String> {
    let fig = |at: (usize, usize)| match g.rows.get(at.0)?.cells.get(at.1)? {
        Cell::Fig(f) => Some(*f),
        _ => None,
    };
    let r = fig(result)?;
    let mut sum = Decimal::ZERO;
    let mut texts = Vec::with_capacity(bases.len());
    for &at in bases {
        let b = fig(at)?;
        sum = sum.exact_add(b.value)?;
        texts.push(format_number(b.value, b.decimals, style));
    }
    let product = rate.exact_mul(sum)?.checked_div(Decimal::ONE_HUNDRED)?;
    let product = product.normalize();
    let shown = format_number(product, product.scale().min(6), style);
    let printed = format_number(r.value, r.decimals, style);
    let of = if texts.len() == 1 {
        texts.concat()
    } else {
        format!("({})", texts.join(" + "))
    };
    let head = format!("{} = {shown}", rate_of(rate, &of));
    if product == r.value.normalize() {
        return Some(head);
    }
    if !words.contains("; it should read") {
        return Some(format!("{head}, which {printed} allows as rounded"));
    }
    let should = implied(g, e, result)?;
    Some(format!(
        "{head}, not {printed}; it should read {}",
        format_number(should.value, should.decimals, style)
    ))
}

/// `183.835 / 610.874 = 0,30094, which 0,301 allows as rounded`.
fn fraction_words(
    g: &Grid,
    num: (usize, usize),
    den: (usize, usize),
    result: (usize, usize),
    words: &str,
    style: NumberStyle,
) -> Option<String> {
    let fig = |at: (usize, usize)| match g.rows.get(at.0)?.cells.get(at.1)? {
        Cell::Fig(f) => Some(*f),
        _ => None,
    };
    let (n, d, r) = (fig(num)?, fig(den)?, fig(result)?);
    let q = n.value.checked_div(d.value)?;
    let shown = format_number(q, r.decimals + 2, style);
    let printed = format_number(r.value, r.decimals, style);
    let head = format!(
        "{} / {} = {shown}",
        format_number(n.value, n.decimals, style),
        format_number(d.value, d.decimals, style)
    );
    if words.contains("; it should read") {
        let should = implied(g, &Expr::Fraction { num, den, result }, result)?;
        Some(format!(
            "{head}, not {printed} (nor within the rounding of its figures); it should read {}",
            format_number(should.value, should.decimals, style)
        ))
    } else if words.contains(" lies in ") {
        Some(format!(
            "{head}, which {printed} allows within the rounding of its figures"
        ))
    } else {
        Some(format!("{head} = {printed}"))
    }
}

/// A part of an exact count (`Antal personer … i alt` = its columns) is a
/// count of the same thing: a whole figure with no unit of its own, printed
/// to the last unit, is read as exact like its total.
pub fn counted_like(part: Figure, total: &Figure) -> Figure {
    if total.exact
        && total.unit == Some(Unit::Count)
        && part.unit.is_none()
        && part.decimals == 0
        && part.coarse == 0
    {
        Figure {
            exact: true,
            ..part
        }
    } else {
        part
    }
}

/// A column of fractions: every figure between -1 and 1, printed with at
/// least two decimals, and at least two of them.
fn fraction_column(g: &Grid, c: usize) -> bool {
    let mut n = 0;
    for row in &g.rows {
        match row.cells.get(c) {
            Some(Cell::Fig(f)) => {
                if f.percent() || f.decimals < 2 || f.value.abs() >= Decimal::ONE {
                    return false;
                }
                n += 1;
            }
            Some(Cell::Text) => return false,
            _ => {}
        }
    }
    n >= 2
}

/// A header naming a quotient: `Årsværk i forhold til omsætning`,
/// `Omsætning pr. årsværk`, `Ledighedsgrad`.
fn ratio_header(header: &str) -> bool {
    thread_local! {
        static SEEN: super::memo::Memo<bool> = super::memo::Memo::new(512);
    }
    SEEN.with(|m| m.get(header, ratio_header_now))
}

fn ratio_header_now(header: &str) -> bool {
    let h = header.to_lowercase();
    h.contains("i forhold til")
        || h.contains(" pr. ")
        || h.contains(" per ")
        || h.split(|c: char| !c.is_alphabetic())
            .any(|w| w.len() > 4 && w.ends_with("grad"))
}

/// `c` = `x` / `y` of the same row, found from the figures: a fraction
/// column (`only_fractions`: the numerator no larger than the denominator)
/// or a column whose header names a quotient. Under a year (`… / 2004`) the
/// operands are of the same year.
fn fraction(g: &Grid, c: usize, amounts: &[usize], only_fractions: bool) -> Option<Candidate> {
    let year = g.cols[c].year;
    let others: Vec<usize> = amounts
        .iter()
        .copied()
        .filter(|&k| k != c && !fraction_column(g, k) && !ratio_header(&g.cols[k].header))
        .filter(|&k| year.is_none() || g.cols[k].year == year)
        .take(PAIR_COLS)
        .collect();
    let mut cands = Vec::new();
    let mut tried = 0;
    for &x in &others {
        for &y in &others {
            if x == y {
                continue;
            }
            tried += 1;
            // A fraction below 1 in size: the numerator is the smaller.
            if only_fractions && !smaller_in_rows(g, x, y) {
                continue;
            }
            let what = format!("{} / {}", g.cols[x].header, g.cols[y].header);
            cands.push(col_relation(g, c, Kind::Ratio, &what, &|r| {
                Some(Expr::Fraction {
                    num: (r, x),
                    den: (r, y),
                    result: (r, c),
                })
            }));
        }
    }
    while cands.len() < tried {
        cands.push(Candidate {
            instances: Vec::new(),
            what: String::new(),
            prefer: false,
        });
    }
    pick_figures(g, cands, false)
}

/// In every row with both figures, `x` is no larger than `y` in size.
fn smaller_in_rows(g: &Grid, x: usize, y: usize) -> bool {
    let mut both = 0;
    for row in &g.rows {
        if let (Some(Cell::Fig(a)), Some(Cell::Fig(b))) = (row.cells.get(x), row.cells.get(y)) {
            if a.value.abs() > b.value.abs() {
                return false;
            }
            both += 1;
        }
    }
    both >= 2
}

/// A relation of a column to others of its row found from the figures
/// alone, as the terms `(negated, column)` of `c = Σ ±terms`.
fn linear_cand(g: &Grid, c: usize, terms: &[(bool, usize)]) -> Candidate {
    let all_plus = terms.iter().all(|t| !t.0);
    let (kind, what) = if terms.len() > 2 && all_plus {
        (Kind::Cross, format!("sum of {} columns", terms.len()))
    } else {
        let mut what = String::new();
        for (k, &(neg, col)) in terms.iter().enumerate() {
            match (k, neg) {
                (0, true) => what.push('-'),
                (0, false) => {}
                (_, true) => what.push_str(" - "),
                (_, false) => what.push_str(" + "),
            }
            what.push_str(&g.cols[col].header);
        }
        (Kind::Difference, what)
    };
    col_relation(g, c, kind, &what, &|r| {
        Some(Expr::Linear {
            terms: terms.iter().map(|&(n, k)| (n, (r, k))).collect(),
            result: (r, c),
            shares: false,
        })
    })
}

/// Worth building for the majority reading ([`super::establish::majority`]).
fn most_rows((holds, fails): (usize, usize)) -> bool {
    holds >= 3 && holds * 3 >= (holds + fails) * 2
}

/// The reading of column `c` as the sum or difference of other amount
/// columns the figures establish: the strict reading of
/// [`pick_figures`] (holds everywhere but once), else one that holds
/// exactly in most rows ([`super::establish::majority`]), its failing rows
/// then errors. Returns the reading and its terms.
/// `known`: groups of columns already related by another column's
/// reading; a reading of the same group is that relation rearranged, no
/// rival (`Ny leje inkl. el = Ny leje inkl. kontingent − Kontingent` beside
/// `Ny leje inkl. el = Ny leje + Varme + El`).
fn figure_reading(
    g: &Grid,
    c: usize,
    amounts: &[usize],
    counted: &dyn Fn(usize) -> bool,
    known: &std::collections::BTreeSet<Vec<usize>>,
) -> Option<(Candidate, Vec<(bool, usize)>)> {
    // No reading to try (most tables: one or two amount columns): two other
    // columns make a pair, three to the left a run.
    if amounts.iter().filter(|&&a| a != c).nth(1).is_none()
        && amounts.iter().filter(|&&a| a < c).nth(2).is_none()
    {
        return None;
    }
    let others: Vec<usize> = amounts.iter().copied().filter(|&a| a != c).collect();
    let mut readings: Vec<Vec<(bool, usize)>> = Vec::new();
    let mut tried = 0;
    for (i, &a) in others.iter().enumerate() {
        for &b in &others[i + 1..] {
            for (na, nb) in [(false, false), (false, true), (true, false)] {
                tried += 1;
                let q = quick_cols(g, c, &[(na, a), (nb, b)]);
                if promising(q) || most_rows(q) {
                    readings.push(vec![(na, a), (nb, b)]);
                }
            }
        }
    }
    let left: Vec<usize> = amounts.iter().copied().filter(|&a| a < c).collect();
    for from in 0..left.len().saturating_sub(2) {
        tried += 1;
        let cols: Vec<(bool, usize)> = left[from..].iter().map(|&k| (false, k)).collect();
        let q = quick_cols(g, c, &cols);
        if promising(q) || most_rows(q) {
            readings.push(cols);
        }
    }
    if !known.is_empty() {
        readings.retain(|t| !known.contains(&group_with(c, t)));
    }
    // A year of a series is no sum or difference of other years (`2012` =
    // `2013` - `2015` held within the rounding of small whole figures in
    // four rows of five, and called the fifth wrong), as a dated row is no
    // formula of other dated rows.
    if year_header(g, c) {
        readings.retain(|t| !t.iter().all(|&(_, k)| year_header(g, k)));
    }
    if readings.is_empty() {
        return None;
    }
    let cands: Vec<Candidate> = readings.iter().map(|t| linear_cand(g, c, t)).collect();
    // A row established as the sum of other rows holds wherever its parts
    // do, and fails wherever one of them fails: no evidence of its own for
    // a column relation. (The quick look above counts it: leaving it out
    // there let readings through that hold in two rows and fail in one,
    // where other rows print `-`.)
    let proof: Vec<Candidate> = cands
        .iter()
        .map(|c| Candidate {
            instances: c
                .instances
                .iter()
                .filter(|i| counted(i.at.0))
                .cloned()
                .collect(),
            what: c.what.clone(),
            prefer: c.prefer,
        })
        .collect();
    let strict = {
        let mut padded = proof.clone();
        while padded.len() < tried {
            padded.push(Candidate {
                instances: Vec::new(),
                what: String::new(),
                prefer: false,
            });
        }
        pick_figures(g, padded, false)
    };
    let by_most_rows = strict.is_none();
    let k = match strict {
        // By its cells as well as its words: two groups of columns under
        // the same headers (`Beskæftigede | Arbejdsløse | I arbejdsstyrken`
        // for men, then for women) word their readings alike.
        Some(picked) => proof
            .iter()
            .position(|x| x.what == picked.what && super::establish::same_cells(x, &picked))?,
        None => {
            // The reading that holds exactly in the most rows; two that
            // disagree about the wrong figures: neither.
            let mut best: Option<(usize, usize)> = None;
            let mut tie = false;
            for (k, p) in proof.iter().enumerate() {
                let Some((exact, _)) = super::establish::majority(g, p, tried) else {
                    continue;
                };
                match best {
                    Some((e, _)) if e > exact => {}
                    Some((e, b)) if e == exact => {
                        if !super::establish::same_cells(&proof[b], p) {
                            tie = true;
                        }
                    }
                    _ => {
                        best = Some((exact, k));
                        tie = false;
                    }
                }
            }
            match best {
                Some((_, k)) if !tie => k,
                _ => return None,
            }
        }
    };
    // Places left out because a cell prints `-`, where the reading fails
    // with the `-` as nothing, count as failures
    // ([`super::establish::dash_contradicts`]).
    let dashed = (0..g.rows.len())
        .filter(|&r| counted(r))
        .filter(|&r| {
            let at: Vec<(bool, super::establish::At)> =
                readings[k].iter().map(|&(n, col)| (n, (r, col))).collect();
            super::establish::dash_contradicts(g, &at, (r, c))
        })
        .count();
    if dashed > 0 {
        let (holds, fails) = holds_fails(g, &proof[k]);
        let fails = fails + dashed;
        let still = if by_most_rows {
            holds * 3 >= (holds + fails) * 2
        } else {
            fails <= 1
        };
        if !still {
            return None;
        }
    }
    let terms = readings.swap_remove(k);
    Some((cands.into_iter().nth(k)?, terms))
}

/// The columns of a reading of column `c` (`c` among them), sorted.
fn group_with(c: usize, terms: &[(bool, usize)]) -> Vec<usize> {
    let mut group: Vec<usize> = terms.iter().map(|t| t.1).chain([c]).collect();
    group.sort_unstable();
    group.dedup();
    group
}

/// The columns a relation along one row relates (its result among them),
/// sorted: `Pladspris = Egenbetaling + Tilskud` and `Egenbetaling =
/// Pladspris - Tilskud` relate the same group.
fn group_of(e: &Expr) -> Option<Vec<usize>> {
    let Expr::Linear { terms, result, .. } = e else {
        return None;
    };
    if terms.iter().any(|t| t.1 .0 != result.0) {
        return None;
    }
    let mut cols: Vec<usize> = terms.iter().map(|t| t.1 .1).chain([result.1]).collect();
    cols.sort_unstable();
    cols.dedup();
    Some(cols)
}

/// Drops a reading that is a wider one with a term left out: `Korrigeret
/// budget` = `Oprindeligt budget` + `Tillægsbevillinger` beside
/// `Overførsler`, which is 0 in most rows, holds in those rows and fails
/// just where `Overførsler` is not 0. Where a relation over more of the
/// same columns was found (reported already, or another pick), a narrower
/// reading that fails somewhere and holds in no row where a left-out column
/// is not 0 was only ever seen where it is the wider one: no structure of
/// its own, and its failures are no errors. (A subtotal column, `C` = `A` +
/// `B` beside `D` = `A` + `B` + `C`, holds where `D` is not 0, and stays.)
fn left_out_terms(g: &Grid, picks: &mut Vec<Pick>, reported: &[Instance]) {
    let mut wider: Vec<Vec<usize>> = reported
        .iter()
        .filter_map(|i| i.what.as_ref().ok().and_then(group_of))
        .collect();
    wider.extend(picks.iter().map(|p| p.3.clone()));
    wider.sort();
    wider.dedup();
    let none = super::establish::Overrides::new();
    let nonzero = |r: usize, k: usize| {
        super::row_relations::fig_at(g, r, k).is_some_and(|f| !f.value.is_zero())
    };
    picks.retain(|p| {
        let verdicts: Vec<(usize, Verdict)> =
            p.1.instances
                .iter()
                .filter_map(|i| {
                    i.what
                        .as_ref()
                        .ok()
                        .map(|e| (i.at.0, verdict_with(g, e, &none)))
                })
                .collect();
        if !verdicts.iter().any(|v| v.1 == Verdict::Error) {
            return true;
        }
        !wider.iter().any(|group| {
            let left: Vec<usize> = group.iter().copied().filter(|k| !p.3.contains(k)).collect();
            group.len() > p.3.len()
                && p.3.iter().all(|k| group.contains(k))
                && !verdicts.iter().any(|&(r, v)| {
                    matches!(v, Verdict::Exact | Verdict::Rounding)
                        && left.iter().any(|&k| nonzero(r, k))
                })
        })
    });
}

/// The most amount columns with figures among which [`by_figures`] looks
/// for relations (the widest table of the real-data corpus where it finds
/// one has 20).
pub const MAX_FIGURE_COLUMNS: usize = 24;

/// The most work [`by_figures`] does on one table: columns looked at ×
/// amount columns² × rows (24 columns of 289 rows; the real-data corpus's
/// largest is 41 160, 14 columns of 15 rows).
pub const MAX_FIGURE_SEARCH: usize = 4_000_000;

/// The search [`by_figures`] does on any table, however small (five times
/// the real-data corpus's largest, 41 160).
const FIGURE_SEARCH_FREE: usize = 200_000;

/// The search [`by_figures`] does beyond [`FIGURE_SEARCH_FREE`], per cell
/// of the table: the work per byte of a document stays bounded (about 1 µs
/// a unit; a cell is a few bytes).
const FIGURE_SEARCH_PER_CELL: usize = 32;

/// A column's reading by the figures: (column, reading, its terms
/// `(negated, column)`, its group of columns sorted).
type Pick = (usize, Candidate, Vec<(bool, usize)>, Vec<usize>);

/// The relations among amount columns the figures alone establish (no
/// header names them), one per group of columns: `Egenbetaling + Tilskud =
/// Pladspris` is one relation, found from each of its three columns, and is
/// reported once, its result the column whose header is a total word, else
/// the rightmost of the group (the sum stands right of its parts). A group
/// already related by another reading (`I alt` = the columns before it) is
/// not reported again. `cols`: the columns no header reading claimed;
/// `reported`: the relations found so far; `counted`: the rows whose places
/// count as evidence.
///
/// Bounded: only columns with a figure take part (an empty column adds
/// nothing and is no result), and only in a table of at most
/// [`MAX_FIGURE_COLUMNS`] such columns whose search stays within
/// [`MAX_FIGURE_SEARCH`]: the search tries every pair of columns for each
/// column, row by row (cubic in the columns), and a pasted table of a
/// thousand empty columns took minutes.
pub fn by_figures(
    g: &Grid,
    cols: &[usize],
    amounts: &[usize],
    reported: &[Instance],
    counted: &dyn Fn(usize) -> bool,
) -> Vec<Candidate> {
    // Most tables: too few amount columns for any reading (each column's
    // reading needs two others), asked before any column is looked at.
    if amounts.len() < 3 && cols.iter().all(|c| amounts.contains(c)) {
        return Vec::new();
    }
    let with_figures = |c: &usize| {
        g.rows
            .iter()
            .any(|r| matches!(r.cells.get(*c), Some(Cell::Fig(_))))
    };
    let cols: Vec<usize> = cols.iter().copied().filter(with_figures).collect();
    if cols.is_empty() {
        return Vec::new();
    }
    let amounts: Vec<usize> = amounts.iter().copied().filter(with_figures).collect();
    let search = cols
        .len()
        .saturating_mul(amounts.len().saturating_mul(amounts.len()))
        .saturating_mul(g.rows.len());
    // And in proportion to the table: a few small tables of like figures
    // each took the whole search (seconds for 16 KB, a minute for 231 KB of
    // them).
    let cells = g.rows.len().saturating_mul(g.cols.len());
    let in_proportion =
        FIGURE_SEARCH_FREE.saturating_add(FIGURE_SEARCH_PER_CELL.saturating_mul(cells));
    if amounts.len() > MAX_FIGURE_COLUMNS || search > MAX_FIGURE_SEARCH.min(in_proportion) {
        return Vec::new();
    }
    let (cols, amounts) = (cols.as_slice(), amounts.as_slice());
    let mut picks: Vec<Pick> = Vec::new();
    let none = std::collections::BTreeSet::new();
    for &c in cols {
        if let Some((cand, terms)) = figure_reading(g, c, amounts, counted, &none) {
            let group = group_with(c, &terms);
            picks.push((c, cand, terms, group));
        }
    }
    // Most tables have no column the figures alone read (the second look
    // below is only at parts of another column's reading): the relations
    // reported already are not gathered into groups for nothing.
    if picks.is_empty() {
        return Vec::new();
    }
    let claimed: std::collections::BTreeSet<Vec<usize>> = reported
        .iter()
        .filter_map(|i| i.what.as_ref().ok().and_then(group_of))
        .collect();
    // A second look at a column that is a part of another column's
    // reading, where it has none of its own or only that one rearranged:
    // the rearranged relation may have hidden its own (`Ny leje inkl. el`
    // = `Ny leje` + `Varme` + `El`, and a term of `Ny leje inkl.
    // kontingent`).
    for &c in cols {
        if !picks.iter().any(|p| p.0 != c && p.3.contains(&c)) {
            continue;
        }
        let known: std::collections::BTreeSet<Vec<usize>> = picks
            .iter()
            .filter(|p| p.0 != c)
            .map(|p| p.3.clone())
            .collect();
        let mine = picks.iter().position(|p| p.0 == c);
        if mine.is_some_and(|i| !known.contains(&picks[i].3)) {
            continue;
        }
        if let Some((cand, terms)) = figure_reading(g, c, amounts, counted, &known) {
            if let Some(i) = mine {
                picks.remove(i);
            }
            let group = group_with(c, &terms);
            picks.push((c, cand, terms, group));
        }
    }
    left_out_terms(g, &mut picks, reported);
    drop_twins(g, &mut picks, reported);
    picks.sort_by_key(|p| p.0);
    let mut out = Vec::new();
    let mut done: std::collections::BTreeSet<Vec<usize>> = Default::default();
    for (first, (_, _, _, group)) in picks.iter().enumerate() {
        if claimed.contains(group) || !done.insert(group.clone()) {
            continue;
        }
        let members: Vec<usize> = (first..picks.len())
            .filter(|&k| &picks[k].3 == group)
            .collect();
        // The result: a total word's column, else right to left; never a
        // column that is the result of a reading of another group.
        let mut order: Vec<usize> = group.iter().rev().copied().collect();
        let totals: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&k| {
                let h = &g.cols[k].header;
                whole_header(h) || h.split(" / ").any(whole_header)
            })
            .collect();
        if let [t] = totals.as_slice() {
            order.retain(|k| k != t);
            order.insert(0, *t);
        }
        let base = &picks[first];
        let (base_holds, base_fails) = holds_fails(g, &base.1);
        let mut chosen: Option<Candidate> = None;
        for r in order {
            if picks.iter().any(|p| p.0 == r && &p.3 != group) {
                continue;
            }
            if let Some(&k) = members.iter().find(|&&k| picks[k].0 == r) {
                chosen = Some(picks[k].1.clone());
                break;
            }
            let terms = rearranged(base.0, &base.2, r);
            let cand = linear_cand(g, r, &terms);
            let (holds, fails) = holds_fails(g, &cand);
            if holds >= base_holds && fails <= base_fails {
                chosen = Some(cand);
                break;
            }
        }
        out.push(chosen.unwrap_or_else(|| base.1.clone()));
    }
    out
}

/// A reading that is another reading with one column put in place of
/// another (`budget 2013 = regnskab 2012 - difference` beside `budget 2012
/// = regnskab 2012 - difference`) holds just where the two columns print
/// the same figure: it says that they are equal, no arithmetic of its own.
/// Where it fails more often than the other (another reading by the
/// figures, or one already reported), it is dropped: a headerless table
/// continued on a new page called next year's budget wrong wherever it
/// differed from this year's.
fn drop_twins(g: &Grid, picks: &mut Vec<Pick>, reported: &[Instance]) {
    let picked = picks.len();
    if picked == 0 {
        return;
    }
    // The reported relations along rows, one shape per set of coefficients.
    let mut seen: Vec<(Coefficients, Vec<Instance>)> = Vec::new();
    for i in reported {
        let Ok(Expr::Linear { terms, result, .. }) = &i.what else {
            continue;
        };
        if terms.iter().any(|t| t.1 .0 != result.0) {
            continue;
        }
        let mut coef: Vec<(usize, i8)> = vec![(result.1, 1)];
        coef.extend(
            terms
                .iter()
                .map(|&(neg, at)| (at.1, if neg { 1 } else { -1 })),
        );
        match seen.iter_mut().find(|s| s.0 == coef) {
            Some(s) => s.1.push(i.clone()),
            None => seen.push((coef, vec![i.clone()])),
        }
    }
    if picked < 2 && seen.is_empty() {
        return;
    }
    // Each relation's coefficients and how often it fails, the picks first.
    let mut shapes: Vec<(Coefficients, usize)> = picks
        .iter()
        .map(|p| {
            let mut coef: Vec<(usize, i8)> = vec![(p.0, 1)];
            coef.extend(p.2.iter().map(|&(neg, k)| (k, if neg { 1 } else { -1 })));
            (coef, holds_fails(g, &p.1).1)
        })
        .collect();
    for (coef, instances) in seen {
        let cand = Candidate {
            instances,
            what: String::new(),
            prefer: false,
        };
        shapes.push((coef, holds_fails(g, &cand).1));
    }
    let dropped: Vec<bool> = (0..picked)
        .map(|i| {
            let (ci, fi) = &shapes[i];
            *fi > 0
                && shapes
                    .iter()
                    .enumerate()
                    .any(|(j, (cj, fj))| j != i && fj < fi && twins(ci, cj))
        })
        .collect();
    let mut k = 0;
    picks.retain(|_| {
        k += 1;
        !dropped[k - 1]
    });
}

/// A relation along rows as `0 = Σ coef·column`: (column, ±1).
type Coefficients = Vec<(usize, i8)>;

/// Whether two relations (coefficients of `0 = Σ coef·column`) are one
/// relation with a column of the first put in place of a column of the
/// second: they differ in exactly one column each, and their coefficients
/// agree (up to the sign of the whole) with those two columns matched.
fn twins(a: &[(usize, i8)], b: &[(usize, i8)]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let only_a: Vec<&(usize, i8)> = a.iter().filter(|x| !b.iter().any(|y| y.0 == x.0)).collect();
    let only_b: Vec<&(usize, i8)> = b.iter().filter(|y| !a.iter().any(|x| x.0 == y.0)).collect();
    let ([ra], [xb]) = (only_a.as_slice(), only_b.as_slice()) else {
        return false;
    };
    [1i8, -1].into_iter().any(|sign| {
        ra.1 * sign == xb.1
            && a.iter()
                .filter(|x| x.0 != ra.0)
                .all(|x| b.iter().any(|y| y.0 == x.0 && y.1 == x.1 * sign))
    })
}

/// `c = Σ ±terms` solved for column `r` (one of the terms), the terms in
/// column order: `Egenbetaling = -Tilskud + Pladspris` for `Pladspris` is
/// `Egenbetaling + Tilskud`.
fn rearranged(c: usize, terms: &[(bool, usize)], r: usize) -> Vec<(bool, usize)> {
    // 0 = c - Σ ±terms: each column's sign on that side.
    let mut coef: Vec<(usize, bool)> = vec![(c, true)];
    coef.extend(terms.iter().map(|&(neg, k)| (k, neg)));
    let Some(&(_, r_plus)) = coef.iter().find(|x| x.0 == r) else {
        return terms.to_vec();
    };
    // r·s_r = -Σ s_j·j  =>  r = Σ (-s_j·s_r)·j: negated where the signs agree.
    let mut out: Vec<(bool, usize)> = coef
        .iter()
        .filter(|x| x.0 != r)
        .map(|&(k, plus)| (plus == r_plus, k))
        .collect();
    out.sort_by_key(|t| t.1);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `rate_in_now` as it read a header before, by characters, copying
    /// what follows each number: the oracle of the byte-wise reading.
    fn rate_by_chars(header: &str) -> Option<Decimal> {
        let h = header.to_lowercase();
        if !h.chars().any(char::is_alphabetic) {
            return None;
        }
        let chars: Vec<char> = h.chars().collect();
        let mut i = 0;
        let mut found = None;
        while i < chars.len() {
            if !chars[i].is_ascii_digit() || (i > 0 && !matches!(chars[i - 1], ' ' | '(')) {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == ',') {
                i += 1;
            }
            let num: String = chars[start..i].iter().collect();
            let rest: String = chars[i..].iter().collect();
            let rest = rest.trim_start();
            let is_rate = rest.starts_with('%')
                || rest.starts_with("pct")
                || rest.starts_with("procent")
                || rest.starts_with("p.a.");
            if !is_rate {
                continue;
            }
            if num.ends_with(',') || num.matches(',').count() > 1 {
                return None;
            }
            let value: Decimal = num.replace(',', ".").parse().ok()?;
            if value <= Decimal::ZERO || value > Decimal::ONE_HUNDRED || found.is_some() {
                return None;
            }
            found = Some(value);
        }
        found
    }

    proptest::proptest! {
        /// Reading a header's rate by bytes finds what reading it by
        /// characters found, on headers of numbers, rates and Danish words.
        #[test]
        fn a_rate_read_by_bytes_is_the_rate_read_by_characters(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Moms", " ", "(", ")", "25", "2,5", "1,2,3", "100", "0", "%", " %", "pct.",
                    "procent", "p.a.", "æ", "Ø", "\u{a0}", "2025", ",", "Afskrivning", "x",
                ]),
                0..12,
            ),
        ) {
            let header: String = parts.concat();
            proptest::prop_assert_eq!(rate_in_now(&header), rate_by_chars(&header));
        }
    }

    #[test]
    fn a_header_names_its_rate() {
        assert_eq!(
            rate_in("Lineær afskrivning 2,5%"),
            Some(Decimal::new(25, 1))
        );
        assert_eq!(rate_in("Moms 25 pct."), Some(Decimal::from(25)));
        for with in [
            "Med moms",
            "m/moms",
            "Incl. moms",
            "Inkl. moms",
            "Pris inkl moms",
            // Fensmark Vandværk's header (heldout19): the rate between.
            "Inkl. 25% Moms",
            "inkl. 25 pct. moms",
        ] {
            assert_eq!(moms(with), Some(true), "{with}");
        }
        for without in [
            "Uden moms",
            "u/moms",
            "Excl. moms",
            "Ekskl. moms",
            "ex. moms",
            "Ekskl. 25 % moms",
        ] {
            assert_eq!(moms(without), Some(false), "{without}");
        }
        for neither in [
            "Moms",
            "Moms 25 pct.",
            "Momsfritaget",
            "2025",
            "Momspligtig omsætning",
        ] {
            assert_eq!(moms(neither), None, "{neither}");
        }
        assert_eq!(rate_in("Afskrivning (4 %)"), Some(Decimal::from(4)));
        assert_eq!(rate_in("%"), None);
        assert_eq!(rate_in("Ændring i %"), None);
        assert_eq!(rate_in("Ændring 2025-26 %"), None);
        assert_eq!(rate_in("Andel 2025 i pct."), None);
        assert_eq!(rate_in("Rate 150 %"), None);
    }
}
