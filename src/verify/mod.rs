//! Reading tables back from documents and judging their totals, shares and
//! changes: exact, rounding or error. Small passes: [`scan`] finds tables,
//! [`relations`] finds what they state, [`judge`] decides; [`expr`] reads
//! relations written out in a checks file.

pub mod claims;
pub mod expr;
pub mod judge;
pub mod relations;
pub mod scan;

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
    pub error: usize,
    pub skipped: usize,
}

impl Summary {
    pub fn add(&mut self, v: Verdict) {
        match v {
            Verdict::Exact => self.exact += 1,
            Verdict::Rounding => self.rounding += 1,
            Verdict::Error => self.error += 1,
            Verdict::Skipped => self.skipped += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.exact + self.rounding + self.error + self.skipped
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

fn judge_table(file: &str, t: &scan::RawTable, options: &relations::Options) -> TableReport {
    let name = table_name(t);
    let checks = relations::find(t, options)
        .into_iter()
        .map(|f| {
            let (verdict, detail) = match &f.what {
                Ok(r) if options.describe_exact && options.describe_rounding => r.judge(),
                Ok(r) => match r.judge_with(false) {
                    (Verdict::Exact, none) if !options.describe_exact => (Verdict::Exact, none),
                    (Verdict::Rounding, none) if !options.describe_rounding => {
                        (Verdict::Rounding, none)
                    }
                    _ => r.judge(),
                },
                Err(why) => (Verdict::Skipped, why.clone()),
            };
            Check {
                file: file.to_string(),
                line: f.line,
                table: name.clone(),
                relation: f.name,
                verdict,
                detail,
                stated: false,
            }
        })
        .collect();
    TableReport {
        file: file.to_string(),
        line: t.line,
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
                let (verdict, detail) = r.judge();
                checks.push(Check {
                    file: c.file.clone(),
                    line: c.line,
                    table: c.text.clone().unwrap_or_else(|| "checks".to_string()),
                    relation: c.relation.clone(),
                    verdict,
                    detail,
                    stated: true,
                });
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
