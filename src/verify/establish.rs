//! Relations a table states, proposed from its labels and from its figures,
//! and the ones the table establishes.
//!
//! A relation named by a label (`I alt`, `Andel`, `Ændring 2025-26`, `A+B`)
//! is established by the label; where the label leaves the operands open
//! (which rows a total covers, which columns a `%` or an `Afvigelse` relates)
//! the candidates are tried and the figures choose. A relation found only
//! from the figures (a total without a total word, a difference row) is
//! established when it holds in at least two columns (or rows), fails in at
//! most one, and is unlikely to hold by chance: the chance that a figure
//! falls inside a relation's interval is about the interval's width over the
//! figure's size, multiplied over the places it holds and by the number of
//! candidates tried. Where nothing fits, a labelled relation is skipped with
//! the reason, never judged under a guess.
//!
//! Sums of figures here are exact ([`crate::money::Exact`]): one that would
//! lose a digit gives no reading (`None`), so no reading is chosen on a
//! rounded value. Only chances (scores, not amounts) round.

use std::collections::BTreeMap;

use super::figure::{Cell, Figure, Unit};
use super::grid::{ColKind, Grid, Role};
use super::judge::{Relation, Term, Verdict};
use crate::money::{round_half_away, Decimal, Exact as _};
use crate::numfmt::PrintedNumber;

/// A cell: (row, column) of the grid.
pub type At = (usize, usize);

/// What kind of relation (the corpus format's KIND).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Sum,
    Cross,
    Share,
    Change,
    #[serde(rename = "pctchange")]
    PctChange,
    Difference,
    Formula,
    Ratio,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Sum => "sum",
            Kind::Cross => "cross",
            Kind::Share => "share",
            Kind::Change => "change",
            Kind::PctChange => "pctchange",
            Kind::Difference => "difference",
            Kind::Formula => "formula",
            Kind::Ratio => "ratio",
        }
    }
}

/// The arithmetic of one relation between cells.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Expr {
    /// ± a ± b … = result. `shares`: a column of shares against its 100 %.
    Linear {
        terms: Vec<(bool, At)>,
        result: At,
        shares: bool,
    },
    /// result % = 100·num/den (− 100 when `change`); `abs` 1: divided by
    /// the denominator's size (an afvigelse in percent of a negative
    /// budget), 2: the ratio's size (afvigelse in % printed without sign).
    Ratio {
        num: At,
        den: At,
        result: At,
        change: bool,
        abs: u8,
    },
    /// result = rate % of base: a column whose header names its rate
    /// (`Lineær afskrivning 2,5%`); the rate is exact, as the header says.
    Rate { base: At, rate: Decimal, result: At },
    /// result = rate % of the sum of several rows (a moms row under the
    /// prices it is charged on); judged as the quotient of the result over
    /// the sum, each figure with its own interval.
    RateOfSum {
        bases: Vec<At>,
        rate: Decimal,
        result: At,
    },
    /// result = num / den, printed as a fraction (`0,301`), not in percent.
    Fraction { num: At, den: At, result: At },
    /// result % = 100 · part / (part + Σ others): a share of the row's
    /// parts (`Kvindeandel` = kvinder / (mænd + kvinder)).
    PartOf {
        part: At,
        others: Vec<At>,
        result: At,
    },
}

impl Expr {
    pub fn result(&self) -> At {
        match self {
            Expr::Linear { result, .. }
            | Expr::Ratio { result, .. }
            | Expr::Rate { result, .. }
            | Expr::RateOfSum { result, .. }
            | Expr::Fraction { result, .. }
            | Expr::PartOf { result, .. } => *result,
        }
    }

    pub fn cells(&self) -> Vec<At> {
        match self {
            Expr::Linear { terms, result, .. } => terms
                .iter()
                .map(|t| t.1)
                .chain(std::iter::once(*result))
                .collect(),
            Expr::Ratio {
                num, den, result, ..
            } => vec![*num, *den, *result],
            Expr::Rate { base, result, .. } => vec![*base, *result],
            Expr::RateOfSum { bases, result, .. } => bases
                .iter()
                .copied()
                .chain(std::iter::once(*result))
                .collect(),
            Expr::Fraction { num, den, result } => vec![*num, *den, *result],
            Expr::PartOf {
                part,
                others,
                result,
            } => std::iter::once(*part)
                .chain(others.iter().copied())
                .chain(std::iter::once(*result))
                .collect(),
        }
    }
}

/// One relation the table states, or a labelled one that cannot be judged.
#[derive(Clone, Debug)]
pub struct Instance {
    pub kind: Kind,
    /// `I alt [2025]: sum of 2 rows`
    pub name: Name,
    pub at: At,
    pub what: Result<Expr, String>,
}

/// A relation's name, written out only where it is printed ([`Name::text`]):
/// under `--quiet` most relations hold and are never named, and a table
/// names a relation for every cell it judges.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Name {
    /// Written out already.
    Text(String),
    /// [`relation_name`] of the label of the relation's row, the header of
    /// its column, and this (`sum of 2 rows`), shared by the relations of
    /// one reading.
    At(std::sync::Arc<str>),
    /// A share of the total in row `total`: `Center 1 [Andel]: share of
    /// "I alt"`.
    ShareOf { total: usize },
}

impl Name {
    /// The name written out for a relation at `at` of `g`.
    pub fn text(self, g: &Grid, at: At) -> String {
        let label = |r: usize| g.rows.get(r).map_or("", |row| row.label.as_str());
        let header = g.cols.get(at.1).map_or("", |c| c.header.as_str());
        match self {
            Name::Text(t) => t,
            Name::At(what) => relation_name(label(at.0), header, &[&what]),
            Name::ShareOf { total } => {
                relation_name(label(at.0), header, &["share of ", &quoted(label(total))])
            }
        }
    }

    /// Not named yet (`share_cand`'s readings, named once chosen).
    pub fn is_empty(&self) -> bool {
        matches!(self, Name::Text(t) if t.is_empty())
    }
}

impl From<String> for Name {
    fn from(text: String) -> Name {
        Name::Text(text)
    }
}

/// Figures substituted for the printed ones (attribution tries corrections).
pub type Overrides = BTreeMap<At, Figure>;

fn fig(g: &Grid, at: At, o: &Overrides) -> Option<Cell> {
    if let Some(f) = o.get(&at) {
        return Some(Cell::Fig(*f));
    }
    g.rows.get(at.0).and_then(|r| r.cells.get(at.1)).cloned()
}

/// The money unit a relation's figures are judged in: the largest of them.
fn common_unit<'a>(figs: impl IntoIterator<Item = &'a Figure>) -> Option<u32> {
    figs.into_iter()
        .filter_map(|f| match f.unit {
            Some(Unit::Money(e)) => Some(e),
            _ => None,
        })
        .max()
}

fn label_of(g: &Grid, r: usize) -> &str {
    g.rows.get(r).map_or("", |r| r.label.as_str())
}

/// A sum's terms (each passed to `push`, in order) and its total, all
/// printed in their common unit ([`relation`]'s `Expr::Linear`). The
/// figures are looked up twice, once for the unit and once to convert them,
/// so that no list is made between: [`fare_now`] keeps the terms on the
/// stack.
fn linear_parts(
    g: &Grid,
    terms: &[(bool, At)],
    result: At,
    o: &Overrides,
    mut push: impl FnMut(Term),
) -> Result<PrintedNumber, String> {
    let get = |at: At, zero_dash: bool| -> Result<Option<Figure>, String> {
        match fig(g, at, o) {
            Some(Cell::Fig(f)) => Ok(Some(f)),
            other => no_figure_at(g, at, zero_dash, other),
        }
    };
    let tot = get(result, false)?.ok_or_else(|| "no total".to_string())?;
    // The money unit of the figures and the total: the largest.
    let mut u = common_unit([&tot]);
    let mut any = false;
    for (_, at) in terms {
        if let Some(f) = get(*at, true)? {
            let f = super::column_relations::counted_like(f, &tot);
            u = u.max(common_unit([&f]));
            any = true;
        }
    }
    if !any {
        return Err("no figures to add (-)".to_string());
    }
    let conv = |f: &Figure| {
        f.printed_in(u)
            .ok_or_else(|| "the units cannot be converted exactly".to_string())
    };
    let total = conv(&tot)?;
    for (negative, at) in terms {
        if let Some(f) = get(*at, true)? {
            let f = super::column_relations::counted_like(f, &tot);
            push(Term {
                negative: *negative,
                figure: conv(&f)?,
            });
        }
    }
    Ok(total)
}

/// The judge's relation for an instance, with figures converted to one unit.
pub fn relation(g: &Grid, e: &Expr, o: &Overrides) -> Result<Relation, String> {
    // A figure, the usual case, answered here; any other cell by
    // `no_figure_at`, out of the way (a relation asks this of each cell).
    let get = |at: At, zero_dash: bool| -> Result<Option<Figure>, String> {
        match fig(g, at, o) {
            Some(Cell::Fig(f)) => Ok(Some(f)),
            other => no_figure_at(g, at, zero_dash, other),
        }
    };
    match e {
        Expr::Linear {
            terms,
            result,
            shares,
        } => {
            let mut ts = Vec::with_capacity(terms.len());
            let total = linear_parts(g, terms, *result, o, |t| ts.push(t))?;
            Ok(if *shares {
                Relation::ShareSum { terms: ts, total }
            } else {
                Relation::Sum { terms: ts, total }
            })
        }
        Expr::Ratio {
            num,
            den,
            result,
            change,
            abs,
        } => {
            let n = get(*num, false)?.ok_or("no figure")?;
            let d = get(*den, false)?.ok_or("no figure")?;
            let r = get(*result, false)?.ok_or("no figure")?;
            let (mut n, mut d) = in_common_unit(n, d)?;
            if *abs >= 1 {
                d.value = d.value.abs();
            }
            if *abs == 2 {
                n.value = n.value.abs();
            }
            let r = PrintedNumber {
                percent: true,
                ..r.printed_in(None).ok_or("no figure")?
            };
            if d.value.is_zero() {
                return Err(format!("{:?}: divides by 0", label_of(g, den.0)));
            }
            Ok(if *change {
                Relation::PercentChange {
                    new: n,
                    old: d,
                    pct: r,
                }
            } else {
                Relation::Share {
                    part: n,
                    whole: d,
                    share: r,
                    allocated: false,
                }
            })
        }
        Expr::Rate { base, rate, result } => {
            let b = get(*base, false)?.ok_or("no figure")?;
            let r = get(*result, false)?.ok_or("no figure")?;
            let (b, r) = in_common_unit(b, r)?;
            if b.value.is_zero() {
                return Err(format!("{:?}: divides by 0", label_of(g, base.0)));
            }
            Ok(Relation::Share {
                part: r,
                whole: b,
                share: PrintedNumber {
                    value: *rate,
                    decimals: rate.scale(),
                    percent: true,
                    exact: true,
                    coarse: 0,
                },
                allocated: false,
            })
        }
        Expr::PartOf {
            part,
            others,
            result,
        } => part_of(g, *part, others, *result, o),
        Expr::RateOfSum {
            bases,
            rate,
            result,
        } => rate_of_sum(g, bases, *rate, *result, o),
        Expr::Fraction { num, den, result } => {
            let n = get(*num, false)?.ok_or("no figure")?;
            let d = get(*den, false)?.ok_or("no figure")?;
            let r = get(*result, false)?.ok_or("no figure")?;
            let (n, d) = in_common_unit(n, d)?;
            if d.value.is_zero() {
                return Err(format!("{:?}: divides by 0", label_of(g, den.0)));
            }
            Ok(Relation::Share {
                part: n,
                whole: d,
                share: fraction_in_percent(&r.printed_in(None).ok_or("no figure")?)
                    .ok_or("the fraction cannot be read in percent exactly")?,
                allocated: false,
            })
        }
    }
}

/// [`relation`]'s reading of a cell that holds no figure (`cell`): an empty
/// part, like `-`, is nothing (`zero_dash`); where reading it so makes the
/// relation fail, it is not judged (see `fare` and attribute.rs): it may be
/// a figure not printed. Otherwise why the relation cannot be judged.
#[cold]
fn no_figure_at(
    g: &Grid,
    at: At,
    zero_dash: bool,
    cell: Option<Cell>,
) -> Result<Option<Figure>, String> {
    match cell {
        Some(Cell::Fig(f)) => Ok(Some(f)),
        Some(Cell::Dash) if zero_dash => Ok(None),
        Some(Cell::Empty | Cell::Text) if zero_dash && printed_empty(g, at) => Ok(None),
        Some(Cell::Text) => Err(format!(
            "{:?} has {:?}, not a figure",
            label_of(g, at.0),
            g.rows[at.0].text(at.1).unwrap_or("")
        )),
        Some(Cell::Dash) => Err(format!("{:?} has no figure (-)", label_of(g, at.0))),
        _ => Err(format!("{:?} has no figure", label_of(g, at.0))),
    }
}

/// The figures of `first` and `rest`, in that order, printed in their
/// common unit, converted exactly: the terms of a quotient of sums.
fn figures_in_common_unit(
    g: &Grid,
    first: At,
    rest: &[At],
    o: &Overrides,
) -> Result<Vec<PrintedNumber>, String> {
    let mut figs = Vec::with_capacity(rest.len() + 1);
    for &at in std::iter::once(&first).chain(rest) {
        figs.push(figure_at(g, at, o)?);
    }
    let u = common_unit(&figs);
    let mut figures = Vec::with_capacity(figs.len());
    for f in &figs {
        figures.push(
            f.printed_in(u)
                .ok_or_else(|| "the units cannot be converted exactly".to_string())?,
        );
    }
    Ok(figures)
}

fn figure_at(g: &Grid, at: At, o: &Overrides) -> Result<Figure, String> {
    match fig(g, at, o) {
        Some(Cell::Fig(f)) => Ok(f),
        _ => Err(format!("{:?} has no figure", label_of(g, at.0))),
    }
}

/// The judge's quotient for a share of a row's parts.
fn part_of(
    g: &Grid,
    part: At,
    others: &[At],
    result: At,
    o: &Overrides,
) -> Result<Relation, String> {
    let figures = figures_in_common_unit(g, part, others, o)?;
    let r = figure_at(g, result, o)?;
    let result = PrintedNumber {
        percent: true,
        ..r.printed_in(None).ok_or("no figure")?
    };
    Ok(Relation::Quotient(super::judge::Quotient {
        num: vec![(0, false)],
        den: (0..figures.len()).map(|i| (i, false)).collect(),
        figures,
        result,
        change: false,
    }))
}

/// `result` = `rate` % of the sum of `bases`, as the quotient
/// 100 · result / Σ bases against the rate, which is exact.
fn rate_of_sum(
    g: &Grid,
    bases: &[At],
    rate: Decimal,
    result: At,
    o: &Overrides,
) -> Result<Relation, String> {
    let figures = figures_in_common_unit(g, result, bases, o)?;
    if figures[1..].iter().all(|f| f.value.is_zero()) {
        return Err(format!("{:?}: divides by 0", label_of(g, result.0)));
    }
    Ok(Relation::Quotient(super::judge::Quotient {
        num: vec![(0, false)],
        den: (1..figures.len()).map(|i| (i, false)).collect(),
        figures,
        result: PrintedNumber {
            value: rate,
            decimals: rate.scale(),
            percent: true,
            exact: true,
            coarse: 0,
        },
        change: false,
    }))
}

/// The two figures of a quotient printed in their common unit, converted
/// exactly (a rate's base and amount, a ratio's or fraction's terms).
fn in_common_unit(a: Figure, b: Figure) -> Result<(PrintedNumber, PrintedNumber), String> {
    let u = common_unit(&[a, b]);
    let conv = |f: &Figure| {
        f.printed_in(u)
            .ok_or_else(|| "the units cannot be converted exactly".to_string())
    };
    Ok((conv(&a)?, conv(&b)?))
}

/// A fraction printed `0,301` read as the percentage `30,1%` with the same
/// interval: two decimals fewer, or (printed with fewer than two) rounded
/// to tens or hundreds of a percent.
fn fraction_in_percent(p: &PrintedNumber) -> Option<PrintedNumber> {
    let value = p.value.exact_mul(Decimal::ONE_HUNDRED)?;
    let (decimals, coarse) = if p.decimals >= 2 {
        (p.decimals - 2, 0)
    } else {
        (0, 2 - p.decimals)
    };
    let mut value = value;
    value.rescale(decimals);
    Some(PrintedNumber {
        value,
        decimals,
        percent: true,
        exact: p.exact,
        coarse,
    })
}

/// A cell printed empty inside its row (not one missing past a short
/// row's end), or printed as dots (`...`, `..`, `…`: statistics' sign for
/// nothing to show).
pub fn printed_empty(g: &Grid, at: At) -> bool {
    g.rows.get(at.0).is_some_and(|r| match r.cells.get(at.1) {
        Some(Cell::Empty) => at.1 < r.printed,
        Some(Cell::Text) => r.text(at.1).is_some_and(|t| {
            let t = t.trim();
            !t.is_empty() && t.chars().all(|c| c == '.' || c == '…')
        }),
        _ => false,
    })
}

/// A part of the relation is an empty cell (read as nothing).
pub fn empty_part(g: &Grid, e: &Expr, o: &Overrides) -> bool {
    e.cells()
        .into_iter()
        .any(|at| !o.contains_key(&at) && printed_empty(g, at))
}

/// How a relation fares on the printed figures: the verdict, whether it is
/// trivial (zeros), and the chance it holds by coincidence.
#[derive(Clone, Copy, Debug)]
struct Fare {
    verdict: Verdict,
    trivial: bool,
    /// What the chance is computed from, when it is asked for: a
    /// division per relation, which most callers never read.
    odds: Odds,
}

/// The operands of [`Fare::chance`]: [`ratio_of`]'s width and size, or
/// what tells where to find them. Small, as every fare remembered holds
/// one (a quotient's three pairs of figures made a fare three times the
/// size, copied in and out of the memo at every look-up).
#[derive(Clone, Copy, Debug)]
enum Odds {
    One,
    Ratio(Decimal, Decimal),
    /// A sum that holds, not trivially, on the printed figures: its
    /// intervals' width over its largest figure ([`sum_odds`]), worked out
    /// from the relation again only when the chance is asked for (most
    /// callers never ask).
    Sum,
    /// A printed figure's own interval over it, at least one unit of its
    /// last digit.
    Printed(PrintedNumber),
    /// A quotient found from the figures alone (an [`Expr::Fraction`]) on
    /// the printed figures: [`fraction_chance`] of the relation, worked out
    /// again when the chance is asked for.
    Fraction,
    /// The chance itself (a fraction's on figures overridden, which are
    /// not remembered).
    Chance(Decimal),
}

impl Fare {
    /// The chance the relation `e` holds by coincidence on `g`'s printed
    /// figures (1 where it does not hold, or trivially: no caller reads it
    /// there).
    fn chance(&self, g: &Grid, e: &Expr) -> Decimal {
        match self.odds {
            Odds::One => Decimal::ONE,
            Odds::Ratio(w, s) => ratio_of(w, s),
            Odds::Sum => match relation(g, e, &Overrides::new()) {
                Ok(Relation::Sum { terms, total } | Relation::ShareSum { terms, total }) => {
                    let (w, s) = sum_odds(&terms, &total);
                    ratio_of(w, s)
                }
                _ => Decimal::ONE,
            },
            Odds::Printed(p) => ratio_of(
                (p.half_unit() * Decimal::TWO).max(Decimal::new(1, p.decimals)),
                p.value,
            ),
            Odds::Fraction => match relation(g, e, &Overrides::new()) {
                Ok(Relation::Share {
                    part, whole, share, ..
                }) => fraction_chance(&part, &whole, &share),
                _ => Decimal::ONE,
            },
            Odds::Chance(p) => p,
        }
    }
}

/// The chance a quotient found from the figures alone holds by coincidence:
/// as likely as the quotient's own interval is wide (a base of 9,4 årsværk
/// carries ±0,5 %), not only the printed result's.
fn fraction_chance(part: &PrintedNumber, whole: &PrintedNumber, share: &PrintedNumber) -> Decimal {
    let own = ratio_of(
        (share.half_unit() * Decimal::TWO).max(Decimal::new(1, share.decimals)),
        share.value,
    );
    let operands = ratio_of(part.half_unit() * Decimal::TWO, part.value)
        + ratio_of(whole.half_unit() * Decimal::TWO, whole.value);
    own.max(operands.min(Decimal::ONE))
}

/// A rough chance: the interval's width over the figure's size, in [1e-9, 1].
fn ratio_of(width: Decimal, size: Decimal) -> Decimal {
    if size.is_zero() {
        return Decimal::ONE;
    }
    let q = width.checked_div(size.abs()).unwrap_or(Decimal::ONE);
    q.clamp(Decimal::new(1, 9), Decimal::ONE)
}

/// How sums fare on a grid's printed figures, remembered: the engine scores
/// a labelled total's readings (`fits`, then `pick`), then its guards score
/// the chosen one again, so each sum is judged once per table. Lives with
/// the grid it was computed on (cleared when the engine changes the grid's
/// figures); never consulted with figures overridden. Sums are judged
/// several times (`fits`, `pick`, the guards); a quotient is scored once by
/// the engine and looked up once more by `--quiet`'s lean judge stage
/// (`attribute::lean_verdict`): 1 % fewer instructions there, 0,6 % more
/// where every check is worded.
#[derive(Clone, Debug, Default)]
pub struct Fares(std::cell::RefCell<FareMemo>);

/// The remembered fares of one grid: a small table's few relations in a
/// list looked through (each compared by its result cell first, so a look-up
/// costs a few comparisons, less than hashing a sum's terms), a larger
/// table's in a hash map (so time stays linear in its relations).
#[derive(Clone, Debug, Default)]
struct FareMemo {
    /// Each with its relation's result cell, compared first.
    few: Vec<(At, Expr, Fare)>,
    many: std::collections::HashMap<Expr, Fare, std::hash::BuildHasherDefault<CellHasher>>,
}

impl FareMemo {
    /// How many fares the list holds before they move into the map.
    const FEW: usize = 32;

    /// How many fares the map holds at most (some 10 MB).
    const MOST: usize = 65_536;

    fn get(&self, e: &Expr) -> Option<Fare> {
        if self.many.is_empty() {
            let result = e.result();
            self.few
                .iter()
                .find(|(at, k, _)| *at == result && k == e)
                .map(|(_, _, f)| *f)
        } else {
            self.many.get(e).copied()
        }
    }

    fn insert(&mut self, e: &Expr, f: Fare) {
        if !self.many.is_empty() {
            // Full: what is not remembered is worked out again, the same
            // (a long table's readings filled it with tens of MB).
            if self.many.len() >= Self::MOST {
                return;
            }
            self.many.insert(e.clone(), f);
        } else if self.few.len() < Self::FEW {
            if self.few.capacity() == 0 {
                // Room for a small table's relations at once.
                self.few.reserve(16);
            }
            self.few.push((e.result(), e.clone(), f));
        } else {
            self.many.reserve(2 * Self::FEW);
            self.many.extend(self.few.drain(..).map(|(_, k, f)| (k, f)));
            self.many.insert(e.clone(), f);
        }
    }
}

/// A hasher for cell positions (small integers), much cheaper than the
/// default SipHash; the keys are positions in one table, not chosen freely.
#[derive(Default)]
pub struct CellHasher(u64);

impl std::hash::Hasher for CellHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u8(&mut self, x: u8) {
        self.write_u64(u64::from(x));
    }
    fn write_u32(&mut self, x: u32) {
        self.write_u64(u64::from(x));
    }
    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64);
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

fn fare(g: &Grid, e: &Expr, o: &Overrides) -> Fare {
    let keep = o.is_empty();
    if keep {
        if let Some(f) = g.fares.0.borrow().get(e) {
            return f;
        }
    }
    let f = fare_now(g, e, o);
    if keep {
        g.fares.0.borrow_mut().insert(e, f);
    }
    f
}

/// A sum's intervals' width (at least one unit of the total's last digit)
/// and its largest figure's size: the operands of its chance.
fn sum_odds(terms: &[Term], total: &PrintedNumber) -> (Decimal, Decimal) {
    let mut width = total.half_unit() * Decimal::TWO;
    let unit = Decimal::new(1, total.decimals);
    let mut size = total.value.abs();
    for t in terms {
        width += t.figure.half_unit() * Decimal::TWO;
        size = size.max(t.figure.value.abs());
    }
    (width.max(unit), size)
}

fn fare_now(g: &Grid, e: &Expr, o: &Overrides) -> Fare {
    // A sum of a few terms, the usual relation, judged from its terms kept
    // on the stack: no relation is built (which took a list of its terms).
    if let Expr::Linear { terms, result, .. } = e {
        if terms.len() <= SUM_ON_STACK {
            let mut buf = [Term::default(); SUM_ON_STACK];
            let mut n = 0;
            let parts = linear_parts(g, terms, *result, o, |t| {
                if let Some(slot) = buf.get_mut(n) {
                    *slot = t;
                }
                n += 1;
            });
            let Ok(total) = parts else {
                return SKIPPED_FARE;
            };
            let terms = buf.get(..n).unwrap_or_default();
            let verdict = super::judge::sum_verdict(terms, &total);
            return sum_fare(g, e, o, verdict, terms, &total);
        }
    }
    let Ok(rel) = relation(g, e, o) else {
        return SKIPPED_FARE;
    };
    fare_of(g, e, o, super::judge::verdict(&rel), &rel)
}

/// The most terms [`fare_now`] keeps on the stack.
const SUM_ON_STACK: usize = 16;

/// How a relation that cannot be built fares.
const SKIPPED_FARE: Fare = Fare {
    verdict: Verdict::Skipped,
    trivial: true,
    odds: Odds::One,
};

/// How a sum fares, given its verdict ([`fare_now`]).
fn sum_fare(
    g: &Grid,
    e: &Expr,
    o: &Overrides,
    mut verdict: Verdict,
    terms: &[Term],
    total: &PrintedNumber,
) -> Fare {
    if verdict == Verdict::Error && empty_part(g, e, o) {
        verdict = Verdict::Skipped;
    }
    let holds = matches!(verdict, Verdict::Exact | Verdict::Rounding);
    let nonzero = terms.iter().filter(|t| !t.figure.value.is_zero()).count();
    // One term: a figure carried from another column (`Overført fra
    // tidligere år` = last year's `Akkumuleret resultat`).
    let carried = terms.len() == 1 && nonzero == 1 && !total.value.is_zero();
    // A zero from two equal figures (`x - x = 0`) proves nothing.
    let trivial = (nonzero < 2 && !carried) || total.value.is_zero();
    let odds = if holds && !trivial {
        if o.is_empty() {
            Odds::Sum
        } else {
            let (w, s) = sum_odds(terms, total);
            Odds::Ratio(w, s)
        }
    } else {
        Odds::One
    };
    Fare {
        verdict,
        trivial,
        odds,
    }
}

/// How a relation fares, given its verdict ([`fare_now`]).
fn fare_of(g: &Grid, e: &Expr, o: &Overrides, mut verdict: Verdict, rel: &Relation) -> Fare {
    if let Relation::Sum { terms, total } | Relation::ShareSum { terms, total } = rel {
        return sum_fare(g, e, o, verdict, terms, total);
    }
    if verdict == Verdict::Error && empty_part(g, e, o) {
        verdict = Verdict::Skipped;
    }
    let (trivial, odds) = match rel {
        // A rate the header names is exact: the chance is the part's
        // interval over the part (66.455.062 to the krone).
        Relation::Share { part, share, .. } if share.exact => (
            part.value.is_zero() || share.value.is_zero(),
            Odds::Printed(*part),
        ),
        // A quotient found from the figures alone ([`fraction_chance`]).
        Relation::Share {
            part, whole, share, ..
        } if matches!(e, Expr::Fraction { .. }) => (
            part.value.is_zero() || share.value.is_zero(),
            if o.is_empty() {
                Odds::Fraction
            } else {
                Odds::Chance(fraction_chance(part, whole, share))
            },
        ),
        Relation::Share { part, share, .. } => (
            part.value.is_zero() || share.value.is_zero(),
            Odds::Printed(*share),
        ),
        Relation::PercentChange { new, old, pct } => (
            new.value == old.value || pct.value.is_zero(),
            Odds::Ratio(Decimal::new(1, pct.decimals) * Decimal::TWO, pct.value),
        ),
        // A share of a row's parts (column_relations.rs).
        Relation::Quotient(q) if matches!(e, Expr::PartOf { .. }) => (
            q.result.value.is_zero() || q.figures.first().is_none_or(|f| f.value.is_zero()),
            Odds::Printed(q.result),
        ),
        // A rate of a sum (moms_rows.rs): the rate is exact, so the chance
        // is the result's interval over the result, as a named rate's.
        Relation::Quotient(q) if matches!(e, Expr::RateOfSum { .. }) => (
            q.figures.first().is_none_or(|f| f.value.is_zero()),
            q.figures.first().map_or(Odds::One, |f| Odds::Printed(*f)),
        ),
        // The claim reader's relations; a table is never read into them, and
        // one that were would establish nothing.
        // (Sums: [`sum_fare`], above.)
        Relation::Quotient(_)
        | Relation::SameWhole { .. }
        | Relation::Sum { .. }
        | Relation::ShareSum { .. } => (true, Odds::One),
    };
    Fare {
        verdict,
        trivial,
        odds,
    }
}

/// A candidate reading: instances that stand or fall together (one per
/// column for a row relation, one per row for a column relation).
#[derive(Clone, Debug)]
pub struct Candidate {
    pub instances: Vec<Instance>,
    pub what: String,
    /// The reading the domain expects when the figures fit several equally
    /// (an afvigelse in percent of the budget it was computed from).
    pub prefer: bool,
}

#[derive(Clone, Copy, Debug, Default)]
struct Score {
    holds: usize,
    trivial: usize,
    fails: usize,
    chance: Decimal,
}

/// How a candidate fares; `chance`: with the product of the chances where
/// it holds (a division each; left at 1 where the caller does not read it).
fn score(g: &Grid, c: &Candidate, chance: bool) -> Score {
    let mut s = Score {
        chance: Decimal::ONE,
        ..Score::default()
    };
    let printed = Overrides::new();
    for i in &c.instances {
        let Ok(e) = &i.what else { continue };
        let f = fare(g, e, &printed);
        match f.verdict {
            Verdict::Exact | Verdict::Rounding if f.trivial => s.trivial += 1,
            Verdict::Exact | Verdict::Rounding => {
                s.holds += 1;
                if chance {
                    // A chance is a score, not an amount: a product past 28
                    // digits is a chance of almost zero either way.
                    #[allow(clippy::disallowed_methods)]
                    let p = s
                        .chance
                        .checked_mul(f.chance(g, e))
                        .unwrap_or(Decimal::ZERO);
                    s.chance = p;
                }
            }
            Verdict::Error => s.fails += 1,
            Verdict::Skipped => {}
        }
    }
    s
}

/// The chance a reading that FAILS somewhere holds by coincidence where it
/// holds, counting how round its figures are: figures that are all
/// multiples of a step (a savings catalogue's `-250`, `-500`, `-750`) meet
/// in a sum about once in `size / step` tries, not once in `size / width`
/// (three proposals of `-250`/`-500` add up in most years by chance). An
/// error is reported on such a reading only where this chance is small too;
/// a reading that holds everywhere keeps [`score`]'s chance (it reports no
/// error).
///
/// A sum's place whose figures repeat a place already counted (the same
/// proposal in every year) is no new evidence and counts once. A sum's
/// place is no more telling than the change from the place counted before
/// it: where one proposal is the same each year and the others grow by
/// the same round `-100` (`-100 - 400 = -500`, then `-200 - 400 = -600`),
/// the second place holds as soon as the first does ([`change_chance`]).
fn stepped_chance(g: &Grid, c: &Candidate) -> Decimal {
    let printed = Overrides::new();
    let mut seen: Vec<Vec<(Decimal, u32)>> = Vec::new();
    let mut chance = Decimal::ONE;
    for i in &c.instances {
        let Ok(e) = &i.what else { continue };
        let f = fare(g, e, &printed);
        if f.trivial || !matches!(f.verdict, Verdict::Exact | Verdict::Rounding) {
            continue;
        }
        let figures: Vec<(Decimal, u32)> = e
            .cells()
            .into_iter()
            .filter_map(|at| match fig(g, at, &printed) {
                Some(Cell::Fig(x)) => Some((x.value, x.decimals)),
                _ => None,
            })
            .collect();
        // Repeats count once in a sum only: a quotient's chance is already
        // that of its own interval.
        let sum = sum_place(g, e);
        let mut place = sum.map_or_else(|| f.chance(g, e), place_of_sum);
        if matches!(e, Expr::Linear { .. }) {
            if seen.contains(&figures) {
                continue;
            }
            if let (Some(before), Some((width, _, step))) = (seen.last(), sum) {
                place = place.max(change_chance(width, step, before, &figures));
            }
            seen.push(figures);
        }
        // A chance is a score, not an amount (as in `score`).
        #[allow(clippy::disallowed_methods)]
        let q = chance.checked_mul(place).unwrap_or(Decimal::ZERO);
        chance = q;
    }
    chance
}

/// One holding place's chance, counting its figures' step (a sum's; other
/// relations keep their chance).
fn stepped_place_chance(g: &Grid, e: &Expr, f: Fare) -> Decimal {
    sum_place(g, e).map_or_else(|| f.chance(g, e), place_of_sum)
}

/// A sum's (width, size, step) on the printed figures ([`sum_odds`],
/// [`figure_step`]); none where the relation is no sum.
fn sum_place(g: &Grid, e: &Expr) -> Option<(Decimal, Decimal, Decimal)> {
    match relation(g, e, &Overrides::new()) {
        Ok(Relation::Sum { terms, total }) => {
            let (w, s) = sum_odds(&terms, &total);
            let step = figure_step(terms.iter().map(|t| &t.figure).chain([&total]));
            Some((w, s, step))
        }
        _ => None,
    }
}

/// A sum's place chance from its [`sum_place`]: `max(width, step) / size`.
fn place_of_sum((width, size, step): (Decimal, Decimal, Decimal)) -> Decimal {
    ratio_of(width.max(step), size)
}

/// The chance that a sum's place holds by coincidence GIVEN that the place
/// `before` it (the same terms in another column) holds, where only ONE of
/// its terms changed: that the total changed by as much, about once in
/// `size / step` of the change (a proposal that grows by `-100` each year
/// beside one that stays: near one; a budget line that grows by `32`: once
/// in some ten). Where two terms or more change, the places are taken as
/// independent (zero: the place keeps its own chance), and so where the two
/// places' figures do not pair up. `width` and `step`: the place's own
/// ([`sum_place`]).
fn change_chance(
    width: Decimal,
    step: Decimal,
    before: &[(Decimal, u32)],
    figures: &[(Decimal, u32)],
) -> Decimal {
    let terms_changed = figures
        .iter()
        .zip(before)
        .rev()
        .skip(1)
        .filter(|(now, then)| now.0 != then.0)
        .count();
    if before.len() != figures.len() || terms_changed > 1 {
        return Decimal::ZERO;
    }
    // Only round figures: a budget's `29,4 + 3,0 = 32,4`, then `29,4 + 6,0
    // = 35,4`, is two places of their own (a reader sees the total in
    // both), while `-100 - 400 = -500`, then `-200 - 400 = -600`, is one
    // round proposal growing beside another.
    if step <= width {
        return Decimal::ZERO;
    }
    let mut changes = Vec::with_capacity(figures.len());
    for (&(now, d), &(then, e)) in figures.iter().zip(before) {
        let Some(change) = now.exact_sub(then) else {
            return Decimal::ZERO;
        };
        changes.push((change, d.max(e)));
    }
    let size = changes
        .iter()
        .map(|(c, _)| c.abs())
        .max()
        .unwrap_or(Decimal::ZERO);
    ratio_of(width.max(round_step(&changes)), size)
}

/// The largest ROUND step all these figures are multiples of: 1, 2, 2,5 or
/// 5 times a power of ten, in units of the finest last digit among them
/// (`-250`, `-500`, `-750`: 250; `32,4`, `29,4`, `3,0`: 0,2, the round
/// part of their common divisor 0,6 - a divisor that is no round figure
/// says nothing of how the figures were chosen); zero where none is
/// non-zero or a figure is too long to tell.
fn figure_step<'a>(figs: impl Iterator<Item = &'a PrintedNumber>) -> Decimal {
    let figs: Vec<(Decimal, u32)> = figs.map(|f| (f.value, f.decimals)).collect();
    round_step(&figs)
}

/// [`figure_step`] of values with their printed decimals.
fn round_step(figs: &[(Decimal, u32)]) -> Decimal {
    let Some(scale) = figs.iter().map(|f| f.1).max() else {
        return Decimal::ZERO;
    };
    let mut step: u128 = 0;
    for &(value, _) in figs {
        let mut v = value;
        v.rescale(scale);
        if v.scale() != scale {
            return Decimal::ZERO;
        }
        let mut a = v.mantissa().unsigned_abs();
        let mut b = step;
        while b != 0 {
            (a, b) = (b, a % b);
        }
        step = a;
    }
    // The largest round divisor of the common one.
    let mut round: u128 = u128::from(step != 0);
    let mut power: u128 = 1;
    while step != 0 && power <= step {
        for k in [1, 2, 5] {
            let r = power.saturating_mul(k);
            if r <= step && step % r == 0 {
                round = round.max(r);
            }
        }
        if power.saturating_mul(25) <= step && step % power.saturating_mul(25) == 0 {
            round = round.max(power.saturating_mul(25));
        }
        power = power.saturating_mul(10);
    }
    let step = round;
    i64::try_from(step)
        .ok()
        .map_or(Decimal::ZERO, |s| Decimal::new(s, scale))
}

/// A candidate that holds in exactly one place, fails in none, and is
/// unlikely there by chance (at most `limit`): a structure seen in one
/// column, which confirms and is never an error on its own.
pub fn holds_once(g: &Grid, c: &Candidate, limit: Decimal) -> bool {
    let s = score(g, c, true);
    s.holds == 1 && s.fails == 0 && s.chance <= limit
}

/// Whether a candidate holds, not trivially, in every one of its places (so
/// it fails in none and none is skipped).
pub fn holds_everywhere(g: &Grid, c: &Candidate) -> bool {
    let s = score(g, c, false);
    s.holds == c.instances.len() && s.fails == 0
}

/// (holds, fails) of a candidate on the printed figures; trivial holds
/// (zeros) not counted.
pub fn holds_fails(g: &Grid, c: &Candidate) -> (usize, usize) {
    let s = score(g, c, false);
    (s.holds, s.fails)
}

/// (holds, fails, chance) of a candidate on the printed figures: trivial
/// holds (zeros) not counted; the chance that it holds by coincidence where
/// it holds (the product over those places).
pub fn tally(g: &Grid, c: &Candidate) -> (usize, usize, Decimal) {
    let s = score(g, c, true);
    let chance = if s.fails > 0 {
        stepped_chance(g, c)
    } else {
        s.chance
    };
    (s.holds, s.fails, chance)
}

/// Whether a candidate holds EXACTLY (not only within rounding, not
/// trivially) in at least one place on the printed figures.
pub fn exact_somewhere(g: &Grid, c: &Candidate) -> bool {
    let printed = Overrides::new();
    c.instances.iter().any(|i| {
        i.what.as_ref().is_ok_and(|e| {
            let f = fare(g, e, &printed);
            f.verdict == Verdict::Exact && !f.trivial
        })
    })
}

/// In how many places a candidate holds, not trivially, with every figure
/// read to its last printed digit: a column whose whole figures all end in
/// 0 is read as rounded to tens or hundreds (`coarse`, see
/// [`super::grid`]), a guess from its digits, and a relation the figures
/// alone establish does not rest on that guess (a first column of round
/// budgets, `10.000`, is no total of `-3` and `9.997` within ±50).
pub fn holds_as_printed(g: &Grid, c: &Candidate) -> usize {
    let mut n = 0;
    for i in &c.instances {
        let Ok(e) = &i.what else { continue };
        let mut o = Overrides::new();
        for at in e.cells() {
            if let Some(Cell::Fig(f)) = g.rows.get(at.0).and_then(|r| r.cells.get(at.1)) {
                if f.coarse > 0 {
                    let mut x = *f;
                    x.coarse = 0;
                    o.insert(at, x);
                }
            }
        }
        let f = fare(g, e, &o);
        if matches!(f.verdict, Verdict::Exact | Verdict::Rounding) && !f.trivial {
            n += 1;
        }
    }
    n
}

/// Whether one instance fails on the printed figures.
pub fn fails(g: &Grid, e: &Expr) -> bool {
    fare(g, e, &Overrides::new()).verdict == Verdict::Error
}

/// The figures' choice among readings a label allows. `strong`: the label
/// alone establishes the first candidate, judged even when nothing fits.
pub fn pick_labelled(g: &Grid, cands: Vec<Candidate>, strong: bool) -> Result<Candidate, String> {
    pick(g, cands, strong, false).map(|(c, _)| c)
}

/// As [`pick_labelled`], with the reading's (holds, fails) on the printed
/// figures as [`holds_fails`] gives them, scored once already by the pick
/// (the guards of a labelled total ask them next).
pub fn pick_labelled_tallied(
    g: &Grid,
    cands: Vec<Candidate>,
    strong: bool,
) -> Result<(Candidate, (usize, usize)), String> {
    pick(g, cands, strong, false).map(|(c, s)| (c, (s.holds, s.fails)))
}

/// As [`pick_labelled`], for a reading whose operands the label names
/// outright (`Ændring 2025-26`, `A+B`): judged even where it holds nowhere.
pub fn pick_named(g: &Grid, cands: Vec<Candidate>) -> Result<Candidate, String> {
    pick(g, cands, true, true).map(|(c, _)| c)
}

/// The reading chosen, with its score.
fn pick(
    g: &Grid,
    cands: Vec<Candidate>,
    strong: bool,
    named: bool,
) -> Result<(Candidate, Score), String> {
    let scores: Vec<Score> = cands.iter().map(|c| score(g, c, false)).collect();
    let Some(first) = scores.first() else {
        return Err("nothing to relate".to_string());
    };
    if first.fails == 0 && first.holds + first.trivial > 0 && strong {
        let first = *first;
        return cands
            .into_iter()
            .next()
            .map(|c| (c, first))
            .ok_or_else(String::new);
    }
    // A reading every figure supports; the most supported one.
    let best = |ok: &dyn Fn(&Score) -> bool| {
        let mut idx: Vec<usize> = (0..cands.len()).filter(|&i| ok(&scores[i])).collect();
        idx.sort_by_key(|&i| (std::cmp::Reverse(scores[i].holds), scores[i].fails, i));
        match idx.as_slice() {
            [] => None,
            [one] => Some(*one),
            [a, b, ..] => {
                let (sa, sb) = (scores[*a], scores[*b]);
                let tied: Vec<usize> = idx
                    .iter()
                    .copied()
                    .filter(|&i| (scores[i].holds, scores[i].fails) == (sa.holds, sa.fails))
                    .collect();
                let mut preferred: Vec<usize> =
                    tied.iter().copied().filter(|&i| cands[i].prefer).collect();
                // One reading in several forms (a ratio over the budget, over
                // its size, …) is one preference: where every tied reading
                // holds everywhere, the one the domain expects is taken.
                preferred.dedup_by(|b, a| same_cells(&cands[*a], &cands[*b]));
                if (sa.holds, sa.fails) == (sb.holds, sb.fails)
                    && preferred.len() == 1
                    && sa.fails == 0
                {
                    return Some(preferred[0]);
                }
                // Whether the tied readings fail in the places `a` fails in.
                let fail_alike = || {
                    let at_a = failing_places(g, &cands[*a]);
                    tied.iter()
                        .all(|&i| i == *a || failing_places(g, &cands[i]) == at_a)
                };
                // Readings that all hold everywhere agree on every figure:
                // the first (the nearest columns) is taken. Tied readings
                // that fail somewhere disagree on what is wrong: neither,
                // unless the domain prefers one or they fail in the same
                // places. A reading's other forms (its sign as printed or
                // not) tie with it and are no other reading: `a` is compared
                // with every tied reading of other cells, not only the next.
                // (Where `a` is taken either way, the cells are not
                // compared.)
                if (sa.holds, sa.fails) != (sb.holds, sb.fails)
                    || (sa.fails == 0 && preferred.len() != 1)
                    || tied.iter().all(|&i| same_cells(&cands[*a], &cands[i]))
                {
                    Some(*a)
                } else if preferred.len() == 1 {
                    Some(preferred[0])
                } else if sa.fails == 0 {
                    Some(*a)
                } else if fail_alike() {
                    // Tied readings failing in the same places agree on
                    // what is wrong: the figure there fails under each
                    // (`Ændring i pct.` as the change over the budget or
                    // as the `Ændring` column over it, one per cent
                    // misprinted; the thirty-first session's review, S1).
                    Some(*a)
                } else {
                    None
                }
            }
        }
    };
    let perfect = best(&|s: &Score| s.fails == 0 && s.holds >= 1);
    let near = best(&|s: &Score| s.fails <= 1 && s.holds >= 2 && s.holds > s.fails);
    // The label's own reading, judged although nothing fits; but where it
    // spans several places and holds in none, the reading is wrong, not
    // every figure: not understood.
    let fallback = if !strong {
        None
    } else if named {
        Some(0)
    } else if cands
        .iter()
        .all(|c| c.instances.iter().filter(|i| i.what.is_ok()).count() <= 1)
    {
        // One place each: the only reading the label allows; among several,
        // the one whose figures come closest, if within a quarter of the
        // total; else no block of rows is it.
        if cands.len() == 1 {
            Some(0)
        } else {
            closest(g, &cands)
        }
    } else if first.holds == 0 && first.fails >= 2 {
        // Failing everywhere: the label's reading still stands when its
        // figures come within 5 % in every column (a misprinted or
        // incomplete total); far off, it is the reading that is wrong.
        close_everywhere(g, &cands[0], Decimal::new(5, 2)).then_some(0)
    } else {
        Some(0)
    };
    // The label's reading taken although it fails: not where a reading of
    // more rows fails there only through cells printed empty (figures that
    // may stand in another column: `Passiver i alt` under its sub-sections,
    // whose `Ultimo` is printed in the subtotal column only): the rows it
    // covers are not established, and unknown is not zero.
    let fallback = fallback.filter(|&i| {
        perfect.is_some() || near.is_some() || {
            let failing = failing_places(g, &cands[i]);
            !cands
                .iter()
                .any(|c| !same_cells(&cands[i], c) && unknown_where_fails(g, &failing, c))
        }
    });
    // The label's reading taken although it fails: not where another
    // reading holds, telling, in a place where it fails (`I alt` under `I
    // alt skole` is the whole block in `Budget` and the rows after the
    // subtotal in `Regnskab`): the columns disagree on which rows it
    // covers, and either figure may be the wrong one. Not understood.
    if perfect.is_none() && near.is_none() {
        if let Some(i) = fallback {
            let failing = failing_places(g, &cands[i]);
            if let Some(other) = cands
                .iter()
                .find(|c| !same_cells(&cands[i], c) && holds_where_fails(g, &failing, c))
            {
                return Err(format!(
                    "not understood: its columns fit different readings ({} in a column where {} fails)",
                    other.what, cands[i].what
                ));
            }
        }
    }
    let choice = perfect.or(near).or(fallback);
    match choice {
        Some(i) => cands
            .into_iter()
            .nth(i)
            .map(|c| (c, scores[i]))
            .ok_or_else(String::new),
        None => {
            let tried: Vec<&str> = cands.iter().map(|c| c.what.as_str()).collect();
            Err(format!(
                "not understood: the figures fit none of the readings tried ({})",
                tried.join("; ")
            ))
        }
    }
}

/// The signed sum of a relation's printed terms; `None` past the range of
/// exact decimals.
fn printed_sum(terms: &[super::judge::Term]) -> Option<Decimal> {
    let mut sum = Decimal::ZERO;
    for t in terms {
        sum = if t.negative {
            sum.exact_sub(t.figure.value)?
        } else {
            sum.exact_add(t.figure.value)?
        };
    }
    Some(sum)
}

/// The relative distance of a sum's printed figures from its result.
fn deviation(g: &Grid, e: &Expr) -> Option<Decimal> {
    let Ok(Relation::Sum { terms, total } | Relation::ShareSum { terms, total }) =
        relation(g, e, &Overrides::new())
    else {
        return None;
    };
    let sum = printed_sum(&terms)?;
    let size = total.value.abs().max(sum.abs());
    if size.is_zero() {
        return None;
    }
    (sum - total.value).abs().checked_div(size)
}

/// Every judged place of a sum within 5 % of its result.
pub fn close(g: &Grid, c: &Candidate) -> bool {
    close_everywhere(g, c, Decimal::new(5, 2))
}

/// Every judged place of a candidate within `limit` of its result.
fn close_everywhere(g: &Grid, c: &Candidate, limit: Decimal) -> bool {
    let mut any = false;
    for i in &c.instances {
        if let Ok(e) = &i.what {
            match deviation(g, e) {
                Some(d) if d <= limit => any = true,
                Some(_) => return false,
                None => {}
            }
        }
    }
    any
}

/// The single-place candidate whose sum comes closest to its printed
/// result, when within a quarter of it.
fn closest(g: &Grid, cands: &[Candidate]) -> Option<usize> {
    let mut best: Option<(Decimal, usize)> = None;
    for (k, c) in cands.iter().enumerate() {
        let Some(Ok(e)) = c.instances.iter().map(|i| &i.what).find(|w| w.is_ok()) else {
            continue;
        };
        let Ok(Relation::Sum { terms, total } | Relation::ShareSum { terms, total }) =
            relation(g, e, &Overrides::new())
        else {
            continue;
        };
        let sum = printed_sum(&terms)?;
        let size = total.value.abs().max(sum.abs());
        if size.is_zero() {
            continue;
        }
        let dev = (sum - total.value).abs().checked_div(size)?;
        if best.is_none_or(|(d, _)| dev < d) {
            best = Some((dev, k));
        }
    }
    best.filter(|(d, _)| *d <= Decimal::new(25, 2))
        .map(|(_, k)| k)
}

pub fn same_cells(a: &Candidate, b: &Candidate) -> bool {
    let cells = |c: &Candidate| {
        let mut v: Vec<At> = c
            .instances
            .iter()
            .filter_map(|i| i.what.as_ref().ok())
            .flat_map(Expr::cells)
            .collect();
        v.sort();
        v
    };
    cells(a) == cells(b)
}

/// The reading the figures alone establish, if any: it holds in at least two
/// places, fails in at most one, and is unlikely to be chance.
pub fn pick_figures(g: &Grid, cands: Vec<Candidate>, cue: bool) -> Option<Candidate> {
    let n = Decimal::from(cands.len().max(1));
    let limit = if cue {
        Decimal::new(5, 2)
    } else {
        Decimal::new(1, 2)
    };
    let mut best: Option<(Score, usize)> = None;
    let mut tie = false;
    for (i, c) in cands.iter().enumerate() {
        let mut s = score(g, c, true);
        if s.fails > 0 {
            s.chance = stepped_chance(g, c);
        }
        // The chance times the readings tried: a score, which may round.
        #[allow(clippy::disallowed_methods)]
        let chance = s.chance.checked_mul(n).unwrap_or(Decimal::ONE);
        if s.holds < 2 || s.fails > 1 || chance > limit {
            continue;
        }
        match &best {
            Some((b, _))
                if (b.holds, std::cmp::Reverse(b.fails))
                    > (s.holds, std::cmp::Reverse(s.fails)) => {}
            // Two readings that both hold everywhere are both true of the
            // table: the first (a sum before a difference) is kept. Two that
            // fail once each disagree about the wrong figure: neither.
            Some((b, bi))
                if (b.holds, b.fails) == (s.holds, s.fails)
                    && s.fails > 0
                    && !same_cells(&cands[*bi], c) =>
            {
                tie = true
            }
            Some((b, _)) if (b.holds, b.fails) == (s.holds, s.fails) => {}
            _ => {
                best = Some((s, i));
                tie = false;
            }
        }
    }
    // A reading that fails somewhere is no structure of the table where a
    // reading of other figures explains its failures
    // ([`explains_failures`]). Neither is taken.
    if let Some((b, bi)) = &best {
        if b.fails > 0 {
            let failing = failing_places(g, &cands[*bi]);
            if cands
                .iter()
                .any(|c| !same_cells(&cands[*bi], c) && explains_failures(g, &failing, c))
            {
                return None;
            }
        }
    }
    match best {
        Some((_, i)) if !tie => cands.into_iter().nth(i),
        _ => None,
    }
}

/// A relation the figures establish although several of its places fail
/// (a price list with four misprinted totals in fourteen rows): it holds
/// EXACTLY (not only within rounding), not trivially, in at least three
/// places with distinct figures and in at least two thirds of the places
/// with figures in all its cells, and its chance of holding by accident
/// there, times the `tried` readings, is at most one in a million (repeated
/// rows count once). Returns (distinct exact places, failing places).
pub fn majority(g: &Grid, c: &Candidate, tried: usize) -> Option<(usize, usize)> {
    let mut seen: std::collections::BTreeSet<Vec<(Decimal, u32)>> = Default::default();
    let (mut exact, mut exact_places, mut judged, mut fails) = (0usize, 0usize, 0usize, 0usize);
    let mut chance = Decimal::ONE;
    let printed = Overrides::new();
    for i in &c.instances {
        let Ok(e) = &i.what else { continue };
        let f = fare(g, e, &printed);
        match f.verdict {
            Verdict::Skipped => continue,
            Verdict::Error => fails += 1,
            Verdict::Exact if !f.trivial => {
                exact_places += 1;
                let figures: Option<Vec<(Decimal, u32)>> = e
                    .cells()
                    .into_iter()
                    .map(|at| match fig(g, at, &Overrides::new()) {
                        Some(Cell::Fig(x)) => Some((x.value, x.decimals)),
                        _ => None,
                    })
                    .collect();
                if let Some(key) = figures {
                    if seen.insert(key) {
                        exact += 1;
                        // A chance is a score, not an amount (as in `score`).
                        #[allow(clippy::disallowed_methods)]
                        let p = chance
                            .checked_mul(stepped_place_chance(g, e, f))
                            .unwrap_or(Decimal::ZERO);
                        chance = p;
                    }
                }
            }
            Verdict::Exact | Verdict::Rounding => {}
        }
        judged += 1;
    }
    #[allow(clippy::disallowed_methods)]
    let chance = chance
        .checked_mul(Decimal::from(tried.max(1)))
        .unwrap_or(Decimal::ONE);
    (exact >= 3 && exact_places * 3 >= judged * 2 && chance <= Decimal::new(1, 6))
        .then_some((exact, fails))
}

/// Which columns a row relation (a total, a formula row) is judged in.
pub fn summable(g: &Grid, c: usize) -> bool {
    matches!(
        g.cols[c].kind,
        ColKind::Amount
            | ColKind::Change { .. }
            | ColKind::RowTotal
            | ColKind::Share
            | ColKind::ShareOfChange
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// A sum of rows down every summable column: `total = Σ parts`.
pub fn row_sum(
    g: &Grid,
    total: usize,
    parts: &[(bool, usize)],
    kind: Kind,
    what: impl Into<String>,
) -> Candidate {
    // Taken as it comes: a name made for the sum is moved, not copied.
    let what: String = what.into();
    let mut instances = Vec::with_capacity(g.cols.len());
    // The name's words, shared by the columns' relations.
    let mut shared: Option<std::sync::Arc<str>> = None;
    for c in 0..g.cols.len() {
        if !summable(g, c) {
            continue;
        }
        // The total's and the parts' cells in this column, looked through
        // where asked (not gathered into a list for each column).
        let cells = || {
            std::iter::once(total)
                .chain(parts.iter().map(|p| p.1))
                .filter_map(|r| g.rows[r].cells.get(c))
        };
        if cells().all(|v| matches!(v, Cell::Empty)) {
            continue;
        }
        // Percentages outside a share column are rates, not parts of a sum.
        let share_col = matches!(g.cols[c].kind, ColKind::Share | ColKind::ShareOfChange);
        if !share_col && cells().any(|v| matches!(v, Cell::Fig(f) if f.percent())) {
            continue;
        }
        let name = Name::At(shared.get_or_insert_with(|| what.as_str().into()).clone());
        let what = if cells().all(|v| matches!(v, Cell::Dash | Cell::Empty)) {
            Err("no figures to add (-)".to_string())
        } else if g.cols[c].running_balance {
            Err(format!(
                "{:?} is a running balance: a period's figure is its last part's, not their sum",
                g.cols[c].header
            ))
        } else {
            Ok(Expr::Linear {
                terms: parts.iter().map(|&(neg, r)| (neg, (r, c))).collect(),
                result: (total, c),
                shares: matches!(g.cols[c].kind, ColKind::Share | ColKind::ShareOfChange),
            })
        };
        instances.push(Instance {
            kind,
            name,
            at: (total, c),
            what,
        });
    }
    Candidate {
        instances,
        what,
        prefer: false,
    }
}

/// A column header naming a running (accumulated) balance
/// (`Akkumuleret saldo`, `Kumuleret`, `Tested_kumulativ`, `År til dato`):
/// down its rows each
/// figure carries the ones before it, so a period's figure is not the sum
/// of its months'. Not remembered on its own: the memos of several header
/// tests at once ask it (the grid's header words, a column's header cues).
pub fn running_balance(header: &str) -> bool {
    let h = header.to_lowercase();
    h.contains("kumul") || h.contains("til dato")
}

/// `label [header]: what…`, the name of a relation at a cell, written
/// straight into one string (no formatting machinery: a table names a
/// relation for every cell it judges).
pub fn relation_name(label: &str, header: &str, what: &[&str]) -> String {
    // ` [` and `]: `: five bytes besides the parts (one short, and every
    // name was copied once more to grow).
    let len = label.len() + header.len() + 5 + what.iter().map(|w| w.len()).sum::<usize>();
    let mut s = String::with_capacity(len);
    s.push_str(label);
    s.push_str(" [");
    s.push_str(header);
    s.push_str("]: ");
    for w in what {
        s.push_str(w);
    }
    s
}

/// `text` quoted as `{:?}` writes it (`"I alt"`), without the formatting
/// machinery where no character needs escaping (printable ASCII but `"`
/// and `\`, and the Latin-1 letters).
pub fn quoted(text: &str) -> String {
    let plain = |c: char| {
        (matches!(c, ' '..='~') && c != '"' && c != '\\') || matches!(c, '\u{c0}'..='\u{ff}')
    };
    if text.chars().all(plain) {
        let mut s = String::with_capacity(text.len() + 2);
        s.push('"');
        s.push_str(text);
        s.push('"');
        s
    } else {
        format!("{text:?}")
    }
}

/// `sum of {n} row(s)`, written straight into one string (asked for every
/// reading of a total tried; the formatting machinery cost more than the
/// rest of the name).
pub fn sum_name(n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        // A digit: `rest % 10` is below 10.
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut s = String::with_capacity(12 + digits.len() - at);
    s.push_str("sum of ");
    for &d in &digits[at..] {
        s.push(char::from(d));
    }
    s.push_str(" row");
    s.push_str(plural(n));
    s
}

/// Tables of at most this many rows have room made for a relation in each
/// row of a reading ([`col_relation`]) without counting.
const SHORT_TABLE_ROWS: usize = 64;

/// A relation along every row with a figure in `result`: one per row.
pub fn col_relation(
    g: &Grid,
    result: usize,
    kind: Kind,
    what: &str,
    make: &dyn Fn(usize) -> Option<Expr>,
) -> Candidate {
    // Room for every row that may take part: a reading of a long column
    // grown by doubling kept up to half its room unused (a budget follow-up
    // of 20 000 rows tries some fifty readings at once), so a long table's
    // rows are counted first; a short one's room is its rows (one
    // allocation, no count).
    let room = if g.rows.len() <= SHORT_TABLE_ROWS {
        g.rows.len()
    } else {
        g.rows
            .iter()
            .filter(|row| {
                !matches!(row.role, Role::Section | Role::HerafMarker)
                    && matches!(row.cells.get(result), Some(Cell::Fig(_)))
            })
            .count()
    };
    let mut instances = Vec::with_capacity(room);
    // The name's words, shared by the rows' relations.
    let mut shared: Option<std::sync::Arc<str>> = None;
    for (r, row) in g.rows.iter().enumerate() {
        if matches!(row.role, Role::Section | Role::HerafMarker) {
            continue;
        }
        let Some(Cell::Fig(rf)) = row.cells.get(result) else {
            continue;
        };
        let Some(e) = make(r) else { continue };
        // A sum along a row of percentages is no sum (rates, not parts),
        // also where only the label says so (`Andel konto 5 (pct.)`, each
        // year's share of its own year): unless its total is the whole,
        // 100, its figures then shares of one row (`(pct.)` under the
        // water sources, `(98)` and `(2)` of `(100)`).
        let shares_of_whole = rf.value.abs() == Decimal::ONE_HUNDRED;
        if kind == Kind::Cross && (rf.percent() || (row.percent_word && !shares_of_whole)) {
            continue;
        }
        instances.push(Instance {
            kind,
            name: Name::At(shared.get_or_insert_with(|| what.into()).clone()),
            at: (r, result),
            what: Ok(e),
        });
    }
    Candidate {
        instances,
        what: what.to_string(),
        prefer: false,
    }
}

/// The figure a relation implies for one of its cells, all else as printed
/// (rounded to the cell's printed decimals), for attribution.
pub fn implied(g: &Grid, e: &Expr, at: At) -> Option<Figure> {
    let Cell::Fig(f) = fig(g, at, &Overrides::new())? else {
        return None;
    };
    let val = |a: At| -> Option<Decimal> {
        match fig(g, a, &Overrides::new())? {
            Cell::Fig(x) => {
                let u = match (x.unit, f.unit) {
                    (Some(Unit::Money(ex)), Some(Unit::Money(ef))) => ex as i32 - ef as i32,
                    _ => 0,
                };
                let mut v = x.value;
                if u > 0 {
                    v = v.exact_mul(Decimal::from(10i64.checked_pow(u as u32)?))?;
                } else if u < 0 {
                    v = v.checked_div(Decimal::from(10i64.checked_pow((-u) as u32)?))?;
                }
                Some(v)
            }
            Cell::Dash => Some(Decimal::ZERO),
            _ => None,
        }
    };
    let hundred = Decimal::ONE_HUNDRED;
    let v = match e {
        Expr::Linear { terms, result, .. } => {
            let mut s = Decimal::ZERO;
            for (neg, a) in terms {
                if *a == at {
                    continue;
                }
                let x = val(*a)?;
                s = if *neg {
                    s.exact_sub(x)?
                } else {
                    s.exact_add(x)?
                };
            }
            if *result == at {
                s
            } else {
                let r = val(*result)?.exact_sub(s)?;
                let neg = terms.iter().find(|t| t.1 == at)?.0;
                if neg {
                    -r
                } else {
                    r
                }
            }
        }
        Expr::Ratio {
            num,
            den,
            result,
            change,
            abs,
        } => {
            let den_v = if *abs >= 1 {
                val(*den)?.abs()
            } else {
                val(*den)?
            };
            let num_v = if *abs == 2 {
                val(*num)?.abs()
            } else {
                val(*num)?
            };
            let off = if *change { hundred } else { Decimal::ZERO };
            let keep_sign = |d: Decimal| {
                if f.value.is_sign_negative() {
                    -d.abs()
                } else {
                    d.abs()
                }
            };
            // Before a division, exact; after it (the quotient is rounded to
            // 28 digits already, and the figure is rounded to its printed
            // decimals below) a rounding is harmless.
            if *result == at {
                #[allow(clippy::disallowed_methods)]
                let v = hundred
                    .exact_mul(num_v)?
                    .checked_div(den_v)?
                    .checked_sub(off)?;
                v
            } else if *num == at {
                let v = val(*result)?
                    .exact_add(off)?
                    .exact_mul(den_v)?
                    .checked_div(hundred)?;
                if *abs == 2 {
                    keep_sign(v)
                } else {
                    v
                }
            } else {
                let q = val(*result)?.exact_add(off)?;
                let d = hundred.exact_mul(num_v)?.checked_div(q)?;
                if *abs >= 1 {
                    keep_sign(d)
                } else {
                    d
                }
            }
        }
        Expr::Rate { base, rate, result } => {
            if *result == at {
                rate.exact_mul(val(*base)?)?.checked_div(hundred)?
            } else {
                val(*result)?.exact_mul(hundred)?.checked_div(*rate)?
            }
        }
        Expr::RateOfSum {
            bases,
            rate,
            result,
        } => {
            if *result == at {
                let mut sum = Decimal::ZERO;
                for b in bases {
                    sum = sum.exact_add(val(*b)?)?;
                }
                rate.exact_mul(sum)?.checked_div(hundred)?
            } else {
                let mut rest = val(*result)?.exact_mul(hundred)?.checked_div(*rate)?;
                for b in bases.iter().filter(|b| **b != at) {
                    rest = rest.exact_sub(val(*b)?)?;
                }
                rest
            }
        }
        Expr::PartOf {
            part,
            others,
            result,
        } => {
            if *result != at {
                return None;
            }
            let p = val(*part)?;
            let mut whole = p;
            for x in others {
                whole = whole.exact_add(val(*x)?)?;
            }
            hundred.exact_mul(p)?.checked_div(whole)?
        }
        Expr::Fraction { num, den, result } => {
            if *result == at {
                val(*num)?.checked_div(val(*den)?)?
            } else if *num == at {
                val(*result)?.exact_mul(val(*den)?)?
            } else {
                val(*num)?.checked_div(val(*result)?)?
            }
        }
    };
    Some(Figure {
        value: round_half_away(v, f.decimals),
        ..f
    })
}

/// The verdict of an instance with some figures replaced.
pub fn verdict_with(g: &Grid, e: &Expr, o: &Overrides) -> Verdict {
    fare(g, e, o).verdict
}

/// A quick look before a candidate is built: does `result = Σ ±terms` hold
/// within the printed intervals? `None` when a figure is missing. Units are
/// not converted here: figures of different units count as holding (the
/// full judgement decides).
pub fn quick_linear(g: &Grid, terms: &[(bool, At)], result: At) -> Option<bool> {
    let mut q = QuickSum::new(g, result);
    for &(neg, at) in terms {
        if !q.add(g, neg, at) {
            break;
        }
    }
    q.verdict()
}

/// [`quick_linear`] term by term: a sum whose terms are added one at a
/// time, asked after each (a run of rows one longer each time is looked at
/// once, not again from its first row).
pub struct QuickSum {
    result: At,
    state: QuickState,
}

enum QuickState {
    Adding {
        total: Figure,
        sum: Decimal,
        slack: Decimal,
        nonzero: usize,
    },
    /// Settled whatever terms follow: no figure (`None`), or figures of
    /// another unit (`Some(true)`: the full judgement decides).
    Settled(Option<bool>),
}

impl QuickSum {
    pub fn new(g: &Grid, result: At) -> QuickSum {
        let state = match g.rows.get(result.0).and_then(|r| r.cells.get(result.1)) {
            Some(Cell::Fig(f)) => QuickState::Adding {
                total: *f,
                sum: Decimal::ZERO,
                slack: f.half_printed_digit(),
                nonzero: 0,
            },
            _ => QuickState::Settled(None),
        };
        QuickSum { result, state }
    }

    /// Adds `±at`; whether later terms may still change the verdict.
    pub fn add(&mut self, g: &Grid, neg: bool, at: At) -> bool {
        let QuickState::Adding {
            total,
            sum,
            slack,
            nonzero,
        } = &mut self.state
        else {
            return false;
        };
        let f = match g.rows.get(at.0).and_then(|r| r.cells.get(at.1)) {
            Some(Cell::Fig(f)) => *f,
            Some(Cell::Dash) => return true,
            Some(Cell::Empty | Cell::Text) if at != self.result && printed_empty(g, at) => {
                return true
            }
            _ => {
                self.state = QuickState::Settled(None);
                return false;
            }
        };
        if f.unit != total.unit {
            self.state = QuickState::Settled(Some(true));
            return false;
        }
        if !f.value.is_zero() {
            *nonzero += 1;
        }
        let added = if neg {
            sum.exact_sub(f.value)
        } else {
            sum.exact_add(f.value)
        };
        match (added, slack.exact_add(f.half_printed_digit())) {
            (Some(a), Some(b)) => {
                *sum = a;
                *slack = b;
                true
            }
            _ => {
                self.state = QuickState::Settled(None);
                false
            }
        }
    }

    /// Whether the sum says nothing: a figure missing, or the result and
    /// every term 0 (`0 = 0 + 0`, trivially true).
    pub fn says_nothing(&self) -> bool {
        match &self.state {
            QuickState::Settled(v) => v.is_none(),
            QuickState::Adding { total, nonzero, .. } => *nonzero == 0 && total.value.is_zero(),
        }
    }

    /// The result's column.
    pub fn column(&self) -> usize {
        self.result.1
    }

    /// `None` when a figure is missing or fewer than two terms are not 0;
    /// else whether the sum holds within the printed intervals.
    pub fn verdict(&self) -> Option<bool> {
        match &self.state {
            QuickState::Settled(v) => *v,
            QuickState::Adding {
                total,
                sum,
                slack,
                nonzero,
            } => {
                if *nonzero < 2 {
                    return None;
                }
                Some(sum.exact_sub(total.value)?.abs() <= *slack)
            }
        }
    }
}

/// Whether `result = Σ ±terms` fails where its result prints `-`, read as
/// nothing: the result is a `-`, every term a figure of one unit or a `-`,
/// and with each `-` as 0 the sum misses by more than the printed figures'
/// rounding. Such a place is not judged and not counted by [`score`] (a
/// result with no figure; a `-` among the terms is read as nothing there,
/// and counted). But a reading the figures establish only by leaving these
/// places out fails there if the `-` means nothing, as it mostly does in a
/// budget table, and the total row, which adds the `-` as 0, then fails
/// too. So it counts against establishing the reading.
pub fn dash_contradicts(g: &Grid, terms: &[(bool, At)], result: At) -> bool {
    if !matches!(
        g.rows.get(result.0).and_then(|r| r.cells.get(result.1)),
        Some(Cell::Dash)
    ) {
        return false;
    }
    let get = |at: At| match g.rows.get(at.0).and_then(|r| r.cells.get(at.1)) {
        Some(Cell::Fig(f)) => Some(Some(*f)),
        Some(Cell::Dash) => Some(None),
        _ => None,
    };
    let mut dashes = 0;
    let mut unit = None;
    let mut sum = Decimal::ZERO;
    let mut slack = Decimal::ZERO;
    for (neg, at) in terms.iter().copied().chain([(true, result)]) {
        let Some(cell) = get(at) else { return false };
        let Some(f) = cell else {
            dashes += 1;
            continue;
        };
        if unit.get_or_insert(f.unit) != &f.unit {
            return false;
        }
        let Some(next) = (if neg {
            sum.exact_sub(f.value)
        } else {
            sum.exact_add(f.value)
        }) else {
            return false;
        };
        sum = next;
        let Some(next) = slack.exact_add(f.half_printed_digit()) else {
            return false;
        };
        slack = next;
    }
    dashes > 0 && sum.abs() > slack
}

/// How many places a candidate holds and fails, quickly: rows `r` over the
/// summable columns for a row relation.
pub fn quick_rows(g: &Grid, total: usize, parts: &[(bool, usize)]) -> (usize, usize) {
    quick_rows_within(g, total, parts, usize::MAX)
}

/// As [`quick_rows`], its columns looked at only until more than
/// `most_fails` fail: (holds so far, fails), the fails past `most_fails`
/// where it stopped. A run of rows that adds up nowhere is dropped after a
/// column or two, not all of them.
pub fn quick_rows_within(
    g: &Grid,
    total: usize,
    parts: &[(bool, usize)],
    most_fails: usize,
) -> (usize, usize) {
    let (holds, fails, _) = quick_rows_counted(g, total, parts, most_fails);
    (holds, fails)
}

/// As [`quick_rows_within`], with the columns looked at: (holds, fails,
/// columns looked at), which a caller metering its work counts.
pub fn quick_rows_counted(
    g: &Grid,
    total: usize,
    parts: &[(bool, usize)],
    most_fails: usize,
) -> (usize, usize, usize) {
    let (mut holds, mut fails, mut looked) = (0, 0, 0);
    let mut terms: Vec<(bool, At)> = Vec::with_capacity(parts.len());
    for c in 0..g.cols.len() {
        // A running balance is not added down its rows (see `row_sum`).
        if !summable(g, c) || g.cols[c].running_balance {
            continue;
        }
        looked += 1;
        terms.clear();
        terms.extend(parts.iter().map(|&(n, r)| (n, (r, c))));
        match quick_linear(g, &terms, (total, c)) {
            Some(true) => holds += 1,
            Some(false) => {
                fails += 1;
                if fails > most_fails {
                    break;
                }
            }
            None => {}
        }
    }
    (holds, fails, looked)
}

/// Whether [`quick_rows`] is [`promising`] (which two failures rule out),
/// looked at only until they do.
pub fn promising_rows(g: &Grid, total: usize, parts: &[(bool, usize)]) -> bool {
    promising(quick_rows_within(g, total, parts, 1))
}

/// Whether [`quick_rows`] holds somewhere and fails nowhere, looked at only
/// until a column fails (most runs tried fail at once).
pub fn fits_rows(g: &Grid, total: usize, parts: &[(bool, usize)]) -> bool {
    let (holds, fails) = quick_rows_within(g, total, parts, 0);
    holds > 0 && fails == 0
}

/// The same along a column: `result = Σ ±cols` in every row.
pub fn quick_cols(g: &Grid, result: usize, cols: &[(bool, usize)]) -> (usize, usize) {
    let (mut holds, mut fails) = (0, 0);
    let mut terms: Vec<(bool, At)> = Vec::with_capacity(cols.len());
    for r in 0..g.rows.len() {
        terms.clear();
        terms.extend(cols.iter().map(|&(n, c)| (n, (r, c))));
        match quick_linear(g, &terms, (r, result)) {
            Some(true) => holds += 1,
            Some(false) => fails += 1,
            None => {}
        }
    }
    (holds, fails)
}

/// The places where a reading fails on the printed figures.
pub fn failing_places(g: &Grid, c: &Candidate) -> Vec<At> {
    let none = Overrides::new();
    c.instances
        .iter()
        .filter(|i| {
            i.what
                .as_ref()
                .is_ok_and(|e| fare(g, e, &none).verdict == Verdict::Error)
        })
        .map(|i| i.at)
        .collect()
}

/// Whether `other` is unknown where a reading fails (`failing`, its
/// [`failing_places`]): in every such place `other` fails only through a
/// cell printed empty (a figure not known there, [`empty_part`]).
fn unknown_where_fails(g: &Grid, failing: &[At], other: &Candidate) -> bool {
    let none = Overrides::new();
    !failing.is_empty()
        && failing.iter().all(|at| {
            other.instances.iter().any(|i| {
                i.at == *at
                    && i.what.as_ref().is_ok_and(|e| {
                        empty_part(g, e, &none) && fare(g, e, &none).verdict == Verdict::Skipped
                    })
            })
        })
}

/// Whether `other`, a reading of other figures, explains where a reading
/// fails (`failing`, its [`failing_places`]): it fails nowhere, and holds,
/// not only because a figure is 0 and not only within the rounding of small
/// figures, in every such place. `Årets
/// resultat` is `Resultat før skat` + `Skat`; where `Skat` is 0 (four years
/// of five) it is also `Resultat før finansielle poster` + `Finansielle
/// poster`, which fails in the fifth year, where the first holds: the
/// figures side with the one that holds there, and the other is no
/// structure of the table whose failure would be an error.
pub fn explains_failures(g: &Grid, failing: &[At], other: &Candidate) -> bool {
    let none = Overrides::new();
    if failing.is_empty() {
        return false;
    }
    let fares: Vec<(At, &Expr, Fare)> = other
        .instances
        .iter()
        .filter_map(|i| i.what.as_ref().ok().map(|e| (i.at, e, fare(g, e, &none))))
        .collect();
    fares.iter().all(|(_, _, f)| f.verdict != Verdict::Error)
        && failing.iter().all(|at| {
            fares
                .iter()
                .any(|(a, e, f)| a == at && (telling(g, e, f) || cancels(g, e, f)))
        })
}

/// In how many places a candidate holds, not trivially or by figures that
/// [`cancels`] (`-231 + 258 - 27 = 0`), on the printed figures.
pub fn holds_or_cancels(g: &Grid, c: &Candidate) -> usize {
    let none = Overrides::new();
    c.instances
        .iter()
        .filter(|i| {
            i.what.as_ref().is_ok_and(|e| {
                let f = fare(g, e, &none);
                (!f.trivial && matches!(f.verdict, Verdict::Exact | Verdict::Rounding))
                    || cancels(g, e, &f)
            })
        })
        .count()
}

/// Whether a sum holds exactly at a result of zero with three figures or
/// more that cancel (`-231 + 258 - 27 = 0`): no evidence that establishes
/// it (a zero result is trivial: `x - x = 0` holds of any two equal
/// figures, and an identity of other rows holds everywhere), but enough to
/// explain why another reading fails there (the third row, 0 in every
/// other year, is the one the shorter reading leaves out).
fn cancels(g: &Grid, e: &Expr, f: &Fare) -> bool {
    f.trivial
        && f.verdict == Verdict::Exact
        && matches!(
            relation(g, e, &Overrides::new()),
            Ok(Relation::Sum { terms, total })
                if total.value.is_zero()
                    && terms.iter().filter(|t| !t.figure.value.is_zero()).count() >= 3
        )
}

/// Whether a relation holds in a place in a way that tells: not trivially,
/// and no coincidence of the rounding: its interval is at most 1 % of its
/// figures (`5,5 + 0,1` "holds" for `5,5` with one decimal, and explains
/// nothing).
fn telling(g: &Grid, e: &Expr, f: &Fare) -> bool {
    !f.trivial
        && matches!(f.verdict, Verdict::Exact | Verdict::Rounding)
        && f.chance(g, e) <= Decimal::new(1, 2)
}

/// Whether `other` holds, [`telling`], in some place where a reading fails
/// (`failing`), wherever else it fails.
fn holds_where_fails(g: &Grid, failing: &[At], other: &Candidate) -> bool {
    let none = Overrides::new();
    other.instances.iter().any(|i| {
        failing.contains(&i.at)
            && i.what
                .as_ref()
                .is_ok_and(|e| telling(g, e, &fare(g, e, &none)))
    })
}

/// Worth building as a figure-only candidate.
pub fn promising((holds, fails): (usize, usize)) -> bool {
    holds >= 2 && fails <= 1 && holds > fails
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relation_name_is_label_header_and_what() {
        assert_eq!(
            relation_name("I alt", "2026", &["sum of ", "3 rows"]),
            "I alt [2026]: sum of 3 rows"
        );
        assert_eq!(relation_name("", "", &[]), " []: ");
    }

    #[test]
    fn a_step_is_the_largest_round_divisor_of_the_figures() {
        let n = |v: &str| {
            let value: Decimal = v.parse().unwrap();
            PrintedNumber {
                value,
                decimals: value.scale(),
                percent: false,
                exact: false,
                coarse: 0,
            }
        };
        let step = |vs: &[&str]| {
            let figs: Vec<PrintedNumber> = vs.iter().map(|v| n(v)).collect();
            figure_step(figs.iter()).to_string()
        };
        assert_eq!(step(&["-250", "-500", "-750"]), "250");
        assert_eq!(step(&["-100", "-400", "-500"]), "100");
        assert_eq!(step(&["-200", "-400", "-600"]), "200");
        // Common divisor 0,6: its largest round divisor, 0,2.
        assert_eq!(step(&["32.4", "29.4", "3.0"]), "0.2");
        assert_eq!(step(&["1234", "2345", "3579"]), "1");
        assert_eq!(step(&["15.0", "10.0", "5.0"]), "5.0");
        assert_eq!(step(&["0", "0"]), "0");
    }

    #[test]
    fn a_sum_is_named_by_its_count_of_rows() {
        assert_eq!(sum_name(0), "sum of 0 rows");
        assert_eq!(sum_name(1), "sum of 1 row");
        assert_eq!(sum_name(2), "sum of 2 rows");
        assert_eq!(sum_name(10), "sum of 10 rows");
        assert_eq!(sum_name(usize::MAX), format!("sum of {} rows", usize::MAX));
    }

    /// How a relation fares the general way: built, then judged.
    fn fare_built(g: &Grid, e: &Expr, o: &Overrides) -> Fare {
        match relation(g, e, o) {
            Ok(rel) => fare_of(g, e, o, super::super::judge::verdict(&rel), &rel),
            Err(_) => SKIPPED_FARE,
        }
    }

    proptest::proptest! {
        /// A sum judged from terms on the stack fares as the relation
        /// built and judged: same verdict, triviality and odds, whatever
        /// its cells hold (figures in units, dashes, blanks, words) and
        /// however many terms it has (past [`SUM_ON_STACK`] the general
        /// way is taken anyway).
        #[test]
        fn a_sum_on_the_stack_fares_as_the_built_relation(
            cells in proptest::collection::vec(0usize..12, 1..20),
            negs in proptest::collection::vec(proptest::bool::ANY, 20),
            total in 0usize..12,
            shares in proptest::bool::ANY,
            overridden in proptest::option::of(0usize..20),
        ) {
            const TEXTS: [&str; 12] = [
                "12", "3,5", "-1.234", "0", "-", "", "7 mio. kr.", "250 t. kr.",
                "18 sager", "tekst", "57,4%", "1.281,8",
            ];
            let mut text = String::from("Post\t2026\n");
            for (k, c) in cells.iter().enumerate() {
                text.push_str(&format!("Række {k}\t{}\n", TEXTS[*c]));
            }
            text.push_str(&format!("I alt\t{}\n", TEXTS[total]));
            let g = super::super::grid::read(
                &super::super::grid::tests::table(&text),
                crate::numfmt::NumberStyle::DANISH,
            );
            let n = cells.len();
            let e = Expr::Linear {
                terms: (0..n).map(|r| (negs[r], (r, 0))).collect(),
                result: (n, 0),
                shares,
            };
            // A figure corrected, as attribution tries (its sign turned).
            let mut o = Overrides::new();
            if let Some(r) = overridden.map(|r| r % n) {
                if let Some(Cell::Fig(f)) = fig(&g, (r, 0), &o) {
                    o.insert((r, 0), Figure { value: -f.value, ..f });
                }
            }
            proptest::prop_assert_eq!(
                format!("{:?}", fare_now(&g, &e, &o)),
                format!("{:?}", fare_built(&g, &e, &o))
            );
        }

        /// The quick quoting is `{:?}`'s, escapes and all.
        #[test]
        fn quoted_is_debug_quoting(text in "(I alt|Æøå|\"|\\\\|\t|\n|\u{a0}|\u{301}|é|e\u{301}|\u{202f}|\u{ff}|\u{100}|~| |[ -~]|.){0,8}") {
            proptest::prop_assert_eq!(quoted(&text), format!("{text:?}"));
        }

        /// The quick name of a sum is the one formatting writes.
        #[test]
        fn sum_name_is_formatted_s(n in proptest::prelude::any::<usize>(), small in 0usize..1000) {
            for n in [n, small] {
                let s = if n == 1 { "" } else { "s" };
                proptest::prop_assert_eq!(sum_name(n), format!("sum of {n} row{s}"));
            }
        }
    }
}
