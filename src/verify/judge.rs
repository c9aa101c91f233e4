//! Judging a relation between printed figures: exact, rounding or error.
//!
//! A figure printed with d decimals stands for a true value in the closed
//! interval [v − ½·10^-d ; v + ½·10^-d]. A relation is *exact* when the printed
//! values satisfy it, *rounding* when true values inside the intervals do, and
//! an *error* when none do. All arithmetic is exact decimal; interval ends of a
//! quotient are exact to 28 significant digits.

use crate::money::{round_half_away, Decimal, Exact};
use crate::numfmt::{format_number, push_number, NumberStyle, PrintedNumber};

/// The verdict on one relation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Exact,
    Rounding,
    Error,
    Skipped,
}

/// A closed interval of true values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
    pub lo: Decimal,
    pub hi: Decimal,
}

/// Arithmetic that would not be exact (overflow, or more digits than a
/// decimal holds): the relation is skipped.
#[derive(Debug)]
pub struct TooLarge;

type R<T> = Result<T, TooLarge>;

impl Interval {
    pub fn of(p: &PrintedNumber) -> R<Interval> {
        let h = p.half_unit();
        Ok(Interval {
            lo: p.value.exact_sub(h).ok_or(TooLarge)?,
            hi: p.value.exact_add(h).ok_or(TooLarge)?,
        })
    }

    fn add(self, o: Interval) -> R<Interval> {
        Ok(Interval {
            lo: self.lo.exact_add(o.lo).ok_or(TooLarge)?,
            hi: self.hi.exact_add(o.hi).ok_or(TooLarge)?,
        })
    }

    fn neg(self) -> Interval {
        Interval {
            lo: -self.hi,
            hi: -self.lo,
        }
    }

    fn contains_zero(self) -> bool {
        self.lo <= Decimal::ZERO && self.hi >= Decimal::ZERO
    }

    pub fn intersects(self, o: Interval) -> bool {
        self.lo <= o.hi && o.lo <= self.hi
    }

    /// 100 · num / den over every corner; `None` when den may be zero.
    /// Where 100·num/den is lowest and highest: `(num_lo, den_at_lo, num_hi,
    /// den_at_hi)`, with den made positive. `None` when den may be zero.
    fn quotient_corners(
        num: Interval,
        den: Interval,
    ) -> Option<(Decimal, Decimal, Decimal, Decimal)> {
        if den.contains_zero() {
            return None;
        }
        let (n, d) = if den.hi < Decimal::ZERO {
            (num.neg(), den.neg())
        } else {
            (num, den)
        };
        let d_at_lo = if n.lo >= Decimal::ZERO { d.hi } else { d.lo };
        let d_at_hi = if n.hi >= Decimal::ZERO { d.lo } else { d.hi };
        Some((n.lo, d_at_lo, n.hi, d_at_hi))
    }

    /// The range of 100·num/den (ends exact to 28 significant digits), for words.
    fn percent_of(num: Interval, den: Interval) -> R<Option<Interval>> {
        let Some((n_lo, d_lo, n_hi, d_hi)) = Interval::quotient_corners(num, den) else {
            return Ok(None);
        };
        let q = |n: Decimal, d: Decimal| {
            n.exact_mul(Decimal::ONE_HUNDRED)
                .and_then(|x| x.checked_div(d))
                .ok_or(TooLarge)
        };
        Ok(Some(Interval {
            lo: q(n_lo, d_lo)?,
            hi: q(n_hi, d_hi)?,
        }))
    }
}

/// `x · y`, exactly: refused (as too large) when the product could need more
/// than 28 significant digits or decimals, which rust_decimal would round.
fn exact_mul(x: Decimal, y: Decimal) -> R<Decimal> {
    let digits = |d: Decimal| {
        d.mantissa()
            .unsigned_abs()
            .checked_ilog10()
            .map_or(1, |l| l + 1)
    };
    if digits(x) + digits(y) > 28 || x.scale() + y.scale() > 28 {
        return Err(TooLarge);
    }
    x.exact_mul(y).ok_or(TooLarge)
}

/// A term of a sum: a printed figure with its sign.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    pub negative: bool,
    pub figure: PrintedNumber,
}

/// A relation between printed figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Relation {
    /// ± a ± b ... = total
    Sum {
        terms: Vec<Term>,
        total: PrintedNumber,
    },
    /// The rows' shares against the total's share (100 %): judged as a sum,
    /// but when it fails, it is a row's share that is wrong, not the total.
    ShareSum {
        terms: Vec<Term>,
        total: PrintedNumber,
    },
    /// part / whole = share %
    Share {
        part: PrintedNumber,
        whole: PrintedNumber,
        share: PrintedNumber,
        /// Shares allocated by largest remainder: each may be a whole last
        /// unit from its true value (not half), by design.
        allocated: bool,
    },
    /// (new − old) / old = pct %
    PercentChange {
        new: PrintedNumber,
        old: PrintedNumber,
        pct: PrintedNumber,
    },
}

/// Appends a figure as printed (Danish, with its own decimals and `%`).
fn push_fig(out: &mut String, p: &PrintedNumber) {
    push_number(out, p.value, p.decimals, NumberStyle::DANISH);
    if p.percent {
        out.push('%');
    }
}

/// Writes a figure as printed (Danish, with its own decimals and `%`).
pub fn show(p: &PrintedNumber) -> String {
    let mut s = String::with_capacity(12);
    push_fig(&mut s, p);
    s
}

fn show_at(d: Decimal, decimals: u32) -> String {
    format_number(d, decimals, NumberStyle::DANISH)
}

fn show_interval(i: Interval, decimals: u32) -> String {
    let mut s = String::with_capacity(24);
    s.push('[');
    push_number(&mut s, i.lo, decimals, NumberStyle::DANISH);
    s.push_str("; ");
    push_number(&mut s, i.hi, decimals, NumberStyle::DANISH);
    s.push(']');
    s
}

/// `a + b - c` as printed.
pub fn show_terms(terms: &[Term]) -> String {
    let mut s = String::with_capacity(terms.len() * 8);
    for (i, t) in terms.iter().enumerate() {
        let negative = t.negative != t.figure.value.is_sign_negative() && !t.figure.value.is_zero();
        let abs = PrintedNumber {
            value: t.figure.value.abs(),
            ..t.figure
        };
        s.push_str(match (i, negative) {
            (0, false) => "",
            (0, true) => "-",
            (_, false) => " + ",
            (_, true) => " - ",
        });
        push_fig(&mut s, &abs);
    }
    s
}

impl Relation {
    /// The relation as a formula of printed figures (`19,1 + 36,4 = 55,4`).
    pub fn formula(&self) -> String {
        match self {
            Relation::Sum { terms, total } | Relation::ShareSum { terms, total } => {
                format!("{} = {}", show_terms(terms), show(total))
            }
            Relation::Share {
                part, whole, share, ..
            } => {
                format!("{} / {} = {}", show(part), show(whole), show(share))
            }
            Relation::PercentChange { new, old, pct } => {
                format!(
                    "({} - {}) / {} = {}",
                    show(new),
                    show(old),
                    show(old),
                    show(pct)
                )
            }
        }
    }

    /// Judges the relation; the detail says why.
    pub fn judge(&self) -> (Verdict, String) {
        self.judge_with(true)
    }

    /// Judges the relation; the detail is written only when `describe` is
    /// set (it costs more than the judging itself).
    pub fn judge_with(&self, describe: bool) -> (Verdict, String) {
        match self.try_judge(describe) {
            Ok(v) => v,
            Err(TooLarge) => (
                Verdict::Skipped,
                format!(
                    "{}: the figures have too many digits for exact arithmetic",
                    self.formula()
                ),
            ),
        }
    }

    fn try_judge(&self, describe: bool) -> R<(Verdict, String)> {
        match self {
            Relation::Sum { terms, total } => judge_sum(terms, total, describe),
            Relation::ShareSum { terms, total } => {
                let (verdict, detail) = judge_sum(terms, total, describe)?;
                Ok(match (verdict, detail.split_once("; it should read")) {
                    (Verdict::Error, Some((why, _))) => (
                        verdict,
                        format!(
                            "{why}; the rows' shares should add up to {}: one of them is wrong",
                            show(total)
                        ),
                    ),
                    _ => (verdict, detail),
                })
            }
            Relation::Share {
                part,
                whole,
                share,
                allocated,
            } => judge_ratio(part, whole, share, false, *allocated, describe),
            Relation::PercentChange { new, old, pct } => {
                judge_ratio(new, old, pct, true, false, describe)
            }
        }
    }
}

fn judge_sum(terms: &[Term], total: &PrintedNumber, describe: bool) -> R<(Verdict, String)> {
    let mut sum = Decimal::ZERO;
    let mut range = Interval {
        lo: Decimal::ZERO,
        hi: Decimal::ZERO,
    };
    let mut decimals = total.decimals;
    for t in terms {
        let i = Interval::of(&t.figure)?;
        let (v, i) = if t.negative {
            (-t.figure.value, i.neg())
        } else {
            (t.figure.value, i)
        };
        sum = sum.exact_add(v).ok_or(TooLarge)?;
        range = range.add(i)?;
        decimals = decimals.max(t.figure.decimals);
    }
    let allows = Interval::of(total)?;
    if !describe {
        let verdict = if sum == total.value {
            Verdict::Exact
        } else if range.intersects(allows) {
            Verdict::Rounding
        } else {
            Verdict::Error
        };
        return Ok((verdict, String::new()));
    }
    let expr = show_terms(terms);
    let t = show(total);
    let d = decimals + 1;
    if sum == total.value {
        return Ok((Verdict::Exact, format!("{expr} = {t}")));
    }
    let pct = if total.percent { "%" } else { "" };
    if range.intersects(allows) {
        return Ok((
            Verdict::Rounding,
            format!(
                "{expr} = {}{pct} lies in {}, {t} allows {}",
                show_at(sum, decimals),
                show_interval(range, d),
                show_interval(allows, d)
            ),
        ));
    }
    Ok((
        Verdict::Error,
        format!(
            "{expr} = {}{pct}, not {t}: the true sum lies in {}, which {t} (allowing {}) cannot reach; it should read {}{pct}",
            show_at(sum, decimals),
            show_interval(range, d),
            show_interval(allows, d),
            show_at(round_half_away(sum, total.decimals), total.decimals)
        ),
    ))
}

/// The interval a printed share or percentage allows.
fn allowed(result: &PrintedNumber, allocated: bool) -> R<Interval> {
    if allocated {
        // Largest remainder moves a share by less than one last unit.
        let unit = result.half_unit() * Decimal::TWO;
        Ok(Interval {
            lo: result.value.exact_sub(unit).ok_or(TooLarge)?,
            hi: result.value.exact_add(unit).ok_or(TooLarge)?,
        })
    } else {
        Interval::of(result)
    }
}

/// The verdict on `result = 100·a/b − offset`, by cross-multiplication (no
/// division, so no rounding of quotients): with b's interval made positive,
/// 100·a/b ranges over [100·a_lo / (a_lo ≥ 0 ? b_hi : b_lo) ;
/// 100·a_hi / (a_hi ≥ 0 ? b_lo : b_hi)], and each comparison with the result's
/// interval multiplies out. This is the one place a ratio's verdict is decided.
fn ratio_verdict(
    a: &PrintedNumber,
    b: &PrintedNumber,
    result: &PrintedNumber,
    change: bool,
    allocated: bool,
) -> R<Verdict> {
    if b.value.is_zero() {
        return Ok(Verdict::Skipped);
    }
    let mul = exact_mul;
    let hundred = Decimal::ONE_HUNDRED;
    let offset = if change { hundred } else { Decimal::ZERO };
    // result + offset = 100·a/b  <=>  (result + offset)·b = 100·a
    let target = result.value.exact_add(offset).ok_or(TooLarge)?;
    if mul(target, b.value)? == mul(hundred, a.value)? {
        return Ok(Verdict::Exact);
    }
    let Some((a_lo, b_at_lo, a_hi, b_at_hi)) =
        Interval::quotient_corners(Interval::of(a)?, Interval::of(b)?)
    else {
        return Ok(Verdict::Skipped);
    };
    let allows = allowed(result, allocated)?;
    let (slo, shi) = (
        allows.lo.exact_add(offset).ok_or(TooLarge)?,
        allows.hi.exact_add(offset).ok_or(TooLarge)?,
    );
    // The lowest quotient <= shi, and slo <= the highest quotient.
    let low_ok = mul(hundred, a_lo)? <= mul(shi, b_at_lo)?;
    let high_ok = mul(slo, b_at_hi)? <= mul(hundred, a_hi)?;
    Ok(if low_ok && high_ok {
        Verdict::Rounding
    } else {
        Verdict::Error
    })
}

/// share = 100·part/whole, or pct = 100·(new − old)/old = 100·new/old − 100.
/// The verdict comes from [`ratio_verdict`]; the words show the quotient and
/// its range (ends exact to 28 significant digits).
fn judge_ratio(
    a: &PrintedNumber,
    b: &PrintedNumber,
    result: &PrintedNumber,
    change: bool,
    allocated: bool,
    describe: bool,
) -> R<(Verdict, String)> {
    let verdict = ratio_verdict(a, b, result, change, allocated)?;
    if !describe {
        return Ok((verdict, String::new()));
    }
    let formula = if change {
        format!("({} - {}) / {}", show(a), show(b), show(b))
    } else {
        format!("{} / {}", show(a), show(b))
    };
    let r = show(result);
    if b.value.is_zero() {
        return Ok((Verdict::Skipped, format!("{formula}: division by zero")));
    }
    if verdict == Verdict::Exact {
        return Ok((Verdict::Exact, format!("{formula} = {r}")));
    }
    let Some(q) = Interval::percent_of(Interval::of(a)?, Interval::of(b)?)? else {
        return Ok((
            Verdict::Skipped,
            format!(
                "{formula} = {r}: the denominator {} may be zero within its rounding",
                show(b)
            ),
        ));
    };
    let offset = if change {
        Decimal::ONE_HUNDRED
    } else {
        Decimal::ZERO
    };
    // Words only (the verdict is decided above without division): a quotient
    // is already rounded to 28 digits, so its difference may round too.
    #[allow(clippy::disallowed_methods)]
    let exact = a
        .value
        .exact_mul(Decimal::ONE_HUNDRED)
        .and_then(|x| x.checked_div(b.value))
        .and_then(|x| x.checked_sub(offset))
        .ok_or(TooLarge)?;
    #[allow(clippy::disallowed_methods)]
    let range = Interval {
        lo: q.lo.checked_sub(offset).ok_or(TooLarge)?,
        hi: q.hi.checked_sub(offset).ok_or(TooLarge)?,
    };
    let allows = allowed(result, allocated)?;
    let d = result.decimals + 1;
    let r = if allocated {
        format!("{r} (largest remainder)")
    } else {
        r
    };
    let at = show_at(exact, result.decimals + 2);
    if verdict == Verdict::Rounding {
        return Ok((
            Verdict::Rounding,
            format!(
                "{formula} = {at}% lies in {}, {r} allows {}",
                show_interval(range, d + 1),
                show_interval(allows, d)
            ),
        ));
    }
    Ok((
        Verdict::Error,
        format!(
            "{formula} = {at}%, not {r}: the true value lies in {}, which {r} (allowing {}) cannot reach; it should read {}%",
            show_interval(range, d + 1),
            show_interval(allows, d),
            show_at(round_half_away(exact, result.decimals), result.decimals)
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numfmt::parse_number;

    fn p(s: &str) -> PrintedNumber {
        parse_number(s, NumberStyle::DANISH).unwrap()
    }

    fn sum(parts: &[&str], total: &str) -> (Verdict, String) {
        Relation::Sum {
            terms: parts
                .iter()
                .map(|s| Term {
                    negative: false,
                    figure: p(s),
                })
                .collect(),
            total: p(total),
        }
        .judge()
    }

    #[test]
    fn the_domain_primer_cases() {
        assert_eq!(
            sum(&["19,1", "36,4"], "55,4"),
            (
                Verdict::Rounding,
                "19,1 + 36,4 = 55,5 lies in [55,40; 55,60], 55,4 allows [55,35; 55,45]".to_string()
            )
        );
        assert_eq!(
            sum(&["7,5", "2,3"], "9,8"),
            (Verdict::Exact, "7,5 + 2,3 = 9,8".to_string())
        );
        assert_eq!(sum(&["0,1", "3,5", "1,5"], "5,0").0, Verdict::Rounding);
        assert_eq!(
            sum(&["23,0%", "68,9%", "8,2%"], "100,0%").0,
            Verdict::Rounding
        );
        // -6,0 is still within rounding of -1,4 - 4,2 - 0,5; -5,8 is not.
        assert_eq!(sum(&["-1,4", "-4,2", "-0,5"], "-6,0").0, Verdict::Rounding);
        let (v, d) = sum(&["-1,4", "-4,2", "-0,5"], "-5,8");
        assert_eq!(v, Verdict::Error);
        assert_eq!(
            d,
            "-1,4 - 4,2 - 0,5 = -6,1, not -5,8: the true sum lies in [-6,25; -5,95], which -5,8 (allowing \
             [-5,85; -5,75]) cannot reach; it should read -6,1"
        );
    }

    #[test]
    fn the_verdict_does_not_depend_on_describing_it() {
        for (parts, total) in [
            (&["19,1", "36,4"][..], "55,4"),
            (&["7,5", "2,3"][..], "9,8"),
            (&["1,0", "1,0"][..], "2,2"),
        ] {
            let r = Relation::Sum {
                terms: parts
                    .iter()
                    .map(|s| Term {
                        negative: false,
                        figure: p(s),
                    })
                    .collect(),
                total: p(total),
            };
            assert_eq!(r.judge_with(false).0, r.judge().0);
            assert_eq!(r.judge_with(false).1, "");
        }
        for (a, b, s, allocated) in [
            ("-1,4", "-6,1", "23,0%", false),
            ("-3,5", "-6,1", "47,4%", false),
            ("1", "0,0", "5%", false),
            ("-1.400.000", "-6.100.000", "22,9%", true),
        ] {
            let r = Relation::Share {
                part: p(a),
                whole: p(b),
                share: p(s),
                allocated,
            };
            assert_eq!(r.judge_with(false).0, r.judge().0);
        }
    }

    #[test]
    fn a_wrong_sum_of_shares_points_at_the_rows() {
        let r = Relation::ShareSum {
            terms: ["25,0%", "77,0%"]
                .iter()
                .map(|s| Term {
                    negative: false,
                    figure: p(s),
                })
                .collect(),
            total: p("100,0%"),
        };
        assert_eq!(
            r.judge(),
            (
                Verdict::Error,
                "25,0% + 77,0% = 102,0%, not 100,0%: the true sum lies in [101,90; 102,10], which 100,0% (allowing \
                 [99,95; 100,05]) cannot reach; the rows' shares should add up to 100,0%: one of them is wrong"
                    .to_string()
            )
        );
    }

    #[test]
    fn touching_intervals_are_rounding() {
        // 1,0 + 1,0 lies in [1,9; 2,1]; 2,2 allows [2,15; 2,25]: apart.
        assert_eq!(sum(&["1,0", "1,0"], "2,2").0, Verdict::Error);
        // 1,0 + 1,0 + 1,0 lies in [2,85; 3,15]; 3,2 allows [3,15; 3,25]: they touch.
        assert_eq!(sum(&["1,0", "1,0", "1,0"], "3,2").0, Verdict::Rounding);
    }

    #[test]
    fn shares() {
        let share = |a: &str, b: &str, s: &str| {
            Relation::Share {
                part: p(a),
                whole: p(b),
                share: p(s),
                allocated: false,
            }
            .judge()
        };
        // Largest remainder: 22,9 for 22,951 is a whole tenth off, by design.
        let allocated = Relation::Share {
            part: p("-1.400.000"),
            whole: p("-6.100.000"),
            share: p("22,9%"),
            allocated: true,
        };
        assert_eq!(
            allocated.judge(),
            (
                Verdict::Rounding,
                "-1.400.000 / -6.100.000 = 22,951% lies in [22,951; 22,951], 22,9% (largest remainder) allows \
                 [22,80; 23,00]"
                    .to_string()
            )
        );
        let independent = Relation::Share {
            part: p("-1.400.000"),
            whole: p("-6.100.000"),
            share: p("22,9%"),
            allocated: false,
        };
        assert_eq!(independent.judge().0, Verdict::Error);
        assert_eq!(
            share("-1,4", "-6,1", "23,0%"),
            (
                Verdict::Rounding,
                "-1,4 / -6,1 = 22,951% lies in [21,951; 23,967], 23,0% allows [22,95; 23,05]"
                    .to_string()
            )
        );
        assert_eq!(
            share("-6,1", "-6,1", "100,0%"),
            (Verdict::Exact, "-6,1 / -6,1 = 100,0%".to_string())
        );
        assert_eq!(share("-3,5", "-6,1", "47,4%").0, Verdict::Error);
        assert_eq!(share("1", "0,0", "5%").0, Verdict::Skipped);
        // 0,0 allows [-0,05; 0,05]: a total that may be zero cannot be divided by.
        assert_eq!(share("0,1", "0,0", "5%").0, Verdict::Skipped);
        assert_eq!(share("0,1", "0,04", "250,0%").0, Verdict::Exact);
    }

    #[test]
    fn products_that_would_round_are_skipped_not_judged() {
        // 26 significant digits times 100 could need 29, which a decimal
        // would round: the share is skipped rather than judged on rounded figures.
        let r = Relation::Share {
            part: p("12.345.678.901.234.567.890.123.456"),
            whole: p("23.456.789.012.345.678.901.234.567"),
            share: p("52,6%"),
            allocated: false,
        };
        assert_eq!(r.judge().0, Verdict::Skipped);
        assert!(r
            .judge()
            .1
            .ends_with("the figures have too many digits for exact arithmetic"));
        // 15-digit figures still multiply exactly and are judged.
        let r = Relation::Share {
            part: p("123.456.789.012.345"),
            whole: p("234.567.890.123.456"),
            share: p("52,6%"),
            allocated: false,
        };
        assert_eq!(r.judge().0, Verdict::Rounding);
        assert_eq!(
            exact_mul(Decimal::new(12345, 2), Decimal::new(2, 1)).ok(),
            Some(Decimal::new(24690, 3))
        );
    }

    #[test]
    fn percent_change() {
        let pc = |n: &str, o: &str, s: &str| {
            Relation::PercentChange {
                new: p(n),
                old: p(o),
                pct: p(s),
            }
            .judge()
        };
        assert_eq!(
            pc("110", "100", "10,0%"),
            (Verdict::Exact, "(110 - 100) / 100 = 10,0%".to_string())
        );
        assert_eq!(pc("33.071", "30.000", "10,2%").0, Verdict::Rounding);
        assert_eq!(pc("33.071", "30.000", "12,2%").0, Verdict::Error);
    }
}
