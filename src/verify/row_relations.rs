//! Row relations a table's own figures establish where no label names them
//! (issue 9): the careful reader's arithmetic of a statement whose rows
//! carry no `I alt` and no `A+B`.
//!
//! - **Formula rows**: a row that is an earlier row plus or minus each row
//!   between them (a roll-forward note: `Kostpris 1. januar` + `Tilgang` +
//!   `Afgang` = `Kostpris 31. december`; `Ordinært resultat` + financial
//!   income − financial costs − … = `Resultat efter selskabsskat`), the sum
//!   or difference of two rows further above than the difference pass looks
//!   (`Regnskabsmæssig værdi 31. december 2014` = `Kostpris 1. januar` −
//!   `Af- og nedskrivninger 1. januar`, nine rows apart, both parts of their
//!   31. december rows), or the sum of the rows back to an earlier one across
//!   sub-headings ending in a colon. Also for a labelled total or formula row
//!   its label's reading left not understood (`DAU-saldo (5-6)`); for such
//!   a total, only a reading that holds in two places at least.
//! - **Ratio rows** (nøgletal): a per-cent row (`Likviditetsgrad [%]`,
//!   `Soliditetsgrad`, `… i pct.`) that is row A / row B · 100 in its
//!   columns, A and B searched among the table's rows. A row whose label
//!   names its ratio by bracketed abbreviations (`Kurs / indre værdi
//!   (P/BV)`) is judged by its label ([`named_ratios`]); a multiple row
//!   (unit `x`) naming no operands only by the one pair of rows whose
//!   quotient fits everywhere ([`multiple_rows`]).
//! - **Chains across the year columns**: a row that is its own figure of
//!   the year before plus another row's figure of the year
//!   (`Egenkapital` 2006 = `Egenkapital` 2005 + `Årets resultat` 2006), and
//!   an opening balance (`1. januar`, `primo`, `ved årets begyndelse`)
//!   carried from last year's closing row (`31. december`, `ultimo`, `ved
//!   årets udgang`).
//! - **Total sections**: under `I alt`, a row that adds up in no column
//!   while the section's other rows add up everywhere (see
//!   [`section_totals`]).
//!
//! When such a reading is established ([`establish`]):
//! - In several places (columns, or year pairs for a chain) it must hold in
//!   at least two; it may fail in one place only where it holds in at least
//!   three, in two only where it holds in at least five, and never in more
//!   than its kind allows: a formula row one, a ratio row two (a nøgletal
//!   row of eight years: five or six holding and two failing is
//!   established, four and two is not), a chain or a carry none (they only
//!   confirm: a balance may have moved otherwise in a year, and
//!   `Langfristet gæld` follows `Finansieringens likviditetsvirkning` in
//!   five of seven years by the economics, not the arithmetic). The chance
//!   that it holds by coincidence where it holds (each place: its
//!   interval's width over the figure's size), times the readings tried,
//!   must be below 1 % (1 ‰ for ratios, chains and carries, searched among
//!   many more pairs). A failing place of an established reading is an
//!   error in that cell.
//! - A formula row with a figure in one place only (a note of one year) is
//!   a confirmation: judged where it holds, in that one place, within the
//!   same chance, and only when no reading of other figures also holds;
//!   where it fails nothing is said. It is never an error on its own.
//! - Two readings of different figures that both qualify, where the best
//!   fails somewhere, disagree about which figure is wrong: neither is taken.
//! - A part of a block is never read from its own total or its sibling
//!   parts (`Øvrige driftsudgifter` = `Udgifter` − `Lønninger` holds only
//!   where the third part is 0).
//!
//! Every search is bounded: rows within [`super::engine::BLOCK`] of the
//! result, at most [`BETWEEN`] rows between an earlier row and its result,
//! [`FAR_REACH`] rows for pairs, and the passes run only on tables of at
//! most `STRUCTURE_ROWS` rows.

use super::engine::{has_figs, push, State, BLOCK};
use super::establish::{quick_linear, row_sum, tally, Candidate, Expr, Instance, Kind};
use super::figure::{contains_word, Cell, Figure};
use super::grid::{ColKind, Grid, Role};
use super::judge::Verdict;
use crate::money::{Decimal, Exact};

/// How many rows an earlier row and its result may have between them.
const BETWEEN: usize = 6;
/// The most places a reading found by the figures may fail in and still be
/// established. A formula row: one (a roll-forward is an identity; two
/// failing places are more likely a wrong reading). A ratio row: two, with
/// five holding (a nøgletal's definition fits or it does not). A chain
/// across the years: none — a balance carried from the year before with
/// one movement (`Langfristet gæld` with `Finansieringens
/// likviditetsvirkning`) may hold in most years by the economics, not by
/// the arithmetic, and a year with another movement is no error; so a
/// chain only confirms.
const FORMULA_FAILS: usize = 1;
const RATIO_FAILS: usize = 2;

/// How many rows of figures above and below a ratio row its operands are
/// looked for in.
const RATIO_ABOVE: usize = 30;
const RATIO_BELOW: usize = 8;

/// How many rows above a result its two operands are looked for in.
const FAR_REACH: usize = 12;

/// Quick looks (one per column place) each pass may spend per row of the
/// table: the time stays linear in the table's size, and a large table's
/// later rows go unsearched rather than the run slowing down.
const WORK_PER_ROW: usize = 2_000;

/// What a pass may still spend.
struct Work(usize);

impl Work {
    fn new(g: &Grid) -> Work {
        Work(WORK_PER_ROW.saturating_mul(g.rows.len().max(1)))
    }

    fn left(&self) -> bool {
        self.0 > 0
    }

    /// Spend a quick look's places; its (holds, fails).
    fn look(&mut self, (holds, fails, looked): (usize, usize, usize)) -> (usize, usize) {
        self.spend(looked);
        (holds, fails)
    }

    /// Spend `n`; false once the budget is gone.
    fn spend(&mut self, n: usize) -> bool {
        match self.0.checked_sub(n.max(1)) {
            Some(left) => {
                self.0 = left;
                true
            }
            None => {
                self.0 = 0;
                false
            }
        }
    }
}

pub(super) fn find(g: &Grid, s: &mut State) {
    named_ratios(g, s);
    formula_rows(g, s);
    ratio_rows(g, s);
    multiple_rows(g, s);
    let steps = year_steps(g);
    chains(g, s, &steps);
    carries(g, s, &steps);
    section_totals(g, s);
}

/// A total section (`I alt` after `UK 10 …`, `UK 90 …`: each of its rows
/// the sum of the rows of the same label in the sections above) whose
/// rows mostly add up: at least two of its rows, and at least as many as
/// fail, add up in every column. The label and those rows establish the
/// section's reading, so a row of it in kroner that adds up in no column is
/// judged by it, and is an error (the engine's section pass, which judges
/// the rows that add up somewhere, leaves it out: a total whose rows add up
/// nowhere may be no sum). Rows of averages, rates or shares are left out.
fn section_totals(g: &Grid, s: &mut State) {
    let n = g.rows.len();
    // A total section needs two sections above it: no list is made for a
    // table with fewer section rows (most tables).
    let heading = |r: &super::grid::GRow| matches!(r.role, Role::Section | Role::HerafMarker);
    if g.rows.iter().filter(|r| heading(r)).take(2).count() < 2 {
        return;
    }
    let mut section = vec![0usize; n];
    // Room for a few sections (a table with one heading grew it at once).
    let mut heads: Vec<Option<usize>> = Vec::with_capacity(4);
    heads.push(None);
    for (r, row) in g.rows.iter().enumerate() {
        if heading(row) {
            heads.push(Some(r));
        }
        section[r] = heads.len() - 1;
    }
    if heads.len() < 3 {
        return;
    }
    let key = |r: usize| g.rows[r].label.trim().to_lowercase();
    for (k, head) in heads.iter().enumerate() {
        let Some(h) = *head else { continue };
        if g.rows[h].total_word != Some(true) {
            continue;
        }
        let mut held = 0;
        let mut failing: Vec<(usize, Vec<usize>)> = Vec::new();
        for r in (h + 1..n).filter(|&r| section[r] == k && has_figs(g, r)) {
            let mut others = Vec::new();
            let mut seen = std::collections::BTreeSet::new();
            for q in (0..r).filter(|&q| section[q] != k && has_figs(g, q) && key(q) == key(r)) {
                if !seen.insert(section[q]) {
                    others.clear();
                    break;
                }
                others.push(q);
            }
            if others.len() < 2 {
                continue;
            }
            // The engine's section pass (run after this one) judges the rows
            // that add up somewhere; here: which add up everywhere, and
            // which nowhere.
            let parts: Vec<(bool, usize)> = others.iter().map(|&q| (false, q)).collect();
            let (holds, fails, _) = tally(g, &row_sum(g, r, &parts, Kind::Sum, ""));
            if holds >= 1 && fails == 0 {
                held += 1;
            } else if holds == 0 && fails >= 1 {
                failing.push((r, others));
            }
        }
        if held < 2 || held < failing.len() {
            continue;
        }
        for (r, others) in failing {
            let money = g.rows[r].cells.iter().all(|c| match c {
                Cell::Fig(f) => matches!(f.unit, Some(super::figure::Unit::Money(_))),
                _ => true,
            });
            let l = g.rows[r].label.to_lowercase();
            let rate = ["gns", "gennemsnit", "pr.", "per ", "andel"]
                .iter()
                .any(|w| l.contains(w));
            if !money || rate || percent_row(g, r) {
                continue;
            }
            let parts: Vec<(bool, usize)> = others.iter().map(|&q| (false, q)).collect();
            let what = format!(
                "sum of the rows {:?} in {} sections (as the other rows of {:?})",
                g.rows[r].label,
                parts.len(),
                g.rows[h].label
            );
            let c = with_results(g, row_sum(g, r, &parts, Kind::Sum, what));
            push(s, c);
        }
    }
}

/// Adjacent years among the amount columns: (the year before, the year),
/// as columns; none where two columns share a year (budget and accounts).
fn year_steps(g: &Grid) -> Vec<(usize, usize)> {
    let mut years: Vec<(i32, usize)> = (0..g.cols.len())
        .filter(|&c| g.cols[c].kind == ColKind::Amount)
        .filter_map(|c| g.cols[c].year.map(|y| (y, c)))
        .collect();
    years.sort_unstable();
    if years.windows(2).any(|w| w[0].0 == w[1].0) {
        return Vec::new();
    }
    years
        .windows(2)
        .filter(|w| w[1].0 == w[0].0 + 1)
        .map(|w| (w[0].1, w[1].1))
        .collect()
}

/// Whether a label opens a year (see [`carries`]); asked of every row with
/// figures in a table with adjacent years, so remembered for the labels
/// seen last.
fn opening(label: &str) -> bool {
    if !may_open(label) {
        return false;
    }
    thread_local! {
        static SEEN: super::memo::Memo<bool> = super::memo::Memo::new(1024);
    }
    SEEN.with(|m| m.get(label, opening_now))
}

/// A quick look before the remembered one: each of [`opening_now`]'s words
/// has a `j`, `p` or `b` (`1. januar`, `primo`, `begyndelse`,
/// `åbningsbalance`), and no other character lowercases to one of them, so
/// a label without any of them in either case opens no year.
fn may_open(label: &str) -> bool {
    label
        .bytes()
        .any(|b| matches!(b, b'j' | b'J' | b'p' | b'P' | b'b' | b'B'))
}

fn opening_now(label: &str) -> bool {
    let l = label.to_lowercase();
    ["1. januar", "primo", "begyndelse", "åbningsbalance"]
        .iter()
        .any(|w| l.contains(w))
}

fn closing(label: &str) -> bool {
    let l = label.to_lowercase();
    ["31. december", "ultimo", "udgang", "slutningen"]
        .iter()
        .any(|w| l.contains(w))
}

/// Carried over across the year columns: a row whose label opens a year
/// (`Likvide beholdninger ved årets begyndelse`, `Regnskabsmæssig værdi 1.
/// januar`) is, in each year, the figure of a row that closes one (`… ved
/// årets udgang`, `… 31. december`) the year before. Judged only where it
/// holds everywhere and no other closing row also fits: it confirms, it is
/// never an error on its own (an opening balance may be restated).
fn carries(g: &Grid, s: &mut State, steps: &[(usize, usize)]) {
    if steps.is_empty() {
        return;
    }
    for r in 0..g.rows.len() {
        if !has_figs(g, r) || !opening(&g.rows[r].label) || percent_row(g, r) {
            continue;
        }
        // A carry the engine's own pass found already.
        let found = s.out.iter().any(|i| {
            matches!(&i.what, Ok(Expr::Linear { terms, result, .. })
                if result.0 == r && terms.len() == 1 && terms[0].1 .1 != result.1)
        });
        if found {
            continue;
        }
        let lo = r.saturating_sub(BLOCK);
        let hi = (r + BLOCK).min(g.rows.len());
        let mut cands = Vec::new();
        for x in lo..hi {
            if x == r || !has_figs(g, x) || !closing(&g.rows[x].label) {
                continue;
            }
            let instances: Vec<Instance> = steps
                .iter()
                .filter(|&&(prev, cur)| fig_at(g, r, cur).is_some() && fig_at(g, x, prev).is_some())
                .map(|&(prev, cur)| Instance {
                    kind: Kind::Formula,
                    name: format!(
                        "{} [{}]: carried over from {} [{}]",
                        g.rows[r].label, g.cols[cur].header, g.rows[x].label, g.cols[prev].header
                    )
                    .into(),
                    at: (r, cur),
                    what: Ok(Expr::Linear {
                        terms: vec![(false, (x, prev))],
                        result: (r, cur),
                        shares: false,
                    }),
                })
                .collect();
            if !instances.is_empty() {
                cands.push(Candidate {
                    instances,
                    what: format!("carried over from {}", g.rows[x].label),
                    prefer: false,
                });
            }
        }
        let tried = cands.len();
        if let Some(c) = establish(g, cands, tried, Decimal::new(1, 3), true, 0) {
            push(s, c);
        }
    }
}

/// A per-cent row by its label (`Likviditetsgrad [%]`, `Soliditetsgrad`,
/// `Overskud i pct.`, `Lønandel`) or by its figures (all printed with `%`).
pub fn percent_row(g: &Grid, r: usize) -> bool {
    let Some(row) = g.rows.get(r) else {
        return false;
    };
    let mut figs = row.cells.iter().filter_map(|c| match c {
        Cell::Fig(f) => Some(f),
        _ => None,
    });
    let all_percent = figs.next().is_some_and(Figure::percent) && figs.all(Figure::percent);
    all_percent || row.percent_word
}

/// A per-cent row's label (see [`percent_row`]); asked of each row many
/// times, so asked once when the grid is read (`GRow::percent_word`).
pub(super) fn percent_label(label: &str) -> bool {
    let l = label.to_lowercase();
    l.contains('%')
        || contains_word(&l, "pct.")
        || contains_word(&l, "pct")
        || l.contains("procent")
        || l.split(|c: char| !c.is_alphanumeric()).any(|w| {
            w.len() > 5
                && (w.ends_with("grad")
                    || w.ends_with("andel")
                    || w.ends_with("frekvens")
                    || w.ends_with("kvote"))
        })
}

/// How a candidate fares: places judged (holding, failing or trivially
/// holding), holding, failing, the chance of the holds by coincidence.
struct Fared {
    judged: usize,
    holds: usize,
    fails: usize,
    chance: Decimal,
}

fn fared(g: &Grid, c: &Candidate) -> Fared {
    let (mut holds, mut fails, mut chance) = tally(g, c);
    // A reading that fails nowhere is counted by its independent places
    // only; one that fails somewhere as before: a copy of a holding column
    // beside a failing one (`Moderselskab` = `Koncern` where the parent
    // holds every asset) is what shows the failing figure is the wrong one.
    let independent = if fails == 0 {
        independent_places(g, c)
    } else {
        None
    };
    if let Some(fewer) = &independent {
        (holds, fails, chance) = tally(g, fewer);
    }
    let c = independent.as_ref().unwrap_or(c);
    let judged = c
        .instances
        .iter()
        .filter_map(|i| i.what.as_ref().ok())
        .filter(|e| super::establish::verdict_with(g, e, &Default::default()) != Verdict::Skipped)
        .count();
    Fared {
        judged,
        holds,
        fails,
        chance,
    }
}

/// A reading's places without those whose column is, over the reading's
/// rows, an affine image of a column where it holds already (`B = k × A +
/// c` in every one of those rows: a price with moms beside the price
/// without, a total that adds a fixed amount the table does not print, as
/// `Samlet bidrag` = `Adm.-bidrag` + 4.260 for every a-kasse): a linear
/// relation among the rows that holds in A holds in B as well, or in
/// neither, so B is no second place for it, and its chance is not
/// multiplied in (seven a-kasser related by alternating signs, a
/// coincidence in `Adm.-bidrag` that `Samlet bidrag` repeated, were a
/// formula established in two places). `None` where no place is dropped.
/// Asked of a reading that fails nowhere ([`fared`]).
fn independent_places(g: &Grid, c: &Candidate) -> Option<Candidate> {
    // Each place's column and rows, where all its cells stand in one column
    // (a chain across the years relates columns: left as it is).
    let place = |i: &Instance| -> Option<(usize, Vec<usize>)> {
        let e = i.what.as_ref().ok()?;
        let cells = e.cells();
        let col = cells.first()?.1;
        if cells.iter().any(|at| at.1 != col) {
            return None;
        }
        let mut rows: Vec<usize> = cells.iter().map(|at| at.0).collect();
        rows.sort_unstable();
        Some((col, rows))
    };
    let holds = |i: &Instance| {
        i.what.as_ref().is_ok_and(|e| {
            matches!(
                super::establish::verdict_with(g, e, &Default::default()),
                Verdict::Exact | Verdict::Rounding
            )
        })
    };
    let mut kept: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut dropped = vec![false; c.instances.len()];
    for (k, i) in c.instances.iter().enumerate() {
        let Some((col, rows)) = place(i) else {
            continue;
        };
        if !holds(i) {
            continue;
        }
        if kept
            .iter()
            .any(|(a, rows_a)| *rows_a == rows && affine_image(g, &rows, *a, col))
        {
            dropped[k] = true;
        } else {
            kept.push((col, rows));
        }
    }
    if !dropped.contains(&true) {
        return None;
    }
    let mut fewer = c.clone();
    let mut k = 0;
    fewer.instances.retain(|_| {
        k += 1;
        !dropped[k - 1]
    });
    Some(fewer)
}

/// Whether column `b`'s figures in `rows` are `k × a + c` of column `a`'s,
/// exactly, for some `k` and `c`: the points (a, b) of the rows on one
/// line (compared by cross-multiplication, no division). Three rows at
/// least (any two points are on a line), each with a figure in both.
fn affine_image(g: &Grid, rows: &[usize], a: usize, b: usize) -> bool {
    let fig = |r: usize, c: usize| match g.rows.get(r).and_then(|x| x.cells.get(c)) {
        Some(Cell::Fig(f)) => Some(f.value),
        _ => None,
    };
    let Some(points) = rows
        .iter()
        .map(|&r| Some((fig(r, a)?, fig(r, b)?)))
        .collect::<Option<Vec<(Decimal, Decimal)>>>()
    else {
        return false;
    };
    if points.len() < 3 {
        return false;
    }
    let (a1, b1) = points[0];
    // All of `a` alike: `b` is no image of it unless alike too, which says
    // nothing either way; left as a place of its own.
    let Some(&(a2, b2)) = points.iter().find(|p| p.0 != a1) else {
        return false;
    };
    let on_line = |&(ar, br): &(Decimal, Decimal)| -> Option<bool> {
        let left = br.exact_sub(b1)?.exact_mul(a2.exact_sub(a1)?)?;
        let right = b2.exact_sub(b1)?.exact_mul(ar.exact_sub(a1)?)?;
        Some(left == right)
    };
    points.iter().all(|p| on_line(p) == Some(true))
}

/// The failures a reading holding in `holds` places may have and still be
/// established: none below three holds, one from three, two from five;
/// never more than `most` (the kind's own limit).
fn fails_allowed(holds: usize, most: usize) -> usize {
    let by_holds = match holds {
        0..=2 => 0,
        3 | 4 => 1,
        _ => 2,
    };
    by_holds.min(most)
}

fn cells_of(c: &Candidate) -> Vec<(usize, usize)> {
    let mut v: Vec<(usize, usize)> = c
        .instances
        .iter()
        .filter_map(|i| i.what.as_ref().ok())
        .flat_map(Expr::cells)
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The one reading among `cands` the figures establish (see the module's
/// rules). `tried`: how many readings were looked at, those the quick look
/// dropped included; `limit`: the largest chance × tried accepted;
/// `one_place`: a reading with a figure in one place only may confirm.
pub fn establish(
    g: &Grid,
    cands: Vec<Candidate>,
    tried: usize,
    limit: Decimal,
    one_place: bool,
    most_fails: usize,
) -> Option<Candidate> {
    let n = Decimal::from(tried.max(cands.len()).max(1));
    let mut ok: Vec<(usize, Fared)> = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        let f = fared(g, c);
        let likely = limit.checked_div(n).is_some_and(|most| f.chance <= most);
        let several = f.holds >= 2
            && f.fails <= fails_allowed(f.holds, most_fails)
            && (f.fails == 0 || !untested_term(g, c));
        // A reading of three or more rows with signs, seen in one place
        // only, confirms where it holds exactly: within the rounding of
        // many terms, one of the hundreds of signed readings tried comes
        // near any figure (`19.140,26` as seven prices added and taken
        // away, `19.140,30`).
        let single = one_place
            && f.judged == 1
            && f.holds == 1
            && f.fails == 0
            && (super::engine::parts_of(c).len() <= 2 || super::establish::exact_somewhere(g, c));
        if likely && (several || single) {
            ok.push((i, f));
        }
    }
    ok.sort_by_key(|(i, f)| (std::cmp::Reverse(f.holds), f.fails, *i));
    let (best, bf) = ok.first()?;
    let best_cells = cells_of(&cands[*best]);
    let rival = ok[1..]
        .iter()
        .any(|(j, _)| cells_of(&cands[*j]) != best_cells);
    // A failing reading with a rival, or a one-place confirmation with one:
    // which figures relate is not established.
    if rival && (bf.fails > 0 || bf.holds == 1) {
        return None;
    }
    // Nor where a reading of other figures, too little to be established
    // itself, explains its failures (`establish::explains_failures`).
    if bf.fails > 0 {
        let failing = super::establish::failing_places(g, &cands[*best]);
        if cands.iter().any(|c| {
            cells_of(c) != best_cells && super::establish::explains_failures(g, &failing, c)
        }) {
            return None;
        }
    }
    cands.into_iter().nth(*best)
}

/// A row with figures between a reading's first part and its result `r`
/// that is no part of it, and no part of another row (`Heraf`, a block's
/// part), nor a section, where the reading's parts are plain rows too (no
/// totals, none a total by its figures): the reading leaves it out of a
/// plain run. Under a bare total word, also such a row just above the
/// reading's first part.
fn left_out_inside(g: &Grid, s: &State, r: usize, c: &Candidate) -> Option<usize> {
    let parts: Vec<usize> = super::engine::parts_of(c)
        .into_iter()
        .map(|(_, p)| p)
        .collect();
    // Only a reading of plain rows: a reading of subtotals (`Anlægsaktiver
    // i alt + Omsætningsaktiver i alt`) leaves their parts out rightly.
    if parts
        .iter()
        .any(|&p| p > r || g.rows[p].role != Role::Item || s.explained[p])
    {
        return None;
    }
    let first = *parts.iter().min()?;
    let plain = |i: usize| {
        has_figs(g, i) && s.parent[i].is_none() && g.rows[i].role == Role::Item && !g.rows[i].sub
    };
    (first + 1..r)
        .find(|&i| !parts.contains(&i) && plain(i))
        // Or the plain row just above its first part, under a bare total
        // word ([`bare_total`]: `I alt`, not `Udgifter i alt`, whose rows
        // may begin after an `Indtægter` row): a catalogue's `I alt` whose
        // SUM range begins one proposal late (the thirtieth session's
        // review, t116).
        .or_else(|| {
            let above = first.checked_sub(1)?;
            (bare_total(&g.rows[r].label) && plain(above)).then_some(above)
        })
}

/// Whether a label is a total word and nothing else (`I alt`, `Total:`,
/// `Samlet`): it names no rows of its own, so nothing sets apart the rows
/// it covers (`Udgifter i alt`, `I alt pr. m3` and `Samlet pris per år`
/// may leave out a row the label does not name).
fn bare_total(label: &str) -> bool {
    let l = label.to_lowercase();
    let words: Vec<&str> = l
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    matches!(
        words.as_slice(),
        ["i", "alt"] | ["ialt"] | ["total"] | ["totalt"] | ["samlet"] | ["sum"] | ["hovedtotal"]
    )
}

/// Whether a reading has a term that is nothing (zero or empty) in every
/// place it holds and something where it fails: the places that hold say
/// nothing of that term, neither whether it belongs nor with which sign,
/// so the failing place is no error of the reading (the Finanslov's
/// `031106 Medlemsboliger` read as `031` − `031101` − `031103` plus
/// `031105` and `03110510`, the last two 0,0 in the five years it held and
/// 6,5 in the one it failed: the true reading subtracts `031105` once).
fn untested_term(g: &Grid, c: &Candidate) -> bool {
    let none = Default::default();
    let mut holding: Vec<&[(bool, super::establish::At)]> = Vec::new();
    let mut failing: Vec<&[(bool, super::establish::At)]> = Vec::new();
    for i in &c.instances {
        let Ok(e) = &i.what else { continue };
        let Expr::Linear { terms, .. } = e else {
            continue;
        };
        match super::establish::verdict_with(g, e, &none) {
            Verdict::Exact | Verdict::Rounding => holding.push(terms),
            Verdict::Error => failing.push(terms),
            Verdict::Skipped => {}
        }
    }
    let something =
        |(r, col): super::establish::At| fig_at(g, r, col).is_some_and(|f| !f.value.is_zero());
    let Some(first) = holding.first() else {
        return false;
    };
    (0..first.len()).any(|k| {
        holding
            .iter()
            .all(|t| t.get(k).is_none_or(|&(_, at)| !something(at)))
            && failing
                .iter()
                .any(|t| t.get(k).is_some_and(|&(_, at)| something(at)))
    })
}

/// Only the instances whose result cell has a figure (a note of one year
/// in a two-year table says nothing about the empty year).
fn with_results(g: &Grid, mut c: Candidate) -> Candidate {
    c.instances.retain(|i| {
        let (r, col) = i.at;
        matches!(
            g.rows.get(r).and_then(|x| x.cells.get(col)),
            Some(Cell::Fig(_))
        )
    });
    c
}

fn eligible_result(g: &Grid, s: &State, r: usize) -> bool {
    // A part of a larger block may be a subtotal of its own rows
    // (`Pengestrømme fra drift før finansielle poster`, itself a part of
    // `Pengestrømme fra driftsaktivitet`); a heraf row is not.
    if g.rows[r].role == Role::Heraf || !has_figs(g, r) || percent_row(g, r) {
        return false;
    }
    // `Ændring i likvide beholdninger` in a cash-flow statement is read as
    // a change row of a transposed table; the figures may show it is the
    // sum of the activities above it instead.
    let open = matches!(
        g.rows[r].role,
        Role::Item
            | Role::Difference
            | Role::Total { strong: false }
            | Role::ChangeRow { percent: false }
    ) && !s.explained[r];
    // A labelled total or formula row the label's own reading left not
    // understood (`I alt, ekskl. SU, …`, whose rows are not the block
    // above; `DAU-saldo (5-6)`, naming itself and a row the table lacks):
    // the figures may establish what it is.
    let unread = matches!(
        g.rows[r].role,
        Role::Total { strong: true } | Role::Formula(_)
    ) && s.out.iter().any(|i| i.at.0 == r && i.what.is_err())
        && !s.out.iter().any(|i| i.at.0 == r && i.what.is_ok());
    open || unread
}

/// An operand row: figures, not a part of another row, no per-cent row.
fn operand(g: &Grid, s: &State, i: usize) -> bool {
    has_figs(g, i)
        && s.parent[i].is_none()
        && !matches!(
            g.rows[i].role,
            Role::Section | Role::Heraf | Role::HerafMarker
        )
        && !percent_row(g, i)
}

fn sign(neg: bool) -> &'static str {
    if neg {
        "-"
    } else {
        "+"
    }
}

fn formula_text(g: &Grid, parts: &[(bool, usize)]) -> String {
    let mut t = String::new();
    for (k, &(neg, r)) in parts.iter().enumerate() {
        if k > 0 || neg {
            t.push_str(if k > 0 { " " } else { "" });
            t.push_str(sign(neg));
            t.push(' ');
        }
        t.push_str(&g.rows[r].label);
    }
    t
}

/// As [`quick_rows`], stopping at the failure one past what a formula row
/// may have (most readings tried fail at once): (holds, fails, places
/// looked at).
fn quick_rows_upto(g: &Grid, total: usize, parts: &[(bool, usize)]) -> (usize, usize, usize) {
    super::establish::quick_rows_counted(g, total, parts, FORMULA_FAILS)
}

/// Worth building: holds in two places within what may fail, or in its
/// only place.
fn worth((holds, fails): (usize, usize)) -> bool {
    (holds >= 2 && fails <= fails_allowed(holds, FORMULA_FAILS)) || (holds == 1 && fails == 0)
}

/// Formula rows without a formula in their label (see the module).
fn formula_rows(g: &Grid, s: &mut State) {
    let mut work = Work::new(g);
    for r in 0..g.rows.len() {
        if !eligible_result(g, s, r) {
            continue;
        }
        // A part of a block is not read from its total or its sibling parts
        // (`Øvrige driftsudgifter` = `Udgifter` - `Lønninger` holds only
        // where the block's third part is 0).
        let family = |i: usize| s.parent[r].is_some_and(|p| i == p || s.parent[i] == Some(p));
        // Operand rows above it in its section, nearest first.
        let mut above = Vec::new();
        let mut i = r;
        while i > 0 && above.len() < FAR_REACH && r - i < BLOCK {
            i -= 1;
            if g.rows[i].role == Role::Section {
                break;
            }
            if operand(g, s, i) && !family(i) {
                above.push(i);
            }
        }
        above.reverse();
        let mut cands = Vec::new();
        let mut tried = 0;
        // A day or a year of a series is no formula of other days or years.
        let result_dated = dated(&g.rows[r].label);
        let series = |parts: &[(bool, usize)]| result_dated && dated_parts(g, parts);
        // An earlier row ± each row between it and this one.
        let m = above.len();
        for k in 2..=BETWEEN.min(m.saturating_sub(1)) {
            let anchor = above[m - k - 1];
            let between = &above[m - k..];
            // Each row between with its sign (the earlier row added: a
            // negative one too would double the readings tried, and the
            // chance of a coincidence with them).
            for mask in 0u32..(1u32 << k) {
                let mut parts = vec![(false, anchor)];
                parts.extend(
                    between
                        .iter()
                        .enumerate()
                        .map(|(b, &row)| (mask & (1 << b) != 0, row)),
                );
                tried += 1;
                if degenerate(g, r, &parts) || series(&parts) {
                    continue;
                }
                if work.left() && worth(work.look(quick_rows_upto(g, r, &parts))) {
                    let what = format!("formula {}", formula_text(g, &parts));
                    cands.push(row_sum(g, r, &parts, Kind::Formula, what));
                }
            }
        }
        // All the rows back to an earlier one, across sub-headings that
        // end in a colon (`Ændring i driftskapital:`), which end a block
        // for the other passes: `Pengestrømme fra drift før finansielle
        // poster` = `Årets resultat før finansielle poster` + the twelve
        // adjustments under two sub-headings.
        let mut run = Vec::new();
        let mut crossed = false;
        let mut i = r;
        while i > 0 && r - i < BLOCK {
            i -= 1;
            let row = &g.rows[i];
            if row.role == Role::Section {
                if row.label.trim_end().ends_with(':') {
                    crossed = true;
                    continue;
                }
                break;
            }
            if family(i) {
                break;
            }
            if !operand(g, s, i) {
                if has_figs(g, i) && s.parent[i].is_none() {
                    break;
                }
                continue;
            }
            run.push(i);
            if crossed && run.len() >= 3 {
                let mut parts: Vec<(bool, usize)> = run.iter().map(|&q| (false, q)).collect();
                parts.reverse();
                tried += 1;
                if work.left() && worth(work.look(quick_rows_upto(g, r, &parts))) {
                    let what = format!("sum of {} rows across sub-headings", parts.len());
                    cands.push(row_sum(g, r, &parts, Kind::Sum, what));
                }
            }
        }
        // Two rows, however far apart within the reach, parts of a block
        // included (`Kostpris 1. januar` - `Af- og nedskrivninger 1.
        // januar`, both parts of their 31. december rows).
        let mut near = Vec::new();
        let mut i = r;
        while i > 0 && near.len() < FAR_REACH && r - i < BLOCK {
            i -= 1;
            if g.rows[i].role == Role::Section {
                break;
            }
            if operand_any(g, i) && !family(i) {
                near.push(i);
            }
        }
        near.reverse();
        for (x, &j) in near.iter().enumerate() {
            for &k in &near[x + 1..] {
                for (nj, nk) in [(false, false), (false, true), (true, false)] {
                    let parts = vec![(nj, j), (nk, k)];
                    tried += 1;
                    if degenerate(g, r, &parts) || series(&parts) {
                        continue;
                    }
                    if work.left() && worth(work.look(quick_rows_upto(g, r, &parts))) {
                        let what = formula_text(g, &parts);
                        cands.push(row_sum(g, r, &parts, Kind::Difference, what));
                    }
                }
            }
        }
        if cands.is_empty() {
            continue;
        }
        // A total by its label whose rows were not understood is not read
        // as another sum on one coincidence: `I alt` 190 under 190, a
        // heading, 362 and 552 is not `- 362 + 552` (a signed reading of one
        // place is only a confirmation where nothing is said otherwise).
        let one_place = g.rows[r].role != (Role::Total { strong: true });
        if let Some(c) = establish(
            g,
            cands,
            tried,
            Decimal::new(1, 2),
            one_place,
            FORMULA_FAILS,
        ) {
            let c = with_results(g, c);
            s.explained[r] = true;
            // A total by its label read by the figures as a sum of rows
            // above it that leaves out a row between its first part and
            // itself (`I alt` = `Jobcenter + Kontanthjælp`, `Sygedagpenge`
            // just above it left out: the SUM range not extended to a new
            // row, or a part of the row above whose indent was lost) is not
            // passed as exact: which rows it covers is not established.
            if g.rows[r].role == (Role::Total { strong: true }) {
                if let Some(left) = left_out_inside(g, s, r, &c) {
                    s.out.retain(|i| !(i.at.0 == r && i.what.is_err()));
                    super::engine::said_not_understood(
                        g,
                        s,
                        r,
                        Kind::Sum,
                        "total",
                        &format!(
                            "its figures fit its rows without {:?}, which nothing sets apart: which rows it covers is not established",
                            g.rows[left].label
                        ),
                    );
                    continue;
                }
            }
            for &(_, (p, _)) in c
                .instances
                .iter()
                .filter_map(|i| match &i.what {
                    Ok(Expr::Linear { terms, .. }) => Some(terms),
                    _ => None,
                })
                .flatten()
            {
                if !s.operand_of[p].contains(&r) {
                    s.operand_of[p].push(r);
                }
            }
            // The "not understood" said of this row by its label's reading
            // is answered now.
            s.out.retain(|i| !(i.at.0 == r && i.what.is_err()));
            push(s, c);
        }
    }
}

fn half(f: &Figure) -> Decimal {
    if f.exact {
        return Decimal::ZERO;
    }
    if f.coarse > 0 && f.decimals == 0 {
        // 5 · 10^(coarse - 1): coarse is 1 or 2 (tens, hundreds).
        return Decimal::from(5u64.saturating_mul(10u64.saturating_pow(f.coarse - 1)));
    }
    Decimal::new(5, f.decimals.saturating_add(1))
}

/// A reading that holds whatever the figures: two of its terms cancel (an
/// `I alt` printed equal to its one row, added and taken off again), or a
/// term is nothing (zero or empty) in every column the result has a figure
/// in. It says no more than a shorter reading, so it is never proposed: it
/// would pass as exact and hide the relation the table states.
fn degenerate(g: &Grid, result: usize, parts: &[(bool, usize)]) -> bool {
    let cols: Vec<usize> = (0..g.rows[result].cells.len())
        .filter(|&c| fig_at(g, result, c).is_some())
        .collect();
    if cols.is_empty() {
        return true;
    }
    let value = |row: usize, c: usize| fig_at(g, row, c).map(|f| (f.value, f.unit));
    let nothing = |row: usize| {
        cols.iter()
            .all(|&c| value(row, c).is_none_or(|(v, _)| v.is_zero()))
    };
    if parts.iter().any(|&(_, row)| nothing(row)) {
        return true;
    }
    parts.iter().enumerate().any(|(x, &(na, a))| {
        parts[x + 1..].iter().any(|&(nb, b)| {
            cols.iter().all(|&c| match (value(a, c), value(b, c)) {
                (Some((va, ua)), Some((vb, ub))) if ua == ub => {
                    if na == nb {
                        va == -vb
                    } else {
                        va == vb
                    }
                }
                (None, None) => true,
                _ => false,
            })
        })
    })
}

/// Whether a reading relates only rows that are days or years of one
/// series (`2020-03-06` from `2020-02-29` … `2020-03-05`, `2016` from
/// `2014` and `2015`): observations, of which no table states a sum or a
/// signed combination. Their columns move together (a count, its parts, its
/// running total), so a coincidence in one repeats in the others and the
/// chance of it is far above what their widths say: SSI's daily tests, one
/// row a day, were read as a formula of the six days above, holding within
/// rounding in four columns and failing in the fifth.
pub(super) fn series(g: &Grid, result: usize, parts: &[(bool, usize)]) -> bool {
    dated(&g.rows[result].label) && dated_parts(g, parts)
}

/// Whether every row of `parts` is [`dated`] (the result asked once by
/// the caller that tries many readings of one row).
fn dated_parts(g: &Grid, parts: &[(bool, usize)]) -> bool {
    parts.iter().all(|&(_, r)| dated(&g.rows[r].label))
}

/// A label that is a date (`2020-03-06`, `06-03-2020`, `6.3.2020`,
/// `06/03/2020`) or a year (`2016`), and nothing else.
pub(super) fn dated(label: &str) -> bool {
    let l = super::figure::strip_emphasis(crate::document::trim_text(label));
    // Most labels start with a letter: no date, and nothing split.
    if !l.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    if l.len() == 4 && l.bytes().all(|b| b.is_ascii_digit()) {
        return super::figure::year_of(l).is_some();
    }
    let mut groups = l.split(['-', '/', '.']);
    let (Some(a), Some(b), Some(c), None) =
        (groups.next(), groups.next(), groups.next(), groups.next())
    else {
        return false;
    };
    let digits =
        |x: &str, n: &[usize]| n.contains(&x.len()) && x.bytes().all(|b| b.is_ascii_digit());
    // Year first (`2020-03-06`) or last (`06-03-2020`, `6.3.20`).
    (digits(a, &[4]) && digits(b, &[1, 2]) && digits(c, &[1, 2]))
        || (digits(a, &[1, 2]) && digits(b, &[1, 2]) && digits(c, &[2, 4]))
}

/// The figure at row `r`, column `c`, if that cell holds one.
pub(super) fn fig_at(g: &Grid, r: usize, c: usize) -> Option<&Figure> {
    match g.rows.get(r).and_then(|x| x.cells.get(c)) {
        Some(Cell::Fig(f)) => Some(f),
        _ => None,
    }
}

/// A quick, generous look at `result ≈ 100 · num / den` in one column;
/// `None` where a figure is missing, zero or of another unit.
fn quick_ratio(g: &Grid, num: usize, den: usize, result: usize, c: usize) -> Option<bool> {
    quick_quotient(g, (num, den, result), c, Decimal::ONE_HUNDRED)
}

/// [`quick_ratio`] for `result ≈ scale · num / den`: 100 for per cent, 1
/// for a multiple.
fn quick_quotient(
    g: &Grid,
    (num, den, result): (usize, usize, usize),
    c: usize,
    hundred: Decimal,
) -> Option<bool> {
    let (a, b, p) = (
        fig_at(g, num, c)?,
        fig_at(g, den, c)?,
        fig_at(g, result, c)?,
    );
    if a.unit != b.unit || a.value.is_zero() || p.value.is_zero() {
        return None;
    }
    let (ha, hb) = (half(a), half(b));
    let bmin = b.value.abs().exact_sub(hb)?;
    if bmin <= Decimal::ZERO {
        return None;
    }
    // A look before the full judgement, generous by twice the spread: its
    // quotients are cut to 12 decimals so the sums after them stay exact.
    let div = |x: Decimal, y: Decimal| x.checked_div(y).map(|q| q.round_dp(12));
    let q = div(hundred.exact_mul(a.value)?, b.value)?;
    let spread = div(
        hundred.exact_mul(ha.exact_add(div(a.value.abs().exact_mul(hb)?, bmin)?)?)?,
        bmin,
    )?;
    let tol = half(p).exact_add(spread.exact_mul(Decimal::TWO)?)?;
    Some(q.exact_sub(p.value)?.abs() <= tol)
}

fn ratio_cand(g: &Grid, r: usize, num: usize, den: usize, cols: &[usize]) -> Candidate {
    quotient_cand(g, r, num, den, cols, false)
}

/// `result = num / den` in every column with the three figures: in per
/// cent (`Expr::Ratio`, 100·num/den) or as a multiple (`Expr::Fraction`).
pub(super) fn quotient_cand(
    g: &Grid,
    r: usize,
    num: usize,
    den: usize,
    cols: &[usize],
    multiple: bool,
) -> Candidate {
    let what = format!("{} / {}", g.rows[num].label, g.rows[den].label);
    let how = if multiple {
        "as a multiple"
    } else {
        "in per cent"
    };
    let instances = cols
        .iter()
        .filter(|&&c| {
            fig_at(g, r, c).is_some() && fig_at(g, num, c).is_some() && fig_at(g, den, c).is_some()
        })
        .map(|&c| Instance {
            kind: Kind::Ratio,
            name: format!("{} [{}]: {what} {how}", g.rows[r].label, g.cols[c].header).into(),
            at: (r, c),
            what: Ok(if multiple {
                Expr::Fraction {
                    num: (num, c),
                    den: (den, c),
                    result: (r, c),
                }
            } else {
                Expr::Ratio {
                    num: (num, c),
                    den: (den, c),
                    result: (r, c),
                    change: false,
                    abs: 0,
                }
            }),
        })
        .collect();
    Candidate {
        instances,
        what,
        prefer: false,
    }
}

/// Ratio rows (nøgletal): see the module.
fn ratio_rows(g: &Grid, s: &mut State) {
    let mut work = Work::new(g);
    let cols = g.amount_cols();
    for r in 0..g.rows.len() {
        if !matches!(g.rows[r].role, Role::Item | Role::Difference)
            || s.explained[r]
            || !has_figs(g, r)
            || !percent_row(g, r)
        {
            continue;
        }
        // Operands: the nearest rows of figures above it (nøgletal follow
        // the statement they are taken from) and a few below.
        let mut pool: Vec<usize> = (0..r)
            .rev()
            .filter(|&i| operand_any(g, i))
            .take(RATIO_ABOVE)
            .collect();
        pool.extend(
            (r + 1..g.rows.len())
                .filter(|&i| operand_any(g, i))
                .take(RATIO_BELOW),
        );
        let mut cands = Vec::new();
        let mut tried = 0;
        for &a in &pool {
            for &b in &pool {
                if a == b || !work.spend(cols.len()) {
                    continue;
                }
                tried += 1;
                let (mut holds, mut fails) = (0, 0);
                for &c in cols {
                    match quick_ratio(g, a, b, r, c) {
                        Some(true) => holds += 1,
                        Some(false) => {
                            fails += 1;
                            if fails > RATIO_FAILS {
                                break;
                            }
                        }
                        None => {}
                    }
                }
                if holds >= 2 && fails <= fails_allowed(holds, RATIO_FAILS) {
                    cands.push(ratio_cand(g, r, a, b, cols));
                }
            }
        }
        if cands.is_empty() {
            continue;
        }
        if let Some(c) = establish(g, cands, tried, Decimal::new(1, 3), false, RATIO_FAILS) {
            s.explained[r] = true;
            push(s, c);
        }
    }
}

/// An operand of a ratio: any row with figures that is no per-cent row.
fn operand_any(g: &Grid, i: usize) -> bool {
    has_figs(g, i)
        && !matches!(g.rows[i].role, Role::Section | Role::HerafMarker)
        && !percent_row(g, i)
}

/// Chains across the year columns: see the module.
fn chains(g: &Grid, s: &mut State, steps: &[(usize, usize)]) {
    let mut work = Work::new(g);
    if steps.len() < 2 {
        return;
    }
    for r in 0..g.rows.len() {
        if !has_figs(g, r)
            || percent_row(g, r)
            || matches!(
                g.rows[r].role,
                Role::Section | Role::HerafMarker | Role::ChangeRow { .. }
            )
        {
            continue;
        }
        let lo = r.saturating_sub(BLOCK);
        let hi = (r + BLOCK).min(g.rows.len());
        let mut cands = Vec::new();
        let mut tried = 0;
        for x in lo..hi {
            if x == r || !operand_any(g, x) {
                continue;
            }
            for neg in [false, true] {
                tried += 1;
                if !work.spend(steps.len()) {
                    continue;
                }
                let (mut holds, mut fails) = (0, 0);
                for &(prev, cur) in steps {
                    match quick_linear(g, &[(false, (r, prev)), (neg, (x, cur))], (r, cur)) {
                        Some(true) => holds += 1,
                        Some(false) => {
                            fails += 1;
                            break;
                        }
                        None => {}
                    }
                }
                if holds < 3 || fails > 0 {
                    continue;
                }
                let what = format!(
                    "{} the year before {} {}",
                    g.rows[r].label,
                    sign(neg),
                    g.rows[x].label
                );
                let instances = steps
                    .iter()
                    .filter(|&&(prev, cur)| {
                        fig_at(g, r, cur).is_some()
                            && fig_at(g, r, prev).is_some()
                            && fig_at(g, x, cur).is_some()
                    })
                    .map(|&(prev, cur)| Instance {
                        kind: Kind::Formula,
                        name: format!(
                            "{} [{}]: {} [{}] {} {} [{}]",
                            g.rows[r].label,
                            g.cols[cur].header,
                            g.rows[r].label,
                            g.cols[prev].header,
                            sign(neg),
                            g.rows[x].label,
                            g.cols[cur].header
                        )
                        .into(),
                        at: (r, cur),
                        what: Ok(Expr::Linear {
                            terms: vec![(false, (r, prev)), (neg, (x, cur))],
                            result: (r, cur),
                            shares: false,
                        }),
                    })
                    .collect();
                cands.push(Candidate {
                    instances,
                    what,
                    prefer: false,
                });
            }
        }
        if cands.is_empty() {
            continue;
        }
        if let Some(c) = establish(g, cands, tried, Decimal::new(1, 3), false, 0) {
            let holds = tally(g, &c).0;
            if holds >= 3 {
                push(s, c);
            }
        }
    }
}

/// How a nøgletal row's unit column says its figures are read: a multiple
/// (`x`, `gange`: `1,56` is 1,56 times) or per cent (`%`, `pct.`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Times {
    Multiple,
    Percent,
}

/// The unit a row's text column gives its figures (`Kurs / indre værdi
/// (P/BV) | x | 1,56 …`); `None` where none does, or two disagree.
fn row_times(g: &Grid, r: usize) -> Option<Times> {
    let row = g.rows.get(r)?;
    let mut found = None;
    for (c, col) in g.cols.iter().enumerate() {
        if col.kind != ColKind::Text {
            continue;
        }
        let Some(t) = row.text(c) else { continue };
        let u = match t.trim().to_lowercase().as_str() {
            "x" | "gange" => Times::Multiple,
            "%" | "pct." | "pct" | "procent" => Times::Percent,
            _ => continue,
        };
        if found.is_some_and(|f| f != u) {
            return None;
        }
        found = Some(u);
    }
    found
}

/// The abbreviation a label ends with in brackets: `Aktiepris 31.12 (P)`
/// -> `P`, `Kurs / indre værdi (P/BV)` -> `P/BV`: one word, no spaces.
fn bracketed(label: &str) -> Option<&str> {
    let t = crate::document::trim_text(label).strip_suffix(')')?;
    let open = t.rfind('(')?;
    let inner = t.get(open + 1..)?.trim();
    (!inner.is_empty() && inner.chars().count() <= 12 && !inner.contains(char::is_whitespace))
        .then_some(inner)
}

/// The two abbreviations a ratio's label names: `(P/BV)` -> (`P`, `BV`).
/// Each starts with a capital letter and is letters and digits only (an
/// abbreviation, not a word: `(netto/brutto)` names no rows).
fn named_ratio(label: &str) -> Option<(&str, &str)> {
    let (a, b) = bracketed(label)?.split_once('/')?;
    let abbreviation = |x: &str| {
        x.chars().next().is_some_and(char::is_uppercase) && x.chars().all(char::is_alphanumeric)
    };
    (abbreviation(a) && abbreviation(b) && a != b).then_some((a, b))
}

/// The one row (other than `r`) with figures whose label ends in `(abbr)`.
fn abbreviated(g: &Grid, r: usize, abbr: &str) -> Option<usize> {
    let mut rows = (0..g.rows.len())
        .filter(|&i| i != r && has_figs(g, i) && bracketed(&g.rows[i].label) == Some(abbr));
    let first = rows.next()?;
    rows.next().is_none().then_some(first)
}

/// `result = num / den` as a multiple in every column with the three
/// figures.
fn multiple_cand(g: &Grid, r: usize, num: usize, den: usize, cols: &[usize]) -> Candidate {
    quotient_cand(g, r, num, den, cols, true)
}

/// A row that is said, not judged: `why` (not understood).
fn not_understood(g: &Grid, s: &mut State, r: usize, why: String) {
    super::engine::said_not_understood(g, s, r, Kind::Ratio, "ratio", &why);
}

/// A nøgletal row whose label names its ratio by the abbreviations other
/// rows carry in brackets: `Kurs / indre værdi (P/BV)` = `Aktiepris 31.12
/// (P)` / `Indre værdi (BV)`. The label establishes the reading, so it is
/// judged in every column with the three figures: as a multiple where the
/// row's unit is `x` (`1,56`), in per cent where it is `%` or the row is a
/// per-cent row. Where the unit is not said, the figures choose: the
/// reading that holds somewhere while the other holds nowhere. A reading
/// that holds in no column is not understood (the label may mean averages
/// or another definition), never an error in every column.
fn named_ratios(g: &Grid, s: &mut State) {
    let cols = g.amount_cols();
    for r in 0..g.rows.len() {
        if s.explained[r]
            || !has_figs(g, r)
            || matches!(g.rows[r].role, Role::Section | Role::HerafMarker)
        {
            continue;
        }
        let Some((a, b)) = named_ratio(&g.rows[r].label) else {
            continue;
        };
        let (Some(num), Some(den)) = (abbreviated(g, r, a), abbreviated(g, r, b)) else {
            continue;
        };
        let multiple = multiple_cand(g, r, num, den, cols);
        let percent = ratio_cand(g, r, num, den, cols);
        let chosen = match row_times(g, r) {
            Some(Times::Multiple) => Some(multiple),
            Some(Times::Percent) => Some(percent),
            None if percent_row(g, r) => Some(percent),
            None => {
                let (hm, hp) = (tally(g, &multiple).0, tally(g, &percent).0);
                match (hm > 0, hp > 0) {
                    (true, false) => Some(multiple),
                    (false, true) => Some(percent),
                    _ => None,
                }
            }
        };
        let Some(c) = chosen else {
            not_understood(
                g,
                s,
                r,
                format!(
                    "the label names {a}/{b}, and its unit (a multiple or per cent) is not said"
                ),
            );
            continue;
        };
        // Where it holds, trivially (0 = 0 / x) included.
        let holds_somewhere = c.instances.iter().any(|i| {
            i.what.as_ref().is_ok_and(|e| {
                matches!(
                    super::establish::verdict_with(g, e, &Default::default()),
                    Verdict::Exact | Verdict::Rounding
                )
            })
        });
        if !holds_somewhere {
            not_understood(
                g,
                s,
                r,
                format!(
                    "the label names {a}/{b} ({:?} / {:?}), and the quotient fits in no column",
                    g.rows[num].label, g.rows[den].label
                ),
            );
            continue;
        }
        s.explained[r] = true;
        push(s, c);
    }
}

/// A multiple row (unit `x`) whose label names no operands (`Price
/// Earnings (PE)`): established by the figures when exactly one pair of
/// rows above it (no per-cent row, no multiple) has a quotient that fits in
/// every column the row has a figure in, at least two, with a chance of
/// fitting by coincidence below 1 ‰ over the pairs tried. It only
/// confirms: a pair that fits all but one column is no reading, so nothing
/// here is ever an error. Otherwise the row is reported not understood.
fn multiple_rows(g: &Grid, s: &mut State) {
    let mut work = Work::new(g);
    let cols = g.amount_cols();
    for r in 0..g.rows.len() {
        if !matches!(g.rows[r].role, Role::Item | Role::Difference)
            || s.explained[r]
            || !has_figs(g, r)
            || row_times(g, r) != Some(Times::Multiple)
        {
            continue;
        }
        let places: Vec<usize> = cols
            .iter()
            .copied()
            .filter(|&c| fig_at(g, r, c).is_some())
            .collect();
        let pool: Vec<usize> = (0..r)
            .rev()
            .filter(|&i| operand_any(g, i) && row_times(g, i) != Some(Times::Multiple))
            .take(RATIO_ABOVE)
            .collect();
        let mut cands = Vec::new();
        let mut tried = 0usize;
        if places.len() >= 2 {
            for &a in &pool {
                for &b in &pool {
                    if a == b || !work.spend(places.len()) {
                        continue;
                    }
                    tried += 1;
                    let all = places
                        .iter()
                        .all(|&c| quick_quotient(g, (a, b, r), c, Decimal::ONE) == Some(true));
                    if all {
                        cands.push(multiple_cand(g, r, a, b, &places));
                    }
                }
            }
        }
        let most = Decimal::new(1, 3)
            .checked_div(Decimal::from(tried.max(1)))
            .unwrap_or(Decimal::ZERO);
        let mut fitting: Vec<Candidate> = cands
            .into_iter()
            .filter(|c| {
                let (holds, fails, chance) = tally(g, c);
                c.instances.len() == places.len() && fails == 0 && holds >= 2 && chance <= most
            })
            .collect();
        if fitting.len() == 1 {
            if let Some(c) = fitting.pop() {
                s.explained[r] = true;
                push(s, c);
            }
            continue;
        }
        let why = if fitting.is_empty() {
            "a multiple (x), and no pair of rows above it has a quotient that fits it in every column"
                .to_string()
        } else {
            format!(
                "a multiple (x), and {} pairs of rows above it have a quotient that fits it in every column",
                fitting.len()
            )
        };
        not_understood(g, s, r, why);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_total_is_a_total_word_and_nothing_else() {
        for l in [
            "I alt",
            "i alt:",
            "**I alt**",
            "Total",
            "Samlet",
            "IALT",
            "Sum",
        ] {
            assert!(bare_total(l), "{l}");
        }
        for l in [
            "Udgifter i alt",
            "I alt pr. m3",
            "Samlet pris per år",
            "I alt 2026",
            "",
        ] {
            assert!(!bare_total(l), "{l}");
        }
    }

    proptest::proptest! {
        /// The quick look never lets a label that opens a year go.
        #[test]
        fn quick_look_for_opening_words_is_exact(
            label in "[-*_ .,:()0-9a-zæøåA-ZÆØÅ]{0,3}(1\\. januar|1\\. JANUAR|Primo|PRIMO|primo|begyndelse|Begyndelse|BEGYNDELSE|åbningsbalance|Åbningsbalance|ÅBNINGSBALANCE|ved årets |K|İ| |-|saldo){0,6}"
        ) {
            if !may_open(&label) {
                proptest::prop_assert!(!opening_now(&label), "{:?}", label);
            }
        }
    }

    proptest::proptest! {
        /// The same, for labels built as opening rows are named.
        #[test]
        fn quick_look_lets_opening_labels_through(
            label in "[a-zA-Zæø ]{0,6}(1\\. januar|1\\. JANUAR|Primo|PRIMO|begyndelse|BEGYNDELSE|Åbningsbalance|ÅBNINGSBALANCE)[a-z ]{0,4}"
        ) {
            proptest::prop_assert!(opening_now(&label), "{:?}", label);
            proptest::prop_assert!(may_open(&label), "{:?}", label);
        }
    }

    #[test]
    fn days_and_years_are_dated_labels() {
        for l in [
            "2020-03-06",
            "06-03-2020",
            "6.3.2020",
            "06/03/2020",
            "2016",
            "**2016**",
        ] {
            assert!(dated(l), "{l}");
        }
        for l in [
            "Drift 2016",
            "1.234",
            "12.345.678",
            "031101",
            "A-B-C",
            "2016-17",
            "1-2-3",
        ] {
            assert!(!dated(l), "{l}");
        }
    }

    /// No character but the ASCII letters lowercases to `j`, `p` or `b`.
    #[test]
    fn only_ascii_letters_lowercase_to_the_letters_of_opening_words() {
        assert_eq!(crate::verify::memo::non_ascii_lowercasing_to("jpb"), None);
    }
}
