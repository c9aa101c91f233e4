//! A table's structure, read the way a careful reader reads it: which rows
//! are the header (if any), a running-number column before the label,
//! section rows, totals by their label, `Heraf`/`Herunder`/`Deraf` blocks
//! and dashed or indented sub-rows, rows that name their formula (`A+B`,
//! `(1+2)`), change rows along the years; and what each column means from its header
//! (years, changes between named years, shares, percentages, row totals).
//!
//! Format-blind: it takes a [`document::Table`](crate::document::Table).
//! Nothing here judges; [`super::establish`] decides from the figures.

use super::figure::{contains_word, read_cell, strip_emphasis, unit_in, year_of, years_in};
use super::figure::{in_column_unit, read_stripped};
use super::figure::{Cell, Unit};
use crate::document::{trim_text, Cell as DCell, Loc, Row, Table};
use crate::money::Decimal;
use crate::numfmt::NumberStyle;
use std::borrow::Cow;

/// What a row is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Role {
    /// A label and no figures (`Konto 6 (service)`).
    Section,
    Item,
    /// A total by its label. `strong`: the label is a total word, or ends
    /// with one, or starts with `I alt` (`I alt konto 6`, `Branche i alt`);
    /// otherwise (`Total omlægning af indsatsen`) the word is only a cue and
    /// the figures decide.
    Total {
        strong: bool,
    },
    /// `Heraf …` with figures: a part of the row above, not added into sums.
    Heraf,
    /// `Heraf` / `Herunder:` with no figures: the rows after it that are
    /// dashed or indented are parts of the row above it.
    HerafMarker,
    /// A row whose label names its formula: `A+B. Resultat`, `3 BFI (1+2)`.
    Formula(Vec<(bool, String)>),
    /// A label that names a difference or result (`Saldo`, `Netto`,
    /// `Driftsresultat`, `Afvigelse`, `Resultat inkl. overførsler`): a cue,
    /// the figures decide which rows.
    Difference,
    /// Along the year columns: a row of changes (`Ændring`) or percentage
    /// changes (`%`, `Ændring i pct.`) along the year columns.
    ChangeRow {
        percent: bool,
    },
}

/// What a column means, from its header (confirmed by the figures later).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColKind {
    /// Amounts or counts (a year, a budget, a forecast).
    Amount,
    /// A change: `Ændring`, `Udvikling`, `Afvigelse`, `Difference`,
    /// `Mer-/mindreforbrug`. `years`: the years its header names.
    Change { years: Vec<i32>, afvigelse: bool },
    /// A percentage change (`Ændring i pct.`).
    PctChange { years: Vec<i32> },
    /// A share of the column's total (`Andel`).
    Share,
    /// A share of the change (`Andel af ændring`).
    ShareOfChange,
    /// `%`, `Pct.` with no word for what: the figures must say.
    Pct,
    /// A row total (`I alt`, `Total` as a column header): cross-casting.
    RowTotal,
    /// No figures.
    Text,
}

#[derive(Clone, Debug)]
pub struct Col {
    pub header: String,
    /// The header names a total (`I alt`, `Region Midtjylland i alt / R
    /// 2010`: [`total_label`] of the header or of one of its ` / ` parts),
    /// asked once when the grid is read.
    pub total: bool,
    pub kind: ColKind,
    /// The year the header names, for an amount column.
    pub year: Option<i32>,
    pub unit: Option<Unit>,
    /// The header names a running balance (`Akkumuleret`, `Til dato`:
    /// [`super::establish::running_balance`]), which is not added down its
    /// rows; asked once when the grid is read.
    pub running_balance: bool,
}

#[derive(Clone, Debug)]
pub struct GRow {
    pub label: String,
    /// [`total_label`] of `label`, asked once with its role (many stages
    /// ask it); `None` until the roles are assigned.
    pub total_word: Option<bool>,
    /// The label names a per cent (`Likviditetsgrad [%]`, `Overskud i
    /// pct.`: [`super::row_relations::percent_label`]), asked once with its
    /// role; `false` until the roles are assigned.
    pub percent_word: bool,
    /// What the label cues for the passes that look for rare rows, asked
    /// once with its role; none until the roles are assigned.
    pub cues: LabelCues,
    /// `A`, `B`, `1`, `2`: the id a formula refers to.
    pub id: Option<String>,
    pub loc: Loc,
    pub line: usize,
    pub cells: Vec<Cell>,
    /// The row as the document had it: its label's cell first (the label
    /// moved out into [`GRow::label`]), then a cell for each column, each
    /// with its text (emphasis stripped) and place ([`GRow::text`],
    /// [`GRow::cell_loc`]). Kept as the table's own list, not copied into
    /// lists of texts and places (two allocations a row fewer).
    printed_cells: Vec<DCell>,
    pub role: Role,
    /// Dashed (`- delloft`) or indented deeper than the last row above it
    /// that is not.
    pub sub: bool,
    /// How deep the row's label was indented (0 where the source has no
    /// indentation): an indented row is a part of the nearest row above it
    /// that is indented less.
    pub indent: u8,
    /// How many figure cells the source row had (a short row's missing
    /// cells are empty here, but were never printed as empty).
    pub printed: usize,
    /// Whether a cell is a figure ([`GRow::has_figures`]), set wherever the
    /// grid sets a cell.
    figures: bool,
}

impl GRow {
    /// Sets column `c`'s cell, keeping [`GRow::has_figures`] true to it
    /// (the one way a pass after the grid changes a cell's kind:
    /// [`super::marked_totals`]).
    pub(super) fn set_cell(&mut self, c: usize, cell: Cell) {
        if let Some(slot) = self.cells.get_mut(c) {
            *slot = cell;
            self.figures = self.cells.iter().any(|c| matches!(c, Cell::Fig(_)));
        }
    }

    /// Column `c`'s text as printed (emphasis stripped).
    #[inline]
    pub fn text(&self, c: usize) -> Option<&str> {
        self.printed_cells.get(c + 1).map(|d| d.text.as_str())
    }

    /// Every column's text, in order ([`GRow::text`]).
    #[inline]
    pub fn texts(&self) -> impl DoubleEndedIterator<Item = &str> + ExactSizeIterator + Clone {
        self.printed_cells.iter().skip(1).map(|d| d.text.as_str())
    }

    /// Where column `c`'s cell stands in the document.
    #[inline]
    pub fn cell_loc(&self, c: usize) -> Option<&Loc> {
        self.printed_cells.get(c + 1).map(|d| &d.loc)
    }

    /// Where column `c`'s cell stands, else (past the row's columns) where
    /// the row does: the place a check on that cell is reported at.
    pub fn cell_loc_or_row(&self, c: usize) -> Loc {
        self.cell_loc(c).unwrap_or(&self.loc).clone()
    }

    /// Whether a cell of the row is a figure. Asked some seventy times a
    /// table by the stages that find relations: answered from
    /// [`GRow::figures`], which the grid keeps as it changes a cell's kind
    /// (only it does: the stages after it change a figure's fields, never
    /// what a cell is).
    pub fn has_figures(&self) -> bool {
        debug_assert_eq!(
            self.figures,
            self.cells.iter().any(|c| matches!(c, Cell::Fig(_))),
            "a cell's kind changed outside the grid"
        );
        self.figures
    }
}

/// A table read into rows and columns with their meanings.
#[derive(Clone, Debug)]
pub struct Grid {
    pub cols: Vec<Col>,
    pub rows: Vec<GRow>,
    pub has_header: bool,
    pub corner: String,
    /// How the relations proposed on this grid fare (the engine's memo).
    pub fares: super::establish::Fares,
    /// The columns of amounts and row totals, left to right
    /// ([`Grid::amount_cols`]).
    amounts: Vec<usize>,
}

impl Grid {
    /// The columns of amounts and row totals, left to right: listed once
    /// when the grid is read (the columns' kinds are final by then), not by
    /// each pass that asks.
    pub fn amount_cols(&self) -> &[usize] {
        &self.amounts
    }
}

const TOTAL_WORDS: [&str; 11] = [
    "i alt",
    "ialt",
    "i alt:",
    "samlet",
    "total",
    "totalt",
    "hovedtotal",
    "subtotal",
    "sum",
    "samlede",
    "alt i alt",
];

/// Labels that are a total only as the whole label: the whole population
/// or area a table breaks down (`Alle` over its groups, `Hele landet` over
/// the regions, `Hele året` under the quarters). Inside a longer label they
/// are no total (`Alle børn i dagtilbud` is a row of its own); a qualifier
/// in brackets after them is read past (`Alle (18-65 år)`).
const WHOLE_TOTAL_LABELS: [&str; 8] = [
    "alle",
    "hele landet",
    "hele året",
    "året til dato",
    "år til dato",
    "hele kommunen",
    "hele regionen",
    "samtlige",
];

/// A label without a leading section number (`5.3 - heraf mænd` ->
/// `- heraf mænd`, `1.2 Deltidsuddannelse` -> `Deltidsuddannelse`).
pub fn without_number(label: &str) -> &str {
    let t = label.trim_start();
    let end = t
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
        .map_or(t.len(), |(i, _)| i);
    let (num, rest) = t.split_at(end);
    if !num.is_empty()
        && num.starts_with(|c: char| c.is_ascii_digit())
        && num.contains('.')
        && rest.starts_with(' ')
        && num.len() <= 8
    {
        rest.trim_start()
    } else {
        t
    }
}

fn clean_label(label: &str) -> String {
    let l = without_number(super::footnotes::strip(strip_emphasis(label)))
        .trim_start_matches(['-', '–', '•', '·', '*', ' ', '\u{2212}', '>'])
        .trim_end_matches([':', ' '])
        .to_lowercase();
    if l.trim().len() == l.len() {
        l
    } else {
        l.trim().to_string()
    }
}

/// Whether `label` may hold a total word: every one of [`TOTAL_WORDS`] (and
/// the words [`total_label`] looks for at a label's start, and every one of
/// [`WHOLE_TOTAL_LABELS`]) has `alt`, `tal`, `sum`, `sam`, `all`, `hel` or
/// `dat` in it. Looked for without lowercasing the label into a new
/// string: ASCII letters in any case (no other character lowercases to one
/// of these letters; UTF-8's other bytes are no ASCII letters).
fn may_name_total(label: &str) -> bool {
    // Each word looked for starts with `a`, `t`, `s`, `h` or `d` (in any
    // case): only a window starting with one of those is compared.
    let first = |b: u8| matches!(b | 0x20, b'a' | b't' | b's' | b'h' | b'd');
    label.as_bytes().windows(3).any(|w| {
        if !first(w[0]) {
            return false;
        }
        let w = [
            w[0].to_ascii_lowercase(),
            w[1].to_ascii_lowercase(),
            w[2].to_ascii_lowercase(),
        ];
        matches!(
            &w,
            b"alt" | b"tal" | b"sum" | b"sam" | b"all" | b"hel" | b"dat"
        )
    })
}

/// Is `label` a total by its words? `Some(true)`: strongly (`I alt`,
/// `Branche i alt`, `I alt konto 6`, `Hovedtotal`, the whole label `Alle` or
/// `Hele landet`); `Some(false)`: a total
/// word starts or stands inside the label (`Total omlægning af indsatsen`).
pub fn total_label(label: &str) -> Option<bool> {
    if !may_name_total(label) {
        return None;
    }
    // Asked of a row's label by several stages: remembered for the labels
    // seen last.
    thread_local! {
        static SEEN: super::memo::Memo<Option<bool>> = super::memo::Memo::new(1024);
    }
    SEEN.with(|m| m.get(label, total_label_now))
}

fn total_label_now(label: &str) -> Option<bool> {
    let l = clean_label(label);
    if l.is_empty() {
        return None;
    }
    let unqualified = match l.strip_suffix(')').and_then(|x| x.split_once(" (")) {
        Some((head, _)) => head,
        None => l.as_str(),
    };
    if TOTAL_WORDS.contains(&l.as_str()) || WHOLE_TOTAL_LABELS.contains(&unqualified) {
        return Some(true);
    }
    // At the end, before a qualifier in brackets (`A. Anlægs- og
    // driftsaktiver i alt (I - III)`, `Total (mio. kr.)`).
    for w in TOTAL_WORDS {
        for l in [l.as_str(), unqualified] {
            if l.ends_with(w) && contains_word(l, w) && l[..l.len() - w.len()].ends_with(' ') {
                return Some(true);
            }
        }
    }
    for w in [
        "i alt",
        "ialt",
        "hovedtotal",
        "subtotal",
        "totalt",
        "samlet",
        "samlede",
    ] {
        if l.starts_with(w) && contains_word(&l, w) {
            return Some(true);
        }
    }
    if TOTAL_WORDS.iter().any(|w| contains_word(&l, w)) {
        return Some(false);
    }
    None
}

fn heraf_label(label: &str) -> bool {
    let l = clean_label(label);
    ["heraf", "herunder", "deraf", "hvoraf", "of which", "heraf:"]
        .iter()
        .any(|w| l.starts_with(w) && contains_word(&l, w))
}

fn difference_label(label: &str) -> bool {
    let l = clean_label(label);
    // A thing taken of a result is no result (`Skat af årets resultat`,
    // `Andel af resultat i associerede virksomheder`, `Overførsel af
    // overskud`): a label opening with such a thing and `af`. Other words
    // before `af` keep the result after it (`Køb og salg af
    // værdipapirer, netto`, `Opgørelse af årets resultat`).
    if let Some((head, _)) = l.split_once(" af ") {
        let taken = [
            "skat",
            "andel",
            "andele",
            "overførsel",
            "overførsler",
            "udbytte",
            "udlodning",
            "henlæggelse",
            "hensættelse",
        ];
        if taken.contains(&head) {
            return false;
        }
    }
    [
        "saldo",
        "netto",
        "nettodrift",
        "resultat",
        "driftsresultat",
        "afvigelse",
        "difference",
        "forskel",
        "overskud",
        "underskud",
        "balance",
        "resultat inkl. overførsler",
        "nettoudgifter",
        "nettoresultat",
    ]
    .iter()
    .any(|w| contains_word(&l, w))
        // A compound ending in a result (`Drifts- og anlægsoverskud`,
        // `Årsresultat`, `Kassesaldo`).
        || l.split(|c: char| !c.is_alphabetic()).any(|w| {
            ["overskud", "underskud", "resultat", "saldo"]
                .iter()
                .any(|end| w.len() > end.len() + 2 && w.ends_with(end))
        })
}

fn change_row_label(label: &str) -> Option<bool> {
    let l = clean_label(label);
    let pct = l == "%"
        || l == "pct."
        || l == "pct"
        || l.contains("i pct")
        || l.contains("i %")
        // `Ændring i procent`, `Procentvis ændring`; not a rate named by a
        // word ending in it (`Kommuneskatteprocent`: a level).
        || contains_word(&l, "procent")
        || l.starts_with("procent");
    // The first word, whole (`Udvikling`, `Ændringer i alt`), not a word
    // it begins (`Udviklingsprojekter under udførelse`, `Faldskærme`).
    let first: String = l.chars().take_while(|c| c.is_alphabetic()).collect();
    let change = [
        "ændring",
        "ændringer",
        "ændringen",
        "udvikling",
        "udviklingen",
        "stigning",
        "stigningen",
        "fald",
        "faldet",
    ]
    .contains(&first.as_str());
    if change || pct {
        Some(pct)
    } else {
        None
    }
}

/// Whether a change row's label names both a change and per cent
/// (`Ændring i pct.`, `Udvikling i %`): its meaning, a percentage change,
/// is said, not only a unit (`%`, `Pct.` alone may be a share).
pub fn names_percent_change(label: &str) -> bool {
    let l = clean_label(label);
    let first: String = l.chars().take_while(|c| c.is_alphabetic()).collect();
    ["ændring", "ændringen", "udvikling", "udviklingen"].contains(&first.as_str())
        && change_row_label(label) == Some(true)
}

/// The ids a label's formula names: `A+B. Resultat` -> +A +B;
/// `3 BFI (1+2)` -> +1 +2; `A-B` -> +A -B. At least one operator.
pub fn formula_of(label: &str) -> Option<Vec<(bool, String)>> {
    let l = strip_emphasis(label);
    let chars: Vec<char> = l.chars().collect();
    let is_tok = |c: char| c.is_ascii_uppercase() || c.is_ascii_digit();
    let mut i = 0;
    while i < chars.len() {
        // A token starting here (not preceded by a letter or digit, nor by
        // a number and a `-`, `/`, `.` or `:` joining it: the month and day
        // of `2020-02-29`, the minutes of `10.30-12.00`).
        let joined = i >= 2
            && matches!(chars[i - 1], '-' | '/' | '.' | ':')
            && chars[i - 2].is_ascii_digit();
        if is_tok(chars[i]) && (i == 0 || !chars[i - 1].is_alphanumeric()) && !joined {
            let mut terms = Vec::new();
            let mut j = i;
            let mut negative = false;
            loop {
                let start = j;
                while j < chars.len() && is_tok(chars[j]) && j - start < 3 {
                    j += 1;
                }
                if start == j {
                    break;
                }
                // A token is one letter or up to two digits.
                let tok: String = chars[start..j].iter().collect();
                let ok = (tok.len() == 1 && tok.chars().all(|c| c.is_ascii_uppercase()))
                    || (tok.len() <= 2 && tok.chars().all(|c| c.is_ascii_digit()));
                if !ok || chars.get(j).is_some_and(|c| c.is_alphanumeric()) {
                    // A longer number after an operator (`29-02-2020`): a
                    // date or a figure, no formula.
                    if !terms.is_empty() && tok.starts_with(|c: char| c.is_ascii_digit()) {
                        terms.clear();
                    }
                    break;
                }
                terms.push((negative, tok));
                let mut k = j;
                while k < chars.len() && chars[k] == ' ' {
                    k += 1;
                }
                match chars.get(k) {
                    Some('+') => negative = false,
                    Some('-') | Some('\u{2212}') | Some('–') => negative = true,
                    _ => break,
                }
                k += 1;
                while k < chars.len() && chars[k] == ' ' {
                    k += 1;
                }
                j = k;
            }
            // `18-19 år`, `Børn 1-2 år`, `0 - 25 %`: a range of ages,
            // amounts or per cents, no formula (a formula's digits name
            // rows: `DAU-saldo (5-6)`).
            let number = |t: &str| t.parse::<u32>().ok();
            let after = chars[j..].iter().find(|c| **c != ' ');
            let range = terms.len() == 2
                && terms
                    .iter()
                    .all(|(_, t)| t.starts_with(|c: char| c.is_ascii_digit()))
                && terms[1].0
                && ((!chars[i..j].contains(&' ')
                    && chars.get(j) == Some(&' ')
                    && chars.get(j + 1).is_some_and(|c| c.is_lowercase()))
                    || (after == Some(&'%') && number(&terms[0].1) < number(&terms[1].1)));
            // A label that is nothing but a band (`0-9`, `10-19`, `65-79`:
            // age groups, the rows of SSI's cases by sex): a row naming
            // its formula says what it is (`DAU-saldo (5-6)`, `3 (1-2)`).
            let band = terms.len() == 2
                && terms[1].0
                && !terms[0].0
                && terms
                    .iter()
                    .all(|(_, t)| t.starts_with(|c: char| c.is_ascii_digit()))
                && number(&terms[0].1) < number(&terms[1].1)
                && chars[..i]
                    .iter()
                    .all(|c| c.is_whitespace() || *c == '*' || *c == '_')
                && chars[j..]
                    .iter()
                    .all(|c| c.is_whitespace() || *c == '*' || *c == '_');
            if terms.len() >= 2 && !range && !band {
                return Some(terms);
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

/// The id a label starts with: `A. Driftsresultat` -> `A`, `B Anlæg` -> `B`,
/// `1. Skatter` -> `1`, `3 BFI (1+2)` -> `3`.
fn id_of(label: &str) -> Option<String> {
    // An id is one or two capitals or digits and then `.`, ` ` or `)`:
    // most labels (`Center 0`, `Konto 6`) have none of these at their
    // second and third byte, and need no more looking at. Only a label
    // that starts with a visible ASCII character other than an emphasis
    // mark is told so: its stripped text starts as it does.
    let stop = |b: Option<&u8>| matches!(b, Some(b'.' | b' ' | b')'));
    let bytes = label.as_bytes();
    let plain_start = bytes
        .first()
        .is_some_and(|&b| b > b' ' && b < 0x80 && b != b'*' && b != b'_');
    if plain_start && !stop(bytes.get(1)) && !stop(bytes.get(2)) {
        return None;
    }
    id_of_now(label)
}

/// [`id_of`] without its quick look.
fn id_of_now(label: &str) -> Option<String> {
    let l = strip_emphasis(label);
    // The token's end found by bytes (a character past ASCII starts with
    // a byte that is neither, at the same place); an id is one or two
    // bytes, so a longer token is none (`Center 1`).
    let end = l
        .bytes()
        .position(|b| !(b.is_ascii_uppercase() || b.is_ascii_digit()))
        .unwrap_or(l.len());
    if !(1..=2).contains(&end) {
        return None;
    }
    let tok = &l[..end];
    let rest = &l[end..];
    let ok_tok = (tok.len() == 1 && tok.chars().all(|c| c.is_ascii_uppercase()))
        || (!tok.is_empty() && tok.len() <= 2 && tok.chars().all(|c| c.is_ascii_digit()));
    if ok_tok && (rest.starts_with(". ") || rest.starts_with(' ') || rest.starts_with(") ")) {
        Some(tok.to_string())
    } else {
        None
    }
}

fn running_number(s: &str) -> bool {
    let s = trim_text(s);
    // Both readings start with a digit or a lowercase letter: most labels
    // and cells do not, and need no more looking at.
    if !s
        .as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
    {
        return false;
    }
    // A note letter: `a)`, `b)`.
    if let [l, b')'] = s.as_bytes() {
        return l.is_ascii_lowercase();
    }
    let t = s.trim_end_matches(['.', ')']);
    !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())
}

/// An account number of the chart of accounts (`05.57.72`, `5.57`,
/// `00.25.10.1`): two to five groups of digits joined by dots, not a number
/// with thousands separators (`1.234.567`, every group after the first of
/// three digits).
fn account_number(s: &str) -> bool {
    let t = strip_emphasis(s);
    // Every group is digits: most labels start with a letter, and are
    // not split.
    if !t.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let groups = || t.split('.');
    (2..=5).contains(&groups().count())
        && groups().all(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()))
        && !groups().skip(1).all(|g| g.len() == 3)
}

/// An account-number column before the text column (`05.57.72 |
/// Sygedagpenge | 120,5`, the total's number empty: ` | I alt | 141,0`): the
/// two make the row's label (`05.57.72 Sygedagpenge`, `I alt`). Only where at
/// least two rows have a number beside a text, and the second column holds
/// no figure in any row.
fn merge_account_numbers(rows: &mut [Row], style: NumberStyle) {
    let text_at = |cells: &[DCell], i: usize| {
        cells
            .get(i)
            .is_none_or(|c| !matches!(read_cell(&c.text, style, None), Cell::Fig(_)))
    };
    let numbered = rows
        .iter()
        .filter(|r| {
            let c = &r.cells;
            c.len() >= 3
                && account_number(&c[0].text)
                && matches!(read_cell(&c[1].text, style, None), Cell::Text)
        })
        .count();
    if numbered < 2 || !rows.iter().all(|r| text_at(&r.cells, 1)) {
        return;
    }
    for r in rows.iter_mut() {
        let cells = &mut r.cells;
        if cells.len() < 2 {
            continue;
        }
        let moved = cells.remove(1);
        let label = &mut cells[0].text;
        if label.is_empty() {
            cells[0] = moved;
        } else if !moved.text.is_empty() {
            label.push(' ');
            label.push_str(&moved.text);
        }
    }
}

fn is_year_cell(text: &str, style: NumberStyle) -> bool {
    let t = strip_emphasis(text);
    if (t.len() == 4 || (t.len() == 5 && t.as_bytes()[1] == b'.')) && year_of(t).is_some() {
        return true;
    }
    // A year followed by words that are no unit (`2000 Regnskab`,
    // `2001 Budget - Regnskab`): a column's header, not the figure 2.000.
    if let Some(rest) = year_head(t) {
        if rest.chars().any(char::is_alphabetic) && unit_in(rest).is_none() {
            return true;
        }
    }
    matches!(
        read_cell(t, style, None),
        Cell::Text | Cell::Empty | Cell::Dash
    )
}

/// The words after a leading four-digit year (1950-2100) and a space.
fn year_head(t: &str) -> Option<&str> {
    let (head, rest) = t.split_once(' ')?;
    let y: i32 = (head.len() == 4 && head.bytes().all(|b| b.is_ascii_digit()))
        .then(|| head.parse().ok())??;
    (1950..=2100).contains(&y).then_some(rest.trim())
}

fn is_dashed(label: &str) -> bool {
    // The dash is the label's first byte past what the look below reads
    // past (blanks, emphasis marks, a section number's digits and dots):
    // `-`, or a byte of a character past ASCII (the lead byte 0xE2 of `–`,
    // `•` and `−`, or of a blank such as U+2003, looked at in full). Most
    // labels start with a letter, and are no dashed row.
    // (Every byte up to the space is read past: the trims take some of
    // them, and one they leave is no dash.)
    let first = label
        .bytes()
        .find(|&b| !(b <= b' ' || b.is_ascii_digit() || matches!(b, b'*' | b'_' | b'.')));
    if !first.is_some_and(|b| b == b'-' || b >= 0x80) {
        return false;
    }
    let t = without_number(strip_emphasis(label));
    (t.starts_with("- ")
        || t.starts_with("– ")
        || t.starts_with("• ")
        || t.starts_with("\u{2212} "))
        && t.len() > 2
}

/// [`super::year_rows::first_row_adds_up`] of the rows' texts, for a
/// first row whose cells past the label are all bare years (`1.950`) or
/// empty: a row of figures that read as years. (Most first rows that read
/// as years hold words: `Realiserede besparelser 2026 | 2027 | Andel`.)
///
/// A first row labelled with nothing but a unit (`Antal sager | 2025`,
/// `Mio. kr. | 2026`) is a header whatever its figures add up to: the
/// corner of a table names no row of figures.
fn first_row_adds_up(rows: &[Row], style: NumberStyle) -> bool {
    if rows
        .first()
        .and_then(|r| r.cells.first())
        .is_some_and(|c| only_a_unit(&c.text))
    {
        return false;
    }
    let years_only = rows.first().is_some_and(|r| {
        let figures = r.cells.iter().skip(1).filter(|c| !c.text.is_empty());
        figures.clone().next().is_some()
            && figures
                .into_iter()
                .all(|c| super::year_rows::bare_year(&c.text))
    });
    if !years_only {
        return false;
    }
    let texts: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect())
        .collect();
    super::year_rows::first_row_adds_up(&texts, style)
}

/// A label that names a unit and nothing else (`Antal sager`, `Mio. kr.`,
/// `(1.000 kr.)`, `Antal`): a table's corner.
fn only_a_unit(label: &str) -> bool {
    const WORDS: [&str; 20] = [
        "antal", "i", "sager", "personer", "borgere", "stk.", "kr.", "kr", "mio.", "mio", "mia.",
        "mia", "t.", "tkr.", "t.kr.", "1.000", "dkk", "pct.", "%", "beløb",
    ];
    let l = strip_emphasis(label).to_lowercase();
    let mut words = l
        .split_whitespace()
        .map(|w| w.trim_matches(|c| c == '(' || c == ')' || c == ','))
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some() && words.all(|w| WORDS.contains(&w))
}

/// The table's rows as the grid first reads them: the rows with a visible
/// cell, their cells' texts trimmed, and each row's indentation.
struct RawGrid {
    /// The rows, kept as the table's (a row's cells are moved, merged or
    /// dropped before the grid is built; their hints are no longer asked).
    rows: Vec<Row>,
    /// Each row's indentation: its first cell's, as the table had it
    /// (before any column is moved to the front).
    indents: Vec<u8>,
    /// Cells past the first row and column that end with a bracket and do
    /// not start with one ([`split_paired_figures`] needs four).
    bracketed: usize,
}

/// `text` trimmed ([`trim_text`]) where it stands, copied only when there
/// is something to trim (most cells: the text reader hands them over
/// trimmed).
#[inline]
fn trim_in_place(text: &mut String) {
    let t = trim_text(text);
    if t.len() != text.len() {
        *text = t.to_string();
    }
}

/// The rows' indents as their labels' structure: where the least indented
/// labels all begin with a note number (`1 Færdiggjorte
/// udviklingsprojekter`, a `Note` column read into the label, flush left
/// in a PDF's text while every other label is indented), the number stands
/// where the label would, and those rows take the least indent of the
/// others.
fn label_indents<'a>(rows: &[Row], indents: &'a [u8]) -> Cow<'a, [u8]> {
    fn label(r: &Row) -> &str {
        r.cells.first().map_or("", |c| c.text.as_str())
    }
    let numbered = |r: &Row| {
        let t = label(r);
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        digits > 0 && t[digits..].starts_with(' ')
    };
    let labelled = || {
        rows.iter()
            .zip(indents)
            .filter(|(r, _)| !label(r).is_empty())
    };
    // Most tables have no indentation at all: nothing to look at.
    let Some(least) = labelled().map(|(_, &i)| i).min() else {
        return Cow::Borrowed(indents);
    };
    if indents.iter().all(|&i| i == least) {
        return Cow::Borrowed(indents);
    }
    let others = labelled()
        .filter(|&(_, &i)| i > least)
        .map(|(_, &i)| i)
        .min();
    match others {
        Some(next)
            if labelled()
                .filter(|&(_, &i)| i == least)
                .all(|(r, _)| numbered(r)) =>
        {
            Cow::Owned(
                rows.iter()
                    .zip(indents)
                    .map(|(r, &i)| if i == least && numbered(r) { next } else { i })
                    .collect(),
            )
        }
        _ => Cow::Borrowed(indents),
    }
}

/// The rows with a visible cell, their cells' texts trimmed: kept as the
/// rows of a table the caller gave away (no cell moved to a list of its
/// own), copied out of one it lent.
fn raw(rows: Cow<'_, [Row]>) -> RawGrid {
    let visible = |r: &Row| r.cells.iter().any(|c| !strip_emphasis(&c.text).is_empty());
    let mut rows = match rows {
        Cow::Owned(mut rows) => {
            rows.retain(visible);
            rows
        }
        Cow::Borrowed(rows) => rows.iter().filter(|r| visible(r)).cloned().collect(),
    };
    let indents = rows
        .iter()
        .map(|r| r.cells.first().map_or(0, |c| c.hints.indent))
        .collect();
    let mut bracketed = 0;
    for (k, r) in rows.iter_mut().enumerate() {
        for (i, c) in r.cells.iter_mut().enumerate() {
            trim_in_place(&mut c.text);
            bracketed +=
                usize::from(k > 0 && i > 0 && c.text.ends_with(')') && !c.text.starts_with('('));
        }
    }
    RawGrid {
        rows,
        indents,
        bracketed,
    }
}

/// [`super::column_relations::split_paired_figures`] on the raw rows, only
/// where it can split: it needs at least four cells that end with a figure
/// in parentheses (`3.020 (2.189)`; the first test its pairs pass, counted
/// as [`RawGrid::bracketed`] where the cells are trimmed), and most tables
/// have none; the rows are turned into its pairs of text and place only
/// then.
fn split_paired_figures(g: &mut RawGrid, style: NumberStyle) {
    if g.bracketed < 4 {
        return;
    }
    let rows = &mut g.rows;
    let mut pairs: Vec<super::column_relations::RawRow> = rows
        .drain(..)
        .map(|r| {
            let cells = r.cells.into_iter().map(|c| (c.text, c.loc)).collect();
            (r.loc, cells, 0)
        })
        .collect();
    super::column_relations::split_paired_figures(&mut pairs, style);
    rows.extend(pairs.into_iter().map(|(loc, cells, _)| Row {
        loc,
        cells: cells.into_iter().map(|(t, l)| DCell::new(t, l)).collect(),
    }));
}

/// Whether a header names a total ([`Col::total`]); `words`: its
/// [`HeaderWords`], which say so of the whole header.
fn names_total(header: &str, words: HeaderWords) -> bool {
    if header.as_bytes().contains(&b'/') {
        header
            .split(" / ")
            .any(|part| total_label(part) == Some(true))
    } else {
        // One part, the whole header (no searcher for ` / ` built).
        words.total
    }
}

/// The headers of columns 1 to `width` from the spread header rows (each
/// `width + 1` cells, the corner first): a column's non-empty cells joined
/// with ` / `, or `column N` where all are empty. Under one header row (the
/// usual table) its cells are moved, not copied.
fn column_headers(mut spans: Vec<Vec<String>>, width: usize) -> Vec<String> {
    let unnamed = |c: usize| format!("column {}", c + 1);
    if let [row] = spans.as_mut_slice() {
        return (1..=width)
            .map(|c| match std::mem::take(&mut row[c]) {
                t if t.is_empty() => unnamed(c),
                t => t,
            })
            .collect();
    }
    (1..=width)
        .map(|c| {
            let parts: Vec<&str> = spans
                .iter()
                .map(|r| r[c].as_str())
                .filter(|t| !t.is_empty())
                .collect();
            if parts.is_empty() {
                unnamed(c)
            } else {
                parts.join(" / ")
            }
        })
        .collect()
}

/// What a column's header says of its kind (`col_kind` adds its figures).
#[derive(Clone, Copy)]
struct HeaderWords {
    change: bool,
    pct_word: bool,
    share: bool,
    /// `ændring`, `udvikling`: a change, not an afvigelse.
    named_change: bool,
    rate: bool,
    total: bool,
    /// [`unit_in`] of the header.
    unit: Option<Unit>,
    /// [`year_of`] of the header (an amount column's year).
    year: Option<i32>,
    /// [`super::establish::running_balance`] of the header.
    running_balance: bool,
}

/// [`HeaderWords`] of a header, remembered for the headers seen last (a
/// document repeats its headers table after table).
fn header_words(header: &str) -> HeaderWords {
    thread_local! {
        static SEEN: super::memo::Memo<HeaderWords> = super::memo::Memo::new(512);
    }
    SEEN.with(|m| m.get(header, header_words_now))
}

/// A header that is only the signs of a change (`+/-`, `+/÷`: the seats
/// won or lost since the last election beside `Mandater 2017 | Mandater
/// 2021`). A change, but its operands are the figures' choice: the same
/// signs head a margin of error in survey tables.
pub(super) fn signs_header(header: &str) -> bool {
    let t: String = header.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(
        t.as_str(),
        "+/-" | "+/÷" | "+/−" | "+/–" | "-/+" | "÷/+" | "(+/-)" | "(+/÷)"
    )
}

fn header_words_now(header: &str) -> HeaderWords {
    let h = header.to_lowercase();
    let has = |w: &str| h.contains(w);
    let signs = signs_header(header);
    // `Stigning` / `Fald` as the header's first word, whole (not
    // `Faldskærme`): a change, as in a row label.
    let first: String = h.trim().chars().take_while(|c| c.is_alphabetic()).collect();
    let rise = ["stigning", "stigningen", "fald", "faldet"].contains(&first.as_str());
    HeaderWords {
        change: rise
            || signs
            || has("ændring")
            || has("aendring")
            || has("udvikling")
            || has("afvigelse")
            || has("difference")
            || has("forskel")
            || has("merforbrug")
            || has("mindreforbrug")
            || has("mer-/mindre")
            || has("change"),
        pct_word: has("pct") || has("%") || has("procent"),
        // `Andel`, `Kvindeandel`, `Markedsandel`, not `Handel med biler`.
        share: h
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.starts_with("andel") || w.ends_with("andel") && !w.ends_with("handel"))
            || has("share")
            || has("fordeling"),
        named_change: rise || signs || has("ændring") || has("udvikling") || has("aendring"),
        rate: super::column_relations::rate_in(header).is_some(),
        total: total_label(header) == Some(true),
        unit: unit_in(header),
        year: year_of(header),
        running_balance: super::establish::running_balance(header),
    }
}

/// `own_kroner`: every figure of the column says kroner in its own cell
/// (`7.134 kr.`), not by the column's or the table's unit.
/// `figs`: the column's cells; `w`: its header's [`HeaderWords`];
/// `header_unit`: [`unit_in`] of its header.
fn col_kind<'c>(
    header: &str,
    figs: impl Iterator<Item = &'c Cell> + Clone,
    w: HeaderWords,
    header_unit: Option<Unit>,
    own_kroner: bool,
) -> ColKind {
    let change = w.change;
    let pct_word = w.pct_word;
    // The column's figures, walked again where asked (no list made).
    let nums = figs.clone().filter_map(|c| match c {
        Cell::Fig(f) => Some(f),
        _ => None,
    });
    let no_figures = nums.clone().next().is_none();
    if no_figures && figs.into_iter().any(|c| matches!(c, Cell::Text)) {
        return ColKind::Text;
    }
    if note_references(header, nums.clone()) {
        return ColKind::Text;
    }
    let all_percent = !no_figures && nums.clone().all(|f| f.percent());
    // `Kunstig fordeling af aftalt niveau (mio. kr)`: an allocation in
    // kroner, no share, unless its figures are percentages.
    // So is `Kommunal andel` over `7.134 kr.`: every figure says kroner.
    let in_kroner = !all_percent && (matches!(header_unit, Some(Unit::Money(_))) || own_kroner);
    if w.share && !in_kroner {
        return if change {
            ColKind::ShareOfChange
        } else {
            ColKind::Share
        };
    }
    if change {
        let years = years_in(header);
        return if (pct_word || all_percent) && !super::points::in_points(header) {
            ColKind::PctChange { years }
        } else {
            ColKind::Change {
                years,
                afvigelse: !w.named_change,
            }
        };
    }
    // A header naming a rate over amounts (`Lineær afskrivning 2,5%`).
    if !all_percent && w.rate {
        return ColKind::Amount;
    }
    if pct_word || all_percent {
        return ColKind::Pct;
    }
    if w.total {
        return ColKind::RowTotal;
    }
    ColKind::Amount
}

/// A column of periods (`Fredningsperiode` over `30 år`, `10 år`; `6 mdr.`,
/// `52 uger`): every figure printed with a word of time after it. A
/// duration is no amount: a row that is the difference of two others in
/// the kroner columns (`pr. ekstra gravplads` = 2 pladser − 1 plads) is
/// not wrong where both print the same `30 år`, and nothing adds them up.
fn durations(rows: &[GRow], c: usize) -> bool {
    const TIME: [&str; 15] = [
        "år", "års", "md", "md.", "mdr", "mdr.", "mnd", "mnd.", "måned", "måneder", "uge", "uger",
        "dag", "dage", "timer",
    ];
    let mut any = false;
    for r in rows {
        if !matches!(r.cells.get(c), Some(Cell::Fig(_))) {
            continue;
        }
        let text = r.text(c).unwrap_or("");
        // A text with no letter (no ASCII letter, no byte of another
        // character) has no word: the plain figure, decided at a glance.
        if !text.bytes().any(|b| b.is_ascii_alphabetic() || b >= 0x80) {
            return false;
        }
        let word = text
            .trim_start_matches(|ch: char| !ch.is_alphabetic())
            .trim();
        // A plain figure (the common case) decides without a copy.
        if word.is_empty() || !TIME.contains(&word.to_lowercase().as_str()) {
            return false;
        }
        any = true;
    }
    any
}

/// A column of note references (`Note` over `7`, `14`): small whole numbers
/// that point into the notes of an annual report, no amounts. Summing them
/// is meaningless, and a total row has none ("has no figure" on every
/// total would be noise). Likewise a column of codes or numbers (`Kode`
/// over `101`, `084`; `Nr.`, `Kontonr.`).
fn note_references<'f>(
    header: &str,
    nums: impl Iterator<Item = &'f super::figure::Figure> + Clone,
) -> bool {
    let h = trim_text(trim_text(header).trim_end_matches(['.', ':']));
    // A header longer than every word is none of them (most are:
    // `Realiserede besparelser 2026`).
    if h.len() > NOTE_HEADER_BYTES {
        return false;
    }
    let named = |words: &[&str]| words.iter().any(|w| h.eq_ignore_ascii_case(w));
    // Whole, not negative, no per cent (a unit from the table's title, as
    // `Resultatopgørelse (mio. kr.)` over a `Note` column, is no unit of
    // them); notes are small, codes any size.
    let whole =
        |f: &super::figure::Figure| f.decimals == 0 && !f.percent() && f.value.is_sign_positive();
    (named(&NOTE_HEADERS)
        && nums
            .clone()
            .all(|f| whole(f) && f.value < Decimal::from(1000)))
        || (named(&CODE_HEADERS) && nums.clone().all(whole))
}

/// Headers of a column of note references ([`note_references`]).
const NOTE_HEADERS: [&str; 5] = ["note", "noter", "note nr", "henv", "henvisning"];
/// Headers of a column of codes or numbers ([`note_references`]).
const CODE_HEADERS: [&str; 9] = [
    "kode",
    "kommunekode",
    "regionskode",
    "nr",
    "nummer",
    "løbenr",
    "kontonr",
    "kontonummer",
    "id",
];
/// Bytes of the longest of [`NOTE_HEADERS`] and [`CODE_HEADERS`].
const NOTE_HEADER_BYTES: usize = {
    let (mut longest, mut i) = (0, 0);
    while i < NOTE_HEADERS.len() + CODE_HEADERS.len() {
        let w = if i < NOTE_HEADERS.len() {
            NOTE_HEADERS[i]
        } else {
            CODE_HEADERS[i - NOTE_HEADERS.len()]
        };
        if w.len() > longest {
            longest = w.len();
        }
        i += 1;
    }
    longest
};

/// A header row that names every figure column but has no cell over the
/// labels (`| AR | ST | … | I alt | |` over `| Heraf løn | 1,2 | 29,3 | … |`,
/// as a Word-to-Markdown conversion or a copy out of a web page leaves it):
/// read as printed, each heading sat one column to the left of its figures
/// (`I alt` over the last part), and every row total was a false error. The
/// row names exactly as many columns as the rows have figures, its first
/// cell is no stub (no unit, no `Mio. kr.`, `Tekst`, `Konto`, nothing
/// ending in `:`), its last cells are empty where every row has a figure,
/// and the rows below have their labels in the first column: the headings
/// belong to the figure columns.
fn stubless_header(rows: &[Row], width: usize, style: NumberStyle) -> bool {
    let Some(head) = rows.first().map(|r| &r.cells) else {
        return false;
    };
    let named = head
        .iter()
        .rposition(|c| !strip_emphasis(&c.text).is_empty())
        .map_or(0, |k| k + 1);
    let first = head
        .first()
        .map_or("", |c| trim_text(strip_emphasis(&c.text)));
    if width < 2
        || named != width
        || first.is_empty()
        || head
            .get(width)
            .is_some_and(|c| !strip_emphasis(&c.text).is_empty())
    {
        return false;
    }
    let lower = first.to_lowercase();
    let stub = unit_in(first).is_some()
        || lower.ends_with(':')
        || [
            "tekst",
            "konto",
            "hovedkonto",
            "funktion",
            "område",
            "udvalg",
            "post",
            "art",
            "beløb",
            "emne",
            "navn",
            "kommune",
            "region",
            "år",
            "periode",
            "center",
            "enhed",
            "type",
        ]
        .iter()
        .any(|w| lower.trim_end_matches('.') == *w);
    if stub {
        return false;
    }
    let body = &rows[1..];
    let full = body
        .iter()
        .filter(|r| {
            let c = &r.cells;
            c.len() == width + 1
                && matches!(read_cell(&c[0].text, style, None), Cell::Text)
                && matches!(read_cell(&c[width].text, style, None), Cell::Fig(_))
        })
        .count();
    full >= 2
        && body.iter().all(|r| {
            r.cells
                .first()
                .is_none_or(|c| !matches!(read_cell(&c.text, style, None), Cell::Fig(_)))
        })
}

/// The table's very last figure printed with fewer decimals than every
/// other figure of its column (at least two, all printed alike): a copy
/// that ends inside it (`270,0 | 2` where the page has `226,0`, the stored
/// copy cut off). It is no figure that can be judged; read as one, the row
/// total beside it was a false error.
fn cut_short_last_cell(rows: &mut [GRow]) {
    let Some(r) = rows.iter().rposition(GRow::has_figures) else {
        return;
    };
    let Some(c) = rows[r]
        .cells
        .iter()
        .rposition(|c| matches!(c, Cell::Fig(_)))
    else {
        return;
    };
    let Cell::Fig(last) = rows[r].cells[c] else {
        return;
    };
    let printed_last = rows[r].text(c).is_some_and(|t| {
        // Nothing after it on its row: the copy ends here.
        rows[r].texts().skip(c + 1).all(|x| trim_text(x).is_empty())
            && !t.is_empty()
            && trim_text(t).bytes().all(|b| b.is_ascii_digit())
    });
    // The tests on the last figure first (all are pure): most tables end
    // in a figure printed with decimals or a unit, and their columns need
    // no look.
    if !printed_last || last.unit.is_some() {
        return;
    }
    // The decimals of the column's other figures: at least two, all
    // alike, more than the last one's (walked once, no list made).
    let mut others = rows[..r].iter().filter_map(|row| match row.cells.get(c) {
        Some(Cell::Fig(f)) => Some(f.decimals),
        _ => None,
    });
    let Some(first) = others.next() else {
        return;
    };
    let mut more = 0usize;
    let alike = others.all(|d| {
        more += 1;
        d == first
    });
    if alike && more >= 1 && first > last.decimals {
        rows[r].cells[c] = Cell::Text;
        rows[r].figures = rows[r].cells.iter().any(|c| matches!(c, Cell::Fig(_)));
    }
}

/// Reads a table's structure.
pub fn read(table: &Table, style: NumberStyle) -> Grid {
    read_table(Cow::Borrowed(table), style)
}

/// [`read`], the cells' texts moved out of the table when it is given away.
pub fn read_table(table: Cow<'_, Table>, style: NumberStyle) -> Grid {
    let style = table.style.unwrap_or(style);
    let title_unit = table.title.as_deref().and_then(unit_in);
    let title_rounding = table.title.as_deref().and_then(stated_rounding);
    let mut g = raw(match table {
        Cow::Owned(t) => Cow::Owned(t.rows),
        Cow::Borrowed(t) => Cow::Borrowed(t.rows.as_slice()),
    });
    split_paired_figures(&mut g, style);
    merge_account_numbers(&mut g.rows, style);
    if !super::label_column::labels_first(&mut g.rows, style) {
        super::label_column::labels_inside(&mut g.rows, style);
    }
    let titles = super::label_column::drop_title_rows(&mut g.rows, style);
    g.indents.drain(..titles);
    // A running-number column before the label.
    let numbered = g
        .rows
        .iter()
        .filter(|r| {
            let c = &r.cells;
            c.len() >= 3
                && running_number(&c[0].text)
                && matches!(read_cell(&c[1].text, style, None), Cell::Text)
        })
        .count();
    let blank_or_number = g.rows.iter().skip(1).all(|r| {
        r.cells
            .first()
            .is_none_or(|c| c.text.is_empty() || running_number(&c.text))
    });
    let mut ids_from_numbers = Vec::new();
    if numbered >= 2 && blank_or_number {
        for Row { cells, .. } in &mut g.rows {
            let id = cells
                .first()
                .map(|c| c.text.trim_end_matches(['.', ')']).to_string());
            if !cells.is_empty() {
                cells.remove(0);
            }
            ids_from_numbers.push(id.filter(|s| !s.is_empty()));
        }
    }
    let width = g
        .rows
        .iter()
        .map(|r| r.cells.len().saturating_sub(1))
        .max()
        .unwrap_or(0);
    // Header rows: text or years in every figure column, no total label.
    let mut header_rows = 0;
    let mut numbering_rows = Vec::new();
    // The first row's figure cells, which a later row's years are compared
    // with; each row's own, in one buffer.
    let first: Vec<&str> = g
        .rows
        .first()
        .map(|r| r.cells.iter().skip(1).map(|c| c.text.as_str()).collect())
        .unwrap_or_default();
    let mut rest: Vec<&str> = Vec::new();
    for (k, Row { cells, .. }) in g.rows.iter().take(5).enumerate() {
        let label = cells.first().map_or("", |c| c.text.as_str());
        rest.clear();
        rest.extend(cells.iter().skip(1).map(|c| c.text.as_str()));
        let non_empty = rest
            .iter()
            .filter(|t| !strip_emphasis(t).is_empty())
            .count();
        // A row numbering the columns (`1 2 3 … 14`) under a header.
        let numbering = k > 0 && header_rows == k && trim_text(label).is_empty() && {
            let nums: Vec<i64> = rest
                .iter()
                .filter(|t| !t.trim().is_empty())
                .filter_map(|t| t.trim().parse::<i64>().ok())
                .collect();
            // Column numbers start small; consecutive years are a header.
            nums.len() >= 3
                && nums.len() == non_empty
                && nums[0] <= 20
                && nums.windows(2).all(|w| w[1] == w[0] + 1)
        };
        if numbering {
            numbering_rows.push(k);
            header_rows += 1;
            continue;
        }
        // Each test only where the ones before it pass (all are pure).
        if non_empty > 0
            && rest.iter().all(|t| is_year_cell(t, style))
            && total_label(label) != Some(true)
            && !(k > 0 && super::year_rows::figures_not_years(label, &rest, &first))
            && !(k == 0 && first_row_adds_up(&g.rows, style))
        {
            header_rows += 1;
        } else {
            break;
        }
    }
    if header_rows == 1 && numbering_rows.is_empty() && stubless_header(&g.rows, width, style) {
        if let Some(Row { loc, cells }) = g.rows.first_mut() {
            cells.insert(0, DCell::new(String::new(), loc.clone()));
            cells.truncate(width + 1);
        }
    }
    let has_header = header_rows > 0;
    let corner = g
        .rows
        .first()
        .filter(|_| has_header)
        .and_then(|r| r.cells.first())
        .map(|c| strip_emphasis(&c.text).to_string())
        .unwrap_or_default();
    let table_unit = title_unit
        .or_else(|| unit_in(&corner))
        .filter(|u| *u != Unit::Percent);
    // Several header rows: an upper cell spans the empty ones to its right
    // (`2015 | | 2016 |` over `Total | 1. prioritet | …`); the parts are
    // joined with ` / `.
    // A cell of the last header row spans a run of periods the row above
    // names (`header_spans.rs`).
    let mut raw_header: Vec<Vec<String>> = Vec::with_capacity(header_rows);
    for (k, Row { cells, .. }) in g.rows[..header_rows].iter().enumerate() {
        if numbering_rows.contains(&k) {
            continue;
        }
        raw_header.push(
            (0..=width)
                .map(|c| {
                    cells
                        .get(c)
                        .map_or(String::new(), |c| strip_emphasis(&c.text).to_string())
                })
                .collect(),
        );
    }
    let headers = column_headers(super::header_spans::spread(raw_header), width);
    // The header rows stay in the raw grid (the last one's texts are
    // compared with the rows below, borrowed); the body rows' texts are
    // moved out of it.
    let (head_rows, body_rows) = g.rows.split_at_mut(header_rows);
    let header_texts: Vec<&str> = head_rows
        .last()
        .map(|r| {
            r.cells
                .iter()
                .skip(1)
                .map(|c| strip_emphasis(&c.text))
                .collect()
        })
        .unwrap_or_default();
    // A rate in a header (`Afskrivning 2,5%`) is no unit of its figures.
    // A column's own unit (its header's), and the unit its figures take
    // (its own, or the table's: the title's or the corner's).
    // Each header's unit, asked once (the column's kind asks it too).
    // What each header says, asked once (its unit and year with its words).
    let words: Vec<HeaderWords> = headers.iter().map(|h| header_words(h)).collect();
    let header_units: Vec<Option<Unit>> = words.iter().map(|w| w.unit).collect();
    let own_units: Vec<Option<Unit>> = headers
        .iter()
        .zip(&header_units)
        .map(|(h, u)| {
            u.filter(|u| *u != Unit::Percent || super::column_relations::rate_in(h).is_none())
        })
        .collect();
    let col_units: Vec<Option<Unit>> = own_units.iter().map(|u| u.or(table_unit)).collect();
    // The amount unit a section row names (`Beløb (1.000 DKK)`, a label
    // alone on its row) holds for the rows under it, to the next such row.
    let mut section_unit: Option<Unit> = None;
    let mut rows: Vec<GRow> = Vec::with_capacity(body_rows.len());
    // Each row's label's words ([`label_words`]), for its role below.
    let mut words_said: Vec<LabelWords> = Vec::with_capacity(body_rows.len());
    // Per row and column: whether the figure took its unit from the column
    // (so a percentage column reads it as a percentage below).
    let mut from_column: Vec<bool> = Vec::with_capacity(body_rows.len() * width);
    let mut top_indent = 0u8;
    let body_indents = label_indents(body_rows, &g.indents[header_rows..]);
    for (i, (Row { loc, cells }, indent)) in
        body_rows.iter_mut().zip(body_indents.iter()).enumerate()
    {
        let (i, loc, mut cells, indent) = (
            header_rows + i,
            std::mem::replace(loc, Loc::line(0)),
            std::mem::take(cells),
            *indent,
        );
        // How many figure cells the source row had, before it is padded.
        let printed = cells.len().saturating_sub(1);
        // The label's text is moved, not copied, when there is no emphasis
        // to strip.
        let stripped = |t: String| {
            let s = strip_emphasis(&t);
            if s.len() == t.len() {
                t
            } else {
                s.to_string()
            }
        };
        let label = cells
            .first_mut()
            .map(|c| stripped(std::mem::take(&mut c.text)))
            .unwrap_or_default();
        // A cell for the label and each column; a short row's missing cells
        // empty, placed at the row.
        while cells.len() < width + 1 {
            cells.push(DCell::new(String::new(), loc.clone()));
        }
        cells.truncate(width + 1);
        // The section named by a row above; a row that names one itself has
        // only empty cells, which read the same under any unit.
        // What the label says, looked up once for the row (its unit here, its
        // role in `assign_roles`).
        let said = label_words(&label);
        let row_unit = said.unit.or(section_unit);
        let mut vals = Vec::with_capacity(width);
        for c in 1..=width {
            let Some(DCell { text: t, .. }) = cells.get_mut(c) else {
                break;
            };
            // The row's (or its section's) amount unit over the table's: a
            // title naming `personer` does not make the amounts under
            // `Beløb (1.000 DKK)` counts; a column's own unit as before.
            let unit = match own_units[c - 1] {
                Some(_) => super::label_column::cell_unit(row_unit, col_units[c - 1]),
                None => row_unit.or(col_units[c - 1]),
            };
            // The text stripped once: read, and kept (moved when there is
            // no emphasis to strip).
            let s = strip_emphasis(t);
            let (cell, col_unit) = read_stripped(s, style, unit);
            if s.len() != t.len() {
                *t = s.to_string();
            }
            vals.push(cell);
            from_column.push(col_unit);
        }
        // A label alone on its row (every cell empty) names the amount unit
        // of the rows under it (or none).
        if !label.is_empty() && vals.iter().all(|c| matches!(c, Cell::Empty)) {
            section_unit = unit_in(&label).filter(|u| matches!(u, Unit::Money(_)));
        }
        let id = ids_from_numbers
            .get(i)
            .cloned()
            .flatten()
            .or_else(|| id_of(&label));
        // Deeper than the last row that is no part (a second part at the
        // indent of the first is a part too, not a row of its own).
        let sub = said.dashed || (indent > top_indent && !rows.is_empty());
        words_said.push(said);
        if !sub {
            top_indent = indent;
        }
        rows.push(GRow {
            line: loc.line_number().unwrap_or(0),
            loc,
            id,
            role: Role::Item,
            total_word: None,
            percent_word: false,
            cues: LabelCues::default(),
            label,
            figures: vals.iter().any(|c| matches!(c, Cell::Fig(_))),
            cells: vals,
            printed_cells: cells,
            sub,
            indent,
            printed,
        });
    }
    let cols: Vec<Col> = headers
        .into_iter()
        .enumerate()
        .map(|(c, header)| {
            let cells = rows.iter().filter_map(move |r| r.cells.get(c));
            let words = words[c];
            let own_kroner = words.share && {
                let mut figs = rows
                    .iter()
                    .enumerate()
                    .filter_map(|(k, r)| match r.cells.get(c) {
                        Some(Cell::Fig(f)) => Some((k, f)),
                        _ => None,
                    });
                let mut any = false;
                figs.all(|(k, f)| {
                    any = true;
                    matches!(f.unit, Some(Unit::Money(_)))
                        && !from_column.get(k * width + c).copied().unwrap_or(true)
                }) && any
            };
            let mut kind = col_kind(&header, cells, words, header_units[c], own_kroner);
            if kind == ColKind::Amount && durations(&rows, c) {
                kind = ColKind::Text;
            }
            let year = match kind {
                ColKind::Amount | ColKind::RowTotal => words.year,
                _ => None,
            };
            let unit = match kind {
                ColKind::Share
                | ColKind::ShareOfChange
                | ColKind::Pct
                | ColKind::PctChange { .. } => Some(Unit::Percent),
                _ => col_units[c],
            };
            Col {
                total: names_total(&header, words),
                running_balance: words.running_balance,
                header,
                kind,
                year,
                unit,
            }
        })
        .collect();
    // Per cents that are tax rates (levels that add up), in a table whose
    // rows say so: amounts and changes of plain figures (`rate_levels.rs`).
    let mut cols = cols;
    if cols
        .iter()
        .any(|c| matches!(c.kind, ColKind::Pct | ColKind::PctChange { .. }))
        && super::rate_levels::rate_levels(&rows)
    {
        for (c, col) in cols.iter_mut().enumerate() {
            let Some(kind) = super::rate_levels::as_level(&col.kind) else {
                continue;
            };
            if kind == ColKind::Amount {
                col.year = year_of(&col.header);
            }
            col.kind = kind;
            col.unit = None;
            for r in rows.iter_mut() {
                if let Some(Cell::Fig(f)) = r.cells.get_mut(c) {
                    if f.unit == Some(Unit::Percent) {
                        f.unit = None;
                    }
                }
            }
        }
    }
    // Columns worded as shares whose plain figures add up to the row's
    // total column (`Lønmodtagers andel (1/3)` + `Arbejdsgivers andel
    // (2/3)` = `Samlet bidrag`): portions in its unit, amounts
    // (`share_portions.rs`).
    for c in super::share_portions::portions(&cols, &rows) {
        let col = &mut cols[c];
        col.kind = ColKind::Amount;
        col.year = words[c].year;
        col.unit = col_units[c];
    }
    // Cells of percentage columns read as percentages (as `read_cell` reads
    // them with that column unit, without reading them again).
    for (c, col) in cols.iter().enumerate() {
        if col.unit == Some(Unit::Percent) {
            for (k, r) in rows.iter_mut().enumerate() {
                if let Some(cell) = r.cells.get_mut(c) {
                    let used = from_column.get(k * width + c).copied().unwrap_or(false);
                    in_column_unit(cell, used, Some(Unit::Percent));
                }
            }
        }
    }
    cut_short_last_cell(&mut rows);
    coarse_columns(&mut rows, width);
    // A rounding the table states (`Antal personer (afrundet til nærmeste
    // 10)`), in its title, its corner or a column's header, holds for its
    // whole figures that fit it, however small.
    let stated = title_rounding
        .or_else(|| stated_rounding(&corner))
        .or_else(|| cols.iter().find_map(|c| stated_rounding(&c.header)));
    if let Some(k) = stated {
        stated_coarse(&mut rows, k);
    }
    // A numbered row whose number was lost between n and n + 2 is n + 1
    // (`7 …`, `BNI (6 -7)`, `9 …`: the `(8+9)` row refers to it).
    // Only where some row is numbered (a row given a number here needs a
    // numbered row on either side): most tables have none.
    let numeric = |r: &GRow| r.id.as_deref().and_then(|i| i.parse::<u32>().ok());
    let numbered = rows.iter().any(|r| numeric(r).is_some());
    for i in (1..rows.len().saturating_sub(1)).filter(|_| numbered) {
        if rows[i].id.is_some() || !rows[i].has_figures() {
            continue;
        }
        let prev = (0..i).rev().find_map(|k| numeric(&rows[k]));
        let next = (i + 1..rows.len()).find_map(|k| numeric(&rows[k]));
        let prev_row = (0..i).rev().find(|&k| numeric(&rows[k]).is_some());
        let next_row = (i + 1..rows.len()).find(|&k| numeric(&rows[k]).is_some());
        let unnumbered_between = |a: usize, b: usize| {
            (a + 1..b)
                .filter(|&k| {
                    rows[k].id.is_none()
                        && rows[k].has_figures()
                        && !is_dashed(&rows[k].label)
                        && !heraf_label(&rows[k].label)
                })
                .count()
        };
        if let (Some(p), Some(n), Some(pr), Some(nr)) = (prev, next, prev_row, next_row) {
            if n == p + 2 && unnumbered_between(pr, nr) == 1 {
                rows[i].id = Some((p + 1).to_string());
            }
        }
    }
    assign_roles(&mut rows, words_said);
    super::group_labels::mark(&mut rows);
    // A header repeated inside the table (`Ph.d.-studerende | 2016 | 2017`)
    // starts a section; it is no row of figures.
    for r in &mut rows {
        // A row of empty cells repeats nothing (most section rows).
        let filled = r.texts().filter(|t| !t.is_empty()).count();
        if filled == 0 {
            continue;
        }
        let same = !header_texts.is_empty() && r.texts().zip(&header_texts).all(|(a, b)| a == *b);
        // Bare years, or a year with words (`Budget 2015`, `Regnskab
        // 2014`) that is no figure; each test only where the ones before
        // it pass (all are pure).
        let years = || {
            filled >= 2
                && r.texts()
                    .zip(&r.cells)
                    .filter(|(t, _)| !t.is_empty())
                    .all(|(t, c)| {
                        // The shape first: most cells are figures longer than a year.
                        (t.len() <= 5
                            || matches!(c, Cell::Text) && t.chars().any(char::is_alphabetic))
                            && year_of(t).is_some()
                    })
                && {
                    let own: Vec<&str> = r.texts().collect();
                    !super::year_rows::figures_not_years(&r.label, &own, &header_texts)
                }
        };
        if same || years() {
            r.role = Role::Section;
            for c in &mut r.cells {
                *c = Cell::Empty;
            }
            r.figures = false;
        }
    }
    let amounts = (0..cols.len())
        .filter(|&c| matches!(cols[c].kind, ColKind::Amount | ColKind::RowTotal))
        .collect();
    Grid {
        cols,
        rows,
        has_header,
        corner,
        fares: Default::default(),
        amounts,
    }
}

/// A column whose whole figures all end in 0 (at least three of them) is
/// rounded to tens (all in 00: hundreds), as published tables of counts
/// often are: its figures get that interval, and are no exact counts.
fn coarse_columns(rows: &mut [GRow], width: usize) {
    for c in 0..width {
        // The column's whole figures, walked where asked (no list made).
        let figs = || {
            rows.iter().filter_map(move |r| match r.cells.get(c) {
                Some(Cell::Fig(f)) if f.decimals == 0 && !f.percent() && !f.value.is_zero() => {
                    Some(f.value)
                }
                _ => None,
            })
        };
        if figs().nth(2).is_none() {
            continue;
        }
        // Only large figures: 100, 200, 300 are as likely exact.
        let ends = |k: i64| {
            let (step, least) = (Decimal::from(k), Decimal::from(k * 100));
            figs().all(|v| (v % step).is_zero() && v.abs() >= least)
        };
        let coarse = if ends(100) {
            2
        } else if ends(10) {
            1
        } else {
            continue;
        };
        for r in rows.iter_mut() {
            if let Some(Cell::Fig(f)) = r.cells.get_mut(c) {
                if f.decimals == 0 && !f.percent() {
                    f.coarse = coarse;
                    f.exact = false;
                }
            }
        }
    }
}

/// The rounding a title or header states: `afrundet til nærmeste 10` (1:
/// tens), `… 100` (2: hundreds). Cheap: one byte search for `afrund`.
fn stated_rounding(text: &str) -> Option<u32> {
    if !text.contains("afrund") && !text.contains("Afrund") {
        return None;
    }
    let l = text.to_lowercase();
    let (_, after) = l.split_once("nærmeste")?;
    let word = after.split_whitespace().next()?;
    match word.trim_end_matches(['.', ',', ')', ':']) {
        "10" | "ti" | "tier" => Some(1),
        "100" | "hundrede" => Some(2),
        _ => None,
    }
}

/// Whole figures that are multiples of the stated step (`k`: 1 tens, 2
/// hundreds) get its interval and are no exact counts.
fn stated_coarse(rows: &mut [GRow], k: u32) {
    let step = Decimal::from(10i64.pow(k));
    for r in rows.iter_mut() {
        for cell in &mut r.cells {
            if let Cell::Fig(f) = cell {
                if f.decimals == 0 && !f.percent() && (f.value % step).is_zero() {
                    f.coarse = f.coarse.max(k);
                    f.exact = false;
                }
            }
        }
    }
}

/// What a row's label alone says it is (`assign_roles` adds what its
/// figures say).
#[derive(Clone)]
enum Named {
    Heraf,
    Formula(Vec<(bool, String)>),
    Total(bool),
    ChangeRow(bool),
    Difference,
    Item,
}

/// What a row's label cues for the passes that look for rows most tables
/// lack: asked of every row of every table, so asked once when the grid is
/// read, with the label's other words ([`label_words`]), and not again by
/// each pass.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LabelCues {
    /// The label names a key figure (`EBITDA-margin`, `Omsætningsvækst`:
    /// [`super::key_figures::names_key_figure`]).
    pub key_figure: bool,
    /// A word of the label is a count (`1`, `2`, `ekstra`:
    /// [`super::count_labels::counted`]).
    pub count: bool,
    /// The label nets its block against a total (`I alt (sammenholdt med
    /// indtægter)`: [`super::netted_totals::nets`]).
    pub netted: bool,
    /// The label is a moms row's (`Moms 25%`: [`super::moms_rows::moms_label`]).
    pub moms: bool,
    /// The label starts with an account code (`5200 Renter`:
    /// [`super::coded_blocks::code`]).
    pub coded: bool,
    /// The label starts with an operator (`+ Renteindtægter`, `÷ Skat`:
    /// [`super::before_rows::has_operator`]).
    pub operator: bool,
    /// The label names what a total leaves out (`I alt, ekskl. SU`:
    /// [`super::named_operands::exclusion`]).
    pub excluding: bool,
    /// The label names its operands (`Forskel mellem budget og regnskab`,
    /// `Drifts- og anlægsudgifter`: [`super::named_operands::names_operands`]).
    pub operands: bool,
    /// The label is one word that may name a group (`Skoler`, `Regioner:`:
    /// [`super::group_labels::may_name_group`]).
    pub group: bool,
}

impl LabelCues {
    fn of(label: &str) -> LabelCues {
        LabelCues {
            key_figure: super::key_figures::names_key_figure(label),
            count: super::count_labels::counted(label),
            netted: super::netted_totals::nets(label),
            moms: super::moms_rows::moms_label(label),
            coded: super::coded_blocks::code(label).is_some(),
            operator: super::before_rows::has_operator(label),
            excluding: super::named_operands::exclusion(label).is_some(),
            operands: super::named_operands::names_operands(label),
            group: super::group_labels::may_name_group(label),
        }
    }
}

/// What a row's label alone says of it, asked once per row and
/// remembered for the labels seen last.
#[derive(Clone)]
struct LabelWords {
    named: Named,
    /// [`total_label`].
    total: Option<bool>,
    /// [`super::row_relations::percent_label`].
    percent: bool,
    cues: LabelCues,
    /// [`super::label_column::label_unit`].
    unit: Option<Unit>,
    /// [`is_dashed`].
    dashed: bool,
}

fn label_words(label: &str) -> LabelWords {
    thread_local! {
        static SEEN: super::memo::Memo<LabelWords> = super::memo::Memo::new(1024);
    }
    SEEN.with(|m| {
        m.get(label, |l| LabelWords {
            named: named_now(l),
            total: total_label(l),
            percent: super::row_relations::percent_label(l),
            cues: LabelCues::of(l),
            unit: super::label_column::label_unit(l),
            dashed: is_dashed(l),
        })
    })
}

fn named_now(label: &str) -> Named {
    if heraf_label(label) {
        Named::Heraf
    } else if let Some(f) = formula_of(label) {
        Named::Formula(f)
    } else if let Some(strong) = total_label(label) {
        Named::Total(strong)
    } else if let Some(percent) = change_row_label(label) {
        Named::ChangeRow(percent)
    } else if difference_label(label) {
        Named::Difference
    } else {
        Named::Item
    }
}

/// `said`: each row's [`label_words`], looked up as the row was read.
fn assign_roles(rows: &mut [GRow], said: Vec<LabelWords>) {
    debug_assert_eq!(said.len(), rows.len(), "a label's words for each row");
    let mut in_heraf: Option<usize> = None;
    for (i, (row, words)) in rows.iter_mut().zip(said).enumerate() {
        let LabelWords {
            named,
            total,
            percent,
            cues,
            ..
        } = words;
        row.total_word = total;
        row.percent_word = percent;
        row.cues = cues;
        let figures = row.has_figures();
        let only_empty = row.cells.iter().all(|c| matches!(c, Cell::Empty));
        let role = match named {
            Named::Heraf if figures => Role::Heraf,
            Named::Heraf => {
                in_heraf = Some(i);
                Role::HerafMarker
            }
            _ if only_empty => Role::Section,
            Named::Formula(f) => Role::Formula(f),
            Named::Total(strong) => Role::Total { strong },
            Named::ChangeRow(percent) => Role::ChangeRow { percent },
            Named::Difference => Role::Difference,
            Named::Item => Role::Item,
        };
        // Rows after a heraf marker that are dashed or indented belong to it.
        if in_heraf.is_some_and(|m| m < i) {
            if row.sub && figures {
                row.role = Role::Heraf;
                continue;
            }
            in_heraf = None;
        }
        row.role = role;
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::document::{Cell as DCell, Row};

    /// `may_name_total`'s premise: no character but an ASCII letter
    /// lowercases to a letter of `alt`, `tal`, `sum`, `sam`, `all`, `hel`,
    /// `dat`.
    #[test]
    fn only_ascii_letters_lowercase_to_the_letters_of_total_words() {
        assert_eq!(
            crate::verify::memo::non_ascii_lowercasing_to("altsumhed"),
            None
        );
    }

    proptest::proptest! {
        /// The quick look never passes over a total label: a label it
        /// refuses has no total word, whatever its case and emphasis.
        #[test]
        fn quick_look_for_total_words_is_exact(
            label in "[-*_ .:0-9]{0,3}(I |i |Sam|SUM|T|al|ALT|lt|sub|Hoved|æ|Ø|å|K|x|mlet|ede|otal|Alle|HELE|le|landet|året|til dato|(|)| |:){0,6}"
        ) {
            let slow = {
                let l = clean_label(&label);
                TOTAL_WORDS.iter().any(|w| l.contains(w)) || {
                    let u = l.strip_suffix(')').and_then(|x| x.split_once(" (")).map_or(l.as_str(), |(h, _)| h);
                    WHOLE_TOTAL_LABELS.contains(&u)
                }
            };
            if !may_name_total(&label) {
                proptest::prop_assert!(!slow, "{:?}", label);
                proptest::prop_assert_eq!(total_label(&label), None);
            }
        }

        /// The quick look at a label's second and third byte for an id
        /// agrees with the full reading.
        #[test]
        fn id_quick_look_is_exact(
            label in "[ \u{a0}*_]{0,2}[0-9A-Za-zæ.)(+* ]{0,6}[ \u{2003}_*]{0,2}"
        ) {
            proptest::prop_assert_eq!(id_of(&label), id_of_now(&label), "{:?}", label);
        }

        /// The quick look at a running number's first byte agrees with the
        /// full test.
        #[test]
        fn running_number_quick_look_is_exact(
            s in "[ \u{a0}]{0,2}[0-9a-zA-Zæ.)( ]{0,5}[ \u{2003}]{0,2}"
        ) {
            let slow = {
                let s = s.trim();
                if let [l, b')'] = s.as_bytes() {
                    l.is_ascii_lowercase()
                } else {
                    let t = s.trim_end_matches(['.', ')']);
                    !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())
                }
            };
            proptest::prop_assert_eq!(running_number(&s), slow, "{:?}", s);
        }

        /// The quick look for a dash byte never refuses a dashed label.
        #[test]
        fn dashed_quick_look_is_exact(
            label in "[-*_ .0-9\u{b}\u{1f}]{0,3}(- |– |• |\u{2212} |−|–|a|Ø|é| |\t|\u{b}|\u{a0}|\u{2003}|\\*\\*|1\\.2 |_){0,5}"
        ) {
            let t = without_number(strip_emphasis(&label));
            let slow = (t.starts_with("- ")
                || t.starts_with("– ")
                || t.starts_with("• ")
                || t.starts_with("\u{2212} "))
                && t.len() > 2;
            proptest::prop_assert_eq!(is_dashed(&label), slow, "{:?}", label);
        }

        /// A column's total word is asked of its header as the silent
        /// totals asked it (each ` / ` part, or the whole header).
        #[test]
        fn names_total_asks_each_part(
            header in "(I alt|i alt|Total|Realiserede besparelser|2026|Region Midtjylland i alt|R 2010| / |/|Andel| ){0,5}"
        ) {
            let asked = header
                .split(" / ")
                .any(|part| total_label(part) == Some(true));
            proptest::prop_assert_eq!(names_total(&header, header_words(&header)), asked, "{:?}", header);
        }

        /// The headers are the header rows' non-empty cells joined, as
        /// they were before one header row's cells were moved.
        #[test]
        fn column_headers_join_the_non_empty_cells(
            rows in proptest::collection::vec(
                proptest::collection::vec("|a|Mio\\. kr\\.|2026| / |Andel", 4),
                0..4,
            )
        ) {
            let width = 3;
            let joined: Vec<String> = (1..=width)
                .map(|c| {
                    let parts: Vec<&str> =
                        rows.iter().map(|r| r[c].as_str()).filter(|t| !t.is_empty()).collect();
                    if parts.is_empty() {
                        format!("column {}", c + 1)
                    } else {
                        parts.join(" / ")
                    }
                })
                .collect();
            proptest::prop_assert_eq!(column_headers(rows, width), joined);
        }

        /// A cell's text trimmed the quick way is `str::trim`'s, whatever
        /// whitespace (ASCII or not) surrounds it.
        #[test]
        fn trimmed_is_trim(
            text in "[ \t\u{a0}\u{2003}\u{3000}\u{b}\u{1f}]{0,2}[-a-zæ0-9,.%()\u{a0} ]{0,8}[ \t\r\n\u{a0}\u{2003}\u{85}\u{1c}]{0,2}"
        ) {
            let mut trimmed = text.clone();
            trim_in_place(&mut trimmed);
            proptest::prop_assert_eq!(trimmed, text.trim());
        }

        /// Whether a row has a figure is kept as the grid reads it: every
        /// row of a table (a header, years repeated inside it, a short last
        /// figure, sections, numbered rows) says what its cells say.
        #[test]
        fn a_rows_figures_are_kept_as_its_cells_say(
            rows in proptest::collection::vec(
                proptest::collection::vec(
                    "|Mio\\. kr\\.|2026|2027|Center 1|I alt|1\\.|-|12,5|226,0|2|300|50 sager|Andel|5,0%|Heraf|- del",
                    1..5,
                ),
                1..8,
            )
        ) {
            let text: String = rows.iter().map(|r| r.join("\t") + "\n").collect();
            let g = read(&table(&text), NumberStyle::DANISH);
            for r in &g.rows {
                let said = r.cells.iter().any(|c| matches!(c, Cell::Fig(_)));
                proptest::prop_assert_eq!(r.has_figures(), said, "{:?}", r.label);
            }
        }
    }

    /// A PDF's `Note` column read into the label: its numbered rows flush
    /// left while every other label is indented 33 stand at 33 too; where
    /// the least indented rows are not all numbered, nothing is moved.
    #[test]
    fn note_numbers_flush_left_take_the_labels_indent() {
        let rows = |labels: &[&str]| -> Vec<Row> { table(&labels.join("\n")).rows };
        let numbered = rows(&[
            "I. Immaterielle",
            "1 Færdiggjorte",
            "Uudnyttede",
            "3 Under udførelse",
        ]);
        assert_eq!(*label_indents(&numbered, &[33, 0, 33, 0]), [33, 33, 33, 33]);
        let mixed = rows(&["Drift", "1 Løn", "  Husleje"]);
        assert_eq!(*label_indents(&mixed, &[0, 0, 2]), [0, 0, 2]);
        assert!(label_indents(&mixed, &[]).is_empty());
    }

    /// A table of tab-separated lines, as a test writes it.
    pub fn table(text: &str) -> Table {
        let rows = text
            .lines()
            .enumerate()
            .map(|(i, l)| Row {
                loc: Loc::line(i + 1),
                cells: l
                    .split('\t')
                    .enumerate()
                    .map(|(c, t)| {
                        DCell::new(
                            t,
                            Loc::Line {
                                line: i + 1,
                                column: c + 1,
                            },
                        )
                    })
                    .collect(),
            })
            .collect();
        Table {
            loc: Loc::line(1),
            title: None,
            style: None,
            rows,
            refused: None,
            width: 0,
        }
    }

    #[test]
    fn a_repeated_header_and_a_short_last_figure_have_no_figures() {
        // Years repeated inside the table start a section.
        let t = table(
            "Post\t2016\t2017\nA\t1,0\t2,0\nB\t3,0\t4,0\nPh.d.-studerende\t2016\t2017\nC\t5,0\t6,0\n",
        );
        let g = read(&t, NumberStyle::DANISH);
        let figures: Vec<bool> = g.rows.iter().map(GRow::has_figures).collect();
        assert_eq!(figures, vec![true, true, false, true]);
        assert_eq!(g.rows[2].role, Role::Section);
        // The copy that ends inside the last figure leaves no figure there.
        let short = table("Post\t2016\nA\t1,0\nB\t3,0\nC\t2\n");
        let g = read(&short, NumberStyle::DANISH);
        let figures: Vec<bool> = g.rows.iter().map(GRow::has_figures).collect();
        assert_eq!(figures, vec![true, true, false]);
        assert_eq!(g.rows[2].cells[0], Cell::Text);
    }

    #[test]
    fn total_words() {
        for l in [
            "I alt",
            "Ialt",
            "Samlet",
            "Total",
            "Totalt",
            "Hovedtotal",
            "Subtotal",
            "Sum",
            "I alt konto 6",
            "Branche i alt",
            "**I alt**",
            "I alt:",
            "Alle",
            "Hele landet",
            "**Hele året**",
            "Samtlige",
            "Året til dato",
            "Alle (18-65 år)",
            "A. Anlægs-og driftsaktiver i alt (I - III)",
            "Aktiver i alt (A + B)",
        ] {
            assert_eq!(total_label(l), Some(true), "{l}");
        }
        // Only as the whole label.
        assert_eq!(total_label("Alle børn i dagtilbud"), None);
        assert_eq!(total_label("Allerød"), None);
        assert_eq!(total_label("Hele landets udgifter"), None);
        assert_eq!(total_label("Alle (18-65 år) uden job"), None);
        assert_eq!(total_label("Total omlægning af indsatsen"), Some(false));
        assert_eq!(total_label("Skole"), None);
        assert_eq!(total_label("Summerede tal"), None);
    }

    #[test]
    fn formulas_and_ids() {
        assert_eq!(
            formula_of("A+B. Resultat"),
            Some(vec![(false, "A".into()), (false, "B".into())])
        );
        assert_eq!(
            formula_of("3 BFI (1+2)"),
            Some(vec![(false, "1".into()), (false, "2".into())])
        );
        assert_eq!(formula_of("A+B+C+D").map(|f| f.len()), Some(4));
        // A range of ages is no formula; digits in brackets name rows.
        assert_eq!(formula_of("18-19 år"), None);
        assert_eq!(formula_of("Alle (18-65 år)"), None);
        assert_eq!(formula_of("Børn 1-2 år"), None);
        // Bands of per cents (a reviewer's table: `0 - 25 %` stopped the
        // block of `I alt` below it).
        assert_eq!(formula_of("0 - 25 %"), None);
        assert_eq!(formula_of("76 - 100 %"), None);
        assert_eq!(formula_of("Ledighed 26-50%"), None);
        assert_eq!(
            formula_of("5 - 3 %").map(|f| f.len()),
            Some(2),
            "not a band: a formula's place"
        );
        assert_eq!(
            formula_of("DAU-saldo (5-6)"),
            Some(vec![(false, "5".into()), (true, "6".into())])
        );
        assert_eq!(
            formula_of("A - B"),
            Some(vec![(false, "A".into()), (true, "B".into())])
        );
        assert_eq!(formula_of("Drift 2026-2027"), None);
        // Dates and times name no rows (SSI's test series, one row a day).
        assert_eq!(formula_of("2020-02-29"), None);
        assert_eq!(formula_of("29-02-2020"), None);
        assert_eq!(formula_of("06/03/2020"), None);
        assert_eq!(formula_of("Møde 10.30-12.00"), None);
        assert_eq!(formula_of("Lån 1-100"), None);
        // Age bands as the whole label; a formula names more than a band.
        assert_eq!(formula_of("0-9"), None);
        assert_eq!(formula_of("10-19"), None);
        assert_eq!(formula_of("**20-29**"), None);
        assert_eq!(formula_of("2-1").map(|f| f.len()), Some(2));
        assert_eq!(formula_of("(5-6)").map(|f| f.len()), Some(2));
        assert_eq!(formula_of("Resultat"), None);
        assert_eq!(id_of("A. Driftsresultat").as_deref(), Some("A"));
        assert_eq!(id_of("3 BFI (1+2)").as_deref(), Some("3"));
        assert_eq!(id_of("A+B. Resultat"), None);
        assert_eq!(id_of("Anlæg"), None);
    }

    #[test]
    fn a_thing_taken_of_a_result_is_no_result_row() {
        assert!(difference_label("Resultat af primær drift (EBIT)"));
        assert!(difference_label(
            "Årets resultat af fortsættende aktiviteter"
        ));
        assert!(difference_label("Driftsresultat"));
        assert!(difference_label("Afvigelse af forbruget"));
        assert!(!difference_label("Skat af årets resultat"));
        assert!(!difference_label(
            "Andel af resultat i associerede virksomheder"
        ));
        assert!(!difference_label("Overførsel af overskud"));
        // Other words before `af`: the result after it counts (the
        // adversarial review's cash-flow rows).
        assert!(difference_label("Køb og salg af værdipapirer, netto"));
        assert!(difference_label("Renter af lån, netto"));
        assert!(difference_label("Opgørelse af årets resultat"));
        assert!(difference_label("Bidrag af driften, overskud"));
    }

    #[test]
    fn headerless_with_total_first_heraf_and_dashed_counts() {
        let t = table(
            "Antal sager gennemgået i alt\t50 sager\nHeraf\t\n- antal sager med fejl\t19 sager\n- antal sager uden fejl\t17 sager\n",
        );
        let g = read(&t, NumberStyle::DANISH);
        assert!(!g.has_header);
        assert_eq!(g.rows.len(), 4);
        assert_eq!(g.rows[0].role, Role::Total { strong: true });
        assert_eq!(g.rows[1].role, Role::HerafMarker);
        assert_eq!(g.rows[2].role, Role::Heraf);
        assert!(matches!(g.rows[0].cells[0], Cell::Fig(f) if f.exact));
    }

    #[test]
    fn shares_that_add_up_to_the_total_column_are_its_portions() {
        let kinds = |text: &str| -> Vec<ColKind> {
            read(&table(text), NumberStyle::DANISH)
                .cols
                .iter()
                .map(|c| c.kind.clone())
                .collect()
        };
        let portions = [ColKind::Amount, ColKind::Amount, ColKind::RowTotal];
        let shares = [ColKind::Share, ColKind::Share, ColKind::RowTotal];
        // ATP, bilag 1 (heldout13): `andel` in kroner, the employee's third
        // and the employer's two thirds of `Samlet bidrag`.
        let head =
            "Lønperiode\tLønmodtagers andel (1/3)\tArbejdsgivers andel (2/3)\tSamlet bidrag\n";
        let rows = [
            "Mindst 117\t94,65\t189,35\t284,00\n",
            "Mindst 78\t63,10\t126,25\t189,35\n",
            "Mindst 39\t31,55\t63,10\t94,65\n",
            "Mindst 9\t8,30\t16,60\t24,90\n",
            "Under 9\t0,00\t0,00\t0,00\n",
        ];
        let atp = head.to_string() + &rows.concat();
        assert_eq!(kinds(&atp), portions);
        // One misprinted total (bilag 5: `15,20` for 115,20) leaves them
        // portions: the cross total judges that row.
        assert_eq!(kinds(&atp.replace("\t94,65\n", "\t4,65\n")), portions);
        // Two failing rows, or two holding ones only: shares, as before.
        let two_wrong = atp
            .replace("\t94,65\n", "\t4,65\n")
            .replace("\t24,90\n", "\t2,90\n");
        assert_eq!(kinds(&two_wrong), shares);
        let two = head.to_string() + &rows[..2].concat();
        assert_eq!(kinds(&two), shares);
        // Per cents printed are shares, whatever they add up to.
        let pct = "Kommune\tAndel drift\tAndel anlæg\tSamlet\nA\t20,0%\t30,0%\t50,0%\n\
                   B\t10,0%\t10,0%\t20,0%\nC\t15,0%\t15,0%\t30,0%\nI alt\t45,0%\t55,0%\t100,0%\n";
        assert_eq!(kinds(pct)[..2], [ColKind::Share, ColKind::Share]);
    }

    #[test]
    fn running_numbers_and_column_meanings() {
        let t = table(
            "Nr.\tMio. kr.\t2025\t2026\tÆndring 2025-26\tAndel\t%\tI alt\n1\tSkatter\t1\t2\t1\t5,0%\t1\t3\n2\tUdgifter\t1\t2\t1\t5,0%\t1\t3\n3\tBFI (1+2)\t2\t4\t2\t10,0%\t1\t6\n",
        );
        let g = read(&t, NumberStyle::DANISH);
        assert_eq!(g.rows[0].label, "Skatter");
        assert_eq!(g.rows[2].id.as_deref(), Some("3"));
        assert!(matches!(g.rows[2].role, Role::Formula(_)));
        let kinds: Vec<&ColKind> = g.cols.iter().map(|c| &c.kind).collect();
        assert_eq!(
            kinds,
            vec![
                &ColKind::Amount,
                &ColKind::Amount,
                &ColKind::Change {
                    years: vec![2025, 2026],
                    afvigelse: false
                },
                &ColKind::Share,
                &ColKind::Pct,
                &ColKind::RowTotal
            ]
        );
        assert_eq!(g.cols[1].year, Some(2026));
    }

    #[test]
    fn years_as_row_labels_are_read_as_they_stand() {
        // An `I alt` column is cast along each year's row.
        let t = table("Mio. kr.\tA\tB\tI alt\n2024\t1,0\t2,0\t3,0\n2025\t1,5\t2,5\t4,0\n");
        let g = read(&t, NumberStyle::DANISH);
        assert_eq!(g.rows[1].label, "2025");
        assert_eq!(g.cols[2].kind, ColKind::RowTotal);
    }

    #[test]
    fn a_share_is_named_by_the_word_andel_not_by_handel() {
        // DST's Statistisk Årbog 2002, table 270: `Handel med biler, …` is
        // an industry, not a share (heldout).
        for (h, share) in [
            ("Andel", true),
            ("Andel i pct.", true),
            ("Kvindeandel", true),
            ("Markedsandel 2024", true),
            ("Handel med biler, autorep. og servicestationer", false),
            ("Detailhandel", false),
            ("Engroshandel og agenturhandel", false),
        ] {
            assert_eq!(header_words_now(h).share, share, "{h}");
        }
    }
}
