//! A table whose labels stand in its second column, after a column of
//! figures: an association's accounts that print last year's figure, then
//! the label, then this year's (`63.937,08 | Indtægter i alt | 63.151,08`,
//! Grundejerforeningen Ny Søndergård, heldout4). Read as printed, the
//! first column's figures would be the rows' labels and no row would be
//! named. The two first columns are swapped before the grid is read, so the
//! label comes first and last year's figures are a figure column like the
//! others.
//!
//! Only where the table says so itself: a header row above the figures puts
//! a header over the first column and none over the second, and the first
//! column's header is of the same kind as a later figure column's (both name
//! a year, or both start with the same word: `Regnskab 2002` and `Regnskab
//! 2003`); below the header, the first column holds only figures (or
//! nothing, or a dash), the second never a figure, and at least three rows
//! have a figure in the first column and a label in the second.

use super::figure::{read_cell, strip_emphasis, years_in, Cell, Unit};
use crate::document::{trim_text, Cell as DCell, Row};
use crate::numfmt::NumberStyle;

fn kind(text: &str, style: NumberStyle) -> Cell {
    read_cell(strip_emphasis(text), style, None)
}

/// The first word of a header, lowercased, if it is a word.
fn first_word(text: &str) -> Option<String> {
    let w = strip_emphasis(text).split_whitespace().next()?;
    w.chars().all(char::is_alphabetic).then(|| w.to_lowercase())
}

/// Whether two column headers are of one kind: both name a year, or both
/// start with the same word.
fn alike(a: &str, b: &str) -> bool {
    (!years_in(a).is_empty() && !years_in(b).is_empty())
        || first_word(a).is_some_and(|w| Some(w) == first_word(b))
}

/// Swaps the first two columns of `rows` where the labels stand second (see
/// the module's words). Returns whether it did.
pub(super) fn labels_first(rows: &mut [Row], style: NumberStyle) -> bool {
    // The header row it needs has a text over the first column, none over
    // the second and one further right: where no row does, no cell need
    // be read as a figure (most tables).
    let visible = |c: &DCell| !trim_text(strip_emphasis(&c.text)).is_empty();
    let may_head = |c: &[DCell]| {
        c.first().is_some_and(visible)
            && c.get(1).is_none_or(|c| !visible(c))
            && c.iter().skip(2).any(visible)
    };
    if !rows.iter().any(|r| may_head(&r.cells)) {
        return false;
    }
    let is_fig = |t: &str| matches!(kind(t, style), Cell::Fig(_));
    let Some(first_fig) = rows
        .iter()
        .position(|r| r.cells.iter().any(|c| is_fig(&c.text)))
    else {
        return false;
    };
    if first_fig == 0 {
        return false;
    }
    let cell = |c: &[DCell], i: usize| -> String {
        c.get(i).map_or(String::new(), |c| {
            trim_text(strip_emphasis(&c.text)).to_string()
        })
    };
    // A header row over the first column and not the second, alike a later
    // column's header.
    let header = rows[..first_fig].iter().any(|Row { cells: c, .. }| {
        let first = cell(c, 0);
        !first.is_empty()
            && cell(c, 1).is_empty()
            && (2..c.len()).any(|i| {
                let h = cell(c, i);
                !h.is_empty() && alike(&first, &h)
            })
    });
    if !header {
        return false;
    }
    let mut labelled = 0;
    for Row { cells: c, .. } in &rows[first_fig..] {
        let first = cell(c, 0);
        let second = cell(c, 1);
        if !matches!(kind(&first, style), Cell::Fig(_) | Cell::Empty | Cell::Dash) {
            return false;
        }
        if is_fig(&second) {
            return false;
        }
        if is_fig(&first) && second.chars().any(char::is_alphabetic) {
            labelled += 1;
        }
    }
    if labelled < 3 {
        return false;
    }
    for Row { loc, cells: c } in rows.iter_mut() {
        match c.len() {
            0 => {}
            1 => c.insert(0, DCell::new(String::new(), loc.clone())),
            _ => c.swap(0, 1),
        }
    }
    true
}

/// Moves the column of labels to the front where it stands among figure
/// columns further in (`117.038 | 44 | 147.970 | Varme kWh | 0,7909 | …`,
/// Thorsted Høj's heat account, heldout12). Only where the table says so
/// itself: a header row of text over every column, and below it the
/// first column holds only figures (or nothing), one later column only
/// words (or nothing), words in at least three rows, and no other column
/// holds words (a figure with a note mark, `8,32**`, is none). Returns
/// whether it did.
pub(super) fn labels_inside(rows: &mut [Row], style: NumberStyle) -> bool {
    let Some((head, body)) = rows.split_first() else {
        return false;
    };
    let width = head.cells.len();
    let is_fig = |t: &str| matches!(kind(t, style), Cell::Fig(_));
    let empty = |t: &str| crate::document::trim_text(strip_emphasis(t)).is_empty();
    // Per column: figures only, words only (empty cells allowed).
    // A label: words, and no figure with a note mark (`8,32**`).
    let label = |t: &str| strip_emphasis(t).chars().any(char::is_alphabetic) && !is_fig(t);
    let figures_only = |i: usize| {
        body.iter().all(|r| {
            let t = text_at(&r.cells, i);
            empty(t) || is_fig(t)
        })
    };
    // Every test must pass (all are pure): the first column's, which most
    // tables fail at their first row's label, before the header's cells
    // are read.
    if width < 3
        || body.len() < 3
        || body.iter().any(|r| r.cells.len() > width)
        || !figures_only(0)
        || !head
            .cells
            .iter()
            .all(|c| !empty(&c.text) && !is_fig(&c.text))
    {
        return false;
    }
    let word_columns: Vec<usize> = (1..width)
        .filter(|&i| body.iter().any(|r| label(text_at(&r.cells, i))))
        .collect();
    let [k] = word_columns[..] else {
        return false;
    };
    let labelled = body.iter().filter(|r| label(text_at(&r.cells, k))).count();
    let only_words = body.iter().all(|r| {
        let t = text_at(&r.cells, k);
        empty(t) || label(t)
    });
    if labelled < 3 || !only_words {
        return false;
    }
    for Row { loc, cells: c } in rows.iter_mut() {
        while c.len() <= k {
            c.push(DCell::new(String::new(), loc.clone()));
        }
        let moved = c.remove(k);
        c.insert(0, moved);
    }
    true
}

fn text_at(c: &[DCell], i: usize) -> &str {
    c.get(i).map_or("", |c| c.text.as_str())
}

/// Title lines pasted with the table (`Tabel 1`, `Samlede korrektioner af
/// … på FFL21`): leading rows with text in the first cell only, directly
/// above a header row (text or years over the figure columns, a figure
/// nowhere). They are the table's title, not rows of it: dropped, so the
/// header is read as the header. Returns how many.
///
/// Lines stating facts about the table may stand above its title
/// (Danmarks Statistik's election pages: `Stemmeberettigede: ⇥ 53.731 ⇥
/// Deltagelse: 60,4 %`, then the title `Stemmer`, then `Parti ⇥ Antal ⇥
/// Pct.`): a label ending in a colon, and another fact stated in a cell of
/// its own (`Deltagelse: 60,4 %`: words, a colon, what they are), so that
/// the line is no row of the table's columns. With a title line between
/// them and the header they are no rows of the table either (its blocks
/// would start above its header), and are dropped with the title; the
/// table is then read from its header, as the text reader reads it where
/// the title line, with no tab, ends the lines above. A line labelled with
/// a colon whose other cells are figures (`Overført fra 2023: ⇥ 12 ⇥ 15`,
/// `Antal sager i alt: ⇥ 250`) may be a part or the total of the rows
/// under the header, and stays a row; so does any line labelled as a total.
pub(super) fn drop_title_rows(rows: &mut Vec<Row>, style: NumberStyle) -> usize {
    let only_first = |c: &[DCell]| {
        c.first()
            .is_some_and(|c| strip_emphasis(&c.text).chars().any(char::is_alphabetic))
            && c.iter()
                .skip(1)
                .all(|c| trim_text(strip_emphasis(&c.text)).is_empty())
    };
    // `Deltagelse: 60,4 %`: words, a colon and what they say.
    let stated = |t: &str| {
        t.split_once(':').is_some_and(|(key, value)| {
            key.chars().any(char::is_alphabetic) && !value.trim().is_empty()
        })
    };
    let fact = |c: &[DCell]| {
        c.first().is_some_and(|c| {
            let t = trim_text(strip_emphasis(&c.text));
            t.ends_with(':')
                && t.chars().any(char::is_alphabetic)
                && super::grid::total_label(t.trim_end_matches(':')) != Some(true)
        }) && c
            .iter()
            .skip(1)
            .any(|c| stated(trim_text(strip_emphasis(&c.text))))
    };
    let facts = rows.iter().take_while(|r| fact(&r.cells)).count();
    let titles = rows[facts..]
        .iter()
        .take_while(|r| only_first(&r.cells))
        .count();
    if titles == 0 || facts + titles > 3 {
        return 0;
    }
    let titles = facts + titles;
    let Some(next) = rows.get(titles).map(|r| &r.cells) else {
        return 0;
    };
    let heads: Vec<&str> = next
        .iter()
        .skip(1)
        .map(|c| trim_text(strip_emphasis(&c.text)))
        .filter(|t| !t.is_empty())
        .collect();
    let header = heads.len() >= 2
        && heads
            .iter()
            .all(|t| !years_in(t).is_empty() || matches!(kind(t, style), Cell::Text))
        && next
            .first()
            .is_none_or(|c| !matches!(kind(&c.text, style), Cell::Fig(_)));
    if !header {
        return 0;
    }
    rows.drain(..titles);
    titles
}

/// The unit a row's label names for its figures, in brackets at its end:
/// `Delloft på FL20 (mia. kr.)`, `Administrative korrektioner (mio.kr.)`
/// (Finansudvalget's L 210 bilag, heldout4, mixes the two in one column).
/// Only amounts; `None` for anything else.
pub(super) fn label_unit(label: &str) -> Option<Unit> {
    let l = crate::document::trim_end_text(label);
    let inner = l.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let unit = super::figure::unit_in(&inner[open + 1..])?;
    matches!(unit, Unit::Money(_)).then_some(unit)
}

/// A cell's unit: the row's (from its label) over the column's, unless the
/// column is not one of amounts (a percentage column stays one).
pub(super) fn cell_unit(row: Option<Unit>, col: Option<Unit>) -> Option<Unit> {
    match (row, col) {
        (Some(r), None | Some(Unit::Money(_))) => Some(r),
        (_, c) => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::document::Loc;

    fn rows(text: &str) -> Vec<Row> {
        text.lines()
            .enumerate()
            .map(|(i, l)| Row {
                loc: Loc::line(i + 1),
                cells: l
                    .split('\t')
                    .map(|t| DCell::new(t, Loc::line(i + 1)))
                    .collect(),
            })
            .collect()
    }

    fn first_cells(r: &[Row]) -> Vec<String> {
        r.iter()
            .map(|r| r.cells.first().map(|x| x.text.clone()).unwrap_or_default())
            .collect()
    }

    #[test]
    fn last_years_figures_before_the_label_are_moved_after_it() {
        let mut r = rows(
            "Regnskab 2002\t\tRegnskab 2003\n\
             \tIndtægter\t\n\
             59.950,00\tKontingenter\t59.400,00\n\
             50,00\tSalg af nøgler\t0\n\
             60.000,00\tIndtægter i alt\t59.400,00\n",
        );
        assert!(labels_first(&mut r, NumberStyle::DANISH));
        assert_eq!(
            first_cells(&r),
            [
                "",
                "Indtægter",
                "Kontingenter",
                "Salg af nøgler",
                "Indtægter i alt"
            ]
        );
        assert_eq!(r[2].cells[1].text, "59.950,00");
        assert_eq!(r[0].cells[1].text, "Regnskab 2002");
    }

    #[test]
    fn a_label_names_its_rows_unit_in_brackets_at_its_end() {
        assert_eq!(
            label_unit("Delloft på FL20 (mia. kr.)"),
            Some(Unit::Money(9))
        );
        assert_eq!(
            label_unit("Administrative korrektioner (mio.kr.)"),
            Some(Unit::Money(6))
        );
        assert_eq!(label_unit("Kvindeandel (%)"), None);
        assert_eq!(label_unit("Tilskud på 5 mio. kr. til skoler"), None);
        assert_eq!(label_unit("Skoler (2)"), None);
        assert_eq!(
            cell_unit(Some(Unit::Money(6)), Some(Unit::Percent)),
            Some(Unit::Percent)
        );
        assert_eq!(
            cell_unit(Some(Unit::Money(6)), Some(Unit::Money(9))),
            Some(Unit::Money(6))
        );
    }

    #[test]
    fn title_lines_above_a_header_are_dropped() {
        let mut r = rows("Tabel 1\nSamlede korrektioner\n\t2021\t2022\nA (mia. kr.)\t1,0\t2,0\n");
        assert_eq!(drop_title_rows(&mut r, NumberStyle::DANISH), 2);
        assert_eq!(r[0].cells[1].text, "2021");
        // A section row above figures is no title.
        let mut r = rows("Indtægter\nKontingent\t100\t200\n");
        assert_eq!(drop_title_rows(&mut r, NumberStyle::DANISH), 0);
    }

    #[test]
    fn fact_lines_above_a_title_and_a_header_are_dropped_with_the_title() {
        // Danmarks Statistik's election page, read as one table.
        let text = "Stemmeberettigede:\t53.731\tDeltagelse: 60,4 %\nStemmer\n\
                    Parti\tAntal\tPct.\nA. Socialdemokratiet\t6.049\t19,1%\n";
        let mut r = rows(text);
        assert_eq!(drop_title_rows(&mut r, NumberStyle::DANISH), 2);
        assert_eq!(first_cells(&r), ["Parti", "A. Socialdemokratiet"]);
        // Without a title line between them, a line ending in a colon is
        // a row of the table (`Indtægter:` over its parts, or a section);
        // and with one, a line of figures only, or labelled as a total, may
        // be a part or the total of the rows under the header (the
        // sixteenth review's `k4`, `s1`, `m1`).
        for text in [
            "Indtægter:\t100\t200\nPost\tBudget\tRegnskab\nLøn\t50\t60\n",
            "Stemmeberettigede:\t53.731\tDeltagelse: 60,4 %\nParti\tAntal\tPct.\nA\t6.049\t19,1%\n",
            "Overført fra 2023:\t12\t15\nBevilling\nPost\tBudget 2024\tBudget 2025\nLøn\t700\t750\n",
            "Samlet budget:\t1.550\t1.600\nFordelt på poster\nPost\tBudget 2024\tBudget 2025\nLøn\t1.000\t1.100\n",
            "Antal sager i alt:\t250\nFordeling på afgørelse\nAfgørelse\tAntal\tAndel\nBevilget\t150\t60%\n",
            "I alt:\t250\tNote: se nedenfor\nFordeling\nAfgørelse\tAntal\tAndel\nBevilget\t150\t60%\n",
        ] {
            let mut r = rows(text);
            assert_eq!(drop_title_rows(&mut r, NumberStyle::DANISH), 0, "{text}");
        }
        // Nor above a title over figures rather than a header.
        let mut r = rows("Indtægter:\t100\nUdgifter\nLøn\t50\t60\n");
        assert_eq!(drop_title_rows(&mut r, NumberStyle::DANISH), 0);
    }

    #[test]
    fn a_code_column_before_the_label_is_left_alone() {
        // `Kommunekode` and `Antal` are not alike; and no header at all.
        for text in [
            "Kommunekode\tKommune\tAntal\n101\tKøbenhavn\t1.234\n147\tFrederiksberg\t321\n151\tBallerup\t99\n",
            "101\tKøbenhavn\t1.234\n147\tFrederiksberg\t321\n151\tBallerup\t99\n",
            "Nr.\t\tNr.\n1\tA\t2\n3\tB\t4\n5\tC\t6\n7\t8\t9\n",
        ] {
            let mut r = rows(text);
            assert!(!labels_first(&mut r, NumberStyle::DANISH), "{text}");
        }
    }
}
