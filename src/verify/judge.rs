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
//!
//! Every sum, difference and product a verdict rests on is exact
//! ([`crate::money::Exact`]); one that would lose a digit makes the relation
//! skipped ("too many digits to judge exactly"), never judged on a rounded
//! value. Only a quotient rounds (to 28 significant digits), and only in the
//! evidence put into words, never in a verdict.

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
pub(crate) fn exact_mul(x: Decimal, y: Decimal) -> Exact<Decimal> {
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
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
    /// result % = 100 · (Σ ± num) / (Σ ± den) (− 100 when `change`), where
    /// numerator and denominator are sums of the same printed figures
    /// (`figures`, each printed once, so a figure in both varies together):
    /// a share of parts (`3,5 / (3,5 + 2,6)`), a change over a base that is
    /// not printed (`6.900 / (739.400 + 6.900)`).
    Quotient(Quotient),
    /// `a` is `p`% and `b` is `q`% of one whole that is not printed: the
    /// wholes they imply, 100·a/p and 100·b/q, must be able to be equal.
    SameWhole {
        a: PrintedNumber,
        p: PrintedNumber,
        b: PrintedNumber,
        q: PrintedNumber,
    },
}

/// See [`Relation::Quotient`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quotient {
    pub figures: Vec<PrintedNumber>,
    /// Indices into `figures`, with `true` for a subtracted figure.
    pub num: Vec<(usize, bool)>,
    pub den: Vec<(usize, bool)>,
    pub result: PrintedNumber,
    pub change: bool,
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
    /// The table's structure or a column's meaning is not understood, or
    /// the cells hold no figures: the reason in words (table understanding).
    Reason(String),
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
            Relation::Quotient(_) => "quotient",
            Relation::SameWhole { .. } => "same_whole",
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

/// The verdict on a relation alone, as [`judge`] gives it: a sum of the
/// figures a table mostly has is judged in integers ([`small_sum_verdict`]),
/// without the intervals its evidence needs.
pub fn verdict(relation: &Relation) -> Verdict {
    match relation {
        Relation::Sum { terms, total } | Relation::ShareSum { terms, total } => {
            sum_verdict(terms, total)
        }
        // As [`judge_ratio`] decides it, without its judgment: skipped
        // where the whole is 0, may be 0, or has too many digits.
        Relation::Share {
            part,
            whole,
            share,
            allocated,
        } => quotient_verdict(part, whole, share, false, *allocated),
        Relation::PercentChange { new, old, pct } => quotient_verdict(new, old, pct, true, false),
        _ => judge(relation, false).verdict,
    }
}

/// [`judge_ratio`]'s verdict alone.
fn quotient_verdict(
    a: &PrintedNumber,
    b: &PrintedNumber,
    result: &PrintedNumber,
    change: bool,
    allocated: bool,
) -> Verdict {
    match ratio_verdict(a, b, result, change, allocated) {
        Ok(v) if !b.value.is_zero() => v,
        _ => Verdict::Skipped,
    }
}

/// [`verdict`] of a sum (or a share sum: judged alike) given by its terms
/// and total, wherever they are kept (a caller's buffer on the stack).
pub fn sum_verdict(terms: &[Term], total: &PrintedNumber) -> Verdict {
    small_sum_verdict(terms, total).unwrap_or_else(|| match judge_sum(terms, total, false) {
        Ok(j) => j.verdict,
        Err(TooLarge) => Verdict::Skipped,
    })
}

fn try_judge(relation: &Relation, evidence: bool) -> Exact<Judgment> {
    match relation {
        Relation::Sum { terms, total } | Relation::ShareSum { terms, total } => {
            judge_sum(terms, total, evidence)
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
        Relation::Quotient(q) => judge_quotient(q, evidence),
        Relation::SameWhole { a, p, b, q } => judge_same_whole(a, p, b, q, evidence),
    }
}

impl Quotient {
    /// Σ ± figures at the chosen ends (`at(i)` gives figure i's value).
    fn sum(terms: &[(usize, bool)], at: impl Fn(usize) -> Option<Decimal>) -> Exact<Decimal> {
        let mut s = Decimal::ZERO;
        for &(i, negative) in terms {
            let v = at(i).ok_or(TooLarge)?;
            s = if negative {
                s.exact_sub(v)
            } else {
                s.exact_add(v)
            }
            .ok_or(TooLarge)?;
        }
        Ok(s)
    }
}

/// A quotient of sums of the same figures is monotone in each figure (a
/// linear-fractional function), so over the box of their intervals it ranges
/// between its values at the corners; each corner is compared with the
/// result's interval by cross-multiplication, without division. The range
/// (for the evidence) divides, exact to 28 significant digits.
fn judge_quotient(q: &Quotient, evidence: bool) -> Exact<Judgment> {
    let n = q.figures.len();
    if n == 0 || n > 10 {
        return Err(TooLarge);
    }
    let hundred = Decimal::ONE_HUNDRED;
    let offset = if q.change { hundred } else { Decimal::ZERO };
    let printed = |i: usize| q.figures.get(i).map(|f| f.value);
    let (num, den) = (
        Quotient::sum(&q.num, printed)?,
        Quotient::sum(&q.den, printed)?,
    );
    if den.is_zero() {
        return Ok(Judgment::skipped(Unjudged::DivisionByZero));
    }
    let target = q.result.value.exact_add(offset).ok_or(TooLarge)?;
    if exact_mul(target, den)? == exact_mul(hundred, num)? {
        return Ok(Judgment {
            verdict: Verdict::Exact,
            evidence: Evidence::Verdict,
        });
    }
    let intervals = q
        .figures
        .iter()
        .map(Interval::of)
        .collect::<Exact<Vec<_>>>()?;
    let expected = Interval::of(&q.result)?;
    let (slo, shi) = (
        expected.lo.exact_add(offset).ok_or(TooLarge)?,
        expected.hi.exact_add(offset).ok_or(TooLarge)?,
    );
    let (mut low_ok, mut high_ok) = (false, false);
    let mut corners = Vec::with_capacity(1 << n);
    for mask in 0u32..(1 << n) {
        let at = |i: usize| {
            intervals
                .get(i)
                .map(|iv| if mask & (1 << i) != 0 { iv.hi } else { iv.lo })
        };
        let (cn, cd) = (Quotient::sum(&q.num, at)?, Quotient::sum(&q.den, at)?);
        if cd.is_zero() || cd.is_sign_negative() != den.is_sign_negative() {
            return Ok(Judgment::skipped(Unjudged::MayBeZero));
        }
        // 100·cn/cd <= shi  <=>  100·cn <= shi·cd (cd > 0), reversed for cd < 0.
        let l = exact_mul(hundred, cn)?;
        let (h, h2) = (exact_mul(shi, cd)?, exact_mul(slo, cd)?);
        if cd > Decimal::ZERO {
            low_ok |= l <= h;
            high_ok |= l >= h2;
        } else {
            low_ok |= l >= h;
            high_ok |= l <= h2;
        }
        corners.push((cn, cd));
    }
    let verdict = if low_ok && high_ok {
        Verdict::Rounding
    } else {
        Verdict::Error
    };
    if !evidence {
        return Ok(Judgment {
            verdict,
            evidence: Evidence::Verdict,
        });
    }
    // For words only (the verdict is decided above without division): a
    // quotient is rounded to 28 digits already, so subtracting the offset
    // from it may round once more, harmlessly.
    #[allow(clippy::disallowed_methods)]
    let quot = |n: Decimal, d: Decimal| {
        n.exact_mul(hundred)
            .and_then(|x| x.checked_div(d))
            .and_then(|x| x.checked_sub(offset))
            .ok_or(TooLarge)
    };
    let value = quot(num, den)?;
    let mut range = Interval {
        lo: value,
        hi: value,
    };
    for (cn, cd) in corners {
        let v = quot(cn, cd)?;
        range.lo = range.lo.min(v);
        range.hi = range.hi.max(v);
    }
    Ok(Judgment {
        verdict,
        evidence: Evidence::Range {
            value,
            range,
            expected,
        },
    })
}

/// The whole 100·a/p a part and its share imply, as an interval (positive
/// figures only; `None` otherwise).
fn implied_whole(a: &PrintedNumber, p: &PrintedNumber) -> Exact<Option<Interval>> {
    let (ia, ip) = (Interval::of(a)?, Interval::of(p)?);
    if ia.lo <= Decimal::ZERO || ip.lo <= Decimal::ZERO {
        return Ok(None);
    }
    let q = |n: Decimal, d: Decimal| {
        n.exact_mul(Decimal::ONE_HUNDRED)
            .and_then(|x| x.checked_div(d))
            .ok_or(TooLarge)
    };
    Ok(Some(Interval {
        lo: q(ia.lo, ip.hi)?,
        hi: q(ia.hi, ip.lo)?,
    }))
}

/// a is p% of W and b is q% of W: exact when a·q = b·p; rounding when the
/// wholes' intervals meet (a_lo·q_lo ≤ b_hi·p_hi and b_lo·p_lo ≤ a_hi·q_hi,
/// by cross-multiplication); an error otherwise. The evidence: the whole
/// the first claim implies (value and range) and the range the second allows.
fn judge_same_whole(
    a: &PrintedNumber,
    p: &PrintedNumber,
    b: &PrintedNumber,
    q: &PrintedNumber,
    evidence: bool,
) -> Exact<Judgment> {
    let abs = |x: &PrintedNumber| PrintedNumber {
        value: x.value.abs(),
        ..*x
    };
    let (a, p, b, q) = (abs(a), abs(p), abs(b), abs(q));
    let (Some(wa), Some(wb)) = (implied_whole(&a, &p)?, implied_whole(&b, &q)?) else {
        return Ok(Judgment::skipped(Unjudged::MayBeZero));
    };
    if exact_mul(a.value, q.value)? == exact_mul(b.value, p.value)? {
        return Ok(Judgment {
            verdict: Verdict::Exact,
            evidence: Evidence::Verdict,
        });
    }
    let (ia, ip, ib, iq) = (
        Interval::of(&a)?,
        Interval::of(&p)?,
        Interval::of(&b)?,
        Interval::of(&q)?,
    );
    let meet = exact_mul(ia.lo, iq.lo)? <= exact_mul(ib.hi, ip.hi)?
        && exact_mul(ib.lo, ip.lo)? <= exact_mul(ia.hi, iq.hi)?;
    let verdict = if meet {
        Verdict::Rounding
    } else {
        Verdict::Error
    };
    if !evidence {
        return Ok(Judgment {
            verdict,
            evidence: Evidence::Verdict,
        });
    }
    let value = a
        .value
        .exact_mul(Decimal::ONE_HUNDRED)
        .and_then(|x| x.checked_div(p.value))
        .ok_or(TooLarge)?;
    Ok(Judgment {
        verdict,
        evidence: Evidence::Range {
            value,
            range: wa,
            expected: wb,
        },
    })
}

fn judge_sum(terms: &[Term], total: &PrintedNumber, evidence: bool) -> Exact<Judgment> {
    // Figures whose intervals cannot overflow (below 2^64 at under 20
    // decimals, a few hundred of them), so that the verdict is the one the
    // intervals would give.
    let small = |p: &PrintedNumber| p.value.mantissa().unsigned_abs() < 1 << 64 && p.decimals < 20;
    if !evidence && terms.len() <= 512 && small(total) && terms.iter().all(|t| small(&t.figure)) {
        // The verdict alone: an exact sum needs no intervals.
        let mut sum = Decimal::ZERO;
        for t in terms {
            sum = if t.negative {
                sum.exact_sub(t.figure.value)
            } else {
                sum.exact_add(t.figure.value)
            }
            .ok_or(TooLarge)?;
        }
        if sum == total.value {
            return Ok(Judgment {
                verdict: Verdict::Exact,
                evidence: Evidence::Verdict,
            });
        }
    }
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

/// [`judge_sum`]'s verdict in integers, for the figures a table mostly has
/// (mantissas below 2⁴⁸, at most 9 decimals, at most 512 terms): every
/// figure and half unit is an integer at one scale S ≤ 10, each below 2¹²⁰
/// and their sum below 2¹²⁷, so the sum and the ends of its interval are
/// the exact ones (and the decimal way, below 2⁹⁶ there, is never too
/// large). `None` for any other sum.
fn small_sum_verdict(terms: &[Term], total: &PrintedNumber) -> Option<Verdict> {
    let fits = |p: &PrintedNumber| {
        p.value.mantissa().unsigned_abs() < 1 << 48 && p.value.scale() <= 9 && p.decimals <= 9
    };
    if terms.len() > 512 || !fits(total) || !terms.iter().all(|t| fits(&t.figure)) {
        return None;
    }
    let scale = 1 + std::iter::once(total)
        .chain(terms.iter().map(|t| &t.figure))
        .map(|p| p.value.scale().max(p.decimals))
        .max()
        .unwrap_or(0);
    // Powers of ten up to the largest asked (a half of 10^12 at S = 10).
    const POW10: [i128; 22] = {
        let mut p = [1i128; 22];
        let mut i = 1;
        while i < p.len() {
            p[i] = p[i - 1] * 10;
            i += 1;
        }
        p
    };
    let pow10 = |e: u32| POW10.get(e as usize).copied();
    let at = |p: &PrintedNumber| Some(p.value.mantissa() * pow10(scale - p.value.scale())?);
    // `PrintedNumber::half_unit` at the scale: 5 · 10^(S - decimals - 1),
    // or half of 10^coarse for a figure rounded coarser than its digits.
    let half = |p: &PrintedNumber| -> Option<i128> {
        if p.exact {
            Some(0)
        } else if p.coarse > 0 && p.decimals == 0 {
            Some(5 * pow10(p.coarse.min(12) + scale - 1)?)
        } else {
            Some(5 * pow10(scale - p.decimals - 1)?)
        }
    };
    let (mut sum, mut slack) = (0i128, 0i128);
    for t in terms {
        let v = at(&t.figure)?;
        sum += if t.negative { -v } else { v };
        slack += half(&t.figure)?;
    }
    let (tv, th) = (at(total)?, half(total)?);
    Some(if sum == tv {
        Verdict::Exact
    } else if sum - slack <= tv + th && tv - th <= sum + slack {
        Verdict::Rounding
    } else {
        Verdict::Error
    })
}

/// The interval a printed share or percentage allows.
fn allowed(result: &PrintedNumber, allocated: bool) -> Exact<Interval> {
    if allocated {
        // Largest remainder moves a share by less than one last unit.
        let unit = result.half_unit().exact_mul(Decimal::TWO).ok_or(TooLarge)?;
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
    match small_ratio_verdict(a, b, result, change, allocated) {
        Some(v) => Ok(v),
        None => decimal_ratio_verdict(a, b, result, change, allocated),
    }
}

/// [`decimal_ratio_verdict`] in integers, for the figures a table mostly
/// has (mantissas below 2³¹, at most 7 decimals, rounded to their last
/// digit or exact): every figure and interval end is an integer at one
/// scale S ≤ 8 (below 2⁵⁸), so each product is below 2¹²⁴ and every
/// comparison is the same exact comparison of rationals. `None` for any
/// other figure.
fn small_ratio_verdict(
    a: &PrintedNumber,
    b: &PrintedNumber,
    result: &PrintedNumber,
    change: bool,
    allocated: bool,
) -> Option<Verdict> {
    const POW10: [i128; 9] = [
        1,
        10,
        100,
        1_000,
        10_000,
        100_000,
        1_000_000,
        10_000_000,
        100_000_000,
    ];
    let fits = |p: &PrintedNumber| {
        p.value.mantissa().unsigned_abs() < 1 << 31
            && p.value.scale() <= 7
            && p.decimals <= 7
            && (p.exact || p.coarse == 0)
    };
    if !(fits(a) && fits(b) && fits(result)) {
        return None;
    }
    if b.value.is_zero() {
        return Some(Verdict::Skipped);
    }
    let scale = 1 + [a, b, result]
        .iter()
        .map(|p| p.value.scale().max(p.decimals))
        .max()
        .unwrap_or(0);
    let unit = *POW10.get(scale as usize)?;
    let at = |p: &PrintedNumber| -> Option<i128> {
        Some(p.value.mantissa() * POW10.get((scale - p.value.scale()) as usize)?)
    };
    // Half the last printed unit, at the scale: 5 · 10^(S - decimals - 1).
    let half = |p: &PrintedNumber| -> Option<i128> {
        if p.exact {
            Some(0)
        } else {
            Some(5 * POW10.get((scale - p.decimals - 1) as usize)?)
        }
    };
    let hundred = 100i128;
    let offset = if change { hundred * unit } else { 0 };
    let (av, bv, rv) = (at(a)?, at(b)?, at(result)?);
    // (result + offset) · b = 100 · a, both sides at scale 2S.
    if (rv + offset) * bv == hundred * av * unit {
        return Some(Verdict::Exact);
    }
    let (ah, bh) = (half(a)?, half(b)?);
    let (mut n_lo, mut n_hi, mut d_lo, mut d_hi) = (av - ah, av + ah, bv - bh, bv + bh);
    if d_lo <= 0 && d_hi >= 0 {
        return Some(Verdict::Skipped);
    }
    if d_hi < 0 {
        (n_lo, n_hi, d_lo, d_hi) = (-n_hi, -n_lo, -d_hi, -d_lo);
    }
    let d_at_lo = if n_lo >= 0 { d_hi } else { d_lo };
    let d_at_hi = if n_hi >= 0 { d_lo } else { d_hi };
    let rh = if allocated {
        2 * half(result)?
    } else {
        half(result)?
    };
    let (slo, shi) = (rv - rh + offset, rv + rh + offset);
    let low_ok = hundred * n_lo * unit <= shi * d_at_lo;
    let high_ok = slo * d_at_hi <= hundred * n_hi * unit;
    Some(if low_ok && high_ok {
        Verdict::Rounding
    } else {
        Verdict::Error
    })
}

fn decimal_ratio_verdict(
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

    /// A figure of mantissa `m` at `scale`, printed with `decimals`.
    fn printed(m: i128, scale: u32, decimals: u32, exact: bool, coarse: u32) -> PrintedNumber {
        PrintedNumber {
            value: Decimal::from_i128_with_scale(m, scale),
            decimals,
            percent: false,
            exact,
            coarse,
        }
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
    fn quotients_of_sums_of_the_same_figures() {
        let q = |figs: &[&str], num: &[(usize, bool)], den: &[(usize, bool)], r: &str| {
            Relation::Quotient(Quotient {
                figures: figs.iter().map(|s| p(s)).collect(),
                num: num.to_vec(),
                den: den.to_vec(),
                result: p(r),
                change: false,
            })
            .judge()
        };
        let parts = [(0, false), (1, false)];
        // 3,5 / (3,5 + 2,6) = 57,377…%: 57,4% is rounding, 58,4% an error.
        let (v, d) = q(&["3,5", "2,6"], &[(0, false)], &parts, "57,4%");
        assert_eq!(v, Verdict::Rounding);
        assert_eq!(
            d,
            "3,5 / (3,5 + 2,6) = 57,377% lies in [56,557; 58,197], 57,4% allows [57,35; 57,45]"
        );
        // The part moves with the whole: [3,45/6,1 ; 3,55/6,1] = [56,56 ; 58,20]%.
        assert_eq!(
            q(&["3,5", "2,6"], &[(0, false)], &parts, "58,2%").0,
            Verdict::Rounding
        );
        assert_eq!(
            q(&["3,5", "2,6"], &[(0, false)], &parts, "58,3%").0,
            Verdict::Error
        );
        assert_eq!(
            q(&["1", "1"], &[(0, false)], &parts, "50%").0,
            Verdict::Exact
        );
        // A fall of 6.900 to 739.400 is 6.900 / 746.300 = 0,92%.
        let fall = [(1, false), (0, false)];
        assert_eq!(
            q(&["6.900", "739.400"], &[(0, false)], &fall, "0,9%").0,
            Verdict::Rounding
        );
        assert_eq!(
            q(&["6.900", "739.400"], &[(0, false)], &fall, "1,0%").0,
            Verdict::Error
        );
        // A denominator that may be zero is skipped.
        assert_eq!(
            q(&["1", "0,0"], &[(0, false)], &[(1, false)], "5%").0,
            Verdict::Skipped
        );
    }

    /// Issue 8 item 2: 10²⁴ / (10²⁴ + 0,0001) is 99,999…%, not 100%. A
    /// denominator that needs 29 digits is never rounded to 10²⁴ (which
    /// would make `100%` exact): the relation is skipped (too many digits).
    #[test]
    fn a_quotient_whose_sum_needs_a_29th_digit_is_skipped_not_exact() {
        let big = "1.000.000.000.000.000.000.000.000";
        let r = Relation::Quotient(Quotient {
            figures: vec![p(big), p("0,0001")],
            num: vec![(0, false)],
            den: vec![(0, false), (1, false)],
            result: p("100%"),
            change: false,
        });
        let j = judge(&r, true);
        assert_eq!(j.verdict, Verdict::Skipped);
        assert_eq!(j.evidence, Evidence::Unjudged(Unjudged::TooManyDigits));
        // With fewer digits it is judged (rounding: 99,999…% prints 100%).
        let r = Relation::Quotient(Quotient {
            figures: vec![p("10.000.000.000"), p("0,0001")],
            num: vec![(0, false)],
            den: vec![(0, false), (1, false)],
            result: p("100%"),
            change: false,
        });
        assert_eq!(judge(&r, false).verdict, Verdict::Rounding);
    }

    #[test]
    fn shares_of_one_unprinted_whole() {
        let w = |a: &str, pp: &str, b: &str, q: &str| {
            Relation::SameWhole {
                a: p(a),
                p: p(pp),
                b: p(b),
                q: p(q),
            }
            .judge()
        };
        assert_eq!(w("1.240", "4,0%", "620", "2,0%").0, Verdict::Exact);
        assert_eq!(w("1.240", "4,0%", "625", "2,0%").0, Verdict::Rounding);
        let (v, d) = w("1.240", "4,0%", "930", "4,5%");
        assert_eq!(v, Verdict::Error);
        assert_eq!(
            d,
            "1.240 / 4,0% = 930 / 4,5%: 4,0% of a whole in [30.604,9; 31.405,1] and 4,5% of a whole in \
             [20.428,6; 20.910,1], which cannot be the same whole: one of the figures is wrong"
        );
        assert_eq!(w("1", "0,0%", "930", "4,5%").0, Verdict::Skipped);
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

    proptest::proptest! {
        /// The verdict alone is the judgment's verdict for shares and
        /// percentage changes: figures of any size (past the integers' and
        /// the decimals' bounds), a whole of 0, exact and rounded figures.
        #[test]
        fn a_quotients_verdict_alone_is_its_judgments(
            figs in proptest::collection::vec(
                (-3_000_000_000i64..3_000_000_000, 0u32..12, 0u32..12, 0u8..6, 0u32..3, 0u8..8), 3),
            allocated in proptest::bool::ANY,
        ) {
            let fig = |&(m, scale, decimals, exact, coarse, size): &(i64, u32, u32, u8, u32, u8)| {
                // Now and then 0, or a mantissa of up to 28 digits.
                let m = match size {
                    0 => 0i128,
                    1 => i128::from(m) << 40,
                    2 => i128::from(m) * 10i128.pow(18),
                    _ => i128::from(m),
                };
                printed(m, scale, decimals, exact == 0, coarse)
            };
            let (a, b, r) = (fig(&figs[0]), fig(&figs[1]), fig(&figs[2]));
            let share = Relation::Share { part: a, whole: b, share: r, allocated };
            proptest::prop_assert_eq!(verdict(&share), judge(&share, false).verdict);
            let change = Relation::PercentChange { new: a, old: b, pct: r };
            proptest::prop_assert_eq!(verdict(&change), judge(&change, false).verdict);
        }

        /// A share's or change's verdict in integers is the verdict in
        /// exact decimals, wherever the integers give one (and they give
        /// one for every figure of a few digits, rounded to its last).
        #[test]
        fn small_ratio_verdicts_are_the_decimal_ones(
            figs in proptest::collection::vec(
                (-3_000_000_000i64..3_000_000_000, 0u32..9, 0u32..9, 0u8..8, 0u32..3), 3),
            change in proptest::bool::ANY, allocated in proptest::bool::ANY, near in 0u8..3,
        ) {
            let fig = |&(m, scale, decimals, exact, coarse): &(i64, u32, u32, u8, u32)| {
                // Mostly a figure printed to its own decimals, rounded.
                let (m, decimals, coarse) = if exact > 2 {
                    (m % 100_000, scale, 0)
                } else {
                    (m, decimals, coarse)
                };
                PrintedNumber {
                    value: Decimal::new(m, scale),
                    decimals,
                    percent: false,
                    exact: exact == 0,
                    coarse,
                }
            };
            let (a, b, mut r) = (fig(&figs[0]), fig(&figs[1]), fig(&figs[2]));
            // Now and then the share itself, to a decimal: exact or rounding.
            if near == 0 && !b.value.is_zero() {
                let offset = if change { Decimal::ONE_HUNDRED } else { Decimal::ZERO };
                let q = a.value.exact_mul(Decimal::ONE_HUNDRED).unwrap() / b.value - offset;
                let q = q.round_dp(1);
                if q.mantissa().unsigned_abs() < 1 << 31 {
                    r = PrintedNumber { value: q, decimals: q.scale(), percent: true, exact: false, coarse: 0 };
                }
            }
            let small = small_ratio_verdict(&a, &b, &r, change, allocated);
            if let Some(v) = small {
                proptest::prop_assert_eq!(Some(v), decimal_ratio_verdict(&a, &b, &r, change, allocated).ok());
            }
            let plain = |p: &PrintedNumber| {
                p.value.mantissa().unsigned_abs() < 1 << 31
                    && p.value.scale() <= 7 && p.decimals <= 7 && (p.exact || p.coarse == 0)
            };
            if plain(&a) && plain(&b) && plain(&r) {
                proptest::prop_assert!(small.is_some());
            }
        }

        /// A sum's verdict in integers is the verdict its intervals give,
        /// wherever the integers give one (and they give one for every sum of
        /// figures of a few digits), for figures of any size, decimals, sign
        /// and rounding.
        #[test]
        fn small_sum_verdicts_are_the_interval_ones(
            parts in proptest::collection::vec(
                (-3_000_000_000i64..3_000_000_000, 0u32..11, 0u32..11, 0u8..8, 0u32..14, proptest::bool::ANY), 1..8),
            total in (-3_000_000_000i64..3_000_000_000, 0u32..11, 0u32..11, 0u8..8, 0u32..14),
            exact in 0u8..5, huge in 0u8..8,
        ) {
            let fig = |(m, scale, decimals, exact, coarse): (i64, u32, u32, u8, u32)| {
                // Mostly a figure printed to its own decimals, rounded.
                let (m, decimals, coarse) = if exact > 2 {
                    (m % 100_000, scale, 0)
                } else if exact == 2 {
                    (m, 0, coarse)
                } else {
                    (m, decimals, coarse)
                };
                // Now and then beyond the integers' bounds (2^48).
                let m = if huge == 0 { i128::from(m) << 20 } else { i128::from(m) };
                printed(m, scale, decimals, exact == 0, coarse)
            };
            let terms: Vec<Term> = parts
                .iter()
                .map(|&(m, s, d, e, c, negative)| Term { negative, figure: fig((m, s, d, e, c)) })
                .collect();
            let mut total = fig(total);
            // Now and then the printed sum itself: exact, a last unit off,
            // or where the intervals just touch.
            if exact < 4 {
                let mut sum = Decimal::ZERO;
                let mut slack = total.half_unit();
                for t in &terms {
                    let v = if t.negative { -t.figure.value } else { t.figure.value };
                    sum = sum.exact_add(v).unwrap();
                    slack += t.figure.half_unit();
                }
                total.value = match exact {
                    0 => sum,
                    1 => sum + Decimal::new(1, sum.scale()),
                    2 => sum + slack,
                    _ => sum - slack,
                };
                if exact < 2 {
                    total.decimals = sum.scale();
                }
            }
            let small = small_sum_verdict(&terms, &total);
            let r = Relation::Sum { terms, total };
            if let Some(v) = small {
                proptest::prop_assert_eq!(v, judge(&r, true).verdict);
            }
            proptest::prop_assert_eq!(verdict(&r), judge(&r, true).verdict);
        }

        /// A sum's verdict is the same whether its words are wanted or not
        /// (the quick way adds the printed figures only and stops at an exact
        /// sum), for figures of any size, decimals and sign.
        #[test]
        fn a_sums_verdict_does_not_depend_on_describing_it(
            parts in proptest::collection::vec((-10_000_000i64..10_000_000, 0u32..4, proptest::bool::ANY), 1..8),
            total in -40_000_000i64..40_000_000, td in 0u32..4,
            exact in proptest::bool::ANY, huge in 0u8..6,
        ) {
            let fig = |m: i128, d: u32| {
                let value = Decimal::from_i128_with_scale(m, d);
                PrintedNumber { value, decimals: d, percent: false, exact: false, coarse: 0 }
            };
            let terms: Vec<Term> = parts
                .iter()
                .map(|&(m, d, negative)| Term { negative, figure: fig(i128::from(m), d) })
                .collect();
            // Now and then the printed sum itself (exact), now and then a
            // figure beyond 2^64 (the intervals' way only).
            let mut total = fig(i128::from(total), td);
            if exact {
                let mut sum = Decimal::ZERO;
                for t in &terms {
                    let v = if t.negative { -t.figure.value } else { t.figure.value };
                    sum = sum.exact_add(v).unwrap();
                }
                total = fig(sum.mantissa(), sum.scale());
            }
            if huge == 0 {
                let m = total.value.mantissa() * (1i128 << 66);
                if Decimal::try_from_i128_with_scale(m, total.decimals).is_ok() {
                    total = fig(m, total.decimals);
                }
            }
            let r = Relation::Sum { terms, total };
            proptest::prop_assert_eq!(judge(&r, false).verdict, judge(&r, true).verdict);
        }
    }
}
