//! Reconciliation, as small independent passes over a scenario. Each pass
//! returns findings with the key path they concern; the CLI turns paths into
//! file positions.

use crate::calc;
use crate::model::{Realiseret, Scenario, Year};
use crate::money::{checked_sum, Decimal, Exact, Figure, Overflow, Unit};
use crate::numfmt::{format_number, NumberStyle};
use crate::table::{DisplayOptions, Lang};

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The reconciliation holds exactly.
    Holds,
    /// It does not; the message says by how much.
    Fails,
    /// It cannot be judged (a figure is unknown); the message says why.
    Skipped,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    /// Which pass found it.
    pub pass: &'static str,
    /// Key path in the scenario file.
    pub path: String,
    pub status: Status,
    pub message: String,
}

/// A pass: one kind of reconciliation.
pub type Pass = fn(&Scenario) -> Result<Vec<Finding>, Overflow>;

/// Every pass, in order.
pub const PASSES: &[(&str, Pass)] = &[
    ("realiseret", realized_reconciles),
    ("flytning", moves_net_to_zero),
    ("budget", budgets_reconcile),
];

/// Runs every pass. First computes every table `report` shows, in every
/// unit, so that `check` never passes a scenario whose tables cannot be
/// computed exactly (a total across konti that overflows, say).
pub fn run_all(s: &Scenario) -> Result<Vec<Finding>, Overflow> {
    report_computes(s)?;
    let mut out = Vec::new();
    for (_, pass) in PASSES {
        out.extend(pass(s)?);
    }
    Ok(out)
}

/// Computes every table of the report and shows it in every unit; the
/// first total that cannot be computed exactly is the error.
pub fn report_computes(s: &Scenario) -> Result<(), Overflow> {
    for table in crate::report::build(s, Lang::Da)? {
        for unit in Unit::ALL {
            table.display(&DisplayOptions {
                unit,
                ..DisplayOptions::default()
            })?;
        }
    }
    Ok(())
}

/// Something the scenario says that is allowed but probably not meant: a sign
/// flip, or an initiative that silently removes the tables by a dimension.
/// Reported on stderr; exit 1 only under `--strict`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    /// Key path in the scenario file.
    pub path: String,
    pub message: String,
}

/// Every warning for a scenario, in file order.
pub fn warnings(s: &Scenario) -> Vec<Warning> {
    let mut out = Vec::new();
    let mut sign = |path: String, values: &crate::model::YearValues, want_positive: bool| {
        for (year, v) in &values.0 {
            let flipped = if want_positive {
                v.is_sign_negative() && !v.is_zero()
            } else {
                v.is_sign_positive() && !v.is_zero()
            };
            if flipped {
                let message = if want_positive {
                    format!(
                        "besparelseskrav is negative ({}); a savings requirement is written positive (the amount that must be found). A sign flip?",
                        kr(*v)
                    )
                } else {
                    format!(
                        "realized savings are positive ({}); realized savings are written negative (they reduce spending). A sign flip?",
                        kr(*v)
                    )
                };
                out.push(Warning {
                    path: format!("{path}.{year}"),
                    message,
                });
            }
        }
    };
    for (konto, values) in &s.besparelseskrav {
        sign(format!("besparelseskrav.{konto}"), values, true);
    }
    for (konto, r) in &s.realiseret {
        let base = format!("realiserede_besparelser.{konto}");
        if let Some(total) = &r.total {
            sign(format!("{base}.i_alt"), total, false);
        }
        for (i, init) in r.initiatives.iter().enumerate() {
            sign(
                format!("{base}.initiativer[{i}].beløb"),
                &init.amounts,
                false,
            );
        }
        for b in &r.breakdowns {
            for (member, values) in &b.parts {
                sign(
                    format!("{base}.fordelinger.{}.{member}", b.dimension),
                    values,
                    false,
                );
            }
        }
    }
    // A dimension some initiatives of a konto carry and others lack: the
    // tables by that dimension are left out (they could not add up).
    for (konto, r) in &s.realiseret {
        for d in &s.dimensions {
            let carry = r
                .initiatives
                .iter()
                .filter(|i| i.tags.contains_key(&d.name))
                .count();
            if carry == 0 || carry == r.initiatives.len() {
                continue;
            }
            for (i, init) in r.initiatives.iter().enumerate() {
                if !init.tags.contains_key(&d.name) {
                    out.push(Warning {
                        path: format!("realiserede_besparelser.{konto}.initiativer[{i}]"),
                        message: format!(
                            "initiative {:?} has no {} ({carry} of the {} initiatives give one), so the tables by {} are left out",
                            init.name,
                            d.name,
                            r.initiatives.len(),
                            d.name
                        ),
                    });
                }
            }
        }
    }
    out
}

/// An exact amount in kroner, Danish style, with øre only when there are any.
pub fn kr(d: Decimal) -> String {
    let decimals = if d.fract().is_zero() { 0 } else { 2 };
    format!("{} kr.", format_number(d, decimals, NumberStyle::DANISH))
}

/// One form of a konto's realized savings, summed for a year.
struct Form {
    path: String,
    name: String,
    value: Figure,
    /// Some, but not all, of the figures it sums are given for the year.
    partly_known: bool,
}

/// Whether some but not all of `figures` are known.
fn partly(figures: &[Figure]) -> bool {
    figures.iter().any(|f| f.is_known()) && !figures.iter().all(|f| f.is_known())
}

fn forms(konto: &str, r: &Realiseret, year: Year) -> Result<Vec<Form>, Overflow> {
    let base = format!("realiserede_besparelser.{konto}");
    let mut out = Vec::new();
    if let Some(total) = &r.total {
        out.push(Form {
            path: format!("{base}.i_alt"),
            name: "i_alt".to_string(),
            value: total.get(year),
            partly_known: false,
        });
    }
    if !r.initiatives.is_empty() {
        let figures: Vec<Figure> = r.initiatives.iter().map(|i| i.amounts.get(year)).collect();
        out.push(Form {
            path: format!("{base}.initiativer"),
            name: "the sum of the initiatives".to_string(),
            value: calc::initiatives_total(r, year)
                .map_err(|e| e.at(format!("{base}.initiativer")))?,
            partly_known: partly(&figures),
        });
    }
    for b in &r.breakdowns {
        let figures: Vec<Figure> = b.parts.iter().map(|(_, v)| v.get(year)).collect();
        out.push(Form {
            path: format!("{base}.fordelinger.{}", b.dimension),
            name: format!("the sum of the breakdown by {}", b.dimension),
            value: Figure::sum(figures.iter().copied(), "fordeling")
                .map_err(|e| e.at(format!("{base}.fordelinger.{}", b.dimension)))?,
            partly_known: partly(&figures),
        });
    }
    Ok(out)
}

/// Every form of a konto's realized savings (stated total, initiatives, each
/// breakdown) equals every other, year by year.
pub fn realized_reconciles(s: &Scenario) -> Result<Vec<Finding>, Overflow> {
    let mut out = Vec::new();
    for (konto, r) in &s.realiseret {
        for &year in &s.years {
            let forms = forms(konto, r, year)?;
            let Some(reference) = forms.iter().find(|f| f.value.is_known()) else {
                continue;
            };
            let Figure::Known(want) = reference.value else {
                continue;
            };
            for f in forms.iter().filter(|f| !std::ptr::eq(*f, reference)) {
                let finding = |status, message| Finding {
                    pass: "realiseret",
                    path: f.path.clone(),
                    status,
                    message,
                };
                match f.value {
                    Figure::Known(got) if got == want => out.push(finding(
                        Status::Holds,
                        format!(
                            "{year}: {} is {}, equal to {}",
                            f.name,
                            kr(got),
                            reference.name
                        ),
                    )),
                    Figure::Known(got) => {
                        let diff = got
                            .exact_sub(want)
                            .ok_or_else(|| Overflow::new("difference"))?;
                        out.push(finding(
                            Status::Fails,
                            format!(
                                "{year}: {} is {} but {} is {}: off by {}",
                                f.name,
                                kr(got),
                                reference.name,
                                kr(want),
                                kr(diff)
                            ),
                        ));
                    }
                    Figure::Unknown => {
                        // A form given for some years only is not a failure; one
                        // that is partly known for this year cannot be judged.
                        if f.partly_known {
                            out.push(finding(
                                Status::Skipped,
                                format!(
                                    "{year}: {} has unknown parts, so it cannot be reconciled",
                                    f.name
                                ),
                            ));
                        }
                    }
                }
            }
        }
    }
    Ok(out)
}

/// A move between areas (flytning) nets to zero.
pub fn moves_net_to_zero(s: &Scenario) -> Result<Vec<Finding>, Overflow> {
    let Some(b) = &s.bevillinger else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for (i, r) in b
        .requests
        .iter()
        .enumerate()
        .filter(|(_, r)| r.move_nets_to_zero)
    {
        let net = r.amount()?;
        let path = format!("bevillingsansøgninger.ansøgninger[{i}].flytning");
        let parts: Vec<String> = r
            .lines
            .iter()
            .map(|l| format!("{} {}", l.label, kr(l.amount)))
            .collect();
        out.push(Finding {
            pass: "flytning",
            path,
            status: if net.is_zero() {
                Status::Holds
            } else {
                Status::Fails
            },
            message: if net.is_zero() {
                format!(
                    "{} {}: {} net to 0 kr.",
                    r.area,
                    r.year,
                    parts.join(" and ")
                )
            } else {
                format!(
                    "{} {}: {} net to {}, not 0 kr.",
                    r.area,
                    r.year,
                    parts.join(" and "),
                    kr(net)
                )
            },
        });
    }
    Ok(out)
}

/// A stated corrected budget equals the original plus the approved changes.
pub fn budgets_reconcile(s: &Scenario) -> Result<Vec<Finding>, Overflow> {
    let mut out = Vec::new();
    for (i, b) in s.budgets.iter().enumerate() {
        let (Some(original), Some(corrected)) = (b.original, b.corrected) else {
            continue;
        };
        let changes = checked_sum(b.changes.iter().map(|c| c.amount), "ændringer")?;
        let want = original
            .exact_add(changes)
            .ok_or_else(|| Overflow::new("korrigeret budget"))?;
        let path = format!("budgetter[{i}].korrigeret");
        out.push(if want == corrected {
            Finding {
                pass: "budget",
                path,
                status: Status::Holds,
                message: format!(
                    "{} {}: {} + {} = {}",
                    b.area,
                    b.year,
                    kr(original),
                    kr(changes),
                    kr(corrected)
                ),
            }
        } else {
            Finding {
                pass: "budget",
                path,
                status: Status::Fails,
                message: format!(
                    "{} {}: korrigeret is {} but oprindeligt {} + ændringer {} = {}: off by {}",
                    b.area,
                    b.year,
                    kr(corrected),
                    kr(original),
                    kr(changes),
                    kr(want),
                    kr(corrected
                        .exact_sub(want)
                        .ok_or_else(|| Overflow::new("difference"))?)
                ),
            }
        });
    }
    Ok(out)
}
