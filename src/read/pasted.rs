//! Tables as a person pastes them into a text file after copying them out of
//! a PDF viewer or a web page: each cell on its own line (row by row), rows
//! flattened to single spaces (`Besparelseskrav 6,1 15,9 18,5 19,1`), dot
//! leaders (`Skatter ........ 1.234`), section rows without figures. A
//! table is reconstructed where the figures determine it: rows of one label
//! and the same number of figures, at least two of them, with the row of
//! column headings above. Figures one per line that do not make such rows
//! (a table pasted column by column, cells lost in copying) are said in a
//! notice at their place: a table was seen but not read.

use super::layout::{self, is_figure};
use crate::document::{Block, Cell, Document, Loc, Notice, Paragraph, Row, Table};

/// A line of the stretch: its place and its text (trimmed, not empty).
#[derive(Clone, Debug)]
struct L<'a> {
    loc: &'a Loc,
    text: &'a str,
    /// An empty line stood just before it.
    after_blank: bool,
}

/// A dot leader (`Skatter ........ 1.234`, `. . . .`, `…`) removed.
fn strip_leader(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '…' || c == '.' || c == '·' {
            // Count the run of dots (spaces between them allowed).
            let mut j = i;
            let mut dots = 0;
            while j < chars.len() && matches!(chars[j], '.' | '…' | '·' | ' ') {
                if chars[j] != ' ' {
                    dots += if chars[j] == '…' { 3 } else { 1 };
                }
                j += 1;
            }
            if dots >= 3 {
                out.push(' ');
                i = j;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Short, not a sentence: can be a label, a heading cell or a section row.
fn label_like(s: &str) -> bool {
    !s.is_empty() && s.chars().count() <= 80 && !sentence(s) && !is_figure(s)
}

/// Ends like a sentence: a colon, or a full stop after a word that is not an
/// abbreviation (`således.`, not `kr.`).
fn sentence(s: &str) -> bool {
    let last = s.split_whitespace().last().unwrap_or("");
    s.ends_with([':', ';']) || (s.ends_with('.') && last.chars().count() > 4)
}

/// A flattened row: label and trailing figures (`I alt 0,0 9,8` ->
/// `("I alt", ["0,0", "9,8"])`).
fn flattened(s: &str) -> (String, Vec<String>) {
    let s = strip_leader(s);
    let tokens: Vec<&str> = s.split_whitespace().collect();
    let mut k = tokens.len();
    while k > 0 && is_figure(tokens[k - 1]) {
        k -= 1;
    }
    (
        tokens[..k].join(" "),
        tokens[k..].iter().map(|t| t.to_string()).collect(),
    )
}

fn row(loc: &Loc, cells: Vec<String>) -> Row {
    Row {
        loc: loc.clone(),
        cells: cells
            .into_iter()
            .map(|t| Cell::new(t, loc.clone()))
            .collect(),
    }
}

/// Cell-per-line rows starting at `i`: label, then exactly `k` figures.
fn cell_row(lines: &[L], i: usize, k: usize) -> bool {
    lines.get(i).is_some_and(|l| label_like(l.text))
        && (1..=k).all(|d| lines.get(i + d).is_some_and(|l| is_figure(l.text)))
        && lines.get(i + k + 1).is_none_or(|l| !is_figure(l.text))
}

/// The number of figures after the label at `i` (cell per line).
fn figures_after(lines: &[L], i: usize) -> usize {
    lines[i + 1..]
        .iter()
        .take_while(|l| is_figure(l.text))
        .count()
}

/// A table found: its rows and the lines it took (`from..to`).
struct Found {
    from: usize,
    to: usize,
    rows: Vec<Row>,
    /// Something of the table seen but not read (a column that fell short).
    notice: Option<Notice>,
}

/// Whether the line before `at` ends what came before a table: nothing, an
/// empty line, or a sentence.
fn starts_here(lines: &[L], at: usize) -> bool {
    at == 0 || lines[at].after_blank || !label_like(lines[at - 1].text)
}

/// Whether the line just above a heading row of `k + 1` lines at `h` is the
/// table's title (`Tabel 1. Serviceudgifter`) rather than the first of its
/// headings: it stands alone after what came before, and either reads as a
/// title or the heading row's last line reads as a column heading (`%`,
/// `Pct.`, `I alt`, a year), which no section row does. Without this the
/// title was taken for the stub heading, every heading moved one column to
/// the left and the last (`%`) became a section row: the `%` column was
/// summed as `Afvigelse`, a false error.
fn title_above(lines: &[L], h: usize, k: usize) -> bool {
    let (Some(title), Some(last)) = (
        h.checked_sub(1).and_then(|t| lines.get(t)),
        lines.get(h + k),
    ) else {
        return false;
    };
    if !label_like(title.text) || !starts_here(lines, h - 1) {
        return false;
    }
    let t = title.text.to_lowercase();
    let titled = ["tabel", "tab.", "table", "bilag", "oversigt", "figur"]
        .iter()
        .any(|w| t.starts_with(w));
    let l = last.text.trim().to_lowercase();
    let heading = l == "%"
        || l.starts_with("pct")
        || l.starts_with("procent")
        || l == "i alt"
        || l == "total"
        || l.split(|c: char| !c.is_ascii_digit())
            .any(|d| d.len() == 4 && d.parse::<u32>().is_ok_and(|y| (1950..=2100).contains(&y)));
    titled || heading
}

/// Whether the `k + 1` lines at `h` cannot be told to be the heading row:
/// more heading-like lines stand above them than one title (a heading of
/// two rows pasted into one run, `1. kvt. | 2. kvt. | 1. kvt. | 2. kvt.`
/// over `antal | udvikling i pct. …`, the empty cells between dropped), or
/// the headings repeat (an upper heading row lost: `2025 | 2026 | 2025 |
/// 2026`). Which line heads which column is then not known; taken as the
/// nearest `k + 1` lines, DST's quarterly table had its `udvikling i pct.`
/// over the counts and four false errors. The table is read without a
/// heading instead.
fn heading_ambiguous(lines: &[L], h: usize, k: usize) -> bool {
    let above = lines[..h]
        .iter()
        .rev()
        .take(2)
        .take_while(|l| label_like(l.text) || year(l.text))
        .count();
    // Bounded: the comparison below is quadratic in the headings.
    if above >= 2 || k > 64 {
        return true;
    }
    let cells: Vec<&str> = lines[h..=h + k].iter().map(|l| l.text).collect();
    cells
        .iter()
        .enumerate()
        .any(|(n, c)| cells[..n].iter().any(|d| d.eq_ignore_ascii_case(c)))
}

/// Row by row, one cell per line.
fn cell_per_line(lines: &[L], start: usize) -> Option<Found> {
    let i = start;
    if !label_like(lines.get(i)?.text) {
        return None;
    }
    let k = figures_after(lines, i);
    if k == 0 {
        return None;
    }
    // Data rows (and section rows between them) from i.
    let mut rows = Vec::new();
    let mut j = i;
    let mut data = 0;
    loop {
        if cell_row(lines, j, k) {
            let mut cells = vec![strip_leader(lines[j].text)];
            cells.extend((1..=k).map(|d| lines[j + d].text.to_string()));
            rows.push(row(lines[j].loc, cells));
            data += 1;
            j += k + 1;
        } else if lines.get(j).is_some_and(|l| label_like(l.text)) && cell_row(lines, j + 1, k) {
            rows.push(row(lines[j].loc, vec![strip_leader(lines[j].text)]));
            j += 1;
        } else {
            break;
        }
    }
    if data < 2 || (k == 1 && data < 3) {
        return None;
    }
    // The heading row: a stub and k headings just above, possibly with
    // section rows between it and the first data row.
    let mut from = i;
    for s in 0..=2usize {
        let Some(h) = i.checked_sub(s + k + 1) else {
            break;
        };
        let head = &lines[h..h + k + 1];
        let sections = &lines[h + k + 1..i];
        if head.iter().all(|l| label_like(l.text) || is_figure(l.text))
            && sections.iter().all(|l| label_like(l.text))
            && (starts_here(lines, h) || (s == 0 && title_above(lines, h, k)))
            && !heading_ambiguous(lines, h, k)
        {
            let mut head_rows = vec![row(
                head[0].loc,
                head.iter().map(|l| l.text.to_string()).collect(),
            )];
            head_rows.extend(
                sections
                    .iter()
                    .map(|l| row(l.loc, vec![l.text.to_string()])),
            );
            head_rows.append(&mut rows);
            rows = head_rows;
            from = h;
            break;
        }
    }
    Some(Found {
        from,
        to: j,
        rows,
        notice: None,
    })
}

/// Rows flattened to single spaces: a label and the same number of figures
/// on each line.
fn flat_rows(lines: &[L], start: usize) -> Option<Found> {
    let (label, figs) = flattened(lines.get(start)?.text);
    if label.is_empty() || figs.is_empty() {
        return None;
    }
    // The run of lines with figures (and section lines between them).
    let mut j = start;
    let mut counts = Vec::new();
    let mut parsed: Vec<(usize, String, Vec<String>)> = Vec::new();
    while j < lines.len() {
        // A sentence ends the table, whatever figures it ends with.
        if sentence(lines[j].text) {
            break;
        }
        let (label, figs) = flattened(lines[j].text);
        if !figs.is_empty() && !label.is_empty() && label_like(&label) {
            counts.push(figs.len());
            parsed.push((j, label, figs));
            j += 1;
        } else if label_like(lines[j].text)
            && lines.get(j + 1).is_some_and(|n| {
                let (l, f) = flattened(n.text);
                !f.is_empty() && !l.is_empty() && !sentence(n.text)
            })
        {
            parsed.push((j, strip_leader(lines[j].text), Vec::new()));
            j += 1;
        } else {
            break;
        }
    }
    // The most common figure count is the table's.
    let k = (1..=counts.iter().copied().max()?)
        .max_by_key(|k| (counts.iter().filter(|c| *c == k).count(), *k))?;
    let data = counts.iter().filter(|c| **c >= k).count();
    if data < 2 || (k == 1 && data < 3) || counts.iter().any(|c| *c < k) {
        return None;
    }
    let mut rows = Vec::new();
    for (at, label, mut figs) in parsed {
        if figs.is_empty() {
            rows.push(row(lines[at].loc, vec![label]));
            continue;
        }
        // Extra leading figures belong to the label (`I alt konto 6 0,0 …`).
        let extra: Vec<String> = figs.drain(..figs.len() - k).collect();
        let mut label = label;
        for e in extra {
            label.push(' ');
            label.push_str(&e);
        }
        let mut cells = vec![label];
        cells.extend(figs);
        rows.push(row(lines[at].loc, cells));
    }
    // The heading row above (possibly with section rows between): its
    // last k words are the headings.
    let mut from = start;
    for s in 0..=2usize {
        let Some(h) = start.checked_sub(s + 1) else {
            break;
        };
        let words: Vec<&str> = lines[h].text.split_whitespace().collect();
        let sections = &lines[h + 1..start];
        // A line of the k columns' years just above (`2017 2018`).
        let years_above = h.checked_sub(1).and_then(|y| lines.get(y)).filter(|y| {
            !lines[h].after_blank && {
                let ys: Vec<&str> = y.text.split_whitespace().collect();
                ys.len() == k && ys.iter().all(|w| year(w))
            }
        });
        if label_like(lines[h].text)
            && words.len() > k
            && (starts_here(lines, h) || years_above.is_some_and(|_| starts_here(lines, h - 1)))
            && sections
                .iter()
                .all(|l| label_like(l.text) && !l.after_blank)
            && !lines[h + 1..=start].iter().any(|l| l.after_blank)
        {
            let mut head = vec![row(lines[h].loc, {
                if let Some(phrase) = repeated(&words, k) {
                    // `Antal personer Antal personer` over two columns.
                    std::iter::once(String::new())
                        .chain(std::iter::repeat_n(phrase, k))
                        .collect()
                } else if let Some(cells) = capitalised(&words, k) {
                    cells
                } else {
                    let mut cells = vec![words[..words.len() - k].join(" ")];
                    cells.extend(words[words.len() - k..].iter().map(|w| w.to_string()));
                    cells
                }
            })];
            if let Some(years) = years_above {
                let cells = std::iter::once(String::new())
                    .chain(years.text.split_whitespace().map(str::to_string))
                    .collect();
                head.insert(0, row(years.loc, cells));
                from = h - 1;
            }
            head.extend(
                sections
                    .iter()
                    .map(|l| row(l.loc, vec![strip_leader(l.text)])),
            );
            head.append(&mut rows);
            rows = head;
            from = from.min(h);
            break;
        }
    }
    Some(Found {
        from,
        to: j,
        rows,
        notice: None,
    })
}

/// A heading of `k` columns that repeats one phrase (`Antal personer
/// Antal personer`): the phrase. Split by its last `k` words instead, it
/// headed the columns `Antal` and `personer`, and the unit (persons) was
/// lost.
fn repeated(words: &[&str], k: usize) -> Option<String> {
    if k < 2 || words.len() % k != 0 || words.len() == k {
        return None;
    }
    let n = words.len() / k;
    let first = &words[..n];
    words.chunks(n).all(|c| c == first).then(|| first.join(" "))
}

/// A heading line of more words than columns, split where a word starts
/// with a capital letter (Danish headings capitalise only their first
/// word): `Udgifter Indtægter Saldo Akkumuleret saldo` over four columns is
/// `Udgifter | Indtægter | Saldo | Akkumuleret saldo`, where its last four
/// words made `Akkumuleret` and `saldo` two headings and the accumulated
/// balance was summed as a saldo (a false error). Taken only when the split
/// gives exactly the `k` headings (the stub empty) or a stub and the `k`
/// headings (`Mio. kr. Budget 2025 Regnskab 2025`).
fn capitalised(words: &[&str], k: usize) -> Option<Vec<String>> {
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if !words.first().is_some_and(|w| capital(w)) {
        return None;
    }
    let mut groups: Vec<Vec<&str>> = Vec::new();
    for &w in words {
        match groups.last_mut() {
            Some(g) if !capital(w) => g.push(w),
            _ => groups.push(vec![w]),
        }
    }
    let joined: Vec<String> = groups.iter().map(|g| g.join(" ")).collect();
    match joined.len() {
        n if n == k => Some(std::iter::once(String::new()).chain(joined).collect()),
        n if n == k + 1 => Some(joined),
        _ => None,
    }
}

/// A year as a column heading (`2026`).
fn year(s: &str) -> bool {
    s.len() == 4 && s.starts_with(['1', '2']) && s.bytes().all(|b| b.is_ascii_digit())
}

/// Column by column, one cell per line: the stub (`Mio. kr.`) and the row
/// labels, then for each column its heading and one figure per row. Read only when every column has exactly one figure per row; a
/// column that falls short ends the table.
fn column_by_column(lines: &[L], start: usize) -> Option<Found> {
    if !starts_here(lines, start) {
        return None;
    }
    let m = lines[start..]
        .iter()
        .take_while(|l| label_like(l.text))
        .count();
    if m < 2 {
        return None;
    }
    // Columns of `r` figures after a heading, r = m - 1 (the first label is
    // the stub).
    let columns_of = |r: usize| -> Vec<(usize, Vec<usize>)> {
        let mut cols = Vec::new();
        let mut j = start + m;
        while let Some(h) = lines.get(j) {
            if !(label_like(h.text) || year(h.text)) {
                break;
            }
            let figs: Vec<usize> = (j + 1..j + 1 + r)
                .take_while(|&k| lines.get(k).is_some_and(|l| is_figure(l.text)))
                .collect();
            // A figure right after the column's figures means a longer
            // column than the labels (a year is the next column's heading).
            let next_is_figure = lines
                .get(j + 1 + r)
                .is_some_and(|l| is_figure(l.text) && !year(l.text));
            if figs.len() != r || next_is_figure {
                break;
            }
            cols.push((j, figs));
            j += 1 + r;
        }
        cols
    };
    // Only with a stub: without one, a stub line (`Mio. kr.`) and a row
    // label cannot be told apart, and a wrong row is a false error.
    let (r, stub) = (m - 1, true);
    if r < 2 {
        return None;
    }
    let cols = columns_of(r);
    if cols.is_empty() {
        return None;
    }
    let first_label = if stub { start + 1 } else { start };
    let mut rows = vec![row(
        lines[start].loc,
        std::iter::once(if stub {
            lines[start].text.to_string()
        } else {
            String::new()
        })
        .chain(cols.iter().map(|(h, _)| lines[*h].text.to_string()))
        .collect(),
    )];
    for k in 0..r {
        let label = &lines[first_label + k];
        rows.push(row(
            label.loc,
            std::iter::once(strip_leader(label.text))
                .chain(cols.iter().map(|(_, figs)| lines[figs[k]].text.to_string()))
                .collect(),
        ));
    }
    let to = cols.last().map_or(start + m, |(h, _)| h + 1 + r);
    // A heading with fewer figures after it: a column whose cells were lost
    // in copying. Said, not read.
    let short = lines
        .get(to)
        .filter(|h| label_like(h.text) || year(h.text))
        .and_then(|h| {
            let n = lines[to + 1..]
                .iter()
                .take_while(|l| is_figure(l.text))
                .count();
            (n > 0 && n < r).then(|| Notice {
                loc: Some(h.loc.clone()),
                message: format!(
                "a column of the table above (\"{}\") has {n} of its {r} figures; it was not read",
                h.text
            ),
            })
        });
    Some(Found {
        from: start,
        to,
        rows,
        notice: short,
    })
}

/// Finds pasted tables in a stretch of text lines (none of them already a
/// tab or pipe table) and returns its blocks in order, with notices for
/// figures that look tabular but could not be read.
pub fn blocks(lines: &[(Loc, String)]) -> (Vec<Block>, Vec<Notice>) {
    let mut ls: Vec<L> = Vec::new();
    let mut blank = true;
    for (loc, text) in lines {
        let t = text.trim();
        if t.is_empty() {
            blank = true;
            continue;
        }
        ls.push(L {
            loc,
            text: t,
            after_blank: blank,
        });
        blank = false;
    }
    let mut out: Vec<Block> = Vec::new();
    // Notices with the index of the line they are at (a table found later
    // may take those lines back as its heading row).
    let mut notices: Vec<(usize, Notice)> = Vec::new();
    let mut para: Vec<&L> = Vec::new();
    let flush = |para: &mut Vec<&L>, out: &mut Vec<Block>| {
        if let Some(first) = para.first() {
            out.push(Block::Paragraph(Paragraph {
                text: para.iter().map(|l| l.text).collect::<Vec<_>>().join("\n"),
                loc: first.loc.clone(),
                heading: false,
            }));
        }
        para.clear();
    };
    let mut i = 0;
    while i < ls.len() {
        let found = cell_per_line(&ls, i)
            .or_else(|| flat_rows(&ls, i))
            .or_else(|| column_by_column(&ls, i));
        if let Some(f) = found {
            // Lines taken back for the heading row leave the paragraph.
            let keep = para.len().saturating_sub(i - f.from);
            para.truncate(keep);
            notices.retain(|(at, _)| *at < f.from);
            if let Some(n) = f.notice {
                notices.push((f.to, n));
            }
            flush(&mut para, &mut out);
            let title = match out.last() {
                Some(Block::Paragraph(p)) => p.text.lines().last().and_then(super::title_of),
                _ => None,
            };
            out.push(Block::Table(Table::from_rows(
                ls[f.from].loc.clone(),
                title,
                None,
                f.rows,
            )));
            i = f.to;
            continue;
        }
        // Three or more figures one per line that made no table.
        if is_figure(ls[i].text) {
            let run = ls[i..].iter().take_while(|l| is_figure(l.text)).count();
            if run >= 3 && (i == 0 || !is_figure(ls[i - 1].text)) {
                notices.push((i, Notice {
                    loc: Some(ls[i].loc.clone()),
                    message: format!(
                        "a table was seen here ({run} figures one per line) but its rows and columns could not be determined"
                    ),
                }));
            }
        }
        if ls[i].after_blank {
            flush(&mut para, &mut out);
        }
        para.push(&ls[i]);
        i += 1;
    }
    flush(&mut para, &mut out);
    (out, notices.into_iter().map(|(_, n)| n).collect())
}

/// Rows pasted with single spaces between a label and its figures inside a
/// table laid out by runs of spaces (`Hovedanlægsbidrag kr. 2.282,50` above
/// `Forsyningsledningsbidrag kr.   8.750,00`): such a line is one segment,
/// so it was left out of the table, the table lost a row (the first part
/// of its `I alt`) and its total was a false error. A one-segment line that
/// ends in `k` figures after a short label (no sentence), directly above or
/// below a line of a label and `k` figures, is split into the label and its
/// figures, placed in that line's columns. Two sweeps (down, then up), so a
/// run of such lines next to one laid-out line is split throughout, in
/// linear time.
fn split_single_spaced(lines: &mut [layout::Line]) {
    fn split(line: &layout::Line) -> Option<(String, Vec<String>)> {
        let [seg] = line.segs.as_slice() else {
            return None;
        };
        let tokens: Vec<&str> = seg.text.split(' ').filter(|t| !t.is_empty()).collect();
        let mut k = tokens.len();
        while k > 0 && is_figure(tokens[k - 1]) {
            k -= 1;
        }
        let label = tokens[..k].join(" ");
        (k > 0
            && k < tokens.len()
            && label.chars().count() <= 60
            && label.chars().any(char::is_alphabetic)
            && !sentence(&label))
        .then(|| (label, tokens[k..].iter().map(|t| t.to_string()).collect()))
    }
    let template = |l: &layout::Line, k: usize| -> Option<Vec<(i64, i64)>> {
        (l.segs.len() == k + 1 && l.segs[1..].iter().all(|s| is_figure(&s.text)))
            .then(|| l.segs[1..].iter().map(|s| (s.x0, s.x1)).collect())
    };
    let apply = |lines: &mut [layout::Line], i: usize, n: usize| {
        let Some((label, figs)) = split(&lines[i]) else {
            return;
        };
        let Some(cols) = template(&lines[n], figs.len()) else {
            return;
        };
        let x0 = lines[i].segs[0].x0;
        let bold = lines[i].segs[0].bold;
        let width = label.chars().count() as i64;
        let mut segs = vec![layout::Seg {
            text: label,
            x0,
            x1: x0 + width,
            bold,
        }];
        for (text, (a, b)) in figs.into_iter().zip(cols) {
            segs.push(layout::Seg {
                text,
                x0: a,
                x1: b,
                bold,
            });
        }
        lines[i].segs = segs;
    };
    for i in 1..lines.len() {
        apply(lines, i, i - 1);
    }
    for i in (0..lines.len().saturating_sub(1)).rev() {
        apply(lines, i, i + 1);
    }
}

/// Text that is not already a tab or pipe table: tables laid out by spaces
/// (layout text) first, then pasted tables in what is left as running text.
pub fn stretch(lines: &[(Loc, String)]) -> (Vec<Block>, Vec<Notice>) {
    let mut laid: Vec<layout::Line> = lines
        .iter()
        .map(|(loc, text)| layout::Line {
            loc: loc.clone(),
            segs: layout::segments(text),
            space_before: false,
            step: None,
        })
        .collect();
    split_single_spaced(&mut laid);
    let (first, mut notices) = layout::blocks(&laid, 2);
    let mut out = Vec::new();
    // The lines between layout tables (blank lines included: a table pasted
    // one cell per paragraph spans several), read again for pasted tables.
    // `cursor` walks `lines` once, so this is linear.
    let mut cursor = 0usize;
    let mut pending: Option<(usize, usize)> = None;
    let flush =
        |pending: &mut Option<(usize, usize)>, out: &mut Vec<Block>, notices: &mut Vec<Notice>| {
            if let Some((from, to)) = pending.take() {
                let (b, n) = blocks(&lines[from..to]);
                out.extend(b);
                notices.extend(n);
            }
        };
    for b in first {
        match b {
            Block::Paragraph(p) => {
                let Some(at) = lines[cursor..].iter().position(|(l, _)| *l == p.loc) else {
                    flush(&mut pending, &mut out, &mut notices);
                    out.push(Block::Paragraph(p));
                    continue;
                };
                let from = cursor + at;
                let to = (from + p.text.lines().count()).min(lines.len());
                cursor = to;
                pending = Some(match pending {
                    Some((start, _)) => (start, to),
                    None => (from, to),
                });
            }
            other => {
                flush(&mut pending, &mut out, &mut notices);
                if let Block::Table(t) = &other {
                    if let Some(at) = lines[cursor..].iter().position(|(l, _)| *l == t.loc) {
                        cursor += at + t.rows.len();
                    }
                }
                out.push(other);
            }
        }
    }
    flush(&mut pending, &mut out, &mut notices);
    (out, notices)
}

/// Reads a text file of pasted tables.
pub fn read(source: &super::Source) -> Result<Document, crate::error::InputError> {
    let text = super::decode::text(source)?;
    let lines: Vec<(Loc, String)> = text
        .text
        .lines()
        .enumerate()
        .map(|(n, l)| (Loc::line(n + 1), l.to_string()))
        .collect();
    let (blocks, mut notices) = stretch(&lines);
    let mut doc = Document::new(source.name, source.style);
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

    fn lines(s: &str) -> Vec<(Loc, String)> {
        s.lines()
            .enumerate()
            .map(|(n, l)| (Loc::line(n + 1), l.to_string()))
            .collect()
    }

    fn tables(s: &str) -> (Vec<Vec<Vec<String>>>, Vec<Notice>) {
        let (b, n) = stretch(&lines(s));
        (
            b.iter()
                .filter_map(|b| match b {
                    Block::Table(t) => Some(
                        t.rows
                            .iter()
                            .map(|r| r.cells.iter().map(|c| c.text.clone()).collect())
                            .collect(),
                    ),
                    _ => None,
                })
                .collect(),
            n,
        )
    }

    #[test]
    fn multi_word_headings_of_a_flattened_table() {
        let words = |s: &'static str| s.split_whitespace().collect::<Vec<_>>();
        assert_eq!(
            capitalised(&words("Udgifter Indtægter Saldo Akkumuleret saldo"), 4),
            Some(
                vec!["", "Udgifter", "Indtægter", "Saldo", "Akkumuleret saldo"]
                    .into_iter()
                    .map(String::from)
                    .collect()
            )
        );
        assert_eq!(
            capitalised(&words("Mio. kr. Budget 2025 Regnskab 2025"), 2),
            Some(
                vec!["Mio. kr.", "Budget 2025", "Regnskab 2025"]
                    .into_iter()
                    .map(String::from)
                    .collect()
            )
        );
        // Neither k nor k + 1 headings: not split this way.
        assert_eq!(capitalised(&words("Udgifter Indtægter Saldo"), 5), None);
        assert_eq!(capitalised(&words("mio. kr. 2025 2026"), 2), None);
        assert_eq!(
            repeated(&words("Antal personer Antal personer"), 2),
            Some("Antal personer".to_string())
        );
        assert_eq!(repeated(&words("Antal personer Antal sager"), 2), None);
        let (t, _) = tables(
            "Kontanthjælp\n\n2017 2018\nAntal personer Antal personer\nJobparat 40.022 35.244\nAktivitetsparat 70.163 66.254\n",
        );
        assert_eq!(
            t[0][..2],
            [
                vec!["".to_string(), "2017".into(), "2018".into()],
                vec![
                    "".to_string(),
                    "Antal personer".into(),
                    "Antal personer".into()
                ],
            ]
        );
    }

    #[test]
    fn one_cell_per_line_row_by_row_with_a_section_row() {
        let (t, n) = tables(
            "Besparelserne fordeler sig således.\nMio. kr.\nRealiserede besparelser 2026\nAndel\nKonto 6 (service)\n\
             Medarbejdere\n-3,5\n57,4%\nReducerede udgifter\n-2,6\n42,6%\nI alt konto 6\n-6,1\n100,0%\nTekst efter.",
        );
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(
            t,
            vec![vec![
                vec!["Mio. kr.", "Realiserede besparelser 2026", "Andel"],
                vec!["Konto 6 (service)"],
                vec!["Medarbejdere", "-3,5", "57,4%"],
                vec!["Reducerede udgifter", "-2,6", "42,6%"],
                vec!["I alt konto 6", "-6,1", "100,0%"],
            ]]
        );
    }

    #[test]
    fn flattened_rows_with_dot_leaders() {
        let (t, _) = tables(
            "Mio. kr. 2026 2027\nKonto 6 (service)\nBesparelseskrav ........ 6,1 15,9\nRealiserede besparelser . . . . -6,1 -6,1\nI alt konto 6 0,0 9,8\n",
        );
        assert_eq!(
            t,
            vec![vec![
                vec!["Mio. kr.", "2026", "2027"],
                vec!["Konto 6 (service)"],
                vec!["Besparelseskrav", "6,1", "15,9"],
                vec!["Realiserede besparelser", "-6,1", "-6,1"],
                vec!["I alt konto 6", "0,0", "9,8"],
            ]]
        );
    }

    #[test]
    fn figures_one_per_line_that_make_no_table_are_said() {
        let (t, n) =
            // A column of four figures under three labels: no rows fit.
            tables("Mio. kr.\nService\nOverførsler\nI alt\n2026\n1,0\n2,0\n4,0\n3,0\n2027\n1,0\n");
        assert!(t.is_empty(), "{t:?}");
        assert_eq!(n.len(), 1, "{n:?}");
        assert_eq!(n[0].loc, Some(Loc::line(5)));
    }

    #[test]
    fn prose_with_numbers_is_not_a_table() {
        let (t, n) = tables(
            "Reformen giver besparelser på 6,1 mio. kr. i 2026.\nDet stiger til 19,1 i 2029.\n",
        );
        assert!(t.is_empty() && n.is_empty(), "{t:?} {n:?}");
    }
}

#[cfg(test)]
mod column_tests {
    use super::*;

    fn lines(s: &str) -> Vec<(Loc, String)> {
        s.lines()
            .enumerate()
            .map(|(n, l)| (Loc::line(n + 1), l.to_string()))
            .collect()
    }

    #[test]
    fn a_table_pasted_column_by_column_is_rebuilt_when_every_column_fits() {
        let (b, n) = blocks(&lines(
            "Tabellen viser bevillingerne.\nBevillinger (mio. kr.)\nService\nOverførsler\nI alt\n\
             2025\n-0,3\n0,0\n-0,3\n2026\n0,0\n0,0\n0,0\nAnlæg\n-\nTekst efter.",
        ));
        let t: Vec<Vec<Vec<String>>> = b
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(
                    t.rows
                        .iter()
                        .map(|r| r.cells.iter().map(|c| c.text.clone()).collect())
                        .collect(),
                ),
                _ => None,
            })
            .collect();
        assert_eq!(
            t,
            vec![vec![
                vec!["Bevillinger (mio. kr.)", "2025", "2026"],
                vec!["Service", "-0,3", "0,0"],
                vec!["Overførsler", "0,0", "0,0"],
                vec!["I alt", "-0,3", "0,0"],
            ]]
        );
        // The column that fell short is said, and left as running text.
        assert_eq!(n.len(), 1, "{n:?}");
        assert_eq!(n[0].loc, Some(Loc::line(14)));
        assert!(
            n[0].message.contains("(\"Anlæg\") has 1 of its 3 figures"),
            "{n:?}"
        );
    }
}
