//! Danish running text as tokens: words, figures with their units, and
//! punctuation, grouped into sentences. Nothing here decides what a figure
//! means; it only says what is printed around it.
//!
//! A figure is `-15,9`, `1.300`, `57,4`, `0`; its unit is read from the words
//! after it (`mio. kr.`, `t. kr.`, `mia.`, `%`, `pct.`, `procentpoint`,
//! `personer`). A four-digit whole number between 1900 and 2100 without a
//! unit is a year; a number followed by a point and a month is a date; a
//! number after `nr.`, `sag`, `bilag`, `§` or `konto` is a reference.

use crate::numfmt::{parse_number, NumberStyle, PrintedNumber};

/// The scale of an amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scale {
    Kr,
    TKr,
    Mio,
    Mia,
}

/// What a printed figure counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unit {
    Money(Scale),
    Percent,
    /// Procentpoint: a difference of percentages.
    Points,
    /// A whole number of something (`1.300 fuldtidspersoner`).
    Count(String),
    /// A number with no unit after it (`-55,4` in `stigende til -55,4`).
    Bare,
    Year,
    /// Dates, references, clock times: not a quantity.
    Other,
}

/// A figure in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fig {
    /// As printed, with its sign; a percentage's value is the percent figure.
    pub num: PrintedNumber,
    pub unit: Unit,
    /// Byte offsets in the paragraph's text.
    pub start: usize,
    pub end: usize,
    /// `ca.`, `knap`, `godt`, `over`, `mindst` … before it: not a figure to judge.
    pub approx: bool,
    /// Index of its token in the sentence.
    pub token: usize,
    /// Printed with an explicit minus.
    pub signed: bool,
}

impl Fig {
    pub fn is_amount(&self) -> bool {
        matches!(self.unit, Unit::Money(_))
    }
    pub fn is_percent(&self) -> bool {
        self.unit == Unit::Percent
    }
    pub fn year(&self) -> Option<u32> {
        if self.unit == Unit::Year {
            u32::try_from(self.num.value.mantissa()).ok()
        } else {
            None
        }
    }
    /// The figure without its sign (`besparelser på -15,9` is a saving of 15,9).
    pub fn abs(&self) -> PrintedNumber {
        PrintedNumber {
            value: self.num.value.abs(),
            ..self.num
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tok {
    /// Lower-cased; abbreviations keep their point (`mio.`, `kr.`, `inkl.`).
    Word(String),
    /// Index into the sentence's figures.
    Fig(usize),
    Punct(char),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub tok: Tok,
    pub start: usize,
    pub end: usize,
}

/// A sentence: its span in the paragraph, tokens and figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub tokens: Vec<Token>,
    pub figs: Vec<Fig>,
}

impl Sentence {
    pub fn word(&self, i: usize) -> Option<&str> {
        match self.tokens.get(i).map(|t| &t.tok) {
            Some(Tok::Word(w)) => Some(w),
            _ => None,
        }
    }
    pub fn fig_at(&self, i: usize) -> Option<&Fig> {
        match self.tokens.get(i).map(|t| &t.tok) {
            Some(Tok::Fig(f)) => self.figs.get(*f),
            _ => None,
        }
    }
    pub fn punct(&self, i: usize) -> Option<char> {
        match self.tokens.get(i).map(|t| &t.tok) {
            Some(Tok::Punct(c)) => Some(*c),
            _ => None,
        }
    }
    /// Words of the sentence, lower case.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.tokens.iter().filter_map(|t| match &t.tok {
            Tok::Word(w) => Some(w.as_str()),
            _ => None,
        })
    }
    pub fn has_word(&self, pred: impl Fn(&str) -> bool) -> bool {
        self.words().any(pred)
    }
    /// Index of the first token at or after `from` that is a word satisfying `pred`.
    pub fn find_word(&self, from: usize, pred: impl Fn(&str) -> bool) -> Option<usize> {
        (from..self.tokens.len()).find(|&i| self.word(i).is_some_and(&pred))
    }
    /// Figures that are quantities (amounts, percentages, counts, bare
    /// numbers), not years, dates or references.
    pub fn quantities(&self) -> impl Iterator<Item = &Fig> {
        self.figs.iter().filter(|f| {
            matches!(
                f.unit,
                Unit::Money(_) | Unit::Percent | Unit::Points | Unit::Count(_) | Unit::Bare
            )
        })
    }
    /// Index of the first token after a figure and its unit (`57,4 %`,
    /// `3,5 mio. kr.`, `2,9 pct.`).
    pub fn after_unit(&self, f: &Fig) -> usize {
        let mut i = f.token + 1;
        if self.punct(i) == Some('%') {
            return i + 1;
        }
        while let Some(w) = self.word(i) {
            let unit = matches!(
                w,
                "pct."
                    | "pct"
                    | "procent"
                    | "mio."
                    | "mio"
                    | "mia."
                    | "mia"
                    | "kr."
                    | "kr"
                    | "t."
                    | "kroner"
                    | "millioner"
                    | "milliarder"
                    | "procentpoint"
            );
            if !unit {
                break;
            }
            i += 1;
        }
        i
    }

    /// The years printed in the sentence.
    pub fn years(&self) -> Vec<u32> {
        let mut y: Vec<u32> = self.figs.iter().filter_map(Fig::year).collect();
        y.dedup();
        y
    }
}

const ABBREVIATIONS: &[&str] = &[
    "mio", "mia", "kr", "t", "pct", "ca", "nr", "pr", "jf", "inkl", "ekskl", "bl", "a", "mv", "m",
    "v", "f", "eks", "fx", "evt", "d", "hhv", "ift", "iht", "vedr", "kl", "stk", "mill", "mia",
    "mdr", "o", "lign", "s", "dvs", "el", "ekskl", "inkl", "vha", "pga", "mht", "gns",
];

/// Month names, for dates (`30. september 2025`) that are no figures.
pub(super) use crate::verify::figure::MONTHS;

const APPROX: &[&str] = &[
    "ca.", "cirka", "omkring", "knap", "knapt", "godt", "over", "under", "mindst", "højst",
    "næsten", "op", "ca", "små", "lidt", "anslået", "skønnet", "omtrent", "mere", "mindre", "end",
];

/// Words that make the number after them a reference, not a quantity.
const REFERENCE: &[&str] = &[
    "nr.",
    "sag",
    "bilag",
    "§",
    "konto",
    "punkt",
    "stk.",
    "kl.",
    "side",
    "kapitel",
    "afsnit",
    "tabel",
    "figur",
    "lov",
    "hovedkonto",
    "funktion",
    "niveau",
    "trin",
    "fase",
    "gruppe",
];

/// Words after a whole number that do not say what it counts.
const NOT_NOUNS: &[&str] = &[
    "fra", "til", "og", "med", "for", "som", "der", "det", "den", "er", "var", "har", "end", "mod",
    "af", "hvor", "eller", "men", "mens", "samt", "inden", "efter", "før", "over", "under",
    "siden", "gange", "dage", "uger", "måneder", "år", "timer", "minutter", "procent", "pct",
    "point",
];

fn is_sign(c: char) -> bool {
    matches!(c, '-' | '\u{2212}' | '\u{2013}')
}

/// A quick look, before tokenising: whether a paragraph has a digit run
/// that could be a quantity — not a four-digit year (`2026`, `2026-2029`),
/// not the number of an account, case or paragraph (`konto 6`, `nr. 71`,
/// `§ 3`), not a day or an ordinal (`1. februar`, `3. kvartal`).
pub fn may_have_quantity(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            // Eight bytes asked at once (most of a paragraph is words): the
            // ones before the first digit among them are passed over (at
            // least this one, no digit), all eight where none is a digit.
            i += b.get(i..i + 8).map_or(1, |w| first_digit(w).unwrap_or(8));
            continue;
        }
        let (quantity, end) = digit_run(text, i);
        if quantity {
            return true;
        }
        i = end;
    }
    false
}

/// The digit run starting at byte `start` of `text` (an ASCII digit): whether
/// it could be a quantity ([`may_have_quantity`]), and where it ends.
#[inline]
fn digit_run(text: &str, start: usize) -> (bool, usize) {
    let b = text.as_bytes();
    let mut i = start;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let run = i - start;
    let next = b.get(i).copied();
    // A decimal comma, a thousands point or a percent: a quantity.
    if matches!(next, Some(b',' | b'%'))
        && b.get(i + 1)
            .is_some_and(|c| c.is_ascii_digit() || next == Some(b'%'))
    {
        return (true, i);
    }
    if next == Some(b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        return (true, i);
    }
    let year = run == 4
        && text
            .get(start..i)
            .and_then(|s| s.parse::<u32>().ok())
            .is_some_and(|y| (1900..=2100).contains(&y));
    let ordinal = run <= 2 && next == Some(b'.') && b.get(i + 1) == Some(&b' ');
    if year || ordinal {
        return (false, i);
    }
    // The word just before (a few bytes back is enough), compared
    // without a lowercased copy: the words are ASCII (and `§`), so a
    // letter outside ASCII before a number at most makes it a quantity.
    let before = b[start.saturating_sub(8)..start].trim_ascii_end();
    let reference = [
        "konto", "nr.", "§", "sag", "punkt", "bilag", "kl.", "stk.", "side",
    ]
    .iter()
    .any(|w| {
        before.len() >= w.len()
            && before[before.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
    });
    (!reference, i)
}

/// Where the first ASCII digit of eight bytes is, all eight asked at once
/// (a byte between `/` and `:`, by the bit trick of Anderson's "Bit
/// Twiddling Hacks", `hasbetween`: exact for each byte, as no byte's sum or
/// difference carries into the next, so the lowest marked byte is the
/// first digit).
fn first_digit(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let Ok(eight) = <[u8; 8]>::try_from(bytes) else {
        return bytes.iter().position(u8::is_ascii_digit);
    };
    let w = u64::from_le_bytes(eight);
    let low = w & (ONES * 127);
    let below_colon = (ONES * (127 + u64::from(b':'))).wrapping_sub(low);
    let above_slash = low + ONES * (127 - u64::from(b'/'));
    let marked = below_colon & !w & above_slash & (ONES * 128);
    // The bytes are read little-endian: the first is the lowest.
    (marked != 0).then(|| (marked.trailing_zeros() / 8) as usize)
}

/// Splits a paragraph into sentences of tokens and figures. Bounded: linear
/// in the text.
pub fn sentences(text: &str, style: NumberStyle) -> Vec<Sentence> {
    let raw = lex(text, style);
    let mut out = Vec::new();
    let mut cur: Vec<(Token, Option<PrintedNumber>)> = Vec::new();
    let starts_upper = |t: Option<&(Token, Option<PrintedNumber>)>| {
        t.is_some_and(|(t, _)| {
            matches!(t.tok, Tok::Word(_))
                && text
                    .get(t.start..)
                    .and_then(|s| s.chars().next())
                    .is_some_and(char::is_uppercase)
        })
    };
    let mut i = 0;
    while i < raw.len() {
        let (tok, num) = raw[i].clone();
        let ends = match &tok.tok {
            Tok::Punct('.' | '?' | '!') => raw.get(i + 1).is_none() || starts_upper(raw.get(i + 1)),
            // An abbreviation that ends a sentence: `… 5,0 mio. kr. Årets …`,
            // `… alderspension m.m. I 2020 …`, `… m.v. Det …`.
            Tok::Word(w) if w.ends_with('.') => {
                // `m.m.`, `m.v.`: the second point after an `m.` (not `v.
                // Hansen`, `m. fl.`).
                let after_m = i
                    .checked_sub(1)
                    .and_then(|k| raw.get(k))
                    .is_some_and(|(t, _)| matches!(&t.tok, Tok::Word(x) if x == "m."));
                let list_end = w == "mv." || matches!(w.as_str(), "m." | "v.") && after_m;
                (matches!(w.as_str(), "kr." | "mio." | "mia." | "pct.") || list_end)
                    && starts_upper(raw.get(i + 1))
            }
            _ => false,
        };
        cur.push((tok, num));
        if ends {
            out.push(finish(std::mem::take(&mut cur), text));
        }
        i += 1;
    }
    if !cur.is_empty() {
        out.push(finish(cur, text));
    }
    out
}

fn lex(text: &str, style: NumberStyle) -> Vec<(Token, Option<PrintedNumber>)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let char_at = |i: usize| text.get(i..).and_then(|s| s.chars().next());
    while i < b.len() {
        let Some(c) = char_at(i) else { break };
        let clen = c.len_utf8();
        if c.is_whitespace() {
            i += clen;
            continue;
        }
        let prev = text.get(..i).and_then(|s| s.chars().next_back());
        let sign_ok = is_sign(c)
            && char_at(i + clen).is_some_and(|d| d.is_ascii_digit())
            && prev.is_none_or(|p| p.is_whitespace() || p == '(' || p == ':');
        if c.is_ascii_digit() || sign_ok {
            let start = i;
            let mut j = i + if sign_ok { clen } else { 0 };
            let digits = |j: usize| {
                let mut k = j;
                while k < b.len() && b[k].is_ascii_digit() {
                    k += 1;
                }
                k
            };
            j = digits(j);
            // Thousands groups: `.ddd` not followed by another digit.
            if let Some(sep) = style.thousands {
                let sl = sep.len_utf8();
                while char_at(j) == Some(sep) {
                    let k = digits(j + sl);
                    if k == j + sl + 3 {
                        j = k;
                    } else {
                        break;
                    }
                }
            }
            if char_at(j) == Some(style.decimal) {
                let k = digits(j + style.decimal.len_utf8());
                if k > j + 1 {
                    j = k;
                }
            }
            // Glued to letters (`14c`, `2x`): a name, not a figure.
            if char_at(j).is_some_and(|d| d.is_alphabetic()) {
                let mut k = j;
                while let Some(d) = char_at(k).filter(|d| d.is_alphanumeric()) {
                    k += d.len_utf8();
                }
                out.push((
                    Token {
                        tok: Tok::Word(text[start..k].to_lowercase()),
                        start,
                        end: k,
                    },
                    None,
                ));
                i = k;
                continue;
            }
            let num = parse_number(&text[start..j], style).ok();
            let tok = if num.is_some() {
                Tok::Fig(0)
            } else {
                Tok::Word(text[start..j].to_string())
            };
            out.push((Token { tok, start, end: j }, num));
            i = j;
            continue;
        }
        if c.is_alphabetic() {
            let start = i;
            let mut j = i;
            while let Some(d) = char_at(j) {
                if d.is_alphanumeric() {
                    j += d.len_utf8();
                } else if d == '-' && char_at(j + 1).is_some_and(char::is_alphabetic) {
                    j += 1;
                } else {
                    break;
                }
            }
            let mut w = text[start..j].to_lowercase();
            if char_at(j) == Some('.') && ABBREVIATIONS.contains(&w.as_str()) {
                j += 1;
                w.push('.');
            }
            out.push((
                Token {
                    tok: Tok::Word(w),
                    start,
                    end: j,
                },
                None,
            ));
            i = j;
            continue;
        }
        out.push((
            Token {
                tok: Tok::Punct(c),
                start: i,
                end: i + clen,
            },
            None,
        ));
        i += clen;
    }
    out
}

fn finish(toks: Vec<(Token, Option<PrintedNumber>)>, text: &str) -> Sentence {
    let start = toks.first().map_or(0, |t| t.0.start);
    let end = toks.last().map_or(0, |t| t.0.end);
    let mut tokens: Vec<Token> = Vec::with_capacity(toks.len());
    let mut nums: Vec<(usize, PrintedNumber)> = Vec::new();
    for (t, n) in toks {
        if let Some(n) = n {
            nums.push((tokens.len(), n));
        }
        tokens.push(t);
    }
    let mut figs = Vec::with_capacity(nums.len());
    for (k, (ti, num)) in nums.into_iter().enumerate() {
        if let Some(t) = tokens.get_mut(ti) {
            t.tok = Tok::Fig(k);
        }
        let signed = num.value.is_sign_negative();
        let (unit, num) = classify(&tokens, ti, num, text);
        let approx = ti
            .checked_sub(1)
            .and_then(|p| word_of(&tokens, p))
            .is_some_and(|w| APPROX.contains(&w));
        let (s, e) = tokens.get(ti).map_or((0, 0), |t| (t.start, t.end));
        figs.push(Fig {
            num,
            unit,
            start: s,
            end: e,
            approx,
            token: ti,
            signed,
        });
    }
    Sentence {
        start,
        end,
        tokens,
        figs,
    }
}

fn word_of(tokens: &[Token], i: usize) -> Option<&str> {
    match tokens.get(i).map(|t| &t.tok) {
        Some(Tok::Word(w)) => Some(w),
        _ => None,
    }
}

/// A four-digit whole number 1900-2100 printed without a separator or sign.
fn year_like(tokens: &[Token], i: usize, text: &str) -> bool {
    tokens
        .get(i)
        .and_then(|t| text.get(t.start..t.end))
        .is_some_and(|p| {
            p.len() == 4
                && p.bytes().all(|b| b.is_ascii_digit())
                && p.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
        })
}

fn classify(
    tokens: &[Token],
    i: usize,
    mut num: PrintedNumber,
    text: &str,
) -> (Unit, PrintedNumber) {
    let w = |k: usize| word_of(tokens, k);
    let p = |k: usize| match tokens.get(k).map(|t| &t.tok) {
        Some(Tok::Punct(c)) => Some(*c),
        _ => None,
    };
    // A reference: `sag nr. 71`, `konto 5`, `§ 3`.
    if i > 0 && (w(i - 1).is_some_and(|x| REFERENCE.contains(&x)) || p(i - 1) == Some('§')) {
        return (Unit::Other, num);
    }
    // `30/6`, `1:1`, a date `1. februar`.
    if i > 0 && matches!(p(i - 1), Some('/' | ':')) {
        return (Unit::Other, num);
    }
    if matches!(p(i + 1), Some('/' | ':')) && tokens.get(i + 2).is_some() {
        return (Unit::Other, num);
    }
    if p(i + 1) == Some('.') && w(i + 2).is_some_and(|m| MONTHS.contains(&m)) {
        return (Unit::Other, num);
    }
    // An ordinal: `3. kvartal`, `2. behandling` (a point, then a small letter).
    if num.decimals == 0 && p(i + 1) == Some('.') {
        let next = tokens
            .get(i + 2)
            .and_then(|t| text.get(t.start..))
            .and_then(|s| s.chars().next());
        if next.is_some_and(char::is_lowercase) {
            return (Unit::Other, num);
        }
    }
    if p(i + 1) == Some('%') {
        num.percent = true;
        return (Unit::Percent, num);
    }
    match w(i + 1) {
        Some("pct." | "pct" | "procent") => {
            if w(i + 2).is_some_and(|x| x.starts_with("point")) || p(i + 2) == Some('-') {
                return (Unit::Points, num);
            }
            num.percent = true;
            return (Unit::Percent, num);
        }
        Some(x) if x.starts_with("procentpoint") || x.starts_with("pct.-point") => {
            return (Unit::Points, num)
        }
        Some("mio." | "mio" | "millioner" | "million" | "mill.") => {
            return (Unit::Money(Scale::Mio), num)
        }
        Some("mia." | "mia" | "milliarder" | "milliard") => return (Unit::Money(Scale::Mia), num),
        Some("t.") if w(i + 2) == Some("kr.") => return (Unit::Money(Scale::TKr), num),
        // `for 2014 kr. -3.965.000`: a year, and the `kr.` the next figure's.
        Some("kr." | "kr" | "dkk")
            if year_like(tokens, i, text)
                && matches!(tokens.get(i + 2).map(|t| &t.tok), Some(Tok::Fig(_))) => {}
        Some("kr." | "kr" | "kroner" | "dkk") => return (Unit::Money(Scale::Kr), num),
        _ => {}
    }
    if year_like(tokens, i, text) {
        return (Unit::Year, num);
    }
    // `kr. 530.000.000`: the unit before the figure (as laws and
    // bekendtgørelser write amounts), where the `kr.` is no other figure's
    // unit (`5 kr. 300 borgere`, `3,5 mio. kr. 12 …`).
    if i > 0 && matches!(w(i - 1), Some("kr." | "kr" | "dkk")) {
        let owned = i.checked_sub(2).is_some_and(|k| {
            matches!(tokens.get(k).map(|t| &t.tok), Some(Tok::Fig(_)))
                && !year_like(tokens, k, text)
                || w(k).is_some_and(|x| {
                    matches!(
                        x,
                        "mio." | "mio" | "mia." | "mia" | "t." | "millioner" | "milliarder"
                    )
                })
        });
        if !owned {
            return (Unit::Money(Scale::Kr), num);
        }
    }
    if num.decimals == 0 {
        if let Some(x) = w(i + 1) {
            if x.chars().all(char::is_alphabetic)
                && x.chars().count() > 2
                && !NOT_NOUNS.contains(&x)
            {
                return (Unit::Count(x.to_string()), num);
            }
        }
    }
    (Unit::Bare, num)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &str) -> Vec<(String, Unit)> {
        sentences(s, NumberStyle::DANISH)
            .iter()
            .flat_map(|x| {
                x.figs
                    .iter()
                    .map(|f| (s[f.start..f.end].to_string(), f.unit.clone()))
            })
            .collect()
    }

    /// The quick look byte by byte (every digit run judged by the same
    /// `digit_run`): the skipping of eight bytes at once changes nothing.
    fn may_have_quantity_bytewise(text: &str) -> bool {
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if !b[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let (quantity, end) = digit_run(text, i);
            if quantity {
                return true;
            }
            i = end;
        }
        false
    }

    #[test]
    fn eight_bytes_asked_for_a_digit() {
        assert_eq!(first_digit(b"abcdefgh"), None);
        assert_eq!(first_digit(b"abc5defg"), Some(3));
        assert_eq!(first_digit(b"0bcdefgh"), Some(0));
        assert_eq!(first_digit(b"abcdefg9"), Some(7));
        assert_eq!(first_digit(b"ab1d2fg9"), Some(2));
        assert_eq!(first_digit(b"/:/:\xb0\xb9\xaf\xba"), None);
        assert_eq!(first_digit(b"ab1"), Some(2));
        for b in 0..=255u8 {
            let digit = b.is_ascii_digit();
            assert_eq!(first_digit(&[b; 8]), digit.then_some(0), "{b}");
            let mut w = *b"xxxxxxxx";
            w[5] = b;
            assert_eq!(first_digit(&w), digit.then_some(5), "{b}");
        }
    }

    proptest::proptest! {
        /// Passing over eight bytes at a time finds what the byte-by-byte
        /// look found.
        #[test]
        fn quick_look_for_quantities_is_the_bytewise_one(
            text in "([a-zæ ]{0,12}|[0-9]{1,5}|konto |nr\\. |§ |[.,%:/ ]|\u{b9}|\u{660}){0,12}"
        ) {
            proptest::prop_assert_eq!(may_have_quantity(&text), may_have_quantity_bytewise(&text), "{:?}", text);
        }

        /// The first digit of eight bytes asked at once is the first one
        /// found byte by byte, whatever the bytes.
        #[test]
        fn first_digit_is_the_bytewise_one(bytes in proptest::array::uniform8(proptest::prelude::any::<u8>())) {
            proptest::prop_assert_eq!(first_digit(&bytes), bytes.iter().position(u8::is_ascii_digit));
        }
    }

    #[test]
    fn figures_and_their_units() {
        assert_eq!(
            units("besparelser på -15,9 mio. kr. i 2026 stigende til -55,4 i 2029"),
            vec![
                ("-15,9".into(), Unit::Money(Scale::Mio)),
                ("2026".into(), Unit::Year),
                ("-55,4".into(), Unit::Bare),
                ("2029".into(), Unit::Year)
            ]
        );
        assert_eq!(
            units("medarbejdere 3,5 mio. kr. (57,4%), 1.300 fuldtidspersoner, 2,9 pct. af arbejdsstyrken"),
            vec![
                ("3,5".into(), Unit::Money(Scale::Mio)),
                ("57,4".into(), Unit::Percent),
                ("1.300".into(), Unit::Count("fuldtidspersoner".into())),
                ("2,9".into(), Unit::Percent)
            ]
        );
        assert_eq!(
            units(
                "sag nr. 71 den 1. februar 2026, bilag 14c, konto 5, 2026-2029, 16-64-årige, 30/6"
            ),
            vec![
                ("71".into(), Unit::Other),
                ("1".into(), Unit::Other),
                ("2026".into(), Unit::Year),
                ("5".into(), Unit::Other),
                ("2026".into(), Unit::Year),
                ("2029".into(), Unit::Year),
                ("16".into(), Unit::Bare),
                ("64".into(), Unit::Bare),
                ("30".into(), Unit::Other),
                ("6".into(), Unit::Other),
            ]
        );
    }

    #[test]
    fn a_quick_look_for_quantities() {
        for none in [
            "Beskæftigelsesreformen medfører besparelser på konto 6 (service) og konto 5 i 2026-2029.",
            "Mødet den 1. februar 2026, sag nr. 71, jf. § 3, i 3. kvartal.",
            "Ingen tal her.",
        ] {
            assert!(!may_have_quantity(none), "{none}");
        }
        for some in [
            "6,1 mio. kr.",
            "57%",
            "1.300 personer",
            "312 borgere",
            "i 2026 er der 5 sager",
        ] {
            assert!(may_have_quantity(some), "{some}");
        }
    }

    #[test]
    fn sentences_end_where_a_capital_follows() {
        let s = sentences(
            "Et mindreforbrug på 3,5 mio. kr. Årets resultat bliver 5,0 mio. kr. jf. sag nr. 3. Godkendt.",
            NumberStyle::DANISH,
        );
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].figs.len(), 1);
        assert!(s[1].figs.iter().any(|f| f.unit == Unit::Other));
        assert!(sentences("ca. 1.000 helårspersoner", NumberStyle::DANISH)[0].figs[0].approx);
    }
}
