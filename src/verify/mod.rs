//! Reading tables back from documents and judging their totals, shares and
//! changes: exact, rounding or error. The pipeline, one stage a module, none
//! knowing the document's format:
//!
//! 1. read ([`crate::read`]): bytes to the one [`Document`] model;
//! 2. [`structure`]: what each table's rows, columns and cells mean;
//! 3. [`relations`]: the totals, shares and changes a table states
//!    (later: claims in running text);
//! 4. [`judge`]: a verdict with its evidence, as numbers;
//! 5. [`explain`]: the evidence in words, in the document's number style.
//!
//! [`expr`] reads relations written out in a checks file.

pub mod explain;
pub mod expr;
pub mod judge;
pub mod relations;
pub mod structure;

use serde::ser::SerializeMap;

use crate::document::{Document, Loc};
use crate::error::{InputError, InputErrors};
use crate::input::checks::CheckSpec;
use crate::numfmt::NumberStyle;
use crate::read::{Reader, Source};
pub use judge::Verdict;
use judge::{Evidence, Judgment, Relation};
pub use relations::Options;

/// The verdict on one relation, with its evidence and its words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    pub file: String,
    /// The row the relation is about, or the checks file's line.
    pub loc: Loc,
    pub table: String,
    pub relation: String,
    pub verdict: Verdict,
    /// The judgment in words (empty when only the verdict was wanted).
    pub detail: String,
    /// The relation judged, when the table's cells gave one.
    pub judged: Option<Relation>,
    pub evidence: Evidence,
    /// How the figures are written (and worded).
    pub style: NumberStyle,
    /// Stated in a checks file (named by its text there), not found in a table.
    pub stated: bool,
}

impl Check {
    /// The line of the check, for formats that have lines (0 otherwise).
    pub fn line(&self) -> usize {
        self.loc.line_number().unwrap_or(0)
    }
}

impl serde::Serialize for Check {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(8))?;
        m.serialize_entry("file", &self.file)?;
        m.serialize_entry("line", &self.loc.line_number())?;
        m.serialize_entry("table", &self.table)?;
        m.serialize_entry("relation", &self.relation)?;
        m.serialize_entry("verdict", &self.verdict)?;
        m.serialize_entry("detail", &self.detail)?;
        m.serialize_entry("loc", &self.loc.to_string())?;
        m.serialize_entry(
            "evidence",
            &explain::EvidenceJson {
                relation: self.judged.as_ref(),
                evidence: &self.evidence,
                style: self.style,
            },
        )?;
        m.end()
    }
}

/// One table and the verdicts on its relations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableReport {
    pub file: String,
    pub loc: Loc,
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

/// Reads a document (in the format [`crate::read::detect`] chooses, or
/// `forced`) and judges it: see [`verify`]. Unreadable input is an error.
pub fn verify_source(
    source: &Source,
    forced: Option<&'static Reader>,
    options: &Options,
    sink: impl FnMut(TableReport),
) -> Result<(), InputError> {
    let document = crate::read::read(source, forced)?;
    verify(&document, options, sink);
    Ok(())
}

/// Judges every table of a document, calling `sink` table by table. Numbers
/// are read in the table's own style (a CSV dialect), else the document's.
pub fn verify(document: &Document, options: &Options, mut sink: impl FnMut(TableReport)) {
    for table in document.tables() {
        let style = table.style.unwrap_or(document.style);
        if let Some((loc, why)) = structure::refusal(table) {
            // Too wide or too large to understand: said, never judged in part.
            let judgment = Judgment::skipped(judge::Unjudged::NotUnderstood(why));
            let name = structure::name_of(table);
            let detail = explain::words(None, &judgment, style);
            sink(TableReport {
                file: document.name.clone(),
                loc: table.loc.clone(),
                name: name.clone(),
                checks: vec![Check {
                    file: document.name.clone(),
                    loc,
                    table: name,
                    relation: "table".to_string(),
                    verdict: judgment.verdict,
                    detail,
                    judged: None,
                    evidence: judgment.evidence,
                    style,
                    stated: false,
                }],
            });
            continue;
        }
        let structure = structure::understand(table, style);
        let checks = relations::find(&structure, options)
            .into_iter()
            .map(|found| {
                let judgment = judge_found(&found.what, options);
                let judged = found.what.ok();
                let detail = explain_if_wanted(judged.as_ref(), &judgment, style, options);
                Check {
                    file: document.name.clone(),
                    loc: found.loc,
                    table: structure.name.clone(),
                    relation: found.name,
                    verdict: judgment.verdict,
                    detail,
                    judged,
                    evidence: judgment.evidence,
                    style,
                    stated: false,
                }
            })
            .collect();
        sink(TableReport {
            file: document.name.clone(),
            loc: structure.loc,
            name: structure.name,
            checks,
        });
    }
}

/// Whether the words (and the evidence they need) are wanted for a verdict:
/// `--quiet` shows only failures, and words cost more than judging.
fn wanted(verdict: Verdict, options: &Options) -> bool {
    match verdict {
        Verdict::Exact => options.describe_exact,
        Verdict::Rounding => options.describe_rounding,
        Verdict::Error | Verdict::Skipped => true,
    }
}

/// The judge stage: a relation's verdict, with evidence when its words are wanted.
fn judge_found(what: &Result<Relation, judge::Unjudged>, options: &Options) -> Judgment {
    match what {
        Err(why) => Judgment::skipped(why.clone()),
        Ok(r) if options.describe_exact && options.describe_rounding => judge::judge(r, true),
        Ok(r) => {
            let quick = judge::judge(r, false);
            if wanted(quick.verdict, options) {
                judge::judge(r, true)
            } else {
                quick
            }
        }
    }
}

/// The explain stage: the judgment in words, when they are wanted.
fn explain_if_wanted(
    relation: Option<&Relation>,
    judgment: &Judgment,
    style: NumberStyle,
    options: &Options,
) -> String {
    if wanted(judgment.verdict, options) {
        explain::words(relation, judgment, style)
    } else {
        String::new()
    }
}

/// Judges the relations of a checks file (written in Danish numbers); one
/// that cannot be read is bad input, reported with its file and line.
pub fn verify_checks(specs: &[CheckSpec]) -> Result<Vec<Check>, InputErrors> {
    let mut checks = Vec::new();
    let mut errors = Vec::new();
    for c in specs {
        match expr::parse(&c.relation) {
            Ok(r) => {
                let judgment = judge::judge(&r, true);
                let detail = explain::words(Some(&r), &judgment, NumberStyle::DANISH);
                checks.push(Check {
                    file: c.file.clone(),
                    loc: Loc::line(c.line),
                    table: c.text.clone().unwrap_or_else(|| "checks".to_string()),
                    relation: c.relation.clone(),
                    verdict: judgment.verdict,
                    detail,
                    judged: Some(r),
                    evidence: judgment.evidence,
                    style: NumberStyle::DANISH,
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
