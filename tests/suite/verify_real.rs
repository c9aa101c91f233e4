//! verify over the real tables of `tests/data/real/` and the held-out
//! `tests/data/heldout/` (copied from public Danish documents; expected
//! verdicts by the independent expect.py): no false error, how many of the
//! relations a careful reader checks are judged, and one planted wrong
//! figure in each table found and named. The held-out tables were collected
//! apart and measured once before the engine was corrected on them (22 false
//! errors then); figures are reported per folder.
// Printing the corpus figures is this test's report.
#![allow(clippy::disallowed_macros)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use sparekrav::verify::judge::Relation;
use sparekrav::verify::{Check, Verdict};

struct Expect {
    kind: String,
    row: String,
    column: String,
    verdict: String,
    /// The equation the relation states: each figure (`line:column` of the
    /// TSV, blank and dash cells left out) with its sign, the result's
    /// negative, from the `.rel` file: one per place the `.rel` gives this
    /// row label and column (none for a ratio).
    cells: Vec<Equation>,
    /// The result cells (`line:column`) of those places, also of a formula
    /// with a coefficient (`+0,91*[Flexydelse 100%]`) or a ratio: a check
    /// whose result is one of them is on the same result cell, whatever
    /// its column is called (a table without a header row).
    results: Vec<String>,
}

/// The folders of real tables: built against, and held out.
const FOLDERS: [&str; 2] = ["real", "heldout"];

fn data_dir(folder: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(folder)
}

fn slugs(folder: &str) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(data_dir(folder))
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter_map(|e| {
                    let n = e.file_name().to_string_lossy().to_string();
                    n.strip_suffix(".tsv").map(str::to_string)
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn expects(folder: &str, slug: &str) -> Vec<Expect> {
    let text = std::fs::read_to_string(data_dir(folder).join(format!("{slug}.expect"))).unwrap();
    let places = rel_places(folder, slug);
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.len() >= 4).then(|| {
                let (kind, row, column) = (f[0], f[1].trim(), f[2].trim());
                Expect {
                    kind: kind.to_string(),
                    row: row.to_string(),
                    column: column.to_string(),
                    verdict: f[3].trim().to_string(),
                    cells: places
                        .iter()
                        .filter(|p| p.kind == kind && p.row == row && p.column == column)
                        .filter_map(|p| p.cells.clone())
                        .collect(),
                    results: places
                        .iter()
                        .filter(|p| p.kind == kind && p.row == row && p.column == column)
                        .map(|p| p.result.clone())
                        .collect(),
                }
            })
        })
        .collect()
}

/// One place of a `.rel` relation: its kind, result row label and column,
/// and the cells it compares.
struct Place {
    kind: String,
    row: String,
    column: String,
    /// `None` where a coefficient is not 1 or a ratio.
    cells: Option<Equation>,
    /// The result cell, `line:column`.
    result: String,
}

/// `Σ sign · figure = 0`: each cell's sign.
type Equation = BTreeMap<String, i32>;

/// A cell as expect.py cleans it (`**x**` -> `x`, trimmed).
fn clean_cell(t: &str) -> String {
    let t = t.trim();
    let t = t
        .strip_prefix("**")
        .and_then(|x| x.strip_suffix("**"))
        .unwrap_or(t);
    t.trim().to_string()
}

/// A cell holding a figure (not blank, not a dash).
fn figure_cell(rows: &[Vec<String>], line: usize, col: usize) -> bool {
    let t = rows
        .get(line)
        .and_then(|r| r.get(col))
        .map_or(String::new(), |t| clean_cell(t));
    !t.is_empty() && !matches!(t.as_str(), "-" | "–" | "—" | "\u{2212}" | "..." | "…")
}

fn split_occ(name: &str) -> (String, usize) {
    if let Some((base, n)) = name.rsplit_once('#') {
        if let Ok(k) = n.trim().parse::<usize>() {
            return (base.trim().to_string(), k);
        }
    }
    (name.trim().to_string(), 1)
}

/// The terms of a `.rel` expression (`+[row]{col}`, `-2*[row]`, `+{col}@1`):
/// (sign, whether the coefficient is 1, row name, column name), either name
/// left out.
type RelTerm = (i32, bool, Option<String>, Option<String>);

fn rel_terms(expr: &str) -> Vec<RelTerm> {
    let mut out = Vec::new();
    let chars: Vec<char> = expr.chars().collect();
    let mut i = 0;
    let take = |i: &mut usize, open: char, close: char| -> Option<String> {
        if chars.get(*i) != Some(&open) {
            return None;
        }
        let start = *i + 1;
        let end = (start..chars.len()).find(|&k| chars[k] == close)?;
        *i = end + 1;
        Some(chars[start..end].iter().collect())
    };
    while i < chars.len() {
        if !matches!(chars[i], '+' | '-') {
            i += 1;
            continue;
        }
        let sign = if chars[i] == '-' { -1 } else { 1 };
        i += 1;
        // A coefficient (`2*`, `0,5 *`).
        let mut k = i;
        while k < chars.len() && (chars[k].is_ascii_digit() || chars[k] == ',' || chars[k] == ' ') {
            k += 1;
        }
        let mut unit = true;
        if chars.get(k) == Some(&'*') {
            unit = chars[i..k].iter().collect::<String>().trim() == "1";
            i = k + 1;
        }
        while chars.get(i) == Some(&' ') {
            i += 1;
        }
        let row = take(&mut i, '[', ']');
        let col = take(&mut i, '{', '}');
        if row.is_some() || col.is_some() {
            out.push((sign, unit, row, col));
        }
    }
    out
}

/// Every place of every relation in a table's `.rel` file, with the cells
/// it compares (as expect.py reads the file: `@header`, `@labelcol`,
/// `@colnames`; `NAME#n` for the n-th row or column so named).
fn rel_places(folder: &str, slug: &str) -> Vec<Place> {
    let dir = data_dir(folder);
    let (Ok(tsv), Ok(rel)) = (
        std::fs::read_to_string(dir.join(format!("{slug}.tsv"))),
        std::fs::read_to_string(dir.join(format!("{slug}.rel"))),
    ) else {
        return Vec::new();
    };
    let rows: Vec<Vec<String>> = tsv
        .lines()
        .map(|l| {
            l.trim_end_matches('\r')
                .split('\t')
                .map(str::to_string)
                .collect()
        })
        .collect();
    let mut header = 1usize;
    let mut labelcol = 0usize;
    let mut colnames: Option<Vec<String>> = None;
    let mut out = Vec::new();
    for line in rel.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let parts: Vec<&str> = line.split('\t').collect();
        match parts[0] {
            "@header" => {
                header = parts
                    .get(1)
                    .and_then(|n| n.trim().parse().ok())
                    .unwrap_or(1);
                continue;
            }
            "@labelcol" => {
                labelcol = parts
                    .get(1)
                    .and_then(|n| n.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .saturating_sub(1);
                continue;
            }
            "@colnames" => {
                colnames = Some(parts[1..].iter().map(|p| p.trim().to_string()).collect());
                continue;
            }
            p if p.starts_with('@') => continue,
            _ => {}
        }
        if parts.len() < 4 {
            continue;
        }
        let names: Vec<String> = colnames.clone().unwrap_or_else(|| {
            header
                .checked_sub(1)
                .and_then(|h| rows.get(h))
                .map(|r| r.iter().map(|c| clean_cell(c)).collect())
                .unwrap_or_default()
        });
        let label = |ri: usize| {
            rows.get(ri)
                .and_then(|r| r.get(labelcol))
                .map_or(String::new(), |t| clean_cell(t))
        };
        let row_index = |name: &str| {
            let (base, occ) = split_occ(name);
            (header..rows.len())
                .filter(|&i| label(i) == base)
                .nth(occ.checked_sub(1)?)
        };
        let col_index = |name: &str| {
            let (base, occ) = split_occ(name);
            (0..names.len())
                .filter(|&i| names[i] == base)
                .nth(occ.checked_sub(1)?)
        };
        let list = |spec: &str| -> Vec<String> {
            spec.split(" ; ")
                .map(|x| x.trim().to_string())
                .filter(|x| !x.is_empty())
                .collect()
        };
        let colspec = parts[2].trim();
        let colspec = match colspec.rsplit_once('@') {
            Some((c, n)) if n.chars().all(|ch| ch.is_ascii_digit()) => c,
            _ => colspec,
        };
        let cols: Vec<usize> = if colspec == "*" {
            (labelcol + 1..names.len()).collect()
        } else {
            list(colspec).iter().filter_map(|c| col_index(c)).collect()
        };
        let result_rows: Vec<usize> = if parts[1].trim() == "*" {
            (header..rows.len()).collect()
        } else {
            list(parts[1]).iter().filter_map(|r| row_index(r)).collect()
        };
        // A ratio is matched by its result cell only.
        let ratio = parts[3].contains("//");
        let terms = if ratio {
            Vec::new()
        } else {
            rel_terms(parts[3])
        };
        for &ri in &result_rows {
            for &ci in &cols {
                let mut cells = Equation::new();
                let mut whole = !ratio && terms.iter().all(|t| t.1);
                for (sign, _, tr, tc) in
                    std::iter::once((-1, true, None, None)).chain(terms.iter().cloned())
                {
                    let r = match &tr {
                        Some(name) => row_index(name),
                        None => Some(ri),
                    };
                    let c = match &tc {
                        Some(name) => col_index(name),
                        None => Some(ci),
                    };
                    match (r, c) {
                        (Some(r), Some(c)) => {
                            if figure_cell(&rows, r, c) {
                                *cells.entry(format!("{}:{}", r + 1, c + 1)).or_insert(0) += sign;
                            }
                        }
                        _ => whole = false,
                    }
                }
                cells.retain(|_, v| *v != 0);
                out.push(Place {
                    kind: parts[0].to_string(),
                    row: label(ri),
                    column: names.get(ci).cloned().unwrap_or_default(),
                    cells: whole.then_some(cells),
                    result: format!("{}:{}", ri + 1, ci + 1),
                });
            }
        }
    }
    out
}

fn norm(s: &str) -> String {
    let s = s.trim().trim_matches('*').trim();
    let s = if let Some(n) = s.strip_prefix('#') {
        format!("column {n}")
    } else {
        s.to_string()
    };
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn checks_of(tsv: &str) -> Vec<Check> {
    crate::common::checks_of_tsv(tsv)
}

/// The expected column names the same column as ours: equal, or (for
/// headers the corpus names by hand) its last part is one of our header's
/// parts and its other parts stand in ours.
fn same_column(ours: &str, expected: &str) -> bool {
    let (o, e) = (norm(ours), norm(expected));
    if o == e {
        return true;
    }
    let ours_parts: Vec<&str> = o.split(" / ").collect();
    let exp_parts: Vec<&str> = e.split(" / ").collect();
    let Some(last) = exp_parts.last() else {
        return false;
    };
    ours_parts.contains(last)
        && exp_parts[..exp_parts.len() - 1]
            .iter()
            .all(|p| ours_parts.iter().any(|q| q.contains(p)))
}

/// The check is the expected relation: the same result cell (by its place
/// in the table, or by row label and column), or the same equation read with another of its cells as the
/// result — exactly the same set of figures compared (`Indtægter i alt =
/// Omkostninger + Driftsresultat` for `Driftsresultat = Indtægter −
/// Omkostninger`), never a looser match.
fn same_cell(c: &Check, e: &Expect, rows: &[Vec<String>]) -> bool {
    if c.cells.last().is_some_and(|r| e.results.contains(r)) {
        return true;
    }
    if e.cells.is_empty() {
        return same_result(c, e);
    }
    if let Some(mine) = equation_of(c, rows) {
        let negated: Equation = mine.iter().map(|(k, v)| (k.clone(), -v)).collect();
        if e.cells.iter().any(|x| *x == mine || *x == negated) {
            return true;
        }
    }
    same_result(c, e)
}

/// The equation a check judged: its figures' cells (the result last) with
/// the signs of its sum's terms; `None` for anything but a sum.
fn equation_of(c: &Check, rows: &[Vec<String>]) -> Option<Equation> {
    let Some(Relation::Sum { terms, .. }) = &c.judged else {
        return None;
    };
    let figs: Vec<&String> = c
        .cells
        .iter()
        .filter(|k| {
            k.split_once(':')
                .and_then(|(l, col)| Some((l.parse::<usize>().ok()?, col.parse::<usize>().ok()?)))
                .is_some_and(|(l, col)| figure_cell(rows, l.wrapping_sub(1), col.wrapping_sub(1)))
        })
        .collect();
    let (result, operands) = figs.split_last()?;
    if operands.len() != terms.len() || operands.is_empty() {
        return None;
    }
    let mut eq = Equation::new();
    *eq.entry((*result).clone()).or_insert(0) -= 1;
    for (cell, t) in operands.iter().zip(terms) {
        *eq.entry((*cell).clone()).or_insert(0) += if t.negative { -1 } else { 1 };
    }
    eq.retain(|_, v| *v != 0);
    Some(eq)
}

fn same_result(c: &Check, e: &Expect) -> bool {
    let row = c.row.as_deref().map(norm);
    let er = norm(e.row.rsplit_once('#').map_or(e.row.as_str(), |(r, n)| {
        if n.chars().all(|ch| ch.is_ascii_digit()) {
            r
        } else {
            e.row.as_str()
        }
    }));
    let row_ok = row.as_deref() == Some(er.as_str())
        || c.relation.to_lowercase().starts_with(&format!("{er} ["));
    row_ok
        && c.column
            .as_deref()
            .is_some_and(|col| same_column(col, &e.column))
}

#[derive(Default)]
struct Tally {
    expected: usize,
    judged: usize,
    false_errors: Vec<String>,
    errors_expected: usize,
    errors_found: usize,
    misses: Vec<String>,
    /// Expected relations whose row gets no line at all (not even a
    /// skipped one): what a reader of the report never hears about.
    silent: Vec<String>,
}

fn run_corpus(folder: &str) -> Tally {
    let mut t = Tally::default();
    for slug in slugs(folder) {
        let tsv = std::fs::read_to_string(data_dir(folder).join(format!("{slug}.tsv"))).unwrap();
        let checks = checks_of(&tsv);
        let ex = expects(folder, &slug);
        let rows: Vec<Vec<String>> = tsv
            .lines()
            .map(|l| {
                l.trim_end_matches('\r')
                    .split('\t')
                    .map(str::to_string)
                    .collect()
            })
            .collect();
        let same_cell = |c: &Check, e: &Expect| same_cell(c, e, &rows);
        for e in &ex {
            t.expected += 1;
            let mine: Vec<&Check> = checks
                .iter()
                .filter(|c| c.verdict != Verdict::Skipped && same_cell(c, e))
                .collect();
            if mine.is_empty() {
                t.misses
                    .push(format!("{slug}: {} {} [{}]", e.kind, e.row, e.column));
                // Said: a line (any verdict) for the relation or for its row and
                // column, or a skipped line for its row (a row not understood is
                // said for all its columns).
                let base = e.row.split('#').next().unwrap_or("");
                let top = e.column.split(" / ").next().unwrap_or("");
                let said = checks.iter().any(|c| {
                    same_cell(c, e)
                        || (c.row.as_deref().is_some_and(|r| norm(r) == norm(base))
                            && (c.verdict == Verdict::Skipped
                                || c.column.as_deref().is_none_or(|col| {
                                    same_column(col, &e.column) || norm(col) == norm(top)
                                })))
                });
                if !said {
                    t.silent.push(format!(
                        "{slug}: {} {} [{}] (expected {})",
                        e.kind, e.row, e.column, e.verdict
                    ));
                }
            } else {
                t.judged += 1;
            }
            let says_error = mine.iter().any(|c| c.verdict == Verdict::Error);
            if e.verdict == "error" {
                t.errors_expected += 1;
                if says_error {
                    t.errors_found += 1;
                }
            }
        }
        // Every error must be on a cell the careful reader also finds wrong;
        // a finding is backed too when a failing relation it explains (one
        // marked its consequence) is, as one wrong figure fails several
        // relations; and a consequence of a backed finding is no error of
        // its own.
        let backed = |c: &Check| ex.iter().any(|e| e.verdict == "error" && same_cell(c, e));
        let finding_backed = |f: &Check| {
            f.verdict == Verdict::Error
                && f.consequence_of.is_none()
                && (backed(f)
                    || checks.iter().any(|k| {
                        k.verdict == Verdict::Error
                            && k.consequence_of.as_ref() == Some(&f.relation)
                            && backed(k)
                    }))
        };
        for c in checks.iter().filter(|c| c.verdict == Verdict::Error) {
            let through_backed = c.consequence_of.as_ref().map_or_else(
                || finding_backed(c),
                |p| checks.iter().any(|f| &f.relation == p && finding_backed(f)),
            );
            if !backed(c) && !through_backed {
                t.false_errors
                    .push(format!("{slug}:{}: {}: {}", c.line(), c.relation, c.detail));
            }
        }
    }
    t
}

fn no_false_error_in(folder: &str) {
    no_false_error_among(folder, 100);
}

/// As `no_false_error_in`, for a folder of at least `min` expected
/// relations (the smaller held-out sets).
fn no_false_error_among(folder: &str, min: usize) {
    let t = report(folder, min);
    assert!(
        t.false_errors.is_empty(),
        "{folder}: false errors: {:#?}",
        t.false_errors
    );
}

/// A folder's figures printed (judged, published errors found, false
/// errors, every relation not judged or silent and every false error), its
/// corpus there (more than `min` expected relations).
fn report(folder: &str, min: usize) -> Tally {
    let t = run_corpus(folder);
    eprintln!(
        "{folder} tables: {} of {} expected relations judged; {} of {} published errors found; {} false errors",
        t.judged,
        t.expected,
        t.errors_found,
        t.errors_expected,
        t.false_errors.len()
    );
    for m in &t.misses {
        eprintln!("  not judged: {m}");
    }
    for m in &t.silent {
        eprintln!("  silent (no line for it): {m}");
    }
    for m in &t.false_errors {
        eprintln!("  FALSE ERROR: {m}");
    }
    assert!(t.expected > min, "the corpus is there");
    t
}

#[test]
fn the_real_tables_have_no_false_error() {
    no_false_error_in("real");
}

#[test]
fn the_held_out_tables_have_no_false_error() {
    no_false_error_in("heldout");
}

/// The second held-out set: collected by a helper that did not see the
/// code, and not looked at while developing; measured, never tuned to.
#[test]
fn the_second_held_out_tables_have_no_false_error() {
    no_false_error_in("heldout2");
}

/// The third held-out set (`tests/data/heldout3/`): collected after the
/// engine was built and tuned on the other three folders, from publishers
/// and kinds of document none of them uses; measured, never tuned to.
#[test]
fn the_third_held_out_tables_have_no_false_error() {
    no_false_error_in("heldout3");
}

/// The fourth held-out set (`tests/data/heldout4/`): collected after the
/// engine was built and tuned on the other four folders, from publishers
/// and kinds of document none of them uses (associations' accounts, a
/// region's budget follow-up, ministries' answers to Folketinget, a
/// company-data summary); measured once, never tuned to. The first run
/// found 1 false error (after the lead took paqle's `Resultat før skat` as
/// a published error; listed with the true figures in
/// `tests/data/heldout4/SOURCES.md`, "First run"): Majsparken's
/// `Hensættelser i alt` with its `Omkostninger` subtracted, fixed by
/// `src/verify/subtracted.rs`.
#[test]
fn the_fourth_held_out_tables_have_no_false_error() {
    no_false_error_in("heldout4");
}

/// The fifth held-out set (`tests/data/heldout5/`): collected after the
/// engine was built and tuned on the other five folders, from publishers
/// none of them uses (a municipality's detailed budget page of the
/// employment committee, a municipal budget system's tillægsbevilling
/// examples, an association-software guide's worked results, and
/// municipal price lists and a news item's unemployment ranking kept as
/// false-alarm probes: tables with no relation, where any error is false);
/// committed before sparekrav was run on it; 25 relations, so the bar is
/// 20.
#[test]
fn the_fifth_held_out_tables_have_no_false_error() {
    no_false_error_among("heldout5", 20);
}

/// The sixth held-out set (`tests/data/heldout6/`): 12 tables (62
/// relations) from ministries' notes and answers to Folketinget, an
/// aktstykke, Danmarks Statistik's quarterly public-employment release
/// (and a site re-publishing it), a museum's accounts and a housing
/// department's budget note; collected and committed before sparekrav was
/// run on it; measured, never tuned to (first run and fixes:
/// `tests/data/heldout6/SOURCES.md`).
#[test]
fn the_sixth_held_out_tables_have_no_false_error() {
    no_false_error_among("heldout6", 60);
}

/// The seventh held-out set (`tests/data/heldout7/`): collected by helpers
/// that never built or ran sparekrav, committed before anyone ran it. Its
/// first run found 3 false errors in round 1 (fixed) and none in round 2
/// (`tests/data/heldout7/SOURCES.md`, "First run").
#[test]
fn the_seventh_held_out_tables_have_no_false_error() {
    no_false_error_among("heldout7", 250);
}

/// The eighth held-out set (`tests/data/heldout8/`): 16 tables (121
/// relations) from 13 publishers (a municipality's budget and accounts
/// notes, unemployment-fund and union rate pages, the tax ministry's
/// municipal tax rates, a sports federation's member counts, a waterworks'
/// tariffs with and without moms), collected by a helper that never built
/// or ran sparekrav, committed before anyone ran it (first run:
/// `tests/data/heldout8/SOURCES.md`).
#[test]
fn the_eighth_held_out_tables_have_no_false_error() {
    no_false_error_among("heldout8", 100);
}

/// The ninth held-out set (`tests/data/heldout9/`): 33 tables (247
/// relations) from 19 publishers (a region's annual report and budget
/// follow-up, municipal rates and grants to private institutions,
/// waterworks' and district heating's tariffs with and without moms, the
/// ministry's pupil counts), collected by a helper that never built or ran
/// sparekrav, committed before anyone ran it (first run:
/// `tests/data/heldout9/SOURCES.md`).
#[test]
fn the_ninth_held_out_tables_have_no_false_error() {
    no_false_error_among("heldout9", 200);
}

/// The tenth held-out set (`tests/data/heldout10/`): 17 tables (107
/// relations) from 12 publishers (a golf club's member statistics, a
/// union's and an unemployment fund's accounts, tax and district-heating
/// examples, an election's votes and seats with their shares), collected by
/// a helper that never built or ran sparekrav, committed before anyone ran
/// it (first run: `tests/data/heldout10/SOURCES.md`).
#[test]
fn the_tenth_held_out_tables_have_no_false_error() {
    no_false_error_among("heldout10", 90);
}

/// The eleventh held-out set (`tests/data/heldout11/`): 20 tables (151
/// relations) from 18 publishers (a municipality's daycare grants and
/// prices, a banking supervisor's income statements in 1.000 kr., utilities'
/// price lists with moms and units, churchyards' prices for N years, a
/// club's budget and accounts), collected by a helper that never built or
/// ran sparekrav, committed before anyone ran it (first run:
/// `tests/data/heldout11/SOURCES.md`).
#[test]
fn the_eleventh_held_out_tables_have_no_false_error() {
    no_false_error_among("heldout11", 140);
}

/// A twelfth held-out set (41 tables, 31 publishers: price lists of
/// utilities and antenna associations, a municipality's fees, a company's
/// income statement), collected by a helper that never ran sparekrav,
/// committed before anyone ran it (first run:
/// `tests/data/heldout12/SOURCES.md`).
#[test]
fn the_twelfth_held_out_tables_have_no_false_error() {
    no_false_error_among("heldout12", 300);
}

/// A thirteenth held-out set (32 tables, 26 publishers: companies' key
/// figures and cash flows, ATP and tax examples, associations' accounts,
/// price lists), collected by a helper that never ran sparekrav, committed
/// before anyone ran it (first run: `tests/data/heldout13/SOURCES.md`).
#[test]
fn the_thirteenth_held_out_tables_have_no_false_error() {
    no_false_error_among("heldout13", 400);
}

/// A fourteenth held-out set (27 tables, 20 publishers: unemployment
/// benefit and other rates with the factors their tables print, municipal
/// and association accounts), collected by a helper that never ran
/// sparekrav, committed before anyone ran it (first run:
/// `tests/data/heldout14/SOURCES.md`).
#[test]
fn the_fourteenth_held_out_tables_have_no_false_error() {
    no_false_error_among("heldout14", 140);
}

/// The fifteenth held-out set (Greenland's and the Faroes' public finances,
/// a municipal follow-up and news figures; first run in
/// `tests/data/heldout15/SOURCES.md`).
#[test]
fn the_fifteenth_held_out_tables_have_no_false_error() {
    no_false_error_among("heldout15", 100);
}

/// The sixteenth held-out set (waterworks' accounts and budgets, Greenland's
/// social statistics, a ministry's and Danmarks Statistik's figures; first
/// run in `tests/data/heldout16/SOURCES.md`).
#[test]
fn the_sixteenth_held_out_tables_have_no_false_error() {
    no_false_error_among("heldout16", 300);
}

/// The seventeenth held-out set (election results and an association's
/// accounts, waterworks' and a heat plant's budgets, a union's and a club's
/// accounts, news figures; first run in `tests/data/heldout17/SOURCES.md`).
#[test]
fn the_seventeenth_held_out_tables_have_no_false_error() {
    no_false_error_among("heldout17", 150);
}

/// The eighteenth held-out set (election results of Danmarks Statistik,
/// the ministry and two newspapers, an environment agency's water figures,
/// associations' fees and accounts, a golf club's budget in prose; first run
/// in `tests/data/heldout18/SOURCES.md`).
#[test]
fn the_eighteenth_held_out_tables_have_no_false_error() {
    no_false_error_among("heldout18", 100);
}

/// The nineteenth held-out set (utilities' and a municipality's tariffs
/// with and without moms, day-care rates, a construction account, a
/// company's five-year figures, an antenna association's prices, public
/// figures in prose; first run in `tests/data/heldout19/SOURCES.md`).
#[test]
fn the_nineteenth_held_out_tables_have_no_false_error() {
    no_false_error_among("heldout19", 100);
}

/// The twentieth held-out set (a housing department's form, two efterskole
/// pages and a landowners' association's fee in prose; first run in
/// `tests/data/heldout20/SOURCES.md`): small, the stored pages of its genre
/// being mostly taken.
#[test]
fn the_twentieth_held_out_tables_have_no_false_error() {
    no_false_error_among("heldout20", 10);
}

/// The twenty-first held-out set, the first from GitHub repositories (the
/// Finanslov 2016 budget database, SSI's COVID-19 files) with two prose
/// pages: its first run had three false errors (`tests/data/heldout21/
/// SOURCES.md`), an account line read as a formula whose two added terms
/// were 0,0 wherever it held, and a day of a daily series read as a formula
/// of the six days above it; both readings are no longer made.
#[test]
fn the_twenty_first_held_out_tables_have_no_false_error() {
    no_false_error_among("heldout21", 100);
}

/// The twenty-second held-out set, from GitHub repositories (Danmarks
/// Statistik's election results and statistics, SSI's dashboards,
/// Københavns Kommune's statistics bank), collected without running the
/// tool: its first run in `tests/data/heldout22/SOURCES.md`.
#[test]
fn the_twenty_second_held_out_tables_have_no_false_error() {
    no_false_error_among("heldout22", 300);
}

/// The twenty-third held-out set (accounts and key figures of
/// universities, a university college, an energy company; a ministry's
/// admissions table), collected without running the tool: its first run in
/// `tests/data/heldout23/SOURCES.md`.
#[test]
fn the_twenty_third_held_out_tables_have_no_false_error() {
    no_false_error_among("heldout23", 300);
}

/// The twenty-fourth held-out set (Danmarks Statistik's provisional
/// results of seven voting districts, votes and per cents; a KMD paragraph
/// with a `Heraf` sentence), collected without running the tool: its first
/// run in `tests/data/heldout24/SOURCES.md`.
#[test]
fn the_twenty_fourth_held_out_tables_have_no_false_error() {
    no_false_error_among("heldout24", 60);
}

/// The judged counts and published errors found that the key figures, the
/// rates and `forskel` rows their labels name, and a total column that is a
/// term of the next, brought (heldout4: 98 -> 113 of 130; heldout7: 253 ->
/// 279 of 289, 3 -> 7 of 7 published errors), and a row labelled a
/// percentage change judged by its label (heldout4: 113 -> 121, 3 -> 7 of 7
/// published errors): they may rise, never fall.
#[test]
fn the_judged_counts_of_the_fourth_and_seventh_sets_do_not_fall() {
    judged_counts_do_not_fall(&[("heldout4", 121, 7), ("heldout7", 279, 7)]);
}

/// The judged counts and published errors found that the readings of
/// `verify_label_readings.rs` brought to the three newest sets (moms
/// columns spelled out and fees without moms, rates written `pct.` and
/// blocks of the same labels, tax rates that add up, rounded rows, a part
/// in kroner under `andel`, a total netted against another; heldout8:
/// 68 -> 102 of 121, 2 -> 3 of 4 published errors; heldout9: 191 -> 211 of
/// 247, 0 -> 1 of 2; heldout10: 75 -> 81 of 107; heldout11 as first
/// run, 70 of 151): they may rise, never fall.
#[test]
fn the_judged_counts_of_the_eighth_to_tenth_sets_do_not_fall() {
    judged_counts_do_not_fall(&[
        ("heldout8", 102, 3),
        ("heldout9", 211, 1),
        ("heldout10", 81, 2),
        // Its first run, with its one false error mended.
        ("heldout11", 70, 0),
        // Its first run 199 of 370 with 3 false errors; with them mended,
        // moms said in every cell, `heraf moms`, labels among the figure
        // columns, and the labelled totals never silent: 229.
        ("heldout12", 229, 2),
    ]);
}

/// What the fifth session's readings brought (labelled totals never
/// silent, faculty rows against their `Heraf` sections, `2 X` = `1 X` +
/// `ekstra X`, a total over its subtotal and the rows after it, grouped
/// total columns): real 994 -> 998 of 1013 and 17 -> 21 of 22 published
/// errors, heldout9 211 -> 217, heldout11 70 -> 78 and 0 -> 1 of 2: they may
/// rise, never fall.
#[test]
fn the_judged_counts_of_the_fifth_session_do_not_fall() {
    judged_counts_do_not_fall(&[
        ("real", 998, 21),
        ("heldout9", 217, 1),
        ("heldout11", 78, 1),
    ]);
}

/// Moms rows and moms columns paired by their headers (the sixth
/// session): heldout9 218, heldout11 91, heldout12 249 judged; heldout13
/// after its two false errors were fixed and the key figures `Soliditet i
/// procent` and `EBT-margin` were read: 264 judged, 5 published errors.
#[test]
fn the_judged_counts_of_the_sixth_session_do_not_fall() {
    judged_counts_do_not_fall(&[
        ("heldout9", 218, 1),
        ("heldout11", 91, 1),
        ("heldout12", 249, 2),
        ("heldout13", 264, 5),
    ]);
}

/// A row naming a percentage read as that percentage of the row the
/// figures choose (the seventh session): heldout14 32 -> 95 judged at its
/// first run, heldout8 102 -> 108, heldout13 264 -> 273 (tax examples'
/// `6 pct. af 30.200`).
#[test]
fn the_judged_counts_of_the_seventh_session_do_not_fall() {
    judged_counts_do_not_fall(&[
        ("heldout8", 108, 3),
        ("heldout13", 273, 5),
        ("heldout14", 94, 0),
    ]);
}

/// The judged counts after the eighth session's rules (a third operand of
/// 0 but once, the deduction sign, a block begun on an earlier page).
#[test]
fn the_judged_counts_of_the_eighth_session_do_not_fall() {
    judged_counts_do_not_fall(&[("heldout15", 80, 0)]);
}

/// The sixteenth held-out set at its first run (344 of 377 judged, all
/// eight published errors found): they may rise, never fall.
#[test]
fn the_judged_counts_of_the_ninth_session_do_not_fall() {
    judged_counts_do_not_fall(&[("heldout16", 344, 8)]);
}

/// The seventeenth held-out set at its first run (174 of 270 judged, 4 of
/// 7 error verdicts): they may rise, never fall.
#[test]
fn the_judged_counts_of_the_tenth_session_do_not_fall() {
    judged_counts_do_not_fall(&[("heldout17", 174, 4)]);
}

/// The eleventh session: `÷` read as the minus sign and a `… i alt` total
/// summing the subtotals of the section it closes (`Passiver` over
/// `Passiver i alt`): heldout4 121 -> 122, heldout7 279 -> 280, heldout10
/// 81 -> 83.
#[test]
fn the_judged_counts_of_the_eleventh_session_do_not_fall() {
    judged_counts_do_not_fall(&[
        ("heldout4", 122, 7),
        ("heldout7", 280, 7),
        ("heldout10", 83, 2),
    ]);
}

/// Lines stating a fact above a table's title and header (`Stemmeberettigede:
/// ⇥ 53.731 ⇥ Deltagelse: 60,4 %`, `Stemmer`, `Parti ⇥ Antal ⇥ Pct.`:
/// Danmarks Statistik's election pages) dropped with the title, so that the
/// header is read as the header (`label_column::drop_title_rows`): heldout17
/// 174 -> 224 of 270.
#[test]
fn the_judged_counts_with_fact_lines_above_the_title_do_not_fall() {
    judged_counts_do_not_fall(&[("heldout17", 221, 4)]);
}

/// A slash read as `pr.` in a column's period (`Pris/måned`, `Pris/år`:
/// Vonge Antennelaug's tv prices, the yearly price 12 × the monthly one,
/// `period_columns::period_now`): heldout12 265 -> 274 of 370, 2 -> 3 of 7
/// error verdicts (`Programafgift` 1.892 a year against 157 a month).
#[test]
fn the_judged_counts_with_periods_after_a_slash_do_not_fall() {
    judged_counts_do_not_fall(&[("heldout12", 274, 3)]);
}

/// The eighteenth and nineteenth held-out sets after the twenty-sixth
/// session's changes (heldout18 72 -> 78 of 135 with 17 -> 0 false errors:
/// change operands by position, `+/-` columns; heldout19 119 -> 124 of 140:
/// a moms header with its rate between the words): they may rise, never
/// fall.
#[test]
fn the_judged_counts_of_the_twenty_sixth_session_do_not_fall() {
    judged_counts_do_not_fall(&[("heldout18", 78, 0), ("heldout19", 124, 5)]);
}

/// The twenty-seventh session's marked totals (`I alt mandater 175*` read
/// where its rows add up to it: heldout10 83 -> 94 of 107 and 2 -> 3
/// published errors, the seats' per cents judged; heldout18 78 -> 80, the
/// EP table's seat sums) and heldout20's first run: they may rise, never
/// fall.
#[test]
fn the_judged_counts_of_the_twenty_seventh_session_do_not_fall() {
    judged_counts_do_not_fall(&[
        ("heldout10", 94, 3),
        ("heldout18", 80, 0),
        ("heldout20", 6, 0),
        // Its first run (58 judged once its three false errors were mended),
        // then counts with per cents in parentheses, age bands, a running
        // total named `kumulativ` and nested account codes.
        ("heldout21", 116, 0),
        // Its first run.
        ("heldout22", 137, 0),
        ("heldout23", 305, 3),
        // Its first run (the thirtieth session).
        ("heldout24", 68, 0),
    ]);
}

/// Columns worded as shares whose plain figures add up to the row's total
/// column read as its portions (`Lønmodtagers andel (1/3)` + `Arbejdsgivers
/// andel (2/3)` = `Samlet bidrag`: `share_portions.rs`): heldout13 273 ->
/// 293 of 439.
#[test]
fn the_judged_counts_with_share_portions_do_not_fall() {
    judged_counts_do_not_fall(&[("heldout13", 290, 5)]);
}

/// An election page read as one table, fact line and title above its
/// header: every party's per cent judged as its share of the valid votes,
/// and the three totals, as the text reader judges the table it finds
/// under the title.
#[test]
fn an_election_table_under_a_fact_line_and_a_title_is_read_from_its_header() {
    let slug = "dst-valg-1475795-opstillingskreds-20-folkebevaegelsen-deltagelse-60-4";
    let checks = checks_of(&crate::common::data_tsv("heldout17", slug));
    let said = |v: Verdict, col: &str| {
        checks
            .iter()
            .filter(|c| c.verdict == v && c.column.as_deref() == Some(col))
            .map(|c| c.row.clone().unwrap_or_default())
            .collect::<Vec<_>>()
    };
    let parties = said(Verdict::Rounding, "Pct.");
    assert_eq!(parties.len(), 8, "{checks:#?}");
    assert_eq!(parties[0], "A. Socialdemokratiet");
    assert!(checks
        .iter()
        .filter(|c| c.column.as_deref() == Some("Pct."))
        .all(|c| c.relation.ends_with("share of \"I alt gyldige stemmer\"")));
    assert_eq!(
        said(Verdict::Exact, "Antal"),
        [
            "I alt gyldige stemmer",
            "I alt ugyldige stemmer",
            "I alt afgivne stemmer"
        ]
    );
    assert_eq!(checks.len(), 11, "nothing else judged or said: {checks:#?}");
}

/// A second price column with no header of its own read as the price with
/// moms where its figures are 125 % of the column before it
/// (`column_relations::claim`): heldout12 253 -> 265, heldout9 218 -> 221.
#[test]
fn the_judged_counts_with_unnamed_moms_columns_do_not_fall() {
    judged_counts_do_not_fall(&[("heldout12", 265, 2), ("heldout9", 221, 1)]);
}

/// The floors above were lowered once, by the twenty-fifth session's rule
/// that a column which is an affine image of another over a relation's rows
/// (`Samlet bidrag` = `Adm.-bidrag` + 4.260, `Pr. år` = 12 × `Pr. måned`,
/// the D'Hondt `/2` = `/1` ÷ 2) is no second place for it
/// (`row_relations::independent_places`): eight relations were counted as
/// judged because a formula found by coincidence (`FOA*` = seven other
/// a-kasser with alternating signs) had the expected relation's result
/// cell; each was the wrong relation, "confirmed" by a column that repeats
/// the first (heldout13 -3, heldout14 -2, heldout17 -3).
///
/// Each folder's judged count and published errors found are at least the
/// figures given.
fn judged_counts_do_not_fall(floors: &[(&str, usize, usize)]) {
    for &(folder, judged, found) in floors {
        let t = run_corpus(folder);
        assert!(
            t.judged >= judged && t.errors_found >= found,
            "{folder}: {} judged (at least {judged}), {} published errors found (at least {found})",
            t.judged,
            t.errors_found
        );
    }
}

/// Figures of a TSV that take part in an expected relation's result cell
/// row: (line index, cell index, text).
fn figure_cells(tsv: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    // Rows with a label, below the first line: figures, not headers.
    for (i, l) in tsv.lines().enumerate().skip(1) {
        if l.split('\t')
            .next()
            .is_none_or(|label| label.trim().is_empty())
        {
            continue;
        }
        for (c, cell) in l.split('\t').enumerate().skip(1) {
            let t = cell.trim().trim_matches('*');
            let digits = t.chars().filter(char::is_ascii_digit).count();
            if digits >= 2
                && t.chars()
                    .next()
                    .is_some_and(|ch| ch.is_ascii_digit() || ch == '-')
            {
                out.push((i, c, cell.to_string()));
            }
        }
    }
    out
}

/// `text` with its last digit moved far: 3 -> 8 and the digit before it
/// changed too, so the figure is off by much more than rounding.
fn plant(text: &str) -> Option<String> {
    let idx: Vec<usize> = text
        .char_indices()
        .filter(|(_, c)| c.is_ascii_digit())
        .map(|(i, _)| i)
        .collect();
    let &last = idx.last()?;
    let &before = idx.get(idx.len().checked_sub(2)?)?;
    let mut b = text.as_bytes().to_vec();
    b[last] = b'0' + (b[last] - b'0' + 5) % 10;
    b[before] = b'0' + (b[before] - b'0' + 3) % 10;
    String::from_utf8(b).ok()
}

fn with_cell(tsv: &str, line: usize, col: usize, text: &str) -> String {
    tsv.lines()
        .enumerate()
        .map(|(i, l)| {
            if i != line {
                return l.to_string();
            }
            l.split('\t')
                .enumerate()
                .map(|(c, t)| {
                    if c == col {
                        text.to_string()
                    } else {
                        t.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The outcome of one planted figure: named (a finding's correction points
/// at it), caught (some error reported), or missed.
fn planted(tsv: &str, line: usize, col: usize, text: &str) -> (bool, bool) {
    let Some(wrong) = plant(text) else {
        return (false, false);
    };
    let doc = with_cell(tsv, line, col, &wrong);
    let checks = checks_of(&doc);
    let place = format!("{}:{}", line + 1, col + 1);
    let named = checks.iter().any(|c| {
        c.consequence_of.is_none() && c.correction.as_ref().is_some_and(|k| k.at == place)
    });
    let caught = checks.iter().any(|c| c.verdict == Verdict::Error);
    (named, caught)
}

/// Where an expected relation's checked cell stands in the TSV: the line
/// whose label is its row, the column whose header (any of the first lines)
/// ends with its column's last part.
fn locate(tsv: &str, e: &Expect) -> Option<(usize, usize, String)> {
    let lines: Vec<Vec<&str>> = tsv.lines().map(|l| l.split('\t').collect()).collect();
    let want_col = norm(e.column.rsplit(" / ").next().unwrap_or(""));
    let col = if let Some(n) = e.column.strip_prefix('#') {
        n.trim().parse::<usize>().ok()?.checked_sub(1)?
    } else {
        (1..lines.iter().map(Vec::len).max()?).find(|&c| {
            lines
                .iter()
                .take(4)
                .any(|l| l.get(c).is_some_and(|h| norm(h) == want_col))
        })?
    };
    let row = (1..lines.len()).find(|&i| {
        lines[i]
            .iter()
            .take(2)
            .any(|c| norm(c) == norm(e.row.split('#').next().unwrap_or("")))
    })?;
    let text = lines[row].get(col)?.to_string();
    figure_like(&text).then_some((row, col, text))
}

fn figure_like(t: &str) -> bool {
    let t = t.trim().trim_matches('*');
    t.chars().filter(char::is_ascii_digit).count() >= 2
        && t.chars()
            .next()
            .is_some_and(|ch| ch.is_ascii_digit() || ch == '-')
}

/// One figure per correct table of a folder: the checked cell of its
/// first sum, cross or difference that can be placed, printed wrong.
/// (tried, caught, named, missed)
fn plant_in(folder: &str) -> (usize, usize, usize, Vec<String>) {
    let mut tried = 0;
    let mut named = 0;
    let mut caught = 0;
    let mut missed = Vec::new();
    for slug in slugs(folder) {
        let tsv = std::fs::read_to_string(data_dir(folder).join(format!("{slug}.tsv"))).unwrap();
        let ex = expects(folder, &slug);
        if ex.iter().any(|e| e.verdict == "error") {
            continue;
        }
        let Some((l, c, text)) = ex
            .iter()
            .filter(|e| {
                matches!(
                    e.kind.as_str(),
                    "sum" | "cross" | "difference" | "formula" | "change"
                )
            })
            .find_map(|e| locate(&tsv, e))
        else {
            continue;
        };
        tried += 1;
        let (n, k) = planted(&tsv, l, c, &text);
        named += usize::from(n);
        caught += usize::from(k);
        if !n {
            missed.push(format!(
                "{slug}: {}:{} {text:?} (caught: {k})",
                l + 1,
                c + 1
            ));
        }
    }
    eprintln!(
        "{folder} planted: {tried} tables, {caught} caught, {named} named; missed: {missed:#?}"
    );
    (tried, caught, named, missed)
}

#[test]
fn a_planted_figure_in_every_real_table_is_found() {
    let (tried, caught, _, _) = plant_in("real");
    assert!(tried >= 10);
    assert!(caught * 10 >= tried * 9, "caught {caught} of {tried}");
}

#[test]
fn a_planted_figure_in_the_held_out_tables_is_measured() {
    // Measured and reported; the floor is what the engine reached when the
    // set was first run (9 of 14), so a drop shows.
    let (tried, caught, _, _) = plant_in("heldout");
    assert!(tried >= 10);
    assert!(caught * 14 >= tried * 9, "caught {caught} of {tried}");
}

/// Issue 9's bar, on the held-out tables it is measured on (`heldout` and
/// `heldout2`, 25 planted figures): at least 24 caught AND named.
#[test]
fn the_issues_planted_bar_holds_on_the_held_out_tables() {
    let (t1, _, n1, m1) = plant_in("heldout");
    let (t2, _, n2, m2) = plant_in("heldout2");
    assert_eq!(t1 + t2, 25, "the 25 planted figures the issue counts");
    assert!(
        n1 + n2 >= 24,
        "named {} of 25; missed {m1:#?} {m2:#?}",
        n1 + n2
    );
}

#[test]
fn a_planted_figure_in_the_second_held_out_tables_is_measured() {
    let (tried, caught, _, _) = plant_in("heldout2");
    assert!(tried >= 10);
    assert!(caught * 2 >= tried, "caught {caught} of {tried}");
}

#[test]
fn a_planted_figure_in_the_third_held_out_tables_is_measured() {
    let (tried, caught, _, _) = plant_in("heldout3");
    assert!(tried >= 10);
    assert!(caught * 2 >= tried, "caught {caught} of {tried}");
}

#[test]
fn a_planted_figure_in_the_fourth_held_out_tables_is_measured() {
    // Measured and reported; the first run caught and named 7 of 12 (the
    // misses: three tables whose labels stand after a figure column, a
    // total without a total word in a second figure column, and a table
    // of mixed mio./mia. kr. that gets no line at all), so at least half.
    let (tried, caught, _, _) = plant_in("heldout4");
    assert!(tried >= 10);
    assert!(caught * 2 >= tried, "caught {caught} of {tried}");
}

#[test]
fn a_planted_figure_in_the_fifth_held_out_tables_is_measured() {
    // Measured and reported: one of its tables has a relation whose result
    // can be placed and planted (the tillægsbevilling's totals are 0, the
    // association examples print no header to place a column by); the first
    // run caught it not (Silkeborg's 76.924, a total placed above its
    // account groupings with no total word); `coded_blocks.rs` names it.
    let (tried, caught, named, _) = plant_in("heldout5");
    assert!(tried >= 1, "tried {tried}");
    assert!(caught >= 1 && named >= 1, "caught {caught}, named {named}");
}

#[test]
fn a_planted_figure_in_the_sixth_held_out_tables_is_measured() {
    // Measured and reported (SOURCES.md, "First run" and "After fixes"):
    // 4 of 10 after the fixes (the first run's fifth catch came through its
    // false reading of a per-cent column as amounts). The misses are totals
    // placed first over two level columns and one-column formula rows: a
    // structure seen in one column is never an error on its own.
    let (tried, caught, _, _) = plant_in("heldout6");
    assert!(tried >= 10);
    assert!(caught * 5 >= tried * 2, "caught {caught} of {tried}");
}

#[test]
fn a_planted_figure_in_the_seventh_held_out_tables_is_measured() {
    // Measured and reported: the first runs caught 4 of 6 (round 1) and 2
    // of 4 (round 2); with prices with moms read, 8 of 10 (the misses: a
    // blog's totals over two rows in one column).
    let (tried, caught, _, _) = plant_in("heldout7");
    assert!(tried >= 10);
    assert!(caught * 2 >= tried, "caught {caught} of {tried}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
    /// Any figure of a correct real table planted wrong: never a silent
    /// pass where the figure is the result of a relation the table
    /// establishes, and when a finding names a figure, it is that one.
    #[test]
    fn a_planted_figure_is_the_one_named(pick in 0usize..10_000, which in 0usize..10_000) {
        let all: Vec<(&str, String)> = FOLDERS
            .iter()
            .flat_map(|f| slugs(f).into_iter().map(move |s| (*f, s)))
            .collect();
        let ok: Vec<&(&str, String)> = all
            .iter()
            .filter(|(f, s)| !expects(f, s).iter().any(|e| e.verdict == "error"))
            .collect();
        prop_assume!(!ok.is_empty());
        let (folder, slug) = ok[pick % ok.len()];
        let tsv = std::fs::read_to_string(data_dir(folder).join(format!("{slug}.tsv"))).unwrap();
        let cells = figure_cells(&tsv);
        prop_assume!(!cells.is_empty());
        let _ = figure_like;
        let (l, c, text) = &cells[which % cells.len()];
        let Some(wrong) = plant(text) else { return Ok(()) };
        let doc = with_cell(&tsv, *l, *c, &wrong);
        let checks = checks_of(&doc);
        let place = format!("{}:{}", l + 1, c + 1);
        for f in checks.iter().filter(|c| c.verdict == Verdict::Error && c.consequence_of.is_none()) {
            if let Some(k) = &f.correction {
                // A finding that singles out a figure singles out the planted one
                // (or, for a relation where any figure could be it, its result).
                let involves = f.cells.contains(&place);
                prop_assert!(k.at == place || involves,
                    "{slug}: planted {wrong:?} at {place}, finding names {} ({})", k.at, f.detail);
            }
        }
    }
}

/// Every table of every folder as its copy arrives (`<slug>.pasted.txt`:
/// one cell per line, rows flattened to single spaces, runs of spaces,
/// headings on lines of their own, copies cut off) gives no error its
/// tab-separated form does not: a copy's reading may judge less, never
/// more wrongly. At the start of 2026-12-01's third session 13 copies gave
/// 47 errors more than their tables (headings one column off, heading rows
/// that could not be aligned, single-spaced rows left out, a figure cut
/// off); none now. Nor does either give more errors than the careful
/// reader's `.expect` has (heldout16's first run: two false errors the
/// measure of the one-table reading did not see).
#[test]
fn no_pasted_copy_has_an_error_its_table_has_not() {
    let mut worse = Vec::new();
    let mut pairs = 0;
    let data = crate::common::root().join("tests/data");
    let mut folders: Vec<_> = std::fs::read_dir(&data)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    for dir in folders {
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for pasted in files
            .iter()
            .filter(|p| p.to_string_lossy().ends_with(".pasted.txt"))
        {
            let tsv =
                std::path::PathBuf::from(pasted.to_string_lossy().replace(".pasted.txt", ".tsv"));
            let (Ok(mut p), Ok(t)) = (
                std::fs::read_to_string(pasted),
                std::fs::read_to_string(&tsv),
            ) else {
                continue;
            };
            // The store keeps a page's first 2 000 characters or so: a copy
            // that does not end its last line was cut inside it, and that
            // line is not what the page printed (heldout19's `Skelrabat 40
            // 40 5`, the page's `50` cut to `5`).
            if !p.ends_with('\n') {
                p.truncate(p.rfind('\n').map_or(0, |i| i + 1));
            }
            pairs += 1;
            let errs = |text: &str| {
                crate::common::checks_of_text(text)
                    .iter()
                    .filter(|c| c.verdict == Verdict::Error)
                    .count()
            };
            let findings = |text: &str| {
                crate::common::checks_of_text(text)
                    .iter()
                    .filter(|c| c.verdict == Verdict::Error && c.consequence_of.is_none())
                    .count()
            };
            let (pe, te) = (errs(&p), errs(&t));
            if pe > te {
                worse.push(format!("{}: {pe} errors, its table {te}", pasted.display()));
            }
            // Nor more findings (errors not a consequence of another)
            // than the careful reader finds: the text reader's reading of
            // the tab-separated file (as a user pastes it) and of the copy.
            let expect = std::path::PathBuf::from(
                pasted.to_string_lossy().replace(".pasted.txt", ".expect"),
            );
            if let Ok(e) = std::fs::read_to_string(&expect) {
                let found = e
                    .lines()
                    .filter(|l| !l.starts_with('#') && l.split('\t').nth(3) == Some("error"))
                    .count();
                let (pf, tf) = (findings(&p), findings(&t));
                if pf.max(tf) > found {
                    worse.push(format!(
                        "{}: {pf} findings, its tab-separated file read as text {tf}, its .expect {found}",
                        pasted.display()
                    ));
                }
            }
        }
    }
    assert!(pairs >= 200, "{pairs} pairs");
    assert!(worse.is_empty(), "{worse:#?}");
}
