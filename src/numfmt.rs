//! Numbers as the documents print them: Danish by default (`33.071`, `-6,1`,
//! `57,4%`), English on request (`33,071`, `-6.1`, `57.4%`).
//!
//! Formatting rounds half away from zero; parsing keeps the number of printed
//! decimals, because a printed figure with d decimals stands for a true value in
//! [v - ½·10^-d ; v + ½·10^-d].

use crate::money::{round_half_away, Decimal, Unit};

/// How numbers are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NumberStyle {
    pub decimal: char,
    /// Thousands separator; `None` for none.
    pub thousands: Option<char>,
}

impl NumberStyle {
    /// `33.071`, `-6,1`
    pub const DANISH: NumberStyle = NumberStyle {
        decimal: ',',
        thousands: Some('.'),
    };
    /// `33,071`, `-6.1`
    pub const ENGLISH: NumberStyle = NumberStyle {
        decimal: '.',
        thousands: Some(','),
    };
    /// `33071.5`: for machines (plain CSV, JSON).
    pub const PLAIN: NumberStyle = NumberStyle {
        decimal: '.',
        thousands: None,
    };
    /// `33071,5`: Danish spreadsheet cells (decimal comma, no grouping).
    pub const DANISH_UNGROUPED: NumberStyle = NumberStyle {
        decimal: ',',
        thousands: None,
    };
}

/// Rounds `value` half away from zero to `decimals` and writes it in `style`.
/// A value that rounds to zero is written without a minus sign (`0,0`).
pub fn format_number(value: Decimal, decimals: u32, style: NumberStyle) -> String {
    let mut s = String::with_capacity(16);
    push_number(&mut s, value, decimals, style);
    s
}

/// Like [`format_number`], followed by `%` (`57,4%`).
pub fn format_percent(value: Decimal, decimals: u32, style: NumberStyle) -> String {
    let mut s = format_number(value, decimals, style);
    s.push('%');
    s
}

/// [`format_number`] appended to `out`, without allocating.
pub fn push_number(out: &mut String, value: Decimal, decimals: u32, style: NumberStyle) {
    let rounded = if value.scale() <= decimals && !value.is_zero() {
        // Nothing to round (a printed figure shown as printed).
        value
    } else {
        round_half_away(value, decimals)
    };
    push_fixed(out, rounded, decimals, style);
}

/// Writes an already rounded value (at most `decimals` decimals) with exactly
/// `decimals` decimals, from its mantissa, least significant digit first.
fn push_fixed(out: &mut String, value: Decimal, decimals: u32, style: NumberStyle) {
    const CAP: usize = 96;
    let mut buf = [b'0'; CAP];
    // Trailing zeros up to `decimals`, then the mantissa's digits.
    let pad = decimals.saturating_sub(value.scale()) as usize;
    let decimals = decimals as usize;
    if pad + 30 > CAP || decimals + 2 > CAP {
        // More decimals than any table shows: spell them out plainly.
        out.push_str(&format!("{:.*}", decimals, value).replace('.', &style.decimal.to_string()));
        return;
    }
    let mut len = pad;
    let mut m = value.mantissa().unsigned_abs();
    loop {
        buf[len] = b'0' + (m % 10) as u8;
        len += 1;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    // At least one integer digit.
    len = len.max(decimals + 1);
    if value.is_sign_negative() && !value.is_zero() {
        out.push('-');
    }
    let int_len = len - decimals;
    for k in 0..int_len {
        if k > 0 && (int_len - k) % 3 == 0 {
            if let Some(sep) = style.thousands {
                out.push(sep);
            }
        }
        out.push(buf[len - 1 - k] as char);
    }
    if decimals > 0 {
        out.push(style.decimal);
        for k in int_len..len {
            out.push(buf[len - 1 - k] as char);
        }
    }
}

/// A number read from a document, with what its printing says about precision.
/// The default is a bare `0`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PrintedNumber {
    /// The value as printed (for a percentage: the percent figure, 57,4 for `57,4%`).
    pub value: Decimal,
    /// Decimals printed (1 for `-6,1`, 0 for `-325.000`).
    pub decimals: u32,
    /// Printed with a `%` sign.
    pub percent: bool,
    /// An exact figure (a whole count of cases or persons): it stands for
    /// itself, with no rounding interval.
    pub exact: bool,
    /// Rounded coarser than the digits show, to 10^coarse (a column of
    /// counts all ending in 0 is rounded to tens): 0 for the printed digits.
    pub coarse: u32,
}

impl PrintedNumber {
    /// Half the last printed unit: the rounding slack of this figure.
    pub fn half_unit(&self) -> Decimal {
        if self.exact {
            return Decimal::ZERO;
        }
        if self.coarse > 0 && self.decimals == 0 {
            return Decimal::new(5 * 10i64.pow(self.coarse.min(12)), 1);
        }
        Decimal::new(5, self.decimals + 1)
    }
}

/// Why a cell is not a Danish number.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a number: {0:?}")]
pub struct NotANumber(pub String);

/// Reads a number printed in `style` (Danish: `33.071`, `-6,1`, `57,4%`,
/// `2,6 %`, `-325.000`, `−5,0` with a typographic minus, `+5,0`). A trailing
/// word after the number is allowed as a unit (`50 sager`, `5,0 mio. kr.`).
/// Grouping separators must split the integer part into groups of three.
pub fn parse_number(text: &str, style: NumberStyle) -> Result<PrintedNumber, NotANumber> {
    match plain_number(text, style) {
        Some(p) => Ok(p),
        None => parse_number_general(text, style),
    }
}

/// The digits of a figure read so far ([`plain_number`]): in a machine
/// word up to nineteen digits, in a wide word past them.
#[derive(Default)]
struct Mantissa {
    word: u64,
    wide: Option<i128>,
    digits: u32,
}

impl Mantissa {
    /// One more digit (at most 28 in all: the caller stops there).
    #[inline]
    fn push(&mut self, digit: u8) {
        if self.digits < 19 {
            self.word = self.word * 10 + u64::from(digit);
        } else {
            let wide = self.wide.get_or_insert(i128::from(self.word));
            *wide = *wide * 10 + i128::from(digit);
        }
        self.digits += 1;
    }

    /// The figure with `decimals` of its digits after the comma; a zero is
    /// never negative. `None` past what a decimal holds.
    #[inline]
    fn value(&self, negative: bool, decimals: u32) -> Option<Decimal> {
        let Some(wide) = self.wide else {
            // Scale at most 20 (the reader stops there), under the 28 a
            // decimal takes; `from_parts` gives a zero no sign.
            let (lo, mid) = (self.word as u32, (self.word >> 32) as u32);
            return Some(Decimal::from_parts(lo, mid, 0, negative, decimals));
        };
        let mut value =
            Decimal::try_from_i128_with_scale(if negative { -wide } else { wide }, decimals)
                .ok()?;
        if value.is_zero() {
            value.set_sign_positive(true);
        }
        Some(value)
    }
}

/// The usual figure, `-1.281,8` or `57,4%` (ASCII, a sign, grouped digits,
/// decimals, a `%`, nothing else), read in one pass over its bytes; `None`
/// for anything else, which [`parse_number_general`] reads (or refuses).
/// Gives exactly what the general way gives wherever it gives anything.
pub fn plain_number(text: &str, style: NumberStyle) -> Option<PrintedNumber> {
    let ascii = |c: char| u8::try_from(c).ok().filter(u8::is_ascii);
    let decimal = ascii(style.decimal)?;
    let thousands = match style.thousands {
        Some(c) => Some(ascii(c)?),
        None => None,
    };
    let b = text.as_bytes();
    let mut i = match b.first()? {
        b'-' | b'+' => 1,
        _ => 0,
    };
    let negative = b[0] == b'-';
    // The digits in a machine word while they fit (any nineteen do), in a
    // wide one past that (up to the 28 a decimal holds): most figures
    // have a handful, and the wide word cost more per digit than the rest
    // of the reading.
    let mut mantissa = Mantissa::default();
    let mut digits = 0usize;
    // The integer part: a first group of any length without separators, or
    // of one to three digits followed by groups of exactly three.
    let mut group = 0usize;
    let mut grouped = false;
    while let Some(&c) = b.get(i) {
        if c.is_ascii_digit() {
            mantissa.push(c - b'0');
            digits += 1;
            group += 1;
            if digits > 28 {
                return None;
            }
        } else if Some(c) == thousands {
            if group == 0 || (grouped && group != 3) || (!grouped && group > 3) {
                return None;
            }
            grouped = true;
            group = 0;
        } else {
            break;
        }
        i += 1;
    }
    if digits == 0 || (grouped && group != 3) {
        return None;
    }
    let mut decimals = 0u32;
    if b.get(i) == Some(&decimal) {
        i += 1;
        while let Some(&c) = b.get(i).filter(|c| c.is_ascii_digit()) {
            mantissa.push(c - b'0');
            decimals += 1;
            digits += 1;
            i += 1;
            if digits > 28 || decimals > 20 {
                return None;
            }
        }
        if decimals == 0 {
            return None;
        }
    }
    let percent = match &b[i..] {
        [] => false,
        [b'%'] => true,
        _ => return None,
    };
    let value = mantissa.value(negative, decimals)?;
    Some(PrintedNumber {
        value,
        decimals,
        percent,
        exact: false,
        coarse: 0,
    })
}

fn parse_number_general(text: &str, style: NumberStyle) -> Result<PrintedNumber, NotANumber> {
    let err = || NotANumber(text.to_string());
    let s = text.trim();
    let (sign_negative, rest) = match s.chars().next() {
        Some('-') | Some('\u{2212}') | Some('\u{2013}') => {
            (true, &s[s.chars().next().map_or(0, char::len_utf8)..])
        }
        Some('+') => (false, &s[1..]),
        _ => (false, s),
    };
    let rest = rest.trim_start();
    // Split the numeric prefix from a unit suffix.
    let numeric_end = rest
        .char_indices()
        .find(|&(_, c)| {
            !(c.is_ascii_digit()
                || c == style.decimal
                || Some(c) == style.thousands
                || c == '\u{a0}' && style.thousands == Some('\u{a0}'))
        })
        .map_or(rest.len(), |(i, _)| i);
    let (num, suffix) = rest.split_at(numeric_end);
    // `1.500,-`: whole units; `300.000-`: a trailing minus.
    let (num, suffix, trailing_minus) = match after_mark(num, suffix, style) {
        Some(marked) => marked,
        None => (num, suffix, false),
    };
    if trailing_minus && (sign_negative || s.starts_with('+')) {
        return Err(err());
    }
    let sign_negative = sign_negative || trailing_minus;
    let suffix = suffix.trim();
    let percent = if suffix.is_empty() {
        false
    } else if suffix == "%" || suffix == "pct." || suffix == "pct" {
        true
    } else if suffix.starts_with('%') {
        return Err(err());
    } else {
        // A unit word: letters, dots and spaces only (`sager`, `mio. kr.`),
        // or a rate (`kr./m²`).
        if !suffix
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | ' ' | '/' | '²' | '³'))
            || !suffix.chars().next().is_some_and(char::is_alphabetic)
        {
            return Err(err());
        }
        false
    };
    if num.is_empty() || !num.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(err());
    }
    let (int_part, frac_part) = match num.split_once(style.decimal) {
        Some((i, f)) => (i, Some(f)),
        None => (num, None),
    };
    if let Some(f) = frac_part {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
    }
    // The integer part: digits, with separators only between groups of three.
    match style.thousands {
        Some(sep) if int_part.contains(sep) => {
            let mut groups = int_part.split(sep);
            let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
            if !first_ok || !groups.all(|g| g.len() == 3) {
                return Err(err());
            }
        }
        _ => {}
    }
    let int_digits = int_part.len()
        - style
            .thousands
            .map_or(0, |sep| int_part.matches(sep).count());
    if !int_part
        .bytes()
        .all(|b| b.is_ascii_digit() || Some(b as char) == style.thousands)
    {
        return Err(err());
    }
    let decimals = frac_part.map_or(0, str::len);
    if decimals > 20 || int_digits + decimals > 28 {
        return Err(err());
    }
    // At most 28 digits: the mantissa fits, and the scale is at most 20.
    let mut mantissa: i128 = 0;
    for b in int_part
        .bytes()
        .chain(frac_part.unwrap_or("").bytes())
        .filter(u8::is_ascii_digit)
    {
        mantissa = mantissa * 10 + i128::from(b - b'0');
    }
    if sign_negative {
        mantissa = -mantissa;
    }
    let mut value =
        Decimal::try_from_i128_with_scale(mantissa, decimals as u32).map_err(|_| err())?;
    if value.is_zero() {
        value.set_sign_positive(true);
    }
    Ok(PrintedNumber {
        value,
        decimals: decimals as u32,
        percent,
        exact: false,
        coarse: 0,
    })
}

/// The marks some documents print right after a figure's digits, read by
/// [`parse_number`]'s general way only (the one-pass way refuses any text
/// ending in them):
/// - `,-` (also `,--`, `,–`, `,—`; the style's decimal sign then a dash)
///   after an integer: whole units, no decimals printed (`1.500,-` is
///   `1.500`, Danish letters' and accounts' whole kroner);
/// - `-` directly after the last digit: a trailing minus, as accounting
///   systems print negatives (`300.000-`, `1.234,50-` is `-1.234,50`). Not
///   after a short ungrouped whole number, up to four digits: that is a
///   range's open end (`65-` an age band, `2025-` the start of `2025-2026`),
///   not -65 or -2.025.
///
/// After the mark comes nothing, or a space and a unit (`1.500,- kr.`).
/// Returns the digits without the mark, the text after it, and whether the
/// mark was a trailing minus; `None` if `num` and `suffix` have no mark.
fn after_mark<'a>(
    num: &'a str,
    suffix: &'a str,
    style: NumberStyle,
) -> Option<(&'a str, &'a str, bool)> {
    let rest_ok = |r: &str| r.is_empty() || r.starts_with(char::is_whitespace);
    let ends_in_digit = |t: &str| t.ends_with(|c: char| c.is_ascii_digit());
    if let Some(int) = num.strip_suffix(style.decimal) {
        // `1,5,-` has decimals: no whole-units mark after them.
        if !ends_in_digit(int) || int.contains(style.decimal) {
            return None;
        }
        let rest = ["--", "-", "\u{2013}", "\u{2014}"]
            .iter()
            .find_map(|dash| suffix.strip_prefix(dash))?;
        return rest_ok(rest).then_some((int, rest, false));
    }
    if !ends_in_digit(num) {
        return None;
    }
    let rest = suffix.strip_prefix('-')?;
    let short_whole = num.len() <= 4 && num.bytes().all(|b| b.is_ascii_digit());
    (rest_ok(rest) && !short_whole).then_some((num, rest, true))
}

/// An exact amount in `unit`, as a reader writes it (`0,1 mio. kr.`,
/// `-325.000 kr.`): never rounded, every decimal the value has is shown (in
/// mio. kr. at least one).
pub fn amount_text(kroner: Decimal, unit: Unit) -> String {
    let Ok(v) = unit.from_kroner(kroner) else {
        // Beyond any unit's range: the kroner themselves.
        let decimals = if kroner.fract().is_zero() { 0 } else { 2 };
        return format!(
            "{} kr.",
            format_number(kroner, decimals, NumberStyle::DANISH)
        );
    };
    let v = v.normalize();
    let decimals = match unit {
        Unit::Mio => v.scale().max(1),
        Unit::TKr => v.scale(),
        Unit::Kr if v.scale() > 0 => v.scale().max(2),
        Unit::Kr => 0,
    };
    format!(
        "{} {}",
        format_number(v, decimals, NumberStyle::DANISH),
        unit.name()
    )
}

/// `+ 5 kr.` or `− 5 kr.`: a term after the first, written as a reader
/// would (`84,8 mio. kr. − 9,9 mio. kr.`, not `+ -9,9`).
pub fn signed_term(d: Decimal, unit: Unit) -> String {
    if d.is_sign_negative() && !d.is_zero() {
        format!("− {}", amount_text(-d, unit))
    } else {
        format!("+ {}", amount_text(d, unit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn formats_danish() {
        let da = NumberStyle::DANISH;
        assert_eq!(format_number(d("-6.1"), 1, da), "-6,1");
        assert_eq!(format_number(d("0"), 1, da), "0,0");
        assert_eq!(format_number(d("33071"), 0, da), "33.071");
        assert_eq!(format_number(d("-325000"), 0, da), "-325.000");
        assert_eq!(format_number(d("-0.325"), 1, da), "-0,3");
        assert_eq!(format_number(d("1234567.25"), 1, da), "1.234.567,3");
        assert_eq!(format_number(d("-0.04"), 1, da), "0,0");
        assert_eq!(format_number(d("-0.05"), 1, da), "-0,1");
        assert_eq!(format_percent(d("57.377"), 1, da), "57,4%");
        assert_eq!(format_number(d("100"), 1, da), "100,0");
    }

    #[test]
    fn formats_english_and_plain() {
        assert_eq!(
            format_number(d("-1234.56"), 1, NumberStyle::ENGLISH),
            "-1,234.6"
        );
        assert_eq!(
            format_number(d("-1234.56"), 2, NumberStyle::PLAIN),
            "-1234.56"
        );
        assert_eq!(
            format_number(d("-1234.56"), 1, NumberStyle::DANISH_UNGROUPED),
            "-1234,6"
        );
    }

    #[test]
    fn parses_danish() {
        let da = NumberStyle::DANISH;
        let p = parse_number("33.071", da).unwrap();
        assert_eq!((p.value, p.decimals, p.percent), (d("33071"), 0, false));
        let p = parse_number("-6,1", da).unwrap();
        assert_eq!((p.value, p.decimals), (d("-6.1"), 1));
        let p = parse_number("57,4%", da).unwrap();
        assert_eq!((p.value, p.decimals, p.percent), (d("57.4"), 1, true));
        let p = parse_number("2,6 %", da).unwrap();
        assert_eq!((p.value, p.percent), (d("2.6"), true));
        let p = parse_number("\u{2212}5,0", da).unwrap();
        assert_eq!(p.value, d("-5.0"));
        let p = parse_number("+5,0", da).unwrap();
        assert_eq!(p.value, d("5.0"));
        let p = parse_number("50 sager", da).unwrap();
        assert_eq!((p.value, p.decimals), (d("50"), 0));
        let p = parse_number("-0,0", da).unwrap();
        assert!(p.value.is_zero() && p.value.is_sign_positive());
        assert_eq!(p.half_unit(), d("0.05"));
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        let da = NumberStyle::DANISH;
        for bad in [
            "", "-", "abc", "1.5", "12.34,5", "1,", ",5", "5%x", "Konto 6", "1.0000", "5 6",
        ] {
            assert!(parse_number(bad, da).is_err(), "{bad:?} should not parse");
        }
    }

    #[test]
    fn reads_whole_units_and_a_trailing_minus() {
        let da = NumberStyle::DANISH;
        let whole = |t: &str| {
            let p = parse_number(t, da).unwrap();
            (p.value, p.decimals, p.percent)
        };
        for t in ["1.500,-", "1.500,--", "1.500,\u{2013}", "1.500,\u{2014}"] {
            assert_eq!(whole(t), (d("1500"), 0, false), "{t:?}");
        }
        // Read exactly as the figure without the mark: same interval.
        assert_eq!(parse_number("300,-", da), parse_number("300", da));
        assert_eq!(parse_number("-300,-", da), parse_number("-300", da));
        assert_eq!(
            parse_number("1.500,- kr.", da),
            parse_number("1.500 kr.", da)
        );
        assert_eq!(parse_number("300.000-", da), parse_number("-300.000", da));
        assert_eq!(parse_number("1.234,50-", da), parse_number("-1.234,50", da));
        assert_eq!(whole("1.234,50-"), (d("-1234.50"), 2, false));
        assert_eq!(whole("300.000- kr."), (d("-300000"), 0, false));
        let zero = parse_number("0,00-", da).unwrap();
        assert!(zero.value.is_zero() && zero.value.is_sign_positive());
        // Ungrouped (spaces dropped by the cell reader): five digits or more.
        assert_eq!(parse_number("300000-", da), parse_number("-300000", da));
        // English: the mark after the decimal point; `,` is grouping there.
        let en = NumberStyle::ENGLISH;
        assert_eq!(parse_number("1,500.-", en), parse_number("1,500", en));
        assert_eq!(parse_number("1,234.50-", en), parse_number("-1,234.50", en));
        for bad in ["300,-", "1.500,-", "1,5.-"] {
            assert!(parse_number(bad, en).is_err(), "{bad:?} in English");
        }
    }

    #[test]
    fn a_dash_after_a_figure_is_read_only_as_a_mark() {
        let da = NumberStyle::DANISH;
        for bad in [
            // Ranges, split or not, and years.
            "5-6",
            "2025-2026",
            "2025-",
            "1999-",
            "2025- 2026",
            "2025-26",
            // Age bands and short whole numbers: a range's open end.
            "65-",
            "0-",
            "300-",
            "3025-",
            // Two minus signs, or a sign and a trailing minus.
            "-300-",
            "+300-",
            "300--",
            "(300)-",
            // A mark not right after the digits, or something glued after it.
            "300 -",
            "300 ,-",
            "300,-x",
            "300,-kr.",
            "300-kr",
            "300-%",
            "1,5,-",
            "1,5-,-",
            "1.50,-",
            ",-",
            "-,-x",
            "300,- 400",
        ] {
            assert!(parse_number(bad, da).is_err(), "{bad:?} should not parse");
        }
        // A year-shaped figure with grouping or decimals is an amount.
        assert_eq!(parse_number("2.025-", da).unwrap().value, d("-2025"));
        assert_eq!(parse_number("2025,00-", da).unwrap().value, d("-2025.00"));
        assert_eq!(parse_number("2025,-", da).unwrap().value, d("2025"));
        assert_eq!(parse_number("65,00-", da).unwrap().value, d("-65.00"));
    }

    proptest::proptest! {
        /// Whole units marked `,-` read as the figure unmarked, and a
        /// trailing minus as the leading one, in every style.
        #[test]
        fn marked_figures_read_as_plain_ones(
            m in -10_000_000_000i64..10_000_000_000, d in 0u32..4,
            mark in 0usize..4, style in 0usize..3,
        ) {
            let style = [NumberStyle::DANISH, NumberStyle::ENGLISH, NumberStyle::DANISH_UNGROUPED][style];
            let plain = format_number(Decimal::new(m, d), d, style);
            let want = parse_number(&plain, style);
            proptest::prop_assert!(want.is_ok());
            if d == 0 {
                let dash = ["-", "--", "\u{2013}", "\u{2014}"][mark];
                let marked = format!("{plain}{}{dash}", style.decimal);
                proptest::prop_assert_eq!(parse_number(&marked, style), want.clone(), "{:?}", marked);
            }
            let unsigned = plain.trim_start_matches('-');
            let short_whole = unsigned.len() <= 4 && unsigned.bytes().all(|b| b.is_ascii_digit());
            if plain.starts_with('-') && !short_whole {
                let trailing = format!("{unsigned}-");
                proptest::prop_assert_eq!(parse_number(&trailing, style), want, "{:?}", trailing);
            }
        }

        /// The one-pass reading of a plain figure gives exactly what the
        /// general reading gives, whenever it gives anything, in every style.
        #[test]
        fn plain_numbers_read_as_the_general_way_reads_them(
            text in "[-+]?([0-9]{1,4}|[.,]|[0-9]{3}|%| |a|\u{a0}|\u{2212}|-|\u{2013}){0,9}",
            style in 0usize..3,
        ) {
            let style = [NumberStyle::DANISH, NumberStyle::ENGLISH, NumberStyle::DANISH_UNGROUPED][style];
            if let Some(p) = plain_number(&text, style) {
                let g = parse_number_general(&text, style);
                proptest::prop_assert_eq!(Ok(&p), g.as_ref(), "{:?}", text);
                proptest::prop_assert_eq!(p.value.scale(), g.unwrap().value.scale());
            }
        }

        /// Every figure as verify meets it most (a sign, grouped digits,
        /// decimals, a `%`) is read the one-pass way.
        #[test]
        fn plain_figures_take_the_one_pass_way(
            m in -10_000_000_000i64..10_000_000_000, d in 0u32..4, percent in proptest::bool::ANY,
        ) {
            let mut text = format_number(Decimal::new(m, d), d, NumberStyle::DANISH);
            if percent {
                text.push('%');
            }
            proptest::prop_assert!(plain_number(&text, NumberStyle::DANISH).is_some(), "{:?}", text);
        }
    }
}
