//! Reading tables back from documents and judging their totals, shares and
//! changes: exact, rounding or error. Small passes: [`scan`] finds tables,
//! [`relations`] finds what they state, [`judge`] decides; [`expr`] reads
//! relations written out in a checks file.

pub mod attribute;
pub mod engine;
pub mod establish;
pub mod expr;
pub mod figure;
pub mod judge;
pub mod relations;
pub mod scan;
pub mod structure;

use crate::error::{InputError, InputErrors};
use crate::input::checks::CheckSpec;
use crate::numfmt::NumberStyle;
pub use judge::Verdict;
pub use relations::Options;

/// How a document is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    /// Running text with tab-separated, Markdown or text-grid tables.
    Text,
    /// CSV; `;` means Danish numbers (decimal comma), `,` plain ones.
    Csv { delimiter: u8 },
}

/// The verdict on one relation.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Check {
    pub file: String,
    pub line: usize,
    pub table: String,
    pub relation: String,
    pub verdict: Verdict,
    pub detail: String,
    /// Stated in a checks file (named by its text there), not found in a table.
    #[serde(skip)]
    pub stated: bool,
    /// What kind of relation: sum, cross, share, change, pctchange,
    /// difference, formula, ratio.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<establish::Kind>,
    /// The figures related, the result last: printed text, value, interval.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<FigureOut>,
    /// The interval the other figures allow for the result (sums and
    /// changes: the true sum's range).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<[String; 2]>,
    /// The finding this failure is a consequence of (its relation's name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consequence_of: Option<String>,
    /// The figure found wrong and what it should read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correction: Option<Correction>,
    /// The checked cell's row label and column header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
}

/// A figure of a check, for machines.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FigureOut {
    /// Where it stands (`12:3`, `Ark1!B7`).
    pub at: String,
    pub text: String,
    pub value: String,
    /// The true value's interval, `[lo, hi]` (equal for an exact count).
    pub interval: [String; 2],
}

/// The figure a finding names and its correct value.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Correction {
    pub at: String,
    pub printed: String,
    pub should_read: String,
}

impl Check {
    /// A check with no structured parts (a checks-file relation).
    pub fn plain(
        file: &str,
        line: usize,
        table: String,
        relation: String,
        (verdict, detail): (Verdict, String),
        stated: bool,
    ) -> Check {
        Check {
            file: file.to_string(),
            line,
            table,
            relation,
            verdict,
            detail,
            stated,
            kind: None,
            figures: Vec::new(),
            expected: None,
            consequence_of: None,
            correction: None,
            row: None,
            column: None,
        }
    }

    /// Why it was skipped, in a few words (the summary counts by it).
    pub fn skip_reason(&self) -> &'static str {
        let d = &self.detail;
        if d.contains("not understood") {
            "not understood"
        } else if d.contains("no figures to add") || d.contains("no figure") {
            "no figure (-)"
        } else if d.contains("not a figure") {
            "text where a figure should be"
        } else if d.contains("too many digits") || d.contains("cannot be converted") {
            "too many digits"
        } else if d.contains("divides by 0") {
            "divides by 0"
        } else {
            "nothing to relate"
        }
    }
}

/// One table and the verdicts on its relations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableReport {
    pub file: String,
    pub line: usize,
    pub name: String,
    pub checks: Vec<Check>,
}

/// Counts of verdicts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub exact: usize,
    pub rounding: usize,
    /// Findings: errors that are not the consequence of another.
    pub error: usize,
    pub skipped: usize,
    /// Failing relations that fail only through a finding.
    #[serde(skip_serializing_if = "is_zero")]
    pub consequences: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Summary {
    /// Counts a check: a consequence is not a finding of its own.
    pub fn add_check(&mut self, c: &Check) {
        if c.verdict == Verdict::Error && c.consequence_of.is_some() {
            self.consequences += 1;
        } else {
            self.add(c.verdict);
        }
    }

    pub fn add(&mut self, v: Verdict) {
        match v {
            Verdict::Exact => self.exact += 1,
            Verdict::Rounding => self.rounding += 1,
            Verdict::Error => self.error += 1,
            Verdict::Skipped => self.skipped += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.exact + self.rounding + self.error + self.skipped + self.consequences
    }
}

/// Words that only name a unit, not a table.
fn is_unit_label(s: &str) -> bool {
    let l = s.to_lowercase();
    let l = l.trim();
    l.is_empty()
        || [
            "mio. kr.",
            "kr.",
            "t. kr.",
            "1.000 kr.",
            "dkk",
            "dkk million",
            "dkk 1,000",
            "mio.kr.",
        ]
        .contains(&l)
}

fn table_name(t: &scan::RawTable) -> String {
    if let Some(title) = &t.title {
        return title.clone();
    }
    let stub = t
        .rows
        .first()
        .and_then(|r| r.cells.first())
        .map(String::as_str)
        .unwrap_or("");
    if !is_unit_label(stub) {
        return stub.to_string();
    }
    // The first section row (`Konto 6 (service)`) with the column labels,
    // else where it is.
    let columns: Vec<&str> = t
        .rows
        .first()
        .map(|r| r.cells.iter().skip(1).map(String::as_str).collect())
        .unwrap_or_default();
    t.rows
        .iter()
        .skip(1)
        .find(|r| r.cells.len() > 1 && r.cells.iter().skip(1).all(String::is_empty))
        .and_then(|r| r.cells.first().cloned())
        .filter(|s| !s.is_empty())
        .map(|section| format!("{section}: {}", columns.join(" | ")))
        .unwrap_or_else(|| format!("table at line {}", t.line))
}

/// The scanner's table as the shared document model's.
fn to_document_table(t: &scan::RawTable) -> crate::document::Table {
    use crate::document::{Cell, Loc, Row, Table};
    Table {
        loc: Loc::line(t.line),
        title: t.title.clone(),
        style: None,
        rows: t
            .rows
            .iter()
            .map(|r| Row {
                loc: Loc::line(r.line),
                cells: r
                    .cells
                    .iter()
                    .map(|c| Cell::new(c.clone(), Loc::line(r.line)))
                    .collect(),
            })
            .collect(),
    }
}

fn show_figure(f: &figure::Figure) -> String {
    let mut s = crate::numfmt::format_number(f.value, f.decimals, NumberStyle::DANISH);
    if f.percent() {
        s.push('%');
    }
    s
}

fn judge_table(file: &str, t: &scan::RawTable, options: &relations::Options) -> TableReport {
    verify_table(file, table_name(t), &to_document_table(t), options)
}

/// Judges one table of the document model: its structure read, its
/// relations established, every one judged and failures attributed.
pub fn verify_table(
    file: &str,
    name: String,
    table: &crate::document::Table,
    options: &relations::Options,
) -> TableReport {
    let t_line = table.loc.line_number().unwrap_or(0);
    let (grid, found) = engine::relations(table, options.style, options.counts_exact);
    let judged = attribute::judge_all(
        &grid,
        found,
        (options.describe_exact, options.describe_rounding),
        options.allocated_shares,
    );
    let da = |d: crate::money::Decimal| d.normalize().to_string();
    let checks = judged
        .into_iter()
        .map(|j| {
            let line = grid.rows.get(j.at.0).map_or(t_line, |r| r.line);
            let place = |at: establish::At| {
                grid.rows
                    .get(at.0)
                    .and_then(|r| r.locs.get(at.1))
                    .map_or_else(String::new, |l| l.to_string())
            };
            let figures: Vec<FigureOut> = j
                .expr
                .as_ref()
                .filter(|_| options.structured)
                .map(|e| e.cells())
                .unwrap_or_default()
                .into_iter()
                .filter_map(|at| {
                    let row = grid.rows.get(at.0)?;
                    let figure::Cell::Fig(f) = row.cells.get(at.1)? else {
                        return None;
                    };
                    let i = attribute::interval_of(f)?;
                    Some(FigureOut {
                        at: place(at),
                        text: row.texts.get(at.1).cloned().unwrap_or_default(),
                        value: da(f.value),
                        interval: [da(i.lo), da(i.hi)],
                    })
                })
                .collect();
            let expected = j
                .relation
                .as_ref()
                .filter(|_| options.structured)
                .and_then(judge::expected_interval);
            let correction = j.blamed.map(|(at, f)| Correction {
                at: place(at),
                printed: grid
                    .rows
                    .get(at.0)
                    .and_then(|r| r.texts.get(at.1))
                    .cloned()
                    .unwrap_or_default(),
                should_read: show_figure(&f),
            });
            Check {
                file: file.to_string(),
                line,
                table: name.clone(),
                relation: j.name,
                verdict: j.verdict,
                detail: j.detail,
                stated: false,
                kind: Some(j.kind),
                figures,
                expected: expected.map(|i| [da(i.lo), da(i.hi)]),
                consequence_of: j.consequence_of,
                correction,
                row: grid.rows.get(j.at.0).map(|r| r.label.clone()),
                column: grid.cols.get(j.at.1).map(|c| c.header.clone()),
            }
        })
        .collect();
    TableReport {
        file: file.to_string(),
        line: t_line,
        name,
        checks,
    }
}

/// Finds every table of a document and judges it, calling `sink` table by
/// table (so a large document is never held twice). Only unreadable CSV is
/// an error.
/// Numbers in a text document are read in `options.style` (Danish by
/// default); CSV's dialect decides its own.
pub fn verify_document(
    file: &str,
    text: &str,
    kind: DocumentKind,
    options: &relations::Options,
    mut sink: impl FnMut(TableReport),
) -> Result<(), String> {
    match kind {
        DocumentKind::Text => {
            scan::scan_text(text, |t| sink(judge_table(file, &t, options)));
            Ok(())
        }
        DocumentKind::Csv { delimiter } => {
            let options = relations::Options {
                style: if delimiter == b';' {
                    NumberStyle::DANISH
                } else {
                    NumberStyle::PLAIN
                },
                ..*options
            };
            scan::scan_csv(text, delimiter, |t| sink(judge_table(file, &t, &options)))
        }
    }
}

/// Judges the relations of a checks file; one that cannot be read is bad
/// input, reported with its file and line.
pub fn verify_checks(specs: &[CheckSpec]) -> Result<Vec<Check>, InputErrors> {
    let mut checks = Vec::new();
    let mut errors = Vec::new();
    for c in specs {
        match expr::parse(&c.relation) {
            Ok(r) => {
                checks.push(Check::plain(
                    &c.file,
                    c.line,
                    c.text.clone().unwrap_or_else(|| "checks".to_string()),
                    c.relation.clone(),
                    r.judge(),
                    true,
                ));
            }
            Err(why) => errors.push(InputError::new(&c.file, why).at(Some(c.line), None)),
        }
    }
    if errors.is_empty() {
        Ok(checks)
    } else {
        Err(InputErrors(errors))
    }
}
