//! Judging a relation between printed figures: exact, rounding or error.
//!
//! A figure printed with d decimals stands for a true value in the closed
//! interval [v − ½·10^-d ; v + ½·10^-d]. A relation is *exact* when the printed
//! values satisfy it, *rounding* when true values inside the intervals do, and
//! an *error* when none do. All arithmetic is exact decimal; interval ends of a
//! quotient are exact to 28 significant digits.
//!
//! The judge decides and returns its evidence as numbers ([`Judgment`]);
//! putting it into words is [`super::explain`]'s job.

// The trait's methods (exact_add …) only: `Exact` names this module's result type.
use crate::money::Decimal;
use crate::money::Exact as _;
use crate::numfmt::PrintedNumber;

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

type Exact<T> = Result<T, TooLarge>;

impl Interval {
    pub fn of(p: &PrintedNumber) -> Exact<Interval> {
        let h = p.half_unit();
        Ok(Interval {
            lo: p.value.exact_sub(h).ok_or(TooLarge)?,
            hi: p.value.exact_add(h).ok_or(TooLarge)?,
        })
    }

    fn add(self, o: Interval) -> Exact<Interval> {
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
    fn percent_of(num: Interval, den: Interval) -> Exact<Option<Interval>> {
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
fn exact_mul(x: Decimal, y: Decimal) -> Exact<Decimal> {
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

/// Why a relation was not judged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unjudged {
    /// A cell the relation needs holds text, not a figure.
    NotAFigure { label: String, text: String },
    /// A cell the relation needs is empty or `-`.
    NoFigure { label: String },
    /// Every cell of a sum is empty or `-`.
    NoFigures,
    /// A share or change divides by a printed zero.
    DivisionByZero,
    /// The denominator may be zero within its rounding.
    MayBeZero,
    /// The figures have too many digits for exact arithmetic.
    TooManyDigits,
    /// The table cannot be understood (a row past
    /// [`crate::document::MAX_CELLS_PER_ROW`] cells, or the table past
    /// [`crate::document::MAX_CELLS_PER_TABLE`]); the reason in words.
    NotUnderstood(String),
}

/// What the judge found, as numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Evidence {
    /// Only the verdict was worked out (its words were not wanted), or the
    /// printed figures of a share or change satisfy it exactly.
    Verdict,
    /// The relation's value from the printed figures (the sum; or the share or
    /// change, 100·a/b − offset, exact to 28 significant digits), the
    /// interval the true figures give it, and the interval the stated result
    /// allows.
    Range {
        value: Decimal,
        range: Interval,
        expected: Interval,
    },
    Unjudged(Unjudged),
}

/// The verdict on a relation, with its evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Judgment {
    pub verdict: Verdict,
    pub evidence: Evidence,
}

impl Judgment {
    pub fn skipped(why: Unjudged) -> Judgment {
        Judgment {
            verdict: Verdict::Skipped,
            evidence: Evidence::Unjudged(why),
        }
    }
}

impl Relation {
    /// The kind of relation, as JSON names it.
    pub fn kind(&self) -> &'static str {
        match self {
            Relation::Sum { .. } => "sum",
            Relation::ShareSum { .. } => "share_sum",
            Relation::Share { .. } => "share",
            Relation::PercentChange { .. } => "percent_change",
        }
    }
}

/// Judges a relation. With `evidence` unset, only what the verdict needs is
/// worked out (a share's range costs divisions); a skip always says why.
pub fn judge(relation: &Relation, evidence: bool) -> Judgment {
    match try_judge(relation, evidence) {
        Ok(j) => j,
        Err(TooLarge) => Judgment::skipped(Unjudged::TooManyDigits),
    }
}

fn try_judge(relation: &Relation, evidence: bool) -> Exact<Judgment> {
    match relation {
        Relation::Sum { terms, total } | Relation::ShareSum { terms, total } => {
            judge_sum(terms, total)
        }
        Relation::Share {
            part,
            whole,
            share,
            allocated,
        } => judge_ratio(part, whole, share, false, *allocated, evidence),
        Relation::PercentChange { new, old, pct } => {
            judge_ratio(new, old, pct, true, false, evidence)
        }
    }
}

fn judge_sum(terms: &[Term], total: &PrintedNumber) -> Exact<Judgment> {
    let mut sum = Decimal::ZERO;
    let mut range = Interval {
        lo: Decimal::ZERO,
        hi: Decimal::ZERO,
    };
    for t in terms {
        let i = Interval::of(&t.figure)?;
        let (v, i) = if t.negative {
            (-t.figure.value, i.neg())
        } else {
            (t.figure.value, i)
        };
        sum = sum.exact_add(v).ok_or(TooLarge)?;
        range = range.add(i)?;
    }
    let expected = Interval::of(total)?;
    let verdict = if sum == total.value {
        Verdict::Exact
    } else if range.intersects(expected) {
        Verdict::Rounding
    } else {
        Verdict::Error
    };
    Ok(Judgment {
        verdict,
        evidence: Evidence::Range {
            value: sum,
            range,
            expected,
        },
    })
}

/// The interval a printed share or percentage allows.
fn allowed(result: &PrintedNumber, allocated: bool) -> Exact<Interval> {
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
) -> Exact<Verdict> {
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
/// The verdict comes from [`ratio_verdict`]; the evidence is the quotient and
/// its range (ends exact to 28 significant digits).
fn judge_ratio(
    a: &PrintedNumber,
    b: &PrintedNumber,
    result: &PrintedNumber,
    change: bool,
    allocated: bool,
    evidence: bool,
) -> Exact<Judgment> {
    let verdict = ratio_verdict(a, b, result, change, allocated)?;
    if b.value.is_zero() {
        return Ok(Judgment::skipped(Unjudged::DivisionByZero));
    }
    if verdict == Verdict::Skipped {
        return Ok(Judgment::skipped(Unjudged::MayBeZero));
    }
    if !evidence || verdict == Verdict::Exact {
        return Ok(Judgment {
            verdict,
            evidence: Evidence::Verdict,
        });
    }
    let Some(q) = Interval::percent_of(Interval::of(a)?, Interval::of(b)?)? else {
        return Ok(Judgment::skipped(Unjudged::MayBeZero));
    };
    let offset = if change {
        Decimal::ONE_HUNDRED
    } else {
        Decimal::ZERO
    };
    // Evidence for words only (the verdict is decided above without
    // division): a quotient is already rounded to 28 digits, so its
    // difference may round too.
    #[allow(clippy::disallowed_methods)]
    let value = a
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
    Ok(Judgment {
        verdict,
        evidence: Evidence::Range {
            value,
            range,
            expected: allowed(result, allocated)?,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numfmt::{parse_number, NumberStyle};
    use crate::verify::explain::InWords;

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
