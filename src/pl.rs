//! Price and wage levels (pris- og lønniveau, PL): amounts stated in one
//! year's prices ("2026-priser") converted to another's with the pris- og
//! lønskøn the scenario gives (per year, the growth in percent, as KL
//! publishes them: løn, priser, samlet). The `samlet` index is used unless
//! another is chosen (`report --pl-indeks løn`).
//!
//! Exactness: from level A to a later level B an amount is multiplied by
//! Π (1 + samlet_y / 100) for y = A+1 ..= B. That factor is an exact decimal,
//! and so is every product: a product that would need more than 28
//! significant digits is an error, never rounded. Back from B to A the
//! amount is divided by the same factor, and the quotient of an exact
//! product is exact: converting to a later level and back gives the exact
//! original (a property test).
//!
//! To an earlier level than the scenario's own, the amount is divided by the
//! factor, and a quotient that does not terminate (1 / 1,028) cannot be
//! exact: it is carried to 28 significant digits (for any amount below 10^12
//! kr. within 10^-15 kr., far below the øre), and the report says so under
//! every table ([`convert_tables`] tells whether that happened). This is the
//! one precision rule; rounding for display still happens once, at the edge.

pub use crate::model::PlSkøn;
use crate::model::Year;
use crate::money::Decimal;
use crate::table::{Cell, Table};

/// How amounts at one price level become amounts at another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Factor {
    /// To a later level: multiply (exact).
    Multiply(Decimal),
    /// To an earlier level: divide (28 significant digits).
    Divide(Decimal),
}

/// Which of KL's indices converts: løn (wages), priser (prices) or samlet
/// (the two weighted together; the default).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Index {
    Løn,
    Priser,
    #[default]
    Samlet,
}

impl Index {
    pub fn key(self) -> &'static str {
        match self {
            Index::Løn => "løn",
            Index::Priser => "priser",
            Index::Samlet => "samlet",
        }
    }

    fn of(self, s: &PlSkøn) -> Option<Decimal> {
        match self {
            Index::Løn => s.løn,
            Index::Priser => s.priser,
            Index::Samlet => s.samlet,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PlError {
    #[error("no pris- og lønskøn ({3}) for {0}: add it under `pl_skøn` to convert between {1}- and {2}-priser")]
    Missing(Year, Year, Year, &'static str),
    #[error("converting {0} kr. to another price level needs more than the 28 significant digits an exact amount can hold")]
    Digits(Decimal),
    #[error("a growth rate of {0} % gives a factor with more than the 28 decimals an exact amount can hold")]
    Rate(Decimal),
}

/// The factor from `from`-priser to `to`-priser, by the samlet index.
pub fn factor(skøn: &[PlSkøn], from: Year, to: Year) -> Result<Factor, PlError> {
    factor_by(skøn, from, to, Index::Samlet)
}

/// The factor from `from`-priser to `to`-priser, by `index`.
pub fn factor_by(skøn: &[PlSkøn], from: Year, to: Year, index: Index) -> Result<Factor, PlError> {
    let (lo, hi) = if from <= to { (from, to) } else { (to, from) };
    let mut f = Decimal::ONE;
    for y in (lo + 1)..=hi {
        let s = skøn
            .iter()
            .find(|s| s.year == y)
            .and_then(|s| index.of(s))
            .ok_or(PlError::Missing(y, from, to, index.key()))?;
        // Checked below, digit by digit: rust_decimal's own methods here.
        #[allow(clippy::disallowed_methods)]
        let whole = Decimal::ONE_HUNDRED
            .checked_add(s)
            .ok_or(PlError::Rate(s))?;
        let step = whole
            .checked_div(Decimal::ONE_HUNDRED)
            .ok_or(PlError::Rate(s))?;
        // 100 + a rate with 27 or more decimals, or that divided by 100, can
        // need more than 28 decimals: rust_decimal rounds, a lost digit.
        #[allow(clippy::disallowed_methods)]
        let lost = whole.checked_sub(Decimal::ONE_HUNDRED) != Some(s)
            || step.checked_mul(Decimal::ONE_HUNDRED) != Some(whole);
        if lost {
            return Err(PlError::Rate(s));
        }
        f = exact_mul(f, step)?;
    }
    Ok(if from <= to {
        Factor::Multiply(f)
    } else {
        Factor::Divide(f)
    })
}

/// `a × b`, refused when the product would lose a digit.
fn exact_mul(a: Decimal, b: Decimal) -> Result<Decimal, PlError> {
    // Zero times anything is exactly zero (rust_decimal returns it with
    // scale 0, which the scale test below would take for a lost digit).
    if a.is_zero() || b.is_zero() {
        return Ok(Decimal::ZERO);
    }
    // The scale check below is what makes it exact.
    #[allow(clippy::disallowed_methods)]
    let p = a.checked_mul(b).ok_or(PlError::Digits(a))?;
    // rust_decimal rounds a product that needs more than 28 decimals (or
    // more than 96 bits) by lowering its scale: that is a lost digit.
    if p.scale() != a.scale() + b.scale() {
        return Err(PlError::Digits(a));
    }
    Ok(p)
}

/// An amount converted by `f`.
pub fn convert(amount: Decimal, f: Factor) -> Result<Decimal, PlError> {
    match f {
        Factor::Multiply(f) => exact_mul(amount, f),
        Factor::Divide(f) => amount.checked_div(f).ok_or(PlError::Digits(amount)),
    }
}

/// The inverse of `f` (back to the level it came from).
pub fn inverse(f: Factor) -> Factor {
    match f {
        Factor::Multiply(x) => Factor::Divide(x),
        Factor::Divide(x) => Factor::Multiply(x),
    }
}

/// Whether `q` is exactly `a` divided by `f` (the division terminated).
fn exact_quotient(q: Decimal, a: Decimal, f: Decimal) -> bool {
    exact_mul(q, f).is_ok_and(|x| x == a)
}

/// Every amount of `tables` converted by `f` (shares are ratios: unchanged).
/// Returns whether every converted amount is exact (false only when a
/// division to an earlier level did not terminate; see the module's rule).
pub fn convert_tables(tables: &mut [Table], f: Factor) -> Result<bool, PlError> {
    let mut exact = true;
    for t in tables {
        for r in &mut t.rows {
            for c in &mut r.cells {
                if let Cell::Amount(a) = c {
                    let q = convert(*a, f)?;
                    if let Factor::Divide(x) = f {
                        exact &= exact_quotient(q, *a, x);
                    }
                    *a = q;
                }
            }
        }
    }
    Ok(exact)
}

/// Marks every table with its price level (`… (2027-priser)`).
pub fn label_tables(tables: &mut [Table], level: Year, lang: crate::table::Lang) {
    for t in tables {
        t.title = format!("{} ({level}-{})", t.title, lang.pick("priser", "prices"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn skøn() -> Vec<PlSkøn> {
        vec![
            PlSkøn {
                year: 2027,
                løn: None,
                priser: None,
                samlet: Some(d("2.8")),
            },
            PlSkøn {
                year: 2028,
                løn: None,
                priser: None,
                samlet: Some(d("2.5")),
            },
        ]
    }

    #[test]
    fn the_readme_example() {
        // 6,1 mio. kr. in 2026-priser: × 1,028 = 6,2708 in 2027-priser,
        // × 1,028 × 1,025 = 6,42757 in 2028-priser.
        let f = factor(&skøn(), 2026, 2028).unwrap();
        assert_eq!(f, Factor::Multiply(d("1.0537")));
        assert_eq!(convert(d("6100000"), f).unwrap(), d("6427570"));
        let back = convert(d("6427570"), inverse(f)).unwrap();
        assert_eq!(back, d("6100000"));
        assert_eq!(
            factor(&skøn(), 2026, 2029).unwrap_err().to_string(),
            "no pris- og lønskøn (samlet) for 2029: add it under `pl_skøn` to convert between 2026- and 2029-priser"
        );
        assert_eq!(
            factor(&skøn(), 2027, 2027).unwrap(),
            Factor::Multiply(Decimal::ONE)
        );
    }

    #[test]
    fn a_rate_whose_factor_would_lose_digits_is_refused() {
        // 1 + 2,123456789012345678901234567 % = 1,02123456789012345678901234567:
        // 29 decimals, one more than an exact amount holds. It was rounded
        // to 1,0212345678901234567890123457 and converted with, silently.
        let s = vec![PlSkøn {
            year: 2027,
            løn: None,
            priser: None,
            samlet: Some(d("2.123456789012345678901234567")),
        }];
        assert_eq!(
            factor(&s, 2026, 2027).unwrap_err().to_string(),
            "a growth rate of 2.123456789012345678901234567 % gives a factor with more than the 28 decimals an exact amount can hold"
        );
        // 26 decimals still fit (28 in the factor), exactly.
        let s = vec![PlSkøn {
            samlet: Some(d("2.12345678901234567890123456")),
            ..s[0].clone()
        }];
        assert_eq!(
            factor(&s, 2026, 2027).unwrap(),
            Factor::Multiply(d("1.0212345678901234567890123456"))
        );
    }

    #[test]
    fn a_product_that_would_lose_digits_is_refused() {
        let f = Factor::Multiply(d("1.0000000000000000000000001"));
        assert!(convert(d("12345.67"), f).is_err());
    }
}
