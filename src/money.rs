//! Exact money: amounts, units, known/unknown figures and the one rounding rule.
//!
//! Every amount is a [`Decimal`] in kroner. Arithmetic is checked: an overflow is
//! an [`Overflow`] error, never a panic or a wrapped value. Nothing here knows
//! about files, terminals or formats.

use std::fmt;

pub use rust_decimal::Decimal;
use rust_decimal::RoundingStrategy;

/// The unit a figure is entered or shown in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    /// kr.
    #[default]
    Kr,
    /// t. kr. (1.000 kr.)
    TKr,
    /// mio. kr. (1.000.000 kr.)
    Mio,
}

impl Unit {
    pub const ALL: [Unit; 3] = [Unit::Kr, Unit::TKr, Unit::Mio];

    /// How many kroner one of this unit is.
    pub fn kroner(self) -> Decimal {
        match self {
            Unit::Kr => Decimal::ONE,
            Unit::TKr => Decimal::from(1_000),
            Unit::Mio => Decimal::from(1_000_000),
        }
    }

    /// The most decimals an amount in this unit may carry: whole øre.
    pub fn max_decimals(self) -> u32 {
        match self {
            Unit::Kr => 2,
            Unit::TKr => 5,
            Unit::Mio => 8,
        }
    }

    /// The spelling used in scenario files and documents (`kr.`, `t. kr.`, `mio. kr.`).
    pub fn name(self) -> &'static str {
        match self {
            Unit::Kr => "kr.",
            Unit::TKr => "t. kr.",
            Unit::Mio => "mio. kr.",
        }
    }

    /// The stub-column header of a table in this unit (`Mio. kr.`).
    pub fn header(self) -> &'static str {
        match self {
            Unit::Kr => "Kr.",
            Unit::TKr => "T. kr.",
            Unit::Mio => "Mio. kr.",
        }
    }

    /// Short command-line spelling (`kr`, `tkr`, `mio`).
    pub fn flag(self) -> &'static str {
        match self {
            Unit::Kr => "kr",
            Unit::TKr => "tkr",
            Unit::Mio => "mio",
        }
    }

    /// Reads a unit as written in a file or on the command line: one of
    /// [`UNIT_SPELLINGS`], in any case, with any spaces and points
    /// (`T. kr.`, `t.kr.`, `tkr`, `1.000 kr.` are one spelling).
    pub fn parse(s: &str) -> Option<Unit> {
        // The spellings' keys, made once (this is asked of every table's
        // corner cell).
        static KEYS: std::sync::OnceLock<Vec<(String, Unit)>> = std::sync::OnceLock::new();
        let keys = KEYS.get_or_init(|| {
            UNIT_SPELLINGS
                .iter()
                .map(|&(spelling, unit)| (unit_key(spelling), unit))
                .collect()
        });
        let norm = unit_key(s);
        keys.iter()
            .find(|(key, _)| *key == norm)
            .map(|&(_, unit)| unit)
    }

    /// Converts an amount given in this unit to kroner, exactly.
    pub fn to_kroner(self, amount: Decimal) -> Result<Decimal, Overflow> {
        amount
            .exact_mul(self.kroner())
            .ok_or(Overflow::new("conversion to kr."))
    }

    /// Converts an amount in kroner to this unit, exactly (division by a power of ten).
    pub fn from_kroner(self, kroner: Decimal) -> Result<Decimal, Overflow> {
        // Exact for every amount read (at most øre, so at most 8 decimals in
        // mio. kr.); only a figure that is already a quotient of many
        // decimals (a price-level conversion) can lose a digit past the
        // 28th here, and it is an approximation by its own rule already.
        kroner
            .checked_div(self.kroner())
            .ok_or(Overflow::new("unit conversion"))
    }
}

/// Every spelling of a unit the tool reads, as people write it: in a
/// scenario's `enhed`, in `--unit`, in the scenario schema (generated from
/// this list) and in the headers of the documents `verify` reads. One list,
/// so the schema, the scenario reader and the document reader agree.
/// [`Unit::parse`] ignores case, spaces and points; a document's header
/// names a unit when it holds one of these as words (`Mio. kr.`,
/// `Beløb i 1.000 kr.`).
pub const UNIT_SPELLINGS: [(&str, Unit); 24] = [
    ("kr.", Unit::Kr),
    ("Kr.", Unit::Kr),
    ("kr", Unit::Kr),
    ("kroner", Unit::Kr),
    ("t. kr.", Unit::TKr),
    ("T. kr.", Unit::TKr),
    ("t.kr.", Unit::TKr),
    ("t. kr", Unit::TKr),
    ("tkr.", Unit::TKr),
    ("tkr", Unit::TKr),
    ("t. kroner", Unit::TKr),
    ("1.000 kr.", Unit::TKr),
    ("1.000 kr", Unit::TKr),
    ("1000 kr.", Unit::TKr),
    ("tusind kr.", Unit::TKr),
    ("mio. kr.", Unit::Mio),
    ("Mio. kr.", Unit::Mio),
    ("mio.kr.", Unit::Mio),
    ("mio. kr", Unit::Mio),
    ("mio kr", Unit::Mio),
    ("mio", Unit::Mio),
    ("mio. kroner", Unit::Mio),
    ("millioner kr.", Unit::Mio),
    ("millioner kroner", Unit::Mio),
];

/// What [`Unit::parse`] ignores in a spelling: spaces, tabs, no-break
/// spaces (pasted from Word) and points.
pub const UNIT_IGNORED: [char; 4] = [' ', '\t', '\u{a0}', '.'];

/// A spelling as [`Unit::parse`] compares it: ASCII letters in lower case,
/// without [`UNIT_IGNORED`].
pub fn unit_key(s: &str) -> String {
    s.chars()
        .filter(|c| !UNIT_IGNORED.contains(c))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The same rule as a regular expression (ECMA 262, for the JSON schema):
/// exactly the strings [`Unit::parse`] accepts.
pub fn unit_pattern() -> String {
    let gap = "[ \\t\\u00a0.]*";
    let mut keys: Vec<String> = UNIT_SPELLINGS.iter().map(|(s, _)| unit_key(s)).collect();
    keys.sort();
    keys.dedup();
    let alts: Vec<String> = keys
        .iter()
        .map(|k| {
            let mut r = String::new();
            for c in k.chars() {
                if c.is_ascii_alphabetic() {
                    r.push('[');
                    r.push(c);
                    r.push(c.to_ascii_uppercase());
                    r.push(']');
                } else {
                    r.push(c);
                }
                r.push_str(gap);
            }
            r
        })
        .collect();
    format!("^{gap}(?:{})$", alts.join("|"))
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Exact decimal arithmetic: `None` when the result overflows *or* would
/// lose a digit. rust_decimal's own `checked_add`, `checked_sub` and
/// `checked_mul` fail only on overflow; when an exact result needs more than
/// 28 significant digits they round it silently (10²⁷ − 0,01 becomes 10²⁷).
/// Every sum, difference and product of amounts goes through these (clippy's
/// `disallowed-methods` in `clippy.toml` refuses the rounding ones elsewhere).
pub trait Exact: Sized {
    fn exact_add(self, other: Self) -> Option<Self>;
    fn exact_sub(self, other: Self) -> Option<Self>;
    fn exact_mul(self, other: Self) -> Option<Self>;
}

/// Decimals an exact result may need: no more than its operands' (for a
/// sum) once their trailing zeros are dropped.
fn needed_scale(x: Decimal) -> u32 {
    x.normalize().scale()
}

#[allow(clippy::disallowed_methods)]
impl Exact for Decimal {
    fn exact_add(self, other: Decimal) -> Option<Decimal> {
        let r = self.checked_add(other)?;
        // The usual case, without normalizing: the sum kept every decimal of
        // both operands (needed_scale(x) <= x.scale()).
        if r.scale() >= self.scale().max(other.scale()) {
            return Some(r);
        }
        // rust_decimal only lowers the scale of a sum (rounding) when the
        // mantissa would overflow; a result that kept every needed decimal
        // dropped nothing but zeros.
        (r.scale() >= needed_scale(self).max(needed_scale(other))).then_some(r)
    }

    fn exact_sub(self, other: Decimal) -> Option<Decimal> {
        self.exact_add(-other)
    }

    fn exact_mul(self, other: Decimal) -> Option<Decimal> {
        let r = self.checked_mul(other)?;
        // rust_decimal gives a product with a zero factor as a bare 0 (scale
        // 0): exact. A zero product of two non-zero factors underflowed.
        if self.is_zero() || other.is_zero() {
            return Some(Decimal::ZERO);
        }
        if r.scale() >= self.scale() + other.scale() {
            return Some(r);
        }
        (r.scale() >= needed_scale(self) + needed_scale(other)).then_some(r)
    }
}

/// An amount too large for exact decimal arithmetic.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{what} cannot be computed exactly: it would exceed about 7,9·10^28 or need more than 28 significant digits")]
pub struct Overflow {
    pub what: String,
    /// The key path of the scenario whose figures overflowed
    /// (`realiserede_besparelser.service.initiativer`), when known: messages
    /// place the error by it.
    pub path: Option<String>,
}

impl Overflow {
    pub fn new(what: impl Into<String>) -> Overflow {
        Overflow {
            what: what.into(),
            path: None,
        }
    }

    /// Names the key path the overflow happened at, unless a closer one is
    /// named already.
    pub fn at(mut self, path: impl Into<String>) -> Overflow {
        if self.path.is_none() {
            self.path = Some(path.into());
        }
        self
    }
}

/// Rounds half away from zero (the school rule of Danish public finance):
/// 0,25 -> 0,3 and -0,25 -> -0,3. `Decimal::round_dp` would round half to even.
/// A result of zero is never negative.
pub fn round_half_away(value: Decimal, decimals: u32) -> Decimal {
    let mut r = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    if r.is_zero() {
        r.set_sign_positive(true);
    }
    r
}

/// Checked sum of exact amounts.
pub fn checked_sum<I: IntoIterator<Item = Decimal>>(
    items: I,
    what: &str,
) -> Result<Decimal, Overflow> {
    items
        .into_iter()
        .try_fold(Decimal::ZERO, |acc, x| acc.exact_add(x))
        .ok_or_else(|| Overflow::new(what.to_string()))
}

/// A figure that is either known exactly or unknown. Unknown is not zero:
/// any total that depends on an unknown figure is itself unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Figure {
    Known(Decimal),
    Unknown,
}

impl Figure {
    pub fn known(self) -> Option<Decimal> {
        match self {
            Figure::Known(d) => Some(d),
            Figure::Unknown => None,
        }
    }

    pub fn is_known(self) -> bool {
        matches!(self, Figure::Known(_))
    }

    /// `self + other`; unknown if either is unknown.
    pub fn checked_add(self, other: Figure, what: &str) -> Result<Figure, Overflow> {
        match (self, other) {
            (Figure::Known(a), Figure::Known(b)) => a
                .exact_add(b)
                .map(Figure::Known)
                .ok_or_else(|| Overflow::new(what.to_string())),
            _ => Ok(Figure::Unknown),
        }
    }

    /// `self - other`; unknown if either is unknown.
    pub fn checked_sub(self, other: Figure, what: &str) -> Result<Figure, Overflow> {
        match (self, other) {
            (Figure::Known(a), Figure::Known(b)) => a
                .exact_sub(b)
                .map(Figure::Known)
                .ok_or_else(|| Overflow::new(what.to_string())),
            _ => Ok(Figure::Unknown),
        }
    }

    /// Sum of figures; unknown as soon as one is unknown (and it is never a
    /// partial sum). The sum of no figures is a known zero.
    pub fn sum<I: IntoIterator<Item = Figure>>(items: I, what: &str) -> Result<Figure, Overflow> {
        let mut acc = Figure::Known(Decimal::ZERO);
        for f in items {
            acc = acc.checked_add(f, what)?;
        }
        Ok(acc)
    }

    pub fn from_option(value: Option<Decimal>) -> Figure {
        value.map_or(Figure::Unknown, Figure::Known)
    }
}

impl From<Decimal> for Figure {
    fn from(d: Decimal) -> Figure {
        Figure::Known(d)
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
    fn rounding_is_half_away_from_zero() {
        assert_eq!(round_half_away(d("0.25"), 1), d("0.3"));
        assert_eq!(round_half_away(d("-0.25"), 1), d("-0.3"));
        assert_eq!(round_half_away(d("0.35"), 1), d("0.4"));
        assert_eq!(round_half_away(d("22.9508"), 1), d("23.0"));
        // banker's rounding would give 0.2 here
        assert_eq!(d("0.25").round_dp(1), d("0.2"));
    }

    #[test]
    fn rounded_zero_is_not_negative() {
        let r = round_half_away(d("-0.04"), 1);
        assert!(r.is_zero());
        assert!(r.is_sign_positive());
    }

    #[test]
    fn unknown_propagates() {
        let s = Figure::sum(
            [
                Figure::Known(d("1")),
                Figure::Unknown,
                Figure::Known(d("2")),
            ],
            "t",
        )
        .unwrap();
        assert_eq!(s, Figure::Unknown);
        assert_eq!(Figure::sum([], "t").unwrap(), Figure::Known(Decimal::ZERO));
    }

    #[test]
    fn overflow_is_an_error() {
        let err = checked_sum([Decimal::MAX, Decimal::ONE], "I alt").unwrap_err();
        assert_eq!(err.what, "I alt");
        assert!(Unit::Mio.to_kroner(Decimal::MAX).is_err());
    }

    /// Issue 8 item 2: rust_decimal rounds a sum that needs more than 28
    /// digits instead of failing; exact arithmetic refuses it.
    #[test]
    fn a_lost_digit_is_an_error_not_a_rounding() {
        let big = d("-1000000000000000000000000000"); // -10^27
        #[allow(clippy::disallowed_methods)]
        let rounded = big.checked_add(d("-0.01")).unwrap();
        assert_eq!(rounded, big, "rust_decimal rounds silently");
        assert_eq!(big.exact_add(d("-0.01")), None);
        assert_eq!(big.exact_sub(d("0.01")), None);
        assert!(checked_sum([big, d("-0.01")], "I alt").is_err());
        assert!(Figure::Known(big)
            .checked_add(Figure::Known(d("-0.01")), "I alt")
            .is_err());
        assert_eq!(d("1000000000").exact_add(d("0.00000000000000000001")), None);
        // Trailing zeros are not digits: this needs no rounding.
        assert_eq!(
            d("50000000000000000000000000000").exact_add(d("0.00")),
            Some(d("50000000000000000000000000000"))
        );
        assert_eq!(d("0.1").exact_add(d("0.2")), Some(d("0.3")));
        assert_eq!(d("1.5").exact_mul(d("1.5")), Some(d("2.25")));
        assert_eq!(
            d("0.00000000000001").exact_mul(d("0.000000000000001")),
            None
        );
        assert_eq!(d("12345678901234567890").exact_mul(d("1234567890.1")), None);
    }

    #[test]
    fn units_convert_exactly() {
        assert_eq!(Unit::Mio.to_kroner(d("6.1")).unwrap(), d("6100000"));
        assert_eq!(Unit::Mio.from_kroner(d("-325000")).unwrap(), d("-0.325"));
        assert_eq!(Unit::TKr.from_kroner(d("1")).unwrap(), d("0.001"));
        assert_eq!(Unit::parse("Mio. kr."), Some(Unit::Mio));
        assert_eq!(Unit::parse("t. kr."), Some(Unit::TKr));
        assert_eq!(Unit::parse("kr"), Some(Unit::Kr));
        assert_eq!(Unit::parse("kroner"), Some(Unit::Kr));
        assert_eq!(Unit::parse("mio. kroner"), Some(Unit::Mio));
        assert_eq!(Unit::parse("euro"), None);
    }
}
