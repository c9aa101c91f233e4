//! The relations a table states by itself: I alt rows against the rows they
//! cover, shares against row / total, changes against new − old, percentage
//! changes against change / old. Works on an understood table
//! ([`Structure`]), never on a format.
//!
//! Indexing: row indices come from enumerating `rows`, column indices from
//! `0..width` (every row's `vals`, `headers` and `kinds` have `width` entries),
//! and `figures` returns one figure per index asked for, so `[0]` after a
//! one-index call exists.

use super::judge::{Relation, Term, Unjudged};
use super::structure::{ColKind, Row, RowKind, Structure, Val};
use crate::document::Loc;
use crate::numfmt::PrintedNumber;
use crate::totals::{covers, Role};

/// One relation found in a table, or why it cannot be judged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The row the relation is about (the total, the share, the change):
    /// its place, and its index among the table's body rows.
    pub loc: Loc,
    pub row: usize,
    /// What is related (`I alt konto 6 [2027]: sum of 2 rows`).
    pub name: String,
    pub what: Result<Relation, Unjudged>,
}

/// How a table's figures are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Shares were allocated by largest remainder (`report --shares largest-remainder`).
    pub allocated_shares: bool,
    /// Write the detail of exact relations (off for `--quiet`, which shows
    /// only failures: the words cost more than the judging).
    pub describe_exact: bool,
    /// Write the detail of relations that hold within rounding.
    pub describe_rounding: bool,
    /// Fill in each check's figures and expected interval (for JSON).
    pub structured: bool,
    /// Whole counts (`sager`, `personer`, `borgere`, `stk.`) are exact.
    pub counts_exact: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            allocated_shares: false,
            describe_exact: true,
            describe_rounding: true,
            structured: true,
            counts_exact: true,
        }
    }
}

/// Every relation of a table, in row order.
pub fn find(table: &Structure, options: &Options) -> Vec<Found> {
    let (rows, headers, kinds) = (&table.rows, &table.headers, &table.kinds);
    let mut out = Vec::new();
    for (total, parts) in coverage(rows) {
        sums(rows, total, &parts, headers, kinds, &mut out);
        shares(rows, total, &parts, headers, kinds, options, &mut out);
    }
    changes(rows, headers, kinds, &mut out);
    out.sort_by_key(|f| f.row);
    out
}

/// Which rows each total covers: the one rule of [`crate::totals`].
fn coverage(rows: &[Row]) -> Vec<(usize, Vec<usize>)> {
    let roles: Vec<Role> = rows
        .iter()
        .map(|r| match r.kind {
            RowKind::Section => Role::Section,
            RowKind::Item => Role::Item,
            RowKind::Total => Role::Total,
            RowKind::Heraf => Role::Part,
        })
        .collect();
    covers(&roles)
        .into_iter()
        .map(|c| (c.total, c.rows))
        .collect()
}

/// Why a set of cells cannot be judged, or their figures.
fn figures(rows: &[Row], idx: &[usize], c: usize) -> Result<Vec<PrintedNumber>, Unjudged> {
    let mut nums = Vec::with_capacity(idx.len());
    for &i in idx {
        match rows[i].vals.get(c) {
            Some(Val::Num(p)) => nums.push(*p),
            Some(Val::Text(t)) => {
                return Err(Unjudged::NotAFigure {
                    label: rows[i].label.clone(),
                    text: t.clone(),
                })
            }
            _ => {
                return Err(Unjudged::NoFigure {
                    label: rows[i].label.clone(),
                })
            }
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
            Err(Unjudged::NoFigures)
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
            loc: t.loc.clone(),
            row: total,
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
                loc: row.loc.clone(),
                row: r,
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
                loc: row.loc.clone(),
                row: i,
                name,
                what,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numfmt::NumberStyle;
    use crate::read::{text, Source};
    use crate::verify::{explain, judge, structure};

    fn found(doc: &str) -> Vec<Found> {
        let source = Source {
            name: "t",
            bytes: doc.as_bytes(),
            style: NumberStyle::DANISH,
        };
        let doc = text::read(&source).unwrap();
        doc.tables()
            .flat_map(|t| {
                find(
                    &structure::understand(t, NumberStyle::DANISH),
                    &Options::default(),
                )
            })
            .collect()
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
        assert_eq!(f[2].loc.line_number(), Some(9));
    }

    #[test]
    fn heraf_rows_are_not_added() {
        let doc = "x\t2025\nA\t10\nHeraf løn\t4\nB\t2\nI alt\t12\n";
        let f = found(doc);
        assert_eq!(f.len(), 1);
        assert_eq!(
            judge::judge(f[0].what.as_ref().unwrap(), true).verdict,
            judge::Verdict::Exact
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
        assert_eq!(f[1].what, Err(Unjudged::NoFigures));
        assert_eq!(
            explain::unjudged(&Unjudged::NoFigures, None, NumberStyle::DANISH),
            "no figures to add (-)"
        );
    }
}
