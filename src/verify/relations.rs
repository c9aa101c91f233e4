//! The relations a table states by itself: I alt rows against the rows they
//! cover, shares against row / total, changes against new − old, percentage
//! changes against change / old.
//!
//! Indexing: row indices come from enumerating `rows`, column indices from
//! `0..width` (every row's `vals`, `headers` and `kinds` have `width` entries),
//! and `figures` returns one figure per index asked for, so `[0]` after a
//! one-index call exists.

use super::judge::{Relation, Term};
use super::scan::RawTable;
use crate::numfmt::{parse_number, NumberStyle, PrintedNumber};

/// A cell's content.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Val {
    Num(PrintedNumber),
    /// `-`: no figure.
    Dash,
    Empty,
    /// Something that is not a number (`n.a.`).
    Text(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ColKind {
    Amount,
    Share,
    Change,
    PercentChange,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RowKind {
    Section,
    Item,
    Total,
    /// `Heraf ...`: a part of the row above, not added into totals.
    Heraf,
}

struct Row {
    line: usize,
    label: String,
    kind: RowKind,
    vals: Vec<Val>,
}

/// One relation found in a table, or why it cannot be judged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Line of the row the relation is about (the total, the share, the change).
    pub line: usize,
    /// What is related (`I alt konto 6 [2027]: sum of 2 rows`).
    pub name: String,
    pub what: Result<Relation, String>,
}

fn val(cell: Option<&String>, style: NumberStyle) -> Val {
    match cell.map(|s| s.trim()) {
        None | Some("") => Val::Empty,
        Some("-") | Some("\u{2013}") | Some("\u{2212}") => Val::Dash,
        Some(t) => match parse_number(t, style) {
            Ok(p) => Val::Num(p),
            Err(_) => Val::Text(t.to_string()),
        },
    }
}

/// `word` (ASCII, lower case) in `haystack` as a whole word, ignoring ASCII case.
fn contains_word(haystack: &str, word: &str) -> bool {
    let (h, w) = (haystack.as_bytes(), word.as_bytes());
    if w.is_empty() || h.len() < w.len() {
        return false;
    }
    (0..=h.len() - w.len()).any(|i| {
        h[i..i + w.len()].eq_ignore_ascii_case(w)
            && !haystack[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            && !haystack
                .get(i + w.len()..)
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_alphanumeric)
    })
}

fn row_kind(label: &str, vals: &[Val]) -> RowKind {
    if vals.iter().all(|v| *v == Val::Empty) {
        return RowKind::Section;
    }
    let l = label.trim_start_matches(['-', '–', ' ', '•']);
    if l.len() >= 5 && l.as_bytes()[..5].eq_ignore_ascii_case(b"heraf") {
        RowKind::Heraf
    } else if contains_word(l, "i alt") || contains_word(l, "total") {
        RowKind::Total
    } else {
        RowKind::Item
    }
}

fn col_kind(header: &str, vals: &[&Val]) -> ColKind {
    let h = header.to_lowercase();
    let change = [
        "ændring",
        "aendring",
        "change",
        "udvikling",
        "difference",
        "forskel",
    ]
    .iter()
    .any(|w| h.contains(w));
    let pct_word =
        h.contains("pct") || h.contains('%') || h.contains("procent") || h.contains("percent");
    let nums: Vec<&PrintedNumber> = vals
        .iter()
        .filter_map(|v| match v {
            Val::Num(p) => Some(p),
            _ => None,
        })
        .collect();
    let all_percent = !nums.is_empty() && nums.iter().all(|p| p.percent);
    match (change, pct_word || all_percent) {
        (true, true) => ColKind::PercentChange,
        (true, false) => ColKind::Change,
        (false, true) => ColKind::Share,
        (false, false) if h.contains("andel") || h.contains("share") => ColKind::Share,
        _ => ColKind::Amount,
    }
}

/// How a table's figures are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    pub style: NumberStyle,
    /// Shares were allocated by largest remainder (`report --shares largest-remainder`).
    pub allocated_shares: bool,
    /// Write the detail of exact relations (off for `--quiet`, which shows
    /// only failures: the words cost more than the judging).
    pub describe_exact: bool,
    /// Write the detail of relations that hold within rounding.
    pub describe_rounding: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            style: NumberStyle::DANISH,
            allocated_shares: false,
            describe_exact: true,
            describe_rounding: true,
        }
    }
}

/// Every relation of a table, in row order.
pub fn find(table: &RawTable, options: &Options) -> Vec<Found> {
    if let Some(why) = &table.refused {
        // Too wide or too large to understand: said, never judged in part.
        return vec![Found {
            line: table.line,
            name: "table".to_string(),
            what: Err(why.clone()),
        }];
    }
    let style = options.style;
    let Some((header, body)) = table.rows.split_first() else {
        return Vec::new();
    };
    let width = table
        .rows
        .iter()
        .map(|r| r.cells.len().saturating_sub(1))
        .max()
        .unwrap_or(0);
    let rows: Vec<Row> = body
        .iter()
        .map(|r| {
            let vals: Vec<Val> = (1..=width).map(|c| val(r.cells.get(c), style)).collect();
            let label = r.cells.first().cloned().unwrap_or_default();
            Row {
                line: r.line,
                kind: row_kind(&label, &vals),
                label,
                vals,
            }
        })
        .collect();
    let headers: Vec<String> = (1..=width)
        .map(|c| {
            header
                .cells
                .get(c)
                .cloned()
                .filter(|h| !h.is_empty())
                .unwrap_or_else(|| format!("column {}", c + 1))
        })
        .collect();
    let kinds: Vec<ColKind> = (0..width)
        .map(|c| {
            let col: Vec<&Val> = rows.iter().filter_map(|r| r.vals.get(c)).collect();
            col_kind(&headers[c], &col)
        })
        .collect();

    let mut out = Vec::new();
    for (total, parts) in coverage(&rows) {
        sums(&rows, total, &parts, &headers, &kinds, &mut out);
        shares(&rows, total, &parts, &headers, &kinds, options, &mut out);
    }
    changes(&rows, &headers, &kinds, &mut out);
    out.sort_by_key(|f| f.line);
    out
}

/// Which rows each total covers: the item rows of its block when it is last;
/// the item rows after it when it is first; the subtotals above when it is a
/// grand total with no rows of its own.
fn coverage(rows: &[Row]) -> Vec<(usize, Vec<usize>)> {
    let mut out = Vec::new();
    let mut block: Vec<usize> = Vec::new();
    let mut subtotals: Vec<usize> = Vec::new();
    let mut first: Option<(usize, Vec<usize>)> = None;
    let next_kind = |i: usize| {
        rows[i + 1..]
            .iter()
            .map(|r| r.kind)
            .find(|k| *k != RowKind::Heraf)
    };
    for (i, r) in rows.iter().enumerate() {
        match r.kind {
            RowKind::Heraf => {}
            RowKind::Section => {
                if let Some((t, parts)) = first.take() {
                    subtotals.push(t);
                    out.push((t, parts));
                }
                block.clear();
            }
            RowKind::Item => match &mut first {
                Some((_, parts)) => parts.push(i),
                None => block.push(i),
            },
            RowKind::Total => {
                if let Some((t, parts)) = first.take() {
                    subtotals.push(t);
                    out.push((t, parts));
                }
                if !block.is_empty() {
                    out.push((i, std::mem::take(&mut block)));
                    subtotals.push(i);
                } else if next_kind(i) == Some(RowKind::Item) {
                    first = Some((i, Vec::new()));
                } else if subtotals.len() >= 2 {
                    out.push((i, std::mem::take(&mut subtotals)));
                }
            }
        }
    }
    if let Some((t, parts)) = first.take() {
        if !parts.is_empty() {
            out.push((t, parts));
        }
    }
    out.retain(|(_, parts)| !parts.is_empty());
    out
}

/// Why a set of cells cannot be judged, or their figures.
fn figures(rows: &[Row], idx: &[usize], c: usize) -> Result<Vec<PrintedNumber>, String> {
    let mut nums = Vec::with_capacity(idx.len());
    for &i in idx {
        match rows[i].vals.get(c) {
            Some(Val::Num(p)) => nums.push(*p),
            Some(Val::Text(t)) => {
                return Err(format!("{:?} has {t:?}, not a figure", rows[i].label))
            }
            _ => return Err(format!("{:?} has no figure (-)", rows[i].label)),
        }
    }
    Ok(nums)
}

fn sums(
    rows: &[Row],
    total: usize,
    parts: &[usize],
    headers: &[String],
    kinds: &[ColKind],
    out: &mut Vec<Found>,
) {
    let t = &rows[total];
    for (c, kind) in kinds.iter().enumerate() {
        if *kind == ColKind::PercentChange {
            continue;
        }
        let cells: Vec<&Val> = std::iter::once(total)
            .chain(parts.iter().copied())
            .filter_map(|i| rows[i].vals.get(c))
            .collect();
        if cells.iter().all(|v| matches!(v, Val::Empty)) {
            continue;
        }
        let name = format!(
            "{} [{}]: sum of {} row{}",
            t.label,
            headers[c],
            parts.len(),
            if parts.len() == 1 { "" } else { "s" }
        );
        let what = if cells.iter().all(|v| matches!(v, Val::Dash | Val::Empty)) {
            Err("no figures to add (-)".to_string())
        } else {
            figures(rows, &[total], c).and_then(|tot| {
                figures(rows, parts, c).map(|ps| {
                    let terms = ps
                        .into_iter()
                        .map(|figure| Term {
                            negative: false,
                            figure,
                        })
                        .collect();
                    if *kind == ColKind::Share {
                        Relation::ShareSum {
                            terms,
                            total: tot[0],
                        }
                    } else {
                        Relation::Sum {
                            terms,
                            total: tot[0],
                        }
                    }
                })
            })
        };
        out.push(Found {
            line: t.line,
            name,
            what,
        });
    }
}

/// The nearest amount column left of `c`.
fn amount_before(kinds: &[ColKind], c: usize) -> Option<usize> {
    (0..c).rev().find(|&a| kinds[a] == ColKind::Amount)
}

fn shares(
    rows: &[Row],
    total: usize,
    parts: &[usize],
    headers: &[String],
    kinds: &[ColKind],
    options: &Options,
    out: &mut Vec<Found>,
) {
    for (s, kind) in kinds.iter().enumerate() {
        if *kind != ColKind::Share {
            continue;
        }
        let Some(a) = amount_before(kinds, s) else {
            continue;
        };
        for &r in parts.iter().chain(std::iter::once(&total)) {
            let row = &rows[r];
            if !matches!(row.vals.get(s), Some(Val::Num(_))) {
                continue;
            }
            let name = format!(
                "{} [{}]: share of {:?}",
                row.label, headers[s], rows[total].label
            );
            let what = figures(rows, &[r], a).and_then(|p| {
                let whole = figures(rows, &[total], a)?;
                let share = figures(rows, &[r], s)?;
                Ok(Relation::Share {
                    part: p[0],
                    whole: whole[0],
                    share: share[0],
                    allocated: options.allocated_shares,
                })
            });
            out.push(Found {
                line: row.line,
                name,
                what,
            });
        }
    }
}

fn changes(rows: &[Row], headers: &[String], kinds: &[ColKind], out: &mut Vec<Found>) {
    for (c, kind) in kinds.iter().enumerate() {
        if !matches!(kind, ColKind::Change | ColKind::PercentChange) {
            continue;
        }
        let Some(new) = amount_before(kinds, c) else {
            continue;
        };
        let Some(old) = amount_before(kinds, new) else {
            continue;
        };
        for (i, row) in rows.iter().enumerate() {
            if row.kind == RowKind::Section || !matches!(row.vals.get(c), Some(Val::Num(_))) {
                continue;
            }
            let (verb, formula) = if *kind == ColKind::Change {
                ("change", format!("{} - {}", headers[new], headers[old]))
            } else {
                (
                    "percentage change",
                    format!("({} - {}) / {}", headers[new], headers[old], headers[old]),
                )
            };
            let name = format!("{} [{}]: {verb} {formula}", row.label, headers[c]);
            let what = (|| {
                let n = figures(rows, &[i], new)?[0];
                let o = figures(rows, &[i], old)?[0];
                let v = figures(rows, &[i], c)?[0];
                Ok(if *kind == ColKind::Change {
                    Relation::Sum {
                        terms: vec![
                            Term {
                                negative: false,
                                figure: n,
                            },
                            Term {
                                negative: true,
                                figure: o,
                            },
                        ],
                        total: v,
                    }
                } else {
                    Relation::PercentChange {
                        new: n,
                        old: o,
                        pct: v,
                    }
                })
            })();
            out.push(Found {
                line: row.line,
                name,
                what,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::scan::scan_text;

    fn found(doc: &str) -> Vec<Found> {
        let mut out = Vec::new();
        scan_text(doc, |t| out.extend(find(&t, &Options::default())));
        out
    }

    fn names(f: &[Found]) -> Vec<String> {
        f.iter().map(|f| f.name.clone()).collect()
    }

    #[test]
    fn totals_last_first_and_grand() {
        let doc = "x\t2025\nA\t1\nB\t2\nI alt\t3\n";
        assert_eq!(names(&found(doc)), vec!["I alt [2025]: sum of 2 rows"]);
        let doc = "x\t2025\nI alt\t3\nA\t1\nB\t2\n";
        assert_eq!(names(&found(doc)), vec!["I alt [2025]: sum of 2 rows"]);
        let doc =
            "x\t2025\nNord\t\nA\t1\nI alt Nord\t1\nSyd\t\nB\t2\nC\t3\nI alt Syd\t5\nI alt\t6\n";
        let f = found(doc);
        assert_eq!(
            names(&f),
            vec![
                "I alt Nord [2025]: sum of 1 row",
                "I alt Syd [2025]: sum of 2 rows",
                "I alt [2025]: sum of 2 rows"
            ]
        );
        assert_eq!(f[2].line, 9);
    }

    #[test]
    fn heraf_rows_are_not_added() {
        let doc = "x\t2025\nA\t10\nHeraf løn\t4\nB\t2\nI alt\t12\n";
        let f = found(doc);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].what.as_ref().unwrap().judge().0,
            super::super::judge::Verdict::Exact
        );
    }

    #[test]
    fn shares_changes_and_dashes() {
        let doc = "Mio. kr.\tRealiserede besparelser 2026\tAndel\nKonto 6 (service)\t\t\nA\t-3,5\t57,4%\nB\t-2,6\t42,6%\nI alt konto 6\t-6,1\t100,0%\n";
        assert_eq!(
            names(&found(doc)),
            vec![
                "A [Andel]: share of \"I alt konto 6\"",
                "B [Andel]: share of \"I alt konto 6\"",
                "I alt konto 6 [Realiserede besparelser 2026]: sum of 2 rows",
                "I alt konto 6 [Andel]: sum of 2 rows",
                "I alt konto 6 [Andel]: share of \"I alt konto 6\"",
            ]
        );
        let doc = "Sager\tnov-23\tnov-24\tÆndring\tÆndring i pct.\nA\t100\t110\t10\t10,0%\n";
        assert_eq!(
            names(&found(doc)),
            vec![
                "A [Ændring]: change nov-24 - nov-23",
                "A [Ændring i pct.]: percentage change (nov-24 - nov-23) / nov-23"
            ]
        );
        let doc = "x\t2025\tAnlæg\nA\t1\t-\nI alt\t1\t-\n";
        let f = found(doc);
        assert_eq!(f[1].name, "I alt [Anlæg]: sum of 1 row");
        assert_eq!(f[1].what, Err("no figures to add (-)".to_string()));
    }
}
