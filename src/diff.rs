//! Two versions of a scenario compared table by table, cell by cell, over the
//! exact figures (never the rounded ones): old, new and change = new − old.
//!
//! Tables are matched by id, rows by their label within their section (and
//! their place among rows of the same label), columns by label. A cell is
//! changed when its exact figure differs, or when it became known or unknown.
//! A row, column or table found in one version only is named, and its cells
//! are listed with `-` (not applicable) on the other side.

use std::collections::HashMap;

use crate::money::{Exact, Overflow};
use crate::table::{Cell, Column, ColumnKind, Lang, Row, RowKind, Table};

/// Which version a thing exists in, when not both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Old,
    New,
}

/// One cell in both versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellDiff {
    /// The row's section (the section row above it), if any.
    pub section: Option<String>,
    pub row: String,
    /// Which row of that label within its section (0: the first): rows of
    /// the same label are told apart by it.
    pub occurrence: usize,
    pub column: String,
    /// `Cell::NotApplicable` when the row, column or table is not in the old version.
    pub old: Cell,
    pub new: Cell,
    /// new − old when both are known figures of the same kind; unknown when
    /// either is unknown; not applicable when either is absent.
    pub change: Cell,
    pub changed: bool,
}

/// One table in both versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableDiff {
    pub id: String,
    pub title: String,
    /// `Some` when the table is in one version only.
    pub only_in: Option<Side>,
    /// Rows (with their section) in one version only.
    pub rows_only_in: Vec<(Side, String)>,
    pub columns_only_in: Vec<(Side, String)>,
    /// Notes under the table in one version only: a figure or text a table
    /// gives only in a note (a follow-up line's use of savings, an
    /// ansøgning's text) must not change unseen.
    pub notes_only_in: Vec<(Side, String)>,
    /// Every cell (changed or not), in the new version's order, then what only the old has.
    pub cells: Vec<CellDiff>,
}

impl TableDiff {
    pub fn changed(&self) -> impl Iterator<Item = &CellDiff> {
        self.cells.iter().filter(|c| c.changed)
    }

    pub fn has_changes(&self) -> bool {
        self.only_in.is_some()
            || !self.rows_only_in.is_empty()
            || !self.columns_only_in.is_empty()
            || !self.notes_only_in.is_empty()
            || self.cells.iter().any(|c| c.changed)
    }
}

/// A row's key: section, label, and which occurrence of that pair it is.
type RowKey = (Option<String>, String, usize);

fn keyed_rows(t: &Table) -> Vec<(RowKey, &Row)> {
    let mut out: Vec<(RowKey, &Row)> = Vec::new();
    // Occurrences so far of each (section, label): linear time in the rows.
    let mut seen: HashMap<(Option<String>, String), usize> = HashMap::new();
    let mut section: Option<String> = None;
    for r in &t.rows {
        if r.kind == RowKind::Section {
            section = Some(r.label.clone());
            continue;
        }
        let this_section = section.clone();
        if r.kind == RowKind::Total {
            // A total closes its section's block: the rows after it stand alone.
            section = None;
        }
        let section = this_section;
        let n = seen.entry((section.clone(), r.label.clone())).or_insert(0);
        out.push(((section.clone(), r.label.clone(), *n), r));
        *n += 1;
    }
    out
}

fn cell_at(r: Option<&Row>, col: Option<usize>) -> Cell {
    match (r, col) {
        (Some(r), Some(c)) => r.cells.get(c).copied().unwrap_or(Cell::NotApplicable),
        _ => Cell::NotApplicable,
    }
}

/// new − old, as the documents would print a change.
pub fn change(old: Cell, new: Cell) -> Result<Cell, Overflow> {
    Ok(match (old, new) {
        (Cell::Amount(a), Cell::Amount(b)) => {
            Cell::Amount(b.exact_sub(a).ok_or_else(|| Overflow::new("ændring"))?)
        }
        (Cell::Share(a), Cell::Share(b)) => {
            // Shares are quotients (28 significant digits): their
            // difference may round as they do.
            #[allow(clippy::disallowed_methods)]
            Cell::Share(b.checked_sub(a).ok_or_else(|| Overflow::new("ændring"))?)
        }
        (Cell::Unknown, _) | (_, Cell::Unknown) => Cell::Unknown,
        _ => Cell::NotApplicable,
    })
}

/// Whether two cells hold the same figure. Decimal equality is numeric (6.10
/// and 6.1 are the same figure); a cell that is absent in one version and
/// unknown in the other has no figure in either.
fn same(a: Cell, b: Cell) -> bool {
    matches!(
        (a, b),
        (Cell::NotApplicable, Cell::Unknown) | (Cell::Unknown, Cell::NotApplicable)
    ) || a == b
}

fn table_diff(old: Option<&Table>, new: Option<&Table>) -> Result<Option<TableDiff>, Overflow> {
    let Some(any) = new.or(old) else {
        return Ok(None);
    };
    let only_in = match (old, new) {
        (None, Some(_)) => Some(Side::New),
        (Some(_), None) => Some(Side::Old),
        _ => None,
    };
    let old_cols: Vec<&Column> = old.map(|t| t.columns.iter().collect()).unwrap_or_default();
    let new_cols: Vec<&Column> = new.map(|t| t.columns.iter().collect()).unwrap_or_default();
    let mut columns: Vec<String> = new_cols.iter().map(|c| c.label.clone()).collect();
    for c in &old_cols {
        if !columns.contains(&c.label) {
            columns.push(c.label.clone());
        }
    }
    let old_rows = old.map(keyed_rows).unwrap_or_default();
    let new_rows = new.map(keyed_rows).unwrap_or_default();
    let old_index: HashMap<&RowKey, &Row> = old_rows.iter().map(|(k, r)| (k, *r)).collect();
    let new_index: HashMap<&RowKey, &Row> = new_rows.iter().map(|(k, r)| (k, *r)).collect();
    let mut keys: Vec<RowKey> = new_rows.iter().map(|(k, _)| k.clone()).collect();
    keys.extend(
        old_rows
            .iter()
            .filter(|(k, _)| !new_index.contains_key(k))
            .map(|(k, _)| k.clone()),
    );
    let old_col: HashMap<&str, usize> = old_cols
        .iter()
        .enumerate()
        .map(|(i, c)| (c.label.as_str(), i))
        .collect();
    let new_col: HashMap<&str, usize> = new_cols
        .iter()
        .enumerate()
        .map(|(i, c)| (c.label.as_str(), i))
        .collect();
    let mut d = TableDiff {
        id: any.id.clone(),
        title: any.title.clone(),
        only_in,
        rows_only_in: Vec::new(),
        columns_only_in: Vec::new(),
        notes_only_in: Vec::new(),
        cells: Vec::new(),
    };
    if let (Some(o), Some(n)) = (old, new) {
        let in_old: std::collections::HashSet<&str> = o.notes.iter().map(String::as_str).collect();
        let in_new: std::collections::HashSet<&str> = n.notes.iter().map(String::as_str).collect();
        d.notes_only_in.extend(
            o.notes
                .iter()
                .filter(|x| !in_new.contains(x.as_str()))
                .map(|x| (Side::Old, x.clone())),
        );
        d.notes_only_in.extend(
            n.notes
                .iter()
                .filter(|x| !in_old.contains(x.as_str()))
                .map(|x| (Side::New, x.clone())),
        );
    }
    if only_in.is_none() {
        for c in &columns {
            let in_old = old_cols.iter().any(|x| &x.label == c);
            let in_new = new_cols.iter().any(|x| &x.label == c);
            if !in_old {
                d.columns_only_in.push((Side::New, c.clone()));
            } else if !in_new {
                d.columns_only_in.push((Side::Old, c.clone()));
            }
        }
    }
    for key in &keys {
        let o = old_index.get(key).copied();
        let n = new_index.get(key).copied();
        if only_in.is_none() {
            let name = match &key.0 {
                Some(s) => format!("{s}: {}", key.1),
                None => key.1.clone(),
            };
            match (o, n) {
                (None, Some(_)) => d.rows_only_in.push((Side::New, name)),
                (Some(_), None) => d.rows_only_in.push((Side::Old, name)),
                _ => {}
            }
        }
        for c in &columns {
            let oc = cell_at(o, old_col.get(c.as_str()).copied());
            let nc = cell_at(n, new_col.get(c.as_str()).copied());
            if oc == Cell::Blank && nc == Cell::Blank {
                continue;
            }
            d.cells.push(CellDiff {
                section: key.0.clone(),
                row: key.1.clone(),
                occurrence: key.2,
                column: c.clone(),
                old: oc,
                new: nc,
                change: change(oc, nc)
                    .map_err(|e| Overflow::new(format!("{} ({}, {c})", e.what, key.1)))?,
                changed: !same(oc, nc),
            });
        }
    }
    Ok(Some(d))
}

/// Every table of both versions compared: the new version's tables in its
/// order, then the tables only the old one has.
pub fn diff(old: &[Table], new: &[Table]) -> Result<Vec<TableDiff>, Overflow> {
    let mut out = Vec::new();
    for n in new {
        let o = old.iter().find(|t| t.id == n.id);
        if let Some(d) = table_diff(o, Some(n))? {
            out.push(d);
        }
    }
    for o in old.iter().filter(|o| !new.iter().any(|n| n.id == o.id)) {
        if let Some(d) = table_diff(Some(o), None)? {
            out.push(d);
        }
    }
    Ok(out)
}

/// The comparison as tables to print: per table with changes (every table
/// with `all`), one row per cell (`row, column`) with Før, Efter and Ændring.
/// Added and removed tables, rows and columns are named in notes.
pub fn to_tables(diffs: &[TableDiff], all: bool, lang: Lang) -> Vec<Table> {
    let mut out = Vec::new();
    for d in diffs {
        if !all && !d.has_changes() {
            continue;
        }
        // Rows whose label occurs under more than one section get the section's name.
        let mut sections_of: HashMap<&str, Vec<&Option<String>>> = HashMap::new();
        for c in &d.cells {
            let v = sections_of.entry(c.row.as_str()).or_default();
            if !v.contains(&&c.section) {
                v.push(&c.section);
            }
        }
        let ambiguous = |row: &str| sections_of.get(row).is_some_and(|v| v.len() > 1);
        let single_column = d
            .cells
            .iter()
            .all(|c| d.cells.first().is_some_and(|f| f.column == c.column));
        let rows: Vec<Row> = d
            .cells
            .iter()
            .filter(|c| all || c.changed)
            .map(|c| {
                let mut label = match (&c.section, ambiguous(&c.row)) {
                    (Some(s), true) => format!("{s}: {}", c.row),
                    _ => c.row.clone(),
                };
                if c.occurrence > 0 {
                    label = format!("{label} ({}.)", c.occurrence + 1);
                }
                if !single_column {
                    label = format!("{label}, {}", c.column);
                }
                Row {
                    label,
                    kind: RowKind::Item,
                    cells: vec![c.old, c.new, c.change],
                }
            })
            .collect();
        let mut notes = Vec::new();
        let side = |s: Side| match s {
            Side::Old => lang.pick("kun i den gamle version", "only in the old version"),
            Side::New => lang.pick("kun i den nye version", "only in the new version"),
        };
        if let Some(s) = d.only_in {
            notes.push(format!(
                "{}: {}",
                lang.pick("Tabellen", "The table"),
                side(s)
            ));
        }
        for (s, name) in &d.columns_only_in {
            notes.push(format!(
                "{} {name:?}: {}",
                lang.pick("Kolonnen", "The column"),
                side(*s)
            ));
        }
        for (s, name) in &d.rows_only_in {
            notes.push(format!(
                "{} {name:?}: {}",
                lang.pick("Rækken", "The row"),
                side(*s)
            ));
        }
        for (s, note) in &d.notes_only_in {
            notes.push(format!(
                "{} {}: {note}",
                lang.pick("Note", "Note"),
                side(*s)
            ));
        }
        // A change of a share is a difference of percentages: percentage points.
        if rows
            .iter()
            .any(|r| matches!(r.cells.get(2), Some(Cell::Share(_))))
        {
            notes.push(
                lang.pick(
                    "Ændringen af en andel er i procentpoint.",
                    "The change of a share is in percentage points.",
                )
                .to_string(),
            );
        }
        let amount = |label: &str| Column {
            label: label.to_string(),
            kind: ColumnKind::Amount,
        };
        out.push(Table {
            id: format!("diff-{}", d.id),
            title: d.title.clone(),
            stub: None,
            columns: vec![
                amount(lang.pick("Før", "Old")),
                amount(lang.pick("Efter", "New")),
                amount(lang.pick("Ændring", "Change")),
            ],
            rows,
            notes,
        });
    }
    out
}
