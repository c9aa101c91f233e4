//! Table understanding: what a read table's cells mean — which row is a
//! section, an item, a total or a `Heraf` part, which column holds amounts,
//! shares or changes, and what each cell's figure is — from its labels and
//! its own figures only. Knows nothing of the format the table came in.
//!
//! Indexing: every row's `vals`, `headers` and `kinds` have `width` entries.

use crate::document::{Loc, Table, MAX_CELLS_PER_ROW, MAX_CELLS_PER_TABLE};
use crate::numfmt::{parse_number, NumberStyle, PrintedNumber};

/// A cell's content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Val {
    Num(PrintedNumber),
    /// `-`: no figure.
    Dash,
    Empty,
    /// Something that is not a number (`n.a.`).
    Text(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColKind {
    Amount,
    Share,
    Change,
    PercentChange,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    Section,
    Item,
    Total,
    /// `Heraf ...`: a part of the row above, not added into totals.
    Heraf,
}

/// A body row, understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub loc: Loc,
    pub label: String,
    pub kind: RowKind,
    /// One per column after the label.
    pub vals: Vec<Val>,
}

/// A table, understood: its name, its columns and its body rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Structure {
    pub name: String,
    pub loc: Loc,
    /// Column headers after the label column (`column N` when empty).
    pub headers: Vec<String>,
    pub kinds: Vec<ColKind>,
    pub rows: Vec<Row>,
}

fn val(cell: Option<&str>, style: NumberStyle) -> Val {
    match cell.map(str::trim) {
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

/// The text of cell `c` of a read row, `""` when the row is shorter.
fn text(r: &crate::document::Row, c: usize) -> &str {
    r.cells.get(c).map_or("", |c| c.text.as_str())
}

/// What a table is called in messages: its title, else its stub, else its
/// first section with the column labels, else where it is.
pub fn table_name(t: &Table) -> String {
    if let Some(title) = &t.title {
        return title.clone();
    }
    let stub = t.rows.first().map_or("", |r| text(r, 0));
    if !is_unit_label(stub) {
        return stub.to_string();
    }
    // The first section row (`Konto 6 (service)`) with the column labels,
    // else where it is.
    let columns: Vec<&str> = t
        .rows
        .first()
        .map(|r| r.cells.iter().skip(1).map(|c| c.text.as_str()).collect())
        .unwrap_or_default();
    t.rows
        .iter()
        .skip(1)
        .find(|r| r.cells.len() > 1 && r.cells.iter().skip(1).all(|c| c.text.is_empty()))
        .map(|r| text(r, 0))
        .filter(|s| !s.is_empty())
        .map(|section| format!("{section}: {}", columns.join(" | ")))
        .unwrap_or_else(|| match t.loc.line_number() {
            Some(line) => format!("table at line {line}"),
            None => format!("table at {}", t.loc),
        })
}

/// Why a read table is too large to understand, if it is: a row of more
/// than [`MAX_CELLS_PER_ROW`] cells, or more than [`MAX_CELLS_PER_TABLE`]
/// cells once every row is padded to the widest (as [`understand`] does).
/// Asked before understanding, so the padding never grows past the bound.
pub fn refusal(table: &Table) -> Option<(Loc, String)> {
    if let Some(refused) = &table.refused {
        return Some(refused.clone());
    }
    let mut width = 0usize;
    for r in &table.rows {
        if r.cells.len() > MAX_CELLS_PER_ROW {
            let loc = r
                .cells
                .first()
                .map_or_else(|| table.loc.clone(), |c| c.loc.clone());
            return Some((
                loc,
                format!(
                    "a row of more than {MAX_CELLS_PER_ROW} cells; the table is not understood"
                ),
            ));
        }
        width = width.max(r.cells.len());
    }
    if width.saturating_mul(table.rows.len()) > MAX_CELLS_PER_TABLE {
        return Some((
            table.loc.clone(),
            format!(
                "more than {MAX_CELLS_PER_TABLE} cells (rows × columns); the table is not understood"
            ),
        ));
    }
    None
}

/// What a table is called in messages (see [`understand`]).
pub fn name_of(table: &Table) -> String {
    table_name(table)
}

/// Understands a read table whose numbers are written in `style`; its first
/// row is the header.
pub fn understand(table: &Table, style: NumberStyle) -> Structure {
    let name = table_name(table);
    let (header, body) = match table.rows.split_first() {
        Some((h, b)) => (Some(h), b),
        None => (None, &[][..]),
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
            let vals: Vec<Val> = (1..=width)
                .map(|c| val(r.cells.get(c).map(|c| c.text.as_str()), style))
                .collect();
            let label = text(r, 0).to_string();
            Row {
                loc: r.loc.clone(),
                kind: row_kind(&label, &vals),
                label,
                vals,
            }
        })
        .collect();
    let headers: Vec<String> = (1..=width)
        .map(|c| match header.map_or("", |h| text(h, c)) {
            "" => format!("column {}", c + 1),
            h => h.to_string(),
        })
        .collect();
    let kinds: Vec<ColKind> = headers
        .iter()
        .enumerate()
        .map(|(c, h)| {
            let col: Vec<&Val> = rows.iter().filter_map(|r| r.vals.get(c)).collect();
            col_kind(h, &col)
        })
        .collect();
    Structure {
        name,
        loc: table.loc.clone(),
        headers,
        kinds,
        rows,
    }
}
