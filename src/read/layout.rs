//! Tables laid out by position, as Tabula's and Camelot's "stream" mode
//! find them: the words of a line are grouped into segments (a wide gap ends
//! a segment), a table is a run of lines with several segments whose
//! figures stand in columns, and the columns are found where the segments of
//! the table's fullest rows line up. Used for the PDF text layer (positions
//! in hundredths of a point) and for layout text as `pdftotext -layout`
//! writes it (positions in characters; runs of two or more spaces separate
//! columns). Knows nothing of either format.
//!
//! Where a run of lines looks like a table but its columns cannot be
//! determined, a [`Notice`] says so at its place; nothing is dropped
//! silently.

use crate::document::{Block, Cell, CellHints, Loc, Notice, Paragraph, Row, Table};

/// A run of text on a line, with its horizontal extent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seg {
    pub text: String,
    pub x0: i64,
    pub x1: i64,
    pub bold: bool,
}

/// One line in reading order; an empty line (no segments) ends a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub loc: Loc,
    pub segs: Vec<Seg>,
    /// A wide space above it (a PDF's paragraph or table end, a heading's
    /// margin), where the text has no empty line to say so.
    pub space_before: bool,
    /// The distance from the line above on the same page, in the lines'
    /// position unit, where the format places lines freely (a PDF): a
    /// table's rows stand further apart than the lines of one wrapped cell.
    pub step: Option<i64>,
}

/// Whether a segment reads as a figure: an amount, a percentage, a
/// placeholder dash, or a year.
pub fn is_figure(s: &str) -> bool {
    let t = crate::document::trim_text(s);
    let t = t.trim_end_matches('%').trim_end();
    let t = t
        .strip_prefix('(')
        .and_then(|x| x.strip_suffix(')'))
        .unwrap_or(t);
    let t = without_mark(t);
    // `÷ 3.972`: the division sign Danish accounts print as the minus.
    let t = t.trim_start_matches(['-', '−', '–', '+', '÷']).trim_start();
    if s.trim().is_empty() {
        return false;
    }
    if t.is_empty() {
        // A lone dash stands for "nothing" in a figure column.
        return s.trim().chars().all(|c| matches!(c, '-' | '−' | '–' | '÷'));
    }
    if !t.chars().next().is_some_and(|c| c.is_ascii_digit())
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '\u{a0}'))
    {
        return false;
    }
    // Spaces only as thousands separators: `1 234 567`, not `2026 2027`.
    let mut groups = t.split([' ', '\u{a0}']);
    let first = groups.next().unwrap_or("");
    first.len() <= 3
        || !t.contains([' ', '\u{a0}'])
        || groups.all(|g| {
            g.len() == 3
                || g.starts_with(|c: char| c.is_ascii_digit())
                    && g.len() > 3
                    && g[3..].starts_with([',', '.'])
        })
}

/// `1.500,-` (whole kroner, also `,--`, `,–`) and `300.000-` (a trailing
/// minus) without their mark, as `numfmt::parse_number` reads them: no
/// trailing minus after a sign or after a short whole number (`65-`,
/// `2025-`: a range's open end).
fn without_mark(t: &str) -> &str {
    let digit_end = |x: &str| x.ends_with(|c: char| c.is_ascii_digit());
    for m in [",--", ",-", ",\u{2013}", ",\u{2014}"] {
        if let Some(x) = t.strip_suffix(m) {
            return if digit_end(x) && !x.contains(',') {
                x
            } else {
                t
            };
        }
    }
    match t.strip_suffix('-') {
        Some(x)
            if digit_end(x)
                && !x.starts_with(['-', '−', '–', '+'])
                && (x.contains(['.', ',', ' ', '\u{a0}']) || x.len() > 4) =>
        {
            x
        }
        _ => t,
    }
}

/// Lines of running text split into segments at runs of two or more spaces
/// or a tab (layout text); positions are character columns.
pub fn segments(text: &str) -> Vec<Seg> {
    let chars: Vec<char> = text.chars().collect();
    let mut segs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        while i < chars.len() {
            if chars[i] == '\t' {
                break;
            }
            if chars[i].is_whitespace() {
                // A run of blanks (a no-break space or a form feed counts
                // as one too; a tab ends the segment): two or more end it.
                // The run is at least this one character, so `i` always
                // moves on (a lone U+00A0 once looped here for ever).
                let mut j = i + 1;
                while j < chars.len() && chars[j].is_whitespace() && chars[j] != '\t' {
                    j += 1;
                }
                if j - i >= 2 || j >= chars.len() || chars[j] == '\t' {
                    break;
                }
                i = j;
                continue;
            }
            i += 1;
            end = i;
        }
        segs.push(Seg {
            text: chars[start..end].iter().collect(),
            x0: start as i64,
            x1: end as i64,
            bold: false,
        });
    }
    segs
}

/// The units a figure cell may print after its figure (`18.403 kr.`,
/// `13.250 kr. pr. præmieportion`, `5,0 mio. kr.`).
const CELL_UNITS: [&str; 7] = [
    " kr.",
    " kr",
    " kroner",
    " mio. kr.",
    " mia. kr.",
    " t.kr.",
    " pct.",
];

/// Words that may stand before a figure cell's figure (`Højst 6.928
/// kroner`).
const CELL_BOUNDS: [&str; 4] = ["Højst ", "højst ", "Mindst ", "mindst "];

/// Whether a segment reads as a figure cell: a figure, or a figure and its
/// unit (`18.403 kr.`), optionally per something (`13.250 kr. pr. måned`,
/// `940 kroner per dag`),
/// optionally a bound before it (`Højst 6.928 kroner`).
/// Only for telling table lines from prose; a cell's text is kept whole.
fn is_figure_cell(s: &str) -> bool {
    if is_figure(s) {
        return true;
    }
    let t = crate::document::trim_text(s);
    let t = CELL_BOUNDS
        .iter()
        .find_map(|b| t.strip_prefix(b))
        .unwrap_or(t);
    if is_figure(t) {
        return true;
    }
    // ` pr. måned`, ` per dag`: one word after `pr.` or `per`.
    let t = [" pr. ", " per "]
        .iter()
        .find_map(|p| match t.rsplit_once(p) {
            Some((head, per)) if !per.is_empty() && per.chars().all(char::is_alphabetic) => {
                Some(head)
            }
            _ => None,
        })
        .unwrap_or(t);
    CELL_UNITS.iter().any(|u| {
        t.strip_suffix(u)
            .is_some_and(|f| !f.trim().is_empty() && f == f.trim_end() && is_figure(f))
    })
}

/// A figure segment after the first (the row's label).
fn has_figure(line: &Line) -> bool {
    line.segs.iter().skip(1).any(|s| is_figure_cell(&s.text))
}

/// Cuts lines into paragraphs and tables. `indent_unit` is the width of one
/// indent step in the lines' position unit.
pub fn blocks(lines: &[Line], indent_unit: i64) -> (Vec<Block>, Vec<Notice>) {
    let mut out = Vec::new();
    let mut notices = Vec::new();
    let mut para: Vec<&Line> = Vec::new();
    let mut i = 0;
    // Lines before this start no table ([`region_end`]'s `Err`).
    let mut no_table_before = 0;
    while i < lines.len() {
        let region = if i < no_table_before {
            None
        } else {
            match region_end(lines, i) {
                Ok(end) => Some(end),
                Err(next) => {
                    no_table_before = next;
                    None
                }
            }
        };
        if let Some(end) = region {
            flush(&mut para, &mut out);
            let region = &lines[i..end];
            match table(region, indent_unit) {
                Some(t) => {
                    let t = with_title(t, &out);
                    out.push(Block::Table(t));
                }
                None => {
                    notices.push(Notice {
                        loc: Some(region[0].loc.clone()),
                        message: format!(
                            "a table was seen here ({} lines) but its columns could not be determined",
                            region.len()
                        ),
                    });
                    for l in region {
                        para.push(l);
                    }
                    flush(&mut para, &mut out);
                }
            }
            i = end;
            continue;
        }
        if lines[i].segs.is_empty() {
            flush(&mut para, &mut out);
        } else {
            para.push(&lines[i]);
        }
        i += 1;
    }
    flush(&mut para, &mut out);
    (out, notices)
}

fn with_title(mut t: Table, before: &[Block]) -> Table {
    if let Some(Block::Paragraph(p)) = before.last() {
        t.title = p.text.lines().last().and_then(super::title_of);
    }
    t
}

fn flush(para: &mut Vec<&Line>, out: &mut Vec<Block>) {
    if para.is_empty() {
        return;
    }
    let text = para
        .iter()
        .map(|l| {
            l.segs
                .iter()
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n");
    out.push(Block::Paragraph(Paragraph {
        text,
        loc: para[0].loc.clone(),
        heading: false,
    }));
    para.clear();
}

/// Whether a single segment below a table's line `row` reads as a line of
/// one of its cells wrapped: it starts right of the row's label (in a later
/// column), or it goes on from the label (a lower-case start, an open
/// parenthesis, a note's mark).
fn wrapped_cell_line(row: &Line, s: &Seg) -> bool {
    let t = s.text.trim();
    row.segs.first().is_some_and(|label| s.x0 > label.x1)
        || t.chars().next().is_some_and(char::is_lowercase)
        || t.starts_with('(')
        || note_mark(t)
}

/// A line of two or more years and nothing else (`2002  2003  2004  2005`,
/// `2021  2022*`): a table's header without its corner label.
fn years_alone(line: &Line) -> bool {
    line.segs.len() >= 2
        && line.segs.iter().all(|s| {
            let t = s.text.trim().trim_end_matches('*');
            t.len() == 4
                && t.bytes().all(|b| b.is_ascii_digit())
                && (t.starts_with("19") || t.starts_with("20"))
        })
}

/// Where a table starting at `start` ends (exclusive), if one starts there:
/// a run of lines of two or more segments, at least two of them with
/// figures; a header line without figures and single-segment section lines
/// (followed by more table lines) belong to it; one empty line inside is
/// allowed.
///
/// `Err(next)`: no table starts at `start`, nor at any line before `next`.
/// A run of aligned lines without a figure is scanned once, not again from
/// each of its lines (20 000 such lines took 16 s).
fn region_end(lines: &[Line], start: usize) -> Result<usize, usize> {
    let multi = |l: &Line| l.segs.len() >= 2;
    if !multi(&lines[start]) {
        return Err(start + 1);
    }
    let mut end = start;
    let mut with_figures = 0;
    let mut j = start;
    while j < lines.len() {
        let l = &lines[j];
        if multi(l) {
            if has_figure(l) {
                with_figures += 1;
            } else if with_figures > 0 {
                // A text-only line after figures: a new header or prose.
                // Keep it only if figure lines follow right after.
                let next = lines.get(j + 1);
                if !next.is_some_and(|n| multi(n) && has_figure(n)) {
                    break;
                }
            }
            j += 1;
            end = j;
            continue;
        }
        // A gap (empty or single-segment line) continues the table only when
        // a figure line follows within two lines.
        // Section rows and wrapped labels are short and not sentences.
        // A line of a cell wrapped under the row above may end as a
        // sentence does (`kreditinstitutter m.v.`, `kirkeskat, grundlag:`).
        let row = &lines[j - 1];
        let wrapped = |s: &Seg| wrapped_cell_line(row, s);
        let gap = lines[j..]
            .iter()
            .take_while(|g| {
                !multi(g)
                    && g.segs.first().is_none_or(|s| {
                        s.text.chars().count() <= 60
                            && (!s.text.ends_with(['.', ':']) || wrapped(s))
                    })
            })
            .count();
        // A cell wrapped over more lines than a section row and a wrapped
        // label take.
        let all_wrapped = lines[j..j + gap]
            .iter()
            .all(|g| g.segs.first().is_some_and(wrapped));
        // A line of text with a wide space above or below it in a PDF is a
        // heading between two tables, not a section row.
        let gap_lines = &lines[j..j + gap];
        // So is one over a row of years alone: a new table's title and
        // header (also where a page break hides the space above it).
        let heading = gap_lines.iter().any(|g| !g.segs.is_empty())
            && (gap_lines.iter().any(|g| g.space_before)
                || lines
                    .get(j + gap)
                    .is_some_and(|n| n.space_before || years_alone(n)));
        let resumes = (gap <= 2 || all_wrapped && gap <= 4)
            && !heading
            && lines
                .get(j + gap)
                .is_some_and(|n| multi(n) && has_figure(n));
        if resumes {
            j += gap;
            continue;
        }
        break;
    }
    match with_figures {
        n if n >= 2 => Ok(end),
        // Aligned lines of text alone from `start` to `j`: a scan from
        // any of them sees the same lines and stops at the same place (a
        // gap is crossed only toward a line of figures).
        0 => Err(j.max(start + 1)),
        _ => Err(start + 1),
    }
}

/// The most common segment count of at least two among a region's lines;
/// ties go to the larger.
fn mode_count(region: &[Line]) -> Option<usize> {
    let mut counts = std::collections::BTreeMap::new();
    for l in region.iter().filter(|l| l.segs.len() >= 2) {
        *counts.entry(l.segs.len()).or_insert(0usize) += 1;
    }
    counts
        .iter()
        .max_by_key(|(n, c)| (**c, **n))
        .map(|(n, _)| *n)
}

/// The columns of some lines: the segments of the lines with `n` segments
/// lined up by position; `None` when there are none or they overlap.
fn columns(lines: &[&Line], n: usize) -> Option<Vec<(i64, i64)>> {
    let mut cols: Vec<(i64, i64)> = vec![(i64::MAX, i64::MIN); n];
    let mut any = false;
    for l in lines.iter().filter(|l| l.segs.len() == n) {
        any = true;
        for (c, s) in cols.iter_mut().zip(&l.segs) {
            c.0 = c.0.min(s.x0);
            c.1 = c.1.max(s.x1);
        }
    }
    if !any {
        return None;
    }
    Some(cols)
}

fn page_of(loc: &Loc) -> usize {
    match loc {
        Loc::Page { page, .. } => *page,
        _ => 0,
    }
}

fn overlap(a: (i64, i64), b: (i64, i64)) -> i64 {
    a.1.min(b.1) - a.0.max(b.0)
}

type Slots = Vec<Option<(String, bool, i64)>>;

/// Column extents, left to right.
type Columns = Vec<(i64, i64)>;

/// Words that leave a label unfinished at the end of a line.
fn unfinished(label: &str) -> bool {
    let t = label.trim_end();
    let last = t.rsplit(' ').next().unwrap_or("").to_lowercase();
    t.ends_with('-')
        || t.ends_with(',')
        || t.matches('(').count() > t.matches(')').count()
        || matches!(
            last.as_str(),
            "og" | "for"
                | "i"
                | "til"
                | "af"
                | "på"
                | "med"
                | "eller"
                | "samt"
                | "inkl."
                | "ekskl."
                | "fra"
                | "om"
                | "ved"
                | "under"
                | "de"
                | "den"
                | "det"
                | "en"
                | "et"
        )
}

/// Whether a text is a whole number in groups of thousands, of at least
/// three groups, split by one separator (`3.612.820.670`).
fn grouped(t: &str) -> bool {
    let t = t.trim_start_matches(['-', '−', '–']);
    let Some(sep) = t.chars().find(|c| matches!(c, '.' | ',')) else {
        return false;
    };
    let groups: Vec<&str> = t.split(sep).collect();
    groups.len() >= 3
        && groups
            .iter()
            .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3)
}

/// Whether a line without label holds only the rest of figures a narrow
/// cell wrapped in the row above: each of its texts digits and separators
/// that, put after the text above it, make a figure in groups of thousands
/// where the one or the other alone is cut (`3.612.820.6` and `70`,
/// `2.228.733.` and `272`, `11.953.282` and `.032`).
fn figures_go_on(above: &Slots, line: &Slots) -> bool {
    line[0].is_none()
        && line.iter().any(Option::is_some)
        && line.iter().zip(above).all(|(l, a)| match (l, a) {
            (None, _) => true,
            (Some((t, _, _)), Some((at, _, _))) => {
                !t.is_empty()
                    && t.bytes()
                        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
                    && (!grouped(at) || t.starts_with(['.', ',']))
                    && grouped(&format!("{at}{t}"))
            }
            (Some(_), None) => false,
        })
}

/// A note's mark: `1)`, `12)`, `*`, `**`.
fn note_mark(t: &str) -> bool {
    let t = t.trim();
    let digits = t.strip_suffix(')').unwrap_or("");
    (!digits.is_empty() && digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit()))
        || (!t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b == b'*'))
}

/// Whether `line` continues the row above it (a label or header wrapped
/// inside its cell) rather than starting a row: it holds no figure, its
/// text stands under text of the row above, and either it has no label
/// and continues the header, or its label goes on from an unfinished one
/// (a connecting word, an open parenthesis, a lower-case start).
fn continues(above: &Slots, line: &Slots, above_is_header: bool) -> bool {
    let under_text = line
        .iter()
        .zip(above)
        .all(|(l, a)| l.is_none() || a.as_ref().is_some_and(|(t, _, _)| !t.is_empty()));
    if !under_text {
        return false;
    }
    match &line[0] {
        // Text under text in a later column, no figure: a cell of the row
        // above wrapped (`kirkeskat, grundlag:` under `Kommunal
        // indkomstskat og`).
        None => {
            above_is_header
                || line.iter().zip(above).all(|(l, a)| match (l, a) {
                    (Some((t, _, _)), Some((at, _, _))) => {
                        !is_figure_cell(t) && !is_figure_cell(at)
                    }
                    _ => true,
                })
        }
        Some((t, _, _)) => {
            let others_text = line
                .iter()
                .skip(1)
                .flatten()
                .all(|(t, _, _)| !is_figure_cell(t));
            let lower = t.chars().next().is_some_and(char::is_lowercase);
            let open = above[0].as_ref().is_some_and(|(a, _, _)| unfinished(a));
            // A parenthesis or a note's mark alone on a label's line ends
            // the label above (`(centralt og decentralt niveau)`, `1)`).
            let label_only = line.iter().skip(1).all(Option::is_none);
            let closing = label_only && (t.starts_with('(') || note_mark(t));
            others_text && (lower || open || closing)
        }
    }
}

/// A line's texts by column; `full` is the segment count of the lines the
/// columns were found from (their one segment per column, in order).
fn slots(l: &Line, cols: &[(i64, i64)], full: usize) -> (Slots, Vec<u32>) {
    let mut texts: Slots = vec![None; cols.len()];
    let mut spans = vec![1u32; cols.len()];
    if l.segs.len() == cols.len() && cols.len() == full {
        // A full row: one segment per column, in order.
        for (t, s) in texts.iter_mut().zip(&l.segs) {
            *t = Some((s.text.clone(), s.bold, s.x0));
        }
        return (texts, spans);
    }
    for (k, s) in l.segs.iter().enumerate() {
        // The column it overlaps most (or is nearest to); a row's first
        // segment that ends left of the second column is its label.
        let mut best = 0usize;
        let mut best_score = i64::MIN;
        for (c, col) in cols.iter().enumerate() {
            // Overlap, or the distance as a negative overlap.
            let score = overlap((s.x0, s.x1), *col);
            if score > best_score {
                best_score = score;
                best = c;
            }
        }
        if k == 0 && cols.get(1).is_some_and(|c1| s.x1 <= c1.0) {
            best = 0;
        }
        let covered = cols
            .iter()
            .filter(|c| overlap((s.x0, s.x1), **c) > 0)
            .count();
        match &mut texts[best] {
            Some((t, b, _)) => {
                t.push(' ');
                t.push_str(&s.text);
                *b &= s.bold;
            }
            slot @ None => {
                *slot = Some((s.text.clone(), s.bold, s.x0));
                if covered > 1 && !is_figure_cell(&s.text) {
                    spans[best] = u32::try_from(covered).unwrap_or(1);
                }
            }
        }
    }
    (texts, spans)
}

/// Per line of a region, whether it stands further from the line above
/// than the region's closest lines do (by more than 4 %; positions are
/// exact): the closest steps are lines of one wrapped cell, set at the
/// paragraph's line spacing, the wider ones rows (a cell's padding, a
/// border). Steps under half the usual one (a raised mark read as a line
/// of its own) are not a measure. All `false` where the lines have no
/// steps, or all are alike.
fn set_apart_lines(region: &[Line]) -> Vec<bool> {
    let mut steps: Vec<i64> = region
        .iter()
        .skip(1)
        .filter_map(|l| l.step)
        .filter(|s| *s > 0)
        .collect();
    steps.sort_unstable();
    let Some(&usual) = steps.get(steps.len() / 2) else {
        return vec![false; region.len()];
    };
    let Some(&closest) = steps.iter().find(|s| s.saturating_mul(2) >= usual) else {
        return vec![false; region.len()];
    };
    region
        .iter()
        .map(|l| {
            l.step
                .is_some_and(|s| s.saturating_mul(100) > closest.saturating_mul(104))
        })
        .collect()
}

fn table(region: &[Line], indent_unit: i64) -> Option<Table> {
    let n = mode_count(region)?;
    // Columns page by page (a layout converter may place a table that
    // breaks across pages differently on each); a page without a full row
    // borrows the nearest page's.
    let mut pages: Vec<(usize, Option<Columns>)> = Vec::new();
    for l in region {
        let p = page_of(&l.loc);
        if pages.last().is_none_or(|(q, _)| *q != p) {
            let lines: Vec<&Line> = region.iter().filter(|m| page_of(&m.loc) == p).collect();
            pages.push((p, columns(&lines, n)));
        }
    }
    // Figures right of every column in rows of more segments than the
    // fullest rows have (a subtotal set out to the right, as a
    // likviditetsbudget's `9.098,00`) stand in a column of their own, not
    // in the last column's cell.
    let right_end = pages
        .iter()
        .filter_map(|(_, c)| c.as_ref()?.last().map(|c| c.1))
        .max();
    if let Some(right_end) = right_end {
        let extra = region
            .iter()
            .filter(|l| l.segs.len() > n)
            .flat_map(|l| &l.segs)
            .filter(|s| s.x0 > right_end && is_figure_cell(&s.text))
            .fold(None, |acc: Option<(i64, i64)>, s| {
                Some(acc.map_or((s.x0, s.x1), |(a, b)| (a.min(s.x0), b.max(s.x1))))
            });
        if let Some(extra) = extra {
            for cols in pages.iter_mut().filter_map(|(_, c)| c.as_mut()) {
                cols.push(extra);
            }
        }
    }
    let known: Vec<Vec<(i64, i64)>> = pages.iter().filter_map(|(_, c)| c.clone()).collect();
    let first_known = known.first()?.clone();
    let cols_of = |p: usize| -> Vec<(i64, i64)> {
        let at = pages.iter().position(|(q, _)| *q == p).unwrap_or(0);
        pages[at..]
            .iter()
            .chain(pages[..at].iter().rev())
            .find_map(|(_, c)| c.clone())
            .unwrap_or_else(|| first_known.clone())
    };
    let label_x = first_known.first().map(|c| c.0).unwrap_or(0);
    // Columns that overlap (cells not aligned, as with tabs) place only full
    // rows and lone labels; a partial row cannot be placed.
    let overlapping = known.iter().any(|c| c.windows(2).any(|w| w[0].1 > w[1].0));
    if overlapping && region.iter().any(|l| l.segs.len() > 1 && l.segs.len() != n) {
        return None;
    }
    // Where a PDF tells, the lines of one wrapped cell stand closest
    // together; a line further from the one above starts a row of its own
    // (a second header row, `antal` under `3. kvt.`), even where its text
    // could go on from the row above.
    let set_apart = set_apart_lines(region);
    // Rows as slots, wrapped lines folded into the row above.
    let mut folded: Vec<(Loc, Slots, Vec<u32>)> = Vec::new();
    let mut last_index: Option<usize> = None;
    for (i, l) in region.iter().enumerate() {
        if l.segs.is_empty() {
            continue;
        }
        let (line, spans) = slots(l, &cols_of(page_of(&l.loc)), n);
        let adjacent = last_index.is_some_and(|j| j + 1 == i) && !l.space_before && !set_apart[i];
        last_index = Some(i);
        let header = folded.len() == 1;
        if let Some((_, above, _)) = folded.last_mut() {
            if adjacent && figures_go_on(above, &line) {
                for (a, l) in above.iter_mut().zip(line) {
                    if let (Some((at, _, _)), Some((lt, _, _))) = (a.as_mut(), l) {
                        at.push_str(&lt);
                    }
                }
                continue;
            }
            if adjacent && continues(above, &line, header) {
                for (a, l) in above.iter_mut().zip(line) {
                    if let (Some((at, ab, _)), Some((lt, lb, _))) = (a.as_mut(), l) {
                        at.push(' ');
                        at.push_str(&lt);
                        *ab &= lb;
                    }
                }
                continue;
            }
        }
        folded.push((l.loc.clone(), line, spans));
    }
    let mut rows = Vec::new();
    for (loc, texts, spans) in folded {
        let cells: Vec<Cell> = texts
            .into_iter()
            .enumerate()
            .map(|(c, t)| match t {
                Some((text, bold, x0)) => Cell {
                    text,
                    loc: loc.clone(),
                    hints: CellHints {
                        bold,
                        header: false,
                        indent: if c == 0 && indent_unit > 0 {
                            u8::try_from(((x0 - label_x).max(0)) / indent_unit).unwrap_or(u8::MAX)
                        } else {
                            0
                        },
                        decimals: None,
                        span: spans.get(c).copied().unwrap_or(1),
                    },
                },
                None => Cell::new("", loc.clone()),
            })
            .collect();
        rows.push(Row { loc, cells });
    }
    Some(Table::from_rows(region[0].loc.clone(), None, None, rows))
}

/// Layout text (`pdftotext -layout`): lines split at runs of spaces, pages at
/// form feeds (then places are page and line).
pub fn text_lines(text: &str) -> Vec<Line> {
    let paged = text.contains('\u{c}');
    let mut page = 1;
    let mut line_on_page = 0;
    let mut out = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let mut raw = raw;
        while let Some(rest) = raw.strip_prefix('\u{c}') {
            page += 1;
            line_on_page = 0;
            raw = rest;
        }
        line_on_page += 1;
        let loc = if paged {
            Loc::Page {
                page,
                line: line_on_page,
            }
        } else {
            Loc::line(n + 1)
        };
        out.push(Line {
            loc,
            segs: segments(raw),
            space_before: false,
            step: None,
        });
    }
    out
}

/// Reads layout text as paragraphs and tables.
pub fn read(source: &super::Source) -> Result<crate::document::Document, crate::error::InputError> {
    let text = super::decode::text(source)?;
    let (blocks, mut notices) = blocks(&text_lines(&text.text), 2);
    let mut doc = crate::document::Document::new(source.name, source.style);
    doc.blocks = blocks;
    if let Some(n) = text.notice {
        notices.insert(0, n);
    }
    doc.notices = notices;
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table's cells' texts, row by row.
    pub(super) fn cells(t: &Table) -> Vec<Vec<&str>> {
        t.rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn figures() {
        for f in [
            "-6,1",
            "1.234",
            "57,4%",
            "(3,0)",
            "-",
            "2026",
            "− 2,5",
            "0",
            "1 234 567,5",
            "1.500,-",
            "300,--",
            "(1.500,-)",
            "-1.500,-",
            "300.000-",
            "1.234,50-",
            "300 000-",
            "÷ 3.972",
            "÷33",
            "÷",
        ] {
            assert!(is_figure(f), "{f}");
        }
        // The division sign before no figure: a label's operator.
        assert!(!is_figure("÷ Afskrivninger"));
        // A range's open end, two minus signs, a mark after decimals.
        for f in ["65-", "2025-", "-300.000-", "1,5,-", "5-6", ",-"] {
            assert!(!is_figure(f), "{f}");
        }
        for f in [
            "Service",
            "I alt",
            "2026-29",
            "6,1 mio. kr.",
            "",
            "2026 2027",
        ] {
            assert!(!is_figure(f), "{f}");
        }
    }

    #[test]
    fn a_blank_that_is_no_space_never_stops_the_reading() {
        // U+00A0, U+202F, a vertical tab and a form feed inside a line: one
        // such character joins, two split, and the reading ends.
        let s = segments("Tilskud 4\u{a0}450\u{202f}\u{0b}12\u{0c}3");
        let t: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(t, vec!["Tilskud 4\u{a0}450", "12\u{0c}3"]);
    }

    #[test]
    fn segments_split_at_two_spaces() {
        let s = segments("  Mio. kr.     2026   -6,1");
        let t: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(t, vec!["Mio. kr.", "2026", "-6,1"]);
        assert_eq!((s[0].x0, s[0].x1), (2, 10));
    }

    #[test]
    fn a_layout_table_between_paragraphs() {
        let text = "Nedenstående tabel viser\nbesparelserne.\n\n\
                    Besparelser (mio. kr.)\n\
                    Mio. kr.                  2026     2027      2028\n\
                    Service (konto 6)         -6,1     -8,0     -10,2\n\
                    Konto 5\n  \
                      Overførsler             -9,8    -20,0     -1,0\n\
                    I alt                    -15,9    -28,0    -11,2\n\
                    \n\
                    Teksten fortsætter  her.\n";
        let (blocks, notices) = blocks(&text_lines(text), 2);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(blocks.len(), 4, "{blocks:#?}");
        let Block::Table(t) = &blocks[2] else {
            panic!("{blocks:#?}")
        };
        assert_eq!(t.title.as_deref(), Some("Besparelser (mio. kr.)"));
        assert_eq!(
            cells(t),
            vec![
                vec!["Mio. kr.", "2026", "2027", "2028"],
                vec!["Service (konto 6)", "-6,1", "-8,0", "-10,2"],
                vec!["Konto 5", "", "", ""],
                vec!["Overførsler", "-9,8", "-20,0", "-1,0"],
                vec!["I alt", "-15,9", "-28,0", "-11,2"],
            ]
        );
        assert_eq!(t.rows[3].cells[0].hints.indent, 1);
        assert_eq!(t.rows[1].loc, Loc::line(6));
    }

    #[test]
    fn prose_with_a_double_space_is_not_a_table() {
        let (blocks, notices) = blocks(
            &text_lines("Det er  godt i 2026.\nOg  i 2027 også.\nSlut."),
            2,
        );
        assert!(notices.is_empty());
        assert!(blocks.iter().all(|b| matches!(b, Block::Paragraph(_))));
    }

    #[test]
    fn pages_from_form_feeds() {
        let lines = text_lines("a\n\u{c}b\nc");
        assert_eq!(lines[2].loc, Loc::Page { page: 2, line: 2 });
    }
}

#[cfg(test)]
mod wrap_tests {
    use super::tests::cells;
    use super::*;

    #[test]
    fn wrapped_labels_and_headers_fold_into_their_row() {
        let text = "Mio. kr.                              Realiserede besparelser          Andel\n\
                    \x20                                     2026\n\
                    Konto 6 (service)\n\
                    Center for Job og Kompetencer         -1,4                             23,0%\n\
                    Center for Virksomhedsservice og      -0,5                             8,2%\n\
                    Rekruttering\n\
                    I alt konto 6                         -6,1                             100,0%\n";
        let (blocks, _) = blocks(&text_lines(text), 2);
        let Some(Block::Table(t)) = blocks.first() else {
            panic!("{blocks:#?}")
        };
        let rows: Vec<Vec<&str>> = t
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect())
            .collect();
        assert_eq!(
            rows,
            vec![
                vec!["Mio. kr.", "Realiserede besparelser 2026", "Andel"],
                vec!["Konto 6 (service)", "", ""],
                vec!["Center for Job og Kompetencer", "-1,4", "23,0%"],
                vec![
                    "Center for Virksomhedsservice og Rekruttering",
                    "-0,5",
                    "8,2%"
                ],
                vec!["I alt konto 6", "-6,1", "100,0%"],
            ]
        );
    }

    // PDF tables: the readings that bring them close to their Word documents.

    fn only_table(text: &str) -> Table {
        let (blocks, notices) = blocks(&text_lines(text), 2);
        assert!(notices.is_empty(), "{notices:?}");
        let tables: Vec<&Table> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                Block::Paragraph(_) => None,
            })
            .collect();
        assert_eq!(tables.len(), 1, "{blocks:#?}");
        tables[0].clone()
    }

    /// Figure cells that print their unit (`18.403 kr.`, `13.250 kr. pr.
    /// præmieportion`) make a table; read as running text their figures
    /// were tied to other tables' cells (heldout14's PDF).
    #[test]
    fn figures_with_their_unit_make_a_table() {
        let t = only_table(
            "DAGPENGE                      Pr. måned\n\
             Fuldtidsforsikrede            18.403 kr.\n\
             Deltidsforsikrede             12.269 kr.\n\
             SKATTEFRI PRÆMIE\n\
             Fuldtidsforsikret             13.250 kr. pr. præmieportion\n",
        );
        assert_eq!(
            cells(&t),
            vec![
                vec!["DAGPENGE", "Pr. måned"],
                vec!["Fuldtidsforsikrede", "18.403 kr."],
                vec!["Deltidsforsikrede", "12.269 kr."],
                vec!["SKATTEFRI PRÆMIE", ""],
                vec!["Fuldtidsforsikret", "13.250 kr. pr. præmieportion"],
            ]
        );
        for cell in [
            "18.403 kr.",
            "5,0 mio. kr.",
            "849 kr. pr. dag",
            "12 pct.",
            "Højst 6.928 kroner",
            "940 kroner per dag",
            "Højst 19.900",
        ] {
            assert!(is_figure_cell(cell), "{cell}");
        }
        for text in [
            "kr.",
            "Beløb pr. dag",
            "18.403 kroner om året",
            "2 timer",
            "Højst",
            "per måned før skat",
        ] {
            assert!(!is_figure_cell(text), "{text}");
        }
    }

    /// A label's last line that is only a parenthesis or a note's mark goes
    /// with the label above; as a row of its own it was read as a section
    /// (Aarhus University's `(centralt og decentralt niveau)`, Greenland's
    /// `1)`), and sums were taken without the rows under it.
    #[test]
    fn a_parenthesis_or_a_notes_mark_ends_the_label_above() {
        let t = only_table(
            "1. Uddannelse                              1.960,9\n\
             1.1 Heltidsuddannelse                      1.110,7\n\
             1.4 Uddannelsesledelse og administration   368,7\n\
             (centralt og decentralt niveau)\n\
             1.5 Bygninger                              344,0\n\
             - Beskæftigede på                          2.693\n\
             ordinært arbejdsmarked\n\
             1)\n\
             - Støttet beskæftigelse                    73\n",
        );
        let labels: Vec<&str> = cells(&t).iter().map(|r| r[0]).collect();
        assert_eq!(
            labels,
            vec![
                "1. Uddannelse",
                "1.1 Heltidsuddannelse",
                "1.4 Uddannelsesledelse og administration (centralt og decentralt niveau)",
                "1.5 Bygninger",
                "- Beskæftigede på ordinært arbejdsmarked 1)",
                "- Støttet beskæftigelse",
            ]
        );
        // A section row of its own still is one.
        let t = only_table(
            "Drift                 100\n\
             Anlæg\n\
             Skoler                50\n",
        );
        assert_eq!(cells(&t)[1], vec!["Anlæg", ""]);
    }

    /// A cell wrapped under its row may end as a sentence does
    /// (`kreditinstitutter m.v.`, `kirkeskat, grundlag:`) and take three
    /// lines: the table goes on, and the lines join their cell. Before, the
    /// table ended there and its first row went to the running text, so a
    /// sum lacked it.
    #[test]
    fn a_cell_wrapped_to_a_sentences_end_keeps_the_table() {
        let t = only_table(
            "1.1 Rente af tilgodehavender hos           3.002\n\
             kreditinstitutter m.v.\n\
             1.2 Rente af udlån m.v.                    90.015\n\
             1. Renteindtægter m.v. i alt               93.017\n",
        );
        assert_eq!(
            cells(&t)[0],
            vec![
                "1.1 Rente af tilgodehavender hos kreditinstitutter m.v.",
                "3.002"
            ]
        );
        assert_eq!(t.rows.len(), 3);
        let t = only_table(
            "17.     Kommunal indkomstskat og           98.072,83\n\
             \x20       kirkeskat, grundlag:\n\
             \x20       Skattepligtig indkomst, jf. (16):\n\
             \x20       24,32% af (16)\n\
             18.     Sundhedsbidrag: 6% af (16)         24.195,60\n\
             21.     Samlet indkomstskat                122.268,43\n",
        );
        assert_eq!(
            cells(&t)[0],
            vec![
                "17.",
                "Kommunal indkomstskat og kirkeskat, grundlag: Skattepligtig indkomst, jf. (16): 24,32% af (16)",
                "98.072,83"
            ]
        );
        assert_eq!(t.rows.len(), 3);
        // A sentence after a table is no part of it.
        let (blocks, _) = blocks(
            &text_lines(
                "Løn        100\n\
                 Drift      200\n\
                 Det er godt.\n\
                 Husleje    300\n\
                 Varme      400\n",
            ),
            2,
        );
        assert!(matches!(blocks[1], Block::Paragraph(_)), "{blocks:#?}");
    }

    /// A short line over a row of years alone is the next table's title,
    /// not a section of the table above, even with no space above it (a
    /// page break): Aarhus University's two tables were one, and its
    /// sections' incomes summed to the other's total.
    #[test]
    fn a_title_over_a_row_of_years_starts_a_new_table() {
        let (found, _) = blocks(
            &text_lines(
                "Basisforskning                     51,9      50,5\n\
                 Forskning i alt                    100,6     103,9\n\
                 regnskab-uk\n\
                 \x20                                  2002      2003\n\
                 UK10 – ordinær virksomhed\n\
                 Indtægter                          1.658     1.719\n\
                 Udgifter                           1.612     1.711\n",
            ),
            2,
        );
        let tables: Vec<&Table> = found
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                Block::Paragraph(_) => None,
            })
            .collect();
        assert_eq!(tables.len(), 2, "{found:#?}");
        assert_eq!(tables[0].rows.len(), 2);
        assert_eq!(tables[1].title.as_deref(), Some("regnskab-uk"));
        assert_eq!(cells(tables[1])[0], vec!["", "2002", "2003"]);
        // A section row over figures stays in its table.
        let t = only_table(
            "Drift                 100      200\n\
             Anlæg\n\
             Skoler                50       60
",
        );
        assert_eq!(t.rows.len(), 3);
    }

    /// A figure right of every column, in a row of more segments than the
    /// fullest rows (a subtotal set out), is a column of its own; it was
    /// joined to the cell left of it (`343,00 9.098,00`), and the total
    /// under it was summed over the wrong rows (heldout4's budget).
    #[test]
    fn a_figure_right_of_every_column_gets_a_column() {
        let t = only_table(
            "Likviditetssaldo                   1.178,00\n\
             Ejendomsskat                       5.355,00\n\
             Brandforsikring                    700,00\n\
             Diverse/afrunding                  343,00              6.398,00\n\
             Samlet likviditetsbehov            5.220,00\n",
        );
        assert_eq!(
            cells(&t),
            vec![
                vec!["Likviditetssaldo", "1.178,00", ""],
                vec!["Ejendomsskat", "5.355,00", ""],
                vec!["Brandforsikring", "700,00", ""],
                vec!["Diverse/afrunding", "343,00", "6.398,00"],
                vec!["Samlet likviditetsbehov", "5.220,00", ""],
            ]
        );
    }

    /// A figure a narrow cell wrapped (`3.612.820.6` over `70`, `2.228.733.`
    /// over `272`, `11.953.282` over `.032`) is read whole; its pieces were
    /// a figure and a row of their own (heldout's building accounts).
    #[test]
    fn a_figure_wrapped_in_its_cell_is_read_whole() {
        let t = only_table(
            "ku           3.612.820.6     953.719.000     2.659.101.6\n\
             \x20            70                              70\n\
             sdu          916.242.851     105.673.200     810.569.651\n\
             i alt        11.953.282      2.228.733.      9.724.548.\n\
             \x20            .032            272             760\n",
        );
        assert_eq!(
            cells(&t),
            vec![
                vec!["ku", "3.612.820.670", "953.719.000", "2.659.101.670"],
                vec!["sdu", "916.242.851", "105.673.200", "810.569.651"],
                vec!["i alt", "11.953.282.032", "2.228.733.272", "9.724.548.760"],
            ]
        );
        // A row of whole figures without label under whole figures, and a
        // short figure under a decimal one, are rows of their own.
        let t = only_table(
            "Post         Beløb           Andel\n\
             Løn          1.234.567       2,5\n\
             \x20            100             10\n",
        );
        assert_eq!(t.rows.len(), 3);
    }

    fn line(n: usize, step: Option<i64>, segs: &[(&str, i64)]) -> Line {
        Line {
            loc: Loc::Page { page: 1, line: n },
            segs: segs
                .iter()
                .map(|(t, x)| Seg {
                    text: (*t).into(),
                    x0: x * 100,
                    x1: x * 100 + 500 * i64::try_from(t.chars().count()).unwrap_or(1),
                    bold: false,
                })
                .collect(),
            space_before: false,
            step,
        }
    }

    /// A second header row stands a row's step below the first; the lines
    /// of a header cell wrapped inside it stand closer (a PDF's positions):
    /// `antal` and `udvikling i pct.` are a header row of their own, as in
    /// the Word document, not words of `3. kvt.` (folded in, the change
    /// between the quarters was taken for the change against the quarter
    /// before: heldout6's PDF).
    #[test]
    fn a_second_header_row_is_not_folded_into_the_first() {
        let lines = vec![
            line(
                1,
                None,
                &[
                    ("3. kvt.", 227),
                    ("4. kvt.", 289),
                    ("3. kvt.", 414),
                    ("4. kvt.", 476),
                ],
            ),
            line(2, Some(1330), &[("antal", 227), ("udvikling i", 414)]),
            line(3, Some(930), &[("pct. i", 414)]),
            line(4, Some(930), &[("forhold til", 414)]),
            line(
                5,
                Some(980),
                &[
                    ("Stat", 57),
                    ("195294", 227),
                    ("195420", 289),
                    ("-0,2", 414),
                    ("0,1", 476),
                ],
            ),
            line(
                6,
                Some(1330),
                &[
                    ("Regioner", 57),
                    ("132135", 227),
                    ("132194", 289),
                    ("0,1", 414),
                    ("0,0", 476),
                ],
            ),
        ];
        let (found, _) = blocks(&lines, 600);
        let Some(Block::Table(t)) = found.first() else {
            panic!("{found:#?}")
        };
        assert_eq!(
            cells(t)[..2],
            [
                vec!["", "3. kvt.", "4. kvt.", "3. kvt.", "4. kvt."],
                vec!["", "antal", "", "udvikling i pct. i forhold til", ""],
            ]
        );
        // Without positions (layout text) the header lines fold as before.
        let flat: Vec<Line> = lines
            .into_iter()
            .map(|l| Line { step: None, ..l })
            .collect();
        let (found, _) = blocks(&flat, 600);
        let Some(Block::Table(t)) = found.first() else {
            panic!("{found:#?}")
        };
        assert_eq!(
            cells(t)[0],
            vec![
                "",
                "3. kvt. antal",
                "4. kvt.",
                "3. kvt. udvikling i pct. i forhold til",
                "4. kvt."
            ]
        );
    }
}
