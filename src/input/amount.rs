//! Exact amounts and years read from scenario files, without binary floating
//! point: the deserializer is asked for the scalar's text (`deserialize_str`),
//! and the text is parsed straight into a [`Decimal`]. A deserializer that
//! offers a float instead is refused.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

use crate::model::Year;
use crate::money::{Decimal, Exact, Unit};

/// An amount as written in a scenario file, in the file's unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Amount {
    pub value: Decimal,
    /// Decimals as written (`6.10` has 2).
    pub decimals: u32,
}

/// Parses a plain decimal (`6.1`, `-325000`, `+5`, `0.10`). Refuses exponents,
/// `.nan`, `.inf`, hex, underscores and decimal commas, each with a hint.
pub fn parse_amount(text: &str) -> Result<Amount, String> {
    let t = text.trim();
    let found = || format!("expected an amount (a plain decimal number such as -6.1), found {t:?}");
    if t.is_empty() {
        return Err(found());
    }
    let lower = t.to_ascii_lowercase();
    if lower.contains("nan") || lower.contains("inf") {
        return Err(format!(
            "{t:?} is not an amount: NaN and infinity are not money"
        ));
    }
    let unsigned = t.strip_prefix(['-', '+']).unwrap_or(t);
    if unsigned.contains(['e', 'E'])
        && unsigned
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == '.')
    {
        return Err(format!(
            "{t:?}: write amounts as plain decimals, not in exponent notation"
        ));
    }
    if unsigned.contains(',')
        && unsigned
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return Err(format!(
            "{t:?}: use a decimal point in scenario files ({}), not a decimal comma",
            t.replace('.', "").replace(',', ".")
        ));
    }
    if is_grouped(unsigned) && unsigned.matches('.').count() > 1 {
        return Err(format!(
            "{t:?}: write amounts without thousands separators ({})",
            t.replace('.', "")
        ));
    }
    let (int_part, frac_part) = match unsigned.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (unsigned, None),
    };
    let digits_ok = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits_ok(int_part) || !frac_part.is_none_or(digits_ok) {
        return Err(found());
    }
    let decimals = frac_part.map_or(0, str::len);
    let significant = int_part.trim_start_matches('0').len() + decimals;
    if significant > 28 || decimals > 28 {
        return Err(format!(
            "{t:?} has more digits than an exact amount can hold (28 significant digits)"
        ));
    }
    let mut value = Decimal::from_str(t.strip_prefix('+').unwrap_or(t)).map_err(|_| found())?;
    if value.is_zero() {
        // -0 and -0.0 are zero.
        value.set_sign_positive(true);
    }
    Ok(Amount {
        value,
        decimals: decimals as u32,
    })
}

/// Has `unsigned` the shape of Danish thousands grouping: 1 to 3 digits, not
/// starting with 0, then one or more groups of a dot and exactly three digits
/// (`6.100`, `12.500`, `1.234.567`)?
fn is_grouped(unsigned: &str) -> bool {
    let mut parts = unsigned.split('.');
    let head_ok = parts.next().is_some_and(|h| {
        (1..=3).contains(&h.len()) && !h.starts_with('0') && h.bytes().all(|b| b.is_ascii_digit())
    });
    let mut groups = 0;
    for g in parts {
        if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        groups += 1;
    }
    head_ok && groups > 0
}

/// An amount whose dot can be read both ways: written with exactly three
/// decimals after a non-zero integer part of at most three digits (`6.100`,
/// `-12.500`), it has the shape of a Danish thousands separator (6.100 meaning
/// six thousand one hundred), in every unit. Such an amount is refused with a
/// hint, never read silently; the message says how to write either meaning.
/// (`0.325` and `6.1000` are not ambiguous.)
pub fn grouping_ambiguity(a: Amount, unit: Unit) -> Option<String> {
    let abs = a.value.abs();
    if a.decimals != 3 || abs < Decimal::ONE || abs >= Decimal::ONE_THOUSAND {
        return None;
    }
    use crate::numfmt::{format_number, NumberStyle};
    let text = a.value.to_string();
    let grouped = a.value.exact_mul(Decimal::ONE_THOUSAND)?;
    let normal = a.value.normalize();
    // The decimal reading, written so that it cannot be taken for grouping.
    let decimal = if normal.scale() == 3 {
        format!("{text}0")
    } else {
        normal.to_string()
    };
    Some(format!(
        "{text} is ambiguous: a dot before exactly three digits reads as a thousands separator; \
         write {} if you mean {} {unit}, or {decimal} if you mean {} {unit}",
        grouped.normalize(),
        format_number(grouped, 0, NumberStyle::DANISH),
        format_number(normal, normal.scale(), NumberStyle::DANISH),
    ))
}

struct AmountVisitor;

impl Visitor<'_> for AmountVisitor {
    type Value = Amount;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an amount (a plain decimal number such as -6.1)")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Amount, E> {
        parse_amount(v).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Amount, E> {
        Ok(Amount {
            value: Decimal::from(v),
            decimals: 0,
        })
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Amount, E> {
        Ok(Amount {
            value: Decimal::from(v),
            decimals: 0,
        })
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Amount, E> {
        // Never taken from serde_yaml (we ask for the text); refused so that no
        // other deserializer can slip a binary float in.
        Err(E::custom(format!(
            "amount {v} arrived as a binary floating-point number; write it as a plain decimal"
        )))
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Amount, D::Error> {
        d.deserialize_str(AmountVisitor)
    }
}

impl JsonSchema for Amount {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Amount".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An exact amount in the unit of the section (enhed): a plain decimal with a decimal point, e.g. -6.1 or -325000",
            "anyOf": [
                {"type": "number"},
                {"type": "string", "pattern": "^[+-]?[0-9]+(\\.[0-9]+)?$"}
            ]
        })
    }
}

/// A year as a key or value (`2026`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearKey(pub Year);

/// Parses a year between 1900 and 2200.
pub fn parse_year(text: &str) -> Result<Year, String> {
    let t = text.trim();
    match t.parse::<Year>() {
        Ok(y) if (1900..=2200).contains(&y) => Ok(y),
        _ if !t.is_empty() && t.len() < 4 && t.bytes().all(|b| b.is_ascii_digit()) => Err(format!(
            "expected a year such as 2026, found {t:?} (a decimal comma, as in `{{2026: 6,1}}`? write 6.1)"
        )),
        _ => Err(format!("expected a year such as 2026, found {t:?}")),
    }
}

struct YearVisitor;

impl Visitor<'_> for YearVisitor {
    type Value = YearKey;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a year such as 2026")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<YearKey, E> {
        parse_year(v).map(YearKey).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<YearKey, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<YearKey, E> {
        self.visit_str(&v.to_string())
    }
}

impl<'de> Deserialize<'de> for YearKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<YearKey, D::Error> {
        d.deserialize_str(YearVisitor)
    }
}

impl JsonSchema for YearKey {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Year".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A year such as 2026",
            "type": "integer",
            "minimum": 1900,
            "maximum": 2200
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn reads_plain_decimals_exactly() {
        assert_eq!(
            parse_amount("6.10").unwrap(),
            Amount {
                value: d("6.10"),
                decimals: 2
            }
        );
        assert_eq!(parse_amount("-325000").unwrap().value, d("-325000"));
        assert_eq!(parse_amount("+5").unwrap().value, d("5"));
        let z = parse_amount("-0.0").unwrap().value;
        assert!(z.is_zero() && z.is_sign_positive());
    }

    #[test]
    fn refuses_what_is_not_money() {
        assert_eq!(
            parse_amount(".nan").unwrap_err(),
            "\".nan\" is not an amount: NaN and infinity are not money"
        );
        assert_eq!(
            parse_amount("1e400").unwrap_err(),
            "\"1e400\": write amounts as plain decimals, not in exponent notation"
        );
        assert_eq!(
            parse_amount("-6,1").unwrap_err(),
            "\"-6,1\": use a decimal point in scenario files (-6.1), not a decimal comma"
        );
        assert_eq!(
            parse_amount("123456789012345678901234567890").unwrap_err(),
            "\"123456789012345678901234567890\" has more digits than an exact amount can hold (28 significant digits)"
        );
        assert!(parse_amount("abc").is_err());
        assert!(parse_amount("0x1F").is_err());
        assert!(parse_amount("1_000").is_err());
        assert!(parse_amount("true").is_err());
    }

    #[test]
    fn thousands_grouping_shape() {
        for t in ["6.100", "12.500", "999.000", "1.234.567"] {
            assert!(is_grouped(t), "{t}");
        }
        for t in [
            "0.100", "6.1", "6.1000", "1234.567", "06.100", "1.23.456", "1.",
        ] {
            assert!(!is_grouped(t), "{t}");
        }
        let a = |t: &str| parse_amount(t).unwrap();
        assert!(grouping_ambiguity(a("-6.100"), Unit::Mio).is_some());
        assert!(grouping_ambiguity(a("0.325"), Unit::Mio).is_none());
        assert!(grouping_ambiguity(a("1000.500"), Unit::Mio).is_none());
        assert!(grouping_ambiguity(a("6.10"), Unit::TKr).is_none());
    }

    #[test]
    fn years() {
        assert_eq!(parse_year("2026"), Ok(2026));
        assert_eq!(
            parse_year("toogtyve"),
            Err("expected a year such as 2026, found \"toogtyve\"".to_string())
        );
        assert!(parse_year("99999").is_err());
        assert_eq!(
            parse_year("1"),
            Err("expected a year such as 2026, found \"1\" (a decimal comma, as in `{2026: 6,1}`? write 6.1)".to_string())
        );
    }
}
