//! The computations, over exact values: realized totals, gaps, breakdowns,
//! shares, targets, reserves, appropriations and corrected budgets.
//!
//! Unknown is not zero: a result that depends on an unknown figure is
//! [`Figure::Unknown`]. Arithmetic overflow is an [`Overflow`] error.

use crate::model::{Budget, Realiseret, Scenario, Year};
use crate::money::{checked_sum, Decimal, Exact, Figure, Overflow};

/// Besparelseskrav of a konto in a year.
pub fn krav(s: &Scenario, konto: &str, year: Year) -> Figure {
    s.besparelseskrav
        .get(konto)
        .map_or(Figure::Unknown, |v| v.get(year))
}

/// The realized total of a konto in a year: the stated total, else the sum of
/// its initiatives, else the sum of its first breakdown. Unknown when none is given.
pub fn realiseret(s: &Scenario, konto: &str, year: Year) -> Result<Figure, Overflow> {
    let Some(r) = s.realiseret.get(konto) else {
        return Ok(Figure::Unknown);
    };
    let base = || format!("realiserede_besparelser.{konto}");
    if let Some(total) = &r.total {
        return Ok(total.get(year));
    }
    if !r.initiatives.is_empty() {
        return initiatives_total(r, year).map_err(|e| e.at(format!("{}.initiativer", base())));
    }
    match r.breakdowns.first() {
        Some(b) => Figure::sum(
            b.parts.iter().map(|(_, v)| v.get(year)),
            "realiserede besparelser",
        )
        .map_err(|e| e.at(format!("{}.fordelinger.{}", base(), b.dimension))),
        None => Ok(Figure::Unknown),
    }
}

/// Sum of a konto's initiatives in a year.
pub fn initiatives_total(r: &Realiseret, year: Year) -> Result<Figure, Overflow> {
    Figure::sum(
        r.initiatives.iter().map(|i| i.amounts.get(year)),
        "initiativer",
    )
}

/// The gap (I alt, udestående): besparelseskrav + realiserede besparelser.
/// A positive gap is still to be found.
pub fn gap(s: &Scenario, konto: &str, year: Year) -> Result<Figure, Overflow> {
    krav(s, konto, year)
        .checked_add(realiseret(s, konto, year)?, "I alt")
        .map_err(|e| e.at(format!("besparelseskrav.{konto}")))
}

/// The gap in `year` if the realized savings stay at the base year's level:
/// krav(year) + realiseret(base). "Yderligere 9,6 mio. kr. frem mod 2029".
pub fn further_against_base(
    s: &Scenario,
    konto: &str,
    base: Year,
    year: Year,
) -> Result<Figure, Overflow> {
    krav(s, konto, year)
        .checked_add(realiseret(s, konto, base)?, "yderligere besparelser")
        .map_err(|e| e.at(format!("besparelseskrav.{konto}")))
}

/// One konto's breakdown by a dimension in a year: member and amount, in the
/// dimension's order. From the initiatives when they are all tagged with the
/// dimension, else from the marginal breakdown. `None` when neither exists.
pub fn breakdown(
    s: &Scenario,
    konto: &str,
    dimension: &str,
    year: Year,
) -> Result<Option<Vec<(String, Figure)>>, Overflow> {
    let Some(r) = s.realiseret.get(konto) else {
        return Ok(None);
    };
    if !r.initiatives.is_empty() && r.initiatives.iter().all(|i| i.tags.contains_key(dimension)) {
        let members: Vec<String> = match s.dimension(dimension) {
            Some(d) => d.members.clone(),
            None => Vec::new(),
        };
        let mut out = Vec::new();
        for m in members {
            let parts: Vec<Figure> = r
                .initiatives
                .iter()
                .filter(|i| i.tags.get(dimension) == Some(&m))
                .map(|i| i.amounts.get(year))
                .collect();
            if !parts.is_empty() {
                let sum = Figure::sum(parts, "fordeling")
                    .map_err(|e| e.at(format!("realiserede_besparelser.{konto}.initiativer")))?;
                out.push((m, sum));
            }
        }
        return Ok(Some(out));
    }
    Ok(r.breakdowns
        .iter()
        .find(|b| b.dimension == dimension)
        .map(|b| {
            b.parts
                .iter()
                .map(|(m, v)| (m.clone(), v.get(year)))
                .collect()
        }))
}

/// `part` as a percentage of `total` (exact to 28 significant digits). Unknown
/// when either is unknown or the total is zero (no share of nothing).
pub fn share(part: Figure, total: Figure) -> Result<Figure, Overflow> {
    match (part, total) {
        (Figure::Known(p), Figure::Known(t)) if !t.is_zero() => p
            .exact_mul(Decimal::ONE_HUNDRED)
            .and_then(|x| x.checked_div(t))
            .map(Figure::Known)
            .ok_or_else(|| Overflow::new("Andel")),
        _ => Ok(Figure::Unknown),
    }
}

/// A target against the reform's requirement: the buffer kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetBuffer {
    pub konto: String,
    pub year: Year,
    pub target: Decimal,
    pub krav: Figure,
    /// target − krav (8,6 − 7,5 = 1,1).
    pub buffer: Figure,
}

pub fn target_buffers(s: &Scenario) -> Result<Vec<TargetBuffer>, Overflow> {
    s.sigtelinjer
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let k = krav(s, &t.konto, t.year);
            Ok(TargetBuffer {
                konto: t.konto.clone(),
                year: t.year,
                target: t.amount,
                krav: k,
                buffer: Figure::Known(t.amount)
                    .checked_sub(k, "buffer")
                    .map_err(|e| e.at(format!("sigtelinjer[{i}]")))?,
            })
        })
        .collect()
}

/// How a reserve covers the gaps of the years after it was saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReserveYear {
    pub year: Year,
    pub gap: Figure,
    /// Negative: the part of the gap the reserve covers.
    pub covered: Figure,
    /// gap + covered.
    pub uncovered: Figure,
    /// What is left of the reserve after this year.
    pub remaining: Figure,
}

/// Spends a one-off reserve on the positive gaps of the years after `ultimo`,
/// in order, until it is used up. Once a gap is unknown, how much is left is
/// unknown too.
pub fn cover_with_reserve(
    s: &Scenario,
    konto: &str,
    ultimo: Year,
    amount: Decimal,
) -> Result<Vec<ReserveYear>, Overflow> {
    let mut left = Figure::Known(amount);
    let mut out = Vec::new();
    for &year in s.years.iter().filter(|&&y| y > ultimo) {
        let g = gap(s, konto, year)?;
        let (covered, remaining) = match (g, left) {
            (Figure::Known(g), Figure::Known(l)) => {
                let c = if g.is_sign_positive() {
                    g.min(l)
                } else {
                    Decimal::ZERO
                };
                (Figure::Known(-c), Figure::Known(l - c))
            }
            _ => (Figure::Unknown, Figure::Unknown),
        };
        out.push(ReserveYear {
            year,
            gap: g,
            covered,
            uncovered: g.checked_add(covered, "udækket")?,
            remaining,
        });
        left = remaining;
    }
    Ok(out)
}

/// Sum of the requests of an area in a year (not anlæg). Known zero when there
/// are none: the table lists every request.
pub fn bevilling_cell(
    requests: &[crate::model::Bevillingsansøgning],
    area: &str,
    year: Year,
) -> Result<Decimal, Overflow> {
    let amounts = requests
        .iter()
        .filter(|r| r.area == area && r.year == year && !r.anlæg)
        .map(|r| r.amount())
        .collect::<Result<Vec<_>, _>>()?;
    checked_sum(amounts, "bevillingsansøgninger").map_err(|e| e.at("bevillingsansøgninger"))
}

/// Sum of the anlæg requests of an area; `None` when there are none (`-`).
pub fn anlæg_cell(
    requests: &[crate::model::Bevillingsansøgning],
    area: &str,
) -> Result<Option<Decimal>, Overflow> {
    let amounts = requests
        .iter()
        .filter(|r| r.area == area && r.anlæg)
        .map(|r| r.amount())
        .collect::<Result<Vec<_>, _>>()?;
    if amounts.is_empty() {
        Ok(None)
    } else {
        checked_sum(amounts, "anlægsbevillinger")
            .map(Some)
            .map_err(|e| e.at("bevillingsansøgninger"))
    }
}

/// A budget's figures: oprindeligt, sum of changes, korrigeret (computed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetFigures {
    pub original: Figure,
    pub changes: Decimal,
    /// original + changes; when the original is not given, the stated corrected budget.
    pub corrected: Figure,
    /// The original derived from the stated corrected budget (korrigeret − ændringer).
    pub original_derived: bool,
}

pub fn budget_figures(b: &Budget) -> Result<BudgetFigures, Overflow> {
    let changes = checked_sum(b.changes.iter().map(|c| c.amount), "bevillingsændringer")?;
    Ok(match (b.original, b.corrected) {
        (Some(o), _) => BudgetFigures {
            original: Figure::Known(o),
            changes,
            corrected: Figure::Known(
                o.exact_add(changes)
                    .ok_or_else(|| Overflow::new("korrigeret budget"))?,
            ),
            original_derived: false,
        },
        (None, Some(k)) => BudgetFigures {
            original: Figure::Known(
                k.exact_sub(changes)
                    .ok_or_else(|| Overflow::new("oprindeligt budget"))?,
            ),
            changes,
            corrected: Figure::Known(k),
            original_derived: true,
        },
        (None, None) => BudgetFigures {
            original: Figure::Unknown,
            changes,
            corrected: Figure::Unknown,
            original_derived: false,
        },
    })
}
