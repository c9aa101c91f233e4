//! One mistake, one finding. When relations of a table fail, each figure in
//! them implies a corrected value; the figure whose single correction makes
//! every failing relation it takes part in hold (and breaks none that held)
//! is reported as the error, with the value it should have. The other
//! relations that fail only through it are its consequences.

use super::establish::{
    implied, printed_empty, relation, verdict_with, At, Expr, Instance, Kind, Name, Overrides,
};
use super::explain;
use super::figure::{Cell, Figure};
use super::grid::Grid;
use super::judge::{self, Evidence, Interval, Judgment, Relation, Unjudged, Verdict};
use super::relations::Options;
use crate::numfmt::{format_number, NumberStyle};

/// A judged relation.
#[derive(Clone, Debug)]
pub struct Judged {
    pub kind: Kind,
    pub name: Name,
    pub at: At,
    pub verdict: Verdict,
    pub detail: String,
    pub expr: Option<Expr>,
    pub relation: Option<Relation>,
    pub evidence: Evidence,
    /// The finding (its name) this failure is a consequence of.
    pub consequence_of: Option<String>,
    /// The figure found wrong and the value it should have.
    pub blamed: Option<(At, Figure)>,
}

fn cell_name(g: &Grid, at: At) -> String {
    let label = g.rows.get(at.0).map_or("", |r| r.label.as_str());
    let header = g.cols.get(at.1).map_or("", |c| c.header.as_str());
    format!("{label} [{header}]")
}

pub fn show(f: &Figure, style: NumberStyle) -> String {
    let mut s = format_number(f.value, f.decimals, style);
    if f.percent() {
        s.push('%');
    }
    s
}

/// Whether the words (and the evidence they need) are wanted for a verdict.
pub(super) fn wanted(verdict: Verdict, options: &Options) -> bool {
    match verdict {
        Verdict::Exact => options.describe_exact,
        Verdict::Rounding => options.describe_rounding,
        Verdict::Error | Verdict::Skipped => true,
    }
}

/// Under [`Options::lean`], the verdict of a relation that holds and whose
/// words are not wanted: nothing more of it is kept. A relation the engine
/// already judged on the printed figures is looked up, not judged again
/// (a share judged as allocated by largest remainder, which the engine
/// does not, is judged here).
fn lean_verdict(g: &Grid, e: &Expr, options: &Options) -> Option<Verdict> {
    if !options.counts_holding() {
        return None;
    }
    let verdict = if !options.allocated_shares || matches!(e, Expr::Linear { .. }) {
        verdict_with(g, e, &Overrides::new())
    } else {
        let mut r = relation(g, e, &Overrides::new()).ok()?;
        if let Relation::Share { allocated, .. } = &mut r {
            *allocated = options.allocated_shares;
        }
        judge::judge(&r, false).verdict
    };
    (matches!(verdict, Verdict::Exact | Verdict::Rounding) && !wanted(verdict, options))
        .then_some(verdict)
}

/// Under [`Options::lean`], the counts of a table whose every relation
/// holds and is not to be worded ([`lean_verdict`]): nothing of it is
/// printed, and the passes after judging ([`judge_all`]'s) change only
/// failures, so each is counted and no [`Judged`] is made. `None` when any
/// relation is not such (one skipped, failing or wanted): the table is then
/// judged whole, and the verdicts looked up here are looked up again. A
/// pass added there that changed a relation that holds would make the lean
/// counts differ from the full verdicts, which the lean-against-full test
/// on the corpora finds (`tests/suite/verify_stream.rs`: a pass making
/// every rounding exact fails it).
pub fn counted_only(g: &Grid, instances: &[Instance], options: &Options) -> Option<super::Summary> {
    if !options.counts_holding() {
        return None;
    }
    let mut held = super::Summary::default();
    for i in instances {
        let e = i.what.as_ref().ok()?;
        held.add(lean_verdict(g, e, options)?);
    }
    Some(held)
}

/// Judges every instance (the judge stage), words what is wanted (the
/// explain stage) and attributes the failures.
pub fn judge_all(
    g: &Grid,
    instances: Vec<Instance>,
    options: &Options,
    style: NumberStyle,
) -> Vec<Judged> {
    let mut out: Vec<Judged> = instances
        .into_iter()
        .map(|i| {
            let (judgment, expr, rel) = match i.what {
                Err(why) => (Judgment::skipped(Unjudged::Reason(why)), None, None),
                Ok(e) => match lean_verdict(g, &e, options) {
                    Some(verdict) => (
                        Judgment {
                            verdict,
                            evidence: Evidence::Verdict,
                        },
                        Some(e),
                        None,
                    ),
                    None => match relation(g, &e, &Overrides::new()) {
                        Err(why) => (Judgment::skipped(Unjudged::Reason(why)), Some(e), None),
                        Ok(mut r) => {
                            if let Relation::Share { allocated, .. } = &mut r {
                                *allocated = options.allocated_shares;
                            }
                            let quick = judge::judge(&r, false);
                            let j = if wanted(quick.verdict, options) {
                                judge::judge(&r, true)
                            } else {
                                quick
                            };
                            (j, Some(e), Some(r))
                        }
                    },
                },
            };
            let detail = if wanted(judgment.verdict, options) {
                let words = explain::words(rel.as_ref(), &judgment, style);
                super::column_relations::reword(g, expr.as_ref(), words, style)
            } else {
                String::new()
            };
            Judged {
                kind: i.kind,
                name: i.name,
                at: i.at,
                verdict: judgment.verdict,
                detail,
                expr,
                relation: rel,
                evidence: judgment.evidence,
                consequence_of: None,
                blamed: None,
            }
        })
        .collect();
    // A `-` part was read as nothing (0). Where that makes a relation fail,
    // the `-` may stand for a figure not known: not judged, never an error.
    for j in &mut out {
        if j.verdict != Verdict::Error {
            continue;
        }
        let Some(e) = &j.expr else { continue };
        let dash = e.cells().into_iter().find_map(|(r, c)| {
            match g.rows.get(r).and_then(|row| row.cells.get(c)) {
                Some(Cell::Dash) => Some((r, "(-)", "`-`")),
                Some(Cell::Empty | Cell::Text) if printed_empty(g, (r, c)) => {
                    Some((r, "(empty)", "an empty cell"))
                }
                _ => None,
            }
        });
        if let Some((r, shown, what)) = dash {
            let why = format!(
                "{:?} has no figure {shown}: read as 0 the relation fails, and {what} may be a figure not known that would make it hold",
                g.rows[r].label
            );
            j.verdict = Verdict::Skipped;
            j.detail = why.clone();
            j.evidence = Evidence::Unjudged(Unjudged::Reason(why));
        }
    }
    // Persons counted over a period (a year's `Antal personer`) by a
    // category they can change during it: one person stands in several
    // parts but once in the total, so parts exceeding the total are no
    // contradiction. Not understood, never an error; a total above its
    // parts is still judged.
    for j in &mut out {
        if j.verdict != Verdict::Error || j.kind != Kind::Sum {
            continue;
        }
        let Some(e) = &j.expr else { continue };
        let (r, c) = e.result();
        let Some(col) = g.cols.get(c) else { continue };
        let persons = col.header.to_lowercase().contains("person");
        if !persons || col.year.is_none() {
            continue;
        }
        let printed = match g.rows.get(r).and_then(|row| row.cells.get(c)) {
            Some(Cell::Fig(f)) => f.value,
            _ => continue,
        };
        let Some(sum) = implied(g, e, (r, c)) else {
            continue;
        };
        if sum.value > printed {
            let why = format!(
                "the parts ({}) exceed the total ({}): persons counted over a period may stand in several parts and once in the total",
                show(&sum, style),
                g.rows[r].text(c).map(str::to_string).unwrap_or_default()
            );
            j.verdict = Verdict::Skipped;
            j.detail = why.clone();
            j.evidence = Evidence::Unjudged(Unjudged::Reason(why));
        }
    }
    super::non_additive::soften(g, &mut out);
    attribute(g, &mut out, style);
    carried_into_totals(g, &mut out, style);
    out
}

/// The most cells of a failing relation whose figures [`attribute`] tries
/// to correct one by one.
const MAX_ATTRIBUTED_CELLS: usize = 1_000;

fn attribute(g: &Grid, out: &mut [Judged], style: NumberStyle) {
    let failing: Vec<usize> = (0..out.len())
        .filter(|&i| out[i].verdict == Verdict::Error)
        .collect();
    if failing.is_empty() {
        return;
    }
    let mut assigned = vec![false; out.len()];
    // The relations each cell takes part in, in their order: asked for
    // every figure of every failing relation (looking through all the
    // relations each time was cubic in a long table's rows).
    let mut by_cell: std::collections::HashMap<At, Vec<usize>> = std::collections::HashMap::new();
    for (k, j) in out.iter().enumerate() {
        for x in j.expr.iter().flat_map(Expr::cells) {
            let ks = by_cell.entry(x).or_default();
            if ks.last() != Some(&k) {
                ks.push(k);
            }
        }
    }
    for &e in &failing {
        if assigned[e] {
            continue;
        }
        let Some(expr) = out[e].expr.clone() else {
            continue;
        };
        // Each figure's correction is worked out over the whole relation:
        // quadratic in its terms, so a sum of thousands of rows is said
        // failing as it is, no figure of it singled out.
        let cells = expr.cells();
        if cells.len() > MAX_ATTRIBUTED_CELLS {
            continue;
        }
        // Each figure of the failing relation, corrected as it implies.
        // The best figure so far, with how many relations that held exactly
        // its correction leaves holding only within rounding: of two figures
        // that explain the same failures, the one that leaves the rest of
        // the table as it was is the one to correct (the mink table's
        // `Total` 82,8 for 24,0 + 58,6, not `Drift` 58,6, which is the exact
        // sum of its rows).
        let mut best: Option<(At, Figure, Vec<usize>, usize)> = None;
        let mut tie = false;
        for x in cells {
            if !matches!(
                g.rows.get(x.0).and_then(|r| r.cells.get(x.1)),
                Some(Cell::Fig(_))
            ) {
                continue;
            }
            let Some(fixed) = implied(g, &expr, x) else {
                continue;
            };
            let mut o = Overrides::new();
            o.insert(x, fixed);
            let mut fixes = Vec::new();
            let mut breaks = false;
            let mut loosens = 0usize;
            for &k in by_cell.get(&x).map_or(&[][..], Vec::as_slice) {
                let j = &out[k];
                let Some(ek) = &j.expr else { continue };
                let v = verdict_with(g, ek, &o);
                if v == Verdict::Error {
                    breaks = true;
                    break;
                }
                if j.verdict == Verdict::Error {
                    fixes.push(k);
                } else if j.verdict == Verdict::Exact && v == Verdict::Rounding {
                    loosens += 1;
                }
            }
            if breaks || fixes.is_empty() {
                continue;
            }
            let rank = |f: &[usize], l: usize| (f.len(), std::cmp::Reverse(l));
            match &best {
                Some((_, _, f, l)) if rank(f, *l) > rank(&fixes, loosens) => {}
                Some((_, _, f, l)) if rank(f, *l) == rank(&fixes, loosens) => tie = true,
                _ => {
                    best = Some((x, fixed, fixes, loosens));
                    tie = false;
                }
            }
        }
        let Some((x, fixed, fixes, _)) = best else {
            continue;
        };
        let only_this = fixes.len() == 1;
        if tie && (!only_this || expr.result() != x) {
            // Two figures explain it equally: the relation stands as found
            // (its result said to be off), no figure singled out.
            if !only_this {
                same_relation_once(g, out, &fixes, &mut assigned);
                continue;
            }
        }
        if only_this && tie {
            // One failing relation, any figure could be it: the printed
            // result is reported, as the relation's own words say.
            let rx = expr.result();
            if let Some(f) = implied(g, &expr, rx) {
                out[e].blamed = Some((rx, f));
            }
            assigned[e] = true;
            continue;
        }
        // The primary finding: the failing relation whose result is the
        // figure, else the first.
        let primary = fixes
            .iter()
            .copied()
            .find(|&k| out[k].expr.as_ref().is_some_and(|ek| ek.result() == x))
            .unwrap_or(fixes[0]);
        let what = cell_name(g, x);
        let printed = g.rows[x.0]
            .text(x.1)
            .map(str::to_string)
            .unwrap_or_default();
        let is_result = out[primary]
            .expr
            .as_ref()
            .is_some_and(|ek| ek.result() == x);
        out[primary].blamed = Some((x, fixed));
        if !is_result {
            let base = out[primary]
                .detail
                .split("; it should read")
                .next()
                .unwrap_or("")
                .to_string();
            out[primary].detail = format!(
                "{base}; the figure to correct is {what} {printed}: it should read {}",
                show(&fixed, style)
            );
        }
        assigned[primary] = true;
        let primary_name = out[primary].name.clone().text(g, out[primary].at);
        for &k in &fixes {
            if k == primary {
                continue;
            }
            assigned[k] = true;
            out[k].consequence_of = Some(primary_name.clone());
            let base = out[k]
                .detail
                .split("; it should read")
                .next()
                .unwrap_or("")
                .split("; the rows' shares should add up")
                .next()
                .unwrap_or("")
                .to_string();
            out[k].detail = format!(
                "{base}; a consequence of {what} {printed}, which should read {}",
                show(&fixed, style)
            );
        }
    }
}

/// The rows a relation at `at` adds up, down its column (`I alt` = the
/// rows above it), as `(negated, row)`, where it holds: a sum that fails,
/// or is not judged, carries nothing for certain.
fn rows_summed(out: &[Judged], at: At) -> Option<Vec<(bool, usize)>> {
    out.iter().find_map(|j| match &j.expr {
        Some(Expr::Linear {
            terms,
            result,
            shares: false,
        }) if *result == at
            && matches!(j.verdict, Verdict::Exact | Verdict::Rounding)
            && terms.len() >= 2
            && terms.iter().all(|&(_, (r, c))| c == at.1 && r != at.0) =>
        {
            Some(terms.iter().map(|&(n, (r, _))| (n, r)).collect())
        }
        _ => None,
    })
}

/// A relation along a row (`Korrigeret budget` = `Oprindeligt budget` +
/// `Tillægsbevillinger`) that fails in a total row because it fails in a
/// row the total adds up. Where every figure of the relation in the total
/// row is the sum of the same rows (and those sums hold), the relation's
/// difference in the total is the sum of its differences in those rows:
/// the total carries the part's mistake, and its failure is a consequence
/// of that finding, not a second one (where one part fails; two failing
/// parts leave the total a finding of its own). Where one of those rows has
/// the relation unjudged (a `-` that may be a figure not known) and none
/// fails, the total's failure is not judged either.
fn carried_into_totals(g: &Grid, out: &mut [Judged], style: NumberStyle) {
    for t in 0..out.len() {
        if out[t].verdict != Verdict::Error
            || out[t].consequence_of.is_some()
            || out[t].blamed.is_some()
        {
            continue;
        }
        let Some(Expr::Linear {
            terms,
            result,
            shares: false,
        }) = out[t].expr.clone()
        else {
            continue;
        };
        let row = result.0;
        if terms.iter().any(|&(_, (r, _))| r != row) {
            continue;
        }
        let mut parts: Option<Vec<(bool, usize)>> = None;
        let mut same_rows = true;
        for c in terms.iter().map(|&(_, (_, c))| c).chain([result.1]) {
            match (rows_summed(out, (row, c)), &parts) {
                (Some(p), None) => parts = Some(p),
                (Some(p), Some(q)) if p == *q => {}
                _ => same_rows = false,
            }
        }
        let Some(parts) = parts.filter(|_| same_rows) else {
            continue;
        };
        // The same relation in each part row.
        let in_row = |p: usize| {
            out.iter().position(|j| {
                matches!(&j.expr, Some(Expr::Linear { terms: pt, result: pr, shares: false })
                    if *pr == (p, result.1)
                        && pt.len() == terms.len()
                        && pt.iter().zip(&terms).all(|(a, b)| a.0 == b.0 && a.1 == (p, b.1 .1)))
            })
        };
        let Some(found) = parts
            .iter()
            .map(|&(_, p)| in_row(p))
            .collect::<Option<Vec<usize>>>()
        else {
            continue;
        };
        // A row it adds up with the relation unjudged (a `-` that may be a
        // figure not known): the total's figures hold that unknown too, and
        // its failure is not judged either (unknown is not zero).
        if let Some(&k) = found.iter().find(|&&k| out[k].verdict == Verdict::Skipped) {
            if found.iter().all(|&j| out[j].verdict != Verdict::Error) {
                let why = format!(
                    "{:?} adds up {:?}, whose relation is not judged: {}",
                    g.rows.get(row).map_or("", |r| r.label.as_str()),
                    g.rows.get(out[k].at.0).map_or("", |r| r.label.as_str()),
                    out[k].detail
                );
                out[t].verdict = Verdict::Skipped;
                out[t].detail = why.clone();
                out[t].evidence = Evidence::Unjudged(Unjudged::Reason(why));
            }
            continue;
        }
        // One failing part: the total carries its difference alone (where
        // two fail, it carries the sum of theirs, and stays a finding of
        // its own, as Herning's `I alt` afvigelse of two misprinted rows).
        let failing: Vec<usize> = found
            .iter()
            .copied()
            .filter(|&k| out[k].verdict == Verdict::Error)
            .collect();
        let [k] = failing[..] else {
            continue;
        };
        let source = match (&out[k].blamed, &out[k].consequence_of) {
            (Some((x, fixed)), _) => {
                let printed = g.rows[x.0]
                    .text(x.1)
                    .map(str::to_string)
                    .unwrap_or_default();
                format!(
                    "{} {printed}, which should read {}",
                    cell_name(g, *x),
                    show(fixed, style)
                )
            }
            (None, Some(name)) => name.clone(),
            (None, None) => out[k].name.clone().text(g, out[k].at),
        };
        let name = match &out[k].consequence_of {
            Some(name) => name.clone(),
            None => out[k].name.clone().text(g, out[k].at),
        };
        let base = out[t]
            .detail
            .split("; it should read")
            .next()
            .unwrap_or("")
            .to_string();
        out[t].consequence_of = Some(name);
        out[t].detail = format!(
            "{base}; a consequence of {source}, carried into {:?} by its sums",
            g.rows.get(row).map_or("", |r| r.label.as_str())
        );
    }
}

/// One relation cast in several directions (`Saldo = Indtægter -
/// Udgifter` also read as `Indtægter = Udgifter + Saldo`, …) fails in each
/// when one of its figures is wrong. When no figure can be singled out, it
/// is still one finding: the direction whose result stands last (rightmost,
/// then lowest, as a computed column or row is printed after its parts)
/// is reported, the others as its consequences.
fn same_relation_once(g: &Grid, out: &mut [Judged], fixes: &[usize], assigned: &mut [bool]) {
    let cells_of = |k: usize| -> Option<Vec<At>> {
        let mut c = out[k].expr.as_ref()?.cells();
        c.sort_unstable();
        c.dedup();
        Some(c)
    };
    let Some(first) = fixes.first().and_then(|&k| cells_of(k)) else {
        return;
    };
    if fixes.len() < 2 || !fixes.iter().all(|&k| cells_of(k).as_ref() == Some(&first)) {
        return;
    }
    let Some(primary) = fixes
        .iter()
        .copied()
        .max_by_key(|&k| out[k].expr.as_ref().map(|e| (e.result().1, e.result().0)))
    else {
        return;
    };
    let name = out[primary].name.clone().text(g, out[primary].at);
    let what = cell_name(g, out[primary].at);
    for &k in fixes {
        assigned[k] = true;
        if k == primary {
            continue;
        }
        out[k].consequence_of = Some(name.clone());
        let base = out[k]
            .detail
            .split("; it should read")
            .next()
            .unwrap_or("")
            .to_string();
        out[k].detail = format!("{base}; the same relation as {what}, reported there");
    }
}

/// The interval of a printed figure's true value, for the JSON figures.
pub fn interval_of(f: &Figure) -> Option<Interval> {
    f.printed_in(None).and_then(|p| Interval::of(&p).ok())
}
