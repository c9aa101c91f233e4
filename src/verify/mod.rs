//! Reading tables back from documents and judging their totals, shares and
//! changes: exact, rounding or error. The pipeline, one stage a module, none
//! knowing the document's format:
//!
//! 1. read ([`crate::read`]): bytes to the one [`Document`] model;
//! 2. [`figure`], [`grid`]: what each table's cells, rows and columns mean
//!    ([`structure`]: its name, and whether it is too large to understand);
//! 3. [`establish`], [`engine`]: the totals, shares, changes and formula rows
//!    the table's labels and figures establish; [`claims`]: those the
//!    running text states;
//! 4. [`judge`]: a verdict with its evidence, as numbers; [`attribute`]: one
//!    wrong figure, one finding;
//! 5. [`explain`]: the evidence in words, in the document's number style.
//!
//! [`expr`] reads relations written out in a checks file.

pub mod attribute;
pub mod before_rows;
pub mod budget_base;
pub mod cell_equations;
pub mod claims;
pub mod coded_blocks;
pub mod column_formulas;
pub mod column_relations;
pub mod corrected_budget;
pub mod count_labels;
pub mod cues;
pub mod engine;
pub mod establish;
pub mod explain;
pub mod expr;
pub mod figure;
pub mod footnotes;
pub mod grid;
pub mod group_labels;
pub mod grouped_cross;
pub mod header_spans;
pub mod heraf_sections;
pub mod inclusive;
pub mod judge;
pub mod key_figures;
pub mod label_column;
pub mod label_rates;
pub mod marked_totals;
pub mod memo;
pub mod moms_rows;
pub mod named_operands;
pub mod netted_totals;
pub mod non_additive;
pub mod outer_subtotals;
pub mod period_changes;
pub mod period_columns;
pub mod points;
pub mod rate_levels;
pub mod relations;
pub mod result_blocks;
pub mod rounded_rows;
pub mod row_relations;
pub mod share_portions;
pub mod silent_totals;
pub mod stream;
pub mod structure;
pub mod subtotal_chain;
pub mod subtotal_pattern;
pub mod subtracted;
pub mod year_difference;
pub mod year_rows;

use serde::ser::SerializeMap;

use crate::document::{Document, Loc};
use crate::error::{InputError, InputErrors};
use crate::input::checks::CheckSpec;
use crate::numfmt::NumberStyle;
use crate::read::{Reader, Source};
pub use judge::Verdict;
use judge::{Evidence, Relation};
pub use relations::Options;
use std::borrow::Cow;

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
    /// What the table states: sum, cross, share, change, pctchange,
    /// difference, formula, ratio.
    pub kind: Option<establish::Kind>,
    /// The finding (its relation's name) this failure is a consequence of.
    pub consequence_of: Option<String>,
    /// The figure found wrong and what it should read.
    pub correction: Option<Correction>,
    /// The checked cell's row label and column header.
    pub row: Option<String>,
    pub column: Option<String>,
    /// Where the related figures stand, in the order of the evidence's
    /// figures (the result last).
    pub cells: Vec<String>,
}

/// The figure a finding names and its correct value.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Correction {
    /// Where it stands (`12:3`, `Ark1!B7`).
    pub at: String,
    pub printed: String,
    pub should_read: String,
}

impl Check {
    /// A check that could not be judged, with its reason in words.
    pub fn skipped(
        file: &str,
        table: &str,
        loc: Loc,
        relation: String,
        why: String,
        style: NumberStyle,
    ) -> Check {
        let judgment = judge::Judgment::skipped(judge::Unjudged::Reason(why));
        Check {
            file: file.to_string(),
            loc,
            table: table.to_string(),
            relation,
            verdict: judgment.verdict,
            detail: explain::words(None, &judgment, style),
            judged: None,
            evidence: judgment.evidence,
            style,
            stated: false,
            kind: None,
            consequence_of: None,
            correction: None,
            row: None,
            column: None,
            cells: Vec::new(),
        }
    }

    /// The line of the check, for formats that have lines (0 otherwise).
    pub fn line(&self) -> usize {
        self.loc.line_number().unwrap_or(0)
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
        } else if d.contains("zero") {
            "divides by 0"
        } else {
            "nothing to relate"
        }
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
        if let Some(k) = &self.kind {
            m.serialize_entry("relation_kind", k)?;
        }
        if let Some(r) = &self.row {
            m.serialize_entry("row", r)?;
        }
        if let Some(c) = &self.column {
            m.serialize_entry("column", c)?;
        }
        if let Some(c) = &self.consequence_of {
            m.serialize_entry("consequence_of", c)?;
        }
        if let Some(c) = &self.correction {
            m.serialize_entry("correction", c)?;
        }
        if !self.cells.is_empty() {
            m.serialize_entry("cells", &self.cells)?;
        }
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
    /// Under [`Options::lean`], the checks that held and whose words are not
    /// wanted, counted instead of listed in `checks` (all zero otherwise).
    /// A table's verdicts are `checks` and these together.
    pub held: Summary,
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
    pub consequences: usize,
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

    /// Adds another summary's counts (a table's, to the run's).
    pub fn merge(&mut self, o: &Summary) {
        self.exact += o.exact;
        self.rounding += o.rounding;
        self.error += o.error;
        self.skipped += o.skipped;
        self.consequences += o.consequences;
    }

    /// The counts added since `before` (a file's, from the run's before and
    /// after it): what [`Summary::merge`] added.
    pub fn since(&self, before: &Summary) -> Summary {
        Summary {
            exact: self.exact - before.exact,
            rounding: self.rounding - before.rounding,
            error: self.error - before.error,
            skipped: self.skipped - before.skipped,
            consequences: self.consequences - before.consequences,
        }
    }

    pub fn total(&self) -> usize {
        self.exact + self.rounding + self.error + self.skipped + self.consequences
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
        sink(verify_table(&document.name, table, style, options));
    }
}

/// The claims of a document's running text, judged ([`claims`]), and the
/// sentences that state a relation the reader could not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextReport {
    pub file: String,
    pub checks: Vec<Check>,
    pub not_understood: Vec<claims::Unread>,
}

/// Longest quote of a sentence in a check's words.
const QUOTE: usize = 160;

fn quote(sentence: &str) -> String {
    if sentence.chars().count() <= QUOTE {
        format!("\u{ab}{sentence}\u{bb}")
    } else {
        let cut: String = sentence.chars().take(QUOTE).collect();
        format!("\u{ab}{cut}…\u{bb}")
    }
}

/// Reads and judges the claims of a document's running text: each check is
/// placed at its figure (line and column) and quotes its sentence.
pub fn verify_text(document: &Document, options: &Options) -> TextReport {
    text_report(document, claims::read(document), options)
}

/// The checks of the claims read in `document`'s running text.
fn text_report(document: &Document, found: claims::Claims, options: &Options) -> TextReport {
    let checks = found
        .judged
        .into_iter()
        .map(|c| {
            let detail = if attribute::wanted(c.verdict, options) {
                format!("{}; {}", c.detail, quote(&c.sentence))
            } else {
                String::new()
            };
            Check {
                file: document.name.clone(),
                loc: c.loc,
                table: "running text".to_string(),
                relation: format!("{} in the text", c.kind.name()),
                verdict: c.verdict,
                detail,
                judged: Some(c.relation),
                evidence: c.judgment.evidence,
                style: c.style,
                stated: false,
                kind: None,
                consequence_of: None,
                correction: None,
                row: None,
                column: None,
                cells: Vec::new(),
            }
        })
        .collect();
    TextReport {
        file: document.name.clone(),
        checks,
        not_understood: found.not_understood,
    }
}

/// A sentence not understood, as one line's words.
pub fn unread_words(u: &claims::Unread) -> String {
    if u.sentence.is_empty() {
        u.why.clone()
    } else {
        format!("{}; {}", u.why, quote(&u.sentence))
    }
}

/// One table through the stages: its structure read and its relations
/// established ([`engine`]: [`grid`], [`establish`]), judged and worded,
/// failures attributed ([`attribute`]).
pub fn verify_table(
    file: &str,
    table: &crate::document::Table,
    style: NumberStyle,
    options: &Options,
) -> TableReport {
    judge_table(file, Cow::Borrowed(table), style, options)
}

/// [`verify_table`] on a table the caller has no more use for: its cells'
/// texts are moved into the grid, not copied.
pub fn verify_table_taken(
    file: &str,
    table: crate::document::Table,
    style: NumberStyle,
    options: &Options,
) -> TableReport {
    judge_table(file, Cow::Owned(table), style, options)
}

fn judge_table(
    file: &str,
    table: Cow<'_, crate::document::Table>,
    style: NumberStyle,
    options: &Options,
) -> TableReport {
    let name = structure::table_name(&table);
    if let Some((loc, why)) = structure::refusal(&table) {
        // Too wide or too large to understand: said, never judged in part,
        // and never padded into a grid.
        return TableReport {
            file: file.to_string(),
            loc: table.loc.clone(),
            name: name.clone(),
            checks: vec![Check::skipped(
                file,
                &name,
                loc,
                "table".to_string(),
                why,
                style,
            )],
            held: Summary::default(),
        };
    }
    let table_loc = table.loc.clone();
    let (grid, found) = engine::relations(table, style, options.counts_exact);
    let place = |at: establish::At| {
        grid.rows
            .get(at.0)
            .and_then(|r| r.cell_loc(at.1))
            .map_or_else(String::new, |l| l.to_string())
    };
    // The cells judged (each instance is judged at its cell), sorted for
    // look-up (a hash set's hashing cost more).
    let mut judged_cells: Vec<(usize, usize)> = found.iter().map(|i| (i.at.0, i.at.1)).collect();
    judged_cells.sort_unstable();
    // Figures of labelled totals no check judged; the cells judged
    // relations use are gathered only where there are such figures.
    let unsaid = silent_totals::unsaid(&grid, &judged_cells);
    // Under `--quiet` a check that holds and whose words are not wanted is
    // never printed: it is counted, not listed. A table whose every
    // relation is such (most) is only counted: none is worded, and it has
    // no failure to attribute.
    let counted = attribute::counted_only(&grid, &found, options);
    // The judged relations, and the cells those that are not skipped use
    // (gathered only where a labelled total's figures are unsaid).
    let (judged, mut operand_cells) = match counted {
        // Every relation holds, none is skipped: nothing is judged whole,
        // and the operands are the instances'.
        Some(_) => {
            let operands = if unsaid.is_empty() {
                Vec::new()
            } else {
                found
                    .iter()
                    .filter_map(|i| i.what.as_ref().ok())
                    .flat_map(|e| e.cells())
                    .collect()
            };
            (Vec::new(), operands)
        }
        None => {
            let judged = attribute::judge_all(&grid, found, options, style);
            let operands = if unsaid.is_empty() {
                Vec::new()
            } else {
                judged
                    .iter()
                    .filter(|j| j.verdict != Verdict::Skipped)
                    .filter_map(|j| j.expr.as_ref())
                    .flat_map(|e| e.cells())
                    .collect()
            };
            (judged, operands)
        }
    };
    operand_cells.sort_unstable();
    let mut held = counted.unwrap_or_default();
    let mut checks: Vec<Check> = judged
        .into_iter()
        .filter(|j| {
            let counted_only = options.counts_holding() && !attribute::wanted(j.verdict, options);
            if counted_only {
                held.add(j.verdict);
            }
            !counted_only
        })
        .map(|j| {
            let loc = grid
                .rows
                .get(j.at.0)
                .map_or_else(|| table_loc.clone(), |r| r.loc.clone());
            let correction = j.blamed.map(|(at, f)| Correction {
                at: place(at),
                printed: grid
                    .rows
                    .get(at.0)
                    .and_then(|r| r.text(at.1))
                    .map(str::to_string)
                    .unwrap_or_default(),
                should_read: attribute::show(&f, style),
            });
            Check {
                file: file.to_string(),
                loc,
                table: name.clone(),
                relation: j.name.text(&grid, j.at),
                verdict: j.verdict,
                detail: j.detail,
                judged: j.relation,
                evidence: j.evidence,
                style,
                stated: false,
                kind: Some(j.kind),
                consequence_of: j.consequence_of,
                correction,
                row: grid.rows.get(j.at.0).map(|r| r.label.clone()),
                column: grid.cols.get(j.at.1).map(|c| c.header.clone()),
                cells: if options.structured {
                    j.expr
                        .as_ref()
                        .map(|e| e.cells().into_iter().map(place).collect())
                        .unwrap_or_default()
                } else {
                    Vec::new()
                },
            }
        })
        .collect();
    checks.extend(unjudged_labelled_totals(
        file,
        &name,
        &grid,
        &judged_cells,
        style,
    ));
    // Cells that write out their own arithmetic (`55.000 kr – 13.000 kr =
    // 42.000 kr`): judged as written.
    checks.extend(cell_equations::checks(file, &name, &grid, style));
    // Figures of labelled totals still unsaid: each a skipped line.
    let more = silent_totals::more(file, &name, &grid, &unsaid, &operand_cells, &checks, style);
    checks.extend(more);
    TableReport {
        file: file.to_string(),
        loc: table_loc,
        name,
        checks,
        held,
    }
}

/// The figures of rows whose label says they are totals (`I alt`,
/// `Samlet …`, `A+B`) that no established relation judged: each is listed
/// as skipped, so a labelled total is never passed over in silence.
fn unjudged_labelled_totals(
    file: &str,
    name: &str,
    grid: &grid::Grid,
    judged: &[(usize, usize)],
    style: NumberStyle,
) -> Vec<Check> {
    let mut out = Vec::new();
    for (r, row) in grid.rows.iter().enumerate() {
        // The label, or a text cell before the row's first figure (a
        // `Kontotekst` column after an account number: `01.06 | I alt`). A
        // row worded as a total that the figures made an ordinary part of
        // its block (`cues::overrule`) is judged as a part, not passed over.
        let worded = |t: &str| grid::total_label(t) == Some(true);
        let labelled = (row.total_word == Some(true) && row.role != grid::Role::Item)
            || matches!(
                row.role,
                grid::Role::Total { strong: true } | grid::Role::Formula(_)
            )
            || row
                .cells
                .iter()
                .zip(row.texts())
                .take_while(|(c, _)| !matches!(c, figure::Cell::Fig(_)))
                .any(|(c, t)| matches!(c, figure::Cell::Text) && worded(t));
        if !labelled {
            continue;
        }
        // Named by its label, or by its text cells when the label is empty.
        let named = if row.label.trim().is_empty() {
            row.cells
                .iter()
                .zip(row.texts())
                .filter(|(c, _)| matches!(c, figure::Cell::Text))
                .map(|(_, t)| t)
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            row.label.clone()
        };
        for (c, cell) in row.cells.iter().enumerate() {
            let amount = grid.cols.get(c).is_some_and(|col| {
                matches!(col.kind, grid::ColKind::Amount | grid::ColKind::RowTotal)
            });
            if !amount
                || !matches!(cell, figure::Cell::Fig(_))
                || judged.binary_search(&(r, c)).is_ok()
            {
                continue;
            }
            let column = grid.cols.get(c).map(|col| col.header.clone());
            let mut check = Check::skipped(
                file,
                name,
                row.cell_loc_or_row(c),
                format!("{named} [{}]", column.as_deref().unwrap_or_default()),
                "a total by its label, but the rows it covers are not established by the table's figures: not understood".to_string(),
                style,
            );
            check.row = Some(named.clone());
            check.column = column;
            out.push(check);
        }
    }
    out
}

/// Judges the relations of a checks file (written in Danish numbers); one
/// that cannot be read is bad input, reported with its file and line.
pub fn verify_checks(specs: &[CheckSpec]) -> Result<Vec<Check>, InputErrors> {
    verify_checks_in(specs, &[])
}

/// The figure a checks-file relation names (a quoted phrase, `@line` or
/// `@line:column`) in the one document that has it.
fn resolve_in(
    documents: &[Document],
    r: &expr::FigureRef,
) -> Result<crate::numfmt::PrintedNumber, String> {
    let mut first_err = None;
    let mut found = Vec::new();
    for d in documents {
        match claims::resolve(d, r) {
            Ok(f) => found.push((d.name.as_str(), f)),
            Err(e) => {
                first_err.get_or_insert(e);
            }
        }
    }
    match found[..] {
        [(_, f)] => Ok(f),
        [] => Err(first_err.unwrap_or_else(|| {
            "a figure named by a phrase or a place (@line) needs the document: name it on the command line".to_string()
        })),
        _ => Err(format!(
            "{} documents have it ({}); name it so that only one has",
            found.len(),
            found.iter().map(|x| x.0).collect::<Vec<_>>().join(", ")
        )),
    }
}

/// Judges the relations of a checks file whose figures may be named in the
/// documents: a quoted phrase of their running text or a place (`@110`,
/// `@110:73`) instead of a retyped figure.
pub fn verify_checks_in(
    specs: &[CheckSpec],
    documents: &[Document],
) -> Result<Vec<Check>, InputErrors> {
    let mut checks = Vec::new();
    let mut errors = Vec::new();
    for c in specs {
        match expr::parse_in(&c.relation, |r| resolve_in(documents, r)) {
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
                    kind: None,
                    consequence_of: None,
                    correction: None,
                    row: None,
                    column: None,
                    cells: Vec::new(),
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
