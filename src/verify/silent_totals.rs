//! Labelled totals the first listing of unjudged totals
//! (`unjudged_labelled_totals` in `mod.rs`) passes over, so that no figure of
//! a row worded as a total goes unsaid: a total word inside the label
//! (`Vandpris i alt pr. m3`, `Pr. 1. januar 2024: Samlet pris pr. m³ - inkl.
//! moms`), a row worded as a total that the figures made an ordinary row but
//! that no judged relation uses, a figure in a change column, and a figure
//! printed with words around it (`Fra 544 kr.`, `Stiger 7 kr.`), and a
//! figure in a column that is a total by its header (`Region Midtjylland i
//! alt / R 2010`) in any row. Each such
//! figure that no relation judged, and that is no operand of a judged one, is
//! listed as skipped with its reason; none is ever an error here.

use super::figure::Cell;
use super::grid::{self, ColKind, Grid, Role};
use super::Check;
use crate::document::{trim_text, Loc};
use crate::numfmt::NumberStyle;

/// Where a cell's text holds a figure among words: a token of digits (with
/// `.`/`,` between them) that is neither the whole cell (then it was read
/// as a figure, or refused as one) nor a date (`01.01.18`).
pub fn worded_figure(text: &str) -> bool {
    let t = text.trim();
    let tokens: Vec<&str> = t.split_whitespace().collect();
    if tokens.len() < 2 {
        return false;
    }
    tokens.iter().any(|tok| {
        let tok = tok.trim_end_matches([',', '.', ':', ';', ')']);
        let tok = tok.trim_start_matches(['(', '+', '-', '−', '–']);
        !tok.is_empty()
            && tok.starts_with(|c: char| c.is_ascii_digit())
            && tok
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
            && !date_like(tok)
    })
}

/// A figure with a note mark glued to it (`15*`, `+1*`, `100**`, `175¹`).
/// Not read as the figure (the mark often says it does not follow the
/// table's arithmetic), but in a total's row it is said, never passed over.
pub fn marked_figure(text: &str) -> bool {
    let t = text.trim();
    let core = t.trim_end_matches(['*', '¹', '²', '³', '†']);
    if core.len() == t.len() {
        return false;
    }
    let core = core.trim_start_matches(['+', '-', '−', '–', '÷']);
    core.starts_with(|c: char| c.is_ascii_digit())
        && core
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// `01.01.18`, `1.1.2024`: two separators of the same kind with short
/// groups before the last.
fn date_like(tok: &str) -> bool {
    let parts: Vec<&str> = tok.split('.').collect();
    parts.len() == 3
        && parts[0].len() <= 2
        && parts[1].len() <= 2
        && (parts[2].len() == 2 || parts[2].len() == 4)
}

/// The row's label is a total by its words, strongly or not
/// (`Total omlægning af indsatsen`, `Vandpris i alt pr. m3`); a label-less
/// row by the text cells before its first figure.
fn worded_total(row: &grid::GRow) -> bool {
    if row.total_word.is_some() {
        return true;
    }
    trim_text(&row.label).is_empty()
        && row
            .cells
            .iter()
            .zip(row.texts())
            .take_while(|(c, _)| !matches!(c, Cell::Fig(_)))
            .any(|(c, t)| matches!(c, Cell::Text) && grid::total_label(t).is_some())
}

/// A column that is a total by its header (`I alt`, `Region Midtjylland i
/// alt / R 2010`: the group over the period).
fn total_column(col: &grid::Col) -> bool {
    matches!(col.kind, ColKind::Amount | ColKind::RowTotal)
        && (col.kind == ColKind::RowTotal || col.total)
}

/// A figure of a labelled total no check judged: (row, column, why).
pub type Unsaid = (usize, usize, &'static str);

/// The figures of labelled totals that no check judged (`judged`: the
/// cells of every instance judged or skipped, sorted), with the reason
/// each would be listed for. Most tables have none, and then nothing more
/// is looked up.
pub fn unsaid(grid: &Grid, judged: &[(usize, usize)]) -> Vec<Unsaid> {
    let total_cols: Vec<bool> = grid.cols.iter().map(total_column).collect();
    let any_total_col = total_cols.iter().any(|&t| t);
    let mut out = Vec::new();
    for (r, row) in grid.rows.iter().enumerate() {
        if matches!(row.role, Role::Section | Role::HerafMarker) {
            continue;
        }
        let by_row = worded_total(row);
        if !by_row && !any_total_col {
            continue;
        }
        for (c, cell) in row.cells.iter().enumerate() {
            let Some(col) = grid.cols.get(c) else {
                continue;
            };
            if judged.binary_search(&(r, c)).is_ok() {
                continue;
            }
            let text = row.text(c).unwrap_or("");
            let why = match cell {
                Cell::Fig(f) if !f.percent() && by_row => match col.kind {
                    ColKind::Amount | ColKind::RowTotal | ColKind::Change { .. } => {
                        "a total by its label, but the rows it covers are not established by the table's figures: not understood"
                    }
                    _ => continue,
                },
                Cell::Fig(f) if !f.percent() && total_cols[c] => {
                    "a total by its column's header, but the columns it covers are not established by the table's figures: not understood"
                }
                Cell::Text
                    if by_row
                        && trim_text(text) != trim_text(&row.label)
                        && !text.contains('=')
                        && worded_figure(text) =>
                {
                    "a total by its label, its figure printed with words around it: not read"
                }
                Cell::Text if by_row && marked_figure(text) => {
                    "a total by its label, its figure marked with a note (`*`): not read"
                }
                _ => continue,
            };
            out.push((r, c, why));
        }
    }
    out
}

/// The checks to add: one skipped line per figure [`unsaid`] found, unless
/// it is an operand of a judged relation in a row worded as a total
/// (`operands`: the cells judged relations used, sorted; understood as a
/// part) or a check listed so far (`said`) already names its cell.
pub fn more(
    file: &str,
    name: &str,
    grid: &Grid,
    unsaid: &[Unsaid],
    operands: &[(usize, usize)],
    said: &[Check],
    style: NumberStyle,
) -> Vec<Check> {
    let mut out = Vec::new();
    if unsaid.is_empty() {
        return out;
    }
    // The places and columns the checks name, looked up once each (every
    // unsaid figure looked through every check: 40 000 rows of `I alt`
    // took 54 s).
    let mut said_at: Option<std::collections::HashSet<(&Loc, &str)>> = None;
    for &(r, c, why) in unsaid {
        let (Some(row), Some(col)) = (grid.rows.get(r), grid.cols.get(c)) else {
            continue;
        };
        // An operand of a judged relation is understood as a part; a
        // total column's cell is not judged by being one.
        if worded_total(row) && operands.binary_search(&(r, c)).is_ok() {
            continue;
        }
        let loc = row.cell_loc_or_row(c);
        let said_at = said_at.get_or_insert_with(|| {
            said.iter()
                .filter_map(|k| Some((&k.loc, k.column.as_deref()?)))
                .collect()
        });
        if said_at.contains(&(&loc, col.header.as_str())) {
            continue;
        }
        // Named by its label, or by its text cells when the label is empty.
        let named = if row.label.trim().is_empty() {
            row.cells
                .iter()
                .zip(row.texts())
                .filter(|(c, _)| matches!(c, Cell::Text))
                .map(|(_, t)| t)
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            row.label.clone()
        };
        let mut check = Check::skipped(
            file,
            name,
            loc,
            format!("{named} [{}]", col.header),
            why.to_string(),
            style,
        );
        check.row = Some(named);
        check.column = Some(col.header.clone());
        out.push(check);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_with_a_note_mark_are_told_from_words_and_plain_figures() {
        for marked in ["15*", "+1*", "100**", "1.234,5*", "-3*", "175¹"] {
            assert!(marked_figure(marked), "{marked}");
        }
        for not in ["15", "*", "Note*", "ca. 7*", "7*a", "", "**"] {
            assert!(!marked_figure(not), "{not}");
        }
    }
}
