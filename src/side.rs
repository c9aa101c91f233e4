//! Several scenarios side by side (alternatives a committee chooses between):
//! per table, one block of columns per scenario (`A: 2026 | A: 2027 | B:
//! 2026 | ...`), rows matched by their label within their section. A row one
//! scenario does not have is `-` (not applicable) in its block; a table one
//! scenario does not have gets no block for it, and a note says so.

use std::collections::HashMap;

use crate::table::{Cell, Column, Lang, Row, RowKind, Table};

/// A row's key: whether it is a section row, its section, its label, and
/// which occurrence of that triple it is.
type Key = (bool, Option<String>, String, usize);

fn keys(t: &Table) -> Vec<Key> {
    let mut out: Vec<Key> = Vec::new();
    // Occurrences so far of each triple: linear time in the rows.
    let mut seen: HashMap<(bool, Option<String>, String), usize> = HashMap::new();
    let mut section: Option<String> = None;
    for r in &t.rows {
        let is_section = r.kind == RowKind::Section;
        let own_section = if is_section { None } else { section.clone() };
        let n = seen
            .entry((is_section, own_section.clone(), r.label.clone()))
            .or_insert(0);
        out.push((is_section, own_section, r.label.clone(), *n));
        *n += 1;
        match r.kind {
            RowKind::Section => section = Some(r.label.clone()),
            RowKind::Total => section = None,
            _ => {}
        }
    }
    out
}

/// The tables of several scenarios (`names[i]` heads the block of `sets[i]`)
/// merged side by side, in the order the first scenario that has each table
/// gives them.
pub fn side_by_side(names: &[String], sets: &[Vec<Table>], lang: Lang) -> Vec<Table> {
    let mut ids: Vec<&str> = Vec::new();
    for set in sets {
        for t in set {
            if !ids.contains(&t.id.as_str()) {
                ids.push(&t.id);
            }
        }
    }
    let mut out = Vec::new();
    for id in ids {
        let tables: Vec<Option<&Table>> = sets
            .iter()
            .map(|set| set.iter().find(|t| t.id == id))
            .collect();
        let Some(first) = tables.iter().flatten().next() else {
            continue;
        };
        // Rows: the first table's, then each other table's rows it lacks,
        // placed after the row that precedes them in their own table. (A
        // linked order by key keeps this linear in the rows.)
        let table_keys: Vec<Vec<Key>> = tables.iter().flatten().map(|t| keys(t)).collect();
        let mut kind_of: HashMap<Key, RowKind> = HashMap::new();
        let mut next: HashMap<Option<Key>, Option<Key>> = HashMap::new();
        let mut last: Option<Key> = None;
        for (t, ks) in tables.iter().flatten().zip(&table_keys) {
            for (i, k) in ks.iter().enumerate() {
                if kind_of.contains_key(k) {
                    continue;
                }
                kind_of.insert(k.clone(), t.rows.get(i).map_or(RowKind::Item, |r| r.kind));
                let prev = i
                    .checked_sub(1)
                    .and_then(|p| ks.get(p))
                    .filter(|p| kind_of.contains_key(*p))
                    .cloned()
                    .or_else(|| last.clone());
                // Insert k after prev (or after the last row when prev is none).
                let after = if i == 0 { last.clone() } else { prev };
                let follower = next.get(&after).cloned().flatten();
                next.insert(after.clone(), Some(k.clone()));
                next.insert(Some(k.clone()), follower.clone());
                if follower.is_none() {
                    last = Some(k.clone());
                }
            }
        }
        let mut merged: Vec<(Key, RowKind)> = Vec::new();
        let mut at = next.get(&None).cloned().flatten();
        while let Some(k) = at {
            let kind = kind_of.get(&k).copied().unwrap_or(RowKind::Item);
            at = next.get(&Some(k.clone())).cloned().flatten();
            merged.push((k, kind));
            if merged.len() > kind_of.len() {
                break;
            }
        }
        let positions: Vec<HashMap<&Key, usize>> = table_keys
            .iter()
            .map(|ks| ks.iter().enumerate().map(|(i, k)| (k, i)).collect())
            .collect();
        let mut columns = Vec::new();
        let mut notes = Vec::new();
        for (name, t) in names.iter().zip(&tables) {
            match t {
                Some(t) => columns.extend(t.columns.iter().map(|c| Column {
                    label: format!("{name}: {}", c.label),
                    kind: c.kind,
                })),
                None => notes.push(format!(
                    "{name}: {}",
                    lang.pick("har ikke denne tabel", "does not have this table")
                )),
            }
        }
        let rows = merged
            .iter()
            .map(|(k, kind)| {
                let mut cells = Vec::new();
                for (t, pos) in tables.iter().flatten().zip(&positions) {
                    let row = pos.get(k).and_then(|&i| t.rows.get(i));
                    for c in 0..t.columns.len() {
                        cells.push(match (row, kind) {
                            (_, RowKind::Section) => Cell::Blank,
                            (Some(r), _) => r.cells.get(c).copied().unwrap_or(Cell::NotApplicable),
                            (None, _) => Cell::NotApplicable,
                        });
                    }
                }
                Row {
                    label: k.2.clone(),
                    kind: *kind,
                    cells,
                }
            })
            .collect();
        // The title is the first scenario's: where the others' differ (another
        // price level, another date), each block's own is said.
        if tables.iter().flatten().any(|t| t.title != first.title) {
            for (name, t) in names.iter().zip(&tables) {
                if let Some(t) = t {
                    notes.push(format!("{name}: {}", t.title));
                }
            }
        }
        for (name, t) in names.iter().zip(&tables) {
            if let Some(t) = t {
                notes.extend(t.notes.iter().map(|n| format!("{name}: {n}")));
            }
        }
        out.push(Table {
            id: first.id.clone(),
            title: first.title.clone(),
            stub: first.stub.clone(),
            columns,
            rows,
            notes,
        });
    }
    out
}
