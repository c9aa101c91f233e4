//! Figures stated twice: a sentence that restates another (the resumé and
//! the sagsfremstilling), and a figure that restates a table cell named by
//! its row's label and its column's year.

use std::collections::HashMap;

use super::facts::{self, measure_word};
use super::prose::{Fig, Scale, Sentence, Tok, Unit, MONTHS};
use super::{Ctx, Kind};
use crate::document::{Loc, Table};
use crate::numfmt::{parse_number, PrintedNumber};
use crate::verify::judge::{Relation, Term};

#[derive(Clone, Debug, PartialEq, Eq)]
enum Sig {
    Word(String),
    /// A quantity: index of the figure.
    Slot(usize),
    Year(u32),
    /// A date (`30. september 2025`): its text.
    Date(String),
}

fn signature(s: &Sentence, text: &str) -> Vec<Sig> {
    let mut out = Vec::with_capacity(s.tokens.len());
    let mut i = 0;
    while i < s.tokens.len() {
        let Some(t) = s.tokens.get(i) else { break };
        match &t.tok {
            Tok::Word(w) => out.push(Sig::Word(w.clone())),
            Tok::Punct(_) => {}
            Tok::Fig(k) => {
                let Some(f) = s.figs.get(*k) else { break };
                let month = s.word(i + 2).is_some_and(|m| MONTHS.contains(&m));
                if f.unit == Unit::Other && s.punct(i + 1) == Some('.') && month {
                    let mut end = i + 2;
                    if s.fig_at(end + 1).is_some_and(|y| y.unit == Unit::Year) {
                        end += 1;
                    }
                    let a = t.start;
                    let b = s.tokens.get(end).map_or(t.end, |e| e.end);
                    out.push(Sig::Date(text.get(a..b).unwrap_or("").to_string()));
                    i = end + 1;
                    continue;
                }
                match f.unit {
                    Unit::Year => out.push(Sig::Year(f.year().unwrap_or(0))),
                    Unit::Other => out.push(Sig::Word(format!("#{}", f.num.value))),
                    _ => out.push(Sig::Slot(*k)),
                }
            }
        }
        i += 1;
    }
    out
}

/// Sentences of one length compared pairwise, at most.
const MAX_GROUP: usize = 256;

/// The most figures of a paragraph compared with those of the paragraph it
/// restates: as many as one sentence is read with.
const MAX_RESTATED_FIGURES: usize = super::patterns::MAX_FIGURES;

/// Figures times table rows tried for tick-and-tie, at most (bounded time).
const MAX_TIE_WORK: usize = 4_000_000;

/// Rows looked at for the figures, at most: each a look-up of a table's
/// facts read once ([`table_facts`]).
const MAX_TIE_LOOKS: usize = 4 * MAX_TIE_WORK;

/// Cells of the rows a figure's words name, read for the figures, at most
/// (a cell read and scored is about a microsecond).
const MAX_TIE_CELLS: usize = 2_000_000;

/// A figure whose words fit more cells than this, all alike, is tied to
/// none (it names no one cell).
const MAX_CANDIDATES: usize = 256;

/// At most one edit apart (a typo: `indsat` / `indsats`).
fn near(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().min(b.len()) < 5 || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (mut i, mut j, mut edits) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if a.get(i) == b.get(j) {
            i += 1;
            j += 1;
            continue;
        }
        edits += 1;
        if edits > 1 {
            return false;
        }
        match a.len().cmp(&b.len()) {
            std::cmp::Ordering::Less => j += 1,
            std::cmp::Ordering::Greater => i += 1,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
    }
    edits + (a.len() - i) + (b.len() - j) <= 1
}

/// A figure's place: sentence and figure index.
type Slot = (usize, usize);

/// A paragraph, its signature and where its figures are.
type Shaped = (usize, Vec<Sig>, Vec<Slot>);

/// Paragraphs of at least 20 words with figures, word for word the same
/// (a typo allowed) as an earlier paragraph: each figure must restate the
/// other. Judged only when some figure of the two agrees and one differs at
/// most (a paragraph copied into the resumé, with a slip); where every
/// figure differs, the same words may speak of another quantity, where
/// several differ the text may be updated or another period's list, and
/// where the dates differ the later text may be a newer estimate: differing
/// figures are then listed as not understood.
pub fn restatements(ctx: &mut Ctx) {
    let mut groups: HashMap<(usize, usize), Vec<Shaped>> = HashMap::new();
    for (pi, para) in ctx.paras.iter().enumerate() {
        if para.sents.iter().all(|s| s.figs.is_empty()) {
            continue;
        }
        let mut sig = Vec::new();
        let mut slots: Vec<Slot> = Vec::new();
        for (si, s) in para.sents.iter().enumerate() {
            for x in signature(s, &para.p.text) {
                if let Sig::Slot(k) = x {
                    slots.push((si, k));
                    sig.push(Sig::Slot(slots.len() - 1));
                } else {
                    sig.push(x);
                }
            }
            sig.push(Sig::Word(".".to_string()));
        }
        let words = sig.iter().filter(|x| matches!(x, Sig::Word(_))).count();
        if words >= 20 && !slots.is_empty() {
            let g = groups.entry((sig.len(), slots.len())).or_default();
            // Bounded: a group of many paragraphs of one shape is not
            // compared pair by pair beyond this many.
            if g.len() < MAX_GROUP {
                g.push((pi, sig, slots));
            }
        }
    }
    let mut found = Vec::new();
    for list in groups.values() {
        for (a, x) in list.iter().enumerate() {
            // The first earlier paragraph it restates.
            for y in list.iter().take(a) {
                let mut dates = false;
                let ok = y.1.iter().zip(&x.1).all(|(p, q)| match (p, q) {
                    (Sig::Word(p), Sig::Word(q)) => near(p, q),
                    (Sig::Year(p), Sig::Year(q)) => p == q,
                    (Sig::Slot(_), Sig::Slot(_)) => true,
                    (Sig::Date(p), Sig::Date(q)) => {
                        dates |= p != q;
                        true
                    }
                    _ => false,
                });
                if ok {
                    let pairs: Vec<(Slot, Slot)> =
                        y.2.iter().copied().zip(x.2.iter().copied()).collect();
                    found.push((y.0, x.0, pairs, dates));
                    break;
                }
            }
        }
    }
    found.sort();
    for (p0, p1, pairs, dates) in found {
        let fig = |pi: usize, (si, k): Slot| {
            ctx.paras
                .get(pi)
                .and_then(|p| p.sents.get(si))
                .and_then(|s| s.figs.get(k))
        };
        // A restatement of more figures than a sentence is read with is
        // said once, not figure by figure (twenty paragraphs of 1 600
        // figures each, the same words: 30 400 lines, each with its
        // sentence, 14 s and 1,8 GB of JSON).
        if pairs.len() > MAX_RESTATED_FIGURES {
            if let Some(&(_, b)) = pairs.first() {
                let off = fig(p1, b).map_or(0, |f| f.start);
                let where_first = ctx.paras.get(p0).map_or(Loc::line(0), |p| p.p.loc.clone());
                ctx.not_understood(
                    p1,
                    b.0,
                    off,
                    format!(
                        "restates the paragraph at line {where_first} word for word, and its {} figures are too many to compare",
                        pairs.len()
                    ),
                );
            }
            continue;
        }
        let mut todo = Vec::new();
        for (a, b) in pairs {
            let (Some(fa), Some(fb)) = (fig(p0, a), fig(p1, b)) else {
                continue;
            };
            if fa.unit != fb.unit || fa.approx || fb.approx {
                continue;
            }
            todo.push((fa.num, fb.num, b.0, fb.start));
        }
        let some_agree = todo.iter().any(|(a, b, _, _)| a == b);
        // More than one figure differs: an updated text or another period's
        // list under the same words (Sønderborg's prices from 1 January and
        // from 1 August 2019, two of seven changed), not a copy with a slip.
        let differ = todo.iter().filter(|(a, b, _, _)| a != b).count();
        let where_first = ctx.paras.get(p0).map_or(Loc::line(0), |p| p.p.loc.clone());
        for (a, b, s1, off) in todo {
            let rel = Relation::Sum {
                terms: vec![Term {
                    negative: false,
                    figure: a,
                }],
                total: b,
            };
            if a != b && (dates || !some_agree || differ > 1) {
                let why = if dates {
                    format!("restates the paragraph at line {where_first} with other dates and another figure")
                } else if some_agree {
                    format!("the paragraph at line {where_first} has the same words and {differ} other figures: an updated text or another period's?")
                } else {
                    format!("the paragraph at line {where_first} has the same words and other figures throughout")
                };
                ctx.not_understood(p1, s1, off, why);
                continue;
            }
            let note = if dates {
                format!("restates line {where_first}, which has other dates")
            } else {
                format!("restates line {where_first}")
            };
            ctx.claim_noted(p1, s1, off, Kind::Restated, rel, &note);
        }
    }
}

/// Words of a label that must be in the sentence (`I alt konto 6` -> konto, 6).
fn content_words(label: &str) -> Vec<String> {
    label
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty())
        .filter(|w| {
            !matches!(
                w.as_str(),
                "i" | "alt"
                    | "og"
                    | "for"
                    | "af"
                    | "på"
                    | "til"
                    | "mio"
                    | "kr"
                    | "t"
                    | "mia"
                    | "heraf"
                    | "the"
                    | "med"
                    | "samlet"
                    | "total"
            )
        })
        .collect()
}

/// Inflections of a Danish noun or adjective (`besparelse`, `besparelser`,
/// `besparelserne`); not compounds (`besparelseskrav`, `servicerammen`).
const ENDINGS: &[&str] = &[
    "e", "er", "ne", "en", "et", "erne", "ene", "s", "r", "n", "ens", "ets",
];

fn covers(words: &[String], w: &str) -> bool {
    words.iter().any(|x| {
        x == w || {
            let (short, long) = if x.len() < w.len() {
                (x.as_str(), w)
            } else {
                (w, x.as_str())
            };
            short.chars().count() >= 4
                && long
                    .strip_prefix(short)
                    .is_some_and(|rest| ENDINGS.contains(&rest))
        }
    })
}

fn year_in(text: &str) -> Option<u32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|t| t.len() == 4)
        .filter_map(|t| t.parse::<u32>().ok())
        .find(|y| (1900..=2100).contains(y))
}

fn table_scale(t: &Table) -> Option<Scale> {
    let mut text = t.title.clone().unwrap_or_default().to_lowercase();
    if let Some(c) = t.rows.first().and_then(|r| r.cells.first()) {
        text.push(' ');
        text.push_str(&c.text.to_lowercase());
    }
    if text.contains("mio") {
        Some(Scale::Mio)
    } else if text.contains("mia") {
        Some(Scale::Mia)
    } else if text.contains("t. kr") || text.contains("1.000 kr") {
        Some(Scale::TKr)
    } else if text.contains("kr") {
        Some(Scale::Kr)
    } else {
        None
    }
}

/// One numeric cell that a figure may restate.
struct Candidate {
    value: PrintedNumber,
    loc: Loc,
    label: String,
    column: String,
    score: usize,
    measure_ok: bool,
    /// The figure's words name no measure while the table names some: the
    /// figure may be of another measure, so it may agree but not be an error.
    unsure: bool,
}

/// Words near a figure: back to the previous quantity, and on to the next
/// quantity, comma or parenthesis. A `(P%)` after an amount, and a figure
/// after `stigende til`, take the words of the amount they follow.
fn window(s: &Sentence, k: usize, heads: &[usize]) -> Vec<String> {
    let Some(f) = s.figs.get(k) else {
        return Vec::new();
    };
    let is_q = |i: usize| {
        s.fig_at(i)
            .is_some_and(|g| !matches!(g.unit, Unit::Year | Unit::Other))
    };
    if f.is_percent() && s.punct(f.token.wrapping_sub(1)) == Some('(') {
        let prev = (0..k)
            .rev()
            .find(|&j| s.figs.get(j).is_some_and(Fig::is_amount));
        if let Some(j) = prev {
            return window(s, j, heads);
        }
    }
    let mut out = Vec::new();
    let prev = (0..f.token).rev().find(|&i| is_q(i));
    // The words just after the previous figure, up to its `og`, `mens` or
    // comma, belong to that figure (`19,1 mio. kr. i 2029 på konto 6 og 9,8 …`).
    let from = match prev {
        None => 0,
        Some(p) => (p + 1..f.token)
            .find(|&i| s.punct(i) == Some(',') || matches!(s.word(i), Some("og" | "mens" | "samt")))
            .map_or(f.token, |i| i + 1),
    };
    for i in from..f.token {
        push_word(s, i, &mut out);
    }
    let mut i = f.token + 1;
    while i < s.tokens.len() && !is_q(i) && !matches!(s.punct(i), Some(',' | '(')) {
        push_word(s, i, &mut out);
        i += 1;
    }
    let head = heads.get(k).copied().unwrap_or(k);
    if head != k {
        out.extend(window(s, head, heads));
    }
    out
}

/// A word, or the number of a reference (`konto 6`), into a window.
fn push_word(s: &Sentence, i: usize, out: &mut Vec<String>) {
    if let Some(w) = s.word(i) {
        out.push(w.to_string());
    } else if let Some(f) = s.fig_at(i).filter(|f| f.unit == Unit::Other) {
        out.push(f.num.value.to_string());
    }
}

/// Figures in the text that name a table's row (every word of its label near
/// the figure) and column (its year): they must agree with the cell. The
/// tables are visited one at a time (`tables` calls its argument on each, in
/// the document's order), so they need not all be held: a text document's
/// are read again, table by table ([`crate::verify::stream`]).
pub fn tables(ctx: &mut Ctx, tables: impl FnOnce(&mut dyn FnMut(&Table))) {
    // The figures to tie, with what locates them, in the text's order.
    struct Tied<'s> {
        pi: usize,
        si: usize,
        fig: &'s Fig,
        year: Option<u32>,
        near_words: Vec<String>,
        sentence_measures: Vec<&'static str>,
        cands: Vec<Candidate>,
        /// More cells fit it than [`MAX_CANDIDATES`]: tied to none.
        overflow: bool,
    }
    let figs: usize = ctx
        .paras
        .iter()
        .flat_map(|p| p.sents.iter())
        .map(|s| s.figs.len())
        .sum();
    let mut tied = Vec::new();
    for (pi, para) in ctx.paras.iter().enumerate() {
        for (si, s) in para.sents.iter().enumerate() {
            let heads = facts::chains(s);
            for (k, f) in s.figs.iter().enumerate() {
                if f.approx || !(f.is_amount() || f.is_percent()) {
                    continue;
                }
                let near_words = window(s, k, &heads);
                let sentence_measures: Vec<&'static str> =
                    near_words.iter().filter_map(|w| measure_word(w)).collect();
                let year = if f.is_percent() {
                    None
                } else {
                    facts::year_of(s, f)
                };
                tied.push(Tied {
                    pi,
                    si,
                    fig: f,
                    year,
                    near_words,
                    sentence_measures,
                    cands: Vec::new(),
                    overflow: false,
                });
            }
        }
    }
    // Every table's rows are counted; their cells are tried while the work
    // stays within bounds (figures times rows).
    let style = ctx.doc.style;
    let (mut seen, mut rows) = (0usize, 0usize);
    // Rows, and cells of named rows, looked at for the figures.
    let (mut work, mut cells) = (0usize, 0usize);
    tables(&mut |t: &Table| {
        seen += 1;
        rows += t.rows.len();
        if rows.saturating_mul(figs) > MAX_TIE_WORK {
            return;
        }
        // What the figures are compared with, read of the table once
        // (its rows' labels, which columns hold amounts or per cents), when
        // a first figure asks: not again for each figure (a table of 999
        // columns of text and 20 000 per cents in the text took 82 s).
        let facts = std::cell::OnceCell::new();
        for x in &mut tied {
            if work > MAX_TIE_LOOKS || cells > MAX_TIE_CELLS {
                break;
            }
            if x.overflow {
                continue;
            }
            let (w, c) = candidates(
                t,
                &facts,
                x.fig,
                x.year,
                &x.near_words,
                &x.sentence_measures,
                style,
                &mut x.cands,
            );
            work += w;
            cells += c;
            if x.cands.len() > MAX_CANDIDATES {
                x.cands = Vec::new();
                x.overflow = true;
            }
        }
    });
    if seen == 0 {
        return;
    }
    if rows.saturating_mul(figs) > MAX_TIE_WORK || work > MAX_TIE_LOOKS || cells > MAX_TIE_CELLS {
        ctx.out.not_understood.push(super::Unread {
            loc: ctx.paras.first().map_or(Loc::line(0), |p| p.p.loc.clone()),
            sentence: String::new(),
            why: format!(
                "{figs} figures in the text and {rows} table rows are too many to tie figures to tables"
            ),
        });
        return;
    }
    let mut todo = Vec::new();
    for x in &tied {
        let (cands, f) = (&x.cands, x.fig);
        let Some(best) = cands.iter().map(|c| c.score).max() else {
            continue;
        };
        let best: Vec<&Candidate> = cands.iter().filter(|c| c.score == best).collect();
        if best.iter().any(|c| !c.measure_ok) {
            continue;
        }
        let agree = |c: &&Candidate| c.value.value.abs() == f.num.value.abs();
        let all_agree = best.iter().all(agree);
        let none_agree = !best.iter().any(agree);
        let Some(c) = best.first() else { continue };
        let values_equal = best.iter().all(|x| {
            x.value.value.abs() == c.value.value.abs() && x.value.decimals == c.value.decimals
        });
        let sure = !best.iter().any(|c| c.unsure);
        if all_agree || (none_agree && values_equal && sure) {
            let rel = Relation::Sum {
                terms: vec![Term {
                    negative: false,
                    figure: PrintedNumber {
                        value: c.value.value.abs(),
                        ..c.value
                    },
                }],
                total: f.abs(),
            };
            let note = format!(
                "table at {}, row {:?}, column {:?}",
                c.loc, c.label, c.column
            );
            todo.push((x.pi, x.si, f.start, rel, note));
        }
    }
    for (pi, si, off, rel, note) in todo {
        ctx.claim_noted(pi, si, off, Kind::Table, rel, &note);
    }
}

/// What [`candidates`] reads of a table once, for every figure.
struct TableFacts<'t> {
    /// The rows with a figure: the row, its label cell, the label's content
    /// words and those of the section it stands in.
    rows: Vec<(
        &'t crate::document::Row,
        &'t crate::document::Cell,
        Vec<String>,
        Vec<String>,
    )>,
    /// The columns holding an amount (`[0]`) or a per cent (`[1]`).
    kind_cols: [Vec<usize>; 2],
    col_year: Vec<Option<u32>>,
    /// Measures the title and headers name, and those with the row labels.
    headers: Vec<&'static str>,
    table_wide: Vec<&'static str>,
}

/// Measures a text names.
fn measures_in(text: &str) -> Vec<&'static str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| measure_word(&w.to_lowercase()))
        .map(facts::family_static)
        .collect()
}

fn table_facts(t: &Table, style: crate::numfmt::NumberStyle) -> TableFacts<'_> {
    let parse = |text: &str| parse_number(text.trim().trim_matches('*'), style).ok();
    let header = t.rows.first();
    let width = header.map_or(0, |h| h.cells.len());
    let mut kinds = vec![[false; 2]; width];
    let mut rows = Vec::new();
    let mut section: Vec<String> = Vec::new();
    for r in t.rows.iter().skip(1) {
        let mut numeric = false;
        for (j, c) in r.cells.iter().enumerate().skip(1) {
            if let Some(n) = parse(&c.text) {
                numeric = true;
                if let Some(k) = kinds.get_mut(j) {
                    k[usize::from(n.percent)] = true;
                }
            }
        }
        let Some(label) = r.cells.first() else {
            continue;
        };
        if !numeric {
            section = content_words(&label.text);
            continue;
        }
        rows.push((r, label, content_words(&label.text), section.clone()));
    }
    let cols_of = |k: usize| -> Vec<usize> { (1..width).filter(|&j| kinds[j][k]).collect() };
    let mut headers: Vec<&'static str> = measures_in(t.title.as_deref().unwrap_or(""));
    for c in header.map_or(&[][..], |h| h.cells.as_slice()) {
        headers.extend(measures_in(&c.text));
    }
    let mut table_wide = headers.clone();
    for r in t.rows.iter().skip(1) {
        if let Some(c) = r.cells.first() {
            table_wide.extend(measures_in(&c.text));
        }
    }
    TableFacts {
        rows,
        kind_cols: [cols_of(0), cols_of(1)],
        col_year: header.map_or(Vec::new(), |h| {
            h.cells.iter().map(|c| year_in(&c.text)).collect()
        }),
        headers,
        table_wide,
    }
}

/// The cells of `t` that figure `f` may name, of the best score found so
/// far (the only ones the tie uses); returns the rows and the cells looked
/// at, which the caller bounds.
#[allow(clippy::too_many_arguments)]
fn candidates<'t>(
    t: &'t Table,
    facts_once: &std::cell::OnceCell<TableFacts<'t>>,
    f: &Fig,
    year: Option<u32>,
    near_words: &[String],
    sentence_measures: &[&'static str],
    style: crate::numfmt::NumberStyle,
    out: &mut Vec<Candidate>,
) -> (usize, usize) {
    let Some(header) = t.rows.first() else {
        return (0, 0);
    };
    if let Unit::Money(sc) = f.unit {
        if table_scale(t) != Some(sc) {
            return (1, 0);
        }
    }
    let style = t.style.unwrap_or(style);
    let tf = facts_once.get_or_init(|| table_facts(t, style));
    let parse = |text: &str| parse_number(text.trim().trim_matches('*'), style).ok();
    let work = tf.rows.len() + 1;
    let mut cells = 0;
    // The rows the figure's words name (every content word of the label,
    // two words or a long one), with the section each stands in. Looked
    // for first: most tables name none, and the rest is not needed then.
    let named: Vec<_> = tf
        .rows
        .iter()
        .filter(|(_, _, words, _)| {
            !words.is_empty()
                && words.iter().all(|w| covers(near_words, w))
                && (words.len() >= 2 || words.iter().any(|w| w.chars().count() >= 6))
        })
        .collect();
    if named.is_empty() {
        return (work, 0);
    }
    // Columns of the figure's kind, and the year they must have.
    let kind_cols = &tf.kind_cols[usize::from(f.is_percent())];
    let cols: Vec<usize> = match year {
        Some(y) => kind_cols
            .iter()
            .copied()
            .filter(|&j| tf.col_year.get(j).copied().flatten() == Some(y))
            .collect(),
        None if f.is_percent() || kind_cols.len() == 1 => kind_cols.clone(),
        None => Vec::new(),
    };
    if cols.is_empty() {
        return (work, 0);
    }
    // Measures the table names (title, headers, row labels): a figure whose
    // words name a measure must find it in its row, section, headers or title.
    for (r, label, words, section) in named {
        cells += cols.len();
        for &j in &cols {
            let Some(cell) = r.cells.get(j) else { continue };
            let Some(value) = parse(&cell.text) else {
                continue;
            };
            if value.percent != f.is_percent() {
                continue;
            }
            let column = header
                .cells
                .get(j)
                .map_or(String::new(), |c| c.text.clone());
            let mut all: Vec<String> = words.clone();
            all.extend(section.iter().cloned());
            all.extend(content_words(&column));
            all.sort();
            all.dedup();
            let score = all.iter().filter(|w| covers(near_words, w)).count();
            match out.first().map(|c| c.score) {
                Some(best) if score < best => continue,
                Some(best) if score > best => out.clear(),
                _ => {}
            }
            let mut own = tf.headers.clone();
            own.extend(measures_in(&label.text));
            own.extend(measures_in(&section.join(" ")));
            let measure_ok = tf.table_wide.is_empty()
                || sentence_measures
                    .iter()
                    .all(|m| own.contains(&facts::family_static(m)));
            out.push(Candidate {
                value,
                loc: cell.loc.clone(),
                label: label.text.clone(),
                column,
                score,
                measure_ok,
                unsure: sentence_measures.is_empty() && !tf.table_wide.is_empty(),
            });
            if out.len() > MAX_CANDIDATES {
                return (work, cells);
            }
        }
    }
    (work, cells)
}
