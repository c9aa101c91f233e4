//! A table cell read as a typed figure: its value, the decimals it is printed
//! with (and so its rounding interval), its unit and whether it is an exact
//! count. Format-blind: it sees only the cell's text.
//!
//! Read here: thousands separators `.`, space, U+00A0 and U+202F; minus as
//! `-`, U+2212 or an en dash, negatives in parentheses `(1.234)` and a
//! trailing minus `300.000-`; whole kroner as `1.500,-` (`,--`, `,–`), also
//! with the unit before them (`kr. 1.500,-`, `Kr. 32.200,15`; not a bare
//! `Kr. 1.000`, a column's unit);
//! emphasis `**…**` / `__…__`; units after the number or in the column's
//! header (`kr.`, `t. kr.`, `1.000 kr.`, `mio. kr.`, `mia. kr.`, `%`, `pct.`,
//! counts such as `sager`, `personer`, `borgere`, `stk.`).
//!
//! Granularity: a whole count (`50 sager`, a column headed `Antal personer`)
//! is exact — it has no rounding interval. Amounts, percentages and derived
//! counts (`fuldtidspersoner`, `helårspersoner`, averages) are rounded.

use crate::money::Decimal;
use crate::numfmt::{parse_number, plain_number, NumberStyle, PrintedNumber};

/// What a figure counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Kroner times 10^n: 0 kr., 3 t. kr., 6 mio. kr., 9 mia. kr.
    Money(u32),
    Percent,
    /// Whole things: cases, persons, pieces.
    Count,
    /// Things counted on average or per full-time person: rounded.
    Derived,
}

/// A cell's content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Fig(Figure),
    /// `-`, `–`, `—`, `−`: nothing / not applicable.
    Dash,
    Empty,
    /// Words, or something that is not a number.
    Text,
}

/// A printed figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Figure {
    /// The value as printed, in its own unit (57,4 for `57,4%`).
    pub value: Decimal,
    pub decimals: u32,
    /// The unit, when the cell or its column says it.
    pub unit: Option<Unit>,
    /// A whole count: no rounding interval.
    pub exact: bool,
    /// Rounded to 10^coarse (a column whose whole figures all end in 0).
    pub coarse: u32,
}

impl Figure {
    pub fn percent(&self) -> bool {
        self.unit == Some(Unit::Percent)
    }

    /// Half the last printed digit (0 for a whole count): the slack of a
    /// quick look, which does not widen a coarse column's figures.
    pub fn half_printed_digit(&self) -> Decimal {
        if self.exact {
            Decimal::ZERO
        } else {
            Decimal::new(5, self.decimals + 1)
        }
    }

    /// The figure for judging, converted from `Money(from)` to `Money(to)`
    /// (to ≥ from: 500 t. kr. is 0,500 mio. kr., its interval scaled
    /// exactly). `None` if the conversion would lose digits.
    pub fn printed_in(&self, to: Option<u32>) -> Option<PrintedNumber> {
        let (value, decimals) = match (self.unit, to) {
            (Some(Unit::Money(from)), Some(to)) if to > from => {
                let k = to - from;
                let mut v = self.value;
                let scale = v.scale().checked_add(k)?;
                if scale > 28 {
                    return None;
                }
                v.set_scale(scale).ok()?;
                (v, self.decimals + k)
            }
            _ => (self.value, self.decimals),
        };
        Some(PrintedNumber {
            value,
            decimals,
            percent: self.percent(),
            exact: self.exact,
            coarse: self.coarse,
        })
    }
}

/// `**I alt**`, `__-4.350__`, `*x*` -> the text inside, trimmed.
///
/// Inlined where it is asked (some fifty times a table): most texts have
/// no emphasis, and the call cost as much as the look.
#[inline]
pub fn strip_emphasis(s: &str) -> &str {
    // Most texts start and end with a visible ASCII character, or are
    // empty (an empty cell): nothing to trim.
    let t = crate::document::trim_text(s);
    let marked = |t: &str| matches!(t.as_bytes().first(), Some(b'*' | b'_'));
    if !marked(t) {
        return t;
    }
    without_marks(t)
}

/// A trimmed text that starts with `*` or `_` without the emphasis marks
/// around it ([`strip_emphasis`]).
fn without_marks(mut t: &str) -> &str {
    loop {
        let before = t;
        for m in ["**", "__", "*", "_"] {
            if t.len() > 2 * m.len() && t.starts_with(m) && t.ends_with(m) {
                t = t[m.len()..t.len() - m.len()].trim();
            }
        }
        // Each step only shortens: the same length is the same text.
        if t.len() == before.len() {
            return t;
        }
    }
}

/// The Danish month names in lower case: dates in running text (`30.
/// september 2025`) and in headers (`pr. 1. januar`) are no figures.
pub const MONTHS: &[&str] = &[
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

/// The unit a header, title or unit word names, if any.
pub fn unit_in(text: &str) -> Option<Unit> {
    if !text.chars().any(|c| c.is_alphabetic() || c == '%') {
        return None;
    }
    // A document repeats its headers and titles table after table.
    thread_local! {
        static SEEN: super::memo::Memo<Option<Unit>> = super::memo::Memo::new(512);
    }
    SEEN.with(|m| m.get(text, unit_in_now))
}

/// The scenario's unit spellings (`money::UNIT_SPELLINGS`) in lower case.
fn spellings() -> &'static [(String, crate::money::Unit)] {
    static LOWER: std::sync::OnceLock<Vec<(String, crate::money::Unit)>> =
        std::sync::OnceLock::new();
    LOWER.get_or_init(|| {
        crate::money::UNIT_SPELLINGS
            .iter()
            .map(|(w, u)| (w.to_lowercase(), *u))
            .collect()
    })
}

fn unit_in_now(text: &str) -> Option<Unit> {
    let l = text.to_lowercase();
    let has = |w: &str| contains_word(&l, w);
    // The scenario's spellings (one list, `money::UNIT_SPELLINGS`), then the
    // ones only documents use (mia., English).
    let named = |unit: crate::money::Unit| {
        spellings()
            .iter()
            .any(|(w, u)| *u == unit && has(w.as_str()))
    };
    if has("mia. kr.") || has("mia.kr.") || has("mia. kr") || has("mia kr") || has("mia.") {
        Some(Unit::Money(9))
    } else if named(crate::money::Unit::Mio) || has("dkk million") {
        Some(Unit::Money(6))
    } else if named(crate::money::Unit::TKr) || has("dkk 1,000") {
        Some(Unit::Money(3))
    } else if named(crate::money::Unit::Kr) || has("dkk") {
        Some(Unit::Money(0))
    } else if has("fuldtidspersoner")
        || has("helårspersoner")
        || has("fuldtidsstillinger")
        || has("årsværk")
        || has("gns.")
        || has("gennemsnit")
        || has("gennemsnitlig")
    {
        Some(Unit::Derived)
    } else if l.contains("1.000 ") || l.contains("1 000") || l.contains("tusind") {
        // Thousands of persons: rounded.
        Some(Unit::Derived)
    } else if has("sager")
        || has("sag")
        || has("personer")
        || has("person")
        || has("borgere")
        || has("borger")
        || has("stk.")
        || has("stk")
        || has("elever")
        || has("børn")
        || has("modtagere")
        || has("ansøgninger")
    {
        Some(Unit::Count)
    } else if has("antal") {
        // A bare `Antal` (often full-time equivalents, STÅ): rounded.
        Some(Unit::Derived)
    } else if l.trim() == "%" || has("pct.") || has("pct") || has("procent") || l.contains('%') {
        Some(Unit::Percent)
    } else if (has("mandater")
        || has("mandat")
        || l.trim() == "pladser"
        || has("stemmer")
        || has("vælgere")
        || has("stemmeberettigede"))
        && !l.contains("1.000")
        && !l.contains("1000")
        && !l.contains("1 000")
        && !l.contains("tusind")
    {
        // Elections: seats (a bare `Pladser` too) and votes are counted,
        // never rounded, unless
        // the header says thousands (`Stemmer (1.000)`, `Stemmer i 1000`)
        // or per cent (above: `Stemmer i procent`).
        Some(Unit::Count)
    } else {
        None
    }
}

/// `word` in `haystack` (both lower case) with no letter or digit on
/// either side.
pub fn contains_word(haystack: &str, word: &str) -> bool {
    let (h, w) = (haystack.as_bytes(), word.as_bytes());
    if w.is_empty() || h.len() < w.len() {
        return false;
    }
    let first_alnum = word.chars().next().is_some_and(char::is_alphanumeric);
    let last_alnum = word.chars().next_back().is_some_and(char::is_alphanumeric);
    // Every occurrence, left to right (overlapping ones included); the
    // haystacks are short labels and headers, so each start is found by its
    // first byte and compared in place (no searcher built per call).
    let mut from = 0;
    while let Some(found) = memchr::memchr(w[0], h.get(from..).unwrap_or_default()) {
        let i = from + found;
        from = i + 1;
        if h.get(i..i + w.len()) != Some(w) {
            continue;
        }
        if !haystack.is_char_boundary(i) {
            continue;
        }
        let end = i + w.len();
        let before = haystack[..i].chars().next_back();
        let after = haystack.get(end..).and_then(|r| r.chars().next());
        let ok_before = !(first_alnum && before.is_some_and(char::is_alphanumeric));
        let ok_after = !(last_alnum && after.is_some_and(char::is_alphanumeric));
        if ok_before && ok_after {
            return true;
        }
    }
    false
}

fn is_dash(t: &str) -> bool {
    matches!(
        t,
        "-" | "\u{2013}" | "\u{2014}" | "\u{2212}" | "--" | "÷" | "-,-"
    )
}

/// Drops thousands separators written as space, NBSP or U+202F between
/// digit groups (`4 450` -> `4450`); other spaces are kept.
fn drop_space_groups(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains([' ', '\u{a0}', '\u{202f}']) {
        return std::borrow::Cow::Borrowed(s);
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if matches!(c, ' ' | '\u{a0}' | '\u{202f}') {
            let before_digit = i > 0 && chars[i - 1].is_ascii_digit();
            let three_after = chars.len() >= i + 4
                && chars[i + 1..i + 4].iter().all(char::is_ascii_digit)
                && !chars.get(i + 4).is_some_and(char::is_ascii_digit);
            // Only inside the integer part: no decimal comma before it.
            if before_digit && three_after {
                continue;
            }
        }
        out.push(c);
    }
    std::borrow::Cow::Owned(out)
}

/// `kr. 1.500,-`, `Kr. 32.200,15`: the text after a kroner unit written
/// before a figure (a digit, sign or parenthesis follows it). Read only for
/// a figure that is plainly an amount (marked `,-` or printed to the øre):
/// a bare `Kr. 1.000` heads a column of thousands of kroner.
fn money_before(t: &str) -> Option<&str> {
    let b = t.as_bytes();
    // Most cells start with a digit or a sign: no `k` to compare further.
    if !matches!(b.first(), Some(b'k' | b'K')) {
        return None;
    }
    let after = if b.len() > 3 && b[..3].eq_ignore_ascii_case(b"kr.") {
        3
    } else if b.len() > 2 && b[..2].eq_ignore_ascii_case(b"kr") && b[2] == b' ' {
        2
    } else {
        return None;
    };
    let rest = t.get(after..)?.trim_start();
    rest.starts_with(|c: char| {
        c.is_ascii_digit() || matches!(c, '-' | '+' | '(' | '\u{2212}' | '\u{2013}')
    })
    .then_some(rest)
}

/// Reads a cell. `column_unit` is the unit its column's header or the
/// table's title names; a unit in the cell itself wins.
pub fn read_cell(text: &str, style: NumberStyle, column_unit: Option<Unit>) -> Cell {
    read_cell_in(text, style, column_unit).0
}

/// [`read_cell`], and whether the figure took its unit from `column_unit`
/// (only then does another column unit read it otherwise: see
/// [`in_column_unit`]).
pub fn read_cell_in(text: &str, style: NumberStyle, column_unit: Option<Unit>) -> (Cell, bool) {
    read_stripped(strip_emphasis(text), style, column_unit)
}

/// [`read_cell_in`] of a text [`strip_emphasis`] gave already (the grid
/// strips each cell once, for its reading and its kept text).
pub fn read_stripped(t: &str, style: NumberStyle, column_unit: Option<Unit>) -> (Cell, bool) {
    if t.is_empty() {
        return (Cell::Empty, false);
    }
    if is_dash(t) {
        return (Cell::Dash, false);
    }
    // `÷ 3.972`, `÷33`: the division sign, which Danish accounts print as
    // the minus sign. Read as the figure after it, negated.
    if let Some(rest) = t.strip_prefix('÷') {
        let rest = rest.trim_start();
        if !rest.starts_with(|c: char| c.is_ascii_digit()) {
            return (Cell::Text, false);
        }
        let (cell, from_column) = read_cell_in(rest, style, column_unit);
        return (negated(cell), from_column);
    }
    // `kr. 1.500,-`: the unit before the figure.
    let (t, unit_before) = match money_before(t) {
        Some(rest) => (rest, Some(Unit::Money(0))),
        None => (t, None),
    };
    let first = t.as_bytes()[0];
    if !(first.is_ascii_digit()
        || matches!(first, b'-' | b'+' | b'(')
        || t.starts_with(['\u{2212}', '\u{2013}']))
    {
        return (Cell::Text, false);
    }
    // `0322`, `032201`: a digit after a leading zero is an account or
    // function code (a `Konto` column beside the amounts), never an amount:
    // no table prints its figures so.
    if leading_zero_code(t) {
        return (Cell::Text, false);
    }
    // Most cells are a plain figure (`-1.281,8`, `57,4%`): nothing before or
    // after it, no space to drop, read in one pass. The general way below
    // reads it the same (`parse_number` tries the one pass first, and no
    // unit word follows).
    if unit_before.is_none() {
        if let Some(p) = plain_number(t, style) {
            let unit = if p.percent {
                Some(Unit::Percent)
            } else {
                column_unit
            };
            return (
                Cell::Fig(Figure {
                    value: p.value,
                    decimals: p.decimals,
                    unit,
                    exact: unit == Some(Unit::Count) && p.decimals == 0,
                    coarse: 0,
                }),
                !p.percent,
            );
        }
    }
    figure_cell(t, unit_before, style, column_unit)
}

/// A text that starts, after its sign, with a zero and another digit
/// (`0322`, `032201`): an account or function code, no figure.
fn leading_zero_code(t: &str) -> bool {
    let unsigned = t.trim_start_matches(['-', '+']).as_bytes();
    unsigned.first() == Some(&b'0') && unsigned.get(1).is_some_and(u8::is_ascii_digit)
}

/// `cell` with its figure's sign turned (a zero stays `0`, never `-0`).
fn negated(cell: Cell) -> Cell {
    match cell {
        Cell::Fig(mut f) => {
            if !f.value.is_zero() {
                f.value = -f.value;
            }
            Cell::Fig(f)
        }
        other => other,
    }
}

/// [`read_cell_in`]'s general way, for a text that starts as a figure does
/// (a digit, a sign or a parenthesis), after a unit written before it
/// (`unit_before`, `kr. 1.500,-`) if any.
fn figure_cell(
    t: &str,
    unit_before: Option<Unit>,
    style: NumberStyle,
    column_unit: Option<Unit>,
) -> (Cell, bool) {
    // Parentheses negative: `(1.234)`, `(1.234) t. kr.`
    let (negative, body) = match t.strip_prefix('(') {
        Some(rest) => match rest.split_once(')') {
            Some((inside, after)) if !inside.starts_with(['-', '\u{2212}', '\u{2013}']) => (
                true,
                std::borrow::Cow::Owned(format!("{}{}", inside.trim(), after)),
            ),
            _ => return (Cell::Text, false),
        },
        // No copy of the cell's text: most figures are read in place.
        None => (false, std::borrow::Cow::Borrowed(t)),
    };
    let body = drop_space_groups(&body);
    let Ok(p) = parse_number(&body, style) else {
        return (Cell::Text, false);
    };
    // The unit after the number, if any.
    let suffix = body
        .trim_start_matches(['-', '+', '\u{2212}', '\u{2013}', ' '])
        .trim_start_matches(|c: char| {
            c.is_ascii_digit() || c == style.decimal || Some(c) == style.thousands
        })
        // The mark of whole units or a trailing minus (`1.500,- kr.`).
        .trim_start_matches(['-', '\u{2013}', '\u{2014}'])
        .trim();
    if unit_before.is_some() {
        // `kr. 5 mio. kr.`: two units, not one figure; `Kr. 1.000`: a
        // column's unit (thousands of kroner), not an amount.
        let marked = body.trim_end().ends_with(['-', '\u{2013}', '\u{2014}']);
        if p.percent || !suffix.is_empty() || (p.decimals == 0 && !marked) {
            return (Cell::Text, false);
        }
    }
    let mut from_column = false;
    let unit = if unit_before.is_some() {
        unit_before
    } else if p.percent {
        Some(Unit::Percent)
    } else if suffix.is_empty() {
        from_column = true;
        column_unit
    } else if suffix.contains('/') {
        // A rate (`kr./m²`): read as printed, never converted to kroner.
        None
    } else {
        let own = unit_in(suffix);
        from_column = own.is_none();
        own.or(column_unit)
    };
    let mut value = p.value;
    if negative && !value.is_zero() {
        value = -value;
    }
    let exact = unit == Some(Unit::Count) && p.decimals == 0;
    (
        Cell::Fig(Figure {
            value,
            decimals: p.decimals,
            unit,
            exact,
            coarse: 0,
        }),
        from_column,
    )
}

/// The cell [`read_cell`] reads with the column unit `unit` from the one it
/// read with another (`from_column` as [`read_cell_in`] said): the same
/// figure, where the column's unit is its unit.
pub fn in_column_unit(cell: &mut Cell, from_column: bool, unit: Option<Unit>) {
    if let (Cell::Fig(f), true) = (cell, from_column) {
        f.unit = unit;
        f.exact = unit == Some(Unit::Count) && f.decimals == 0;
    }
}

/// A year written as a header (`2026`, `B2026`, `R2024`, `Budget 2026`): the
/// year, when the text is one.
pub fn year_of(text: &str) -> Option<i32> {
    // `2.016`: a year printed with a thousands separator.
    let t = crate::document::trim_text(text);
    if t.len() == 5 && t.as_bytes()[1] == b'.' && t.bytes().filter(u8::is_ascii_digit).count() == 4
    {
        let y: String = t.chars().filter(char::is_ascii_digit).collect();
        return y.parse().ok().filter(|y| (1950..=2100).contains(y));
    }
    // The one year named, counted without a list of them.
    let (mut first, mut named) = (None, 0);
    each_year(text, |y| {
        first.get_or_insert(y);
        named += 1;
    });
    if named == 1 {
        first
    } else {
        None
    }
}

/// The years a header names: `Ændring 2025-26` -> [2025, 2026],
/// `Udvikling fra 2018-2019` -> [2018, 2019], `2026` -> [2026].
pub fn years_in(text: &str) -> Vec<i32> {
    let mut out: Vec<i32> = Vec::new();
    each_year(text, |y| out.push(y));
    out
}

/// [`years_in`]'s years, each handed to `found` in order.
fn each_year(text: &str, mut found: impl FnMut(i32)) {
    let b = text.as_bytes();
    // The year found last (`2025-26` takes its century).
    let mut last: Option<i32> = None;
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let digits = &text[start..i];
            let before_ok = start == 0 || !b[start - 1].is_ascii_digit() && b[start - 1] != b',';
            let after_ok = i >= b.len() || !matches!(b[i], b',' | b'.') || i + 1 >= b.len();
            if !before_ok || !after_ok {
                continue;
            }
            match digits.len() {
                4 => {
                    if let Ok(y) = digits.parse::<i32>() {
                        if (1950..=2100).contains(&y) {
                            found(y);
                            last = Some(y);
                        }
                    }
                }
                2 if start > 0 && matches!(b[start - 1], b'-' | b'/') => {
                    // `2025-26`: the century of the year before.
                    if let (Some(prev), Ok(yy)) = (last, digits.parse::<i32>()) {
                        let y = prev / 100 * 100 + yy;
                        if y > prev {
                            found(y);
                            last = Some(y);
                        }
                    }
                }
                _ => {}
            }
        } else {
            i += 1;
        }
    }
}

/// A cell that was meant as a figure but cannot be read as one: only digits
/// and separators (`1.959.48 kr.`, a decimal comma typed as a point), a sign
/// before them and a unit after them allowed. A total over it is unknown,
/// never judged as if the part were not there.
pub fn garbled(text: &str) -> bool {
    let t = text.trim();
    let t = ["kr.", "kr", "%"]
        .iter()
        .find_map(|u| t.strip_suffix(u))
        .unwrap_or(t)
        .trim_end();
    let t = t
        .strip_prefix(['-', '\u{2212}', '\u{2013}'])
        .unwrap_or(t)
        .trim_start();
    t.bytes().any(|b| b.is_ascii_digit())
        && t.bytes().any(|b| b == b'.' || b == b',')
        && t.bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn fig(s: &str) -> Figure {
        match read_cell(s, NumberStyle::DANISH, None) {
            Cell::Fig(f) => f,
            other => panic!("{s:?} read as {other:?}"),
        }
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn a_code_with_a_leading_zero_is_no_figure() {
        for t in ["0322", "032201", "03110110", "-0322", "00"] {
            assert_eq!(read_cell(t, NumberStyle::DANISH, None), Cell::Text, "{t}");
        }
        assert_eq!(fig("0").value, d("0"));
        assert_eq!(fig("0,5").value, d("0.5"));
        assert_eq!(fig("-0,3").value, d("-0.3"));
        assert_eq!(fig("0 %").value, d("0"));
    }

    #[test]
    fn every_cell_form_of_the_issue() {
        assert_eq!(fig("**-4.350**").value, d("-4350"));
        assert_eq!(fig("__12,5__").value, d("12.5"));
        assert_eq!(fig("-4 450").value, d("-4450"));
        assert_eq!(fig("4\u{a0}450,5").value, d("4450.5"));
        assert_eq!(fig("1\u{202f}234\u{202f}567").value, d("1234567"));
        assert_eq!(fig("(1.234)").value, d("-1234"));
        assert_eq!(fig("\u{2212}5,0").value, d("-5.0"));
        assert_eq!(fig("\u{2013}5,0").value, d("-5.0"));
        let p = fig("0,5%");
        assert_eq!(
            (p.value, p.decimals, p.unit),
            (d("0.5"), 1, Some(Unit::Percent))
        );
        assert_eq!(fig("2,6 pct.").unit, Some(Unit::Percent));
        let s = fig("50 sager");
        assert_eq!(
            (s.value, s.exact, s.unit),
            (d("50"), true, Some(Unit::Count))
        );
        assert!(!fig("12,5 fuldtidspersoner").exact);
        assert_eq!(fig("500 t. kr.").unit, Some(Unit::Money(3)));
        assert_eq!(fig("1,0 mio. kr.").unit, Some(Unit::Money(6)));
        assert_eq!(fig("2 mia. kr.").unit, Some(Unit::Money(9)));
        assert_eq!(read_cell("-", NumberStyle::DANISH, None), Cell::Dash);
        assert_eq!(read_cell("\u{2013}", NumberStyle::DANISH, None), Cell::Dash);
        assert_eq!(read_cell("n.a.", NumberStyle::DANISH, None), Cell::Text);
        assert_eq!(read_cell(" ", NumberStyle::DANISH, None), Cell::Empty);
        // Two numbers side by side are not one.
        assert_eq!(read_cell("12 34", NumberStyle::DANISH, None), Cell::Text);
    }

    #[test]
    fn the_division_sign_is_the_danish_minus() {
        // As Danish accounts print negatives (FA's Årsberetning 2017:
        // `Uddannelsesvirksomhed  34  ÷ 33`, `Resultat før skat  ÷ 3.972`).
        assert_eq!(fig("÷ 33").value, d("-33"));
        assert_eq!(fig("÷ 3.972").value, d("-3972"));
        assert_eq!(fig("÷8,3").value, d("-8.3"));
        assert_eq!(fig("**÷ 1.500**").value, d("-1500"));
        let p = fig("÷2,8 pct.");
        assert_eq!((p.value, p.unit), (d("-2.8"), Some(Unit::Percent)));
        let t = fig("÷ 500 t. kr.");
        assert_eq!((t.value, t.unit), (d("-500"), Some(Unit::Money(3))));
        let c = fig("÷ 4 sager");
        assert_eq!((c.value, c.exact), (d("-4"), true));
        // Nought has no sign.
        let z = fig("÷ 0");
        assert_eq!(z.value, d("0"));
        assert!(z.value.is_sign_positive());
        // Alone, the sign is the dash of an empty cell; before no figure,
        // or before a sign of its own, it is text.
        let da = NumberStyle::DANISH;
        assert_eq!(read_cell("÷", da, None), Cell::Dash);
        assert_eq!(read_cell("÷ a", da, None), Cell::Text);
        assert_eq!(read_cell("÷ -5", da, None), Cell::Text);
        assert_eq!(read_cell("÷ (5)", da, None), Cell::Text);
        assert_eq!(read_cell("÷÷5", da, None), Cell::Text);
    }

    #[test]
    fn whole_kroner_and_a_trailing_minus() {
        let da = NumberStyle::DANISH;
        // `1.500,-` is the cell `1.500`, in every place a cell's unit goes.
        for (marked, plain) in [
            ("1.500,-", "1.500"),
            ("12.000,--", "12.000"),
            ("300,\u{2013}", "300"),
            ("**1.500,-**", "1.500"),
            ("1 500,-", "1 500"),
            ("(1.500,-)", "(1.500)"),
            ("1.500,- kr.", "1.500 kr."),
            ("300.000-", "-300.000"),
            ("1.234,50-", "-1.234,50"),
            ("1.234,50- t. kr.", "-1.234,50 t. kr."),
            ("50,- sager", "50 sager"),
        ] {
            for unit in [None, Some(Unit::Money(3)), Some(Unit::Count)] {
                assert_eq!(
                    read_cell(marked, da, unit),
                    read_cell(plain, da, unit),
                    "{marked:?}"
                );
            }
        }
        // The unit before the figure: kroner, whatever the column says.
        for t in [
            "kr. 1.500,-",
            "KR. 1.500,--",
            "kr.1.500,-",
            "kr 1.500,-",
            "Kr. 1.500,00",
        ] {
            let f = fig(t);
            assert_eq!(
                (f.value, f.unit),
                (d("1500"), Some(Unit::Money(0))),
                "{t:?}"
            );
            let Cell::Fig(f) = read_cell(t, da, Some(Unit::Money(6))) else {
                panic!("{t:?}")
            };
            assert_eq!(f.unit, Some(Unit::Money(0)), "{t:?}");
        }
        assert_eq!(fig("kr. -300,-").value, d("-300"));
        assert_eq!(fig("kr. (300,-)").value, d("-300"));
        assert_eq!(fig("kr. 1.300-").value, d("-1300"));
        assert_eq!(fig("300 000-").value, d("-300000"));
        assert_eq!(fig("Kr. 32.200,15").value, d("32200.15"));
        // Labels, ranges and years are no figures.
        for t in [
            "Konto 5-6",
            "Konto 5-",
            "5-6",
            "2025-",
            "65-",
            "300-",
            "kr. 300-",
            "2025-2026",
            "2025-26",
            "kr.",
            "kr. pr. time",
            "kr. 5 mio. kr.",
            "kr. 5%",
            "Kr 5-6",
            "Krone 5",
            "dkk5",
            // A column's unit, not an amount.
            "Kr. 1.000",
            "kr. 1000",
            "kr. 300",
            "DKK 1.500",
            "-300-",
            "300 -",
            ",-",
        ] {
            assert!(
                !matches!(read_cell(t, da, None), Cell::Fig(_)),
                "{t:?} read as a figure"
            );
        }
        assert_eq!(read_cell("-,-", da, None), Cell::Dash);
    }

    #[test]
    fn a_column_unit_makes_counts_exact() {
        let Cell::Fig(f) = read_cell("19", NumberStyle::DANISH, Some(Unit::Count)) else {
            panic!()
        };
        assert!(f.exact);
        assert_eq!(f.printed_in(None).unwrap().half_unit(), Decimal::ZERO);
        let Cell::Fig(f) = read_cell("19,5", NumberStyle::DANISH, Some(Unit::Count)) else {
            panic!()
        };
        assert!(!f.exact);
    }

    #[test]
    fn units_convert_exactly() {
        let p = fig("500 t. kr.").printed_in(Some(6)).unwrap();
        // 500 t. kr. is 0,500 mio. kr., half a t. kr. either way.
        assert_eq!((p.value, p.decimals), (d("0.500"), 3));
        assert_eq!(p.half_unit(), d("0.0005"));
        let p = fig("1 kr.").printed_in(Some(6)).unwrap();
        assert_eq!(p.value, d("0.000001"));
    }

    #[test]
    fn units_and_years_in_headers() {
        assert_eq!(unit_in("Mio. kr."), Some(Unit::Money(6)));
        assert_eq!(unit_in("1.000 kr."), Some(Unit::Money(3)));
        assert_eq!(unit_in("Antal sager"), Some(Unit::Count));
        assert_eq!(unit_in("Antal"), Some(Unit::Derived));
        assert_eq!(unit_in("sager"), Some(Unit::Count));
        assert_eq!(unit_in("1.000 personer"), Some(Unit::Derived));
        assert_eq!(unit_in("Helårspersoner"), Some(Unit::Derived));
        assert_eq!(unit_in("Pct."), Some(Unit::Percent));
        assert_eq!(unit_in("Skole"), None);
        assert_eq!(years_in("Ændring 2025-26"), vec![2025, 2026]);
        assert_eq!(years_in("Udvikling fra 2018-2019"), vec![2018, 2019]);
        assert_eq!(years_in("B2026"), vec![2026]);
        assert_eq!(years_in("-1.500,0"), Vec::<i32>::new());
        assert_eq!(year_of("Regnskab 2024"), Some(2024));
    }

    #[test]
    fn plain_figures_are_read_in_one_pass() {
        assert_eq!(
            read_cell_in("-1.281,8", NumberStyle::DANISH, Some(Unit::Money(6))),
            (
                Cell::Fig(Figure {
                    value: d("-1281.8"),
                    decimals: 1,
                    unit: Some(Unit::Money(6)),
                    exact: false,
                    coarse: 0,
                }),
                true
            )
        );
        let (share, from_column) = read_cell_in("39,8%", NumberStyle::DANISH, None);
        assert!(matches!(share, Cell::Fig(f) if f.unit == Some(Unit::Percent)));
        assert!(!from_column);
    }

    proptest::proptest! {
        /// The one-pass reading of a plain figure gives what the general
        /// way gives: the same figure, unit and column flag, in every style
        /// and under every column unit.
        #[test]
        fn plain_figures_read_as_the_general_way_reads_them(
            text in "[-+]?([0-9]{1,4}|[.,]|[0-9]{3}|%| |a){1,7}",
            style in 0usize..3,
            unit in 0usize..5,
        ) {
            let style = [NumberStyle::DANISH, NumberStyle::ENGLISH, NumberStyle::DANISH_UNGROUPED][style];
            let unit = [None, Some(Unit::Percent), Some(Unit::Count), Some(Unit::Money(6)), Some(Unit::Derived)][unit];
            // A code (`00`, `0322`) is read as text before either way.
            if plain_number(&text, style).is_some() && !leading_zero_code(&text) {
                let fast = read_cell_in(&text, style, unit);
                let general = figure_cell(&text, None, style, unit);
                proptest::prop_assert_eq!(&fast, &general, "{:?}", text);
                if let (Cell::Fig(a), Cell::Fig(b)) = (fast.0, general.0) {
                    proptest::prop_assert_eq!(a.value.scale(), b.value.scale());
                }
            }
        }
    }
}
